package recheck_test

import (
	"fmt"
	"strings"
	"testing"
	"unsafe"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/recheck"
)

// sme is a Japanese etch tool made on a plant built with U.S. 3E001
// technology, for China.
const sme = `{"as_of":"2024-11-01","item":{"id":"SME-1","eccn":"3B001.c.1.a","kind":"commodity","produced_in":"JP",
"value":{"amount":"5000000","currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[{"eccn":"3E001","origin":"us","for":"3B001"}]}},
"exported_from":"JP","destination":{"country":"CN"},"parties":[{"name":"Fab","role":"end_user","country":"CN","headquartered_in":"CN"}],"end_uses":[],"incorporations":[]}`

func check(t testing.TB, body, date string) license.Determination {
	t.Helper()
	req, err := license.DecodeRequest(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.AsOf = jurisdiction.MustParseDate(date)
	d, err := license.Check(req)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func field(c recheck.Comparison, f string) (recheck.Difference, bool) {
	for _, d := range c.Differences {
		if d.Field == f {
			return d, true
		}
	}
	return recheck.Difference{}, false
}

func TestCompare(t *testing.T) {
	before, after := check(t, sme, "2024-11-01"), check(t, sme, "2025-01-15")
	c := recheck.Compare(before, after)
	if !c.Flipped() || c.ItemID != "SME-1" {
		t.Fatalf("not flipped: %+v", c)
	}
	d, ok := field(c, "fdp[15 CFR 734.9(k)]")
	if !ok || d.Before != "does_not_apply" || d.After != "applies" || len(d.Causes) != 1 || d.Causes[0].Provision != "15 CFR 734.9(k)" || d.Causes[0].Effective.String() != "2024-12-02" {
		t.Errorf("(k): %+v %v", d, ok)
	}
	s, ok := field(c, "subject_to_ear")
	if !ok || s.Before != "indeterminate" || s.After != "yes" || len(s.Causes) == 0 {
		t.Errorf("subject: %+v %v", s, ok)
	}
	// Either order: the same differences, answers swapped.
	r := recheck.Compare(after, before)
	if rs, _ := field(r, "subject_to_ear"); rs.Before != "yes" || rs.After != "indeterminate" || len(rs.Causes) != len(s.Causes) {
		t.Errorf("reversed: %+v", rs)
	}
	// The same date: nothing differs.
	if n := len(recheck.Compare(after, after).Differences); n != 0 {
		t.Errorf("same date: %d differences", n)
	}
	// A window serves many comparisons with the same answers.
	w := recheck.Between(before.AsOf(), after.AsOf())
	if got := w.Compare(before, after); fmt.Sprint(got) != fmt.Sprint(c) {
		t.Errorf("window: %+v", got)
	}
}

// TestCompareKeepsNoRequestText: a comparison with differences is kept
// (a recheck keeps the orders that changed), so its item id is a copy, not
// a cut of the decoded request's text, which it would otherwise hold
// alive.
func TestCompareKeepsNoRequestText(t *testing.T) {
	req, err := license.DecodeRequest(strings.NewReader(sme))
	if err != nil {
		t.Fatal(err)
	}
	at := func(date string) license.Determination {
		r := req
		r.AsOf = jurisdiction.MustParseDate(date)
		d, err := license.Check(r)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	c := recheck.Compare(at("2024-11-01"), at("2025-01-15"))
	if len(c.Differences) == 0 || c.ItemID != req.Item.ID {
		t.Fatalf("comparison: %+v", c)
	}
	if unsafe.StringData(c.ItemID) == unsafe.StringData(req.Item.ID) {
		t.Error("the kept item id shares the request's text")
	}
}

// A Japanese etch tool for China, rechecked across the December 2024
// semiconductor rules.
func ExampleCompare() {
	at := func(date string) license.Determination {
		req, _ := license.DecodeRequest(strings.NewReader(sme))
		req.AsOf = jurisdiction.MustParseDate(date)
		d, _ := license.Check(req)
		return d
	}
	c := recheck.Compare(at("2024-11-01"), at("2025-01-15"))
	for _, d := range c.Differences {
		if d.Field == "subject_to_ear" {
			fmt.Println(d.Field, d.Before, "->", d.After)
			for _, cause := range d.Causes {
				fmt.Println(" ", cause.Effective, cause.Provision)
			}
		}
	}
	// Output:
	// subject_to_ear indeterminate -> yes
	//   2024-12-02 15 CFR 734.9(k)
}
