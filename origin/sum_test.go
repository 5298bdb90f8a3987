package origin

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/shopspring/decimal"
)

// sumByAdd is the reference: Exact.Add in order from the zero Exact.
func sumByAdd(vs []Exact) Exact {
	var t Exact
	for _, v := range vs {
		t = t.Add(v)
	}
	return t
}

// sameExact reports whether a and b are the same value written the same
// way (validity, decimal or rational, exponent, text).
func sameExact(a, b Exact) bool {
	if a.IsValid() != b.IsValid() {
		return false
	}
	if !a.IsValid() {
		return true
	}
	ad, aok := a.Decimal()
	bd, bok := b.Decimal()
	if aok != bok {
		return false
	}
	if aok {
		return ad.Equal(bd) && ad.Exponent() == bd.Exponent() && ad.String() == bd.String()
	}
	return a.Rat().Cmp(b.Rat()) == 0
}

func TestSumCases(t *testing.T) {
	d := decimal.RequireFromString
	maxc := decimal.New(math.MaxInt64/10, 0) // 18 digits
	tests := []struct {
		name string
		vs   []Exact
		want string
	}{
		{"empty", nil, "0"},
		{"cents", []Exact{ExactOf(d("10.25")), ExactOf(d("0.75"))}, "11"},
		{"exponent falls", []Exact{ExactOf(d("1E+3")), ExactOf(d("0.001"))}, "1000.001"},
		{"negative", []Exact{ExactOf(d("-5.5")), ExactOf(d("2"))}, "-3.5"},
		{"19 digits goes slow", []Exact{ExactOf(d("1234567890123456789")), ExactOf(d("1"))}, "1234567890123456790"},
		{"overflow on add", []Exact{ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc), ExactOf(maxc)}, "10145709240540253380"},
		{"overflow on rescale", []Exact{ExactOf(d("900000000000000000")), ExactOf(d("0.1"))}, "900000000000000000.1"},
		{"rational", []Exact{ExactOf(d("1")), {r: big.NewRat(1, 3)}, ExactOf(d("2"))}, "3.3333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333333"},
		{"invalid", []Exact{ExactOf(d("1")), {invalid: true}, ExactOf(d("2"))}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var s Sum
			for _, v := range tt.vs {
				s.Add(v)
			}
			got, ref := s.Exact(), sumByAdd(tt.vs)
			if !sameExact(got, ref) {
				t.Fatalf("Sum = %v, Exact.Add = %v", got, ref)
			}
			if tt.want == "" {
				if got.IsValid() {
					t.Fatalf("Sum = %v, want not valid", got)
				}
				return
			}
			if r, ok := new(big.Rat).SetString(tt.want); !ok || (got.r == nil && got.Rat().Cmp(r) != 0) {
				t.Fatalf("Sum = %v, want %s", got.Rat().FloatString(4), tt.want)
			}
		})
	}
}

// TestPropertySumMatchesAdd: random values around the int64 boundary, with
// random exponents, sum to the same Exact (value and exponent) through Sum
// as through Exact.Add.
func TestPropertySumMatchesAdd(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 11))
	n := 20000
	if testing.Short() {
		n = 2000
	}
	for range n {
		vs := make([]Exact, 1+r.IntN(12))
		for i := range vs {
			var c int64
			switch r.IntN(4) {
			case 0: // near the int64 limit
				c = math.MaxInt64 - r.Int64N(1000)
			case 1: // 18 and 19 digits
				c = 999999999999999999 - r.Int64N(1000) + r.Int64N(2000)
			case 2:
				c = r.Int64N(1_000_000)
			default:
				c = r.Int64()
			}
			if r.IntN(3) == 0 {
				c = -c
			}
			vs[i] = ExactOf(decimal.New(c, int32(r.IntN(9)-6)))
			if r.IntN(50) == 0 {
				vs[i] = Exact{r: big.NewRat(int64(r.IntN(100)), int64(1+r.IntN(9)))}
			}
		}
		var s Sum
		for _, v := range vs {
			s.Add(v)
		}
		if got, ref := s.Exact(), sumByAdd(vs); !sameExact(got, ref) {
			texts := make([]string, len(vs))
			for i, v := range vs {
				texts[i], _ = v.Text()
			}
			t.Fatalf("values %v: Sum %s, Exact.Add %s", texts, got.Rat().RatString(), ref.Rat().RatString())
		}
	}
}

func BenchmarkSum(b *testing.B) {
	vs := make([]Exact, 50)
	for i := range vs {
		vs[i] = ExactOf(decimal.RequireFromString(strconv.Itoa(10+i) + ".25"))
	}
	b.ReportAllocs()
	for b.Loop() {
		var s Sum
		for _, v := range vs {
			s.Add(v)
		}
		_ = s.Exact()
	}
}
