package product

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Sentinel errors that classify the problems Item.Validate and the JSON
// decoders report. Each *FieldError's Err wraps exactly one of them, so
// callers can sort problems with errors.Is without parsing messages.
var (
	// ErrMissing: a fact the rules need was not given (an item without a
	// value, a line without an origin). Not knowing a fact is said
	// explicitly ("unknown"), never by leaving it out.
	ErrMissing = errors.New("missing")

	// ErrInvalid: a value outside its type's range, such as an Origin built
	// by conversion from an out-of-range integer, or the zero Money in
	// arithmetic.
	ErrInvalid = errors.New("invalid")

	// ErrOutOfRange: a number outside what the field allows, such as a
	// negative line value or a quantity of zero.
	ErrOutOfRange = errors.New("out of range")

	// ErrInconsistent: facts that contradict each other, such as a 3E001
	// item said to be a commodity, or software "incorporated" into a
	// commodity.
	ErrInconsistent = errors.New("inconsistent")

	// ErrDuplicate: an identifier used twice where it must be unique.
	ErrDuplicate = errors.New("duplicate")

	// ErrUnknownField: a JSON object member that the wire format does not
	// define.
	ErrUnknownField = errors.New("unknown field")
)

// FieldError is one problem with one field of an item, named by its path as
// the JSON wire format spells it: "item.value.amount",
// "item.components[3].quantity", "item.direct_product_of[1].origin".
//
// Item.Validate joins every FieldError it finds with errors.Join; find them
// with errors.As or errors.AsType, or walk them with FieldErrors.
type FieldError struct {
	Field string // path of the field in the wire format
	Err   error  // what is wrong; wraps a sentinel such as ErrMissing, or a parse error such as *AmountError
}

// Error implements the error interface: the path, a colon and the problem.
func (e *FieldError) Error() string {
	if e.Err == nil {
		return e.Field + ": invalid"
	}
	return e.Field + ": " + e.Err.Error()
}

// Unwrap returns the underlying problem.
func (e *FieldError) Unwrap() error { return e.Err }

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

// underField places err (from decoding the value at path) under path: a
// *FieldError's own path is appended to path, anything else is wrapped.
func underField(path string, err error) error {
	var fe *FieldError
	if errors.As(err, &fe) {
		sub := fe.Field
		switch {
		case sub == "":
		case strings.HasPrefix(sub, "["):
			path += sub
		default:
			path += "." + sub
		}
		return &FieldError{Field: path, Err: fe.Err}
	}
	return &FieldError{Field: path, Err: err}
}

// AmountError reports text that is not an amount in the strict syntax of
// ParseMoney and ParseQuantity.
type AmountError struct {
	Input string // the text that was parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *AmountError) Error() string {
	return fmt.Sprintf("product: malformed amount %q: %s", clip(e.Input), e.Msg)
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

// MemberName returns a JSON object member's name as it appears in a
// FieldError's path: as is when it is a plain name (ASCII letters, digits
// and underscores, as every name of the wire format is), otherwise quoted
// as a JSON string, so that an empty name reads `item.""` and a name with a
// dot or bracket is not mistaken for a deeper path (`item."a.b"`).
func MemberName(key string) string {
	plain := key != ""
	for i := 0; i < len(key) && plain; i++ {
		c := key[i]
		plain = c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	if plain {
		return key
	}
	return strconv.Quote(key)
}
