package license

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// Check decides one request. It validates the request first (a
// *product.FieldError names the first bad field), then decides whether the item is
// subject to the EAR (15 CFR 734.3: an item in the United States or of US
// origin; a foreign-made item through de minimis, 734.4, or a foreign direct
// product rule, 734.9) and, if it may be, whether a license is required:
// the item's ECCN under the Country Chart and Part 746 (CountryChart), the
// Entity List (744.11) for the parties' footnotes, the requirement each
// applying FDP rule pairs with (744.11(a)(2), 746.8(a)(2) with its
// partner-country exclusion, 746.8(a)(3), 744.23, 746.7), and the end-use
// rules of 744.21 and 744.23; and where a license is or may be required,
// the License Exceptions of part 740 (exception.Evaluate) that may
// overcome each requirement, and whether they cover them all.
//
// Check is safe for concurrent use and takes no lock. It uses the default
// Checker: fdp.Default() and no party resolver (parties' designations are
// those the request declares).
func Check(req Request) (Determination, error) {
	return defaultChecker().Check(context.Background(), req)
}

// Check decides one request as the package-level Check does, with the
// Checker's rule set and party resolver.
func (c *Checker) Check(ctx context.Context, req Request) (Determination, error) {
	asOf := req.AsOf
	if !asOf.IsValid() {
		// Never defaulted: the rules in force, the Entity List's affiliates
		// rule and the country groups all turn on the date.
		return Determination{}, fdpFieldErr("as_of", product.ErrMissing, "the date to decide as of (YYYY-MM-DD)")
	}
	if err := validateRequest(req); err != nil {
		return Determination{}, err
	}
	req, err := req.applyNoneFound()
	if err != nil {
		return Determination{}, err
	}
	opts := req.Options
	d := Determination{itemID: req.Item.ID, asOf: asOf, options: opts}
	// The trace's steps: up to four of 734.3, the de minimis steps, one per
	// FDP rule and three closing ones; allocated once.
	d.trace = make([]Step, 0, 7+len(deMinimisCategories)+2+c.rules.Len())
	if req.NoneFound {
		d.trace = append(d.trace, Step{Citation: "caller's declaration", Outcome: "none found",
			Detail: "the caller declares that it checked and found no listed party, no end use of concern, no knowledge of an incorporation and no U.S. technology or software the item or its plants are direct products of: the facts the request leaves out are read as none, and the answers rest on the declaration"})
	}
	parties, designations, err := c.resolveParties(ctx, req.Parties)
	if err != nil {
		return Determination{}, err
	}
	req.Parties = parties
	d.parties = designations
	it := req.Item

	// 734.3(a)(1), (a)(2): items in the United States, and US-origin items.
	inUS := req.ExportedFrom == jurisdiction.UnitedStates
	usOrigin := it.ProducedIn == jurisdiction.UnitedStates
	subject := ear.No
	if inUS {
		subject = ear.Yes
		d.grounds = append(d.grounds, Ground{Citation: "15 CFR 734.3(a)(1)", Title: "item in the United States"})
		d.trace = append(d.trace, Step{Citation: "15 CFR 734.3(a)(1)", Outcome: "yes", Detail: "exported from the United States"})
	}
	if usOrigin {
		subject = ear.Yes
		d.grounds = append(d.grounds, Ground{Citation: "15 CFR 734.3(a)(2)", Title: "US-origin item"})
		d.trace = append(d.trace, Step{Citation: "15 CFR 734.3(a)(2)", Outcome: "yes", Detail: "produced in the United States"})
	}
	if !req.ExportedFrom.IsValid() {
		// Absent means unknown: the item may be in the United States.
		subject = subject.Or(ear.Indeterminate)
		d.trace = append(d.trace, Step{Citation: "15 CFR 734.3(a)(1)", Outcome: "indeterminate", Detail: "the country the item is exported from is not given: an item in the United States is subject to the EAR"})
		d.missing = append(d.missing, MissingFact{Field: "exported_from", Why: "an item in the United States is subject to the EAR (734.3(a)(1))", Decides: []string{"15 CFR 734.3(a)(1)"}})
	}

	// 734.4: de minimis.
	dm, err := deMinimis(req.DeMinimisQuery(), c.charts, c.dmRules) // the request was validated above
	if err != nil {
		return Determination{}, asFieldError(err)
	}
	d.deMinimis = dm
	switch dm.Outcome {
	case DeMinimisExceeds:
		subject = subject.Or(ear.Yes)
		d.grounds = append(d.grounds, Ground{Citation: dm.Citation, Title: "controlled US-origin content exceeds the de minimis level"})
	case DeMinimisNoLevel:
		subject = subject.Or(ear.Yes)
		d.grounds = append(d.grounds, Ground{Citation: dm.Citation, Title: "controlled US-origin content with no de minimis level"})
	case DeMinimisIndeterminate:
		subject = subject.Or(ear.Indeterminate)
	}
	d.trace = append(d.trace, dm.Steps...)
	d.missing = append(d.missing, decides(dm.Missing, "15 CFR 734.4")...)

	// 734.9: the foreign direct product rules.
	fdpResults, err := evaluateFDP(c.rules, req.FDPQuery())
	if err != nil {
		return Determination{}, asFieldError(err)
	}
	d.fdp = fdpResults
	for _, r := range fdpResults {
		d.trace = append(d.trace, Step{Citation: r.Citation, Outcome: fdpOutcomeText(r.Outcome), Detail: r.Why})
		switch r.Outcome {
		case ear.Yes:
			subject = subject.Or(ear.Yes)
			d.grounds = append(d.grounds, Ground{Citation: r.Citation, Title: r.Title})
		case ear.Indeterminate:
			subject = subject.Or(ear.Indeterminate)
			d.missing = append(d.missing, decides(r.Missing, r.Citation)...)
		}
	}
	d.subject = subject
	d.trace = append(d.trace, Step{Citation: CheckCitationSubject, Outcome: subject.String(), Detail: groundsDetail(d.grounds)})

	// The license requirement, for an item that is or may be subject.
	d.covered = ear.Yes
	if subject == ear.No {
		d.license = ear.No
		d.reasons = []LicenseReason{{Citation: CheckCitationSubject, Answer: ear.No, Why: "the item is not subject to the EAR: no EAR license is required"}}
		d.missing = nil
	} else {
		a, reasons, missing, reqs := licenseRequirementsFor(licenseInput{
			item: it, destination: req.Destination, exportedFrom: req.ExportedFrom,
			parties: req.Parties, endUses: req.EndUses, fdp: fdpResults, asOf: asOf,
			options: opts, designations: d.parties,
			exporter: req.Exporter, deMinimis: dm.Outcome, deMinimisCite: dm.Citation,
		})
		d.license = subject.And(a)
		d.reasons = reasons
		// Each names what it decides; one that does not say decides the
		// license requirement (736.2).
		d.missing = append(d.missing, decides(missing, "15 CFR 736.2")...)
		if d.license != ear.No {
			// Part 740: may the export go under a License Exception?
			d.exceptions, d.covered = exceptionsFor(req, reqs, d.parties)
		}
	}
	d.trace = append(d.trace, Step{Citation: "15 CFR 736.2", Outcome: d.license.String(), Detail: "license required: " + d.license.String()})
	d.trace = append(d.trace, Step{Citation: citationExceptions, Outcome: d.covered.String(), Detail: exceptionsDetail(d.exceptions, d.covered)})
	if d.subject != ear.Indeterminate && d.license != ear.Indeterminate {
		d.missing = nil
	}
	if d.covered == ear.Indeterminate {
		d.missing = append(d.missing, exceptionsMissing(d.exceptions)...)
	}
	d.missing = groupMissing(d.missing)
	d.warnings = warningsOf(req, d)
	if w, ok := partiesListWarning(req.AsOf, c.resolver, d.parties); ok {
		d.warnings = append(d.warnings, w)
	}
	return d, nil
}

// listDater is a PartyResolver that says the date of its list.
type listDater interface {
	ListDate() jurisdiction.Date
}

// partiesListWarning is the WarnPartiesList warning of a determination
// whose parties (or their owners) were screened through r, when r says
// its list's date and that date is after asOf, or more than staleAfter
// days before it. The screening's answers stand as the list gives them:
// the list is read as the list on asOf (a reading chosen; a resolver that
// keeps the lists' history can answer for the date itself).
func partiesListWarning(asOf jurisdiction.Date, r PartyResolver, ds []PartyDesignations) (Warning, bool) {
	ld, ok := r.(listDater)
	if !ok || !screenedAny(ds) {
		return Warning{}, false
	}
	list := ld.ListDate()
	if !list.IsValid() {
		return Warning{WarnPartiesList, fmt.Sprintf("the parties were screened against a list whose date is not given (csl.Index.WithListDate; -csl-date): it is read as the list as it stood on as_of %s, which it may not be", asOf)}, true
	}
	switch {
	case asOf.Before(list):
		return Warning{WarnPartiesList, fmt.Sprintf("the parties were screened against a list of %s, after as_of %s: a party listed on %s and removed from the list since is not found there, and its answers read as not listed; screen against the lists as they stood on %s to decide", list, asOf, asOf, asOf)}, true
	case asOf.After(list.AddDays(staleAfter)):
		return Warning{WarnPartiesList, fmt.Sprintf("the parties were screened against a list of %s, more than %d days before as_of %s: a party listed since is not found there; screen against the lists as they stand on %s", list, staleAfter, asOf, asOf)}, true
	}
	return Warning{}, false
}

// screenedAny reports whether a party or an owner was screened through a
// resolver (not declared).
func screenedAny(ds []PartyDesignations) bool {
	for _, d := range ds {
		if d.Screening == "exact" || d.Screening == "fuzzy" || screenedAny(d.Owners) {
			return true
		}
	}
	return false
}

// staleAfter is how long after the tables' eCFR issue a date is taken as
// possibly missing later amendments.
const staleAfter = 30

// warningsOf works out the warnings of a determination, in a fixed order.
func warningsOf(req Request, d Determination) []Warning {
	var ws []Warning
	oldest := ccl.Date()
	if t := jurisdiction.TablesDate(); t.Before(oldest) {
		oldest = t
	}
	if req.AsOf.After(oldest.AddDays(staleAfter)) {
		// Joined, not formatted: every Check past the tables' dates writes
		// it.
		ws = append(ws, Warning{WarnStaleTables, "as_of " + req.AsOf.String() + " is more than " + strconv.Itoa(staleAfter) +
			" days after the tables' eCFR issues (CCL " + ccl.Date().String() + ", country tables " + jurisdiction.TablesDate().String() +
			"): amendments after them are not in the tables; confirm that none bears on this item"})
	}
	if c := req.Destination.Country; c.TablesAs() != c {
		cite, _ := c.TablesAsCitation()
		ws = append(ws, Warning{WarnReadAs, fmt.Sprintf("the destination %s (%s) is read as %s (%s) (%s)", c, c.Name(), c.TablesAs(), c.TablesAs().Name(), cite)})
	}
	d0 := req.Destination
	_, gErr := jurisdiction.GroupsOf(groupsCountry(d0.Country), req.AsOf)
	_, cErr := jurisdiction.ChartRowAsOf(d0.Country, req.AsOf)
	_, pErr := jurisdiction.ProgramsFor(d0, req.AsOf)
	if row, err := jurisdiction.ChartRowAsOf(d0.Country, req.AsOf); err == nil && row.Reconstructed() {
		groups := ""
		if req.AsOf.Before(groupsSurveyedFrom) {
			groups = ", and the country groups are those of the changes a survey of the Federal Register found from 2020"
		}
		ccl := ""
		if req.AsOf.Before(cclRowsFrom) {
			ccl = "; the CCL is read as printed, so a row that requires no license today, and an exception an entry's License Exceptions section allows today, leave their findings open"
		}
		ws = append(ws, Warning{WarnTablesReconstructed, "as_of " + req.AsOf.String() + " is before " + jurisdiction.ChartHistoryFloor().String() +
			": the Country Chart is the chart printed since then with the amendments recorded from 2020 undone" + groups +
			" (Federal Register summaries; the amendatory text was not read), and what is not known on that date is open" + ccl + "; confirm that no other amendment bears on this item"})
	}
	for _, err := range []error{cErr, gErr, pErr} {
		if gap, ok := notModelled(err, req.AsOf); ok {
			w := Warning{WarnNotModelled, "as_of " + req.AsOf.String() + ": " + gapText(gap) + "; the findings that need them are open"}
			if !slices.Contains(ws, w) { // one gap may stop several tables
				ws = append(ws, w)
			}
		}
	}
	hasOwners := false
	for _, p := range req.Parties.list.items {
		hasOwners = hasOwners || len(p.Ownership) > 0
	}
	if _, warn := affiliatesInForce(req.AsOf, req.Options.Affiliates); warn != "" && hasOwners {
		ws = append(ws, Warning{WarnAffiliates, warn})
	}
	for _, r := range d.fdp {
		if r.Outcome != ear.No && !r.textRead {
			ws = append(ws, Warning{WarnTextNotRead, fmt.Sprintf("%s: %s, on a rule whose operative text was not read (see its provenance in fdp.Default().Markdown())", r.Citation, fdpOutcomeText(r.Outcome))})
		}
	}
	for i, f := range req.EndUses.list.items {
		if !f.LocatedIn.IsValid() && (f.Use == fdp.EndUseSupercomputer || f.Use == fdp.EndUseAdvancedNodeIC) {
			ws = append(ws, Warning{WarnEndUseLocation, fmt.Sprintf("end_uses[%d] (%s) does not say where the end use is (located_in): it is read as at the destination %s (and at the end users' countries named)", i, f.Use, req.Destination)})
		}
	}
	return ws
}

// CheckCitationSubject is the provision that says which items are subject
// to the EAR.
const CheckCitationSubject = "15 CFR 734.3"

func groundsDetail(gs []Ground) string {
	if len(gs) == 0 {
		return "no ground makes the item subject to the EAR"
	}
	s := "subject on "
	for i, g := range gs {
		if i > 0 {
			s += "; "
		}
		s += g.Citation
	}
	return s
}

// validateRequest checks a request before it is decided, returning a
// *product.FieldError that names the first bad field.
func validateRequest(req Request) error {
	if it := req.Item; it.ID == "" && it.Description == "" && !it.ECCN.IsValid() && it.Kind == 0 && !it.ProducedIn.IsValid() &&
		!it.Value.IsValid() && it.Components == nil && !it.DirectProductOf.Known() && !it.Plant.Known() {
		// No item at all (absent or null): name it, not its first member.
		return fdpFieldErr("item", product.ErrMissing, "required: the item to decide")
	}
	if err := req.Item.Validate(); err != nil {
		return asFieldError(err)
	}
	if err := validateAgainstCCL(req.Item); err != nil {
		return err
	}
	if req.Destination.Country == (jurisdiction.Country{}) {
		return fdpFieldErr("destination.country", product.ErrMissing, "required: the country the item goes to")
	}
	if err := req.Destination.Validate(); err != nil {
		return asFieldError(err)
	}
	// The chart must answer for the destination on the date: the United
	// States is no export destination, and dates before 2020-01-01 are not
	// answered. From then on, a date whose chart is not modelled is
	// answered with the findings that need it open (never "no license" by
	// default).
	if req.AsOf.Before(supportedFrom) {
		return fdpFieldErr("as_of", product.ErrDateOutOfRange, "%s is before %s, the earliest date the SDK answers for", req.AsOf, supportedFrom)
	}
	if _, err := jurisdiction.ChartRowAsOf(req.Destination.Country, req.AsOf); err != nil {
		_, gapped := notModelled(err, req.AsOf)
		switch {
		case req.Destination.Country == jurisdiction.UnitedStates:
			return fdpFieldErr("destination.country", product.ErrNotAnExport, "the United States is not an export destination (a shipment into the United States is not an export or reexport)")
		case gapped:
		case isDateRange(err):
			return product.NewFieldError("as_of", err)
		default:
			return product.NewFieldError("destination.country", err)
		}
	}
	if err := req.Options.validate(); err != nil {
		return err
	}
	if err := req.ExceptionFacts.Validate(); err != nil {
		return product.NewFieldError("exception_facts", err)
	}
	for i, p := range req.Parties.list.items {
		if err := p.Validate(); err != nil {
			return product.NewFieldError(fmt.Sprintf("parties[%d]", i), err)
		}
	}
	for i, inc := range req.Incorporations.list.items {
		if err := inc.Validate(); err != nil {
			return product.NewFieldError(fmt.Sprintf("incorporations[%d]", i), err)
		}
	}
	return nil
}

func isDateRange(err error) bool {
	_, ok := errors.AsType[*jurisdiction.DateRangeError](err)
	return ok
}
