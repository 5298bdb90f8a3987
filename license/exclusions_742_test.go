package license

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/earcheck/ear"
)

// smeRequest is a Japanese deposition tool (3B001.d, of the SME FDP rule's
// list) made with U.S. 3E992 technology (no written assurance), with no
// U.S. content, shipped from Japan to China: subject to the EAR only under
// 734.9(k). The placeholders are replaced per case.
const smeRequest = `{"as_of": "AS_OF", "item": {"id": "T-1", "eccn": "3B001.d", "kind": "commodity", "produced_in": "MADE",
 "value": {"amount": "5000000", "currency": "USD"}, "components": [],
 "direct_product_of": [{"eccn": "3E992", "origin": "us", "written_assurance": WA}], "plant": {"direct_product_of": []}},
 "exported_from": "FROM", "destination": {"country": "DEST"},
 "parties": [{"name": "Fab", "role": "end_user", "country": "DEST", "headquartered_in": "DEST"}], "end_uses": [], "incorporations": []EXPORTER}`

// TestSMEExclusion: the exclusions of 742.4(a)(4)(ii)(B) and
// 742.6(a)(6)(i)(A)(2)(ii) lift the SME requirements only for an item
// subject to the EAR under 734.9(k) alone, shipped by an entity located in
// Japan or the Netherlands and headquartered, with its ultimate parent,
// outside Macau and D:5; every missing or contrary fact leaves the
// requirement standing and says why (the exclusion is the exporter's to
// establish: an undecided other ground, such as 734.9(b) with its written
// assurance not stated, keeps the requirement too).
func TestSMEExclusion(t *testing.T) {
	const jp = `, "exporter": {"located_in": "JP", "headquarters": "JP", "ultimate_parent_headquarters": "JP"}`
	cases := []struct {
		name     string
		repl     []string // pairs of placeholder, value over the defaults
		license  ear.Answer
		contains string // in the 742.4(a)(4) reason's why
	}{
		{"Japanese maker, excluded", nil, ear.No, "excluded by 15 CFR 742.4(a)(4)(ii)(B)"},
		{"Dutch maker, excluded", []string{"MADE", "NL", "FROM", "NL", "EXPORTER", strings.ReplaceAll(jp, "JP", "NL")}, ear.No, "excluded by 15 CFR 742.4(a)(4)(ii)(B)"},
		{"to Macau, excluded", []string{"DEST", "MO"}, ear.No, "excluded by"},
		{"exporter not given", []string{"EXPORTER", ""}, ear.Yes, "is not applied: the exporter's location, headquarters and ultimate parent's headquarters (exporter) are not all given"},
		{"parent not given", []string{"EXPORTER", `, "exporter": {"located_in": "JP", "headquarters": "JP"}`}, ear.Yes, "not all given"},
		{"Korean exporter", []string{"MADE", "KR", "FROM", "KR", "EXPORTER", strings.ReplaceAll(jp, "JP", "KR")}, ear.Yes, "does not apply: the exporter is located in KR"},
		{"headquartered in China", []string{"EXPORTER", `, "exporter": {"located_in": "JP", "headquarters": "CN", "ultimate_parent_headquarters": "CN"}`}, ear.Yes, "does not apply: the exporter is headquartered in CN"},
		{"parent in Macau", []string{"EXPORTER", `, "exporter": {"located_in": "JP", "headquarters": "JP", "ultimate_parent_headquarters": "MO"}`}, ear.Yes, "does not apply: its ultimate parent is headquartered in MO"},
		{"also under 734.9(b), undecided", []string{"WA", "null"}, ear.Yes, "also subject to the EAR under 15 CFR 734.9(b) (indeterminate)"},
		{"exported from the United States", []string{"FROM", "US"}, ear.Yes, "also subject to the EAR under 15 CFR 734.3(a)(1)"},
		{"US-origin tool: no FDP rule, no exclusion", []string{"MADE", "US"}, ear.Yes, "covers 3B001.d: yes"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			body := smeRequest
			repl := append([]string{}, tc.repl...)
			repl = append(repl, "AS_OF", "2026-11-28", "MADE", "JP", "FROM", "JP", "DEST", "CN", "WA", "false", "EXPORTER", jp)
			for i := 0; i < len(repl); i += 2 {
				if strings.Contains(body, repl[i]) {
					body = strings.ReplaceAll(body, repl[i], repl[i+1])
				}
			}
			d := checkReview(t, NewChecker(), body)
			if d.LicenseRequired() != tc.license {
				t.Errorf("license required %s, want %s; reasons %+v", d.LicenseRequired(), tc.license, d.LicenseReasons())
			}
			found := false
			for _, r := range d.LicenseReasons() {
				if r.Citation == "15 CFR 742.4(a)(4)" {
					found = true
					if tc.license != ear.No && strings.Contains(r.Why, "excluded by") {
						t.Errorf("742.4(a)(4) reason %q says excluded", r.Why)
					}
					if !strings.Contains(r.Why, tc.contains) {
						t.Errorf("742.4(a)(4) reason %q, want it to say %q", r.Why, tc.contains)
					}
				}
			}
			if !found {
				t.Errorf("no 742.4(a)(4) reason among %+v", d.LicenseReasons())
			}
		})
	}
}

// TestSMEExclusionBeforeRule: before 734.9(k) (2024-12-02) the Japanese
// tool is not subject to the EAR, whatever the exporter.
func TestSMEExclusionBeforeRule(t *testing.T) {
	body := strings.NewReplacer("AS_OF", "2024-11-15", "MADE", "JP", "FROM", "JP", "DEST", "CN", "WA", "false",
		"EXPORTER", `, "exporter": {"located_in": "JP", "headquarters": "JP", "ultimate_parent_headquarters": "JP"}`).Replace(smeRequest)
	d := checkReview(t, NewChecker(), body)
	if d.SubjectToEAR() != ear.No || d.LicenseRequired() != ear.No {
		t.Errorf("subject %s, license %s; want no, no", d.SubjectToEAR(), d.LicenseRequired())
	}
}

// TestExporterJSON: the exporter member round-trips and is strict.
func TestExporterJSON(t *testing.T) {
	body := strings.NewReplacer("AS_OF", "2026-11-28", "MADE", "JP", "FROM", "JP", "DEST", "CN", "WA", "false",
		"EXPORTER", `, "exporter": {"located_in": "JP", "headquarters": "NL", "ultimate_parent_headquarters": "US"}`).Replace(smeRequest)
	req := decodeReview(t, body)
	if got := req.Exporter; got.LocatedIn.String() != "JP" || got.Headquarters.String() != "NL" || got.UltimateParentHeadquarters.String() != "US" {
		t.Fatalf("exporter %+v", got)
	}
	out, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(out), `"exporter":{"located_in":"JP","headquarters":"NL","ultimate_parent_headquarters":"US"}`) {
		t.Errorf("marshalled request has no exporter: %s", out)
	}
	back := decodeReview(t, string(out))
	if back.Exporter != req.Exporter {
		t.Errorf("round trip: %+v, want %+v", back.Exporter, req.Exporter)
	}
	for give, field := range map[string]string{
		`{"located_in": "XX"}`:  "exporter.located_in",
		`{"headquarter": "JP"}`: "exporter.headquarter",
		`"JP"`:                  "exporter",
		`{"located_in": 7}`:     "exporter.located_in",
	} {
		b := strings.NewReplacer("AS_OF", "2026-11-28", "MADE", "JP", "FROM", "JP", "DEST", "CN", "WA", "false",
			"EXPORTER", `, "exporter": `+give).Replace(smeRequest)
		_, err := DecodeRequest(strings.NewReader(b))
		if err == nil || !strings.Contains(err.Error(), field+":") {
			t.Errorf("exporter %s: error %v, want one at %s", give, err, field)
		}
	}
}
