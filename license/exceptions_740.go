package license

import (
	"fmt"
	"slices"
	"sync"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product/ccl"
)

// citationExceptions is the part of the EAR whose License Exceptions a
// determination evaluates once a license is required.
const citationExceptions = "15 CFR part 740"

// chartRequirement is the exception.Requirement of a Country Chart
// finding: a row or footnote (with its reason), a Part 746 program, or the
// entry as a whole.
func chartRequirement(f Finding) exception.Requirement {
	r := exception.Requirement{Citation: f.Citation, Answer: f.Required, Basis: exception.BasisChart, Reason: f.Reason}
	if f.Kind == FromProgram {
		r.Basis, r.Reason = exception.BasisProgram, 0
		r.Program, r.Paragraph = programOf(f.Citation)
	}
	return r
}

// programOf returns the Part 746 program whose section a citation is in
// (the program tables' own citations decide), and the paragraph cited.
func programOf(cite string) (jurisdiction.ProgramID, fdp.Citation) {
	c, err := fdp.ParseCitation(cite)
	if err != nil {
		return 0, fdp.Citation{}
	}
	for _, p := range programCitations() {
		if p.cite.Covers(c) {
			return p.id, c
		}
	}
	return 0, c
}

// programCitations are the Part 746 programs' citations, parsed once.
var programCitations = sync.OnceValue(func() []programCitation {
	var out []programCitation
	for _, p := range jurisdiction.Programs() {
		if pc, err := fdp.ParseCitation(p.Citation); err == nil {
			out = append(out, programCitation{p.ID, pc})
		}
	}
	return out
})

type programCitation struct {
	id   jurisdiction.ProgramID
	cite fdp.Citation
}

// pairRequirement is the exception.Requirement of the license requirement
// an FDP rule pairs with: a Part 746 program's paragraph (746.8(a)(2),
// (a)(3), 746.7) or a part 744 rule.
func pairRequirement(cite string, a ear.Answer) exception.Requirement {
	r := exception.Requirement{Citation: cite, Answer: a, Basis: exception.BasisPart744}
	if id, p := programOf(cite); id != 0 {
		r.Basis, r.Program, r.Paragraph = exception.BasisProgram, id, p
	}
	return r
}

// exceptionsFor evaluates the License Exceptions of part 740 for the
// requirements of a determination, and whether they cover them.
func exceptionsFor(req Request, reqs []exception.Requirement, designations []PartyDesignations) ([]exception.Result, ear.Answer) {
	it := req.Item
	in := exception.Input{
		ECCN: it.ECCN, For: it.For, Kind: it.EffectiveKind(),
		Destination: req.Destination, ExportedFrom: req.ExportedFrom, ProducedIn: it.ProducedIn, AsOf: req.AsOf, ItemValue: it.Value,
		Requirements: reqs, Facts: req.ExceptionFacts, Rates: req.ExchangeRates,
	}
	if e := it.ECCN; e.IsValid() && !e.IsEAR99() {
		in.Entry, _ = ccl.Lookup(e.Entry())
	}
	var err error
	in.Groups, err = jurisdiction.GroupsOf(groupsCountry(req.Destination.Country), req.AsOf)
	gap, _ := notModelled(err, req.AsOf)
	if _, perr := jurisdiction.ProgramsFor(req.Destination, req.AsOf); gap == nil {
		gap, _ = notModelled(perr, req.AsOf)
	}
	in.Unverified, in.Headquarters, in.HeadquartersComplete = partyFactsForExceptions(req.Parties, designations)
	results := exception.Evaluate(in)
	if gap != nil || in.Entry.IsValid() && req.AsOf.Before(cclRowsFrom) {
		why := ""
		for i := range results {
			if results[i].Outcome == exception.Available {
				if why == "" {
					if gap != nil {
						// The groups or programs the exceptions read are not
						// modelled on the date: no exception is available
						// for sure.
						why = gapText(gap)
					} else {
						why = cclExceptionsGap(in.Entry, req.AsOf)
					}
				}
				results[i].Outcome = exception.Indeterminate
				results[i].Why = "open: " + why + "; " + results[i].Why
				results[i].Missing = append(results[i].Missing, exception.Missing{Field: "as_of", Why: why})
			}
		}
	}
	return results, exception.Covered(reqs, results)
}

// cclExceptionsGap is the reason an exception found available for an item
// with a CCL entry stays open on a date before cclRowsFrom: the entry's
// License Exceptions section (LVS, GBS, TSR, STA, NAC/ACA and their
// Special Conditions) is read as printed in the project's CCL source, and
// those sections were revised many times from 2020 to 2025 (the
// October 2022, October 2023, December 2024 and January 2025 rules among
// them) with no earlier copy held. Reading today's section on a past date
// could find an exception that did not yet exist for the entry, a false
// clearance; so an exception that reads the entry is never "available"
// before that date, while a "not available" stands only as today's text
// says it (the requirement it would overcome stands either way). 15 CFR
// part 740 and the CCL's License Exceptions sections; a reading chosen.
func cclExceptionsGap(e ccl.Entry, asOf jurisdiction.Date) string {
	return fmt.Sprintf("the License Exceptions section of %s as of %s is not modelled (the SDK reads the CCL as printed, and before %s no earlier text is held)", e.ECCN(), asOf, cclRowsFrom)
}

// partyFactsForExceptions reads what 740.2 asks of the parties: whether
// one is on the Unverified List (declared, or found by the resolver; a
// possible match leaves it open), and where they are headquartered.
func partyFactsForExceptions(ps Parties, ds []PartyDesignations) (unverified ear.Answer, hqs []jurisdiction.Country, complete bool) {
	if !ps.Known() {
		return ear.Indeterminate, nil, false
	}
	unverified, complete = ear.No, true
	for i, p := range ps.list.items {
		if slices.Contains(p.ListedOn, ListedUnverified) {
			unverified = ear.Yes
		}
		if i < len(ds) {
			if ds[i].Designations.OnList(csl.Unverified) {
				unverified = ear.Yes
			} else if len(ds[i].Candidates) > 0 {
				unverified = unverified.Or(ear.Indeterminate)
			}
		}
		if p.HeadquarteredIn.IsValid() {
			hqs = append(hqs, p.HeadquarteredIn)
		} else {
			complete = false
		}
	}
	return unverified, hqs, complete
}

// exceptionsMissing names the facts that would decide open exceptions, for
// the determination's missing facts: the facts of each exception that is
// indeterminate and overcomes an open requirement.
func exceptionsMissing(results []exception.Result) []MissingFact {
	var out []MissingFact
	for _, r := range results {
		if r.Outcome != exception.Indeterminate {
			continue
		}
		for _, m := range r.Missing {
			out = append(out, MissingFact{Field: m.Field, Why: m.Why, Decides: []string{r.Citation}})
		}
	}
	return out
}

// exceptionsDetail is the trace's sentence for the exceptions.
func exceptionsDetail(results []exception.Result, covered ear.Answer) string {
	if results == nil {
		return "no license requirement to overcome"
	}
	var avail, open []string
	for _, r := range results {
		switch r.Outcome {
		case exception.Available:
			avail = append(avail, r.Code.String())
		case exception.Indeterminate:
			open = append(open, r.Code.String())
		}
	}
	return fmt.Sprintf("covered by license exceptions: %s; available: %s; indeterminate: %s", covered, listOrNone(avail), listOrNone(open))
}

func listOrNone(ss []string) string {
	if len(ss) == 0 {
		return "none"
	}
	s := ss[0]
	for _, x := range ss[1:] {
		s += ", " + x
	}
	return s
}

// cloneResults copies exception results for a caller.
func cloneResults(rs []exception.Result) []exception.Result {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Overcomes = slices.Clone(out[i].Overcomes)
		out[i].Missing = slices.Clone(out[i].Missing)
	}
	return out
}
