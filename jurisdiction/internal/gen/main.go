// Command gen writes tables_gen.go for package jurisdiction from the source
// data in jurisdiction/data. It is run by "go generate" in the jurisdiction
// directory:
//
//	go run ./internal/gen [-data data] [-out tables_gen.go]
//
// The sources are the two eCFR tables (Supplement No. 1 to part 740, the
// country groups, and Supplement No. 1 to part 738, the Commerce Country
// Chart) as CSV, plus the project's own files that record the chart's
// footnotes and pointer rows, the dated changes to the country groups,
// destinations that have no row of their own, and the provenance of the
// whole. The generator refuses any input it cannot read exactly: a row
// whose cell count differs from its header, a mark other than "X" or
// blank, an unknown footnote, a pointer row with marks, a change that does
// not match the table, and so on. It never guesses.
package main

import (
	"bytes"
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
)

// groupNames are the country groups in the order of the Group constants of
// package jurisdiction (GroupA1 = 1 ... GroupE2 = 14).
var groupNames = []string{"A:1", "A:2", "A:3", "A:4", "A:5", "A:6", "B", "D:1", "D:2", "D:3", "D:4", "D:5", "E:1", "E:2"}

// groupConsts are the Go names of the same groups.
var groupConsts = []string{"GroupA1", "GroupA2", "GroupA3", "GroupA4", "GroupA5", "GroupA6", "GroupB", "GroupD1", "GroupD2", "GroupD3", "GroupD4", "GroupD5", "GroupE1", "GroupE2"}

// columnNames are the chart columns in the order of the Column constants of
// package jurisdiction (CB1 = 1 ... AT2 = 16; FC1 between RS2 and CC1).
var columnNames = []string{"CB1", "CB2", "CB3", "NP1", "NP2", "NS1", "NS2", "MT1", "RS1", "RS2", "FC1", "CC1", "CC2", "CC3", "AT1", "AT2"}

// The headers the two eCFR tables must have, cell for cell.
var (
	groupsHeader = append(append([]string{"iso2", "name"}, groupNames...), "notes")
	chartHeader  = []string{"iso2", "name", "CB1", "CB2", "CB3", "NP1", "NP2", "NS1", "NS2", "MT1", "RS1", "RS2", "CC1", "CC2", "CC3", "AT1", "AT2", "FC1", "footnotes", "notes"}
)

var (
	provenanceHeader = []string{"key", "value", "note"}
	changesHeader    = []string{"country", "group", "change", "effective", "citation", "status", "source_note"}
	pointersHeader   = []string{"iso2", "citations", "printed_reference", "source_note"}
	extrasHeader     = []string{"iso2", "name", "tables_as", "since", "citation", "source_note"}
	footnotesHeader  = []string{"number", "citation", "eccns", "summary", "source_note"}
)

var isoCode = regexp.MustCompile(`^[A-Z]{2}$`)

func main() {
	dataDir := flag.String("data", "data", "directory holding the source CSV files")
	out := flag.String("out", "tables_gen.go", "file to write")
	flag.Parse()
	src, err := generate(*dataDir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, src, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
}

// country collects everything the tables say about one destination.
type country struct {
	code       string
	chartName  string
	groupsName string
	extraName  string
	inGroups   bool
	groups     uint32 // bit g set for group index g (1-based)
	inChart    bool
	marks      uint32 // bit c set for column index c (1-based)
	footnotes  []int
	pointer    *pointer
	tablesAs   string
	asSince    string
	asCitation string
	asSource   string
}

type pointer struct {
	citations []string
	printed   string
	source    string
}

type change struct {
	country   string
	group     int
	add       bool
	unknown   bool // the membership before effective is not known
	effective string
	citation  string
	textRead  bool
	source    string
}

type footnote struct {
	number   int
	citation string
	eccns    []string
	summary  string
	source   string
}

// generate reads every source file in dir and returns the formatted Go
// source of tables_gen.go.
func generate(dir string) ([]byte, error) {
	prov, err := readProvenance(filepath.Join(dir, "provenance.csv"))
	if err != nil {
		return nil, err
	}
	ecfr := prov["ecfr_issue"]
	groupsFile, chartFile := prov["groups_file"], prov["chart_file"]
	groupFloor, chartFloor := prov["group_history_floor"], prov["chart_history_floor"]
	for _, d := range []string{groupFloor, chartFloor} {
		if d > ecfr {
			return nil, fmt.Errorf("provenance.csv: history floor %s is after the eCFR issue %s", d, ecfr)
		}
	}

	countries := map[string]*country{}
	get := func(code string) *country {
		c := countries[code]
		if c == nil {
			c = &country{code: code}
			countries[code] = c
		}
		return c
	}

	// Supplement No. 1 to part 740.
	rows, err := readTable(filepath.Join(dir, groupsFile), groupsHeader)
	if err != nil {
		return nil, err
	}
	for i, r := range rows {
		where := fmt.Sprintf("%s: row %d", groupsFile, i+2)
		code, name := r[0], r[1]
		if err := checkCodeName(code, name); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		c := get(code)
		if c.inGroups {
			return nil, fmt.Errorf("%s: duplicate destination %s", where, code)
		}
		c.inGroups, c.groupsName = true, name
		for g := range groupNames {
			switch r[2+g] {
			case "X":
				c.groups |= 1 << (g + 1)
			case "":
			default:
				return nil, fmt.Errorf("%s (%s): unknown mark %q in column %s", where, code, r[2+g], groupNames[g])
			}
		}
	}

	// Footnotes of Supplement No. 1 to part 738.
	notes, err := readFootnotes(filepath.Join(dir, "chart_footnotes.csv"))
	if err != nil {
		return nil, err
	}

	// Supplement No. 1 to part 738.
	rows, err = readTable(filepath.Join(dir, chartFile), chartHeader)
	if err != nil {
		return nil, err
	}
	for i, r := range rows {
		where := fmt.Sprintf("%s: row %d", chartFile, i+2)
		code, name := r[0], r[1]
		if err := checkCodeName(code, name); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		c := get(code)
		if c.inChart {
			return nil, fmt.Errorf("%s: duplicate destination %s", where, code)
		}
		c.inChart, c.chartName = true, name
		for j, col := range chartHeader[2:18] {
			idx := slices.Index(columnNames, col)
			switch r[2+j] {
			case "X":
				c.marks |= 1 << (idx + 1)
			case "":
			default:
				return nil, fmt.Errorf("%s (%s): unknown mark %q in column %s", where, code, r[2+j], col)
			}
		}
		if fn := r[18]; fn != "" {
			for _, s := range strings.Split(fn, ";") {
				n, err := strconv.Atoi(strings.TrimSpace(s))
				if err != nil || n < 1 || n > len(notes) {
					return nil, fmt.Errorf("%s (%s): unknown footnote %q", where, code, s)
				}
				if slices.Contains(c.footnotes, n) {
					return nil, fmt.Errorf("%s (%s): footnote %d given twice", where, code, n)
				}
				c.footnotes = append(c.footnotes, n)
			}
			slices.Sort(c.footnotes)
		}
	}

	// Pointer rows: rows whose only cell refers the reader to part 746.
	rows, err = readTable(filepath.Join(dir, "chart_pointers.csv"), pointersHeader)
	if err != nil {
		return nil, err
	}
	for i, r := range rows {
		where := fmt.Sprintf("chart_pointers.csv: row %d", i+2)
		c := countries[r[0]]
		if c == nil || !c.inChart {
			return nil, fmt.Errorf("%s: %q has no chart row", where, r[0])
		}
		if c.pointer != nil {
			return nil, fmt.Errorf("%s: duplicate pointer row %s", where, r[0])
		}
		if c.marks != 0 {
			return nil, fmt.Errorf("%s: %s is a pointer row but has X marks in %s", where, r[0], chartFile)
		}
		cites := splitList(r[1])
		if len(cites) == 0 || r[2] == "" || r[3] == "" {
			return nil, fmt.Errorf("%s: citations, printed_reference and source_note are required", where)
		}
		for _, ci := range cites {
			if !strings.HasPrefix(ci, "15 CFR ") {
				return nil, fmt.Errorf("%s: citation %q does not start with \"15 CFR \"", where, ci)
			}
		}
		c.pointer = &pointer{citations: cites, printed: r[2], source: r[3]}
	}
	for _, c := range countries {
		if c.inChart && c.marks == 0 && c.pointer == nil {
			return nil, fmt.Errorf("%s: row %s has no X at all and is not listed in chart_pointers.csv; an empty row must never read as \"no license\"", chartFile, c.code)
		}
	}

	// Destinations without a row of their own.
	rows, err = readTable(filepath.Join(dir, "destinations_extra.csv"), extrasHeader)
	if err != nil {
		return nil, err
	}
	for i, r := range rows {
		where := fmt.Sprintf("destinations_extra.csv: row %d", i+2)
		if err := checkCodeName(r[0], r[1]); err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		if _, ok := countries[r[0]]; ok {
			return nil, fmt.Errorf("%s: %s already has a row in the tables", where, r[0])
		}
		as := countries[r[2]]
		if as == nil || !as.inChart || !as.inGroups {
			return nil, fmt.Errorf("%s: tables_as %q must have a chart row and a groups row", where, r[2])
		}
		if _, err := time.Parse(time.DateOnly, r[3]); err != nil {
			return nil, fmt.Errorf("%s: since: %v", where, err)
		}
		if r[4] == "" || r[5] == "" {
			return nil, fmt.Errorf("%s: citation and source_note are required", where)
		}
		c := get(r[0])
		c.extraName, c.tablesAs, c.asSince, c.asCitation, c.asSource = r[1], r[2], r[3], r[4], r[5]
	}

	// Dated changes to the country groups.
	changes, err := readChanges(filepath.Join(dir, "group_changes.csv"), countries, groupFloor, ecfr)
	if err != nil {
		return nil, err
	}

	codes := make([]string, 0, len(countries))
	for code := range countries {
		codes = append(codes, code)
	}
	slices.Sort(codes)
	if len(codes) > 255 {
		return nil, fmt.Errorf("%d destinations do not fit the uint8 index", len(codes))
	}

	var b bytes.Buffer
	emit(&b, prov, codes, countries, notes, changes)
	src, err := format.Source(b.Bytes())
	if err != nil {
		return nil, fmt.Errorf("formatting the generated source: %v\n%s", err, b.Bytes())
	}
	return src, nil
}

func checkCodeName(code, name string) error {
	if !isoCode.MatchString(code) {
		return fmt.Errorf("malformed ISO code %q", code)
	}
	if strings.TrimSpace(name) == "" || strings.TrimSpace(name) != name {
		return fmt.Errorf("%s: empty name or name with surrounding space %q", code, name)
	}
	return nil
}

// readTable reads a CSV file whose header must equal want exactly and whose
// every row must have exactly len(want) cells.
func readTable(path string, want []string) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	name := filepath.Base(path)
	r := csv.NewReader(f)
	r.FieldsPerRecord = -1 // checked below, with a clearer message
	header, err := r.Read()
	if err != nil {
		return nil, fmt.Errorf("%s: header: %v", name, err)
	}
	if !slices.Equal(header, want) {
		return nil, fmt.Errorf("%s: header is %q, want %q", name, header, want)
	}
	var rows [][]string
	for line := 2; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", name, err)
		}
		if len(rec) != len(want) {
			return nil, fmt.Errorf("%s: record %d has %d cells, the header has %d", name, line, len(rec), len(want))
		}
		rows = append(rows, rec)
	}
	if len(rows) == 0 {
		return nil, fmt.Errorf("%s: no rows", name)
	}
	return rows, nil
}

func readProvenance(path string) (map[string]string, error) {
	rows, err := readTable(path, provenanceHeader)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, r := range rows {
		if _, dup := m[r[0]]; dup {
			return nil, fmt.Errorf("provenance.csv: duplicate key %q", r[0])
		}
		if r[1] == "" || r[2] == "" {
			return nil, fmt.Errorf("provenance.csv: key %q needs a value and a note", r[0])
		}
		m[r[0]] = r[1]
	}
	for _, k := range []string{"ecfr_issue", "groups_file", "chart_file", "group_history_floor", "chart_history_floor"} {
		if m[k] == "" {
			return nil, fmt.Errorf("provenance.csv: missing key %q", k)
		}
	}
	for _, k := range []string{"ecfr_issue", "group_history_floor", "chart_history_floor"} {
		if _, err := time.Parse(time.DateOnly, m[k]); err != nil {
			return nil, fmt.Errorf("provenance.csv: %s: %v", k, err)
		}
	}
	return m, nil
}

func readFootnotes(path string) ([]footnote, error) {
	rows, err := readTable(path, footnotesHeader)
	if err != nil {
		return nil, err
	}
	var notes []footnote
	for i, r := range rows {
		where := fmt.Sprintf("chart_footnotes.csv: row %d", i+2)
		n, err := strconv.Atoi(r[0])
		if err != nil || n != i+1 {
			return nil, fmt.Errorf("%s: footnote number %q, want %d (numbers run 1, 2, 3, ...)", where, r[0], i+1)
		}
		if r[1] == "" || r[3] == "" || r[4] == "" {
			return nil, fmt.Errorf("%s: citation, summary and source_note are required", where)
		}
		notes = append(notes, footnote{number: n, citation: r[1], eccns: splitList(r[2]), summary: r[3], source: r[4]})
	}
	return notes, nil
}

// readChanges reads the dated changes and checks them against the current
// table: undoing them from the newest to the oldest must always remove a
// group the destination has, or restore one it lacks.
func readChanges(path string, countries map[string]*country, floor, ecfr string) ([]change, error) {
	rows, err := readTable(path, changesHeader)
	if err != nil {
		return nil, err
	}
	var changes []change
	for i, r := range rows {
		where := fmt.Sprintf("group_changes.csv: row %d", i+2)
		c := countries[r[0]]
		if c == nil || !c.inGroups {
			return nil, fmt.Errorf("%s: %q has no row in the country groups", where, r[0])
		}
		g := slices.Index(groupNames, r[1])
		if g < 0 {
			return nil, fmt.Errorf("%s: unknown group %q", where, r[1])
		}
		var add, unknown bool
		switch r[2] {
		case "add":
			add = true
		case "remove":
		case "unknown":
			unknown = true
		default:
			return nil, fmt.Errorf("%s: change %q, want add, remove or unknown", where, r[2])
		}
		if _, err := time.Parse(time.DateOnly, r[3]); err != nil {
			return nil, fmt.Errorf("%s: effective: %v", where, err)
		}
		if r[3] <= floor || r[3] > ecfr {
			return nil, fmt.Errorf("%s: effective %s outside (%s, %s]", where, r[3], floor, ecfr)
		}
		var textRead bool
		switch r[5] {
		case "read":
			textRead = true
		case "reported":
		default:
			return nil, fmt.Errorf("%s: status %q, want read (the rule's text was read) or reported (only secondary sources report it)", where, r[5])
		}
		if r[4] == "" || r[6] == "" {
			return nil, fmt.Errorf("%s: citation and source_note are required", where)
		}
		for _, o := range changes {
			if o.country == r[0] && o.group == g+1 && o.effective == r[3] {
				return nil, fmt.Errorf("%s: duplicate change", where)
			}
		}
		changes = append(changes, change{country: r[0], group: g + 1, add: add, unknown: unknown, effective: r[3], citation: r[4], textRead: textRead, source: r[6]})
	}
	slices.SortStableFunc(changes, func(a, b change) int { return strings.Compare(a.effective, b.effective) })
	state := map[string]uint32{}
	for code, c := range countries {
		state[code] = c.groups
	}
	for i := len(changes) - 1; i >= 0; i-- {
		ch := changes[i]
		if ch.unknown {
			continue
		}
		bit := uint32(1) << ch.group
		has := state[ch.country]&bit != 0
		if ch.add != has {
			return nil, fmt.Errorf("group_changes.csv: %s %s %s on %s does not match the table: undoing it finds the group %s", ch.country, verb(ch.add), groupNames[ch.group-1], ch.effective, map[bool]string{true: "present", false: "absent"}[has])
		}
		state[ch.country] ^= bit
	}
	return changes, nil
}

func verb(add bool) string {
	if add {
		return "added to"
	}
	return "removed from"
}

func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, ";") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

func emit(b *bytes.Buffer, prov map[string]string, codes []string, countries map[string]*country, notes []footnote, changes []change) {
	p := func(format string, args ...any) { fmt.Fprintf(b, format, args...) }
	ecfr := prov["ecfr_issue"]
	p("// Code generated by \"go run ./internal/gen\"; DO NOT EDIT.\n")
	p("//\n// Sources, eCFR Title 15 issue of %s:\n", ecfr)
	p("//   data/%s: 15 CFR part 740, Supplement No. 1 (Country Groups)\n", prov["groups_file"])
	p("//   data/%s: 15 CFR part 738, Supplement No. 1 (Commerce Country Chart)\n", prov["chart_file"])
	p("//   data/chart_footnotes.csv, data/chart_pointers.csv, data/group_changes.csv,\n")
	p("//   data/destinations_extra.csv, data/provenance.csv (this project's records)\n\n")
	p("package jurisdiction\n\n")
	p("// TablesECFRDate is the issue date (YYYY-MM-DD) of the eCFR Title 15 text from\n")
	p("// which the country groups and the Commerce Country Chart were generated.\n")
	p("// Changes published after it are not reflected.\n")
	p("const TablesECFRDate = %q\n\n", ecfr)
	p("// groupHistoryFloorText is the earliest date for which the group history is complete.\n")
	p("const groupHistoryFloorText = %q\n\n", prov["group_history_floor"])
	p("// chartHistoryFloorText is the earliest date from which the chart is known to be unchanged.\n")
	p("const chartHistoryFloorText = %q\n\n", prov["chart_history_floor"])

	p("// countryTable holds every destination named in either table, plus the\n")
	p("// destinations of destinations_extra.csv, sorted by ISO code.\n")
	p("var countryTable = [...]countryRecord{\n")
	for _, code := range codes {
		c := countries[code]
		p("\t{\n\t\tcode: [2]byte{'%c', '%c'},\n", code[0], code[1])
		if c.inChart {
			p("\t\tchartName: %q,\n", c.chartName)
		}
		if c.inGroups {
			p("\t\tgroupsName: %q,\n", c.groupsName)
			p("\t\tinGroups: true,\n")
			p("\t\tgroups: %s,\n", groupExpr(c.groups))
		}
		if c.extraName != "" {
			p("\t\textraName: %q,\n", c.extraName)
		}
		if c.inChart {
			p("\t\tinChart: true,\n")
			p("\t\tmarks: %s,\n", columnExpr(c.marks))
			if len(c.footnotes) > 0 {
				var parts []string
				for _, n := range c.footnotes {
					parts = append(parts, fmt.Sprintf("1<<%d", n))
				}
				p("\t\tfootnotes: %s,\n", strings.Join(parts, " | "))
			}
			if c.pointer != nil {
				p("\t\tpointer: &chartPointer{citations: %#v, printed: %q, source: %q},\n", c.pointer.citations, c.pointer.printed, c.pointer.source)
			}
		}
		if c.tablesAs != "" {
			p("\t\ttablesAs: [2]byte{'%c', '%c'},\n", c.tablesAs[0], c.tablesAs[1])
			p("\t\ttablesAsSince: mustDate(%q),\n", c.asSince)
			p("\t\ttablesAsCitation: %q,\n", c.asCitation)
			p("\t\ttablesAsSource: %q,\n", c.asSource)
		}
		p("\t},\n")
	}
	p("}\n\n")

	p("// footnoteTable holds the footnotes of the Commerce Country Chart; entry i is footnote i+1.\n")
	p("var footnoteTable = [...]Footnote{\n")
	for _, n := range notes {
		p("\t{Number: %d, Citation: %q, ECCNs: %#v, Summary: %q, Source: %q},\n", n.number, n.citation, n.eccns, n.summary, n.source)
	}
	p("}\n\n")

	p("// groupChangeTable holds the recorded changes to the country groups, oldest first.\n")
	p("var groupChangeTable = [...]GroupChange{\n")
	for _, ch := range changes {
		kind := "GroupRemoved"
		switch {
		case ch.unknown:
			kind = "GroupUnknown"
		case ch.add:
			kind = "GroupAdded"
		}
		p("\t{Country: Country{code: [2]byte{'%c', '%c'}}, Group: %s, Change: %s, Effective: mustDate(%q), Citation: %q, TextRead: %t, Source: %q},\n",
			ch.country[0], ch.country[1], groupConsts[ch.group-1], kind, ch.effective, ch.citation, ch.textRead, ch.source)
	}
	p("}\n")
}

func groupExpr(bits uint32) string {
	var parts []string
	for g := range groupConsts {
		if bits&(1<<(g+1)) != 0 {
			parts = append(parts, "1<<"+groupConsts[g])
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, " | ")
}

func columnExpr(bits uint32) string {
	var parts []string
	for c := range columnNames {
		if bits&(1<<(c+1)) != 0 {
			parts = append(parts, "1<<"+columnNames[c])
		}
	}
	if len(parts) == 0 {
		return "0"
	}
	return strings.Join(parts, " | ")
}
