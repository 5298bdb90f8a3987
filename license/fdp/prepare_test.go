package fdp

import (
	"slices"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// TestPatternsOfAgreesWithMatchItem: the index NewSet builds names every
// pattern MatchItem does not answer No for, in list order, for the ECCNs
// of every rule's lists and some that no list names.
func TestPatternsOfAgreesWithMatchItem(t *testing.T) {
	s := Default()
	var eccns []product.ECCN
	for i := range s.Len() {
		r := s.At(i)
		for _, ps := range r.patternLists() {
			for _, p := range ps {
				eccns = append(eccns, p.ECCN, p.ECCN.Entry())
				eccns = append(eccns, p.Except...)
			}
		}
	}
	for _, x := range []string{"EAR99", "3A001", "3A001.b.2", "9A515.y.1", "0A919", "5A002.a", "3E001", "3D991"} {
		eccns = append(eccns, product.MustParseECCN(x))
	}
	eccns = append(eccns, product.ECCN{})
	check := func(name string, ps []Pattern, idx []int32, ok bool, e product.ECCN) {
		t.Helper()
		if !ok {
			t.Fatalf("%s: not indexed", name)
		}
		var want []int32
		for i, p := range ps {
			if p.MatchItem(e) != ear.No {
				want = append(want, int32(i))
			}
		}
		for _, i := range idx {
			if ps[i].ECCN.Entry() != e.Entry() {
				t.Errorf("%s: %s: pattern %s of another entry", name, e, ps[i])
			}
		}
		var got []int32
		for _, i := range idx {
			if ps[i].MatchItem(e) != ear.No {
				got = append(got, i)
			}
		}
		if !slices.Equal(got, want) || !slices.IsSorted(idx) {
			t.Errorf("%s: %s: index gives %v (matching %v), want %v", name, e, idx, got, want)
		}
	}
	for i := range s.Len() {
		r := s.At(i)
		for _, sc := range r.productScopes() {
			for _, e := range eccns {
				if len(sc.Item.Patterns) > 0 {
					idx, ok := sc.Item.PatternsOf(e)
					check(r.Citation.String()+" item", sc.Item.Patterns, idx, ok, e)
				}
				for _, in := range []*InputScope{sc.Direct, sc.Plant} {
					if in != nil && len(in.Patterns) > 0 {
						idx, ok := in.PatternsOf(e)
						check(r.Citation.String()+" input", in.Patterns, idx, ok, e)
					}
				}
			}
		}
	}
}

func (r *Rule) productScopes() []*ProductScope {
	out := []*ProductScope{&r.Product}
	if r.Enforced != nil && !r.Enforced.Absent {
		out = append(out, &r.Enforced.Product)
	}
	return out
}

func (r *Rule) patternLists() [][]Pattern {
	var out [][]Pattern
	for _, p := range r.productScopes() {
		out = append(out, p.Item.Patterns)
		for _, in := range []*InputScope{p.Direct, p.Plant} {
			if in != nil {
				out = append(out, in.Patterns)
			}
		}
	}
	return out
}

// TestCopiesCarryNoPreparedText: the copies Rules returns carry neither
// the texts nor the indexes NewSet made, so a changed copy says what it
// holds, and a set made of it again says so too.
func TestCopiesCarryNoPreparedText(t *testing.T) {
	s := Default()
	for i, r := range s.Rules() {
		at := s.At(i)
		for j := range r.Reach {
			if r.Reach[j].Where.text != "" {
				t.Errorf("%s: copy carries places text", r.Citation)
			}
			if got, want := at.Reach[j].Where.String(), at.Reach[j].Where.render(); got != want {
				t.Errorf("%s: prepared %q, want %q", r.Citation, got, want)
			}
		}
		for _, ps := range r.patternLists() {
			for _, p := range ps {
				if p.text != "" {
					t.Errorf("%s: copy carries pattern text", r.Citation)
				}
			}
		}
		if r.Product.Item.index != nil || (r.Product.Direct != nil && r.Product.Direct.index != nil) {
			t.Errorf("%s: copy carries an index", r.Citation)
		}
		if _, ok := r.Product.Item.PatternsOf(product.MustParseECCN("3A001")); ok {
			t.Errorf("%s: copy claims an index", r.Citation)
		}
	}
	rules := s.Rules()
	r := rules[0]
	r.Reach[0].Where.Groups = []jurisdiction.Group{jurisdiction.GroupD5}
	if got := r.Reach[0].Where.String(); got != "D:5" {
		t.Errorf("changed copy says %q, want D:5", got)
	}
	s2, err := NewSet(r)
	if err != nil {
		t.Fatal(err)
	}
	if got := s2.At(0).Reach[0].Where.String(); got != "D:5" {
		t.Errorf("set of the changed copy says %q, want D:5", got)
	}
}

// TestAppendContainsIsContains: the three forms give the same answer, and
// the two with a sentence the same sentence.
func TestAppendContainsIsContains(t *testing.T) {
	s := Default()
	asOf := jurisdiction.MustParseDate("2025-06-01")
	for i := range s.Len() {
		for _, pr := range s.At(i).Reach {
			for _, c := range []string{"CN", "RU", "IR", "DE", "MO", "BY", "UA", "KP", "CU", "AE"} {
				d := jurisdiction.Destination{Country: jurisdiction.MustParseCountry(c)}
				gs, err := jurisdiction.GroupsOf(d.Country, asOf)
				if err != nil {
					t.Fatal(err)
				}
				in, why := pr.Where.Contains(d, gs, asOf)
				in2, b := pr.Where.AppendContains([]byte("x"), d, gs, asOf)
				if in != in2 || "x"+why != string(b) {
					t.Errorf("%s in %s: Contains %v %q, AppendContains %v %q", c, pr.Where, in, why, in2, b)
				}
				if in3 := pr.Where.Includes(d, gs, asOf); in3 != in {
					t.Errorf("%s in %s: Contains %v, Includes %v", c, pr.Where, in, in3)
				}
			}
		}
	}
}

// TestDefaultUncopied: the built-in set, built without copying its freshly
// made data, is the set NewSet builds from the same data with copies:
// the same document, and the same prepared texts and indexes rule by rule.
func TestDefaultUncopied(t *testing.T) {
	copied, err := NewSet(ruleData()...)
	if err != nil {
		t.Fatal(err)
	}
	def := Default()
	a, errA := def.MarshalJSON()
	b, errB := copied.MarshalJSON()
	if errA != nil || errB != nil || string(a) != string(b) {
		t.Fatalf("documents differ (%v, %v)", errA, errB)
	}
	if def.Len() != copied.Len() {
		t.Fatalf("%d rules, want %d", def.Len(), copied.Len())
	}
	for i := range def.Len() {
		d, c := def.At(i), copied.At(i)
		for j, ps := range d.patternLists() {
			cs := c.patternLists()[j]
			for k := range ps {
				if ps[k].text != cs[k].text || ps[k].text == "" {
					t.Errorf("%s: pattern %q, want %q", d.Citation, ps[k].text, cs[k].text)
				}
			}
		}
		for k := range d.Reach {
			if d.Reach[k].Where.text != c.Reach[k].Where.text {
				t.Errorf("%s: reach %q, want %q", d.Citation, d.Reach[k].Where.text, c.Reach[k].Where.text)
			}
		}
	}
}
