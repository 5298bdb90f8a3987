package license

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// CitationCountryChart is the provision that combines an ECCN's reasons for
// control with the Commerce Country Chart.
const CitationCountryChart = "15 CFR 738.4"

// ChartQuery asks whether the CCL-based license requirements (15 CFR 738.4,
// with the Part 746 programs that the chart sends its embargoed rows to)
// require a license for one item and one destination.
type ChartQuery struct {
	// ECCN is the item's classification, as specific as it is known
	// ("3A001.b.2"), or EAR99. Required.
	ECCN product.ECCN
	// For is, for software or technology, the ECCN of the item it is for
	// ("3A090.a" for 3E001 technology); optional. Rows limited to what the
	// software or technology is for are indeterminate without it.
	For product.ECCN
	// Destination is the country, and for Ukraine the covered region.
	// Required.
	Destination jurisdiction.Destination
	// ExportedFrom is the country the item is exported from; optional. A
	// few rows apply only to exports from named places (3E001 from Macau or
	// D:5) and are indeterminate without it.
	ExportedFrom jurisdiction.Country
	// AsOf is the date of evaluation: country groups and Part 746 programs
	// are read as in force on it. Required.
	AsOf jurisdiction.Date
	// FoodOrMedicine says whether an EAR99 item is food or medicine (the
	// North Korea, Syria and covered-regions programs except it).
	FoodOrMedicine product.OptBool
	// HTS is the item's Harmonized Tariff Schedule code, used by programs
	// that reach EAR99 items listed by HTS code; optional.
	HTS product.HTS
	// Options: AIDiffusion is the reading of the January 2025 AI
	// diffusion amendments (90 FR 4544): codified (default), or enforced,
	// under which the rows they changed read as on 2025-01-12 (see
	// enforcedReading). The other options do not bear on the chart.
	Options Options
}

// FindingKind says where a Finding comes from.
type FindingKind uint8

// The sources of findings.
const (
	// FromControl: a row of the entry's License Requirements table (Supp.
	// No. 1 to part 774) read against the destination.
	FromControl FindingKind = iota + 1
	// FromFootnote: a footnote of the Commerce Country Chart that adds or
	// qualifies a requirement for the destination.
	FromFootnote
	// FromProgram: a Part 746 embargo or sanctions program for the
	// destination.
	FromProgram
	// FromEntry: the entry as a whole (EAR99, an entry with no License
	// Requirements rows, or an ECCN not on the CCL).
	FromEntry
)

var findingKindNames = [...]string{"", "control", "footnote", "program", "entry"}

// String returns "control", "footnote", "program" or "entry".
func (k FindingKind) String() string {
	if k == 0 || int(k) >= len(findingKindNames) {
		return ""
	}
	return findingKindNames[k]
}

// Finding is one reason the CCL-based rules give for or against a license:
// one License Requirements row, chart footnote or Part 746 program, read
// for the query's item and destination.
type Finding struct {
	Kind FindingKind
	// Reason is the reason for control of a FromControl finding (and the
	// column's reason for a footnote that marks a column).
	Reason ccl.Reason
	// Row is the index of a FromControl finding's row in the License
	// Requirements table of ChartResult.Entry (see ChartResult.Control),
	// or -1 for other findings.
	Row int
	// Covers says whether the row covers the item's ECCN (paragraph,
	// conditions, what the software or technology is for).
	Covers ear.Answer
	// InScope says whether the destination is in the row's destination
	// set (the chart cell, or the set the row states in words).
	InScope ear.Answer
	// Required is Covers And InScope for a row; for footnotes and programs
	// it is the finding's own answer.
	Required ear.Answer
	// Citation is the provision that decides, such as "15 CFR 738.4; Supp.
	// No. 1 to part 738, column NS2" or "15 CFR 746.8".
	Citation string
	// Why says in words what was found.
	Why string
	// Missing names the facts that would decide an Indeterminate finding.
	Missing []string
}

// ChartResult is the answer to a ChartQuery: whether the CCL-based rules
// require a license, and every finding behind it in CCL order, then the
// footnotes, then the programs.
type ChartResult struct {
	Query    ChartQuery
	Required ear.Answer // Or of every finding's Required; No when there is none
	Findings []Finding  // the findings, each with its citation
	// ChartRow is the Commerce Country Chart row read (China's for Hong
	// Kong, Switzerland's for Liechtenstein).
	ChartRow jurisdiction.ChartRow
	// Entry is the item's CCL entry (the zero Entry for EAR99).
	Entry ccl.Entry
	// CCLDate and TablesDate are the eCFR issue dates of the CCL and of
	// the country tables used.
	CCLDate, TablesDate jurisdiction.Date
}

// Control returns the License Requirements row of a FromControl finding,
// and false for other findings.
func (r ChartResult) Control(f Finding) (ccl.Control, bool) {
	if f.Kind != FromControl {
		return ccl.Control{}, false
	}
	return r.Entry.ControlAt(f.Row)
}

// Missing returns the facts whose absence leaves the result open: those
// named by the indeterminate findings, without repetition, in the order
// first named. It is empty when Required is Yes or No, since no missing fact
// can change the result then (each Finding still names its own).
func (r ChartResult) Missing() []string {
	if r.Required != ear.Indeterminate {
		return nil
	}
	var out []string
	for _, f := range r.Findings {
		if f.Required != ear.Indeterminate {
			continue
		}
		for _, m := range f.Missing {
			if !slices.Contains(out, m) {
				out = append(out, m)
			}
		}
	}
	return out
}

// Requiring returns the findings whose Required is a (Yes for the reasons a
// license is required). The caller owns the returned slice.
func (r ChartResult) Requiring(a ear.Answer) []Finding {
	var out []Finding
	for _, f := range r.Findings {
		if f.Required == a {
			out = append(out, f)
		}
	}
	return out
}

// CountryChart decides whether the CCL-based license requirements require a
// license for q's item to q's destination, as in force on q.AsOf (15 CFR
// 738.4). Every row of the item's License Requirements table is read: the
// row's paragraph scope against the item's ECCN, and the row's destination
// rule against the destination (a chart column through the Commerce Country
// Chart; a set stated in words through the country groups in force; a
// pointer such as 742.15 or 746.1(b) through that provision). Chart
// footnotes that change the answer (5 Liechtenstein, 7 India, 10 Australia
// and the United Kingdom, and the special provisions of 2, 3 and 4) and the
// Part 746 programs of the destination (the embargoed rows of Cuba, Iran,
// North Korea and Syria point there; Russia and Belarus, footnote 6; the
// covered regions of Ukraine) are read too. An EAR99 item has no chart
// requirement; only the programs can require a license for it.
//
// The answer is Yes if any finding requires a license, No if every finding
// is No, and Indeterminate otherwise: a row that the ECCN's paragraph, a
// condition or a missing fact leaves open keeps the result open, and the
// result names the missing facts. License exceptions (part 740), the end-use
// and end-user rules of part 744 and the general prohibitions are not
// evaluated here.
//
// On a date from 2020-01-01 before the chart, country-group or Part 746
// tables are modelled (jurisdiction.ChartHistoryFloor and the others), the
// findings that need them are one open finding each, naming the gap; an
// EAR99 item has no chart requirement whatever the date.
//
// Bad input is a *product.FieldError naming the field; a date before the
// tables' history and before 2020-01-01 is one wrapping a
// *jurisdiction.DateRangeError (code "date_out_of_range").
func CountryChart(q ChartQuery) (ChartResult, error) { return countryChart(q, true) }

// countryChart is CountryChart; with text false it leaves the Why sentences
// of the findings empty (the answers, citations and missing facts are the
// same), for callers that evaluate many lines and render few.
func countryChart(q ChartQuery, text bool) (ChartResult, error) {
	if err := q.Options.validate(); err != nil {
		return ChartResult{}, err
	}
	dc, err := newDestContext(q.Destination, q.AsOf)
	if err != nil {
		return ChartResult{}, err
	}
	return countryChartIn(dc, q, text)
}

// destContext is what a chart evaluation reads of the destination and the
// date, independent of the item: evaluating many items to one destination
// (the lines of a bill of materials) computes it once.
type destContext struct {
	dest     jurisdiction.Destination
	asOf     jurisdiction.Date
	row      jurisdiction.ChartRow
	programs []jurisdiction.Program
	groups   jurisdiction.GroupSet
	// The tables not modelled on the date (nil when they are): the
	// findings that need them are indeterminate and name the gap.
	chartGap, programsGap, groupsGap *jurisdiction.DateRangeError
}

func newDestContext(d jurisdiction.Destination, asOf jurisdiction.Date) (destContext, error) {
	if err := d.Validate(); err != nil {
		return destContext{}, product.NewFieldError("destination", err)
	}
	if !asOf.IsValid() {
		return destContext{}, fdpFieldErr("as_of", product.ErrMissing, "the evaluation date")
	}
	dc := destContext{dest: d, asOf: asOf}
	row, err := jurisdiction.ChartRowAsOf(d.Country, asOf)
	if gap, ok := notModelled(err, asOf); ok {
		dc.chartGap = gap
	} else if err != nil {
		return destContext{}, product.NewFieldError("destination.country", err)
	}
	// Footnote 5: Liechtenstein follows Switzerland.
	if ch, ok := row.Follows(); ok {
		if r2, err := jurisdiction.ChartRowAsOf(ch, asOf); err == nil {
			row = r2
		}
	}
	programs, err := jurisdiction.ProgramsFor(d, asOf)
	if gap, ok := notModelled(err, asOf); ok {
		dc.programsGap = gap
	} else if err != nil {
		return destContext{}, product.NewFieldError("as_of", err)
	}
	groups, err := jurisdiction.GroupsOf(groupsCountry(d.Country), asOf)
	if gap, ok := notModelled(err, asOf); ok {
		dc.groupsGap = gap
	} else if err != nil {
		if _, ok := errors.AsType[*jurisdiction.DateRangeError](err); ok {
			return destContext{}, product.NewFieldError("as_of", err)
		}
		return destContext{}, product.NewFieldError("destination.country", err)
	}
	dc.row, dc.programs, dc.groups = row, programs, groups
	return dc, nil
}

// gapFinding is the open finding of a table not modelled on the date.
func gapFinding(kind FindingKind, cite string, gap *jurisdiction.DateRangeError) Finding {
	why := gapText(gap)
	return Finding{Kind: kind, Row: -1, Covers: ear.Indeterminate, InScope: ear.Indeterminate, Required: ear.Indeterminate,
		Citation: cite, Why: why, Missing: []string{"as_of: " + why}}
}

// countryChartIn is countryChart with the destination context computed;
// q.Destination and q.AsOf must be those of dc.
func countryChartIn(dc destContext, q ChartQuery, text bool) (ChartResult, error) {
	if !q.ECCN.IsValid() {
		return ChartResult{}, fdpFieldErr("eccn", product.ErrMissing, "give the ECCN or EAR99")
	}
	if !q.FoodOrMedicine.IsValid() {
		return ChartResult{}, fdpFieldErr("item.food_or_medicine", product.ErrInvalid, "%d is not a valid yes/no value", uint8(q.FoodOrMedicine))
	}
	row, programs, groups := dc.row, dc.programs, dc.groups
	ev := &chartEval{q: q, row: row, groups: groups, groupsGap: dc.groupsGap, text: text}
	res := ChartResult{Query: q, ChartRow: row, CCLDate: ccl.Date(), TablesDate: jurisdiction.TablesDate()}
	if dc.chartGap != nil || dc.programsGap != nil {
		return chartWithGaps(dc, q, res)
	}
	// With the chart and the programs known and only the country groups
	// not modelled on the date, the rows are read: each destination set
	// that turns on a group is open and names the gap (chartEval.member).

	var entry ccl.Entry
	onCCL := false
	if !q.ECCN.IsEAR99() {
		entry, onCCL = ccl.Lookup(q.ECCN)
		res.Entry = entry
		if !onCCL {
			return ChartResult{}, fdpFieldErr("eccn", product.ErrInvalid, "%s is not an entry of the Commerce Control List of %s", q.ECCN.Entry(), ccl.Date())
		}
		if since, cite, ok := ccl.Since(q.ECCN); ok && q.AsOf.Before(since) {
			// The entry (or paragraph) was not on the list yet: the item
			// had another classification on that date, which decides.
			res.Findings = append(res.Findings, Finding{
				Kind: FromEntry, Row: -1, Covers: ear.Indeterminate, InScope: ear.Indeterminate, Required: ear.Indeterminate,
				Citation: "15 CFR part 774, Supp. No. 1, " + q.ECCN.String(),
				Why:      fmt.Sprintf("%s entered the CCL on %s (%s): on %s the item was classified otherwise, and that classification decides the chart and Part 746", q.ECCN, since, cite, q.AsOf),
				Missing:  []string{fmt.Sprintf("eccn: the item's classification on %s (%s entered the CCL on %s)", q.AsOf, q.ECCN, since)},
			})
			res.Required = ear.Indeterminate
			return res, nil
		}
		res.Findings = make([]Finding, 0, entry.NumControls()+len(programs)+1)
		for i, c := range entry.AllControls() {
			f := ev.control(i, c)
			if f.Required == ear.No && q.AsOf.Before(cclRowsFrom) {
				// The entry's rows on that date are not modelled: today's
				// row requiring nothing does not decide (cclRowsFrom).
				f.Required = ear.Indeterminate
				if text {
					f.Why += fmt.Sprintf("; but the CCL rows of %s as of %s are not modelled (today's rows are read, from %s): a row requiring no license today does not decide an earlier date", q.ECCN.Entry(), q.AsOf, ccl.Date())
				}
				f.Missing = append(f.Missing, fmt.Sprintf("eccn: the License Requirements of %s as of %s (not modelled before %s)", q.ECCN.Entry(), q.AsOf, cclRowsFrom))
			}
			res.Findings = append(res.Findings, f)
		}
		if entry.NumControls() == 0 {
			why := entry.WhyNoControls()
			if why == "" {
				why = "the entry prints no License Requirements rows"
			}
			res.Findings = append(res.Findings, Finding{
				Kind: FromEntry, Row: -1, Covers: ear.Yes, InScope: ear.Indeterminate, Required: ear.Indeterminate,
				Citation: "15 CFR part 774, Supp. No. 1, " + q.ECCN.Entry().String(),
				Why:      why + "; the chart cannot decide",
				Missing:  []string{"eccn: a classification with License Requirements rows"},
			})
		}
		res.Findings = append(res.Findings, ev.footnotes()...)
	} else {
		res.Findings = append(res.Findings, Finding{
			Kind: FromEntry, Row: -1, Covers: ear.Yes, InScope: ear.No, Required: ear.No,
			Citation: CitationCountryChart,
			Why:      "EAR99 items are on no CCL entry: the Commerce Country Chart requires no license for them (Part 744 and Part 746 still may)",
		})
	}
	for _, p := range programs {
		res.Findings = append(res.Findings, ev.program(p, entry, onCCL))
	}
	if row.IsPointer() && len(programs) == 0 {
		cites, _ := row.PointerCitations()
		res.Findings = append(res.Findings, Finding{
			Kind: FromProgram, Row: -1, Covers: ear.Yes, InScope: ear.Indeterminate, Required: ear.Indeterminate,
			Citation: strings.Join(cites, "; "),
			Why:      "the chart row refers to Part 746 and no program of the tables covers this date",
			Missing:  []string{"destination: the Part 746 program in force on the date"},
		})
	}
	res.Required = ear.No
	for _, f := range res.Findings {
		res.Required = res.Required.Or(f.Required)
	}
	return res, nil
}

// chartWithGaps answers a query on a date whose chart, country groups or
// Part 746 programs are not modelled: the item's CCL rows (and, for an
// item on the CCL, the chart), and the programs, are each one open
// finding naming the gap; an EAR99 item has no chart requirement, so only
// the programs (known or not) decide it.
func chartWithGaps(dc destContext, q ChartQuery, res ChartResult) (ChartResult, error) {
	if !q.ECCN.IsEAR99() {
		entry, ok := ccl.Lookup(q.ECCN)
		if !ok {
			return ChartResult{}, fdpFieldErr("eccn", product.ErrInvalid, "%s is not an entry of the Commerce Control List of %s", q.ECCN.Entry(), ccl.Date())
		}
		res.Entry = entry
		gap := dc.chartGap
		if gap == nil {
			gap = dc.groupsGap
		}
		if gap != nil {
			res.Findings = append(res.Findings, gapFinding(FromEntry, CitationCountryChart, gap))
		}
	} else {
		res.Findings = append(res.Findings, Finding{
			Kind: FromEntry, Row: -1, Covers: ear.Yes, InScope: ear.No, Required: ear.No,
			Citation: CitationCountryChart,
			Why:      "EAR99 items are on no CCL entry: the Commerce Country Chart requires no license for them (Part 744 and Part 746 still may)",
		})
	}
	if dc.programsGap != nil {
		res.Findings = append(res.Findings, gapFinding(FromProgram, "15 CFR part 746", dc.programsGap))
	} else if dc.chartGap != nil || dc.groupsGap != nil {
		// The programs are known, the chart is not: a program's reading
		// of the item's CCL rows may still turn on them; open.
		ev := &chartEval{q: q, groups: dc.groups, text: true}
		gap := dc.chartGap
		if gap == nil {
			gap = dc.groupsGap
		}
		for _, p := range dc.programs {
			f := ev.program(p, res.Entry, res.Entry.IsValid())
			if f.Required == ear.No && !q.ECCN.IsEAR99() {
				f = gapFinding(FromProgram, p.Citation, gap)
			}
			res.Findings = append(res.Findings, f)
		}
	}
	res.Required = ear.No
	for _, f := range res.Findings {
		res.Required = res.Required.Or(f.Required)
	}
	return res, nil
}

// groupsCountry is the country whose country groups a destination takes:
// Hong Kong takes China's (since 2020-12-23), Liechtenstein Switzerland's
// (chart footnote 5; Liechtenstein is in no country group of its own).
func groupsCountry(c jurisdiction.Country) jurisdiction.Country {
	if c == jurisdiction.Liechtenstein {
		return jurisdiction.Switzerland
	}
	return c.TablesAs()
}

// chartEval holds what one query reads.
type chartEval struct {
	q      ChartQuery
	row    jurisdiction.ChartRow
	groups jurisdiction.GroupSet
	// groupsGap, when not nil: the destination's groups on the date are
	// not modelled, and a set that turns on them is open.
	groupsGap *jurisdiction.DateRangeError
	text      bool // build the Why sentences (off for callers that need only the answers)
}

// member decides whether country c is in the places w on the query's
// date: open when the answer turns on country groups that are not
// modelled on that date.
func (ev *chartEval) member(w *fdp.Places, c jurisdiction.Country) ear.Answer {
	if ev.groupsGap == nil {
		in := w.Includes(jurisdiction.Destination{Country: c}, ev.groups, ev.q.AsOf)
		return ear.AnswerOf(in)
	}
	if in, decided := w.ContainsWithoutGroups(jurisdiction.Destination{Country: c}, ev.q.AsOf); decided {
		return ear.AnswerOf(in)
	}
	return ear.Indeterminate
}

// groupsMissing names the gap of an open set.
func (ev *chartEval) groupsMissing() []string {
	return []string{"destination: the country groups of " + ev.q.Destination.String() + " on " + ev.q.AsOf.String() + " (" + gapText(ev.groupsGap) + ")"}
}

// pick returns t if b, else f.
func pick(b bool, t, f string) string {
	if b {
		return t
	}
	return f
}

// columnCitation is the citation of each chart column, built once.
var columnCitation = func() [jurisdiction.AT2 + 1]string {
	var cs [jurisdiction.AT2 + 1]string
	for _, c := range jurisdiction.Columns() {
		cs[c] = CitationCountryChart + "; Supp. No. 1 to part 738, column " + c.String()
	}
	return cs
}()

// control reads one License Requirements row.
func (ev *chartEval) control(row int, c ccl.Control) Finding {
	f := Finding{Kind: FromControl, Reason: c.Reason(), Row: row}
	f.Covers = c.AppliesToFor(ev.q.ECCN, ev.q.For)
	in, cite, why, destMissing := ev.inSet(c.DestinationRule())
	f.InScope = in
	var fromMissing []string
	if from, ok := c.ExportedFrom(); ok {
		fromIn, fromWhy, m := ev.exportedFrom(from)
		f.InScope = f.InScope.And(fromIn)
		why += "; " + fromWhy
		fromMissing = m
	}
	f.Required = f.Covers.And(f.InScope)
	f.Citation = cite
	if ev.text {
		f.Why = c.Reason().String() + " row (" + c.ScopeText() + "): covers " + ev.q.ECCN.String() + ": " + f.Covers.String() + "; " + why
	}
	if f.Required != ear.Indeterminate {
		return f
	}
	// Only an open finding names what would decide it.
	if f.Covers == ear.Indeterminate {
		switch {
		case c.Conditional():
			f.Missing = append(f.Missing, "eccn: whether the item meets the row's condition ("+c.Condition()+")")
		case len(c.For()) > 0 || len(c.ExceptFor()) > 0:
			f.Missing = append(f.Missing, "for: the ECCN of the item the software or technology is for")
		default:
			f.Missing = append(f.Missing, "eccn: the paragraph of "+ev.q.ECCN.String()+" that the row's scope turns on")
		}
	}
	if f.InScope == ear.Indeterminate {
		f.Missing = append(f.Missing, destMissing...)
		f.Missing = append(f.Missing, fromMissing...)
	}
	return f
}

// lazy returns f() when the evaluation builds text, else "" without
// building the sentence.
func (ev *chartEval) lazy(f func() string) string {
	if ev.text {
		return f()
	}
	return ""
}

func (ev *chartEval) exportedFrom(from ccl.DestinationRule) (ear.Answer, string, []string) {
	if !ev.q.ExportedFrom.IsValid() {
		return ear.Indeterminate, "the row applies only to exports from " + from.String() + ", and the country of export is not given",
			[]string{"exported_from: the country the item is exported from"}
	}
	gs, err := jurisdiction.GroupsOf(groupsCountry(ev.q.ExportedFrom), ev.q.AsOf)
	if err != nil {
		// The groups of the country of export are not known on the date:
		// decided only where the set's named places decide it.
		w := placesOf(from)
		in, decided := w.ContainsWithoutGroups(jurisdiction.Destination{Country: ev.q.ExportedFrom.TablesAs()}, ev.q.AsOf)
		if !decided {
			return ear.Indeterminate, "the row applies only to exports from " + from.String() + ", and the country groups of " + ev.q.ExportedFrom.String() + " on " + ev.q.AsOf.String() + " are not known",
				[]string{"exported_from: the country groups of " + ev.q.ExportedFrom.String() + " on " + ev.q.AsOf.String()}
		}
		return ear.AnswerOf(in), "exported from " + ev.q.ExportedFrom.String() + ": " + pick(in, "within the row's places of export", "outside the row's places of export"), nil
	}
	in := setMember(from, ev.q.ExportedFrom.TablesAs(), gs, ev.q.AsOf)
	return ear.AnswerOf(in), "exported from " + ev.q.ExportedFrom.String() + ": " + pick(in, "within the row's places of export", "outside the row's places of export"), nil
}

// setMember reports whether country c (read as the tables read it), in the
// groups gs, is in a row's destination set, read in the vocabulary of the
// rules (placesOf, fdp.Places.Contains). (For the UAE + D:1/D:4/D:5 rows,
// the UAE is named and stays in the set although it is in A:5 since
// 2026-07-10: the conservative reading of "the United Arab Emirates or
// destinations specified in Country Groups D:1, D:4, and D:5 ..., excluding
// any destination also specified in Country Groups A:5 or A:6".)
func setMember(d ccl.DestinationRule, c jurisdiction.Country, gs jurisdiction.GroupSet, asOf jurisdiction.Date) bool {
	in := placesOf(d).Includes(jurisdiction.Destination{Country: c}, gs, asOf)
	return in
}

// placesOf reads a row's destination set as places: the named countries
// are in it, a group member is in it unless it is also in an excepted
// group, an excepted country is never in it.
func placesOf(d ccl.DestinationRule) fdp.Places {
	w := fdp.Places{Groups: d.Groups(), ExceptGroups: d.ExceptGroups()}
	for _, c := range d.Countries() {
		w.Places = append(w.Places, fdp.Place{Country: c})
	}
	for _, c := range d.ExceptCountries() {
		w.Except = append(w.Except, fdp.Place{Country: c})
	}
	return w
}

// inSet decides whether the query's destination is in a row's destination
// set. It returns the answer, the citation, a sentence, and missing facts.
func (ev *chartEval) inSet(d ccl.DestinationRule) (ear.Answer, string, string, []string) {
	dest := ev.q.Destination
	c := dest.Country.TablesAs()
	// The rows the AI diffusion amendments (90 FR 4544, effective
	// 2025-01-13) changed read as they stood on 2025-01-12 under the
	// enforced reading, and on every date before the amendments under
	// either reading (the codified text of then was that text).
	if ev.q.Options.AIDiffusion == AIDiffusionEnforced || ev.q.AsOf.Before(fdpAIDiffusionEffective) {
		if a, cite, why, ok := ev.enforcedReading(d, c); ok {
			return a, cite, why, nil
		}
	}
	cites := d.Citations()
	cite := func(def string) string {
		if len(cites) > 0 {
			return strings.Join(cites, "; ")
		}
		return def
	}
	switch d.Kind() {
	case ccl.RuleColumn:
		col := d.Column()
		cell := ev.row.Cell(col)
		base := columnCitation[col]
		switch cell {
		case jurisdiction.CellX:
			return ear.Yes, base, ev.lazy(func() string { return "the chart marks " + col.String() + " for " + ev.row.Name() }), nil
		case jurisdiction.CellBlank:
			if ev.footnoteMarks(col) {
				return ear.Yes, base + " (footnote 7)", ev.lazy(func() string {
					return "chart footnote 7 keeps the " + col.String() + " requirement for " + ev.row.Name() + " although the cell is blank"
				}), nil
			}
			return ear.No, base, ev.lazy(func() string { return "the chart does not mark " + col.String() + " for " + ev.row.Name() }), nil
		case jurisdiction.CellUnknown:
			return ear.Indeterminate, base, fmt.Sprintf("the chart's %s cell for %s on %s is not known (an amendment of the chart since then, jurisdiction.ChartChanges)", col, ev.row.Name(), ev.q.AsOf),
				[]string{fmt.Sprintf("destination: the chart's %s cell for %s as of %s", col, ev.row.Name(), ev.q.AsOf)}
		case jurisdiction.CellSeePart746:
			pc, _ := ev.row.PointerCitations()
			return ear.Indeterminate, strings.Join(pc, "; "), fmt.Sprintf("the chart row for %s has no marks and refers to %s; the Part 746 finding decides", ev.row.Name(), strings.Join(pc, ", ")),
				[]string{"destination: the Part 746 program for " + ev.row.Name()}
		}
		return ear.Indeterminate, base, "the chart has no cell for " + col.String(), []string{"destination.country"}
	case ccl.RuleWorldwide:
		return ear.Yes, cite(CitationCountryChart), "the row requires a license to every destination", nil
	case ccl.RuleWorldwideExcept:
		in := !slices.Contains(d.ExceptCountries(), c)
		why := ""
		if ev.text {
			why = fmt.Sprintf("the row requires a license to every destination except %s: %s is %s", joinCountries(d.ExceptCountries()), dest, pick(in, "in the set", "excepted"))
		}
		return ear.AnswerOf(in), cite(CitationCountryChart), why, nil
	case ccl.RuleMacauD5, ccl.RuleUAED1D4D5NotA5A6, ccl.RuleD1D4D5NotA5A6, ccl.RuleE1, ccl.RuleCountries:
		w := placesOf(d)
		if a := ev.member(&w, c); a == ear.Indeterminate {
			return a, cite(CitationCountryChart), ev.lazy(func() string {
				return fmt.Sprintf("the row's set is %s; whether %s is in it turns on its country groups on %s, not modelled", d, dest, ev.q.AsOf)
			}), ev.groupsMissing()
		}
		in := setMember(d, c, ev.groups, ev.q.AsOf)
		why := ""
		if ev.text {
			why = fmt.Sprintf("the row's set is %s; %s (groups %s on %s) is %s", d, dest, ev.groups, ev.q.AsOf, pick(in, "in it", "not in it"))
		}
		return ear.AnswerOf(in), cite(CitationCountryChart), why, nil
	case ccl.RuleCWCNonStatesParties:
		switch {
		case slices.Contains(d.ExceptCountries(), c):
			return ear.No, cite("15 CFR 742.18"), fmt.Sprintf("the CW row excepts %s by name", dest), nil
		case cwcNonStatesParties.has(c, ev.q.AsOf):
			return ear.Yes, cite("15 CFR 742.18"), fmt.Sprintf("%s is not a State Party to the Chemical Weapons Convention (Supp. No. 2 to part 745)", dest), nil
		case cwcUncertain.has(c, ev.q.AsOf):
			return ear.Indeterminate, cite("15 CFR 742.18"), fmt.Sprintf("whether %s is listed in Supp. No. 2 to part 745 is not in the tables", dest),
				[]string{"destination: whether it is listed in Supp. No. 2 to part 745 (CWC States Parties)"}
		}
		return ear.No, cite("15 CFR 742.18"), fmt.Sprintf("%s is a State Party to the Chemical Weapons Convention", dest), nil
	case ccl.RulePointer:
		return ev.pointer(cites)
	case ccl.RuleNotApplicable:
		return ear.No, cite(CitationCountryChart), "the row prints N/A", nil
	}
	return ear.Indeterminate, cite(CitationCountryChart), "the row's destination rule could not be read: " + d.String(),
		[]string{"eccn: the row's destination rule as printed"}
}
