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
		{"Iraq", "IQ", "", "2026-11-28", []jurisdiction.ProgramID{jurisdiction.ProgramIraq}},
		{"Russia 2021", "RU", "", "2021-06-01", []jurisdiction.ProgramID{jurisdiction.ProgramRussiaIndustrySector}},
		{"Russia 2022-02-24", "RU", "", "2022-02-24", []jurisdiction.ProgramID{jurisdiction.ProgramRussiaIndustrySector, jurisdiction.ProgramRussiaBelarus}},
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
	if len(ps) != 15 {
		t.Fatalf("%d program versions, want 15 (Cuba, Iraq, North Korea, the Russian industry sector sanctions, the Ukraine regions twice, Iran three times, Russia and Belarus four times, Syria twice)", len(ps))
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
	// at returns the programs of dest on date other than the Russian
	// industry sector sanctions of 746.5 (TestRussiaIndustrySector).
	at := func(dest jurisdiction.Destination, date string) []jurisdiction.Program {
		ps, err := jurisdiction.ProgramsFor(dest, d(date))
		if err != nil {
			t.Fatalf("%s on %s: %v", dest, date, err)
		}
		return slices.DeleteFunc(ps, func(p jurisdiction.Program) bool { return p.ID == jurisdiction.ProgramRussiaIndustrySector })
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

// TestRussiaIndustrySector: 15 CFR 746.5(a)(1)(i) (79 FR 45680, in force
// since 2014-08-06; text read at MichalOpoka/ecfr 0d851c3, through 87 FR
// 12858, 2022-03-08) is a program version for Russia on every date from
// 2020-01-01 to the day before 89 FR 51644 (2024-06-12), the 2022-02-24 to
// 2022-03-02 window of the first 746.8 version (no EAR99 list yet)
// included; not for Belarus, not after.
func TestRussiaIndustrySector(t *testing.T) {
	ru := jurisdiction.Destination{Country: jurisdiction.Russia}
	by := jurisdiction.Destination{Country: jurisdiction.Belarus}
	for _, tt := range []struct {
		dest jurisdiction.Destination
		date string
		want bool
	}{
		{ru, "2020-01-01", true},
		{ru, "2021-06-01", true},
		{ru, "2022-02-23", true},
		{ru, "2022-02-24", true},
		{ru, "2022-03-02", true},
		{ru, "2022-03-03", true},
		{ru, "2024-06-11", true},
		{ru, "2024-06-12", false},
		{ru, "2026-11-28", false},
		{by, "2021-06-01", false},
		{by, "2022-03-02", false},
	} {
		ps, err := jurisdiction.ProgramsFor(tt.dest, d(tt.date))
		if err != nil {
			t.Fatal(err)
		}
		i := slices.IndexFunc(ps, func(p jurisdiction.Program) bool { return p.ID == jurisdiction.ProgramRussiaIndustrySector })
		if (i >= 0) != tt.want {
			t.Errorf("%s on %s: 746.5 in force %v, want %v", tt.dest, tt.date, i >= 0, tt.want)
			continue
		}
		if i < 0 {
			continue
		}
		p := ps[i]
		if p.Citation != "15 CFR 746.5" || p.CCL != jurisdiction.CCLListedForEndUse || p.EAR99 != jurisdiction.EAR99Listed {
			t.Errorf("%s: %s %v %v", tt.date, p.Citation, p.CCL, p.EAR99)
		}
		for _, e := range []string{"0A998", "1C992", "3A229", "3A231", "3A232", "6A991", "8A992", "8D999"} {
			if !slices.Contains(p.Listed, e) {
				t.Errorf("%s: 746.5(a)(1)(i) names %s; Listed %v", tt.date, e, p.Listed)
			}
		}
		if len(p.EAR99List) != 1 || !strings.Contains(p.EAR99List[0], "Supplement No. 2 to part 746") {
			t.Errorf("%s: EAR99 lists %v", tt.date, p.EAR99List)
		}
		if !strings.Contains(p.EndUse, "oil or gas") || !slices.Contains(p.Facts, "item.hts") || !strings.HasPrefix(p.Facts[1], "end_uses") {
			t.Errorf("%s: end use %q facts %v", tt.date, p.EndUse, p.Facts)
		}
		if !strings.Contains(p.Source, "0d851c3015b177aebaf97dcb5d1561605f00d62b") {
			t.Errorf("%s: source %q does not name the text read", tt.date, p.Source)
		}
	}
	if jurisdiction.ProgramRussiaIndustrySector.String() != "russia_industry_sector" || jurisdiction.CCLListedForEndUse.String() != "ccl_listed_for_end_use" {
		t.Error("names")
	}
}

// TestIraqProgram: 15 CFR 746.3(a)(1) to (a)(3) (text read at MichalOpoka/ecfr
// dbb97d7, source note ending 79 FR 32625, 2014-06-05, and aaaf346, ending
// 85 FR 4177, 2020-01-23) on every date from 2020-01-01.
func TestIraqProgram(t *testing.T) {
	iq := jurisdiction.Destination{Country: jurisdiction.Iraq}
	for _, date := range []string{"2020-01-01", "2020-03-09", "2023-05-01", "2026-11-28"} {
		ps, err := jurisdiction.ProgramsFor(iq, d(date))
		if err != nil || len(ps) != 1 {
			t.Fatalf("Iraq on %s: %v, %v", date, ps, err)
		}
		p := ps[0]
		if p.ID != jurisdiction.ProgramIraq || p.Citation != "15 CFR 746.3" || p.CCL != jurisdiction.CCLControlledFor || p.EAR99 != jurisdiction.EAR99None {
			t.Fatalf("Iraq on %s: %+v", date, p)
		}
		if len(p.Paragraphs) != 3 {
			t.Fatalf("Iraq paragraphs %+v", p.Paragraphs)
		}
		a1, a2, a3 := p.Paragraphs[0], p.Paragraphs[1], p.Paragraphs[2]
		if a1.Citation != "15 CFR 746.3(a)(1)" || strings.Join(a1.Reasons, ",") != "NS,MT,NP,CW,CB,RS,CC,EI,SI,SL" || len(a1.ECCNs) != 0 {
			t.Errorf("(a)(1): %+v", a1)
		}
		if a2.Citation != "15 CFR 746.3(a)(2)" || strings.Join(a2.Reasons, ",") != "UN" {
			t.Errorf("(a)(2): %+v", a2)
		}
		if a3.Citation != "15 CFR 746.3(a)(3)" || strings.Join(a3.ECCNs, ",") != "0B999,0D999,1B999,1C992,1C995,1C997,1C999,6A992" {
			t.Errorf("(a)(3): %+v", a3)
		}
		for _, para := range p.Paragraphs {
			if !strings.HasPrefix(para.Text, "A license is required for the export or reexport to Iraq") {
				t.Errorf("%s: text %q", para.Citation, para.Text)
			}
		}
	}
	// The copies are deep: changing a returned paragraph changes nothing.
	ps := jurisdiction.Programs()
	for i := range ps {
		if ps[i].ID == jurisdiction.ProgramIraq {
			ps[i].Paragraphs[0].Reasons[0] = "AT"
		}
	}
	for _, p := range jurisdiction.Programs() {
		if p.ID == jurisdiction.ProgramIraq && p.Paragraphs[0].Reasons[0] != "NS" {
			t.Error("Programs returned shared paragraphs")
		}
	}
	if jurisdiction.ProgramIraq.String() != "iraq" || jurisdiction.CCLControlledFor.String() != "ccl_controlled_for_reasons" {
		t.Error("names")
	}
}
