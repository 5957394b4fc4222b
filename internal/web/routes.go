package web

import (
	"net/http"

	"naikkelas/internal/apperr"
	"naikkelas/internal/auth"
)

// access is who may reach a route at all. Finer rules (area, own business,
// own partner, masking) are the domain services' job.
type access int

const (
	public      access = iota // anyone, logged in or not
	signedIn                  // any authenticated user, a mitra included
	member                    // any authenticated user of the register: every role but mitra
	partnerOnly               // a mitra: what is addressed to its partner
	adminOnly                 // role admin
)

// refuses returns why the access level shuts out the user, or nil. A mitra
// reaches only signedIn and partnerOnly routes: a role outside the office
// sees nothing of the register unless a route is written for it.
func (ac access) refuses(u *auth.User) error {
	switch {
	case ac == adminOnly && u.Role != auth.Admin:
		return apperr.New(apperr.Forbidden, "Halaman ini hanya untuk admin")
	case ac == member && u.Role == auth.Mitra:
		return apperr.New(apperr.Forbidden, "Akun mitra hanya melihat program yang didanai mitranya")
	case ac == partnerOnly && u.Role != auth.Mitra:
		return apperr.New(apperr.Forbidden, "Halaman ini untuk akun mitra")
	}
	return nil
}

// route is one line of the table below. API routes carry an apiDoc, from
// which the OpenAPI document is generated (openapi.go).
type route struct {
	Pattern string
	Access  access
	Handler http.HandlerFunc
	Doc     *apiDoc
}

// routeTable lists EVERY route of naikkelas. Adding a route is adding a line.
func (s *Server) routeTable() []route {
	return []route{
		// Static files and health.
		{"GET /static/{version}/{file...}", public, s.staticServe, nil},
		{"GET /favicon.ico", public, s.faviconServe, nil},
		{"GET /healthz", public, s.healthShow, doc("Kesehatan layanan (basis data menjawab)", "", "Health", 200, 503)},

		// Log in and out.
		{"GET /masuk", public, s.loginShow, nil},
		{"POST /masuk", public, s.handle(s.loginSubmit), nil},
		{"POST /keluar", public, s.handle(s.logoutSubmit), nil},

		// Pages.
		{"GET /{$}", signedIn, s.handle(s.homeShow), nil},
		{"GET /beranda/tren", member, s.handle(s.homeTrends), nil},
		{"GET /usaha", member, s.handle(s.businessList), nil},
		{"GET /usaha/baru", member, s.handle(s.businessNew), nil},
		{"POST /usaha", member, s.handle(s.businessCreate), nil},
		{"GET /usaha/{id}", member, s.handleByID(s.businessShow), nil},
		{"GET /usaha/{id}/ubah", member, s.handle(s.businessEdit), nil},
		{"POST /usaha/{id}", member, s.handle(s.businessUpdate), nil},
		{"GET /usaha/{id}/arsip", member, s.handle(s.businessArchiveConfirm), nil},
		{"POST /usaha/{id}/arsip", member, s.handleByID(s.businessArchive), nil},
		{"POST /usaha/{id}/ukuran", member, s.handle(s.measurementCreate), nil},
		{"GET /usulan", member, s.handle(s.proposalList), nil},
		{"POST /usulan/{id}", member, s.handleByID(s.proposalDecide), nil},
		{"GET /wilayah/desa", member, s.villageOptions, nil},
		{"GET /admin/pengguna", adminOnly, s.handle(s.userList), nil},
		{"POST /admin/pengguna", adminOnly, s.handle(s.userCreate), nil},
		{"POST /admin/pengguna/{id}/nonaktif", adminOnly, s.handleByID(doThenSee("/admin/pengguna", s.Accounts.Disable)), nil},
		{"GET /admin/audit", adminOnly, s.handle(s.auditList), nil},
		{"GET /admin/token", adminOnly, s.handle(s.tokenList), nil},
		{"POST /admin/token/{id}/cabut", adminOnly, s.handleByID(doThenSee("/admin/token", s.Accounts.RevokeToken)), nil},
		{"GET /admin/kantor", adminOnly, s.handle(s.officeEdit), nil},
		{"POST /admin/kantor", adminOnly, s.handle(s.officeSave), nil},
		{"GET /kantor/logo", public, s.handle(s.officeLogo), nil},

		// JSON API under /api/v1. Each line carries its OpenAPI summary.
		{"GET /api/v1/openapi.json", public, s.apiOpenAPI, doc("Dokumen OpenAPI 3 untuk semua rute API", "", "", 200)},
		{"GET /api/v1/regions", member, s.api(http.StatusOK, s.apiRegionList),
			doc("Daftar wilayah di bawah parent (tanpa parent: tingkat teratas yurisdiksi)", "", "RegionList", 200, 401, 404).
				query("parent", "Kode wilayah induk, mis. 36.04")},
		{"GET /api/v1/businesses", member, s.api(http.StatusOK, s.apiBusinessList),
			doc("Daftar usaha di wilayah pemanggil, dengan pencarian dan filter", "", "BusinessList", 200, 401, 422).
				query("q", "Cari nama, merek, pemilik, NIB, dan NIK atau HP bagi peran yang melihatnya tanpa samaran (toleran salah ketik)").
				query("district", "Kode kecamatan").query("village", "Kode desa").
				query("size_class", "mikro|kecil|menengah|besar").query("sector", "Kategori KBLI A–U").
				query("doc", "nib|no_nib|pirt|pirt_expired|halal|halal_expired|no_halal").
				query("sort", "name|owner_name|district|size_class|annual_revenue|updated_at|id").query("desc", "1 untuk urutan menurun").
				query("page", "Halaman, mulai 1").query("per_page", "Baris per halaman, maks. 500")},
		{"POST /api/v1/businesses", member, s.api(http.StatusCreated, createdAt("/api/v1/businesses/", bodyOf(s.Registry.Create))),
			doc("Tambah usaha; kelas usaha dihitung, omzet/modal menjadi ukuran pertama", "Business", "Business", 201, 401, 403, 422)},
		{"GET /api/v1/businesses/{id}", member, s.api(http.StatusOK, byPathID(s.Registry.Get)),
			doc("Satu usaha (data pribadi disamarkan sesuai peran)", "", "Business", 200, 401, 404)},
		{"PUT /api/v1/businesses/{id}", member, s.api(http.StatusOK, withIDBody(s.apiBusinessUpdate)),
			doc("Ganti data usaha; wajib membawa version terakhir", "Business", "Business", 200, 401, 403, 404, 409, 422)},
		{"DELETE /api/v1/businesses/{id}", member, s.api(http.StatusNoContent, doByPathID(s.Registry.Archive)),
			doc("Arsipkan usaha (tidak dihapus permanen)", "", "", 204, 401, 403, 404)},
		{"GET /api/v1/businesses/{id}/measurements", member, s.api(http.StatusOK, listByPathID(s.Registry.Measurements)),
			doc("Riwayat ukuran usaha (omzet, modal, tenaga kerja), terlama dulu", "", "MeasurementList", 200, 401, 404)},
		{"POST /api/v1/businesses/{id}/measurements", member, s.api(http.StatusCreated, withIDBody(s.apiMeasurementCreate)),
			doc("Tambah satu ukuran bertanggal; tidak pernah menimpa", "MeasurementInput", "Measurement", 201, 401, 403, 404, 422)},
		{"GET /api/v1/proposals", member, s.api(http.StatusOK, s.apiProposalList),
			doc("Usulan perubahan NIK, NIB, P-IRT atau status halal oleh pemilik: petugas melihat wilayahnya, pemilik usahanya",
				"", "ProposalList", 200, 401, 403, 422).query("status", "pending|approved|rejected (bawaan: semua)")},
		{"POST /api/v1/proposals/{id}/decision", member, s.api(http.StatusOK, withIDBody(s.apiProposalDecide)),
			doc("Setujui (nilai usulan masuk ke data usaha) atau tolak dengan alasan; petugas wilayah usaha saja",
				"ProposalDecision", "Proposal", 200, 401, 403, 404, 409, 422)},
		{"GET /api/v1/stats/districts", member, s.api(http.StatusOK, s.apiStatsDistricts),
			doc("Jumlah usaha per kecamatan dan kelas di wilayah pemanggil", "", "DistrictStats", 200, 401)},
		{"GET /api/v1/users", adminOnly, s.api(http.StatusOK, s.apiUserList), doc("Daftar pengguna (admin)", "", "UserList", 200, 401, 403)},
		{"POST /api/v1/users", adminOnly, s.api(http.StatusCreated, withBody(s.apiUserCreate)),
			doc("Tambah pengguna; aturan nama, kata sandi, peran dan wilayah sama dengan halaman dan perintah user add",
				"UserInput", "User", 201, 401, 403, 409, 422)},
		{"GET /api/v1/office", member, s.api(http.StatusOK, s.apiOfficeGet),
			doc("Identitas kantor: pemerintah daerah, dinas, alamat, penanda tangan sertifikat", "", "Office", 200, 401)},
		{"PUT /api/v1/office", adminOnly, s.api(http.StatusOK, withBody(s.apiOfficePut)),
			doc("Ubah identitas kantor (admin); wajib membawa version terakhir; logo diunggah di halaman admin", "Office", "Office",
				200, 401, 403, 409, 422)},
		{"GET /api/v1/duplicates", member, s.api(http.StatusOK, s.apiDuplicateList),
			doc("Pasangan usaha yang kemungkinan sama (tautan rekaman), terkuat dulu; petugas dinas, data pribadi disamarkan sesuai peran",
				"", "DuplicateList", 200, 401, 403, 422).
				query("district", "Kode kecamatan, mis. 36.04.15 (operator: hanya wilayahnya)").
				query("min_probability", "Peluang minimal 0–1, bawaan 0.5")},
		{"POST /api/v1/duplicates/dismiss", member, s.api(http.StatusNoContent, withBody(s.apiDuplicateDismiss)),
			doc("Tandai dua usaha bukan duplikat; pasangan itu tidak diusulkan lagi", "DuplicatePair", "", 204, 401, 403, 404, 422)},
		{"POST /api/v1/duplicates/merge", member, s.api(http.StatusCreated, withBody(s.apiDuplicateMerge)),
			doc("Gabungkan usaha merge ke usaha keep (petugas dinas; operator: keduanya di wilayahnya): semua catatan pindah, "+
				"yang bentrok (mis. pendaftaran program yang sama) tetap pada usaha yang digabung dan dihitung di left; "+
				"usaha yang digabung diarsipkan dan menjawab 404", "MergeRequest", "Merge", 201, 401, 403, 404, 409, 422)},
		{"POST /api/v1/merges/{id}/undo", member, s.api(http.StatusOK, s.apiMergeUndo),
			doc("Batalkan penggabungan: kedua usaha dan catatannya kembali persis seperti sebelumnya; 409 bila salah satunya "+
				"sudah diubah sejak digabung atau sudah dibatalkan", "", "Merge", 200, 401, 403, 404, 409)},
		{"GET /api/v1/audit", adminOnly, s.api(http.StatusOK, s.apiAuditList),
			doc("Jejak audit, terbaru dulu (admin)", "", "AuditList", 200, 401, 403).
				query("entity", "Jenis data, mis. business").query("entity_id", "ID data").
				query("page", "Halaman, mulai 1").query("per_page", "Baris per halaman, maks. 500")},

		// Products and their photos
		{"GET /api/v1/businesses/{id}/products", member, s.api(http.StatusOK, listByPathID(s.Market.Products)),
			doc("Produk satu usaha, dengan izin (P-IRT, halal, BPOM) dan foto", "", "ProductList", 200, 401, 404)},
		{"POST /api/v1/businesses/{id}/products", member, s.api(http.StatusCreated, createdAt("/api/v1/products/", bodyByPathID(s.Market.Create))),
			doc("Tambah produk: pemilik untuk usahanya, petugas di wilayahnya; nomor izin dan barcode diperiksa formatnya",
				"Product", "Product", 201, 401, 403, 404, 409, 422)},
		{"GET /api/v1/products/{id}", member, s.api(http.StatusOK, byPathID(s.Market.Product)), doc("Satu produk", "", "Product", 200, 401, 404)},
		{"PUT /api/v1/products/{id}", member, s.api(http.StatusOK, withIDBody(s.apiProductUpdate)),
			doc("Ganti data produk; wajib membawa version terakhir; hanya petugas yang dapat menandai izin terverifikasi",
				"Product", "Product", 200, 401, 403, 404, 409, 422)},
		{"DELETE /api/v1/products/{id}", member, s.api(http.StatusNoContent, doByPathID(s.Market.Delete)),
			doc("Hapus produk beserta fotonya", "", "", 204, 401, 403, 404)},
		{"POST /api/v1/products/{id}/photos", member, s.api(http.StatusCreated, s.apiProductPhoto),
			doc("Unggah foto produk (multipart: photo; JPEG, PNG atau WebP, maks. 8 MB); disimpan ulang sebagai JPEG tanpa EXIF/lokasi, dengan gambar kecil",
				"", "Photo", 201, 401, 403, 404, 409, 413, 422)},
		{"GET /foto/{id}", member, s.handle(s.photoServe), nil},
		{"GET /katalog", public, s.handle(s.catalogueList), nil},
		{"GET /katalog.json", public, s.handle(s.catalogueFeed),
			doc("Katalog publik sebagai JSON: produk usaha yang setuju tampil, tanpa NIK, nomor pribadi atau alamat; filter sama dengan /katalog",
				"", "CatalogueFeed", 200).query("q", "Nama produk, usaha atau merek").query("kategori", "Kategori produk").
				query("kecamatan", "Kode kecamatan").query("halal", "1 = bersertifikat halal terverifikasi").
				query("ritel", "1 = sudah di ritel modern (sedang dipajang)").query("page", "Halaman, mulai 1")},
		{"GET /katalog/{id}", public, s.handleByID(s.catalogueShow), nil},
		{"GET /katalog/foto/{id}", public, s.handle(s.cataloguePhoto), nil},
		{"POST /usaha/{id}/katalog", member, s.handleByID(s.consentSave), nil},
		{"GET /api/v1/businesses/{id}/catalogue", member, s.api(http.StatusOK, s.apiConsentGet),
			doc("Persetujuan usaha tampil di katalog publik (404 bila belum)", "", "CatalogueConsent", 200, 401, 404)},
		{"PUT /api/v1/businesses/{id}/catalogue", member, s.api(http.StatusOK, withIDBody(s.apiConsentPut)),
			doc("Catat persetujuan tampil di katalog dengan nomor WhatsApp yang dipublikasikan (pemilik, atau petugas di wilayahnya)",
				"CatalogueConsentInput", "CatalogueConsent", 200, 401, 403, 404, 422)},
		{"DELETE /api/v1/businesses/{id}/catalogue", member, s.api(http.StatusNoContent, doByPathID(s.Market.WithdrawConsent)),
			doc("Tarik persetujuan: usaha keluar dari katalog", "", "", 204, 401, 403, 404)},
		{"POST /produk/{id}/label", member, s.handleByID(s.labelCheckCreate), nil},
		{"GET /api/v1/label-elements", member, s.api(http.StatusOK, s.apiLabelElements),
			doc("Unsur label dan kemasan yang diperiksa (BPOM 31/2018 jo. 20/2021, PP 69/1999, syarat kurasi ritel), berversi", "",
				"LabelElements", 200, 401)},
		{"GET /api/v1/products/{id}/label-checks", member, s.api(http.StatusOK, listByPathID(s.Market.LabelChecks)),
			doc("Riwayat pemeriksaan label satu produk, terlama dulu", "", "LabelCheckList", 200, 401, 404)},
		{"POST /api/v1/products/{id}/label-checks", member, s.api(http.StatusCreated, bodyByPathID(s.Market.CheckLabel)),
			doc("Catat pemeriksaan label (petugas): items {unsur: ok|missing|wrong|na}, notes, label_pirt → skor, perbaikan, tanda ketidaksesuaian",
				"LabelCheckInput", "LabelCheck", 201, 401, 403, 404, 422)},
		// Retail curation rounds: officers, leadership and the retailer's own mitra.
		{"GET /api/v1/curations", signedIn, s.api(http.StatusOK, listOf(s.Market.Curations)),
			doc("Putaran kurasi ritel, tanggal terbaru dulu (mitra: hanya milik ritelnya)", "", "CurationList", 200, 401, 403)},
		{"POST /api/v1/curations", signedIn, s.api(http.StatusCreated, withBody(s.apiCurationCreate)),
			doc("Buka putaran kurasi untuk mitra ritel: tanggal, tempat, kapasitas (petugas)", "CurationInput", "Curation",
				201, 401, 403, 422)},
		{"GET /api/v1/curations/{id}", signedIn, s.api(http.StatusOK, byPathID(s.Market.Curation)),
			doc("Satu putaran kurasi dengan produknya (operator: di wilayahnya), hasil pra-periksa dan keputusan; nama usaha dan produk tanpa data pribadi",
				"", "Curation", 200, 401, 403, 404)},
		{"POST /api/v1/curations/{id}/entries", signedIn, s.api(http.StatusCreated, withIDBody(s.apiCurationEntryCreate)),
			doc("Daftarkan produk ke kurasi (petugas, produk di wilayahnya); diperiksa terhadap syarat ritel dan setiap syarat yang belum terpenuhi disebut",
				"CurationEntryInput", "CurationEntry", 201, 401, 403, 404, 409, 422)},
		{"POST /api/v1/curations/{id}/entries/{entry_id}/decision", signedIn, s.api(http.StatusOK, withIDBody(s.apiCurationDecide)),
			doc("Keputusan kurasi: lolos, perbaikan (dengan daftar perbaikan) atau tidak_lolos; petugas wilayah usaha atau mitra ritelnya",
				"CurationDecision", "CurationEntry", 200, 401, 403, 404, 422)},
		{"GET /api/v1/listings", signedIn, s.api(http.StatusOK, s.apiListingList),
			doc("Produk yang dipajang di ritel, dengan penjualan bulanan dan uang yang belum dibayar (mitra: hanya ritelnya; operator: usaha di wilayahnya)",
				"", "ListingList", 200, 401, 403, 422).query("partner_id", "ID mitra ritel").query("district", "Kode kecamatan usaha")},
		{"POST /api/v1/listings", signedIn, s.api(http.StatusCreated, withBody(s.apiListingCreate)),
			doc("Pajang produk yang lolos kurasi ritel: gerai, tanggal mulai, konsinyasi atau beli putus, tempo bayar (petugas wilayah usaha atau mitra ritelnya)",
				"ListingInput", "Listing", 201, 401, 403, 409, 422)},
		{"GET /api/v1/listings/{id}", signedIn, s.api(http.StatusOK, byPathID(s.Market.Listing)),
			doc("Satu produk di ritel dengan penjualan bulanan, jatuh tempo dan pembayarannya", "", "Listing", 200, 401, 403, 404)},
		{"POST /api/v1/listings/{id}/sales", signedIn, s.api(http.StatusCreated, bodyByPathID(s.Market.ReportSale)),
			doc("Laporkan penjualan satu bulan (mitra ritel atau petugas); jatuh tempo = akhir bulan + tempo; paid_on mencatat pembayaran; laporan bulan yang sama menggantikan",
				"SaleInput", "Sale", 201, 401, 403, 404, 422)},
		{"GET /ritel", signedIn, s.handle(s.retailOwed), nil},
		{"POST /ritel/{id}/penjualan", signedIn, s.handle(s.saleReport), nil},
		{"POST /kurasi/{id}/produk/{entry_id}/pajang", signedIn, s.handle(s.curationListing), nil},
		{"GET /api/v1/stats/market", member, s.api(http.StatusOK, s.apiMarketOutcomes),
			doc("Akses pasar per kecamatan: usaha berproduk, skor label pertama dan terakhir, tingkat lolos kurasi, usaha di ritel modern, penjualan bulan lalu lewat mitra, uang lewat jatuh tempo",
				"", "MarketOutcomes", 200, 401, 403, 422).query("program_id", "Hanya lulusan program ini (kosong: semua usaha aktif)")},
		{"GET /kurasi", signedIn, s.handle(s.curationList), nil},
		{"POST /kurasi", signedIn, s.handle(s.curationCreate), nil},
		{"GET /kurasi/{id}", signedIn, s.handleByID(s.curationBoard), nil},
		{"POST /kurasi/{id}/produk", signedIn, s.handleByID(s.curationEntryCreate), nil},
		{"POST /kurasi/{id}/produk/{entry_id}/keputusan", signedIn, s.handle(s.curationDecide), nil},
		{"GET /usaha/{id}/produk/baru", member, s.handle(s.productNew), nil},
		{"POST /usaha/{id}/produk", member, s.handle(s.productCreate), nil},
		{"GET /produk/{id}", member, s.handleByID(s.productShow), nil},
		{"POST /produk/{id}", member, s.handleByID(s.productUpdate), nil},
		{"POST /produk/{id}/foto", member, s.handleByID(s.productPhotoUpload), nil},
		{"POST /produk/{id}/hapus", member, s.handleByID(s.productDelete), nil},

		// Import and export
		{"GET /impor", member, s.handle(s.importNew), nil},
		{"POST /impor", member, s.handle(s.importUpload), nil},
		{"POST /impor/unggahan/{token}", member, s.handle(s.importStart), nil},
		{"GET /impor/riwayat", member, s.handle(s.importList), nil},
		{"GET /impor/{id}", member, s.handleByID(s.importShow), nil},
		{"POST /impor/batal/{id}", member, s.handleByID(s.importCancel), nil},
		{"POST /api/v1/imports", member, s.handle(s.apiImportCreate),
			doc("Impor berkas XLSX/CSV (multipart: file, source, dry_run, sheet: nama lembar atau all, header_row dan header_rows: baris judul bila perlu dikoreksi); diproses di latar belakang", "", "ImportCreated", 202, 401, 403, 413, 422)},
		{"GET /api/v1/imports/{id}", member, s.api(http.StatusOK, byPathID(s.importState)),
			doc("Status, kemajuan dan ringkasan satu impor", "", "Import", 200, 401, 403, 404)},
		{"POST /api/v1/imports/{id}/cancel", member, s.handleByID(s.apiImportCancel),
			doc("Batalkan impor yang sedang berjalan atau menunggu; tidak ada data yang berubah", "", "Import", 200, 202, 401, 403, 404, 409)},
		{"GET /api/v1/imports/{id}/report", member, s.handleByID(s.apiImportReport),
			doc("Laporan baris ditolak (XLSX) yang dapat diperbaiki lalu diimpor ulang", "", "", 200, 401, 403, 404)},
		{"GET /api/v1/businesses/export", member, s.handle(s.businessExport),
			doc("Ekspor daftar usaha (filter sama dengan daftar) ke XLSX atau CSV; data pribadi disamarkan sesuai peran", "", "", 200, 401, 422).
				query("format", "xlsx|csv").query("q", "Kata kunci").query("district", "Kode kecamatan").query("village", "Kode desa").
				query("size_class", "Kelas usaha").query("sector", "Sektor KBLI").query("doc", "Status dokumen")},
		{"GET /api/v1/businesses/template.xlsx", member, s.handle(s.businessTemplate),
			doc("Templat XLSX isian data UMKM dengan daftar pilihan kecamatan, desa dan sektor", "", "", 200, 401)},

		// Assessment and naik kelas
		{"GET /usaha/{id}/penilaian", member, s.handleByID(s.assessmentShow), nil},
		{"GET /usaha/{id}/penilaian/baru", member, s.handleByID(s.assessmentNew), nil},
		{"POST /usaha/{id}/penilaian", member, s.handleByID(s.assessmentCreate), nil},
		{"GET /naik-kelas", member, s.handle(s.naikKelasReport), nil},
		{"GET /naik-kelas/usaha", member, s.handle(s.naikKelasBusinesses), nil},
		{"GET /naik-kelas/unduh.xlsx", member, s.handle(s.naikKelasExport), nil},
		{"GET /api/v1/instrument", member, s.api(http.StatusOK, s.apiInstrumentShow),
			doc("Instrumen penilaian kematangan (versi sekarang, atau ?version= untuk versi lama)", "", "Instrument", 200, 401, 404).
				query("version", "Versi instrumen, mis. 1")},
		{"GET /api/v1/businesses/{id}/assessments", member, s.api(http.StatusOK, listByPathID(s.Assessments.List)),
			doc("Riwayat penilaian usaha, terlama dulu; tidak pernah ditimpa", "", "AssessmentList", 200, 401, 404)},
		{"POST /api/v1/businesses/{id}/assessments", member, s.api(http.StatusCreated, withIDBody(s.apiAssessmentCreate)),
			doc("Simpan penilaian: pemilik hanya self, petugas officer atau officer_verified", "AssessmentInput", "Assessment",
				201, 401, 403, 404, 409, 422)},
		{"GET /api/v1/businesses/{id}/assessments/prefill", member, s.api(http.StatusOK, s.apiAssessmentPrefill),
			doc("Jawaban yang sudah diketahui register (NIB, P-IRT/BPOM, halal, HKI)", "", "AssessmentPrefill", 200, 401, 404)},
		{"POST /api/v1/businesses/{id}/assessments/{aid}/verification", member, s.api(http.StatusCreated, s.apiAssessmentVerify),
			doc("Verifikasi penilaian mandiri oleh petugas setelah kunjungan (penilaian baru officer_verified)",
				"VerificationInput", "Assessment", 201, 401, 403, 404, 409, 422)},
		{"GET /api/v1/businesses/{id}/timeline", member, s.api(http.StatusOK, listByPathID(s.Assessments.Timeline)),
			doc("Linimasa usaha: ukuran dan kelas, penilaian dan level, program, dokumen", "", "Timeline", 200, 401, 404)},
		{"GET /api/v1/stats/naik-kelas", member, s.api(http.StatusOK, s.apiStatsNaikKelas),
			doc("Statistik naik kelas (kelas usaha dan level) per sumber bukti, per kecamatan, dan program vs pembanding",
				"", "NaikKelasStats", 200, 401, 403, 422).
				query("from", "Awal periode TTTT-BB-HH").query("to", "Akhir periode TTTT-BB-HH").
				query("district", "Kode kecamatan").query("program", "ID program: peserta lulus vs kelompok pembanding").
				query("series", "1 untuk deret per tahun (grafik)")},
		{"GET /api/v1/stats/naik-kelas/businesses", member, s.api(http.StatusOK, s.apiStatsNaikKelasBusinesses),
			doc("ID usaha di balik satu angka statistik naik kelas", "", "IDList", 200, 401, 403, 422).
				query("from", "Awal periode").query("to", "Akhir periode").query("district", "Kode kecamatan").
				query("program", "ID program").query("kind", "size|level").query("change", "up|down|unchanged|no_data").
				query("source", "verified|self_reported").query("group", "completers|comparison")},

		// Permits
		{"GET /api/v1/businesses/{id}/permits", member, s.api(http.StatusOK, listByPathID(s.Permits.ForBusiness)),
			doc("Izin usaha (NIB, P-IRT, halal, BPOM MD, merek, SNI), terlama dulu", "", "PermitList", 200, 401, 404)},
		{"POST /api/v1/businesses/{id}/permits", member, s.api(http.StatusCreated, createdAt("/api/v1/permits/", withIDBody(s.apiPermitCreate))),
			doc("Catat izin: pengurusan baru (status belum) atau izin yang sudah dimiliki (terbit, dengan nomor: petugas saja; pemilik hanya belum, persiapan, diajukan)",
				"PermitInput", "Permit", 201, 401, 403, 404, 422)},
		{"GET /api/v1/permits", member, s.api(http.StatusOK, s.apiPermitList),
			doc("Daftar izin di wilayah pemanggil, urut tanggal kedaluwarsa", "", "PermitPage", 200, 401, 422).
				query("kind", "nib|pirt|halal_self_declare|halal_reguler|bpom_md|merek|sni").
				query("status", "belum|persiapan|diajukan|terbit|ditolak|kedaluwarsa (kedaluwarsa termasuk izin terbit yang lewat tanggalnya)").
				query("district", "Kode kecamatan").query("expires_before", "Izin terbit yang berakhir paling lambat TTTT-BB-HH").
				query("page", "Halaman, mulai 1").query("per_page", "Baris per halaman, maks. 500")},
		{"GET /api/v1/permits/expiry", member, s.api(http.StatusOK, s.apiPermitExpiry),
			doc("Izin terbit yang sudah atau akan kedaluwarsa (bawaan 90 hari), dihitung per kecamatan, dengan satu halaman izinnya", "",
				"PermitExpiry", 200, 401, 422).
				query("days", "Jangka hari ke depan, 1–730 (bawaan 90)").query("district", "Kode kecamatan").query("kind", "Jenis izin").
				query("page", "Halaman, mulai 1").query("per_page", "Baris per halaman, maks. 500")},
		{"GET /api/v1/businesses/{id}/permit-readiness", member, s.api(http.StatusOK, s.apiPermitReadiness),
			doc("Izin yang dibutuhkan usaha dan yang sudah dimiliki; kelayakan halal self declare menurut aturan yang berlaku pada tanggal itu, dengan setiap syarat yang belum terpenuhi",
				"", "PermitReadiness", 200, 401, 404, 422).query("date", "Tanggal TTTT-BB-HH (bawaan hari ini)")},
		{"PUT /api/v1/businesses/{id}/halal-profile", member, s.api(http.StatusOK, withIDBody(s.apiHalalProfilePut)),
			doc("Catat data self declare yang tidak ada di register (fasilitas, gerai, pengawetan, jenis produk, bahan, alat, proses); null = belum diperiksa",
				"HalalProfile", "HalalProfile", 200, 401, 403, 404, 422)},
		{"GET /api/v1/stats/halal-obligation", member, s.api(http.StatusOK, s.apiHalalObligation),
			doc("Kewajiban halal per kecamatan: usaha makanan/minuman, yang bersertifikat, yang belum, dan yang memenuhi syarat self declare",
				"", "HalalObligation", 200, 401, 403, 422).query("date", "Tanggal TTTT-BB-HH (bawaan hari ini)").query("district", "Kode kecamatan")},
		{"GET /api/v1/halal-quotas", member, s.api(http.StatusOK, s.apiQuotaList),
			doc("Kuota SEHATI: sisa tempat, sisa hari dan peringatan kuota yang akan hangus", "", "QuotaList", 200, 401, 403, 422).
				query("date", "Tanggal TTTT-BB-HH (bawaan hari ini)")},
		{"POST /api/v1/halal-quotas", adminOnly, s.api(http.StatusCreated, createdAt("/api/v1/halal-quotas/", withBody(s.apiQuotaCreate))),
			doc("Catat kuota (admin)", "QuotaInput", "Quota", 201, 401, 403, 422)},
		{"GET /api/v1/halal-quotas/{id}", member, s.api(http.StatusOK, s.apiQuotaGet),
			doc("Satu kuota dengan alokasinya di wilayah pemanggil", "", "QuotaDetail", 200, 401, 403, 404)},
		{"POST /api/v1/halal-quotas/{id}/allocations", member, s.api(http.StatusCreated, withIDBody(s.apiQuotaAllocate)),
			doc("Alokasikan usaha yang siap ke kuota dan bagi ke pendamping PPH (maks. 10 per hari per pendamping); semua atau tidak sama sekali",
				"AllocationRequest", "AllocationResult", 201, 401, 403, 404, 409, 422)},
		{"GET /api/v1/permits/{id}", member, s.api(http.StatusOK, s.apiPermitGet),
			doc("Satu izin dengan riwayat statusnya", "", "PermitDetail", 200, 401, 404)},
		{"PATCH /api/v1/permits/{id}", member, s.api(http.StatusOK, withIDBody(s.apiPermitPatch)),
			doc("Ubah izin; status maju selangkah: belum → persiapan → diajukan → terbit|ditolak, terbit → kedaluwarsa, ditolak → persiapan; lompatan 409; terbit, ditolak, kedaluwarsa, nomor dan tanggal hanya petugas (pemilik 403)",
				"PermitPatch", "Permit", 200, 401, 403, 404, 409, 422)},

		// Programmes, partners and follow-up
		{"GET /api/v1/programs", member, s.api(http.StatusOK, s.apiProgramList),
			doc("Daftar program (pemilik usaha hanya melihat program yang sudah dibuka)", "", "ProgramList", 200, 401).
				query("status", "draft|open|selected|running|finished").query("page", "Halaman").query("per_page", "Baris per halaman")},
		{"POST /api/v1/programs", member, s.api(http.StatusCreated, createdAt("/api/v1/programs/", bodyOf(s.Programs.Create))), doc("Buat program (status draf)", "Program", "Program", 201, 401, 403, 422)},
		{"GET /api/v1/programs/{id}", member, s.api(http.StatusOK, byPathID(s.Programs.Get)), doc("Satu program", "", "Program", 200, 401, 404)},
		{"PUT /api/v1/programs/{id}", member, s.api(http.StatusOK, withIDBody(s.apiProgramUpdate)),
			doc("Ganti pengaturan program; wajib membawa version terakhir", "Program", "Program", 200, 401, 403, 404, 409, 422)},
		{"PATCH /api/v1/programs/{id}", member, s.api(http.StatusOK, withIDBody(s.apiProgramPatch)),
			doc("Pindahkan status program: draft → open → selected → running → finished; langkah terlarang 409",
				"ProgramStatus", "Program", 200, 401, 403, 404, 409, 422)},
		{"DELETE /api/v1/programs/{id}", member, s.api(http.StatusNoContent, doByPathID(s.Programs.Delete)), doc("Hapus program draf tanpa pendaftar", "", "", 204, 401, 403, 404, 409)},
		{"GET /api/v1/programs/{id}/applications", member, s.api(http.StatusOK, s.apiApplicationList),
			doc("Pendaftar program di wilayah pemanggil", "", "ApplicationList", 200, 401, 404).query("status", "Saring status")},
		{"POST /api/v1/programs/{id}/applications", member, s.api(http.StatusCreated, withIDBody(s.apiApplicationCreate)),
			doc("Daftar (pemilik, usahanya sendiri) atau nominasi (petugas, di wilayahnya); langsung diperiksa syaratnya",
				"ApplicationInput", "Application", 201, 401, 403, 404, 409, 422)},
		{"POST /api/v1/programs/{id}/applications/bulk", member, s.apiApplicationBulk,
			doc("Tambah massal usaha yang memenuhi syarat dari hasil saringan register, di kecamatan sasaran program (parameter sama dengan /api/v1/businesses); yang tidak memenuhi syarat dihitung per alasan", "", "BulkResult",
				200, 201, 401, 403, 404, 409, 413, 422).query("dry_run", "1 = hanya hitung, tidak menambah").query("q", "Kata kunci").query("district", "Kode kecamatan").
				query("village", "Kode desa").query("size_class", "Kelas usaha").query("sector", "Sektor KBLI").query("doc", "Status dokumen")},
		{"POST /api/v1/programs/{id}/applications/{business_id}/withdrawal", member, s.api(http.StatusOK, s.apiApplicationWithdraw),
			doc("Mengundurkan diri; cadangan terbaik yang menjaga aturan menggantikan", "", "Withdrawal", 200, 401, 403, 404, 409)},
		{"GET /api/v1/programs/{id}/applications/{business_id}/history", member, s.api(http.StatusOK, s.apiApplicationHistory),
			doc("Riwayat status satu pendaftaran", "", "StatusChangeList", 200, 401, 404)},
		{"GET /api/v1/businesses/{id}/applications", member, s.api(http.StatusOK, s.apiBusinessApplications),
			doc("Pendaftaran satu usaha ke semua program, terbaru dulu", "", "ApplicationList", 200, 401, 404)},
		{"POST /api/v1/programs/{id}/selection", member, s.api(http.StatusOK, s.apiSelectionRun),
			doc("Jalankan seleksi optimal (skor tertinggi dengan kapasitas, kuota dan sebaran kecamatan)", "SelectionInput",
				"SelectionResult", 200, 401, 403, 404, 409, 422)},
		{"GET /api/v1/programs/{id}/selection", member, s.api(http.StatusOK, s.apiSelectionGet),
			doc("Hasil seleksi dengan penjelasan per pendaftar (untuk dinas)", "", "SelectionResult", 200, 401, 403, 404)},
		{"POST /api/v1/programs/{id}/selection/lock", member, s.api(http.StatusOK, s.selectionStep(s.Programs.LockSelection)),
			doc("Kunci hasil seleksi; program menjadi selected", "", "SelectionResult", 200, 401, 403, 404, 409)},
		{"POST /api/v1/programs/{id}/selection/publish", member, s.api(http.StatusOK, s.selectionStep(s.Programs.PublishSelection)),
			doc("Umumkan hasil yang sudah dikunci di /seleksi/{id}", "", "SelectionResult", 200, 401, 403, 404, 409)},
		{"GET /api/v1/programs/{id}/attendance", member, s.api(http.StatusOK, s.apiAttendanceList),
			doc("Kehadiran, nilai dan kelulusan peserta", "", "ProgressList", 200, 401, 403, 404)},
		{"POST /api/v1/programs/{id}/attendance", member, s.api(http.StatusOK, withIDBody(s.apiAttendanceSet)),
			doc("Catat kehadiran satu peserta di satu sesi", "AttendanceInput", "Attendance", 200, 401, 403, 404, 409, 422)},
		{"POST /api/v1/programs/{id}/attendance/session", member, s.api(http.StatusOK, withIDBody(s.apiAttendanceSession)),
			doc("Tandai semua peserta (di wilayah pemanggil) hadir atau tidak di satu sesi; sesi yang belum tiba 409",
				"AttendanceSessionInput", "AttendanceMarked", 200, 401, 403, 404, 409, 422)},
		{"GET /api/v1/programs/{id}/scores", member, s.api(http.StatusOK, s.apiAttendanceList),
			doc("Nilai pre-test/post-test dan kelulusan peserta", "", "ProgressList", 200, 401, 403, 404)},
		{"POST /api/v1/programs/{id}/scores", member, s.api(http.StatusOK, withIDBody(s.apiScoresSet)),
			doc("Catat nilai pre-test dan post-test (0–100)", "ScoresInput", "Scores", 200, 401, 403, 404, 409, 422)},
		{"PUT /api/v1/programs/{id}/scores", member, s.api(http.StatusOK, withIDBody(s.apiScoresPut)),
			doc("Simpan nilai seluruh peserta sekaligus; satu baris salah = tidak ada yang disimpan (galat per baris)",
				"ScoresBatch", "ScoresSaved", 200, 401, 403, 404, 409, 422)},
		{"GET /api/v1/programs/{id}/certificates/{business_id}", member, s.handle(s.apiCertificateGet),
			doc("Sertifikat PDF ({business_id}.pdf) peserta yang lulus; 409 dengan syarat yang belum terpenuhi", "", "",
				200, 401, 404, 409)},
		{"GET /api/v1/programs/{id}/certificates.zip", member, s.handleByID(s.apiCertificateZip),
			doc("Semua sertifikat program dalam satu ZIP", "", "", 200, 401, 403, 404)},
		{"GET /api/v1/programs/{id}/report", member, s.api(http.StatusOK, s.apiProgramReport),
			doc("Laporan program: per kecamatan, kenaikan nilai, biaya per lulusan, bauran dana", "", "ProgramReport", 200, 401, 403, 404)},
		{"GET /api/v1/programs/{id}/report.xlsx", member, s.handle(s.apiProgramReportXLSX),
			doc("Laporan program sebagai XLSX", "", "", 200, 401, 403, 404)},
		{"GET /api/v1/coverage", member, s.api(http.StatusOK, listOf(s.Programs.Coverage)),
			doc("Cakupan pembinaan per kecamatan: usaha yang pernah lulus program / usaha terdaftar", "", "CoverageList", 200, 401, 403)},
		{"GET /api/v1/follow-ups", member, s.api(http.StatusOK, s.apiFollowUpList),
			doc("Tugas pendampingan (+1, +3, +6 bulan) di wilayah pemanggil", "", "FollowUpList", 200, 401, 403, 422).
				query("status", "open (bawaan)|done|all").query("due_before", "Jatuh tempo paling lambat TTTT-BB-HH (bawaan: 30 hari lagi)").
				query("program", "ID program").query("page", "Halaman").query("per_page", "Baris per halaman")},
		{"POST /api/v1/follow-ups/{id}", member, s.api(http.StatusOK, withIDBody(s.apiFollowUpComplete)),
			doc("Catat kunjungan/telepon pendampingan, dengan ukuran baru opsional", "FollowUpReport", "FollowUp", 200, 401, 403, 404, 422)},
		{"GET /api/v1/partners", member, s.api(http.StatusOK, listOf(s.Programs.Partners)), doc("Daftar mitra", "", "PartnerList", 200, 401, 403)},
		{"POST /api/v1/partners", member, s.api(http.StatusCreated, withBody(s.apiPartnerCreate)), doc("Tambah mitra", "Partner", "Partner", 201, 401, 403, 422)},
		{"GET /api/v1/partners/{id}", member, s.api(http.StatusOK, byPathID(s.Programs.Partner)), doc("Satu mitra", "", "Partner", 200, 401, 403, 404)},
		{"PUT /api/v1/partners/{id}", member, s.api(http.StatusOK, withIDBody(s.apiPartnerUpdate)), doc("Ubah mitra", "Partner", "Partner", 200, 401, 403, 404, 422)},
		{"DELETE /api/v1/partners/{id}", member, s.api(http.StatusNoContent, doByPathID(s.Programs.DeletePartner)), doc("Hapus mitra", "", "", 204, 401, 403, 404)},

		// The funding ledger: partners' commitments, realisations, allocations.
		{"GET /api/v1/partners/{id}/commitments", member, s.api(http.StatusOK, listByPathID(s.Funding.Commitments)),
			doc("Komitmen satu mitra (uang atau natura) dengan jumlah terealisasi dan teralokasi", "", "CommitmentList", 200, 401, 403, 404)},
		{"POST /api/v1/partners/{id}/commitments", member, s.api(http.StatusCreated, createdAt("/api/v1/commitments/", bodyByPathID(s.Funding.Commit))),
			doc("Catat komitmen mitra untuk satu tahun anggaran, dengan nomor MoU/PKS (admin)", "CommitmentInput", "Commitment",
				201, 401, 403, 404, 422)},
		{"GET /api/v1/commitments/{id}", member, s.api(http.StatusOK, byPathID(s.Funding.Commitment)),
			doc("Satu komitmen dengan realisasi dan alokasinya", "", "CommitmentDetail", 200, 401, 403, 404)},
		{"POST /api/v1/commitments/{id}/realisations", member, s.api(http.StatusCreated, bodyByPathID(s.Funding.Realise)),
			doc("Catat realisasi (diterima atau diserahkan) atas komitmen; melebihi komitmen ditolak (admin)",
				"RealisationInput", "Realisation", 201, 401, 403, 404, 422)},
		{"POST /api/v1/programs/{id}/allocations", member, s.api(http.StatusCreated, bodyByPathID(s.Funding.Allocate)),
			doc("Alokasikan dana/natura yang sudah terealisasi ke program; melebihi yang terealisasi dan belum dialokasikan ditolak 422 (admin)",
				"AllocationInput", "Allocation", 201, 401, 403, 404, 422)},
		{"GET /api/v1/programs/{id}/cost", member, s.api(http.StatusOK, byPathID(s.Funding.ProgramCost)),
			doc("Biaya program dari alokasi: per peserta, per lulusan, per usaha yang naik kelas", "", "ProgramCost", 200, 401, 403, 404)},
		{"GET /api/v1/stats/funding", member, s.api(http.StatusOK, s.apiStatsFunding),
			doc("Per mitra dan tahun: komitmen, realisasi, alokasi, sisa; mitra yang realisasinya tertinggal ditandai", "",
				"FundingStats", 200, 401, 403, 422).query("year", "Tahun anggaran (kosong: semua tahun)")},
		{"GET /dana", member, s.handle(s.fundingShow), nil},

		// Coverage planner and the leadership report.
		{"GET /api/v1/coverage/plan", member, s.api(http.StatusOK, s.apiCoveragePlan),
			doc("Rencana cakupan: berapa tahun sampai semua usaha (atau kelompok sasaran) pernah dilatih, total dan per kecamatan",
				"", "CoveragePlan", 200, 401, 403, 422).
				query("cost_per_participant", "Biaya per peserta, Rp (kosong: rata-rata buku dana)").
				query("cohort_size", "Peserta per angkatan (kosong: 30)").query("extra_per_year", "Tambahan dana per tahun, Rp").
				query("group", "Kelompok sasaran: mikro|kecil|tanpa_nib|tanpa_halal|mikro_pangan_tanpa_halal (kosong: semua)")},
		{"GET /api/v1/coverage/scenarios", member, s.api(http.StatusOK, s.apiScenarioList),
			doc("Skenario rencana cakupan yang tersimpan, masing-masing dengan hasilnya hari ini", "", "ScenarioList", 200, 401, 403)},
		{"POST /api/v1/coverage/scenarios", member, s.api(http.StatusCreated, bodyOf(s.Planner.Save)),
			doc("Simpan skenario rencana cakupan (admin, pimpinan)", "ScenarioInput", "Scenario", 201, 401, 403, 422)},
		{"DELETE /api/v1/coverage/scenarios/{id}", member, s.api(http.StatusNoContent, doByPathID(s.Planner.Delete)),
			doc("Hapus skenario (admin, pimpinan)", "", "", 204, 401, 403, 404)},
		{"GET /api/v1/reports/leadership.pdf", member, s.handle(s.apiLeadershipReport),
			doc("Laporan Pimpinan (PDF A4) untuk satu periode, seluruh wilayah atau satu kecamatan (admin, pimpinan)", "", "",
				200, 401, 403, 422).query("from", "Awal periode TTTT-BB-HH (bawaan: 1 Januari tahun ini)").
				query("to", "Akhir periode TTTT-BB-HH (bawaan: hari ini)").query("district", "Kode kecamatan")},
		{"GET /cakupan/rencana", member, s.handle(s.coveragePlanShow), nil},
		{"POST /cakupan/rencana", member, s.handle(s.coveragePlanSave), nil},
		{"POST /cakupan/rencana/{id}/hapus", member, s.handleByID(s.coveragePlanDelete), nil},
		{"GET /dana/komitmen/{id}", member, s.handleByID(s.commitmentShow), nil},
		{"POST /dana/komitmen", member, s.handle(s.commitmentCreate), nil},
		{"POST /dana/komitmen/{id}/realisasi", member, s.handleByID(s.realisationCreate), nil},
		{"POST /dana/komitmen/{id}/alokasi", member, s.handleByID(s.allocationCreate), nil},
		{"GET /program", member, s.handle(s.programList), nil},
		{"GET /program/baru", member, s.handle(s.programNew), nil},
		{"POST /program", member, s.handle(s.programCreate), nil},
		{"GET /program/{id}", member, s.handle(s.programShow), nil},
		{"GET /program/{id}/ubah", member, s.handleByID(s.programEdit), nil},
		{"POST /program/{id}", member, s.handleByID(s.programUpdate), nil},
		{"POST /program/{id}/status", member, s.handleByID(s.programMove), nil},
		{"POST /program/{id}/daftar", member, s.handleByID(s.programApply), nil},
		{"GET /program/{id}/pendaftar", member, s.handleByID(s.programApplications), nil},
		{"POST /program/{id}/pendaftar", member, s.handleByID(s.programNominate), nil},
		{"GET /program/{id}/pendaftar/massal", member, s.handleByID(s.programBulkPreview), nil},
		{"POST /program/{id}/pendaftar/massal", member, s.handleByID(s.programBulk), nil},
		{"POST /program/{id}/pendaftar/{business_id}/mundur", member, s.handle(s.programWithdraw), nil},
		{"GET /program/{id}/seleksi", member, s.handle(s.programSelection), nil},
		{"GET /program/{id}/seleksi/penjelasan", member, s.handle(s.programSelectionExplain), nil},
		{"POST /program/{id}/seleksi", member, s.handleByID(s.programSelectionRun), nil},
		{"POST /program/{id}/seleksi/kunci", member, s.handle(s.selectionPageStep("Hasil seleksi dikunci.", s.Programs.LockSelection)), nil},
		{"POST /program/{id}/seleksi/umumkan", member, s.handle(s.selectionPageStep("Hasil seleksi diumumkan.", s.Programs.PublishSelection)), nil},
		{"GET /program/{id}/kehadiran", member, s.handle(s.programAttendance), nil},
		{"POST /program/{id}/kehadiran", member, s.handleByID(s.programAttendanceSet), nil},
		{"POST /program/{id}/kehadiran/semua", member, s.handleByID(s.programAttendanceAll), nil},
		{"GET /program/{id}/nilai", member, s.handle(s.programScores), nil},
		{"POST /program/{id}/nilai", member, s.handleByID(s.programScoresSet), nil},
		{"GET /program/{id}/sertifikat", member, s.handle(s.programCertificates), nil},
		{"GET /program/{id}/laporan", member, s.handle(s.programReport), nil},
		{"GET /pendampingan", member, s.handle(s.followUpList), nil},
		{"POST /pendampingan/{id}", member, s.handleByID(s.followUpComplete), nil},
		{"GET /cakupan", member, s.handle(s.coverageShow), nil},
		{"GET /mitra", member, s.handle(s.partnerList), nil},
		{"POST /mitra", member, s.handle(s.partnerCreate), nil},
		{"POST /mitra/{id}/hapus", member, s.handleByID(s.partnerDelete), nil},
		{"POST /mitra/{id}/syarat", member, s.handleByID(s.partnerRequirementsSave), nil},
		{"GET /data", public, s.handle(s.openData), nil},
		{"GET /data/kecamatan.csv", public, s.handle(s.openDataDistrictsCSV), nil},
		{"GET /data/kecamatan-sektor.csv", public, s.handle(s.openDataSectorsCSV), nil},
		{"GET /usaha/{id}/izin", member, s.handleByID(s.businessPermits), nil},
		{"POST /usaha/{id}/izin", member, s.handleByID(s.permitCreate), nil},
		{"POST /izin/{id}/status", member, s.handleByID(s.permitMove), nil},
		{"GET /izin", member, s.handle(s.permitListPage), nil},
		{"GET /izin/halal", member, s.handle(s.halalPage), nil},
		{"GET /portal", partnerOnly, s.handle(s.portalList), nil},
		{"GET /portal/program/{id}", partnerOnly, s.handle(s.portalProgram), nil},
		{"GET /api/v1/partner-programs", partnerOnly, s.api(http.StatusOK, listOf(s.Partners.FundedPrograms)),
			doc("Program yang didanai mitra pemanggil (akun mitra): tanggal, kecamatan, jumlah peserta dan lulusan; tanpa data usaha",
				"", "PartnerProgramList", 200, 401, 403)},
		{"GET /api/v1/partner-programs/{id}", partnerOnly, s.api(http.StatusOK, byPathID(s.Partners.FundedProgram)),
			doc("Satu program yang didanai mitra pemanggil, dengan angka naik kelas lulusan dan pembandingnya; program lain 404",
				"", "PartnerProgram", 200, 401, 403, 404)},
		{"GET /api/v1/partner-commitments", partnerOnly, s.api(http.StatusOK, s.apiPartnerLedger),
			doc("Buku dana mitra pemanggil (akun mitra): per tahun komitmen, realisasi, alokasi dan sisa, dan setiap komitmen dengan realisasi dan program penerimanya",
				"", "PartnerLedger", 200, 401, 403, 422).query("year", "Tahun anggaran (kosong: semua tahun)")},
		{"GET /api/v1/partner-commitments/{id}", partnerOnly, s.api(http.StatusOK, byPathID(s.Partners.Commitment)),
			doc("Satu komitmen mitra pemanggil dengan realisasi dan alokasinya; komitmen mitra lain 404", "", "PartnerCommitment", 200, 401, 403, 404)},
		{"GET /api/v1/partner-impact.pdf", partnerOnly, s.handle(s.apiPartnerImpact),
			doc("Laporan dampak (PDF A4) untuk pelaporan CSR mitra pemanggil: identitas dinas, komitmen dan realisasi, program yang didanai dan hasilnya, tanpa data usaha",
				"", "", 200, 401, 403, 422).query("year", "Tahun anggaran (kosong: semua tahun)")},

		// Capital: needs, referrals to banks, their decisions and the funnel.
		{"GET /api/v1/businesses/{id}/capital-needs", member, s.api(http.StatusOK, listByPathID(s.Capital.Needs)),
			doc("Kebutuhan modal satu usaha, terbaru dulu, dengan rujukannya ke bank", "", "CapitalNeedList", 200, 401, 404)},
		{"POST /api/v1/businesses/{id}/capital-needs", member, s.api(http.StatusCreated, bodyByPathID(s.Capital.CreateNeed)),
			doc("Catat kebutuhan modal (pemilik untuk usahanya, petugas di wilayahnya); skema KUR mengikuti jumlahnya: super mikro ≤ Rp10 juta, mikro ≤ Rp100 juta, kecil ≤ Rp500 juta, di atasnya bukan KUR",
				"CapitalNeedInput", "CapitalNeed", 201, 401, 403, 404, 409, 422)},
		{"POST /api/v1/capital-needs/{id}/referrals", member, s.api(http.StatusCreated, bodyByPathID(s.Capital.Refer)),
			doc("Rujuk kebutuhan modal ke mitra bank dengan persetujuan pemilik (tanpa persetujuan 422); syarat bank diperiksa terhadap data usaha dan yang belum terpenuhi disebut; satu bank sekali (409)",
				"ReferralInput", "Referral", 201, 401, 403, 404, 409, 422)},
		{"GET /api/v1/referrals", signedIn, s.api(http.StatusOK, s.apiReferralList),
			doc("Rujukan modal: akun mitra bank hanya rujukan ke banknya (dengan kontak usaha), petugas wilayahnya, pemilik usahanya", "",
				"ReferralPage", 200, 401, 403, 422).query("partner_id", "ID mitra bank").query("status", "referred|approved|rejected|withdrawn|disbursed").
				query("page", "Halaman, mulai 1").query("per_page", "Baris per halaman, maks. 500")},
		{"GET /api/v1/referrals/{id}", signedIn, s.api(http.StatusOK, byPathID(s.Capital.Referral)),
			doc("Satu rujukan; rujukan ke bank lain 404 bagi akun mitra", "", "Referral", 200, 401, 404)},
		{"GET /api/v1/referrals/{id}/letter.pdf", signedIn, s.handleByID(s.apiReferralLetter),
			doc("Surat rekomendasi (PDF) dengan identitas kantor dan kode verifikasi yang diperiksa di /verifikasi/{code}", "", "",
				200, 401, 404)},
		{"POST /api/v1/referrals/{id}/decision", signedIn, s.api(http.StatusOK, bodyByPathID(s.Capital.Decide)),
			doc("Catat keputusan bank: approved (amount, tenor_months, rate_percent), rejected (reason dari daftar + note), withdrawn, lalu disbursed; hanya akun mitra bank yang dituju, kecuali pembatalan oleh petugas wilayah atau pemilik; langkah terlarang 409",
				"ReferralDecision", "Referral", 200, 401, 403, 404, 409, 422)},
		{"GET /api/v1/stats/capital", member, s.api(http.StatusOK, s.apiCapitalStats),
			doc("Corong modal di wilayah pemanggil: kebutuhan → dirujuk → diputus → disetujui → dicairkan, jumlah rupiah dan rata-rata hari antarlangkah, per kecamatan, per program (usaha lulusannya) dan usaha yang belum pernah lulus program",
				"", "CapitalStats", 200, 401, 403)},
		{"GET /modal", member, s.handle(s.capitalPage), nil},
		{"GET /usaha/{id}/modal", member, s.handleByID(s.businessCapital), nil},
		{"POST /usaha/{id}/modal", member, s.handleByID(s.capitalNeedCreate), nil},
		{"POST /modal/kebutuhan/{id}/rujukan", member, s.handleByID(s.capitalRefer), nil},
		{"POST /rujukan/{id}/keputusan", signedIn, s.handleByID(s.referralDecide), nil},
		{"GET /portal/rujukan", partnerOnly, s.handle(s.portalReferrals), nil},

		// WhatsApp messages without a gateway: templates, the officers' outbox, contact preferences.
		{"GET /api/v1/outbox", member, s.api(http.StatusOK, listOf(s.Messages.Outbox)),
			doc("Pesan WhatsApp yang jatuh tempo (sampai 7 hari terlambat) untuk usaha di wilayah petugas, belum ditandai terkirim, masing-masing dengan teks dan tautan wa.me atau alasan tidak ada tautan (nomor telepon rumah/kantor); pemilik yang menolak dihubungi tidak tercantum",
				"", "OutboxList", 200, 401, 403)},
		{"POST /api/v1/outbox/sent", member, s.api(http.StatusCreated, bodyOf(s.Messages.MarkSent)),
			doc("Tandai satu pesan kotak pesan sudah dikirim (siapa dan kapan); pesan yang sama tidak ditawarkan lagi, menandai dua kali 409, pesan yang tidak ada di kotak pesan 404",
				"MessageKey", "MessageSent", 201, 401, 403, 404, 409, 422)},
		{"GET /api/v1/message-templates", member, s.api(http.StatusOK, listOf(s.Messages.Templates)),
			doc("Templat pesan per jenis, dengan penanda yang tersedia (teks bawaan: version 0)", "", "MessageTemplateList", 200, 401, 403)},
		{"PUT /api/v1/message-templates/{kind}", adminOnly, s.api(http.StatusOK, withBody(s.apiTemplateSave)),
			doc("Ubah teks satu jenis pesan (admin); penanda yang tidak dikenal 422; wajib membawa version terakhir", "MessageTemplateInput",
				"MessageTemplate", 200, 401, 403, 404, 409, 422)},
		{"PUT /api/v1/businesses/{id}/contact-preference", member, s.api(http.StatusOK, bodyByPathID(s.Messages.SetContactPreference)),
			doc("Catat apakah pemilik tidak ingin dihubungi lewat WhatsApp (pemilik, atau petugas di wilayahnya)", "ContactPreference",
				"ContactPreference", 200, 401, 403, 404, 422)},
		{"GET /pesan", member, s.handle(s.outboxPage), nil},
		{"POST /usaha/{id}/kontak", member, s.handleByID(s.contactPreferenceSave), nil},
		{"GET /duplikat", member, s.handle(s.duplicatesPage), nil},
		{"POST /duplikat/gabung", member, s.handle(s.duplicatesMerge), nil},
		{"POST /duplikat/bukan", member, s.handle(s.duplicatesDismiss), nil},
		{"POST /penggabungan/{id}/batal", member, s.handle(s.mergeUndo), nil},
		{"POST /pesan/terkirim", member, s.handle(s.outboxSent), nil},
		{"GET /admin/pesan", adminOnly, s.handle(s.templatesPage), nil},
		{"POST /admin/pesan/{kind}", adminOnly, s.handle(s.templateSave), nil},
		{"GET /seleksi/{id}", public, s.handleByID(s.publicSelection), nil},
		{"GET /verifikasi", public, s.handle(s.publicVerify), nil},
		{"GET /verifikasi/{code}", public, s.handle(s.publicVerify), nil},
	}
}
