package fdp

import (
	"slices"
	"testing"
)

func TestParseCitation(t *testing.T) {
	for _, s := range []string{"15 CFR 734.9", "15 CFR 734.9(e)(1)", "15 CFR 744.11(a)(2)(v)", "15 CFR 746.8(a)(3)", "15 CFR 740.17(b)(3)(iii)(A)"} {
		c, err := ParseCitation(s)
		if err != nil || c.String() != s {
			t.Errorf("ParseCitation(%q) = %q, %v", s, c, err)
		}
	}
	for _, s := range []string{"", "734.9(e)", "15 CFR ", "15 CFR 734", "15 CFR 734.", "15 CFR .9", "15 CFR 734.9 (e)", "15 CFR 734.9(e", "15 CFR 734.9()",
		"15 CFR 734.9(e)x", "15 CFR 734.9(e)(1)) ", "15 CFR 0734.9", "15 CFR 734.09", "15 CFR 734.9(é)", "15 CFR 734.9(e-1)", "15 cfr 734.9", "15 CFR 734.9(abcdefgh)"} {
		if c, err := ParseCitation(s); err == nil {
			t.Errorf("ParseCitation(%q) accepted: %q", s, c)
		}
	}
}

func TestCitationCovers(t *testing.T) {
	e := MustParseCitation("15 CFR 734.9(e)")
	for s, want := range map[string]bool{
		"15 CFR 734.9(e)":       true,
		"15 CFR 734.9(e)(1)":    true,
		"15 CFR 734.9(e)(3)(i)": true,
		"15 CFR 734.9(f)":       false,
		"15 CFR 734.9":          false,
		"15 CFR 734.91(e)":      false,
		"15 CFR 744.11(a)":      false,
	} {
		if got := e.Covers(MustParseCitation(s)); got != want {
			t.Errorf("%s covers %s = %v, want %v", e, s, got, want)
		}
	}
	if (Citation{}).Covers(e) || e.Covers(Citation{}) {
		t.Error("the zero Citation covers or is covered")
	}
	if !MustParseCitation("15 CFR 734.9").Covers(e) {
		t.Error("the section does not cover its paragraph")
	}
}

func TestCitationCompare(t *testing.T) {
	// In CFR order, as printed.
	want := []string{
		"15 CFR 734.4(a)(9)",
		"15 CFR 734.9",
		"15 CFR 734.9(b)",
		"15 CFR 734.9(e)",
		"15 CFR 734.9(e)(1)",
		"15 CFR 734.9(e)(2)",
		"15 CFR 734.9(e)(10)",
		"15 CFR 734.9(f)",
		"15 CFR 734.10",
		"15 CFR 740.17(b)(2)(iv)",
		"15 CFR 740.17(b)(2)(v)",
		"15 CFR 740.17(b)(2)(ix)",
		"15 CFR 740.17(b)(2)(x)",
		"15 CFR 744.11(a)(2)(i)",
		"15 CFR 744.11(a)(2)(v)",
	}
	got := make([]Citation, len(want))
	for i, s := range want {
		got[len(want)-1-i] = MustParseCitation(s)
	}
	slices.SortFunc(got, Citation.Compare)
	for i, c := range got {
		if c.String() != want[i] {
			t.Fatalf("position %d: %s, want %s (all: %v)", i, c, want[i], got)
		}
	}
	a := MustParseCitation("15 CFR 734.9(e)(1)")
	if a.Compare(a) != 0 || (Citation{}).Compare(a) >= 0 {
		t.Error("Compare is not a total order with the zero Citation first")
	}
}

func TestCitationText(t *testing.T) {
	var c Citation
	if err := c.UnmarshalText([]byte("15 CFR 734.9(k)")); err != nil || c.String() != "15 CFR 734.9(k)" {
		t.Fatalf("UnmarshalText: %v %q", err, c)
	}
	b, _ := c.MarshalText()
	if string(b) != "15 CFR 734.9(k)" {
		t.Errorf("MarshalText = %q", b)
	}
	if err := c.UnmarshalText([]byte("734.9(k)")); err == nil {
		t.Error("UnmarshalText accepted a malformed citation")
	}
	if got := MustParseCitation("15 CFR 734.9(e)(1)").Paragraphs(); !slices.Equal(got, []string{"e", "1"}) {
		t.Errorf("Paragraphs = %v", got)
	}
	if got := MustParseCitation("15 CFR 734.9(e)(1)").Section(); got != "734.9" {
		t.Errorf("Section = %q", got)
	}
}

// TestFootnote: the footnote each Entity List paragraph implies comes from
// the rules' reach, as the screening list's classifier reads it.
func TestFootnote(t *testing.T) {
	s := Default()
	for c, want := range map[string]int{
		"15 CFR 734.9(e)(1)": 1, "15 CFR 734.9(e)(2)": 4, "15 CFR 734.9(e)(3)": 5, "15 CFR 734.9(g)": 3,
		"15 CFR 734.9(e)(1)(ii)": 1, "15 CFR 734.9(e)": 0, "15 CFR 734.9(f)": 0, "15 CFR 734.9(h)": 0,
	} {
		n, ok := s.Footnote(MustParseCitation(c))
		if n != want || ok != (want != 0) {
			t.Errorf("Footnote(%s) = %d, %v; want %d", c, n, ok, want)
		}
	}
}

// FuzzParseCitation: what parses prints back to itself, and Compare and
// Covers agree on equal values.
func FuzzParseCitation(f *testing.F) {
	for _, s := range []string{"15 CFR 734.9(e)(1)", "15 CFR 740.17(b)(2)(iv)", "15 CFR 734.9", "", "15 CFR 734.9(", "15 CFR 9999.9999(zzzzzz)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCitation(s)
		if err != nil {
			return
		}
		if c.String() != s || c.Compare(c) != 0 || !c.Covers(c) {
			t.Fatalf("%q: String %q, Compare %d, Covers %v", s, c, c.Compare(c), c.Covers(c))
		}
		_ = c.Paragraphs()
		_ = c.Section()
	})
}
