package product

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"strings"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
)

// DirectProduct is one entry of a lineage: the technology or software that
// an item, or the plant or major component that produced it, is a direct
// product of (15 CFR 734.9), as the wire format's direct_product_of[]
// entries state it.
//
// DirectProduct is a plain record of the caller's facts; it holds no
// decimal and compares with ==. Item.Validate checks it.
type DirectProduct struct {
	// ECCN classifies the technology or software (a product group D or E
	// entry, or EAR99). Required.
	ECCN ECCN
	// Origin of that technology or software: OriginUS, OriginForeign,
	// OriginForeignSubjectToEAR or OriginUnknown. Required; a lineage entry
	// whose origin is not known says OriginUnknown.
	Origin Origin
	// For is the ECCN the technology or software is "for" (3A090 for a
	// 3E001 entry), where a rule depends on it. The zero ECCN: not given.
	For ECCN
	// WrittenAssurance states whether the exporter holds the written
	// assurance of 15 CFR 734.9(b); BoolNotGiven when not stated.
	WrittenAssurance OptBool
	// DeveloperHeadquarteredIn is the country of the ultimate parent of the
	// developer; the zero Country when not given.
	DeveloperHeadquarteredIn jurisdiction.Country
}

// String returns a short description for traces: "3E001 (us)", "3E001 for
// 3A090 (us)".
func (p DirectProduct) String() string {
	var b strings.Builder
	b.WriteString(p.ECCN.String())
	if p.For.IsValid() {
		b.WriteString(" for ")
		b.WriteString(p.For.String())
	}
	b.WriteString(" (")
	b.WriteString(p.Origin.String())
	b.WriteString(")")
	return b.String()
}

// directProductJSON is DirectProduct in the wire format (for marshaling).
type directProductJSON struct {
	ECCN                     ECCN    `json:"eccn,omitzero"`
	Origin                   Origin  `json:"origin,omitzero"`
	For                      ECCN    `json:"for,omitzero"`
	WrittenAssurance         OptBool `json:"written_assurance,omitzero"`
	DeveloperHeadquarteredIn string  `json:"developer_headquartered_in,omitempty"`
}

// MarshalJSON implements json.Marshaler in the wire format: {"eccn":
// "3E001", "origin": "us", "for": "3A090", "written_assurance": true,
// "developer_headquartered_in": "US"}, leaving out what is not given.
func (p DirectProduct) MarshalJSON() ([]byte, error) {
	return json.Marshal(directProductJSON{
		ECCN:                     p.ECCN,
		Origin:                   p.Origin,
		For:                      p.For,
		WrittenAssurance:         p.WrittenAssurance,
		DeveloperHeadquarteredIn: p.DeveloperHeadquarteredIn.String(),
	})
}

// UnmarshalJSON implements json.Unmarshaler for the wire format. Unknown
// members and malformed values are a *FieldError naming the member;
// required members that are missing are left for Item.Validate to report.
func (p *DirectProduct) UnmarshalJSON(data []byte) error {
	if wire.IsNull(data) {
		return nil
	}
	var v DirectProduct
	err := decodeObject(data, func(key string, raw []byte) error {
		switch key {
		case "eccn":
			return decodeText(raw, func(s string) (err error) { v.ECCN, err = ParseECCN(s); return })
		case "origin":
			return decodeText(raw, func(s string) (err error) { v.Origin, err = ParseOrigin(s); return })
		case "for":
			return decodeText(raw, func(s string) (err error) { v.For, err = ParseECCN(s); return })
		case "written_assurance":
			return v.WrittenAssurance.UnmarshalJSON(raw)
		case "developer_headquartered_in":
			return decodeText(raw, func(s string) (err error) {
				v.DeveloperHeadquarteredIn, err = jurisdiction.ParseCountry(s)
				return
			})
		}
		return errUnknownField
	})
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Lineage is what an item (or the plant that produced it) is a direct
// product of: a list of DirectProduct entries that is either known or
// unknown. The wire format keeps the two apart, and so does Lineage: an
// absent direct_product_of is unknown (Known reports false), an empty one
// ("[]") is known to be none.
//
// The zero Lineage is unknown. Lineage is immutable: LineageOf copies its
// arguments and Entries returns a copy. Compare with Equal.
type Lineage struct {
	known   bool
	entries []DirectProduct
}

// NoLineage returns the known, empty lineage: the item is a direct product
// of no US technology or software (the wire format's "[]").
func NoLineage() Lineage { return Lineage{known: true} }

// LineageOf returns the known lineage made of entries, in order. With no
// arguments it is NoLineage.
func LineageOf(entries ...DirectProduct) Lineage {
	if len(entries) == 0 {
		return NoLineage()
	}
	return Lineage{known: true, entries: append([]DirectProduct(nil), entries...)}
}

// Known reports whether the lineage was stated (possibly as none). The zero
// Lineage is not known.
func (l Lineage) Known() bool { return l.known }

// IsZero reports whether l is the zero Lineage, that is, unknown. It makes
// encoding/json's omitzero leave an unknown lineage out, as the wire format
// writes it.
func (l Lineage) IsZero() bool { return !l.known }

// Len returns the number of entries (0 for an unknown or empty lineage).
func (l Lineage) Len() int { return len(l.entries) }

// All returns an iterator over the entries and their indexes, in order.
func (l Lineage) All() iter.Seq2[int, DirectProduct] {
	return func(yield func(int, DirectProduct) bool) {
		for i, e := range l.entries {
			if !yield(i, e) {
				return
			}
		}
	}
}

// Entries returns a copy of the entries: nil for an unknown lineage and an
// empty, non-nil slice for a known empty one.
func (l Lineage) Entries() []DirectProduct {
	if !l.known {
		return nil
	}
	return append([]DirectProduct{}, l.entries...)
}

// Equal reports whether l and m are both unknown, or both known with the
// same entries in the same order.
func (l Lineage) Equal(m Lineage) bool {
	if l.known != m.known || len(l.entries) != len(m.entries) {
		return false
	}
	for i := range l.entries {
		if l.entries[i] != m.entries[i] {
			return false
		}
	}
	return true
}

// String returns "unknown", "none", or the entries separated by commas
// ("3E001 (us), 3D991 (us)").
func (l Lineage) String() string {
	switch {
	case !l.known:
		return "unknown"
	case len(l.entries) == 0:
		return "none"
	}
	parts := make([]string, len(l.entries))
	for i, e := range l.entries {
		parts[i] = e.String()
	}
	return strings.Join(parts, ", ")
}

// MarshalJSON implements json.Marshaler: a JSON array for a known lineage
// ("[]" for none) and null for an unknown one. Tag a Lineage field
// omitzero to leave an unknown lineage out instead.
func (l Lineage) MarshalJSON() ([]byte, error) {
	if !l.known {
		return []byte("null"), nil
	}
	if len(l.entries) == 0 {
		return []byte("[]"), nil
	}
	return json.Marshal(l.entries)
}

// UnmarshalJSON implements json.Unmarshaler: a JSON array makes a known
// lineage ("[]" is none); null leaves l unchanged (a fresh Lineage stays
// unknown). A malformed entry is a *FieldError named by its index and
// member ("[1].origin").
func (l *Lineage) UnmarshalJSON(data []byte) error {
	if wire.IsNull(data) {
		return nil
	}
	if r := bytes.TrimSpace(data); len(r) == 0 || r[0] != '[' {
		return wire.Malformed("want a JSON array, got %s", wire.Describe(data))
	}
	v := Lineage{known: true}
	start := func(n int) {
		if n > 0 {
			v.entries = make([]DirectProduct, n)
		}
	}
	err := wire.EachElement(data, start, func(i int, raw []byte) error {
		if wire.IsNull(raw) {
			return fieldErr(fmt.Sprintf("[%d]", i), ErrMissing, "null is not a lineage entry")
		}
		if err := v.entries[i].UnmarshalJSON(raw); err != nil {
			return NewFieldError(fmt.Sprintf("[%d]", i), err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// validateLineage appends to errs a *FieldError for each problem of the
// entries of l, whose path is path ("item.direct_product_of").
func validateLineage(path string, l Lineage, errs []error) []error {
	for i, e := range l.entries {
		switch k := e.ECCN.Kind(); {
		case !e.ECCN.IsValid():
			errs = append(errs, fieldErr(at(path, i, ".eccn"), ErrMissing, "required: the ECCN of the technology or software (EAR99 if it is not on the CCL)"))
		case k == Commodity:
			errs = append(errs, fieldErr(at(path, i, ".eccn"), ErrInconsistent, "%s is a commodity; an item is a direct product of technology or software (product group D or E)", e.ECCN))
		}
		switch {
		case e.Origin == 0:
			errs = append(errs, fieldErr(at(path, i, ".origin"), ErrMissing, `required: "us", "foreign", "foreign_subject_to_ear" or "unknown"`))
		case !e.Origin.IsValid():
			errs = append(errs, fieldErr(at(path, i, ".origin"), ErrInvalid, "origin %d is not a valid origin", uint8(e.Origin)))
		}
		if !e.WrittenAssurance.IsValid() {
			errs = append(errs, fieldErr(at(path, i, ".written_assurance"), ErrInvalid, "%d is not a valid yes/no value", uint8(e.WrittenAssurance)))
		}
	}
	return errs
}
