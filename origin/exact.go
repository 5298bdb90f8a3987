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
type Exact struct {
	d decimal.Decimal
	r *big.Rat // nil while the value is d
}

// ExactOf returns d as an Exact.
func ExactOf(d decimal.Decimal) Exact { return Exact{d: d} }

// Add returns x + y.
func (x Exact) Add(y Exact) Exact {
	if x.r == nil && y.r == nil {
		return Exact{d: x.d.Add(y.d)}
	}
	return Exact{r: new(big.Rat).Add(x.Rat(), y.Rat())}
}

// MulDecimal returns x x d.
func (x Exact) MulDecimal(d decimal.Decimal) Exact {
	if x.r == nil {
		return Exact{d: x.d.Mul(d)}
	}
	return Exact{r: new(big.Rat).Mul(x.r, RatOf(d))}
}

// Rat returns x as a new rational number.
func (x Exact) Rat() *big.Rat {
	if x.r == nil {
		return RatOf(x.d)
	}
	return new(big.Rat).Set(x.r)
}

// Decimal returns x as a decimal and true when x is one (no division has
// made it a rational).
func (x Exact) Decimal() (decimal.Decimal, bool) { return x.d, x.r == nil }

// Sign returns -1, 0 or +1.
func (x Exact) Sign() int {
	if x.r == nil {
		return x.d.Sign()
	}
	return x.r.Sign()
}

// Text writes x in decimal, exactly when it terminates (see DecimalText).
func (x Exact) Text() (string, bool) {
	if x.r == nil {
		return x.d.String(), true
	}
	return DecimalText(x.r)
}

// ExceedsExact reports whether part / whole is strictly more than percent /
// 100, by cross-multiplication (part x 100 > percent x whole), in decimal
// when both are decimal and in rationals otherwise. whole must be positive.
func ExceedsExact(part, whole Exact, percent int64) bool {
	if part.r == nil && whole.r == nil {
		return part.d.Mul(decimal.NewFromInt(100)).Cmp(whole.d.Mul(decimal.NewFromInt(percent))) > 0
	}
	return Exceeds(part.Rat(), whole.Rat(), percent)
}

// ConvertExact returns m in currency to, exactly: m itself in the same
// currency, m x rate (a decimal) for a direct rate from m's currency to to,
// m / rate (a rational) for an inverse one. Without a rate it returns a
// *RatesError naming field.
func (r Rates) ConvertExact(field string, m product.Money, to product.Currency) (Exact, error) {
	if m.Currency() == to {
		return Exact{d: m.Amount()}, nil
	}
	for _, x := range r.rates {
		switch {
		case x.From == m.Currency() && x.To == to:
			return Exact{d: m.Amount().Mul(x.Rate)}, nil
		case x.From == to && x.To == m.Currency():
			return Exact{r: new(big.Rat).Quo(RatOf(m.Amount()), RatOf(x.Rate))}, nil
		}
	}
	return Exact{}, &RatesError{Field: field, Msg: fmt.Sprintf("value in %s but the item is valued in %s, and no exchange rate between them is given", m.Currency(), to)}
}

// PercentOf returns 100 x part / whole for display, as Percent does: exact
// when the expansion terminates, else rounded half-even to DisplayPlaces
// places. whole must be positive. Decimal operands that divide within
// DisplayPlaces places take a decimal division; the rest take Percent.
func PercentOf(part, whole Exact) (text string, exact bool) {
	if part.Sign() == 0 {
		return "0", true
	}
	if p, ok := part.Decimal(); ok {
		if w, ok := whole.Decimal(); ok && w.Sign() > 0 {
			q, r := p.Mul(hundred).QuoRem(w, DisplayPlaces)
			if r.IsZero() {
				return q.String(), true
			}
		}
	}
	return Percent(part.Rat(), whole.Rat())
}

var hundred = decimal.NewFromInt(100)
