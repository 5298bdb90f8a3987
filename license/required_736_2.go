package license

import (
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// LicenseReason is one reason a license is required (Answer Yes), may be
// required (Indeterminate), or one provision checked and found not to
// require one (No), with its citation.
type LicenseReason struct {
	Citation string     `json:"citation"`
	Answer   ear.Answer `json:"answer"`
	Why      string     `json:"why"`
}

// licenseInput is what the license requirements of a determination read.
type licenseInput struct {
	item         product.Item
	destination  jurisdiction.Destination
	exportedFrom jurisdiction.Country
	parties      Parties
	endUses      EndUses
	fdp          []FDPResult
	asOf         jurisdiction.Date
	options      Options // the request's readings and policies
	// exporter is the entity exporting from abroad or reexporting, for
	// the FDP rules' exclusions.
	exporter Exporter
	// deMinimis and deMinimisCite are the de minimis outcome and the
	// provision that decided it: the exclusions apply only to an item
	// subject to the EAR under no other provision.
	deMinimis     DeMinimisOutcome
	deMinimisCite string
	// designations are the parties' designations, aligned with parties
	// (nil when none were resolved): a party resolved onto the Entity
	// List without a footnote, or onto the Denied Persons List, is read
	// from here.
	designations []PartyDesignations
}

// licenseRequirements decides whether a license is required for an item
// that is (or may be) subject to the EAR: the item's own ECCN under the
// Country Chart and Part 746 (CountryChart), the Entity List (744.11) for
// the parties' footnotes, the requirement each applying FDP rule pairs
// with, and the end-use rules of 744.21 and 744.23. It returns the answer
// (the Or of every reason), the reasons, and the missing facts.
func licenseRequirements(in licenseInput) (ear.Answer, []LicenseReason, []MissingFact) {
	a, reasons, missing, _ := licenseRequirementsFor(in)
	return a, reasons, missing
}

// licenseRequirementsFor is licenseRequirements, with each reason's
// requirement as the License Exceptions read it (aligned with the
// reasons).
func licenseRequirementsFor(in licenseInput) (ear.Answer, []LicenseReason, []MissingFact, []exception.Requirement) {
	var l reasonList

	// The item's own classification under the chart and Part 746.
	e := in.item.ECCN
	if !e.IsValid() {
		l.add(CitationCountryChart, ear.Indeterminate, "the item's ECCN is not given: the CCL-based requirements cannot be read")
		l.basis(exception.Requirement{Basis: exception.BasisChart})
		l.need("item.eccn", "the item's classification decides the Country Chart requirements")
	} else {
		res, err := countryChart(ChartQuery{
			ECCN: e, Destination: in.destination, ExportedFrom: in.exportedFrom, AsOf: in.asOf,
			For: in.item.For, FoodOrMedicine: foodOrMedicineOf(in.item.Kind, in.item.FoodOrMedicine), HTS: in.item.HTS, Options: in.options,
		}, true)
		switch {
		case err != nil:
			l.add(CitationCountryChart, ear.Indeterminate, "the Country Chart could not be read: "+err.Error())
			l.basis(exception.Requirement{Basis: exception.BasisChart})
			l.need("item.eccn", err.Error())
		case res.Required == ear.No:
			l.add(CitationCountryChart, ear.No, fmt.Sprintf("no License Requirements row of %s, chart footnote or Part 746 program requires a license to %s", e, in.destination))
		default:
			// The FDP rules' exclusions (fdp.Rule.Exclusions) may lift a
			// requirement the item's own rows state; the others stand.
			adj := make([]ear.Answer, len(res.Findings))
			notes := make([]string, len(res.Findings))
			chart := ear.No
			for i, f := range res.Findings {
				adj[i] = f.Required
				if f.Required == ear.Yes {
					var lifted bool
					lifted, notes[i] = excluded(in, f.Citation)
					if lifted {
						adj[i] = ear.No
					}
				}
				chart = chart.Or(adj[i])
			}
			// Every row that requires, or may require, a license is a
			// reason, also beside a row that requires one: a row left open
			// may be a reason for control no exception found for the others
			// overcomes (740.4 GBS, 740.6 TSR, 740.20(c)(2) STA: "for
			// national security reasons only"; 740.2(a)(4) for CC; 740.2(a)(5)
			// for MT). A lifted row is shown when nothing else requires one.
			for i, f := range res.Findings {
				if adj[i] != ear.No || (chart == ear.No && notes[i] != "") {
					why := f.Why
					if notes[i] != "" {
						why += "; " + notes[i]
					}
					l.add(f.Citation, adj[i], why)
					l.basis(chartRequirement(f))
				}
			}
			for _, m := range res.Missing() {
				l.missing = append(l.missing, chartMissing(m))
			}
		}
	}

	// Part 744: the Entity List and the Denied Persons List (744.11,
	// 736.2(b)(4)); then the requirements the FDP rules pair with; then the
	// end-use rules (744.21, 744.23).
	meuParties, possibleMEU, meuIn, possibleIn := l.entityList(in)
	l.fdpPairs(in)
	l.endUses(in, meuParties, possibleMEU, meuIn, possibleIn)
	l.iraqMilitaryEndUse(in, meuParties, possibleMEU) // 746.3(a)(4), part746.go
	l.headquarters(in)                                // 744.23(a)(3)(i), hq_744_23.go
	l.bundledSoftware(in)

	ans := ear.No
	for _, r := range l.reasons {
		ans = ans.Or(r.Answer)
	}
	if ans != ear.Indeterminate {
		l.missing = nil
	}
	return ans, l.reasons, dedupeMissing(l.missing), l.reqs
}

// bundledSoftware adds the license requirement of the US-origin software
// bundled with the item that the de minimis exclusion does not reach:
// Notes (3) to 734.4(c)(1) and (d)(1) (the copy of 734.4 read for
// deminimis_734_4.go): "The de minimis exclusion ... only applies to
// software that is listed on the Commerce Control List (CCL) and has a
// reason for control of anti-terrorism (AT) only or software that is
// designated as EAR99 ... For all other software, an independent
// assessment of whether the software by itself is subject to the EAR must
// be performed." US-origin software is subject to the EAR (734.3(a)(2))
// wherever it is, so the line's own classification is read under the
// Country Chart and Part 746 to the destination. A line of unknown origin
// or classification leaves it open. The requirement is recorded as one no
// License Exception is evaluated for (the exceptions read the item's
// entry, not the line's): conservative.
func (l *reasonList) bundledSoftware(in licenseInput) {
	for i, c := range in.item.Components {
		if c.Relation != product.Bundled || c.Origin == product.OriginForeign {
			continue
		}
		e := c.ECCN
		if e.IsValid() && (e.IsEAR99() || atOnly(e)) {
			continue
		}
		field := componentField(i)
		origin := "US-origin"
		if c.Origin != product.OriginUS {
			origin = "possibly US-origin (origin unknown)"
		}
		if !e.IsValid() {
			l.add(citationBundle, ear.Indeterminate, fmt.Sprintf("bundled %s software %s has no classification: unless it is EAR99 or AT-only it is outside the de minimis exclusion and needs its own license assessment", origin, field))
			l.need(field+".eccn", "bundled US-origin software other than EAR99 or AT-only is subject to the EAR on its own (734.3(a)(2); Notes (3) to 734.4(c)(1) and (d)(1))")
			continue
		}
		res, err := countryChart(ChartQuery{
			ECCN: e, Destination: in.destination, ExportedFrom: in.exportedFrom, AsOf: in.asOf,
			For: c.For, FoodOrMedicine: foodOrMedicineOf(product.Software, c.FoodOrMedicine), HTS: c.HTS, Options: in.options,
		}, true)
		if err != nil {
			l.add(citationBundle, ear.Indeterminate, fmt.Sprintf("bundled %s software %s (%s): the Country Chart could not be read: %s", origin, field, e, err))
			l.need(field+".eccn", err.Error())
			continue
		}
		a := res.Required
		if c.Origin != product.OriginUS {
			a = a.And(ear.Indeterminate)
			if a != ear.No {
				l.need(field+".origin", "US-origin software bundled with the item and classified "+e.String()+" is subject to the EAR on its own")
			}
		}
		if a == ear.No {
			continue
		}
		// The line's own citation, not the chart row's: the License
		// Exceptions found for the item are matched to requirements by
		// citation, and none was evaluated for this software.
		row := CitationCountryChart
		for _, f := range res.Findings {
			if f.Required == res.Required {
				row = f.Citation
				break
			}
		}
		l.add(citationBundle, a, fmt.Sprintf("bundled %s software %s, classified %s, is outside the de minimis exclusion (Notes (3) to 734.4(c)(1) and (d)(1): only EAR99 or AT-only software is within it) and is subject to the EAR on its own (734.3(a)(2)): %s [%s]", origin, field, e, firstWhy(res, a), row))
		if res.Required == ear.Indeterminate {
			l.need(field, "the bundled software's own license requirement to the destination is open: "+firstWhy(res, ear.Indeterminate))
		}
	}
}

// firstWhy is the reason of the first finding of res with the answer a.
func firstWhy(res ChartResult, a ear.Answer) string {
	for _, f := range res.Findings {
		if f.Required == a || f.Required == ear.Yes {
			return f.Why
		}
	}
	return "a license may be required to the destination"
}

// reasonList collects the reasons and missing facts of a license
// requirement determination.
type reasonList struct {
	reasons []LicenseReason
	missing []MissingFact
	// reqs are the reasons as the License Exceptions read them, aligned
	// with reasons: a part 744 rule unless basis says otherwise.
	reqs []exception.Requirement
}

func (l *reasonList) add(cite string, a ear.Answer, why string) {
	l.reasons = append(l.reasons, LicenseReason{Citation: cite, Answer: a, Why: why})
	l.reqs = append(l.reqs, exception.Requirement{Citation: cite, Answer: a, Basis: exception.BasisPart744})
}

// basis sets the kind of provision of the reason added last (its
// citation and answer are the reason's).
func (l *reasonList) basis(r exception.Requirement) {
	last := &l.reqs[len(l.reqs)-1]
	r.Citation, r.Answer = last.Citation, last.Answer
	*last = r
}

// need records a missing fact; it decides the provision of the reason
// added last.
func (l *reasonList) need(field, why string) {
	m := MissingFact{Field: field, Why: why}
	if n := len(l.reasons); n > 0 {
		m.Decides = []string{l.reasons[n-1].Citation}
	}
	l.missing = append(l.missing, m)
}

// fdpPairs adds the license requirement each applying (or possibly
// applying) FDP rule pairs with, as its data says (fdp.Rule.License).
func (l *reasonList) fdpPairs(in licenseInput) {
	for _, r := range in.fdp {
		pair := r.license
		if pair == nil || r.Outcome == ear.No {
			continue
		}
		a := ear.Yes
		if r.Outcome == ear.Indeterminate {
			a = ear.Indeterminate
		}
		why := pair.What
		if pair.NotFromPartners {
			// 746.8(a)(12)(iii)(A): the requirements of (a)(2) and (a)(3)
			// do not apply to items exported or reexported from a partner
			// country of Supplement No. 3 to part 746.
			cite := pair.Citation.String()
			switch {
			case !in.exportedFrom.IsValid():
				a = a.And(ear.Indeterminate)
				why += "; whether it is exported from a partner country (" + jurisdiction.CitationPartnerCountries + ") is not given"
				l.need("exported_from", cite+" does not apply to items exported from a partner country (746.8(a)(12)(iii))")
			case isPartnerOn(in.exportedFrom, in.asOf):
				a = ear.No
				why += "; but the item is exported from " + in.exportedFrom.String() + ", a partner country of " + jurisdiction.CitationPartnerCountries + ", so " + cite + " does not apply (746.8(a)(12)(iii))"
			}
		}
		l.add(pair.Citation.String(), a, why+" ("+r.Citation+" "+fdpOutcomeText(r.Outcome)+")")
		l.basis(pairRequirement(pair.Citation.String(), a))
	}
}

// chartMissing turns a missing fact of CountryChart ("eccn: the paragraph
// ...", "item.hts") into a MissingFact named by its wire-format path.
func chartMissing(m string) MissingFact {
	field, why, ok := strings.Cut(m, ": ")
	if !ok {
		return MissingFact{Field: m, Why: "decides a Country Chart or Part 746 requirement"}
	}
	switch field {
	case "eccn":
		field = "item.eccn"
	case "for":
		field = "item.for"
	}
	return MissingFact{Field: field, Why: why}
}

func dedupeMissing(ms []MissingFact) []MissingFact {
	var out []MissingFact
	for _, m := range ms {
		if !slices.ContainsFunc(out, func(o MissingFact) bool {
			return o.Field == m.Field && o.Why == m.Why && slices.Equal(o.Decides, m.Decides)
		}) {
			out = append(out, m)
		}
	}
	return out
}

func partyLabel(p Party) string {
	if p.Name != "" {
		return p.Name
	}
	return "a party"
}

// decides tags missing facts that do not say what they decide with cite.
func decides(ms []MissingFact, cite string) []MissingFact {
	out := make([]MissingFact, len(ms))
	for i, m := range ms {
		if len(m.Decides) == 0 {
			m.Decides = []string{cite}
		}
		out[i] = m
	}
	return out
}

// groupMissing gives one MissingFact per field, in the order the fields
// first appear, each with every provision it decides and its distinct
// reasons.
func groupMissing(ms []MissingFact) []MissingFact {
	var out []MissingFact
	at := map[string]int{}
	for _, m := range ms {
		i, ok := at[m.Field]
		if !ok {
			at[m.Field] = len(out)
			m.Decides = slices.Clone(m.Decides)
			out = append(out, m)
			continue
		}
		g := &out[i]
		for _, c := range m.Decides {
			if !slices.Contains(g.Decides, c) {
				g.Decides = append(g.Decides, c)
			}
		}
		if m.Why != "" && !strings.Contains(g.Why, m.Why) {
			g.Why += "; " + m.Why
		}
	}
	return out
}

// excluded reports whether an exclusion of the FDP rules lifts the chart
// requirement cite (a row's citations, "; "-joined) that requires a
// license, and says why in a clause ("" when no exclusion is about it).
//
// Reading (15 CFR 742.4(a)(4)(ii)(B), 742.6(a)(6)(i)(A)(2)(ii), text of
// 2025-01-16): an exclusion applies only when the item is subject to the
// EAR under its rule (or its de minimis twin) and no other provision, and
// the exporter's location and both headquarters are stated. The exclusion
// is the exporter's to establish: a fact not given, or another ground of
// the item that is undecided (734.9(b) with its written assurance not
// stated), leaves the requirement standing (Yes) with the reason named;
// never a clearance.
func excluded(in licenseInput, cite string) (bool, string) {
	for _, r := range in.fdp {
		for xi := range r.exclusions {
			x := &r.exclusions[xi]
			if !liftsAny(x.Lifts, cite) {
				continue
			}
			xc := x.Citation.String()
			if r.Outcome != ear.Yes {
				// The item is not (or not yet known to be) subject under
				// the rule: the exclusion is not about this requirement.
				continue
			}
			if other := otherBasis(in, r.Citation, x.DeMinimis); other != "" {
				return false, xc + " does not apply: the item is also subject to the EAR under " + other
			}
			e := in.exporter
			if !e.complete() {
				return false, xc + " is not applied: the exporter's location, headquarters and ultimate parent's headquarters (exporter) are not all given"
			}
			loc := jurisdiction.Destination{Country: e.LocatedIn}
			gs, err := jurisdiction.GroupsOf(groupsCountry(e.LocatedIn), in.asOf)
			if err != nil && x.ExporterIn.NamesGroups() {
				return false, xc + " is not applied: the country groups of " + e.LocatedIn.String() + " on " + in.asOf.String() + " are not known"
			}
			if ok, why := x.ExporterIn.Contains(loc, gs, in.asOf); !ok {
				return false, xc + " does not apply: the exporter is located in " + e.LocatedIn.String() + " (" + why + ")"
			}
			for _, hq := range [...]struct {
				who string
				c   jurisdiction.Country
			}{{"the exporter is", e.Headquarters}, {"its ultimate parent is", e.UltimateParentHeadquarters}} {
				gs, err := jurisdiction.GroupsOf(groupsCountry(hq.c), in.asOf)
				if err != nil && x.NotHeadquarteredIn.NamesGroups() {
					return false, xc + " is not applied: the country groups of " + hq.c.String() + " on " + in.asOf.String() + " are not known"
				}
				if hit, why := x.NotHeadquarteredIn.Contains(jurisdiction.Destination{Country: hq.c}, gs, in.asOf); hit {
					return false, xc + " does not apply: " + hq.who + " headquartered in " + hq.c.String() + " (" + why + ")"
				}
			}
			return true, "excluded by " + xc + ": " + x.What + "; the exporter is located in " + e.LocatedIn.String() +
				", headquartered in " + e.Headquarters.String() + ", its ultimate parent in " + e.UltimateParentHeadquarters.String()
		}
	}
	return false, ""
}

// liftsAny reports whether one of lifts is, or is within, or contains, one
// of the "; "-joined citations of cite.
func liftsAny(lifts []fdp.Citation, cite string) bool {
	for part := range strings.SplitSeq(cite, "; ") {
		c, err := fdp.ParseCitation(part)
		if err != nil {
			continue
		}
		for _, l := range lifts {
			if l.Covers(c) || c.Covers(l) {
				return true
			}
		}
	}
	return false
}

// otherBasis names a provision other than the rule rule (and its de
// minimis twin dm) under which the item is, or may be, subject to the EAR;
// "" when there is none.
func otherBasis(in licenseInput, rule string, dm fdp.Citation) string {
	switch {
	case in.item.ProducedIn == jurisdiction.UnitedStates:
		return "15 CFR 734.3(a)(2) (US-origin item)"
	case in.exportedFrom == jurisdiction.UnitedStates:
		return "15 CFR 734.3(a)(1) (item in the United States)"
	case !in.exportedFrom.IsValid():
		return "15 CFR 734.3(a)(1) (the country it is exported from is not given)"
	}
	switch in.deMinimis {
	case 0:
		return "15 CFR 734.4 (not evaluated)"
	case DeMinimisExceeds:
		return in.deMinimisCite
	case DeMinimisIndeterminate:
		return "15 CFR 734.4 (undecided)"
	case DeMinimisNoLevel:
		c, err := fdp.ParseCitation(in.deMinimisCite)
		if err != nil || !dm.IsValid() || !dm.Covers(c) {
			return in.deMinimisCite
		}
	}
	for _, r := range in.fdp {
		if r.Citation != rule && r.Outcome != ear.No {
			return r.Citation + " (" + fdpOutcomeText(r.Outcome) + ")"
		}
	}
	return ""
}
