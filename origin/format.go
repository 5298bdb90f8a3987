package origin

import (
	"math/big"
	"strconv"

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
	exp := int64(d.Exponent())
	if d.NumDigits() <= 18 {
		// The coefficient fits an int64: no big.Int is made.
		c := d.CoefficientInt64()
		var buf [24]byte
		return formatDigits(strconv.AppendUint(buf[:0], absInt64(c), 10), c < 0, exp)
	}
	return formatScaled(d.Coefficient(), exp)
}

// appendDecimal appends d as formatDecimal writes it.
func appendDecimal(b []byte, d decimal.Decimal) []byte {
	exp := int64(d.Exponent())
	if d.NumDigits() <= 18 {
		c := d.CoefficientInt64()
		var buf [24]byte
		return appendDigits(b, strconv.AppendUint(buf[:0], absInt64(c), 10), c < 0, exp)
	}
	return append(b, formatScaled(d.Coefficient(), exp)...)
}

// formatScaled writes c x 10^exp as formatDecimal does.
func formatScaled(c *big.Int, exp int64) string {
	if c.IsInt64() {
		v := c.Int64()
		var buf [24]byte
		return formatDigits(strconv.AppendUint(buf[:0], absInt64(v), 10), v < 0, exp)
	}
	return formatDigits(new(big.Int).Abs(c).Append(nil, 10), c.Sign() < 0, exp)
}

// absInt64 is |v| as a uint64 (math.MinInt64 included).
func absInt64(v int64) uint64 {
	if v < 0 {
		return uint64(-(v + 1)) + 1
	}
	return uint64(v)
}

// formatDigits writes the decimal digits of |c| (no sign, no leading
// zero unless c is 0), negative, times 10^exp, as formatDecimal does, in
// one allocation.
func formatDigits(digits []byte, negative bool, exp int64) string {
	var buf [64]byte
	var out []byte
	if n := len(digits) + 3 + max(int(exp), 0) + max(int(-exp), 0); n <= len(buf) {
		out = buf[:0]
	}
	return string(appendDigits(out, digits, negative, exp))
}

// appendDigits is formatDigits appending to out.
func appendDigits(out, digits []byte, negative bool, exp int64) []byte {
	if len(digits) == 1 && digits[0] == '0' {
		return append(out, '0')
	}
	if negative {
		out = append(out, '-')
	}
	if exp >= 0 {
		out = append(out, digits...)
		for range exp {
			out = append(out, '0')
		}
		return out
	}
	// The fraction is zeros leading zeros, then frac (its own trailing
	// zeros dropped).
	places := int(-exp)
	frac, zeros := digits, 0
	if len(digits) > places {
		out = append(out, digits[:len(digits)-places]...)
		frac = digits[len(digits)-places:]
	} else {
		out = append(out, '0')
		zeros = places - len(digits)
	}
	for len(frac) > 0 && frac[len(frac)-1] == '0' {
		frac = frac[:len(frac)-1]
	}
	if len(frac) > 0 {
		out = append(out, '.')
		for range zeros {
			out = append(out, '0')
		}
		out = append(out, frac...)
	}
	return out
}
