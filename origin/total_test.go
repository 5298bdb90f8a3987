package origin

import (
	"errors"
	"math"
	"math/big"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// noPanic runs f and fails the test if it panics or takes more than five
// seconds. f reports with t.Error, never t.Fatal (it runs on another
// goroutine).
func noPanic(t *testing.T, name string, f func()) {
	t.Helper()
	done := make(chan any, 1)
	go func() {
		defer func() { done <- recover() }()
		f()
	}()
	select {
	case p := <-done:
		if p != nil {
			t.Errorf("%s panicked: %v", name, p)
		}
	case <-time.After(5 * time.Second):
		t.Fatalf("%s did not return", name)
	}
}

func TestRatHelpersAreTotal(t *testing.T) {
	one, zero, neg := big.NewRat(1, 1), new(big.Rat), big.NewRat(-3, 1)
	for _, tt := range []struct {
		name        string
		part, whole *big.Rat
		text        string
		exact       bool
		exceeds     bool
	}{
		{"zero whole", one, zero, "", false, false},
		{"zero part, zero whole", zero, zero, "", false, false},
		{"negative whole", one, neg, "", false, false},
		{"nil part", nil, one, "", false, false},
		{"nil whole", one, nil, "", false, false},
		{"both nil", nil, nil, "", false, false},
		{"zero-value Rat whole", one, new(big.Rat), "", false, false},
		{"negative part", big.NewRat(-1, 4), one, "-25", true, false},
		{"valid", big.NewRat(1, 3), one, "33.3333333333", false, true},
	} {
		noPanic(t, tt.name, func() {
			if text, exact := Percent(tt.part, tt.whole); text != tt.text || exact != tt.exact {
				t.Errorf("%s: Percent = %q %v, want %q %v", tt.name, text, exact, tt.text, tt.exact)
			}
			if got := Exceeds(tt.part, tt.whole, 25); got != tt.exceeds {
				t.Errorf("%s: Exceeds = %v, want %v", tt.name, got, tt.exceeds)
			}
			if got := Exceeds(tt.part, tt.whole, math.MinInt64); got && tt.text == "" {
				t.Errorf("%s: Exceeds(MinInt64) = true without a positive whole", tt.name)
			}
		})
	}
	noPanic(t, "DecimalText(nil)", func() {
		if text, exact := DecimalText(nil); text != "" || exact {
			t.Errorf("DecimalText(nil) = %q %v", text, exact)
		}
	})
	noPanic(t, "DecimalText(zero value)", func() {
		if text, exact := DecimalText(new(big.Rat)); text != "0" || !exact {
			t.Errorf("DecimalText(new(big.Rat)) = %q %v", text, exact)
		}
	})
	// A denominator with many factors of 5 terminates; counting them takes
	// a few divisions, not one per factor.
	noPanic(t, "DecimalText(1/5^20000)", func() {
		den := new(big.Int).Exp(big.NewInt(5), big.NewInt(20000), nil)
		text, exact := DecimalText(new(big.Rat).SetFrac(big.NewInt(1), den))
		if !exact || len(text) != len("0.")+20000 || !strings.HasPrefix(text, "0.0000") {
			t.Errorf("1/5^20000: exact %v, %d characters", exact, len(text))
		}
		text, exact = DecimalText(new(big.Rat).SetFrac(big.NewInt(1), new(big.Int).Mul(den, big.NewInt(3))))
		if exact || text != "0" {
			t.Errorf("1/(3 x 5^20000) = %q %v, want 0 rounded", text, exact)
		}
	})
}

func TestRatOfOutOfRange(t *testing.T) {
	for _, d := range []decimal.Decimal{decimal.New(1, math.MaxInt32), decimal.New(1, math.MinInt32), decimal.New(1, 10001), decimal.New(1, -10001)} {
		noPanic(t, "RatOf", func() {
			if r := RatOf(d); r != nil {
				t.Errorf("RatOf(exponent %d) = %v, want nil", d.Exponent(), r)
			}
		})
	}
	for _, d := range []decimal.Decimal{decimal.New(7, 10000), decimal.New(7, -10000), {}} {
		if r := RatOf(d); r == nil || r.Cmp(d.Rat()) != 0 {
			t.Errorf("RatOf(exponent %d) is wrong", d.Exponent())
		}
	}
}

func TestExactIsTotal(t *testing.T) {
	huge := decimal.New(1, math.MaxInt32)
	tiny := decimal.New(1, -100_000_000)
	big1 := ExactOf(decimal.New(1, 10000))
	var zero Exact
	third := ExactOf(decimal.NewFromInt(1)).MulDecimal(decimal.NewFromInt(3))
	third = Exact{r: new(big.Rat).Inv(third.Rat())}
	bad := []struct {
		name string
		x    Exact
	}{
		{"ExactOf(1e MaxInt32)", ExactOf(huge)},
		{"ExactOf(1e-100000000)", ExactOf(tiny)},
		{"MulDecimal overflowing int32", ExactOf(decimal.New(1, 9000)).MulDecimal(decimal.New(1, math.MaxInt32))},
		{"MulDecimal past the bound", big1.MulDecimal(decimal.New(1, 1))},
		{"rational MulDecimal by a huge decimal", third.MulDecimal(huge)},
		{"Add of an invalid", zero.Add(ExactOf(tiny))},
		{"Add to an invalid", ExactOf(huge).Add(third)},
	}
	for _, tt := range bad {
		noPanic(t, tt.name, func() {
			x := tt.x
			if x.IsValid() {
				t.Errorf("%s is valid", tt.name)
				return
			}
			if b, ok := x.AppendText([]byte("x")); string(b) != "x" || ok {
				t.Errorf("%s: AppendText = %q %v", tt.name, b, ok)
			}
			if s, ok := x.Text(); s != "" || ok {
				t.Errorf("%s: Text = %q %v", tt.name, s, ok)
			}
			if x.Rat() != nil || x.Sign() != 0 {
				t.Errorf("%s: Rat %v Sign %d", tt.name, x.Rat(), x.Sign())
			}
			if _, ok := x.Decimal(); ok {
				t.Errorf("%s: Decimal reports a decimal", tt.name)
			}
			if ExceedsExact(x, ExactOf(decimal.NewFromInt(1)), 0) || ExceedsExact(ExactOf(decimal.NewFromInt(1)), x, 0) {
				t.Errorf("%s: ExceedsExact reports true", tt.name)
			}
			if s, ok := PercentOf(x, ExactOf(decimal.NewFromInt(1))); s != "" || ok {
				t.Errorf("%s: PercentOf(x, 1) = %q %v", tt.name, s, ok)
			}
			if s, ok := PercentOf(ExactOf(decimal.NewFromInt(1)), x); s != "" || ok {
				t.Errorf("%s: PercentOf(1, x) = %q %v", tt.name, s, ok)
			}
			if x.Add(zero).IsValid() || x.MulDecimal(decimal.NewFromInt(1)).IsValid() {
				t.Errorf("%s: arithmetic made it valid", tt.name)
			}
		})
	}
	// The zero Exact is 0, and a zero or negative whole has no percentage
	// and exceeds nothing.
	noPanic(t, "zero Exact", func() {
		if s, ok := zero.Text(); s != "0" || !ok || zero.Sign() != 0 || zero.Rat().Sign() != 0 || !zero.IsValid() {
			t.Errorf("zero Exact: %q %v", s, ok)
		}
		for _, whole := range []Exact{zero, ExactOf(decimal.NewFromInt(-5)), {r: big.NewRat(-1, 3)}, {r: new(big.Rat)}} {
			for _, part := range []Exact{zero, ExactOf(decimal.NewFromInt(5)), third} {
				if s, ok := PercentOf(part, whole); s != "" || ok {
					t.Errorf("PercentOf(%v, %v) = %q %v, want no percentage", part, whole, s, ok)
				}
				if ExceedsExact(part, whole, -100) {
					t.Errorf("ExceedsExact(%v, %v) = true", part, whole)
				}
			}
		}
	})
	// Extreme but valid exponents still compute, quickly.
	noPanic(t, "wide valid exponents", func() {
		x := ExactOf(decimal.New(1, 10000)).Add(ExactOf(decimal.New(1, -10000)))
		if s, ok := x.Text(); !ok || len(s) != 20002 {
			t.Errorf("1e10000 + 1e-10000: %d characters", len(s))
		}
		if !ExceedsExact(x, ExactOf(decimal.NewFromInt(1)), math.MaxInt64) {
			t.Error("1e10000 must exceed MaxInt64 %")
		}
		if s, ok := PercentOf(ExactOf(decimal.New(1, -10000)), ExactOf(decimal.New(3, 10000))); ok || s != "0" {
			t.Errorf("tiny percentage = %q %v", s, ok)
		}
	})
}

func TestNewRatesBoundsExponent(t *testing.T) {
	usd, eur, jpy := product.MustParseCurrency("USD"), product.MustParseCurrency("EUR"), product.MustParseCurrency("JPY")
	d := jurisdiction.MustParseDate("2026-11-01")
	ok := Rate{From: jpy, To: usd, Rate: decimal.RequireFromString("0.0067")}
	for _, rate := range []decimal.Decimal{decimal.New(1, math.MaxInt32), decimal.New(1, -100_000_000), decimal.New(1, math.MinInt32), decimal.New(1, 1001), decimal.New(1, -1001)} {
		noPanic(t, "NewRates", func() {
			_, err := NewRates(d, ok, ok, Rate{From: eur, To: usd, Rate: rate})
			var re *product.FieldError
			if !errors.As(err, &re) || re.Field != "exchange_rates.rates[1]" {
				// rates[1] repeats the pair of rates[0]: checked first.
				t.Errorf("exponent %d: %v", rate.Exponent(), err)
			}
			_, err = NewRates(d, ok, Rate{From: eur, To: usd, Rate: rate})
			if !errors.As(err, &re) || re.Field != "exchange_rates.rates[1].rate" {
				t.Errorf("exponent %d: got %v, want a *product.FieldError on exchange_rates.rates[1].rate", rate.Exponent(), err)
			}
		})
	}
	// At the bound, conversions in both directions compute.
	for _, rate := range []decimal.Decimal{decimal.New(1, 1000), decimal.New(1, -1000), decimal.New(3, -1000)} {
		noPanic(t, "convert at the bound", func() {
			rs, err := NewRates(d, Rate{From: eur, To: usd, Rate: rate})
			if err != nil {
				t.Error(err)
				return
			}
			for _, m := range []product.Money{product.MustParseMoney("123.45", "EUR"), product.MustParseMoney("0.000000000000000001", "USD")} {
				to := usd
				if m.Currency() == usd {
					to = eur
				}
				x, err := rs.ConvertExact("x", m, to)
				if err != nil || !x.IsValid() {
					t.Errorf("ConvertExact(%s): %v", m, err)
					return
				}
				x.Text()
				PercentOf(x, ExactOf(decimal.NewFromInt(1)))
				ExceedsExact(x, ExactOf(decimal.NewFromInt(1)), 25)
			}
			if _, err := rs.MarshalJSON(); err != nil {
				t.Error(err)
			}
		})
	}
	// NewMoney's bound on amounts meets the rates' bound: the largest
	// product still converts.
	m, err := product.NewMoney(decimal.New(1, 1000), eur)
	if err != nil {
		t.Fatal(err)
	}
	rs, _ := NewRates(d, Rate{From: eur, To: usd, Rate: decimal.New(1, 1000)})
	if x, err := rs.ConvertExact("x", m, usd); err != nil || x.Sign() != 1 {
		t.Errorf("1e1000 EUR x 1e1000: %v", err)
	}
}

func TestZeroRates(t *testing.T) {
	var r Rates
	noPanic(t, "zero Rates", func() {
		if !r.IsZero() || r.Date().IsValid() || len(r.All()) != 0 {
			t.Error("zero Rates hold something")
		}
		x, err := r.ConvertExact("f", product.MustParseMoney("12.50", "USD"), product.MustParseCurrency("USD"))
		if s, _ := x.Text(); err != nil || s != "12.5" {
			t.Errorf("same currency: %q %v", s, err)
		}
		_, err = r.ConvertExact("f", product.MustParseMoney("1", "EUR"), product.MustParseCurrency("USD"))
		var re *product.FieldError
		if !errors.As(err, &re) || re.Field != "f" {
			t.Errorf("no rate: %v", err)
		}
		_, err = r.ConvertExact("f", product.Money{}, product.MustParseCurrency("USD"))
		if !errors.As(err, &re) {
			t.Errorf("zero Money: %v", err)
		}
		if x, err := r.ConvertExact("f", product.Money{}, product.Currency{}); err != nil || x.Sign() != 0 {
			t.Errorf("zero Money to the zero Currency: %v", err)
		}
		if b, err := r.MarshalJSON(); err != nil || string(b) != `{"date":"","rates":[]}` {
			t.Errorf("MarshalJSON = %s %v", b, err)
		}
	})
}

func TestRatesJSONStrict(t *testing.T) {
	const rate = `{"from":"EUR","to":"USD","rate":"1.08"}`
	for _, tt := range []struct {
		in, field string
	}{
		{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.08","rate":"100"}]}`, "exchange_rates.rates[0].rate"},
		{`{"date":"2026-11-01","rates":[{"from":"EUR","from":"JPY","to":"USD","rate":"1.08"}]}`, "exchange_rates.rates[0].from"},
		{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","to":"USD","rate":"1.08"}]}`, "exchange_rates.rates[0].to"},
		{`{"date":"2026-11-01","date":"2026-11-02","rates":[` + rate + `]}`, "exchange_rates.date"},
		{`{"date":"2026-11-01","rates":[` + rate + `],"rates":[]}`, "exchange_rates.rates"},
		{`{"date":"2026-11-01","rates":[],"rates":[` + rate + `]}`, "exchange_rates.rates"},
		{`{"date":"2026-11-01","rates":[` + rate + `],"x":1}`, "exchange_rates.x"},
		{`{"date":"2026-11-01","rates":[` + rate + `],"":1}`, `exchange_rates.""`},
		{`{"date":"2026-11-01","rates":[` + rate + `],"a.b":1}`, `exchange_rates."a.b"`},
		{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.08","x":"1"}]}`, "exchange_rates.rates[0].x"},
		{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1e3"}]}`, "exchange_rates.rates[0].rate"},
		{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1e2147483647"}]}`, "exchange_rates.rates[0].rate"},
		{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1e-100000000"}]}`, "exchange_rates.rates[0].rate"},
		{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":1.08}]}`, "exchange_rates.rates[0].rate"},
		{`{"date":"2026-11-01","rates":[1]}`, "exchange_rates.rates[0]"},
		{`{"date":"2026-11-01","rates":{}}`, "exchange_rates.rates"},
		{`{"date":"2026-11-01","rates":[` + rate + `]} {}`, "exchange_rates"},
		{`{"date":"2026-11-01","rates":[` + rate + `]`, "exchange_rates"},
		{`[]`, "exchange_rates"},
		{`null`, "exchange_rates"},
		{``, "exchange_rates"},
	} {
		noPanic(t, tt.in, func() {
			var r Rates
			err := r.UnmarshalJSON([]byte(tt.in))
			var re *product.FieldError
			if !errors.As(err, &re) || re.Field != tt.field {
				t.Errorf("%s: got %v, want a *product.FieldError on %s", tt.in, err, tt.field)
			}
			if !r.IsZero() {
				t.Errorf("%s: a failed decode changed the Rates", tt.in)
			}
		})
	}
	noPanic(t, "nil *Rates", func() {
		var re *product.FieldError
		if err := (*Rates)(nil).UnmarshalJSON([]byte(`{}`)); !errors.As(err, &re) || re.Field != "exchange_rates" {
			t.Errorf("nil *Rates: %v", err)
		}
	})
	var r Rates
	if err := r.UnmarshalJSON([]byte(" {\n \"rates\" : [ " + rate + " ] , \"date\":\"2026-11-01\" } ")); err != nil || len(r.All()) != 1 {
		t.Errorf("members in any order, with white space: %v", err)
	}
}

// TestOutputIgnoresDecimalSettings changes decimal's package settings
// (never in parallel with other tests) and checks that nothing this package
// prints or decides changes.
func TestOutputIgnoresDecimalSettings(t *testing.T) {
	usd, eur := product.MustParseCurrency("USD"), product.MustParseCurrency("EUR")
	rs, err := NewRates(jurisdiction.MustParseDate("2026-11-01"), Rate{From: eur, To: usd, Rate: decimal.RequireFromString("1.0850")}, Rate{From: product.MustParseCurrency("JPY"), To: usd, Rate: decimal.New(67, 2)})
	if err != nil {
		t.Fatal(err)
	}
	direct, _ := rs.ConvertExact("x", product.MustParseMoney("100.00", "EUR"), usd)
	inverse, _ := rs.ConvertExact("x", product.MustParseMoney("1", "USD"), eur)
	outputs := func() []any {
		dt, dtOK := direct.Text()
		it, itOK := inverse.Text()
		big1, _ := ExactOf(decimal.New(12, 3)).Text()
		t1, t1OK := DecimalText(big.NewRat(25, 2))
		t2, t2OK := DecimalText(big.NewRat(1, 3))
		p1, p1OK := Percent(RatOf(decimal.RequireFromString("180000")), RatOf(decimal.RequireFromString("12000000")))
		p2, p2OK := PercentOf(ExactOf(decimal.RequireFromString("12.500")), ExactOf(decimal.RequireFromString("100.000")))
		p3, p3OK := PercentOf(ExactOf(decimal.NewFromInt(1)), ExactOf(decimal.NewFromInt(3)))
		p4, p4OK := PercentOf(ExactOf(decimal.NewFromInt(1500)), ExactOf(decimal.NewFromInt(1)))
		b, err := rs.MarshalJSON()
		return []any{dt, dtOK, it, itOK, big1, t1, t1OK, t2, t2OK, p1, p1OK, p2, p2OK, p3, p3OK, p4, p4OK, string(b), err,
			ExceedsExact(direct, ExactOf(decimal.NewFromInt(400)), 25), ExceedsExact(inverse, ExactOf(decimal.NewFromInt(4)), 25)}
	}
	want := outputs()
	// The values with the default settings, spelled out.
	wantText := []any{"108.5", true, "0.9216589862", false, "12000", "12.5", true, "0.3333333333", false, "1.5", true, "12.5", true, "33.3333333333", false, "150000", true,
		`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.085"},{"from":"JPY","to":"USD","rate":"6700"}]}`, nil, true, false}
	for i := range want {
		if want[i] != wantText[i] {
			t.Errorf("default settings: output %d = %v, want %v", i, want[i], wantText[i])
		}
	}

	trim, sci, prec, quotes := decimal.TrimTrailingZeros, decimal.UseScientificNotation, decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes
	t.Cleanup(func() {
		decimal.TrimTrailingZeros, decimal.UseScientificNotation, decimal.DivisionPrecision, decimal.MarshalJSONWithoutQuotes = trim, sci, prec, quotes
	})
	decimal.TrimTrailingZeros = false
	decimal.UseScientificNotation = true
	decimal.DivisionPrecision = 1
	decimal.MarshalJSONWithoutQuotes = true
	got := outputs()
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("with decimal's settings changed, output %d = %v, want %v", i, got[i], want[i])
		}
	}
}

// TestFormatDecimalMatchesString checks that formatDecimal prints what
// decimal's String prints with the default settings.
func TestFormatDecimalMatchesString(t *testing.T) {
	if !decimal.TrimTrailingZeros || decimal.UseScientificNotation {
		t.Skip("decimal's settings are not the defaults")
	}
	rng := rand.New(rand.NewPCG(3, 5))
	cases := []decimal.Decimal{{}, decimal.New(0, -5), decimal.New(0, 5), decimal.New(-10, -1), decimal.New(-5, -1), decimal.New(5, -30), decimal.New(-123456789, 4),
		// The int64 boundary of the fast path, and long runs of zeros.
		decimal.New(math.MinInt64, -3), decimal.New(math.MaxInt64, 2), decimal.New(math.MinInt64, 0), decimal.New(999999999999999999, -18),
		decimal.New(-1000000000000000000, -19), decimal.New(7, -300), decimal.New(-70, 250), decimal.New(100, -2)}
	for range 5000 {
		digits := make([]byte, 1+rng.IntN(40))
		for i := range digits {
			digits[i] = byte('0' + rng.IntN(10))
		}
		c, _ := new(big.Int).SetString(string(digits), 10)
		if rng.IntN(2) == 0 {
			c.Neg(c)
		}
		cases = append(cases, decimal.NewFromBigInt(c, rng.Int32N(61)-30))
	}
	for _, d := range cases {
		if got, want := formatDecimal(d), d.String(); got != want {
			t.Fatalf("formatDecimal(%#v) = %s, want %s", d, got, want)
		}
		if got, want := formatScaled(d.Coefficient(), int64(d.Exponent())), d.String(); got != want {
			t.Fatalf("formatScaled(%s, %d) = %s, want %s", d.Coefficient(), d.Exponent(), got, want)
		}
		x := ExactOf(d)
		text, exact := x.Text()
		if got, gotExact := x.AppendText([]byte("x")); string(got) != "x"+text || gotExact != exact {
			t.Fatalf("AppendText(%s) = %s %v, want x%s %v", d, got, gotExact, text, exact)
		}
	}
}
