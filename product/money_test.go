package product

import (
	"encoding/json"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

func TestCurrencyTable(t *testing.T) {
	if !slices.IsSorted(currencyCodes[:]) {
		t.Fatal("currencyCodes is not sorted")
	}
	if len(slices.Compact(slices.Clone(currencyCodes[:]))) != len(currencyCodes) {
		t.Fatal("currencyCodes has duplicates")
	}
	if len(currencyCodes) > 255 {
		t.Fatalf("%d codes do not fit Currency's uint8 index", len(currencyCodes))
	}
	for _, c := range currencyCodes {
		if len(c) != 3 || !isUpper(c[0]) || !isUpper(c[1]) || !isUpper(c[2]) {
			t.Errorf("bad code %q", c)
		}
		if p, err := ParseCurrency(c); err != nil || p.String() != c {
			t.Errorf("ParseCurrency(%q) = %v, %v", c, p, err)
		}
	}
	n := 0
	for _, idx := range currencyIndex {
		if idx != 0 {
			n++
		}
	}
	if n != len(currencyCodes) {
		t.Errorf("currencyIndex has %d codes, currencyCodes %d", n, len(currencyCodes))
	}
}

func TestParseCurrency(t *testing.T) {
	tests := []struct {
		give    string
		wantErr bool
		want    string // the canonical code when it differs from give
	}{
		{give: "USD"},
		{give: "EUR"},
		{give: "JPY"},
		{give: "CNY"},
		{give: "AED"},
		{give: "ZWG"},
		{give: "XCG"},
		{give: "XAU"},
		{give: "CHE"},
		{give: "", wantErr: true},
		{give: "usd", want: "USD"},
		{give: "Usd", want: "USD"},
		{give: "US", wantErr: true},
		{give: "USDD", wantErr: true},
		{give: " USD", wantErr: true},
		{give: "USD\n", wantErr: true},
		{give: "XXX", wantErr: true}, // no currency
		{give: "XTS", wantErr: true}, // testing code
		{give: "ANG", wantErr: true}, // withdrawn 2025
		{give: "HRK", wantErr: true}, // withdrawn 2023
		{give: "ZWL", wantErr: true}, // withdrawn 2024
		{give: "AAA", wantErr: true},
		{give: "ZZZ", wantErr: true},
		{give: "U$D", wantErr: true},
		{give: "ＵＳＤ", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			c, err := ParseCurrency(tt.give)
			if tt.wantErr {
				var ce *CurrencyError
				if !errors.As(err, &ce) || ce.Input != tt.give || ce.Msg == "" {
					t.Fatalf("ParseCurrency(%q) = %v, %v; want *CurrencyError", tt.give, c, err)
				}
				if c.IsValid() || c != (Currency{}) {
					t.Errorf("failed parse returned %v", c)
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseCurrency(%q): %v", tt.give, err)
			}
			want := tt.give
			if tt.want != "" {
				want = tt.want
			}
			if !c.IsValid() || c.String() != want {
				t.Errorf("got %q valid %v", c.String(), c.IsValid())
			}
			if c != MustParseCurrency(tt.give) {
				t.Error("two parses differ under ==")
			}
		})
	}
}

func TestCurrencyZeroAndText(t *testing.T) {
	var zero Currency
	if zero.IsValid() || zero.String() != "" {
		t.Errorf("zero Currency: valid %v, %q", zero.IsValid(), zero.String())
	}
	if b, err := zero.MarshalText(); err != nil || len(b) != 0 {
		t.Errorf("zero MarshalText = %q, %v", b, err)
	}
	b, err := MustParseCurrency("EUR").MarshalText()
	if err != nil || string(b) != "EUR" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	var c Currency
	if err := c.UnmarshalText([]byte("GBP")); err != nil || c != MustParseCurrency("GBP") {
		t.Errorf("UnmarshalText = %v, %v", c, err)
	}
	if err := c.UnmarshalText(nil); err == nil {
		t.Error("UnmarshalText(empty) succeeded")
	}
	if c != MustParseCurrency("GBP") {
		t.Error("failed UnmarshalText changed the value")
	}
}

func TestParseMoney(t *testing.T) {
	tests := []struct {
		name       string
		giveAmount string
		giveCur    string
		want       string // String(); "" means an error is expected
		wantNeg    bool
		wantZero   bool
		wantAmtErr bool // the error is an *AmountError (else *CurrencyError)
	}{
		{name: "wire example", giveAmount: "12000.00", giveCur: "USD", want: "12000.00 USD"},
		{name: "integer", giveAmount: "5", giveCur: "EUR", want: "5 EUR"},
		{name: "zero", giveAmount: "0", giveCur: "USD", want: "0 USD", wantZero: true},
		{name: "zero with scale", giveAmount: "0.00", giveCur: "USD", want: "0.00 USD", wantZero: true},
		{name: "minus zero is zero", giveAmount: "-0", giveCur: "USD", want: "0 USD", wantZero: true},
		{name: "minus zero with scale", giveAmount: "-0.00", giveCur: "USD", want: "0.00 USD", wantZero: true},
		{name: "negative parses", giveAmount: "-5.25", giveCur: "USD", want: "-5.25 USD", wantNeg: true},
		{name: "smallest", giveAmount: "0.000000000000000001", giveCur: "USD", want: "0.000000000000000001 USD"},
		{name: "trailing zeros kept", giveAmount: "1.500000000000000000", giveCur: "USD", want: "1.500000000000000000 USD"},
		{name: "leading zeros", giveAmount: "007.50", giveCur: "USD", want: "7.50 USD"},
		{name: "18 digits fast path", giveAmount: "999999999999999999", giveCur: "USD", want: "999999999999999999 USD"},
		{name: "19 digits big path", giveAmount: "9999999999999999999", giveCur: "USD", want: "9999999999999999999 USD"},
		{name: "30 integer digits", giveAmount: strings.Repeat("9", 30), giveCur: "JPY", want: strings.Repeat("9", 30) + " JPY"},
		{name: "widest", giveAmount: "-" + strings.Repeat("9", 30) + "." + strings.Repeat("9", 18), giveCur: "USD",
			want: "-" + strings.Repeat("9", 30) + "." + strings.Repeat("9", 18) + " USD", wantNeg: true},
		{name: "mixed digits", giveAmount: "123456789012345678.123456789012345678", giveCur: "USD", want: "123456789012345678.123456789012345678 USD"},

		{name: "empty", giveAmount: "", giveCur: "USD", wantAmtErr: true},
		{name: "31 integer digits", giveAmount: strings.Repeat("1", 31), giveCur: "USD", wantAmtErr: true},
		{name: "31 digits with leading zero", giveAmount: "0" + strings.Repeat("1", 30), giveCur: "USD", wantAmtErr: true},
		{name: "19 fraction digits", giveAmount: "0.0000000000000000001", giveCur: "USD", wantAmtErr: true},
		{name: "exponent", giveAmount: "1e999999", giveCur: "USD", wantAmtErr: true},
		{name: "small exponent", giveAmount: "5e2", giveCur: "USD", wantAmtErr: true},
		{name: "negative exponent", giveAmount: "1E-2000000000", giveCur: "USD", wantAmtErr: true},
		{name: "NaN", giveAmount: "NaN", giveCur: "USD", wantAmtErr: true},
		{name: "Inf", giveAmount: "Inf", giveCur: "USD", wantAmtErr: true},
		{name: "-Inf", giveAmount: "-Inf", giveCur: "USD", wantAmtErr: true},
		{name: "plus", giveAmount: "+5", giveCur: "USD", wantAmtErr: true},
		{name: "leading space", giveAmount: " 5", giveCur: "USD", wantAmtErr: true},
		{name: "trailing space", giveAmount: "5 ", giveCur: "USD", wantAmtErr: true},
		{name: "trailing dot", giveAmount: "5.", giveCur: "USD", wantAmtErr: true},
		{name: "leading dot", giveAmount: ".5", giveCur: "USD", wantAmtErr: true},
		{name: "minus dot", giveAmount: "-.5", giveCur: "USD", wantAmtErr: true},
		{name: "lone minus", giveAmount: "-", giveCur: "USD", wantAmtErr: true},
		{name: "double minus", giveAmount: "--5", giveCur: "USD", wantAmtErr: true},
		{name: "inner minus", giveAmount: "5-", giveCur: "USD", wantAmtErr: true},
		{name: "two dots", giveAmount: "1.2.3", giveCur: "USD", wantAmtErr: true},
		{name: "grouping", giveAmount: "1,000.00", giveCur: "USD", wantAmtErr: true},
		{name: "underscore", giveAmount: "1_000", giveCur: "USD", wantAmtErr: true},
		{name: "hex", giveAmount: "0x10", giveCur: "USD", wantAmtErr: true},
		{name: "fullwidth digits", giveAmount: "１２", giveCur: "USD", wantAmtErr: true},
		{name: "arabic-indic digits", giveAmount: "١٢", giveCur: "USD", wantAmtErr: true},
		{name: "unicode minus", giveAmount: "\u22125", giveCur: "USD", wantAmtErr: true},
		{name: "invalid utf8", giveAmount: "5\xff", giveCur: "USD", wantAmtErr: true},
		{name: "nul", giveAmount: "5\x00", giveCur: "USD", wantAmtErr: true},
		{name: "currency symbol", giveAmount: "$5", giveCur: "USD", wantAmtErr: true},

		{name: "lower-case currency", giveAmount: "5", giveCur: "usd", want: "5 USD"},
		{name: "empty currency", giveAmount: "5", giveCur: ""},
		{name: "XXX", giveAmount: "5", giveCur: "XXX"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, err := ParseMoney(tt.giveAmount, tt.giveCur)
			if tt.want == "" {
				if err == nil {
					t.Fatalf("ParseMoney(%q, %q) = %v; want an error", tt.giveAmount, tt.giveCur, m)
				}
				var ae *AmountError
				var ce *CurrencyError
				if tt.wantAmtErr {
					if !errors.As(err, &ae) || ae.Input != tt.giveAmount || ae.Msg == "" {
						t.Errorf("error %v (%T); want *AmountError for %q", err, err, tt.giveAmount)
					}
				} else if !errors.As(err, &ce) {
					t.Errorf("error %v (%T); want *CurrencyError", err, err)
				}
				if m.IsValid() {
					t.Error("failed parse returned a valid Money")
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseMoney(%q, %q): %v", tt.giveAmount, tt.giveCur, err)
			}
			if got := m.String(); got != tt.want {
				t.Errorf("String() = %q, want %q", got, tt.want)
			}
			if m.IsNegative() != tt.wantNeg || m.IsZero() != tt.wantZero || m.IsPositive() != (!tt.wantNeg && !tt.wantZero) {
				t.Errorf("IsNegative %v IsZero %v IsPositive %v", m.IsNegative(), m.IsZero(), m.IsPositive())
			}
			if !m.IsValid() || m.Currency() != MustParseCurrency(tt.giveCur) {
				t.Errorf("currency %v valid %v", m.Currency(), m.IsValid())
			}
			// The value is exactly what decimal itself reads from the text.
			if want := decimal.RequireFromString(tt.giveAmount); !m.Amount().Equal(want) {
				t.Errorf("Amount() = %v, want %v", m.Amount(), want)
			}
		})
	}
}

func TestAmountErrorMessageIsClipped(t *testing.T) {
	long := strings.Repeat("1", 10000) + "x"
	_, err := ParseMoney(long, "USD")
	if err == nil || len(err.Error()) > 300 {
		t.Fatalf("error for a 10001-byte amount: %d bytes", len(err.Error()))
	}
	var ae *AmountError
	if !errors.As(err, &ae) || ae.Input != long {
		t.Error("AmountError.Input must keep the whole input")
	}
	// Clipping never splits a rune.
	if msg := clip(strings.Repeat("é", 100)); !strings.HasSuffix(msg, "...") || strings.ContainsRune(msg, '\uFFFD') {
		t.Errorf("clip = %q", msg)
	}
}

// The amounts print the same whatever decimal's package settings say: the
// SDK must not depend on them. The test flips them (and restores them)
// only to prove that.
func TestMoneyIgnoresDecimalSettings(t *testing.T) {
	m := MustParseMoney("1200.00", "USD")
	q := MustParseQuantity("1.50")
	trim, sci := decimal.TrimTrailingZeros, decimal.UseScientificNotation
	t.Cleanup(func() { decimal.TrimTrailingZeros, decimal.UseScientificNotation = trim, sci })
	for _, set := range [][2]bool{{true, false}, {false, false}, {true, true}, {false, true}} {
		decimal.TrimTrailingZeros, decimal.UseScientificNotation = set[0], set[1]
		if got := m.String(); got != "1200.00 USD" {
			t.Errorf("settings %v: String() = %q", set, got)
		}
		if got := q.String(); got != "1.50" {
			t.Errorf("settings %v: Quantity.String() = %q", set, got)
		}
		big, err := NewMoney(decimal.New(12, 3), MustParseCurrency("USD"))
		if err != nil || big.String() != "12000 USD" {
			t.Errorf("settings %v: positive exponent prints %q", set, big.String())
		}
		b, _ := json.Marshal(m)
		if string(b) != `{"amount":"1200.00","currency":"USD"}` {
			t.Errorf("settings %v: JSON %s", set, b)
		}
	}
}

func TestMoneyEqualAndCmp(t *testing.T) {
	usd := func(s string) Money { return MustParseMoney(s, "USD") }
	eur := MustParseMoney("12000", "EUR")
	tests := []struct {
		name      string
		a, b      Money
		wantEqual bool
		wantCmp   int
		wantErr   error // sentinel or nil; a *CurrencyMismatchError is checked separately
		mismatch  bool
	}{
		{name: "same scale", a: usd("12000.00"), b: usd("12000.00"), wantEqual: true},
		{name: "different scale", a: usd("12000"), b: usd("12000.00"), wantEqual: true},
		{name: "less", a: usd("1.99"), b: usd("2"), wantCmp: -1},
		{name: "greater", a: usd("2.000000000000000001"), b: usd("2"), wantCmp: 1},
		{name: "negative", a: usd("-1"), b: usd("0"), wantCmp: -1},
		{name: "minus zero", a: usd("-0"), b: usd("0.00"), wantEqual: true},
		{name: "currencies differ", a: usd("12000"), b: eur, mismatch: true},
		{name: "zero Money left", a: Money{}, b: usd("0"), wantErr: ErrInvalid},
		{name: "zero Money right", a: usd("0"), b: Money{}, wantErr: ErrInvalid},
		{name: "both zero Money", a: Money{}, b: Money{}, wantEqual: true, wantErr: ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := tt.a.Equal(tt.b); got != tt.wantEqual {
				t.Errorf("Equal = %v", got)
			}
			if tt.a.Equal(tt.b) != tt.b.Equal(tt.a) {
				t.Error("Equal is not symmetric")
			}
			c, err := tt.a.Cmp(tt.b)
			switch {
			case tt.mismatch:
				var me *CurrencyMismatchError
				if !errors.As(err, &me) || me.Left != tt.a.Currency() || me.Right != tt.b.Currency() || me.Op != "compare" {
					t.Errorf("Cmp error %v; want *CurrencyMismatchError", err)
				}
			case tt.wantErr != nil:
				if !errors.Is(err, tt.wantErr) {
					t.Errorf("Cmp error %v; want %v", err, tt.wantErr)
				}
			default:
				if err != nil || c != tt.wantCmp {
					t.Errorf("Cmp = %d, %v; want %d", c, err, tt.wantCmp)
				}
			}
		})
	}
}

func TestMoneyAdd(t *testing.T) {
	sum, err := MustParseMoney("0.1", "USD").Add(MustParseMoney("0.20", "USD"))
	if err != nil || sum.String() != "0.30 USD" {
		t.Errorf("0.1 + 0.20 = %v, %v", sum, err)
	}
	if _, err := MustParseMoney("1", "USD").Add(MustParseMoney("1", "EUR")); err == nil {
		t.Error("adding USD and EUR succeeded")
	}
	if _, err := (Money{}).Add(MustParseMoney("1", "EUR")); !errors.Is(err, ErrInvalid) {
		t.Errorf("adding to the zero Money: %v", err)
	}
}

func TestMoneyMul(t *testing.T) {
	tests := []struct {
		giveAmount string
		giveQty    string
		want       string
	}{
		{giveAmount: "12000.00", giveQty: "2", want: "24000.00 USD"},
		{giveAmount: "0.1", giveQty: "3", want: "0.3 USD"},
		{giveAmount: "1.005", giveQty: "0.5", want: "0.5025 USD"},
		{giveAmount: "0", giveQty: "7", want: "0 USD"},
		{giveAmount: "0.000000000000000001", giveQty: "0.000000000000000001", want: "0.000000000000000000000000000000000001 USD"},
		{giveAmount: strings.Repeat("9", 30), giveQty: strings.Repeat("9", 30),
			want: strings.Repeat("9", 29) + "8" + strings.Repeat("0", 29) + "1 USD"},
	}
	for _, tt := range tests {
		t.Run(tt.giveAmount+"x"+tt.giveQty, func(t *testing.T) {
			got, err := MustParseMoney(tt.giveAmount, "USD").Mul(MustParseQuantity(tt.giveQty))
			if err != nil || got.String() != tt.want {
				t.Errorf("Mul = %q, %v; want %q", got.String(), err, tt.want)
			}
		})
	}

	m := MustParseMoney("5", "USD")
	for _, q := range []Quantity{{}, MustParseQuantity("0"), MustParseQuantity("-1")} {
		if _, err := m.Mul(q); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("Mul(%q): %v; want ErrOutOfRange", q.String(), err)
		}
	}
	if _, err := (Money{}).Mul(QuantityOf(2)); !errors.Is(err, ErrInvalid) {
		t.Errorf("zero Money Mul: %v; want ErrInvalid", err)
	}
	// Inputs are unchanged (Money is immutable).
	if m.String() != "5 USD" {
		t.Errorf("receiver changed to %v", m)
	}
}

func TestNewMoney(t *testing.T) {
	usd := MustParseCurrency("USD")
	m, err := NewMoney(decimal.New(24000, -2), usd)
	if err != nil || !m.Equal(MustParseMoney("240", "USD")) || m.String() != "240.00 USD" {
		t.Errorf("NewMoney = %v, %v", m, err)
	}
	if _, err := NewMoney(decimal.New(1, 0), Currency{}); !errors.Is(err, ErrInvalid) {
		t.Errorf("NewMoney with the zero Currency: %v", err)
	}
	for _, exp := range []int32{1001, -1001, -2000000000} {
		if _, err := NewMoney(decimal.New(1, exp), usd); !errors.Is(err, ErrOutOfRange) {
			t.Errorf("NewMoney exponent %d: %v", exp, err)
		}
	}
	if _, err := NewMoney(decimal.New(1, -1000), usd); err != nil {
		t.Errorf("NewMoney exponent -1000: %v", err)
	}
}

func TestZeroMoney(t *testing.T) {
	var m Money
	if m.IsValid() || m.String() != "" || m.AmountString() != "" || m.Currency().IsValid() {
		t.Errorf("zero Money: %v %q", m.IsValid(), m.String())
	}
	if !m.IsZero() || m.IsNegative() || m.IsPositive() {
		t.Error("zero Money's amount is not zero")
	}
	if _, err := json.Marshal(m); err == nil {
		t.Error("marshaling the zero Money succeeded")
	}
}

func TestMoneyJSON(t *testing.T) {
	m := MustParseMoney("1000000.00", "USD")
	b, err := json.Marshal(m)
	if err != nil || string(b) != `{"amount":"1000000.00","currency":"USD"}` {
		t.Fatalf("Marshal = %s, %v", b, err)
	}
	var back Money
	if err := json.Unmarshal(b, &back); err != nil || !back.Equal(m) || back.String() != m.String() {
		t.Fatalf("Unmarshal = %v, %v", back, err)
	}

	tests := []struct {
		give      string
		wantField string
		wantIs    error
	}{
		{give: `{"currency":"USD"}`, wantField: "amount", wantIs: ErrMissing},
		{give: `{"amount":"1"}`, wantField: "currency", wantIs: ErrMissing},
		{give: `{"amount":null,"currency":"USD"}`, wantField: "amount", wantIs: ErrMissing},
		{give: `{"amount":"1","currency":"USD","rate":"2"}`, wantField: "rate", wantIs: ErrUnknownField},
		{give: `{"amount":"1","amount":"2","currency":"USD"}`, wantField: "amount", wantIs: ErrDuplicate},
		{give: `{"amount":12000,"currency":"USD"}`, wantField: "amount"},
		{give: `{"amount":"1e3","currency":"USD"}`, wantField: "amount"},
		{give: `{"amount":"","currency":"USD"}`, wantField: "amount"},
		{give: `{"amount":"1","currency":"usb"}`, wantField: "currency"},
		{give: `{"amount":"1","currency":["USD"]}`, wantField: "currency"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			var got Money
			err := json.Unmarshal([]byte(tt.give), &got)
			var fe *FieldError
			if !errors.As(err, &fe) || fe.Field != tt.wantField {
				t.Fatalf("Unmarshal error %v; want a *FieldError for %q", err, tt.wantField)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("error %v is not %v", err, tt.wantIs)
			}
			if got.IsValid() {
				t.Error("failed Unmarshal changed the value")
			}
		})
	}
	for _, give := range []string{`"12000.00 USD"`, `[]`, `12`, `true`} {
		if err := json.Unmarshal([]byte(give), &back); err == nil {
			t.Errorf("Unmarshal(%s) succeeded", give)
		}
	}
	if err := json.Unmarshal([]byte(`null`), &back); err != nil || !back.Equal(m) {
		t.Errorf("null: %v, %v", back, err)
	}
}

func TestParseQuantity(t *testing.T) {
	tests := []struct {
		give         string
		want         string // String(); "" means an *AmountError is expected
		wantPositive bool
	}{
		{give: "1", want: "1", wantPositive: true},
		{give: "2", want: "2", wantPositive: true},
		{give: "0.5", want: "0.5", wantPositive: true},
		{give: "2.50", want: "2.50", wantPositive: true},
		{give: "0.000000000000000001", want: "0.000000000000000001", wantPositive: true},
		{give: "0", want: "0"},
		{give: "-0", want: "0"},
		{give: "-1", want: "-1"},
		{give: ""},
		{give: "1e3"},
		{give: "+1"},
		{give: "1."},
		{give: ".1"},
		{give: "NaN"},
		{give: "１２"},
		{give: strings.Repeat("1", 31)},
		{give: "1." + strings.Repeat("1", 19)},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			q, err := ParseQuantity(tt.give)
			if tt.want == "" {
				var ae *AmountError
				if !errors.As(err, &ae) {
					t.Fatalf("ParseQuantity(%q) = %v, %v; want *AmountError", tt.give, q, err)
				}
				if q.IsValid() {
					t.Error("failed parse returned a valid Quantity")
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseQuantity(%q): %v", tt.give, err)
			}
			if q.String() != tt.want || !q.IsValid() || q.IsPositive() != tt.wantPositive {
				t.Errorf("got %q valid %v positive %v", q.String(), q.IsValid(), q.IsPositive())
			}
		})
	}
}

func TestQuantityValues(t *testing.T) {
	var zero Quantity
	if zero.IsValid() || zero.IsPositive() || zero.String() != "" {
		t.Error("zero Quantity must be invalid and print empty")
	}
	if zero.Equal(QuantityOf(0)) {
		t.Error("the zero Quantity (not given) equals a given 0")
	}
	if !QuantityOf(2).Equal(MustParseQuantity("2.00")) || QuantityOf(2).Equal(QuantityOf(3)) {
		t.Error("QuantityOf(2) Equal")
	}
	if d := DefaultQuantity(); !d.Equal(QuantityOf(1)) || d.String() != "1" {
		t.Errorf("DefaultQuantity = %q", d.String())
	}
	if !MustParseQuantity("3").Decimal().Equal(decimal.NewFromInt(3)) {
		t.Error("Decimal()")
	}
	b, err := MustParseQuantity("2.5").MarshalText()
	if err != nil || string(b) != "2.5" {
		t.Errorf("MarshalText = %q, %v", b, err)
	}
	var q Quantity
	if err := q.UnmarshalText([]byte("4")); err != nil || !q.Equal(QuantityOf(4)) {
		t.Errorf("UnmarshalText = %v, %v", q, err)
	}
	if err := q.UnmarshalText([]byte("4e1")); err == nil || !q.Equal(QuantityOf(4)) {
		t.Error("bad UnmarshalText must fail and keep the value")
	}
}

// fuzzAmounts are tricky seeds shared by the amount fuzzers.
var fuzzAmounts = []string{
	"12000.00", "0", "-0", "-0.00", "-5.25", "0.000000000000000001", "1e999999", "1E-2000000000",
	"NaN", "Inf", "+5", " 5", "5.", ".5", "", "-", "１２", "\u22125", "1,000", "0x10",
	strings.Repeat("9", 30), strings.Repeat("9", 31), "1." + strings.Repeat("0", 18), "1." + strings.Repeat("0", 19),
	"999999999999999999", "9999999999999999999", "-" + strings.Repeat("9", 30) + "." + strings.Repeat("9", 18),
}

func FuzzParseMoney(f *testing.F) {
	for _, a := range fuzzAmounts {
		f.Add(a, "USD")
	}
	f.Add("1", "usd")
	f.Add("1", "XXX")
	f.Add("1", "")
	// More tricky amounts: negative exponent, +Inf, grouping, white space
	// only, bidi marks, NUL, invalid UTF-8, very long digit strings.
	for _, a := range []string{"-1e-999999", "+Inf", "-Inf", "inf", "1_000", "1 000", " ", "\t\r\n", "\u200f5", "5\u200e",
		"\u00005", "5\u0000", "Ü", "\xff", "٥", "0x1p-2", "1e+2", "- 5", "--5", "-.5", "0.", "00", "007", "-00.10",
		strings.Repeat("9", 1<<16), "0." + strings.Repeat("0", 1<<16) + "1", strings.Repeat("-", 1000)} {
		f.Add(a, "USD")
	}
	for _, c := range []string{"ＵＳＤ", "\u0000SD", "USD\u200f", " USD", "Usd", "EUR\u0000", "Ü"} {
		f.Add("1.00", c)
	}
	f.Fuzz(func(t *testing.T, amount, currency string) {
		m, err := ParseMoney(amount, currency)
		if err != nil {
			_, amountErr := err.(*AmountError)
			_, currencyErr := err.(*CurrencyError)
			if !amountErr && !currencyErr {
				t.Fatalf("ParseMoney(%q, %q): error %T %v is neither an *AmountError nor a *CurrencyError", amount, currency, err, err)
			}
			if m.IsValid() {
				t.Fatal("error with a valid Money")
			}
			return
		}
		// The value is exactly the one decimal reads from the same text.
		if want, err := decimal.NewFromString(amount); err != nil || !m.Amount().Equal(want) {
			t.Fatalf("ParseMoney(%q) = %v, decimal says %v, %v", amount, m.Amount(), want, err)
		}
		s := m.String()
		amt, cur, ok := strings.Cut(s, " ")
		if !ok || !strings.EqualFold(cur, currency) || amt != m.AmountString() {
			t.Fatalf("String() = %q", s)
		}
		m2, err := ParseMoney(amt, cur)
		if err != nil {
			t.Fatalf("ParseMoney(String()) = %v for %q", err, s)
		}
		if !m2.Equal(m) || m2.String() != s {
			t.Fatalf("round trip %q -> %q", s, m2.String())
		}
		b, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		var m3 Money
		if err := json.Unmarshal(b, &m3); err != nil || m3.String() != s {
			t.Fatalf("JSON round trip %s -> %v, %v", b, m3, err)
		}
	})
}

func FuzzParseQuantity(f *testing.F) {
	for _, a := range fuzzAmounts {
		f.Add(a)
	}
	// More tricky amounts: negative exponent, +Inf, grouping, white space
	// only, bidi marks, NUL, invalid UTF-8, very long digit strings.
	for _, a := range []string{"-1e-999999", "+Inf", "-Inf", "inf", "1_000", "1 000", " ", "\t\r\n", "\u200f5", "5\u200e",
		"\u00005", "5\u0000", "Ü", "\xff", "٥", "0x1p-2", "1e+2", "- 5", "--5", "-.5", "0.", "00", "007", "-00.10",
		strings.Repeat("9", 1<<16), "0." + strings.Repeat("0", 1<<16) + "1", strings.Repeat("-", 1000)} {
		f.Add(a)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := ParseQuantity(s)
		if err != nil {
			if _, ok := err.(*AmountError); !ok {
				t.Fatalf("ParseQuantity(%q): error %T %v is not an *AmountError", s, err, err)
			}
			if q.IsValid() {
				t.Fatal("error with a valid Quantity")
			}
			return
		}
		if !q.IsValid() || q.IsPositive() != q.Decimal().IsPositive() {
			t.Fatalf("ParseQuantity(%q): valid %v positive %v", s, q.IsValid(), q.IsPositive())
		}
		q2, err := ParseQuantity(q.String())
		if err != nil || !q2.Equal(q) || q2.String() != q.String() {
			t.Fatalf("round trip %q -> %q -> %q, %v", s, q.String(), q2.String(), err)
		}
		if q.IsPositive() {
			m, err := MustParseMoney("1.01", "EUR").Mul(q)
			if err != nil || !m.Amount().Equal(decimal.RequireFromString("1.01").Mul(q.Decimal())) {
				t.Fatalf("Mul: %v, %v", m, err)
			}
		}
	})
}

func FuzzParseCurrency(f *testing.F) {
	for _, s := range []string{"USD", "EUR", "usd", "XXX", "XTS", "", "US", "USDD", "ＵＳＤ", "AAA", "ZZZ", "ZWG"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "USD"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "ＵＳＤ", "\u0000SD", "USD\u200f", " USD", "Usd", "ÜSD", "U\xffD"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := ParseCurrency(s)
		if err != nil {
			if ce, ok := err.(*CurrencyError); !ok || ce.Input != s {
				t.Fatalf("ParseCurrency(%q): error %T %v is not a *CurrencyError naming the input", s, err, err)
			}
			if c.IsValid() {
				t.Fatal("error with a valid Currency")
			}
			return
		}
		if !strings.EqualFold(c.String(), s) || c.String() != strings.ToUpper(s) {
			t.Fatalf("ParseCurrency(%q).String() = %q", s, c.String())
		}
		c2, err := ParseCurrency(c.String())
		if err != nil || c2 != c {
			t.Fatalf("round trip %q: %v, %v", s, c2, err)
		}
		b, _ := c.MarshalText()
		if string(b) != c.String() {
			t.Fatalf("MarshalText = %q", b)
		}
	})
}

func BenchmarkParseMoney(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseMoney("1000000.00", "USD"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseMoneyWide(b *testing.B) {
	amount := strings.Repeat("9", 30) + "." + strings.Repeat("9", 18)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseMoney(amount, "EUR"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCurrencyMinorUnits: the minor unit of ISO 4217 list one, read from
// the table built at initialization for every code.
func TestCurrencyMinorUnits(t *testing.T) {
	for code, want := range map[string]int{"USD": 2, "EUR": 2, "JPY": 0, "KRW": 0, "KWD": 3, "BHD": 3, "CLF": 4, "UYW": 4, "XAU": 0, "XDR": 0, "CHF": 2} {
		c, err := ParseCurrency(code)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.MinorUnits(); got != want {
			t.Errorf("%s: %d, want %d", code, got, want)
		}
	}
	if (Currency{}).MinorUnits() != 0 {
		t.Error("the zero Currency has minor units")
	}
	for _, code := range currencyCodes {
		c, _ := ParseCurrency(code)
		if c.MinorUnits() != minorUnitsOf(code) {
			t.Errorf("%s: table %d, lists %d", code, c.MinorUnits(), minorUnitsOf(code))
		}
	}
}

// TestFormatDecimalFixed: the amount text written without a big.Int is
// StringFixed's, at the int64 boundary, for zeros and for random
// coefficients and exponents.
func TestFormatDecimalFixed(t *testing.T) {
	want := func(d decimal.Decimal) string {
		if e := d.Exponent(); e < 0 {
			return d.StringFixed(-e)
		}
		return d.StringFixed(0)
	}
	cases := []decimal.Decimal{decimal.New(0, 0), decimal.New(0, -2), decimal.New(0, 3), decimal.New(5, -3), decimal.New(-5, -3), decimal.New(-50, -2),
		decimal.New(12000, -2), decimal.New(12, 3), decimal.New(-12, 3), decimal.New(math.MaxInt64, -5), decimal.New(math.MinInt64, -5),
		decimal.New(math.MinInt64, 0), decimal.New(999999999999999999, -30), decimal.New(-999999999999999999, 2), decimal.New(1, -40)}
	rng := rand.New(rand.NewPCG(7, 11))
	for range 3000 {
		c := rng.Int64N(1_000_000_000_000_000_000)
		if rng.IntN(2) == 0 {
			c = -c
		}
		cases = append(cases, decimal.New(c>>rng.IntN(60), rng.Int32N(41)-30))
	}
	for _, d := range cases {
		if got, w := formatDecimal(d), want(d); got != w {
			t.Fatalf("formatDecimal(%s x 10^%d) = %q, want %q", d.Coefficient(), d.Exponent(), got, w)
		}
	}
}

// FuzzPlainMoney: what the one-pass reader of the common form accepts, the
// general decoder accepts with the same amount, scale and currency.
func FuzzPlainMoney(f *testing.F) {
	for _, s := range []string{`{"amount":"12000.00","currency":"USD"}`, `{"amount":"-0.5","currency":"EUR"}`, `{"amount":"5.","currency":"USD"}`,
		`{"amount":".5","currency":"USD"}`, `{"amount":"1","currency":"usd"}`, `{"amount":"1","currency":"ZZZ"}`, `{"amount":"1234567890123456789","currency":"JPY"}`,
		`{"amount":"007","currency":"KWD"}`, `{"amount":"1e3","currency":"USD"}`, `{"currency":"USD","amount":"1"}`, `{"amount":"1","currency":"USD"} `, `{"amount":"-","currency":"USD"}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := plainMoney(data)
		var general Money
		err := general.decodeAny(nil, data)
		if !ok {
			return
		}
		if err != nil {
			t.Fatalf("%q: plainMoney accepted %v, the decoder says %v", data, fast, err)
		}
		if !fast.Equal(general) || fast.amount.Exponent() != general.amount.Exponent() || fast.String() != general.String() {
			t.Fatalf("%q: plainMoney %v (exp %d), the decoder %v (exp %d)", data, fast, fast.amount.Exponent(), general, general.amount.Exponent())
		}
	})
}

// TestPlainMoneyForms: the common form is read in one pass (random
// amounts, every sign and scale) with the general decoder's result; the
// other forms are left to the general decoder.
func TestPlainMoneyForms(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 2000 {
		amount := strconv.FormatInt(rng.Int64N(1_000_000_000), 10)
		if p := rng.IntN(8); p > 0 {
			amount += "." + strconv.FormatInt(rng.Int64N(1_000_000), 10)[:1] + strings.Repeat("0", p-1)
		}
		if rng.IntN(3) == 0 {
			amount = "-" + amount
		}
		code := []string{"USD", "JPY", "EUR", "KWD", "CLF"}[rng.IntN(5)]
		data := []byte(`{"amount":"` + amount + `","currency":"` + code + `"}`)
		fast, ok := plainMoney(data)
		var general Money
		if err := general.decodeAny(nil, data); err != nil || !ok {
			t.Fatalf("%s: plainMoney %v, decoder %v", data, ok, err)
		}
		if fast.String() != general.String() || fast.amount.Exponent() != general.amount.Exponent() {
			t.Fatalf("%s: %v, want %v", data, fast, general)
		}
	}
	for _, s := range []string{`{"currency":"USD","amount":"1"}`, `{ "amount":"1","currency":"USD"}`, `{"amount":"1","currency":"usd"}`, `{"amount":"1.","currency":"USD"}`, `{"amount":"1234567890123456789","currency":"USD"}`} {
		if _, ok := plainMoney([]byte(s)); ok {
			t.Errorf("%s read in one pass", s)
		}
	}
}

// TestSmallDecimalsShared: the whole numbers parseAmount shares stay what
// they are whatever is done with the values made from them.
func TestSmallDecimalsShared(t *testing.T) {
	q := MustParseQuantity("1")
	d := q.Decimal()
	_ = d.Add(decimal.New(5, 0)).Mul(d).Neg()
	d.Coefficient().SetInt64(99)
	d.BigInt().SetInt64(99)
	_ = d.Shift(3)
	_ = d.Round(2)
	m, err := ParseMoney("1", "USD")
	if err != nil {
		t.Fatal(err)
	}
	_, _ = m.Mul(q)
	for i, s := range smallDecimals {
		if s.String() != strconv.Itoa(i) || s.Exponent() != 0 {
			t.Fatalf("smallDecimals[%d] is now %s (exp %d)", i, s, s.Exponent())
		}
	}
	if d2, _ := parseAmount("1"); d2.String() != "1" || d2.Exponent() != 0 {
		t.Fatalf("parseAmount(1) = %s", d2)
	}
	if d3, _ := parseAmount("-0"); d3.Sign() != 0 {
		t.Fatalf("parseAmount(-0) = %s", d3)
	}
}

// TestMinorUnitsText: amounts get at least the currency's minor-unit
// places, in a string or appended to a buffer, and text that is not a
// plain decimal is left as it is.
func TestMinorUnitsText(t *testing.T) {
	for _, tt := range []struct{ amount, code, want string }{
		{"18000", "USD", "18000.00"}, {"18000.5", "USD", "18000.50"}, {"18000.125", "USD", "18000.125"},
		{"-3", "KWD", "-3.000"}, {"18000", "JPY", "18000"}, {"", "USD", ""}, {"1e3", "USD", "1e3"},
		{"12€", "EUR", "12€"}, {"0.1", "CLF", "0.1000"},
	} {
		c := MustParseCurrency(tt.code)
		if got := MinorUnitsText(tt.amount, c); got != tt.want {
			t.Errorf("MinorUnitsText(%q, %s) = %q, want %q", tt.amount, tt.code, got, tt.want)
		}
		if got := string(AppendMinorUnits([]byte("x:"+tt.amount), 2, c)); got != "x:"+tt.want {
			t.Errorf("AppendMinorUnits(x:%q, 2, %s) = %q, want x:%q", tt.amount, tt.code, got, tt.want)
		}
	}
	if got := string(AppendMinorUnits([]byte("5"), 7, MustParseCurrency("USD"))); got != "5" {
		t.Errorf("a start past the end changed the buffer: %q", got)
	}
}
