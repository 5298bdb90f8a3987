package license

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// TestIncorporationRegion: incorporations[].region names a covered region
// of Ukraine, with destination UA; it round-trips, and a region with
// another country, or an unknown one, is an error naming
// incorporations[i].region (without a destination, the destination).
func TestIncorporationRegion(t *testing.T) {
	var inc Incorporation
	if err := json.Unmarshal([]byte(`{"destination":"UA","region":"crimea","by_party_with_footnotes":[]}`), &inc); err != nil {
		t.Fatal(err)
	}
	if inc.Destination != jurisdiction.Ukraine || inc.Region != jurisdiction.RegionCrimea {
		t.Fatalf("decoded %+v", inc)
	}
	if b, err := json.Marshal(inc); err != nil || string(b) != `{"destination":"UA","region":"crimea","by_party_with_footnotes":[]}` {
		t.Errorf("encoded %s, %v", b, err)
	}
	for body, field := range map[string]string{
		`{"destination":"TR","region":"crimea"}`:  "incorporations[0].region",
		`{"region":"crimea"}`:                     "incorporations[0].destination",
		`{"destination":"UA","region":"kherson"}`: "incorporations[0].region",
	} {
		req := `{"as_of":"2026-08-01","item":{"id":"X","eccn":"EAR99","kind":"commodity","produced_in":"JP","value":{"amount":"1.00","currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"KZ"},"parties":[],"end_uses":[],"incorporations":[` + body + `]}`
		r, err := DecodeRequest(strings.NewReader(req))
		if err == nil {
			_, err = Check(r)
		}
		var fe *product.FieldError
		if !errors.As(err, &fe) || fe.Field != field {
			t.Errorf("%s: error %v, want one naming %s", body, err, field)
		}
	}
}

// TestIncorporationEmpty: an incorporation that names neither a
// destination nor footnotes is an error naming it.
func TestIncorporationEmpty(t *testing.T) {
	for _, body := range []string{`{}`, `{"by_party_with_footnotes":[]}`} {
		req := `{"as_of":"2026-08-01","item":{"id":"X","eccn":"EAR99","kind":"commodity","produced_in":"JP","value":{"amount":"1.00","currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"KZ"},"parties":[],"end_uses":[],"incorporations":[` + body + `]}`
		r, err := DecodeRequest(strings.NewReader(req))
		if err == nil {
			_, err = Check(r)
		}
		var fe *product.FieldError
		if !errors.As(err, &fe) || !strings.HasPrefix(fe.Field, "incorporations[0]") {
			t.Errorf("%s: error %v, want one naming incorporations[0]", body, err)
		}
	}
}
