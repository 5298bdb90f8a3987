// Package enum holds the text of the small enumerations of the ear
// packages: each is a uint8 whose values 1..n are named by names[1..n]
// (names[0] is the zero value's empty name, which never parses).
package enum

import (
	"fmt"
	"slices"
	"strings"
)

// Parse returns the value named s, and false when no value of names is
// named s (the empty name of the zero value included).
func Parse[T ~uint8](s string, names []string) (T, bool) {
	for i := 1; i < len(names); i++ {
		if strings.EqualFold(names[i], s) {
			return T(i), true
		}
	}
	return 0, false
}

// Want returns a copy of the accepted names (all but the zero value's), for
// an error that lists them.
func Want(names []string) []string { return slices.Clone(names[1:]) }

// String returns the name of v, or "" for a value with no name.
func String[T ~uint8](v T, names []string) string {
	if int(v) >= len(names) {
		return ""
	}
	return names[v]
}

// Text returns the name of v for MarshalText; the zero value and a value
// with no name are an error that wraps invalid and names the type typ.
func Text[T ~uint8](typ string, v T, names []string, invalid error) ([]byte, error) {
	if v == 0 || int(v) >= len(names) {
		return nil, fmt.Errorf("cannot marshal %w %s %d", invalid, typ, uint8(v))
	}
	return []byte(names[v]), nil
}

// Unmarshal sets *p to the value that parse finds for s, leaving *p
// unchanged on error.
func Unmarshal[T ~uint8](p *T, s string, parse func(string) (T, error)) error {
	v, err := parse(s)
	if err != nil {
		return err
	}
	*p = v
	return nil
}
