package origin

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

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

// RatesError reports a problem with exchange rates or a conversion, naming
// the field in the wire format ("exchange_rates.rates[1].rate").
type RatesError struct {
	Field string // path of the field
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *RatesError) Error() string { return "origin: " + e.Field + ": " + e.Msg }

// NewRates returns the rates of date d. Every rate must be positive, with
// an exponent within ±1000 (the bound product.NewMoney puts on amounts, so
// that a conversion stays cheap), and name two different valid currencies,
// and a pair may be given only once (in either direction). A problem is a
// *RatesError naming the field ("exchange_rates.rates[2].rate").
func NewRates(d jurisdiction.Date, rates ...Rate) (Rates, error) {
	if !d.IsValid() {
		return Rates{}, &RatesError{Field: "exchange_rates.date", Msg: "missing or invalid date"}
	}
	out := Rates{date: d, rates: make([]Rate, 0, len(rates))}
	for i, r := range rates {
		f := fmt.Sprintf("exchange_rates.rates[%d]", i)
		switch {
		case !r.From.IsValid():
			return Rates{}, &RatesError{Field: f + ".from", Msg: "missing or invalid currency"}
		case !r.To.IsValid():
			return Rates{}, &RatesError{Field: f + ".to", Msg: "missing or invalid currency"}
		case r.From == r.To:
			return Rates{}, &RatesError{Field: f, Msg: "a rate converts between two different currencies"}
		case !r.Rate.IsPositive():
			return Rates{}, &RatesError{Field: f + ".rate", Msg: "a rate must be positive"}
		}
		// product.NewMoney is the one place the amount bound (exponent
		// within ±1000) is kept; a rate takes the same bound.
		if _, err := product.NewMoney(r.Rate, r.To); err != nil {
			return Rates{}, &RatesError{Field: f + ".rate", Msg: fmt.Sprintf("exponent %d out of range (a rate takes the bound product.NewMoney puts on amounts, ±1000)", r.Rate.Exponent())}
		}
		for _, o := range out.rates {
			if (o.From == r.From && o.To == r.To) || (o.From == r.To && o.To == r.From) {
				return Rates{}, &RatesError{Field: f, Msg: "the pair " + r.From.String() + "/" + r.To.String() + " is given twice"}
			}
		}
		out.rates = append(out.rates, r)
	}
	return out, nil
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
// currency or date are *RatesError values naming the field. On error r is
// left unchanged; a nil r is an error.
func (r *Rates) UnmarshalJSON(data []byte) error {
	if r == nil {
		return &RatesError{Field: "exchange_rates", Msg: "UnmarshalJSON on a nil *Rates"}
	}
	var d jurisdiction.Date
	var rates []Rate
	err := decodeObject("exchange_rates", data, func(k string, v json.RawMessage) error {
		switch k {
		case "date":
			var s string
			if err := json.Unmarshal(v, &s); err != nil {
				return &RatesError{Field: "exchange_rates.date", Msg: "want a JSON string"}
			}
			var err error
			if d, err = jurisdiction.ParseDate(s); err != nil {
				return &RatesError{Field: "exchange_rates.date", Msg: err.Error()}
			}
		case "rates":
			var items []json.RawMessage
			if err := json.Unmarshal(v, &items); err != nil {
				return &RatesError{Field: "exchange_rates.rates", Msg: "want a JSON array"}
			}
			for i, it := range items {
				x, err := decodeRate(fmt.Sprintf("exchange_rates.rates[%d]", i), it)
				if err != nil {
					return err
				}
				rates = append(rates, x)
			}
		default:
			return &RatesError{Field: "exchange_rates." + product.MemberName(k), Msg: "unknown field"}
		}
		return nil
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

// decodeObject decodes the JSON object in data member by member, in
// order, calling member with each key and raw value. Anything but one JSON
// object is a *RatesError on field, and a key given twice one on
// field.key (the key quoted unless plain, see product.MemberName): a
// repeated member is an error, not last-wins.
func decodeObject(field string, data []byte, member func(key string, raw json.RawMessage) error) error {
	notObject := &RatesError{Field: field, Msg: "want a JSON object"}
	// Valid checks the whole input, trailing data included, so the
	// Decoder below meets only well-formed JSON.
	if !json.Valid(data) {
		return notObject
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	if tok, err := dec.Token(); err != nil || tok != json.Delim('{') {
		return notObject
	}
	var seen []string
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return notObject
		}
		key, ok := tok.(string)
		if !ok {
			return notObject
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return notObject
		}
		if slices.Contains(seen, key) {
			return &RatesError{Field: field + "." + product.MemberName(key), Msg: "member given twice"}
		}
		seen = append(seen, key)
		if err := member(key, raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return notObject
	}
	return nil
}

func decodeRate(f string, data []byte) (Rate, error) {
	var x Rate
	err := decodeObject(f, data, func(k string, v json.RawMessage) error {
		var s string
		if err := json.Unmarshal(v, &s); err != nil {
			return &RatesError{Field: f + "." + product.MemberName(k), Msg: "want a JSON string"}
		}
		var err error
		switch k {
		case "from":
			x.From, err = product.ParseCurrency(s)
		case "to":
			x.To, err = product.ParseCurrency(s)
		case "rate":
			// The amount grammar of product.ParseMoney: plain digits,
			// no exponent, bounded length.
			var m product.Money
			m, err = product.ParseMoney(s, "USD")
			if err == nil && !m.IsPositive() {
				err = errors.New("a rate must be positive")
			}
			x.Rate = m.Amount()
		default:
			err = errors.New("unknown field")
		}
		if err != nil {
			return &RatesError{Field: f + "." + product.MemberName(k), Msg: err.Error()}
		}
		return nil
	})
	return x, err
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
