// Package apperr holds the one error type that every layer of naikkelas uses.
// Domain and store code return *Error with a Code; the web layer maps the
// Code to an HTTP status in exactly one place (web/errors.go). Any error that
// is not an *Error is internal: it is logged and never shown to a user.
package apperr

import (
	"errors"
	"fmt"
)

// Code classifies an error by what the caller can do about it.
type Code string

// Error codes. Each maps to one HTTP status in the web layer.
const (
	Invalid      Code = "invalid"      // 422: input failed validation; Fields says where
	NotFound     Code = "not_found"    // 404: absent, or outside the caller's area
	Conflict     Code = "conflict"     // 409: stale version, duplicate key, forbidden state move
	Forbidden    Code = "forbidden"    // 403: the caller's role may not do this
	Unauthorized Code = "unauthorized" // 401: no valid session or token
	TooLarge     Code = "too_large"    // 413: an upload or body over its limit
	// TooManyRequests (429): the caller must wait, e.g. after repeated failed sign-ins.
	TooManyRequests Code = "too_many_requests"
	Internal        Code = "internal" // 500: never shown; logged
)

// Error is a domain error with a user-facing Indonesian Message.
type Error struct {
	Code    Code
	Message string            // safe to show to the user (Indonesian)
	Fields  map[string]string // per-field messages for Invalid
	Err     error             // wrapped cause, never shown
}

func (e *Error) Error() string {
	if e.Err != nil {
		return fmt.Sprintf("%s: %s: %v", e.Code, e.Message, e.Err)
	}
	return fmt.Sprintf("%s: %s", e.Code, e.Message)
}

func (e *Error) Unwrap() error { return e.Err }

// New returns an *Error with the given code and message.
func New(code Code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Wrap returns an *Error with code and message that wraps cause.
func Wrap(code Code, cause error, msg string) *Error {
	return &Error{Code: code, Message: msg, Err: cause}
}

// ValidationMessage is the message of a Validation error: the form that
// sent the data marks each field with its own message.
const ValidationMessage = "Data tidak valid. Periksa isian yang ditandai."

// Validation builds an Invalid error from per-field messages. It returns nil
// when fields is empty, so callers can write `return apperr.Validation(f)`.
func Validation(fields map[string]string) error {
	if len(fields) == 0 {
		return nil
	}
	return &Error{Code: Invalid, Message: ValidationMessage, Fields: fields}
}

// CodeOf returns the Code of err, or Internal when err is not an *Error.
func CodeOf(err error) Code {
	var e *Error
	if errors.As(err, &e) {
		return e.Code
	}
	return Internal
}

// Is reports whether err carries the given code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }

// MessageOf returns the user-facing message, or a generic one for internal errors.
func MessageOf(err error) string {
	var e *Error
	if errors.As(err, &e) && e.Code != Internal {
		return e.Message
	}
	return "Terjadi kesalahan di server. Silakan coba lagi."
}

// FieldsOf returns the per-field messages of an Invalid error, if any.
func FieldsOf(err error) map[string]string {
	var e *Error
	if errors.As(err, &e) {
		return e.Fields
	}
	return nil
}
