package apperr

import (
	"errors"
	"fmt"
	"testing"
)

func TestInternalErrorsAreNeverShown(t *testing.T) {
	raw := errors.New("pq: relation \"businesses\" does not exist")
	if CodeOf(raw) != Internal || MessageOf(raw) == raw.Error() {
		t.Fatalf("a plain error must be internal and hidden: %q", MessageOf(raw))
	}
	wrapped := fmt.Errorf("list: %w", New(Conflict, "NIB sudah terdaftar"))
	if CodeOf(wrapped) != Conflict || MessageOf(wrapped) != "NIB sudah terdaftar" {
		t.Fatalf("wrapped domain error lost: %v / %q", CodeOf(wrapped), MessageOf(wrapped))
	}
	hidden := &Error{Code: Internal, Message: "detail server", Err: raw}
	if MessageOf(hidden) == "detail server" {
		t.Fatal("an Internal *Error must not show its message")
	}
}

func TestValidation(t *testing.T) {
	if Validation(nil) != nil || Validation(map[string]string{}) != nil {
		t.Fatal("no fields must be no error")
	}
	err := Validation(map[string]string{"nik": "NIK harus 16 digit"})
	if !Is(err, Invalid) || FieldsOf(err)["nik"] == "" {
		t.Fatalf("validation error = %v", err)
	}
}
