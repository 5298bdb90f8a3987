package license

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/origin"
	"github.com/earcheck/ear/product"
)

// Request is one order line to decide, as the JSON wire format of DESIGN.md
// states it: the item with its bill of materials and lineage, where it is
// exported from and to, the parties, the end uses, the date, and options.
//
// A Request is plain data; Check validates it. Decode it from JSON with
// DecodeRequest (or json.Unmarshal, which is just as strict).
type Request struct {
	// AsOf is the date of evaluation. Required: Check returns a
	// *product.FieldError at "as_of" for the zero Date (the rules in force, the
	// country groups and the Entity List's affiliates rule all turn on it).
	AsOf jurisdiction.Date
	// Item is the foreign-made (or US-origin) item. Required.
	Item product.Item
	// ExportedFrom is the country the item is exported or reexported
	// from; the zero Country when not given.
	ExportedFrom jurisdiction.Country
	// Destination is the country, and for Ukraine the covered region.
	// Required.
	Destination jurisdiction.Destination
	// Parties, EndUses and Incorporations are unknown when absent from
	// the request and none when given as [].
	Parties        Parties
	EndUses        EndUses
	Incorporations Incorporations
	// ExchangeRates convert lines in other currencies into the item's.
	ExchangeRates origin.Rates
	// Options choose readings and policies.
	Options Options
	// ExceptionFacts are the facts of the transaction the License
	// Exceptions of part 740 need (the wire's exception_facts); a fact not
	// given leaves the exceptions that need it indeterminate.
	ExceptionFacts exception.Facts
	// NoneFound is the caller's one declaration that it checked and found
	// none of these: listed parties, end uses of concern, knowledge of an
	// incorporation, U.S. technology or software the item, its plant or a
	// line's plant is a direct product of (the wire's "none_found": true).
	// Facts the request leaves out are then none, not unknown; facts it
	// states still count, and one that contradicts the declaration (a
	// party with a listing) is an error. Check records the declaration in
	// the trace. False: absent facts stay unknown.
	NoneFound bool
	// Exporter is the entity exporting from abroad or reexporting (the
	// wire's exporter): the SME exclusions of 742.4(a)(4)(ii)(B) and
	// 742.6(a)(6)(i)(A)(2)(ii) turn on where it is located and
	// headquartered. The zero Exporter: unknown, and no exclusion applies.
	Exporter Exporter
}

// applyNoneFound returns the request with the caller's declaration that
// it found none applied to the facts it leaves out, or an error naming a
// fact that contradicts the declaration.
func (req Request) applyNoneFound() (Request, error) {
	if !req.NoneFound {
		return req, nil
	}
	for i, p := range req.Parties.list.items {
		if len(p.EntityListFootnotes) > 0 || len(p.ListedOn) > 0 {
			return req, fdpFieldErr(fmt.Sprintf("parties[%d]", i), product.ErrInconsistent, "the party is declared listed, and none_found declares no listed party")
		}
	}
	if !req.Parties.Known() {
		req.Parties = NoParties()
	}
	if !req.EndUses.Known() {
		req.EndUses = NoEndUses()
	}
	if !req.Incorporations.Known() {
		req.Incorporations = NoIncorporations()
	}
	if !req.Item.DirectProductOf.Known() {
		req.Item.DirectProductOf = product.NoLineage()
	}
	if !req.Item.Plant.Known() {
		req.Item.Plant = product.NoLineage()
	}
	if req.Item.Components != nil {
		lines := slices.Clone(req.Item.Components)
		for i := range lines {
			if !lines[i].Plant.Known() {
				lines[i].Plant = product.NoLineage()
			}
		}
		req.Item.Components = lines
	}
	return req, nil
}

// Options choose among readings of the regulation and conservative
// policies; the wire format's "options". One Options serves the request and
// each part called alone (DeMinimisQuery, FDPQuery, ChartQuery). The zero
// Options are the defaults: the AI diffusion amendments as codified,
// unknown origin indeterminate, the affiliates rule as written.
type Options struct {
	// AIDiffusion is the reading of the January 2025 AI diffusion
	// amendments; the zero value means AIDiffusionCodified.
	AIDiffusion AIDiffusionReading
	// UnknownOrigin is the policy for bill-of-materials lines of unknown
	// origin; the zero value means UnknownOriginIndeterminate.
	UnknownOrigin UnknownOriginPolicy
	// Affiliates is how the affiliates rule of 90 FR 47201 is taken after
	// its suspension ran out (2026-11-10); the zero value means
	// AffiliatesAsWritten.
	Affiliates AffiliatesPolicy
}

// validate refuses values outside the enumerations, naming the option.
func (o Options) validate() error {
	switch {
	case o.AIDiffusion > AIDiffusionEnforced:
		return fdpFieldErr("options.ai_diffusion", product.ErrInvalid, "reading %d is not a valid ai_diffusion reading", uint8(o.AIDiffusion))
	case o.UnknownOrigin > UnknownOriginControlled:
		return fdpFieldErr("options.unknown_origin", product.ErrInvalid, "policy %d is not a valid unknown_origin policy", uint8(o.UnknownOrigin))
	case o.Affiliates > AffiliatesSuspended:
		return fdpFieldErr("options.affiliates", product.ErrInvalid, "policy %d is not a valid affiliates policy", uint8(o.Affiliates))
	}
	return nil
}

// DeMinimisQuery returns the de minimis question of the request, as Check
// asks it.
func (req Request) DeMinimisQuery() DeMinimisQuery {
	return DeMinimisQuery{
		Item: req.Item, Destination: req.Destination, ExportedFrom: req.ExportedFrom, AsOf: req.AsOf,
		Rates: req.ExchangeRates, Parties: req.Parties, EndUses: req.EndUses, Options: req.Options,
	}
}

// FDPQuery returns the foreign direct product question of the request, as
// Check asks it.
func (req Request) FDPQuery() FDPQuery {
	return FDPQuery{
		Item: req.Item, Destination: req.Destination, ExportedFrom: req.ExportedFrom,
		Parties: req.Parties, EndUses: req.EndUses, Incorporations: req.Incorporations,
		AsOf: req.AsOf, Options: req.Options,
	}
}

// maxRequestBytes bounds one decoded request (a 100,000-line bill of
// materials is about 25 MB of JSON).
const maxRequestBytes = 64 << 20

// DecodeRequest reads one JSON request from r. Unknown members anywhere are
// an error naming the member; so are trailing data, a body over 64 MiB,
// amounts that are not JSON strings and values that do not parse. The error
// is a *product.FieldError naming the field ("" for the request as a
// whole), whose Code sorts the problem.
func DecodeRequest(r io.Reader) (Request, error) {
	data, err := readRequest(r)
	if err != nil {
		return Request{}, &product.FieldError{Err: &wire.MalformedError{Msg: "reading the request: " + err.Error(), Err: err}}
	}
	if len(data) > maxRequestBytes {
		return Request{}, &product.FieldError{Err: wire.Malformed("request larger than %d bytes", maxRequestBytes)}
	}
	var req Request
	if err := req.UnmarshalJSON(data); err != nil {
		return Request{}, err
	}
	return req, nil
}

// readRequest reads at most maxRequestBytes+1 bytes of r: into a buffer of
// the right size when r says how much it holds (a *bytes.Reader, a
// *strings.Reader, a *bytes.Buffer), else as io.ReadAll reads.
func readRequest(r io.Reader) ([]byte, error) {
	lr := io.LimitReader(r, maxRequestBytes+1)
	if l, ok := r.(interface{ Len() int }); ok {
		// One byte more than r says it holds, to meet the end.
		buf := make([]byte, min(max(l.Len(), 0), maxRequestBytes)+1)
		k, err := io.ReadFull(lr, buf)
		switch err {
		case io.EOF, io.ErrUnexpectedEOF:
			return buf[:k], nil
		case nil: // filled: r held more than it said (or the limit was met)
			rest, err := io.ReadAll(lr)
			return append(buf, rest...), err
		}
		return buf[:k], err
	}
	return io.ReadAll(lr)
}

// asFieldError returns err as the *product.FieldError that names its
// field: the first one in err, one at a *jurisdiction.DestinationError's
// field, or one for the request as a whole.
func asFieldError(err error) error {
	if fe, ok := errors.AsType[*product.FieldError](err); ok {
		return fe
	}
	if de, ok := errors.AsType[*jurisdiction.DestinationError](err); ok {
		return destinationError(de)
	}
	return product.NewFieldError("", err)
}

// destinationError returns the *product.FieldError at the field that a
// *jurisdiction.DestinationError names, with its message without the path.
func destinationError(de *jurisdiction.DestinationError) *product.FieldError {
	return product.NewFieldError(de.Field, &messageError{msg: de.Msg, err: de})
}

// messageError is err with the message msg.
type messageError struct {
	msg string
	err error
}

func (e *messageError) Error() string { return e.msg }
func (e *messageError) Unwrap() error { return e.err }

// UnmarshalJSON decodes a request strictly: every member must be one the
// wire format defines, given once, and each is decoded by its type's
// strict decoder. Errors are a *product.FieldError naming the field; a
// member given twice wraps product.ErrDuplicate. Malformed JSON is
// reported first; otherwise members are decoded in document order and the
// first problem met is the one reported, so the same input always gets the
// same error.
func (req *Request) UnmarshalJSON(data []byte) error {
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return &product.FieldError{Err: wire.Malformed("want a JSON object, got %s", wire.Describe(data))}
	}
	// Check the syntax of the whole document, and that nothing follows the
	// object, before any member is decoded: this is the one pass that
	// validates the bytes (and records where its objects and arrays end);
	// the members' decoders below only delimit the values they hold and
	// decode them. (wire.NewDoc never accepts what encoding/json rejects;
	// what it rejects, encoding/json names.)
	doc, valid := wire.NewDoc(data)
	if !valid && !json.Valid(data) {
		dec := json.NewDecoder(bytes.NewReader(data))
		var whole json.RawMessage
		if err := dec.Decode(&whole); err != nil {
			return &product.FieldError{Err: &wire.MalformedError{Msg: "malformed JSON: " + err.Error(), Err: err}}
		}
		return &product.FieldError{Err: wire.Malformed("trailing data after the request object")}
	}
	var out Request
	text := func(raw []byte, u encoding.TextUnmarshaler) error {
		var s string
		if err := wire.DecodeString(raw, &s); err != nil {
			return err
		}
		return u.UnmarshalText([]byte(s))
	}
	err := wire.ObjectIn(doc, data, product.NewFieldError, func(k string, raw []byte) error {
		if wire.IsNull(raw) {
			switch k {
			case "as_of", "item", "exported_from", "destination", "parties", "end_uses", "incorporations", "exchange_rates", "options", "none_found", "exception_facts", "exporter":
				return nil
			}
		}
		switch k {
		case "as_of":
			return text(raw, &out.AsOf)
		case "item":
			// The item names its own fields ("item.value.amount").
			return relativeTo("item", out.Item.UnmarshalJSON(raw))
		case "exported_from":
			return text(raw, &out.ExportedFrom)
		case "destination":
			return decodeDestination(raw, &out.Destination)
		case "parties":
			return out.Parties.UnmarshalJSON(raw)
		case "end_uses":
			return out.EndUses.UnmarshalJSON(raw)
		case "incorporations":
			return out.Incorporations.UnmarshalJSON(raw)
		case "exchange_rates":
			// The rates name their own fields ("exchange_rates.rates[0].rate").
			return relativeTo("exchange_rates", out.ExchangeRates.UnmarshalJSON(raw))
		case "options":
			return decodeOptions(raw, &out.Options)
		case "none_found":
			return wire.DecodeBool(raw, &out.NoneFound)
		case "exception_facts":
			return out.ExceptionFacts.UnmarshalJSON(raw)
		case "exporter":
			return relativeTo("exporter", out.Exporter.UnmarshalJSON(raw))
		}
		return product.ErrUnknownField
	})
	if err != nil {
		return err
	}
	*req = out
	return nil
}

// relativeTo returns err with the path of a *product.FieldError made
// relative to the member name (item.value.amount becomes value.amount), for
// a member whose decoder names its fields from the request down, so that
// placing it under the member again does not repeat the name.
func relativeTo(name string, err error) error {
	fe, ok := err.(*product.FieldError)
	if !ok {
		return err
	}
	rel, ok := strings.CutPrefix(fe.Field, name)
	if !ok || rel != "" && rel[0] != '.' && rel[0] != '[' {
		return err
	}
	return &product.FieldError{Field: strings.TrimPrefix(rel, "."), Err: fe.Err}
}

// decodeDestination decodes {"country": "UA", "region": "crimea"}: both
// members JSON strings, each given at most once, no other member. Errors
// are a *product.FieldError naming the member relative to the destination
// ("country"), the first in document order.
func decodeDestination(raw []byte, d *jurisdiction.Destination) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return wire.Malformed("want a JSON object, got %s", wire.Describe(raw))
	}
	var country, region string
	err := wire.Object(raw, product.NewFieldError, func(k string, v []byte) error {
		var dst *string
		switch k {
		case "country":
			dst = &country
		case "region":
			dst = &region
		default:
			return product.ErrUnknownField
		}
		if err := wire.DecodeString(v, dst); err != nil {
			return err
		}
		// A malformed value is reported here, in document order, with the
		// error ParseDestination gives for it; the pair is checked below.
		var err error
		if k == "country" {
			if name, ok := jurisdiction.InUnitedStates(country); ok {
				return fmt.Errorf("%w: %s is part of the United States as %s defines it: shipping there is not an export or reexport", product.ErrNotAnExport, name, jurisdiction.CitationUnitedStates)
			}
			_, err = jurisdiction.ParseCountry(country)
		} else {
			_, err = jurisdiction.ParseRegion(region)
		}
		return err
	})
	if err != nil {
		return err
	}
	v, err := jurisdiction.ParseDestination(country, region)
	if err != nil {
		if de, ok := errors.AsType[*jurisdiction.DestinationError](err); ok {
			return relativeTo("destination", destinationError(de))
		}
		return err
	}
	*d = v
	return nil
}

// decodeOptions decodes {"ai_diffusion": "...", "unknown_origin": "...",
// "affiliates": "..."}:
// each member a JSON string given at most once, no other member. Errors are
// a *product.FieldError naming the member relative to the options
// ("ai_diffusion"), the first in document order.
func decodeOptions(raw []byte, o *Options) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return wire.Malformed("want a JSON object, got %s", wire.Describe(raw))
	}
	var v Options
	err := wire.Object(raw, product.NewFieldError, func(k string, m []byte) error {
		var u encoding.TextUnmarshaler
		switch k {
		case "ai_diffusion":
			u = &v.AIDiffusion
		case "unknown_origin":
			u = &v.UnknownOrigin
		case "affiliates":
			u = &v.Affiliates
		default:
			return product.ErrUnknownField
		}
		var s string
		if err := wire.DecodeString(m, &s); err != nil {
			return err
		}
		return u.UnmarshalText([]byte(s))
	})
	if err != nil {
		return err
	}
	*o = v
	return nil
}

// MarshalJSON writes the request in the wire format; DecodeRequest reads it
// back to an equal request.
func (req Request) MarshalJSON() ([]byte, error) {
	type opts struct {
		AIDiffusion   AIDiffusionReading  `json:"ai_diffusion"`
		UnknownOrigin UnknownOriginPolicy `json:"unknown_origin"`
		Affiliates    AffiliatesPolicy    `json:"affiliates"`
	}
	out := struct {
		AsOf           string                   `json:"as_of,omitempty"`
		Item           product.Item             `json:"item"`
		ExportedFrom   string                   `json:"exported_from,omitempty"`
		Destination    jurisdiction.Destination `json:"destination"`
		Parties        *Parties                 `json:"parties,omitempty"`
		EndUses        *EndUses                 `json:"end_uses,omitempty"`
		Incorporations *Incorporations          `json:"incorporations,omitempty"`
		ExchangeRates  *origin.Rates            `json:"exchange_rates,omitempty"`
		NoneFound      bool                     `json:"none_found,omitempty"`
		Options        opts                     `json:"options"`
		ExceptionFacts *exception.Facts         `json:"exception_facts,omitempty"`
		Exporter       *Exporter                `json:"exporter,omitempty"`
	}{
		AsOf: req.AsOf.String(), Item: req.Item, ExportedFrom: req.ExportedFrom.String(), Destination: req.Destination,
		Options: opts{AIDiffusion: req.Options.AIDiffusion, UnknownOrigin: req.Options.UnknownOrigin, Affiliates: req.Options.Affiliates},
	}
	if req.Parties.Known() {
		out.Parties = &req.Parties
	}
	if req.EndUses.Known() {
		out.EndUses = &req.EndUses
	}
	if req.Incorporations.Known() {
		out.Incorporations = &req.Incorporations
	}
	if !req.ExchangeRates.IsZero() {
		out.ExchangeRates = &req.ExchangeRates
	}
	if req.NoneFound {
		out.NoneFound = true
	}
	if !req.ExceptionFacts.IsZero() {
		out.ExceptionFacts = &req.ExceptionFacts
	}
	if !req.Exporter.IsZero() {
		out.Exporter = &req.Exporter
	}
	return json.Marshal(out)
}
