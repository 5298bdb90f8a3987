package main

import (
	"bytes"
	"encoding/json"
	"net"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/earcheck/ear/license"
)

// TestServiceOnLoopback starts the service on a loopback port and posts a
// worked case and a malformed request.
func TestServiceOnLoopback(t *testing.T) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	srv := &http.Server{Handler: newHandler(license.NewChecker()), ReadHeaderTimeout: 5 * time.Second}
	go srv.Serve(ln)
	defer srv.Close()
	url := "http://" + ln.Addr().String() + "/v1/check"

	data, err := os.ReadFile("../../license/testdata/fdp.json")
	if err != nil {
		t.Fatal(err)
	}
	var vf struct {
		Cases []struct {
			Request json.RawMessage            `json:"request"`
			Expect  map[string]json.RawMessage `json:"expect"`
		} `json:"cases"`
	}
	json.Unmarshal(data, &vf)
	client := &http.Client{Timeout: 10 * time.Second}
	resp, err := client.Post(url, "application/json", bytes.NewReader(vf.Cases[0].Request))
	if err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	json.NewDecoder(resp.Body).Decode(&got)
	resp.Body.Close()
	var want string
	json.Unmarshal(vf.Cases[0].Expect["subject_to_ear"], &want)
	if resp.StatusCode != 200 || got["subject_to_ear"] != want {
		t.Fatalf("status %d subject %v, want 200 %s", resp.StatusCode, got["subject_to_ear"], want)
	}

	resp, err = client.Post(url, "application/json", bytes.NewReader([]byte(`{"colour": "red"}`)))
	if err != nil {
		t.Fatal(err)
	}
	var e struct {
		Error struct{ Code, Field, Message string } `json:"error"`
	}
	json.NewDecoder(resp.Body).Decode(&e)
	resp.Body.Close()
	if resp.StatusCode != 400 || e.Error.Field != "colour" || e.Error.Code != "unknown_field" {
		t.Fatalf("malformed: status %d %+v", resp.StatusCode, e)
	}
}
