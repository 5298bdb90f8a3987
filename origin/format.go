package origin

import (
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// maxExactExponent bounds the exponent of the decimals that Exact, RatOf
// and the figures of this package take: within ±10000, so that 10^exponent
// (which printing, comparing and converting to a rational materialize)
// stays cheap. It is far wider than the ±1000 of amounts and rates (see
// maxRateExponent), so that a product of an amount, a rate and a quantity
// always fits.
const maxExactExponent = 10000

// exponentOK reports whether d's exponent is within ±maxExactExponent.
func exponentOK(d decimal.Decimal) bool {
	e := d.Exponent()
	return e >= -maxExactExponent && e <= maxExactExponent
}

// formatDecimal writes d in plain fixed-point notation with the trailing
// zeros after the point dropped ("12.50" is "12.5", "12.00" is "12", 1e3 is
// "1000"), which is what decimal.Decimal.String prints with decimal's
// default settings. Unlike String it never reads decimal's package settings
// (TrimTrailingZeros, UseScientificNotation): it builds the text from the
// coefficient and the exponent. Callers keep the exponent within
// ±maxExactExponent.
func formatDecimal(d decimal.Decimal) string {
	return formatScaled(d.Coefficient(), int64(d.Exponent()))
}

// formatScaled writes c x 10^exp as formatDecimal does.
func formatScaled(c *big.Int, exp int64) string {
	digits := new(big.Int).Abs(c).Text(10)
	if digits == "0" {
		return "0"
	}
	sign := ""
	if c.Sign() < 0 {
		sign = "-"
	}
	if exp >= 0 {
		return sign + digits + strings.Repeat("0", int(exp))
	}
	places := int(-exp)
	var intPart, frac string
	if len(digits) > places {
		intPart, frac = digits[:len(digits)-places], digits[len(digits)-places:]
	} else {
		intPart, frac = "0", strings.Repeat("0", places-len(digits))+digits
	}
	frac = strings.TrimRight(frac, "0")
	if frac == "" {
		return sign + intPart
	}
	return sign + intPart + "." + frac
}
