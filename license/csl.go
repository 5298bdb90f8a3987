package license

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

// CSLList is the screening list a CSL row comes from. The CSL "source"
// field names it; only the four lists kept by the Bureau of Industry and
// Security (BIS) are told apart, every other source (the Treasury and State
// lists of the full CSL) is CSLOtherList. The zero CSLList is invalid.
type CSLList uint8

// The lists a CSL row can come from.
const (
	// CSLEntityList is the Entity List, Supplement No. 4 to part 744
	// (15 CFR 744.11). Its rows carry the footnotes 1-5.
	CSLEntityList CSLList = iota + 1
	// CSLMilitaryEndUser is the Military End-User List, Supplement No. 7
	// to part 744 (15 CFR 744.21).
	CSLMilitaryEndUser
	// CSLDeniedPersons is the Denied Persons List (15 CFR 764.3(a)(2),
	// Supplement No. 1 to part 764 is superseded by the BIS web list).
	CSLDeniedPersons
	// CSLUnverified is the Unverified List, Supplement No. 6 to part 744
	// (15 CFR 744.15).
	CSLUnverified
	// CSLOtherList is any other source of the full CSL (OFAC, State).
	CSLOtherList
	numCSLLists = CSLOtherList + 1
)

// cslListCodes are the short names the CSL itself uses in its "source"
// text ("Entity List (EL) - Bureau of Industry and Security").
var cslListCodes = [...]string{"", "EL", "MEU", "DPL", "UVL", "other"}

// CSLLists returns the five lists in a fixed order (EL, MEU, DPL, UVL,
// other). The caller owns the slice.
func CSLLists() []CSLList {
	return []CSLList{CSLEntityList, CSLMilitaryEndUser, CSLDeniedPersons, CSLUnverified, CSLOtherList}
}

// IsValid reports whether l is one of the five lists.
func (l CSLList) IsValid() bool { return l >= CSLEntityList && l < numCSLLists }

// String returns the list's short code as the CSL source text spells it:
// "EL", "MEU", "DPL", "UVL", or "other"; "" for an invalid CSLList.
func (l CSLList) String() string {
	if !l.IsValid() {
		return ""
	}
	return cslListCodes[l]
}

// MarshalText implements encoding.TextMarshaler; an invalid CSLList is an
// error.
func (l CSLList) MarshalText() ([]byte, error) {
	if !l.IsValid() {
		return nil, fmt.Errorf("license: invalid CSLList %d", uint8(l))
	}
	return []byte(l.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: it accepts the codes
// String returns.
func (l *CSLList) UnmarshalText(b []byte) error {
	for i := CSLEntityList; i < numCSLLists; i++ {
		if string(b) == cslListCodes[i] {
			*l = i
			return nil
		}
	}
	return fmt.Errorf("license: unknown CSL list %q", b)
}

// CSLListOf classifies a CSL "source" text. The four BIS lists are
// recognised by their names or their parenthesised codes, case-insensitively
// ("Entity List (EL) - Bureau of Industry and Security" is CSLEntityList);
// anything else is CSLOtherList.
func CSLListOf(source string) CSLList {
	s := strings.ToLower(source)
	switch {
	case strings.Contains(s, "(el)") || strings.HasPrefix(s, "entity list"):
		return CSLEntityList
	case strings.Contains(s, "(meu)") || strings.Contains(s, "military end user") || strings.Contains(s, "military end-user"):
		return CSLMilitaryEndUser
	case strings.Contains(s, "(dpl)") || strings.HasPrefix(s, "denied persons"):
		return CSLDeniedPersons
	case strings.Contains(s, "(uvl)") || strings.HasPrefix(s, "unverified list"):
		return CSLUnverified
	}
	return CSLOtherList
}

// CSLAddress is one address of a CSL row. Country is the parsed
// destination, the zero Country when CountryText names none the EAR's tables
// know (the row is kept; see ParseCSLCountry).
type CSLAddress struct {
	Address     string               // street text, as listed
	City        string               // as listed
	State       string               // as listed
	PostalCode  string               // as listed
	CountryText string               // the "country" text as listed ("CN", "TURKIYE")
	Country     jurisdiction.Country // the destination, or zero when unknown
}

// cslCountryAliases are the non-ISO country spellings of the BIS rows of
// the 2026-07-31 CSL, with the ISO 3166-1 code they stand for.
var cslCountryAliases = map[string]string{
	"UK":                "GB", // United Kingdom
	"TURKIYE":           "TR",
	"TÜRKIYE":           "TR",
	"PRC":               "CN",
	"CRIMEA (OCCUPIED)": "UA", // the Crimea region of Ukraine (15 CFR 746.6)
}

// ParseCSLCountry reads the country text of a CSL address: an ISO 3166-1
// alpha-2 code in either case, or one of the few other spellings the list
// uses ("UK" is GB, "TURKIYE" is TR, "PRC" is CN, "CRIMEA (OCCUPIED)" is
// UA). It reports false, and the zero Country, for text that names no
// destination of the EAR's tables.
func ParseCSLCountry(text string) (jurisdiction.Country, bool) {
	t := strings.ToUpper(strings.TrimSpace(text))
	if a, ok := cslCountryAliases[t]; ok {
		t = a
	}
	c, err := jurisdiction.ParseCountry(t)
	if err != nil {
		return jurisdiction.Country{}, false
	}
	return c, true
}

// CSLRow is one row of the CSL bulk JSON: one listed party. The fields
// mirror the JSON names; null and absent text are "". Designation is
// derived from Source, LicenseRequirement, LicensePolicy and
// FederalRegisterNotice when the row is read.
type CSLRow struct {
	Index                 int          // position of the row in the file's results, from 0
	ID                    string       // "id"
	Source                string       // "source", the list's full name
	EntityNumber          string       // "entity_number" (a number or text in the JSON)
	Type                  string       // "type" ("Entity", "Individual"...), often null
	Name                  string       // "name"; never empty in a row ReadCSL returns
	AltNames              []string     // "alt_names"
	Addresses             []CSLAddress // "addresses"
	Programs              []string     // "programs"
	FederalRegisterNotice string       // "federal_register_notice" ("89 FR 96837")
	LicenseRequirement    string       // "license_requirement"
	LicensePolicy         string       // "license_policy"
	SourceListURL         string       // "source_list_url"

	// Designation is what the row designates: the list, the Entity List
	// footnotes and the license texts.
	Designation CSLDesignation
}

// Clone returns a copy of r that shares no slice with it.
func (r CSLRow) Clone() CSLRow {
	c := r
	c.AltNames = append([]string(nil), r.AltNames...)
	c.Addresses = append([]CSLAddress(nil), r.Addresses...)
	c.Programs = append([]string(nil), r.Programs...)
	return c
}

// CSLFile is the content of a CSL bulk JSON file.
type CSLFile struct {
	// Rows are the rows read, in file order. A row that could not be read
	// is not here (its error says which); Rows[i].Index is its position in
	// the file.
	Rows []CSLRow
	// Total is the file's "total" figure, or -1 when it has none.
	Total int
	// SourcesUsed is the file's "sources_used" list, when present.
	SourcesUsed []string
}

// ErrCSLNoName is the cause of a *CSLRowError for a row whose name is
// absent, null or blank.
var ErrCSLNoName = errors.New("row has no name")

// CSLRowError reports a row of a CSL file that could not be read. The row
// is named by its position (Row, from 0) and, when they could be read, its
// id and name. Err is the cause (ErrCSLNoName, or the JSON error).
type CSLRowError struct {
	Row  int    // position in "results", from 0
	ID   string // the row's "id", when readable
	Name string // the row's "name", when readable
	Err  error  // the cause
}

// Error implements the error interface.
func (e *CSLRowError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "license: CSL row %d", e.Row)
	if e.ID != "" {
		fmt.Fprintf(&b, " (id %q)", e.ID)
	}
	if e.Name != "" {
		fmt.Fprintf(&b, " %q", e.Name)
	}
	fmt.Fprintf(&b, ": %v", e.Err)
	return b.String()
}

// Unwrap returns the cause.
func (e *CSLRowError) Unwrap() error { return e.Err }

// CSLSyntaxError reports CSL input that is not JSON of the bulk layout. Row
// is the position of the row being read when the input broke off, or -1
// outside the results array; Offset is the byte offset where reading
// stopped. The rows before the break are still returned.
type CSLSyntaxError struct {
	Row    int    // row being read, or -1
	Offset int64  // input offset
	Msg    string // what is wrong
	Err    error  // the JSON decoder's error, if any
}

// Error implements the error interface.
func (e *CSLSyntaxError) Error() string {
	at := ""
	if e.Row >= 0 {
		at = fmt.Sprintf(" in row %d", e.Row)
	}
	if e.Err != nil {
		return fmt.Sprintf("license: CSL input%s at offset %d: %s: %v", at, e.Offset, e.Msg, e.Err)
	}
	return fmt.Sprintf("license: CSL input%s at offset %d: %s", at, e.Offset, e.Msg)
}

// Unwrap returns the JSON decoder's error, if any.
func (e *CSLSyntaxError) Unwrap() error { return e.Err }

// cslText is a JSON value read as text: a string, a number (kept as
// written) or null.
type cslText string

func (t *cslText) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case len(b) == 0 || string(b) == "null":
		*t = ""
	case b[0] == '"':
		// Fast path: no escapes and valid UTF-8 read as is (what
		// encoding/json would give); anything else goes through it.
		if len(b) >= 2 && b[len(b)-1] == '"' {
			if in := b[1 : len(b)-1]; bytes.IndexByte(in, '\\') < 0 && utf8.Valid(in) && !cslHasControl(in) {
				*t = cslText(in)
				return nil
			}
		}
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = cslText(s)
	case b[0] == '-' || (b[0] >= '0' && b[0] <= '9'):
		*t = cslText(b)
	default:
		return fmt.Errorf("want text or a number, got %.20s", b)
	}
	return nil
}

// cslHasControl reports whether b holds a byte below 0x20 (not allowed
// unescaped in a JSON string).
func cslHasControl(b []byte) bool {
	for _, c := range b {
		if c < 0x20 {
			return true
		}
	}
	return false
}

// cslTexts is a JSON array of text, or null, or a single string.
type cslTexts []string

func (t *cslTexts) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		*t = nil
		return nil
	}
	if b[0] == '"' {
		var s cslText
		if err := s.UnmarshalJSON(b); err != nil {
			return err
		}
		*t = cslTexts{string(s)}
		return nil
	}
	var xs []cslText
	if err := json.Unmarshal(b, &xs); err != nil {
		return err
	}
	out := make(cslTexts, 0, len(xs))
	for _, x := range xs {
		if x != "" {
			out = append(out, string(x))
		}
	}
	*t = out
	return nil
}

type cslAddressJSON struct {
	Address    cslText `json:"address"`
	City       cslText `json:"city"`
	State      cslText `json:"state"`
	PostalCode cslText `json:"postal_code"`
	Country    cslText `json:"country"`
}

type cslRowJSON struct {
	ID                    cslText          `json:"id"`
	Source                cslText          `json:"source"`
	EntityNumber          cslText          `json:"entity_number"`
	Type                  cslText          `json:"type"`
	Name                  cslText          `json:"name"`
	AltNames              cslTexts         `json:"alt_names"`
	Addresses             []cslAddressJSON `json:"addresses"`
	Programs              cslTexts         `json:"programs"`
	FederalRegisterNotice cslText          `json:"federal_register_notice"`
	LicenseRequirement    cslText          `json:"license_requirement"`
	LicensePolicy         cslText          `json:"license_policy"`
	SourceListURL         cslText          `json:"source_list_url"`
}

// ReadCSL reads a CSL file in the bulk JSON layout from r: an object with a
// "results" array (and optionally "total" and "sources_used"), or the
// array alone. Unknown fields are ignored. Each row is decoded on its own:
// a row that is not an object of the layout, or that has no name, is left
// out and reported as a *CSLRowError, and reading goes on. Input that is
// not JSON stops the reading with a *CSLSyntaxError; the rows before it are
// returned. All the problems come back joined with errors.Join, so the file
// returned is always the rows that could be read. ReadCSL never panics.
func ReadCSL(r io.Reader) (CSLFile, error) {
	f := CSLFile{Total: -1}
	dec := json.NewDecoder(r)
	var errs []error
	syntax := func(row int, msg string, err error) {
		errs = append(errs, &CSLSyntaxError{Row: row, Offset: dec.InputOffset(), Msg: msg, Err: err})
	}
	tok, err := dec.Token()
	if err != nil {
		syntax(-1, "reading the start", err)
		return f, errors.Join(errs...)
	}
	switch tok {
	case json.Delim('['):
		errs = readCSLRows(dec, &f, errs)
		if stopped(errs) {
			return f, errors.Join(errs...)
		}
	case json.Delim('{'):
		seen := false
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				syntax(-1, "reading a key", err)
				return f, errors.Join(errs...)
			}
			key, _ := kt.(string)
			switch key {
			case "results":
				t, err := dec.Token()
				if err != nil {
					syntax(-1, `reading "results"`, err)
					return f, errors.Join(errs...)
				}
				if t == nil { // "results": null
					continue
				}
				if t != json.Delim('[') {
					syntax(-1, `"results" is not an array`, nil)
					return f, errors.Join(errs...)
				}
				if seen {
					syntax(-1, `"results" appears twice`, nil)
					return f, errors.Join(errs...)
				}
				seen = true
				before := len(errs)
				errs = readCSLRows(dec, &f, errs)
				if stopped(errs[before:]) {
					return f, errors.Join(errs...)
				}
			case "total":
				var v json.RawMessage
				if err := dec.Decode(&v); err != nil {
					syntax(-1, `reading "total"`, err)
					return f, errors.Join(errs...)
				}
				if n, err := strconv.Atoi(string(bytes.TrimSpace(v))); err == nil {
					f.Total = n
				}
			case "sources_used":
				var v json.RawMessage
				if err := dec.Decode(&v); err != nil {
					syntax(-1, `reading "sources_used"`, err)
					return f, errors.Join(errs...)
				}
				var s cslTexts
				if json.Unmarshal(v, &s) == nil {
					f.SourcesUsed = s
				}
			default:
				var v json.RawMessage
				if err := dec.Decode(&v); err != nil {
					syntax(-1, fmt.Sprintf("reading %q", key), err)
					return f, errors.Join(errs...)
				}
			}
		}
		if _, err := dec.Token(); err != nil {
			syntax(-1, "reading the end of the object", err)
			return f, errors.Join(errs...)
		}
		if !seen {
			syntax(-1, `no "results" array`, nil)
		}
	default:
		syntax(-1, "want an object with \"results\" or an array of rows", nil)
		return f, errors.Join(errs...)
	}
	if _, err := dec.Token(); err != io.EOF {
		syntax(-1, "data after the end", err)
	}
	return f, errors.Join(errs...)
}

// stopped reports whether errs hold a *CSLSyntaxError (reading cannot go
// on after one).
func stopped(errs []error) bool {
	for _, e := range errs {
		if _, ok := e.(*CSLSyntaxError); ok {
			return true
		}
	}
	return false
}

// readCSLRows reads the rows of a results array whose '[' has been read,
// through the closing ']'.
func readCSLRows(dec *json.Decoder, f *CSLFile, errs []error) []error {
	i := 0
	for ; dec.More(); i++ {
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return append(errs, &CSLSyntaxError{Row: i, Offset: dec.InputOffset(), Msg: "reading a row", Err: err})
		}
		row, err := decodeCSLRow(i, raw)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f.Rows = append(f.Rows, row)
	}
	if _, err := dec.Token(); err != nil {
		return append(errs, &CSLSyntaxError{Row: i, Offset: dec.InputOffset(), Msg: "reading the end of the results", Err: err})
	}
	return errs
}

// decodeCSLRow decodes one row; raw is well-formed JSON.
func decodeCSLRow(i int, raw json.RawMessage) (CSLRow, error) {
	var j cslRowJSON
	if err := json.Unmarshal(raw, &j); err != nil {
		// Name the row as far as its id and name can be read.
		var id struct {
			ID   json.RawMessage `json:"id"`
			Name json.RawMessage `json:"name"`
		}
		var e CSLRowError
		e.Row, e.Err = i, err
		if json.Unmarshal(raw, &id) == nil {
			var s cslText
			if s.UnmarshalJSON(id.ID) == nil {
				e.ID = string(s)
			}
			if s.UnmarshalJSON(id.Name) == nil {
				e.Name = string(s)
			}
		}
		return CSLRow{}, &e
	}
	name := strings.TrimSpace(string(j.Name))
	if name == "" {
		return CSLRow{}, &CSLRowError{Row: i, ID: string(j.ID), Err: ErrCSLNoName}
	}
	r := CSLRow{
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
		r.Addresses = make([]CSLAddress, len(j.Addresses))
		for k, a := range j.Addresses {
			c, _ := ParseCSLCountry(string(a.Country))
			r.Addresses[k] = CSLAddress{
				Address: string(a.Address), City: string(a.City), State: string(a.State),
				PostalCode: string(a.PostalCode), CountryText: string(a.Country), Country: c,
			}
		}
	}
	r.Designation = designationOf(r)
	return r, nil
}
