package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"

	"github.com/earcheck/ear/jurisdiction"
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
	// *RequestError at "as_of" for the zero Date (the rules in force, the
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
}

// Options choose among readings of the regulation and conservative
// policies. The zero Options are the defaults: the AI diffusion amendments
// as codified, unknown origin indeterminate.
type Options struct {
	// AIDiffusion is the reading of the January 2025 AI diffusion
	// amendments; the zero value means AIDiffusionCodified.
	AIDiffusion AIDiffusionReading
	// UnknownOrigin is the policy for bill-of-materials lines of unknown
	// origin; the zero value means UnknownOriginIndeterminate.
	UnknownOrigin UnknownOriginPolicy
}

// RequestError reports a request that cannot be decided, naming the field in
// the wire format's terms ("item.components[2].value.amount",
// "destination.region", "options.ai_diffusion"). It wraps the underlying
// error, usually a *product.FieldError or a parse error.
type RequestError struct {
	Field string // path of the field in the wire format; "" for the request as a whole
	Err   error  // what is wrong
}

// Error implements the error interface.
func (e *RequestError) Error() string {
	if e.Field == "" {
		return "license: request: " + e.Err.Error()
	}
	return "license: " + e.Field + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RequestError) Unwrap() error { return e.Err }

// maxRequestBytes bounds one decoded request (a 100,000-line bill of
// materials is about 25 MB of JSON).
const maxRequestBytes = 64 << 20

// DecodeRequest reads one JSON request from r. Unknown members anywhere are
// an error naming the member; so are trailing data, a body over 64 MiB,
// amounts that are not JSON strings and values that do not parse. The error
// is a *RequestError naming the field.
func DecodeRequest(r io.Reader) (Request, error) {
	data, err := io.ReadAll(io.LimitReader(r, maxRequestBytes+1))
	if err != nil {
		return Request{}, &RequestError{Err: err}
	}
	if len(data) > maxRequestBytes {
		return Request{}, &RequestError{Err: fmt.Errorf("request larger than %d bytes", maxRequestBytes)}
	}
	var req Request
	if err := req.UnmarshalJSON(data); err != nil {
		return Request{}, asRequestError(err)
	}
	return req, nil
}

// asRequestError turns a decoding error into a *RequestError naming the
// field.
func asRequestError(err error) error {
	if re, ok := errors.AsType[*RequestError](err); ok {
		return re
	}
	if fe, ok := errors.AsType[*product.FieldError](err); ok {
		return &RequestError{Field: fe.Field, Err: fe.Err}
	}
	if de, ok := errors.AsType[*jurisdiction.DestinationError](err); ok {
		return &RequestError{Field: de.Field, Err: err}
	}
	if re, ok := errors.AsType[*origin.RatesError](err); ok {
		return &RequestError{Field: re.Field, Err: errors.New(re.Msg)}
	}
	if qe, ok := errors.AsType[*QueryError](err); ok {
		return &RequestError{Field: qe.Field, Err: qe.Err}
	}
	return &RequestError{Err: err}
}

// UnmarshalJSON decodes a request strictly: every member must be one the
// wire format defines, given once, and each is decoded by its type's
// strict decoder. Errors are a *RequestError naming the field; a member
// given twice wraps product.ErrDuplicate. Malformed JSON is reported
// first; otherwise members are decoded in document order and the first
// problem met is the one reported, so the same input always gets the same
// error.
func (req *Request) UnmarshalJSON(data []byte) error {
	if t := bytes.TrimSpace(data); len(t) == 0 || t[0] != '{' {
		return &RequestError{Err: errors.New("want a JSON object")}
	}
	// Check the syntax of the whole document, and that nothing follows the
	// object, before any member is decoded.
	if !json.Valid(data) {
		dec := json.NewDecoder(bytes.NewReader(data))
		var whole json.RawMessage
		if err := dec.Decode(&whole); err != nil {
			return &RequestError{Err: fmt.Errorf("malformed JSON: %w", err)}
		}
		return &RequestError{Err: errors.New("trailing data after the request object")}
	}
	var out Request
	under := func(field string, err error) error {
		if err == nil {
			return nil
		}
		if fe, ok := errors.AsType[*product.FieldError](err); ok {
			path := fe.Field
			switch {
			case path == "" || path == field:
				path = field
			case len(path) > len(field) && path[:len(field)] == field && (path[len(field)] == '.' || path[len(field)] == '['):
			case path[0] == '[':
				path = field + path
			default:
				path = field + "." + path
			}
			return &RequestError{Field: path, Err: fe.Err}
		}
		return &RequestError{Field: field, Err: err}
	}
	text := func(field string, raw json.RawMessage, u interface{ UnmarshalText([]byte) error }) error {
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return &RequestError{Field: field, Err: errors.New("want a JSON string")}
		}
		return under(field, u.UnmarshalText([]byte(s)))
	}
	err := fdpEachMember(data, func(k string, raw json.RawMessage) error {
		if bytes.Equal(bytes.TrimSpace(raw), []byte("null")) {
			switch k {
			case "as_of", "item", "exported_from", "destination", "parties", "end_uses", "incorporations", "exchange_rates", "options":
				return nil
			}
		}
		switch k {
		case "as_of":
			return text(k, raw, &out.AsOf)
		case "item":
			return under("item", json.Unmarshal(raw, &out.Item))
		case "exported_from":
			return text(k, raw, &out.ExportedFrom)
		case "destination":
			return decodeDestination(raw, &out.Destination)
		case "parties":
			return under(k, json.Unmarshal(raw, &out.Parties))
		case "end_uses":
			return under(k, json.Unmarshal(raw, &out.EndUses))
		case "incorporations":
			return under(k, json.Unmarshal(raw, &out.Incorporations))
		case "exchange_rates":
			err := json.Unmarshal(raw, &out.ExchangeRates)
			if re, ok := errors.AsType[*origin.RatesError](err); ok && re.Field != "" {
				// The rates name their own field ("exchange_rates.rates[0].rate").
				return &RequestError{Field: re.Field, Err: err}
			}
			return under(k, err)
		case "options":
			return decodeOptions(raw, &out.Options)
		}
		return &RequestError{Field: product.MemberName(k), Err: product.ErrUnknownField}
	})
	if err != nil {
		return asMemberError("", err)
	}
	*req = out
	return nil
}

// asMemberError turns an error of fdpEachMember over the object at path
// ("" for the request, "destination", "options") into a *RequestError: a
// member's own *RequestError as it is, a member given twice named under
// path, anything else (malformed JSON) as an error of the object at path.
func asMemberError(path string, err error) error {
	if re, ok := errors.AsType[*RequestError](err); ok {
		return re
	}
	if fe, ok := errors.AsType[*product.FieldError](err); ok {
		if path != "" {
			return &RequestError{Field: path + "." + fe.Field, Err: fe.Err}
		}
		return &RequestError{Field: fe.Field, Err: fe.Err}
	}
	if path == "" {
		return &RequestError{Err: fmt.Errorf("malformed JSON: %w", err)}
	}
	return &RequestError{Field: path, Err: err}
}

// decodeDestination decodes {"country": "UA", "region": "crimea"}: both
// members JSON strings, each given at most once, no other member. Errors
// are a *RequestError naming the member ("destination.country"), the first
// in document order.
func decodeDestination(raw json.RawMessage, d *jurisdiction.Destination) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return &RequestError{Field: "destination", Err: errors.New("want a JSON object")}
	}
	var country, region string
	err := fdpEachMember(raw, func(k string, v json.RawMessage) error {
		var dst *string
		switch k {
		case "country":
			dst = &country
		case "region":
			dst = &region
		default:
			return &RequestError{Field: "destination." + product.MemberName(k), Err: product.ErrUnknownField}
		}
		if err := json.Unmarshal(v, dst); err != nil {
			return &RequestError{Field: "destination." + k, Err: errors.New("want a JSON string")}
		}
		// A malformed value is reported here, in document order, with the
		// error ParseDestination gives for it; the pair is checked below.
		var err error
		if k == "country" {
			_, err = jurisdiction.ParseCountry(country)
		} else {
			_, err = jurisdiction.ParseRegion(region)
		}
		if err != nil {
			return asRequestError(&jurisdiction.DestinationError{Field: "destination." + k, Msg: err.Error(), Err: err})
		}
		return nil
	})
	if err != nil {
		return asMemberError("destination", err)
	}
	v, err := jurisdiction.ParseDestination(country, region)
	if err != nil {
		return asRequestError(err)
	}
	*d = v
	return nil
}

// decodeOptions decodes {"ai_diffusion": "...", "unknown_origin": "..."}:
// each member a JSON string given at most once, no other member. Errors are
// a *RequestError naming the member ("options.ai_diffusion"), the first in
// document order.
func decodeOptions(raw json.RawMessage, o *Options) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
		return &RequestError{Field: "options", Err: errors.New("want a JSON object")}
	}
	var v Options
	err := fdpEachMember(raw, func(k string, m json.RawMessage) error {
		var u interface{ UnmarshalText([]byte) error }
		switch k {
		case "ai_diffusion":
			u = &v.AIDiffusion
		case "unknown_origin":
			u = &v.UnknownOrigin
		default:
			return &RequestError{Field: "options." + product.MemberName(k), Err: product.ErrUnknownField}
		}
		var s string
		if err := json.Unmarshal(m, &s); err != nil {
			return &RequestError{Field: "options." + k, Err: errors.New("want a JSON string")}
		}
		if err := u.UnmarshalText([]byte(s)); err != nil {
			return &RequestError{Field: "options." + k, Err: err}
		}
		return nil
	})
	if err != nil {
		return asMemberError("options", err)
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
		Options        opts                     `json:"options"`
	}{
		AsOf: req.AsOf.String(), Item: req.Item, ExportedFrom: req.ExportedFrom.String(), Destination: req.Destination,
		Options: opts{AIDiffusion: req.Options.AIDiffusion, UnknownOrigin: req.Options.UnknownOrigin},
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
	return json.Marshal(out)
}
