package jurisdiction

import "fmt"

// Country is a destination of the EAR's tables, named by its ISO 3166-1
// alpha-2 code. It is a small comparable value: == compares, and it can be
// a map key. The zero Country is invalid.
//
// STUB (lead): the generated table of the 200 destinations replaces the
// syntax-only check below.
type Country struct {
	code [2]byte
}

// CountryError reports text that is not the code of a destination the EAR's
// tables know.
type CountryError struct {
	Input string // the text that was parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *CountryError) Error() string {
	return fmt.Sprintf("jurisdiction: invalid country %q: %s", e.Input, e.Msg)
}

// ParseCountry parses an ISO 3166-1 alpha-2 code ("CN", case-insensitive).
func ParseCountry(s string) (Country, error) {
	if len(s) != 2 {
		return Country{}, &CountryError{Input: s, Msg: "want a two-letter ISO 3166-1 code"}
	}
	var c Country
	for i := 0; i < 2; i++ {
		b := s[i]
		if b >= 'a' && b <= 'z' {
			b -= 'a' - 'A'
		}
		if b < 'A' || b > 'Z' {
			return Country{}, &CountryError{Input: s, Msg: "want a two-letter ISO 3166-1 code"}
		}
		c.code[i] = b
	}
	return c, nil
}

// MustParseCountry is like ParseCountry but panics on error. It is intended
// for tests and constant text.
func MustParseCountry(s string) Country {
	c, err := ParseCountry(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is a known destination.
func (c Country) IsValid() bool { return c.code[0] != 0 }

// String returns the ISO code ("CN"), or "" for the zero Country.
func (c Country) String() string {
	if !c.IsValid() {
		return ""
	}
	return string(c.code[:])
}
