package fdp

import (
	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/product"
)

// EndUse is an end use the caller knows of, in the words of the wire
// format's end_uses[]; the FDP rules' end-use prongs and the end-use
// controls of part 744 ask about them. The zero EndUse is invalid.
type EndUse uint8

// The end uses the FDP rules and the end-use controls ask about.
const (
	// EndUseSupercomputer: design, development, production, operation,
	// installation, maintenance, repair, overhaul or refurbishing of a
	// "supercomputer", or of a part, component or equipment for one
	// (15 CFR 734.9(i), 744.23(a)(1)).
	EndUseSupercomputer EndUse = iota + 1
	// EndUseAdvancedNodeIC: development or production of "advanced-node
	// integrated circuits" (15 CFR 744.23(a)(2)).
	EndUseAdvancedNodeIC
	// EndUseMilitaryEndUse: a "military end use" (15 CFR 744.21).
	EndUseMilitaryEndUse
	// EndUseMilitaryEndUser: a "military end user" (15 CFR 744.21).
	EndUseMilitaryEndUser
)

var endUseNames = [...]string{"", "supercomputer", "advanced_node_ic", "military_end_use", "military_end_user"}

// ParseEndUse parses "supercomputer", "advanced_node_ic",
// "military_end_use" or "military_end_user"; anything else is a
// *product.EnumError.
func ParseEndUse(s string) (EndUse, error) {
	if u, ok := enum.Parse[EndUse](s, endUseNames[:]); ok {
		return u, nil
	}
	return 0, &product.EnumError{Type: "end use", Input: s, Want: enum.Want(endUseNames[:])}
}

// IsValid reports whether u is one of the four end uses.
func (u EndUse) IsValid() bool { return u >= EndUseSupercomputer && u <= EndUseMilitaryEndUser }

// String returns the wire text ("supercomputer"), or "" for an invalid
// EndUse.
func (u EndUse) String() string { return enum.String(u, endUseNames[:]) }

// MarshalText implements encoding.TextMarshaler; an invalid EndUse is an
// error.
func (u EndUse) MarshalText() ([]byte, error) {
	return enum.Text("end use", u, endUseNames[:], product.ErrInvalid)
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (u *EndUse) UnmarshalText(b []byte) error { return enum.Unmarshal(u, string(b), ParseEndUse) }
