package license

// The provisions License Requirements rows point to, the chart footnotes
// that qualify a row, and the rows as the January 2025 AI diffusion
// amendments left them: the data chartEval reads beside the rows
// themselves (chart_738_4.go).

import (
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// pointer evaluates a row whose destinations are stated in another
// provision: the first provision of pointerRows that covers one of the
// row's citations decides.
func (ev *chartEval) pointer(cites []string) (ear.Answer, string, string, []string) {
	dest := ev.q.Destination
	c := dest.Country.TablesAs()
	for _, ct := range cites {
		cc, err := fdp.ParseCitation(ct)
		if err != nil {
			continue
		}
		for i := range pointerRows {
			p := &pointerRows[i]
			if !p.cited.Covers(cc) && !(p.misprint.IsValid() && p.misprint.Covers(cc)) {
				continue
			}
			a := ev.member(&p.places, c)
			if p.footnote != 0 && slices.Contains(ev.row.FootnoteNumbers(), p.footnote) {
				a = ear.Yes
			}
			if a == ear.Indeterminate {
				return a, p.citation.String(), ev.lazy(func() string {
					return p.what + ": whether " + dest.String() + " is " + p.placesText + " turns on its country groups on " + ev.q.AsOf.String() + ", not modelled"
				}), ev.groupsMissing()
			}
			in := a == ear.Yes
			return ear.AnswerOf(in), p.citation.String(), ev.lazy(func() string {
				if p.places.Anywhere {
					return p.what + ": a license is required to " + p.placesText
				}
				return p.what + ": " + dest.String() + pick(in, " is", " is not") + " " + p.placesText
			}), nil
		}
	}
	joined := strings.Join(cites, "; ")
	if joined == "" {
		joined = CitationCountryChart
	}
	return ear.Indeterminate, joined, "the row refers to " + joined + ", whose destinations the tables do not hold",
		[]string{"destination: the destinations of " + joined}
}

// pointerRows are the provisions a License Requirements row points to for
// its destinations ("See § 742.15", "UN applies to entire entry: see
// 746.1(b)"), each with the destinations where it requires a license, as
// its text reads.
var pointerRows = []struct {
	cited      fdp.Citation // the provision the row cites (or a paragraph within it)
	misprint   fdp.Citation // a misprint of it found in the CCL, read as it
	citation   fdp.Citation // the paragraph that states the destinations
	what       string
	places     fdp.Places
	placesText string
	footnote   int // the destinations whose chart row carries this footnote are in it too
}{
	{
		// 746.1(b): United Nations Security Council arms embargoes; the
		// chart marks those destinations with footnote 1. (764.1(b) is a
		// misprint of 746.1(b) in one entry.)
		cited: fdp.MustParseCitation("15 CFR 746.1"), misprint: fdp.MustParseCitation("15 CFR 764.1(b)"),
		citation: fdp.MustParseCitation("15 CFR 746.1(b)"), what: "UN controls",
		places: unEmbargoExtra, placesText: "under a United Nations arms embargo (chart footnote 1)",
		footnote: 1,
	},
	{
		// 742.15(a)(1)(i): a license is required for EI items to all
		// destinations except Canada.
		cited: fdp.MustParseCitation("15 CFR 742.15"), citation: fdp.MustParseCitation("15 CFR 742.15(a)"), what: "EI controls",
		places: allButCanada, placesText: "all destinations except Canada",
	},
	{
		// 742.14(a): a license is required for SI items to all
		// destinations except Canada.
		cited: fdp.MustParseCitation("15 CFR 742.14"), citation: fdp.MustParseCitation("15 CFR 742.14(a)"), what: "SI controls",
		places: allButCanada, placesText: "all destinations except Canada",
	},
	{
		// 742.13: SL items need a license to all destinations.
		cited: fdp.MustParseCitation("15 CFR 742.13"), citation: fdp.MustParseCitation("15 CFR 742.13"), what: "SL controls",
		places: fdp.Places{Anywhere: true}, placesText: "all destinations",
	},
	{
		// 746.8: the Russian and Belarusian industry sector sanctions.
		cited: fdp.MustParseCitation("15 CFR 746.8"), citation: fdp.MustParseCitation("15 CFR 746.8"), what: "Russia and Belarus sanctions",
		places: fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Russia}, {Country: jurisdiction.Belarus}}}, placesText: "Russia or Belarus",
	},
}

var allButCanada = fdp.Places{Anywhere: true, Except: []fdp.Place{{Country: jurisdiction.Canada}}}

// countryList is a dated list of destinations with its source.
type countryList struct {
	places fdp.Places
	source fdp.Source
}

// has reports whether c is on the list on asOf.
func (l countryList) has(c jurisdiction.Country, asOf jurisdiction.Date) bool {
	in := l.places.Includes(jurisdiction.Destination{Country: c}, 0, asOf)
	return in
}

// cwcNonStatesParties are the destinations of the chart that are not States
// Parties to the Chemical Weapons Convention, as Supplement No. 2 to part 745
// reflects them: Egypt and North Korea (never signed), Israel (signed, not
// ratified; excepted by name in the CW rows). South Sudan is kept although
// its accession has been reported: the conservative reading. None changed
// since 2020-01-01 as far as the sources tell.
var cwcNonStatesParties = countryList{
	places: fdp.Places{Places: []fdp.Place{
		{Country: jurisdiction.MustParseCountry("EG")}, {Country: jurisdiction.MustParseCountry("IL")},
		{Country: jurisdiction.NorthKorea}, {Country: jurisdiction.MustParseCountry("SS")},
	}},
	source: fdp.Source{Basis: fdp.ReadingChosen, Ref: "Supp. No. 2 to part 745 (not read)", Note: "the OPCW's list of non-States Parties; South Sudan kept in (conservative)"},
}

// cwcUncertain are destinations whose CWC status the tables cannot tell
// (not States in the OPCW's list): the answer is indeterminate.
var cwcUncertain = countryList{
	places: fdp.Places{Places: []fdp.Place{{Country: jurisdiction.MustParseCountry("XK")}, {Country: jurisdiction.MustParseCountry("EH")}}},
	source: fdp.Source{Basis: fdp.ReadingChosen, Note: "Kosovo and Western Sahara are not States in the OPCW's list"},
}

// unEmbargoExtra are destinations under a United Nations Security Council
// arms embargo (746.1(b)) whose chart row does not carry footnote 1: the
// Central African Republic and South Sudan. Conservative reading: a UN row
// requires a license to them too.
var unEmbargoExtra = fdp.Places{Places: []fdp.Place{{Country: jurisdiction.MustParseCountry("CF")}, {Country: jurisdiction.MustParseCountry("SS")}}}

// footnoteMarks reports whether a chart footnote of the destination keeps
// a column's requirement although the cell is blank for the query's item:
// footnote 7, India, RS2 for 6A003.b.4.b and 9A515.e.
func (ev *chartEval) footnoteMarks(col jurisdiction.Column) bool {
	if col != jurisdiction.RS2 || !slices.Contains(ev.row.FootnoteNumbers(), 7) {
		return false
	}
	for _, e := range footnote7ECCNs {
		if e.Covers(ev.q.ECCN) {
			return true
		}
	}
	return false
}

// footnote7ECCNs are the items for which chart footnote 7 keeps the RS2
// requirement for India.
var footnote7ECCNs = []product.ECCN{product.MustParseECCN("6A003.b.4.b"), product.MustParseECCN("9A515.e")}

// Items named by the footnotes and programs, parsed once.
var (
	eccnThermalCameras = product.MustParseECCN("6A003.b.4")
	eccn0A919          = product.MustParseECCN("0A919")
	eccn5D992c         = product.MustParseECCN("5D992.c")
)

// footnote10From is the day chart footnote 10 took effect (the AUKUS rule,
// 89 FR 28594, effective 2024-04-19): before it, no footnote 10 finding.
var footnote10From = jurisdiction.MustParseDate("2024-04-19")

// footnote10 lists the items for which chart footnote 10 keeps a license
// requirement to Australia and the United Kingdom (AUKUS rule, 89 FR 28594,
// effective 2024-04-19; reported, the rule's text was not read): the ECCN,
// and whether a condition the ECCN cannot show limits it (then the answer
// is indeterminate).
var footnote10 = []struct {
	eccn, except string
	conditional  bool
	condition    string
}{
	{eccn: "0A501", except: "0A501.y"},
	{eccn: "0A502", conditional: true, condition: "shotguns with a barrel length less than 18 inches"},
	{eccn: "0A504.i"},
	{eccn: "0A505.a"},
	{eccn: "0A505.x"},
	{eccn: "0A506"},
	{eccn: "0A507"},
	{eccn: "0A508", conditional: true, condition: "semi-automatic shotguns with a barrel length less than 18 inches"},
	{eccn: "0A509"},
	{eccn: "0D501", conditional: true, condition: "except software for 0A501.y or 0B501 equipment for 0A501.y"},
	{eccn: "0D505", conditional: true, condition: "for 0A505.a and .x and 0B505.a and .x"},
	{eccn: "0E501"},
	{eccn: "0E504"},
	{eccn: "0E505", conditional: true, condition: "for 0A505.a and .x, 0B505 and 0D505"},
}

// footnotes returns the findings of the chart footnotes that qualify the
// destination's requirements for the item.
func (ev *chartEval) footnotes() []Finding {
	var out []Finding
	e := ev.q.ECCN
	for _, n := range ev.row.FootnoteNumbers() {
		fn, _ := jurisdiction.FootnoteByNumber(n)
		cite := fmt.Sprintf("Supp. No. 1 to part 738, footnote %d; %s", n, fn.Citation)
		switch n {
		case 10:
			if ev.q.AsOf.Before(footnote10From) {
				continue
			}
			for _, x := range footnote10 {
				base := product.MustParseECCN(x.eccn)
				var cov ear.Answer
				switch {
				case x.except != "" && product.MustParseECCN(x.except).Covers(e):
					cov = ear.No
				case base.Covers(e):
					cov = ear.Yes
				case e.Covers(base):
					cov = ear.Indeterminate
				default:
					continue
				}
				f := Finding{Kind: FromFootnote, Row: -1, Covers: cov, InScope: ear.Yes, Citation: cite}
				if cov == ear.Yes && x.conditional {
					cov = ear.Indeterminate
					f.Covers = ear.Indeterminate
				}
				f.Required = cov
				cond := pick(x.conditional, " ("+x.condition+")", "")
				f.Why = "footnote 10 keeps a license requirement to " + ev.row.Name() + " for " + x.eccn + cond + ": " + cov.String()
				if cov == ear.Indeterminate {
					f.Missing = []string{"eccn: whether the item is within footnote 10's " + x.eccn + cond}
				}
				out = append(out, f)
			}
		case 2, 4:
			// Special provisions for thermal imaging cameras (742.4(a);
			// 742.6(a)(2), (a)(4)(ii)): the cameras of 6A003.b.4.
			if eccnThermalCameras.Covers(e) || e.Covers(eccnThermalCameras) {
				out = append(out, Finding{
					Kind: FromFootnote, Row: -1, Covers: ear.Indeterminate, InScope: ear.Yes, Required: ear.Indeterminate, Citation: cite,
					Why:     fmt.Sprintf("footnote %d: special provisions for thermal imaging cameras apply to %s (%s); they are not in the tables", n, ev.row.Name(), fn.Citation),
					Missing: []string{fmt.Sprintf("eccn: whether the camera falls under the special provisions of %s", fn.Citation)},
				})
			}
		case 3:
			// 742.6(a)(3): special RS rules for 0A919 military commodities.
			if eccn0A919.Covers(e.Entry()) {
				out = append(out, Finding{
					Kind: FromFootnote, Row: -1, Covers: ear.Yes, InScope: ear.Indeterminate, Required: ear.Indeterminate, Citation: cite,
					Why:     fmt.Sprintf("footnote 3: the special provisions of 742.6(a)(3) for 0A919 apply to %s; they are not in the tables", ev.row.Name()),
					Missing: []string{"destination: the 742.6(a)(3) requirement for 0A919 to this destination"},
				})
			}
		}
	}
	return out
}

func joinCountries(cs []jurisdiction.Country) string {
	s := make([]string, len(cs))
	for i, c := range cs {
		s[i] = c.String()
	}
	return strings.Join(s, ", ")
}

// enforcedReading reads the rows that the January 2025 AI diffusion
// amendments (90 FR 4544, effective 2025-01-13) changed as they stood on
// 2025-01-12, for the "enforced" reading (BIS announced on 2025-05-13 that
// it would not enforce the amendments): the worldwide RS rows of
// 742.6(a)(6)(iii)(A) (3A090.a, 4A090.a and the .z ".a" paragraphs) read as
// the earlier 742.6(a)(6)(iii) scope, Country Groups D:1, D:4 and D:5 less
// A:5 and A:6, plus Macau; the 4E091 row (742.6(a)(13)) did not exist. ok is
// false for every other row, which reads as printed.
func (ev *chartEval) enforcedReading(d ccl.DestinationRule, c jurisdiction.Country) (ear.Answer, string, string, bool) {
	lead := "enforced AI diffusion reading: "
	if ev.q.AsOf.Before(fdpAIDiffusionEffective) {
		lead = "before the AI diffusion amendments of 2025-01-13: "
	}
	for _, ct := range d.Citations() {
		cc, err := fdp.ParseCitation(ct)
		if err != nil {
			continue
		}
		for i := range enforcedRows {
			r := &enforcedRows[i]
			if !r.cited.Covers(cc) {
				continue
			}
			if r.absent {
				return ear.No, r.citation, ev.lazy(func() string { return lead + r.note }), true
			}
			a := ev.member(&r.places, c)
			if a == ear.Indeterminate {
				return a, r.citation, ev.lazy(func() string {
					return lead + r.note + "; whether " + ev.q.Destination.String() + " is in it turns on its country groups on " + ev.q.AsOf.String() + ", not modelled"
				}), true
			}
			in := a == ear.Yes
			return ear.AnswerOf(in), r.citation, ev.lazy(func() string {
				return lead + r.note + "; " + ev.q.Destination.String() + pick(in, " is in it", " is not in it")
			}), true
		}
	}
	return 0, "", "", false
}

// enforcedRows are the License Requirements rows the AI diffusion
// amendments changed, by the paragraph they cite, as they read on
// 2025-01-12.
var enforcedRows = []struct {
	cited    fdp.Citation // the paragraph the row cites as printed
	citation string       // the citation of the result
	absent   bool         // the row did not exist on 2025-01-12
	places   fdp.Places   // else the row's destinations then
	note     string
}{
	{
		cited: fdp.MustParseCitation("15 CFR 742.6(a)(6)(iii)(A)"), citation: "15 CFR 742.6(a)(6)(iii) (as of 2025-01-12)",
		places: fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Macau}}, Groups: []jurisdiction.Group{jurisdiction.GroupD1, jurisdiction.GroupD4, jurisdiction.GroupD5},
			ExceptGroups: []jurisdiction.Group{jurisdiction.GroupA5, jurisdiction.GroupA6}},
		note: "the row read as on 2025-01-12, Macau and D:1/D:4/D:5 less A:5/A:6",
	},
	{
		cited: fdp.MustParseCitation("15 CFR 742.6(a)(13)"), citation: "15 CFR 742.6(a)(13)", absent: true,
		note: "the 4E091 requirement did not exist on 2025-01-12",
	},
}
