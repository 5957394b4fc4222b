package web

import (
	"net/http"
	"slices"

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

// routeTable lists EVERY route of naikkelas, gathered from one function per
// concern. Adding a route is adding a line to one of them.
func (s *Server) routeTable() []route {
	return slices.Concat(s.coreRoutes(), s.registerRoutes(), s.assessmentRoutes(), s.programRoutes(),
		s.marketRoutes(), s.permitRoutes(), s.capitalRoutes(), s.leaderRoutes(), s.messageRoutes())
}

// coreRoutes are the routes of the shell of the program: static files, health,
// signing in, the home page, regions, users, tokens, the office, OpenAPI and
// the audit log.
func (s *Server) coreRoutes() []route {
	return []route{
		{"GET /static/{version}/{file...}", public, s.staticServe, nil},
		{"GET /favicon.ico", public, s.faviconServe, nil},
		{"GET /healthz", public, s.healthShow, doc("Kesehatan layanan (basis data menjawab)", "", "Health", 200, 503)},
		{"GET /masuk", public, s.loginShow, nil},
		{"POST /masuk", public, s.handle(s.loginSubmit), nil},
		{"POST /keluar", public, s.handle(s.logoutSubmit), nil},
		{"GET /{$}", signedIn, s.handle(s.homeShow), nil},
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
		{"GET /api/v1/openapi.json", public, s.apiOpenAPI, doc("Dokumen OpenAPI 3 untuk semua rute API", "", "", 200)},
		{"GET /api/v1/regions", member, s.api(http.StatusOK, s.apiRegionList),
			doc("Daftar wilayah di bawah parent (tanpa parent: tingkat teratas yurisdiksi)", "", "RegionList", 200, 401, 404).
				query("parent", "Kode wilayah induk, mis. 36.04")},
		{"GET /api/v1/users", adminOnly, s.api(http.StatusOK, s.apiUserList), doc("Daftar pengguna (admin)", "", "UserList", 200, 401, 403)},
		{"POST /api/v1/users", adminOnly, s.api(http.StatusCreated, withBody(s.apiUserCreate)),
			doc("Tambah pengguna; aturan nama, kata sandi, peran dan wilayah sama dengan halaman dan perintah user add",
				"UserInput", "User", 201, 401, 403, 409, 422)},
		{"GET /api/v1/office", member, s.api(http.StatusOK, s.apiOfficeGet),
			doc("Identitas kantor: pemerintah daerah, dinas, alamat, penanda tangan sertifikat", "", "Office", 200, 401)},
		{"PUT /api/v1/office", adminOnly, s.api(http.StatusOK, withBody(s.apiOfficePut)),
			doc("Ubah identitas kantor (admin); wajib membawa version terakhir; logo diunggah di halaman admin", "Office", "Office",
				200, 401, 403, 409, 422)},
		{"GET /api/v1/audit", adminOnly, s.api(http.StatusOK, s.apiAuditList),
			doc("Jejak audit, terbaru dulu (admin)", "", "AuditList", 200, 401, 403).
				query("entity", "Jenis data, mis. business").query("entity_id", "ID data").
				query("page", "Halaman, mulai 1").query("per_page", "Baris per halaman, maks. 500")},
	}
}
