package license

import (
	"context"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
)

// screeningRequest is a U.S.-made EAR99 item for a party in China with
// the given name and ownership, as of 2025-10-15 (affiliates rule in force).
func screeningRequest(name, ownership string) string {
	return `{"as_of":"2025-10-15","item":{"id":"S","eccn":"EAR99","kind":"commodity","produced_in":"US","value":{"amount":"100.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"CN"},
"parties":[{"name":"` + name + `","role":"end_user","country":"CN"` + ownership + `}],"end_uses":[],"incorporations":[]}`
}

// TestScreeningSaysHowStrong: the screening list is read for parties and
// their owners; a name like a listed one makes the listing open (never
// cleared), full-width names are folded, and the Determination records how
// each was screened.
func TestScreeningSaysHowStrong(t *testing.T) {
	c := NewChecker(WithPartyResolver(fixtureIndex(t)))
	for _, tt := range []struct {
		name, party, owners string
		want                ear.Answer // 744.11(a)
		screening           string
	}{
		{"exact name", "Example Telecom Co., Ltd.", "", ear.Yes, "fuzzy"},
		{"full-width name", "ＥＸＡＭＰＬＥ　ＴＥＬＥＣＯＭ　ＣＯ．，ＬＴＤ．", "", ear.Yes, "fuzzy"},
		{"a typo: possibly listed", "Exampel Telecom Co., Ltd.", "", ear.Indeterminate, "fuzzy"},
		{"an unrelated name", "Globex Machine Works", "", 0, "fuzzy"},
		{"a 60% owner on the Entity List, found by name", "Newco Ltd", `,"ownership":[{"owner":"Example Telecom Co., Ltd.","percent":"60"}]`, ear.Yes, "fuzzy"},
		{"a 60% owner whose name is like a listed one", "Newco Ltd", `,"ownership":[{"owner":"Exampel Telecom","percent":"60"}]`, ear.Indeterminate, "fuzzy"},
		{"a 10% listed owner passes nothing on", "Newco Ltd", `,"ownership":[{"owner":"Example Telecom Co., Ltd.","percent":"10"}]`, 0, "fuzzy"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, err := DecodeRequest(strings.NewReader(screeningRequest(tt.party, tt.owners)))
			if err != nil {
				t.Fatal(err)
			}
			d, err := c.Check(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			got, why := reasonFor(d.LicenseReasons(), "15 CFR 744.11(a)")
			if got != tt.want {
				t.Errorf("744.11(a): %v (%s), want %v\n%+v", got, why, tt.want, d.LicenseReasons())
			}
			if ps := d.Parties(); len(ps) != 1 || ps[0].Screening != tt.screening {
				t.Errorf("screening record %+v, want %q", ps, tt.screening)
			}
			if tt.want == ear.Indeterminate && !strings.Contains(why, "possible match") {
				t.Errorf("an open listing does not name the possible match: %s", why)
			}
		})
	}
}

// TestScreeningNone: without a resolver the record says no list was
// consulted.
func TestScreeningNone(t *testing.T) {
	req, err := DecodeRequest(strings.NewReader(screeningRequest("Globex", "")))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Check(req)
	if err != nil {
		t.Fatal(err)
	}
	if ps := d.Parties(); len(ps) != 1 || ps[0].Screening != "none" {
		t.Errorf("screening record %+v, want none", ps)
	}
}

// TestTypedNilResolver: a nil *csl.Index as the resolver is an error, not a
// panic.
func TestTypedNilResolver(t *testing.T) {
	var x *csl.Index
	c := NewChecker(WithPartyResolver(x))
	req, err := DecodeRequest(strings.NewReader(screeningRequest("Globex", "")))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Check(context.Background(), req); err == nil {
		t.Error("a nil index resolved the parties")
	}
	var f csl.ScreeningFunc
	if _, err := NewChecker(WithPartyResolver(f)).Check(context.Background(), req); err == nil {
		t.Error("a nil screening func resolved the parties")
	}
}

// TestPartiesListDate: a resolver that says its list's date gets the
// parties_list_date warning when as_of is before that date (a listing
// since removed is not found) or more than 30 days after it (a listing
// since made is not found), and none within; a resolver without a date
// is warned of on every date; declared parties get none.
func TestPartiesListDate(t *testing.T) {
	list := jurisdiction.MustParseDate("2025-10-01")
	dated := NewChecker(WithPartyResolver(fixtureIndex(t).WithListDate(list)))
	undated := NewChecker(WithPartyResolver(fixtureIndex(t)))
	warned := func(c *Checker, body string) (Warning, bool) {
		t.Helper()
		req, err := DecodeRequest(strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		d, err := c.Check(context.Background(), req)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range d.Warnings() {
			if w.Code == WarnPartiesList {
				return w, true
			}
		}
		return Warning{}, false
	}
	at := func(date, ownership string) string {
		return strings.Replace(screeningRequest("Globex Machine Works", ownership), `"as_of":"2025-10-15"`, `"as_of":"`+date+`"`, 1)
	}
	for _, tt := range []struct {
		date string
		want string // "" for no warning
	}{
		{"2025-10-15", ""},
		{"2025-10-31", ""}, // 30 days after: still current
		{"2025-11-01", "more than 30 days before as_of 2025-11-01"},
		{"2025-09-30", "after as_of 2025-09-30: a party listed on 2025-09-30 and removed from the list since is not found"},
		{"2021-03-01", "after as_of 2021-03-01"},
	} {
		w, ok := warned(dated, at(tt.date, ""))
		if ok != (tt.want != "") || !strings.Contains(w.Message, tt.want) {
			t.Errorf("as_of %s: warning %v %q, want %q", tt.date, ok, w.Message, tt.want)
		}
		if w, ok := warned(undated, at(tt.date, "")); !ok || !strings.Contains(w.Message, "whose date is not given") {
			t.Errorf("as_of %s: a resolver without a date: warning %v %q, want one saying the date is not given", tt.date, ok, w.Message)
		}
	}
	// A party that declares its footnotes is not screened; an owner is.
	declared := strings.Replace(at("2021-03-01", ""), `"country":"CN"}]`, `"country":"CN","entity_list_footnotes":[1]}]`, 1)
	if declared == at("2021-03-01", "") {
		t.Fatal("request not changed")
	}
	if w, ok := warned(dated, declared); ok {
		t.Errorf("a declared party only: %q", w.Message)
	}
	owned := at("2021-03-01", `,"ownership":[{"owner":"Globex Holdings","percent":"60"}]`)
	if _, ok := warned(dated, owned); !ok {
		t.Error("a screened party and owner on 2021-03-01: no warning")
	}
}
