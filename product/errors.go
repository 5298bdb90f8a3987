package product

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
)

// Sentinel errors that classify every problem with a field of the wire
// format, each with a stable code (FieldError.Code). Every *FieldError
// wraps exactly one of them, so callers can sort problems with errors.Is,
// or by code, without parsing messages.
var (
	// ErrMalformed (code "malformed"): the JSON itself is wrong: not JSON,
	// truncated, trailing data, or a value of the wrong JSON type (an
	// amount given as a JSON number rather than a string).
	ErrMalformed = errors.New("malformed")

	// ErrMissing (code "missing"): a fact the rules need was not given (an
	// item without a value, a line without an origin). Not knowing a fact
	// is said explicitly ("unknown"), never by leaving it out.
	ErrMissing = errors.New("missing")

	// ErrInvalid (code "invalid"): a value that does not parse or is not
	// allowed: a bad date, currency, country, ECCN or enumeration word, an
	// amount in exponent notation, an Origin built by conversion from an
	// out-of-range integer, or the zero Money in arithmetic.
	ErrInvalid = errors.New("invalid")

	// ErrOutOfRange (code "out_of_range"): a number outside what the field
	// allows, such as a negative line value or a quantity of zero.
	ErrOutOfRange = errors.New("out of range")

	// ErrInconsistent (code "inconsistent"): facts that contradict each
	// other, such as a 3E001 item said to be a commodity, or software
	// "incorporated" into a commodity.
	ErrInconsistent = errors.New("inconsistent")

	// ErrDuplicate (code "duplicate"): a JSON object member given twice, or
	// an identifier used twice where it must be unique.
	ErrDuplicate = errors.New("duplicate")

	// ErrUnknownField (code "unknown_field"): a JSON object member that the
	// wire format does not define.
	ErrUnknownField = errors.New("unknown field")

	// ErrDateOutOfRange (code "date_out_of_range"): a date of evaluation
	// outside the history that the tables cover.
	ErrDateOutOfRange = errors.New("date out of range")

	// ErrNoRate (code "no_rate"): a value in a currency that no given
	// exchange rate converts into the item's currency.
	ErrNoRate = errors.New("no exchange rate")

	// ErrNotAnExport (code "not_an_export"): the destination is the United
	// States; a shipment into the United States is not an export or
	// reexport.
	ErrNotAnExport = errors.New("not an export")
)

// errorCodes pairs each sentinel with its wire code.
var errorCodes = [...]struct {
	kind error
	code string
}{
	{ErrMalformed, "malformed"},
	{ErrMissing, "missing"},
	{ErrInvalid, "invalid"},
	{ErrOutOfRange, "out_of_range"},
	{ErrInconsistent, "inconsistent"},
	{ErrDuplicate, "duplicate"},
	{ErrUnknownField, "unknown_field"},
	{ErrDateOutOfRange, "date_out_of_range"},
	{ErrNoRate, "no_rate"},
	{ErrNotAnExport, "not_an_export"},
}

// FieldError is one problem with one field, named by its path as the JSON
// wire format spells it: "item.value.amount", "item.components[3].quantity",
// "destination.country", "exchange_rates.rates[0].rate"; "" names the
// request as a whole (JSON that is not one object).
//
// Item.Validate joins every FieldError it finds with errors.Join; find them
// with errors.As or errors.AsType, or walk them with FieldErrors. Every
// FieldError wraps exactly one of the sentinel errors (ErrMalformed,
// ErrMissing, ...), whose code Code returns; a parse error inside it
// (*ECCNError, *AmountError, *jurisdiction.CountryError) is still found
// by errors.As.
type FieldError struct {
	Field string // path of the field in the wire format; "" for the whole request
	Err   error  // what is wrong; wraps a sentinel such as ErrMissing, and often a parse error such as *AmountError
}

// Error implements the error interface: "ear: ", the path, a colon and
// the problem ("ear: item.value.amount: invalid amount ...").
func (e *FieldError) Error() string {
	msg := "invalid"
	if e.Err != nil {
		msg = trimPrefixes(e.Err.Error())
	}
	if e.Field == "" {
		return "ear: " + msg
	}
	return "ear: " + e.Field + ": " + msg
}

// trimPrefixes drops the package prefixes ("product: ", "license: ") that
// errors used on their own carry, so that a FieldError's message has the
// one prefix "ear: ".
func trimPrefixes(msg string) string {
	for {
		cut := false
		for _, p := range [...]string{"ear: ", "product: ", "license: ", "jurisdiction: ", "origin: ", "json: "} {
			if rest, ok := strings.CutPrefix(msg, p); ok {
				msg, cut = rest, true
			}
		}
		if !cut {
			return msg
		}
	}
}

// Unwrap returns the underlying problem.
func (e *FieldError) Unwrap() error { return e.Err }

// Is reports whether target is the sentinel of e's kind when Err wraps
// none itself (a parse error such as *ECCNError is ErrInvalid, JSON of
// the wrong shape ErrMalformed), so that every FieldError is of exactly
// one kind.
func (e *FieldError) Is(target error) bool {
	for _, c := range errorCodes {
		if errors.Is(e.Err, c.kind) {
			return false // Err says its kind itself
		}
	}
	return target == kindOf(e.Err)
}

// Code returns the stable code of the sentinel that e wraps: "malformed",
// "missing", "invalid", "out_of_range", "inconsistent", "duplicate",
// "unknown_field", "date_out_of_range", "no_rate" or "not_an_export". It is
// never empty.
func (e *FieldError) Code() string {
	for _, c := range errorCodes {
		if errors.Is(e.Err, c.kind) {
			return c.code
		}
	}
	k := kindOf(e.Err)
	for _, c := range errorCodes {
		if c.kind == k {
			return c.code
		}
	}
	return "invalid" // unreachable: kindOf returns a sentinel of errorCodes
}

// kindOf returns the sentinel that an error wrapping none belongs to: JSON
// of the wrong shape is malformed, a repeated member a duplicate, a date
// outside the tables' history out of their range, anything else (a value
// that does not parse) invalid.
func kindOf(err error) error {
	if _, ok := errors.AsType[*wire.DuplicateError](err); ok {
		return ErrDuplicate
	}
	if _, ok := errors.AsType[*jurisdiction.DateRangeError](err); ok {
		return ErrDateOutOfRange
	}
	if _, ok := errors.AsType[*wire.MalformedError](err); ok {
		return ErrMalformed
	}
	if _, ok := errors.AsType[*json.SyntaxError](err); ok {
		return ErrMalformed
	}
	if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		return ErrMalformed
	}
	if errors.Is(err, io.ErrUnexpectedEOF) {
		return ErrMalformed
	}
	return ErrInvalid
}

// NewFieldError returns the *FieldError for the problem err at path. If
// err is a *FieldError, its own path is placed under path
// ("item" and "value.amount" make "item.value.amount"; "parties" and
// "[0].role" make "parties[0].role"). Otherwise an err that wraps none of
// the sentinel errors is joined with the one its kind implies (ErrInvalid
// for a parse error such as *ECCNError, ErrMalformed for JSON of the
// wrong shape), so that both errors.Is with the sentinel and errors.As
// with err's own type find it.
func NewFieldError(path string, err error) *FieldError {
	if fe, ok := errors.AsType[*FieldError](err); ok {
		return &FieldError{Field: wire.JoinPath(path, fe.Field), Err: fe.Err}
	}
	if err == nil {
		return &FieldError{Field: path, Err: ErrInvalid}
	}
	for _, c := range errorCodes {
		if errors.Is(err, c.kind) {
			return &FieldError{Field: path, Err: err}
		}
	}
	return &FieldError{Field: path, Err: wire.WithKind(kindOf(err), err)}
}

// FieldErrors returns every *FieldError in err, in order, looking through
// errors.Join and %w wrapping. It returns nil if there is none.
func FieldErrors(err error) []*FieldError {
	var out []*FieldError
	var walk func(error)
	walk = func(err error) {
		switch e := err.(type) {
		case nil:
		case *FieldError:
			out = append(out, e)
		case interface{ Unwrap() []error }:
			for _, x := range e.Unwrap() {
				walk(x)
			}
		case interface{ Unwrap() error }:
			walk(e.Unwrap())
		}
	}
	walk(err)
	return out
}

// ruleError is the Err of a FieldError made by validation: a message and
// the sentinel it belongs to.
type ruleError struct {
	kind error
	msg  string
}

func (e *ruleError) Error() string { return e.msg }
func (e *ruleError) Unwrap() error { return e.kind }

// fieldErr makes a *FieldError for path whose problem belongs to kind.
func fieldErr(path string, kind error, format string, args ...any) *FieldError {
	return &FieldError{Field: path, Err: &ruleError{kind: kind, msg: fmt.Sprintf(format, args...)}}
}

// AmountError reports text that is not an amount in the strict syntax of
// ParseMoney and ParseQuantity.
type AmountError struct {
	Input string // the text that was parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *AmountError) Error() string {
	return fmt.Sprintf("product: invalid amount %q: %s", clip(e.Input), e.Msg)
}

// CurrencyError reports text that is not an active ISO 4217 currency code.
type CurrencyError struct {
	Input string // the text that was parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *CurrencyError) Error() string {
	return fmt.Sprintf("product: invalid currency %q: %s", clip(e.Input), e.Msg)
}

// CurrencyMismatchError reports arithmetic or a comparison between amounts
// in two different currencies. Converting one of them is the caller's job
// (the origin package does it with stated exchange rates).
type CurrencyMismatchError struct {
	Op    string   // the operation: "compare", "add"
	Left  Currency // currency of the receiver
	Right Currency // currency of the argument
}

// Error implements the error interface.
func (e *CurrencyMismatchError) Error() string {
	return fmt.Sprintf("product: cannot %s %s with %s: different currencies (convert first)", e.Op, e.Left, e.Right)
}

// HTSError reports text that is not a Harmonized Tariff Schedule code.
type HTSError struct {
	Input string // the text that was parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *HTSError) Error() string {
	return fmt.Sprintf("product: malformed HTS code %q: %s", clip(e.Input), e.Msg)
}

// EnumError reports text that names no value of one of the package's
// enumerations (Origin, Relation, EncryptionStatus).
type EnumError struct {
	Type  string   // the enumeration: "origin", "relation", "encryption status"
	Input string   // the text that was parsed
	Want  []string // the accepted texts
}

// Error implements the error interface.
func (e *EnumError) Error() string {
	return fmt.Sprintf("product: unknown %s %q (want %s)", e.Type, clip(e.Input), strings.Join(e.Want, ", "))
}

// clip shortens untrusted input for an error message.
func clip(s string) string {
	const max = 64
	if len(s) <= max {
		return s
	}
	// Cut at a rune boundary so the message stays valid UTF-8.
	i := max
	for i > 0 && s[i]&0xC0 == 0x80 {
		i--
	}
	return s[:i] + "..."
}
