package jurisdiction

import (
	"fmt"
	"time"
)

// Date is a civil calendar date (year, month, day) with no time of day and
// no time zone: the unit in which the EAR states effective dates and in
// which an evaluation is made "as of".
//
// Date is a small comparable value type: two Dates are equal with == exactly
// when they name the same day, and a Date can be a map key. The zero Date is
// not a valid date; IsValid reports it.
type Date struct {
	// days counts days since 1900-01-01 plus one, so that the zero value
	// is the invalid Date.
	days int32
}

// epoch is the reference instant for day arithmetic.
var epoch = time.Date(1900, time.January, 1, 0, 0, 0, 0, time.UTC).Unix()

const (
	minYear = 1900
	maxYear = 9999
)

// NewDate returns the Date for year, month and day. It returns an error if
// the three do not name a real calendar day between the years 1900 and 9999.
func NewDate(year int, month time.Month, day int) (Date, error) {
	if year < minYear || year > maxYear {
		return Date{}, &DateError{Input: fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), Msg: "year out of range 1900-9999"}
	}
	t := time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	if t.Year() != year || t.Month() != month || t.Day() != day {
		return Date{}, &DateError{Input: fmt.Sprintf("%04d-%02d-%02d", year, int(month), day), Msg: "no such calendar day"}
	}
	return Date{days: int32((t.Unix()-epoch)/86400) + 1}, nil
}

// DateOf returns the calendar date of t in t's own location. It returns the
// zero Date if t is outside the years 1900 to 9999.
func DateOf(t time.Time) Date {
	d, err := NewDate(t.Year(), t.Month(), t.Day())
	if err != nil {
		return Date{}
	}
	return d
}

// DateError reports text that is not a valid YYYY-MM-DD date.
type DateError struct {
	Input string // the text that was parsed
	Msg   string // what is wrong with it
}

// Error implements the error interface.
func (e *DateError) Error() string {
	return fmt.Sprintf("jurisdiction: invalid date %q: %s", e.Input, e.Msg)
}

// ParseDate parses a date written as YYYY-MM-DD (ISO 8601 calendar date,
// exactly ten characters). Any other text is a *DateError.
func ParseDate(s string) (Date, error) {
	if len(s) != 10 || s[4] != '-' || s[7] != '-' {
		return Date{}, &DateError{Input: s, Msg: "want YYYY-MM-DD"}
	}
	var n [3]int
	for i, span := range [3][2]int{{0, 4}, {5, 7}, {8, 10}} {
		for j := span[0]; j < span[1]; j++ {
			c := s[j]
			if c < '0' || c > '9' {
				return Date{}, &DateError{Input: s, Msg: "want YYYY-MM-DD"}
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	if n[1] < 1 || n[1] > 12 {
		return Date{}, &DateError{Input: s, Msg: "month out of range"}
	}
	d, err := NewDate(n[0], time.Month(n[1]), n[2])
	if err != nil {
		return Date{}, &DateError{Input: s, Msg: err.(*DateError).Msg}
	}
	return d, nil
}

// MustParseDate is like ParseDate but panics if s is not a valid date. It is
// intended for tests and for package-level values built from constant text.
func MustParseDate(s string) Date {
	d, err := ParseDate(s)
	if err != nil {
		panic(err)
	}
	return d
}

// IsValid reports whether d is a real date (not the zero Date).
func (d Date) IsValid() bool { return d.days > 0 }

// Time returns midnight UTC at the start of d. The zero Date gives the zero
// time.Time.
func (d Date) Time() time.Time {
	if !d.IsValid() {
		return time.Time{}
	}
	return time.Unix(epoch+int64(d.days-1)*86400, 0).UTC()
}

// Year, Month and Day return the parts of d; all are zero for the zero Date.
func (d Date) Year() int {
	if !d.IsValid() {
		return 0
	}
	return d.Time().Year()
}

// Month returns the month of d, or zero for the zero Date.
func (d Date) Month() time.Month {
	if !d.IsValid() {
		return 0
	}
	return d.Time().Month()
}

// Day returns the day of the month of d, or zero for the zero Date.
func (d Date) Day() int {
	if !d.IsValid() {
		return 0
	}
	return d.Time().Day()
}

// AddDays returns the date n days after d (before it for negative n). The
// zero Date stays zero.
func (d Date) AddDays(n int) Date {
	if !d.IsValid() {
		return d
	}
	return DateOf(d.Time().AddDate(0, 0, n))
}

// Compare returns -1 if d is before e, 0 if they are the same day and +1 if
// d is after e. The zero Date sorts before every valid Date.
func (d Date) Compare(e Date) int {
	switch {
	case d.days < e.days:
		return -1
	case d.days > e.days:
		return 1
	}
	return 0
}

// Before reports whether d is strictly before e.
func (d Date) Before(e Date) bool { return d.days < e.days }

// After reports whether d is strictly after e.
func (d Date) After(e Date) bool { return d.days > e.days }

// String returns d as YYYY-MM-DD, or the empty string for the zero Date.
func (d Date) String() string {
	if !d.IsValid() {
		return ""
	}
	return d.Time().Format(time.DateOnly)
}

// MarshalText implements encoding.TextMarshaler: YYYY-MM-DD, and the empty
// text for the zero Date.
func (d Date) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text gives the
// zero Date; anything else must be a valid YYYY-MM-DD date.
func (d *Date) UnmarshalText(b []byte) error {
	if len(b) == 0 {
		*d = Date{}
		return nil
	}
	v, err := ParseDate(string(b))
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// Period is a half-open span of dates in which a fact of the regulation is
// in force: from From (inclusive) to Until (exclusive). A zero Until means
// the fact is still in force.
type Period struct {
	From  Date // first day in force
	Until Date // first day no longer in force; zero when open-ended
}

// Contains reports whether the fact is in force on d: From <= d < Until.
func (p Period) Contains(d Date) bool {
	if !d.IsValid() || d.Before(p.From) {
		return false
	}
	return !p.Until.IsValid() || d.Before(p.Until)
}
