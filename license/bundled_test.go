package license

import (
	"strings"
	"testing"

	"github.com/earcheck/ear"
)

// TestBundledSoftwareLicense: US-origin software bundled with a foreign
// item is outside the de minimis exclusion unless it is EAR99 or AT-only
// (Notes (3) to 734.4(c)(1) and (d)(1)), and subject to the EAR on its own:
// its own classification is read under the Country Chart, and the
// determination never answers "no license".
func TestBundledSoftwareLicense(t *testing.T) {
	req := func(line string) string {
		return `{"as_of":"2026-11-28","item":{"id":"M","eccn":"2B991","kind":"commodity","produced_in":"JP","value":{"amount":"100000.00","currency":"USD"},
"components":[` + line + `],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"CN"},
"parties":[{"name":"C","role":"end_user","country":"CN","headquartered_in":"CN"}],"end_uses":[],"incorporations":[]}`
	}
	for _, tt := range []struct {
		name, line string
		want       ear.Answer // the bundled line's reason; 0: none
		license    ear.Answer
		missing    string
	}{
		{"NS software to China", `{"id":"s1","eccn":"4D001.a","origin":"us","value":{"amount":"10000.00","currency":"USD"},"relation":"bundled"}`, ear.Yes, ear.Indeterminate, ""},
		{"EAR99 software: within the exclusion", `{"id":"s1","eccn":"EAR99","origin":"us","value":{"amount":"10000.00","currency":"USD"},"relation":"bundled"}`, 0, ear.No, ""},
		{"AT-only software: within the exclusion", `{"id":"s1","eccn":"4D994","origin":"us","value":{"amount":"10000.00","currency":"USD"},"relation":"bundled"}`, 0, ear.No, ""},
		{"unclassified software", `{"id":"s1","origin":"us","value":{"amount":"10000.00","currency":"USD"},"relation":"bundled"}`, ear.Indeterminate, ear.Indeterminate, "item.components[0].eccn"},
		{"foreign software", `{"id":"s1","eccn":"4D001.a","origin":"foreign","value":{"amount":"10000.00","currency":"USD"},"relation":"bundled"}`, 0, ear.No, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := checkJSON(t, req(tt.line))
			var got ear.Answer
			for _, x := range d.LicenseReasons() {
				if strings.Contains(x.Why, "bundled") {
					got = x.Answer
				}
			}
			if got != tt.want {
				t.Errorf("bundled line's reason %v, want %v: %+v", got, tt.want, d.LicenseReasons())
			}
			if d.LicenseRequired() != tt.license {
				t.Errorf("license required %v, want %v", d.LicenseRequired(), tt.license)
			}
			if tt.missing != "" {
				found := false
				for _, m := range d.Missing() {
					found = found || m.Field == tt.missing
				}
				if !found {
					t.Errorf("missing %q not named: %+v", tt.missing, d.Missing())
				}
			}
		})
	}
}

// TestBundledSoftwareNotCovered: no License Exception is evaluated for
// the bundled software's own requirement, so an exception found for the
// item (ENC for a 5A002 item) does not cover it, even where the software's
// chart row is the item's.
func TestBundledSoftwareNotCovered(t *testing.T) {
	d := checkJSON(t, `{"as_of":"2026-11-28","item":{"id":"M","eccn":"5A002.a","kind":"commodity","produced_in":"JP","value":{"amount":"100000.00","currency":"USD"},
"components":[{"id":"s1","eccn":"4D001.a","origin":"us","value":{"amount":"50000.00","currency":"USD"},"relation":"bundled"}],"direct_product_of":[],"plant":{"direct_product_of":[]}},
"exported_from":"JP","destination":{"country":"CN"},"parties":[{"name":"C","role":"end_user","country":"CN"}],"end_uses":[],"incorporations":[],
"exception_facts":{"encryption":"740.17(b)(1)"}}`)
	if d.CoveredByExceptions() == ear.Yes {
		t.Errorf("covered by exceptions yes with bundled 4D001.a software: %+v", d.LicenseReasons())
	}
}
