package license

import (
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// The ECCN and country lists of 15 CFR 734.4(a) and (b), 744.21(a) and
// 744.23(a), pinned by expectations typed from the regulation text (each
// block cites the text and its version), not from the data they check. The
// SME equipment of 734.4(a)(8) is pinned in deminimis_734_4_test.go.

func pinnedStrings(es []product.ECCN) []string {
	out := make([]string, len(es))
	for i, e := range es {
		out[i] = e.String()
	}
	slices.Sort(out)
	return out
}

func pinnedEqual(t *testing.T, what string, got, text []string) {
	t.Helper()
	want := slices.Sorted(slices.Values(text))
	if !slices.Equal(got, want) {
		t.Errorf("%s = %v, want %v", what, got, want)
	}
}

// TestDeMinimisECCNsPinned pins the ECCN lists of the 734.4(a)
// categories, typed from 15 CFR 734.4 as amended through 90 FR 5308
// (2025-01-16), eCFR text (MichalOpoka/ecfr commit 8b43626).
func TestDeMinimisECCNsPinned(t *testing.T) {
	// (a)(1): "a foreign-made computer with an Adjusted Peak Performance
	// (APP) exceeding that listed in ECCN 4A003.b and containing U.S.-origin
	// controlled semiconductors (other than memory circuits) classified under
	// ECCN 3A001 ...; or exceeding an APP listed in ECCN 4A994.b and containing
	// U.S.-origin controlled semiconductors (other than memory circuits)
	// classified under ECCN 3A001 or high speed interconnect devices (ECCN
	// 4A994.j) to Cuba, Iran, North Korea, and Syria." The computers are read
	// as those classified 4A003 and 4A994 (the package's reading of "APP
	// exceeding that listed in 4A003.b / 4A994.b").
	pinnedEqual(t, "(a)(1) computers over 4A003.b", pinnedStrings(hpcECCNs), []string{"4A003"})
	pinnedEqual(t, "(a)(1) computers over 4A994.b", pinnedStrings(computers4A994), []string{"4A994"})
	pinnedEqual(t, "(a)(1) semiconductors", pinnedStrings(semiconductor3A001), []string{"3A001"})
	pinnedEqual(t, "(a)(1) semiconductors or interconnects", pinnedStrings(interconnect4A994j), []string{"3A001", "4A994.j"})
	var places []string
	for _, p := range embargoed4A994.Places {
		places = append(places, p.String())
	}
	slices.Sort(places)
	if want := []string{"CU", "IR", "KP", "SY"}; !slices.Equal(places, want) || len(embargoed4A994.Groups) != 0 || embargoed4A994.Anywhere {
		t.Errorf("(a)(1) \"Cuba, Iran, North Korea, and Syria\" = %s, want %v", embargoed4A994, want)
	}

	// (a)(2): "encryption technology controlled by ECCN 5E002".
	pinnedEqual(t, "(a)(2)", pinnedStrings(encryptionTech5E002), []string{"5E002"})

	// (a)(3): "equipment meeting the parameters in ECCN 3B993.f.1"; footnote
	// 1: "The Government of Japan added ... on July 23, 2023. The Government
	// of the Kingdom of the Netherlands added this equipment ... on September
	// 9, 2024."
	pinnedEqual(t, "(a)(3)", pinnedStrings(lithography3B993f1), []string{"3B993.f.1"})
	var fn1 []string
	for _, p := range dmFirstExportControls {
		fn1 = append(fn1, p.String()+" "+p.From.String())
	}
	slices.Sort(fn1)
	if want := []string{"JP 2023-07-23", "NL 2024-09-09"}; !slices.Equal(fn1, want) {
		t.Errorf("(a)(3) footnote 1 = %v, want %v", fn1, want)
	}

	// (a)(4): "U.S.-origin technology controlled by ECCN 9E003.a.1 through
	// a.6, a.8, .h, .i, and .l".
	pinnedEqual(t, "(a)(4)", pinnedStrings(hotSectionECCNs), []string{
		"9E003.a.1", "9E003.a.2", "9E003.a.3", "9E003.a.4", "9E003.a.5", "9E003.a.6", "9E003.a.8",
		"9E003.h", "9E003.i", "9E003.l"})

	// (a)(5): "foreign-made “military commodities” incorporating one or
	// more of the commodities described in ECCN 0A919.a.1 when destined for
	// a country listed in Country Group D:5". The military commodities are
	// read as items classified 0A919 (or in the 600 series, tested apart).
	// ECCN 0A919.a.1 (CCL, Supp. No. 1 to part 774): "Incorporate more than a
	// de minimis amount of U.S.-origin controlled content classified under
	// ECCNs 6A002, 6A003, or 6A993.a" (read in a secondary copy of the CCL
	// entry; the project's CCL extract of 2026-07-23 has the heading only).
	pinnedEqual(t, "(a)(5) military commodities", pinnedStrings(military0A919), []string{"0A919"})
	pinnedEqual(t, "(a)(5) 0A919.a.1 content", pinnedStrings(cameraECCNs), []string{"6A002", "6A003", "6A993.a"})
}

// TestDeMinimisPlacesPinned pins the destinations each 734.4(a) category
// names (text of 2025-01-16): (a)(5) and (a)(6)(i) "a country listed in
// Country Group D:5"; (a)(6)(ii) "Country Group E:1 or E:2 ... or for
// Belarus, the People's Republic of China (PRC), or Russia"; (a)(8)
// "Macau or a destination specified in Country Group D:5". The others are
// decided in their tests ((a)(1): "Computer Tier 3 destinations", read as
// every destination; (a)(9): a Footnote 5 entity or a facility in Macau or
// D:5) and name no destinations here.
func TestDeMinimisPlacesPinned(t *testing.T) {
	want := map[string]string{
		"15 CFR 734.4(a)(1)":     "",
		"15 CFR 734.4(a)(2)":     "",
		"15 CFR 734.4(a)(3)":     "",
		"15 CFR 734.4(a)(4)":     "",
		"15 CFR 734.4(a)(5)":     "D:5",
		"15 CFR 734.4(a)(6)(i)":  "D:5",
		"15 CFR 734.4(a)(6)(ii)": "BY CN RU E:1 E:2",
		"15 CFR 734.4(a)(8)":     "MO D:5",
		"15 CFR 734.4(a)(9)":     "",
	}
	for _, c := range deMinimisCategories {
		w, ok := want[c.citation]
		if !ok {
			t.Errorf("unexpected category %s", c.citation)
			continue
		}
		if got := pinnedPlaces(c.where); got != w {
			t.Errorf("%s destinations %q, want %q", c.citation, got, w)
		}
	}
	if got := pinnedPlaces(dmMacauOrD5); got != "MO D:5" {
		t.Errorf("734.4(a)(8)/(a)(9) \"Macau or ... Country Group D:5\" = %q", got)
	}
}

func pinnedPlaces(w fdp.Places) string {
	if w.Anywhere {
		return "anywhere"
	}
	var ps, gs []string
	for _, p := range w.Places {
		ps = append(ps, p.String())
	}
	for _, g := range w.Groups {
		gs = append(gs, g.String())
	}
	slices.Sort(ps)
	slices.Sort(gs)
	s := strings.Join(append(ps, gs...), " ")
	if len(w.ExceptGroups) > 0 || len(w.Except) > 0 {
		s += " (with exceptions)"
	}
	return s
}

// TestEncryptionECCNsPinned pins the Category 5 Part 2 items of 734.4(b)(1)
// (text of 2025-01-16): "if controlled under ECCN 5A002, ECCN 5B002,
// equivalent or related software therefor classified under ECCN 5D002, and
// “cryptanalytic items” or digital forensics items (investigative tools)
// classified under ECCN 5A004 or 5D002". Every ECCN of the text must be
// in, and nothing outside it.
func TestEncryptionECCNsPinned(t *testing.T) {
	got := pinnedStrings(encryptionECCNs)
	for _, want := range []string{"5A002", "5B002", "5A004", "5D002"} {
		if !slices.Contains(got, want) {
			t.Errorf("734.4(b)(1): %s missing from %v", want, got)
		}
	}
	for _, g := range got {
		if !slices.Contains([]string{"5A002", "5B002", "5A004", "5D002"}, g) {
			t.Errorf("734.4(b)(1): %s is not in the text's list", g)
		}
	}
}

// TestSupercomputer744_23Pinned pins 744.23(a)(1) as amended through 89 FR
// 23886 (2024-04-04), eCFR text (MichalOpoka/ecfr commit 2c9f73e): "(i)
// Item scope. (A) An integrated circuit (IC) subject to the EAR and
// specified in ECCN 3A001, 3A991, 4A994, 5A002, 5A004, or 5A992; or (B) A
// computer, “electronic assembly,” or “component” subject to the EAR and
// specified in ECCN 4A003, 4A004, 4A994, 5A002, 5A004, or 5A992. (ii) ...
// a “supercomputer” located in or destined to Macau or a destination
// specified in Country Group D:5".
func TestSupercomputer744_23Pinned(t *testing.T) {
	pinnedEqual(t, "744.23(a)(1)(i)(A) ICs", pinnedStrings(supercomputerICs744_23),
		[]string{"3A001", "3A991", "4A994", "5A002", "5A004", "5A992"})
	pinnedEqual(t, "744.23(a)(1)(i)(B) computers, assemblies, components", pinnedStrings(supercomputerParts744_23),
		[]string{"4A003", "4A004", "4A994", "5A002", "5A004", "5A992"})
	if got := pinnedPlaces(macauOrD5); got != "MO D:5" {
		t.Errorf("744.23(a)(1)(ii) \"Macau or a destination specified in Country Group D:5\" = %q", got)
	}
}

// TestMilitaryEndUse744_21Pinned pins the countries of 744.21(a) on the
// dates of the texts read, over every destination:
//
//   - 85 FR 83797 (2020-12-23), eCFR text (MichalOpoka/ecfr commit
//     08832f84; the same list as the 85 FR 23463 text, commit b946a64):
//     China, Russia, Venezuela, the items of Supp. No. 2 to part 744 only.
//   - 87 FR 13059 (2022-03-08), eCFR text (commit 0d851c3): "any item
//     subject to the EAR listed in supplement no. 2 to this part to Burma,
//     Cambodia, the People's Republic of China (China), or Venezuela, or any
//     item “subject to the EAR,” ... in Belarus, Burma, Cambodia, China, the
//     Russian Federation, or Venezuela": any item for Belarus and Russia.
//   - 89 FR 18780 (FR Doc. 2024-05696, effective 2024-03-15) adds Nicaragua
//     (FR text via a secondary copy; which items it reaches for Nicaragua
//     was not read, so it is not pinned).
func TestMilitaryEndUse744_21Pinned(t *testing.T) {
	for _, tc := range []struct {
		asOf    string
		listed  []string
		anyItem []string // of listed, those reached for any item; NI not checked
	}{
		{"2020-12-23", []string{"CN", "RU", "VE"}, nil},
		// Burma from 86 FR 13173 (effective 2021-03-08), Cambodia from 86
		// FR 70015 (effective 2021-12-09).
		{"2021-03-07", []string{"CN", "RU", "VE"}, nil},
		{"2021-03-08", []string{"CN", "MM", "RU", "VE"}, nil},
		{"2021-12-08", []string{"CN", "MM", "RU", "VE"}, nil},
		{"2021-12-09", []string{"CN", "KH", "MM", "RU", "VE"}, nil},
		{"2022-03-08", []string{"BY", "CN", "KH", "MM", "RU", "VE"}, []string{"BY", "RU"}},
		{"2024-03-14", []string{"BY", "CN", "KH", "MM", "RU", "VE"}, []string{"BY", "RU"}},
		{"2024-03-15", []string{"BY", "CN", "KH", "MM", "NI", "RU", "VE"}, []string{"BY", "RU"}},
	} {
		asOf := jurisdiction.MustParseDate(tc.asOf)
		var listed, anyItem []string
		for _, c := range jurisdiction.Countries() {
			if c == jurisdiction.HongKong {
				continue // callers read Hong Kong as China (TablesAs) first
			}
			in, all := militaryEndUseReach(c, asOf)
			if in {
				listed = append(listed, c.String())
			}
			if in && all && c.String() != "NI" {
				anyItem = append(anyItem, c.String())
			}
		}
		if !slices.Equal(listed, tc.listed) {
			t.Errorf("744.21(a) on %s: countries %v, want %v", tc.asOf, listed, tc.listed)
		}
		if !slices.Equal(anyItem, tc.anyItem) {
			t.Errorf("744.21(a) on %s: any item for %v, want %v", tc.asOf, anyItem, tc.anyItem)
		}
		if in, _ := militaryEndUseReach(jurisdiction.HongKong.TablesAs(), asOf); !in {
			t.Errorf("744.21(a) on %s: Hong Kong, read as China, not listed", tc.asOf)
		}
	}
}
