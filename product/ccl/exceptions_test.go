package ccl

import (
	"reflect"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

func exLine(t *testing.T, entry, code string) ExceptionLine {
	t.Helper()
	e, ok := Lookup(product.MustParseECCN(entry))
	if !ok {
		t.Fatalf("Lookup(%s) failed", entry)
	}
	x, ok := e.ExceptionLine(code)
	if !ok {
		t.Fatalf("%s prints no %s line", entry, code)
	}
	return x
}

func TestExceptionEligible(t *testing.T) {
	for _, tc := range []struct {
		entry, code, eccn string
		want              ear.Answer
		limit             int64
	}{
		// GBS: Yes for 3A001.a.1.b, a.2 to a.14 (except .a.5.a when
		// controlled for MT), b.2 (exported or reexported for use in civil
		// telecommunications applications), b.8 (except for "vacuum
		// electronic devices" exceeding 18 GHz), b.9., b.10, .g, .h, .i,
		// and z.1.b (...)
		{"3A001", "GBS", "3A001.a.7", ear.Yes, 0},
		{"3A001", "GBS", "3A001.a.1.b", ear.Yes, 0},
		{"3A001", "GBS", "3A001.a.14.a", ear.Yes, 0},
		{"3A001", "GBS", "3A001.a.5.a", ear.Indeterminate, 0},
		{"3A001", "GBS", "3A001.a.5", ear.Indeterminate, 0},
		{"3A001", "GBS", "3A001.a.5.b", ear.Yes, 0},
		{"3A001", "GBS", "3A001.b.2", ear.Indeterminate, 0},
		{"3A001", "GBS", "3A001.b.8", ear.Indeterminate, 0},
		{"3A001", "GBS", "3A001.b.1", ear.No, 0},
		{"3A001", "GBS", "3A001.a.1.a", ear.No, 0},
		{"3A001", "GBS", "3A001.h", ear.Yes, 0},
		{"3A001", "GBS", "3A001.z.1.b", ear.Indeterminate, 0},
		{"3A001", "GBS", "3A001", ear.Indeterminate, 0},
		{"3A001", "GBS", "3A002.a", ear.No, 0}, // another entry
		// 3A090: GBS N/A, LVS N/A
		{"3A090", "GBS", "3A090.a", ear.No, 0},
		{"3A090", "GBS", "3A090", ear.No, 0},
		{"3A090", "LVS", "3A090.b", ear.No, 0},
		// 3B001 GBS: Yes, except a.3 (...), c.1.a (...), c.1.c (...), .e
		// (... only if connected to equipment controlled by 3B001.a.3, or
		// .f), .f (lithography equipment) and .q (... not specified by
		// 3B001.g, and having ...)
		{"3B001", "GBS", "3B001.f.1", ear.No, 0},
		{"3B001", "GBS", "3B001.a.3", ear.Indeterminate, 0}, // "(... using gas sources)": 3B001.a.3 also has solid sources
		{"3B001", "GBS", "3B001.b", ear.Yes, 0},
		{"3B001", "GBS", "3B001.a.1", ear.Yes, 0},
		{"3B001", "GBS", "3B001.e", ear.Indeterminate, 0},
		{"3B001", "GBS", "3B001.q", ear.Indeterminate, 0},
		{"3B001", "GBS", "3B001.c", ear.Indeterminate, 0},
		{"3B001", "GBS", "3B001", ear.Indeterminate, 0},
		// 4A003 LVS: $5000; N/A for 4A003.b, c, and z.
		{"4A003", "LVS", "4A003.b", ear.No, 0},
		{"4A003", "LVS", "4A003.z.1", ear.No, 0},
		{"4A003", "LVS", "4A003.g", ear.Yes, 5000},
		{"4A003", "LVS", "4A003", ear.Indeterminate, 0},
		// 5A001 LVS: N/A for 5A001.a, b.5, .e, f.3 and .h; $5000 for
		// 5A001.b.1, .b.2, .b.3, .b.6, .d, f.2, f.4, and .g; $3000 for
		// 5A001.c.
		{"5A001", "LVS", "5A001.b.5", ear.No, 0},
		{"5A001", "LVS", "5A001.b.2", ear.Yes, 5000},
		{"5A001", "LVS", "5A001.c", ear.Yes, 3000},
		{"5A001", "LVS", "5A001.f.1", ear.No, 0},
		{"5A001", "LVS", "5A001.b", ear.Indeterminate, 0},
		// 5A002 ENC: Yes for certain EI controlled commodities, see
		// § 740.17 of the EAR for eligibility.
		{"5A002", "ENC", "5A002.a", ear.Indeterminate, 0},
		// 3A001 STA: may not be used to ship any item in 3A001.b.2 or b.3,
		// except those ... civil telecommunications applications, or
		// 3A001.z to A:5 or A:6
		{"3A001", "STA", "3A001.b.2", ear.Indeterminate, 0},
		{"3A001", "STA", "3A001.z.1", ear.No, 0},
		{"3A001", "STA", "3A001.a.7", ear.Yes, 0},
		// 0A602 STA: Paragraph (c)(2) ... may not be used for any item in 0A602.
		{"0A602", "STA", "0A602.a", ear.No, 0},
		// 9D515 STA: (c)(1) not for 9D515.b, .d, or .e; (c)(2) not for any
		// software in 9D515
		{"9D515", "STA", "9D515.b", ear.No, 0},
		{"9D515", "STA", "9D515.a", ear.Indeterminate, 0},
		// 6A003 LVS: $1500, except N/A for 6A003.a.3 through a.6, b.1, b.3 and b.4.
		{"6A003", "LVS", "6A003.a.4", ear.No, 0},
		{"6A003", "LVS", "6A003.a.2", ear.Yes, 1500},
		// 5A004 LVS: Yes: $500 for "components"; N/A for 5A004.z. N/A for
		// systems and equipment.
		{"5A004", "LVS", "5A004.z", ear.No, 0},
		{"5A004", "LVS", "5A004.a", ear.Indeterminate, 0},
		// 6A001 LVS: $3000; N/A for 6A001.a.1.b.1 object detection ...
		// having ...; 6A001.a.1.e, ...; a.2.e.1, a.2.e.2; ...
		{"6A001", "LVS", "6A001.a.1.e", ear.No, 0},
		{"6A001", "LVS", "6A001.a.2.e.1", ear.No, 0},
		{"6A001", "LVS", "6A001.a.1.b.1", ear.Indeterminate, 0},
		{"6A001", "LVS", "6A001.b", ear.Yes, 3000},
		// 6A008 GBS: Yes, for 6A008.b, .c, and l.1 only
		{"6A008", "GBS", "6A008.l.1", ear.Yes, 0},
		{"6A008", "GBS", "6A008.l.2", ear.No, 0},
		// 3A002 GBS: Yes, for 3A002.h (unless controlled for MT)
		{"3A002", "GBS", "3A002.h", ear.Indeterminate, 0},
		// 4D001 ACE: Yes for 4D001.a (for the "development" ... of equipment
		// or "software" specified in ECCN 4A005 or 4D004), except to Country
		// Group E:1 or E:2.
		{"4D001", "ACE", "4D001.a", ear.Indeterminate, 0},
		{"4D001", "ACE", "4D001.b", ear.No, 0},
		// 5A001 STA: ... 5A001.j to A:5 or A:6, or ... 5A001.b.3, .b.5 or .h
		// to A:6: (c)(1) and (c)(2) differ for 5A001.b.3
		{"5A001", "STA", "5A001.j", ear.No, 0},
		{"5A001", "STA", "5A001.b.3", ear.Indeterminate, 0},
		{"5A001", "STA", "5A001.a", ear.Yes, 0},
		// 9B515 LVS: $1500; $5000 for 9B515.b
		{"9B515", "LVS", "9B515.b.1", ear.Yes, 5000},
		{"9B515", "LVS", "9B515.a", ear.Yes, 1500},
		{"9B515", "LVS", "9B515", ear.Indeterminate, 0},
	} {
		x := exLine(t, tc.entry, tc.code)
		got, lim := x.Eligible(product.MustParseECCN(tc.eccn))
		if got != tc.want || lim != tc.limit {
			t.Errorf("%s %s %q: Eligible(%s) = %v, %d; want %v, %d", tc.entry, tc.code, x.Text(), tc.eccn, got, lim, tc.want, tc.limit)
		}
	}
}

func TestExceptionNotForReasons(t *testing.T) {
	// 3A001 LVS: N/A for MT, NP; N/A for "MMIC" amplifiers in 3A001.b.2,
	// discrete microwave transistors in 3A001.b.3, except those ...; N/A
	// for and 3A001.z.
	x := exLine(t, "3A001", "LVS")
	if got, want := x.NotForReasons(), []Reason{ReasonMT, ReasonNP}; !reflect.DeepEqual(got, want) {
		t.Errorf("3A001 LVS NotForReasons() = %v, want %v", got, want)
	}
	if !x.Conditional() {
		t.Errorf("3A001 LVS prints no value for its other paragraphs; want Conditional")
	}
	for eccn, want := range map[string]ear.Answer{"3A001.z.1": ear.No, "3A001.a.7": ear.Indeterminate} {
		if got, _ := x.Eligible(product.MustParseECCN(eccn)); got != want {
			t.Errorf("3A001 LVS Eligible(%s) = %v, want %v", eccn, got, want)
		}
	}
	// 4A001 LVS: $5000 for 4A001.a; N/A for MT. The MT row covers 4A001.a.1.
	x = exLine(t, "4A001", "LVS")
	if got := x.NotForReasons(); !reflect.DeepEqual(got, []Reason{ReasonMT}) {
		t.Errorf("4A001 LVS NotForReasons() = %v, want [MT]", got)
	}
	for _, eccn := range []string{"4A001.a.1", "4A001.a.2", "4A001.b"} {
		mt := reasonCovers(product.MustParseECCN(eccn), ReasonMT)
		got, lim := x.Eligible(product.MustParseECCN(eccn))
		switch {
		case mt == ear.Yes && got != ear.No:
			t.Errorf("4A001 LVS Eligible(%s) = %v; the MT row covers it, want No", eccn, got)
		case eccn == "4A001.b" && got != ear.No:
			t.Errorf("4A001 LVS Eligible(4A001.b) = %v, want No (not listed)", got)
		case got == ear.Yes && lim != 5000:
			t.Errorf("4A001 LVS Eligible(%s) limit %d, want 5000", eccn, lim)
		}
	}
	// a line with no reasons
	if got := exLine(t, "4A003", "LVS").NotForReasons(); len(got) != 0 {
		t.Errorf("4A003 LVS NotForReasons() = %v, want none", got)
	}
}

func TestExceptionAccessors(t *testing.T) {
	e, _ := Lookup(product.MustParseECCN("3A001"))
	lines := e.ExceptionLines()
	var codes []string
	for _, x := range lines {
		codes = append(codes, x.Code())
	}
	if got := strings.Join(codes, " "); got != "LVS GBS AIA ACM LPP STA" {
		t.Errorf("3A001 exception codes = %q", got)
	}
	lines[0] = ExceptionLine{} // the caller owns the slice
	if x, _ := e.ExceptionLine("LVS"); x.Code() != "LVS" {
		t.Errorf("ExceptionLines returned the table's slice")
	}
	if _, ok := e.ExceptionLine("TSR"); ok {
		t.Errorf("3A001 prints no TSR line")
	}
	if x, _ := e.ExceptionLine("GBS"); !strings.HasPrefix(x.Text(), "Yes for 3A001.a.1.b, a.2 to a.14") || !x.Conditional() {
		t.Errorf("3A001 GBS = %q (conditional %v)", x.Text(), x.Conditional())
	}
	if x, _ := e.ExceptionLine("ACM"); x.Conditional() {
		t.Errorf("3A001 ACM %q: want structured", x.Text())
	}
	if s, ok := e.STAConditions(); !ok || !strings.HasPrefix(s, "STA: License Exception STA may not be used to ship any item in 3A001.b.2") {
		t.Errorf("3A001 STAConditions() = %q, %v", s, ok)
	}
	if s, ok := (Entry{}).STAConditions(); ok || s != "" {
		t.Errorf("zero Entry STAConditions() = %q, %v", s, ok)
	}
	if got := (Entry{}).ExceptionLines(); got != nil {
		t.Errorf("zero Entry ExceptionLines() = %v", got)
	}
	e2, _ := Lookup(product.MustParseECCN("3A090"))
	if _, ok := e2.STAConditions(); ok {
		t.Errorf("3A090 prints no special conditions for STA")
	}
}

func TestSTAParagraph(t *testing.T) {
	for _, tc := range []struct{ entry, want string }{
		{"0A602", "(c)(2)"}, // Paragraph (c)(2) of License Exception STA ...
		{"3A001", ""},       // ... to any of the destinations listed in Country Group A:5 or A:6
		{"4A001", "(c)(2)"}, // ... any commodity in 4A001.a.2 to ... Country Group A:6
		{"9D515", ""},       // (1) Paragraph (c)(1) ... (2) Paragraph (c)(2) ...
		{"0A977", ""},       // License Exception STA may not be used for 0A977.
	} {
		if got := exLine(t, tc.entry, "STA").STAParagraph(); got != tc.want {
			t.Errorf("%s STA STAParagraph() = %q, want %q", tc.entry, got, tc.want)
		}
	}
	if got := exLine(t, "3A001", "GBS").STAParagraph(); got != "" {
		t.Errorf("GBS STAParagraph() = %q", got)
	}
	if got, _ := exLine(t, "0A977", "STA").Eligible(product.MustParseECCN("0A977")); got != ear.No {
		t.Errorf("0A977 STA Eligible = %v, want No", got)
	}
}

func TestSTAExcluded(t *testing.T) {
	for _, tc := range []struct {
		entry, eccn, para string
		want              ear.Answer
	}{
		{"3A001", "3A001.b.2", "(c)(1)", ear.Indeterminate},
		{"3A001", "3A001.z.1", "(c)(1)", ear.Yes},
		{"3A001", "3A001.z.1", "(c)(2)", ear.Yes},
		{"3A001", "3A001.a.7", "(c)(2)", ear.No},
		{"3A001", "3A001", "(c)(2)", ear.Indeterminate},
		{"0A602", "0A602.a", "(c)(2)", ear.Yes},
		{"0A602", "0A602.a", "(c)(1)", ear.No},
		{"9D515", "9D515.b", "(c)(1)", ear.Yes},
		{"9D515", "9D515.a", "(c)(1)", ear.No},
		{"9D515", "9D515.a", "(c)(2)", ear.Yes},
		{"4A001", "4A001.a.2", "(c)(2)", ear.Yes},
		{"4A001", "4A001.a.2", "(c)(1)", ear.No},
		{"4A001", "4A001.a.1", "(c)(2)", ear.No},
		{"0A606", "0A606.a", "(c)(1)", ear.Indeterminate}, // unless determined by BIS ...
		{"3A090", "3A090.a", "(c)(1)", ear.No},            // no special conditions
		{"3A001", "3A001.a.7", "(b)", ear.Indeterminate},  // not a paragraph of STA
	} {
		e, _ := Lookup(product.MustParseECCN(tc.entry))
		if got := e.STAExcluded(product.MustParseECCN(tc.eccn), tc.para); got != tc.want {
			s, _ := e.STAConditions()
			t.Errorf("%s STAExcluded(%s, %s) = %v, want %v (%q)", tc.entry, tc.eccn, tc.para, got, tc.want, s)
		}
	}
}

// TestExceptionTable checks every line of the table and logs the
// Conditional ones for review.
func TestExceptionTable(t *testing.T) {
	lines, cond := 0, 0
	for e := range Entries() {
		for _, x := range e.ExceptionLines() {
			lines++
			if x.Code() == "" || x.Text() == "" || len(x.parts) == 0 {
				t.Errorf("%s: malformed line %+v", e.ECCN(), x)
			}
			if x.Conditional() != (x.condition != "") {
				t.Errorf("%s %s: conditional without a condition", e.ECCN(), x.Code())
			}
			if x.Conditional() {
				cond++
				t.Logf("conditional: %s %s: %s\n\tunstructured: %s", e.ECCN(), x.Code(), x.Text(), x.condition)
			}
			// a line is never eligible for an ECCN of another entry
			if a, _ := x.Eligible(product.MustParseECCN("0A999")); e.ECCN().String() != "0A999" && a != ear.No {
				t.Errorf("%s %s: Eligible(0A999) = %v", e.ECCN(), x.Code(), a)
			}
			// N/A lines are never Yes
			if strings.TrimRight(x.Text(), ".") == "N/A" {
				if a, _ := x.Eligible(e.ECCN()); a != ear.No {
					t.Errorf("%s %s N/A: Eligible = %v", e.ECCN(), x.Code(), a)
				}
			}
		}
	}
	t.Logf("%d exception lines, %d conditional", lines, cond)
	if lines != 1181 {
		t.Errorf("%d exception lines, want the 1181 of the source", lines)
	}
}
