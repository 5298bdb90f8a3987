package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/earcheck/ear/license"
)

// build compiles the command once for the tests.
func build(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "check")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

type cases struct {
	Cases []struct {
		ID      string                     `json:"id"`
		Request json.RawMessage            `json:"request"`
		Expect  map[string]json.RawMessage `json:"expect"`
	} `json:"cases"`
}

// workedCases reads the worked cases of the license package's testdata.
func workedCases(t testing.TB) []cases {
	t.Helper()
	var all []cases
	for _, f := range []string{"../../license/testdata/deminimis.json", "../../license/testdata/fdp.json"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var cs cases
		if err := json.Unmarshal(data, &cs); err != nil {
			t.Fatal(err)
		}
		all = append(all, cs)
	}
	return all
}

// TestWorkedCasesAsJSON runs every worked case of the license package's
// testdata through the command, as JSON on standard input, and checks the
// outcome keys; the full comparison of every key is TestCheckVectors in the
// license package.
func TestWorkedCasesAsJSON(t *testing.T) {
	bin := build(t)
	for _, cs := range workedCases(t) {
		for _, c := range cs.Cases {
			cmd := exec.Command(bin)
			cmd.Stdin = bytes.NewReader(c.Request)
			out, err := cmd.Output()
			code := 0
			if ee, ok := err.(*exec.ExitError); ok {
				code = ee.ExitCode()
			} else if err != nil {
				t.Fatalf("%s: %v", c.ID, err)
			}
			var resp map[string]any
			if jerr := json.Unmarshal(out, &resp); jerr != nil {
				t.Fatalf("%s: not a JSON object: %s", c.ID, out)
			}
			if _, wantErr := c.Expect["error"]; wantErr {
				if code != 2 || resp["error"] == nil {
					t.Errorf("%s: want exit 2 with an error object, got %d %s", c.ID, code, out)
				}
				continue
			}
			if code != 0 {
				t.Errorf("%s: exit %d: %s", c.ID, code, out)
				continue
			}
			for _, k := range []string{"subject_to_ear", "license_required"} {
				raw, ok := c.Expect[k]
				if !ok {
					continue
				}
				var want string
				json.Unmarshal(raw, &want)
				got := resp["subject_to_ear"]
				if k == "license_required" {
					got = resp["license"].(map[string]any)["required"]
				}
				if got != want {
					t.Errorf("%s: %s = %v, want %s", c.ID, k, got, want)
				}
			}
		}
	}
}

func TestJSONLinesAndErrors(t *testing.T) {
	bin := build(t)
	data, err := os.ReadFile("../../license/testdata/fdp.json")
	if err != nil {
		t.Fatal(err)
	}
	var cs cases
	json.Unmarshal(data, &cs)
	var in bytes.Buffer
	json.Compact(&in, cs.Cases[0].Request)
	in.WriteString("\n{\"item\": 5}\n{\"colour\": \"red\"}\n\n")
	json.Compact(&in, cs.Cases[1].Request)
	in.WriteString("\n")
	cmd := exec.Command(bin, "-jsonl")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Fatalf("want exit 2 after a bad line, got %v", err)
	}
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	if len(lines) != 4 {
		t.Fatalf("want 4 response lines, got %d:\n%s", len(lines), out)
	}
	for i, want := range []string{"subject_to_ear", "error", "error", "subject_to_ear"} {
		var m map[string]any
		if err := json.Unmarshal([]byte(lines[i]), &m); err != nil || m[want] == nil {
			t.Errorf("line %d: want %q in %s", i, want, lines[i])
		}
	}
	var e struct {
		Error struct{ Code, Field, Message string } `json:"error"`
	}
	json.Unmarshal([]byte(lines[2]), &e)
	if e.Error.Field != "colour" || e.Error.Code != "unknown_field" || !strings.HasPrefix(e.Error.Message, "ear: colour: ") {
		t.Errorf("unknown member: %+v, want field colour, code unknown_field", e.Error)
	}
}

func TestCSLFlag(t *testing.T) {
	bin := build(t)
	req := `{"as_of": "2026-11-28", "item": {"id": "T-1", "eccn": "EAR99", "kind": "commodity", "produced_in": "TW",
		"value": {"amount": "1000.00", "currency": "USD"}, "components": [],
		"direct_product_of": [{"eccn": "3E001", "origin": "us"}], "plant": {"direct_product_of": []}},
		"exported_from": "TW", "destination": {"country": "CN"},
		"parties": [{"name": "Example Telecom Co., Ltd.", "role": "end_user", "country": "CN"}],
		"end_uses": [], "incorporations": []}`
	run := func(args ...string) map[string]any {
		cmd := exec.Command(bin, args...)
		cmd.Stdin = strings.NewReader(req)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("%v: %v", args, err)
		}
		var m map[string]any
		if err := json.Unmarshal(out, &m); err != nil {
			t.Fatal(err)
		}
		return m
	}
	if m := run(); m["subject_to_ear"] != "no" {
		t.Errorf("without -csl: subject %v", m["subject_to_ear"])
	}
	m := run("-csl", "../../license/csl/testdata/csl_small.json")
	if m["subject_to_ear"] != "yes" {
		t.Errorf("with -csl: subject %v", m["subject_to_ear"])
	}
	ps := m["parties"].([]any)
	if src := ps[0].(map[string]any)["designations"].(map[string]any)["source"]; src != "csl_index" {
		t.Errorf("designations source %v", src)
	}
}

// TestJSONLTooLongLine runs a batch of a worked case, a 5 MiB line and
// another worked case through -jsonl with the default 4 MiB line limit:
// three response lines, the middle one a too_large error object, the last
// decided, and exit status 2 as for any batch with an error line.
func TestJSONLTooLongLine(t *testing.T) {
	bin := build(t)
	lines := requestLines(t)
	var in bytes.Buffer
	in.Write(lines[0])
	in.WriteString(`{"item": {"description": "`)
	in.WriteString(strings.Repeat("x", 5<<20))
	in.WriteString("\"}}\n")
	in.Write(lines[1])
	cmd := exec.Command(bin, "-jsonl")
	cmd.Stdin = &in
	out, err := cmd.Output()
	if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 2 {
		t.Fatalf("want exit 2 after a too long line, got %v", err)
	}
	got := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	if len(got) != 3 {
		t.Fatalf("want 3 response lines, got %d:\n%.500s", len(got), out)
	}
	for _, i := range []int{0, 2} {
		var m map[string]any
		if err := json.Unmarshal([]byte(got[i]), &m); err != nil || m["subject_to_ear"] == nil {
			t.Errorf("line %d: want a determination, got %.300s", i+1, got[i])
		}
	}
	var e errorObject
	if err := json.Unmarshal([]byte(got[1]), &e); err != nil || e.Error.Code != "too_large" || e.Error.Field != "" || !strings.Contains(e.Error.Message, "line 2") {
		t.Errorf("line 2: want a too_large error object, got %.300s", got[1])
	}
}

// TestJSONLLineLimit runs -jsonl's loop in process with a small limit:
// a line of exactly the limit is read (and decided), one byte more is
// too_large, CRLF and a last line without a newline are read, blank lines
// get no response, and the line numbers count every line.
func TestJSONLLineLimit(t *testing.T) {
	checker = license.NewChecker()
	defer func(n int64) { maxLine = n }(maxLine)
	maxLine = 40
	pad := func(s string, n int) string { return s[:len(s)-1] + strings.Repeat(" ", n-len(s)) + "}" }
	exact := pad(`{"colour": "red"}`, 40)
	over := pad(`{"colour": "red"}`, 41)
	in := exact + "\n" + over + "\r\n\n" + strings.Repeat("y", 100) + "\n" + exact + "\r\n" + `{"item": 5}`
	var out bytes.Buffer
	if status := runLines(strings.NewReader(in), &out); status != 2 {
		t.Errorf("status %d, want 2", status)
	}
	want := []string{"unknown_field", "too_large", "too_large", "unknown_field", "malformed"}
	got := strings.Split(strings.TrimSuffix(out.String(), "\n"), "\n")
	if len(got) != len(want) {
		t.Fatalf("want %d response lines, got %d:\n%s", len(want), len(got), out.String())
	}
	for i, code := range want {
		var e errorObject
		json.Unmarshal([]byte(got[i]), &e)
		if e.Error.Code != code {
			t.Errorf("response %d: code %q, want %q: %s", i+1, e.Error.Code, code, got[i])
		}
	}
	if !strings.Contains(got[2], "line 4 ") {
		t.Errorf("the 100-byte line is line 4: %s", got[2])
	}
}
