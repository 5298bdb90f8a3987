package origin

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// Rate is one exchange rate: Rate units of To per one unit of From.
type Rate struct {
	From, To product.Currency
	Rate     decimal.Decimal
}

// Rates are the exchange rates of one date, as the wire format's
// exchange_rates states them. The zero Rates hold no rate: only values
// already in the target currency convert.
type Rates struct {
	date  jurisdiction.Date
	rates []Rate
}

// NewRates returns the rates of date d. Every rate must be positive, with
// an exponent within ±1000 (the bound product.NewMoney puts on amounts, so
// that a conversion stays cheap), and name two different valid currencies,
// and a pair may be given only once (in either direction). A problem is a
// *product.FieldError naming the field ("exchange_rates.rates[2].rate").
func NewRates(d jurisdiction.Date, rates ...Rate) (Rates, error) {
	if !d.IsValid() {
		return Rates{}, ratesErr("exchange_rates.date", product.ErrMissing, "required: the date of the rates (YYYY-MM-DD)")
	}
	out := Rates{date: d, rates: make([]Rate, 0, len(rates))}
	for i, r := range rates {
		f := fmt.Sprintf("exchange_rates.rates[%d]", i)
		switch {
		case !r.From.IsValid():
			return Rates{}, ratesErr(f+".from", product.ErrMissing, "required: a currency")
		case !r.To.IsValid():
			return Rates{}, ratesErr(f+".to", product.ErrMissing, "required: a currency")
		case r.From == r.To:
			return Rates{}, ratesErr(f, product.ErrInconsistent, "a rate converts between two different currencies")
		case !r.Rate.IsPositive():
			return Rates{}, ratesErr(f+".rate", product.ErrOutOfRange, "a rate must be positive")
		}
		// product.NewMoney is the one place the amount bound (exponent
		// within ±1000) is kept; a rate takes the same bound.
		if _, err := product.NewMoney(r.Rate, r.To); err != nil {
			return Rates{}, ratesErr(f+".rate", product.ErrOutOfRange, "exponent %d out of range (a rate takes the bound of an amount, ±1000)", r.Rate.Exponent())
		}
		for _, o := range out.rates {
			if (o.From == r.From && o.To == r.To) || (o.From == r.To && o.To == r.From) {
				return Rates{}, ratesErr(f, product.ErrDuplicate, "the pair %s/%s is given twice", r.From, r.To)
			}
		}
		out.rates = append(out.rates, r)
	}
	return out, nil
}

// ratesErr returns the *product.FieldError at path of the kind kind (a
// sentinel of package product) with the message of format.
func ratesErr(path string, kind error, format string, args ...any) *product.FieldError {
	return &product.FieldError{Field: path, Err: fmt.Errorf("%w: "+format, append([]any{kind}, args...)...)}
}

// Date returns the date of the rates (the zero Date for the zero Rates).
func (r Rates) Date() jurisdiction.Date { return r.date }

// All returns the rates. The caller owns the returned slice.
func (r Rates) All() []Rate { return append([]Rate(nil), r.rates...) }

// IsZero reports whether r holds no rate.
func (r Rates) IsZero() bool { return len(r.rates) == 0 && !r.date.IsValid() }

// UnmarshalJSON decodes {"date": "2026-11-01", "rates": [{"from": "EUR",
// "to": "USD", "rate": "1.0850"}]} strictly: unknown or repeated members,
// a rate that is not a JSON string of plain decimal digits, an invalid
// currency or date are *product.FieldError values naming the field
// ("exchange_rates.rates[0].rate"). On error r is left unchanged; a nil r
// is an error.
func (r *Rates) UnmarshalJSON(data []byte) error {
	if r == nil {
		return ratesErr("exchange_rates", product.ErrInvalid, "no Rates to decode into")
	}
	var d jurisdiction.Date
	var rates []Rate
	err := decodeObject("exchange_rates", data, func(k string, v []byte) error {
		switch k {
		case "date":
			var s string
			if err := wire.DecodeString(v, &s); err != nil {
				return err
			}
			var err error
			d, err = jurisdiction.ParseDate(s)
			return err
		case "rates":
			var items []json.RawMessage
			if err := wire.Unmarshal(v, &items); err != nil {
				return err
			}
			for i, it := range items {
				x, err := decodeRate(fmt.Sprintf("[%d]", i), it) // placed under "exchange_rates.rates"
				if err != nil {
					return err
				}
				rates = append(rates, x)
			}
			return nil
		}
		return product.ErrUnknownField
	})
	if err != nil {
		return err
	}
	v, err := NewRates(d, rates...)
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// decodeObject decodes the JSON object at path member by member, in
// order, calling member with each key and raw value, with the strict rules
// of every object of the wire format (internal/wire). Errors are
// *product.FieldError values under path: a member's error under its key
// ("exchange_rates.x"), anything but one JSON object at path itself.
func decodeObject(path string, data []byte, member func(key string, raw []byte) error) error {
	return wire.Object(data, func(sub string, err error) *product.FieldError {
		return product.NewFieldError(wire.JoinPath(path, sub), err)
	}, member)
}

func decodeRate(f string, data []byte) (Rate, error) {
	var x Rate
	err := decodeObject(f, data, func(k string, v []byte) error {
		switch k {
		case "from", "to", "rate":
		default:
			return product.ErrUnknownField // whatever its value
		}
		var s string
		if err := wire.DecodeString(v, &s); err != nil {
			return err
		}
		var err error
		switch k {
		case "from":
			x.From, err = product.ParseCurrency(s)
		case "to":
			x.To, err = product.ParseCurrency(s)
		case "rate":
			// The amount grammar of product.ParseMoney: plain digits,
			// no exponent, bounded length (ParseRate's rule).
			var m product.Money
			m, err = product.ParseMoney(s, "USD")
			if err == nil && !m.IsPositive() {
				err = fmt.Errorf("%w: a rate must be positive", product.ErrOutOfRange)
			}
			x.Rate = m.Amount()
		}
		return err
	})
	return x, err
}

// ParseRate returns the rate of rate units of to per one from, from text in
// the wire format's words: ParseRate("EUR", "USD", "1.0850"). The rate has
// the syntax of an amount (plain digits and at most one point, no exponent)
// and must be positive; a caller need not import decimal. Errors are
// *product.FieldError naming "from", "to" or "rate".
func ParseRate(from, to, rate string) (Rate, error) {
	var x Rate
	var err error
	if x.From, err = product.ParseCurrency(from); err != nil {
		return Rate{}, product.NewFieldError("from", err)
	}
	if x.To, err = product.ParseCurrency(to); err != nil {
		return Rate{}, product.NewFieldError("to", err)
	}
	m, err := product.ParseMoney(rate, "USD")
	if err == nil && !m.IsPositive() {
		err = fmt.Errorf("%w: a rate must be positive", product.ErrOutOfRange)
	}
	if err != nil {
		return Rate{}, product.NewFieldError("rate", err)
	}
	x.Rate = m.Amount()
	return x, nil
}

// MarshalJSON writes the rates in the wire format, each rate with the
// trailing zeros after its point dropped ("1.0850" is "1.085"); the text
// never depends on decimal's package settings. The zero Rates marshal as
// {"date":"","rates":[]}.
func (r Rates) MarshalJSON() ([]byte, error) {
	type rate struct {
		From string `json:"from"`
		To   string `json:"to"`
		Rate string `json:"rate"`
	}
	out := struct {
		Date  string `json:"date"`
		Rates []rate `json:"rates"`
	}{Date: r.date.String(), Rates: []rate{}}
	for _, x := range r.rates {
		out.Rates = append(out.Rates, rate{x.From.String(), x.To.String(), formatDecimal(x.Rate)})
	}
	var b bytes.Buffer
	err := json.NewEncoder(&b).Encode(out)
	return bytes.TrimSpace(b.Bytes()), err
}

// Used returns the rates of r that convert an amount in one of the
// currencies from into to (directly, or by an inverse rate), in r's
// order, as Rates of r's date: the rates a conversion actually used.
func (r Rates) Used(from []product.Currency, to product.Currency) Rates {
	out := Rates{date: r.date}
	for _, x := range r.rates {
		for _, f := range from {
			if f != to && ((x.From == f && x.To == to) || (x.From == to && x.To == f)) {
				out.rates = append(out.rates, x)
				break
			}
		}
	}
	if len(out.rates) == 0 {
		return Rates{}
	}
	return out
}
