package fdp

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

// The FDP rules pinned by expectations typed from the regulation text, not
// from the rule data they check: 15 CFR 734.9 as amended through 90 FR 5308
// (2025-01-16), eCFR text (the MichalOpoka/ecfr mirror, commit 8b43626,
// source note ending "90 FR 5308, Jan. 16, 2025"). Each list below is the
// text's list, typed in the order the text prints it; the rule's list is
// compared as a set (sorted), so an ECCN dropped from, or added to, a list
// in rules.go fails here.
//
// Left out here (the code is being brought into line with the text by
// another change): 734.9(i)'s direct and plant lists and its place scope;
// the "for" qualifiers of the (e)(3) and (k) plant and contains routes (the
// ECCNs of those routes are pinned, not their qualifiers); the plant routes
// of (b), (c) and (d), which name technology only; the product scope of (l).

// pinnedSorted returns the pattern strings of ps, sorted.
func pinnedSorted(ps []Pattern) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	slices.Sort(out)
	return out
}

// pinnedECCNs returns the ECCNs of ps without their exceptions and "for"
// qualifiers, sorted.
func pinnedECCNs(ps []Pattern) []string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.ECCN.String()
	}
	slices.Sort(out)
	return out
}

// pinnedList compares a rule's patterns with the text's list as a set.
func pinnedList(t *testing.T, what string, got []string, text []string) {
	t.Helper()
	want := slices.Sorted(slices.Values(text))
	if !slices.Equal(got, want) {
		var missing, extra []string
		for _, w := range want {
			if !slices.Contains(got, w) {
				missing = append(missing, w)
			}
		}
		for _, g := range got {
			if !slices.Contains(want, g) {
				extra = append(extra, g)
			}
		}
		t.Errorf("%s:\n got %v\nwant %v (typed from 15 CFR 734.9, 2025-01-16)\n missing %v, extra %v", what, got, want, missing, extra)
	}
}

// pinnedRule returns the rule of the default set at citation c.
func pinnedRule(t *testing.T, c string) Rule {
	t.Helper()
	r, ok := Default().Rule(MustParseCitation(c))
	if !ok {
		t.Fatalf("no rule %s", c)
	}
	return r
}

// pinnedInput is what the text says of one route's technology or software.
type pinnedInput struct {
	origin InputOrigin
	list   []string // the ECCNs as the text lists them; nil: not a list
	anyDE  bool     // "any ECCN in product groups D or E" of categories min..max
	min    int
	max    int
}

func pinnedCheckInput(t *testing.T, what string, in *InputScope, want pinnedInput) {
	t.Helper()
	if in == nil {
		t.Errorf("%s: no route, the text has one", what)
		return
	}
	if in.Origin != want.origin {
		t.Errorf("%s: origin %v, want %v", what, in.Origin, want.origin)
	}
	if want.list != nil {
		pinnedList(t, what, pinnedSorted(in.Patterns), want.list)
	}
	if in.AnyDE != want.anyDE || (want.anyDE && (in.MinCategory != want.min || in.MaxCategory != want.max)) {
		t.Errorf("%s: any D/E %v in categories %d-%d, want %v in %d-%d", what, in.AnyDE, in.MinCategory, in.MaxCategory, want.anyDE, want.min, want.max)
	}
}

// pinnedProng describes a prong in the test's own words: kind, then the
// places (countries and regions, groups, excepted groups), footnote,
// government or end use.
func pinnedProng(p Prong) string {
	kinds := map[ProngKind]string{
		ProngDestination: "destination", ProngIncorporation: "incorporation", ProngFootnote: "footnote",
		ProngGovernment: "government", ProngEndUse: "end use", ProngDeveloperHQ: "developer", ProngPartyHQ: "party headquarters",
	}
	s := kinds[p.Kind]
	if s == "" {
		s = fmt.Sprintf("kind(%d)", p.Kind)
	}
	switch p.Kind {
	case ProngFootnote:
		return fmt.Sprintf("%s %d", s, p.Footnote)
	case ProngGovernment:
		return s + " " + p.Government.String()
	case ProngEndUse:
		s += " " + p.EndUse.String()
	}
	return s + ": " + pinnedPlaces(p.Where)
}

func pinnedPlaces(w Places) string {
	if w.Anywhere {
		return "anywhere"
	}
	var parts []string
	for _, p := range w.Places {
		parts = append(parts, p.String())
	}
	slices.Sort(parts)
	var gs, xs []string
	for _, g := range w.Groups {
		gs = append(gs, g.String())
	}
	for _, g := range w.ExceptGroups {
		xs = append(xs, g.String())
	}
	slices.Sort(gs)
	slices.Sort(xs)
	s := strings.Join(append(parts, gs...), " ")
	if len(xs) > 0 {
		s += " except " + strings.Join(xs, " ")
	}
	if len(w.Except) > 0 {
		s += " (with excepted places)"
	}
	return s
}

func pinnedReach(t *testing.T, r Rule, want ...string) {
	t.Helper()
	var got []string
	for _, p := range r.Reach {
		got = append(got, pinnedProng(p))
	}
	slices.Sort(got)
	want = slices.Sorted(slices.Values(want))
	if !slices.Equal(got, want) {
		t.Errorf("%s reach:\n got %q\nwant %q (typed from 15 CFR 734.9, 2025-01-16)", r.Citation, got, want)
	}
}

func pinnedItem(t *testing.T, r Rule, test ItemTest, list ...string) {
	t.Helper()
	if r.Product.Item.Test != test {
		t.Errorf("%s item test %d, want %d", r.Citation, r.Product.Item.Test, test)
	}
	if test == ItemListed {
		pinnedList(t, r.Citation.String()+" item list", pinnedSorted(r.Product.Item.Patterns), list)
	}
}

func pinnedContainsIC(t *testing.T, r Rule, want bool) {
	t.Helper()
	if r.Product.ContainsIC != want {
		t.Errorf("%s contains route %v, want %v", r.Citation, r.Product.ContainsIC, want)
	}
}

// TestPinnedRuleCitations pins the thirteen paragraphs of 734.9 with a
// rule, (b) to (l), in CFR order (text of 2025-01-16); (j) has two versions
// (Categories 3 through 5 or 7 until 2024-07-22, 3 through 9 since),
// (e)(1), (e)(2) and (i) two each (their input lists before and after
// 2024-12-02), (e)(3) two (3B001.f.6 excepted and the facility prong added
// from 2025-01-16), (k) two (3B001.f.6 listed from 2025-01-16), (f) three
// (Categories 3 to 9 until 2022-04-07, every category until 2022-09-14,
// with the items of Supp. No. 6 and 7 to part 746 since), and (h) two (as
// first written, and as rewritten from 2023-11-17).
func TestPinnedRuleCitations(t *testing.T) {
	want := []string{"15 CFR 734.9(b)", "15 CFR 734.9(c)", "15 CFR 734.9(d)", "15 CFR 734.9(e)(1)", "15 CFR 734.9(e)(1)",
		"15 CFR 734.9(e)(2)", "15 CFR 734.9(e)(2)",
		"15 CFR 734.9(e)(3)", "15 CFR 734.9(e)(3)", "15 CFR 734.9(f)", "15 CFR 734.9(f)", "15 CFR 734.9(f)", "15 CFR 734.9(g)", "15 CFR 734.9(h)", "15 CFR 734.9(h)", "15 CFR 734.9(i)", "15 CFR 734.9(i)",
		"15 CFR 734.9(j)", "15 CFR 734.9(j)", "15 CFR 734.9(k)", "15 CFR 734.9(k)", "15 CFR 734.9(l)"}
	var got []string
	for _, r := range Default().Rules() {
		got = append(got, r.Citation.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("rules %v, want %v", got, want)
	}
}

// TestPinned734_9b: (b) National Security FDP rule. (b)(1)(i)(A): "the
// “direct product” of U.S.-origin “technology” or “software” that requires a
// written assurance ..."; (B) and (ii)(B): "subject to national security
// controls"; (b)(2): "Country Group D:1, E:1, or E:2". (The plant route is
// left out; see the file comment.)
func TestPinned734_9b(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(b)")
	pinnedItem(t, r, ItemNSControlled)
	// Any U.S.-origin technology or software (no ECCN list): any D or E
	// ECCN of any category, with a written assurance.
	pinnedCheckInput(t, "(b)(1)(i) direct", r.Product.Direct, pinnedInput{origin: InputUSOrigin, anyDE: true, min: 0, max: 9})
	if d := r.Product.Direct; d != nil && !d.WrittenAssurance {
		t.Errorf("(b)(1)(i)(A): the technology or software must require a written assurance")
	}
	if p := r.Product.Plant; p == nil || p.Origin != InputUSOrigin || !p.WrittenAssurance {
		t.Errorf("(b)(1)(ii)(A): a plant that is the direct product of U.S.-origin technology that requires a written assurance; got %+v", p)
	}
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "destination: D:1 E:1 E:2")
}

// TestPinned734_9c: (c) 9x515 FDP rule. (c)(1)(i)(A): "U.S.-origin
// “technology” or “software” that is specified in ECCN 9D515 or 9E515";
// (B): "specified in a 9x515 ECCN"; (c)(2): "Country Group D:5, E:1, or
// E:2". (The plant route's list is left out; see the file comment.)
func TestPinned734_9c(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(c)")
	pinnedItem(t, r, Item9x515)
	pinnedCheckInput(t, "(c)(1)(i) direct", r.Product.Direct, pinnedInput{origin: InputUSOrigin, list: []string{"9D515", "9E515"}})
	if p := r.Product.Plant; p == nil || p.Origin != InputUSOrigin {
		t.Errorf("(c)(1)(ii)(A): a plant that is the direct product of U.S.-origin technology; got %+v", p)
	}
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "destination: D:5 E:1 E:2")
}

// TestPinned734_9d: (d) "600 series" FDP rule. (d)(1)(i)(A): "U.S.-origin
// “technology” or “software” that is specified in a “600 series” ECCN";
// (B): "specified in a “600 series” ECCN or ECCN 0A919"; (d)(2): "Country
// Group D:1, D:3, D:4, D:5, E:1, or E:2".
func TestPinned734_9d(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(d)")
	pinnedItem(t, r, Item600Series)
	if d := r.Product.Direct; d == nil || d.Origin != InputUSOrigin || !d.Series600 || d.AnyDE || len(d.Patterns) != 0 {
		t.Errorf("(d)(1)(i)(A): U.S.-origin \"600 series\" technology or software; got %+v", d)
	}
	if p := r.Product.Plant; p == nil || p.Origin != InputUSOrigin {
		t.Errorf("(d)(1)(ii)(A): a plant that is the direct product of U.S.-origin technology; got %+v", p)
	}
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "destination: D:1 D:3 D:4 D:5 E:1 E:2")
}

// fn1Text is the list of 734.9(e)(1)(i)(A) and (B), 2025-01-16: "ECCN
// 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901,
// 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993,
// 5D001, 5D991, 5E001, or 5E991".
var fn1Text = []string{"3D001", "3D901", "3D991", "3D992", "3D993", "3D994", "3E001", "3E002", "3E003", "3E901",
	"3E991", "3E992", "3E993", "3E994", "4D001", "4D993", "4D994", "4E001", "4E992", "4E993",
	"5D001", "5D991", "5E001", "5E991"}

// TestPinned734_9e1: (e)(1) Entity List FDP rule, footnote 1. (A): a
// direct product of "“technology” or “software” subject to the EAR and
// specified in" the 24 ECCNs; (B): a plant that is a direct product of
// "U.S.-origin “technology” or “software”" in the same 24; (e)(1)(ii): an
// entity with a footnote 1 designation; license requirements at
// 744.11(a)(2)(i).
func TestPinned734_9e1(t *testing.T) {
	if len(fn1Text) != 24 {
		t.Fatalf("typed %d ECCNs, the text lists 24", len(fn1Text))
	}
	r := pinnedRule(t, "15 CFR 734.9(e)(1)")
	pinnedItem(t, r, ItemAny)
	pinnedCheckInput(t, "(e)(1)(i)(A) direct", r.Product.Direct, pinnedInput{origin: InputSubjectToEAR, list: fn1Text})
	pinnedCheckInput(t, "(e)(1)(i)(B) plant", r.Product.Plant, pinnedInput{origin: InputUSOrigin, list: fn1Text})
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "footnote 1")
	pinnedLicense(t, r, "15 CFR 744.11(a)(2)(i)")
}

// TestPinned734_9e2: (e)(2) footnote 4. (A): "3D001, 3D901 3D991, 3D992,
// 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994,
// 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D002, 5D991, 5E001,
// 5E002, or 5E991" (the comma after 3D901 missing in the source); (B) the
// same 26, U.S.-origin; (e)(2)(ii): footnote 4; 744.11(a)(2)(ii).
func TestPinned734_9e2(t *testing.T) {
	text := []string{"3D001", "3D901", "3D991", "3D992", "3D993", "3D994", "3E001", "3E002", "3E003", "3E901",
		"3E991", "3E992", "3E993", "3E994", "4D001", "4D993", "4D994", "4E001", "4E992", "4E993",
		"5D001", "5D002", "5D991", "5E001", "5E002", "5E991"}
	r := pinnedRule(t, "15 CFR 734.9(e)(2)")
	pinnedItem(t, r, ItemAny)
	pinnedCheckInput(t, "(e)(2)(i)(A) direct", r.Product.Direct, pinnedInput{origin: InputSubjectToEAR, list: text})
	pinnedCheckInput(t, "(e)(2)(i)(B) plant", r.Product.Plant, pinnedInput{origin: InputUSOrigin, list: text})
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "footnote 4")
	pinnedLicense(t, r, "15 CFR 744.11(a)(2)(ii)")
}

// TestPinned734_9e3: (e)(3) footnote 5 and advanced-node IC production.
// (e)(3)(i): "ECCN 3B001 (except 3B001.a.4, c, d, f.1, f.5, f.6, g, h, k to
// n, p.2, p.4, r), 3B002 (except 3B002.c), 3B903, 3B991 (except
// 3B991.b.2.a through 3B991.b.2.b), 3B992, 3B993, or 3B994". (A), subject
// to the EAR: "3D001 (for 3B commodities), 3D901(for 3B903), 3D991 (for
// 3B991 and 3B992), 3D993, 3D994, 3E001 (for 3B commodities), 3E901 (for
// 3B903), 3E991 (for 3B991 and 3B992), 3E993, or 3E994" (no 3D992/3E992).
// (B)(1) plant and (B)(2) contains, U.S.-origin: "3D001 (for 3B
// commodities), 3D901, 3D991 (for 3B991 and 3B992), 3D992, 3D993, 3D994,
// 3E001 (for 3B commodities), 3E901 (for 3B903), 3E991 (for 3B991 and
// 3B992), 3E992, 3E993, or 3E994" (the ECCNs pinned; the qualifiers left
// out, see the file comment). (e)(3)(ii): a Footnote 5 entity, or an entity
// at a "facility" "in Macau or a destination specified in Country Group
// D:5" where logic or DRAM advanced-node ICs are produced; 744.11(a)(2)(v).
func TestPinned734_9e3(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(e)(3)")
	pinnedItem(t, r, ItemListed,
		"3B001 except .a.4 .c .d .f.1 .f.5 .f.6 .g .h .k .l .m .n .p.2 .p.4 .r",
		"3B002 except .c", "3B903", "3B991 except .b.2.a .b.2.b", "3B992", "3B993", "3B994")
	pinnedCheckInput(t, "(e)(3)(i)(A) direct", r.Product.Direct, pinnedInput{origin: InputSubjectToEAR, list: []string{
		"3D001 for 3B", "3D901 for 3B903", "3D991 for 3B991 3B992", "3D993", "3D994",
		"3E001 for 3B", "3E901 for 3B903", "3E991 for 3B991 3B992", "3E993", "3E994"}})
	pinnedCheckInput(t, "(e)(3)(i)(B)(1)-(2) plant", r.Product.Plant, pinnedInput{origin: InputUSOrigin, list: []string{
		"3D001 for 3B", "3D901", "3D991 for 3B991 3B992", "3D992", "3D993", "3D994",
		"3E001 for 3B", "3E901 for 3B903", "3E991 for 3B991 3B992", "3E992", "3E993", "3E994"}})
	pinnedContainsIC(t, r, true)
	pinnedReach(t, r, "footnote 5", "end use advanced_node_ic: MO D:5")
	pinnedLicense(t, r, "15 CFR 744.11(a)(2)(v)")
}

// TestPinned734_9f: (f) Russia/Belarus/Crimea. (f)(1)(i)(A) and (ii)(A):
// "U.S.-origin “technology” or “software” ... specified in any ECCN in
// product groups D or E of the CCL"; (B): "specified in any ECCN on the CCL
// or in supplement no. 6 or 7 to part 746"; (f)(2): "destined to Russia,
// Belarus, or the temporarily occupied Crimea region of Ukraine or will be
// incorporated into ... and produced in or destined to" them; § 746.8.
func TestPinned734_9f(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(f)")
	pinnedItem(t, r, ItemOnCCL)
	if !r.Product.Item.Supp7 {
		t.Errorf("(f)(1)(i)(B): the items of supplement no. 6 or 7 to part 746 are in")
	}
	all := pinnedInput{origin: InputUSOrigin, anyDE: true, min: 0, max: 9}
	pinnedCheckInput(t, "(f)(1)(i)(A) direct", r.Product.Direct, all)
	pinnedCheckInput(t, "(f)(1)(ii)(A) plant", r.Product.Plant, all)
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "destination: BY RU UA/crimea", "incorporation: BY RU UA/crimea")
	pinnedLicense(t, r, "15 CFR 746.8")
}

// TestPinnedJan2025Versions: the text of 2024-12-05 (4464eaa), before 90 FR
// 5298 (effective 2025-01-16): (e)(3)(ii) "End-user scope of the Entity
// List FDP rule: Footnote 5" (no facility prong), and (k)(1) "3B001.a.4,
// c, d, f.1, f.5, k to n, p.2, p.4, r, or 3B002.c" (no f.6).
func TestPinnedJan2025Versions(t *testing.T) {
	e3, ok := Default().RuleAt(MustParseCitation("15 CFR 734.9(e)(3)"), date("2025-01-15"))
	if !ok {
		t.Fatal("no (e)(3) on 2025-01-15")
	}
	pinnedReach(t, e3, "footnote 5")
	if e3.Until.String() != "2025-01-16" {
		t.Errorf("(e)(3) of 2024-12-05 until %s, want 2025-01-16", e3.Until)
	}
	k, ok := Default().RuleAt(MustParseCitation("15 CFR 734.9(k)"), date("2025-01-15"))
	if !ok {
		t.Fatal("no (k) on 2025-01-15")
	}
	pinnedItem(t, k, ItemListed, "3B001.a.4", "3B001.c", "3B001.d", "3B001.f.1", "3B001.f.5",
		"3B001.k", "3B001.l", "3B001.m", "3B001.n", "3B001.p.2", "3B001.p.4", "3B001.r", "3B002.c")
	for _, c := range []string{"15 CFR 734.9(e)(3)", "15 CFR 734.9(k)"} {
		r, ok := Default().RuleAt(MustParseCitation(c), date("2025-01-16"))
		if !ok || r.Effective.String() != "2025-01-16" || r.Compliance.String() != "2025-01-31" {
			t.Errorf("%s on 2025-01-16: %v, effective %s, compliance %s; want the version of 90 FR 5298", c, ok, r.Effective, r.Compliance)
		}
	}
}

// TestPinned734_9fVersions: (f) as first written, text of 2022-03-08
// (0d851c3): "the foreign-produced item is not designated EAR99 and is a
// “direct product” of U.S.-origin “technology” or “software” subject to the
// EAR that is specified in any ECCN in product groups D or E in Categories
// 3, 4, 5, 6, 7, 8, or 9 of the CCL"; text of 2022-04-14 (db3b9e1, 87 FR
// 22130 effective 2022-04-08): "... not designated EAR99 ... in product
// groups D or E of the CCL".
func TestPinned734_9fVersions(t *testing.T) {
	for _, tt := range []struct {
		date     string
		min      int
		supp7    bool
		from, to string
	}{
		{"2022-02-24", 3, false, "2022-02-24", "2022-04-08"},
		{"2022-04-07", 3, false, "2022-02-24", "2022-04-08"},
		{"2022-04-08", 0, false, "2022-04-08", "2022-09-15"},
		{"2022-09-14", 0, false, "2022-04-08", "2022-09-15"},
		{"2022-09-15", 0, true, "2022-09-15", ""},
	} {
		r, ok := Default().RuleAt(MustParseCitation("15 CFR 734.9(f)"), date(tt.date))
		if !ok {
			t.Errorf("%s: no (f)", tt.date)
			continue
		}
		pinnedItem(t, r, ItemOnCCL)
		if r.Product.Item.Supp7 != tt.supp7 {
			t.Errorf("%s: Supp. No. 6/7 items in: %v, want %v", tt.date, r.Product.Item.Supp7, tt.supp7)
		}
		in := pinnedInput{origin: InputUSOrigin, anyDE: true, min: tt.min, max: 9}
		pinnedCheckInput(t, tt.date+" direct", r.Product.Direct, in)
		pinnedCheckInput(t, tt.date+" plant", r.Product.Plant, in)
		until := ""
		if r.Until.IsValid() {
			until = r.Until.String()
		}
		if r.Effective.String() != tt.from || until != tt.to {
			t.Errorf("%s: version %s to %q, want %s to %q", tt.date, r.Effective, until, tt.from, tt.to)
		}
		pinnedReach(t, r, "destination: BY RU UA/crimea", "incorporation: BY RU UA/crimea")
	}
	if _, ok := Default().RuleAt(MustParseCitation("15 CFR 734.9(f)"), date("2022-02-23")); ok {
		t.Error("(f) in force before 2022-02-24")
	}
}

// TestPinned734_9g: (g) Russia/Belarus-MEU and procurement. (g)(1)(i):
// "“technology” or “software” subject to the EAR and specified in any ECCN
// in product groups D or E in any categories of the CCL"; (ii): a plant,
// "U.S.-origin"; (g)(2): footnote 3; § 746.8.
func TestPinned734_9g(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(g)")
	pinnedItem(t, r, ItemAny)
	pinnedCheckInput(t, "(g)(1)(i) direct", r.Product.Direct, pinnedInput{origin: InputSubjectToEAR, anyDE: true, min: 0, max: 9})
	pinnedCheckInput(t, "(g)(1)(ii) plant", r.Product.Plant, pinnedInput{origin: InputUSOrigin, anyDE: true, min: 0, max: 9})
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "footnote 3")
	pinnedLicense(t, r, "15 CFR 746.8")
}

// TestPinned734_9h: (h) advanced computing. (h)(1)(i)(A), subject to the
// EAR: "3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003,
// 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D090, 4D993, 4D994, 4E001,
// 4E992, 4E993, 5D001, 5D002, 5D991, 5E001, 5E991, or 5E002"; (ii)(A),
// U.S.-origin, the same 27 ("... 5E991, 5D002, or 5E002"). (B): "(1)
// Specified in ECCN 3A090, 3E001 (for 3A090), 4A090, or 4E001 (for 4A090)
// ...; or (2) An integrated circuit, computer, “electronic assembly,” or
// “component” specified in ECCN 3A001.z, 4A003.z, 4A004.z, 4A005.z,
// 5A002.z, 5A004.z, or 5A992.z." (h)(2)(i): "Destined to any location
// worldwide or will be incorporated into ... destined to any location
// worldwide" ((h)(2)(ii), technology of a Macau/D:5-headquartered developer,
// is within "any location worldwide").
func TestPinned734_9h(t *testing.T) {
	text := []string{"3D001", "3D901", "3D991", "3D992", "3D993", "3D994", "3E001", "3E002", "3E003", "3E901",
		"3E991", "3E992", "3E993", "3E994", "4D001", "4D090", "4D993", "4D994", "4E001", "4E992",
		"4E993", "5D001", "5D002", "5D991", "5E001", "5E991", "5E002"}
	r := pinnedRule(t, "15 CFR 734.9(h)")
	pinnedItem(t, r, ItemListed, "3A090", "3E001 for 3A090", "4A090", "4E001 for 4A090",
		"3A001.z", "4A003.z", "4A004.z", "4A005.z", "5A002.z", "5A004.z", "5A992.z")
	pinnedCheckInput(t, "(h)(1)(i)(A) direct", r.Product.Direct, pinnedInput{origin: InputSubjectToEAR, list: text})
	pinnedCheckInput(t, "(h)(1)(ii)(A) plant", r.Product.Plant, pinnedInput{origin: InputUSOrigin, list: text})
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "destination: anywhere")
}

// TestPinned734_9hBefore2023: (h) as first written, in the text of
// 2023-05-23 (d5918ea), in force until 2023-11-17: (h)(1)(i)(A) and
// (ii)(A) "3D001, 3D991, 3E001, 3E002, 3E003, 3E991, 4D001, 4D090, 4D993,
// 4D994, 4E001, 4E992, 4E993, 5D001, 5D002, 5D991, 5E001, 5E991, or 5E002"
// (the plant route lists the same, in another order); (B) "(1) Specified
// in ECCN 3A090, 3E001 (for 3A090), 4A090, or 4E001 (for 4A090) of the
// CCL; or (2) An integrated circuit, computer, 'electronic assembly,' or
// 'component' specified elsewhere on the CCL and meets the performance
// parameters of ECCN 3A090 or 4A090"; (h)(2) "Destined to the PRC or Macau
// or will be incorporated into ... [items] destined to the PRC or Macau",
// or technology "developed by an entity headquartered in the PRC or Macau".
func TestPinned734_9hBefore2023(t *testing.T) {
	r, ok := Default().RuleAt(MustParseCitation("15 CFR 734.9(h)"), date("2023-06-01"))
	if !ok {
		t.Fatal("no (h) on 2023-06-01")
	}
	if r.Effective != date("2022-10-07") || r.Until != date("2023-11-17") {
		t.Errorf("(h) first version in force %s to %s, want 2022-10-07 to 2023-11-17", r.Effective, r.Until)
	}
	text := []string{"3D001", "3D991", "3E001", "3E002", "3E003", "3E991", "4D001", "4D090", "4D993",
		"4D994", "4E001", "4E992", "4E993", "5D001", "5D002", "5D991", "5E001", "5E991", "5E002"}
	pinnedItem(t, r, ItemListed, "3A090", "3E001 for 3A090", "4A090", "4E001 for 4A090")
	if !r.Product.Item.Elsewhere {
		t.Errorf("(h)(1)(i)(B)(2): ICs, computers, assemblies and components elsewhere on the CCL meeting the parameters are left out")
	}
	pinnedCheckInput(t, "(h)(1)(i)(A) direct, 2023", r.Product.Direct, pinnedInput{origin: InputSubjectToEAR, list: text})
	pinnedCheckInput(t, "(h)(1)(ii)(A) plant, 2023", r.Product.Plant, pinnedInput{origin: InputUSOrigin, list: text})
	pinnedReach(t, r, "destination: CN MO", "incorporation: CN MO", "developer: CN MO")
	if r.Enforced != nil {
		t.Errorf("(h) of 2023 has no AI diffusion reading; got %+v", r.Enforced)
	}
}

// TestPinned734_9i: (i) "supercomputer" FDP rule. (i)(1)(i): "“technology”
// or “software” subject to the EAR"; (ii): a plant, "U.S.-origin"; (i)(2):
// used in, or incorporated into items for, a "supercomputer"; § 744.23.
// (The lists and the place scope are left out; see the file comment.)
func TestPinned734_9i(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(i)")
	pinnedItem(t, r, ItemAny)
	if d := r.Product.Direct; d == nil || d.Origin != InputSubjectToEAR || d.AnyDE {
		t.Errorf("(i)(1)(i): listed technology or software subject to the EAR; got %+v", d)
	}
	if p := r.Product.Plant; p == nil || p.Origin != InputUSOrigin || p.AnyDE {
		t.Errorf("(i)(1)(ii): a plant, listed U.S.-origin technology or software; got %+v", p)
	}
	pinnedContainsIC(t, r, false)
	if len(r.Reach) != 1 || r.Reach[0].Kind != ProngEndUse || r.Reach[0].EndUse != EndUseSupercomputer {
		t.Errorf("(i)(2): one supercomputer end-use prong; got %+v", r.Reach)
	}
	pinnedLicense(t, r, "15 CFR 744.23")
}

// TestPinned734_9j: (j) Iran FDP rule. (j)(1)(i)(A) and (ii)(A):
// "U.S.-origin “technology” or “software” subject to the EAR that is
// specified in any ECCN in product groups D or E in Categories 3 through 9";
// (B): "identified in supplement no. 7 to part 746 of the EAR or is
// specified in any ECCN on the CCL in Categories 3 through 9"; (j)(2):
// "destined to Iran" or incorporation into items "located in or destined
// to Iran"; (j)(3): "the Government of Iran is a party"; § 746.7.
func TestPinned734_9j(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(j)")
	pinnedItem(t, r, ItemCategories)
	if it := r.Product.Item; it.MinCategory != 3 || it.MaxCategory != 9 || !it.Supp7 {
		t.Errorf("(j)(1)(i)(B): Categories 3 through 9 and Supp. No. 7 to part 746; got %+v", it)
	}
	in := pinnedInput{origin: InputUSOrigin, anyDE: true, min: 3, max: 9}
	pinnedCheckInput(t, "(j)(1)(i)(A) direct", r.Product.Direct, in)
	pinnedCheckInput(t, "(j)(1)(ii)(A) plant", r.Product.Plant, in)
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "destination: IR", "incorporation: IR", "government IR")
	pinnedLicense(t, r, "15 CFR 746.7")
}

// TestPinned734_9k: (k) SME FDP rule. (k)(1): "ECCN 3B001.a.4, c, d, f.1,
// f.5, f.6, k to n, p.2, p.4, r, or 3B002.c"; (i), subject to the EAR:
// "3D992 or 3E992"; (ii)(A) plant and (B) contains, U.S.-origin: "3D001 (for
// 3B commodities), 3D901, 3D991 (for 3B991 and 3B992), 3D992, 3D993, 3D994,
// 3E001 (for 3B commodities), 3E901 (for 3B903), 3E991 (for 3B991 or
// 3B992), 3E992, 3E993, or 3E994" (the qualifiers pinned with the ECCNs);
// (k)(2): "destined to Macau or a destination in Country Group D:5".
func TestPinned734_9k(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(k)")
	pinnedItem(t, r, ItemListed, "3B001.a.4", "3B001.c", "3B001.d", "3B001.f.1", "3B001.f.5", "3B001.f.6",
		"3B001.k", "3B001.l", "3B001.m", "3B001.n", "3B001.p.2", "3B001.p.4", "3B001.r", "3B002.c")
	pinnedCheckInput(t, "(k)(1)(i) direct", r.Product.Direct, pinnedInput{origin: InputSubjectToEAR, list: []string{"3D992", "3E992"}})
	pinnedCheckInput(t, "(k)(1)(ii)(A)-(B) plant", r.Product.Plant, pinnedInput{origin: InputUSOrigin, list: []string{
		"3D001 for 3B", "3D901", "3D991 for 3B991 3B992", "3D992", "3D993", "3D994",
		"3E001 for 3B", "3E901 for 3B903", "3E991 for 3B991 3B992", "3E992", "3E993", "3E994"}})
	pinnedContainsIC(t, r, true)
	pinnedReach(t, r, "destination: MO D:5")
}

// TestPinned734_9l: (l) AI model weights. (l)(1): "specified in ECCN 4E091
// and is produced by a complete plant or 'major component' of a plant ...
// [that] is subject to the EAR and specified in ECCN 3A001.z, 3A090,
// 4A003.z, 4A004.z, 4A005.z, 4A090, 5A002.z, 5A004.z, or 5A992.z" (no
// direct-product route, no lineage route: the plant's own
// classification); (l)(2): "destined to any location worldwide".
func TestPinned734_9l(t *testing.T) {
	r := pinnedRule(t, "15 CFR 734.9(l)")
	pinnedItem(t, r, ItemListed, "4E091")
	if r.Product.Direct != nil || r.Product.Plant != nil {
		t.Errorf("(l)(1) has no direct-product or plant-lineage route; got %+v, %+v", r.Product.Direct, r.Product.Plant)
	}
	pinnedList(t, "(l)(1) the plant's ECCNs", pinnedECCNs(r.Product.PlantIs), []string{
		"3A001.z", "3A090", "4A003.z", "4A004.z", "4A005.z", "4A090", "5A002.z", "5A004.z", "5A992.z"})
	pinnedContainsIC(t, r, false)
	pinnedReach(t, r, "destination: anywhere")
}

// pinnedLicense checks that the rule's license requirement is within the
// section its paragraph points to ("See § 744.11(a)(2)(i) of the EAR for
// license requirements ...").
func pinnedLicense(t *testing.T, r Rule, text string) {
	t.Helper()
	want := MustParseCitation(text)
	if r.License == nil || !want.Covers(r.License.Citation) {
		t.Errorf("%s license requirement %+v, want within %s", r.Citation, r.License, want)
	}
}

// TestPinnedInputsBeforeDec2024: before 2024-12-02 the footnote 1 rule
// lists 16 ECCNs (3D992 not among them), footnote 4 and (i) 18; from then
// on 24, 26 and 26 (25 on the plant route of (i)).
func TestPinnedInputsBeforeDec2024(t *testing.T) {
	for _, tt := range []struct {
		cite          string
		date          string
		direct, plant int
		has3D992      bool
	}{
		{"15 CFR 734.9(e)(1)", "2024-12-01", 16, 16, false},
		{"15 CFR 734.9(e)(1)", "2024-12-02", 24, 24, true},
		{"15 CFR 734.9(e)(2)", "2023-06-01", 18, 18, false},
		{"15 CFR 734.9(e)(2)", "2025-01-15", 26, 26, true},
		{"15 CFR 734.9(i)", "2023-06-01", 18, 17, false},
		{"15 CFR 734.9(i)", "2025-01-15", 26, 25, true},
	} {
		r, ok := Default().RuleAt(MustParseCitation(tt.cite), jurisdiction.MustParseDate(tt.date))
		if !ok {
			t.Fatalf("%s not in force on %s", tt.cite, tt.date)
		}
		d, p := r.Product.Direct.Patterns, r.Product.Plant.Patterns
		has := slices.ContainsFunc(d, func(x Pattern) bool { return x.ECCN.String() == "3D992" })
		if len(d) != tt.direct || len(p) != tt.plant || has != tt.has3D992 {
			t.Errorf("%s on %s: %d direct, %d plant inputs, 3D992 %v; want %d, %d, %v", tt.cite, tt.date, len(d), len(p), has, tt.direct, tt.plant, tt.has3D992)
		}
	}
}
