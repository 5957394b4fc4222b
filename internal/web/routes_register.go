package web

import "net/http"

// registerRoutes are the routes of the register: businesses, measurements,
// proposals, imports and exports, duplicates and merges.
func (s *Server) registerRoutes() []route {
	return []route{
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
		{"GET /api/v1/duplicates", member, s.api(http.StatusOK, s.apiDuplicateList),
			doc("Pasangan usaha yang kemungkinan sama (tautan rekaman, ditambah pasangan yang dimasukkan impor ke tinjauan "+
				"sampai digabung atau ditandai bukan duplikat), terkuat dulu; petugas dinas, data pribadi disamarkan sesuai peran; "+
				"hanya pasangan yang kedua usahanya terjangkau pemanggil",
				"", "DuplicateList", 200, 401, 403, 422).
				query("district", "Kode kecamatan, mis. 36.04.15 (operator: hanya wilayahnya)").
				query("min_probability", "Peluang minimal 0–1, bawaan 0.5")},
		{"POST /api/v1/duplicates/dismiss", member, s.api(http.StatusNoContent, withBody(s.apiDuplicateDismiss)),
			doc("Tandai dua usaha bukan duplikat; pasangan itu tidak diusulkan lagi", "DuplicatePair", "", 204, 401, 403, 404, 422)},
		{"POST /api/v1/duplicates/merge", member, s.api(http.StatusCreated, withBody(s.apiDuplicateMerge)),
			doc("Gabungkan usaha merge ke usaha keep (petugas dinas; operator: keduanya di wilayahnya): semua catatan pindah; "+
				"untuk program yang didaftar keduanya, usaha keep memegang pendaftaran yang lebih lanjut beserta kehadiran, nilai dan "+
				"sertifikatnya (applications_taken), yang lain tetap pada usaha yang digabung dan dihitung di left; "+
				"usaha yang digabung diarsipkan dan menjawab 404", "MergeRequest", "Merge", 201, 401, 403, 404, 409, 422)},
		{"POST /api/v1/merges/{id}/undo", member, s.api(http.StatusOK, s.apiMergeUndo),
			doc("Batalkan penggabungan: kedua usaha dan catatannya kembali persis seperti sebelumnya; 409 bila salah satunya "+
				"sudah diubah sejak digabung atau sudah dibatalkan", "", "Merge", 200, 401, 403, 404, 409)},
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
		{"GET /api/v1/businesses/{id}/timeline", member, s.api(http.StatusOK, listByPathID(s.Assessments.Timeline)),
			doc("Linimasa usaha: ukuran dan kelas, penilaian dan level, program, dokumen", "", "Timeline", 200, 401, 404)},
		{"GET /api/v1/businesses/{id}/applications", member, s.api(http.StatusOK, s.apiBusinessApplications),
			doc("Pendaftaran satu usaha ke semua program, terbaru dulu", "", "ApplicationList", 200, 401, 404)},
		{"GET /duplikat", member, s.handle(s.duplicatesPage), nil},
		{"POST /duplikat/gabung", member, s.handle(s.duplicatesMerge), nil},
		{"POST /duplikat/bukan", member, s.handle(s.duplicatesDismiss), nil},
		{"POST /penggabungan/{id}/batal", member, s.handle(s.mergeUndo), nil},
	}
}
