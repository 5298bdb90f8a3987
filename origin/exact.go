package origin

import (
	"fmt"
	"math/big"

	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// Exact is an exact number: a decimal while the arithmetic stays decimal
// (sums, products, direct exchange rates), a rational once a division has
// made it one (an inverse exchange rate). It never rounds. The zero Exact is
// 0.
//
// An Exact made from a decimal whose exponent is outside ±10000, or a
// product whose exponent would be, is not valid (IsValid reports false)
// rather than a number too costly to compute with: it has no text, no
// rational and no sign, it exceeds nothing, and arithmetic with it gives an
// Exact that is not valid either.
type Exact struct {
	d       decimal.Decimal
	r       *big.Rat // nil while the value is d
	invalid bool     // out of range; d and r are unset
}

// ExactOf returns d as an Exact. If d's exponent is outside ±10000 the
// result is not valid (see Exact).
func ExactOf(d decimal.Decimal) Exact {
	if !exponentOK(d) {
		return Exact{invalid: true}
	}
	return Exact{d: d}
}

// IsValid reports whether x is a number (see Exact). The zero Exact is
// valid: it is 0.
func (x Exact) IsValid() bool { return !x.invalid }

// Add returns x + y (not valid if either is not).
func (x Exact) Add(y Exact) Exact {
	if x.invalid || y.invalid {
		return Exact{invalid: true}
	}
	if x.r == nil && y.r == nil {
		// The sum takes the smaller exponent, so it stays in range.
		return Exact{d: x.d.Add(y.d)}
	}
	return Exact{r: new(big.Rat).Add(x.Rat(), y.Rat())}
}

// MulDecimal returns x x d. It is not valid if x is not, or if d's
// exponent or (for a decimal x) the product's is outside ±10000.
func (x Exact) MulDecimal(d decimal.Decimal) Exact {
	if x.invalid || !exponentOK(d) {
		return Exact{invalid: true}
	}
	if x.r == nil {
		if e := int64(x.d.Exponent()) + int64(d.Exponent()); e > maxExactExponent || e < -maxExactExponent {
			return Exact{invalid: true}
		}
		return Exact{d: x.d.Mul(d)}
	}
	return Exact{r: new(big.Rat).Mul(x.r, RatOf(d))}
}

// Rat returns x as a new rational number, or nil when x is not valid.
func (x Exact) Rat() *big.Rat {
	switch {
	case x.invalid:
		return nil
	case x.r == nil:
		return RatOf(x.d)
	}
	return new(big.Rat).Set(x.r)
}

// Decimal returns x as a decimal and true when x is one (no division has
// made it a rational). It returns the zero Decimal and false when x is a
// rational or not valid.
func (x Exact) Decimal() (decimal.Decimal, bool) {
	if x.invalid || x.r != nil {
		return decimal.Decimal{}, false
	}
	return x.d, true
}

// Sign returns -1, 0 or +1; 0 too when x is not valid (see IsValid).
func (x Exact) Sign() int {
	switch {
	case x.invalid:
		return 0
	case x.r == nil:
		return x.d.Sign()
	}
	return x.r.Sign()
}

// Text writes x in decimal, exactly when it terminates (see DecimalText).
// Trailing zeros after the point are dropped ("108.50" is "108.5"). When x
// is not valid it returns ("", false). The text never depends on decimal's
// package settings.
func (x Exact) Text() (string, bool) {
	switch {
	case x.invalid:
		return "", false
	case x.r == nil:
		return formatDecimal(x.d), true
	}
	return DecimalText(x.r)
}

// AppendText appends Text's text to b and reports Text's exact.
func (x Exact) AppendText(b []byte) ([]byte, bool) {
	switch {
	case x.invalid:
		return b, false
	case x.r == nil:
		return appendDecimal(b, x.d), true
	}
	s, exact := DecimalText(x.r)
	return append(b, s...), exact
}

// ExceedsExact reports whether part / whole is strictly more than percent /
// 100, by cross-multiplication (part x 100 > percent x whole), in decimal
// when both are decimal and in rationals otherwise. whole must be positive:
// ExceedsExact reports false when whole is zero or negative, or when part
// or whole is not valid (a question with no answer rather than a "yes").
func ExceedsExact(part, whole Exact, percent int64) bool {
	if part.invalid || whole.invalid || whole.Sign() <= 0 {
		return false
	}
	if part.r == nil && whole.r == nil {
		return part.d.Mul(hundred).Cmp(whole.d.Mul(decimal.NewFromInt(percent))) > 0
	}
	return Exceeds(part.Rat(), whole.Rat(), percent)
}

// ConvertExact returns m in currency to, exactly: m itself in the same
// currency, m x rate (a decimal) for a direct rate from m's currency to to,
// m / rate (a rational) for an inverse one. Without a rate, or for an
// amount whose exponent is outside ±10000 (product.NewMoney allows ±1000),
// it returns a *product.FieldError naming field.
func (r Rates) ConvertExact(field string, m product.Money, to product.Currency) (Exact, error) {
	if !exponentOK(m.Amount()) {
		return Exact{}, ratesErr(field, product.ErrOutOfRange, "amount exponent %d out of range (limit ±%d)", m.Amount().Exponent(), maxExactExponent)
	}
	if m.Currency() == to {
		return Exact{d: m.Amount()}, nil
	}
	for _, x := range r.rates {
		switch {
		case x.From == m.Currency() && x.To == to:
			v := ExactOf(m.Amount()).MulDecimal(x.Rate)
			if !v.IsValid() {
				return Exact{}, ratesErr(field, product.ErrOutOfRange, "amount exponent %d times the %s/%s rate is out of range (limit ±%d)", m.Amount().Exponent(), x.From, x.To, maxExactExponent)
			}
			return v, nil
		case x.From == to && x.To == m.Currency():
			return Exact{r: new(big.Rat).Quo(RatOf(m.Amount()), RatOf(x.Rate))}, nil
		}
	}
	return Exact{}, &product.FieldError{Field: field, Err: fmt.Errorf("%w: value in %s but the item is valued in %s, and no exchange rate between them is given", product.ErrNoRate, m.Currency(), to)}
}

// PercentOf returns 100 x part / whole for display, as Percent does: exact
// when the expansion terminates, else rounded half-even to DisplayPlaces
// places. whole must be positive: when it is zero or negative, or part or
// whole is not valid, PercentOf returns ("", false). Decimal operands that
// divide within DisplayPlaces places take a decimal division; the rest take
// Percent. The text never depends on decimal's package settings.
func PercentOf(part, whole Exact) (text string, exact bool) {
	if part.invalid || whole.invalid || whole.Sign() <= 0 {
		return "", false
	}
	if part.Sign() == 0 {
		return "0", true
	}
	if p, ok := part.Decimal(); ok {
		if w, ok := whole.Decimal(); ok {
			// QuoRem takes its precision as an argument and reads no package
			// setting; the exponents are bounded, so it cannot overflow.
			q, r := p.Mul(hundred).QuoRem(w, DisplayPlaces)
			if r.IsZero() {
				return formatDecimal(q), true
			}
		}
	}
	return Percent(part.Rat(), whole.Rat())
}

// hundred is 100, for cross-multiplication; never modified.
var hundred = decimal.NewFromInt(100)
