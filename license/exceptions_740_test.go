package license

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/product"
)

// exceptionRequest is a request for an item classified eccn, made in
// producedIn, exported from exportedFrom to dest, with one party and the
// exception facts given (JSON, "" for none).
func exceptionRequest(eccn, producedIn, exportedFrom, dest, facts string) string {
	f := ""
	if facts != "" {
		f = `,"exception_facts":` + facts
	}
	return fmt.Sprintf(`{"as_of":"2026-11-28","item":{"id":"X","eccn":%q,"kind":"commodity","produced_in":%q,
"value":{"amount":"1000","currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},
"exported_from":%q,"destination":{"country":%q},
"parties":[{"name":"Customer","role":"end_user","country":%q,"headquartered_in":%q}],"end_uses":[],"incorporations":[]%s}`,
		eccn, producedIn, exportedFrom, dest, dest, dest, f)
}

func exceptionOf(d Determination, c exception.Code) exception.Result {
	for _, r := range d.Exceptions() {
		if r.Code == c {
			return r
		}
	}
	return exception.Result{}
}

// TestCheckExceptionsDoneWhen walks the cases the license exceptions issue
// names, through Check.
func TestCheckExceptionsDoneWhen(t *testing.T) {
	c := NewChecker()
	t.Run("3A001.a.7 to Brazil: GBS available, covered", func(t *testing.T) {
		d := checkReview(t, c, exceptionRequest("3A001.a.7", "US", "US", "BR", ""))
		if d.LicenseRequired() != ear.Yes {
			t.Fatalf("license %s", d.LicenseRequired())
		}
		if r := exceptionOf(d, exception.GBS); r.Outcome != exception.Available || len(r.Overcomes) != 1 || !strings.Contains(r.Overcomes[0], "NS2") {
			t.Errorf("GBS %s overcomes %v: %s", r.Outcome, r.Overcomes, r.Why)
		}
		if d.CoveredByExceptions() != ear.Yes {
			t.Errorf("covered %s", d.CoveredByExceptions())
		}
	})
	t.Run("3A001.a.7 to China: GBS and LVS not available", func(t *testing.T) {
		d := checkReview(t, c, exceptionRequest("3A001.a.7", "US", "US", "CN", `{"meets":{"*":"none"}}`))
		for _, code := range []exception.Code{exception.GBS, exception.LVS} {
			if r := exceptionOf(d, code); r.Outcome != exception.NotAvailable || !strings.Contains(r.Why, "not an eligible destination") {
				t.Errorf("%s %s: %s", code, r.Outcome, r.Why)
			}
		}
		if d.CoveredByExceptions() != ear.No {
			t.Errorf("covered %s, want no (every other exception stated not met)", d.CoveredByExceptions())
		}
	})
	t.Run("5A002.a to Germany: ENC with its conditions", func(t *testing.T) {
		d := checkReview(t, c, exceptionRequest("5A002.a", "US", "US", "DE", ""))
		r := exceptionOf(d, exception.ENC)
		if r.Outcome != exception.Indeterminate || r.Missing[0].Field != "exception_facts.encryption" {
			t.Errorf("ENC without the status: %s %v", r.Outcome, r.Missing)
		}
		if d.CoveredByExceptions() != ear.Indeterminate || !hasMissing(d, "exception_facts.encryption") {
			t.Errorf("covered %s, missing %v", d.CoveredByExceptions(), d.Missing())
		}
		d = checkReview(t, c, exceptionRequest("5A002.a", "US", "US", "DE", `{"encryption":"740.17(b)(1)"}`))
		if r := exceptionOf(d, exception.ENC); r.Outcome != exception.Available || len(r.Overcomes) != 2 {
			t.Errorf("ENC (b)(1): %s overcomes %v: %s", r.Outcome, r.Overcomes, r.Why)
		}
		if d.CoveredByExceptions() != ear.Yes {
			t.Errorf("covered %s", d.CoveredByExceptions())
		}
	})
	t.Run("3A090.a to China: only 740.2(a)(9)(ii)'s exceptions", func(t *testing.T) {
		d := checkReview(t, c, exceptionRequest("3A090.a", "US", "US", "CN", ""))
		allowed := map[exception.Code]bool{exception.TMP: true, exception.NAC: true, exception.RPL: true, exception.GOV: true, exception.TSU: true, exception.HBM: true}
		for _, r := range d.Exceptions() {
			switch {
			case r.Code == exception.CIV:
			case !allowed[r.Code] && (r.Outcome != exception.NotAvailable || !strings.Contains(r.Why, "740.2(a)(9)(ii)")):
				t.Errorf("%s %s: %s", r.Code, r.Outcome, r.Why)
			case allowed[r.Code] && strings.Contains(r.Why, "740.2(a)(9)(ii)") && r.Outcome == exception.NotAvailable:
				t.Errorf("%s barred by (a)(9)(ii): %s", r.Code, r.Why)
			}
		}
		if r := exceptionOf(d, exception.TMP); !strings.Contains(r.Why, "only 15 CFR 740.9(a)(6)") {
			t.Errorf("TMP's condition: %s", r.Why)
		}
		if r := exceptionOf(d, exception.NAC); r.Outcome != exception.Indeterminate || r.Missing[0].Field != "exception_facts.meets.NAC/ACA" {
			t.Errorf("NAC/ACA: %s %v", r.Outcome, r.Missing)
		}
	})
	t.Run("Russia: only the 746.8(c) exceptions", func(t *testing.T) {
		d := checkReview(t, c, exceptionRequest("3A001.a.7", "US", "US", "RU", `{"meets":{"TMP":"740.9(a)(9)"}}`))
		listed := map[exception.Code]bool{exception.TMP: true, exception.GOV: true, exception.TSU: true, exception.BAG: true, exception.ENC: true}
		for _, r := range d.Exceptions() {
			if !listed[r.Code] && r.Code != exception.CIV && (r.Outcome != exception.NotAvailable || !strings.Contains(r.Why, "746.8(c)(2) does not list")) {
				t.Errorf("%s %s: %s", r.Code, r.Outcome, r.Why)
			}
		}
		if r := exceptionOf(d, exception.TMP); r.Outcome != exception.Available {
			t.Errorf("TMP (a)(9) news media: %s: %s", r.Outcome, r.Why)
		}
		if d.CoveredByExceptions() != ear.Yes {
			t.Errorf("covered %s", d.CoveredByExceptions())
		}
	})
	t.Run("an Entity List party: never covered", func(t *testing.T) {
		body := strings.Replace(exceptionRequest("3A001.a.7", "US", "US", "BR", ""), `"headquartered_in":"BR"`, `"headquartered_in":"BR","entity_list_footnotes":[1]`, 1)
		d := checkReview(t, c, body)
		if exceptionOf(d, exception.GBS).Outcome != exception.Available || d.CoveredByExceptions() != ear.No {
			t.Errorf("GBS %s, covered %s", exceptionOf(d, exception.GBS).Outcome, d.CoveredByExceptions())
		}
	})
	t.Run("an Unverified List party: no exception", func(t *testing.T) {
		body := strings.Replace(exceptionRequest("3A001.a.7", "US", "US", "BR", ""), `"headquartered_in":"BR"`, `"headquartered_in":"BR","listed_on":["unverified_list"]`, 1)
		d := checkReview(t, c, body)
		if r := exceptionOf(d, exception.GBS); r.Outcome != exception.NotAvailable || !strings.Contains(r.Why, "740.2(a)(17)") {
			t.Errorf("GBS %s: %s", r.Outcome, r.Why)
		}
	})
	t.Run("no license required: nothing evaluated, covered", func(t *testing.T) {
		d := checkReview(t, c, exceptionRequest("3A001.a.7", "KR", "KR", "BR", ""))
		if d.LicenseRequired() != ear.No || d.Exceptions() != nil || d.CoveredByExceptions() != ear.Yes {
			t.Errorf("license %s, exceptions %v, covered %s", d.LicenseRequired(), d.Exceptions(), d.CoveredByExceptions())
		}
		b, _ := d.MarshalJSON()
		if !strings.Contains(string(b), `"exceptions":[],"covered_by_exceptions":"yes"}`) {
			t.Errorf("wire: %s", b)
		}
	})
}

// TestDeMinimisGBSContent: Supp. No. 2 to part 734 (a)(1): a US 3A001.a.7
// FPGA (GBS - Yes, NS only) in a Korean controller is not controlled
// content for Brazil; for China it is.
func TestDeMinimisGBSContent(t *testing.T) {
	body := func(dest string) string {
		return fmt.Sprintf(`{"as_of":"2026-11-28","item":{"id":"KR","eccn":"EAR99","kind":"commodity","produced_in":"KR",
"value":{"amount":"1000","currency":"USD"},"components":[{"id":"fpga","eccn":"3A001.a.7","origin":"us","relation":"incorporated","value":{"amount":"300","currency":"USD"}}],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"KR","destination":{"country":%q},"parties":[],"end_uses":[],"incorporations":[]}`, dest)
	}
	c := NewChecker()
	tests := []struct {
		dest    string
		counted bool
		subject ear.Answer
		cite    string
	}{
		{"BR", false, ear.No, "Supp. No. 2 to part 734, (a)(1); 15 CFR 740.4"},
		{"CN", true, ear.Yes, "15 CFR 738.4; Supp. No. 1 to part 738, column NS2"},
		{"UA", true, ear.Yes, "15 CFR 738.4; Supp. No. 1 to part 738, column NS2"}, // B, but GBS excepts Ukraine
	}
	for _, tt := range tests {
		d := checkReview(t, c, body(tt.dest))
		l := d.DeMinimis().Lines[0]
		if l.Counted != tt.counted || l.Citation != tt.cite || d.SubjectToEAR() != tt.subject {
			t.Errorf("%s: counted %v (%s: %s), subject %s; want %v, %s, %s", tt.dest, l.Counted, l.Citation, l.Why, d.SubjectToEAR(), tt.counted, tt.cite, tt.subject)
		}
	}
	// A paragraph whose GBS line waits for words (3A001.b.2 for civil
	// telecommunications) is open, never dropped.
	d := checkReview(t, c, strings.Replace(body("BR"), "3A001.a.7", "3A001.b.2", 1))
	if l := d.DeMinimis().Lines[0]; l.Status != ear.Indeterminate || !strings.Contains(l.Why, "unless License Exception GBS is available") {
		t.Errorf("3A001.b.2 to BR: %s: %s", l.Status, l.Why)
	}
}

// TestExceptionFactsWire: the request member decodes strictly, names its
// fields, and round-trips.
func TestExceptionFactsWire(t *testing.T) {
	good := exceptionRequest("1C009", "US", "US", "BR", `{"order_value":{"amount":"4000","currency":"USD"},"annual_value":{"amount":"20000","currency":"USD"},
"encryption":"740.17(b)(1)","government_end_user":false,"meets":{"TSR":"740.6(a)","NAC/ACA":"none","*":"none"}}`)
	req := decodeReview(t, good)
	f := req.ExceptionFacts
	if f.Meets(exception.TSR).String() != "740.6(a)" || !f.Meets(exception.NAC).None() || !f.Meets(exception.TMP).None() || !f.OthersNone() ||
		f.OrderValue.AmountString() != "4000" || f.Encryption != product.EncryptionB1 || !f.GovernmentEndUser.IsFalse() {
		t.Errorf("decoded %+v", f)
	}
	b, err := req.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	back := decodeReview(t, string(b))
	if !back.ExceptionFacts.Equal(f) {
		t.Errorf("round trip: %+v != %+v\n%s", back.ExceptionFacts, f, b)
	}
	bad := []struct{ facts, field string }{
		{`{"meets":{"TMP":"740.10(a)"}}`, "exception_facts.meets.TMP"},
		{`{"meets":{"XYZ":"none"}}`, "exception_facts.meets.XYZ"},
		{`{"meets":{"*":"740.9"}}`, `exception_facts.meets."*"`},
		{`{"meets":{"TMP":"none","tmp":"none"}}`, "exception_facts.meets.tmp"},
		{`{"order_value":{"amount":"-1","currency":"USD"}}`, "exception_facts.order_value.amount"},
		{`{"encryption":"740.17(b)(9)"}`, "exception_facts.encryption"},
		{`{"government_end_user":"yes"}`, "exception_facts.government_end_user"},
		{`{"other":1}`, "exception_facts.other"},
		{`[]`, "exception_facts"},
	}
	for _, tt := range bad {
		_, err := DecodeRequest(strings.NewReader(exceptionRequest("1C009", "US", "US", "BR", tt.facts)))
		fe, ok := errors.AsType[*product.FieldError](err)
		if !ok || fe.Field != tt.field {
			t.Errorf("%s: error %v, want one at %s", tt.facts, err, tt.field)
		}
	}
}

// TestExceptionsBeforeCCLRows checks that an exception read from an
// entry's License Exceptions section is never available on a date before
// the CCL rows are held (cclRowsFrom): GBS for 3A001.a.7 to Brazil is
// available as of 2026-11-28 and open, naming the date, as of 2024-06-01.
func TestExceptionsBeforeCCLRows(t *testing.T) {
	c := NewChecker()
	now := exceptionRequest("3A001.a.7", "US", "US", "BR", "")
	past := strings.Replace(now, `"as_of":"2026-11-28"`, `"as_of":"2024-06-01"`, 1)
	if past == now {
		t.Fatal("request date not replaced")
	}
	if d := checkReview(t, c, now); exceptionOf(d, exception.GBS).Outcome != exception.Available || d.CoveredByExceptions() != ear.Yes {
		t.Fatalf("2026-11-28: GBS %s, covered %s", exceptionOf(d, exception.GBS).Outcome, d.CoveredByExceptions())
	}
	d := checkReview(t, c, past)
	if d.LicenseRequired() != ear.Yes {
		t.Fatalf("2024-06-01: license %s (the NS2 row requires one today and is read to have then)", d.LicenseRequired())
	}
	// Open: the License Exceptions section of then is not held, and the
	// rows other than NS2 that may require a license then (RS, MT, NP, AT;
	// the CCL rows of 2024 are not modelled) are reasons GBS may not
	// overcome.
	r := exceptionOf(d, exception.GBS)
	if r.Outcome != exception.Indeterminate || !strings.Contains(r.Why, "2024-06-01") && !strings.Contains(r.Why, "may apply") {
		t.Errorf("2024-06-01: GBS %s: %s", r.Outcome, r.Why)
	}
	if d.CoveredByExceptions() == ear.Yes {
		t.Errorf("2024-06-01: covered %s, want not yes", d.CoveredByExceptions())
	}
	for _, r := range d.Exceptions() {
		if r.Outcome == exception.Available {
			t.Errorf("2024-06-01: %s available: %s", r.Code, r.Why)
		}
	}
}
