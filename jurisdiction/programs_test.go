package jurisdiction_test

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func TestProgramsFor(t *testing.T) {
	tests := []struct {
		name    string
		country string
		region  string
		asOf    string
		want    []jurisdiction.ProgramID
	}{
		{"Cuba", "CU", "", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramCuba}},
		{"North Korea", "KP", "", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramNorthKorea}},
		{"Iran", "IR", "", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramIran}},
		{"Russia", "RU", "", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramRussiaBelarus}},
		{"Belarus", "BY", "", "2024-01-01", []jurisdiction.ProgramID{jurisdiction.ProgramRussiaBelarus}},
		{"Syria", "SY", "", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramSyria}},
		{"Crimea", "UA", "crimea", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramUkraineRegions}},
		{"DNR", "UA", "dnr", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramUkraineRegions}},
		{"LNR", "UA", "lnr", "2024-06-01", []jurisdiction.ProgramID{jurisdiction.ProgramUkraineRegions}},
		{"rest of Ukraine", "UA", "", "2026-11-28", nil},
		{"China", "CN", "", "2026-11-28", nil},
		{"Hong Kong", "HK", "", "2026-11-28", nil},
		{"Macau", "MO", "", "2026-11-28", nil},
		{"Japan", "JP", "", "2026-11-28", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dest, err := jurisdiction.ParseDestination(tt.country, tt.region)
			if err != nil {
				t.Fatal(err)
			}
			ps, err := jurisdiction.ProgramsFor(dest, d(tt.asOf))
			if err != nil {
				t.Fatal(err)
			}
			var got []jurisdiction.ProgramID
			for _, p := range ps {
				got = append(got, p.ID)
				if !p.Period.Contains(d(tt.asOf)) || !p.AppliesTo(dest) {
					t.Errorf("%v returned out of its period or scope", p.ID)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("ProgramsFor(%v, %s) = %v, want %v", dest, tt.asOf, got, tt.want)
			}
		})
	}
}

func TestProgramScopes(t *testing.T) {
	at := d("2026-11-28")
	get := func(country, region string) jurisdiction.Program {
		t.Helper()
		dest, err := jurisdiction.ParseDestination(country, region)
		if err != nil {
			t.Fatal(err)
		}
		ps, err := jurisdiction.ProgramsFor(dest, at)
		if err != nil || len(ps) != 1 {
			t.Fatalf("ProgramsFor(%v) = %v, %v", dest, ps, err)
		}
		return ps[0]
	}
	tests := []struct {
		country, region string
		citation        string
		ccl             jurisdiction.CCLScope
		ear99           jurisdiction.EAR99Scope
		fact            string
	}{
		{"CU", "", "15 CFR 746.2", jurisdiction.CCLAll, jurisdiction.EAR99All, ""},
		{"KP", "", "15 CFR 746.4", jurisdiction.CCLAll, jurisdiction.EAR99ExceptFoodMedicine, "item.food_or_medicine"},
		{"UA", "crimea", "15 CFR 746.6", jurisdiction.CCLAllExceptCommsSoftware, jurisdiction.EAR99ExceptFoodMedicineCommsSoftware, "item.food_or_medicine"},
		{"IR", "", "15 CFR 746.7", jurisdiction.CCLChartColumnOrListed, jurisdiction.EAR99Listed, "item.hts"},
		{"RU", "", "15 CFR 746.8", jurisdiction.CCLAll, jurisdiction.EAR99Listed, "item.hts"},
		{"SY", "", "15 CFR 746.9", jurisdiction.CCLAll, jurisdiction.EAR99ExceptFoodMedicine, "item.food_or_medicine"},
	}
	for _, tt := range tests {
		p := get(tt.country, tt.region)
		if p.Citation != tt.citation || p.CCL != tt.ccl || p.EAR99 != tt.ear99 {
			t.Errorf("%s: %s %v %v", tt.country, p.Citation, p.CCL, p.EAR99)
		}
		if tt.fact != "" && !slices.Contains(p.Facts, tt.fact) {
			t.Errorf("%s: facts %v lack %s", tt.country, p.Facts, tt.fact)
		}
		if p.Title == "" || p.Policy == "" || p.Source == "" || len(p.Notes) == 0 {
			t.Errorf("%s: program lacks title, policy, source or notes", tt.country)
		}
		if p.EAR99 == jurisdiction.EAR99Listed && len(p.EAR99List) == 0 {
			t.Errorf("%s: listed EAR99 scope without the lists", tt.country)
		}
	}
	iran := get("IR", "")
	if !slices.Contains(iran.Listed, "0A983") || !slices.Contains(iran.Listed, "5A980") {
		t.Errorf("Iran listed ECCNs %v", iran.Listed)
	}
	syria := get("SY", "")
	if syria.Period.From.String() != "2025-09-02" || !strings.Contains(strings.Join(syria.Notes, " "), "SPP") {
		t.Errorf("Syria version %v notes %v", syria.Period, syria.Notes)
	}
}

func TestSyriaVersions(t *testing.T) {
	dest, _ := jurisdiction.NewDestination(jurisdiction.Syria, jurisdiction.RegionNone)
	before, err := jurisdiction.ProgramsFor(dest, d("2025-09-01"))
	if err != nil || len(before) != 1 || before[0].Period.Until.String() != "2025-09-02" {
		t.Fatalf("Syria 2025-09-01: %v, %v", before, err)
	}
	after, err := jurisdiction.ProgramsFor(dest, d("2025-09-02"))
	if err != nil || len(after) != 1 || after[0].Period.From.String() != "2025-09-02" || after[0].Period.Until.IsValid() {
		t.Fatalf("Syria 2025-09-02: %v, %v", after, err)
	}
	if before[0].Policy == after[0].Policy {
		t.Error("the 2025 rule changed the review policy")
	}
}

func TestProgramsForErrors(t *testing.T) {
	var de *jurisdiction.DestinationError
	if _, err := jurisdiction.ProgramsFor(jurisdiction.Destination{Country: jurisdiction.Russia, Region: jurisdiction.RegionCrimea}, d("2026-01-01")); !errors.As(err, &de) || de.Field != "destination.region" {
		t.Errorf("region with Russia: %v", err)
	}
	var dr *jurisdiction.DateRangeError
	if _, err := jurisdiction.ProgramsFor(jurisdiction.Destination{Country: jurisdiction.Cuba}, d("2019-12-31")); !errors.As(err, &dr) || dr.Floor != jurisdiction.ProgramHistoryFloor() {
		t.Errorf("before the floor: %v", err)
	}
	if _, err := jurisdiction.ProgramsFor(jurisdiction.Destination{Country: jurisdiction.Cuba}, jurisdiction.Date{}); !errors.As(err, &dr) {
		t.Errorf("zero date: %v", err)
	}
}

func TestProgramsAreCopies(t *testing.T) {
	ps := jurisdiction.Programs()
	if len(ps) != 13 {
		t.Fatalf("%d program versions, want 13 (Cuba, North Korea, the Ukraine regions twice, Iran three times, Russia and Belarus four times, Syria twice)", len(ps))
	}
	for i, p := range ps {
		if p.ID.String() == "" || !strings.HasPrefix(p.Citation, "15 CFR 746.") || !p.Period.From.IsValid() || p.CCL.String() == "" || p.EAR99.String() == "" {
			t.Errorf("program %d incomplete: %+v", i, p)
		}
	}
	ps[0].Countries[0] = jurisdiction.Japan
	ps[0].Notes[0] = "changed"
	again := jurisdiction.Programs()
	if again[0].Countries[0] != jurisdiction.Cuba || again[0].Notes[0] == "changed" {
		t.Error("Programs returned shared memory")
	}
	// Every pointer row's citations name a recorded program.
	cites := map[string]bool{}
	for _, p := range again {
		cites[p.Citation] = true
	}
	for _, c := range []jurisdiction.Country{jurisdiction.Cuba, jurisdiction.Iran, jurisdiction.NorthKorea, jurisdiction.Syria} {
		cs, _ := mustRow(t, c).PointerCitations()
		if !cites[cs[len(cs)-1]] {
			t.Errorf("%v points to %v, which is no recorded program", c, cs)
		}
	}
}

// TestProgramVersionsSince2020: the versions of the programs since
// 2020-01-01, each on a date inside it.
func TestProgramVersionsSince2020(t *testing.T) {
	type want struct {
		ccl   jurisdiction.CCLScope
		ear99 jurisdiction.EAR99Scope
	}
	at := func(dest jurisdiction.Destination, date string) []jurisdiction.Program {
		ps, err := jurisdiction.ProgramsFor(dest, d(date))
		if err != nil {
			t.Fatalf("%s on %s: %v", dest, date, err)
		}
		return ps
	}
	ru := jurisdiction.Destination{Country: jurisdiction.Russia}
	by := jurisdiction.Destination{Country: jurisdiction.Belarus}
	for _, tt := range []struct {
		dest jurisdiction.Destination
		date string
		want *want // nil: no program
	}{
		{ru, "2022-02-23", nil},
		{ru, "2022-02-24", &want{jurisdiction.CCLCategories3to9, jurisdiction.EAR99None}},
		{by, "2022-03-01", nil},
		{by, "2022-03-02", &want{jurisdiction.CCLCategories3to9, jurisdiction.EAR99None}},
		{ru, "2022-03-03", &want{jurisdiction.CCLCategories3to9, jurisdiction.EAR99Listed}},
		{ru, "2022-04-08", &want{jurisdiction.CCLAll, jurisdiction.EAR99Listed}},
		{ru, "2026-11-28", &want{jurisdiction.CCLAll, jurisdiction.EAR99Listed}},
		{jurisdiction.Destination{Country: jurisdiction.Ukraine, Region: jurisdiction.RegionDNR}, "2022-02-23", nil},
		{jurisdiction.Destination{Country: jurisdiction.Ukraine, Region: jurisdiction.RegionDNR}, "2022-02-24", &want{jurisdiction.CCLAllExceptCommsSoftware, jurisdiction.EAR99ExceptFoodMedicineCommsSoftware}},
		{jurisdiction.Destination{Country: jurisdiction.Ukraine, Region: jurisdiction.RegionCrimea}, "2020-01-01", &want{jurisdiction.CCLAllExceptCommsSoftware, jurisdiction.EAR99ExceptFoodMedicineCommsSoftware}},
		{jurisdiction.Destination{Country: jurisdiction.Iran}, "2021-06-01", &want{jurisdiction.CCLChartColumnOrListed, jurisdiction.EAR99None}},
		{jurisdiction.Destination{Country: jurisdiction.Iran}, "2023-02-24", &want{jurisdiction.CCLChartColumnOrListed, jurisdiction.EAR99Listed}},
		{jurisdiction.Destination{Country: jurisdiction.Cuba}, "2020-01-01", &want{jurisdiction.CCLAll, jurisdiction.EAR99All}},
		{jurisdiction.Destination{Country: jurisdiction.Syria}, "2021-01-01", &want{jurisdiction.CCLAll, jurisdiction.EAR99ExceptFoodMedicine}},
	} {
		ps := at(tt.dest, tt.date)
		switch {
		case tt.want == nil && len(ps) != 0:
			t.Errorf("%s on %s: %v, want none", tt.dest, tt.date, ps[0].Period)
		case tt.want != nil && (len(ps) != 1 || ps[0].CCL != tt.want.ccl || ps[0].EAR99 != tt.want.ear99):
			t.Errorf("%s on %s: %+v, want %+v", tt.dest, tt.date, ps, *tt.want)
		}
	}
	// The words say the version's scope: Categories 3 to 9 before
	// 2022-04-08, every ECCN after.
	if n := at(ru, "2022-03-03")[0].Notes[0]; !strings.Contains(n, "Categories 3 to 9") {
		t.Errorf("Russia 2022-03-03: first note %q", n)
	}
	if n := at(ru, "2022-04-08")[0].Notes[0]; !strings.HasPrefix(n, "Every ECCN on the CCL") {
		t.Errorf("Russia 2022-04-08: first note %q", n)
	}
	// Iran's list: 0A985 until 2020-03-08, 0A503 from 2020-03-09.
	if l := at(jurisdiction.Destination{Country: jurisdiction.Iran}, "2020-03-08")[0].Listed; !slices.Contains(l, "0A985") || slices.Contains(l, "0A503") {
		t.Errorf("Iran 2020-03-08: %v", l)
	}
	if l := at(jurisdiction.Destination{Country: jurisdiction.Iran}, "2020-03-09")[0].Listed; slices.Contains(l, "0A985") || !slices.Contains(l, "0A503") {
		t.Errorf("Iran 2020-03-09: %v", l)
	}
}
