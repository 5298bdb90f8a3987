package jurisdiction

import "fmt"

// Group is one of the EAR's country groups of Supplement No. 1 to part 740
// (A:1 to E:2). The zero Group is invalid.
type Group uint8

// The country groups of Supplement No. 1 to part 740, in the order the
// supplement prints them.
const (
	GroupA1   Group         = iota + 1 // A:1 Wassenaar Participating States
	GroupA2                            // A:2 Missile Technology Control Regime
	GroupA3                            // A:3 Australia Group
	GroupA4                            // A:4 Nuclear Suppliers Group
	GroupA5                            // A:5
	GroupA6                            // A:6
	GroupB                             // B
	GroupD1                            // D:1 National security
	GroupD2                            // D:2 Nuclear
	GroupD3                            // D:3 Chemical and biological
	GroupD4                            // D:4 Missile technology
	GroupD5                            // D:5 US arms embargoed countries
	GroupE1                            // E:1 Terrorist supporting countries
	GroupE2                            // E:2 Unilateral embargo
	numGroups = GroupE2 + 1            // one past the last group
)

var groupNames = [...]string{"", "A:1", "A:2", "A:3", "A:4", "A:5", "A:6", "B", "D:1", "D:2", "D:3", "D:4", "D:5", "E:1", "E:2"}

// Groups returns every country group in the order of Supplement No. 1 to
// part 740. The caller owns the returned slice.
func Groups() []Group {
	gs := make([]Group, 0, numGroups-1)
	for g := GroupA1; g < numGroups; g++ {
		gs = append(gs, g)
	}
	return gs
}

// GroupError reports text that names no country group.
type GroupError struct {
	Input string // the text that was parsed
}

// Error implements the error interface.
func (e *GroupError) Error() string {
	return fmt.Sprintf("jurisdiction: unknown country group %q (want A:1..A:6, B, D:1..D:5, E:1, E:2)", e.Input)
}

// ParseGroup parses a country group as the EAR writes it: "A:5", "B",
// "D:5", "E:1". Letters may be lower case. Anything else is a *GroupError.
func ParseGroup(s string) (Group, error) {
	if len(s) == 1 || len(s) == 3 {
		b := []byte(s)
		if b[0] >= 'a' && b[0] <= 'z' {
			b[0] -= 'a' - 'A'
		}
		u := string(b)
		for g := GroupA1; g < numGroups; g++ {
			if groupNames[g] == u {
				return g, nil
			}
		}
	}
	return 0, &GroupError{Input: s}
}

// MustParseGroup is like ParseGroup but panics on error. It is intended for
// tests and constant text.
func MustParseGroup(s string) Group {
	g, err := ParseGroup(s)
	if err != nil {
		panic(err)
	}
	return g
}

// IsValid reports whether g is one of the defined groups.
func (g Group) IsValid() bool { return g > 0 && g < numGroups }

// String returns the group as the EAR writes it ("D:5"), or "" for an
// invalid Group.
func (g Group) String() string {
	if !g.IsValid() {
		return ""
	}
	return groupNames[g]
}

// MarshalText implements encoding.TextMarshaler.
func (g Group) MarshalText() ([]byte, error) {
	if !g.IsValid() {
		return nil, fmt.Errorf("jurisdiction: cannot marshal invalid Group %d", uint8(g))
	}
	return []byte(g.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (g *Group) UnmarshalText(b []byte) error {
	v, err := ParseGroup(string(b))
	if err != nil {
		return err
	}
	*g = v
	return nil
}
