// Package gen turns the project's source of the Commerce Control List
// (product/ccl/data/ccl.jsonl) and the hand mends of
// product/ccl/data/ccl_mends.json into the Go source of
// product/ccl/ccl_gen.go, and writes that source file once from an eCFR
// extract of Supplement No. 1 to part 774 (Import).
//
// It is the library behind the cclgen command and behind its staleness
// tests; it does no I/O itself.
package gen

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// SourceFile is the CCL as the generator reads it: the provenance of the
// eCFR text and its entries in printed order.
type SourceFile struct {
	Citation      string // "15 C.F.R. Part 774, Supplement No. 1 (Commerce Control List)"
	ECFRIssueDate string // "2026-07-23"
	URL           string // where the eCFR text was fetched from
	RetrievedAt   string // when it was fetched (RFC 3339)
	ItemsNote     string // which entries carry their item paragraphs
	Entries       []SourceEntry
}

// SourceEntry is one ECCN entry of the source.
type SourceEntry struct {
	ECCN             string
	Heading          string
	ReasonForControl *string // nil: the eCFR text prints no Reason for Control line
	CountryChart     []SourceRow
	// Exceptions is the License Exceptions section as printed, in printed
	// order: LVS, GBS, TSR, STA, IEC, ... with the text of each.
	Exceptions []SourceException
	// STASpecialConditions is the "Special conditions for STA" paragraph,
	// nil if the entry prints none.
	STASpecialConditions *string
	Items                []SourceItem
}

// SourceRow is one License Requirements row: the scope cell ("Control(s)")
// and the target cell ("Country Chart").
type SourceRow struct {
	Control              string `json:"control"`
	CountryChart         string `json:"countryChart"`
	SingleCellRow        bool   `json:"singleCellRow,omitempty"`
	RequirementCellEmpty bool   `json:"requirementCellEmptyInSource,omitempty"`
	// Condition is set only by a hand mend: a condition the mend states
	// explicitly because the printed text carries it in prose.
	Condition string `json:"condition,omitempty"`
}

// SourceException is one line of an entry's License Exceptions section:
// the exception's code ("LVS") and the text printed after it ("$500 for
// 0A501.c, .d, and .x.", "N/A", "Yes").
type SourceException struct {
	Code string
	Text string
}

// SourceItem is one paragraph of an entry's text (only some categories
// carry it).
type SourceItem struct {
	Paragraph *string // nil for unnumbered text and notes
	Kind      string  // "item", "text" or "note"
	Depth     int
	Text      string
}

// The records of the source file, one JSON object a line. The first line
// is the "source" record; then each entry is an "entry" record followed by
// its "row", "exception", "sta" and "item" records, in that order, each
// naming the entry's ECCN.
const (
	recSource    = "source"
	recEntry     = "entry"
	recRow       = "row"
	recException = "exception"
	recSTA       = "sta"
	recItem      = "item"
)

// newRecord makes the record of each type, for ParseSource to decode into.
var newRecord = map[string]func() any{
	recSource: func() any { return &sourceRecord{} }, recEntry: func() any { return &entryRecord{} },
	recRow: func() any { return &rowRecord{} }, recException: func() any { return &exceptionRecord{} },
	recSTA: func() any { return &staRecord{} }, recItem: func() any { return &itemRecord{} },
}

// SourceFormat names the format of the first record; a reader refuses any
// other.
const SourceFormat = "earcheck CCL source, version 1"

type sourceRecord struct {
	Type          string `json:"type"`
	Format        string `json:"format"`
	Citation      string `json:"citation"`
	ECFRIssueDate string `json:"ecfrIssueDate"`
	URL           string `json:"url"`
	RetrievedAt   string `json:"retrievedAt"`
	Entries       int    `json:"entries"`
	ItemsNote     string `json:"itemsNote,omitempty"`
}

type entryRecord struct {
	Type             string  `json:"type"`
	ECCN             string  `json:"eccn"`
	Heading          string  `json:"heading"`
	ReasonForControl *string `json:"reasonForControl,omitempty"`
}

type rowRecord struct {
	Type                 string `json:"type"`
	ECCN                 string `json:"eccn"`
	Control              string `json:"control"`
	CountryChart         string `json:"countryChart"`
	SingleCellRow        bool   `json:"singleCellRow,omitempty"`
	RequirementCellEmpty bool   `json:"requirementCellEmptyInSource,omitempty"`
}

type exceptionRecord struct {
	Type string `json:"type"`
	ECCN string `json:"eccn"`
	Code string `json:"code"`
	Text string `json:"text"`
}

type staRecord struct {
	Type string `json:"type"`
	ECCN string `json:"eccn"`
	Text string `json:"text"`
}

type itemRecord struct {
	Type      string  `json:"type"`
	ECCN      string  `json:"eccn"`
	Paragraph *string `json:"paragraph,omitempty"`
	Kind      string  `json:"kind"`
	Depth     int     `json:"depth"`
	Text      string  `json:"text"`
}

// WriteSource renders f in the source format: UTF-8 JSON Lines, one record
// a line, fields in a fixed order, no HTML escaping, entries in f's order.
// The same SourceFile always gives the same bytes.
func WriteSource(f *SourceFile) ([]byte, error) {
	if err := checkSource(f); err != nil {
		return nil, err
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	var err error
	put := func(v any) {
		if err == nil {
			err = enc.Encode(v)
		}
	}
	put(sourceRecord{Type: recSource, Format: SourceFormat, Citation: f.Citation, ECFRIssueDate: f.ECFRIssueDate,
		URL: f.URL, RetrievedAt: f.RetrievedAt, Entries: len(f.Entries), ItemsNote: f.ItemsNote})
	for _, e := range f.Entries {
		put(entryRecord{recEntry, e.ECCN, e.Heading, e.ReasonForControl})
		for _, r := range e.CountryChart {
			if r.Condition != "" {
				return nil, fmt.Errorf("cclgen: source entry %s: a row condition is for mends only", e.ECCN)
			}
			put(rowRecord{recRow, e.ECCN, r.Control, r.CountryChart, r.SingleCellRow, r.RequirementCellEmpty})
		}
		for _, x := range e.Exceptions {
			put(exceptionRecord{recException, e.ECCN, x.Code, x.Text})
		}
		if e.STASpecialConditions != nil {
			put(staRecord{recSTA, e.ECCN, *e.STASpecialConditions})
		}
		for _, it := range e.Items {
			put(itemRecord{recItem, e.ECCN, it.Paragraph, it.Kind, it.Depth, it.Text})
		}
	}
	if err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// ParseSource reads the source format that WriteSource writes. It is
// strict: an unknown record type or field, a record out of place, a record
// naming another entry than the one it follows, or an entry count that
// does not match the first record is an error naming the line.
func ParseSource(b []byte) (*SourceFile, error) {
	f := &SourceFile{}
	declared := -1
	sc := bufio.NewScanner(bytes.NewReader(b))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	line := 0
	var cur *SourceEntry
	stage := 0 // within an entry: 0 rows, 1 exceptions, 2 sta, 3 items
	for sc.Scan() {
		line++
		text := sc.Bytes()
		var head struct {
			Type string `json:"type"`
		}
		if err := json.Unmarshal(text, &head); err != nil {
			return nil, fmt.Errorf("cclgen: source line %d: %w", line, err)
		}
		errf := func(format string, args ...any) error {
			return fmt.Errorf("cclgen: source line %d: "+format, append([]any{line}, args...)...)
		}
		if line == 1 && head.Type != recSource {
			return nil, errf("the first record is %q, want %q", head.Type, recSource)
		}
		// within checks that a record follows its entry at the given stage.
		within := func(eccn string, at int) error {
			switch {
			case cur == nil:
				return errf("a %s record before any entry", head.Type)
			case eccn != cur.ECCN:
				return errf("a %s record of %s inside entry %s", head.Type, eccn, cur.ECCN)
			case at < stage:
				return errf("a %s record of %s out of order (rows, exceptions, sta, items)", head.Type, eccn)
			}
			stage = at
			return nil
		}
		newRec, ok := newRecord[head.Type]
		if !ok {
			return nil, errf("unknown record type %q", head.Type)
		}
		rec := newRec()
		if err := strictDecode(text, rec); err != nil {
			return nil, errf("%v", err)
		}
		var err error
		switch r := rec.(type) {
		case *sourceRecord:
			if line != 1 {
				return nil, errf("a second source record")
			}
			if r.Format != SourceFormat {
				return nil, errf("format %q, want %q", r.Format, SourceFormat)
			}
			f.Citation, f.ECFRIssueDate, f.URL, f.RetrievedAt, f.ItemsNote = r.Citation, r.ECFRIssueDate, r.URL, r.RetrievedAt, r.ItemsNote
			declared = r.Entries
		case *entryRecord:
			f.Entries = append(f.Entries, SourceEntry{ECCN: r.ECCN, Heading: r.Heading, ReasonForControl: r.ReasonForControl})
			cur, stage = &f.Entries[len(f.Entries)-1], 0
		case *rowRecord:
			if err = within(r.ECCN, 0); err == nil {
				cur.CountryChart = append(cur.CountryChart, SourceRow{Control: r.Control, CountryChart: r.CountryChart,
					SingleCellRow: r.SingleCellRow, RequirementCellEmpty: r.RequirementCellEmpty})
			}
		case *exceptionRecord:
			if err = within(r.ECCN, 1); err == nil {
				cur.Exceptions = append(cur.Exceptions, SourceException{Code: r.Code, Text: r.Text})
			}
		case *staRecord:
			// one sta record an entry: the stage moves past it
			if err = within(r.ECCN, 2); err == nil {
				cur.STASpecialConditions, stage = &r.Text, 3
			}
		case *itemRecord:
			if err = within(r.ECCN, 3); err == nil {
				cur.Items = append(cur.Items, SourceItem{Paragraph: r.Paragraph, Kind: r.Kind, Depth: r.Depth, Text: r.Text})
			}
		}
		if err != nil {
			return nil, err
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("cclgen: source: %w", err)
	}
	if line == 0 {
		return nil, fmt.Errorf("cclgen: source is empty")
	}
	if declared != len(f.Entries) {
		return nil, fmt.Errorf("cclgen: source says %d entries, has %d", declared, len(f.Entries))
	}
	if err := checkSource(f); err != nil {
		return nil, err
	}
	return f, nil
}

// checkSource checks what both the reader and the writer require.
func checkSource(f *SourceFile) error {
	if len(f.Entries) == 0 {
		return fmt.Errorf("cclgen: source has no entries")
	}
	if f.ECFRIssueDate == "" || f.Citation == "" {
		return fmt.Errorf("cclgen: source has no eCFR issue date or citation")
	}
	seen := map[string]bool{}
	for i, e := range f.Entries {
		if !validECCN(e.ECCN) || len(e.ECCN) != 5 {
			return fmt.Errorf("cclgen: source entry %d: malformed ECCN %q", i, e.ECCN)
		}
		if seen[e.ECCN] {
			return fmt.Errorf("cclgen: source entry %s printed twice", e.ECCN)
		}
		seen[e.ECCN] = true
		for _, x := range e.Exceptions {
			if x.Code == "" || strings.TrimSpace(x.Code) != x.Code {
				return fmt.Errorf("cclgen: source entry %s: license exception code %q", e.ECCN, x.Code)
			}
		}
	}
	return nil
}

// strictDecode decodes one record, refusing unknown fields.
func strictDecode(b []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return fmt.Errorf("more than one JSON value on the line")
	}
	return nil
}

// validECCN mirrors product.ParseECCN: category digit, product group A-E,
// three digits, then dot-separated segments (a letter, a roman numeral i-xx
// or a number 1-99; the first a letter).
func validECCN(s string) bool {
	if len(s) < 5 || s[0] < '0' || s[0] > '9' || s[1] < 'A' || s[1] > 'E' {
		return false
	}
	for i := 2; i < 5; i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	if len(s) == 5 {
		return true
	}
	if s[5] != '.' {
		return false
	}
	segs := splitDots(s[6:])
	if len(segs) > 12 {
		return false
	}
	for i, seg := range segs {
		if !validSegment(seg, i == 0) {
			return false
		}
	}
	return true
}

var romans = map[string]bool{"i": true, "ii": true, "iii": true, "iv": true, "v": true, "vi": true,
	"vii": true, "viii": true, "ix": true, "x": true, "xi": true, "xii": true, "xiii": true, "xiv": true,
	"xv": true, "xvi": true, "xvii": true, "xviii": true, "xix": true, "xx": true}

func validSegment(seg string, first bool) bool {
	switch {
	case seg == "":
		return false
	case len(seg) == 1 && seg[0] >= 'a' && seg[0] <= 'z':
		return true
	case seg[0] >= '0' && seg[0] <= '9':
		if first || seg[0] == '0' || len(seg) > 2 {
			return false
		}
		return len(seg) == 1 || (seg[1] >= '0' && seg[1] <= '9')
	}
	return !first && romans[seg]
}

func splitDots(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == '.' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return out
}
