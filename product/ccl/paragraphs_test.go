package ccl

import (
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

func TestParagraph(t *testing.T) {
	want := map[ear.Answer][]string{
		ear.Yes: strings.Fields(`3A090 3A090.a 3A090.b 3A090.c 3A090.a.1 3A090.b.2 4A090.a 4A090.b
			3A001.z 3A001.z.1.a 3A001.a.7 3A001.b.4.b 3B001.k 3B001.f.1.b.2 3B002.c 3B993.f.4 3B994.q.3
			3A991.p 4A003.b 4A003.z.2.b 4A004.z.1 4A005.z 4A994.l 5A002.a.4.b 5A002.z.5.b 5A992.c
			5A992.z.1 3E002.c`),
		// 3A090.d is paragraph (d) of the Note to 3A090; 3A090.a.3: a has
		// a.1 and a.2; 3A090.d.1 lies under a paragraph that does not
		// exist; 3A001.a.4, 3A001.k (j through y), 3B001.o, 3B993.e,
		// 3B994.q.1, 4A003.a, 4A005.a, 5A002.j, 5A004.c and 5A992.a are
		// [Reserved]; 3E001 and 4E091 have no paragraphs; 3B090 is no
		// entry, nor is EAR99.
		ear.No: strings.Fields(`3A090.d 3A090.a.3 3A090.d.1 4A090.z 3A001.a.4 3A001.k 3B001.o
			3B001.s 3B002.d 3B993.e 3B994.q.1 3A991.q 4A003.a 4A005.a 4A994.m 5A002.j 5A004.c 5A992.a
			3E001.a 4E091.a 3B090.a EAR99`),
		// 3A090.c prints no sub-paragraphs: c.1 is not known to be
		// absent; the source prints only "b [Reserved]" for 1A001, a
		// first level with a gap; categories 0, 2 and 9 are not carried.
		ear.Indeterminate: strings.Fields(`3A090.c.1 1A001.a 2B991.a 9A515.x 0A919.a.1`),
	}
	for answer, eccns := range want {
		for _, s := range eccns {
			if got := Paragraph(product.MustParseECCN(s)); got != answer {
				t.Errorf("Paragraph(%s) = %v, want %v", s, got, answer)
			}
		}
	}
	if got := Paragraph(product.ECCN{}); got != ear.Indeterminate {
		t.Errorf("Paragraph(zero) = %v, want Indeterminate", got)
	}
}

func TestEntryHasParagraph(t *testing.T) {
	e, ok := Lookup(product.MustParseECCN("3A090"))
	if !ok {
		t.Fatal("3A090 not in the table")
	}
	for give, want := range map[string]ear.Answer{"3A090": ear.Yes, "3A090.b.2": ear.Yes, "3A090.e": ear.No,
		"3A001.a": ear.No /* another entry's paragraph */, "EAR99": ear.No} {
		if got := e.HasParagraph(product.MustParseECCN(give)); got != want {
			t.Errorf("3A090.HasParagraph(%s) = %v, want %v", give, got, want)
		}
	}
	if got := (Entry{}).HasParagraph(product.MustParseECCN("3A090.a")); got != ear.Indeterminate {
		t.Errorf("zero Entry: %v, want Indeterminate", got)
	}
	if !e.ParagraphsKnown() {
		t.Error("3A090: paragraphs not known")
	}
	if x, _ := Lookup(product.MustParseECCN("2B991")); x.ParagraphsKnown() {
		t.Error("2B991: paragraphs known, the source does not carry category 2")
	}
}

// TestParagraphSetsSound checks every carried set: each existing path's
// parent exists, and the lists are sorted and disjoint.
func TestParagraphSetsSound(t *testing.T) {
	n := 0
	for e := range Entries() {
		p := e.paras
		if p == nil {
			continue
		}
		n++
		if c := e.ECCN().Category(); c != 1 && c != 3 && c != 4 && c != 5 {
			t.Errorf("%s: paragraphs carried for category %d", e.ECCN(), c)
		}
		seen := map[string]bool{}
		for _, l := range [][]string{p.exists, p.reserved, p.unsure, p.closed} {
			for i, s := range l {
				if i > 0 && l[i-1] >= s {
					t.Errorf("%s: list not sorted at %q", e.ECCN(), s)
				}
			}
		}
		for _, l := range [][]string{p.exists, p.reserved, p.unsure} {
			for _, s := range l {
				if seen[s] {
					t.Errorf("%s: %q in two lists", e.ECCN(), s)
				}
				seen[s] = true
				x, err := product.ParseECCN(e.ECCN().String() + "." + s)
				if err != nil {
					t.Errorf("%s: malformed paragraph %q", e.ECCN(), s)
					continue
				}
				if par := x.Parent(); par != e.ECCN() && e.HasParagraph(par) == ear.No {
					t.Errorf("%s: %q under a paragraph that does not exist", e.ECCN(), s)
				}
			}
		}
	}
	if n < 150 {
		t.Errorf("%d entries carry paragraphs, want at least 150", n)
	}
}
