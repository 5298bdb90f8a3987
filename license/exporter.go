package license

import (
	"bytes"
	"encoding/json"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// Exporter is the entity that exports the item from abroad or reexports
// it, as the exclusions of 15 CFR 742.4(a)(4)(ii)(B) and
// 742.6(a)(6)(i)(A)(2)(ii) read it: the country it is located in, the
// country it is headquartered in, and the country its ultimate parent
// company is headquartered in (its own headquarters when it has no parent).
// Each zero member is unknown; the zero Exporter states nothing.
//
// On the wire: "exporter": {"located_in": "JP", "headquarters": "JP",
// "ultimate_parent_headquarters": "JP"}, each member optional.
type Exporter struct {
	LocatedIn                  jurisdiction.Country
	Headquarters               jurisdiction.Country
	UltimateParentHeadquarters jurisdiction.Country
}

// IsZero reports whether e states nothing.
func (e Exporter) IsZero() bool { return e == Exporter{} }

// complete reports whether every member is stated.
func (e Exporter) complete() bool {
	return e.LocatedIn.IsValid() && e.Headquarters.IsValid() && e.UltimateParentHeadquarters.IsValid()
}

// MarshalJSON writes the stated members.
func (e Exporter) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		LocatedIn                  string `json:"located_in,omitempty"`
		Headquarters               string `json:"headquarters,omitempty"`
		UltimateParentHeadquarters string `json:"ultimate_parent_headquarters,omitempty"`
	}{e.LocatedIn.String(), e.Headquarters.String(), e.UltimateParentHeadquarters.String()})
}

// UnmarshalJSON reads the wire form: an object whose members are country
// codes, each given at most once, no other member. Errors are a
// *product.FieldError naming the member ("exporter.located_in").
func (e *Exporter) UnmarshalJSON(data []byte) error {
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return &product.FieldError{Field: "exporter", Err: wire.Malformed("want a JSON object, got %s", wire.Describe(data))}
	}
	var v Exporter
	err := wire.Object(data, product.NewFieldError, func(k string, raw []byte) error {
		var dst *jurisdiction.Country
		switch k {
		case "located_in":
			dst = &v.LocatedIn
		case "headquarters":
			dst = &v.Headquarters
		case "ultimate_parent_headquarters":
			dst = &v.UltimateParentHeadquarters
		default:
			return product.ErrUnknownField
		}
		if wire.IsNull(raw) {
			return nil
		}
		var s string
		if err := wire.DecodeString(raw, &s); err != nil {
			return err
		}
		c, err := jurisdiction.ParseCountry(s)
		if err != nil {
			return err
		}
		*dst = c
		return nil
	})
	if err != nil {
		if fe, ok := err.(*product.FieldError); ok {
			fe.Field = "exporter." + fe.Field
			return fe
		}
		return &product.FieldError{Field: "exporter", Err: err}
	}
	*e = v
	return nil
}
