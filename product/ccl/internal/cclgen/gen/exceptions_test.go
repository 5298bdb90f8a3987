package gen

import (
	"fmt"
	"strings"
	"testing"
)

// describeLine renders the structure of a line compactly: per part
// "[para] def=ANS[$limit] cap", then each rule "ECCN(-except)?[!]:ANS[$limit]"
// ("!" for a qualified reference); then "notFor=MT,NP" and "cond" when
// conditional.
func describeLine(x ExceptionLine) string {
	ans := map[int]string{AnsYes: "yes", AnsNo: "no", AnsInd: "ind"}
	var parts []string
	for _, p := range x.Parts {
		s := ""
		if p.Para != "" {
			s = p.Para + " "
		}
		s += "def=" + ans[p.Default]
		if p.Limit != 0 {
			s += fmt.Sprintf("$%d", p.Limit)
		}
		if p.Capped {
			s += " cap"
		}
		for _, r := range p.Rules {
			s += " " + r.Ref.ECCN
			for _, e := range r.Ref.Except {
				s += "-" + e
			}
			if r.Ref.Qualified {
				s += "!"
			}
			s += ":" + ans[r.Ans]
			if r.Limit != 0 {
				s += fmt.Sprintf("$%d", r.Limit)
			}
		}
		parts = append(parts, s)
	}
	out := strings.Join(parts, " | ")
	if len(x.NotFor) > 0 {
		out += " notFor=" + strings.Join(x.NotFor, ",")
	}
	if x.Conditional() {
		out += " cond"
	}
	return out
}

func TestParseExceptionLine(t *testing.T) {
	known := []string{"3A001", "3B001", "4A003", "9B515"}
	tests := []struct {
		name, entry, code, give, want string
	}{
		{"N/A", "3A090", "GBS", "N/A", "def=no"},
		{"Yes", "1A001", "TSR", "Yes.", "def=yes"},
		{"dollar value", "2A001", "LVS", "$1,500", "def=yes$1500"},
		{"dollar value with a period", "2A001", "LVS", "$1500.", "def=yes$1500"},
		{"value and N/A paragraphs", "4A003", "LVS", "$5000; N/A for 4A003.b, c, and z.",
			"def=yes$5000 4A003.b:no 4A003.c:no 4A003.z:no"},
		{"value and reasons", "3A001", "LVS", "$3000, except N/A for MT, NP", "def=yes$3000 notFor=MT,NP"},
		{"reasons then paragraphs", "1B001", "LVS", "N/A for MT and for 1B001.a; $5000 for all other items",
			"def=yes$5000 1B001.a:no notFor=MT"},
		{"values by paragraph", "1A008", "LVS", "$3,000 for .a through .c; $6,000 for .d.",
			"def=no 1A008.a:yes$3000 1A008.b:yes$3000 1A008.c:yes$3000 1A008.d:yes$6000"},
		{"value after a colon", "3A002", "LVS", "$3000: 3A002.a, .e, and .g",
			"def=no 3A002.a:yes$3000 3A002.e:yes$3000 3A002.g:yes$3000"},
		{"second value", "9B515", "LVS", "$1500; $5000 for 9B515.b", "def=yes$1500 9B515.b:yes$5000"},
		{"Yes for a list with an exception and qualified words", "3A001", "GBS",
			"Yes for 3A001.a.1.b, a.2 to a.3 (except .a.2.a when controlled for MT), b.2 (exported or reexported for use in civil telecommunications applications), .g, and z.1.b.",
			"def=no 3A001.a.1.b:yes 3A001.a.2:yes 3A001.a.2.a!:ind 3A001.a.3:yes 3A001.b.2!:yes 3A001.g:yes 3A001.z.1.b:yes cond"},
		{"Yes except with descriptions and a condition", "3B001", "GBS",
			"Yes, except a.3 (molecular beam epitaxial growth equipment), .e (wafer handling systems only if connected to equipment controlled by 3B001.a.3), .f (lithography equipment)",
			"def=yes 3B001.a.3:no 3B001.e!:no 3B001.f:no cond"},
		{"Yes except a reason", "1A005", "GBS", "Yes, except UN", "def=yes notFor=UN"},
		{"plain exception inside a list", "5A001", "GBS", "Yes for 5A001.b (except .b.5)", "def=no 5A001.b-5A001.b.5:yes"},
		{"words that name no paragraph", "5A002", "LVS", "Yes: $500 for “components”; N/A for 5A002.z.",
			"def=no 5A002!:yes$500 5A002.z:no cond"},
		{"negative words naming no paragraph cap the line", "5A004", "LVS", "$500; N/A for systems and equipment.",
			"def=yes$500 cap cond"},
		{"only N/A paragraphs: no value for the rest", "6A005", "LVS", "N/A for 6A005.b", "def=ind 6A005.b:no cond"},
		{"destination words", "4A005", "ACE", "Yes, except to Country Group E:1 or E:2. See § 740.22 of the EAR for eligibility criteria.",
			"def=yes cap cond"},
		{"see a section", "3A090", "HBM", "Yes, for 3A090.c. See § 740.25 of the EAR.", "def=no 3A090.c:yes"},
		{"see a section after a comma", "2B910", "IEC", "Yes, see § 740.2(a)(22) and § 740.24 of the EAR.", "def=yes"},
		{"software for another entry", "3D001", "ACM", "Yes for “software” for commodities controlled by 3A001.z",
			"def=no 3D001!:yes cond"},
		{"a condition names paragraphs", "3C002", "GBS", "Yes for 3C002.a provided that they are not also controlled by 3C002.b through .e.",
			"def=no 3C002.a!:yes 3C002.b!:ind 3C002.c!:ind 3C002.d!:ind 3C002.e!:ind cond"},
		{"list continued after a semicolon", "8A002", "GBS", "Yes for manipulators controlled by 8A002.i.2 and having 5 degrees of freedom; and 8A002.r.",
			"def=no 8A002.i.2!:yes 8A002.r:yes cond"},
		{"unreadable clause", "6A005", "GBS", "Neodymium-doped lasers controlled by 6A005.b.6.d.2", "def=ind cap cond"},
		{"STA to A:5 or A:6 with a qualified exception", "3A001", "STA",
			"License Exception STA may not be used to ship any item in 3A001.b.2 or b.3, except those that are being exported or reexported for use in civil telecommunications applications, or 3A001.z to any of the destinations listed in Country Group A:5 or A:6 (See Supplement No. 1 to part 740 of the EAR).",
			"def=yes 3A001.b.2!:no 3A001.b.3!:no 3A001.z:no cond"},
		{"STA to A:6 only restricts (c)(2)", "4A001", "STA",
			"License Exception STA may not be used to ship any commodity in 4A001.a.2 to any of the destinations listed in Country Group A:6 (See Supplement No.1 to part 740 of the EAR).",
			"(c)(2) def=yes 4A001.a.2:no"},
		{"STA paragraph (c)(2)", "0A602", "STA",
			"Paragraph (c)(2) of License Exception STA (§ 740.20(c)(2) of the EAR) may not be used for any item in 0A602.",
			"(c)(2) def=yes 0A602:no"},
		{"STA this ECCN", "2D910", "STA",
			"STA: License Exception STA may not be used to ship any item in this ECCN to any of the destinations listed in Country Group A:5 or A:6 (See Supplement No. 1 to part 740 of the EAR).",
			"def=yes 2D910:no"},
		{"STA two paragraphs", "9D515", "STA",
			"(1) Paragraph (c)(1) of License Exception STA (§ 740.20(c)(1) of the EAR) may not be used for 9D515.b, .d, or .e. (2) Paragraph (c)(2) of License Exception STA (§ 740.20(c)(2) of the EAR) may not be used for any “software” in 9D515.",
			"(c)(1) def=yes 9D515.b:no 9D515.d:no 9D515.e:no | (c)(2) def=yes 9D515:no"},
		{"STA two groups", "5A001", "STA",
			"License Exception STA may not be used to ship any commodity in 5A001.j to any of the destinations listed in Country Group A:5 or A:6, or any commodity in 5A001.b.3, .b.5 or .h to any of the destinations listed in Country Group A:6.",
			"def=yes 5A001.j:no | (c)(2) def=yes 5A001.b.3:no 5A001.b.5:no 5A001.h:no"},
		{"STA unless BIS determines", "0A606", "STA",
			"(1) Paragraph (c)(1) of License Exception STA (§ 740.20(c)(1) of the EAR) may not be used for any item in 0A606.a, unless determined by BIS to be eligible. (2) Paragraph (c)(2) of License Exception STA (§ 740.20(c)(2) of the EAR) may not be used for any item in 0A606.",
			"(c)(1) def=yes 0A606.a!:no | (c)(2) def=yes 0A606:no cond"},
		{"STA words alone", "3D005", "STA",
			"License Exception STA may not be used to ship or transmit “software” to any of the destinations listed in Country Group A:6.",
			"(c)(2) def=yes cap cond"},
		{"STA for another entry's items", "9D002", "STA",
			"License Exception STA may not be used to ship or transmit “software” “specially designed” for the “production” of equipment specified by 9B001.b to any of the destinations listed in Country Group A:6.",
			"(c)(2) def=yes cap cond"},
	}
	for _, tc := range tests {
		x := ParseExceptionLine(tc.code, tc.give, tc.entry, known)
		if got := describeLine(x); got != tc.want {
			t.Errorf("%s: ParseExceptionLine(%s, %q)\n got %s\nwant %s\n(conditions %q)", tc.name, tc.code, tc.give, got, tc.want, x.Conditions)
		}
		if x.Text != normalizeSpace(tc.give) || x.Code != tc.code {
			t.Errorf("%s: the line does not keep its code and text: %q %q", tc.name, x.Code, x.Text)
		}
	}
}

// TestExceptionSummary checks the generator's counts of the License
// Exceptions against the source and logs the conditional lines.
func TestExceptionSummary(t *testing.T) {
	src := &SourceFile{Citation: "c", ECFRIssueDate: "2026-07-23", Entries: []SourceEntry{
		{ECCN: "4A003", Exceptions: []SourceException{{"LVS", "$5000; N/A for 4A003.b, c, and z."}, {"GBS", "Yes, for 4A003.g and parts therefor, exported separately."}}},
		{ECCN: "9B515", Exceptions: []SourceException{{"LVS", "$1500; $5000 for 9B515.b"}}, STASpecialConditions: ptr("STA: Paragraph (c)(2) of License Exception STA (§ 740.20(c)(2) of the EAR) may not be used for any item in 9B515.")},
	}}
	tab, sum, err := Build(src, &MendFile{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.ExceptionLines != 3 || sum.ExceptionsConditional != 1 || sum.STAConditions != 1 || sum.STAConditional != 0 {
		t.Errorf("summary %+v", sum)
	}
	for _, c := range sum.ConditionalExceptions {
		t.Logf("conditional: %s", c)
	}
	if !strings.Contains(sum.String(), "license exception lines: 3\n  structured: 2\n  conditional: 1\n") {
		t.Errorf("summary text:\n%s", sum.String())
	}
	if e := tab.Entries[1]; e.STA == nil || describeLine(*e.STA) != "(c)(2) def=yes 9B515:no" {
		t.Errorf("9B515 special conditions: %+v", e.STA)
	}
	code, err := Render(tab, "src", "mends")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"var cclExceptions = [...]exceptionSet{",
		`{ref: Ref{eccn: product.MustParseECCN("4A003.b")}, ans: exNo}`,
		`sta: &ExceptionLine{entry: product.MustParseECCN("9B515"), code: "STA"`} {
		if !strings.Contains(string(code), want) {
			t.Errorf("rendered code lacks %s", want)
		}
	}
}

func ptr(s string) *string { return &s }
