package exception

import (
	"strings"

	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/product"
)

// Code names a License Exception of 15 CFR part 740 that the SDK
// evaluates, in the order of the part (740.3 LVS to 740.25 HBM). The zero
// Code is invalid.
type Code uint8

// The License Exceptions evaluated, in CFR order.
const (
	LVS      Code = iota + 1 // Shipments of limited value, 15 CFR 740.3
	GBS                      // Shipments to Country Group B countries, 15 CFR 740.4
	CIV                      // Civil end-users, 15 CFR 740.5 (removed 2020-06-29)
	TSR                      // Technology and software under restriction, 15 CFR 740.6
	APP                      // Computers, 15 CFR 740.7
	NAC                      // Notified Advanced Computing / Advanced Computing Authorized, 15 CFR 740.8 ("NAC/ACA")
	TMP                      // Temporary imports, exports, reexports and transfers, 15 CFR 740.9
	RPL                      // Servicing and replacement of parts and equipment, 15 CFR 740.10
	GOV                      // Governments, international organizations and others, 15 CFR 740.11
	TSU                      // Technology and software - unrestricted, 15 CFR 740.13
	BAG                      // Baggage, 15 CFR 740.14
	ENC                      // Encryption commodities, software and technology, 15 CFR 740.17
	STA                      // Strategic Trade Authorization, 15 CFR 740.20
	IEC                      // Implementation of export controls, 15 CFR 740.24
	HBM                      // Advanced compute manufacturing (headquartered outside Macau and D:5), 15 CFR 740.25
	numCodes                 // one past the last code
)

var codeNames = [...]string{"", "LVS", "GBS", "CIV", "TSR", "APP", "NAC/ACA", "TMP", "RPL", "GOV", "TSU", "BAG", "ENC", "STA", "IEC", "HBM"}

// Codes returns every Code in CFR order. The caller owns the slice.
func Codes() []Code {
	out := make([]Code, 0, numCodes-1)
	for c := LVS; c < numCodes; c++ {
		out = append(out, c)
	}
	return out
}

// ParseCode parses a code as the EAR prints it ("GBS", case-insensitive;
// "NAC/ACA", "NAC" or "ACA" for 740.8). Unknown text is a
// *product.EnumError.
func ParseCode(s string) (Code, error) {
	if strings.EqualFold(s, "NAC") || strings.EqualFold(s, "ACA") {
		return NAC, nil
	}
	if c, ok := enum.Parse[Code](s, codeNames[:]); ok {
		return c, nil
	}
	return 0, &product.EnumError{Type: "license exception", Input: s, Want: enum.Want(codeNames[:])}
}

// IsValid reports whether c is one of the codes above.
func (c Code) IsValid() bool { return c >= LVS && c < numCodes }

// String returns the code as the EAR prints it ("GBS", "NAC/ACA"), or ""
// for an invalid Code.
func (c Code) String() string { return enum.String(c, codeNames[:]) }

// MarshalText implements encoding.TextMarshaler; an invalid Code is an
// error.
func (c Code) MarshalText() ([]byte, error) {
	return enum.Text("Code", c, codeNames[:], product.ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseCode.
func (c *Code) UnmarshalText(b []byte) error { return enum.Unmarshal(c, string(b), ParseCode) }

// Outcome is the answer for one License Exception: available, not
// available, or indeterminate (a fact the request does not give decides).
// The zero Outcome is invalid.
type Outcome uint8

// The outcomes.
const (
	Available     Outcome = iota + 1 // every condition the SDK reads is met
	NotAvailable                     // a condition is not met
	Indeterminate                    // no condition fails, and a fact not given decides one
)

var outcomeNames = [...]string{"", "available", "not_available", "indeterminate"}

// IsValid reports whether o is one of the outcomes.
func (o Outcome) IsValid() bool { return o >= Available && o <= Indeterminate }

// String returns the wire word: "available", "not_available" or
// "indeterminate"; "" for an invalid Outcome.
func (o Outcome) String() string { return enum.String(o, outcomeNames[:]) }

// MarshalText implements encoding.TextMarshaler; an invalid Outcome is an
// error.
func (o Outcome) MarshalText() ([]byte, error) {
	return enum.Text("Outcome", o, outcomeNames[:], product.ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (o *Outcome) UnmarshalText(b []byte) error {
	return enum.Unmarshal(o, string(b), func(s string) (Outcome, error) {
		if v, ok := enum.Parse[Outcome](s, outcomeNames[:]); ok {
			return v, nil
		}
		return 0, &product.EnumError{Type: "exception outcome", Input: s, Want: enum.Want(outcomeNames[:])}
	})
}
