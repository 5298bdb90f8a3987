package license

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"slices"

	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// Role is the part a party plays in a transaction, as 15 CFR 748.5(c)-(f)
// names the parties to the transaction that the end-user scope of the
// Entity List FDP rules and of the Iran FDP rule refers to. The zero Role is
// invalid.
type Role uint8

// The four parties to a transaction.
const (
	RolePurchaser             Role = iota + 1 // "purchaser"
	RoleIntermediateConsignee                 // "intermediate_consignee" (forwarders included)
	RoleUltimateConsignee                     // "ultimate_consignee"
	RoleEndUser                               // "end_user"
)

var roleNames = [...]string{"", "purchaser", "intermediate_consignee", "ultimate_consignee", "end_user"}

// ParseRole parses "purchaser", "intermediate_consignee",
// "ultimate_consignee" or "end_user"; anything else is a *product.EnumError.
func ParseRole(s string) (Role, error) { return parseEnum[Role]("role", s, roleNames[:]) }

// IsValid reports whether r is one of the four roles.
func (r Role) IsValid() bool { return r >= RolePurchaser && r <= RoleEndUser }

// String returns the wire text ("end_user"), or "" for an invalid Role.
func (r Role) String() string { return enum.String(r, roleNames[:]) }

// MarshalText implements encoding.TextMarshaler; an invalid Role is an
// error.
func (r Role) MarshalText() ([]byte, error) {
	return enum.Text("Role", r, roleNames[:], product.ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Role) UnmarshalText(b []byte) error {
	v, err := ParseRole(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Listing is a restricted-party list a party or an owner may be on, in the
// words of the wire format's listed_on. The zero Listing is invalid.
type Listing uint8

// The lists the affiliates rule (90 FR 47201), part 744 and the
// restrictions on License Exceptions (740.2(a)(17)) read.
const (
	ListedEntityList Listing = iota + 1 // "entity_list": the Entity List, Supplement No. 4 to part 744
	ListedMEU                           // "military_end_user_list": the Military End-User List, Supplement No. 7 to part 744
	ListedSDN                           // "sdn": OFAC's Specially Designated Nationals under the programs 15 CFR 744.8 names
	ListedUnverified                    // "unverified_list": the Unverified List, Supplement No. 6 to part 744 (no License Exception may be used, 740.2(a)(17))
)

var listingNames = [...]string{"", "entity_list", "military_end_user_list", "sdn", "unverified_list"}

// ParseListing parses "entity_list", "military_end_user_list", "sdn" or
// "unverified_list"; anything else is a *product.EnumError.
func ParseListing(s string) (Listing, error) { return parseEnum[Listing]("list", s, listingNames[:]) }

// IsValid reports whether l is one of the four lists.
func (l Listing) IsValid() bool { return l >= ListedEntityList && l <= ListedUnverified }

// String returns the wire text ("entity_list"), or "" for an invalid
// Listing.
func (l Listing) String() string { return enum.String(l, listingNames[:]) }

// MarshalText implements encoding.TextMarshaler; an invalid Listing is an
// error.
func (l Listing) MarshalText() ([]byte, error) {
	return enum.Text("list", l, listingNames[:], product.ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (l *Listing) UnmarshalText(b []byte) error { return enum.Unmarshal(l, string(b), ParseListing) }

// decodeFootnotes reads a list of Entity List footnotes, naming the
// element that is not a whole JSON number ("[0]").
func decodeFootnotes(raw []byte, out *[]int) error {
	if wire.IsNull(raw) {
		*out = nil
		return nil
	}
	var elems []json.RawMessage
	if err := wire.Unmarshal(raw, &elems); err != nil {
		return err
	}
	fs := make([]int, len(elems))
	for i, e := range elems {
		if wire.IsNull(e) {
			return product.NewFieldError(fmt.Sprintf("[%d]", i), wire.Malformed("want a whole JSON number, got null"))
		}
		if err := wire.Unmarshal(e, &fs[i]); err != nil {
			return product.NewFieldError(fmt.Sprintf("[%d]", i), err)
		}
	}
	*out = fs
	return nil
}

func decodeListings(raw []byte, out *[]Listing) error {
	var words []string
	if err := wire.Unmarshal(raw, &words); err != nil {
		return err
	}
	ls := make([]Listing, len(words))
	for i, w := range words {
		l, err := ParseListing(w)
		if err != nil {
			return product.NewFieldError(fmt.Sprintf("[%d]", i), err)
		}
		ls[i] = l
	}
	*out = ls
	return nil
}

// Ownership is one owner of a party with its share, for the affiliates
// (50 percent) rule of 90 FR 47201: a party owned 50 percent or more,
// directly or indirectly, individually or in the aggregate, by listed
// entities is treated as they are.
type Ownership struct {
	// Owner names the owner. Required.
	Owner string
	// Percent is the owner's share, more than 0 and at most 100, with at
	// most product.MaxFractionDigits digits after the decimal point (the
	// limits of an amount in the wire format). Required.
	Percent decimal.Decimal
	// EntityListFootnotes are the Entity List footnotes of the owner's
	// entry (1, 2, 3, 4 or 5); none when the owner is not listed with a
	// footnote.
	EntityListFootnotes []int
	// ListedOn are the lists the owner is on, as the caller declares them;
	// a footnote implies the Entity List.
	ListedOn []Listing

	possible []csl.Candidate // names like the owner's, found by a Checker's screening
	// open says why a Checker's screening could not decide the owner's
	// designations (a name it cannot screen, an Entity List entry whose
	// FDP footnote is not printed); "" when it could.
	open string
	// footnoteOpen: the owner's Entity List entry cites an FDP rule of
	// 734.9(e) without its footnote (1, 4 or 5).
	footnoteOpen bool
}

// ParseOwnership returns an owner's share from text in the wire format's
// words, so that a caller need not import decimal:
// ParseOwnership("Parent Co.", "60", 1). The share has the syntax of an
// amount and must be more than 0 and at most 100. Errors are
// *product.FieldError naming "owner" or "percent".
func ParseOwnership(owner, percent string, footnotes ...int) (Ownership, error) {
	if owner == "" {
		return Ownership{}, fdpFieldErr("owner", product.ErrMissing, "required: the owner's name")
	}
	d, err := fdpParsePercent(percent)
	if err == nil {
		err = fdpCheckPercent(d)
	}
	if err != nil {
		return Ownership{}, product.NewFieldError("percent", err)
	}
	return Ownership{Owner: owner, Percent: d, EntityListFootnotes: slices.Clone(footnotes)}, nil
}

// Party is one party to the transaction, as the wire format's parties[]
// states it. Its attributes are the caller's declarations: a footnote, a
// headquarters, a government or an owner that is not given is taken as not
// declared, and results that rest on that say so.
type Party struct {
	// Name of the party; free text.
	Name string
	// Role in the transaction. Required.
	Role Role
	// Country where the party is; the zero Country when not given.
	Country jurisdiction.Country
	// EntityListFootnotes are the footnotes of the party's Entity List
	// entry (Supplement No. 4 to part 744): 1 (734.9(e)(1)), 3 (734.9(g)),
	// 4 (734.9(e)(2)), 5 (734.9(e)(3)); 2 is recorded but reaches no FDP
	// rule.
	EntityListFootnotes []int
	// HeadquarteredIn is the country of the party's headquarters (or of
	// its ultimate parent); the zero Country when not given.
	HeadquarteredIn jurisdiction.Country
	// GovernmentOf is the country whose government the party is, or for
	// which it acts; the zero Country when it is no government.
	GovernmentOf jurisdiction.Country
	// ListedOn are the lists the party is on, as the caller declares
	// them (absent: none declared); a footnote implies the Entity List.
	ListedOn []Listing
	// Ownership lists the party's owners that the caller declares, each
	// with its share and lists. The caller flattens indirect ownership: an
	// owner's share is its share of this party, directly or through others.
	Ownership []Ownership

	possible []csl.Candidate // names like the party's, found by a Checker's screening
	// open says why a Checker's screening could not decide the party's
	// designations, as for Ownership; "" when it could.
	open string
	// footnoteOpen: as for Ownership.
	footnoteOpen bool
}

// HasFootnote reports whether the party's own Entity List entry carries
// footnote n.
func (p Party) HasFootnote(n int) bool { return slices.Contains(p.EntityListFootnotes, n) }

// clone returns a copy of o that shares no memory with it.
func (o Ownership) clone() Ownership {
	o.EntityListFootnotes = slices.Clone(o.EntityListFootnotes)
	o.ListedOn = slices.Clone(o.ListedOn)
	return o
}

// clone returns a copy of p that shares no memory with it: its footnotes
// and its ownership entries (with their footnotes) are copied.
func (p Party) clone() Party {
	p.EntityListFootnotes = slices.Clone(p.EntityListFootnotes)
	p.ListedOn = slices.Clone(p.ListedOn)
	if p.Ownership != nil {
		own := make([]Ownership, len(p.Ownership))
		for i, o := range p.Ownership {
			own[i] = o.clone()
		}
		p.Ownership = own
	}
	return p
}

// Validate checks the party and returns nil or the problems joined with
// errors.Join, each a *product.FieldError whose Field is relative to the
// party ("role", "ownership[0].percent").
func (p Party) Validate() error {
	var errs []error
	if !p.Role.IsValid() {
		errs = append(errs, fdpFieldErr("role", product.ErrMissing, `required: "purchaser", "intermediate_consignee", "ultimate_consignee" or "end_user"`))
	}
	errs = fdpCheckFootnotes("entity_list_footnotes", p.EntityListFootnotes, errs)
	errs = checkListings("listed_on", p.ListedOn, errs)
	total := decimal.Zero
	for i, o := range p.Ownership {
		at := fmt.Sprintf("ownership[%d]", i)
		if o.Owner == "" {
			errs = append(errs, fdpFieldErr(at+".owner", product.ErrMissing, "required: the owner's name"))
		}
		if o.Percent == (decimal.Decimal{}) {
			// Not given (the zero Decimal; a share written "0" is out of
			// range below).
			errs = append(errs, fdpFieldErr(at+".percent", product.ErrMissing, "required: the owner's share in percent, more than 0 and at most 100"))
		} else if err := fdpCheckPercent(o.Percent); err != nil {
			errs = append(errs, &product.FieldError{Field: at + ".percent", Err: err})
		} else {
			total = total.Add(o.Percent)
		}
		errs = fdpCheckFootnotes(at+".entity_list_footnotes", o.EntityListFootnotes, errs)
		errs = checkListings(at+".listed_on", o.ListedOn, errs)
	}
	if total.GreaterThan(fdpPercentHundred) {
		errs = append(errs, fdpFieldErr("ownership", product.ErrInconsistent, "the owners' shares add up to %s percent, more than 100", fdpFormatDecimal(total)))
	}
	return errors.Join(errs...)
}

// fdpPercentHundred is 100, the largest share.
var fdpPercentHundred = decimal.New(100, 0)

// fdpPercentMaxBits bounds the coefficient of a share: an amount of the
// wire format has at most product.MaxIntegerDigits +
// product.MaxFractionDigits digits, under 2^160.
const fdpPercentMaxBits = 160

// fdpPercentInLimits reports whether d is within the limits of an amount of
// the wire format: at most product.MaxFractionDigits digits after the
// decimal point, and an exponent and coefficient small enough that
// comparing and printing d is cheap. It never rescales d.
func fdpPercentInLimits(d decimal.Decimal) bool {
	e := d.Exponent()
	if e < -product.MaxFractionDigits || e > product.MaxIntegerDigits {
		return false
	}
	return d.Coefficient().BitLen() <= fdpPercentMaxBits
}

// fdpCheckPercent checks an ownership share: within the limits of an
// amount, more than 0 and at most 100. The error wraps
// product.ErrOutOfRange.
func fdpCheckPercent(d decimal.Decimal) error {
	if !fdpPercentInLimits(d) {
		return fmt.Errorf("%w: want a share more than 0 and at most 100 with at most %d digits after the decimal point, got a value of exponent %d",
			product.ErrOutOfRange, product.MaxFractionDigits, d.Exponent())
	}
	if !d.IsPositive() || d.GreaterThan(fdpPercentHundred) {
		return fmt.Errorf("%w: want a share more than 0 and at most 100, got %s", product.ErrOutOfRange, fdpFormatDecimal(d))
	}
	return nil
}

// fdpParsePercent parses an ownership share in the strict amount syntax of
// the wire format (product.ParseQuantity's: digits, an optional '.' and
// fraction, an optional leading '-'; no exponent, NaN or infinity).
// Malformed text is a *product.AmountError; the range is checked by
// Party.Validate, as amounts are by Item.Validate.
func fdpParsePercent(s string) (decimal.Decimal, error) {
	q, err := product.ParseQuantity(s)
	if err != nil {
		return decimal.Decimal{}, err
	}
	return q.Decimal(), nil
}

// fdpFormatDecimal prints d in fixed point with exactly its own scale
// ("12.50" stays "12.50"), as product.Money prints amounts. It does not
// depend on decimal's package settings. d must be within the limits of
// fdpPercentInLimits for the cost to stay small.
func fdpFormatDecimal(d decimal.Decimal) string {
	if e := d.Exponent(); e < 0 {
		return d.StringFixed(-e)
	}
	return d.StringFixed(0)
}

func checkListings(path string, ls []Listing, errs []error) []error {
	for i, l := range ls {
		if !l.IsValid() {
			errs = append(errs, fdpFieldErr(fmt.Sprintf("%s[%d]", path, i), product.ErrInvalid, "%d is not a list", uint8(l)))
		}
	}
	return errs
}

func fdpCheckFootnotes(path string, fns []int, errs []error) []error {
	for i, n := range fns {
		if n < 1 || n > 5 {
			errs = append(errs, fdpFieldErr(fmt.Sprintf("%s[%d]", path, i), product.ErrOutOfRange, "Entity List footnotes are 1 to 5, got %d", n))
		}
	}
	return errs
}

// ownershipJSON is an Ownership in the wire format; the share is a JSON
// string printed by fdpFormatDecimal.
type ownershipJSON struct {
	Owner               string    `json:"owner"`
	Percent             string    `json:"percent"`
	EntityListFootnotes []int     `json:"entity_list_footnotes,omitempty"`
	ListedOn            []Listing `json:"listed_on,omitempty"`
}

type partyJSON struct {
	Name                string          `json:"name,omitempty"`
	Role                Role            `json:"role"`
	Country             string          `json:"country,omitempty"`
	EntityListFootnotes []int           `json:"entity_list_footnotes,omitempty"`
	ListedOn            []Listing       `json:"listed_on,omitempty"`
	HeadquarteredIn     string          `json:"headquartered_in,omitempty"`
	GovernmentOf        string          `json:"government_of,omitempty"`
	Ownership           []ownershipJSON `json:"ownership,omitempty"`
}

// MarshalJSON implements json.Marshaler in the wire format, leaving out
// what is not given. An ownership share is a JSON string with its own
// scale ("12.50"), whatever decimal's package settings are. An invalid Role
// is an error, and so is a share outside the limits of an amount (more
// than product.MaxFractionDigits digits after the decimal point, or too
// large to print).
func (p Party) MarshalJSON() ([]byte, error) {
	v := partyJSON{
		Name: p.Name, Role: p.Role, Country: p.Country.String(),
		EntityListFootnotes: p.EntityListFootnotes, ListedOn: p.ListedOn, HeadquarteredIn: p.HeadquarteredIn.String(),
		GovernmentOf: p.GovernmentOf.String(),
	}
	for i, o := range p.Ownership {
		if !fdpPercentInLimits(o.Percent) {
			return nil, fmt.Errorf("license: cannot marshal ownership[%d].percent: exponent %d %w", i, o.Percent.Exponent(), product.ErrOutOfRange)
		}
		v.Ownership = append(v.Ownership, ownershipJSON{Owner: o.Owner, Percent: fdpFormatDecimal(o.Percent), EntityListFootnotes: o.EntityListFootnotes, ListedOn: o.ListedOn})
	}
	return json.Marshal(v)
}

// UnmarshalJSON implements json.Unmarshaler for the wire format. Unknown
// members, members given twice (product.ErrDuplicate) and malformed values
// are a *product.FieldError naming the member ("ownership[0].percent"); the
// first problem in document order is the one reported. An ownership share
// must be a JSON string in the strict amount syntax ("50", "12.5"; no
// exponent), else the error wraps a *product.AmountError. It does not
// check required members or ranges; call Validate.
func (p *Party) UnmarshalJSON(data []byte) error {
	var v Party
	err := fdpDecodeObject(data, func(key string, raw []byte) error {
		switch key {
		case "name":
			return wire.Unmarshal(raw, &v.Name)
		case "role":
			if wire.IsNull(raw) {
				return nil // as absent: Validate says it is missing
			}
			return fdpDecodeString(raw, func(s string) (err error) { v.Role, err = ParseRole(s); return })
		case "country":
			return fdpDecodeCountry(raw, &v.Country)
		case "headquartered_in":
			return fdpDecodeCountry(raw, &v.HeadquarteredIn)
		case "government_of":
			return fdpDecodeCountry(raw, &v.GovernmentOf)
		case "entity_list_footnotes":
			return decodeFootnotes(raw, &v.EntityListFootnotes)
		case "listed_on":
			return decodeListings(raw, &v.ListedOn)
		case "ownership":
			var raws []json.RawMessage
			if err := wire.Unmarshal(raw, &raws); err != nil {
				return err
			}
			for i, r := range raws {
				var o Ownership
				err := fdpDecodeObject(r, func(key string, raw []byte) error {
					switch key {
					case "owner":
						return wire.Unmarshal(raw, &o.Owner)
					case "percent":
						return fdpDecodeString(raw, func(s string) (err error) { o.Percent, err = fdpParsePercent(s); return })
					case "entity_list_footnotes":
						return decodeFootnotes(raw, &o.EntityListFootnotes)
					case "listed_on":
						return decodeListings(raw, &o.ListedOn)
					}
					return product.ErrUnknownField
				})
				if err != nil {
					return product.NewFieldError(fmt.Sprintf("[%d]", i), err)
				}
				v.Ownership = append(v.Ownership, o)
			}
			return nil
		}
		return product.ErrUnknownField
	})
	if err != nil {
		return err
	}
	*p = v
	return nil
}

// Incorporation is the knowledge that the item will be incorporated into,
// or used in the production or development of, items bound for a
// destination or made, bought or ordered by a party with Entity List
// footnotes: the wire format's incorporations[] entry.
type Incorporation struct {
	// Destination is where the items it goes into are bound; the zero
	// Country when not known.
	Destination jurisdiction.Country
	// Region is the covered region of Ukraine (15 CFR 746.6) those items
	// are bound for, with Destination UA ("region" in the wire format);
	// RegionNone otherwise: "UA" without a region is the rest of Ukraine,
	// as for a request's destination. 734.9(f)(2) reaches items produced
	// in or destined to "the temporarily occupied Crimea region of
	// Ukraine".
	Region jurisdiction.Region
	// ByPartyWithFootnotes are the Entity List footnotes of a party that
	// produces, purchases or orders the items it goes into; none when no
	// such party is known.
	ByPartyWithFootnotes []int
}

// clone returns a copy of inc that shares no memory with it.
func (inc Incorporation) clone() Incorporation {
	inc.ByPartyWithFootnotes = slices.Clone(inc.ByPartyWithFootnotes)
	return inc
}

// Validate checks the incorporation: it names a destination or footnotes
// (an empty one says nothing), its footnotes are 1 to 5, and a region
// goes with UA; errors are *product.FieldError values relative to it.
func (inc Incorporation) Validate() error {
	if !inc.Destination.IsValid() && len(inc.ByPartyWithFootnotes) == 0 {
		// {} would say that something is known, and say nothing.
		return product.NewFieldError("destination", fmt.Errorf("%w: an incorporation names the destination of the items it goes into, or the footnotes of the party that makes, buys or orders them", product.ErrInvalid))
	}
	errs := fdpCheckFootnotes("by_party_with_footnotes", inc.ByPartyWithFootnotes, nil)
	if inc.Region != jurisdiction.RegionNone {
		if err := (jurisdiction.Destination{Country: inc.Destination, Region: inc.Region}).Validate(); err != nil {
			errs = append(errs, product.NewFieldError("region", err))
		}
	}
	return errors.Join(errs...)
}

// MarshalJSON implements json.Marshaler in the wire format.
func (inc Incorporation) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Destination string `json:"destination,omitempty"`
		Region      string `json:"region,omitempty"`
		By          []int  `json:"by_party_with_footnotes"`
	}{inc.Destination.String(), inc.Region.String(), append([]int{}, inc.ByPartyWithFootnotes...)})
}

// UnmarshalJSON implements json.Unmarshaler for the wire format; unknown
// members and members given twice (product.ErrDuplicate) are a
// *product.FieldError naming the member.
func (inc *Incorporation) UnmarshalJSON(data []byte) error {
	var v Incorporation
	err := fdpDecodeObject(data, func(key string, raw []byte) error {
		switch key {
		case "destination":
			return fdpDecodeCountry(raw, &v.Destination)
		case "region":
			if wire.IsNull(raw) {
				return nil
			}
			return fdpDecodeString(raw, func(s string) (err error) { v.Region, err = jurisdiction.ParseRegion(s); return })
		case "by_party_with_footnotes":
			return decodeFootnotes(raw, &v.ByPartyWithFootnotes)
		}
		return product.ErrUnknownField
	})
	if err != nil {
		return err
	}
	*inc = v
	return nil
}

// fact is an entry of a factList. clone returns a copy that shares no
// memory with the original (its slices are copied), so that a factList
// owns its entries.
type fact[T any] interface{ clone() T }

// factList is a list of facts that is either known (possibly empty) or
// unknown, the wire format's rule for parties, end_uses and incorporations:
// absent is unknown, [] is none. It owns its entries: they are deep-copied
// on the way in (knownList) and on the way out (All, Entries).
type factList[T fact[T]] struct {
	known bool
	items []T
}

// knownList returns the known list of deep copies of items.
func knownList[T fact[T]](items []T) factList[T] {
	return factList[T]{known: true, items: cloneFacts(items)}
}

// cloneFacts returns a new slice of deep copies of items (nil for nil).
func cloneFacts[T fact[T]](items []T) []T {
	if items == nil {
		return nil
	}
	out := make([]T, len(items))
	for i, v := range items {
		out[i] = v.clone()
	}
	return out
}

// Known reports whether the list was stated (possibly as none).
func (l factList[T]) Known() bool { return l.known }

// IsZero reports whether the list is unknown (the zero value), so that
// encoding/json's omitzero leaves it out.
func (l factList[T]) IsZero() bool { return !l.known }

// Len returns the number of entries (0 when unknown or none).
func (l factList[T]) Len() int { return len(l.items) }

// All iterates over the entries and their indexes, in order. Each entry
// yielded is a deep copy: the caller owns it, and changing it (or the
// slices inside it) does not change the list.
func (l factList[T]) All() iter.Seq2[int, T] {
	return func(yield func(int, T) bool) {
		for i, v := range l.items {
			if !yield(i, v.clone()) {
				return
			}
		}
	}
}

// MarshalJSON writes a known list as a JSON array ("[]" for none) and an
// unknown one as null.
func (l factList[T]) MarshalJSON() ([]byte, error) {
	if !l.known {
		return []byte("null"), nil
	}
	if len(l.items) == 0 {
		return []byte("[]"), nil
	}
	return json.Marshal(l.items)
}

func (l *factList[T]) unmarshal(data []byte) error {
	if wire.IsNull(data) {
		return nil
	}
	if r := bytes.TrimSpace(data); len(r) == 0 || r[0] != '[' {
		return wire.Malformed("want a JSON array, got %s", wire.Describe(data))
	}
	v := factList[T]{known: true}
	err := wire.EachElement(data, func(n int) { v.items = make([]T, n) }, func(i int, raw []byte) error {
		if err := unmarshalFact(raw, &v.items[i]); err != nil {
			return product.NewFieldError(fmt.Sprintf("[%d]", i), err)
		}
		return nil
	})
	if err != nil {
		return err
	}
	*l = v
	return nil
}

// unmarshalFact decodes one entry of a fact list as json.Unmarshal would
// (the entry is a JSON value already delimited): through the entry's own
// UnmarshalJSON when it has one, without validating the bytes again.
func unmarshalFact(raw []byte, v any) error {
	if u, ok := v.(json.Unmarshaler); ok {
		return u.UnmarshalJSON(raw)
	}
	return wire.Unmarshal(raw, v)
}

// Parties are the parties to the transaction: unknown (the zero value, the
// wire format's absent "parties"), none (NoParties, "[]"), or a list.
// Parties is immutable.
type Parties struct{ list factList[Party] }

// NoParties returns the known, empty list.
func NoParties() Parties { return Parties{knownList[Party](nil)} }

// Known reports whether the parties were stated (possibly as none).
func (l Parties) Known() bool { return l.list.known }

// IsZero reports whether the list is unknown, for encoding/json's omitzero.
func (l Parties) IsZero() bool { return !l.list.known }

// Len returns the number of parties (0 when unknown or none).
func (l Parties) Len() int { return len(l.list.items) }

// All iterates over the parties and their indexes, in order. Each party
// yielded is a deep copy: changing it does not change the list.
func (l Parties) All() iter.Seq2[int, Party] { return l.list.All() }

// MarshalJSON writes a known list as a JSON array and an unknown one as
// null.
func (l Parties) MarshalJSON() ([]byte, error) { return l.list.MarshalJSON() }

// PartiesOf returns the known list of ps (NoParties when there are none).
// It keeps deep copies: changing ps, or the slices inside its parties,
// afterwards does not change the list.
func PartiesOf(ps ...Party) Parties { return Parties{knownList(ps)} }

// Entries returns a deep copy of the parties (no entries when unknown or
// none). The caller owns the returned slice and everything in it: changing
// it does not change l.
func (l Parties) Entries() []Party { return cloneFacts(l.list.items) }

// UnmarshalJSON decodes a JSON array (known) or null (leaves l unchanged).
func (l *Parties) UnmarshalJSON(data []byte) error { return l.list.unmarshal(data) }

// EndUseFact is one end use the caller knows of: the use and, where the
// rules turn on it (734.9(i), 744.23), the country where the supercomputer
// or the fabrication facility is. On the wire it is a string ("supercomputer":
// where it is, is unknown) or an object {"use": "supercomputer",
// "located_in": "CN"}.
type EndUseFact struct {
	Use       fdp.EndUse           // the end use; required
	LocatedIn jurisdiction.Country // where the end use is; the zero Country when not known
}

// clone returns f (an EndUseFact holds no memory to share).
func (f EndUseFact) clone() EndUseFact { return f }

// MarshalJSON writes the plain string when LocatedIn is not known and the
// object otherwise.
func (f EndUseFact) MarshalJSON() ([]byte, error) {
	if !f.LocatedIn.IsValid() {
		return json.Marshal(f.Use)
	}
	return json.Marshal(struct {
		Use       fdp.EndUse           `json:"use"`
		LocatedIn jurisdiction.Country `json:"located_in"`
	}{f.Use, f.LocatedIn})
}

// UnmarshalJSON reads a string or an object with "use" (required) and
// "located_in"; any other member is an error naming it.
func (f *EndUseFact) UnmarshalJSON(data []byte) error {
	parseUse := func(raw []byte, u *fdp.EndUse) error {
		return fdpDecodeString(raw, func(s string) (err error) { *u, err = fdp.ParseEndUse(s); return })
	}
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		var u fdp.EndUse
		if err := parseUse(t, &u); err != nil {
			return err
		}
		*f = EndUseFact{Use: u}
		return nil
	}
	var v EndUseFact
	err := fdpDecodeObject(data, func(key string, raw []byte) error {
		switch key {
		case "use":
			return parseUse(raw, &v.Use)
		case "located_in":
			return fdpDecodeCountry(raw, &v.LocatedIn)
		}
		return product.ErrUnknownField
	})
	if err != nil {
		return err
	}
	if !v.Use.IsValid() {
		return product.NewFieldError("use", product.ErrMissing)
	}
	*f = v
	return nil
}

// EndUses are the end uses the caller knows of: unknown (the zero value),
// none (NoEndUses) or a list. EndUses is immutable.
type EndUses struct{ list factList[EndUseFact] }

// NoEndUses returns the known, empty list.
func NoEndUses() EndUses { return EndUses{knownList[EndUseFact](nil)} }

// EndUsesOf returns the known list of fs. It keeps a copy: changing fs
// afterwards does not change the list.
func EndUsesOf(fs ...EndUseFact) EndUses { return EndUses{knownList(fs)} }

// Known reports whether the end uses were stated (possibly as none).
func (l EndUses) Known() bool { return l.list.known }

// IsZero reports whether the list is unknown, for encoding/json's omitzero.
func (l EndUses) IsZero() bool { return !l.list.known }

// Len returns the number of end uses (0 when unknown or none).
func (l EndUses) Len() int { return len(l.list.items) }

// All iterates over the end uses and their indexes, in order.
func (l EndUses) All() iter.Seq2[int, EndUseFact] { return l.list.All() }

// Has reports whether u is among the end uses.
func (l EndUses) Has(u fdp.EndUse) bool {
	return slices.ContainsFunc(l.list.items, func(f EndUseFact) bool { return f.Use == u })
}

// MarshalJSON writes a known list as a JSON array and an unknown one as
// null.
func (l EndUses) MarshalJSON() ([]byte, error) { return l.list.MarshalJSON() }

// UnmarshalJSON decodes a JSON array (known) or null (leaves l unchanged).
func (l *EndUses) UnmarshalJSON(data []byte) error { return l.list.unmarshal(data) }

// Incorporations are the known incorporations: unknown (the zero value),
// none (NoIncorporations) or a list. Incorporations is immutable.
type Incorporations struct{ list factList[Incorporation] }

// Known reports whether the incorporations were stated (possibly as none).
func (l Incorporations) Known() bool { return l.list.known }

// IsZero reports whether the list is unknown, for encoding/json's omitzero.
func (l Incorporations) IsZero() bool { return !l.list.known }

// Len returns the number of incorporations (0 when unknown or none).
func (l Incorporations) Len() int { return len(l.list.items) }

// All iterates over the incorporations and their indexes, in order. Each
// entry yielded is a deep copy.
func (l Incorporations) All() iter.Seq2[int, Incorporation] { return l.list.All() }

// MarshalJSON writes a known list as a JSON array and an unknown one as
// null.
func (l Incorporations) MarshalJSON() ([]byte, error) { return l.list.MarshalJSON() }

// NoIncorporations returns the known, empty list.
func NoIncorporations() Incorporations { return Incorporations{knownList[Incorporation](nil)} }

// IncorporationsOf returns the known list of is. It keeps deep copies:
// changing is, or the footnotes inside it, afterwards does not change the
// list.
func IncorporationsOf(is ...Incorporation) Incorporations { return Incorporations{knownList(is)} }

// UnmarshalJSON decodes a JSON array (known) or null (leaves l unchanged).
func (l *Incorporations) UnmarshalJSON(data []byte) error { return l.list.unmarshal(data) }

// --- JSON helpers (prefixed: the package is shared) ---

func fdpFieldErr(path string, kind error, format string, args ...any) *product.FieldError {
	return &product.FieldError{Field: path, Err: fmt.Errorf("%w: %s", kind, fmt.Sprintf(format, args...))}
}

// fdpDecodeObject calls member for each member of the JSON object in data,
// in document order, and stops at the first error, with the strict rules of
// every object of the wire format (internal/wire). Errors are
// *product.FieldError values: a member's error under its key (a member
// rejected with product.ErrUnknownField is an unknown field), a member
// given twice under its key, anything but one JSON object with an empty
// path.
func fdpDecodeObject(data []byte, member func(key string, raw []byte) error) error {
	return wire.Object(data, product.NewFieldError, member)
}

func fdpDecodeString(raw []byte, parse func(string) error) error {
	var s string
	if err := wire.DecodeString(raw, &s); err != nil {
		return err
	}
	return parse(s)
}

func fdpDecodeCountry(raw []byte, c *jurisdiction.Country) error {
	if wire.IsNull(raw) {
		return nil
	}
	return fdpDecodeString(raw, func(s string) (err error) { *c, err = jurisdiction.ParseCountry(s); return })
}

// parseEnum parses the name of a value of the enumeration typ; anything
// else is a *product.EnumError listing the names.
func parseEnum[T ~uint8](typ, s string, names []string) (T, error) {
	if v, ok := enum.Parse[T](s, names); ok {
		return v, nil
	}
	return 0, &product.EnumError{Type: typ, Input: s, Want: enum.Want(names)}
}

// PartyResolver supplies the list designations of a party. *csl.Index is
// one (exact lookup in a CSL file); a screening service with fuzzy matching
// can be another, through csl.ScreeningFunc or its own implementation. An
// implementation must be safe for concurrent use and return designations
// whose Source says where they come from. A resolver that also has a
// method ListDate() jurisdiction.Date says the date of its list (as
// *csl.Index does once given one by WithListDate): a determination whose
// as_of is before that date, or more than 30 days after it, then carries
// the warning WarnPartiesList.
type PartyResolver interface {
	ResolveParty(ctx context.Context, q csl.Query) (csl.Designations, error)
}
