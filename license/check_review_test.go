package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// reviewRequest is a small valid request: a Japanese-made 3A991 item with
// one US-origin 3A001.a.7 line at 25 of 100 USD, exported from Japan to
// China, with every list of facts given.
const reviewRequest = `{"as_of":"2026-11-28","item":{"id":"X","eccn":"3A991","kind":"commodity","produced_in":"JP",
"value":{"amount":"100","currency":"USD"},
"components":[{"id":"c1","eccn":"3A001.a.7","origin":"us","value":{"amount":"25","currency":"USD"},"relation":"incorporated"}],
"direct_product_of":[],"plant":{"direct_product_of":[]}},
"exported_from":"JP","destination":{"country":"CN"},"parties":[],"end_uses":[],"incorporations":[]}`

func decodeReview(t *testing.T, body string) Request {
	t.Helper()
	req, err := DecodeRequest(strings.NewReader(body))
	if err != nil {
		t.Fatalf("decode: %v\n%s", err, body)
	}
	return req
}

func checkReview(t *testing.T, c *Checker, body string) Determination {
	t.Helper()
	d, err := c.Check(t.Context(), decodeReview(t, body))
	if err != nil {
		t.Fatalf("check: %v", err)
	}
	return d
}

func hasReason(d Determination, cite string, a ear.Answer) bool {
	for _, r := range d.LicenseReasons() {
		if r.Citation == cite && r.Answer == a {
			return true
		}
	}
	return false
}

func hasMissing(d Determination, field string) bool {
	for _, m := range d.Missing() {
		if m.Field == field {
			return true
		}
	}
	return false
}

// TestCheckAIDiffusionReadingReachesLicense: the request's AI diffusion
// reading decides the item's own Country Chart requirement, as it decides
// CountryChart: a US 3A090.a item to Brazil needs a license under the
// codified text and none under the enforced reading.
func TestCheckAIDiffusionReadingReachesLicense(t *testing.T) {
	for _, tt := range []struct {
		reading string
		want    ear.Answer
	}{{"codified", ear.Yes}, {"enforced", ear.No}} {
		body := strings.NewReplacer(`"eccn":"3A991","kind":"commodity","produced_in":"JP"`, `"eccn":"3A090.a","kind":"commodity","produced_in":"US"`,
			`"exported_from":"JP","destination":{"country":"CN"}`, `"exported_from":"US","destination":{"country":"BR"}`,
			`"incorporations":[]}`, `"incorporations":[],"options":{"ai_diffusion":"`+tt.reading+`"}}`).Replace(reviewRequest)
		d := checkReview(t, NewChecker(), body)
		if d.SubjectToEAR() != ear.Yes {
			t.Fatalf("%s: subject %v, want yes", tt.reading, d.SubjectToEAR())
		}
		if got := d.LicenseRequired(); got != tt.want {
			t.Errorf("%s: license %v, want %v; reasons %+v", tt.reading, got, tt.want, d.LicenseReasons())
		}
	}
}

// TestCheckAIDiffusionRowsBefore2025: before the AI diffusion amendments
// (2025-01-13) the codified text of the 3A090/4A090 rows was the text the
// enforced reading uses (742.6(a)(6)(iii) as on 2025-01-12: Macau and
// D:1/D:4/D:5 less A:5/A:6), so both readings give the same answer: a US
// 3A090.a item to Brazil (in no D group) or India (A:5) is not taken to
// need a license under the worldwide row of 2025.
func TestCheckAIDiffusionRowsBefore2025(t *testing.T) {
	for _, dest := range []string{"BR", "IN"} {
		var got [2]ear.Answer
		for i, reading := range []string{"codified", "enforced"} {
			body := strings.NewReplacer(`"as_of":"2026-11-28"`, `"as_of":"2024-06-01"`,
				`"eccn":"3A991","kind":"commodity","produced_in":"JP"`, `"eccn":"3A090.a","kind":"commodity","produced_in":"US"`,
				`"exported_from":"JP","destination":{"country":"CN"}`, `"exported_from":"US","destination":{"country":"`+dest+`"}`,
				`"incorporations":[]}`, `"incorporations":[],"options":{"ai_diffusion":"`+reading+`"}}`).Replace(reviewRequest)
			d := checkReview(t, NewChecker(), body)
			got[i] = d.LicenseRequired()
			if got[i] == ear.Yes {
				t.Errorf("%s %s: license yes; reasons %+v", dest, reading, d.LicenseReasons())
			}
			if hasReason(d, "15 CFR 742.6(a)(6)(iii)(A)", ear.Yes) {
				t.Errorf("%s %s: the row of 2025 read before 2025-01-13", dest, reading)
			}
		}
		if got[0] != got[1] {
			t.Errorf("%s: codified %v, enforced %v; want the same before 2025-01-13", dest, got[0], got[1])
		}
	}
}

// TestCheckMEUListParty: a party the screening list puts on the Military
// End-User List is a military end user (744.21) even when the request
// declares no end use.
func TestCheckMEUListParty(t *testing.T) {
	checker := NewChecker(WithPartyResolver(fixtureIndex(t)))
	body := strings.NewReplacer(`"eccn":"3A991","kind":"commodity","produced_in":"JP"`, `"eccn":"3A991.a.1","kind":"commodity","produced_in":"US"`,
		`"exported_from":"JP","destination":{"country":"CN"}`, `"exported_from":"US","destination":{"country":"RU"}`,
		`"parties":[]`, `"parties":[{"name":"Example Aviation Plant","role":"end_user","country":"RU"}]`).Replace(reviewRequest)
	d := checkReview(t, checker, body)
	if !hasReason(d, "15 CFR 744.21", ear.Yes) || d.LicenseRequired() != ear.Yes {
		t.Errorf("license %v, want yes with a 744.21 reason; reasons %+v", d.LicenseRequired(), d.LicenseReasons())
	}
	// Without the resolver the party is not known to be on the MEU List.
	d = checkReview(t, NewChecker(), body)
	if hasReason(d, "15 CFR 744.21", ear.Yes) {
		t.Errorf("without a screening list: a 744.21 reason %+v", d.LicenseReasons())
	}
}

// TestCheckExportedFromMissing: an absent exported_from leaves 734.3(a)(1)
// open (the item may be in the United States): never "not subject".
func TestCheckExportedFromMissing(t *testing.T) {
	body := strings.Replace(reviewRequest, `"exported_from":"JP",`, ``, 1)
	body = strings.Replace(body, `"value":{"amount":"25"`, `"value":{"amount":"1"`, 1)
	d := checkReview(t, NewChecker(), body)
	if d.SubjectToEAR() != ear.Indeterminate || !hasMissing(d, "exported_from") {
		t.Errorf("subject %v, missing %+v; want indeterminate naming exported_from", d.SubjectToEAR(), d.Missing())
	}
	d = checkReview(t, NewChecker(), strings.Replace(reviewRequest, `"value":{"amount":"25"`, `"value":{"amount":"1"`, 1))
	if d.SubjectToEAR() != ear.No || len(d.Missing()) != 0 {
		t.Errorf("from JP: subject %v, missing %+v; want no", d.SubjectToEAR(), d.Missing())
	}
}

// TestCheckAsOfRequired: the evaluation date is never defaulted.
func TestCheckAsOfRequired(t *testing.T) {
	req := decodeReview(t, strings.Replace(reviewRequest, `"as_of":"2026-11-28",`, ``, 1))
	_, err := Check(req)
	var re *product.FieldError
	if !errors.As(err, &re) || re.Field != "as_of" || !errors.Is(err, product.ErrMissing) {
		t.Fatalf("error %v, want a *product.FieldError at as_of wrapping ErrMissing", err)
	}
}

// TestCheckEntityListDeclarationReason: with parties given and none listed,
// the license reasons say the Entity List answer rests on the declarations.
func TestCheckEntityListDeclarationReason(t *testing.T) {
	d := checkReview(t, NewChecker(), reviewRequest)
	if d.SubjectToEAR() != ear.No {
		// 25 of 100 is within 25 %: the item is not subject, so no
		// license reasons beyond 734.3 are read. Use a US item.
		t.Fatalf("subject %v", d.SubjectToEAR())
	}
	us := strings.Replace(reviewRequest, `"produced_in":"JP"`, `"produced_in":"US"`, 1)
	d = checkReview(t, NewChecker(), us)
	found := false
	for _, r := range d.LicenseReasons() {
		if r.Citation == "15 CFR 744.11" && r.Answer == ear.No && strings.Contains(r.Why, "rests on") {
			found = true
		}
	}
	if !found {
		t.Errorf("no 744.11 reason saying the answer rests on the declarations: %+v", d.LicenseReasons())
	}
}

// TestDeterminationAccessorsCopy: what the accessors return is the
// caller's: changing it never changes the Determination.
func TestDeterminationAccessorsCopy(t *testing.T) {
	body := strings.Replace(reviewRequest, `"direct_product_of":[],"plant"`, `"direct_product_of":[{"eccn":"3E001","origin":"us"}],"plant"`, 1)
	body = strings.Replace(body, `"parties":[]`, `"parties":[{"name":"P","role":"end_user","country":"CN","entity_list_footnotes":[4]}]`, 1)
	d := checkReview(t, NewChecker(), body)
	before, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	dm := d.DeMinimis()
	if len(dm.Lines) == 0 || len(dm.Categories) == 0 {
		t.Fatal("no lines or categories to mutate")
	}
	dm.Lines[0].Why = "MUTATED"
	dm.Categories[0].Why = "MUTATED"
	mutated := 0
	for _, r := range d.FDP() {
		if len(r.Missing) > 0 {
			r.Missing[0].Why = "MUTATED"
			mutated++
		}
		if len(r.Product.Missing) > 0 {
			r.Product.Missing[0].Why = "MUTATED"
		}
		if len(r.Warnings) > 0 {
			r.Warnings[0] = "MUTATED"
			mutated++
		}
		if r.Reading != nil {
			*r.Reading = AIDiffusionEnforced
			mutated++
		}
	}
	if mutated == 0 {
		t.Fatal("no FDP result with a slice or reading to mutate")
	}
	for _, p := range d.Parties() {
		p.Designations.Matches = append(p.Designations.Matches, csl.Match{Name: "MUTATED"})
	}
	if m := d.Missing(); len(m) > 0 {
		m[0].Why = "MUTATED"
	}
	after, err := json.Marshal(d)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(before, after) {
		t.Error("changing what the accessors returned changed the Determination")
	}
}

// TestDeterminationJSONDeMinimisAsResult: the response's de_minimis member
// is byte for byte what DeMinimisResult's own encoding writes.
func TestDeterminationJSONDeMinimisAsResult(t *testing.T) {
	for _, body := range []string{reviewRequest, strings.Replace(reviewRequest, `"id":"c1",`, `"id":"c1","description":"FPGA \u00e9 <&>",`, 1)} {
		d := checkReview(t, NewChecker(), body)
		full, err := json.Marshal(d)
		if err != nil {
			t.Fatal(err)
		}
		var resp struct {
			DM json.RawMessage `json:"de_minimis"`
		}
		if err := json.Unmarshal(full, &resp); err != nil {
			t.Fatal(err)
		}
		want, err := json.Marshal(d.DeMinimis())
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(resp.DM, want) {
			t.Errorf("de_minimis differs:\n got %s\nwant %s", resp.DM, want)
		}
	}
}

func TestPercentText(t *testing.T) {
	for give, want := range map[string]string{"50": "50", "62.50": "62.5", "100.000": "100", "0.125": "0.125", "70": "70", "1E1": "10"} {
		if got := percentText(decimal.RequireFromString(give)); got != want {
			t.Errorf("percentText(%s) = %s, want %s", give, got, want)
		}
	}
}

// TestCheckItemFor: what technology is "for" decides the rows limited by
// it; without it the answer is open and names item.for.
func TestCheckItemFor(t *testing.T) {
	tech := strings.NewReplacer(`"eccn":"3A991","kind":"commodity","produced_in":"JP"`, `"eccn":"3E001","kind":"technology","produced_in":"US"FOR`,
		`"components":[{"id":"c1","eccn":"3A001.a.7","origin":"us","value":{"amount":"25","currency":"USD"},"relation":"incorporated"}]`, `"components":[]`,
		`"exported_from":"JP"`, `"exported_from":"US"`).Replace(reviewRequest)
	for _, tt := range []struct {
		forECCN string
		want    ear.Answer
	}{{"", ear.Indeterminate}, {"3A090.a", ear.Yes}, {"3A991.a", ear.No}} {
		body := strings.Replace(tech, "FOR", "", 1)
		if tt.forECCN != "" {
			body = strings.Replace(tech, "FOR", `,"for":"`+tt.forECCN+`"`, 1)
		}
		d := checkReview(t, NewChecker(), body)
		if d.LicenseRequired() != tt.want {
			t.Errorf("for %q: license %v, want %v; reasons %+v", tt.forECCN, d.LicenseRequired(), tt.want, d.LicenseReasons())
		}
		if tt.want == ear.Indeterminate && !hasMissing(d, "item.for") {
			t.Errorf("for not given: missing %+v, want item.for", d.Missing())
		}
	}
	// "for" belongs to software and technology.
	_, err := Check(decodeReview(t, strings.Replace(reviewRequest, `"kind":"commodity"`, `"kind":"commodity","for":"3A090.a"`, 1)))
	var re *product.FieldError
	if !errors.As(err, &re) || re.Field != "item.for" || !errors.Is(err, product.ErrInconsistent) {
		t.Errorf("for on a commodity: %v, want an inconsistency at item.for", err)
	}
}

// TestWarningsOnce: a gap of the tables that stops several of them is
// warned of once.
func TestWarningsOnce(t *testing.T) {
	body := strings.NewReplacer(`"as_of":"2026-11-28"`, `"as_of":"2020-06-01"`,
		`"destination":{"country":"CN"}`, `"destination":{"country":"HK"}`).Replace(reviewRequest)
	d := checkReview(t, NewChecker(), body)
	seen := map[Warning]bool{}
	n := 0
	for _, w := range d.Warnings() {
		if seen[w] {
			t.Errorf("warned twice: %+v", w)
		}
		seen[w] = true
		if w.Code == WarnNotModelled {
			n++
		}
	}
	if n == 0 {
		t.Errorf("no not_modelled warning for Hong Kong before 2020-12-23: %+v", d.Warnings())
	}
}
