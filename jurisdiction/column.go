package jurisdiction

import "fmt"

// Column is a column of the Commerce Country Chart (Supplement No. 1 to part
// 738): a reason for control and its column number, such as NS2. The zero
// Column is invalid.
type Column uint8

// The sixteen columns of the Commerce Country Chart, in the order the chart
// prints them (FC1 stands between RS2 and CC1).
const (
	CB1        Column    = iota + 1 // Chemical and biological weapons, column 1
	CB2                             // Chemical and biological weapons, column 2
	CB3                             // Chemical and biological weapons, column 3
	NP1                             // Nuclear nonproliferation, column 1
	NP2                             // Nuclear nonproliferation, column 2
	NS1                             // National security, column 1
	NS2                             // National security, column 2
	MT1                             // Missile technology, column 1
	RS1                             // Regional stability, column 1
	RS2                             // Regional stability, column 2
	FC1                             // Firearms convention, column 1
	CC1                             // Crime control, column 1
	CC2                             // Crime control, column 2
	CC3                             // Crime control, column 3
	AT1                             // Anti-terrorism, column 1
	AT2                             // Anti-terrorism, column 2
	numColumns = AT2 + 1            // one past the last column
)

var columnNames = [...]string{"", "CB1", "CB2", "CB3", "NP1", "NP2", "NS1", "NS2", "MT1", "RS1", "RS2", "FC1", "CC1", "CC2", "CC3", "AT1", "AT2"}

// Columns returns the sixteen chart columns in the chart's order. The caller
// owns the returned slice.
func Columns() []Column {
	cs := make([]Column, 0, numColumns-1)
	for c := CB1; c < numColumns; c++ {
		cs = append(cs, c)
	}
	return cs
}

// ColumnError reports text that names no Country Chart column.
type ColumnError struct {
	Input string // the text that was parsed
}

// Error implements the error interface.
func (e *ColumnError) Error() string {
	return fmt.Sprintf("jurisdiction: unknown Country Chart column %q", e.Input)
}

// ParseColumn parses a chart column written as reason and number ("NS2",
// "ns2", "NS 2"). Anything else is a *ColumnError.
func ParseColumn(s string) (Column, error) {
	b := make([]byte, 0, 3)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == ' ' && len(b) == 2:
			continue
		case c >= 'a' && c <= 'z':
			c -= 'a' - 'A'
		}
		b = append(b, c)
		if len(b) > 3 {
			break
		}
	}
	u := string(b)
	for c := CB1; c < numColumns; c++ {
		if columnNames[c] == u {
			return c, nil
		}
	}
	return 0, &ColumnError{Input: s}
}

// MustParseColumn is like ParseColumn but panics on error. It is intended
// for tests and constant text.
func MustParseColumn(s string) Column {
	c, err := ParseColumn(s)
	if err != nil {
		panic(err)
	}
	return c
}

// IsValid reports whether c is one of the sixteen chart columns.
func (c Column) IsValid() bool { return c > 0 && c < numColumns }

// String returns the column as printed in the chart ("NS2"), or "" for an
// invalid Column.
func (c Column) String() string {
	if !c.IsValid() {
		return ""
	}
	return columnNames[c]
}

// Reason returns the two-letter reason for control of the column ("NS").
func (c Column) Reason() string {
	if !c.IsValid() {
		return ""
	}
	return columnNames[c][:2]
}

// Number returns the column number within its reason (1, 2 or 3).
func (c Column) Number() int {
	if !c.IsValid() {
		return 0
	}
	return int(columnNames[c][2] - '0')
}

// MarshalText implements encoding.TextMarshaler.
func (c Column) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, fmt.Errorf("jurisdiction: cannot marshal invalid Column %d", uint8(c))
	}
	return []byte(c.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Column) UnmarshalText(b []byte) error {
	v, err := ParseColumn(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
