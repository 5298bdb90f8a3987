package license

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license/exception"
)

// fixRequest is the request of the review's repros (/tmp/rt-x): one
// item of kind, made in and exported from the United States, worth value
// dollars, to dest on asOf, with one end user there and the exception
// facts given (JSON).
func fixRequest(asOf, eccn, kind, value, dest, facts string) string {
	return fmt.Sprintf(`{"as_of":%q,"item":{"id":"X","eccn":%q,"kind":%q,"produced_in":"US",
"value":{"amount":%q,"currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},
"exported_from":"US","destination":{"country":%q},"end_uses":[],"incorporations":[],
"parties":[{"name":"c","role":"end_user","country":%q,"entity_list_footnotes":[],"headquartered_in":%q,"ownership":[]}],
"exception_facts":%s}`, asOf, eccn, kind, value, dest, dest, dest, facts)
}

const unFacts = `{"order_value":{"amount":"100.00","currency":"USD"},"annual_value":{"amount":"100.00","currency":"USD"},
"meets":{"TMP":"740.9(a)(6)","RPL":"740.10(a)","GOV":"740.11(c)","TSU":"740.13(a)","BAG":"740.14(b)"}}`

// TestReviewFalseClearances runs the false clearances of the review
// (D1-D4, Q1/Q2) through Check: no exception may be available where the
// text bars it, and the requirements are not covered by one.
func TestReviewFalseClearances(t *testing.T) {
	c := NewChecker()
	const day = "2026-01-15"
	tests := []struct {
		name     string
		body     string
		notAvail []exception.Code // not available
		open     []exception.Code // indeterminate
		avail    []exception.Code // available
		covered  ear.Answer
	}{
		// D1, 746.1(b)(4).
		{"D1 0B501 to Lebanon", fixRequest(day, "0B501", "commodity", "1000.00", "LB", unFacts),
			[]exception.Code{exception.LVS, exception.TMP, exception.RPL, exception.GOV, exception.BAG}, nil, nil, ear.No},
		{"D1 0B505 to Lebanon", fixRequest(day, "0B505", "commodity", "1000.00", "LB", unFacts),
			[]exception.Code{exception.LVS, exception.TMP, exception.RPL, exception.GOV, exception.BAG}, nil, nil, ear.No},
		{"D1 0D501 to Lebanon", fixRequest(day, "0D501", "software", "1000.00", "LB", unFacts),
			[]exception.Code{exception.TMP, exception.GOV, exception.TSU, exception.BAG}, nil, nil, ear.No},
		// 746.1(b)(4) bars every exception but GOV (b) for the export of an
		// item with a UN reason for control to Lebanon: TMP, TSU and BAG do
		// not overcome its NS1 and RS1 rows either.
		{"D1 0E501 to Lebanon", fixRequest(day, "0E501", "technology", "1000.00", "LB", unFacts),
			[]exception.Code{exception.GOV, exception.TMP, exception.TSU, exception.BAG}, nil, nil, ear.No},
		{"D1 GOV (b)(2)(ii) stays", fixRequest(day, "0B501", "commodity", "1000.00", "LB", `{"meets":{"GOV":"740.11(b)(2)(ii)","*":"none"}}`),
			nil, nil, []exception.Code{exception.GOV}, ear.Yes},
		// D2, 746.8(c)(2)(ii).
		{"D2 EAR99 software to Russia", fixRequest("2025-11-01", "EAR99", "software", "1000.00", "RU", `{"meets":{"GOV":"740.11(b)(2)"}}`),
			nil, []exception.Code{exception.GOV}, nil, ear.Indeterminate},
		// D3, 740.11.
		{"D3 (c)(2)(i) to China", fixRequest(day, "3A001.a.7", "commodity", "1000.00", "CN", `{"meets":{"GOV":"740.11(c)(2)(i)"}}`),
			[]exception.Code{exception.GOV}, nil, nil, ear.Indeterminate},
		{"D3 (c)(2)(i) to Cuba", fixRequest(day, "EAR99", "commodity", "1000.00", "CU", `{"meets":{"GOV":"740.11(c)(2)(i)"}}`),
			[]exception.Code{exception.GOV}, nil, nil, ear.Indeterminate},
		{"D3 (e) to Brazil", fixRequest(day, "3A001.a.7", "commodity", "1000.00", "BR", `{"meets":{"GOV":"740.11(e)","*":"none"}}`),
			[]exception.Code{exception.GOV}, nil, []exception.Code{exception.GBS}, ear.Yes},
		{"D3 (a) EI 5A002 to Germany", fixRequest(day, "5A002.a", "commodity", "1000.00", "DE", `{"meets":{"GOV":"740.11(a)"}}`),
			[]exception.Code{exception.GOV}, nil, nil, ear.Indeterminate},
		{"D3 (b)(2)(iii)(B) CB item to China", fixRequest(day, "1C351.d.11", "commodity", "1000.00", "CN", `{"meets":{"GOV":"740.11(b)(2)(iii)(B)"}}`),
			[]exception.Code{exception.GOV}, nil, nil, ear.Indeterminate},
		// D4, 740.7.
		{"D4 Pakistan (c)(1)", fixRequest(day, "4A003.b", "commodity", "1000.00", "PK", `{"meets":{"APP":"740.7(c)(1)"}}`),
			[]exception.Code{exception.APP}, nil, nil, ear.Indeterminate},
		{"D4 Pakistan (d)", fixRequest(day, "4A003.b", "commodity", "1000.00", "PK", `{"meets":{"APP":"740.7(d)"}}`),
			[]exception.Code{exception.APP}, nil, nil, ear.Indeterminate},
		{"D4 Saudi Arabia (c)(1)", fixRequest(day, "4A003.b", "commodity", "1000.00", "SA", `{"meets":{"APP":"740.7(c)(1)"}}`),
			[]exception.Code{exception.APP}, nil, nil, ear.Indeterminate},
		// Q1/Q2, 740.3: the larger figure is a floor.
		{"Q1 order below the item's value", fixRequest(day, "0B501", "commodity", "50000.00", "BR", `{"order_value":{"amount":"100.00","currency":"USD"},"annual_value":{"amount":"100.00","currency":"USD"}}`),
			[]exception.Code{exception.LVS}, nil, nil, ear.Indeterminate},
		{"Q2 year below the order", fixRequest(day, "0B501", "commodity", "1000.00", "BR", `{"order_value":{"amount":"2000.00","currency":"USD"},"annual_value":{"amount":"100.00","currency":"USD"}}`),
			nil, []exception.Code{exception.LVS}, nil, ear.Indeterminate},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := checkReview(t, c, tt.body)
			for _, want := range []struct {
				codes []exception.Code
				o     exception.Outcome
			}{{tt.notAvail, exception.NotAvailable}, {tt.open, exception.Indeterminate}, {tt.avail, exception.Available}} {
				for _, code := range want.codes {
					if r := exceptionOf(d, code); r.Outcome != want.o {
						t.Errorf("%s: %s, want %s: %s", code, r.Outcome, want.o, r.Why)
					}
				}
			}
			for _, r := range d.Exceptions() {
				if r.Outcome == exception.Available && !containsCode(tt.avail, r.Code) {
					t.Errorf("%s available (overcomes %v): %s", r.Code, r.Overcomes, r.Why)
				}
			}
			for _, r := range d.Exceptions() {
				if r.Code != exception.GOV && slices.Contains(r.Overcomes, "15 CFR 746.1(b)") {
					t.Errorf("%s overcomes 15 CFR 746.1(b)", r.Code)
				}
			}
			if got := d.CoveredByExceptions(); got != tt.covered {
				t.Errorf("covered %s, want %s", got, tt.covered)
			}
		})
	}
}

func containsCode(cs []exception.Code, c exception.Code) bool { return slices.Contains(cs, c) }

// TestIraqExceptionList: 746.3(c) lists CIV, APP, TMP, RPL, GOV, GFT, TSU,
// BAG, AVS and ENC; no other License Exception is open for an export to
// Iraq, whatever requirement it meets.
func TestIraqExceptionList(t *testing.T) {
	listed := map[string]bool{"CIV": true, "APP": true, "TMP": true, "RPL": true, "GOV": true, "TSU": true, "BAG": true, "ENC": true}
	for _, eccn := range []string{"3A001.a.7", "3A090.a", "4A003.b", "6A992", "5A992.c"} {
		req := `{"as_of":"2026-09-24","item":{"id":"X","eccn":"` + eccn + `","kind":"commodity","produced_in":"US","value":{"amount":"100.00","currency":"USD"},
"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"IQ"},
"parties":[{"name":"U","role":"end_user","country":"IQ"}],"end_uses":[],"incorporations":[]}`
		d := checkJSON(t, req)
		for _, x := range d.Exceptions() {
			if x.Outcome != exception.NotAvailable && !listed[x.Code.String()] {
				t.Errorf("%s to Iraq: %s is %v; 746.3(c) does not list it: %s", eccn, x.Code, x.Outcome, x.Why)
			}
		}
	}
}

// TestExceptionsOpenChartRows: a Country Chart row that may require a
// license stays a reason beside a row that requires one, so that an
// exception for some reasons only is not found available while the open
// row may be a reason it does not overcome (the review's cases, US-made
// items exported from the US, 2026-08-01): GBS "for national security
// reasons only" (740.4) with a CB row open for 1A004.c.2 to Brazil; TSR
// (740.6(a)) with an NP row open for 1E002.a to Pakistan; STA (c)(2),
// NS-only items, with an NP row open for 2B001.a to Singapore and a CC row
// open for 4A003.b to Mexico; LVS under 740.2(a)(4) with a CC row open for
// 4A003.g to Brazil; and RPL under 740.2(a)(5)(ii)(A) ("as part of a
// spacecraft ... or in quantities appropriate for replacement parts") with
// the MT row open for 7A001 to Pakistan.
func TestExceptionsOpenChartRows(t *testing.T) {
	c := NewChecker()
	const values = `"order_value":{"amount":"1000.00","currency":"USD"},"annual_value":{"amount":"1000.00","currency":"USD"}`
	for _, tt := range []struct {
		eccn, kind, dest, facts string
		code                    exception.Code
		openRow                 string // a reason the determination keeps open
	}{
		{"1A004.c.2", "commodity", "BR", `{` + values + `,"meets":{"*":"none"}}`, exception.GBS, "column CB2"},
		{"1E002.a", "technology", "PK", `{` + values + `,"meets":{"TSR":"740.6(a)","*":"none"}}`, exception.TSR, "column NP1"},
		{"2B001.a", "commodity", "SG", `{` + values + `,"meets":{"STA":"740.20(d)","*":"none"}}`, exception.STA, "column NP1"},
		{"4A003.b", "commodity", "MX", `{` + values + `,"meets":{"STA":"740.20(d)","*":"none"}}`, exception.STA, "column CC1"},
		{"4A003.g", "commodity", "BR", `{"order_value":{"amount":"4000.00","currency":"USD"},"annual_value":{"amount":"4000.00","currency":"USD"},"meets":{"*":"none"}}`, exception.LVS, "column CC1"},
		{"7A001", "commodity", "PK", `{` + values + `,"meets":{"RPL":"740.10(a)","*":"none"}}`, exception.RPL, "column MT1"},
	} {
		body := strings.NewReplacer(`"as_of":"2026-11-28"`, `"as_of":"2026-08-01"`, `"kind":"commodity"`, `"kind":"`+tt.kind+`"`).
			Replace(exceptionRequest(tt.eccn, "US", "US", tt.dest, tt.facts))
		d := checkReview(t, c, body)
		name := tt.eccn + " to " + tt.dest
		if d.LicenseRequired() != ear.Yes {
			t.Errorf("%s: license %s, want yes", name, d.LicenseRequired())
		}
		kept := false
		for _, r := range d.LicenseReasons() {
			if strings.HasSuffix(r.Citation, tt.openRow) && r.Answer == ear.Indeterminate {
				kept = true
			}
		}
		if !kept {
			t.Errorf("%s: no open %s reason among %+v", name, tt.openRow, d.LicenseReasons())
		}
		if r := exceptionOf(d, tt.code); r.Outcome != exception.Indeterminate {
			t.Errorf("%s: %s %s, want indeterminate: %s", name, tt.code, r.Outcome, r.Why)
		}
		if d.CoveredByExceptions() == ear.Yes {
			t.Errorf("%s: covered yes", name)
		}
	}
}

// TestExceptionOpenFieldNamed: where 740.2(a)(12) is open because the
// request does not say where the item ships from, the fact named is
// exported_from, not item.produced_in (which is given).
func TestExceptionOpenFieldNamed(t *testing.T) {
	body := strings.Replace(exceptionRequest("9A610.x", "IT", "IT", "BR", ""), `"exported_from":"IT",`, ``, 1)
	d := checkReview(t, NewChecker(), body)
	for _, x := range d.Exceptions() {
		for _, m := range x.Missing {
			if m.Field == "item.produced_in" {
				t.Errorf("%s names item.produced_in (given): %s", x.Code, m.Why)
			}
		}
	}
	if !hasMissing(d, "exported_from") {
		t.Errorf("missing %+v, want exported_from", d.Missing())
	}
}
