package jurisdiction_test

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

// readCSV reads a source file of data/ independently of the generator.
func readCSV(t *testing.T, name string) (header []string, rows [][]string) {
	t.Helper()
	f, err := os.Open(filepath.Join("data", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	all, err := csv.NewReader(f).ReadAll() // also fails on a row whose cell count differs from the header
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	return all[0], all[1:]
}

// TestGroupsTableMatchesSource proves that every cell of Supplement No. 1 to
// part 740 as generated equals the source CSV: every destination, every
// group, every name.
func TestGroupsTableMatchesSource(t *testing.T) {
	header, rows := readCSV(t, "country_groups.csv")
	if len(rows) != 200 {
		t.Fatalf("country_groups.csv has %d rows, want 200", len(rows))
	}
	asOf := jurisdiction.TablesDate()
	for _, r := range rows {
		c, err := jurisdiction.ParseCountry(r[0])
		if err != nil {
			t.Fatalf("%s: %v", r[0], err)
		}
		if name, ok := c.GroupsName(); !ok || name != r[1] {
			t.Errorf("%s: GroupsName() = %q, %v; want %q", r[0], name, ok, r[1])
		}
		got, err := jurisdiction.GroupsOf(c, asOf)
		if err != nil {
			t.Fatalf("%s: %v", r[0], err)
		}
		for i, col := range header[2:16] {
			g := jurisdiction.MustParseGroup(col)
			want := r[2+i] == "X"
			if got.Has(g) != want {
				t.Errorf("%s %s: Has = %v, source cell %q", r[0], col, got.Has(g), r[2+i])
			}
			in, err := jurisdiction.InGroup(c, g, asOf)
			if err != nil || in != want {
				t.Errorf("%s %s: InGroup = %v, %v; want %v", r[0], col, in, err, want)
			}
		}
	}
}

// TestChartTableMatchesSource proves that every cell, footnote and name of
// Supplement No. 1 to part 738 as generated equals the source CSV.
func TestChartTableMatchesSource(t *testing.T) {
	header, rows := readCSV(t, "country_chart.csv")
	if len(rows) != 200 {
		t.Fatalf("country_chart.csv has %d rows, want 200", len(rows))
	}
	_, pointerRows := readCSV(t, "chart_pointers.csv")
	pointers := map[string][]string{}
	for _, p := range pointerRows {
		pointers[p[0]] = strings.Split(p[1], "; ")
	}
	for _, r := range rows {
		c := jurisdiction.MustParseCountry(r[0])
		row, ok := jurisdiction.ChartRowOf(c)
		if !ok {
			t.Fatalf("%s: no chart row", r[0])
		}
		if row.Country() != c || row.Name() != r[1] || c.Name() != r[1] {
			t.Errorf("%s: row %v %q, Name %q; want %q", r[0], row.Country(), row.Name(), c.Name(), r[1])
		}
		if name, ok := c.ChartName(); !ok || name != r[1] {
			t.Errorf("%s: ChartName() = %q, %v", r[0], name, ok)
		}
		cites, isPointer := pointers[r[0]]
		if row.IsPointer() != isPointer {
			t.Errorf("%s: IsPointer = %v, want %v", r[0], row.IsPointer(), isPointer)
		}
		marks := 0
		for i, col := range header[2:18] {
			column := jurisdiction.MustParseColumn(col)
			var want jurisdiction.Cell
			switch {
			case isPointer:
				want = jurisdiction.CellSeePart746
			case r[2+i] == "X":
				want = jurisdiction.CellX
			case r[2+i] == "":
				want = jurisdiction.CellBlank
			default:
				t.Fatalf("%s %s: unexpected source cell %q", r[0], col, r[2+i])
			}
			if r[2+i] == "X" {
				marks++
			}
			if got := row.Cell(column); got != want {
				t.Errorf("%s %s: Cell = %v, want %v", r[0], col, got, want)
			}
			if row.Marks().Has(column) != (r[2+i] == "X") {
				t.Errorf("%s %s: Marks().Has wrong", r[0], col)
			}
		}
		if row.Marks().Len() != marks {
			t.Errorf("%s: %d marks, source has %d", r[0], row.Marks().Len(), marks)
		}
		var wantNotes []int
		if r[18] != "" {
			for _, s := range strings.Split(r[18], ";") {
				n, err := strconv.Atoi(s)
				if err != nil {
					t.Fatal(err)
				}
				wantNotes = append(wantNotes, n)
			}
		}
		if got := row.FootnoteNumbers(); !slices.Equal(got, wantNotes) {
			t.Errorf("%s: footnotes %v, want %v", r[0], got, wantNotes)
		}
		gotCites, printed := row.PointerCitations()
		if !slices.Equal(gotCites, cites) || (isPointer && printed == "") {
			t.Errorf("%s: PointerCitations = %v %q, want %v", r[0], gotCites, printed, cites)
		}
	}
}

// TestDestinationSets checks that the two tables name the same destinations
// except the United States (groups only) and Liechtenstein (chart only),
// and that Countries lists exactly their union plus Hong Kong.
func TestDestinationSets(t *testing.T) {
	_, g := readCSV(t, "country_groups.csv")
	_, c := readCSV(t, "country_chart.csv")
	inG, inC := map[string]bool{}, map[string]bool{}
	for _, r := range g {
		inG[r[0]] = true
	}
	for _, r := range c {
		inC[r[0]] = true
	}
	var onlyG, onlyC []string
	union := map[string]bool{}
	for k := range inG {
		union[k] = true
		if !inC[k] {
			onlyG = append(onlyG, k)
		}
	}
	for k := range inC {
		union[k] = true
		if !inG[k] {
			onlyC = append(onlyC, k)
		}
	}
	if !slices.Equal(onlyG, []string{"US"}) || !slices.Equal(onlyC, []string{"LI"}) {
		t.Errorf("only in groups %v (want [US]), only in chart %v (want [LI])", onlyG, onlyC)
	}
	union["HK"] = true
	var all []jurisdiction.Country
	territories := 0
	for _, c := range jurisdiction.Countries() {
		if c != jurisdiction.HongKong && c.TablesAs() != c {
			territories++ // a dependent territory read as its parent
			continue
		}
		all = append(all, c)
	}
	if len(all) != len(union) || len(all) != 202 || territories != 38 {
		t.Fatalf("Countries() has %d destinations and %d territories, want %d (201 table destinations + HK) and 38", len(all), territories, len(union))
	}
	for i, co := range all {
		if !union[co.String()] {
			t.Errorf("unexpected country %v", co)
		}
		if i > 0 && all[i-1].Compare(co) >= 0 {
			t.Errorf("Countries() not sorted at %v", co)
		}
	}
	// The United States has no chart row; its name comes from the groups.
	if _, ok := jurisdiction.ChartRowOf(jurisdiction.UnitedStates); ok {
		t.Error("the United States has no chart row")
	}
	if jurisdiction.UnitedStates.Name() != "United States" {
		t.Errorf("US name %q", jurisdiction.UnitedStates.Name())
	}
	if _, ok := jurisdiction.Liechtenstein.GroupsName(); ok || jurisdiction.Liechtenstein.InCountryGroups() {
		t.Error("Liechtenstein is not named in Supplement No. 1 to part 740")
	}
}

func TestFootnotesMatchSource(t *testing.T) {
	_, rows := readCSV(t, "chart_footnotes.csv")
	fs := jurisdiction.Footnotes()
	if len(fs) != 10 || len(rows) != 10 {
		t.Fatalf("%d footnotes, %d source rows; want 10", len(fs), len(rows))
	}
	for i, r := range rows {
		f := fs[i]
		var eccns []string
		for _, e := range strings.Split(r[2], ";") {
			if e = strings.TrimSpace(e); e != "" {
				eccns = append(eccns, e)
			}
		}
		if strconv.Itoa(f.Number) != r[0] || f.Citation != r[1] || !slices.Equal(f.ECCNs, eccns) || f.Summary != r[3] || f.Source != r[4] {
			t.Errorf("footnote %s: got %+v", r[0], f)
		}
		g, ok := jurisdiction.FootnoteByNumber(f.Number)
		if !ok || g.Summary != f.Summary {
			t.Errorf("FootnoteByNumber(%d)", f.Number)
		}
	}
	if _, ok := jurisdiction.FootnoteByNumber(11); ok {
		t.Error("there is no footnote 11")
	}
	// Copies: changing the returned slice changes nothing.
	fs[9].ECCNs[0] = "changed"
	if f, _ := jurisdiction.FootnoteByNumber(10); f.ECCNs[0] == "changed" {
		t.Error("Footnotes returned shared memory")
	}
}

func TestGroupChangesMatchSource(t *testing.T) {
	_, rows := readCSV(t, "group_changes.csv")
	got := jurisdiction.GroupChanges()
	if len(got) != len(rows) {
		t.Fatalf("%d changes, %d rows", len(got), len(rows))
	}
	for _, r := range rows {
		found := false
		for _, ch := range got {
			if ch.Country.String() == r[0] && ch.Group.String() == r[1] && ch.Change.String() == r[2] && ch.Effective.String() == r[3] {
				found = true
				if ch.Citation != r[4] || ch.TextRead != (r[5] == "read") || ch.Source != r[6] {
					t.Errorf("%v: citation/status/source differ", r[:4])
				}
			}
		}
		if !found {
			t.Errorf("change %v missing", r[:4])
		}
	}
	for i := 1; i < len(got); i++ {
		if got[i].Effective.Before(got[i-1].Effective) {
			t.Error("GroupChanges not oldest first")
		}
	}
}

func TestProvenance(t *testing.T) {
	_, rows := readCSV(t, "provenance.csv")
	want := map[string]string{}
	for _, r := range rows {
		want[r[0]] = r[1]
	}
	if jurisdiction.TablesECFRDate != want["ecfr_issue"] || jurisdiction.TablesDate().String() != "2026-09-24" {
		t.Errorf("TablesECFRDate %q, provenance %q", jurisdiction.TablesECFRDate, want["ecfr_issue"])
	}
	if jurisdiction.GroupHistoryFloor().String() != want["group_history_floor"] || jurisdiction.ChartHistoryFloor().String() != want["chart_history_floor"] {
		t.Error("history floors differ from provenance.csv")
	}
}
