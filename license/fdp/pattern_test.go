package fdp

import (
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

func TestPattern(t *testing.T) {
	for _, tt := range []struct {
		pattern, item string
		want          ear.Answer
	}{
		{"3B001 except .a.4 .c", "3B001.a.1", ear.Yes},
		{"3B001 except .a.4 .c", "3B001.c.4", ear.No},
		{"3B001 except .a.4 .c", "3B001.a", ear.Indeterminate},
		{"3B001 except .a.4 .c", "3B001", ear.Indeterminate},
		{"3B001.c", "3B001", ear.Indeterminate},
		{"3B001.c", "3B002.c", ear.No},
		{"3A001.z", "3A001.z.1.a", ear.Yes},
	} {
		p := MustParsePattern(tt.pattern)
		if got := p.MatchItem(product.MustParseECCN(tt.item)); got != tt.want {
			t.Errorf("%s matchItem(%s) = %s, want %s", tt.pattern, tt.item, got, tt.want)
		}
	}
	p := MustParsePattern("3E001 for 3B 3A090")
	for f, want := range map[string]ear.Answer{"3B001.a": ear.Yes, "3A090.a": ear.Yes, "3A001": ear.No, "": ear.Indeterminate} {
		var e product.ECCN
		if f != "" {
			e = product.MustParseECCN(f)
		}
		if got := p.MatchFor(e); got != want {
			t.Errorf("matchFor(%q) = %s, want %s", f, got, want)
		}
	}
	for _, bad := range []string{"", "EAR99", "3B001 except", "3B001 except a.4", "3B001 for", "3B001 for 3X", "3B001 except .a.4 except .c", "3B001 junk"} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParseECCNPattern(%q) accepted", bad)
		}
	}
}
