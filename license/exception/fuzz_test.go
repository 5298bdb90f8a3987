package exception

import (
	"encoding/json"
	"testing"
)

// FuzzParseParagraph: any text either parses to a paragraph of the code's
// section (or none) whose wire form parses back to it, or is an error;
// nothing panics.
func FuzzParseParagraph(f *testing.F) {
	for _, s := range []string{"740.9(a)(9)", "15 CFR 740.6", "none", "NONE", "740.10(a)", "740.9(", "", "740.9(a)(9) ", "15 CFR 740.90"} {
		f.Add(uint8(TMP), s)
	}
	f.Fuzz(func(t *testing.T, code uint8, s string) {
		c := Code(code)
		p, err := ParseParagraph(c, s)
		if err != nil {
			if !p.IsZero() {
				t.Fatalf("error %v with a paragraph %v", err, p)
			}
			return
		}
		if p.IsZero() {
			t.Fatalf("%q parsed to nothing", s)
		}
		if !p.None() && !sectionOf(c).Covers(p.Citation()) {
			t.Fatalf("%q: %s is outside %s", s, p.Citation(), sectionOf(c))
		}
		back, err := ParseParagraph(c, p.String())
		if err != nil || back != p {
			t.Fatalf("%q: %q parses back to %v, %v", s, p.String(), back, err)
		}
	})
}

// FuzzParseCode: a code parses to a valid Code whose text parses back to
// it, or is an error.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"GBS", "gbs", "NAC/ACA", "ACA", "nac", "XYZ", "", "GBS "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCode(s)
		if err != nil {
			return
		}
		if !c.IsValid() {
			t.Fatalf("%q: invalid code %d", s, c)
		}
		if back, err := ParseCode(c.String()); err != nil || back != c {
			t.Fatalf("%q: %s parses back to %v, %v", s, c, back, err)
		}
	})
}

// FuzzFactsJSON: exception_facts either decodes (and then encodes to a
// document that decodes to equal facts) or is an error; nothing panics.
func FuzzFactsJSON(f *testing.F) {
	for _, s := range []string{
		`{}`, `{"order_value":{"amount":"4000","currency":"USD"},"annual_value":{"amount":"1","currency":"EUR"}}`,
		`{"encryption":"740.17(b)(2)","government_end_user":true}`,
		`{"meets":{"TSR":"740.6(a)","NAC/ACA":"none","*":"none"}}`, `{"meets":{"TMP":"740.10"}}`, `{"meets":null}`,
		`[]`, `{"order_value":{"amount":"-1","currency":"USD"}}`, `{"meets":{"GBS":"740.4","gbs":"none"}}`,
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var fs Facts
		if err := fs.UnmarshalJSON([]byte(s)); err != nil {
			if !fs.IsZero() {
				t.Fatalf("error %v left facts %+v", err, fs)
			}
			return
		}
		b, err := json.Marshal(fs)
		if err != nil {
			t.Fatalf("%s: marshal: %v", s, err)
		}
		var back Facts
		if err := back.UnmarshalJSON(b); err != nil || !back.Equal(fs) {
			t.Fatalf("%s: re-encoded %s decodes to %+v, %v", s, b, back, err)
		}
	})
}
