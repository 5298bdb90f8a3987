package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/earcheck/ear/product"
)

// FuzzECCNPattern: the parser never panics, and what it accepts prints back
// to text that parses to the same pattern.
func FuzzECCNPattern(f *testing.F) {
	for _, s := range []string{"3B001 except .a.4 .c", "3D001 for 3B", "3D991 for 3B991 3B992", "4E091", "3B001 except .a for 3B", "", "x"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := " for 3B"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "3A090.a.1.b.2.c.3.d.4.e.5.f.6", "3A090.a.1.b.2.c.3.d.4.e.5.f.6 except .a.1.b.2.c.3.d.4.e.5.f.6 for 3A090.a.1.b.2.c.3.d.4.e.5.f.6",
		"3B001 except", "3B001 for", "3B001 except .a for", "3B001  except  .a", "3B001 except .a .a", "3B001 for 3Z", "3B001 for ３B", "EAR99 for 3B"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := ParseECCNPattern(s)
		if err != nil {
			return
		}
		q, err := ParseECCNPattern(p.String())
		if err != nil {
			t.Fatalf("%q -> %q does not parse: %v", s, p.String(), err)
		}
		if q.String() != p.String() {
			t.Fatalf("round trip %q -> %q -> %q", s, p.String(), q.String())
		}
	})
}

// FuzzPartyJSON: decoding never panics, and a decoded valid party survives
// a marshal round trip.
func FuzzPartyJSON(f *testing.F) {
	for _, s := range []string{
		`{"name":"X","role":"purchaser","country":"AE","entity_list_footnotes":[3],"government_of":"IR"}`,
		`{"role":"end_user","ownership":[{"owner":"a","percent":"50","entity_list_footnotes":[1]}]}`,
		`{}`, `[]`, `null`,
	} {
		f.Add(s)
	}
	for _, s := range []string{"华为技术有限公司", "Ü\u0000", "\u200fعربي\u202e", "ＵＳ", "\xed\xa0\x80", ""} {
		n, _ := json.Marshal(s)
		f.Add(`{"name":` + string(n) + `,"role":"end_user","country":"CN","headquartered_in":"ＣＮ"}`)
	}
	for _, p := range []string{"1e999999", "-1e-999999", "1e2", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " 50", "５０", "100.0000000000000000001"} {
		f.Add(`{"role":"purchaser","ownership":[{"owner":"Ωmega","percent":"` + p + `","entity_list_footnotes":[0,6,-1]}]}`)
	}
	f.Add(`{"role":"end_user","role":"purchaser","country":"cn","entity_list_footnotes":[1e999999]}`)
	f.Fuzz(func(t *testing.T, s string) {
		var p Party
		if err := json.Unmarshal([]byte(s), &p); err != nil {
			// A problem inside a party object names its member.
			if b := bytes.TrimSpace([]byte(s)); json.Valid(b) && len(b) > 2 && b[0] == '{' {
				if fe, ok := errors.AsType[*product.FieldError](err); !ok || fe.Field == "" || fe.Err == nil {
					t.Fatalf("decode error %T %v names no field", err, err)
				}
			}
			return
		}
		if err := p.Validate(); err != nil {
			joined, _ := err.(interface{ Unwrap() []error })
			fes := product.FieldErrors(err)
			if joined == nil || len(fes) != len(joined.Unwrap()) {
				t.Fatalf("Validate error %v is not a join of *product.FieldError", err)
			}
			for _, fe := range fes {
				if fe.Field == "" || fe.Err == nil {
					t.Fatalf("Validate error %v names no field", fe)
				}
			}
			return
		}
		out, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("marshal %+v: %v", p, err)
		}
		var back Party
		if err := json.Unmarshal(out, &back); err != nil {
			t.Fatalf("%s does not decode: %v", out, err)
		}
		again, _ := json.Marshal(back)
		if string(again) != string(out) {
			t.Fatalf("round trip %s -> %s", out, again)
		}
	})
}
