package main

import (
	"context"
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strconv"
	"sync"
	"sync/atomic"

	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/product"
)

// server is the service: one shared Checker behind an http.Server with the
// limits of its config.
type server struct {
	cfg     config
	checker *license.Checker
	sem     chan struct{} // one token per request in flight
	srv     *http.Server

	// Counters, for tests and operators.
	written atomic.Int64 // responses to /v1/check written, any status
	gone    atomic.Int64 // requests whose client had gone; nothing written
	busy    atomic.Int64 // requests refused with 503 busy
}

// newServer returns the service with the limits of cfg; resolver, if not
// nil, resolves the designations of parties that declare none.
func newServer(cfg config, resolver license.PartyResolver) *server {
	s := &server{cfg: cfg, sem: make(chan struct{}, cfg.MaxInFlight)}
	var opts []license.CheckerOption
	if resolver != nil {
		opts = append(opts, license.WithPartyResolver(markedResolver{resolver}))
	}
	s.checker = license.NewChecker(opts...)
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/check", s.check)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("ok\n"))
	})
	// The mux's own 405 and 404 are plain text; a client reads every
	// answer of /v1/check as the wire format's JSON, errors included.
	mux.HandleFunc("/v1/check", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Allow", http.MethodPost)
		s.writeError(w, http.StatusMethodNotAllowed, "method_not_allowed", "", "ear: "+r.Method+" /v1/check: POST a request in the wire format")
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.writeError(w, http.StatusNotFound, "not_found", "", "ear: no such endpoint: "+r.URL.Path+" (POST /v1/check, GET /healthz)")
	})
	s.srv = &http.Server{
		Handler:           mux,
		ReadHeaderTimeout: cfg.ReadHeaderTimeout,
		ReadTimeout:       cfg.ReadTimeout,
		WriteTimeout:      cfg.WriteTimeout,
		IdleTimeout:       cfg.IdleTimeout,
		MaxHeaderBytes:    64 << 10,
	}
	return s
}

// Serve accepts connections on ln; it returns http.ErrServerClosed after
// Shutdown.
func (s *server) Serve(ln net.Listener) error { return s.srv.Serve(ln) }

// Shutdown stops accepting and waits for the requests in flight, or ctx.
func (s *server) Shutdown(ctx context.Context) error { return s.srv.Shutdown(ctx) }

// errorBody is the wire format's error response.
type errorBody struct {
	Error struct {
		Code    string `json:"code"`
		Field   string `json:"field"`
		Message string `json:"message"`
	} `json:"error"`
}

// check decides one request.
func (s *server) check(w http.ResponseWriter, r *http.Request) {
	select {
	case s.sem <- struct{}{}:
		defer func() { <-s.sem }()
	default:
		s.busy.Add(1)
		w.Header().Set("Retry-After", "1")
		s.writeError(w, http.StatusServiceUnavailable, "busy", "", "too many requests in flight; retry later")
		return
	}
	if r.ContentLength > s.cfg.MaxBody {
		s.writeError(w, http.StatusRequestEntityTooLarge, "too_large", "", tooLarge(s.cfg.MaxBody))
		return
	}
	ctx := r.Context()
	req, err := license.DecodeRequest(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	var det license.Determination
	if err == nil {
		det, err = s.checker.Check(ctx, req)
	}
	if ctx.Err() != nil {
		// The client has gone (or the server is closing): nobody reads
		// an answer.
		s.gone.Add(1)
		return
	}
	if err == nil {
		// One buffer per response, taken from the pool and returned
		// once the single Write has copied it out.
		bp := respBufs.Get().(*[]byte)
		b, merr := det.AppendJSON((*bp)[:0])
		if merr != nil {
			s.writeError(w, http.StatusInternalServerError, "internal", "", "encoding the response: "+merr.Error())
		} else {
			b = s.write(w, http.StatusOK, b)
		}
		if cap(b) <= maxPooledResponse {
			*bp = b[:0]
			respBufs.Put(bp)
		}
		return
	}
	if _, ok := errors.AsType[*http.MaxBytesError](err); ok {
		s.writeError(w, http.StatusRequestEntityTooLarge, "too_large", "", tooLarge(s.cfg.MaxBody))
		return
	}
	fe, ok := errors.AsType[*product.FieldError](err)
	if !ok {
		fe = product.NewFieldError("", err)
	}
	if _, ok := errors.AsType[*resolverError](err); ok {
		w.Header().Set("Retry-After", "1")
		s.writeError(w, http.StatusServiceUnavailable, "resolver_unavailable", fe.Field, fe.Error())
		return
	}
	s.writeError(w, statusOf(fe.Code()), fe.Code(), fe.Field, fe.Error())
}

// statusOf returns the status of a FieldError's code: 400 for a request
// that cannot be read, 422 for facts that are wrong or incomplete.
func statusOf(code string) int {
	switch code {
	case "malformed", "unknown_field", "duplicate":
		return http.StatusBadRequest
	}
	return http.StatusUnprocessableEntity
}

func tooLarge(limit int64) string {
	return "ear: request body larger than " + strconv.FormatInt(limit, 10) + " bytes"
}

// writeError writes the error object with status.
func (s *server) writeError(w http.ResponseWriter, status int, code, field, msg string) {
	var e errorBody
	e.Error.Code, e.Error.Field, e.Error.Message = code, field, msg
	b, _ := json.Marshal(e) // strings only: cannot fail
	s.write(w, status, b)
}

// respBufs holds response buffers for reuse; a buffer grown past
// maxPooledResponse (a very large bill of materials) is left to the
// garbage collector rather than kept.
var respBufs = sync.Pool{New: func() any { b := make([]byte, 0, 32<<10); return &b }}

const maxPooledResponse = 1 << 20

// write writes one JSON response in a single Write (b and a newline); it
// returns the buffer it wrote, which the caller may reuse once write has
// returned.
func (s *server) write(w http.ResponseWriter, status int, b []byte) []byte {
	b = append(b, '\n')
	h := w.Header()
	h.Set("Content-Type", "application/json")
	h.Set("Content-Length", strconv.Itoa(len(b)))
	h.Set("X-Content-Type-Options", "nosniff")
	s.written.Add(1) // before the client can see the response
	w.WriteHeader(status)
	w.Write(b)
	return b
}

// markedResolver marks the errors of the resolver it wraps as
// *resolverError, so that the handler tells a resolver failure (503) from
// a fact the request got wrong.
type markedResolver struct{ r license.PartyResolver }

func (m markedResolver) ResolveParty(ctx context.Context, q csl.Query) (csl.Designations, error) {
	d, err := m.r.ResolveParty(ctx, q)
	if err != nil {
		return d, &resolverError{err}
	}
	return d, nil
}

// resolverError is an error of the party resolver.
type resolverError struct{ err error }

func (e *resolverError) Error() string { return e.err.Error() }
func (e *resolverError) Unwrap() error { return e.err }
