package product

import (
	"bytes"
	"errors"
	"fmt"
	"hash/maphash"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
)

// Origin says where a bill-of-materials line or a lineage entry comes
// from, in the words of the wire format. The zero Origin is invalid: it
// means the origin was not stated, which Item.Validate rejects (a caller
// who does not know says OriginUnknown).
type Origin uint8

// The origins. A BOM line is OriginUS, OriginForeign or OriginUnknown;
// OriginForeignSubjectToEAR is for lineage entries only.
const (
	OriginUS                  Origin = iota + 1 // "us": US-origin
	OriginForeign                               // "foreign": not US-origin
	OriginForeignSubjectToEAR                   // "foreign_subject_to_ear": foreign-made but subject to the EAR
	OriginUnknown                               // "unknown": the caller does not know
)

var originNames = [...]string{"", "us", "foreign", "foreign_subject_to_ear", "unknown"}

// ParseOrigin parses "us", "foreign", "foreign_subject_to_ear" or
// "unknown"; anything else is an *EnumError.
func ParseOrigin(s string) (Origin, error) { return parseEnum[Origin]("origin", s, originNames[:]) }

// IsValid reports whether o is one of the four origins.
func (o Origin) IsValid() bool { return o >= OriginUS && o <= OriginUnknown }

// String returns the wire text ("us"), or "" for an invalid Origin.
func (o Origin) String() string { return enum.String(o, originNames[:]) }

// MarshalText implements encoding.TextMarshaler; an invalid Origin is an
// error.
func (o Origin) MarshalText() ([]byte, error) {
	return enum.Text("Origin", o, originNames[:], ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Origin) UnmarshalText(b []byte) error { return enum.Unmarshal(o, string(b), ParseOrigin) }

// Relation says how a bill-of-materials line goes into the item, which
// decides whether it is content for de minimis (Supplement No. 2 to part
// 734) and how its kind must fit the item's. The zero Relation is invalid.
//
// Item.Validate enforces these pairings, the three kinds of content that
// the de minimis rules of 15 CFR 734.4(c) and (d) and Supplement No. 2 to
// part 734 count:
//
//   - Incorporated: a commodity line built into a commodity item.
//   - Bundled: a software line shipped with, and configured for, a
//     commodity item.
//   - Commingled: a software line in a software item, or a technology line
//     in a technology item ("commingled with or drawn from").
//
// A line's kind is known from its ECCN's product group (A, B, C commodity;
// D software; E technology). An EAR99 or unclassified line has no kind of
// its own, and only the item's side of the pairing is checked.
type Relation uint8

// The relations of a line to its item.
const (
	Incorporated Relation = iota + 1 // "incorporated": a commodity in a commodity
	Bundled                          // "bundled": software with a commodity
	Commingled                       // "commingled": software in software, technology in technology
)

var relationNames = [...]string{"", "incorporated", "bundled", "commingled"}

// ParseRelation parses "incorporated", "bundled" or "commingled"; anything
// else is an *EnumError.
func ParseRelation(s string) (Relation, error) {
	return parseEnum[Relation]("relation", s, relationNames[:])
}

// IsValid reports whether r is one of the three relations.
func (r Relation) IsValid() bool { return r >= Incorporated && r <= Commingled }

// String returns the wire text ("incorporated"), or "" for an invalid
// Relation.
func (r Relation) String() string { return enum.String(r, relationNames[:]) }

// MarshalText implements encoding.TextMarshaler; an invalid Relation is an
// error.
func (r Relation) MarshalText() ([]byte, error) {
	return enum.Text("Relation", r, relationNames[:], ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Relation) UnmarshalText(b []byte) error { return enum.Unmarshal(r, string(b), ParseRelation) }

// EncryptionStatus is the status under 15 CFR 740.17 of a Category 5 Part 2
// line, which the encryption conditions of 15 CFR 734.4(b) depend on. The
// zero EncryptionStatus means not given; EncryptionUnknown says explicitly
// that the caller does not know.
type EncryptionStatus uint8

// The encryption statuses.
const (
	EncryptionMassMarket EncryptionStatus = iota + 1 // "mass_market": a mass-market item (5A992.c, 5D992.c)
	EncryptionB1                                     // "740.17(b)(1)": self-classified under 740.17(b)(1)
	EncryptionB2                                     // "740.17(b)(2)": classified by BIS under 740.17(b)(2)
	EncryptionB3                                     // "740.17(b)(3)": classified by BIS under 740.17(b)(3)
	EncryptionUnknown                                // "unknown": not known
)

var encryptionNames = [...]string{"", "mass_market", "740.17(b)(1)", "740.17(b)(2)", "740.17(b)(3)", "unknown"}

// ParseEncryptionStatus parses "mass_market", "740.17(b)(1)",
// "740.17(b)(2)", "740.17(b)(3)" or "unknown"; anything else is an
// *EnumError.
func ParseEncryptionStatus(s string) (EncryptionStatus, error) {
	return parseEnum[EncryptionStatus]("encryption status", s, encryptionNames[:])
}

// IsValid reports whether e is one of the five statuses.
func (e EncryptionStatus) IsValid() bool { return e >= EncryptionMassMarket && e <= EncryptionUnknown }

// String returns the wire text ("740.17(b)(1)"), or "" for the zero or an
// invalid EncryptionStatus.
func (e EncryptionStatus) String() string { return enum.String(e, encryptionNames[:]) }

// MarshalText implements encoding.TextMarshaler; the zero or an invalid
// EncryptionStatus is an error.
func (e EncryptionStatus) MarshalText() ([]byte, error) {
	return enum.Text("EncryptionStatus", e, encryptionNames[:], ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (e *EncryptionStatus) UnmarshalText(b []byte) error {
	return enum.Unmarshal(e, string(b), ParseEncryptionStatus)
}

// parseEnum parses the name of a value of the enumeration typ; anything
// else is an *EnumError listing the names.
func parseEnum[T ~uint8](typ, s string, names []string) (T, error) {
	if v, ok := enum.Parse[T](s, names); ok {
		return v, nil
	}
	return 0, &EnumError{Type: typ, Input: strings.Clone(s), Want: enum.Want(names)} // a copy: s is often a view of the request
}

// OptBool is an optional yes/no fact stated by the caller: not given, true
// or false. The zero OptBool is BoolNotGiven, so a field left out is not
// given, never false.
type OptBool uint8

// The three states of an OptBool.
const (
	BoolNotGiven OptBool = iota // the caller did not say
	BoolTrue                    // the caller said true
	BoolFalse                   // the caller said false
)

// OptBoolOf returns BoolTrue or BoolFalse.
func OptBoolOf(b bool) OptBool {
	if b {
		return BoolTrue
	}
	return BoolFalse
}

// Get returns the value and whether it was given.
func (o OptBool) Get() (value, given bool) { return o == BoolTrue, o == BoolTrue || o == BoolFalse }

// Given reports whether the caller stated the fact.
func (o OptBool) Given() bool { return o == BoolTrue || o == BoolFalse }

// IsTrue reports whether the fact was given as true.
func (o OptBool) IsTrue() bool { return o == BoolTrue }

// IsFalse reports whether the fact was given as false.
func (o OptBool) IsFalse() bool { return o == BoolFalse }

// IsValid reports whether o is one of the three states.
func (o OptBool) IsValid() bool { return o <= BoolFalse }

// IsZero reports whether the fact was not given; it makes encoding/json's
// omitzero leave the member out.
func (o OptBool) IsZero() bool { return o == BoolNotGiven }

// String returns "true", "false", or "" when not given (or invalid).
func (o OptBool) String() string {
	switch o {
	case BoolTrue:
		return "true"
	case BoolFalse:
		return "false"
	}
	return ""
}

// MarshalJSON implements json.Marshaler: true, false, or null when not
// given. An invalid OptBool is an error.
func (o OptBool) MarshalJSON() ([]byte, error) {
	switch o {
	case BoolTrue:
		return []byte("true"), nil
	case BoolFalse:
		return []byte("false"), nil
	case BoolNotGiven:
		return []byte("null"), nil
	}
	return nil, fmt.Errorf("product: cannot marshal %w OptBool %d", ErrInvalid, uint8(o))
}

// UnmarshalJSON implements json.Unmarshaler for true and false; null leaves
// o unchanged. Anything else (a string "true", a number) is an error.
func (o *OptBool) UnmarshalJSON(data []byte) error {
	switch string(bytes.TrimSpace(data)) {
	case "true":
		*o = BoolTrue
	case "false":
		*o = BoolFalse
	case "null":
	default:
		return wire.Malformed("want true or false, got %s", wire.Describe(data))
	}
	return nil
}

// HTS is a Harmonized Tariff Schedule of the United States code: a
// heading (4 digits, "8471"), subheading (6, "8471.30"), tariff line (8,
// "8471.30.01") or statistical reporting number (10, "8471.30.0100"). It
// is a small comparable value; the zero HTS is invalid and means not given.
type HTS struct {
	digits string // 4, 6, 8 or 10 ASCII digits; "" for the zero HTS
}

// ParseHTS parses an HTS code: 4, 6, 8 or 10 ASCII digits, optionally with
// a '.' after the 4th, 6th and 8th digit ("8471.30.0100", "8471300100",
// "8471.30.01.00"). The odd lengths are not levels of the schedule and are
// rejected, as is anything else, with an *HTSError.
func ParseHTS(s string) (HTS, error) {
	fail := func(msg string) (HTS, error) { return HTS{}, &HTSError{Input: s, Msg: msg} }
	if s == "" {
		return fail("empty")
	}
	var buf [10]byte
	n := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if n == len(buf) {
				return fail("more than 10 digits")
			}
			buf[n] = c
			n++
		case c == '.':
			if n != 4 && n != 6 && n != 8 || s[i-1] == '.' {
				return fail(fmt.Sprintf("'.' at offset %d: a '.' may only follow the 4th, 6th or 8th digit", i))
			}
			if i == len(s)-1 {
				return fail("ends with '.'")
			}
		default:
			r, _ := utf8.DecodeRuneInString(s[i:])
			return fail(fmt.Sprintf("unexpected %q at offset %d (want ASCII digits and '.')", r, i))
		}
	}
	if n != 4 && n != 6 && n != 8 && n != 10 {
		return fail(fmt.Sprintf("%d digits; want 4, 6, 8 or 10", n))
	}
	if len(s) == n {
		return HTS{digits: s}, nil
	}
	return HTS{digits: string(buf[:n])}, nil
}

// MustParseHTS is like ParseHTS but panics on error. It is intended for
// tests and constant text.
func MustParseHTS(s string) HTS {
	h, err := ParseHTS(s)
	if err != nil {
		panic(err)
	}
	return h
}

// IsValid reports whether h is an HTS code (not the zero HTS).
func (h HTS) IsValid() bool { return h.digits != "" }

// Digits returns the code's digits without dots ("8471300100").
func (h HTS) Digits() string { return h.digits }

// String returns the code in the schedule's dotted form: "8471",
// "8471.30", "8471.30.01", "8471.30.0100"; "" for the zero HTS.
func (h HTS) String() string {
	d := h.digits
	switch len(d) {
	case 4:
		return d
	case 6:
		return d[:4] + "." + d[4:]
	case 8, 10:
		return d[:4] + "." + d[4:6] + "." + d[6:]
	}
	return ""
}

// Covers reports whether h is g or a broader level of it: 8471.30 covers
// 8471.30.0100, 8471.30.0100 does not cover 8471.30. The zero HTS covers
// nothing and is covered by nothing.
func (h HTS) Covers(g HTS) bool {
	return h.IsValid() && g.IsValid() && strings.HasPrefix(g.digits, h.digits)
}

// MarshalText implements encoding.TextMarshaler with the dotted form; the
// zero HTS marshals as empty text.
func (h HTS) MarshalText() ([]byte, error) { return []byte(h.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler; empty text is an
// error.
func (h *HTS) UnmarshalText(b []byte) error {
	v, err := ParseHTS(string(b))
	if err != nil {
		return err
	}
	*h = v
	return nil
}

// Line is one line of a bill of materials, as the wire format's
// item.components[] entry states it: a part, software or technology that
// goes into the item, with its classification, origin, the value of one
// piece and the number of pieces.
//
// Line is a plain record of the caller's facts. Fields left at their zero
// value are "not given"; Item.Validate says which of those are required.
// It holds Money, so compare Lines with Equal.
type Line struct {
	// ID names the line in results ("c1"). Required, and unique within
	// the item.
	ID string
	// Description is free text for people.
	Description string
	// ECCN classifies the line. The zero ECCN means the classification
	// was not given, which is not EAR99.
	ECCN ECCN
	// Origin of the line: OriginUS, OriginForeign or OriginUnknown.
	// Required.
	Origin Origin
	// Value is the value of one piece (the line counts Value x Quantity).
	// Required; zero is allowed, negative is not. Its currency may differ
	// from the item's; conversion is done later, with stated rates.
	Value Money
	// Quantity is the number of pieces. Required and positive; the wire
	// format's default of 1 applies only through WithDefaultQuantity (the
	// JSON decoder uses it).
	Quantity Quantity
	// Relation says how the line goes into the item. Required.
	Relation Relation
	// LicenseRequired is the caller's own determination that this line,
	// exported to the destination, would or would not need a license;
	// BoolNotGiven lets the SDK derive it.
	LicenseRequired OptBool
	// Encryption is the 15 CFR 740.17 status of a Category 5 Part 2 line;
	// zero when not given.
	Encryption EncryptionStatus
	// HTS is the line's tariff code; zero when not given.
	HTS HTS
	// IntegratedCircuit states whether the line is an integrated circuit;
	// BoolNotGiven leaves it to be inferred from the ECCN where the CCL
	// decides it.
	IntegratedCircuit OptBool
	// For is, for a software or technology line, the ECCN of the item it
	// is for ("3A090.a" for 3E001 technology), as Item.For; the zero ECCN
	// when not given.
	For ECCN
	// FoodOrMedicine states whether an EAR99 line is food or medicine
	// (the embargo programs of part 746 except them); BoolNotGiven when not
	// said.
	FoodOrMedicine OptBool
	// Plant is the lineage of the plant that made this line (for the
	// rules that reach items containing an IC from such a plant). The zero
	// Lineage: unknown.
	Plant Lineage
}

// WithDefaultQuantity returns l with Quantity set to 1 if it was not given
// (is the zero Quantity), which is the wire format's default for
// components[].quantity. A quantity that was given, even zero or negative,
// is kept, so that validation can report it.
func (l Line) WithDefaultQuantity() Line {
	if !l.Quantity.IsValid() {
		l.Quantity = DefaultQuantity()
	}
	return l
}

// Total returns the value of the whole line, Value x Quantity, exactly, in
// the line's currency. It fails like Money.Mul for a missing value or a
// quantity that is missing or not positive.
func (l Line) Total() (Money, error) { return l.Value.Mul(l.Quantity) }

// Equal reports whether l and m state the same facts; amounts are compared
// numerically (Money.Equal, Quantity.Equal) and lineages with
// Lineage.Equal.
func (l Line) Equal(m Line) bool {
	return l.ID == m.ID && l.Description == m.Description && l.ECCN == m.ECCN &&
		l.Origin == m.Origin && l.Value.Equal(m.Value) && l.Quantity.Equal(m.Quantity) &&
		l.Relation == m.Relation && l.LicenseRequired == m.LicenseRequired &&
		l.Encryption == m.Encryption && l.HTS == m.HTS &&
		l.IntegratedCircuit == m.IntegratedCircuit && l.For == m.For &&
		l.FoodOrMedicine == m.FoodOrMedicine && l.Plant.Equal(m.Plant)
}

// OneTimeReport is the one-time report that technology de minimis depends
// on (Supplement No. 2 to part 734): when it was filed and whether BIS has
// objected. The zero OneTimeReport means no report was stated.
type OneTimeReport struct {
	FiledOn   jurisdiction.Date // the day the report was filed; required when a report is stated
	Objection bool              // whether BIS objected
}

// Given reports whether a report was stated (r is not the zero
// OneTimeReport).
func (r OneTimeReport) Given() bool { return r != OneTimeReport{} }

// Item is the foreign-made (or US) item a determination is about, with its
// bill of materials and lineage, as the wire format's "item" states it.
//
// Item is a plain record of the caller's facts: build it as a struct
// literal or decode it from JSON, then call Validate. Fields left at their
// zero value are "not given"; Validate says which are required. It holds
// Money, so compare Items with Equal.
type Item struct {
	// ID names the item for the caller; optional.
	ID string
	// Description is free text for people.
	Description string
	// ECCN classifies the item; the zero ECCN means not given (not EAR99).
	ECCN ECCN
	// For is, for software or technology, the ECCN of the item it is
	// "for" ("3A090.a" for 3E001 technology), which License Requirements
	// rows limited by what software or technology is for turn on; the
	// zero ECCN when not given. An extension of the wire format ("for"),
	// as lineage entries state it.
	For ECCN
	// Kind is commodity, software or technology. It may be left out when
	// the ECCN implies it (product groups A-E); when both are given they
	// must agree.
	Kind Kind
	// ProducedIn is the country where the item was made. Required.
	ProducedIn jurisdiction.Country
	// Value is the value of one item, the denominator of de minimis.
	// Required and positive.
	Value Money
	// Components are the lines of the bill of materials. Nil means the
	// bill of materials is unknown (the wire format's absent
	// "components"); an empty, non-nil slice means the item has none
	// ("components": []).
	Components []Line
	// DirectProductOf is the technology or software the item is a direct
	// product of; the zero Lineage is unknown, NoLineage is none.
	DirectProductOf Lineage
	// Plant is the lineage of the plant (or its major component) that
	// produced the item; the zero Lineage is unknown.
	Plant Lineage
	// HTS is the item's tariff code; zero when not given.
	HTS HTS
	// FoodOrMedicine states whether an EAR99 item is food or medicine.
	FoodOrMedicine OptBool
	// OneTimeReport is the technology de minimis report; zero when not
	// stated.
	OneTimeReport OneTimeReport
}

// EffectiveKind returns the item's Kind if it is given, and otherwise the
// kind its ECCN implies; the zero Kind if neither says.
func (it Item) EffectiveKind() Kind {
	if it.Kind.IsValid() {
		return it.Kind
	}
	return it.ECCN.Kind()
}

// Equal reports whether it and o state the same facts, comparing amounts
// numerically and components in order (a nil Components, unknown, differs
// from an empty one, none).
func (it Item) Equal(o Item) bool {
	return it.ID == o.ID && it.Description == o.Description && it.ECCN == o.ECCN && it.For == o.For &&
		it.Kind == o.Kind && it.ProducedIn == o.ProducedIn && it.Value.Equal(o.Value) &&
		(it.Components == nil) == (o.Components == nil) && slices.EqualFunc(it.Components, o.Components, Line.Equal) &&
		it.DirectProductOf.Equal(o.DirectProductOf) && it.Plant.Equal(o.Plant) &&
		it.HTS == o.HTS && it.FoodOrMedicine == o.FoodOrMedicine && it.OneTimeReport == o.OneTimeReport
}

// Validate checks the item and every line and lineage entry, and returns
// nil or all the problems joined with errors.Join, in the order of the
// wire format. Each problem is a *FieldError naming the field as the wire
// format spells it ("item.value.amount", "item.components[3].quantity",
// "item.direct_product_of[1].origin") and wrapping one of ErrMissing,
// ErrInvalid, ErrOutOfRange, ErrInconsistent or ErrDuplicate.
//
// The rules:
//   - item.kind is required unless the ECCN implies it, and must agree
//     with the ECCN's product group (a 3E001 item is technology).
//   - item.for, when given, is for software or technology and is not
//     EAR99.
//   - item.produced_in and item.value are required; the value must be
//     greater than zero.
//   - every line needs a unique id, an origin ("us", "foreign" or
//     "unknown": unknown is said, not left out), a value of zero or more,
//     a quantity greater than zero and a relation that fits the kinds (see
//     Relation); an encryption status only on a Category 5 line; an
//     integrated circuit only on a commodity line.
//   - a one-time report needs its filing date, and belongs to a technology
//     item.
//   - every lineage entry needs a software or technology ECCN (or EAR99)
//     and an origin.
//
// Lines may be in other currencies than the item; converting them is not
// Validate's business. Validate does not look anything up in the CCL or
// the country tables, and never panics.
func (it Item) Validate() error {
	var errs []error
	add := func(e *FieldError) { errs = append(errs, e) }

	// The kind that relations and the one-time report are checked
	// against; zero when it is missing or in conflict (the root cause is
	// reported once, at item.kind).
	kind := it.EffectiveKind()
	eccnKind := it.ECCN.Kind()
	switch {
	case it.Kind == 0 && !eccnKind.IsValid():
		if it.ECCN.IsValid() {
			add(fieldErr("item.kind", ErrMissing, "required: ECCN %s does not imply commodity, software or technology", it.ECCN))
		} else {
			add(fieldErr("item.kind", ErrMissing, "required: commodity, software or technology (no ECCN implies it)"))
		}
	case it.Kind != 0 && !it.Kind.IsValid():
		add(fieldErr("item.kind", ErrInvalid, "kind %d is not a valid kind", uint8(it.Kind)))
		kind = 0
	case it.Kind.IsValid() && eccnKind.IsValid() && it.Kind != eccnKind:
		add(fieldErr("item.kind", ErrInconsistent, "%s, but ECCN %s is %s (product group %c)", it.Kind, it.ECCN, eccnKind, it.ECCN.ProductGroup()))
		kind = 0
	}
	if it.For.IsValid() {
		switch {
		case it.For.IsEAR99():
			add(fieldErr("item.for", ErrInvalid, "EAR99 is on no CCL entry: software or technology is for an item of a CCL entry"))
		case kind == Commodity:
			add(fieldErr("item.for", ErrInconsistent, "\"for\" is for software or technology; the item is a commodity"))
		}
	}
	if !it.ProducedIn.IsValid() {
		add(fieldErr("item.produced_in", ErrMissing, "required: the country where the item was made"))
	}
	switch {
	case !it.Value.IsValid():
		add(fieldErr("item.value", ErrMissing, "required: the value of one item"))
	case !it.Value.IsPositive():
		add(fieldErr("item.value.amount", ErrOutOfRange, "must be greater than zero, got %s", it.Value.AmountString()))
	}

	// Duplicate ids: short bills are searched, long ones indexed.
	var ids *idIndex
	var idx idIndex
	var slots [idIndexInPlace]int32 // the index of a bill of up to 128 lines, on the stack
	if len(it.Components) > 32 {
		idx = newIDIndex(len(it.Components), slots[:])
		ids = &idx
	}
	for i, l := range it.Components {
		if l.ID == "" {
			add(fieldErr(at(componentsPath, i, ".id"), ErrMissing, "required: an id that names the line in results"))
		} else if j := earlierID(it.Components, ids, i); j >= 0 {
			add(fieldErr(at(componentsPath, i, ".id"), ErrDuplicate, "%q is also the id of item.components[%d]", l.ID, j))
		}
		errs = validateLine(i, l, kind, errs)
	}

	errs = validateLineage("item.direct_product_of", it.DirectProductOf, errs)
	errs = validateLineage("item.plant.direct_product_of", it.Plant, errs)
	if !it.FoodOrMedicine.IsValid() {
		add(fieldErr("item.food_or_medicine", ErrInvalid, "%d is not a valid yes/no value", uint8(it.FoodOrMedicine)))
	}
	if r := it.OneTimeReport; r.Given() {
		if !r.FiledOn.IsValid() {
			add(fieldErr("item.one_time_report.filed_on", ErrMissing, "required: the date the report was filed"))
		}
		if kind.IsValid() && kind != Technology {
			add(fieldErr("item.one_time_report", ErrInconsistent, "a one-time report is for technology (Supplement No. 2 to part 734); the item is %s", kind))
		}
	}
	return errors.Join(errs...)
}

// earlierID returns the index of the first line before line i with line
// i's id, or -1. ids, when not nil, indexes the lines seen so far (lines
// must be given in order, each once); without it the earlier lines are
// searched.
func earlierID(lines []Line, ids *idIndex, i int) int {
	id := lines[i].ID
	if ids == nil {
		for j := range i {
			if lines[j].ID == id {
				return j
			}
		}
		return -1
	}
	return ids.firstOrAdd(lines, i)
}

// idIndex is an open-addressing hash set of line ids: the first line of
// each id, found by hashing (no map of strings to build for every
// validation of a long bill of materials).
type idIndex struct {
	seed  maphash.Seed
	slots []int32 // line index + 1; 0 is empty (a bill has fewer than 2^31 lines: its slots alone would need 16 GiB)
}

// idIndexInPlace is the number of slots a validation keeps on its stack:
// an index of more (a bill of over 128 lines) is allocated.
const idIndexInPlace = 256

// newIDIndex returns an empty index for n lines, in buf when it is large
// enough (a value, so that buf may stay on its caller's stack).
func newIDIndex(n int, buf []int32) idIndex {
	size := 64
	for size < 2*n {
		size <<= 1
	}
	x := idIndex{seed: maphash.MakeSeed()}
	if size <= len(buf) {
		x.slots = buf[:size]
	} else {
		x.slots = make([]int32, size)
	}
	return x
}

// firstOrAdd returns the index of the first line with line i's id, or
// records line i and returns -1.
func (x *idIndex) firstOrAdd(lines []Line, i int) int {
	id := lines[i].ID
	mask := uint64(len(x.slots) - 1)
	for h := maphash.String(x.seed, id) & mask; ; h = (h + 1) & mask {
		k := x.slots[h]
		if k == 0 {
			x.slots[h] = int32(i + 1)
			return -1
		}
		if lines[k-1].ID == id {
			return int(k - 1)
		}
	}
}

// validateLine appends the problems of line l, item.components[i], other
// than its id, to errs. itemKind is the item's kind, or zero if it is not
// settled.
func validateLine(i int, l Line, itemKind Kind, errs []error) []error {
	add := func(e *FieldError) { errs = append(errs, e) }
	lineKind := l.ECCN.Kind()

	switch {
	case l.Origin == 0:
		add(fieldErr(at(componentsPath, i, ".origin"), ErrMissing, `required: "us", "foreign" or "unknown"`))
	case !l.Origin.IsValid():
		add(fieldErr(at(componentsPath, i, ".origin"), ErrInvalid, "origin %d is not a valid origin", uint8(l.Origin)))
	case l.Origin == OriginForeignSubjectToEAR:
		add(fieldErr(at(componentsPath, i, ".origin"), ErrInvalid, `foreign_subject_to_ear is for lineage entries; a line is "us", "foreign" or "unknown" (a foreign-made part is foreign: list its US-origin content as lines of its own)`))
	}
	switch {
	case !l.Value.IsValid():
		add(fieldErr(at(componentsPath, i, ".value"), ErrMissing, "required: the value of one piece"))
	case l.Value.IsNegative():
		add(fieldErr(at(componentsPath, i, ".value.amount"), ErrOutOfRange, "must not be negative, got %s", l.Value.AmountString()))
	}
	switch {
	case !l.Quantity.IsValid():
		add(fieldErr(at(componentsPath, i, ".quantity"), ErrMissing, "required (Line.WithDefaultQuantity applies the wire format's default of 1)"))
	case !l.Quantity.IsPositive():
		add(fieldErr(at(componentsPath, i, ".quantity"), ErrOutOfRange, "must be greater than zero, got %s", l.Quantity))
	}

	rel := l.Relation
	switch {
	case rel == 0:
		add(fieldErr(at(componentsPath, i, ".relation"), ErrMissing, `required: "incorporated", "bundled" or "commingled"`))
	case !rel.IsValid():
		add(fieldErr(at(componentsPath, i, ".relation"), ErrInvalid, "relation %d is not a valid relation", uint8(rel)))
	default:
		if msg := relationProblem(rel, itemKind, l.ECCN, lineKind); msg != "" {
			add(fieldErr(at(componentsPath, i, ".relation"), ErrInconsistent, "%s", msg))
		}
	}

	if !l.LicenseRequired.IsValid() {
		add(fieldErr(at(componentsPath, i, ".license_required"), ErrInvalid, "%d is not a valid yes/no value", uint8(l.LicenseRequired)))
	}
	switch {
	case l.Encryption == 0:
	case !l.Encryption.IsValid():
		add(fieldErr(at(componentsPath, i, ".encryption"), ErrInvalid, "%d is not a valid encryption status", uint8(l.Encryption)))
	case l.ECCN.Category() >= 0 && l.ECCN.Category() != 5:
		add(fieldErr(at(componentsPath, i, ".encryption"), ErrInconsistent, "an encryption status is for Category 5 Part 2 items; ECCN %s is in category %d", l.ECCN, l.ECCN.Category()))
	}
	switch {
	case !l.IntegratedCircuit.IsValid():
		add(fieldErr(at(componentsPath, i, ".integrated_circuit"), ErrInvalid, "%d is not a valid yes/no value", uint8(l.IntegratedCircuit)))
	case !l.IntegratedCircuit.IsTrue():
	case lineKind == Software || lineKind == Technology:
		add(fieldErr(at(componentsPath, i, ".integrated_circuit"), ErrInconsistent, "an integrated circuit is a commodity; ECCN %s is %s", l.ECCN, lineKind))
	case rel == Bundled || rel == Commingled:
		add(fieldErr(at(componentsPath, i, ".integrated_circuit"), ErrInconsistent, "an integrated circuit is a commodity, but the line is %s (software or technology)", rel))
	}
	if l.For.IsValid() {
		switch {
		case l.For.IsEAR99():
			add(fieldErr(at(componentsPath, i, ".for"), ErrInvalid, "EAR99 is on no CCL entry: software or technology is for an item of a CCL entry"))
		case lineKind == Commodity || (lineKind == 0 && rel == Incorporated):
			add(fieldErr(at(componentsPath, i, ".for"), ErrInconsistent, "\"for\" is for software or technology; the line is a commodity"))
		}
	}
	if !l.FoodOrMedicine.IsValid() {
		add(fieldErr(at(componentsPath, i, ".food_or_medicine"), ErrInvalid, "%d is not a valid yes/no value", uint8(l.FoodOrMedicine)))
	}
	if l.Plant.Len() > 0 {
		errs = validateLineage(at(componentsPath, i, ".plant.direct_product_of"), l.Plant, errs)
	}
	return errs
}

// componentsPath is the wire-format path of the bill of materials.
const componentsPath = "item.components"

// at returns the path of field of element i of the list at base:
// at("item.components", 3, ".quantity") is "item.components[3].quantity".
// Validation builds paths only for the problems it reports.
func at(base string, i int, field string) string {
	return base + "[" + strconv.Itoa(i) + "]" + field
}

// relationProblem returns what is wrong with relation rel of a line of
// kind lineKind (zero if its ECCN does not say) in an item of kind
// itemKind (zero if not settled), or "".
func relationProblem(rel Relation, itemKind Kind, eccn ECCN, lineKind Kind) string {
	switch rel {
	case Incorporated:
		if itemKind.IsValid() && itemKind != Commodity {
			return fmt.Sprintf("incorporated is for parts of a commodity, but the item is %s (its software or technology content is commingled)", itemKind)
		}
		if lineKind.IsValid() && lineKind != Commodity {
			return fmt.Sprintf("incorporated is for commodities, but ECCN %s is %s (software shipped with a commodity is bundled)", eccn, lineKind)
		}
	case Bundled:
		if itemKind.IsValid() && itemKind != Commodity {
			return fmt.Sprintf("bundled is for software shipped with a commodity, but the item is %s (use commingled)", itemKind)
		}
		if lineKind.IsValid() && lineKind != Software {
			return fmt.Sprintf("bundled is for software, but ECCN %s is %s", eccn, lineKind)
		}
	case Commingled:
		if itemKind == Commodity {
			return "commingled is for software or technology items, but the item is a commodity (parts are incorporated, software is bundled)"
		}
		if lineKind == Commodity {
			return fmt.Sprintf("commingled is for software or technology, but ECCN %s is a commodity", eccn)
		}
		if itemKind.IsValid() && lineKind.IsValid() && lineKind != itemKind {
			return fmt.Sprintf("commingled content has the item's kind (%s), but ECCN %s is %s", itemKind, eccn, lineKind)
		}
	}
	return ""
}

// JSON in the wire format.
