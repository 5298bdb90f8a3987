package jurisdiction_test

import (
	"errors"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

var d = jurisdiction.MustParseDate

func TestGroupsOfAsOf(t *testing.T) {
	tests := []struct {
		name    string
		give    jurisdiction.Country
		asOf    string
		want    string
		wantErr bool
	}{
		// Nicaragua: B -> D:1, + D:5 effective 2024-03-15 (89 FR 18780).
		{"Nicaragua before", jurisdiction.Nicaragua, "2024-03-14", "B", false},
		{"Nicaragua on the day", jurisdiction.Nicaragua, "2024-03-15", "D:1 D:5", false},
		{"Nicaragua today", jurisdiction.Nicaragua, "2026-11-28", "D:1 D:5", false},
		{"Nicaragua at floor", jurisdiction.Nicaragua, "2024-01-01", "B", false},
		// Cyprus: out of D:5 effective 2024-05-30 (89 FR 40369).
		{"Cyprus before", jurisdiction.Cyprus, "2024-05-29", "A:3 A:4 A:6 B D:5", false},
		{"Cyprus after", jurisdiction.Cyprus, "2024-05-30", "A:3 A:4 A:6 B", false},
		// Cambodia: out of D:5 effective 2026-02-03; kept in D:5 after
		// State's 2025-11-07 delisting (conservative reading).
		{"Cambodia after State delisting", jurisdiction.Cambodia, "2025-11-07", "D:1 D:5", false},
		{"Cambodia day before", jurisdiction.Cambodia, "2026-02-02", "D:1 D:5", false},
		{"Cambodia on the day", jurisdiction.Cambodia, "2026-02-03", "D:1", false},
		// UAE: into A:5, out of D:3 and D:4 effective 2026-07-10 (91 FR 43034).
		{"UAE day before", jurisdiction.UnitedArabEmirates, "2026-07-09", "B D:3 D:4", false},
		{"UAE on the day", jurisdiction.UnitedArabEmirates, "2026-07-10", "A:5 B", false},
		{"UAE at tables date", jurisdiction.UnitedArabEmirates, "2026-09-24", "A:5 B", false},
		// Unchanged destinations.
		{"China", jurisdiction.China, "2024-06-01", "D:1 D:3 D:4 D:5", false},
		{"Macau not D:5", jurisdiction.Macau, "2026-09-24", "D:1 D:3 D:4", false},
		{"Hong Kong reads as China", jurisdiction.HongKong, "2026-09-24", "D:1 D:3 D:4 D:5", false},
		{"Cuba E:2 not E:1", jurisdiction.Cuba, "2026-09-24", "D:2 D:3 D:5 E:2", false},
		{"Syria still E:1", jurisdiction.Syria, "2026-09-24", "D:3 D:4 D:5 E:1", false},
		{"United States", jurisdiction.UnitedStates, "2026-09-24", "A:1 A:2 A:3 A:4 B", false},
		{"Liechtenstein named in no group", jurisdiction.Liechtenstein, "2026-09-24", "", false},
		{"Taiwan", jurisdiction.Taiwan, "2026-09-24", "A:6 B D:3", false},
		// Refused dates.
		// 2020 to 2023 (group_changes.csv).
		{"Nicaragua before 2024-03-15", jurisdiction.Nicaragua, "2023-12-31", "B", false},
		{"Yemen before 2020-02-24", jurisdiction.MustParseCountry("YE"), "2020-02-23", "B D:3 D:4", false},
		{"Yemen from 2020-02-24", jurisdiction.MustParseCountry("YE"), "2020-02-24", "D:1 D:3 D:4", false},
		{"Sudan in E:1 until 2021-01-13", jurisdiction.MustParseCountry("SD"), "2021-01-13", "D:5 E:1", false},
		{"Sudan in B from 2021-01-14", jurisdiction.MustParseCountry("SD"), "2021-01-14", "B D:5", false},
		{"Cambodia in D:5 from 2021-12-09", jurisdiction.MustParseCountry("KH"), "2021-12-09", "D:1 D:5", false},
		{"Cambodia not in D:5 before", jurisdiction.MustParseCountry("KH"), "2021-12-08", "D:1", false},
		{"Ukraine in D:1 until 2020-12-27", jurisdiction.Ukraine, "2020-12-27", "A:2 A:3 A:4 D:1", false},
		{"Russia before 2024 (D:5 entry not known)", jurisdiction.Russia, "2023-06-01", "", true},
		{"Belarus before 2022-03-02 (D:4 not known)", jurisdiction.Belarus, "2022-03-01", "", true},
		{"before the floor", jurisdiction.Nicaragua, "2019-12-31", "", true},
		{"Hong Kong 2020", jurisdiction.HongKong, "2020-06-01", "", true},
		{"zero country", jurisdiction.Country{}, "2026-09-24", "", true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := jurisdiction.GroupsOf(tt.give, d(tt.asOf))
			if (err != nil) != tt.wantErr {
				t.Fatalf("GroupsOf(%v, %s) error = %v, wantErr %v", tt.give, tt.asOf, err, tt.wantErr)
			}
			if got.String() != tt.want {
				t.Errorf("GroupsOf(%v, %s) = %q, want %q", tt.give, tt.asOf, got, tt.want)
			}
		})
	}
}

func TestGroupsOfErrors(t *testing.T) {
	_, err := jurisdiction.GroupsOf(jurisdiction.China, d("2019-12-31"))
	var dr *jurisdiction.DateRangeError
	if !errors.As(err, &dr) || dr.Floor != jurisdiction.GroupHistoryFloor() || dr.Table != "country groups" {
		t.Fatalf("want *DateRangeError with the floor, got %v", err)
	}
	if _, err := jurisdiction.GroupsOf(jurisdiction.Russia, d("2023-12-31")); !errors.As(err, &dr) || dr.Floor.String() != "2024-01-01" {
		t.Errorf("Russia before its D:5 entry is known: want a *DateRangeError with floor 2024-01-01, got %v", err)
	}
	if _, err := jurisdiction.GroupsOf(jurisdiction.China, jurisdiction.Date{}); !errors.As(err, &dr) {
		t.Errorf("zero date: %v", err)
	}
	var ce *jurisdiction.CountryError
	if _, err := jurisdiction.GroupsOf(jurisdiction.Country{}, d("2025-01-01")); !errors.As(err, &ce) || ce.Kind != jurisdiction.CountryZero {
		t.Errorf("zero country: %v", err)
	}
	if _, err := jurisdiction.InGroup(jurisdiction.China, 0, d("2025-01-01")); err == nil {
		t.Error("InGroup with invalid group must fail")
	}
	if in, err := jurisdiction.InGroup(jurisdiction.Nicaragua, jurisdiction.GroupD5, d("2024-03-15")); err != nil || !in {
		t.Errorf("InGroup(NI, D:5, 2024-03-15) = %v, %v", in, err)
	}
	if in, err := jurisdiction.InGroup(jurisdiction.Nicaragua, jurisdiction.GroupD5, d("2024-03-14")); err != nil || in {
		t.Errorf("InGroup(NI, D:5, 2024-03-14) = %v, %v", in, err)
	}
}

// TestD5Count checks the size of the groups the fact sheet counts.
func TestGroupCounts(t *testing.T) {
	count := func(g jurisdiction.Group, asOf string) int {
		n := 0
		for _, c := range jurisdiction.Countries() {
			if c.TablesAs() != c {
				continue // Hong Kong and the dependent territories read as another entry
			}
			if in, err := jurisdiction.InGroup(c, g, d(asOf)); err != nil {
				t.Fatal(err)
			} else if in {
				n++
			}
		}
		return n
	}
	tests := []struct {
		g    jurisdiction.Group
		asOf string
		want int
	}{
		{jurisdiction.GroupA5, "2026-09-24", 38},
		{jurisdiction.GroupA5, "2026-07-09", 37},
		{jurisdiction.GroupA6, "2026-09-24", 8},
		{jurisdiction.GroupD5, "2026-09-24", 22},
		{jurisdiction.GroupD5, "2026-02-02", 23},
		{jurisdiction.GroupD5, "2024-03-14", 23}, // Cyprus in, Nicaragua out, Cambodia in
		{jurisdiction.GroupE1, "2026-09-24", 3},
		{jurisdiction.GroupE2, "2026-09-24", 1},
	}
	for _, tt := range tests {
		if got := count(tt.g, tt.asOf); got != tt.want {
			t.Errorf("%v on %s has %d members, want %d", tt.g, tt.asOf, got, tt.want)
		}
	}
}

func TestGroupSet(t *testing.T) {
	s := jurisdiction.GroupSetOf(jurisdiction.GroupD5, jurisdiction.GroupD1, 0, 99)
	if s.String() != "D:1 D:5" || s.Len() != 2 || !s.Has(jurisdiction.GroupD1) || s.Has(jurisdiction.GroupB) || s.Has(0) {
		t.Fatalf("GroupSet %q", s)
	}
	if s.Without(jurisdiction.GroupD1).String() != "D:5" || s.With(jurisdiction.GroupE2).String() != "D:1 D:5 E:2" {
		t.Error("With/Without")
	}
	var u jurisdiction.GroupSet
	if err := u.UnmarshalText([]byte("D:5  d:1")); err != nil || u != s {
		t.Errorf("UnmarshalText = %q, %v", u, err)
	}
	if err := u.UnmarshalText([]byte("D:6")); err == nil {
		t.Error("UnmarshalText accepted D:6")
	}
	b, _ := s.MarshalText()
	if string(b) != "D:1 D:5" {
		t.Errorf("MarshalText %q", b)
	}
	if got := len(jurisdiction.Groups()); got != 14 {
		t.Errorf("Groups() has %d groups, want 14", got)
	}
	if jurisdiction.GroupSet(0).String() != "" {
		t.Error("empty set prints empty")
	}
}

func TestHongKong(t *testing.T) {
	hk := jurisdiction.MustParseCountry("hk")
	if hk != jurisdiction.HongKong || hk.Name() != "Hong Kong" {
		t.Fatalf("HK = %v %q", hk, hk.Name())
	}
	if hk.TablesAs() != jurisdiction.China || jurisdiction.Macau.TablesAs() != jurisdiction.Macau {
		t.Error("TablesAs: HK -> CN, MO -> MO")
	}
	if _, ok := hk.ChartName(); ok {
		t.Error("Hong Kong has no chart row of its own")
	}
	cite, since := hk.TablesAsCitation()
	if cite != "85 FR 83765 (FR Doc. 2020-28101)" || since.String() != "2020-12-23" {
		t.Errorf("citation %q %v", cite, since)
	}
	if c, err := hk.TablesAsOn(d("2020-12-23")); err != nil || c != jurisdiction.China {
		t.Errorf("TablesAsOn(2020-12-23) = %v, %v", c, err)
	}
	_, err := hk.TablesAsOn(d("2020-12-22"))
	var dr *jurisdiction.DateRangeError
	if !errors.As(err, &dr) || dr.Floor.String() != "2020-12-23" {
		t.Errorf("TablesAsOn(2020-12-22): want *DateRangeError, got %v", err)
	}
	row, ok := jurisdiction.ChartRowOf(hk)
	if !ok || row.Country() != jurisdiction.China || row.Name() != "China" {
		t.Fatalf("ChartRowOf(HK) = %v %q", row.Country(), row.Name())
	}
	if as, ok := row.ReadAs(); !ok || as != hk {
		t.Error("ReadAs must report Hong Kong")
	}
	if _, ok := mustRow(t, jurisdiction.China).ReadAs(); ok {
		t.Error("China's own row is not read as another destination")
	}
	if !hk.InCountryGroups() {
		t.Error("Hong Kong takes China's groups")
	}
}

func mustRow(t *testing.T, c jurisdiction.Country) jurisdiction.ChartRow {
	t.Helper()
	row, ok := jurisdiction.ChartRowOf(c)
	if !ok {
		t.Fatalf("no chart row for %v", c)
	}
	return row
}
