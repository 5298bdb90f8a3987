package csl

// This file reads the Consolidated Screening List (CSL) in its bulk JSON
// layout, as published by the International Trade Administration
// (https://www.trade.gov/consolidated-screening-list, "consolidated.json"
// and the search API's response): an object whose "results" array holds one
// object per listed party, or that array alone. The reader takes an
// io.Reader; it opens no file and makes no network call.

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/earcheck/ear/jurisdiction"
)

// List is the screening list a CSL row comes from. The CSL "source"
// field names it; only the four lists kept by the Bureau of Industry and
// Security (BIS) are told apart, every other source (the Treasury and State
// lists of the full CSL) is OtherList. The zero List is invalid.
type List uint8

// The lists a CSL row can come from.
const (
	// EntityList is the Entity List, Supplement No. 4 to part 744
	// (15 CFR 744.11). Its rows carry the footnotes 1-5.
	EntityList List = iota + 1
	// MilitaryEndUser is the Military End-User List, Supplement No. 7
	// to part 744 (15 CFR 744.21).
	MilitaryEndUser
	// DeniedPersons is the Denied Persons List (15 CFR 764.3(a)(2),
	// Supplement No. 1 to part 764 is superseded by the BIS web list).
	DeniedPersons
	// Unverified is the Unverified List, Supplement No. 6 to part 744
	// (15 CFR 744.15).
	Unverified
	// OtherList is any other source of the full CSL (OFAC, State).
	OtherList
	numLists = OtherList + 1
)

// listCodes are the short names the CSL itself uses in its "source"
// text ("Entity List (EL) - Bureau of Industry and Security").
var listCodes = [...]string{"", "EL", "MEU", "DPL", "UVL", "other"}

// Lists returns the five lists in a fixed order (EL, MEU, DPL, UVL,
// other). The caller owns the slice.
func Lists() []List {
	return []List{EntityList, MilitaryEndUser, DeniedPersons, Unverified, OtherList}
}

// IsValid reports whether l is one of the five lists.
func (l List) IsValid() bool { return l >= EntityList && l < numLists }

// String returns the list's short code as the CSL source text spells it:
// "EL", "MEU", "DPL", "UVL", or "other"; "" for an invalid List.
func (l List) String() string {
	if !l.IsValid() {
		return ""
	}
	return listCodes[l]
}

// MarshalText implements encoding.TextMarshaler; an invalid List is an
// error.
func (l List) MarshalText() ([]byte, error) {
	if !l.IsValid() {
		return nil, fmt.Errorf("csl: invalid List %d", uint8(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the codes
// String returns.
func (l *List) UnmarshalText(b []byte) error {
	for i := EntityList; i < numLists; i++ {
		if string(b) == listCodes[i] {
			*l = i
			return nil
		}
	}
	return fmt.Errorf("csl: unknown list %q", b)
}

// ListOf classifies a CSL "source" text. The four BIS lists are
// recognised by their names or their parenthesised codes, case-insensitively
// ("Entity List (EL) - Bureau of Industry and Security" is EntityList);
// anything else is OtherList.
func ListOf(source string) List {
	s := strings.ToLower(source)
	switch {
	case strings.Contains(s, "(el)") || strings.HasPrefix(s, "entity list"):
		return EntityList
	case strings.Contains(s, "(meu)") || strings.Contains(s, "military end user") || strings.Contains(s, "military end-user"):
		return MilitaryEndUser
	case strings.Contains(s, "(dpl)") || strings.HasPrefix(s, "denied persons"):
		return DeniedPersons
	case strings.Contains(s, "(uvl)") || strings.HasPrefix(s, "unverified list"):
		return Unverified
	}
	return OtherList
}

// Address is one address of a CSL row. Country is the parsed
// destination, the zero Country when CountryText names none the EAR's tables
// know (the row is kept; see ParseCountry).
type Address struct {
	Address     string               // street text, as listed
	City        string               // as listed
	State       string               // as listed
	PostalCode  string               // as listed
	CountryText string               // the "country" text as listed ("CN", "TURKIYE")
	Country     jurisdiction.Country // the destination, or zero when unknown
}

// countryAliases are the non-ISO country spellings of the BIS rows of
// the 2026-07-31 CSL, with the ISO 3166-1 code they stand for.
var countryAliases = map[string]string{
	"UK":                "GB", // United Kingdom
	"TURKIYE":           "TR",
	"TÜRKIYE":           "TR",
	"PRC":               "CN",
	"CRIMEA (OCCUPIED)": "UA", // the Crimea region of Ukraine (15 CFR 746.6)
}

// ParseCountry reads the country text of a CSL address: an ISO 3166-1
// alpha-2 code in either case, or one of the few other spellings the list
// uses ("UK" is GB, "TURKIYE" is TR, "PRC" is CN, "CRIMEA (OCCUPIED)" is
// UA). It reports false, and the zero Country, for text that names no
// destination of the EAR's tables.
func ParseCountry(text string) (jurisdiction.Country, bool) {
	t := strings.ToUpper(strings.TrimSpace(text))
	if a, ok := countryAliases[t]; ok {
		t = a
	}
	c, err := jurisdiction.ParseCountry(t)
	if err != nil {
		return jurisdiction.Country{}, false
	}
	return c, true
}

// Row is one row of the CSL bulk JSON: one listed party. The fields
// mirror the JSON names; null and absent text are "". Designation is
// derived from Source, LicenseRequirement, LicensePolicy and
// FederalRegisterNotice when the row is read.
type Row struct {
	Index                 int       // position of the row in the file's results, from 0
	ID                    string    // "id"
	Source                string    // "source", the list's full name
	EntityNumber          string    // "entity_number" (a number or text in the JSON)
	Type                  string    // "type" ("Entity", "Individual"...), often null
	Name                  string    // "name"; never empty in a row Read returns
	AltNames              []string  // "alt_names"
	Addresses             []Address // "addresses"
	Programs              []string  // "programs"
	FederalRegisterNotice string    // "federal_register_notice" ("89 FR 96837")
	LicenseRequirement    string    // "license_requirement"
	LicensePolicy         string    // "license_policy"
	SourceListURL         string    // "source_list_url"

	// Designation is what the row designates: the list, the Entity List
	// footnotes and the license texts.
	Designation Designation
}

// Clone returns a copy of r that shares no slice with it.
func (r Row) Clone() Row {
	c := r
	c.AltNames = append([]string(nil), r.AltNames...)
	c.Addresses = append([]Address(nil), r.Addresses...)
	c.Programs = append([]string(nil), r.Programs...)
	return c
}

// File is the content of a CSL bulk JSON file.
type File struct {
	// Rows are the rows read, in file order. A row that could not be read
	// is not here (its error says which); Rows[i].Index is its position in
	// the file.
	Rows []Row
	// Total is the file's "total" figure, or -1 when it has none.
	Total int
	// SourcesUsed is the file's "sources_used" list, when present.
	SourcesUsed []string
}

// ErrNoName is the cause of a *RowError for a row whose name is
// absent, null or blank.
var ErrNoName = errors.New("row has no name")

// RowError reports a row of a CSL file that could not be read. The row
// is named by its position (Row, from 0) and, when they could be read, its
// id and name. Err is the cause (ErrNoName, or the JSON error).
type RowError struct {
	Row  int    // position in "results", from 0
	ID   string // the row's "id", when readable
	Name string // the row's "name", when readable
	Err  error  // the cause
}

// Error implements the error interface. The id, the name and the
// cause's text are each cut to 256 bytes (a hostile row may carry
// megabytes in them); the fields keep them whole.
func (e *RowError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "csl: row %d", e.Row)
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %q)", clip(e.ID))
	}
	if e.Name != "" {
		fmt.Fprintf(&b, " %q", clip(e.Name))
	}
	cause := "<nil>"
	if e.Err != nil {
		cause = e.Err.Error()
	}
	fmt.Fprintf(&b, ": %s", clip(cause))
	return b.String()
}

// clipLen is the longest text an error message quotes from the input.
const clipLen = 256

// clip cuts s to at most clipLen bytes, at a rune boundary, marking the
// cut with "…".
func clip(s string) string {
	if len(s) <= clipLen {
		return s
	}
	i := clipLen
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "…"
}

// Unwrap returns the cause.
func (e *RowError) Unwrap() error { return e.Err }

// SyntaxError reports CSL input that is not JSON of the bulk layout. Row
// is the position of the row being read when the input broke off, or -1
// outside the results array; Offset is the byte offset where reading
// stopped. The rows before the break are still returned.
type SyntaxError struct {
	Row    int    // row being read, or -1
	Offset int64  // input offset
	Msg    string // what is wrong
	Err    error  // the JSON decoder's error, if any
}

// Error implements the error interface.
func (e *SyntaxError) Error() string {
	at := ""
	if e.Row >= 0 {
		at = fmt.Sprintf(" in row %d", e.Row)
	}
	if e.Err != nil {
		return fmt.Sprintf("csl: input%s at offset %d: %s: %s", at, e.Offset, clip(e.Msg), clip(e.Err.Error()))
	}
	return fmt.Sprintf("csl: input%s at offset %d: %s", at, e.Offset, clip(e.Msg))
}

// Unwrap returns the JSON decoder's error, if any.
func (e *SyntaxError) Unwrap() error { return e.Err }

// MaxRowErrors is the number of row problems (*RowError) Read keeps in
// its error. The rows past it are counted, not kept, so that a hostile
// file of millions of bad rows gives an error of bounded size.
const MaxRowErrors = 100

// ReadError is the error Read returns: the problems it kept, in input
// order, and the number of other rows with problems. Errs holds at most
// MaxRowErrors *RowError and, last, the *SyntaxError that stopped the
// reading, if any (always kept). errors.Is and errors.As look through
// Errs (Unwrap returns it), so errors.As finds a *RowError or the
// *SyntaxError as with errors.Join.
type ReadError struct {
	// Errs are the problems kept, in input order.
	Errs []error
	// More is the number of rows with problems past the first
	// MaxRowErrors, left out of Errs.
	More int
}

// Error implements the error interface: one line per kept problem (each
// quoting at most a few hundred bytes of the input), then "csl: ... and N
// more rows with problems" when More is not zero.
func (e *ReadError) Error() string {
	var b strings.Builder
	for i, err := range e.Errs {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(err.Error())
	}
	if e.More > 0 {
		if b.Len() > 0 {
			b.WriteByte('\n')
		}
		fmt.Fprintf(&b, "csl: ... and %d more rows with problems", e.More)
	}
	return b.String()
}

// Unwrap returns the kept problems.
func (e *ReadError) Unwrap() []error { return e.Errs }

// problems collects the problems of a Read: the first MaxRowErrors row
// errors, a count of the others, and the syntax error that stops reading.
type problems struct {
	errs    []error
	rows    int  // row errors kept
	more    int  // row errors counted, not kept
	stopped bool // a *SyntaxError was added
}

func (p *problems) row(err error) {
	if p.rows < MaxRowErrors {
		p.errs = append(p.errs, err)
		p.rows++
		return
	}
	p.more++
}

func (p *problems) syntax(err *SyntaxError) {
	p.errs = append(p.errs, err)
	p.stopped = true
}

// err returns the *ReadError of the problems, or nil when there are none.
func (p *problems) err() error {
	if len(p.errs) == 0 && p.more == 0 {
		return nil
	}
	return &ReadError{Errs: p.errs, More: p.more}
}

// jsonText is a JSON value read as text: a string, a number (kept as
// written) or null.
type jsonText string

// UnmarshalJSON implements json.Unmarshaler: a string, a number as
// written, or null ("").
func (t *jsonText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*t = ""
	case b[0] == '"':
		// Fast path: no escapes and valid UTF-8 read as is (what
		// encoding/json would give); anything else goes through it.
		if len(b) >= 2 && b[len(b)-1] == '"' {
			if in := b[1 : len(b)-1]; bytes.IndexByte(in, '\\') < 0 && utf8.Valid(in) && !hasControl(in) {
				*t = jsonText(in)
				return nil
			}
		}
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = jsonText(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*t = jsonText(b)
	default:
		return fmt.Errorf("want text or a number, got %.20s", b)
	}
	return nil
}

// hasControl reports whether b holds a byte below 0x20 (not allowed
// unescaped in a JSON string).
func hasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// jsonTexts is a JSON array of text, or null, or a single string.
type jsonTexts []string

// UnmarshalJSON implements json.Unmarshaler: an array of text (empty
// entries left out), a single string, or null.
func (t *jsonTexts) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*t = nil
		return nil
	}
	if b[0] == '"' {
		var s jsonText
		if err := s.UnmarshalJSON(b); err != nil {
			return err
		}
		*t = jsonTexts{string(s)}
		return nil
	}
	var xs []jsonText
	if err := json.Unmarshal(b, &xs); err != nil {
		return err
	}
	out := make(jsonTexts, 0, len(xs))
	for _, x := range xs {
		if x != "" {
			out = append(out, string(x))
		}
	}
	*t = out
	return nil
}

type addressJSON struct {
	Address    jsonText `json:"address"`
	City       jsonText `json:"city"`
	State      jsonText `json:"state"`
	PostalCode jsonText `json:"postal_code"`
	Country    jsonText `json:"country"`
}

type rowJSON struct {
	ID                    jsonText      `json:"id"`
	Source                jsonText      `json:"source"`
	EntityNumber          jsonText      `json:"entity_number"`
	Type                  jsonText      `json:"type"`
	Name                  jsonText      `json:"name"`
	AltNames              jsonTexts     `json:"alt_names"`
	Addresses             []addressJSON `json:"addresses"`
	Programs              jsonTexts     `json:"programs"`
	FederalRegisterNotice jsonText      `json:"federal_register_notice"`
	LicenseRequirement    jsonText      `json:"license_requirement"`
	LicensePolicy         jsonText      `json:"license_policy"`
	SourceListURL         jsonText      `json:"source_list_url"`
}

// Read reads a CSL file in the bulk JSON layout from r: an object with a
// "results" array (and optionally "total" and "sources_used"), or the
// array alone. Unknown fields are ignored. The input is streamed: one row
// is decoded at a time, and nothing but the rows kept and the problems
// kept outlives it. A row that is not an object of the layout, or that has
// no name, is left out and reported as a *RowError, and reading goes on.
// Input that is not JSON stops the reading with a *SyntaxError; the rows
// before it are returned. The problems come back as a *ReadError, which
// keeps the first MaxRowErrors row problems and counts the rest, so the
// file returned is always the rows that could be read and the error stays
// small whatever the input. Read never panics.
func Read(r io.Reader) (File, error) {
	f := File{Total: -1}
	dec := json.NewDecoder(r)
	dec.UseNumber() // skipValue reads numbers of any size as written
	var p problems
	syntax := func(row int, msg string, err error) {
		p.syntax(&SyntaxError{Row: row, Offset: dec.InputOffset(), Msg: msg, Err: err})
	}
	tok, err := dec.Token()
	if err != nil {
		syntax(-1, "reading the start", err)
		return f, p.err()
	}
	switch tok {
	case json.Delim('['):
		if readRows(dec, &f, &p); p.stopped {
			return f, p.err()
		}
	case json.Delim('{'):
		seen := false
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				syntax(-1, "reading a key", err)
				return f, p.err()
			}
			key, _ := kt.(string)
			switch key {
			case "results":
				t, err := dec.Token()
				if err != nil {
					syntax(-1, `reading "results"`, err)
					return f, p.err()
				}
				if t == nil { // "results": null
					continue
				}
				if t != json.Delim('[') {
					syntax(-1, `"results" is not an array`, nil)
					return f, p.err()
				}
				if seen {
					syntax(-1, `"results" appears twice`, nil)
					return f, p.err()
				}
				seen = true
				if readRows(dec, &f, &p); p.stopped {
					return f, p.err()
				}
			case "total":
				var v json.RawMessage
				if err := dec.Decode(&v); err != nil {
					syntax(-1, `reading "total"`, err)
					return f, p.err()
				}
				if n, err := strconv.Atoi(string(bytes.TrimSpace(v))); err == nil {
					f.Total = n
				}
			case "sources_used":
				var v json.RawMessage
				if err := dec.Decode(&v); err != nil {
					syntax(-1, `reading "sources_used"`, err)
					return f, p.err()
				}
				var s jsonTexts
				if json.Unmarshal(v, &s) == nil {
					f.SourcesUsed = s
				}
			default:
				if err := skipValue(dec); err != nil {
					syntax(-1, fmt.Sprintf("reading %q", clip(key)), err)
					return f, p.err()
				}
			}
		}
		if _, err := dec.Token(); err != nil {
			syntax(-1, "reading the end of the object", err)
			return f, p.err()
		}
		if !seen {
			syntax(-1, `no "results" array`, nil)
		}
	default:
		syntax(-1, "want an object with \"results\" or an array of rows", nil)
		return f, p.err()
	}
	if _, err := dec.Token(); err != io.EOF {
		syntax(-1, "data after the end", err)
	}
	return f, p.err()
}

// skipValue reads past the next JSON value token by token, so that an
// unknown field of any size is never held in memory whole.
func skipValue(dec *json.Decoder) error {
	depth := 0
	for {
		t, err := dec.Token()
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
		switch t {
		case json.Delim('['), json.Delim('{'):
			depth++
		case json.Delim(']'), json.Delim('}'):
			depth--
		}
		if depth == 0 {
			return nil
		}
	}
}

// readRows reads the rows of a results array whose '[' has been read,
// through the closing ']'. One row's text is held at a time, and reused.
func readRows(dec *json.Decoder, f *File, p *problems) {
	i := 0
	var raw json.RawMessage
	var rd rowDecoder
	for ; dec.More(); i++ {
		raw = raw[:0]
		if err := dec.Decode(&raw); err != nil {
			p.syntax(&SyntaxError{Row: i, Offset: dec.InputOffset(), Msg: "reading a row", Err: err})
			return
		}
		row, rerr, ok := rd.decodeRow(i, raw)
		if !ok {
			if p.rows < MaxRowErrors {
				kept := new(RowError)
				*kept = rerr
				p.row(kept)
			} else {
				p.more++ // counted without building the error
			}
			continue
		}
		f.Rows = append(f.Rows, row)
	}
	if _, err := dec.Token(); err != nil {
		p.syntax(&SyntaxError{Row: i, Offset: dec.InputOffset(), Msg: "reading the end of the results", Err: err})
	}
}

// rowDecoder decodes the text of one row at a time into a rowJSON it
// reuses, with one json.Decoder fed the row's text, so that a row that is
// left out leaves no garbage of its own behind (json.Unmarshal allocates
// its state on every call).
type rowDecoder struct {
	src rowSource
	dec *json.Decoder
	fed int64 // bytes given to dec so far
	j   rowJSON
}

// rowSource serves the text of the row being decoded, then io.EOF.
type rowSource struct{ b []byte }

func (s *rowSource) Read(p []byte) (int, error) {
	if len(s.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, s.b)
	s.b = s.b[n:]
	return n, nil
}

// unmarshal decodes raw, well-formed JSON text, into v.
func (d *rowDecoder) unmarshal(raw []byte, v any) error {
	if d.dec == nil {
		d.dec, d.fed = json.NewDecoder(&d.src), 0
	}
	d.src.b = raw
	d.fed += int64(len(raw))
	err := d.dec.Decode(v)
	if len(d.src.b) != 0 || d.dec.InputOffset() != d.fed {
		// The decoder did not end on the row's end (it cannot, on
		// well-formed text; this is a safeguard): start afresh.
		d.dec, d.src.b = nil, nil
	}
	return err
}

// decodeRow decodes one row; raw is well-formed JSON. A row that cannot
// be read gives its RowError and false.
func (d *rowDecoder) decodeRow(i int, raw json.RawMessage) (Row, RowError, bool) {
	j := &d.j
	*j = rowJSON{}
	if err := d.unmarshal(raw, j); err != nil {
		// Name the row as far as its id and name can be read.
		var id struct {
			ID   json.RawMessage `json:"id"`
			Name json.RawMessage `json:"name"`
		}
		var e RowError
		e.Row, e.Err = i, err
		if json.Unmarshal(raw, &id) == nil {
			var s jsonText
			if s.UnmarshalJSON(id.ID) == nil {
				e.ID = string(s)
			}
			if s.UnmarshalJSON(id.Name) == nil {
				e.Name = string(s)
			}
		}
		return Row{}, e, false
	}
	name := strings.TrimSpace(string(j.Name))
	if name == "" {
		return Row{}, RowError{Row: i, ID: string(j.ID), Err: ErrNoName}, false
	}
	r := Row{
		Index:                 i,
		ID:                    string(j.ID),
		Source:                string(j.Source),
		EntityNumber:          string(j.EntityNumber),
		Type:                  string(j.Type),
		Name:                  name,
		AltNames:              j.AltNames,
		Programs:              j.Programs,
		FederalRegisterNotice: string(j.FederalRegisterNotice),
		LicenseRequirement:    string(j.LicenseRequirement),
		LicensePolicy:         string(j.LicensePolicy),
		SourceListURL:         string(j.SourceListURL),
	}
	if len(j.Addresses) > 0 {
		r.Addresses = make([]Address, len(j.Addresses))
		for k, a := range j.Addresses {
			c, _ := ParseCountry(string(a.Country))
			r.Addresses[k] = Address{
				Address: string(a.Address), City: string(a.City), State: string(a.State),
				PostalCode: string(a.PostalCode), CountryText: string(a.Country), Country: c,
			}
		}
	}
	r.Designation = designationOf(r)
	return r, RowError{}, true
}
