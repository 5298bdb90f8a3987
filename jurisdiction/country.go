package jurisdiction

import (
	"cmp"
	"fmt"
)

// Country is a destination of the EAR's tables, named by its ISO 3166-1
// alpha-2 code: one of the destinations of Supplement No. 1 to part 740
// (country groups) or Supplement No. 1 to part 738 (Commerce Country Chart),
// or Hong Kong, which the EAR treats as China (see TablesAs).
//
// Country is a small comparable value: == compares, and it can be a map
// key. The zero Country is invalid; IsValid reports it. Every valid Country
// is one the tables know: ParseCountry refuses well-formed codes the tables
// do not name (for example KY, the Cayman Islands, or PS), so a Country
// never stands for a place whose treatment is unknown.
type Country struct {
	code [2]byte
}

// CountryErrorKind says what is wrong with a country code.
type CountryErrorKind uint8

const (
	// CountrySyntax is text that is not two ASCII letters.
	CountrySyntax CountryErrorKind = iota + 1
	// CountryUnknown is a well-formed code that names no destination of
	// the EAR's tables (Supplement No. 1 to part 738 or 740, or Hong Kong).
	CountryUnknown
	// CountryZero is the zero Country used where a valid one is required.
	CountryZero
)

// String names the kind: "syntax", "unknown" or "zero".
func (k CountryErrorKind) String() string {
	switch k {
	case CountrySyntax:
		return "syntax"
	case CountryUnknown:
		return "unknown"
	case CountryZero:
		return "zero"
	}
	return ""
}

// CountryError reports text that is not the code of a destination the EAR's
// tables know. Kind tells a malformed code (CountrySyntax) from a
// well-formed one that the tables do not name (CountryUnknown).
type CountryError struct {
	Input string           // the text that was parsed
	Kind  CountryErrorKind // what is wrong
	Msg   string           // what is wrong, in words
}

// Error implements the error interface.
func (e *CountryError) Error() string {
	return fmt.Sprintf("jurisdiction: invalid country %q: %s", e.Input, e.Msg)
}

// countryRecord is one row of the generated countryTable.
type countryRecord struct {
	code       [2]byte
	chartName  string // name as printed in Supp. No. 1 to part 738, "" if no row
	groupsName string // name as printed in Supp. No. 1 to part 740, "" if no row
	extraName  string // name of a destination without a row (Hong Kong)

	inGroups bool
	groups   GroupSet // membership as of TablesECFRDate

	inChart   bool
	marks     ColumnSet
	footnotes uint16        // bit n set for footnote n
	pointer   *chartPointer // non-nil for a row that points to part 746

	tablesAs         [2]byte // the destination whose rows the tables use instead
	tablesAsSince    Date
	tablesAsCitation string
	tablesAsSource   string
}

// chartPointer is the single cell of a pointer row of the chart.
type chartPointer struct {
	citations []string
	printed   string
	source    string
}

// countryIndex maps a code (as (c0-'A')*26 + c1-'A') to its index in
// countryTable plus one; zero means unknown.
var countryIndex = func() (idx [26 * 26]uint8) {
	for i, r := range countryTable {
		idx[int(r.code[0]-'A')*26+int(r.code[1]-'A')] = uint8(i + 1)
	}
	return idx
}()

// record returns c's row of countryTable, or nil for an invalid Country.
func (c Country) record() *countryRecord {
	a, b := c.code[0], c.code[1]
	if a < 'A' || a > 'Z' || b < 'A' || b > 'Z' {
		return nil
	}
	i := countryIndex[int(a-'A')*26+int(b-'A')]
	if i == 0 {
		return nil
	}
	return &countryTable[i-1]
}

// Predefined destinations. Each is the value ParseCountry returns for its
// code. They are variables only because Go has no constant structs (as
// golang.org/x/text/language's tags are): the SDK reads them as constants,
// and assigning to one is a programming error it does not guard against.
var (
	Afghanistan        = Country{code: [2]byte{'A', 'F'}}
	Australia          = Country{code: [2]byte{'A', 'U'}}
	Belarus            = Country{code: [2]byte{'B', 'Y'}}
	Burma              = Country{code: [2]byte{'M', 'M'}}
	Cambodia           = Country{code: [2]byte{'K', 'H'}}
	Canada             = Country{code: [2]byte{'C', 'A'}}
	China              = Country{code: [2]byte{'C', 'N'}}
	Cuba               = Country{code: [2]byte{'C', 'U'}}
	Cyprus             = Country{code: [2]byte{'C', 'Y'}}
	France             = Country{code: [2]byte{'F', 'R'}}
	Germany            = Country{code: [2]byte{'D', 'E'}}
	HongKong           = Country{code: [2]byte{'H', 'K'}}
	India              = Country{code: [2]byte{'I', 'N'}}
	Iran               = Country{code: [2]byte{'I', 'R'}}
	Iraq               = Country{code: [2]byte{'I', 'Q'}}
	Israel             = Country{code: [2]byte{'I', 'L'}}
	Japan              = Country{code: [2]byte{'J', 'P'}}
	Liechtenstein      = Country{code: [2]byte{'L', 'I'}}
	Macau              = Country{code: [2]byte{'M', 'O'}}
	Mexico             = Country{code: [2]byte{'M', 'X'}}
	Netherlands        = Country{code: [2]byte{'N', 'L'}}
	Nicaragua          = Country{code: [2]byte{'N', 'I'}}
	NorthKorea         = Country{code: [2]byte{'K', 'P'}}
	Pakistan           = Country{code: [2]byte{'P', 'K'}}
	Russia             = Country{code: [2]byte{'R', 'U'}}
	Singapore          = Country{code: [2]byte{'S', 'G'}}
	SouthKorea         = Country{code: [2]byte{'K', 'R'}}
	Switzerland        = Country{code: [2]byte{'C', 'H'}}
	Syria              = Country{code: [2]byte{'S', 'Y'}}
	Taiwan             = Country{code: [2]byte{'T', 'W'}}
	Ukraine            = Country{code: [2]byte{'U', 'A'}}
	UnitedArabEmirates = Country{code: [2]byte{'A', 'E'}}
	UnitedKingdom      = Country{code: [2]byte{'G', 'B'}}
	UnitedStates       = Country{code: [2]byte{'U', 'S'}}
	Venezuela          = Country{code: [2]byte{'V', 'E'}}
	Vietnam            = Country{code: [2]byte{'V', 'N'}}
)

// ParseCountry parses an ISO 3166-1 alpha-2 code ("CN"; case-insensitive,
// no surrounding space). Text that is not two ASCII letters is a
// *CountryError of Kind CountrySyntax; a well-formed code that names no
// destination of the EAR's tables is a *CountryError of Kind
// CountryUnknown.
func ParseCountry(s string) (Country, error) {
	if len(s) != 2 {
		return Country{}, &CountryError{Input: s, Kind: CountrySyntax, Msg: "want a two-letter ISO 3166-1 code"}
	}
	var c Country
	for i := 0; i < 2; i++ {
		b := s[i]
		if b >= 'a' && b <= 'z' {
			b -= 'a' - 'A'
		}
		if b < 'A' || b > 'Z' {
			return Country{}, &CountryError{Input: s, Kind: CountrySyntax, Msg: "want a two-letter ISO 3166-1 code"}
		}
		c.code[i] = b
	}
	if c.record() == nil {
		return Country{}, &CountryError{Input: s, Kind: CountryUnknown, Msg: "no destination of that code in the EAR's country tables (eCFR " + TablesECFRDate + ")"}
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

// Countries returns every destination the package knows, sorted by ISO
// code: the union of the destinations named in Supplement No. 1 to part 738
// and Supplement No. 1 to part 740, plus Hong Kong. The caller owns the
// returned slice.
func Countries() []Country {
	cs := make([]Country, len(countryTable))
	for i, r := range countryTable {
		cs[i] = Country{code: r.code}
	}
	return cs
}

// IsValid reports whether c is a known destination (not the zero Country).
func (c Country) IsValid() bool { return c.record() != nil }

// String returns the ISO code ("CN"), or "" for the zero Country.
func (c Country) String() string {
	if !c.IsValid() {
		return ""
	}
	return string(c.code[:])
}

// Name returns the destination's name as the EAR prints it: the name of its
// Commerce Country Chart row (Supplement No. 1 to part 738), or where it has
// none the name in Supplement No. 1 to part 740 (United States), or "Hong
// Kong". Names are printed as in the eCFR, spelling included (the chart
// prints "Seycheles"). It returns "" for the zero Country.
func (c Country) Name() string {
	r := c.record()
	switch {
	case r == nil:
		return ""
	case r.chartName != "":
		return r.chartName
	case r.groupsName != "":
		return r.groupsName
	}
	return r.extraName
}

// ChartName returns the name printed on c's row of the Commerce Country
// Chart and true, or "" and false if c has no row of its own (United
// States, Hong Kong).
func (c Country) ChartName() (string, bool) {
	r := c.record()
	if r == nil || !r.inChart {
		return "", false
	}
	return r.chartName, true
}

// GroupsName returns the name printed for c in Supplement No. 1 to part 740
// and true, or "" and false if the supplement does not name c
// (Liechtenstein, Hong Kong). The two supplements spell some names
// differently ("China (PRC)", "Cote d'lvoire", "Saint Lucia").
func (c Country) GroupsName() (string, bool) {
	r := c.record()
	if r == nil || !r.inGroups {
		return "", false
	}
	return r.groupsName, true
}

// Compare returns -1, 0 or +1 as c's ISO code sorts before, equal to or
// after d's. The zero Country sorts first.
func (c Country) Compare(d Country) int {
	if x := cmp.Compare(c.code[0], d.code[0]); x != 0 {
		return x
	}
	return cmp.Compare(c.code[1], d.code[1])
}

// TablesAs returns the destination whose rows the EAR's tables use for c:
// China for Hong Kong, and c itself for every other destination (and for
// the zero Country).
//
// Since 2020-12-23 Hong Kong is not a separate destination under the EAR
// (85 FR 83765, FR Doc. 2020-28101, implementing E.O. 13936): it has no
// chart row and no country-group entry, and the China entries govern it.
// TablesAs gives the reading of the tables as printed on TablesECFRDate; to
// read them as of a date use TablesAsOn, which refuses Hong Kong before
// 2020-12-23 rather than silently reading it as China.
func (c Country) TablesAs() Country {
	r := c.record()
	if r == nil || r.tablesAs == ([2]byte{}) {
		return c
	}
	return Country{code: r.tablesAs}
}

// TablesAsOn is TablesAs as of the date asOf. For Hong Kong before
// 2020-12-23, when it was still a separate destination whose rows this
// package does not hold, it returns a *DateRangeError. It also returns an
// error for the zero Country or an invalid date.
func (c Country) TablesAsOn(asOf Date) (Country, error) {
	r := c.record()
	if r == nil {
		return Country{}, &CountryError{Input: c.String(), Kind: CountryZero, Msg: "the zero Country is no destination"}
	}
	if !asOf.IsValid() {
		return Country{}, &DateRangeError{Table: "destinations", AsOf: asOf, Msg: "the zero Date is no date"}
	}
	if r.tablesAs == ([2]byte{}) {
		return c, nil
	}
	if asOf.Before(r.tablesAsSince) {
		return Country{}, &DateRangeError{
			Table: "destinations", AsOf: asOf, Floor: r.tablesAsSince,
			Msg: fmt.Sprintf("%s was a separate destination before %s (%s) and its own rows are not held", c.Name(), r.tablesAsSince, r.tablesAsCitation),
		}
	}
	return Country{code: r.tablesAs}, nil
}

// TablesAsCitation returns the rule that makes the tables treat c as
// another destination ("85 FR 83765 (FR Doc. 2020-28101)" for Hong Kong)
// with its effective date, or "" and the zero Date when they do not.
func (c Country) TablesAsCitation() (string, Date) {
	r := c.record()
	if r == nil || r.tablesAs == ([2]byte{}) {
		return "", Date{}
	}
	return r.tablesAsCitation, r.tablesAsSince
}

// MarshalText implements encoding.TextMarshaler: the ISO code. The zero
// Country cannot be marshaled: MarshalText returns a *CountryError of Kind
// CountryZero (so a missing country is never written as a valid-looking
// empty string; use the omitzero JSON option to leave it out).
func (c Country) MarshalText() ([]byte, error) {
	if !c.IsValid() {
		return nil, &CountryError{Input: "", Kind: CountryZero, Msg: "cannot marshal the zero Country"}
	}
	return []byte{c.code[0], c.code[1]}, nil
}

// AppendText implements encoding.TextAppender.
func (c Country) AppendText(b []byte) ([]byte, error) {
	t, err := c.MarshalText()
	if err != nil {
		return b, err
	}
	return append(b, t...), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseCountry.
// Empty text is an error (Kind CountrySyntax); c is left unchanged on
// error.
func (c *Country) UnmarshalText(b []byte) error {
	v, err := ParseCountry(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
