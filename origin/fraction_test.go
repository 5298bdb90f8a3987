package origin

import (
	"math/big"
	"testing"

	"github.com/shopspring/decimal"
)

func rat(s string) *big.Rat { return RatOf(decimal.RequireFromString(s)) }

func TestExceedsIsStrict(t *testing.T) {
	tests := []struct {
		part, whole string
		level       int64
		want        bool
	}{
		{"25", "100", 25, false},
		{"25.00000001", "100", 25, true},
		{"24.99999999", "100", 25, false},
		{"10", "100", 10, false},
		{"10.01", "100", 10, true},
		{"0", "1", 0, false},
		{"0.000001", "1", 0, true},
		{"1", "3", 25, true},
	}
	for _, tt := range tests {
		if got := Exceeds(rat(tt.part), rat(tt.whole), tt.level); got != tt.want {
			t.Errorf("Exceeds(%s/%s, %d) = %v, want %v", tt.part, tt.whole, tt.level, got, tt.want)
		}
	}
}

func TestDecimalText(t *testing.T) {
	tests := []struct {
		r     *big.Rat
		want  string
		exact bool
	}{
		{big.NewRat(1, 4), "0.25", true},
		{big.NewRat(1, 16), "0.0625", true},
		{big.NewRat(250001, 10000), "25.0001", true},
		{big.NewRat(1, 3), "0.3333333333", false},
		{big.NewRat(2, 3), "0.6666666667", false},
		{big.NewRat(-2, 3), "-0.6666666667", false},
		{big.NewRat(20, 1), "20", true},
		{big.NewRat(0, 1), "0", true},
		// Half-even: 0.00000000005 rounds to 0.0000000000 (even), 0.00000000015 to 0.0000000002.
		{new(big.Rat).Quo(big.NewRat(1, 20000000000), big.NewRat(1, 1)), "0.00000000005", true},
		{big.NewRat(1, 7), "0.1428571429", false},
	}
	for _, tt := range tests {
		got, exact := DecimalText(tt.r)
		if b, e := (Exact{r: tt.r}).AppendText(nil); string(b) != got || e != exact {
			t.Errorf("Exact{%v}.AppendText = %s %v, want %s %v", tt.r, b, e, got, exact)
		}
		if got != tt.want || exact != tt.exact {
			t.Errorf("DecimalText(%v) = %s %v, want %s %v", tt.r, got, exact, tt.want, tt.exact)
		}
	}
	if got, exact := Percent(rat("180000"), rat("12000000")); got != "1.5" || !exact {
		t.Errorf("Percent = %s %v", got, exact)
	}
}

func TestRatOf(t *testing.T) {
	for _, s := range []string{"0", "1", "12000.00", "0.000000000000000001", "123456789012345678901234567890", "1e3"} {
		d := decimal.RequireFromString(s)
		if got := RatOf(d); got.Cmp(d.Rat()) != 0 {
			t.Errorf("RatOf(%s) = %v, want %v", s, got, d.Rat())
		}
	}
}
