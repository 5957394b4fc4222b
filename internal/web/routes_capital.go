package web

import "net/http"

// capitalRoutes are the routes of capital needs, referrals to banks, their decisions and the funnel.
func (s *Server) capitalRoutes() []route {
	return []route{
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
	}
}
