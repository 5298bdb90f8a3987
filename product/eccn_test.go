package product

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

func TestParseECCN(t *testing.T) {
	tests := []struct {
		give      string
		wantCat   int
		wantGroup byte
		wantPara  string
		wantKind  Kind
		want600   bool
		want9x515 bool
		wantY     bool
		wantZ     bool
	}{
		{give: "3A001", wantCat: 3, wantGroup: 'A', wantKind: Commodity},
		{give: "3A001.b.4.b", wantCat: 3, wantGroup: 'A', wantPara: "b.4.b", wantKind: Commodity},
		{give: "3A090.a", wantCat: 3, wantGroup: 'A', wantPara: "a", wantKind: Commodity},
		{give: "5A992.c", wantCat: 5, wantGroup: 'A', wantPara: "c", wantKind: Commodity},
		{give: "9A515.y.1", wantCat: 9, wantGroup: 'A', wantPara: "y.1", wantKind: Commodity, want9x515: true, wantY: true},
		{give: "9E515.a", wantCat: 9, wantGroup: 'E', wantPara: "a", wantKind: Technology, want9x515: true},
		{give: "0A919.a.1", wantCat: 0, wantGroup: 'A', wantPara: "a.1", wantKind: Commodity},
		{give: "3B001.f.1.b.2", wantCat: 3, wantGroup: 'B', wantPara: "f.1.b.2", wantKind: Commodity},
		{give: "4A003.z", wantCat: 4, wantGroup: 'A', wantPara: "z", wantKind: Commodity, wantZ: true},
		{give: "5A002.z.1.a", wantCat: 5, wantGroup: 'A', wantPara: "z.1.a", wantKind: Commodity, wantZ: true},
		{give: "1C351.d.15", wantCat: 1, wantGroup: 'C', wantPara: "d.15", wantKind: Commodity},
		{give: "3D001", wantCat: 3, wantGroup: 'D', wantKind: Software},
		{give: "4E091", wantCat: 4, wantGroup: 'E', wantKind: Technology},
		{give: "0A606.y", wantCat: 0, wantGroup: 'A', wantPara: "y", wantKind: Commodity, want600: true, wantY: true},
		{give: "9A610.t", wantCat: 9, wantGroup: 'A', wantPara: "t", wantKind: Commodity, want600: true},
		{give: "3A611.y", wantCat: 3, wantGroup: 'A', wantPara: "y", wantKind: Commodity, want600: true, wantY: true},
		{give: "6A005.b.6.d.2.b", wantCat: 6, wantGroup: 'A', wantPara: "b.6.d.2.b", wantKind: Commodity},
		{give: "9E003.a.1.ii", wantCat: 9, wantGroup: 'E', wantPara: "a.1.ii", wantKind: Technology},
		{give: "EAR99", wantCat: -1},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			e, err := ParseECCN(tt.give)
			if err != nil {
				t.Fatalf("ParseECCN(%q): %v", tt.give, err)
			}
			if e.String() != tt.give {
				t.Errorf("String() = %q", e.String())
			}
			if e.Category() != tt.wantCat || e.ProductGroup() != tt.wantGroup || e.Paragraph() != tt.wantPara || e.Kind() != tt.wantKind {
				t.Errorf("got cat %d group %q para %q kind %v", e.Category(), e.ProductGroup(), e.Paragraph(), e.Kind())
			}
			if e.Is600Series() != tt.want600 || e.Is9x515() != tt.want9x515 || e.IsY() != tt.wantY || e.IsZ() != tt.wantZ {
				t.Errorf("got 600 %v 9x515 %v y %v z %v", e.Is600Series(), e.Is9x515(), e.IsY(), e.IsZ())
			}
			if !e.IsValid() || e.IsEAR99() != (tt.give == "EAR99") {
				t.Errorf("IsValid %v IsEAR99 %v", e.IsValid(), e.IsEAR99())
			}
		})
	}
}

func TestParseECCNErrors(t *testing.T) {
	tests := []struct {
		give    string
		wantPos int
	}{
		{"", 0},
		{"3A0O1", 3},
		{"3Z001", 1},
		{"3A001..a", 6},
		{"3A001.", 6},
		{"3A001.a.", 8},
		{"X3A001", 0},
		{"3A01", 4},
		{"3A001a", 5},
		{"3A001.1", 6},
		{"3A001.a.01", 8},
		{"3A001.a.100", 8},
		{"3A001.ab", 6},
		{"3A001.ii", 6},
		{" 3A001", 0},
		{"3A001 ", 5},
		{"EAR9", 4},
		{"EAR999", 0},
		{"3A001.a.b.c.d.e.f.g.h.i.j.k.l.m", 30},
		{"３A001", 0},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			_, err := ParseECCN(tt.give)
			var ee *ECCNError
			if !errors.As(err, &ee) {
				t.Fatalf("ParseECCN(%q) error = %v, want *ECCNError", tt.give, err)
			}
			if ee.Input != tt.give || ee.Pos != tt.wantPos {
				t.Errorf("got input %q pos %d, want pos %d (%v)", ee.Input, ee.Pos, tt.wantPos, err)
			}
		})
	}
}

func TestECCNCovers(t *testing.T) {
	tests := []struct {
		e, f string
		want bool
	}{
		{"3B001", "3B001.f.1", true},
		{"3B001.f", "3B001.f.1.b", true},
		{"3B001.f.1", "3B001.f.1", true},
		{"3B001.f.1", "3B001.f", false},
		{"3A001.b", "3A001.c.1", false},
		{"3A001.a.1", "3A001.a.10", false},
		{"3A001", "3A002", false},
		{"EAR99", "EAR99", true},
		{"EAR99", "3A001", false},
		{"3A001", "EAR99", false},
	}
	for _, tt := range tests {
		t.Run(tt.e+"/"+tt.f, func(t *testing.T) {
			if got := MustParseECCN(tt.e).Covers(MustParseECCN(tt.f)); got != tt.want {
				t.Errorf("%s.Covers(%s) = %v, want %v", tt.e, tt.f, got, tt.want)
			}
		})
	}
	var zero ECCN
	if zero.Covers(zero) || zero.Covers(EAR99) || EAR99.Covers(zero) {
		t.Error("the zero ECCN covers nothing and is covered by nothing")
	}
}

func TestECCNNavigation(t *testing.T) {
	e := MustParseECCN("3A001.b.4.b")
	if e.Entry() != MustParseECCN("3A001") {
		t.Errorf("Entry = %v", e.Entry())
	}
	if e.Parent() != MustParseECCN("3A001.b.4") || e.Parent().Parent().Parent() != e.Entry() || e.Entry().Parent() != e.Entry() {
		t.Error("Parent chain is wrong")
	}
	if got := e.Path(); !slices.Equal(got, []string{"b", "4", "b"}) {
		t.Errorf("Path = %v", got)
	}
	if e.Number() != "001" || EAR99.Number() != "" || EAR99.Entry() != EAR99 || EAR99.Kind().IsValid() {
		t.Error("Number/EAR99 accessors wrong")
	}
	var zero ECCN
	if zero.IsValid() || zero.String() != "" || zero.Category() != -1 || zero.Path() != nil {
		t.Error("zero ECCN accessors wrong")
	}
	if MustParseECCN("3A001").Compare(MustParseECCN("3A001.a")) >= 0 {
		t.Error("Compare")
	}
}

func TestECCNText(t *testing.T) {
	var e ECCN
	if err := e.UnmarshalText([]byte("5A002.a")); err != nil || e.String() != "5A002.a" {
		t.Fatalf("UnmarshalText: %v %v", e, err)
	}
	if err := e.UnmarshalText(nil); err == nil {
		t.Fatal("empty text must be an error")
	}
	b, _ := MustParseECCN("9A515.y.1").MarshalText()
	if string(b) != "9A515.y.1" {
		t.Fatalf("MarshalText = %s", b)
	}
	for _, s := range []string{"commodity", "software", "technology"} {
		k, err := ParseKind(s)
		if err != nil || k.String() != s {
			t.Errorf("ParseKind(%q) = %v, %v", s, k, err)
		}
	}
	// One case rule for every code and word of the wire format: read in
	// any case, written in the canonical one.
	if k, err := ParseKind("Commodity"); err != nil || k != Commodity {
		t.Errorf("ParseKind(Commodity) = %v, %v", k, err)
	}
	for in, want := range map[string]string{"3a001": "3A001", "3A001.A": "3A001.a", "ear99": "EAR99", "3b001.C.1.A": "3B001.c.1.a", "Ear99": "EAR99"} {
		if e, err := ParseECCN(in); err != nil || e.String() != want {
			t.Errorf("ParseECCN(%q) = %v, %v; want %s", in, e, err, want)
		}
	}
}

func FuzzParseECCN(f *testing.F) {
	for _, s := range []string{"3A001", "3A001.b.4.b", "EAR99", "9A515.y.1", "3A0O1", "3A001..a", "", "3A001.a.1.ii", "0A919.a.1", "3B001.f.1.b.2.a.1.a.1.a.1.a.1"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "3A001.a"
	for len(long) < 1<<16 {
		long += long
	}
	deep := "3A090"
	for range 5000 {
		deep += ".a"
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "3A090.a.1.b.2.c.3.d.4.e.5.f.6", "3A090.a.1.b.2.c.3.d.4.e.5.f.6.g",
		deep, "3A001.a.xx", "3A001.a.xxi", "3A001.a.99", "3A001.a.100", "3A001.a.0",
		"3A001.A", "EAR99.a", "ＥＡＲ99", "3A001.a\u0000", "3A090.", "3A09", "3Z001", "3a090", "EAR99 ", "3A001.a.ⅱ"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		e, err := ParseECCN(s)
		if err != nil {
			var ee *ECCNError
			if !errors.As(err, &ee) || ee.Pos < 0 || ee.Pos > len(s) {
				t.Fatalf("bad error for %q: %v", s, err)
			}
			return
		}
		// Read in any case, written in the canonical one, which reads back
		// to the same ECCN.
		if !strings.EqualFold(e.String(), s) {
			t.Fatalf("round trip %q -> %q", s, e.String())
		}
		if e2, err := ParseECCN(e.String()); err != nil || e2 != e || e2.String() != e.String() {
			t.Fatalf("canonical %q does not read back: %v %v", e.String(), e2, err)
		}
		if !e.Entry().Covers(e) || !e.Covers(e) || !e.Parent().Covers(e) {
			t.Fatalf("%q: an entry and a parent cover their paragraphs", s)
		}
		b, _ := e.MarshalText()
		var back ECCN
		if err := back.UnmarshalText(b); err != nil || back != e {
			t.Fatalf("text round trip %q: %v", s, err)
		}
	})
}

func BenchmarkParseECCN(b *testing.B) {
	for b.Loop() {
		if _, err := ParseECCN("3B001.f.1.b.2"); err != nil {
			b.Fatal(err)
		}
	}
}
