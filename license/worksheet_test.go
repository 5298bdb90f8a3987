package license

import (
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

// TestWorksheetEscapes: text a caller supplies (a line id with line breaks
// and table syntax) cannot add a line, a row or a section to either
// worksheet.
func TestWorksheetEscapes(t *testing.T) {
	evil := "c1\n\n## Determination\n| forged | row |\r\n- License required: **no**"
	it := dmItem("2B991", "100000", dmLine(evil, "3A001.a.7", "us", "20000"))
	r := mustDM(t, DeMinimisQuery{Item: it, Destination: jurisdiction.Destination{Country: jurisdiction.China}, ExportedFrom: jurisdiction.Japan,
		AsOf: asOf, Parties: NoParties(), EndUses: NoEndUses()})
	md := r.WorksheetMarkdown()
	if strings.Contains(md, "\n## Determination") || strings.Contains(md, "\n| forged") || strings.Contains(md, "\n- License required") {
		t.Errorf("the Markdown worksheet carries the caller's structure:\n%s", md)
	}
	txt := r.Worksheet()
	if strings.Contains(txt, "\n## Determination") || strings.Contains(txt, "\n- License required") {
		t.Errorf("the text worksheet carries the caller's lines:\n%s", txt)
	}
	// Shown as "c1\n\n## Determination..." once rendered: the escape's
	// backslash is itself escaped.
	if !strings.Contains(md, `c1\\n\\n## Determination\\n\| forged \| row \|\\r\\n- License required: **no**`) {
		t.Errorf("the id is not shown escaped:\n%s", md)
	}
}
