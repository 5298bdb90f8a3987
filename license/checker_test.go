package license

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/product"
)

// fixtureIndex is the index of the small CSL fixture of package csl.
func fixtureIndex(t testing.TB) *csl.Index {
	t.Helper()
	f, err := os.Open("csl/testdata/csl_small.json")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	file, err := csl.Read(f)
	if err != nil {
		t.Fatal(err)
	}
	return csl.NewIndex(file.Rows)
}

// TestCheckerResolvesParties: a party that declares no footnote is looked
// up in a CSL index; the Determination records the source, and the
// resolved designations reach the FDP rules and the Entity List
// requirement.
func TestCheckerResolvesParties(t *testing.T) {
	checker := NewChecker(WithPartyResolver(fixtureIndex(t)))
	body := func(party, country string) string {
		return `{"as_of": "2026-11-28",
		"item": {"id": "T-1", "eccn": "EAR99", "kind": "commodity", "produced_in": "TW",
			"value": {"amount": "1000.00", "currency": "USD"}, "components": [],
			"direct_product_of": [{"eccn": "3E001", "origin": "us"}], "plant": {"direct_product_of": []}},
		"exported_from": "TW", "destination": {"country": "` + country + `"},
		"parties": [{"name": "` + party + `", "role": "end_user", "country": "` + country + `"}],
		"end_uses": [], "incorporations": []}`
	}
	tests := []struct {
		party, country string
		source         csl.Source
		subject, lic   ear.Answer
		reason         string
		fdp            string
	}{
		{"Example Telecom Co., Ltd.", "CN", csl.SourceIndex, ear.Yes, ear.Yes, "744.11(a)(2)(i)", "15 CFR 734.9(e)(1)"},
		{"Example Logistics", "AE", csl.SourceIndex, ear.No, ear.No, "", ""},
		{"Nobody Listed GmbH", "DE", csl.SourceIndex, ear.No, ear.No, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.party, func(t *testing.T) {
			req, err := DecodeRequest(strings.NewReader(body(tt.party, tt.country)))
			if err != nil {
				t.Fatal(err)
			}
			det, err := checker.Check(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			ps := det.Parties()
			if len(ps) != 1 || ps[0].Designations.Source != tt.source {
				t.Fatalf("designations %+v", ps)
			}
			if det.SubjectToEAR() != tt.subject || det.LicenseRequired() != tt.lic {
				t.Fatalf("subject %v license %v, want %v %v: %+v", det.SubjectToEAR(), det.LicenseRequired(), tt.subject, tt.lic, det.LicenseReasons())
			}
			if tt.reason != "" && !slices.ContainsFunc(det.LicenseReasons(), func(r LicenseReason) bool { return strings.Contains(r.Citation, tt.reason) }) {
				t.Errorf("no %s reason: %+v", tt.reason, det.LicenseReasons())
			}
			if tt.fdp != "" && !slices.ContainsFunc(det.Grounds(), func(g Ground) bool { return g.Citation == tt.fdp }) {
				t.Errorf("no %s ground: %+v", tt.fdp, det.Grounds())
			}
		})
	}

	// A US-origin item to a party on the Entity List without a footnote.
	us := strings.Replace(body("Example Logistics", "AE"), `"produced_in": "TW"`, `"produced_in": "US"`, 1)
	req0, err := DecodeRequest(strings.NewReader(us))
	if err != nil {
		t.Fatal(err)
	}
	det0, err := checker.Check(context.Background(), req0)
	if err != nil {
		t.Fatal(err)
	}
	if det0.LicenseRequired() != ear.Yes || !slices.ContainsFunc(det0.LicenseReasons(), func(r LicenseReason) bool { return r.Citation == "15 CFR 744.11(a)" && r.Answer == ear.Yes }) {
		t.Fatalf("Entity List without footnote: %v %+v", det0.LicenseRequired(), det0.LicenseReasons())
	}

	// Declared designations are recorded as declared, and the default
	// Check resolves nothing.
	req, _ := DecodeRequest(strings.NewReader(body("Example Telecom Co., Ltd.", "CN")))
	det, err := Check(req)
	if err != nil {
		t.Fatal(err)
	}
	if ps := det.Parties(); len(ps) != 1 || ps[0].Designations.Source != csl.SourceDeclared || det.SubjectToEAR() != ear.No {
		t.Fatalf("default Check: %+v subject %v", det.Parties(), det.SubjectToEAR())
	}
}

func TestCheckRefusesInvalidOptions(t *testing.T) {
	req, err := DecodeRequest(strings.NewReader(`{"as_of": "2026-11-28",
		"item": {"id": "x", "eccn": "EAR99", "kind": "commodity", "produced_in": "JP", "value": {"amount": "1", "currency": "USD"}},
		"destination": {"country": "DE"}, "parties": [], "end_uses": [], "incorporations": []}`))
	if err != nil {
		t.Fatal(err)
	}
	for field, mod := range map[string]func(*Request){
		"options.ai_diffusion":   func(r *Request) { r.Options.AIDiffusion = 9 },
		"options.unknown_origin": func(r *Request) { r.Options.UnknownOrigin = 9 },
	} {
		bad := req
		mod(&bad)
		_, err := Check(bad)
		if re, ok := err.(*product.FieldError); !ok || re.Field != field {
			t.Errorf("%s: got %v", field, err)
		}
	}
	if _, err := Check(req); err != nil {
		t.Fatal(err)
	}
}
