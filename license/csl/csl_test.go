package csl

import (
	"context"
	"encoding/json"
	"errors"
	"maps"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func readFixture(t testing.TB, name string) (File, error) {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Read(f)
}

func TestReadFixture(t *testing.T) {
	file, err := readFixture(t, "csl_small.json")
	if err != nil {
		t.Fatal(err)
	}
	if len(file.Rows) != 12 || file.Total != 12 || len(file.SourcesUsed) != 4 {
		t.Fatalf("rows %d total %d sources %d", len(file.Rows), file.Total, len(file.SourcesUsed))
	}
	byID := map[string]Row{}
	for i, r := range file.Rows {
		if r.Index != i {
			t.Errorf("row %d has Index %d", i, r.Index)
		}
		byID[r.ID] = r
	}
	t1 := byID["t1"]
	if t1.Name != "Example Telecom Co., Ltd. (ETC)" || len(t1.AltNames) != 2 || t1.FederalRegisterNotice != "85 FR 51596" ||
		t1.LicensePolicy != "Presumption of denial" || t1.SourceListURL == "" || t1.Addresses[0].City != "Shenzhen" ||
		t1.Addresses[0].PostalCode != "518000" || t1.Addresses[0].Country != jurisdiction.China {
		t.Errorf("t1 = %+v", t1)
	}
	if t9 := byID["t9"]; t9.EntityNumber != "4711" || t9.Type != "Individual" || t9.AltNames != nil || t9.Programs != nil ||
		t9.Addresses[0].Country != jurisdiction.MustParseCountry("US") || t9.Designation.List != DeniedPersons {
		t.Errorf("t9 = %+v", t9)
	}
	if t12 := byID["t12"]; t12.EntityNumber != "36" || !slices.Equal(t12.Programs, []string{"IRAN"}) || t12.Designation.List != OtherList {
		t.Errorf("t12 = %+v", t12)
	}
	// Country spellings: aliases resolve, unknown codes keep the row.
	t3, t6 := byID["t3"], byID["t6"]
	if t3.Addresses[1].Country != jurisdiction.MustParseCountry("TR") || t3.Addresses[1].CountryText != "TURKIYE" {
		t.Errorf("TURKIYE: %+v", t3.Addresses)
	}
	if t6.Addresses[0].Country != jurisdiction.MustParseCountry("GB") || t6.Addresses[1].Country.IsValid() || t6.Addresses[1].CountryText != "XX" {
		t.Errorf("UK/XX: %+v", t6.Addresses)
	}

	tests := []struct {
		id          string
		wantList    List
		wantFN      Footnotes
		wantImplied Footnotes
		wantFDP     []string
	}{
		{"t1", EntityList, FootnotesOf(1, 2), 0, []string{"15 CFR 734.9(e)"}},
		{"t2", EntityList, FootnotesOf(1, 2), 0, []string{"15 CFR 734.9(e)"}},
		{"t3", EntityList, FootnotesOf(3), 0, []string{"15 CFR 734.9(g)"}},
		{"t4", EntityList, FootnotesOf(4), 0, []string{"15 CFR 734.9(e)(2)"}},
		{"t5", EntityList, FootnotesOf(5), 0, []string{"15 CFR 734.9(e)(3)"}},
		{"t6", EntityList, 0, 0, nil},
		{"t7", EntityList, 0, FootnotesOf(3), []string{"15 CFR 734.9(g)"}},
		{"t8", MilitaryEndUser, 0, 0, nil},
		{"t9", DeniedPersons, 0, 0, nil},
		{"t10", Unverified, 0, 0, nil},
		{"t11", EntityList, 0, 0, nil},
		{"t12", OtherList, 0, 0, nil},
	}
	for _, tt := range tests {
		d := byID[tt.id].Designation
		if d.List != tt.wantList || d.EntityListFootnotes() != tt.wantFN || d.ImpliedFootnotes() != tt.wantImplied ||
			!slices.Equal(d.Citations.CitesFDP(), tt.wantFDP) {
			t.Errorf("%s: list %v footnotes %q implied %q fdp %q; want %v %q %q %q", tt.id, d.List,
				d.EntityListFootnotes(), d.ImpliedFootnotes(), d.Citations.CitesFDP(), tt.wantList, tt.wantFN, tt.wantImplied, tt.wantFDP)
		}
	}
}

func TestReadBadRows(t *testing.T) {
	file, err := readFixture(t, "csl_bad_rows.json")
	if got := []string{}; true {
		for _, r := range file.Rows {
			got = append(got, r.ID)
		}
		if !slices.Equal(got, []string{"b0", "b5"}) {
			t.Errorf("rows kept = %q, want b0 b5", got)
		}
	}
	if file.Rows[0].Designation.EntityListFootnotes() != FootnotesOf(4) || file.Rows[1].Index != 5 {
		t.Errorf("kept rows: %+v", file.Rows)
	}
	var rowErrs []*RowError
	for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
		re, ok := errors.AsType[*RowError](e)
		if !ok {
			t.Fatalf("not a *RowError: %v", e)
		}
		rowErrs = append(rowErrs, re)
	}
	want := []struct {
		row    int
		id     string
		name   string
		noName bool
	}{{1, "b1", "", true}, {2, "b2", "Bad Addresses", false}, {3, "b3", "", true}, {4, "", "", false}}
	if len(rowErrs) != len(want) {
		t.Fatalf("errors = %v", err)
	}
	for i, w := range want {
		e := rowErrs[i]
		if e.Row != w.row || e.ID != w.id || e.Name != w.name || errors.Is(e, ErrNoName) != w.noName {
			t.Errorf("error %d = %+v (%v), want %+v", i, e, e, w)
		}
	}
	if !errors.Is(err, ErrNoName) || !strings.Contains(err.Error(), `csl: row 2 (id "b2") "Bad Addresses"`) {
		t.Errorf("joined error: %v", err)
	}
}

func TestReadSyntax(t *testing.T) {
	tests := []struct {
		name     string
		give     string
		wantRows int
		wantRow  int // Row of the *SyntaxError, or -2 for no error
	}{
		{"array", `[{"name":"A"},{"name":"B"}]`, 2, -2},
		{"empty results", `{"results":[]}`, 0, -2},
		{"truncated in row", `{"results":[{"name":"A"},{"name":"B"},{"name":`, 2, 2},
		{"truncated after row", `{"results":[{"name":"A"}`, 1, 1},
		{"not json", `hello`, 0, -1},
		{"empty", ``, 0, -1},
		{"number", `42`, 0, -1},
		{"results not array", `{"results":{}}`, 0, -1},
		{"no results", `{"total":3}`, 0, -1},
		{"trailing data", `{"results":[{"name":"A"}]} {"x":1}`, 1, -1},
		{"bad key value", `{"total":[1,,2],"results":[]}`, 0, -1},
		{"twice", `{"results":[{"name":"A"}],"results":[{"name":"B"}]}`, 1, -1},
		{"null results", `{"results":null}`, 0, -1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f, err := Read(strings.NewReader(tt.give))
			if len(f.Rows) != tt.wantRows {
				t.Errorf("rows = %d, want %d", len(f.Rows), tt.wantRows)
			}
			se, ok := errors.AsType[*SyntaxError](err)
			switch {
			case tt.wantRow == -2 && err != nil:
				t.Errorf("error %v", err)
			case tt.wantRow != -2 && !ok:
				t.Errorf("error = %v, want *SyntaxError", err)
			case ok && se.Row != tt.wantRow:
				t.Errorf("syntax error row %d, want %d: %v", se.Row, tt.wantRow, se)
			}
		})
	}
}

func TestClassifyRequirement(t *testing.T) {
	tests := []struct {
		give        string
		wantFN      Footnotes
		wantImplied Footnotes
		wantMarks   []string
	}{
		{"", 0, 0, nil},
		{"For all items subject to the EAR, see §§ 734.9(e)1 and 744.11 of the EAR2", FootnotesOf(1, 2), 0, []string{"734.9(e)1", "EAR2"}},
		{"For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2", FootnotesOf(1, 2), 0, []string{"734.9(e) 1", "EAR 2"}},
		{"(See §734.9(e)1, and §744.11 of the EAR)2.", FootnotesOf(1, 2), 0, []string{"734.9(e)1", "EAR)2"}},
		{"(See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), 0, []string{"734.9(g),3"}},
		{"(See §734.9(g), 3 §746.8(a)(3), and §744.21(b) of the EAR).", FootnotesOf(3), 0, []string{"734.9(g), 3"}},
		{"(See §§734.9(g)3, 746.8(a)(3), and 744.2l(b) of the EAR)", FootnotesOf(3), 0, []string{"734.9(g)3"}},
		{"(See §§ 734.9(g), 746.8(a)(3), and 744.21(b) of the EAR)", 0, FootnotesOf(3), nil},
		{"(See §§ 734.9(e)(2) and 744.11 of the EAR)4", FootnotesOf(4), 0, []string{"EAR)4"}},
		{"(See §§ 734.9(e)(2) and 744.11 of the EAR) 4", FootnotesOf(4), 0, []string{"EAR) 4"}},
		{"(See §734.9(e), and 744.11 of the EAR)4.", FootnotesOf(4), 0, []string{"EAR)4"}},
		{"(See §§ 734.9(e)(2) and 744.11 of the EAR)", 0, FootnotesOf(4), nil},
		{"(See §734.9(e) and §744.11 of the EAR)", 0, 0, nil}, // bare (e): ambiguous
		{"(See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5", FootnotesOf(5), 0, []string{"EAR)5"}},
		{"see 734.9(e)(1) and 744.11(a)(2)(i)", 0, FootnotesOf(1), nil},
		{"see 734.9(e)(2)4 of the EAR", FootnotesOf(4), 0, []string{"734.9(e)(2)4"}},
		// Not footnotes.
		{"For items on the CCL and EAR99 items listed in supplement no. 7 to part 746 of the EAR", 0, 0, nil},
		{"EAR99-designated technology", 0, 0, nil},
		{"overcome by License Exception GOV under § 740.11(b)(2) and (e).", 0, 0, nil},
		{"overcome by License Exception GOV under § 740.11(b)(2) and e.", 0, 0, nil},
		{"(See §744.2 (d) of the EAR)", 0, 0, nil},
		{"(See §§744.8(b), 744.11, 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), 0, []string{"734.9(g),3"}},
		{"(See § 746.8(a)(4) of the EAR)", 0, 0, nil},
		{"the EAR 1.5 times", 0, 0, nil},
		{"the EAR 12", 0, 0, nil},
		{"YEAR 2", 0, 0, nil},
		{"EAR)6", 0, 0, nil},
		{"General License No. 1B of March 2, 2021.", 0, 0, nil},
	}
	for _, tt := range tests {
		c := ClassifyRequirement(tt.give)
		var marks []string
		for _, m := range c.Marks() {
			marks = append(marks, m.Text)
			if tt.give[m.At] != byte('0'+m.Footnote) {
				t.Errorf("%q: mark %+v does not point at its digit", tt.give, m)
			}
		}
		if c.Footnotes != tt.wantFN || c.Implied != tt.wantImplied || !slices.Equal(marks, tt.wantMarks) {
			t.Errorf("ClassifyRequirement(%q) = %q implied %q marks %q; want %q %q %q",
				tt.give, c.Footnotes, c.Implied, marks, tt.wantFN, tt.wantImplied, tt.wantMarks)
		}
	}
}

// TestImpliedFootnote: the paragraphs of 734.9 that name one footnote in
// their rule, as CitesFDP spells them; a bare 734.9(e) names none.
func TestImpliedFootnote(t *testing.T) {
	want := map[string]int{"15 CFR 734.9(e)(1)": 1, "15 CFR 734.9(e)(2)": 4, "15 CFR 734.9(e)(3)": 5, "15 CFR 734.9(g)": 3}
	for _, f := range fdpNames {
		n, ok := impliedFootnote(f.name)
		if w, has := want[f.name]; n != w || ok != has {
			t.Errorf("impliedFootnote(%q) = %d %v, want %d %v", f.name, n, ok, w, has)
		}
	}
	for _, p := range []string{"15 CFR 734.9(e)", "734.9(g)", "15 CFR 734.9(b)", "15 CFR 734.9(h)", ""} {
		if n, ok := impliedFootnote(p); ok {
			t.Errorf("impliedFootnote(%q) = %d", p, n)
		}
	}
}

func TestFootnotes(t *testing.T) {
	s := FootnotesOf(5, 1, 0, 6, -1, 1)
	if s.String() != "1,5" || s.Len() != 2 || !s.Has(1) || s.Has(2) || s.Has(0) || s.Has(7) || !slices.Equal(s.List(), []int{1, 5}) {
		t.Errorf("set %v", s.List())
	}
	if Footnotes(0).List() != nil || Footnotes(0).String() != "" {
		t.Error("empty set")
	}
}

func TestListText(t *testing.T) {
	for _, l := range Lists() {
		b, err := l.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back List
		if err := back.UnmarshalText(b); err != nil || back != l {
			t.Errorf("%v round trip: %v %v", l, back, err)
		}
	}
	if _, err := List(0).MarshalText(); err == nil {
		t.Error("zero List marshals")
	}
	var l List
	if l.UnmarshalText([]byte("SDN")) == nil || l.IsValid() || l.String() != "" {
		t.Error("unknown list accepted")
	}
	for give, want := range map[string]List{
		"Entity List (EL) - Bureau of Industry and Security":             EntityList,
		"Military End User (MEU) List - Bureau of Industry and Security": MilitaryEndUser,
		"Denied Persons List (DPL) - Bureau of Industry and Security":    DeniedPersons,
		"Unverified List (UVL) - Bureau of Industry and Security":        Unverified,
		"Specially Designated Nationals (SDN) - Treasury Department":     OtherList,
		"":            OtherList,
		"entity list": EntityList,
		"Nonproliferation Sanctions (ISN) - State Department":                 OtherList,
		"Sectoral Sanctions Identifications List (SSI) - Treasury Department": OtherList,
	} {
		if got := ListOf(give); got != want {
			t.Errorf("ListOf(%q) = %v, want %v", give, got, want)
		}
	}
}

func TestParseCountry(t *testing.T) {
	for give, want := range map[string]string{"CN": "CN", "cn": "CN", " HK ": "HK", "UK": "GB", "TURKIYE": "TR", "PRC": "CN", "CRIMEA (OCCUPIED)": "UA", "XX": "", "": "", "Germany": ""} {
		c, ok := ParseCountry(give)
		if c.String() != want || ok != (want != "") {
			t.Errorf("ParseCountry(%q) = %v %v, want %q", give, c, ok, want)
		}
	}
}

func TestNormalizeName(t *testing.T) {
	tests := []struct{ give, want string }{
		{"Huawei Technologies Co., Ltd.", "huawei technologies"},
		{"HUAWEI   TECHNOLOGIES", "huawei technologies"},
		{"huawei-technologies company limited", "huawei technologies"},
		{"Si'En Integrated Circuit", "sien integrated circuit"},
		{"Si’En Integrated Circuit", "sien integrated circuit"},
		{"Black & White Trading LLC", "black and white trading"},
		{"Example U.S.A. Inc.", "example usa"},
		{"Example U S A Inc", "example usa"},
		{"JSC ODK-Star", "odk star"},
		{"Aerosila JSC SPE", "aerosila spe"},
		{"Limited Company", "limited company"}, // nothing but legal forms: kept
		{"Ltd.", "ltd"},
		{"", ""},
		{"...", ""},
		{"Société Générale S.A.", "société générale"},
		{"ÖZTÜRK Makina", "öztürk makina"},
		{"Трейд ООО", "трейд ооо"}, // Cyrillic ООО is not the Latin legal form
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.give); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.give, got, tt.want)
		}
		if again := NormalizeName(NormalizeName(tt.give)); again != NormalizeName(tt.give) && tt.want != "limited company" {
			t.Errorf("NormalizeName not idempotent on %q: %q", tt.give, again)
		}
	}
}

func fixtureIndex(t testing.TB) *Index {
	t.Helper()
	file, err := readFixture(t, "csl_small.json")
	if err != nil {
		t.Fatal(err)
	}
	return NewIndex(file.Rows)
}

func matchIDs(ms []Match) []string {
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.ID)
	}
	return ids
}

func TestIndexLookup(t *testing.T) {
	x := fixtureIndex(t)
	cn, de := jurisdiction.China, jurisdiction.MustParseCountry("DE")
	tests := []struct {
		name    string
		country jurisdiction.Country
		want    []string
	}{
		{"Example Telecom Co., Ltd.", cn, []string{"t1", "t2"}}, // t2 is in HK, read as China
		{"example telecom", jurisdiction.Country{}, []string{"t1", "t2"}},
		{"EXAMPLE TELECOM (ETC)", cn, []string{"t1", "t2"}}, // either side may leave out a parenthesised part
		{"Example Telecom", de, nil},
		{"ETC Shenzhen", cn, []string{"t1"}},
		{"Example Telecommunications", cn, []string{"t1"}},
		{"Example Aero", jurisdiction.MustParseCountry("TR"), []string{"t3"}},
		{"OOO Example Aero", jurisdiction.MustParseCountry("RU"), []string{"t3"}},
		{"Example Aero", cn, nil},
		{"Example Logistics", jurisdiction.Country{}, []string{"t10", "t11"}},
		{"Example Logistics", jurisdiction.MustParseCountry("AE"), []string{"t10", "t11"}}, // t10 has no address
		{"Example Logistics", cn, []string{"t10"}},
		{"Example Trading", jurisdiction.MustParseCountry("GB"), []string{"t6"}},
		{"Example Trading LLC", cn, nil}, // its other address (XX) is unknown, GB is known
		{"Example Shipping", jurisdiction.MustParseCountry("PA"), []string{"t12"}},
		{"Example", jurisdiction.Country{}, nil},
		{"", jurisdiction.Country{}, nil},
	}
	for _, tt := range tests {
		got := x.Lookup(tt.name, tt.country)
		if !slices.Equal(matchIDs(got), tt.want) {
			t.Errorf("Lookup(%q, %v) = %q, want %q", tt.name, tt.country, matchIDs(got), tt.want)
		}
	}
	m := x.Lookup("ETC Shenzhen", cn)[0]
	if m.MatchedName != "ETC Shenzhen" || m.Name != "Example Telecom Co., Ltd. (ETC)" || m.Row != 0 ||
		m.Designation.EntityListFootnotes() != FootnotesOf(1, 2) || m.Designation.FederalRegisterNotice != "85 FR 51596" {
		t.Errorf("match %+v", m)
	}
	if x.Len() != 12 {
		t.Errorf("Len = %d", x.Len())
	}
	if r, ok := x.Row(8); !ok || r.ID != "t9" {
		t.Errorf("Row(8) = %v %v", r.ID, ok)
	}
	if _, ok := x.Row(99); ok {
		t.Error("Row(99) found")
	}
}

// TestIndexListDate: WithListDate gives an index that says its list's
// date and finds what the original finds; the original keeps no date.
func TestIndexListDate(t *testing.T) {
	x := fixtureIndex(t)
	d := jurisdiction.MustParseDate("2026-07-31")
	y := x.WithListDate(d)
	if y.ListDate() != d || x.ListDate().IsValid() {
		t.Errorf("ListDate: dated %v, original %v", y.ListDate(), x.ListDate())
	}
	if got, want := matchIDs(y.Lookup("ETC Shenzhen", jurisdiction.China)), matchIDs(x.Lookup("ETC Shenzhen", jurisdiction.China)); !slices.Equal(got, want) || len(got) == 0 {
		t.Errorf("dated index finds %q, the original %q", got, want)
	}
	var nilIndex *Index
	if nilIndex.WithListDate(d) != nil || nilIndex.ListDate().IsValid() {
		t.Error("a nil index got a date")
	}
}

func TestIndexImmutable(t *testing.T) {
	file, err := readFixture(t, "csl_small.json")
	if err != nil {
		t.Fatal(err)
	}
	x := NewIndex(file.Rows)
	file.Rows[0].AltNames[0] = "changed"
	file.Rows[0].Name = "changed"
	r, _ := x.Row(0)
	r.AltNames[1] = "changed too"
	r.Addresses[0].Country = jurisdiction.Country{}
	marks := x.Lookup("ETC Shenzhen", jurisdiction.China)[0].Designation.Citations.Marks()
	marks[0].Footnote = 5
	again, _ := x.Row(0)
	if again.Name != "Example Telecom Co., Ltd. (ETC)" || again.AltNames[0] != "ETC Shenzhen" || again.AltNames[1] != "Example Telecommunications" ||
		again.Addresses[0].Country != jurisdiction.China || again.Designation.Citations.Marks()[0].Footnote != 1 {
		t.Errorf("index changed: %+v", again)
	}
	if len(x.Lookup("changed", jurisdiction.Country{})) != 0 {
		t.Error("index follows the caller's rows")
	}
}

func TestIndexConcurrent(t *testing.T) {
	x := fixtureIndex(t)
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 200 {
				if got := x.Lookup("Example Telecom", jurisdiction.China); len(got) != 2 {
					t.Errorf("got %d", len(got))
					return
				}
				d, _ := x.ResolveParty(context.Background(), Query{Name: "Example Foundry Corp", Country: jurisdiction.China})
				if !d.Footnotes().Has(5) {
					t.Error("no footnote 5")
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestDesignations(t *testing.T) {
	x := fixtureIndex(t)
	ctx := context.Background()
	tests := []struct {
		name        string
		country     string
		wantFN      Footnotes
		wantImplied Footnotes
		wantLists   []List
	}{
		{"Example Telecom", "CN", FootnotesOf(1, 2), 0, []List{EntityList}},
		{"Example Aero", "RU", FootnotesOf(3), 0, []List{EntityList}},
		{"Example Compute Center", "CN", FootnotesOf(4), 0, []List{EntityList}},
		{"ECC", "CN", FootnotesOf(4), 0, []List{EntityList}},
		{"Example Foundry", "CN", FootnotesOf(5), 0, []List{EntityList}},
		{"Example Parts Plant", "RU", 0, FootnotesOf(3), []List{EntityList}},
		{"Example Aviation Plant", "RU", 0, 0, []List{MilitaryEndUser}},
		{"Example Logistics", "AE", 0, 0, []List{EntityList, Unverified}},
		{"Jane Q Example", "US", 0, 0, []List{DeniedPersons}},
		{"Nobody", "CN", 0, 0, nil},
	}
	for _, tt := range tests {
		d, err := x.ResolveParty(ctx, Query{Name: tt.name, Country: jurisdiction.MustParseCountry(tt.country)})
		if err != nil || d.Source != SourceIndex {
			t.Fatalf("%s: %v %v", tt.name, d.Source, err)
		}
		if d.Footnotes() != tt.wantFN || d.ImpliedFootnotes() != tt.wantImplied || !slices.Equal(d.Lists(), tt.wantLists) {
			t.Errorf("%s: footnotes %q implied %q lists %v; want %q %q %v", tt.name, d.Footnotes(), d.ImpliedFootnotes(), d.Lists(), tt.wantFN, tt.wantImplied, tt.wantLists)
		}
	}

	decl := DeclaredDesignations(4, 9)
	if decl.Source != SourceDeclared || decl.Footnotes() != FootnotesOf(4) || !decl.OnList(EntityList) || len(decl.Matches) != 0 {
		t.Errorf("declared: %+v", decl)
	}
	if DeclaredDesignations().OnList(EntityList) {
		t.Error("no footnotes declared, yet on the Entity List")
	}

	// A screening service answers with rows; its designations are derived
	// the same way, with their source.
	screen := ScreeningFunc(func(_ context.Context, q Query) ([]Row, error) {
		if q.Name == "fail" {
			return nil, errors.New("service down")
		}
		return []Row{{Index: 7, ID: "s1", Name: "Exampel Foundry", Source: "Entity List (EL) - Bureau of Industry and Security",
			LicenseRequirement: "For all items subject to the EAR. (See §§ 734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5"}}, nil
	})
	d, err := screen.ResolveParty(ctx, Query{Name: "Example Foundry"})
	if err != nil || d.Source != SourceScreening || d.Footnotes() != FootnotesOf(5) || d.Matches[0].Row != 7 {
		t.Errorf("screening: %+v %v", d, err)
	}
	if _, err := screen.ResolveParty(ctx, Query{Name: "fail"}); err == nil || !strings.Contains(err.Error(), "service down") {
		t.Errorf("screening error: %v", err)
	}
	if _, err := ScreeningFunc(nil).ResolveParty(ctx, Query{}); err == nil {
		t.Error("nil func resolves")
	}

	for _, s := range []Source{SourceDeclared, SourceIndex, SourceScreening} {
		b, err := s.MarshalText()
		if err != nil || string(b) != s.String() || s.String() == "" {
			t.Errorf("%d: %q %v", s, b, err)
		}
	}
	if _, err := Source(0).MarshalText(); err == nil {
		t.Error("zero source marshals")
	}
}

func TestSummarize(t *testing.T) {
	file, err := readFixture(t, "csl_small.json")
	if err != nil {
		t.Fatal(err)
	}
	b, err := json.Marshal(Summarize(file.Rows))
	if err != nil {
		t.Fatal(err)
	}
	want := `{"rows":12,"lists":{"DPL":1,"EL":8,"MEU":1,"UVL":1,"other":1},"footnotes":{"1":2,"3":1,"4":1,"5":1},"implied_footnotes":{"1":0,"3":1,"4":0,"5":0}}`
	if string(b) != want {
		t.Errorf("summary\n got %s\nwant %s", b, want)
	}
	if b, _ := json.Marshal(Summarize(nil)); string(b) != `{"rows":0,"lists":{"DPL":0,"EL":0,"MEU":0,"UVL":0},"footnotes":{"1":0,"3":0,"4":0,"5":0},"implied_footnotes":{"1":0,"3":0,"4":0,"5":0}}` {
		t.Errorf("empty summary %s", b)
	}
}

// TestSummarizeWrittenAndImplied counts the footnotes of csl_small.json
// written and implied apart. By hand, from the license_requirement of its
// eight Entity List rows: t1 and t2 write 1 ("734.9(e)1"; their "EAR2" is
// footnote 2, not counted), t3 writes 3 ("734.9(g)3"), t4 writes 4
// ("EAR) 4") and t5 writes 5 ("EAR)5"), so 5 rows write a counted
// footnote. t7 cites "734.9(g)" with no digit: footnote 3 implied, the
// only implied footnote (t3, t4 and t5 write the footnote of the paragraph
// they cite; t1 and t2 cite a bare 734.9(e); t6 and t11 cite no 734.9
// paragraph).
func TestSummarizeWrittenAndImplied(t *testing.T) {
	file, err := readFixture(t, "csl_small.json")
	if err != nil {
		t.Fatal(err)
	}
	s := Summarize(file.Rows)
	written := map[string]int{"1": 2, "3": 1, "4": 1, "5": 1}
	implied := map[string]int{"1": 0, "3": 1, "4": 0, "5": 0}
	if !maps.Equal(s.Footnotes, written) || !maps.Equal(s.ImpliedFootnotes, implied) {
		t.Errorf("written %v implied %v, want %v %v", s.Footnotes, s.ImpliedFootnotes, written, implied)
	}
	total := func(m map[string]int) (n int) {
		for _, v := range m {
			n += v
		}
		return n
	}
	if total(s.Footnotes) != 5 || total(s.ImpliedFootnotes) != 1 {
		t.Errorf("written %d implied %d, want 5 and 1", total(s.Footnotes), total(s.ImpliedFootnotes))
	}
}

func TestDesignationsJSON(t *testing.T) {
	x := fixtureIndex(t)
	d, _ := x.ResolveParty(context.Background(), Query{Name: "Example Parts Plant", Country: jurisdiction.MustParseCountry("RU")})
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"source":"csl_index","footnotes":[],"implied_footnotes":[3],"lists":["EL"],"matches":[{"row":6,"id":"t7","name":"Example Parts Plant","matched_name":"Example Parts Plant","list":"EL","footnotes":[],"implied_footnotes":[3],"cites_fdp":["15 CFR 734.9(g)"],"license_requirement":"For all items subject to the EAR (See §§ 734.9(g), 746.8(a)(3), and 744.21(b) of the EAR)","license_policy":"Policy of denial.","federal_register_notice":"89 FR 25505"}]}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	b, err = json.Marshal(DeclaredDesignations(1, 4))
	if err != nil || string(b) != `{"source":"declared","footnotes":[1,4],"implied_footnotes":[],"lists":["EL"]}` {
		t.Errorf("declared: %s %v", b, err)
	}
	if _, err := json.Marshal(Designations{}); err == nil {
		t.Error("zero designations marshal")
	}
}

// TestLookupParentheses: either side may leave out a parenthesised part,
// but two names that both put something in parentheses are the same name
// only if that matches too; a name whose parentheses differ is a possible
// match (Search), not a row found.
func TestLookupParentheses(t *testing.T) {
	const el = "Entity List (EL) - Bureau of Industry and Security"
	x := NewIndex([]Row{
		{Index: 0, ID: "y", Name: "Yishang Network (Shenzhen) Co., Ltd.", Source: el},
		{Index: 1, ID: "n", Name: "National University of Defense Technology (NUDT)", Source: el},
	})
	var anywhere jurisdiction.Country
	for _, tt := range []struct {
		name  string
		exact string // "" for none
		cand  string // the row Search finds first
	}{
		{"Yishang Network (Shenzhen) Co., Ltd.", "y", "y"},
		{"Yishang Network Co., Ltd.", "y", "y"},
		{"Yishang Network (Beijing) Co., Ltd.", "", "y"},
		{"National University of Defense Technology", "n", "n"},
		{"National University of Defense Technology (NUDT)", "n", "n"},
		{"National University of Defense Technology (Changsha)", "", "n"},
	} {
		if got := strings.Join(matchIDs(x.Lookup(tt.name, anywhere)), ","); got != tt.exact {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.exact)
		}
		if cs := x.Search(tt.name, anywhere, DefaultMinScore); len(cs) == 0 || cs[0].ID != tt.cand {
			t.Errorf("Search(%q) = %+v, want %s first", tt.name, cs, tt.cand)
		}
	}
}
