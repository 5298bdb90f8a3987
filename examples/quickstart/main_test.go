package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

func TestQuickstartRuns(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "2026-11-28"); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	// Each block is "== ECCN ..." followed by one line per destination.
	want := map[string][]string{
		"3A090.a": {"to CN: license required: yes", "to DE: license required: yes", "to HK: license required: yes"},
		"4A994.j": {"to CN: license required: no", "to RU: license required: yes", "to IR: license required: yes", "to DE: license required: no"},
		"EAR99":   {"to CN: license required: no", "to RU: license required: indeterminate", "to IR: license required: indeterminate"},
		"5A002.a": {"to DE: license required: yes", "to AE: license required: yes"},
	}
	for eccn, lines := range want {
		i := strings.Index(out, "== "+eccn+" ")
		if i < 0 {
			t.Fatalf("no block for %s in:\n%s", eccn, out)
		}
		block := out[i:]
		if j := strings.Index(block[3:], "\n== "); j >= 0 {
			block = block[:j+3]
		}
		for _, l := range lines {
			if !strings.Contains(block, l) {
				t.Errorf("%s: missing %q in block:\n%s", eccn, l, block)
			}
		}
	}
	if !strings.Contains(out, "HK Hong Kong") || !strings.Contains(out, "groups: D:1 D:3 D:4 D:5") {
		t.Errorf("destination groups missing:\n%s", out[:min(len(out), 800)])
	}
	if err := run(&b, "2026-02-30"); err == nil {
		t.Error("a bad date must be an error")
	}
	// Every date from 2020-01-01 is answered: a group membership not
	// known on the date is shown, not fatal.
	b.Reset()
	if err := run(&b, "2021-06-01"); err != nil {
		t.Fatalf("2021-06-01: %v", err)
	}
	if !strings.Contains(b.String(), "RU Russia               groups: not known on 2021-06-01") {
		t.Errorf("2021-06-01: the gap for Russia is not shown:\n%s", b.String()[:min(b.Len(), 800)])
	}
}

var update = flag.Bool("update", false, "rewrite testdata/quickstart.golden")

// TestQuickstartGolden keeps the whole report equal to
// testdata/quickstart.golden; go test -update rewrites it after a reviewed
// change.
func TestQuickstartGolden(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, "2026-11-28"); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/quickstart.golden"
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("report differs from %s (go test -run Golden -update ./examples/quickstart after review):\n%s", golden, b.String())
	}
}

func TestQuickstartOrders(t *testing.T) {
	var b bytes.Buffer
	if err := runOrders(&b); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, want := range []string{
		"== A Japanese machine with US chips and bundled US software, to China\n  de minimis: within (controlled 18000.00 USD = 18 %",
		"ground: 15 CFR 734.9(e)(1) Entity List FDP rule: footnote 1",
		"de minimis: exceeds (controlled 27.6497695853 EUR = 13.8248847926 % of 200.00 EUR; threshold 10 %) [15 CFR 734.4(c)]",
		"== The same tool, to Canada\n  de minimis: within",
		"yes [15 CFR 746.8] Sanctions against Russia and Belarus",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("report lacks %q", want)
		}
	}
}
