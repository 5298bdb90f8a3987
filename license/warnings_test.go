package license

import (
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/license/fdp"
)

func warningCodes(d Determination) string {
	var cs []string
	for _, w := range d.Warnings() {
		cs = append(cs, w.Code)
	}
	return strings.Join(cs, ",")
}

// TestWarnings: what a Determination rests on that the caller should
// confirm is named, with a stable code.
func TestWarnings(t *testing.T) {
	base := func(asOf, dest, extra string) string {
		return `{"as_of":"` + asOf + `","item":{"id":"W","eccn":"3A001.a.7","kind":"commodity","produced_in":"US","value":{"amount":"100.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"` + dest + `"},"incorporations":[]` + extra + `}`
	}
	for _, tt := range []struct {
		name, req, want string
	}{
		{"within 30 days of the CCL issue", base("2026-08-01", "DE", `,"parties":[],"end_uses":[]`), ""},
		{"long after the tables", base("2026-11-28", "DE", `,"parties":[],"end_uses":[]`), WarnStaleTables},
		{"Hong Kong read as China", base("2026-08-01", "HK", `,"parties":[],"end_uses":[]`), WarnReadAs},
		{"a territory read as its parent", base("2026-08-01", "GL", `,"parties":[],"end_uses":[]`), WarnReadAs},
		{"a plain end use read as at the destination", base("2026-08-01", "DE", `,"parties":[],"end_uses":["supercomputer"]`), WarnEndUseLocation},
		{"a located end use", base("2026-08-01", "DE", `,"parties":[],"end_uses":[{"use":"supercomputer","located_in":"DE"}]`), ""},
		{"affiliates taken as back in force", base("2026-11-20", "DE", `,"parties":[{"name":"S","role":"end_user","ownership":[{"owner":"P","percent":"60","entity_list_footnotes":[1]}]}],"end_uses":[]`), WarnStaleTables + "," + WarnAffiliates},
		{"734.9(l) open, its text read", `{"as_of":"2026-08-01","item":{"id":"M","eccn":"4E091","kind":"technology","produced_in":"GB","value":{"amount":"100.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[{"eccn":"3E001","origin":"us"}]}},"exported_from":"GB","destination":{"country":"FR"},"incorporations":[],"parties":[],"end_uses":[]}`, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := checkJSON(t, tt.req)
			if got := warningCodes(d); got != tt.want {
				t.Errorf("warnings %q, want %q: %+v", got, tt.want, d.Warnings())
			}
		})
	}
}

// TestItemIDEchoed: the response names the item it answers for.
func TestItemIDEchoed(t *testing.T) {
	req, err := DecodeRequest(strings.NewReader(`{"as_of":"2026-08-01","item":{"id":"ECHO-1","eccn":"EAR99","kind":"commodity","produced_in":"US","value":{"amount":"1.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"DE"},"parties":[],"end_uses":[],"incorporations":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Check(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := d.MarshalJSON()
	if d.ItemID() != "ECHO-1" || !strings.HasPrefix(string(b), `{"item_id":"ECHO-1",`) {
		t.Errorf("item id %q, JSON %.60s", d.ItemID(), b)
	}
}

// TestWarningTextNotRead: a rule set whose rule has no text read in its
// provenance (here (l) with its TextRead sources taken out) warns when that
// rule does not come out "does not apply".
func TestWarningTextNotRead(t *testing.T) {
	rules := fdp.Default().Rules()
	for i := range rules {
		if rules[i].Citation.String() == "15 CFR 734.9(l)" {
			rules[i].Provenance = slices.DeleteFunc(rules[i].Provenance, func(s fdp.Source) bool { return s.Basis == fdp.TextRead })
		}
	}
	set, err := fdp.NewSet(rules...)
	if err != nil {
		t.Fatal(err)
	}
	req, err := DecodeRequest(strings.NewReader(`{"as_of":"2026-08-01","item":{"id":"M","eccn":"4E091","kind":"technology","produced_in":"GB","value":{"amount":"100.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"GB","destination":{"country":"FR"},"incorporations":[],"parties":[],"end_uses":[]}`))
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewChecker(WithFDPRules(set)).Check(context.Background(), req)
	if err != nil {
		t.Fatal(err)
	}
	if got := warningCodes(d); got != WarnTextNotRead {
		t.Errorf("warnings %q, want %q: %+v", got, WarnTextNotRead, d.Warnings())
	}
}
