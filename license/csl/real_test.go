package csl

import (
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/earcheck/ear/internal/refdata"
	"github.com/earcheck/ear/jurisdiction"
)

// realPath is the BIS rows of the CSL downloaded on 2026-07-31, from the
// reference folder (refdata). It lives outside the module and is never
// copied into it; the tests that read it skip when it is not there.
var realPath, _ = refdata.Path("csl-bis-2026-07-31.json")

// realSpellings is every distinct non-null license_requirement of
// realPath, with the number of rows that carry it and the footnotes
// written and implied. The expectations were computed independently of
// ClassifyRequirement, in Python, from hand-reviewed patterns of the 89
// spellings: footnote 1 where the text holds "734.9(e)1" or "734.9(e) 1";
// 2 where it ends "EAR2", "EAR 2" or "EAR)2."; 3 where "734.9(g)" is followed
// by an optional comma and space and the digit 3; 4 where it ends "EAR)4",
// "EAR) 4" or "EAR)4."; 5 where it ends "EAR)5"; implied 3 for 734.9(g)
// without the digit, implied 4 for 734.9(e)(2) without it. unknown
// (Citations.FootnoteUnknown) was computed the same way, in Python: the
// text holds "734.9(e)" not followed by "(", and matches none of
// r"734\.9\(e\) ?1(?![0-9(])", r"EAR\) ?4", r"EAR\)5" and
// r"734\.9\(e\)\([123]\)"; one spelling, on one row (r04251).
var realSpellings = []struct {
	rows    int
	text    string
	written Footnotes
	implied Footnotes
	unknown bool
}{
	{569, "For all items subject to the EAR. (See §744.11 of the EAR).", FootnotesOf(), FootnotesOf(), false},
	{543, "For all items subject to the EAR. (See §744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{332, "For All Items Subject to the EAR (See §744.11 of the EAR).", FootnotesOf(), FootnotesOf(), false},
	{212, "For all items subject to the EAR (See §744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{197, "For all items subject to the EAR. (See § 744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{147, "For All Items Subject to the EAR (See §734.9(g), 3 §746.8(a)(3), and §744.21(b) of the EAR).", FootnotesOf(3), FootnotesOf(), false},
	{139, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{122, "For all items subject to the EAR (See §744.11 of the EAR).", FootnotesOf(), FootnotesOf(), false},
	{99, "All items subject to the EAR. (See §744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{98, "All items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{83, "For all items subject to the EAR (See § 744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{81, "For all items subject to the EAR when used in projects specified in § 746.8(a)(4) of the EAR", FootnotesOf(), FootnotesOf(), false},
	{74, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.11 of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{71, "For all items subject to the EAR, see §§ 734.9(e)1 and 744.11 of the EAR2", FootnotesOf(1, 2), FootnotesOf(), false},
	{70, "For any item subject to the EAR listed in supplement no. 2 to part 744.", FootnotesOf(), FootnotesOf(), false},
	{60, "For all items subject to the EAR. (See §§734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR.)", FootnotesOf(3), FootnotesOf(), false},
	{59, "For all items subject to the EAR (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{58, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR.)", FootnotesOf(3), FootnotesOf(), false},
	{52, "For all items subject to the EAR, see §§ 734.9(e)1, and 744.11 of the EAR2", FootnotesOf(1, 2), FootnotesOf(), false},
	{42, "For all items subject to the EAR (See §§ 734.9(g),3 746.8(a)(3), and 744.11 of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{34, "For all items subject to the EAR", FootnotesOf(), FootnotesOf(), false},
	{27, "For All Items Subject to the EAR (See §734.9(e)1, and §744.11 of the EAR)2.", FootnotesOf(1, 2), FootnotesOf(), false},
	{27, "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)4", FootnotesOf(4), FootnotesOf(), false},
	{22, "For All Items Subject to the EAR (See §734.9(e)(2), and §744.11 of the EAR)4.", FootnotesOf(4), FootnotesOf(), false},
	{18, "For all items subject to the EAR.", FootnotesOf(), FootnotesOf(), false},
	{16, "For all items subject to the EAR (See §§734.9(e)(2) and 744.11 of the EAR)4", FootnotesOf(4), FootnotesOf(), false},
	{16, "For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR)4", FootnotesOf(4), FootnotesOf(), false},
	{14, "For all items subject to the EAR (See §§734.9(g)3, 746.8(a)(3), and 744.2l(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{13, "For All Items Subject to the EAR (See §734.9(g), 3 §744.21(b), and §746.8(a)(3) of the EAR).", FootnotesOf(3), FootnotesOf(), false},
	{13, "For All Items Subject to the EAR.", FootnotesOf(), FootnotesOf(), false},
	{10, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR).", FootnotesOf(3), FootnotesOf(), false},
	{9, "For all items subject to the EAR (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5", FootnotesOf(5), FootnotesOf(), false},
	{9, "For all items subject to the EAR. (See §§744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{8, "For All Items Subject to the EAR (See §734.9(e), and 744.11 of the EAR)4.", FootnotesOf(4), FootnotesOf(), false},
	{8, "For all items subject to the EAR. (See §§ 734.9(g),3 744.21(b), and 746.8(a)(3) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{8, "For items on the CCL and listed in supplement no. 7 to part 746 of the EAR", FootnotesOf(), FootnotesOf(), false},
	{7, "All Items Subject to the EAR", FootnotesOf(), FootnotesOf(), false},
	{7, "For items on the CCL and EAR99 items listed in supplement no. 7 to part 746 of the EAR", FootnotesOf(), FootnotesOf(), false},
	{6, "For all items subject to the EAR, see §§ 734.9(e) 1 and 744.11 of the EAR 2", FootnotesOf(1, 2), FootnotesOf(), false},
	{6, "For all items subject to the EAR. (See §744.11 of the EAR.)", FootnotesOf(), FootnotesOf(), false},
	{6, "For all items subject to the EAR. (See §§ 734.9(g),3 744.21(b) and 746.8(a)(3) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{5, "For all items subject to the EAR (See §§ 734.9(g), 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(), FootnotesOf(3), false},
	{5, "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR) 4", FootnotesOf(4), FootnotesOf(), false},
	{5, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR) This license requirement may be overcome by License Exception GOV under § 740.11(b)(2) and e.", FootnotesOf(3), FootnotesOf(), false},
	{5, "For all items subject to the EAR. (See§ 744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{4, "For all items subject to the EAR. (See §§ 734.9(g), 3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{4, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR) This license requirement may be overcome by License Exception GOV under § 740.11(b)(2) and (e)", FootnotesOf(3), FootnotesOf(), false},
	{4, "For all items subject to the EAR. (See §§734.9(g),3 746.8(a)(3), and 744.11 of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{4, "For items on the CCL and EAR99 items listed in supplement no. 7 to part 746 of the EAR.", FootnotesOf(), FootnotesOf(), false},
	{3, "All items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR). This license requirement may be overcome by License Exception GOV under § 740.11(b)(2) and (e).", FootnotesOf(3), FootnotesOf(), false},
	{3, "For all items subject to the EAR (See §744.11 of the EAR.", FootnotesOf(), FootnotesOf(), false},
	{3, "For all items subject to the EAR (See §744.2 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{3, "For all items subject to the EAR. (See § 744.11 of the EAR).", FootnotesOf(), FootnotesOf(), false},
	{3, "For all items subject to the EAR. (See §734.4(a)(9), 734.9(e)(3) and 744.11 of the EAR)5", FootnotesOf(5), FootnotesOf(), false},
	{3, "For all items subject to the EAR. (See §§ 734.9(g), 3 746.8(a)(3), and 744.21(b) of the EAR.)", FootnotesOf(3), FootnotesOf(), false},
	{3, "For all items subject to the EAR. (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5", FootnotesOf(5), FootnotesOf(), false},
	{2, "All items subject to the EAR (See § 744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{2, "For All Items Subject to the EAR (See §734.9(g), 3 §746.8(a)(3), and §744.11 of the EAR).", FootnotesOf(3), FootnotesOf(), false},
	{2, "For All Items Subject to the EAR (See §744.11 of the EAR). This license requirement may be overcome by License Exception GOV under §740.11(b)(2) and (e).", FootnotesOf(), FootnotesOf(), false},
	{2, "For all items subject to the EAR (See §744.3 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{2, "For all items subject to the EAR (See §§734.9(g)3, 746.8(a)(3), and 744.2l(b) of the EAR", FootnotesOf(3), FootnotesOf(), false},
	{2, "For all items subject to the EAR (See §§744.8(b), 744.11, 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{2, "For all items subject to the EAR. (See part§744.11 of the EAR).", FootnotesOf(), FootnotesOf(), false},
	{2, "For all items subject to the EAR. (See § 744.11 of the EAR). This license requirement may be overcome by License Exception GOV under § 740.11(b)(2) and (e).", FootnotesOf(), FootnotesOf(), false},
	{1, "All items subject to the EAR except for: crude oil, condensates, aromatics, natural gas liquids, hydrocarbon gas liquids, natural gas plant liquids, refined petroleum products, liquefied natural gas, natural gas, synthetic natural gas, and compressed natural gas under the following Harmonized System (HS) codes: 271111, 2711210000, 2711210000, 2709, 2709002010, 2707, 27075000, 2710, 271019, 271112, 271113, 271114, 271119, 27111990, 271311, 271312, 271012250, 2901, 290511, 2701, 29109020, 29151310, 29155020, 29156050, 29159020, 29161210, 29280025, 29321910, 29362920, 29419030, 2909300000, 2917194500, 2922504500, 2924296000, 2925294500, 2928002500, 2933194350; or items required for the continued operation of joint ventures with persons from countries in Country Group A:1 in supplement no. 1 to part 740 of the EAR not operating in any body of water, or the airspace above any body of water, within the following coordinates: Upper Left: 26°4’48.931” N 104°31’41.383” E; Upper Right: 26°4’48.931” N 123°19’22.225” E; Lower Right: 0°0’0.00” N 123°19’22.225” E; Lower Left: 0°0’0.00” N 104°31’41.383” E", FootnotesOf(), FootnotesOf(), false},
	{1, "All items subject to the EAR, apart from items that are related to transactions that are authorized by the Department of the Treasury’s Office of Foreign Assets Control pursuant to General License No. 1B of March 2, 2021. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{1, "All items subject to the EAR.", FootnotesOf(), FootnotesOf(), false},
	{1, "All items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR) The license requirements under this entry also extend to any export, reexport and transfer (in-country) to the entity wherever located worldwide.", FootnotesOf(3), FootnotesOf(), false},
	{1, "For All Items Subject to the EAR (See §734.9(g), 3 §746.8(a)(3), and §744.21(b) of the EAR). The license requirements under this entry also extend to any export, reexport and transfer (in-country) to the entity wherever located worldwide.", FootnotesOf(3), FootnotesOf(), false},
	{1, "For All Items Subject to the EAR (See §734.9(g), 3 §746.8(a)(3), and §744.21(b) of the EAR). This license requirement may be overcome by License Exception GOV under §740.11(b)(2) and (e).", FootnotesOf(3), FootnotesOf(), false},
	{1, "For All Items Subject to the EAR (See §744.11 of the EAR), except for EAR99-designated technology for the operation, maintenance, or repair of unmanned aerial vehicles (UAV) released to this entity by the operator of the UAV.", FootnotesOf(), FootnotesOf(), false},
	{1, "For All Items Subject to the EAR (See §744.11 of the EAR). This license requirement may be overcome by License Exception GOV under §740.11(b) when used by the U.S Geological Survey.", FootnotesOf(), FootnotesOf(), false},
	{1, "For All Items Subject to the EAR (See §744.11(b) of the EAR).", FootnotesOf(), FootnotesOf(), false},
	{1, "For All Items Subject to the EAR when used in projects specified in §746.8(a)(4) of the EAR.", FootnotesOf(), FootnotesOf(), false},
	{1, "For all items subject to the EAR (See § 734.9(g),3 746.8(a)(3), and 744.11 of the EAR)", FootnotesOf(3), FootnotesOf(), false},
	{1, "For all items subject to the EAR (See §744.11 of the EAR), apart from items that are related to transactions that are authorized by the Department of the Treasury's Office of Foreign Assets Control pursuant to General License No. 11 of December 20, 2016. Russia does not include the \"Crimea region of Ukraine,\" as that term is defined in section 8(d) of E.O. 13685.", FootnotesOf(), FootnotesOf(), false},
	{1, "For all items subject to the EAR, with case-by-case basis for items listed on the CCL", FootnotesOf(), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See § 744.11 of the EAR.", FootnotesOf(), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See § 746.8(a)(4) of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §734.9(e) and §744.11 of the EAR)", FootnotesOf(), FootnotesOf(), true},
	{1, "For all items subject to the EAR. (See §744.2 (d) of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §§ 734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5", FootnotesOf(5), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR) 4", FootnotesOf(4), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)", FootnotesOf(), FootnotesOf(4), false},
	{1, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR) This license requirement may be overcome by License Exception GOV under § 740.11(b)(2) and (e).", FootnotesOf(3), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR). This license requirement may be overcome by License Exception GOV under § 740.11(b)(2) and (e).", FootnotesOf(3), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §§ 734.9(g)3, 746.8(a)(3), and 744.21(b) of the EAR.", FootnotesOf(3), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §§ 744.11 of the EAR)", FootnotesOf(), FootnotesOf(), false},
	{1, "For all items subject to the EAR. (See §§744.8(b), 744.11, 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)", FootnotesOf(3), FootnotesOf(), false},
}

func TestClassifyRealSpellings(t *testing.T) {
	for _, tt := range realSpellings {
		c := ClassifyRequirement(tt.text)
		if c.Footnotes != tt.written || c.Implied != tt.implied || c.FootnoteUnknown != tt.unknown {
			t.Errorf("%q: footnotes %q implied %q unknown %v, want %q %q %v", tt.text, c.Footnotes, c.Implied, c.FootnoteUnknown, tt.written, tt.implied, tt.unknown)
		}
	}
}

func readRealFile(t testing.TB) File {
	t.Helper()
	file, err := readRealFileIfThere()
	var notThere *os.PathError
	switch {
	case errors.As(err, &notThere):
		t.Skipf("real CSL file not available (%v); skipping", err)
	case err != nil:
		t.Fatalf("Read: %v", err)
	}
	return file
}

// readRealFileIfThere reads realPath; an *os.PathError says it is not
// there.
func readRealFileIfThere() (File, error) {
	f, err := os.Open(realPath)
	if err != nil {
		return File{}, err
	}
	defer f.Close()
	return Read(f)
}

// TestRealFile checks the 2026-07-31 BIS rows. The expected counts were
// computed with Python's json module and collections.Counter over the raw
// file ("source" per row; footnotes by the patterns described at
// realSpellings), not with this package.
func TestRealFile(t *testing.T) {
	file := readRealFile(t)
	if len(file.Rows) != 5308 || file.Total != 5308 || len(file.SourcesUsed) != 4 {
		t.Fatalf("rows %d total %d sources %d", len(file.Rows), file.Total, len(file.SourcesUsed))
	}
	s := Summarize(file.Rows)
	wantLists := map[string]int{"EL": 3420, "DPL": 1596, "UVL": 222, "MEU": 70}
	wantFN := map[string]int{"1": 156, "3": 766, "4": 95, "5": 16}
	wantImplied := map[string]int{"1": 0, "3": 5, "4": 1, "5": 0}
	for k, v := range wantLists {
		if s.Lists[k] != v {
			t.Errorf("list %s: %d rows, want %d", k, s.Lists[k], v)
		}
	}
	if len(s.Lists) != len(wantLists) {
		t.Errorf("lists %v", s.Lists)
	}
	for k, v := range wantFN {
		if s.Footnotes[k] != v {
			t.Errorf("footnote %s: %d rows, want %d", k, s.Footnotes[k], v)
		}
	}
	for k, v := range wantImplied {
		if s.ImpliedFootnotes[k] != v {
			t.Errorf("implied footnote %s: %d rows, want %d", k, s.ImpliedFootnotes[k], v)
		}
	}

	spelling := map[string]int{}
	for i, sp := range realSpellings {
		spelling[sp.text] = i
	}
	seen := map[string]int{}
	var fn2, implied3, implied4, addresses, unknownCountry int
	var footnoteUnknown []string
	for _, r := range file.Rows {
		d := r.Designation
		addresses += len(r.Addresses)
		for _, a := range r.Addresses {
			if !a.Country.IsValid() {
				unknownCountry++
			}
		}
		if d.List != EntityList && (d.Citations.Footnotes != 0 || d.Citations.Implied != 0) {
			t.Errorf("row %d (%s) is on %v but has footnotes", r.Index, r.Name, d.List)
		}
		fn2 += boolInt(d.EntityListFootnotes().Has(2))
		implied3 += boolInt(d.ImpliedFootnotes().Has(3))
		implied4 += boolInt(d.ImpliedFootnotes().Has(4))
		if d.FootnoteUnknown() {
			footnoteUnknown = append(footnoteUnknown, r.ID)
		}
		if r.LicenseRequirement == "" {
			continue
		}
		i, ok := spelling[r.LicenseRequirement]
		if !ok {
			t.Errorf("row %d: spelling not in the table: %q", r.Index, r.LicenseRequirement)
			continue
		}
		seen[r.LicenseRequirement]++
		if d.Citations.Footnotes != realSpellings[i].written {
			t.Errorf("row %d: footnotes %q, want %q", r.Index, d.Citations.Footnotes, realSpellings[i].written)
		}
		if d.Citations.FootnoteUnknown != realSpellings[i].unknown {
			t.Errorf("row %d: footnote unknown %v, want %v", r.Index, d.Citations.FootnoteUnknown, realSpellings[i].unknown)
		}
		// Footnote 1 is always glued to 734.9(e), 3 to 734.9(g), 2, 4 and 5 to "EAR".
		for _, m := range d.Citations.Marks() {
			var want string
			switch m.Footnote {
			case 1:
				want = "734.9(e)"
			case 3:
				want = "734.9(g)"
			default:
				want = "EAR"
			}
			if len(m.Text) < len(want) || m.Text[:len(want)] != want {
				t.Errorf("row %d: footnote %d spelled %q", r.Index, m.Footnote, m.Text)
			}
		}
	}
	for _, sp := range realSpellings {
		if seen[sp.text] != sp.rows {
			t.Errorf("%q: %d rows, want %d", sp.text, seen[sp.text], sp.rows)
		}
	}
	if !slices.Equal(footnoteUnknown, []string{"r04251"}) {
		t.Errorf("rows with an unknown footnote: %q, want [r04251]", footnoteUnknown)
	}
	if fn2 != 156 || implied3 != 5 || implied4 != 1 {
		t.Errorf("footnote 2 on %d rows (want 156), implied 3 on %d (want 5), implied 4 on %d (want 1)", fn2, implied3, implied4)
	}
	// Every address is kept, including the code the EAR's tables do not
	// name (NM once); VG (three times) is the British Virgin Islands, read
	// as the United Kingdom.
	if addresses != 5679 || unknownCountry != 1 {
		t.Errorf("addresses %d (want 5679), unknown countries %d (want 1)", addresses, unknownCountry)
	}
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func TestRealLookups(t *testing.T) {
	x := NewIndex(readRealFile(t).Rows)
	tests := []struct {
		name     string
		country  string
		footnote int
		wantID   string // a row that must be among the matches (found by exact name in Python)
	}{
		{"Huawei Technologies Co., Ltd.", "CN", 1, "r05206"},
		{"HUAWEI TECHNOLOGIES CO LTD", "HK", 1, "r05206"},
		{"Rostec", "RU", 3, "r03796"},
		{"Russian Technologies State Corporation", "RU", 3, ""},
		{"National University of Defense Technology", "CN", 4, "r03006"},
		{"Sugon", "CN", 4, "r05699"},
		{"Dawning Information Industry", "CN", 4, "r05699"},
		{"Semiconductor Manufacturing International Corp.", "CN", 5, "r04981"},
	}
	for _, tt := range tests {
		ms := x.Lookup(tt.name, jurisdiction.MustParseCountry(tt.country))
		if tt.wantID == "" {
			if len(ms) != 0 {
				t.Errorf("%s: %d matches, want none (exact lookup only)", tt.name, len(ms))
			}
			continue
		}
		i := slices.IndexFunc(ms, func(m Match) bool { return m.ID == tt.wantID })
		if i < 0 {
			t.Errorf("%s (%s): matches %q lack %s", tt.name, tt.country, matchIDs(ms), tt.wantID)
			continue
		}
		if m := ms[i]; !m.Designation.EntityListFootnotes().Has(tt.footnote) || m.Designation.List != EntityList {
			t.Errorf("%s: match %s %q lacks footnote %d", tt.name, m.ID, m.Name, tt.footnote)
		}
		// Every match carries its own row's designations: the SMIC
		// subsidiaries in Shenzhen and Tianjin match the SMIC name with
		// their city left out, and their entries have no footnote 5.
		d := DesignationsFromRows(SourceIndex, nil)
		d.Matches = ms
		if !d.Footnotes().Has(tt.footnote) {
			t.Errorf("%s: designations lack footnote %d", tt.name, tt.footnote)
		}
	}
	if ms := x.Lookup("Sugon", jurisdiction.MustParseCountry("DE")); len(ms) != 0 {
		t.Errorf("Sugon in DE: %q", matchIDs(ms))
	}
}

// TestRealScreeningVariants screens the names of the review that found
// false clearances: spelled-out legal forms, invisible format characters,
// letters of other scripts, and a row that cites 734.9(e) bare. The rows
// were found by name in Python over the raw file.
func TestRealScreeningVariants(t *testing.T) {
	x := NewIndex(readRealFile(t).Rows)
	tests := []struct {
		name       string
		country    string
		wantID     string // a row Lookup must find ("" when none)
		unscreened bool
		unknown    bool // Exact.FootnoteUnknown
	}{
		{"Chengdu Haiguang Integrated Circuit Joint Stock Co., Ltd.", "CN", "r03360", false, false},
		{"iFLYTEK Joint Stock Co., Ltd.", "CN", "r03410", false, false},
		{"Huawei Tech Investment Oman Limited Liability Company", "OM", "r03353", false, false},
		{"Bel Huawei Technologies Limited Liability Company", "BY", "r03382", false, false},
		{"Huawei Technologies Kazakhstan Limited Liability Company", "KZ", "r03392", false, false},
		{"Shenzhen Pengxinxu Technology Limited Liability Company", "CN", "r04936", false, false},
		{"SMIC Advanced Technology R&D (Shanghai) Limited Liability Company", "CN", "r04944", false, false},
		{"Tupolev Joint Stock Company", "RU", "r03804", false, false},
		{"Joint Stock Company Tupolev", "RU", "r03804", false, false},
		{"Spel Limited Liability Company", "RU", "r04320", false, false},
		{"IFLY\u00ADTEK", "CN", "r03410", false, false},
		{"Su\u200Bgon", "CN", "r05699", false, false},
		{"Shanghai Supercomputing Technology Co., Ltd.", "CN", "r04251", false, true},
		{"华为技术有限公司", "CN", "", true, false},
		{"ООО Спел", "RU", "", true, false},
		{"Ѕugоn", "CN", "", true, false},
	}
	for _, tt := range tests {
		s := x.Screen(Query{Name: tt.name, Country: jurisdiction.MustParseCountry(tt.country)}, DefaultMinScore)
		if got := matchIDs(s.Exact.Matches); tt.wantID != "" && !slices.Contains(got, tt.wantID) || tt.wantID == "" && len(got) != 0 {
			t.Errorf("%q: exact %q, want %q", tt.name, got, tt.wantID)
		}
		if (s.Unscreened != "") != tt.unscreened {
			t.Errorf("%q: Unscreened %q, want set %v", tt.name, s.Unscreened, tt.unscreened)
		}
		if s.Exact.FootnoteUnknown() != tt.unknown {
			t.Errorf("%q: FootnoteUnknown %v, want %v", tt.name, s.Exact.FootnoteUnknown(), tt.unknown)
		}
	}
}
