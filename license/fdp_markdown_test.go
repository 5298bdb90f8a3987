package license

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/fdp_rules.md and the table in fdp_markdown.go's doc comment")

const (
	goldenRules  = "testdata/fdp_rules.md"
	markdownFile = "fdp_markdown.go"
)

// docTable returns the table as it appears in the RulesMarkdown doc comment.
func docTable(table string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSuffix(table, "\n"), "\n") {
		b.WriteString("//\t" + line + "\n")
	}
	return b.String()
}

const (
	docStart = "// test (testdata/fdp_rules.md):\n//\n"
	docEnd   = "func RulesMarkdown()"
)

func TestRulesMarkdownGolden(t *testing.T) {
	got := RulesMarkdown()
	if n := strings.Count(got, "\n| ("); n != 13 {
		t.Errorf("table has %d rule rows, want 13", n)
	}
	src, err := os.ReadFile(markdownFile)
	if err != nil {
		t.Fatal(err)
	}
	i := strings.Index(string(src), docStart)
	j := strings.Index(string(src), docEnd)
	if i < 0 || j < i {
		t.Fatalf("%s: doc comment markers not found", markdownFile)
	}
	doc := string(src[i+len(docStart) : j])
	if *updateGolden {
		if err := os.WriteFile(goldenRules, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		out := string(src[:i+len(docStart)]) + docTable(got) + string(src[j:])
		if err := os.WriteFile(markdownFile, []byte(out), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(goldenRules)
	if err != nil {
		t.Fatal(err)
	}
	if got != string(want) {
		t.Errorf("RulesMarkdown differs from %s; run go test -run TestRulesMarkdownGolden -update ./license", goldenRules)
	}
	if doc != docTable(got) {
		t.Errorf("the table in the RulesMarkdown doc comment differs from the data; run with -update")
	}
}
