package exception

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// Paragraph is what the caller states of an exception whose terms depend
// on the transaction: the paragraph of the exception's section whose terms
// the export meets ("740.9(a)(9)"), or none of them. The zero Paragraph is
// "not given" (unknown).
type Paragraph struct {
	cite fdp.Citation
	none bool
}

// NoParagraph is the statement that the export meets no paragraph of the
// exception.
func NoParagraph() Paragraph { return Paragraph{none: true} }

// ParagraphOf states that the export meets the terms of paragraph c.
func ParagraphOf(c fdp.Citation) Paragraph { return Paragraph{cite: c} }

// ParseParagraph parses the wire form for exception code: "none", or a
// paragraph of code's section with or without the "15 CFR " prefix
// ("740.9(a)(9)", "15 CFR 740.6"). Malformed text, or a paragraph outside
// the section, is an error wrapping product.ErrInvalid.
func ParseParagraph(code Code, s string) (Paragraph, error) {
	if !code.IsValid() {
		return Paragraph{}, fmt.Errorf("%w: license exception code %d", product.ErrInvalid, uint8(code))
	}
	if strings.EqualFold(s, "none") {
		return NoParagraph(), nil
	}
	t := s
	if !strings.HasPrefix(t, "15 CFR ") {
		t = "15 CFR " + t
	}
	c, err := fdp.ParseCitation(t)
	if err != nil {
		return Paragraph{}, fmt.Errorf("%w: %q is neither \"none\" nor a paragraph of %s (%v)", product.ErrInvalid, s, sectionOf(code), err)
	}
	sec := sectionOf(code)
	if !sec.Covers(c) {
		return Paragraph{}, fmt.Errorf("%w: %q is not a paragraph of %s (License Exception %s)", product.ErrInvalid, s, sec, code)
	}
	// A paragraph the text does not print ("740.11(z)(7)") is no statement
	// of terms met: an error, not an exception found available.
	if ok, commit := paragraphRead(sec, c); !ok {
		return Paragraph{}, fmt.Errorf("%w: %q is not a paragraph of %s as printed in the text read, or it is \"[Reserved]\" there (eCFR mirror MichalOpoka/ecfr at %.7s)", product.ErrInvalid, s, sec, commit)
	}
	return ParagraphOf(c), nil
}

// sectionOf returns the section of code's exception.
func sectionOf(code Code) fdp.Citation {
	for i := range exceptionTable {
		if exceptionTable[i].Code == code {
			return exceptionTable[i].Citation
		}
	}
	return fdp.Citation{}
}

// IsZero reports whether nothing was stated (the fact is unknown).
func (p Paragraph) IsZero() bool { return !p.none && !p.cite.IsValid() }

// None reports whether the caller states that no paragraph is met.
func (p Paragraph) None() bool { return p.none }

// Citation returns the paragraph stated; the zero Citation for none or
// not given.
func (p Paragraph) Citation() fdp.Citation { return p.cite }

// String returns the wire form: "740.9(a)(9)", "none", or "" when not
// given.
func (p Paragraph) String() string {
	switch {
	case p.none:
		return "none"
	case p.cite.IsValid():
		return strings.TrimPrefix(p.cite.String(), "15 CFR ")
	}
	return ""
}

// Facts are the facts of a transaction that the License Exceptions need and
// only the caller knows: the wire format's exception_facts. Every fact is
// optional; a fact not given leaves the exceptions that need it
// indeterminate, never available.
type Facts struct {
	// OrderValue is the net value of the commodities in the same order
	// controlled under the item's ECCN (LVS, 740.3(b), (c)(2)); the zero
	// Money when not given. Compared in U.S. dollars: another currency is
	// converted with the request's exchange rates.
	OrderValue product.Money
	// AnnualValue is the value of this calendar year's exports to the
	// same ultimate consignee under the ECCN, this order included (LVS,
	// 740.3(d)(2)); the zero Money when not given.
	AnnualValue product.Money
	// Encryption is the item's status under 740.17 (ENC), in the
	// vocabulary of a component line's encryption; zero when not given.
	Encryption product.EncryptionStatus
	// GovernmentEndUser says whether the end user is a "government end
	// user" (ENC, 740.17(b)(2)).
	GovernmentEndUser product.OptBool

	meets [numCodes]Paragraph
	// othersNone: the exceptions not named in meets are stated as met by
	// no paragraph (the wire's "*": "none").
	othersNone bool
}

// Meets returns what the caller states of exception c's terms: the
// paragraph met, none, or the zero Paragraph when not given.
func (f Facts) Meets(c Code) Paragraph {
	if !c.IsValid() {
		return Paragraph{}
	}
	if f.meets[c].IsZero() && f.othersNone {
		return NoParagraph()
	}
	return f.meets[c]
}

// WithOthersNone returns f stating that the export meets no paragraph of
// any exception not named with WithMeets (the wire's "*": "none"), as an
// order system states for a plain sale: no temporary export, replacement,
// government end use or baggage.
func (f Facts) WithOthersNone(none bool) Facts {
	f.othersNone = none
	return f
}

// OthersNone reports whether f states that the exceptions not named meet
// no paragraph.
func (f Facts) OthersNone() bool { return f.othersNone }

// WithMeets returns f with the statement p for exception c (the zero
// Paragraph takes the statement back).
func (f Facts) WithMeets(c Code, p Paragraph) Facts {
	if c.IsValid() {
		f.meets[c] = p
	}
	return f
}

// IsZero reports whether no fact is given (for encoding/json's omitzero).
func (f Facts) IsZero() bool { return f == Facts{} }

// Equal reports whether f and g state the same facts.
func (f Facts) Equal(g Facts) bool {
	return moneyEqual(f.OrderValue, g.OrderValue) && moneyEqual(f.AnnualValue, g.AnnualValue) &&
		f.Encryption == g.Encryption && f.GovernmentEndUser == g.GovernmentEndUser && f.meets == g.meets && f.othersNone == g.othersNone
}

func moneyEqual(a, b product.Money) bool {
	return a.IsValid() == b.IsValid() && (!a.IsValid() || a.Equal(b))
}

// Validate checks the facts: amounts not negative, a valid encryption
// status. Errors are a *product.FieldError naming the field relative to
// exception_facts ("order_value").
func (f Facts) Validate() error {
	for _, m := range []struct {
		name string
		v    product.Money
	}{{"order_value", f.OrderValue}, {"annual_value", f.AnnualValue}} {
		if m.v.IsValid() && m.v.IsNegative() {
			return &product.FieldError{Field: m.name + ".amount", Err: fmt.Errorf("%w: a value is not negative", product.ErrInvalid)}
		}
	}
	if f.Encryption != 0 && !f.Encryption.IsValid() {
		return &product.FieldError{Field: "encryption", Err: fmt.Errorf("%w: %d is not an encryption status", product.ErrInvalid, uint8(f.Encryption))}
	}
	if !f.GovernmentEndUser.IsValid() {
		return &product.FieldError{Field: "government_end_user", Err: fmt.Errorf("%w: not a yes/no fact", product.ErrInvalid)}
	}
	return nil
}

// UnmarshalJSON decodes exception_facts strictly: {"order_value": money,
// "annual_value": money, "encryption": "740.17(b)(1)",
// "government_end_user": bool, "meets": {"TMP": "740.9(a)(9)", "TSR":
// "none", "*": "none", ...}} ("*" names every exception not named), each member given at most once, no other member, null
// the same as absent. Errors are a *product.FieldError naming the member
// relative to exception_facts ("meets.TMP"), the first in document order.
func (f *Facts) UnmarshalJSON(data []byte) error {
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return &product.FieldError{Err: wire.Malformed("want a JSON object, got %s", wire.Describe(data))}
	}
	var v Facts
	err := wire.Object(data, product.NewFieldError, func(k string, raw []byte) error {
		if wire.IsNull(raw) {
			switch k {
			case "order_value", "annual_value", "encryption", "government_end_user", "meets":
				return nil
			}
		}
		switch k {
		case "order_value":
			return v.OrderValue.UnmarshalJSON(raw)
		case "annual_value":
			return v.AnnualValue.UnmarshalJSON(raw)
		case "encryption":
			var s string
			if err := wire.DecodeString(raw, &s); err != nil {
				return err
			}
			return v.Encryption.UnmarshalText([]byte(s))
		case "government_end_user":
			return v.GovernmentEndUser.UnmarshalJSON(raw)
		case "meets":
			return decodeMeets(raw, &v)
		}
		return product.ErrUnknownField
	})
	if err != nil {
		return err
	}
	if err := v.Validate(); err != nil {
		return err
	}
	*f = v
	return nil
}

func decodeMeets(raw []byte, v *Facts) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return wire.Malformed("want a JSON object of exception codes, got %s", wire.Describe(raw))
	}
	return wire.Object(raw, product.NewFieldError, func(k string, m []byte) error {
		if k == "*" {
			var s string
			if err := wire.DecodeString(m, &s); err != nil {
				return err
			}
			if s != "none" {
				return fmt.Errorf("%w: \"*\" takes only \"none\" (the exceptions not named meet no paragraph), got %q", product.ErrInvalid, s)
			}
			v.othersNone = true
			return nil
		}
		c, err := ParseCode(k)
		if err != nil {
			return fmt.Errorf("%w: %q is not a license exception the SDK evaluates", product.ErrUnknownField, k)
		}
		if !v.meets[c].IsZero() {
			return fmt.Errorf("%w: %s given twice", product.ErrDuplicate, c)
		}
		if wire.IsNull(m) {
			return nil
		}
		var s string
		if err := wire.DecodeString(m, &s); err != nil {
			return err
		}
		p, err := ParseParagraph(c, s)
		if err != nil {
			return err
		}
		v.meets[c] = p
		return nil
	})
}

// MarshalJSON writes the facts in the wire form UnmarshalJSON reads; facts
// not given are left out.
func (f Facts) MarshalJSON() ([]byte, error) {
	type out struct {
		OrderValue        *product.Money            `json:"order_value,omitempty"`
		AnnualValue       *product.Money            `json:"annual_value,omitempty"`
		Encryption        *product.EncryptionStatus `json:"encryption,omitempty"`
		GovernmentEndUser *product.OptBool          `json:"government_end_user,omitempty"`
		Meets             *json.RawMessage          `json:"meets,omitempty"`
	}
	var o out
	if f.OrderValue.IsValid() {
		o.OrderValue = &f.OrderValue
	}
	if f.AnnualValue.IsValid() {
		o.AnnualValue = &f.AnnualValue
	}
	if f.Encryption != 0 {
		o.Encryption = &f.Encryption
	}
	if f.GovernmentEndUser.Given() {
		o.GovernmentEndUser = &f.GovernmentEndUser
	}
	var m []byte
	for c := LVS; c < numCodes; c++ {
		if f.meets[c].IsZero() {
			continue
		}
		if len(m) == 0 {
			m = append(m, '{')
		} else {
			m = append(m, ',')
		}
		m = wire.AppendString(m, c.String())
		m = append(m, ':')
		m = wire.AppendString(m, f.meets[c].String())
	}
	if f.othersNone {
		if len(m) == 0 {
			m = append(m, '{')
		} else {
			m = append(m, ',')
		}
		m = append(m, `"*":"none"`...)
	}
	if len(m) > 0 {
		raw := json.RawMessage(append(m, '}'))
		o.Meets = &raw
	}
	return json.Marshal(o)
}
