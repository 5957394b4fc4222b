package web

import "net/http"

// messageRoutes are the routes of WhatsApp messages without a gateway:
// templates, the officers' outbox, contact preferences.
func (s *Server) messageRoutes() []route {
	return []route{
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
		{"POST /pesan/terkirim", member, s.handle(s.outboxSent), nil},
		{"GET /admin/pesan", adminOnly, s.handle(s.templatesPage), nil},
		{"POST /admin/pesan/{kind}", adminOnly, s.handle(s.templateSave), nil},
	}
}
