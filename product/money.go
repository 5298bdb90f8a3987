package product

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/earcheck/ear/internal/wire"
	"github.com/shopspring/decimal"
)

// Currency is an active ISO 4217 alphabetic currency code ("USD", "EUR",
// "JPY"). It is a small comparable value: == compares, and it can be a map
// key. The zero Currency is invalid (IsValid reports false).
type Currency struct {
	idx uint8 // 1 + index into currencyCodes; 0 for the zero Currency
}

// currencyCodes lists the active codes of ISO 4217 List One ("Current
// currency & funds code list") as published by SIX, the ISO 4217
// maintenance agency, on 2025-05-12, in sorted order. It includes the funds
// codes (BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW), the units of account
// (XAD, XBA-XBD, XDR, XSU, XUA) and the precious metals (XAG, XAU, XPD,
// XPT), and leaves out XTS (reserved for testing) and XXX (no currency),
// which cannot be the currency of a value. BGN is kept as published: the
// lev remains in documents dated before Bulgaria's changeover to the euro
// on 2026-01-01. A test checks that the list is sorted and has no
// duplicates; update it by hand from list-one.xml when an amendment is
// published.
var currencyCodes = [...]string{
	"AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN",
	"BAM", "BBD", "BDT", "BGN", "BHD", "BIF", "BMD", "BND", "BOB", "BOV", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD",
	"CAD", "CDF", "CHE", "CHF", "CHW", "CLF", "CLP", "CNY", "COP", "COU", "CRC", "CUP", "CVE", "CZK",
	"DJF", "DKK", "DOP", "DZD",
	"EGP", "ERN", "ETB", "EUR",
	"FJD", "FKP",
	"GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD",
	"HKD", "HNL", "HTG", "HUF",
	"IDR", "ILS", "INR", "IQD", "IRR", "ISK",
	"JMD", "JOD", "JPY",
	"KES", "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT",
	"LAK", "LBP", "LKR", "LRD", "LSL", "LYD",
	"MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MXV", "MYR", "MZN",
	"NAD", "NGN", "NIO", "NOK", "NPR", "NZD",
	"OMR",
	"PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "PYG",
	"QAR",
	"RON", "RSD", "RUB", "RWF",
	"SAR", "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
	"THB", "TJS", "TMT", "TND", "TOP", "TRY", "TTD", "TWD", "TZS",
	"UAH", "UGX", "USD", "USN", "UYI", "UYU", "UYW", "UZS",
	"VED", "VES", "VND", "VUV",
	"WST",
	"XAD", "XAF", "XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XCD", "XCG", "XDR", "XOF", "XPD", "XPF", "XPT", "XSU", "XUA",
	"YER",
	"ZAR", "ZMW", "ZWG",
}

// ParseCurrency parses an active ISO 4217 alphabetic code, three ASCII
// letters in any case ("USD", "usd"; written back in upper case). Text is
// not trimmed; anything else, including a well-formed code that is not
// active (ANG, HRK, XXX), is a *CurrencyError.
func ParseCurrency(s string) (Currency, error) {
	in := s
	if len(s) == 3 {
		s = strings.ToUpper(s) // codes are read in any case, written in upper case
	}
	if len(s) != 3 || !isUpper(s[0]) || !isUpper(s[1]) || !isUpper(s[2]) {
		s = in
		msg := "want three letters, as in USD"
		if s == "" {
			msg = "empty"
		}
		return Currency{}, &CurrencyError{Input: s, Msg: msg}
	}
	idx := currencyIndex[currencyKey(s)]
	if idx == 0 {
		return Currency{}, &CurrencyError{Input: in, Msg: "not an active ISO 4217 code"}
	}
	return Currency{idx: idx}, nil
}

// currencyIndex maps currencyKey of every code in currencyCodes to 1 + its
// index (0: not a code). It is computed once, when the package is
// initialized, and only read afterwards.
var currencyIndex [26 * 26 * 26]uint8

func init() {
	// Filled in place: a function returning the 17 KiB array by value
	// made the package's initialization copy it through the stack.
	for i, c := range currencyCodes {
		currencyIndex[currencyKey(c)] = uint8(i + 1)
		currencyMinorUnits[i] = uint8(minorUnitsOf(c))
	}
}

// currencyMinorUnits holds MinorUnits of every code in currencyCodes, by
// index; computed once at initialization and only read afterwards.
var currencyMinorUnits [len(currencyCodes)]uint8

// currencyKey numbers three upper-case ASCII letters from 0 to 26³-1.
func currencyKey(s string) int {
	return (int(s[0]-'A')*26+int(s[1]-'A'))*26 + int(s[2]-'A')
}

func isUpper(b byte) bool { return b >= 'A' && b <= 'Z' }

// MustParseCurrency is like ParseCurrency but panics on error. It is
// intended for tests and constant text.
func MustParseCurrency(s string) Currency {
	c, err := ParseCurrency(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is an ISO 4217 currency (not the zero Currency).
func (c Currency) IsValid() bool { return c.idx != 0 && int(c.idx) <= len(currencyCodes) }

// String returns the ISO 4217 code ("USD"), or "" for the zero Currency.
func (c Currency) String() string {
	if !c.IsValid() {
		return ""
	}
	return currencyCodes[c.idx-1]
}

// MarshalText implements encoding.TextMarshaler. The zero Currency
// marshals as empty text.
func (c Currency) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text is an
// error.
func (c *Currency) UnmarshalText(b []byte) error {
	v, err := ParseCurrency(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

// Limits of the strict amount syntax of ParseMoney and ParseQuantity.
const (
	// MaxIntegerDigits is the most digits an amount may have before its
	// decimal point (leading zeros count).
	MaxIntegerDigits = 30
	// MaxFractionDigits is the most digits an amount may have after its
	// decimal point (trailing zeros count).
	MaxFractionDigits = 18
)

// maxExponent bounds the exponent of amounts built from a decimal.Decimal
// (NewMoney), so that printing one stays cheap and Mul cannot overflow.
const maxExponent = 1000

// parseAmount parses the strict amount syntax: an optional '-', 1 to 30
// ASCII digits, and optionally '.' followed by 1 to 18 ASCII digits. It
// never reads decimal's package settings: the coefficient is built here.
func parseAmount(s string) (decimal.Decimal, error) {
	fail := func(msg string) (decimal.Decimal, error) {
		// A copy of the input: s is often a view of the request's bytes.
		return decimal.Decimal{}, &AmountError{Input: strings.Clone(s), Msg: msg}
	}
	if s == "" {
		return fail("empty")
	}
	i := 0
	neg := false
	if s[0] == '-' {
		neg = true
		i = 1
	}
	intStart := i
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
		if i-intStart > MaxIntegerDigits {
			return fail(fmt.Sprintf("more than %d digits before the decimal point", MaxIntegerDigits))
		}
	}
	intEnd := i
	if intEnd == intStart {
		switch {
		case i == len(s):
			return fail("want digits after '-'")
		case s[i] == '.':
			return fail("want a digit before '.' (write 0.5, not .5)")
		}
		return fail(badChar(s, i))
	}
	fracStart, fracEnd := i, i
	if i < len(s) && s[i] == '.' {
		i++
		fracStart = i
		for i < len(s) && s[i] >= '0' && s[i] <= '9' {
			i++
			if i-fracStart > MaxFractionDigits {
				return fail(fmt.Sprintf("more than %d digits after the decimal point", MaxFractionDigits))
			}
		}
		fracEnd = i
		if fracEnd == fracStart {
			if i == len(s) {
				return fail("want a digit after '.' (write 5 or 5.0, not 5.)")
			}
			return fail(badChar(s, i))
		}
	}
	if i < len(s) {
		return fail(badChar(s, i))
	}
	nfrac := fracEnd - fracStart
	exp := -int32(nfrac)
	if n := intEnd - intStart + nfrac; n <= 18 {
		var v int64
		for _, p := range [2][2]int{{intStart, intEnd}, {fracStart, fracEnd}} {
			for j := p[0]; j < p[1]; j++ {
				v = v*10 + int64(s[j]-'0')
			}
		}
		if exp == 0 && v < int64(len(smallDecimals)) && (!neg || v == 0) {
			return smallDecimals[v], nil // shared: a Decimal never changes
		}
		if neg {
			v = -v
		}
		return decimal.New(v, exp), nil
	}
	buf := make([]byte, 0, 1+intEnd-intStart+nfrac)
	if neg {
		buf = append(buf, '-')
	}
	buf = append(buf, s[intStart:intEnd]...)
	buf = append(buf, s[fracStart:fracEnd]...)
	var v big.Int
	if _, ok := v.SetString(string(buf), 10); !ok {
		return fail("not a number") // unreachable: buf holds only ASCII digits
	}
	return decimal.NewFromBigInt(&v, exp), nil
}

// smallDecimals are the whole numbers 0 to 15 as parseAmount makes them
// (decimal.New(n, 0)), made once and shared: a quantity of 1 or 2 is the
// common case, and a Decimal is immutable (its methods return new values;
// Coefficient and BigInt return copies).
var smallDecimals = func() (t [16]decimal.Decimal) {
	for i := range t {
		t[i] = decimal.New(int64(i), 0)
	}
	return t
}()

// badChar describes the character at byte offset i of s.
func badChar(s string, i int) string {
	r, _ := utf8.DecodeRuneInString(s[i:])
	switch {
	case r == 'e' || r == 'E':
		return fmt.Sprintf("exponent notation at offset %d (write the digits out)", i)
	case r == '+':
		return fmt.Sprintf("'+' at offset %d (only a leading '-' is allowed)", i)
	case r == '-':
		return fmt.Sprintf("'-' at offset %d (only one leading '-' is allowed)", i)
	case r == ',' || r == '_' || r == '\'':
		return fmt.Sprintf("%q at offset %d (no digit grouping)", r, i)
	case r == '.':
		return fmt.Sprintf("second '.' at offset %d", i)
	case r == utf8.RuneError:
		return fmt.Sprintf("invalid UTF-8 at offset %d", i)
	}
	return fmt.Sprintf("unexpected %q at offset %d (want ASCII digits 0-9 and at most one '.')", r, i)
}

// formatDecimal prints d in fixed point with exactly its own scale
// ("12000.00" stays "12000.00"). It does not depend on decimal's package
// settings (TrimTrailingZeros, UseScientificNotation).
func formatDecimal(d decimal.Decimal) string {
	if d.NumDigits() <= 18 {
		// The coefficient fits an int64: written without a big.Int, in
		// one allocation, as StringFixed writes it.
		return fixedText(d.CoefficientInt64(), d.Exponent())
	}
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.StringFixed(0)
}

// fixedText writes c x 10^exp with exactly -exp places when exp < 0, or
// as an integer when exp >= 0 (formatDecimal's text).
func fixedText(c int64, exp int32) string {
	var buf [64]byte
	out := buf[:0]
	if c < 0 {
		out = append(out, '-')
	}
	u := uint64(c)
	if c < 0 {
		u = uint64(-(c + 1)) + 1
	}
	var dbuf [20]byte
	digits := strconv.AppendUint(dbuf[:0], u, 10)
	if exp >= 0 {
		out = append(out, digits...)
		if u != 0 {
			for range exp {
				out = append(out, '0')
			}
		}
		return string(out)
	}
	places := int(-exp)
	if len(digits) > places {
		out = append(out, digits[:len(digits)-places]...)
		out = append(out, '.')
		out = append(out, digits[len(digits)-places:]...)
		return string(out)
	}
	out = append(out, '0', '.')
	for range places - len(digits) {
		out = append(out, '0')
	}
	out = append(out, digits...)
	return string(out)
}

// Money is an exact amount in one currency: 12000.00 USD. It is immutable.
// The zero Money is invalid (IsValid reports false); Money values are
// compared with Equal, not ==, because two amounts can be numerically equal
// with different scales (12000 and 12000.00).
//
// Money keeps the scale it was given, so String prints an amount as it was
// written. It never converts between currencies: arithmetic and comparison
// across currencies is an error.
type Money struct {
	amount   decimal.Decimal
	currency Currency
}

// ParseMoney parses an amount and an ISO 4217 currency code, as the wire
// format's {"amount": "12000.00", "currency": "USD"}.
//
// The amount syntax is strict: an optional leading '-', 1 to 30 ASCII
// digits, and optionally a '.' followed by 1 to 18 ASCII digits. There is
// no '+', exponent, digit grouping, white space, NaN or infinity, and no
// ".5" or "5.". A malformed amount is an *AmountError, a bad currency a
// *CurrencyError. A negative amount parses (IsNegative reports it) so that
// validation can name the field; "-0" is zero.
func ParseMoney(amount, currency string) (Money, error) {
	d, err := parseAmount(amount)
	if err != nil {
		return Money{}, err
	}
	c, err := ParseCurrency(currency)
	if err != nil {
		return Money{}, err
	}
	return Money{amount: d, currency: c}, nil
}

// MustParseMoney is like ParseMoney but panics on error. It is intended for
// tests and constant text.
func MustParseMoney(amount, currency string) Money {
	m, err := ParseMoney(amount, currency)
	if err != nil {
		panic(err)
	}
	return m
}

// NewMoney returns the Money for an amount computed elsewhere (a converted
// or summed value). The currency must be valid, and the amount's exponent
// within ±1000 so that the value stays cheap to print; the digit limits of
// ParseMoney do not apply.
func NewMoney(amount decimal.Decimal, c Currency) (Money, error) {
	if !c.IsValid() {
		return Money{}, fmt.Errorf("product: NewMoney: %w currency (the zero Currency)", ErrInvalid)
	}
	if e := amount.Exponent(); e > maxExponent || e < -maxExponent {
		return Money{}, fmt.Errorf("product: NewMoney: exponent %d %w (limit ±%d)", e, ErrOutOfRange, maxExponent)
	}
	return Money{amount: amount, currency: c}, nil
}

// IsValid reports whether m has a currency (is not the zero Money).
func (m Money) IsValid() bool { return m.currency.IsValid() }

// Amount returns the exact amount. The zero Money returns zero.
func (m Money) Amount() decimal.Decimal { return m.amount }

// Currency returns the currency, or the zero Currency for the zero Money.
func (m Money) Currency() Currency { return m.currency }

// String returns the amount with its own scale, a space and the currency
// code ("12000.00 USD"), or "" for the zero Money.
func (m Money) String() string {
	if !m.IsValid() {
		return ""
	}
	return formatDecimal(m.amount) + " " + m.currency.String()
}

// AmountString returns the amount as String prints it, without the
// currency ("12000.00"); "" for the zero Money.
func (m Money) AmountString() string {
	if !m.IsValid() {
		return ""
	}
	return formatDecimal(m.amount)
}

// Equal reports whether m and n have the same currency and numerically
// equal amounts: 12000 USD equals 12000.00 USD, but not 12000.00 EUR. Two
// zero Money values are equal.
func (m Money) Equal(n Money) bool {
	return m.currency == n.currency && m.amount.Equal(n.amount)
}

// IsZero reports whether the amount is zero. It is about the amount, not
// about m being the zero Money (use IsValid for that); note that
// encoding/json's omitzero option calls IsZero, so a Money field tagged
// omitzero is left out when its amount is zero.
func (m Money) IsZero() bool { return m.amount.IsZero() }

// IsNegative reports whether the amount is below zero.
func (m Money) IsNegative() bool { return m.amount.IsNegative() }

// IsPositive reports whether the amount is above zero.
func (m Money) IsPositive() bool { return m.amount.IsPositive() }

// Cmp compares m and n numerically: -1 if m < n, 0 if equal, +1 if m > n.
// It returns a *CurrencyMismatchError if the currencies differ and an error
// wrapping ErrInvalid if either is the zero Money; an amount is never
// compared with an amount in another currency.
func (m Money) Cmp(n Money) (int, error) {
	if err := sameCurrency("compare", m, n); err != nil {
		return 0, err
	}
	return m.amount.Cmp(n.amount), nil
}

// Add returns m + n, exactly. Like Cmp, it refuses different currencies and
// the zero Money.
func (m Money) Add(n Money) (Money, error) {
	if err := sameCurrency("add", m, n); err != nil {
		return Money{}, err
	}
	return Money{amount: m.amount.Add(n.amount), currency: m.currency}, nil
}

func sameCurrency(op string, m, n Money) error {
	if !m.IsValid() || !n.IsValid() {
		return fmt.Errorf("product: cannot %s the zero Money: %w", op, ErrInvalid)
	}
	if m.currency != n.currency {
		return &CurrencyMismatchError{Op: op, Left: m.currency, Right: n.currency}
	}
	return nil
}

// Mul returns m times the quantity q, exactly: the value of q pieces at m
// each (12000.00 USD x 2 = 24000.00 USD). It returns an error wrapping
// ErrInvalid for the zero Money and ErrOutOfRange for a quantity that is
// not positive (including the zero Quantity).
func (m Money) Mul(q Quantity) (Money, error) {
	if !m.IsValid() {
		return Money{}, fmt.Errorf("product: cannot multiply the zero Money: %w", ErrInvalid)
	}
	if !q.IsPositive() {
		return Money{}, fmt.Errorf("product: cannot multiply by quantity %q: %w (want a positive quantity)", q.String(), ErrOutOfRange)
	}
	if e := int64(m.amount.Exponent()) + int64(q.d.Exponent()); e > 2*maxExponent || e < -2*maxExponent {
		return Money{}, fmt.Errorf("product: Mul: exponent %d %w", e, ErrOutOfRange)
	}
	return Money{amount: m.amount.Mul(q.d), currency: m.currency}, nil
}

// moneyJSON is Money in the wire format.
type moneyJSON struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

// MarshalJSON implements json.Marshaler: {"amount": "12000.00", "currency":
// "USD"}, the amount a JSON string with the scale kept. The zero Money is an
// error.
func (m Money) MarshalJSON() ([]byte, error) {
	if !m.IsValid() {
		return nil, fmt.Errorf("product: cannot marshal the zero Money: %w", ErrInvalid)
	}
	return json.Marshal(moneyJSON{Amount: formatDecimal(m.amount), Currency: m.currency.String()})
}

// UnmarshalJSON implements json.Unmarshaler for {"amount": "...",
// "currency": "..."}. Both members are required JSON strings and no other
// member is allowed; a problem is a *FieldError naming "amount" or
// "currency". JSON null leaves m unchanged.
func (m *Money) UnmarshalJSON(data []byte) error { return m.decode(nil, data) }

// decode is UnmarshalJSON on data, a value of the document doc (nil: none).
func (m *Money) decode(doc *wire.Doc, data []byte) error {
	if v, ok := plainMoney(data); ok {
		*m = v
		return nil
	}
	return m.decodeAny(doc, data)
}

// decodeAny is decode without plainMoney: any form of the object.
func (m *Money) decodeAny(doc *wire.Doc, data []byte) error {
	if wire.IsNull(data) {
		return nil
	}
	var amount, currency string
	var haveAmount, haveCurrency bool
	err := wire.ObjectIn(doc, data, NewFieldError, func(key string, raw []byte) error {
		switch key {
		case "amount":
			haveAmount = !wire.IsNull(raw)
			return wire.DecodeString(raw, &amount)
		case "currency":
			haveCurrency = !wire.IsNull(raw)
			return wire.DecodeString(raw, &currency)
		}
		return errUnknownField
	})
	if err != nil {
		return err
	}
	if !haveAmount {
		return fieldErr("amount", ErrMissing, "required")
	}
	if !haveCurrency {
		return fieldErr("currency", ErrMissing, "required")
	}
	d, err := parseAmount(amount)
	if err != nil {
		return NewFieldError("amount", err)
	}
	c, err := ParseCurrency(currency)
	if err != nil {
		return NewFieldError("currency", err)
	}
	*m = Money{amount: d, currency: c}
	return nil
}

// plainMoney reads the form the SDK writes and most requests carry,
// {"amount":"<digits>[.<digits>]","currency":"<three capitals>"} with no
// white space, an optional leading '-' and at most 18 digits, in one pass
// without the general decoder's allocations. Anything else (another
// order, white space, escapes, a long amount, a code in lower case, an
// unknown code) is not ok and goes through the general decoder, which
// accepts or rejects it as it always has: what plainMoney accepts, the
// general decoder accepts with the same amount, scale and currency.
func plainMoney(data []byte) (Money, bool) {
	const head, mid, tail = `{"amount":"`, `","currency":"`, `"}`
	if len(data) < len(head)+1+len(mid)+3+len(tail) || string(data[:len(head)]) != head {
		return Money{}, false
	}
	i := len(head)
	neg := i < len(data) && data[i] == '-'
	if neg {
		i++
	}
	var v int64
	digits, intDigits, frac := 0, 0, -1
	for ; i < len(data); i++ {
		c := data[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
			if frac < 0 {
				intDigits++
			} else {
				frac++
			}
			v = v*10 + int64(c-'0')
			if digits > 18 {
				return Money{}, false
			}
			continue
		case c == '.' && frac < 0 && intDigits > 0:
			frac = 0
			continue
		}
		break
	}
	if intDigits == 0 || frac == 0 {
		return Money{}, false
	}
	rest := data[i:]
	if len(rest) != len(mid)+3+len(tail) || string(rest[:len(mid)]) != mid || string(rest[len(mid)+3:]) != tail {
		return Money{}, false
	}
	code := rest[len(mid) : len(mid)+3]
	if !isUpper(code[0]) || !isUpper(code[1]) || !isUpper(code[2]) {
		return Money{}, false
	}
	idx := currencyIndex[int(code[0]-'A')*26*26+int(code[1]-'A')*26+int(code[2]-'A')]
	if idx == 0 {
		return Money{}, false
	}
	if neg {
		v = -v
	}
	return Money{amount: decimal.New(v, -int32(max(frac, 0))), currency: Currency{idx: idx}}, true
}

// Quantity is a count of pieces (or other units) as an exact decimal: "2",
// "0.5". It is immutable; compare with Equal. The zero Quantity is invalid:
// it means no quantity was given. A Quantity that was given may still be
// zero or negative (ParseQuantity accepts "0" and "-1" so that validation
// can name the field); only a positive Quantity is usable.
type Quantity struct {
	d     decimal.Decimal
	given bool
}

// ParseQuantity parses a quantity in the strict amount syntax of
// ParseMoney. Malformed text is an *AmountError; zero and negative
// quantities parse, and Item.Validate rejects them.
func ParseQuantity(s string) (Quantity, error) {
	d, err := parseAmount(s)
	if err != nil {
		return Quantity{}, err
	}
	return Quantity{d: d, given: true}, nil
}

// MustParseQuantity is like ParseQuantity but panics on error. It is
// intended for tests and constant text.
func MustParseQuantity(s string) Quantity {
	q, err := ParseQuantity(s)
	if err != nil {
		panic(err)
	}
	return q
}

// QuantityOf returns the whole-number quantity n.
func QuantityOf(n int64) Quantity { return Quantity{d: decimal.New(n, 0), given: true} }

// DefaultQuantity returns 1, the quantity the wire format assumes for a
// components[] entry that has none. Use it (or Line.WithDefaultQuantity)
// only where that default applies; the zero Quantity is not 1.
func DefaultQuantity() Quantity { return QuantityOf(1) }

// IsValid reports whether q was given (is not the zero Quantity). A valid
// Quantity may still be zero or negative; see IsPositive.
func (q Quantity) IsValid() bool { return q.given }

// IsPositive reports whether q was given and is greater than zero.
func (q Quantity) IsPositive() bool { return q.given && q.d.IsPositive() }

// Decimal returns the exact quantity (zero for the zero Quantity).
func (q Quantity) Decimal() decimal.Decimal { return q.d }

// String returns the quantity with its own scale ("2", "0.50"), or "" for
// the zero Quantity.
func (q Quantity) String() string {
	if !q.given {
		return ""
	}
	return formatDecimal(q.d)
}

// Equal reports whether q and r are both not given, or both given and
// numerically equal ("2" equals "2.0").
func (q Quantity) Equal(r Quantity) bool {
	return q.given == r.given && q.d.Equal(r.d)
}

// MarshalText implements encoding.TextMarshaler. The zero Quantity
// marshals as empty text.
func (q Quantity) MarshalText() ([]byte, error) { return []byte(q.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler with the syntax of
// ParseQuantity; empty text is an error.
func (q *Quantity) UnmarshalText(b []byte) error {
	v, err := ParseQuantity(string(b))
	if err != nil {
		return err
	}
	*q = v
	return nil
}

// JSON decoding helpers shared by the wire-format types of this package;
// the object walking itself is internal/wire's.

// errUnknownField is returned by a decodeObject member callback for a key it
// does not know.
var errUnknownField = &ruleError{kind: ErrUnknownField, msg: "unknown field"}

// decodeObject decodes the JSON object in data member by member, in order,
// calling member with each key and raw value. A key seen twice is an error,
// and so is a key member rejects with errUnknownField. Errors are
// *FieldError values naming the member, or with an empty path for the
// object as a whole (anything but one JSON object).
func decodeObject(data []byte, member func(key string, raw []byte) error) error {
	return wire.Object(data, NewFieldError, member)
}

// decodeText decodes a JSON string with parse (null leaves the value
// unchanged, and an empty string is passed to parse, which rejects it).
func decodeText(raw []byte, parse func(string) error) error {
	if wire.IsNull(raw) {
		return nil
	}
	var s string
	if err := wire.DecodeString(raw, &s); err != nil {
		return err
	}
	return parse(s)
}

// minorUnits0, minorUnits3 and minorUnits4 are the active ISO 4217 codes
// whose minor unit is not two decimal places (ISO 4217, list one): none,
// three and four places. The precious metals, SDR and testing codes have
// no minor unit and read as none.
var (
	minorUnits0 = []string{"BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "UYI", "VND", "VUV", "XAF", "XOF", "XPF",
		"XAG", "XAU", "XBA", "XBB", "XBC", "XBD", "XDR", "XPD", "XPT", "XSU", "XUA"}
	minorUnits3 = []string{"BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"}
	minorUnits4 = []string{"CLF", "UYW"}
)

// MinorUnits returns the number of decimal places of the currency's minor
// unit (ISO 4217): 2 for USD and EUR, 0 for JPY and KRW, 3 for KWD; 0 for
// the zero Currency. It is for display: amounts keep their own scale.
func (c Currency) MinorUnits() int {
	if !c.IsValid() {
		return 0
	}
	return int(currencyMinorUnits[c.idx-1])
}

// minorUnitsOf reads the minor unit of code s from the lists above.
func minorUnitsOf(s string) int {
	switch {
	case slices.Contains(minorUnits0, s):
		return 0
	case slices.Contains(minorUnits3, s):
		return 3
	case slices.Contains(minorUnits4, s):
		return 4
	}
	return 2
}

// MinorUnitsText writes a decimal amount text with at least the
// currency's minor-unit places ("18000" USD is "18000.00", "18000" JPY
// stays "18000"); an amount with more places keeps them (nothing is
// rounded). Text that is not a plain decimal is returned as it is.
func MinorUnitsText(amount string, c Currency) string {
	if want := c.MinorUnits(); want == 0 || amount == "" {
		return amount // nothing to pad: no copy
	}
	return string(AppendMinorUnits([]byte(amount), 0, c))
}

// AppendMinorUnits pads the amount text b[start:] as MinorUnitsText does
// and returns the extended buffer, for writers that build their text in a
// buffer ("18000" USD becomes "18000.00"; text that is not a plain
// decimal, or has enough places, is left as it is).
func AppendMinorUnits(b []byte, start int, c Currency) []byte {
	want := c.MinorUnits()
	if start < 0 || start > len(b) {
		return b
	}
	amount := b[start:]
	if want == 0 || len(amount) == 0 {
		return b
	}
	for _, ch := range amount {
		if (ch < '0' || ch > '9') && ch != '.' && ch != '-' {
			return b
		}
	}
	frac := 0
	point := bytes.IndexByte(amount, '.')
	if point >= 0 {
		frac = len(amount) - point - 1
	}
	if frac >= want {
		return b
	}
	if point < 0 {
		b = append(b, '.')
	}
	for range want - frac {
		b = append(b, '0')
	}
	return b
}
