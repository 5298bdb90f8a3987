package license

import (
	"encoding/json"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// TestWalkDatesSince2020 decides every public vector on the first day of
// each month from 2020-01-01 to 2026-12-01: every date answers (no error);
// every FDP rule appears in the results exactly when its data puts it in
// force, at a predecessor of the same substance, or leaves it open (at a
// predecessor not modelled); and
// where the chart is not modelled, an item on the CCL is never cleared
// of a license unless it is not subject to the EAR.
func TestWalkDatesSince2020(t *testing.T) {
	var reqs []Request
	for _, file := range []string{"testdata/deminimis.json", "testdata/fdp.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var vf struct {
			Cases []struct {
				Request json.RawMessage `json:"request"`
				Expect  struct {
					Error json.RawMessage `json:"error"`
				} `json:"expect"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(data, &vf); err != nil {
			t.Fatal(err)
		}
		for _, c := range vf.Cases {
			if c.Expect.Error != nil {
				continue
			}
			var req Request
			if err := json.Unmarshal(c.Request, &req); err != nil {
				continue // a vector of a decoding error
			}
			reqs = append(reqs, req)
		}
	}
	if len(reqs) < 50 {
		t.Fatalf("%d vectors", len(reqs))
	}
	rules := fdp.Default()
	c := NewChecker()
	for y := 2020; y <= 2026; y++ {
		for m := 1; m <= 12; m++ {
			asOf, _ := jurisdiction.NewDate(y, time.Month(m), 1)
			for _, req := range reqs {
				req.AsOf = asOf
				d, err := c.Check(t.Context(), req)
				if err != nil {
					t.Fatalf("%s on %s: %v", req.Item.ID, asOf, err)
				}
				var got []string
				for _, r := range d.FDP() {
					got = append(got, r.Citation)
				}
				var want []string
				for _, r := range rules.Rules() {
					if r.InForce(asOf) || r.AtPredecessor(asOf) || r.Unmodelled(asOf) {
						want = append(want, r.Citation.String())
					}
				}
				if !slices.Equal(got, want) {
					t.Fatalf("%s on %s: FDP rules %v, want %v", req.Item.ID, asOf, got, want)
				}
				_, chartErr := jurisdiction.ChartRowAsOf(req.Destination.Country, asOf)
				onCCL := req.Item.ECCN.IsValid() && !req.Item.ECCN.IsEAR99()
				if chartErr != nil && onCCL && d.SubjectToEAR() != ear.No && d.LicenseRequired() == ear.No {
					t.Fatalf("%s on %s: no license required while the chart is not modelled", req.Item.ID, asOf)
				}
			}
		}
	}
}

// TestHistoryDoneWhen: the SME FDP rule (734.9(k)) is not in force on
// 2024-06-01 and is on 2025-01-15; a date before 2020 is an error.
func TestHistoryDoneWhen(t *testing.T) {
	body := `{"as_of":"2024-06-01","item":{"id":"SME","eccn":"3B001.c.1.a","kind":"commodity","produced_in":"JP",
"value":{"amount":"1000000","currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[{"eccn":"3E001","origin":"us","for":"3B001"}]}},
"exported_from":"JP","destination":{"country":"CN"},"parties":[],"end_uses":[],"incorporations":[]}`
	c := NewChecker()
	at := func(d string) Determination {
		req := decodeReview(t, body)
		req.AsOf = jurisdiction.MustParseDate(d)
		det, err := c.Check(t.Context(), req)
		if err != nil {
			t.Fatalf("%s: %v", d, err)
		}
		return det
	}
	k := func(d Determination) (FDPResult, bool) {
		for _, r := range d.FDP() {
			if r.Citation == "15 CFR 734.9(k)" {
				return r, true
			}
		}
		return FDPResult{}, false
	}
	if r, ok := k(at("2024-06-01")); ok {
		t.Errorf("734.9(k) on 2024-06-01: %s", r.Outcome)
	}
	if r, ok := k(at("2025-01-15")); !ok || r.Outcome != ear.Yes {
		t.Errorf("734.9(k) on 2025-01-15: %v %s: %s", ok, r.Outcome, r.Why)
	}
	req := decodeReview(t, body)
	req.AsOf = jurisdiction.MustParseDate("2019-12-31")
	_, err := c.Check(t.Context(), req)
	if fe, ok := err.(*product.FieldError); !ok || fe.Field != "as_of" || fe.Code() != "date_out_of_range" {
		t.Errorf("2019-12-31: %v", err)
	}
}

// TestHistoryHuaweiRule: a Taiwanese IC layout database designed with U.S.
// 3D991 software, for a footnote 1 party (the public vector E1-01): subject
// to the EAR on 2021-03-01 (the Huawei rule of 2020-08-17, then at
// 736.2(b)(3)(vi)), not on 2020-03-01.
func TestHistoryHuaweiRule(t *testing.T) {
	data, err := os.ReadFile("testdata/fdp.json")
	if err != nil {
		t.Fatal(err)
	}
	var vf struct {
		Cases []struct {
			ID      string          `json:"id"`
			Request json.RawMessage `json:"request"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &vf); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(vf.Cases, func(c struct {
		ID      string          `json:"id"`
		Request json.RawMessage `json:"request"`
	}) bool {
		return c.ID == "E1-01"
	})
	if i < 0 {
		t.Fatal("no vector E1-01")
	}
	c := NewChecker()
	for _, tt := range []struct {
		asOf string
		want ear.Answer
	}{{"2021-03-01", ear.Yes}, {"2020-03-01", ear.No}, {"2020-06-01", ear.Indeterminate}} {
		req := decodeReview(t, string(vf.Cases[i].Request))
		req.AsOf = jurisdiction.MustParseDate(tt.asOf)
		d, err := c.Check(t.Context(), req)
		if err != nil {
			t.Fatal(err)
		}
		if d.SubjectToEAR() != tt.want {
			t.Errorf("%s: subject %s, want %s (grounds %v)", tt.asOf, d.SubjectToEAR(), tt.want, d.Grounds())
		}
	}
}

// TestChanges: the dated changes come in date order, within the dates
// asked and from 2020-01-01, and hold the changes the data records.
func TestChanges(t *testing.T) {
	from, to := jurisdiction.MustParseDate("2019-01-01"), jurisdiction.MustParseDate("2026-12-31")
	cs := Changes(from, to)
	for i, c := range cs {
		if c.Effective.Before(supportedFrom) || c.Effective.After(to) || c.Provision == "" || c.What == "" {
			t.Errorf("change %d: %+v", i, c)
		}
		if i > 0 && c.Effective.Before(cs[i-1].Effective) {
			t.Errorf("change %d out of date order: %s after %s", i, c.Effective, cs[i-1].Effective)
		}
	}
	has := func(d, prov string) bool {
		return slices.ContainsFunc(cs, func(c Change) bool { return c.Effective.String() == d && c.Provision == prov })
	}
	for _, want := range [][2]string{
		{"2020-05-15", "15 CFR 736.2(b)(3)(vi)"}, {"2020-08-17", "15 CFR 734.9(e)(1)"}, {"2024-12-02", "15 CFR 734.9(k)"},
		{"2024-12-02", "15 CFR 734.4(a)(8)"}, {"2024-03-15", "Supp. No. 1 to part 740, D:5"}, {"2020-06-29", "15 CFR 740.5"},
		{"2025-09-29", "15 CFR 744.11"},
	} {
		if !has(want[0], want[1]) {
			t.Errorf("no change %s %s", want[0], want[1])
		}
	}
	if got := Changes(jurisdiction.MustParseDate("2024-12-02"), jurisdiction.MustParseDate("2024-12-02")); len(got) == 0 || slices.ContainsFunc(got, func(c Change) bool { return c.Effective.String() != "2024-12-02" }) {
		t.Errorf("one day: %v", got)
	}
	if got := Changes(to, from); got != nil {
		t.Errorf("reversed range: %v", got)
	}
}

// TestHistoryRussiaContent: a Turkish controller with a U.S. 3A991 chip at
// 30 percent of its value, to Russia. On 2023-01-15 (746.8: every CCL item
// since 2022-04-08) the chip is controlled content and the controller is
// subject to the EAR. On 2022-01-15 no Part 746 program covers Russia,
// and the Country Chart of that date is not modelled: the chip's status is
// open, never counted as cleared.
func TestHistoryRussiaContent(t *testing.T) {
	body := `{"as_of":"2023-01-15","item":{"id":"TR-CTL","eccn":"EAR99","kind":"commodity","produced_in":"TR",
"value":{"amount":"1000","currency":"USD"},"components":[{"id":"chip","eccn":"3A991.a.1","origin":"us","relation":"incorporated","value":{"amount":"300","currency":"USD"}}],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"TR","destination":{"country":"RU"},"parties":[],"end_uses":[],"incorporations":[]}`
	c := NewChecker()
	check := func(date string) Determination {
		req := decodeReview(t, body)
		req.AsOf = jurisdiction.MustParseDate(date)
		d, err := c.Check(t.Context(), req)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	d := check("2023-01-15")
	if l := d.DeMinimis().Lines[0]; !l.Counted || d.SubjectToEAR() != ear.Yes {
		t.Errorf("2023-01-15: counted %v (%s), subject %s", l.Counted, l.Why, d.SubjectToEAR())
	}
	// Before the Russia rule no Part 746 program reaches the chip, and the
	// Russia row as reconstructed for 2022 has no AT mark; but the CCL rows
	// of 2022 are not modelled, and today's 3A991 row requiring nothing
	// does not decide an earlier date: the line stays open and names the
	// entry's rows on that date (not "counted", not "no").
	d = check("2022-01-15")
	if l := d.DeMinimis().Lines[0]; l.Counted || l.Status != ear.Indeterminate || !strings.Contains(l.Why, "may be required") {
		t.Errorf("2022-01-15: counted %v, status %s (%s)", l.Counted, l.Status, l.Why)
	}
	if !hasMissing(d, "item.components[0].eccn") {
		t.Errorf("2022-01-15: missing %+v, want the line's CCL rows named", d.Missing())
	}
	// Between the Russia rule (Categories 3 to 9) and its extension to
	// the whole CCL, the chip (Category 3) counts too.
	if l := check("2022-03-01").DeMinimis().Lines[0]; !l.Counted {
		t.Errorf("2022-03-01: not counted (%s)", l.Why)
	}
}
