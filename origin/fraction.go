package origin

import (
	"math/big"

	"github.com/shopspring/decimal"
)

// RatOf returns d as an exact rational number.
func RatOf(d decimal.Decimal) *big.Rat {
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
// positive.
func Exceeds(part, whole *big.Rat, percent int64) bool {
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
// decisions never read it.
func DecimalText(r *big.Rat) (text string, exact bool) {
	num, den := r.Num(), r.Denom() // read only
	// A fraction in lowest terms terminates iff its denominator has no
	// prime factor other than 2 and 5.
	twos := int(den.TrailingZeroBits())
	d := new(big.Int).Rsh(den, uint(twos))
	fives := 0
	five := big.NewInt(5)
	q5, r5 := new(big.Int), new(big.Int)
	for d.Sign() > 0 {
		if q5.QuoRem(d, five, r5); r5.Sign() != 0 {
			break
		}
		d, q5 = q5, d
		fives++
	}
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
	s := decimal.NewFromBigInt(q, -int32(places)).String()
	return s, exact
}

// Percent returns 100 x part / whole for display (see DecimalText). whole
// must be positive.
func Percent(part, whole *big.Rat) (text string, exact bool) {
	if part.Sign() == 0 {
		return "0", true
	}
	p := new(big.Rat).Mul(part, big.NewRat(100, 1))
	return DecimalText(p.Quo(p, whole))
}
