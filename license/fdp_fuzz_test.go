package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"testing"

	"github.com/earcheck/ear/product"
)

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
