package csl

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

// huaweiIndex is a small index of Huawei-like and unrelated rows.
func huaweiIndex() *Index {
	el := "Entity List (EL) - Bureau of Industry and Security"
	rows := []Row{
		{Index: 0, ID: "h0", Source: el, Name: "HUAWEI TECHNOLOGIES CO., LTD.", AltNames: []string{"Huawei"}, Addresses: []Address{{Country: jurisdiction.China}}},
		{Index: 1, ID: "s1", Source: el, Name: "Shenzhen Example Electronics Co., Ltd.", Addresses: []Address{{Country: jurisdiction.China}}},
		{Index: 2, ID: "h2", Source: el, Name: "Huawei Technologies Canada Co., Ltd.", Addresses: []Address{{Country: jurisdiction.MustParseCountry("CA")}}},
		{Index: 3, ID: "m3", Source: "Military End User (MEU) List - Bureau of Industry and Security", Name: "Example Aviation Plant"},
	}
	for i := range rows {
		rows[i].Designation = designationOf(rows[i])
	}
	return NewIndex(rows)
}

func TestJaroWinkler(t *testing.T) {
	var jw jaroWinkler
	for _, tt := range []struct {
		a, b string
		want int // per mille, floor
	}{
		// Reference values of the Jaro-Winkler literature (Winkler 1990).
		{"martha", "marhta", 961},
		{"dwayne", "duane", 840},
		{"dixon", "dicksonx", 813},
		{"huawei", "huawei", 1000},
		{"huawei", "huawey", 933},
		{"", "a", 0},
		{"abc", "xyz", 0},
	} {
		if got := int(1000*jw.similarity([]rune(tt.a), []rune(tt.b)) + 1e-9); got != tt.want {
			t.Errorf("JW(%q, %q) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
	}
}

func scoreOf(cs []Candidate, id string) int {
	for _, c := range cs {
		if c.ID == id {
			return c.Score
		}
	}
	return -1
}

func TestSearch(t *testing.T) {
	x := huaweiIndex()
	for _, tt := range []struct {
		name   string
		id     string
		lo, hi int // lo <= score <= hi
	}{
		{"HUAWEI TECHNOLOGIES CO., LTD.", "h0", 1000, 1000},
		{"Huawei Technologies", "h0", 950, 1000},
		{"ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ", "h0", 1000, 1000},
		{"Huawey Technologies", "h0", 900, 999},
		{"Huawei Technologie", "h0", 900, 1000}, // its alternate name "Huawei" is in it whole
		{"Siemens AG", "h0", 0, 699},
		{"Siemens AG", "h2", 0, 699},
		{"Example Aviation Plant", "m3", 1000, 1000},
	} {
		got := scoreOf(x.Search(tt.name, jurisdiction.Country{}, 0), tt.id)
		if got < tt.lo || got > tt.hi {
			t.Errorf("Search(%q) scores %s %d, want %d..%d", tt.name, tt.id, got, tt.lo, tt.hi)
		}
	}
	// Sorted by score, then by row; one candidate per row, for its best name.
	cs := x.Search("Huawei", jurisdiction.Country{}, DefaultMinScore)
	if len(cs) != 2 || cs[0].ID != "h0" || cs[1].ID != "h2" || cs[0].MatchedName != "Huawei" || cs[0].Score != 1000 {
		t.Errorf("Search(Huawei) = %+v", cs)
	}
	if cs := x.Search("Siemens AG", jurisdiction.Country{}, DefaultMinScore); len(cs) != 0 {
		t.Errorf("Siemens: %+v", cs)
	}
	if cs := x.Search("Co., Ltd.", jurisdiction.Country{}, 1); len(cs) != 0 && cs[0].Score == 1000 {
		t.Errorf("legal forms alone: %+v", cs)
	}
	// A country reports, it does not filter.
	cs = x.Search("Huawei Technologies", jurisdiction.China, DefaultMinScore)
	if len(cs) != 2 || cs[0].CountryDiffers || !cs[1].CountryDiffers || cs[1].ID != "h2" {
		t.Errorf("country: %+v", cs)
	}
	// Deterministic.
	for range 5 {
		if again := x.Search("Huawei Technologies", jurisdiction.China, DefaultMinScore); !slices.EqualFunc(again, cs, func(a, b Candidate) bool {
			return a.Row == b.Row && a.Score == b.Score && a.MatchedName == b.MatchedName
		}) {
			t.Fatalf("Search not deterministic: %+v vs %+v", again, cs)
		}
	}
	var nilIndex *Index
	if cs := nilIndex.Search("Huawei", jurisdiction.Country{}, 0); cs != nil {
		t.Errorf("nil index: %+v", cs)
	}
	if cs := x.Search("", jurisdiction.Country{}, 0); cs != nil {
		t.Errorf("empty name: %+v", cs)
	}
}

func TestScreen(t *testing.T) {
	x := huaweiIndex()
	s := x.Screen(Query{Name: "Huawei Technologies Co Ltd", Country: jurisdiction.China}, DefaultMinScore)
	if s.MinScore != DefaultMinScore || s.Exact.Source != SourceIndex || len(s.Exact.Matches) != 1 || s.Exact.Matches[0].ID != "h0" {
		t.Fatalf("exact: %+v", s.Exact)
	}
	if len(s.Candidates) != 1 || s.Candidates[0].ID != "h2" || !s.Candidates[0].CountryDiffers {
		t.Errorf("candidates: %+v", s.Candidates)
	}
	s = x.Screen(Query{Name: "Huawey Technologies"}, DefaultMinScore)
	if len(s.Exact.Matches) != 0 || len(s.Candidates) != 2 || s.Candidates[0].ID != "h0" || s.Candidates[0].Score < 900 {
		t.Errorf("typo: %+v", s)
	}
	var nilIndex *Index
	if s := nilIndex.Screen(Query{Name: "Huawei"}, DefaultMinScore); s.Exact.Source.IsValid() || s.Candidates != nil {
		t.Errorf("nil index screening: %+v", s)
	}
}

func TestNilResolvers(t *testing.T) {
	ctx := context.Background()
	var x *Index
	if _, err := x.ResolveParty(ctx, Query{Name: "Huawei"}); !errors.Is(err, ErrNilIndex) || err.Error() != "csl: nil index" {
		t.Errorf("nil *Index: %v", err)
	}
	if x.Len() != 0 || x.Lookup("Huawei", jurisdiction.Country{}) != nil {
		t.Errorf("nil *Index finds rows")
	}
	if _, ok := x.Row(0); ok {
		t.Errorf("nil *Index has a row")
	}
	if _, err := ScreeningFunc(nil).ResolveParty(ctx, Query{Name: "Huawei"}); err == nil {
		t.Errorf("nil ScreeningFunc: no error")
	}
}

// TestSearchReal searches the 2026-07-31 BIS rows.
func TestSearchReal(t *testing.T) {
	x := NewIndex(readRealFile(t).Rows)
	cs := x.Search("Huawei Technologies Co Ltd", jurisdiction.China, DefaultMinScore)
	if len(cs) < 10 {
		t.Fatalf("%d candidates", len(cs))
	}
	top := cs[0]
	if top.Score != 1000 || top.Designation.List != EntityList || !slices.Contains(nameKeys(top.MatchedName), "huawei technologies") {
		t.Errorf("top: %+v", top)
	}
	for _, c := range cs {
		if c.Score < 1000 {
			break
		}
		if !strings.Contains(strings.ToLower(c.MatchedName), "huawei") || c.Designation.List != EntityList {
			t.Errorf("a 1000 that is not a Huawei Entity List row: %+v", c)
		}
	}
	exact := x.Lookup("Huawei Technologies Co Ltd", jurisdiction.China)
	if len(exact) == 0 {
		t.Fatal("no exact match")
	}
	for _, m := range exact {
		if got := scoreOf(cs, m.ID); got != 1000 {
			t.Errorf("exact row %d scores %d", m.Row, got)
		}
	}
	s := x.Screen(Query{Name: "Huawey Technologies", Country: jurisdiction.China}, DefaultMinScore)
	if len(s.Exact.Matches) != 0 || len(s.Candidates) == 0 || !strings.Contains(strings.ToLower(s.Candidates[0].Name), "huawei") {
		t.Errorf("typo on the real file: %d exact, %d candidates", len(s.Exact.Matches), len(s.Candidates))
	}
	if cs := x.Search("Siemens AG", jurisdiction.Country{}, DefaultMinScore); len(cs) > 0 {
		for _, c := range cs {
			if strings.Contains(strings.ToLower(c.Name), "huawei") {
				t.Errorf("Siemens finds %+v", c)
			}
		}
	}
	t.Logf("%d candidates at %d for Huawei Technologies Co Ltd; %d exact; Siemens AG: %s", len(cs), DefaultMinScore, len(exact), describe(x.Search("Siemens AG", jurisdiction.Country{}, 1)))
}

func describe(cs []Candidate) string {
	if len(cs) == 0 {
		return "none"
	}
	return fmt.Sprintf("best %q %d", cs[0].MatchedName, cs[0].Score)
}

// TestSearchHeldWhole: a listed name held whole in a longer searched name
// (an address, a city, a branch, a forwarder), written with its words
// joined or split, or with diacritics, is a candidate; one whose words
// the searched name holds out of order, or only in part, is not found
// that way.
func TestSearchHeldWhole(t *testing.T) {
	const el = "Entity List (EL) - Bureau of Industry and Security"
	x := NewIndex([]Row{
		{Index: 0, ID: "a", Name: "Huawei Technologies Co., Ltd.", Source: el},
		{Index: 1, ID: "b", Name: "National University of Defense Technology (NUDT)", Source: el},
		{Index: 2, ID: "c", Name: "Hangzhou Hikvision Digital Technology Co., Ltd.", Source: el},
		{Index: 3, ID: "d", Name: "Winthought Company Ltd.", Source: el},
		{Index: 4, ID: "e", Name: "Ag Yildiz Cargo", Source: el},
		{Index: 5, ID: "f", Name: "China Electronics Technology Group Corporation", Source: el},
		{Index: 6, ID: "g", Name: "K Logistics (China) Limited", Source: el},
		{Index: 7, ID: "h", Name: "Satco", Source: el},
	})
	for _, tt := range []struct {
		name string
		want string // the row found first at DefaultMinScore; "" for none
	}{
		{"Huawei Technologies Co., Ltd., Bantian, Longgang District, Shenzhen, China", "a"},
		{"Shanghai Branch of Huawei Technologies", "a"},
		{"Huawei Technologies Co Ltd c/o DHL Global Forwarding", "a"},
		{"Huawey Technologies Co., Ltd., Shenzhen", "a"}, // a typo and a city
		{"College of Computer, National University of Defense Technology", "b"},
		{"Hangzhou Hikvision Digital Technology Gufen Youxian Gongsi", "c"},
		{"Hik Vision", "c"},
		{"Win Thought Co Ltd", "d"},
		{"Ağ Yıldız Cargo", "e"},
		// Held out of order, or in part: not by these rules.
		{"ABC Electronics Technology Co., Ltd., Shenzhen, China", ""},
		{"Unity Logistics Co., Ltd.", ""},
		// A one-word listed name is found as a word of a longer name, not
		// as part of a word.
		{"Satco Trading, Tehran", "h"},
		{"Satco Youxian Gongsi", "h"},
		{"Satcom Trading, Tehran", ""},
	} {
		cs := x.Search(tt.name, jurisdiction.Country{}, DefaultMinScore)
		got := ""
		if len(cs) > 0 {
			got = cs[0].ID
		}
		if got != tt.want {
			t.Errorf("Search(%q) = %+v, want %q first", tt.name, cs, tt.want)
		}
	}
}

// TestFoldMarks: the diacritics of Latin letters fold to their base
// letters; other scripts and plain letters stay.
func TestFoldMarks(t *testing.T) {
	for give, want := range map[string]string{
		"yıldız": "yildiz", "ağ": "ag", "sūzhōu": "suzhou", "zvëzdočka": "zvezdocka", "łódź": "lodz",
		"straße": "strasse", "æsir": "aesir", "ǎ": "a", "ứng": "ung", "e\u0301": "e", "huawei": "huawei", "华为": "华为",
	} {
		if got := string(foldMarks([]rune(give))); got != want {
			t.Errorf("foldMarks(%q) = %q, want %q", give, got, want)
		}
	}
	for i := range len(latinBaseC0) {
		if c := latinBaseC0[i]; c != '.' && !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z') {
			t.Errorf("latinBaseC0[%#x] = %q", 0xC0+i, c)
		}
	}
	if len(latinBaseC0) != 0x250-0xC0 || len(latinBase1E00) != 0x100 {
		t.Errorf("table lengths %d, %d", len(latinBaseC0), len(latinBase1E00))
	}
}
