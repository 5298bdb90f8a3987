package jurisdiction_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

// The country groups pinned by expectations typed from the regulation, not
// read from the files the tables are generated from (data/*.csv): a
// destination dropped from or added to data/country_groups.csv or
// data/group_changes.csv and regenerated must fail here.
//
// Source of the current lists: 15 CFR part 740, Supplement No. 1 (Country
// Groups), eCFR Title 15 as of 2026-09-24. The lists are ISO 3166 codes,
// sorted; XK is Kosovo. Earlier lists undo the Federal Register changes
// effective after the date asked:
//
//   - 89 FR 18780 (FR Doc. 2024-05696), effective 2024-03-15: Nicaragua out
//     of B, into D:1 and D:5.
//   - 89 FR 40369 (FR Doc. 2024-10280), effective 2024-05-30: Cyprus out of
//     D:5.
//   - BIS final rule "Conforming Change for Cambodia" (RIN 0694-AK41),
//     effective 2026-02-03: Cambodia out of D:5 (stays in D:1).
//   - 91 FR 43034 (FR Doc. 2026-14132), effective 2026-07-10: the United
//     Arab Emirates into A:5, out of D:3 and D:4.
//
// Hong Kong has no entry of its own since 2020-12-23 (85 FR 83765): it
// takes China's groups. Liechtenstein is not named in the supplement and has
// no group.

// pinnedGroups2026 is Supplement No. 1 to part 740 as of eCFR 2026-09-24,
// which is also the membership on 2026-11-28 (no later change known).
var pinnedGroups2026 = map[string][]string{
	// A:1 Wassenaar Arrangement Participating States.
	"A:1": {"AR", "AT", "AU", "BE", "BG", "CA", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE", "IN",
		"IS", "IT", "JP", "KR", "LT", "LU", "LV", "MX", "NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SI", "SK", "TR", "US", "ZA"},
	// A:2 Missile Technology Control Regime.
	"A:2": {"AR", "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CZ", "DE", "DK", "ES", "FI", "FR", "GB", "GR", "HU", "IE", "IN", "IS",
		"IT", "JP", "KR", "LU", "NL", "NO", "NZ", "PL", "PT", "SE", "TR", "UA", "US", "ZA"},
	// A:3 Australia Group.
	"A:3": {"AR", "AT", "AU", "BE", "BG", "CA", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE",
		"IN", "IS", "IT", "JP", "KR", "LT", "LU", "LV", "MT", "MX", "NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SI", "SK", "TR", "UA", "US"},
	// A:4 Nuclear Suppliers Group.
	"A:4": {"AR", "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU",
		"IE", "IS", "IT", "JP", "KR", "KZ", "LT", "LU", "LV", "MT", "MX", "NL", "NO", "NZ", "PL", "PT", "RO", "RS", "SE", "SI", "SK",
		"TR", "UA", "US", "ZA"},
	// A:5 (with AE from 2026-07-10, 91 FR 43034).
	"A:5": {"AE", "AR", "AT", "AU", "BE", "BG", "CA", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE",
		"IN", "IS", "IT", "JP", "KR", "LT", "LU", "LV", "NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SI", "SK", "TR"},
	// A:6.
	"A:6": {"AL", "CY", "IL", "MT", "MX", "SG", "TW", "ZA"},
	// B (without NI from 2024-03-15, 89 FR 18780).
	"B": {"AD", "AE", "AF", "AG", "AL", "AO", "AR", "AT", "AU", "AW", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN",
		"BO", "BR", "BS", "BT", "BW", "BZ", "CA", "CD", "CF", "CG", "CH", "CI", "CL", "CM", "CO", "CR", "CV", "CW", "CY", "CZ",
		"DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA", "GB", "GD",
		"GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IS", "IT", "JM", "JO",
		"JP", "KE", "KI", "KM", "KN", "KR", "KW", "LB", "LC", "LK", "LR", "LS", "LT", "LU", "LV", "MA", "MC", "ME", "MG", "MH",
		"MK", "ML", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NL", "NO", "NP", "NR", "NZ", "OM", "PA",
		"PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI", "SK",
		"SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SZ", "TD", "TG", "TH", "TL", "TN", "TO", "TR", "TT", "TV", "TW",
		"TZ", "UA", "UG", "US", "UY", "VA", "VC", "VU", "WS", "XK", "ZA", "ZM", "ZW"},
	// D:1 National security (with NI from 2024-03-15, 89 FR 18780).
	"D:1": {"AM", "AZ", "BY", "CN", "GE", "IQ", "KG", "KH", "KP", "KZ", "LA", "LY", "MD", "MM", "MN", "MO", "NI", "RU", "TJ", "TM",
		"UZ", "VE", "VN", "YE"},
	// D:2 Nuclear.
	"D:2": {"BY", "CU", "IL", "IQ", "IR", "KP", "LY", "PK", "RU", "VE"},
	// D:3 Chemical & biological (without AE from 2026-07-10, 91 FR 43034).
	"D:3": {"AF", "AM", "AZ", "BH", "BY", "CN", "CU", "EG", "GE", "IL", "IQ", "IR", "JO", "KG", "KP", "KW", "KZ", "LB", "LY", "MD",
		"MM", "MN", "MO", "OM", "PK", "QA", "RU", "SA", "SY", "TJ", "TM", "TW", "UZ", "VE", "VN", "YE"},
	// D:4 Missile technology (without AE from 2026-07-10, 91 FR 43034).
	"D:4": {"BH", "BY", "CN", "EG", "IL", "IQ", "IR", "JO", "KP", "KW", "LB", "LY", "MO", "OM", "PK", "QA", "RU", "SA", "SY", "VE", "YE"},
	// D:5 U.S. arms embargoed countries (with NI from 2024-03-15; without
	// CY from 2024-05-30 and KH from 2026-02-03).
	"D:5": {"AF", "BY", "CD", "CF", "CN", "CU", "ER", "HT", "IQ", "IR", "KP", "LB", "LY", "MM", "NI", "RU", "SD", "SO", "SS", "SY",
		"VE", "ZW"},
	// E:1 Terrorist supporting countries.
	"E:1": {"IR", "KP", "SY"},
	// E:2 Unilateral embargo.
	"E:2": {"CU"},
}

// pinnedGroups2025 is the membership on 2025-06-01 where it differs from
// 2026: after 89 FR 18780 (Nicaragua) and 89 FR 40369 (Cyprus), before the
// Cambodia rule of 2026-02-03 and 91 FR 43034 (UAE) of 2026-07-10. Groups
// not listed here are as in pinnedGroups2026.
var pinnedGroups2025 = map[string][]string{
	// A:5 without AE (added 2026-07-10).
	"A:5": {"AR", "AT", "AU", "BE", "BG", "CA", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE",
		"IN", "IS", "IT", "JP", "KR", "LT", "LU", "LV", "NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SI", "SK", "TR"},
	// D:3 with AE (removed 2026-07-10).
	"D:3": {"AE", "AF", "AM", "AZ", "BH", "BY", "CN", "CU", "EG", "GE", "IL", "IQ", "IR", "JO", "KG", "KP", "KW", "KZ", "LB", "LY",
		"MD", "MM", "MN", "MO", "OM", "PK", "QA", "RU", "SA", "SY", "TJ", "TM", "TW", "UZ", "VE", "VN", "YE"},
	// D:4 with AE (removed 2026-07-10).
	"D:4": {"AE", "BH", "BY", "CN", "EG", "IL", "IQ", "IR", "JO", "KP", "KW", "LB", "LY", "MO", "OM", "PK", "QA", "RU", "SA", "SY",
		"VE", "YE"},
	// D:5 with KH (removed 2026-02-03); NI in (2024-03-15), CY out (2024-05-30).
	"D:5": {"AF", "BY", "CD", "CF", "CN", "CU", "ER", "HT", "IQ", "IR", "KH", "KP", "LB", "LY", "MM", "NI", "RU", "SD", "SO", "SS",
		"SY", "VE", "ZW"},
}

// pinnedGroups2024 is the membership on 2024-01-01 (the history floor)
// where it differs from 2026: before every change listed above. Groups not
// listed here are as in pinnedGroups2026.
var pinnedGroups2024 = map[string][]string{
	// A:5 without AE.
	"A:5": {"AR", "AT", "AU", "BE", "BG", "CA", "CH", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GB", "GR", "HR", "HU", "IE",
		"IN", "IS", "IT", "JP", "KR", "LT", "LU", "LV", "NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SI", "SK", "TR"},
	// B with NI (removed 2024-03-15).
	"B": {"AD", "AE", "AF", "AG", "AL", "AO", "AR", "AT", "AU", "AW", "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BN",
		"BO", "BR", "BS", "BT", "BW", "BZ", "CA", "CD", "CF", "CG", "CH", "CI", "CL", "CM", "CO", "CR", "CV", "CW", "CY", "CZ",
		"DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FM", "FR", "GA", "GB", "GD",
		"GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IN", "IS", "IT", "JM", "JO",
		"JP", "KE", "KI", "KM", "KN", "KR", "KW", "LB", "LC", "LK", "LR", "LS", "LT", "LU", "LV", "MA", "MC", "ME", "MG", "MH",
		"MK", "ML", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM",
		"PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RW", "SA", "SB", "SC", "SD", "SE", "SG", "SI",
		"SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SZ", "TD", "TG", "TH", "TL", "TN", "TO", "TR", "TT", "TV",
		"TW", "TZ", "UA", "UG", "US", "UY", "VA", "VC", "VU", "WS", "XK", "ZA", "ZM", "ZW"},
	// D:1 without NI (added 2024-03-15).
	"D:1": {"AM", "AZ", "BY", "CN", "GE", "IQ", "KG", "KH", "KP", "KZ", "LA", "LY", "MD", "MM", "MN", "MO", "RU", "TJ", "TM",
		"UZ", "VE", "VN", "YE"},
	// D:3 with AE.
	"D:3": {"AE", "AF", "AM", "AZ", "BH", "BY", "CN", "CU", "EG", "GE", "IL", "IQ", "IR", "JO", "KG", "KP", "KW", "KZ", "LB", "LY",
		"MD", "MM", "MN", "MO", "OM", "PK", "QA", "RU", "SA", "SY", "TJ", "TM", "TW", "UZ", "VE", "VN", "YE"},
	// D:4 with AE.
	"D:4": {"AE", "BH", "BY", "CN", "EG", "IL", "IQ", "IR", "JO", "KP", "KW", "LB", "LY", "MO", "OM", "PK", "QA", "RU", "SA", "SY",
		"VE", "YE"},
	// D:5 with CY and KH, without NI.
	"D:5": {"AF", "BY", "CD", "CF", "CN", "CU", "CY", "ER", "HT", "IQ", "IR", "KH", "KP", "LB", "LY", "MM", "RU", "SD", "SO", "SS",
		"SY", "VE", "ZW"},
}

// pinnedGroupOrder is every group of Supplement No. 1 to part 740.
var pinnedGroupOrder = []string{"A:1", "A:2", "A:3", "A:4", "A:5", "A:6", "B", "D:1", "D:2", "D:3", "D:4", "D:5", "E:1", "E:2"}

// TestCountryGroupsPinned checks, for every group and every destination the
// package knows, that GroupsOf and InGroup answer exactly the typed lists
// on 2024-01-01, 2025-06-01, 2026-09-24 (the eCFR issue) and 2026-11-28.
func TestCountryGroupsPinned(t *testing.T) {
	for _, tc := range []struct {
		asOf     string
		override map[string][]string
	}{
		{"2024-01-01", pinnedGroups2024},
		{"2025-06-01", pinnedGroups2025},
		{"2026-09-24", nil},
		{"2026-11-28", nil},
	} {
		asOf := jurisdiction.MustParseDate(tc.asOf)
		for _, name := range pinnedGroupOrder {
			want := pinnedGroups2026[name]
			if o, ok := tc.override[name]; ok {
				want = o
			}
			if !slices.IsSorted(want) {
				t.Fatalf("%s list for %s is not sorted (typing slip)", name, tc.asOf)
			}
			g := jurisdiction.MustParseGroup(name)
			var got []string
			for _, c := range jurisdiction.Countries() {
				if c.TablesAs() != c {
					continue // Hong Kong and the dependent territories read as another destination: checked below
				}
				in, err := jurisdiction.InGroup(c, g, asOf)
				if err != nil {
					t.Fatalf("InGroup(%s, %s, %s): %v", c, name, tc.asOf, err)
				}
				gs, err := jurisdiction.GroupsOf(c, asOf)
				if err != nil {
					t.Fatalf("GroupsOf(%s, %s): %v", c, tc.asOf, err)
				}
				if gs.Has(g) != in {
					t.Errorf("%s on %s: GroupsOf has %s = %v, InGroup = %v", c, tc.asOf, name, gs.Has(g), in)
				}
				if in {
					got = append(got, c.String())
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("Country Group %s on %s (Supp. No. 1 to part 740, eCFR 2026-09-24, with the dated FR changes):\n got %s\nwant %s\n missing %v, extra %v",
					name, tc.asOf, strings.Join(got, " "), strings.Join(want, " "), pinnedMinus(want, got), pinnedMinus(got, want))
			}
			// Hong Kong takes China's entries (85 FR 83765, 2020-12-23).
			hk, err := jurisdiction.InGroup(jurisdiction.HongKong, g, asOf)
			if err != nil {
				t.Fatal(err)
			}
			if wantHK := slices.Contains(want, "CN"); hk != wantHK {
				t.Errorf("Hong Kong in %s on %s = %v, want %v (China's)", name, tc.asOf, hk, wantHK)
			}
		}
	}
}

// TestCountryGroupsPinnedDestinations pins the destinations the supplement
// names (200 rows of Supplement No. 1 to part 740, eCFR 2026-09-24) and
// the two the package adds: Hong Kong (no entry, read as China) and
// Liechtenstein (Commerce Country Chart only, no group).
func TestCountryGroupsPinnedDestinations(t *testing.T) {
	named := []string{"AD", "AE", "AF", "AG", "AL", "AM", "AO", "AR", "AT", "AU", "AW", "AZ", "BA", "BB", "BD", "BE", "BF", "BG",
		"BH", "BI", "BJ", "BN", "BO", "BR", "BS", "BT", "BW", "BY", "BZ", "CA", "CD", "CF", "CG", "CH", "CI", "CL", "CM", "CN",
		"CO", "CR", "CU", "CV", "CW", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE", "EG", "EH", "ER", "ES", "ET",
		"FI", "FJ", "FM", "FR", "GA", "GB", "GD", "GE", "GH", "GM", "GN", "GQ", "GR", "GT", "GW", "GY", "HN", "HR", "HT", "HU",
		"ID", "IE", "IL", "IN", "IQ", "IR", "IS", "IT", "JM", "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW",
		"KZ", "LA", "LB", "LC", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MG", "MH", "MK", "ML", "MM",
		"MN", "MO", "MR", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA", "NE", "NG", "NI", "NL", "NO", "NP", "NR", "NZ", "OM",
		"PA", "PE", "PG", "PH", "PK", "PL", "PT", "PW", "PY", "QA", "RO", "RS", "RU", "RW", "SA", "SB", "SC", "SD", "SE", "SG",
		"SI", "SK", "SL", "SM", "SN", "SO", "SR", "SS", "ST", "SV", "SX", "SY", "SZ", "TD", "TG", "TH", "TJ", "TL", "TM", "TN",
		"TO", "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "US", "UY", "UZ", "VA", "VC", "VE", "VN", "VU", "WS", "XK", "YE", "ZA",
		"ZM", "ZW"}
	if len(named) != 200 {
		t.Fatalf("typed %d destinations, want 200", len(named))
	}
	var got []string
	for _, c := range jurisdiction.Countries() {
		if _, ok := c.GroupsName(); ok {
			got = append(got, c.String())
		}
	}
	if !slices.Equal(got, named) {
		t.Errorf("destinations named in Supp. No. 1 to part 740: missing %v, extra %v", pinnedMinus(named, got), pinnedMinus(got, named))
	}
	var all []string
	for _, c := range jurisdiction.Countries() {
		all = append(all, c.String())
	}
	// The dependent territories without a row of their own, read as their
	// parent country (BIS, 2011-09-06; data/destinations_extra.csv).
	territories := []string{"AI", "AX", "BL", "BM", "BQ", "BV", "CC", "CX", "FK", "FO", "GF", "GG", "GI", "GL", "GP", "GS", "HM", "IM", "IO",
		"JE", "KY", "MF", "MQ", "MS", "NC", "NF", "PF", "PM", "PN", "RE", "SH", "SJ", "TC", "TF", "TK", "VG", "WF", "YT"}
	if want := slices.Sorted(slices.Values(append(append(slices.Clone(named), "HK", "LI"), territories...))); !slices.Equal(all, want) {
		t.Errorf("Countries(): missing %v, extra %v", pinnedMinus(want, all), pinnedMinus(all, want))
	}
	gs, err := jurisdiction.GroupsOf(jurisdiction.Liechtenstein, jurisdiction.MustParseDate("2026-11-28"))
	if err != nil || gs.Len() != 0 {
		t.Errorf("Liechtenstein groups = %v, %v; want none (not named in the supplement)", gs, err)
	}
}

// TestCountryGroupChangesPinned pins the dated changes themselves, typed
// from the Federal Register rules cited above: each destination's groups
// the day before and on the effective date.
func TestCountryGroupChangesPinned(t *testing.T) {
	for _, tc := range []struct {
		country, day, before, on, cite string
	}{
		{"NI", "2024-03-15", "B", "D:1 D:5", "89 FR 18780"},
		{"CY", "2024-05-30", "A:3 A:4 A:6 B D:5", "A:3 A:4 A:6 B", "89 FR 40369"},
		{"KH", "2026-02-03", "D:1 D:5", "D:1", "Cambodia conforming change, RIN 0694-AK41"},
		{"AE", "2026-07-10", "B D:3 D:4", "A:5 B", "91 FR 43034"},
	} {
		c := jurisdiction.MustParseCountry(tc.country)
		day := jurisdiction.MustParseDate(tc.day)
		for _, x := range []struct {
			d    jurisdiction.Date
			want string
		}{{day.AddDays(-1), tc.before}, {day, tc.on}} {
			gs, err := jurisdiction.GroupsOf(c, x.d)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, g := range gs.Groups() {
				names = append(names, g.String())
			}
			if got := strings.Join(names, " "); got != x.want {
				t.Errorf("%s on %s = %q, want %q (%s)", tc.country, x.d, got, x.want, tc.cite)
			}
		}
	}
}

// pinnedMinus returns the elements of a not in b.
func pinnedMinus(a, b []string) []string {
	var out []string
	for _, s := range a {
		if !slices.Contains(b, s) {
			out = append(out, s)
		}
	}
	return out
}
