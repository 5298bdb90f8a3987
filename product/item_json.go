package product

import (
	"bytes"
	"encoding/json"
	"fmt"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
)

// The JSON wire format of Item and Line (DESIGN.md): strict decoding, member
// by member, and the encoding DecodeRequest reads back.

// plantJSON is the wire format's "plant" object.
type plantJSON struct {
	DirectProductOf Lineage `json:"direct_product_of,omitzero"`
}

// oneTimeReportJSON is the wire format's "one_time_report" object.
type oneTimeReportJSON struct {
	FiledOn   jurisdiction.Date `json:"filed_on,omitzero"`
	Objection bool              `json:"objection"`
}

type lineJSON struct {
	ID                string           `json:"id,omitempty"`
	Description       string           `json:"description,omitempty"`
	ECCN              ECCN             `json:"eccn,omitzero"`
	Origin            Origin           `json:"origin,omitzero"`
	Value             *Money           `json:"value,omitempty"`
	Quantity          Quantity         `json:"quantity,omitzero"`
	Relation          Relation         `json:"relation,omitzero"`
	LicenseRequired   OptBool          `json:"license_required,omitzero"`
	Encryption        EncryptionStatus `json:"encryption,omitzero"`
	HTS               HTS              `json:"hts,omitzero"`
	IntegratedCircuit OptBool          `json:"integrated_circuit,omitzero"`
	For               ECCN             `json:"for,omitzero"`
	FoodOrMedicine    OptBool          `json:"food_or_medicine,omitzero"`
	Plant             *plantJSON       `json:"plant,omitempty"`
}

type itemJSON struct {
	ID              string             `json:"id,omitempty"`
	Description     string             `json:"description,omitempty"`
	ECCN            ECCN               `json:"eccn,omitzero"`
	For             ECCN               `json:"for,omitzero"`
	Kind            Kind               `json:"kind,omitzero"`
	ProducedIn      string             `json:"produced_in,omitempty"`
	Value           *Money             `json:"value,omitempty"`
	Components      []Line             `json:"components,omitzero"`
	DirectProductOf Lineage            `json:"direct_product_of,omitzero"`
	Plant           *plantJSON         `json:"plant,omitempty"`
	HTS             HTS                `json:"hts,omitzero"`
	FoodOrMedicine  OptBool            `json:"food_or_medicine,omitzero"`
	OneTimeReport   *oneTimeReportJSON `json:"one_time_report,omitempty"`
}

func optMoney(m Money) *Money {
	if !m.IsValid() {
		return nil
	}
	return &m
}

func optPlant(l Lineage) *plantJSON {
	if !l.Known() {
		return nil
	}
	return &plantJSON{DirectProductOf: l}
}

// MarshalJSON implements json.Marshaler in the wire format's
// components[] form, leaving out what is not given. An invalid enum value
// is an error.
func (l Line) MarshalJSON() ([]byte, error) {
	return json.Marshal(lineJSON{
		ID: l.ID, Description: l.Description, ECCN: l.ECCN, Origin: l.Origin,
		Value: optMoney(l.Value), Quantity: l.Quantity, Relation: l.Relation,
		LicenseRequired: l.LicenseRequired, Encryption: l.Encryption, HTS: l.HTS,
		IntegratedCircuit: l.IntegratedCircuit, For: l.For, FoodOrMedicine: l.FoodOrMedicine, Plant: optPlant(l.Plant),
	})
}

// UnmarshalJSON implements json.Unmarshaler for the wire format's
// components[] form. It rejects unknown and repeated members and malformed
// values with a *FieldError naming the member ("value.amount"), applies
// the wire format's default quantity of 1 (WithDefaultQuantity), and
// leaves every other rule to Item.Validate.
func (l *Line) UnmarshalJSON(data []byte) error { return l.decode(nil, data) }

// decode is UnmarshalJSON on data, a value of the document doc (nil: none).
func (l *Line) decode(doc *wire.Doc, data []byte) error {
	if v, ok := plainLine(data, ""); ok {
		*l = v
		return nil
	}
	return l.decodeAny(doc, data)
}

// decodeAny is decode without plainLine: any form of the object.
func (l *Line) decodeAny(doc *wire.Doc, data []byte) error {
	if wire.IsNull(data) {
		return nil
	}
	var v Line
	err := wire.ObjectIn(doc, data, NewFieldError, func(key string, raw []byte) error {
		switch key {
		case "id":
			return wire.DecodeString(raw, &v.ID)
		case "description":
			return wire.DecodeString(raw, &v.Description)
		case "eccn":
			return decodeText(raw, func(s string) (err error) { v.ECCN, err = ParseECCN(s); return })
		case "origin":
			if b, ok := wire.PlainBody(raw); ok { // read in place: no copy of the text
				var err error
				v.Origin, err = ParseOrigin(string(b))
				return err
			}
			return decodeText(raw, func(s string) (err error) { v.Origin, err = ParseOrigin(s); return })
		case "value":
			return v.Value.decode(doc, raw)
		case "quantity":
			if b, ok := wire.PlainBody(raw); ok {
				var err error
				v.Quantity, err = ParseQuantity(string(b))
				return err
			}
			return decodeText(raw, func(s string) (err error) { v.Quantity, err = ParseQuantity(s); return })
		case "relation":
			if b, ok := wire.PlainBody(raw); ok {
				var err error
				v.Relation, err = ParseRelation(string(b))
				return err
			}
			return decodeText(raw, func(s string) (err error) { v.Relation, err = ParseRelation(s); return })
		case "license_required":
			return v.LicenseRequired.UnmarshalJSON(raw)
		case "encryption":
			return decodeText(raw, func(s string) (err error) { v.Encryption, err = ParseEncryptionStatus(s); return })
		case "hts":
			return decodeText(raw, func(s string) (err error) { v.HTS, err = ParseHTS(s); return })
		case "integrated_circuit":
			return v.IntegratedCircuit.UnmarshalJSON(raw)
		case "for":
			return decodeText(raw, func(s string) (err error) { v.For, err = ParseECCN(s); return })
		case "food_or_medicine":
			return v.FoodOrMedicine.UnmarshalJSON(raw)
		case "plant":
			return decodePlant(raw, &v.Plant)
		}
		return errUnknownField
	})
	if err != nil {
		return err
	}
	*l = v.WithDefaultQuantity()
	return nil
}

// decodePlant decodes the wire format's {"direct_product_of": [...]}.
func decodePlant(raw []byte, l *Lineage) error {
	if wire.IsNull(raw) {
		return nil
	}
	return decodeObject(raw, func(key string, raw []byte) error {
		if key == "direct_product_of" {
			return l.UnmarshalJSON(raw)
		}
		return errUnknownField
	})
}

// MarshalJSON implements json.Marshaler in the wire format's "item" form,
// leaving out what is not given (an unknown lineage is left out, a known
// empty one is written as []). An invalid enum value is an error.
func (it Item) MarshalJSON() ([]byte, error) {
	v := itemJSON{
		ID: it.ID, Description: it.Description, ECCN: it.ECCN, For: it.For, Kind: it.Kind,
		ProducedIn: it.ProducedIn.String(), Value: optMoney(it.Value),
		Components: it.Components, DirectProductOf: it.DirectProductOf,
		Plant: optPlant(it.Plant), HTS: it.HTS, FoodOrMedicine: it.FoodOrMedicine,
	}
	if it.OneTimeReport.Given() {
		v.OneTimeReport = &oneTimeReportJSON{FiledOn: it.OneTimeReport.FiledOn, Objection: it.OneTimeReport.Objection}
	}
	return json.Marshal(v)
}

// UnmarshalJSON implements json.Unmarshaler for the wire format's "item"
// object. Unknown or repeated members and malformed values are a
// *FieldError whose path starts at "item" ("item.components[2].eccn"), as
// Validate's are; the first such problem stops decoding. Components
// without a quantity get the wire format's default of 1. A successful
// decode still needs Validate for the rules across fields.
func (it *Item) UnmarshalJSON(data []byte) error {
	if v, ok := plainItem(data); ok {
		*it = v
		return nil
	}
	return it.decodeAny(data)
}

// decodeAny is UnmarshalJSON without plainItem: any form of the object.
func (it *Item) decodeAny(data []byte) error {
	if wire.IsNull(data) {
		return nil
	}
	// The item is read as one document: the lines and their values find
	// where their objects end from it (nil when the item is not valid
	// JSON: the decoders below then report the syntax error where they
	// meet it).
	doc, _ := wire.NewDoc(data)
	var v Item
	err := wire.ObjectIn(doc, data, NewFieldError, func(key string, raw []byte) error {
		switch key {
		case "id":
			return wire.DecodeString(raw, &v.ID)
		case "description":
			return wire.DecodeString(raw, &v.Description)
		case "eccn":
			return decodeText(raw, func(s string) (err error) { v.ECCN, err = ParseECCN(s); return })
		case "for":
			return decodeText(raw, func(s string) (err error) { v.For, err = ParseECCN(s); return })
		case "kind":
			return decodeText(raw, func(s string) (err error) { v.Kind, err = ParseKind(s); return })
		case "produced_in":
			return decodeText(raw, func(s string) (err error) { v.ProducedIn, err = jurisdiction.ParseCountry(s); return })
		case "value":
			return v.Value.decode(doc, raw)
		case "components":
			return decodeLines(doc, raw, &v.Components)
		case "direct_product_of":
			return v.DirectProductOf.UnmarshalJSON(raw)
		case "plant":
			return decodePlant(raw, &v.Plant)
		case "hts":
			return decodeText(raw, func(s string) (err error) { v.HTS, err = ParseHTS(s); return })
		case "food_or_medicine":
			return v.FoodOrMedicine.UnmarshalJSON(raw)
		case "one_time_report":
			return decodeOneTimeReport(raw, &v.OneTimeReport)
		}
		return errUnknownField
	})
	if err != nil {
		return NewFieldError("item", err)
	}
	*it = v
	return nil
}

func decodeLines(doc *wire.Doc, raw []byte, lines *[]Line) error {
	if wire.IsNull(raw) {
		return nil
	}
	if r := bytes.TrimSpace(raw); len(r) == 0 || r[0] != '[' {
		return wire.Malformed("want a JSON array, got %s", wire.Describe(raw))
	}
	var out []Line
	// The lines' texts (ids, descriptions, ECCNs) are substrings of one
	// copy of the array's text, made here once, not a string each.
	text := string(raw)
	err := doc.EachElement(raw, func(n int) { out = make([]Line, n) }, func(i int, r []byte) error {
		if wire.IsNull(r) {
			return fieldErr(fmt.Sprintf("[%d]", i), ErrMissing, "null is not a line")
		}
		// r is a slice of raw: its offset there places it in text.
		if off := cap(raw) - cap(r); len(r) > 0 && off >= 0 && off+len(r) <= len(raw) && &raw[off] == &r[0] {
			if v, ok := plainLine(r, text[off:off+len(r)]); ok {
				out[i] = v
				return nil
			}
		}
		if err := out[i].decode(doc, r); err != nil {
			return NewFieldError(fmt.Sprintf("[%d]", i), err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*lines = out
	return nil
}

// decodeOneTimeReport decodes {"filed_on": "YYYY-MM-DD", "objection":
// false}; both members are required.
func decodeOneTimeReport(raw []byte, r *OneTimeReport) error {
	if wire.IsNull(raw) {
		return nil
	}
	var v OneTimeReport
	var haveDate, haveObjection bool
	err := decodeObject(raw, func(key string, raw []byte) error {
		switch key {
		case "filed_on":
			haveDate = !wire.IsNull(raw)
			return decodeText(raw, func(s string) (err error) { v.FiledOn, err = jurisdiction.ParseDate(s); return })
		case "objection":
			var o OptBool
			if err := o.UnmarshalJSON(raw); err != nil {
				return err
			}
			haveObjection = o.Given()
			v.Objection = o.IsTrue()
			return nil
		}
		return errUnknownField
	})
	if err != nil {
		return err
	}
	if !haveDate {
		return fieldErr("filed_on", ErrMissing, "required: the date the report was filed")
	}
	if !haveObjection {
		return fieldErr("objection", ErrMissing, "required: true if BIS objected, false if not")
	}
	*r = v
	return nil
}
