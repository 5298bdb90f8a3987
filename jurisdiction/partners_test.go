package jurisdiction

import "testing"

func TestPartnerCountries(t *testing.T) {
	ps := PartnerCountries()
	if len(ps) != 38 {
		t.Fatalf("got %d partner countries, want 38 (EU-27 + 11)", len(ps))
	}
	eu := 0
	for _, c := range ps {
		if !c.IsValid() {
			t.Fatalf("invalid country %v", c)
		}
		if gs, err := GroupsOf(c, MustParseDate("2026-11-28")); err == nil && gs.Has(GroupD5) {
			t.Errorf("%s is in D:5 and cannot be a partner country", c)
		}
		if c != Liechtenstein && c != Taiwan && c.String() != "IS" && c.String() != "NO" && c.String() != "CH" &&
			c != Canada && c != Japan && c.String() != "AU" && c.String() != "NZ" && c.String() != "KR" && c.String() != "GB" {
			eu++
		}
	}
	if eu != 27 {
		t.Errorf("got %d EU member states, want 27", eu)
	}
	for _, tt := range []struct {
		give string
		want bool
	}{{"DE", true}, {"JP", true}, {"TW", true}, {"GB", true}, {"CN", false}, {"HK", false}, {"US", false}, {"AE", false}, {"IN", false}} {
		if got := IsPartnerCountry(MustParseCountry(tt.give)); got != tt.want {
			t.Errorf("IsPartnerCountry(%s) = %v, want %v", tt.give, got, tt.want)
		}
	}
	if IsPartnerCountry(Country{}) {
		t.Error("the zero Country is no partner")
	}
}
