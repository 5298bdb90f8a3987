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
	if row, err := jurisdiction.ChartRowAsOf(jurisdiction.China, d("2025-09-29")); err != nil || !row.Reconstructed() {
		t.Errorf("the day before the chart floor: reconstructed %v, %v", row.Reconstructed(), err)
	}
	if _, err := jurisdiction.ChartRowAsOf(jurisdiction.China, d("2019-12-31")); !errors.As(err, &dr) || dr.Floor != jurisdiction.ChartReconstructionFloor() {
		t.Errorf("before the reconstruction floor: %v", err)
	}
	if _, err := jurisdiction.ChartRowAsOf(jurisdiction.HongKong, d("2020-12-22")); !errors.As(err, &dr) {
		t.Errorf("Hong Kong before 2020-12-23 (its own row, not held): %v", err)
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

// TestChartHistory: each recorded amendment, undone on the day before it
// and in force on its day; the firearms window's CC cells unknown inside
// it only; and each record agrees with the printed chart (an added mark is
// printed, a removed one is not).
func TestChartHistory(t *testing.T) {
	cell := func(c jurisdiction.Country, col jurisdiction.Column, day string) jurisdiction.Cell {
		t.Helper()
		row, err := jurisdiction.ChartRowAsOf(c, d(day))
		if err != nil {
			t.Fatal(err)
		}
		return row.Cell(col)
	}
	sudan := jurisdiction.MustParseCountry("SD")
	tests := []struct {
		c    jurisdiction.Country
		col  jurisdiction.Column
		day  string
		want jurisdiction.Cell
	}{
		{jurisdiction.Russia, jurisdiction.NP1, "2020-02-23", jurisdiction.CellBlank},
		{jurisdiction.Russia, jurisdiction.NP1, "2020-02-24", jurisdiction.CellX},
		{jurisdiction.Russia, jurisdiction.NP2, "2020-02-23", jurisdiction.CellUnknown},
		{jurisdiction.Russia, jurisdiction.NS1, "2020-01-01", jurisdiction.CellX},
		{jurisdiction.Russia, jurisdiction.AT1, "2022-01-15", jurisdiction.CellBlank},
		{sudan, jurisdiction.AT1, "2021-01-13", jurisdiction.CellX},
		{sudan, jurisdiction.AT1, "2021-01-14", jurisdiction.CellBlank},
		{sudan, jurisdiction.AT2, "2021-01-13", jurisdiction.CellUnknown},
		{jurisdiction.Belarus, jurisdiction.NP1, "2022-03-01", jurisdiction.CellBlank},
		{jurisdiction.Belarus, jurisdiction.NP1, "2022-03-02", jurisdiction.CellX},
		{jurisdiction.Australia, jurisdiction.NS1, "2024-04-18", jurisdiction.CellX},
		{jurisdiction.Australia, jurisdiction.NS1, "2024-04-19", jurisdiction.CellBlank},
		{jurisdiction.UnitedKingdom, jurisdiction.RS1, "2024-04-18", jurisdiction.CellX},
		{jurisdiction.China, jurisdiction.CC1, "2024-05-29", cell(jurisdiction.China, jurisdiction.CC1, "2026-01-01")},
		{jurisdiction.China, jurisdiction.CC1, "2024-05-30", jurisdiction.CellUnknown},
		{jurisdiction.China, jurisdiction.CC3, "2025-09-29", jurisdiction.CellUnknown},
		{jurisdiction.China, jurisdiction.CC3, "2025-09-30", cell(jurisdiction.China, jurisdiction.CC3, "2026-01-01")},
		{jurisdiction.Germany, jurisdiction.NS2, "2021-06-01", cell(jurisdiction.Germany, jurisdiction.NS2, "2026-01-01")},
	}
	for _, tt := range tests {
		if got := cell(tt.c, tt.col, tt.day); got != tt.want {
			t.Errorf("%s %s on %s: %s, want %s", tt.c, tt.col, tt.day, got, tt.want)
		}
	}
	for _, ch := range jurisdiction.ChartChanges() {
		if ch.Citation == "" || ch.Source == "" || ch.Effective.Before(jurisdiction.ChartReconstructionFloor()) || !ch.Effective.Before(jurisdiction.ChartHistoryFloor()) {
			t.Errorf("change %+v: citation, source, or effective date outside the reconstruction", ch)
		}
		if !ch.Country.IsValid() {
			continue
		}
		row, ok := jurisdiction.ChartRowOf(ch.Country)
		if !ok || row.IsPointer() {
			t.Errorf("change %+v: no marked row", ch)
			continue
		}
		switch ch.Change {
		case jurisdiction.ChartMarkAdded:
			if row.Cell(ch.Column) != jurisdiction.CellX {
				t.Errorf("%s %s added on %s, but the printed chart has no X", ch.Country, ch.Column, ch.Effective)
			}
		case jurisdiction.ChartMarkRemoved:
			if row.Cell(ch.Column) != jurisdiction.CellBlank {
				t.Errorf("%s %s removed on %s, but the printed chart has an X", ch.Country, ch.Column, ch.Effective)
			}
		}
	}
}
