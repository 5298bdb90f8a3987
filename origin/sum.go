package origin

import (
	"math"

	"github.com/shopspring/decimal"
)

// Sum adds Exact values: the sum of a bill of materials' line totals. While
// every value added is a decimal whose coefficient has at most 18 digits
// and the running total fits, it adds in int64 at the smallest exponent
// seen (what Exact.Add does with decimals, without allocating); on an
// overflow, a rational value or an invalid one it falls back to Exact.Add.
// The result is the same value, with the same exponent, as adding the
// values in order with Exact.Add, starting from the zero Exact.
//
// The zero Sum is empty, ready to use. A Sum is a builder: use it from one
// goroutine.
type Sum struct {
	c     int64 // the coefficient of the running total while fast
	e     int32 // its exponent
	slow  bool  // the total is in x
	x     Exact
	added bool
}

// Add adds v to the running total.
func (s *Sum) Add(v Exact) {
	s.added = true
	if !s.slow {
		if v.r == nil && !v.invalid && s.addFast(v.d) {
			return
		}
		s.x, s.slow = Exact{d: decimal.New(s.c, s.e)}, true
	}
	s.x = s.x.Add(v)
}

// addFast adds d in int64 and reports whether it could.
func (s *Sum) addFast(d decimal.Decimal) bool {
	if d.NumDigits() > 18 {
		return false
	}
	c, e := d.CoefficientInt64(), d.Exponent()
	total, te := s.c, s.e
	switch {
	case e > te:
		var ok bool
		if c, ok = scale10(c, int64(e)-int64(te)); !ok {
			return false
		}
	case e < te:
		var ok bool
		if total, ok = scale10(total, int64(te)-int64(e)); !ok {
			return false
		}
		te = e
	}
	if (c > 0 && total > math.MaxInt64-c) || (c < 0 && total < math.MinInt64-c) {
		return false
	}
	s.c, s.e = total+c, te
	return true
}

// scale10 returns c x 10^k and whether it fits in an int64.
func scale10(c int64, k int64) (int64, bool) {
	for ; k > 0; k-- {
		if c > math.MaxInt64/10 || c < math.MinInt64/10 {
			return 0, false
		}
		c *= 10
	}
	return c, true
}

// Exact returns the total: the zero Exact when nothing was added.
func (s *Sum) Exact() Exact {
	switch {
	case !s.added:
		return Exact{}
	case s.slow:
		return s.x
	}
	return Exact{d: decimal.New(s.c, s.e)}
}
