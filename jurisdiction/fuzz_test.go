package jurisdiction_test

import (
	"errors"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func FuzzParseCountry(f *testing.F) {
	// Seed corpus: valid, lower case, unknown, Hong Kong, user-assigned
	// Kosovo, malformed, non-ASCII.
	for _, s := range []string{"CN", "cn", "hk", "XK", "US", "LI", "KY", "ZZ", "", "C", "CHN", "C1", "é", "\x00\x00", "ＣＮ"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "9A.Ü\u200f"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "U\u0000", "U S", "us", "Us", "\u0130T", "K\u212a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := jurisdiction.ParseCountry(s)
		if err != nil {
			var ce *jurisdiction.CountryError
			if !errors.As(err, &ce) || ce.Input != s || (ce.Kind != jurisdiction.CountrySyntax && ce.Kind != jurisdiction.CountryUnknown) {
				t.Fatalf("ParseCountry(%q): error %v is not a *CountryError of a parse kind", s, err)
			}
			if c.IsValid() {
				t.Fatal("error with a valid Country")
			}
			return
		}
		if !c.IsValid() || c.Name() == "" {
			t.Fatalf("ParseCountry(%q) = invalid or unnamed %v", s, c)
		}
		if jurisdiction.MustParseCountry(c.String()) != c {
			t.Fatalf("String round trip of %q", s)
		}
		b, err := c.MarshalText()
		if err != nil || string(b) != c.String() {
			t.Fatalf("MarshalText %q != String %q", b, c.String())
		}
		var u jurisdiction.Country
		if err := u.UnmarshalText(b); err != nil || u != c {
			t.Fatal("UnmarshalText round trip")
		}
		_ = c.TablesAs().Name()
		_, _ = jurisdiction.ChartRowOf(c)
		if _, err := jurisdiction.GroupsOf(c, jurisdiction.TablesDate()); err != nil {
			t.Fatalf("GroupsOf(%v): %v", c, err)
		}
	})
}

func FuzzParseGroup(f *testing.F) {
	for _, s := range []string{"A:1", "a:5", "B", "b", "D:5", "E:2", "E:3", "D5", "", "A:", ":", "é:1"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "9A.Ü\u200f"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "D:5 ", "Ｄ:5", "D:999999", "D:-0", "D:1e9", "d:\u0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		g, err := jurisdiction.ParseGroup(s)
		if err != nil {
			var ge *jurisdiction.GroupError
			if !errors.As(err, &ge) || g.IsValid() {
				t.Fatalf("ParseGroup(%q): %v", s, err)
			}
			return
		}
		if !g.IsValid() || jurisdiction.MustParseGroup(g.String()) != g {
			t.Fatalf("String round trip of %q -> %v", s, g)
		}
		b, err := g.MarshalText()
		if err != nil || string(b) != g.String() {
			t.Fatal("MarshalText != String")
		}
		if s := jurisdiction.GroupSetOf(g); !s.Has(g) || s.Len() != 1 {
			t.Fatal("GroupSet")
		}
	})
}

func FuzzParseColumn(f *testing.F) {
	for _, s := range []string{"NS2", "ns2", "NS 2", "FC1", "AT2", "AT3", "", "N", "NS22", "NS  2", "ñs2"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "9A.Ü\u200f"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "NS１", "NS-0", "NS1e9", "ns\u200f2", "NS2\u0000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := jurisdiction.ParseColumn(s)
		if err != nil {
			var ce *jurisdiction.ColumnError
			if !errors.As(err, &ce) || c.IsValid() {
				t.Fatalf("ParseColumn(%q): %v", s, err)
			}
			return
		}
		if !c.IsValid() || jurisdiction.MustParseColumn(c.String()) != c {
			t.Fatalf("String round trip of %q -> %v", s, c)
		}
		if c.Reason()+string(rune('0'+c.Number())) != c.String() {
			t.Fatalf("Reason/Number of %v", c)
		}
		row, _ := jurisdiction.ChartRowOf(jurisdiction.China)
		if row.Cell(c) == 0 {
			t.Fatal("a valid column has a cell")
		}
	})
}

func FuzzParseRegion(f *testing.F) {
	for _, s := range []string{"crimea", "Crimea", "DNR", "lnr", "", "ukraine", "crimea ", "CRİMEA"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "9A.Ü\u200f"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "crimea\u0000", "ＣＲＩＭＥＡ", "crime\u0430", "\u200fdnr", "lnr "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		r, err := jurisdiction.ParseRegion(s)
		if err != nil {
			var re *jurisdiction.RegionError
			if !errors.As(err, &re) || re.Input != s || r != jurisdiction.RegionNone {
				t.Fatalf("ParseRegion(%q): %v", s, err)
			}
			return
		}
		if !r.IsValid() {
			t.Fatalf("ParseRegion(%q) = invalid %d", s, r)
		}
		back, err := jurisdiction.ParseRegion(r.String())
		if err != nil || back != r {
			t.Fatalf("String round trip of %q", s)
		}
		b, err := r.MarshalText()
		if err != nil || string(b) != r.String() {
			t.Fatal("MarshalText != String")
		}
		if _, err := jurisdiction.NewDestination(jurisdiction.Ukraine, r); err != nil {
			t.Fatalf("Ukraine with %v: %v", r, err)
		}
	})
}
