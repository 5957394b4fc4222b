package web

import "net/http"

// assessmentRoutes are the routes of assessments and the naik-kelas statistics.
func (s *Server) assessmentRoutes() []route {
	return []route{
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
	}
}
