package web

import (
	"context"
	"net/http"
	"reflect"

	"naikkelas/internal/auth"
)

// A JSON handler of the API is an answer: a function of the request that
// returns the value to send, or the failure. The adapters here read what
// the route names (its {id}, a JSON body), call the answer, and write the
// value or the failure in one place, so that a handler holds only its call
// to a service and the route table says which status a success is.

// answer is one JSON handler.
type answer func(r *http.Request) (any, error)

// created is the value of an answer that made a record: the route also
// tells where it lives (Location).
type created struct {
	at    string
	value any
}

// itemList is the usual list answer: {"items": […]}.
type itemList[T any] struct {
	Items []T `json:"items"`
}

// countedList is a whole list with its length, or another total (a sum).
type countedList[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
}

// itemPage is one page of a longer list, with the total it is cut from.
type itemPage[T any] struct {
	Items   []T `json:"items"`
	Total   int `json:"total"`
	Page    int `json:"page"`
	PerPage int `json:"per_page"`
}

// api adapts an answer to a route: status on success (no body for 204),
// otherwise the failure through fail.
func (s *Server) api(status int, h answer) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		v, err := h(r)
		if err != nil {
			s.fail(w, r, err)
			return
		}
		if c, ok := v.(created); ok {
			w.Header().Set("Location", c.at)
			v = c.value
		}
		if status == http.StatusNoContent {
			w.WriteHeader(status)
			return
		}
		writeJSON(w, status, v)
	}
}

// byPathID answers a route with {id} with what a service returns for the
// caller and that id.
func byPathID[T any](call func(context.Context, auth.Actor, int64) (T, error)) answer {
	return func(r *http.Request) (any, error) { return callByPathID(r, call) }
}

// callByPathID calls a service with the caller and the path's {id} (a bad
// id is NotFound), for an answer or a page.
func callByPathID[T any](r *http.Request, call func(context.Context, auth.Actor, int64) (T, error)) (T, error) {
	id, err := pathID(r)
	if err != nil {
		var none T
		return none, err
	}
	return call(r.Context(), actor(r), id)
}

// doByPathID answers a route with {id} by a service call that returns nothing
// (a deletion: the route's status is 204).
func doByPathID(call func(context.Context, auth.Actor, int64) error) answer {
	return func(r *http.Request) (any, error) {
		id, err := pathID(r)
		if err != nil {
			return nil, err
		}
		return nil, call(r.Context(), actor(r), id)
	}
}

// listByPathID is byPathID for a service that returns a list, answered as items.
func listByPathID[T any](call func(context.Context, auth.Actor, int64) ([]T, error)) answer {
	return func(r *http.Request) (any, error) {
		id, err := pathID(r)
		if err != nil {
			return nil, err
		}
		list, err := call(r.Context(), actor(r), id)
		return itemList[T]{Items: nonNil(list)}, err
	}
}

// listOf answers a route without parameters with a service's list for the caller.
func listOf[T any](call func(context.Context, auth.Actor) ([]T, error)) answer {
	return func(r *http.Request) (any, error) {
		l, err := call(r.Context(), actor(r))
		return itemList[T]{Items: nonNil(l)}, err
	}
}

// nonNil makes an empty list a JSON [] rather than null, as the schemas say.
func nonNil[T any](list []T) []T {
	if list == nil {
		return []T{}
	}
	return list
}

// bodyByPathID answers a route with {id} and a JSON body of type In with
// what a service makes of the caller, the id and the body.
func bodyByPathID[In, Out any](call func(context.Context, auth.Actor, int64, *In) (Out, error)) answer {
	return withIDBody(func(r *http.Request, id int64, in *In) (any, error) {
		return call(r.Context(), actor(r), id, in)
	})
}

// bodyOf answers a route without parameters and a JSON body of type In with
// what a service makes of the caller and the body.
func bodyOf[In, Out any](call func(context.Context, auth.Actor, *In) (Out, error)) answer {
	return withBody(func(r *http.Request, in *In) (any, error) {
		return call(r.Context(), actor(r), in)
	})
}

// createdAt adapts an answer that makes a record so that the route also says
// where the record lives (Location): prefix followed by the record's ID
// field, which every record type of the domain has.
func createdAt(prefix string, h answer) answer {
	return func(r *http.Request) (any, error) {
		v, err := h(r)
		if err != nil {
			return nil, err
		}
		id := reflect.Indirect(reflect.ValueOf(v)).FieldByName("ID").Int()
		return created{at: prefix + itoa64(id), value: v}, nil
	}
}

// withBody reads a JSON body of type In for an answer.
func withBody[In any](call func(r *http.Request, in *In) (any, error)) answer {
	return func(r *http.Request) (any, error) {
		var in In
		if err := decodeJSON(r, &in); err != nil {
			return nil, err
		}
		return call(r, &in)
	}
}

// withIDBody reads the path's {id}, then a JSON body of type In, for an answer.
func withIDBody[In any](call func(r *http.Request, id int64, in *In) (any, error)) answer {
	return func(r *http.Request) (any, error) {
		id, err := pathID(r)
		if err != nil {
			return nil, err
		}
		var in In
		if err := decodeJSON(r, &in); err != nil {
			return nil, err
		}
		return call(r, id, &in)
	}
}
