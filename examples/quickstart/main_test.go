package main

import (
	"bytes"
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
}
