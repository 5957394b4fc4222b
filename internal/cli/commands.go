package cli

// commands is the command table: a command's name, its arguments and what
// it does, as help prints them, and the function in its own file that runs
// it. A new command is one entry here and one file.
var commands = []Command{
	{Name: "serve", Run: runServe,
		Args:    "[--addr 127.0.0.1:8080] [--db DB] [--jurisdiction 36.04] [--public-url URL] [--trusted-proxy IP] [--tls-cert F --tls-key F] [--demo]",
		Summary: "jalankan server web (memperbarui skema; --demo memuat data demo ke basis data kosong)"},
	{Name: "migrate", Run: runMigrate,
		Args:    "--db DB",
		Summary: "perbarui skema basis data ke versi terbaru"},
	{Name: "user add", Run: runUserAdd,
		Args:    "--db DB --username U --role admin|operator|pimpinan|owner|mitra [--regions 36.04.15,36.04.16] [--business ID] [--partner ID] --password-stdin",
		Summary: "tambah pengguna (kata sandi dibaca dari stdin)"},
	{Name: "token create", Run: runTokenCreate,
		Args:    "--db DB --username U [--expires 90d]",
		Summary: "buat token API untuk pengguna (ditampilkan sekali; hanya hash-nya disimpan)"},
	{Name: "token list", Run: runTokenList,
		Args:    "--db DB [--username U]",
		Summary: "daftar token API: ID, pengguna, dibuat, terakhir dipakai, kedaluwarsa (tanpa token itu sendiri)"},
	{Name: "token revoke", Run: runTokenRevoke,
		Args:    "--db DB ID",
		Summary: "cabut token API; permintaan berikutnya dengan token itu ditolak (401)"},
	{Name: "backup", Run: runBackup,
		Args:    "--db DB [--photo-dir DIR] FILE",
		Summary: "salin basis data SQLite yang sedang berjalan secara konsisten ke FILE, dan foto produk ke FILE-foto (PostgreSQL: pakai pg_dump)"},
	{Name: "import", Run: runImport,
		Args:    "--db DB [--source NAME] [--sheet S] [--dry-run] [--report FILE] [--json] FILE",
		Summary: "impor berkas XLSX/CSV ke register UMKM (upsert: tambah, perbarui, atau tandai tidak berubah)"},
	{Name: "export", Run: runExport,
		Args:    "--db DB --format xlsx|csv -o FILE [--district CODE] [--size-class C]",
		Summary: "ekspor register UMKM ke XLSX atau CSV (judul kolom berbahasa Indonesia)"},
	{Name: "link", Run: runLink,
		Args:    "[--json] [--id-column NAME] [--threshold P] [--pairs FILE] -o clusters.csv FILE",
		Summary: "cari baris yang menggambarkan usaha yang sama dalam berkas XLSX/CSV (tautan rekaman)"},
}
