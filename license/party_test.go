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
// of Ukraine, with destination UA; it round-trips, and a region without
// UA, or an unknown one, is an error naming incorporations[i].region.
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
	for _, body := range []string{
		`{"destination":"TR","region":"crimea"}`,
		`{"region":"crimea"}`,
		`{"destination":"UA","region":"kherson"}`,
	} {
		req := `{"as_of":"2026-08-01","item":{"id":"X","eccn":"EAR99","kind":"commodity","produced_in":"JP","value":{"amount":"1.00","currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"KZ"},"parties":[],"end_uses":[],"incorporations":[` + body + `]}`
		r, err := DecodeRequest(strings.NewReader(req))
		if err == nil {
			_, err = Check(r)
		}
		var fe *product.FieldError
		if !errors.As(err, &fe) || fe.Field != "incorporations[0].region" {
			t.Errorf("%s: error %v, want one naming incorporations[0].region", body, err)
		}
	}
}
