package web

import (
	"net/http"
	"strconv"

	"naikkelas/internal/messages"
)

func (s *Server) apiTemplateSave(r *http.Request, in *messages.TemplateInput) (any, error) {
	return s.Messages.SaveTemplate(r.Context(), actor(r), r.PathValue("kind"), in)
}

// outboxView is an officer's messages due today.
type outboxView struct {
	Messages []messages.Message
	notice
}

// outboxPage lists the messages due for the businesses in the officer's
// area, each with its WhatsApp link and a button to mark it sent.
func (s *Server) outboxPage(w http.ResponseWriter, r *http.Request) error {
	list, err := s.Messages.Outbox(r.Context(), actor(r))
	if err != nil {
		return err
	}
	v := outboxView{Messages: list, notice: noticeOf(r)}
	s.render(w, r, http.StatusOK, "outbox", page{Title: "Pesan WhatsApp", Active: "messages", Data: v})
	return nil
}

// outboxSent marks one message of the outbox sent.
func (s *Server) outboxSent(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	id, _ := strconv.ParseInt(r.PostFormValue("business_id"), 10, 64)
	k := &messages.Key{BusinessID: id, Kind: r.PostFormValue("kind"), Subject: r.PostFormValue("subject"), DueOn: r.PostFormValue("due_on")}
	if _, err := s.Messages.MarkSent(r.Context(), actor(r), k); err != nil {
		return s.back(w, r, "/pesan", "", fieldsMessage(err))
	}
	return s.back(w, r, "/pesan", messages.KindLabel(k.Kind)+" ditandai sudah dikirim.", nil)
}

// templatesView is the admin's page of message templates.
type templatesView struct {
	Templates []messages.Template
	notice
}

// templatesPage shows every template with a form to change it.
func (s *Server) templatesPage(w http.ResponseWriter, r *http.Request) error {
	ts, err := s.Messages.Templates(r.Context(), actor(r))
	if err != nil {
		return err
	}
	v := templatesView{Templates: ts, notice: noticeOf(r)}
	s.render(w, r, http.StatusOK, "message_templates", page{Title: "Templat pesan", Active: "templates", Data: v})
	return nil
}

// templateSave saves one template from the admin's page.
func (s *Server) templateSave(w http.ResponseWriter, r *http.Request) error {
	if err := parseForm(r); err != nil {
		return err
	}
	version, _ := strconv.ParseInt(r.PostFormValue("version"), 10, 64)
	t, err := s.Messages.SaveTemplate(r.Context(), actor(r), r.PathValue("kind"), &messages.TemplateInput{Body: r.PostFormValue("body"), Version: version})
	if err != nil {
		return s.back(w, r, "/admin/pesan", "", fieldsMessage(err))
	}
	return s.back(w, r, "/admin/pesan", "Templat "+t.Label+" disimpan.", nil)
}

// contactPreferenceSave records the owner's wish from the business page.
func (s *Server) contactPreferenceSave(w http.ResponseWriter, r *http.Request, id int64) error {
	if err := parseForm(r); err != nil {
		return err
	}
	in := &messages.ContactPreference{OptedOut: r.PostFormValue("opted_out") == "1"}
	if _, err := s.Messages.SetContactPreference(r.Context(), actor(r), id, in); err != nil {
		return err
	}
	msg := "Pemilik boleh dihubungi lewat WhatsApp."
	if in.OptedOut {
		msg = "Pemilik tidak akan dihubungi lewat WhatsApp."
	}
	return s.back(w, r, "/usaha/"+itoa64(id), msg, nil)
}
