package jurisdiction_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func TestParseCountry(t *testing.T) {
	tests := []struct {
		give     string
		want     jurisdiction.Country
		wantKind jurisdiction.CountryErrorKind
	}{
		{"CN", jurisdiction.China, 0},
		{"cn", jurisdiction.China, 0},
		{"hK", jurisdiction.HongKong, 0},
		{"XK", jurisdiction.MustParseCountry("XK"), 0},
		{"US", jurisdiction.UnitedStates, 0},
		{"LI", jurisdiction.Liechtenstein, 0},
		{"QZ", jurisdiction.Country{}, jurisdiction.CountryUnknown}, // Cayman Islands: not in the tables
		{"PS", jurisdiction.Country{}, jurisdiction.CountryUnknown},
		{"ZZ", jurisdiction.Country{}, jurisdiction.CountryUnknown},
		{"", jurisdiction.Country{}, jurisdiction.CountrySyntax},
		{"C", jurisdiction.Country{}, jurisdiction.CountrySyntax},
		{"CHN", jurisdiction.Country{}, jurisdiction.CountrySyntax},
		{"C1", jurisdiction.Country{}, jurisdiction.CountrySyntax},
		{" CN", jurisdiction.Country{}, jurisdiction.CountrySyntax},
		{"é", jurisdiction.Country{}, jurisdiction.CountrySyntax},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, err := jurisdiction.ParseCountry(tt.give)
			var ce *jurisdiction.CountryError
			switch {
			case tt.wantKind == 0 && err != nil:
				t.Fatalf("ParseCountry(%q) error %v", tt.give, err)
			case tt.wantKind != 0 && (!errors.As(err, &ce) || ce.Kind != tt.wantKind || ce.Input != tt.give):
				t.Fatalf("ParseCountry(%q) error %v, want *CountryError of kind %v", tt.give, err, tt.wantKind)
			}
			if got != tt.want {
				t.Errorf("ParseCountry(%q) = %v, want %v", tt.give, got, tt.want)
			}
		})
	}
}

func TestCountryNames(t *testing.T) {
	tests := []struct {
		give       jurisdiction.Country
		name       string
		groupsName string
	}{
		{jurisdiction.China, "China", "China (PRC)"},
		{jurisdiction.MustParseCountry("SC"), "Seycheles", "Seychelles"}, // the chart's spelling
		{jurisdiction.MustParseCountry("CI"), "Cote d'Ivoire", "Cote d'lvoire"},
		{jurisdiction.MustParseCountry("TR"), "Türkiye", "Türkiye"},
		{jurisdiction.Burma, "Burma", "Burma"},
		{jurisdiction.UnitedStates, "United States", "United States"},
		{jurisdiction.HongKong, "Hong Kong", ""},
		{jurisdiction.Liechtenstein, "Liechtenstein", ""},
	}
	for _, tt := range tests {
		if got := tt.give.Name(); got != tt.name {
			t.Errorf("%v.Name() = %q, want %q", tt.give, got, tt.name)
		}
		if got, _ := tt.give.GroupsName(); got != tt.groupsName {
			t.Errorf("%v.GroupsName() = %q, want %q", tt.give, got, tt.groupsName)
		}
	}
	if (jurisdiction.Country{}).Name() != "" || (jurisdiction.Country{}).String() != "" || (jurisdiction.Country{}).IsValid() {
		t.Error("zero Country")
	}
}

func TestPredefinedCountries(t *testing.T) {
	for _, c := range []jurisdiction.Country{
		jurisdiction.Afghanistan, jurisdiction.Australia, jurisdiction.Belarus, jurisdiction.Burma, jurisdiction.Cambodia,
		jurisdiction.Canada, jurisdiction.China, jurisdiction.Cuba, jurisdiction.Cyprus, jurisdiction.France,
		jurisdiction.Germany, jurisdiction.HongKong, jurisdiction.India, jurisdiction.Iran, jurisdiction.Iraq,
		jurisdiction.Israel, jurisdiction.Japan, jurisdiction.Liechtenstein, jurisdiction.Macau, jurisdiction.Mexico,
		jurisdiction.Netherlands, jurisdiction.Nicaragua, jurisdiction.NorthKorea, jurisdiction.Pakistan, jurisdiction.Russia,
		jurisdiction.Singapore, jurisdiction.SouthKorea, jurisdiction.Switzerland, jurisdiction.Syria, jurisdiction.Taiwan,
		jurisdiction.Ukraine, jurisdiction.UnitedArabEmirates, jurisdiction.UnitedKingdom, jurisdiction.UnitedStates,
		jurisdiction.Venezuela, jurisdiction.Vietnam,
	} {
		if !c.IsValid() || jurisdiction.MustParseCountry(c.String()) != c {
			t.Errorf("predefined %v is not the parsed value", c)
		}
	}
	if jurisdiction.NorthKorea.Name() != "Korea, North" || jurisdiction.Germany.Name() != "Germany" {
		t.Error("names")
	}
}

func TestCountryText(t *testing.T) {
	b, err := json.Marshal(struct {
		C jurisdiction.Country `json:"c"`
	}{jurisdiction.Macau})
	if err != nil || string(b) != `{"c":"MO"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var v struct {
		C jurisdiction.Country `json:"c"`
	}
	if err := json.Unmarshal([]byte(`{"c":"hk"}`), &v); err != nil || v.C != jurisdiction.HongKong {
		t.Fatalf("Unmarshal = %v, %v", v.C, err)
	}
	var ce *jurisdiction.CountryError
	if err := json.Unmarshal([]byte(`{"c":""}`), &v); !errors.As(err, &ce) || ce.Kind != jurisdiction.CountrySyntax {
		t.Errorf("empty text: %v", err)
	}
	if err := json.Unmarshal([]byte(`{"c":"QZ"}`), &v); !errors.As(err, &ce) || ce.Kind != jurisdiction.CountryUnknown {
		t.Errorf("unknown code: %v", err)
	}
	if v.C != jurisdiction.HongKong {
		t.Error("a failed UnmarshalText must leave the value unchanged")
	}
	if _, err := (jurisdiction.Country{}).MarshalText(); !errors.As(err, &ce) || ce.Kind != jurisdiction.CountryZero {
		t.Errorf("zero MarshalText: %v", err)
	}
	if b, err := jurisdiction.Cuba.AppendText([]byte("x=")); err != nil || string(b) != "x=CU" {
		t.Errorf("AppendText = %q, %v", b, err)
	}
	if jurisdiction.China.Compare(jurisdiction.Cuba) != -1 || jurisdiction.Cuba.Compare(jurisdiction.China) != 1 || jurisdiction.China.Compare(jurisdiction.China) != 0 {
		t.Error("Compare")
	}
	if (jurisdiction.Country{}).Compare(jurisdiction.Afghanistan) != -1 {
		t.Error("zero sorts first")
	}
	for _, k := range []jurisdiction.CountryErrorKind{jurisdiction.CountrySyntax, jurisdiction.CountryUnknown, jurisdiction.CountryZero} {
		if k.String() == "" {
			t.Errorf("kind %d has no name", k)
		}
	}
}

func TestRegionsAndDestinations(t *testing.T) {
	tests := []struct {
		country, region string
		wantField       string
		want            string
	}{
		{"UA", "crimea", "", "UA/crimea"},
		{"ua", "DNR", "", "UA/dnr"},
		{"UA", "lnr", "", "UA/lnr"},
		{"UA", "", "", "UA"},
		{"RU", "crimea", "destination.region", ""},
		{"CN", "dnr", "destination.region", ""},
		{"UA", "donbas", "destination.region", ""},
		{"XX", "", "destination.country", ""},
		{"", "crimea", "destination.country", ""},
	}
	for _, tt := range tests {
		got, err := jurisdiction.ParseDestination(tt.country, tt.region)
		var de *jurisdiction.DestinationError
		if tt.wantField != "" {
			if !errors.As(err, &de) || de.Field != tt.wantField {
				t.Errorf("ParseDestination(%q, %q) error %v, want field %s", tt.country, tt.region, err, tt.wantField)
			}
			continue
		}
		if err != nil || got.String() != tt.want {
			t.Errorf("ParseDestination(%q, %q) = %v, %v; want %s", tt.country, tt.region, got, err, tt.want)
		}
	}
	if _, err := jurisdiction.NewDestination(jurisdiction.Russia, jurisdiction.RegionCrimea); err == nil {
		t.Error("a region of Ukraine with Russia must be refused")
	}
	var de *jurisdiction.DestinationError
	if err := (jurisdiction.Destination{}).Validate(); !errors.As(err, &de) || de.Field != "destination.country" {
		t.Errorf("zero Destination: %v", err)
	}
	if err := (jurisdiction.Destination{Country: jurisdiction.Ukraine, Region: 9}).Validate(); !errors.As(err, &de) || de.Field != "destination.region" {
		t.Errorf("invalid region: %v", err)
	}
	_, err := jurisdiction.ParseDestination("UA", "donbas")
	var re *jurisdiction.RegionError
	if !errors.As(err, &re) || re.Input != "donbas" {
		t.Errorf("want wrapped *RegionError, got %v", err)
	}
	if jurisdiction.RegionCrimea.Country() != jurisdiction.Ukraine || jurisdiction.RegionNone.Country().IsValid() {
		t.Error("Region.Country")
	}
	if len(jurisdiction.Regions()) != 3 || jurisdiction.RegionDNR.Name() == "" || jurisdiction.RegionNone.Name() != "" {
		t.Error("Regions / Name")
	}
	var r jurisdiction.Region
	if err := r.UnmarshalText([]byte("Crimea")); err != nil || r != jurisdiction.RegionCrimea {
		t.Errorf("UnmarshalText = %v, %v", r, err)
	}
	if b, err := jurisdiction.RegionLNR.MarshalText(); err != nil || string(b) != "lnr" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	if _, err := jurisdiction.Region(7).MarshalText(); err == nil {
		t.Error("invalid Region must not marshal")
	}
}

func TestDestinationJSON(t *testing.T) {
	for _, tt := range []struct {
		give jurisdiction.Destination
		want string
	}{
		{jurisdiction.Destination{Country: jurisdiction.Ukraine, Region: jurisdiction.RegionCrimea}, `{"country":"UA","region":"crimea"}`},
		{jurisdiction.Destination{Country: jurisdiction.China}, `{"country":"CN"}`},
	} {
		b, err := json.Marshal(tt.give)
		if err != nil || string(b) != tt.want {
			t.Errorf("Marshal(%v) = %s, %v; want %s", tt.give, b, err, tt.want)
		}
		var back jurisdiction.Destination
		if err := json.Unmarshal(b, &back); err != nil || back != tt.give || back.Validate() != nil {
			t.Errorf("round trip of %s: %v %v", b, back, err)
		}
	}
	var bad jurisdiction.Destination
	if err := json.Unmarshal([]byte(`{"country":"RU","region":"dnr"}`), &bad); err != nil || bad.Validate() == nil {
		t.Error("decoding does not validate; Validate must refuse RU/dnr")
	}
}
