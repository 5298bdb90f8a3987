package fdp

import "testing"

// FuzzPattern: the parser never panics, and what it accepts prints back
// to text that parses to the same pattern.
func FuzzPattern(f *testing.F) {
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
		p, err := ParsePattern(s)
		if err != nil {
			return
		}
		q, err := ParsePattern(p.String())
		if err != nil {
			t.Fatalf("%q -> %q does not parse: %v", s, p.String(), err)
		}
		if q.String() != p.String() {
			t.Fatalf("round trip %q -> %q -> %q", s, p.String(), q.String())
		}
	})
}
