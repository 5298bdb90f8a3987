package license

import (
	"encoding/json"
	"testing"
)

// FuzzECCNPattern: the parser never panics, and what it accepts prints back
// to text that parses to the same pattern.
func FuzzECCNPattern(f *testing.F) {
	for _, s := range []string{"3B001 except .a.4 .c", "3D001 for 3B", "3D991 for 3B991 3B992", "4E091", "3B001 except .a for 3B", "", "x"} {
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
	f.Fuzz(func(t *testing.T, s string) {
		var p Party
		if err := json.Unmarshal([]byte(s), &p); err != nil || p.Validate() != nil {
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
