// Package gen turns the eCFR parse of the Commerce Control List (the JSON
// file of Supplement No. 1 to part 774) and the hand mends of
// product/data/ccl_mends.json into the Go source of product/ccl_gen.go.
//
// It is the library behind the cclgen command and behind the product
// package's staleness test; it does no I/O itself.
package gen

import (
	"encoding/json"
	"fmt"
)

// SourceFile is the part of the eCFR CCL JSON file the generator reads.
type SourceFile struct {
	Citation      string        `json:"citation"`
	ECFRIssueDate string        `json:"ecfrIssueDate"`
	EntryCount    int           `json:"entryCount"`
	Entries       []SourceEntry `json:"entries"`
}

// SourceEntry is one ECCN entry of the source file.
type SourceEntry struct {
	ECCN             string       `json:"eccn"`
	Heading          string       `json:"heading"`
	ReasonForControl *string      `json:"reasonForControl"`
	CountryChart     []SourceRow  `json:"countryChart"`
	Items            []SourceItem `json:"items"`
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

// SourceItem is one paragraph of an entry's text (only some categories
// carry it).
type SourceItem struct {
	Paragraph *string `json:"paragraph"`
	Kind      string  `json:"kind"`
	Text      string  `json:"text"`
}

// ParseSource decodes the source JSON.
func ParseSource(b []byte) (*SourceFile, error) {
	var f SourceFile
	if err := json.Unmarshal(b, &f); err != nil {
		return nil, fmt.Errorf("cclgen: source: %w", err)
	}
	if len(f.Entries) == 0 {
		return nil, fmt.Errorf("cclgen: source has no entries")
	}
	if f.EntryCount != 0 && f.EntryCount != len(f.Entries) {
		return nil, fmt.Errorf("cclgen: source header says %d entries, file has %d", f.EntryCount, len(f.Entries))
	}
	for i, e := range f.Entries {
		if !validECCN(e.ECCN) || len(e.ECCN) != 5 {
			return nil, fmt.Errorf("cclgen: source entry %d: malformed ECCN %q", i, e.ECCN)
		}
	}
	return &f, nil
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
