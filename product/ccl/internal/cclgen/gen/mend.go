package gen

import (
	"encoding/json"
	"fmt"
	"strings"
)

// MendFile is product/ccl/data/ccl_mends.json: the hand mends of garbles in the
// source, each with what was wrong and the source used to mend it.
type MendFile struct {
	Comment string `json:"comment"`
	Mends   []Mend `json:"mends"`
}

// Mend is one hand mend of one entry. Op "replace" changes an entry of the
// source; op "add" inserts an entry the source lost (after the entry named
// by After); op "paragraphs" corrects the paragraphs of the entry's List of
// Items (Paragraphs). Check states what the source must still print for the mend to
// apply, so that a mend outlives no garble silently: a mend whose check
// fails stops the generator.
type Mend struct {
	ECCN       string       `json:"eccn"`
	Op         string       `json:"op"`
	After      string       `json:"after,omitempty"`
	Note       string       `json:"note"`
	Source     string       `json:"source"`
	Check      *MendCheck   `json:"check,omitempty"`
	Heading    *string      `json:"heading,omitempty"`
	Reasons    *string      `json:"reasonForControl,omitempty"`
	Rows       []SourceRow  `json:"rows,omitempty"`
	RowPatches []RowPatch   `json:"rowPatches,omitempty"`
	AppendRows []SourceRow  `json:"appendRows,omitempty"`
	NoControls string       `json:"noControls,omitempty"`
	Extra      []string     `json:"notes,omitempty"`
	RowsFrom   *RowsFromRef `json:"rowsFrom,omitempty"`
	// Paragraphs corrects the entry's paragraph set (op "paragraphs"
	// only): an entry may have one mend of its rows and one of its
	// paragraphs.
	Paragraphs *ParagraphMend `json:"paragraphs,omitempty"`
}

// MendCheck is what the source must print before a mend applies.
type MendCheck struct {
	HeadingContains  string  `json:"headingContains,omitempty"`
	ReasonForControl *string `json:"reasonForControl,omitempty"`
	RowCount         *int    `json:"rowCount,omitempty"`
}

// RowPatch replaces row Index of the source (which must read Was) with the
// rows With.
type RowPatch struct {
	Index int         `json:"index"`
	Was   SourceRow   `json:"was"`
	With  []SourceRow `json:"with"`
}

// RowsFromRef takes the rows (and reason line) of another source entry as
// printed, before any mend: for an entry whose table the source filed
// under its neighbour.
type RowsFromRef struct {
	ECCN string `json:"eccn"`
}

// ParseMends decodes the mend file.
func ParseMends(b []byte) (*MendFile, error) {
	var f MendFile
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("cclgen: mends: %w", err)
	}
	seen := map[string]bool{}
	for i, m := range f.Mends {
		switch {
		case !validECCN(m.ECCN) || len(m.ECCN) != 5:
			return nil, fmt.Errorf("cclgen: mend %d: malformed ECCN %q", i, m.ECCN)
		case m.Op != "replace" && m.Op != "add" && m.Op != "paragraphs":
			return nil, fmt.Errorf("cclgen: mend %s: op %q (want replace, add or paragraphs)", m.ECCN, m.Op)
		case (m.Op == "paragraphs") != (m.Paragraphs != nil):
			return nil, fmt.Errorf("cclgen: mend %s: paragraphs go with op paragraphs, and only with it", m.ECCN)
		case strings.TrimSpace(m.Note) == "" || strings.TrimSpace(m.Source) == "":
			return nil, fmt.Errorf("cclgen: mend %s: a mend needs a note and a source", m.ECCN)
		case seen[m.ECCN+" "+opClass(m.Op)]:
			return nil, fmt.Errorf("cclgen: mend %s: two mends for one entry", m.ECCN)
		}
		seen[m.ECCN+" "+opClass(m.Op)] = true
	}
	return &f, nil
}

// opClass groups the ops that may not meet on one entry: the mends of an
// entry's text and rows, and the mend of its paragraphs.
func opClass(op string) string {
	if op == "paragraphs" {
		return op
	}
	return "entry"
}

// mended is a source entry after mends, with the notes the mends left.
type mended struct {
	SourceEntry
	notes      []string
	noControls string
	mendedBy   bool
}

// applyMends returns the source entries in printed order with every mend
// applied.
func applyMends(src *SourceFile, mf *MendFile) ([]mended, int, error) {
	orig := map[string]SourceEntry{}
	out := make([]mended, 0, len(src.Entries)+4)
	for _, e := range src.Entries {
		if _, dup := orig[e.ECCN]; dup {
			return nil, 0, fmt.Errorf("cclgen: source prints %s twice", e.ECCN)
		}
		orig[e.ECCN] = e
		out = append(out, mended{SourceEntry: e})
	}
	index := func(eccn string) int {
		for i := range out {
			if out[i].ECCN == eccn {
				return i
			}
		}
		return -1
	}
	applied := 0
	for _, m := range mf.Mends {
		if m.Op == "paragraphs" {
			continue // applied by Build to the derived paragraphs
		}
		note := "Hand mend: " + m.Note + " Source: " + m.Source
		switch m.Op {
		case "add":
			if index(m.ECCN) >= 0 {
				return nil, 0, fmt.Errorf("cclgen: mend adds %s, but the source has it now: review the mend", m.ECCN)
			}
			at := index(m.After)
			if at < 0 {
				return nil, 0, fmt.Errorf("cclgen: mend adds %s after %q, which is not in the source", m.ECCN, m.After)
			}
			e := mended{SourceEntry: SourceEntry{ECCN: m.ECCN}, mendedBy: true}
			if err := m.edit(&e, orig); err != nil {
				return nil, 0, err
			}
			e.notes = append(e.notes, note)
			out = append(out[:at+1], append([]mended{e}, out[at+1:]...)...)
		case "replace":
			at := index(m.ECCN)
			if at < 0 {
				return nil, 0, fmt.Errorf("cclgen: mend for %s: not in the source", m.ECCN)
			}
			if err := m.check(out[at].SourceEntry); err != nil {
				return nil, 0, err
			}
			if err := m.edit(&out[at], orig); err != nil {
				return nil, 0, err
			}
			out[at].mendedBy = true
			out[at].notes = append(out[at].notes, note)
		}
		applied++
	}
	return out, applied, nil
}

func (m Mend) check(e SourceEntry) error {
	c := m.Check
	if c == nil {
		return nil
	}
	stale := func(what string) error {
		return fmt.Errorf("cclgen: mend for %s no longer matches the source (%s): review the mend", m.ECCN, what)
	}
	if c.HeadingContains != "" && !strings.Contains(e.Heading, c.HeadingContains) {
		return stale("heading")
	}
	if c.ReasonForControl != nil {
		got := ""
		if e.ReasonForControl != nil {
			got = *e.ReasonForControl
		}
		if got != *c.ReasonForControl {
			return stale("reason for control " + got)
		}
	}
	if c.RowCount != nil && len(e.CountryChart) != *c.RowCount {
		return stale(fmt.Sprintf("%d rows", len(e.CountryChart)))
	}
	return nil
}

func (m Mend) edit(e *mended, orig map[string]SourceEntry) error {
	if m.RowsFrom != nil {
		o, ok := orig[m.RowsFrom.ECCN]
		if !ok {
			return fmt.Errorf("cclgen: mend for %s takes rows from %s, which is not in the source", m.ECCN, m.RowsFrom.ECCN)
		}
		e.CountryChart = append([]SourceRow(nil), o.CountryChart...)
		e.ReasonForControl = o.ReasonForControl
	}
	if m.Heading != nil {
		e.Heading = *m.Heading
	}
	if m.Reasons != nil {
		r := *m.Reasons
		e.ReasonForControl = &r
	}
	if m.Rows != nil {
		e.CountryChart = append([]SourceRow(nil), m.Rows...)
	}
	if len(m.RowPatches) > 0 {
		rows := e.CountryChart
		var next []SourceRow
		patch := map[int]RowPatch{}
		for _, p := range m.RowPatches {
			if p.Index < 0 || p.Index >= len(rows) {
				return fmt.Errorf("cclgen: mend for %s patches row %d of %d", m.ECCN, p.Index, len(rows))
			}
			r := rows[p.Index]
			if r.Control != p.Was.Control || r.CountryChart != p.Was.CountryChart {
				return fmt.Errorf("cclgen: mend for %s: row %d no longer reads %q / %q: review the mend", m.ECCN, p.Index, p.Was.Control, p.Was.CountryChart)
			}
			patch[p.Index] = p
		}
		for i, r := range rows {
			if p, ok := patch[i]; ok {
				next = append(next, p.With...)
				continue
			}
			next = append(next, r)
		}
		e.CountryChart = next
	}
	e.CountryChart = append(append([]SourceRow(nil), e.CountryChart...), m.AppendRows...)
	if m.NoControls != "" {
		e.noControls = m.NoControls
	}
	e.notes = append(e.notes, m.Extra...)
	return nil
}
