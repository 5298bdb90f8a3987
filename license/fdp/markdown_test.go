package fdp

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/rules.md")

const goldenRules = "testdata/rules.md"

// TestMarkdownGolden keeps the rendered table of Default, the table
// auditors read against the CFR, in testdata/rules.md; a change of the data
// shows up as a change of that file in review.
func TestMarkdownGolden(t *testing.T) {
	got := Default().Markdown()
	if n := strings.Count(got, "\n| ("); n != 22 {
		t.Errorf("table has %d rule rows, want 22 (13 paragraphs, two versions of (e)(1), (e)(2), (e)(3), (h), (i), (j) and (k), three of (f))", n)
	}
	for _, col := range []string{"License requirement", "Provenance"} {
		if !strings.Contains(got, col) {
			t.Errorf("table has no %s column", col)
		}
	}
	if *updateGolden {
		if err := os.WriteFile(goldenRules, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenRules)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Markdown differs from %s; review the change, then run go test -run TestMarkdownGolden -update ./license/fdp", goldenRules)
	}
}

// TestMarkdownEscapes: a rule's text cannot break the table.
func TestMarkdownEscapes(t *testing.T) {
	r := ruleData()[0]
	r.Title = "a | b\n| forged | row |"
	s, err := NewSet(r)
	if err != nil {
		t.Fatal(err)
	}
	md := s.Markdown()
	if n := strings.Count(md, "\n"); n != 3 {
		t.Errorf("table has %d lines, want 3:\n%s", n, md)
	}
	if !strings.Contains(md, `a \| b`) {
		t.Errorf("pipe not escaped:\n%s", md)
	}
}
