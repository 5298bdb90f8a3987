package jurisdiction_test

import (
	"errors"
	"slices"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func TestPointerRows(t *testing.T) {
	tests := []struct {
		give      jurisdiction.Country
		wantCites []string
		wantNotes []int
	}{
		{jurisdiction.Cuba, []string{"15 CFR 746.2"}, nil},
		{jurisdiction.Iran, []string{"15 CFR 746.7"}, []int{1}},
		{jurisdiction.NorthKorea, []string{"15 CFR 742.19", "15 CFR 746.4"}, []int{1}},
		{jurisdiction.Syria, []string{"15 CFR 746.9"}, nil},
	}
	for _, tt := range tests {
		row := mustRow(t, tt.give)
		if !row.IsPointer() || row.Marks() != 0 {
			t.Errorf("%v: IsPointer %v, marks %q", tt.give, row.IsPointer(), row.Marks())
		}
		for _, col := range jurisdiction.Columns() {
			// A pointer row must never read as a plain blank ("no license").
			if got := row.Cell(col); got != jurisdiction.CellSeePart746 {
				t.Errorf("%v %v: Cell = %v, want see part 746", tt.give, col, got)
			}
		}
		cites, printed := row.PointerCitations()
		if !slices.Equal(cites, tt.wantCites) || printed == "" {
			t.Errorf("%v: PointerCitations = %v %q", tt.give, cites, printed)
		}
		if got := row.FootnoteNumbers(); !slices.Equal(got, tt.wantNotes) {
			t.Errorf("%v: footnotes %v, want %v", tt.give, got, tt.wantNotes)
		}
	}
	// Exactly four pointer rows.
	n := 0
	for _, c := range jurisdiction.Countries() {
		if row, ok := jurisdiction.ChartRowOf(c); ok && row.IsPointer() && c != jurisdiction.HongKong {
			n++
		}
	}
	if n != 4 {
		t.Errorf("%d pointer rows, want 4", n)
	}
}

func TestChartCells(t *testing.T) {
	tests := []struct {
		give jurisdiction.Country
		col  jurisdiction.Column
		want jurisdiction.Cell
	}{
		{jurisdiction.China, jurisdiction.NS2, jurisdiction.CellX},
		{jurisdiction.China, jurisdiction.CC2, jurisdiction.CellBlank},
		{jurisdiction.China, jurisdiction.AT1, jurisdiction.CellBlank},
		{jurisdiction.HongKong, jurisdiction.RS2, jurisdiction.CellX}, // China's row
		{jurisdiction.Macau, jurisdiction.NP2, jurisdiction.CellX},
		{jurisdiction.Japan, jurisdiction.NS2, jurisdiction.CellBlank},
		{jurisdiction.Japan, jurisdiction.NS1, jurisdiction.CellX},
		{jurisdiction.Canada, jurisdiction.FC1, jurisdiction.CellX},
		{jurisdiction.Canada, jurisdiction.CB1, jurisdiction.CellX},
		{jurisdiction.Canada, jurisdiction.NS1, jurisdiction.CellBlank},
		{jurisdiction.Australia, jurisdiction.NS1, jurisdiction.CellBlank},
		{jurisdiction.Russia, jurisdiction.CC2, jurisdiction.CellX},
		{jurisdiction.India, jurisdiction.RS2, jurisdiction.CellBlank}, // but footnote 7
		{jurisdiction.Iran, jurisdiction.CB1, jurisdiction.CellSeePart746},
		{jurisdiction.China, 0, 0},
		{jurisdiction.China, 99, 0},
	}
	for _, tt := range tests {
		if got := mustRow(t, tt.give).Cell(tt.col); got != tt.want {
			t.Errorf("%v %v: Cell = %v, want %v", tt.give, tt.col, got, tt.want)
		}
	}
	// Macau's marks equal China's; AT columns are empty everywhere.
	if mustRow(t, jurisdiction.Macau).Marks() != mustRow(t, jurisdiction.China).Marks() {
		t.Error("Macau's chart marks differ from China's")
	}
	for _, c := range jurisdiction.Countries() {
		if row, ok := jurisdiction.ChartRowOf(c); ok && (row.Marks().Has(jurisdiction.AT1) || row.Marks().Has(jurisdiction.AT2)) {
			t.Errorf("%v has an AT mark", c)
		}
	}
	var zero jurisdiction.ChartRow
	if zero.Cell(jurisdiction.NS1) != 0 || zero.IsPointer() || zero.Marks() != 0 || zero.Name() != "" || zero.FootnoteNumbers() != nil {
		t.Error("zero ChartRow must say nothing")
	}
	if got := mustRow(t, jurisdiction.Japan).Marks().String(); got != "CB1 NS1 MT1 RS1" {
		t.Errorf("Japan marks %q", got)
	}
	if got := mustRow(t, jurisdiction.Canada).Marks().Columns(); !slices.Equal(got, []jurisdiction.Column{jurisdiction.CB1, jurisdiction.FC1}) {
		t.Errorf("Canada columns %v", got)
	}
}

func TestFootnotesOnRows(t *testing.T) {
	tests := []struct {
		give jurisdiction.Country
		want []int
	}{
		{jurisdiction.Australia, []int{10}},
		{jurisdiction.UnitedKingdom, []int{10}},
		{jurisdiction.India, []int{7}},
		{jurisdiction.Pakistan, []int{8}},
		{jurisdiction.Ukraine, []int{9}},
		{jurisdiction.Russia, []int{6}},
		{jurisdiction.Belarus, []int{6}},
		{jurisdiction.Liechtenstein, []int{5}},
		{jurisdiction.Cyprus, []int{2, 3, 4}},
		{jurisdiction.Iraq, []int{1}},
		{jurisdiction.China, nil},
	}
	for _, tt := range tests {
		row := mustRow(t, tt.give)
		if got := row.FootnoteNumbers(); !slices.Equal(got, tt.want) {
			t.Errorf("%v: footnotes %v, want %v", tt.give, got, tt.want)
		}
		if fs := row.Footnotes(); len(fs) != len(tt.want) {
			t.Errorf("%v: Footnotes() has %d", tt.give, len(fs))
		}
	}
	li := mustRow(t, jurisdiction.Liechtenstein)
	if c, ok := li.Follows(); !ok || c != jurisdiction.Switzerland {
		t.Error("Liechtenstein follows Switzerland (footnote 5)")
	}
	if li.Marks() != mustRow(t, jurisdiction.Switzerland).Marks() {
		t.Error("Liechtenstein's marks equal Switzerland's")
	}
	if _, ok := mustRow(t, jurisdiction.Switzerland).Follows(); ok {
		t.Error("Switzerland follows no one")
	}
	f10, _ := jurisdiction.FootnoteByNumber(10)
	if !slices.Contains(f10.ECCNs, "0A504.i") || len(f10.ECCNs) != 14 {
		t.Errorf("footnote 10 ECCNs %v", f10.ECCNs)
	}
	f7, _ := jurisdiction.FootnoteByNumber(7)
	if !slices.Equal(f7.ECCNs, []string{"6A003.b.4.b", "9A515.e"}) {
		t.Errorf("footnote 7 ECCNs %v", f7.ECCNs)
	}
}

func TestChartRowAsOf(t *testing.T) {
	if row, err := jurisdiction.ChartRowAsOf(jurisdiction.China, d("2025-09-30")); err != nil || row.Country() != jurisdiction.China {
		t.Fatalf("ChartRowAsOf(CN, 2025-09-30) = %v, %v", row.Country(), err)
	}
	var dr *jurisdiction.DateRangeError
	if _, err := jurisdiction.ChartRowAsOf(jurisdiction.China, d("2025-09-29")); !errors.As(err, &dr) || dr.Floor != jurisdiction.ChartHistoryFloor() {
		t.Errorf("before the chart floor: %v", err)
	}
	var ce *jurisdiction.CountryError
	if _, err := jurisdiction.ChartRowAsOf(jurisdiction.UnitedStates, d("2026-01-01")); !errors.As(err, &ce) || ce.Kind != jurisdiction.CountryUnknown {
		t.Errorf("US has no row: %v", err)
	}
	if _, err := jurisdiction.ChartRowAsOf(jurisdiction.Country{}, d("2026-01-01")); !errors.As(err, &ce) || ce.Kind != jurisdiction.CountryZero {
		t.Errorf("zero country: %v", err)
	}
	if _, err := jurisdiction.ChartRowAsOf(jurisdiction.China, jurisdiction.Date{}); !errors.As(err, &dr) {
		t.Errorf("zero date: %v", err)
	}
	if row, err := jurisdiction.ChartRowAsOf(jurisdiction.HongKong, d("2026-01-01")); err != nil || row.Country() != jurisdiction.China {
		t.Errorf("HK as of 2026: %v %v", row.Country(), err)
	}
}

func TestColumnSetAndCell(t *testing.T) {
	s := jurisdiction.ColumnSetOf(jurisdiction.FC1, jurisdiction.CB1, 0)
	if s.String() != "CB1 FC1" || s.Len() != 2 || s.Has(0) {
		t.Errorf("ColumnSet %q", s)
	}
	if len(jurisdiction.Columns()) != 16 {
		t.Errorf("Columns() has %d, want 16", len(jurisdiction.Columns()))
	}
	if c, err := jurisdiction.ParseColumn("at2"); err != nil || c != jurisdiction.AT2 {
		t.Errorf("ParseColumn(at2) = %v, %v", c, err)
	}
	for _, tt := range []struct {
		c    jurisdiction.Cell
		want string
	}{{jurisdiction.CellX, "X"}, {jurisdiction.CellBlank, "blank"}, {jurisdiction.CellSeePart746, "see part 746"}, {0, ""}} {
		if tt.c.String() != tt.want {
			t.Errorf("Cell(%d).String() = %q", tt.c, tt.c.String())
		}
	}
}
