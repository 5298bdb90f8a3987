package exception

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/exceptions.md")

const goldenTables = "testdata/exceptions.md"

// TestMarkdownGolden keeps the rendered tables, the tables auditors read
// against the CFR, in testdata/exceptions.md; a change of the data shows up
// as a change of that file in review.
func TestMarkdownGolden(t *testing.T) {
	got := Markdown()
	for _, c := range Codes() {
		if !strings.Contains(got, "\n| "+c.String()+" | 15 CFR 740.") {
			t.Errorf("no row for %s", c)
		}
	}
	if n := strings.Count(got, "\n| 15 CFR 740.2(a)"); n != len(restrictionTable) {
		t.Errorf("%d restriction rows, want %d", n, len(restrictionTable))
	}
	if *updateGolden {
		if err := os.WriteFile(goldenTables, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenTables)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("Markdown differs from %s; review the change, then run go test -run TestMarkdownGolden -update ./license/exception", goldenTables)
	}
}

func TestResultsMarkdown(t *testing.T) {
	i := in(t, "3A001.a.7", "BR", "2026-11-28", chart("NS"))
	from("KR")(&i)
	got := ResultsMarkdown(Evaluate(i))
	if !strings.Contains(got, "| GBS | 15 CFR 740.4 | available | 15 CFR 738.4; Supp. No. 1 to part 738, column NS |") {
		t.Errorf("no available GBS row:\n%s", got)
	}
	if n := strings.Count(got, "\n"); n != 2+len(Codes()) {
		t.Errorf("%d lines, want %d", n, 2+len(Codes()))
	}
}
