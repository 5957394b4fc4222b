package web

import "net/http"

// permitRoutes are the routes of permits, halal readiness and obligation, SEHATI quotas.
func (s *Server) permitRoutes() []route {
	return []route{
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
		{"GET /usaha/{id}/izin", member, s.handleByID(s.businessPermits), nil},
		{"POST /usaha/{id}/izin", member, s.handleByID(s.permitCreate), nil},
		{"POST /izin/{id}/status", member, s.handleByID(s.permitMove), nil},
		{"GET /izin", member, s.handle(s.permitListPage), nil},
		{"GET /izin/halal", member, s.handle(s.halalPage), nil},
	}
}
