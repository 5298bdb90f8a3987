package license

import (
	"context"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license/csl"
)

// screenIndex is a small list: an Entity List row whose license
// requirement cites 734.9(e) without its footnote (as a real row of
// 2026-07-31 does), and a footnote 1 row.
func screenIndex(t testing.TB) *csl.Index {
	t.Helper()
	const el = "Entity List (EL) - Bureau of Industry and Security"
	doc := `{"total": 2, "results": [
	{"id": "b1", "source": "` + el + `", "name": "Example Supercomputing Technology Co., Ltd.", "alt_names": [],
	 "addresses": [{"country": "CN"}], "programs": [], "federal_register_notice": "88 FR 38741",
	 "license_requirement": "For all items subject to the EAR. (See §734.9(e) and §744.11 of the EAR)", "license_policy": "Presumption of denial."},
	{"id": "f1", "source": "` + el + `", "name": "Example Telecom Co., Ltd.", "alt_names": [],
	 "addresses": [{"country": "CN"}], "programs": [], "federal_register_notice": "85 FR 51596",
	 "license_requirement": "For all items subject to the EAR, see §§ 734.9(e)1 and 744.11 of the EAR2", "license_policy": "Presumption of denial."}]}`
	f, err := csl.Read(strings.NewReader(doc))
	if err != nil {
		t.Fatal(err)
	}
	return csl.NewIndex(f.Rows)
}

// TestScreeningOpen: what a screening cannot decide is open, never
// cleared: a party with no name, a name in a script the list is not
// written in, an Entity List entry that cites 734.9(e) without its
// footnote (the FDP footnote prongs), and an owner declared on a list
// other than with footnotes (screened, like a party).
func TestScreeningOpen(t *testing.T) {
	checker := NewChecker(WithPartyResolver(screenIndex(t)))
	body := func(parties string) string {
		return `{"as_of": "2026-11-28",
		"item": {"id": "T-1", "eccn": "EAR99", "kind": "commodity", "produced_in": "TW",
			"value": {"amount": "1000.00", "currency": "USD"}, "components": [],
			"direct_product_of": [{"eccn": "3E001", "origin": "us"}], "plant": {"direct_product_of": []}},
		"exported_from": "TW", "destination": {"country": "CN"},
		"parties": [` + parties + `], "end_uses": [], "incorporations": []}`
	}
	for _, tt := range []struct {
		name, parties string
		license       ear.Answer
		fdp           string     // an FDP footnote rule to read
		fdpWant       ear.Answer // its outcome
	}{
		{"unnamed party", `{"role": "end_user", "country": "CN"}`, ear.Indeterminate, "15 CFR 734.9(e)(1)", ear.Indeterminate},
		{"name in Han script", `{"name": "华为技术有限公司", "role": "end_user", "country": "CN"}`, ear.Indeterminate, "15 CFR 734.9(e)(1)", ear.Indeterminate},
		{"Entity List entry citing 734.9(e) bare", `{"name": "Example Supercomputing Technology Co., Ltd.", "role": "end_user", "country": "CN"}`, ear.Indeterminate, "15 CFR 734.9(e)(1)", ear.Indeterminate},
		{"a listed owner declared on the Unverified List only", `{"name": "Sub", "role": "end_user", "country": "CN", "ownership": [{"owner": "Example Telecom Co., Ltd.", "percent": "60", "listed_on": ["unverified_list"]}]}`, ear.Yes, "15 CFR 734.9(e)(1)", ear.Yes},
		{"an unlisted name", `{"name": "Nobody Listed GmbH", "role": "end_user", "country": "CN"}`, ear.No, "15 CFR 734.9(e)(1)", ear.No},
		// A name like that entry's (a possible match), and an owner found on
		// it: footnote 1, 4 or 5 stays open.
		{"a name like the entry citing 734.9(e) bare", `{"name": "Example Supercomputing Technologies Co., Ltd., Shanghai", "role": "end_user", "country": "CN"}`, ear.Indeterminate, "15 CFR 734.9(e)(1)", ear.Indeterminate},
		{"an owner on the entry citing 734.9(e) bare", `{"name": "Sub", "role": "end_user", "country": "CN", "ownership": [{"owner": "Example Supercomputing Technology Co., Ltd.", "percent": "100"}]}`, ear.Indeterminate, "15 CFR 734.9(e)(1)", ear.Indeterminate},
		{"an owner like the entry citing 734.9(e) bare", `{"name": "Sub", "role": "end_user", "country": "CN", "ownership": [{"owner": "Example Supercomputing Technologies Co Ltd", "percent": "100"}]}`, ear.Indeterminate, "15 CFR 734.9(e)(1)", ear.Indeterminate},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, err := DecodeRequest(strings.NewReader(body(tt.parties)))
			if err != nil {
				t.Fatal(err)
			}
			d, err := checker.Check(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			if d.LicenseRequired() != tt.license {
				t.Errorf("license %v, want %v: %+v", d.LicenseRequired(), tt.license, d.LicenseReasons())
			}
			for _, r := range d.FDP() {
				if r.Citation == tt.fdp && r.Outcome != tt.fdpWant {
					t.Errorf("%s %v, want %v: %s", r.Citation, r.Outcome, tt.fdpWant, r.Why)
				}
			}
		})
	}
}
