package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/earcheck/ear/internal/refdata"
)

func TestSummaryFixture(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run([]string{"../../license/csl/testdata/csl_small.json"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	want := `{"rows":12,"lists":{"DPL":1,"EL":8,"MEU":1,"UVL":1,"other":1},"footnotes":{"1":2,"3":1,"4":1,"5":1},"implied_footnotes":{"1":0,"3":1,"4":0,"5":0}}` + "\n"
	if out.String() != want {
		t.Errorf("got  %s want %s", out.String(), want)
	}
}

func TestSummaryBadRows(t *testing.T) {
	var out, errOut bytes.Buffer
	code := run([]string{"../../license/csl/testdata/csl_bad_rows.json"}, nil, &out, &errOut)
	if code != 1 || !strings.Contains(out.String(), `"rows":2`) || !strings.Contains(errOut.String(), `csl: row 2 (id "b2") "Bad Addresses"`) {
		t.Errorf("exit %d out %q err %q", code, out.String(), errOut.String())
	}
}

func TestSummaryStdinAndUsage(t *testing.T) {
	var out, errOut bytes.Buffer
	if code := run(nil, strings.NewReader(`[{"name":"A","source":"Unverified List (UVL)"}]`), &out, &errOut); code != 0 || !strings.Contains(out.String(), `"UVL":1`) {
		t.Errorf("stdin: exit %d out %q err %q", code, out.String(), errOut.String())
	}
	if code := run([]string{"a", "b"}, nil, &out, &errOut); code != 2 {
		t.Errorf("two args: exit %d", code)
	}
	if code := run([]string{"testdata/does-not-exist.json"}, nil, &out, &errOut); code != 2 {
		t.Errorf("missing file: exit %d", code)
	}
}

// TestSummaryReal runs on the 2026-07-31 BIS rows when they are there.
func TestSummaryReal(t *testing.T) {
	path, ok := refdata.Path("csl-bis-2026-07-31.json")
	if !ok {
		t.Skipf("real CSL file not available (%s)", path)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{path}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	want := `{"rows":5308,"lists":{"DPL":1596,"EL":3420,"MEU":70,"UVL":222},"footnotes":{"1":156,"3":766,"4":95,"5":16},"implied_footnotes":{"1":0,"3":5,"4":1,"5":0}}` + "\n"
	if out.String() != want {
		t.Errorf("got  %s want %s", out.String(), want)
	}
}
