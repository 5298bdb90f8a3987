package jurisdiction

import (
	"slices"
	"strings"
)

// ColumnSet is a set of Commerce Country Chart columns, one bit per Column.
// The zero ColumnSet is the empty set.
type ColumnSet uint32

// ColumnSetOf returns the set of the given columns; invalid columns are
// ignored.
func ColumnSetOf(cs ...Column) ColumnSet {
	var s ColumnSet
	for _, c := range cs {
		if c.IsValid() {
			s |= 1 << c
		}
	}
	return s
}

// Has reports whether col is in s.
func (s ColumnSet) Has(col Column) bool { return col.IsValid() && s&(1<<col) != 0 }

// Len returns the number of columns in s.
func (s ColumnSet) Len() int { return len(s.Columns()) }

// Columns returns the columns in s in the chart's order (FC1 between RS2 and
// CC1). The caller owns the returned slice.
func (s ColumnSet) Columns() []Column {
	var cs []Column
	for c := CB1; c < numColumns; c++ {
		if s.Has(c) {
			cs = append(cs, c)
		}
	}
	return cs
}

// String returns the columns separated by single spaces in the chart's
// order ("CB1 NS1 MT1 RS1"); the empty set prints as "".
func (s ColumnSet) String() string {
	var parts []string
	for _, c := range s.Columns() {
		parts = append(parts, c.String())
	}
	return strings.Join(parts, " ")
}

// Cell is what one cell of the Commerce Country Chart says. The zero Cell
// is invalid (it is what ChartRow.Cell returns for an invalid Column).
type Cell uint8

const (
	// CellX is an X: a license is required for that reason for control,
	// unless a license exception applies (15 CFR 738.4).
	CellX Cell = iota + 1
	// CellBlank is an empty cell on a row that has marks: the chart itself
	// requires no license for that reason (other parts of the EAR may).
	CellBlank
	// CellSeePart746 is any cell of a pointer row (Cuba, Iran, North Korea,
	// Syria): the row has no X at all and refers the reader to part 746
	// (and 742.19 for North Korea). It never means "no license required".
	CellSeePart746
	// CellUnknown is a cell whose content on the date asked is not known
	// (ChartRowAsOf before ChartHistoryFloor, ChartChanges): never "no
	// license required".
	CellUnknown
)

// String returns "X", "blank" or "see part 746".
func (c Cell) String() string {
	switch c {
	case CellX:
		return "X"
	case CellBlank:
		return "blank"
	case CellSeePart746:
		return "see part 746"
	case CellUnknown:
		return "unknown"
	}
	return ""
}

// ChartRow is one destination's row of the Commerce Country Chart
// (Supplement No. 1 to part 738) as printed on TablesECFRDate: its X marks,
// its footnote numbers, and, for the four pointer rows, the provisions the
// row refers to. ChartRow is immutable; the zero ChartRow has no country.
type ChartRow struct {
	country Country // the destination whose row this is
	asked   Country // the destination asked for (Hong Kong for China's row)
	r       *countryRecord
	// For a date before ChartHistoryFloor (see chart_history.go): the
	// marks that the printed row lacks then (plus), the ones it has that
	// were not yet there (minus), and the cells not known (unknown).
	plus, minus, unknown ColumnSet
	reconstructed        bool
}

// ChartRowOf returns the chart row that governs c as printed on
// TablesECFRDate, and false if there is none (the United States, which has
// no row, and the zero Country). For Hong Kong it returns China's row
// (85 FR 83765; see Country.TablesAs and ChartRow.ReadAs). For Liechtenstein
// it returns Liechtenstein's own row, whose footnote 5 refers to
// Switzerland (see ChartRow.Follows).
func ChartRowOf(c Country) (ChartRow, bool) {
	as := c.TablesAs()
	r := as.record()
	if r == nil || !r.inChart {
		return ChartRow{}, false
	}
	return ChartRow{country: as, asked: c, r: r}, true
}

// ChartHistoryFloor returns the date from which the chart is known
// unchanged as printed: 2025-09-30, the effective date of the last change
// to the chart found before TablesECFRDate (90 FR 47170, FR Doc. 2025-18992,
// which rescinded the 2024 firearms interim final rule and its CC marks).
// Earlier dates, from ChartReconstructionFloor, are answered with the
// recorded amendments undone (ChartChanges).
func ChartHistoryFloor() Date { return chartHistoryFloor }

// ChartRowAsOf is ChartRowOf as of the date asOf. The package holds the
// chart as printed on TablesECFRDate and knows of no change to it between
// ChartHistoryFloor and that date; from ChartReconstructionFloor to
// ChartHistoryFloor the row is the printed row with the amendments of
// ChartChanges in force after asOf undone (ChartRow.Reconstructed; cells
// not known then read CellUnknown). For earlier dates, for Hong Kong before
// 2020-12-23 and for the zero Date it returns a *DateRangeError. A
// destination without a row (the United States) is a *CountryError of Kind
// CountryUnknown; the zero Country one of Kind CountryZero.
func ChartRowAsOf(c Country, asOf Date) (ChartRow, error) {
	if !c.IsValid() {
		return ChartRow{}, &CountryError{Input: "", Kind: CountryZero, Msg: "the zero Country is no destination"}
	}
	if !asOf.IsValid() {
		return ChartRow{}, &DateRangeError{Table: "country chart", AsOf: asOf, Msg: "the zero Date is no date"}
	}
	if asOf.Before(chartReconstructionFloor) {
		return ChartRow{}, &DateRangeError{
			Table: "country chart", AsOf: asOf, Floor: chartReconstructionFloor,
			Msg: "before " + chartReconstructionFloor.String() + ", the earliest date from which the amendments of the Commerce Country Chart are recorded",
		}
	}
	if _, err := c.TablesAsOn(asOf); err != nil {
		return ChartRow{}, err
	}
	row, ok := ChartRowOf(c)
	if !ok {
		return ChartRow{}, &CountryError{Input: c.String(), Kind: CountryUnknown, Msg: c.Name() + " has no row in the Commerce Country Chart"}
	}
	if asOf.Before(chartHistoryFloor) {
		row = row.reconstruct(asOf)
	}
	return row, nil
}

// Country returns the destination whose row this is (China for a row
// obtained for Hong Kong).
func (r ChartRow) Country() Country { return r.country }

// ReadAs reports whether the row was obtained for a destination other than
// its own (Hong Kong, read as China) and, if so, that destination.
func (r ChartRow) ReadAs() (Country, bool) {
	if r.r == nil || r.asked == r.country {
		return Country{}, false
	}
	return r.asked, true
}

// Name returns the name printed on the row.
func (r ChartRow) Name() string {
	if r.r == nil {
		return ""
	}
	return r.r.chartName
}

// Marks returns the columns that have an X (on the date asked, for a
// reconstructed row; an unknown cell is not among them). A pointer row has
// none.
func (r ChartRow) Marks() ColumnSet {
	if r.r == nil {
		return 0
	}
	return (r.r.marks | r.plus) &^ (r.minus | r.unknown)
}

// IsPointer reports whether the row is a pointer row: a row with no X whose
// single cell refers to part 746 (Cuba, Iran, Syria) or to 742.19 and 746.4
// (North Korea). Every cell of a pointer row reads CellSeePart746.
func (r ChartRow) IsPointer() bool { return r.r != nil && r.r.pointer != nil }

// Cell returns what the row says in column col: CellX, CellBlank, or for a
// pointer row CellSeePart746 in every column. It returns the zero Cell for
// an invalid column or the zero ChartRow.
func (r ChartRow) Cell(col Column) Cell {
	switch {
	case r.r == nil || !col.IsValid():
		return 0
	case r.r.pointer != nil:
		return CellSeePart746
	case r.unknown.Has(col):
		return CellUnknown
	case r.plus.Has(col):
		return CellX
	case r.minus.Has(col):
		return CellBlank
	case r.r.marks.Has(col):
		return CellX
	}
	return CellBlank
}

// PointerCitations returns the provisions a pointer row refers to ("15 CFR
// 746.2" for Cuba, "15 CFR 746.7" for Iran, "15 CFR 742.19" and "15 CFR
// 746.4" for North Korea, "15 CFR 746.9" for Syria) and the reference as
// the cell prints it ("part 746"). It returns nil and "" for other rows.
// The caller owns the returned slice.
func (r ChartRow) PointerCitations() (citations []string, printed string) {
	if !r.IsPointer() {
		return nil, ""
	}
	return slices.Clone(r.r.pointer.citations), r.r.pointer.printed
}

// FootnoteNumbers returns the numbers of the footnotes printed on the row,
// ascending. The caller owns the returned slice.
func (r ChartRow) FootnoteNumbers() []int {
	if r.r == nil {
		return nil
	}
	var ns []int
	for n := 1; n <= len(footnoteTable); n++ {
		if r.r.footnotes&(1<<n) != 0 {
			ns = append(ns, n)
		}
	}
	return ns
}

// Footnotes returns the footnotes printed on the row, ascending. The caller
// owns the returned slice.
func (r ChartRow) Footnotes() []Footnote {
	var fs []Footnote
	for _, n := range r.FootnoteNumbers() {
		f, _ := FootnoteByNumber(n)
		fs = append(fs, f)
	}
	return fs
}

// Follows reports the destination whose licensing requirements the row
// says to use instead: Switzerland for Liechtenstein (footnote 5). It
// returns false for every other row. Liechtenstein's own row carries the
// same marks as Switzerland's; footnote 5 makes Switzerland's footnotes 3
// and 4 relevant to it as well.
func (r ChartRow) Follows() (Country, bool) {
	if r.r != nil && r.r.footnotes&(1<<5) != 0 {
		return Switzerland, true
	}
	return Country{}, false
}

// Footnote is one footnote of the Commerce Country Chart, paraphrased, with
// the provisions it cites and the ECCNs it names.
type Footnote struct {
	Number   int      // 1 to 10
	Citation string   // the provisions it refers to, e.g. "15 CFR 742.6(a)(3)"
	ECCNs    []string // ECCNs (with paragraph and scope notes) it names, if any
	Summary  string   // what it says, paraphrased; includes the reading chosen where the text is doubtful
	Source   string   // where the text was read
}

// Footnotes returns the ten footnotes of the Commerce Country Chart in
// order. The caller owns the returned slice and its contents.
func Footnotes() []Footnote {
	out := make([]Footnote, len(footnoteTable))
	for i, f := range footnoteTable {
		f.ECCNs = slices.Clone(f.ECCNs)
		out[i] = f
	}
	return out
}

// FootnoteByNumber returns footnote n of the chart and true, or the zero
// Footnote and false if there is no such footnote.
func FootnoteByNumber(n int) (Footnote, bool) {
	if n < 1 || n > len(footnoteTable) {
		return Footnote{}, false
	}
	f := footnoteTable[n-1]
	f.ECCNs = slices.Clone(f.ECCNs)
	return f, true
}
