// Command service is a small JSON endpoint around the SDK for tool
// builders: POST a request in the wire format to /v1/check and get the
// response; a malformed request gets status 400 and the error object.
//
// Usage:
//
//	go run ./examples/service [-addr 127.0.0.1:8080]
package main

import (
	"encoding/json"
	"errors"
	"flag"
	"log"
	"net/http"
	"time"

	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/product"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	flag.Parse()
	srv := &http.Server{Addr: *addr, Handler: newHandler(license.NewChecker()), ReadHeaderTimeout: 10 * time.Second}
	log.Printf("ear service listening on http://%s/v1/check", *addr)
	log.Fatal(srv.ListenAndServe())
}

// newHandler returns the service's routes around one shared Checker.
func newHandler(c *license.Checker) http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v1/check", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		req, err := license.DecodeRequest(http.MaxBytesReader(w, r.Body, 64<<20))
		if err == nil {
			var d license.Determination
			if d, err = c.Check(r.Context(), req); err == nil {
				json.NewEncoder(w).Encode(d)
				return
			}
		}
		var body struct {
			Error struct {
				Code    string `json:"code"`
				Field   string `json:"field"`
				Message string `json:"message"`
			} `json:"error"`
		}
		fe, ok := errors.AsType[*product.FieldError](err)
		if !ok {
			fe = product.NewFieldError("", err)
		}
		body.Error.Code, body.Error.Field, body.Error.Message = fe.Code(), fe.Field, fe.Error()
		w.WriteHeader(http.StatusBadRequest)
		json.NewEncoder(w).Encode(body)
	})
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	return mux
}
