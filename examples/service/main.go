// Command service is a small JSON endpoint around the SDK for tool
// builders: POST a request in the wire format to /v1/check and get the
// response, or an error object
//
//	{"error": {"code": "...", "field": "...", "message": "..."}}
//
// whose code is product.FieldError's stable code, or one of the service's
// own (too_large, busy, resolver_unavailable, method_not_allowed,
// not_found, internal).
//
// Usage:
//
//	go run ./examples/service [-addr 127.0.0.1:8080] [-csl CSL.json [-csl-date D]] [flags]
//
// -csl-date is the day the -csl file was downloaded (YYYY-MM-DD): a request
// whose as_of is before it, or more than 30 days after, is warned of
// (parties_list_date).
//
// Limits, each a flag (defaults in brackets):
//
//	-max-body             request body size in bytes [4 MiB]; more is 413 too_large
//	-max-in-flight        requests decided at once [2*GOMAXPROCS]; more is an
//	                      immediate 503 busy
//	-read-header-timeout  to read a request's header [5s]
//	-read-timeout         to read a whole request, body included [10s]
//	-write-timeout        from the end of the header to the end of the response [15s]
//	-idle-timeout         a keep-alive connection waits for its next request [60s]
//	-shutdown-timeout     in-flight requests may finish after SIGTERM or SIGINT [10s]
//
// Status codes:
//
//	200  the Determination
//	400  a request that cannot be read: malformed, unknown_field, duplicate
//	413  too_large: the body is over -max-body
//	422  facts that are wrong or incomplete: missing, invalid, out_of_range,
//	     inconsistent, date_out_of_range, no_rate, not_an_export
//	503  busy (over -max-in-flight), or resolver_unavailable (the party
//	     resolver failed); both with Retry-After: 1
//	404  not_found: a path other than /v1/check and /healthz
//	405  method_not_allowed: a method other than POST on /v1/check, with
//	     Allow: POST (GET /healthz answers 200 "ok")
//	500  internal: the response could not be encoded
//
// A request whose client has gone (its context canceled) is answered with
// nothing. SIGTERM and SIGINT stop accepting connections and let requests in
// flight finish, up to -shutdown-timeout.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"runtime"
	"syscall"
	"time"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/csl"
)

func main() {
	cfg := defaultConfig()
	addr := flag.String("addr", "127.0.0.1:8080", "listen address")
	cslPath := flag.String("csl", "", "Consolidated Screening List bulk JSON file to resolve parties' designations")
	cslDate := flag.String("csl-date", "", "the day the -csl file was downloaded (YYYY-MM-DD)")
	flag.Int64Var(&cfg.MaxBody, "max-body", cfg.MaxBody, "largest request body in bytes (413 beyond)")
	flag.IntVar(&cfg.MaxInFlight, "max-in-flight", cfg.MaxInFlight, "requests decided at once (503 busy beyond)")
	flag.DurationVar(&cfg.ReadHeaderTimeout, "read-header-timeout", cfg.ReadHeaderTimeout, "time to read a request's header")
	flag.DurationVar(&cfg.ReadTimeout, "read-timeout", cfg.ReadTimeout, "time to read a whole request, body included")
	flag.DurationVar(&cfg.WriteTimeout, "write-timeout", cfg.WriteTimeout, "time from the end of the header to the end of the response")
	flag.DurationVar(&cfg.IdleTimeout, "idle-timeout", cfg.IdleTimeout, "time a keep-alive connection waits for its next request")
	flag.DurationVar(&cfg.ShutdownTimeout, "shutdown-timeout", cfg.ShutdownTimeout, "time requests in flight may take to finish on SIGTERM or SIGINT")
	flag.Parse()
	if flag.NArg() > 0 || cfg.MaxBody <= 0 || cfg.MaxInFlight <= 0 || *cslDate != "" && *cslPath == "" {
		flag.Usage()
		os.Exit(64)
	}

	var resolver license.PartyResolver
	if *cslPath != "" {
		f, err := os.Open(*cslPath)
		if err != nil {
			log.Fatal(err)
		}
		file, err := csl.Read(f)
		f.Close()
		if err != nil && len(file.Rows) == 0 {
			log.Fatalf("reading the CSL: %v", err)
		}
		if err != nil {
			log.Printf("some CSL rows were left out: %v", err)
		}
		index := csl.NewIndex(file.Rows)
		if *cslDate != "" {
			d, err := jurisdiction.ParseDate(*cslDate)
			if err != nil {
				log.Fatalf("-csl-date: %v", err)
			}
			index = index.WithListDate(d)
		}
		resolver = index
	}

	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		log.Fatal(err)
	}
	ctx, stop := signal.NotifyContext(context.Background(), syscall.SIGTERM, os.Interrupt)
	defer stop()
	log.Printf("ear service listening on http://%s/v1/check", ln.Addr())
	if err := run(ctx, newServer(cfg, resolver), ln); err != nil {
		log.Fatal(err)
	}
	log.Print("ear service stopped")
}

// config holds the service's limits.
type config struct {
	MaxBody           int64 // bytes of a request body
	MaxInFlight       int   // requests decided at once
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	WriteTimeout      time.Duration
	IdleTimeout       time.Duration
	ShutdownTimeout   time.Duration
}

// defaultConfig returns the limits the flags default to.
func defaultConfig() config {
	return config{
		MaxBody:           4 << 20,
		MaxInFlight:       2 * runtime.GOMAXPROCS(0),
		ReadHeaderTimeout: 5 * time.Second,
		ReadTimeout:       10 * time.Second,
		WriteTimeout:      15 * time.Second,
		IdleTimeout:       60 * time.Second,
		ShutdownTimeout:   10 * time.Second,
	}
}

// run serves on ln until ctx is done, then shuts the server down
// gracefully: it stops accepting and waits up to cfg.ShutdownTimeout for
// the requests in flight.
func run(ctx context.Context, s *server, ln net.Listener) error {
	errc := make(chan error, 1)
	go func() { errc <- s.Serve(ln) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	sctx, cancel := context.WithTimeout(context.Background(), s.cfg.ShutdownTimeout)
	defer cancel()
	if err := s.Shutdown(sctx); err != nil {
		s.srv.Close()
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}
