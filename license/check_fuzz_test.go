package license

import (
	"bytes"
	"encoding/json"
	"math/rand/v2"
	"os"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/product"
)

// FuzzCheck decodes arbitrary bytes as a request and, when they decode,
// decides them: nothing panics, every failure is a *product.FieldError, and the
// same request twice gives byte-identical JSON.
func FuzzCheck(f *testing.F) {
	for _, file := range []string{"testdata/deminimis.json", "testdata/fdp.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var vf struct {
			Cases []struct {
				Request json.RawMessage `json:"request"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(data, &vf); err != nil {
			f.Fatal(err)
		}
		for i, c := range vf.Cases {
			if i%4 == 0 {
				f.Add([]byte(c.Request))
			}
		}
	}
	f.Add([]byte(`{"item": {"value": {"amount": "1e999999", "currency": "USD"}}}`))
	f.Add([]byte(`{"as_of": "2026-02-30"}`))
	// License exceptions: facts of every kind, for items that need a license.
	f.Add([]byte(exceptionRequest("1C009", "US", "US", "BR", `{"order_value":{"amount":"4000","currency":"EUR"},"annual_value":{"amount":"1","currency":"USD"},"meets":{"TSR":"740.6(a)","*":"none"}}`)))
	f.Add([]byte(exceptionRequest("5A002.a", "US", "US", "RU", `{"encryption":"740.17(b)(2)","government_end_user":true,"meets":{"TMP":"740.9(a)(9)","BAG":"740.14(e)"}}`)))
	f.Add([]byte(exceptionRequest("3A090.a", "TW", "TW", "MO", `{"meets":{"NAC/ACA":"740.8(a)","HBM":"740.25","TMP":"740.9(a)(6)"}}`)))
	f.Add([]byte(`{"destination": {"country": "UA", "region": "crimea"}, "item": null}`))
	// A 10,000-line bill of materials, with parties whose names are
	// Unicode (CJK, Arabic, full-width, bidi marks, NUL).
	var bom bytes.Buffer
	bom.WriteString(`{"as_of":"2026-11-28","item":{"id":"BOM","description":"Ünïcödé 株式会社","eccn":"2B991","kind":"commodity","produced_in":"JP",` +
		`"value":{"amount":"100000000.00","currency":"USD"},"components":[`)
	for i := range 10000 {
		if i > 0 {
			bom.WriteByte(',')
		}
		n, _ := json.Marshal(i)
		bom.WriteString(`{"id":"c` + string(n) + `","eccn":"` + [...]string{"3A001.a.7", "EAR99", "3A991.a.2", "5A992.c"}[i%4] +
			`","origin":"` + [...]string{"us", "foreign", "unknown"}[i%3] + `","value":{"amount":"1.00","currency":"USD"},"quantity":"2","relation":"incorporated"}`)
	}
	bom.WriteString(`],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"CN"},` +
		`"parties":[{"name":"华为技术有限公司 \u200fعربي\u202e ＵＳ","role":"end_user","country":"CN","entity_list_footnotes":[4],"headquartered_in":"CN"},` +
		`{"name":"Ü\u0000\ud800","role":"purchaser","country":"AE","ownership":[{"owner":"Ωmega ＬＴＤ","percent":"50"}]}],` +
		`"end_uses":[],"incorporations":[],"options":{"ai_diffusion":"codified","unknown_origin":"controlled"}}`)
	f.Add(bom.Bytes())
	// One small request with each tricky text in turn in the amount, the
	// quantity, a country and the ECCN.
	small := func(amount, qty, country, eccn string) []byte {
		return []byte(`{"as_of":"2026-11-28","item":{"id":"X","eccn":"` + eccn + `","kind":"commodity","produced_in":"` + country + `",` +
			`"value":{"amount":"` + amount + `","currency":"USD"},"components":[{"id":"c1","eccn":"3A001.a.7","origin":"us",` +
			`"value":{"amount":"20000.00","currency":"USD"},"quantity":"` + qty + `","relation":"incorporated"}]},` +
			`"exported_from":"JP","destination":{"country":"` + country + `"},"parties":[{"name":"ＵＳ \u200f","role":"end_user"}]}`)
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t", "ＵＳ", "Ü", "\u0000", "\u200fCN", string(bytes.Repeat([]byte("9"), 100000))} {
		f.Add(small(s, "1", "JP", "2B991"))
		f.Add(small("100000.00", s, "JP", "2B991"))
		f.Add(small("100000.00", "1", s, "2B991"))
		f.Add(small("100000.00", "1", "JP", s))
	}
	f.Add(small("100000.00", "1", "CN", "3A090.a.1.b.2.c.3.d.4.e.5.f.6"))
	f.Add(small("100000.00", "1", "cn", "3A090.a.1.b.2.c.3.d.4.e.5.f.6.g"))
	f.Add([]byte(`{"as_of":"2025-01-01","as_of":"","destination":{"country":"UA","region":"Crimea","country":"RU"}}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := DecodeRequest(bytes.NewReader(data))
		if err != nil {
			if re, ok := err.(*product.FieldError); !ok || re.Err == nil || re.Code() == "" {
				t.Fatalf("decode error is %T, not *product.FieldError with a cause and a code: %v", err, err)
			}
			return
		}
		d1, err1 := Check(req)
		d2, err2 := Check(req)
		if (err1 == nil) != (err2 == nil) {
			t.Fatal("Check is not deterministic")
		}
		if err1 != nil {
			// A request that decodes is rejected for a field it has.
			if re, ok := err1.(*product.FieldError); !ok || re.Err == nil || re.Field == "" || re.Code() == "" {
				t.Fatalf("Check error is %T, not *product.FieldError naming a field: %v", err1, err1)
			}
			return
		}
		b1, e1 := json.Marshal(d1)
		b2, e2 := json.Marshal(d2)
		if e1 != nil || e2 != nil || !bytes.Equal(b1, b2) {
			t.Fatalf("responses differ or do not marshal: %v %v", e1, e2)
		}
	})
}

// FuzzCheckGenerated fuzzes Check over generated requests: the fuzzer's
// input seeds the property tests' generator of valid requests, so every
// run decides a realistic request (lines, lineage, parties, end uses,
// options) rather than mostly malformed bytes. Every generated request is
// valid: Check must accept it, answer consistently (a "no" on subject to
// the EAR lists no missing fact; a license is never required for an item
// that is not subject) and give byte-identical JSON twice.
func FuzzCheckGenerated(f *testing.F) {
	for _, s := range []uint64{0, 1, 2, 42, 1 << 40, 0xdeadbeef} {
		f.Add(s, s>>3)
	}
	f.Fuzz(func(t *testing.T, seed, stream uint64) {
		w := genRequest(rand.New(rand.NewPCG(seed, stream)))
		d, b1 := propCheckJSON(t, w)
		_, b2 := propCheckJSON(t, w)
		if !bytes.Equal(b1, b2) {
			t.Fatalf("two checks of one request differ\n%s", w.json())
		}
		if d.SubjectToEAR() == ear.No && len(d.Missing()) > 0 {
			t.Fatalf("not subject, yet missing facts %v\n%s", d.Missing(), w.json())
		}
		if d.SubjectToEAR() == ear.No && d.LicenseRequired() != ear.No {
			t.Fatalf("not subject, yet license %v\n%s", d.LicenseRequired(), w.json())
		}
		// No License Exception overcomes a part 744 requirement or the
		// Denied Persons List: such a requirement is never covered.
		for _, r := range d.LicenseReasons() {
			if r.Answer != ear.No && (strings.HasPrefix(r.Citation, "15 CFR 744.") || strings.HasPrefix(r.Citation, "15 CFR 736.2(b)(4)")) && d.CoveredByExceptions() == ear.Yes {
				t.Fatalf("%s (%s) covered by exceptions\n%s", r.Citation, r.Answer, w.json())
			}
		}
		// An exception is available only if it overcomes a requirement,
		// and a license not required leaves nothing to evaluate.
		for _, x := range d.Exceptions() {
			if x.Outcome == exception.Available && len(x.Overcomes) == 0 {
				t.Fatalf("%s available, overcoming nothing\n%s", x.Code, w.json())
			}
		}
		if d.LicenseRequired() == ear.No && (d.Exceptions() != nil || d.CoveredByExceptions() != ear.Yes) {
			t.Fatalf("no license, yet exceptions %v covered %s\n%s", d.Exceptions(), d.CoveredByExceptions(), w.json())
		}
		if d.SubjectToEAR() != ear.Indeterminate && d.LicenseRequired() != ear.Indeterminate && d.CoveredByExceptions() != ear.Indeterminate && len(d.Missing()) > 0 {
			t.Fatalf("no open answer, yet missing facts %v\n%s", d.Missing(), w.json())
		}
	})
}
