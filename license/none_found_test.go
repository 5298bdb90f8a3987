package license

import (
	"strings"
	"testing"
)

// the80Case is the common case: ECCN, value, bill of materials and
// destination, nothing else.
const the80Case = `{"as_of":"2026-11-28","item":{"id":"C","eccn":"2B991","kind":"commodity","produced_in":"JP","value":{"amount":"100000.00","currency":"USD"},
"components":[{"id":"c1","eccn":"3A001.a.7","origin":"us","value":{"amount":"20000.00","currency":"USD"},"relation":"incorporated"},
{"id":"c2","eccn":"EAR99","origin":"foreign","value":{"amount":"30000.00","currency":"USD"},"relation":"incorporated"}]},
"exported_from":"JP","destination":{"country":"CN"}%s}`

// TestNoneFound: one declaration that the caller checked and found none
// decides the common case, is recorded in the trace, and absent still means
// unknown without it.
func TestNoneFound(t *testing.T) {
	check := func(extra string) Determination {
		t.Helper()
		return checkJSON(t, strings.Replace(the80Case, "%s", extra, 1))
	}
	without := check("")
	with := check(`,"none_found":true`)
	if without.SubjectToEAR().String() != "indeterminate" || len(without.Missing()) == 0 {
		t.Errorf("without the declaration: subject %s, %d missing facts; want indeterminate with the facts named", without.SubjectToEAR(), len(without.Missing()))
	}
	if with.SubjectToEAR().String() != "no" || len(with.Missing()) != 0 {
		t.Errorf("with the declaration: subject %s, missing %v; want no, none", with.SubjectToEAR(), with.Missing())
	}
	found := false
	for _, s := range with.Trace() {
		found = found || s.Citation == "caller's declaration"
	}
	if !found {
		t.Error("the declaration is not in the trace")
	}
	req, err := DecodeRequest(strings.NewReader(strings.Replace(the80Case, "%s", `,"none_found":true,"parties":[{"name":"X","role":"end_user","entity_list_footnotes":[1]}]`, 1)))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Check(req); err == nil || !strings.Contains(err.Error(), "parties[0]") {
		t.Errorf("a listed party with none_found: %v, want an error naming parties[0]", err)
	}
	b, _ := req.MarshalJSON()
	if !strings.Contains(string(b), `"none_found":true`) {
		t.Errorf("none_found not written back: %s", b)
	}
}

// TestMissingGroupedByField: each missing field is named once, with every
// provision it decides.
func TestMissingGroupedByField(t *testing.T) {
	req, err := DecodeRequest(strings.NewReader(strings.Replace(the80Case, "%s", "", 1)))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Check(req)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, m := range d.Missing() {
		if seen[m.Field] {
			t.Errorf("%s is named twice", m.Field)
		}
		seen[m.Field] = true
		if len(m.Decides) == 0 {
			t.Errorf("%s does not say what it decides", m.Field)
		}
	}
	var parties MissingFact
	for _, m := range d.Missing() {
		if m.Field == "parties" {
			parties = m
		}
	}
	if len(parties.Decides) < 3 {
		t.Errorf("parties decides %v; want the FDP footnote rules and 744.11 among them", parties.Decides)
	}
	t.Logf("%d missing facts: %v", len(d.Missing()), fieldsOf(d.Missing()))
}
