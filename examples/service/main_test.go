package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/earcheck/ear/license/csl"
)

// testConfig returns the default limits with short timeouts.
func testConfig() config {
	cfg := defaultConfig()
	cfg.ReadHeaderTimeout = 200 * time.Millisecond
	cfg.ReadTimeout = 2 * time.Second
	cfg.WriteTimeout = 5 * time.Second
	cfg.IdleTimeout = 2 * time.Second
	cfg.ShutdownTimeout = 5 * time.Second
	return cfg
}

// start serves s on a loopback port until the test ends and returns the
// server's address.
func start(t *testing.T, s *server) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ln)
	t.Cleanup(func() { s.srv.Close() })
	return ln.Addr().String()
}

type vectorCase struct {
	Request json.RawMessage            `json:"request"`
	Expect  map[string]json.RawMessage `json:"expect"`
}

// worked returns the first worked case of the FDP vectors: a valid request
// with one party that declares no Entity List footnote.
func worked(t *testing.T) vectorCase {
	t.Helper()
	data, err := os.ReadFile("../../license/testdata/fdp.json")
	if err != nil {
		t.Fatal(err)
	}
	var vf struct{ Cases []vectorCase }
	if err := json.Unmarshal(data, &vf); err != nil {
		t.Fatal(err)
	}
	return vf.Cases[0]
}

var client = &http.Client{Timeout: 10 * time.Second}

type response struct {
	status int
	header http.Header
	body   []byte
	err    errorBody
}

// post posts body to /v1/check at addr.
func post(ctx context.Context, addr string, body []byte) (response, error) {
	req, err := http.NewRequestWithContext(ctx, "POST", "http://"+addr+"/v1/check", bytes.NewReader(body))
	if err != nil {
		return response{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	resp, err := client.Do(req)
	if err != nil {
		return response{}, err
	}
	defer resp.Body.Close()
	r := response{status: resp.StatusCode, header: resp.Header}
	if r.body, err = io.ReadAll(resp.Body); err != nil {
		return r, err
	}
	json.Unmarshal(r.body, &r.err)
	return r, nil
}

func mustPost(t *testing.T, addr string, body []byte) response {
	t.Helper()
	r, err := post(context.Background(), addr, body)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// blockingResolver blocks every lookup until release is closed or the
// request's context is done.
type blockingResolver struct {
	entered chan struct{}
	release chan struct{}
}

func newBlockingResolver() *blockingResolver {
	return &blockingResolver{entered: make(chan struct{}, 16), release: make(chan struct{})}
}

func (b *blockingResolver) ResolveParty(ctx context.Context, q csl.Query) (csl.Designations, error) {
	b.entered <- struct{}{}
	select {
	case <-b.release:
		return csl.NewIndex(nil).ResolveParty(ctx, q)
	case <-ctx.Done():
		return csl.Designations{}, ctx.Err()
	}
}

func (b *blockingResolver) waitEntered(t *testing.T) {
	t.Helper()
	select {
	case <-b.entered:
	case <-time.After(5 * time.Second):
		t.Fatal("the request never reached the resolver")
	}
}

type failingResolver struct{}

func (failingResolver) ResolveParty(context.Context, csl.Query) (csl.Designations, error) {
	return csl.Designations{}, errors.New("screening service unreachable")
}

// TestValidRequest posts a worked case: 200, the Determination as JSON.
func TestValidRequest(t *testing.T) {
	s := newServer(testConfig(), nil)
	addr := start(t, s)
	c := worked(t)
	r := mustPost(t, addr, c.Request)
	var got map[string]any
	if err := json.Unmarshal(r.body, &got); err != nil {
		t.Fatalf("not JSON: %s", r.body)
	}
	var want string
	json.Unmarshal(c.Expect["subject_to_ear"], &want)
	if r.status != 200 || got["subject_to_ear"] != want {
		t.Fatalf("status %d subject %v, want 200 %s", r.status, got["subject_to_ear"], want)
	}
	if ct := r.header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type %q", ct)
	}
	if n := s.written.Load(); n != 1 {
		t.Errorf("written = %d, want 1", n)
	}
}

// TestErrorStatus checks the status and error code of requests the
// service cannot decide: 400 for one it cannot read, 422 for wrong facts.
func TestErrorStatus(t *testing.T) {
	addr := start(t, newServer(testConfig(), nil))
	var noDate map[string]json.RawMessage
	json.Unmarshal(worked(t).Request, &noDate)
	delete(noDate, "as_of")
	noDateBody, _ := json.Marshal(noDate)
	for _, tc := range []struct {
		name   string
		body   []byte
		status int
		code   string
		field  string
	}{
		{"malformed JSON", []byte(`{"as_of": "2026-`), 400, "malformed", ""},
		{"empty body", nil, 400, "malformed", ""},
		{"unknown member", []byte(`{"colour": "red"}`), 400, "unknown_field", "colour"},
		{"missing as_of", noDateBody, 422, "missing", "as_of"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := mustPost(t, addr, tc.body)
			if r.status != tc.status || r.err.Error.Code != tc.code || r.err.Error.Field != tc.field || r.err.Error.Message == "" {
				t.Errorf("status %d %s, want %d code %s field %q", r.status, r.body, tc.status, tc.code, tc.field)
			}
			if ct := r.header.Get("Content-Type"); ct != "application/json" {
				t.Errorf("Content-Type %q", ct)
			}
		})
	}
}

// TestHealthzAndMethod checks GET /healthz and a GET of /v1/check.
func TestHealthzAndMethod(t *testing.T) {
	addr := start(t, newServer(testConfig(), nil))
	resp, err := client.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || strings.TrimSpace(string(b)) != "ok" {
		t.Errorf("healthz: %d %q", resp.StatusCode, b)
	}
	// A wrong method or path is answered with the wire format's error
	// object too, not the mux's plain text.
	for _, tt := range []struct {
		method, path string
		status       int
		code         string
	}{
		{"GET", "/v1/check", 405, "method_not_allowed"},
		{"DELETE", "/v1/check", 405, "method_not_allowed"},
		{"POST", "/v1/nothing", 404, "not_found"},
		{"GET", "/v1/check/", 404, "not_found"},
	} {
		req, _ := http.NewRequest(tt.method, "http://"+addr+tt.path, nil)
		resp, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		var e errorBody
		if resp.StatusCode != tt.status || resp.Header.Get("Content-Type") != "application/json" || json.Unmarshal(b, &e) != nil || e.Error.Code != tt.code {
			t.Errorf("%s %s: %d %s %q, want %d and the error object %s", tt.method, tt.path, resp.StatusCode, resp.Header.Get("Content-Type"), b, tt.status, tt.code)
		}
		if tt.status == 405 && resp.Header.Get("Allow") != "POST" {
			t.Errorf("%s %s: Allow %q, want POST", tt.method, tt.path, resp.Header.Get("Allow"))
		}
	}
}

// rawPost sends a request over a raw connection, the header then the body
// from a goroutine (the server may answer and close before the body is
// sent), and reads the response.
func rawPost(t *testing.T, addr, header string, body io.Reader) (*http.Response, []byte) {
	t.Helper()
	conn, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(10 * time.Second))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		if _, err := io.WriteString(conn, header); err != nil {
			return
		}
		io.Copy(conn, body) // an error once the server closes is expected
	}()
	defer wg.Wait()
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	conn.Close() // ends the writer
	return resp, b
}

// TestTooLarge posts 5 MiB bodies to a service with the default 4 MiB
// limit: with a Content-Length (refused before reading) and chunked (read
// up to the limit); both get 413 too_large.
func TestTooLarge(t *testing.T) {
	cfg := testConfig()
	addr := start(t, newServer(cfg, nil))
	const size = 5 << 20
	big := func() io.Reader {
		return io.MultiReader(strings.NewReader(`{"item": {"description": "`), strings.NewReader(strings.Repeat("x", size)), strings.NewReader(`"}}`))
	}
	n := int64(len(`{"item": {"description": "`) + size + len(`"}}`))
	check := func(name string, resp *http.Response, b []byte) {
		var e errorBody
		json.Unmarshal(b, &e)
		if resp.StatusCode != 413 || e.Error.Code != "too_large" || e.Error.Field != "" || e.Error.Message == "" {
			t.Errorf("%s: %d %s, want 413 too_large", name, resp.StatusCode, b)
		}
	}
	resp, b := rawPost(t, addr, fmt.Sprintf("POST /v1/check HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n", addr, n), big())
	check("Content-Length", resp, b)

	pr, pw := io.Pipe()
	go func() {
		cw := httpChunkedWriter{pw}
		io.Copy(cw, big())
		io.WriteString(pw, "0\r\n\r\n")
		pw.Close()
	}()
	defer pr.Close()
	resp, b = rawPost(t, addr, fmt.Sprintf("POST /v1/check HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n", addr), pr)
	check("chunked", resp, b)
}

// httpChunkedWriter writes each Write as one chunk.
type httpChunkedWriter struct{ w io.Writer }

func (c httpChunkedWriter) Write(p []byte) (int, error) {
	if _, err := fmt.Fprintf(c.w, "%x\r\n%s\r\n", len(p), p); err != nil {
		return 0, err
	}
	return len(p), nil
}

// TestSlowHeadersClosed opens connections that send part of a header and
// stop; the server closes each after ReadHeaderTimeout (200ms here), and
// still answers others.
func TestSlowHeadersClosed(t *testing.T) {
	cfg := testConfig()
	addr := start(t, newServer(cfg, nil))
	const n = 50
	conns := make([]net.Conn, 0, n)
	defer func() {
		for _, c := range conns {
			c.Close()
		}
	}()
	begin := time.Now()
	for range n {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		conns = append(conns, c)
		if _, err := io.WriteString(c, "POST /v1/check HTTP/1.1\r\nHost: "+addr+"\r\nContent-Ty"); err != nil {
			t.Fatal(err)
		}
	}
	for i, c := range conns {
		c.SetReadDeadline(time.Now().Add(5 * time.Second))
		_, err := io.Copy(io.Discard, c) // until the server closes
		var ne net.Error
		if errors.As(err, &ne) && ne.Timeout() {
			t.Fatalf("connection %d still open after %v", i, time.Since(begin))
		}
	}
	took := time.Since(begin)
	t.Logf("%d slow connections closed after %v", n, took)
	if took < cfg.ReadHeaderTimeout || took >= cfg.ReadTimeout {
		t.Errorf("closed after %v, want ReadHeaderTimeout %v (ReadTimeout is %v)", took, cfg.ReadHeaderTimeout, cfg.ReadTimeout)
	}
	if r := mustPost(t, addr, worked(t).Request); r.status != 200 {
		t.Errorf("after the slow connections: status %d", r.status)
	}
}

// TestInFlightBound: with a bound of 1 and a request held in the
// resolver, a second request gets 503 busy with Retry-After at once; the
// first completes when released.
func TestInFlightBound(t *testing.T) {
	cfg := testConfig()
	cfg.MaxInFlight = 1
	res := newBlockingResolver()
	s := newServer(cfg, res)
	addr := start(t, s)
	body := worked(t).Request
	first := make(chan response, 1)
	go func() {
		r, err := post(context.Background(), addr, body)
		if err != nil {
			r.status = -1
		}
		first <- r
	}()
	res.waitEntered(t)
	began := time.Now()
	r := mustPost(t, addr, body)
	if r.status != 503 || r.err.Error.Code != "busy" || r.header.Get("Retry-After") != "1" {
		t.Errorf("second request: %d Retry-After %q %s, want 503 busy Retry-After 1", r.status, r.header.Get("Retry-After"), r.body)
	}
	if d := time.Since(began); d > 2*time.Second {
		t.Errorf("busy answer took %v", d)
	}
	close(res.release)
	if r := <-first; r.status != 200 {
		t.Errorf("first request: %d %s", r.status, r.body)
	}
	if s.busy.Load() != 1 {
		t.Errorf("busy = %d, want 1", s.busy.Load())
	}
	// The token is back: a third request is decided.
	if r := mustPost(t, addr, body); r.status != 200 {
		t.Errorf("third request: %d %s", r.status, r.body)
	}
}

// TestResolverUnavailable: a failing party resolver is 503
// resolver_unavailable at the party, not an error of the request.
func TestResolverUnavailable(t *testing.T) {
	addr := start(t, newServer(testConfig(), failingResolver{}))
	r := mustPost(t, addr, worked(t).Request)
	if r.status != 503 || r.err.Error.Code != "resolver_unavailable" || r.err.Error.Field != "parties[0]" ||
		!strings.Contains(r.err.Error.Message, "screening service unreachable") {
		t.Errorf("%d %s, want 503 resolver_unavailable at parties[0]", r.status, r.body)
	}
}

// TestClientGone: a client that cancels while its request is being
// decided gets nothing written; the server counts it as gone.
func TestClientGone(t *testing.T) {
	res := newBlockingResolver()
	s := newServer(testConfig(), res)
	addr := start(t, s)
	body := worked(t).Request
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := post(ctx, addr, body)
		done <- err
	}()
	res.waitEntered(t)
	cancel()
	if err := <-done; !errors.Is(err, context.Canceled) {
		t.Errorf("client: %v, want context.Canceled", err)
	}
	deadline := time.Now().Add(5 * time.Second)
	for s.gone.Load() == 0 && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if s.gone.Load() != 1 || s.written.Load() != 0 {
		t.Errorf("gone = %d, written = %d; want 1, 0", s.gone.Load(), s.written.Load())
	}
}

// TestGracefulShutdown runs the service as main does and stops it (as a
// signal would) while a request is in flight: the listener closes, the
// request completes with 200, and run returns nil.
func TestGracefulShutdown(t *testing.T) {
	res := newBlockingResolver()
	s := newServer(testConfig(), res)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ctx, stop := context.WithCancel(context.Background())
	defer stop()
	ran := make(chan error, 1)
	go func() { ran <- run(ctx, s, ln) }()
	defer s.srv.Close()

	body := worked(t).Request
	inflight := make(chan response, 1)
	go func() {
		r, err := post(context.Background(), addr, body)
		if err != nil {
			r.status = -1
		}
		inflight <- r
	}()
	res.waitEntered(t)
	stop()
	// New connections are refused once shutdown has begun.
	deadline := time.Now().Add(5 * time.Second)
	for {
		c, err := net.DialTimeout("tcp", addr, time.Second)
		if err != nil {
			break
		}
		c.Close()
		if time.Now().After(deadline) {
			t.Fatal("still accepting connections after shutdown began")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-ran:
		t.Fatalf("run returned %v with a request in flight", err)
	case <-time.After(100 * time.Millisecond):
	}
	close(res.release)
	if r := <-inflight; r.status != 200 {
		t.Errorf("in-flight request: %d %s", r.status, r.body)
	}
	select {
	case err := <-ran:
		if err != nil {
			t.Errorf("run: %v", err)
		}
	case <-time.After(5 * time.Second):
		t.Fatal("run did not return after the last request")
	}
}
