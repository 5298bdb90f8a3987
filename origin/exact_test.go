package origin

import (
	"errors"
	"math/rand/v2"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

func TestExactAndConvert(t *testing.T) {
	usd, eur := product.MustParseCurrency("USD"), product.MustParseCurrency("EUR")
	rs, err := NewRates(jurisdiction.MustParseDate("2026-11-01"), Rate{From: eur, To: usd, Rate: decimal.RequireFromString("1.0850")})
	if err != nil {
		t.Fatal(err)
	}
	direct, err := rs.ConvertExact("x", product.MustParseMoney("100", "EUR"), usd)
	if err != nil || direct.r != nil {
		t.Fatalf("a direct rate stays decimal: %v %v", direct, err)
	}
	if s, exact := direct.Text(); s != "108.5" || !exact {
		t.Fatalf("direct = %s", s)
	}
	inverse, err := rs.ConvertExact("x", product.MustParseMoney("108.50", "USD"), eur)
	if err != nil {
		t.Fatal(err)
	}
	if s, exact := inverse.Text(); s != "100" || !exact {
		t.Fatalf("inverse = %s %v", s, exact)
	}
	third, _ := rs.ConvertExact("x", product.MustParseMoney("1", "USD"), eur)
	if s, exact := third.Text(); exact || s != "0.9216589862" {
		t.Fatalf("1/1.085 = %s %v", s, exact)
	}
	// 1/1.085 x 1.085 x 100 is exactly 100: rationals carry no rounding.
	back := third.MulDecimal(decimal.RequireFromString("108.5"))
	if s, _ := back.Text(); s != "100" {
		t.Fatalf("round trip = %s", s)
	}
	if !ExceedsExact(ExactOf(decimal.RequireFromString("25.0000000001")), ExactOf(decimal.NewFromInt(100)), 25) || ExceedsExact(ExactOf(decimal.NewFromInt(25)), ExactOf(decimal.NewFromInt(100)), 25) {
		t.Fatal("ExceedsExact must be strict")
	}
	if _, err := rs.ConvertExact("item.components[0].value.currency", product.MustParseMoney("1", "JPY"), usd); err == nil {
		t.Fatal("no rate must be an error")
	}
}

func TestRatesErrors(t *testing.T) {
	usd, eur := product.MustParseCurrency("USD"), product.MustParseCurrency("EUR")
	d := jurisdiction.MustParseDate("2026-11-01")
	for _, tt := range []struct {
		name  string
		rates []Rate
		date  jurisdiction.Date
		field string
	}{
		{"no date", nil, jurisdiction.Date{}, "exchange_rates.date"},
		{"zero rate", []Rate{{From: eur, To: usd, Rate: decimal.Zero}}, d, "exchange_rates.rates[0].rate"},
		{"same currency", []Rate{{From: eur, To: eur, Rate: decimal.NewFromInt(1)}}, d, "exchange_rates.rates[0]"},
		{"twice", []Rate{{From: eur, To: usd, Rate: decimal.NewFromInt(1)}, {From: usd, To: eur, Rate: decimal.NewFromInt(1)}}, d, "exchange_rates.rates[1]"},
	} {
		_, err := NewRates(tt.date, tt.rates...)
		re, ok := err.(*product.FieldError)
		if !ok || re.Field != tt.field {
			t.Errorf("%s: got %v, want a *product.FieldError on %s", tt.name, err, tt.field)
		}
	}
	var r Rates
	if err := r.UnmarshalJSON([]byte(`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1e3"}]}`)); err == nil {
		t.Error("an exponent in a rate must be an error")
	}
	if err := r.UnmarshalJSON([]byte(`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.0850"}],"x":1}`)); err == nil {
		t.Error("an unknown member must be an error")
	}
	// An unknown member of a rate is unknown_field whatever its value.
	for _, v := range []string{`1`, `"x"`, `null`, `{}`} {
		err := r.UnmarshalJSON([]byte(`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.0850","foo":` + v + `}]}`))
		if !errors.Is(err, product.ErrUnknownField) {
			t.Errorf("rates[0].foo = %s: %v, want an unknown field", v, err)
		}
	}
	if err := r.UnmarshalJSON([]byte(`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.0850"}]}`)); err != nil || len(r.All()) != 1 {
		t.Errorf("valid rates: %v", err)
	}
}

func FuzzRatesJSON(f *testing.F) {
	for _, s := range []string{`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.0850"}]}`, `{}`, `{"rates":[{}]}`, `[]`, `{"date":"x"}`, `{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"NaN"}]}`} {
		f.Add(s)
	}
	for _, rate := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "１", "1\u0000", "\u200f1", "0.000000000000000001", "999999999999999999999999999999.999999999999999999", "9999999999999999999999999999999"} {
		f.Add(`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"` + rate + `"}]}`)
	}
	for _, cur := range []string{"ＥＵＲ", "eur", "EUR\u0000", "\u200fEUR", "", "XXX", "USD"} {
		f.Add(`{"date":"2026-11-01","rates":[{"from":"` + cur + `","to":"USD","rate":"1.1"}]}`)
	}
	f.Add(`{"date":"2026-02-30","rates":[]}`)
	f.Add(`{"date":"2026-11-01","date":"2026-11-02","rates":[],"x":1}`)
	f.Add(`{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.1"},{"from":"USD","to":"EUR","rate":"0.9"}]}`)
	f.Add(`{"date":"2026-11-01","rates":[` + func() string {
		s := `{"from":"EUR","to":"USD","rate":"1.1"}`
		for len(s) < 1<<16 {
			s += `,{"from":"EUR","to":"USD","rate":"1.1"}`
		}
		return s
	}() + `]}`)
	f.Fuzz(func(t *testing.T, s string) {
		var r Rates
		if err := r.UnmarshalJSON([]byte(s)); err != nil {
			re, ok := err.(*product.FieldError)
			if !ok || (re.Field != "exchange_rates" && (len(re.Field) <= len("exchange_rates.") || re.Field[:len("exchange_rates.")] != "exchange_rates.")) {
				t.Fatalf("error %T %v is not a *product.FieldError naming a field under exchange_rates", err, err)
			}
			return
		}
		b, err := r.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var back Rates
		if err := back.UnmarshalJSON(b); err != nil || len(back.All()) != len(r.All()) || back.Date() != r.Date() {
			t.Fatalf("round trip of %q: %v", s, err)
		}
	})
}

// TestPercentOfAgreesWithPercent checks the decimal shortcut of PercentOf
// against the rational Percent over values that terminate early, late and
// never.
func TestPercentOfAgreesWithPercent(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 11))
	for range 20000 {
		part := decimal.New(rng.Int64N(1_000_000), -rng.Int32N(6))
		whole := decimal.New(1+rng.Int64N(1_000_000), -rng.Int32N(6))
		if rng.IntN(4) == 0 {
			whole = decimal.New([]int64{3, 7, 1 << 20, 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5 * 5}[rng.IntN(4)], 0)
		}
		gotText, gotExact := PercentOf(ExactOf(part), ExactOf(whole))
		wantText, wantExact := Percent(RatOf(part), RatOf(whole))
		if gotText != wantText || gotExact != wantExact {
			t.Fatalf("PercentOf(%s, %s) = %s %v, Percent = %s %v", part, whole, gotText, gotExact, wantText, wantExact)
		}
	}
	if got, exact := PercentOf(ExactOf(decimal.RequireFromString("1")), ExactOf(decimal.RequireFromString("3"))); got != "33.3333333333" || exact {
		t.Errorf("1/3 = %s %v", got, exact)
	}
}
