package origin

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// RatOf returns d as an exact rational number, or nil when d's exponent
// is outside ±10000 (such a number would take time and memory that grow
// with 10^|exponent|). Exceeds, Percent and DecimalText accept nil and
// report no result for it.
func RatOf(d decimal.Decimal) *big.Rat {
	if !exponentOK(d) {
		return nil
	}
	r := new(big.Rat).SetInt(d.Coefficient())
	exp := d.Exponent()
	if exp == 0 {
		return r
	}
	var p *big.Int
	if e := absInt32(exp); e < int64(len(pow10)) {
		p = pow10[e]
	} else {
		p = new(big.Int).Exp(big.NewInt(10), big.NewInt(e), nil)
	}
	if exp > 0 {
		return r.Mul(r, new(big.Rat).SetInt(p))
	}
	return r.Quo(r, new(big.Rat).SetInt(p))
}

// pow10 holds 10^0 to 10^39, computed once and only read.
var pow10 = func() [40]*big.Int {
	var t [40]*big.Int
	t[0] = big.NewInt(1)
	for i := 1; i < len(t); i++ {
		t[i] = new(big.Int).Mul(t[i-1], big.NewInt(10))
	}
	return t
}()

func absInt32(x int32) int64 {
	if x < 0 {
		return -int64(x)
	}
	return int64(x)
}

// Exceeds reports whether part / whole is strictly more than percent / 100,
// decided exactly by cross-multiplication: part x 100 > percent x whole.
// "Exceeds" is strict: exactly the level does not exceed it. whole must be
// positive: Exceeds reports false when part or whole is nil or whole is
// zero or negative, a question with no answer rather than a "yes".
func Exceeds(part, whole *big.Rat, percent int64) bool {
	if part == nil || whole == nil || whole.Sign() <= 0 {
		return false
	}
	lhs := new(big.Rat).Mul(part, big.NewRat(100, 1))
	rhs := new(big.Rat).Mul(whole, big.NewRat(percent, 1))
	return lhs.Cmp(rhs) > 0
}

// DisplayPlaces is the number of decimal places a non-terminating figure is
// rounded to for display.
const DisplayPlaces = 10

// DecimalText writes r in decimal: exactly when its expansion terminates
// (exact true), otherwise rounded half-even to DisplayPlaces places (exact
// false). Trailing zeros after the point are dropped. For display only:
// decisions never read it. A nil r has no text: DecimalText returns ("",
// false). The output never depends on decimal's package settings.
func DecimalText(r *big.Rat) (text string, exact bool) {
	if r == nil {
		return "", false
	}
	num, den := r.Num(), r.Denom() // read only
	// A fraction in lowest terms terminates iff its denominator has no
	// prime factor other than 2 and 5.
	twos := int(den.TrailingZeroBits())
	d, fives := removeFactor(new(big.Int).Rsh(den, uint(twos)), big.NewInt(5))
	places := max(twos, fives)
	exact = d.IsInt64() && d.Int64() == 1
	if !exact {
		places = DisplayPlaces
	}
	scale := new(big.Int).Exp(big.NewInt(10), big.NewInt(int64(places)), nil)
	scaled := new(big.Int).Mul(num, scale)
	q, rem := new(big.Int).QuoRem(scaled, den, new(big.Int))
	if !exact {
		// Round half-even on the remainder.
		twice := new(big.Int).Mul(new(big.Int).Abs(rem), big.NewInt(2))
		c := twice.Cmp(den)
		if c > 0 || (c == 0 && q.Bit(0) == 1) {
			if scaled.Sign() < 0 {
				q.Sub(q, big.NewInt(1))
			} else {
				q.Add(q, big.NewInt(1))
			}
		}
	}
	return formatScaled(q, -int64(places)), exact
}

// removeFactor divides every factor p (> 1) out of n (> 0) and returns the
// rest and the number of factors, in O(log count) big divisions (by p,
// p², p⁴, ...) rather than one division per factor.
func removeFactor(n, p *big.Int) (*big.Int, int) {
	q, r := new(big.Int).QuoRem(n, p, new(big.Int))
	if r.Sign() != 0 {
		return n, 0
	}
	// n = p x q; q = (p²)^c x m, with p² not dividing m.
	m, c := removeFactor(q, new(big.Int).Mul(p, p))
	count := 2*c + 1
	if q2, r2 := new(big.Int).QuoRem(m, p, new(big.Int)); r2.Sign() == 0 {
		m = q2
		count++
	}
	return m, count
}

// Percent returns 100 x part / whole for display (see DecimalText). whole
// must be positive: when part or whole is nil or whole is zero or negative
// there is no percentage, and Percent returns ("", false).
func Percent(part, whole *big.Rat) (text string, exact bool) {
	if part == nil || whole == nil || whole.Sign() <= 0 {
		return "", false
	}
	if part.Sign() == 0 {
		return "0", true
	}
	p := new(big.Rat).Mul(part, big.NewRat(100, 1))
	return DecimalText(p.Quo(p, whole))
}
