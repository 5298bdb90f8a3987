package license

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// Ground is one reason an item is subject to the EAR (15 CFR 734.3).
type Ground struct {
	Citation string `json:"citation"`
	Title    string `json:"title"`
}

// Determination is the answer to a Request: whether the item is subject to
// the EAR and on which grounds, the de minimis result, every FDP rule's
// result, whether a license is required and why, the missing facts and the
// trace. A Determination is immutable: its accessors return copies, so it is
// safe to share between goroutines.
type Determination struct {
	asOf      jurisdiction.Date
	subject   ear.Answer
	grounds   []Ground
	deMinimis DeMinimisResult
	fdp       []FDPResult
	license   ear.Answer
	reasons   []LicenseReason
	missing   []MissingFact
	trace     []Step
	options   Options
	parties   []PartyDesignations
}

// Parties returns, for each party, its Entity List designations and where
// they came from: declared in the request, or resolved through the
// Checker's PartyResolver.
func (d Determination) Parties() []PartyDesignations {
	out := slices.Clone(d.parties)
	for i := range out {
		out[i].Designations.Matches = slices.Clone(out[i].Designations.Matches)
	}
	return out
}

// AsOf returns the date the determination was made as of.
func (d Determination) AsOf() jurisdiction.Date { return d.asOf }

// SubjectToEAR returns whether the item is subject to the EAR.
func (d Determination) SubjectToEAR() ear.Answer { return d.subject }

// Grounds returns the grounds on which the item is subject to the EAR.
func (d Determination) Grounds() []Ground { return slices.Clone(d.grounds) }

// DeMinimis returns the de minimis result. The caller owns its slices.
func (d Determination) DeMinimis() DeMinimisResult { return d.deMinimis.clone() }

// FDP returns every FDP rule's result, in CFR order.
func (d Determination) FDP() []FDPResult {
	out := slices.Clone(d.fdp)
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}

// LicenseRequired returns whether a license is required.
func (d Determination) LicenseRequired() ear.Answer { return d.license }

// LicenseReasons returns the reasons for the license answer, each with its
// citation.
func (d Determination) LicenseReasons() []LicenseReason { return slices.Clone(d.reasons) }

// Missing returns the facts whose absence left an answer open.
func (d Determination) Missing() []MissingFact { return slices.Clone(d.missing) }

// Trace returns the ordered steps of the determination.
func (d Determination) Trace() []Step { return slices.Clone(d.trace) }

// Options returns the options the determination used (with defaults
// filled in).
func (d Determination) Options() Options { return d.options }

// Check decides one request. It validates the request first (a
// *product.FieldError names the first bad field), then decides whether the item is
// subject to the EAR (15 CFR 734.3: an item in the United States or of US
// origin; a foreign-made item through de minimis, 734.4, or a foreign direct
// product rule, 734.9) and, if it may be, whether a license is required:
// the item's ECCN under the Country Chart and Part 746 (CountryChart), the
// Entity List (744.11) for the parties' footnotes, the requirement each
// applying FDP rule pairs with (744.11(a)(2), 746.8(a)(2) with its
// partner-country exclusion, 746.8(a)(3), 744.23, 746.7), and the end-use
// rules of 744.21 and 744.23. License exceptions are not evaluated; the
// result says so.
//
// Check is safe for concurrent use and takes no lock. It uses the default
// Checker: DefaultFDPRules and no party resolver (parties' designations are
// those the request declares).
func Check(req Request) (Determination, error) {
	return defaultChecker.Check(context.Background(), req)
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
	opts := req.Options
	d := Determination{asOf: asOf, options: opts}
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
		d.missing = append(d.missing, MissingFact{Field: "exported_from", Why: "an item in the United States is subject to the EAR (734.3(a)(1))"})
	}

	// 734.4: de minimis.
	dm, err := DeMinimis(req.DeMinimisQuery())
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
	d.trace = append(d.trace, dm.TraceSteps()...)
	d.missing = append(d.missing, dm.Missing...)

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
			d.missing = append(d.missing, r.Missing...)
		}
	}
	d.subject = subject
	d.trace = append(d.trace, Step{Citation: CheckCitationSubject, Outcome: subject.String(), Detail: groundsDetail(d.grounds)})

	// The license requirement, for an item that is or may be subject.
	if subject == ear.No {
		d.license = ear.No
		d.reasons = []LicenseReason{{Citation: CheckCitationSubject, Answer: ear.No, Why: "the item is not subject to the EAR: no EAR license is required"}}
		d.missing = nil
	} else {
		a, reasons, missing := licenseRequirements(licenseInput{
			item: it, destination: req.Destination, exportedFrom: req.ExportedFrom,
			parties: req.Parties, endUses: req.EndUses, fdp: fdpResults, asOf: asOf,
			aiDiffusion: opts.AIDiffusion, designations: d.parties,
		})
		d.license = subject.And(a)
		d.reasons = reasons
		d.missing = append(d.missing, missing...)
	}
	d.trace = append(d.trace, Step{Citation: "15 CFR 736.2", Outcome: d.license.String(), Detail: "license required: " + d.license.String() + "; license exceptions (part 740) not evaluated"})
	if d.subject != ear.Indeterminate && d.license != ear.Indeterminate {
		d.missing = nil
	}
	d.missing = dedupeMissing(d.missing)
	return d, nil
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
	if err := req.Item.Validate(); err != nil {
		return asFieldError(err)
	}
	if req.Destination.Country == (jurisdiction.Country{}) {
		return fdpFieldErr("destination.country", product.ErrMissing, "required: the country the item goes to")
	}
	if err := req.Destination.Validate(); err != nil {
		return asFieldError(err)
	}
	// The chart must answer for the destination on the date: the United
	// States is no export destination, and dates before the chart's
	// history floor cannot be decided (never "no license" by default).
	if _, err := jurisdiction.ChartRowAsOf(req.Destination.Country, req.AsOf); err != nil {
		if _, ok := errors.AsType[*jurisdiction.DateRangeError](err); ok {
			return product.NewFieldError("as_of", err)
		}
		if req.Destination.Country == jurisdiction.UnitedStates {
			return fdpFieldErr("destination.country", product.ErrNotAnExport, "the United States is not an export destination (a shipment into the United States is not an export or reexport)")
		}
		return product.NewFieldError("destination.country", err)
	}
	if err := req.Options.validate(); err != nil {
		return err
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

// MarshalJSON writes the response of the wire format.
func (d Determination) MarshalJSON() ([]byte, error) {
	type rules struct {
		ECFRDate    string `json:"ecfr_date"`
		CCLDate     string `json:"ccl_ecfr_date"`
		AsOf        string `json:"as_of"`
		AIDiffusion string `json:"ai_diffusion"`
	}
	type lic struct {
		Required   ear.Answer      `json:"required"`
		Reasons    []LicenseReason `json:"reasons"`
		Exceptions string          `json:"license_exceptions"`
	}
	out := struct {
		Rules   rules               `json:"rules"`
		Subject ear.Answer          `json:"subject_to_ear"`
		Grounds []Ground            `json:"grounds"`
		DM      dmWire              `json:"de_minimis"`
		FDP     []FDPResult         `json:"fdp"`
		License lic                 `json:"license"`
		Missing []MissingFact       `json:"missing"`
		Trace   []Step              `json:"trace"`
		Parties []PartyDesignations `json:"parties"`
	}{
		Rules:   rules{ECFRDate: jurisdiction.TablesECFRDate, CCLDate: ccl.ECFRDate, AsOf: d.asOf.String(), AIDiffusion: d.options.AIDiffusion.String()},
		Subject: d.subject,
		Grounds: nonNil(d.grounds),
		DM:      wireDeMinimis(d.deMinimis),
		FDP:     nonNil(d.fdp),
		License: lic{Required: d.license, Reasons: nonNil(d.reasons), Exceptions: "not evaluated"},
		Missing: nonNil(d.missing),
		Trace:   nonNil(d.trace),
		Parties: nonNil(d.parties),
	}
	return json.Marshal(out)
}

// dmWire is DeMinimisResult as the response writes it, with lines that
// encoding/json writes directly: the same members in the same order as
// DeMinimisResult and DeMinimisLine.MarshalJSON, without a nested
// MarshalJSON per line and per amount (each of whose output encoding/json
// would compact again).
type dmWire struct {
	Citation               string              `json:"citation"`
	Outcome                DeMinimisOutcome    `json:"outcome"`
	ThresholdPercent       string              `json:"threshold_percent"`
	ControlledValue        product.Money       `json:"controlled_value"`
	ItemValue              product.Money       `json:"item_value"`
	ControlledPercent      string              `json:"controlled_percent"`
	ControlledPercentExact bool                `json:"controlled_percent_exact"`
	Lines                  []dmLineWire        `json:"lines"`
	Categories             []DeMinimisCategory `json:"categories"`
	Notes                  []string            `json:"notes,omitempty"`
	Missing                []MissingFact       `json:"missing,omitempty"`
}

type dmLineWire struct {
	ID          string     `json:"id"`
	Description string     `json:"description,omitempty"`
	ECCN        string     `json:"eccn,omitempty"`
	Origin      string     `json:"origin"`
	Value       *moneyWire `json:"value"`
	Quantity    string     `json:"quantity"`
	Counted     bool       `json:"counted"`
	Status      ear.Answer `json:"status"`
	Why         string     `json:"why"`
	Citation    string     `json:"citation"`
	Total       string     `json:"total"`
}

type moneyWire struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

func wireDeMinimis(r DeMinimisResult) dmWire {
	w := dmWire{
		Citation: r.Citation, Outcome: r.Outcome, ThresholdPercent: r.ThresholdPercent,
		ControlledValue: r.ControlledValue, ItemValue: r.ItemValue,
		ControlledPercent: r.ControlledPercent, ControlledPercentExact: r.ControlledPercentExact,
		Categories: r.Categories, Notes: r.Notes, Missing: r.Missing,
	}
	if r.Lines != nil {
		w.Lines = make([]dmLineWire, len(r.Lines))
	}
	for i, l := range r.Lines {
		lw := dmLineWire{ID: l.ID, Description: l.Description, ECCN: l.ECCN, Origin: l.Origin, Quantity: l.Quantity,
			Counted: l.Counted, Status: l.Status, Why: l.Why, Citation: l.Citation, Total: l.Total()}
		if l.Value.IsValid() {
			lw.Value = &moneyWire{Amount: l.Value.AmountString(), Currency: l.Value.Currency().String()}
		}
		w.Lines[i] = lw
	}
	return w
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// clone returns r with its own slices.
func (r DeMinimisResult) clone() DeMinimisResult {
	r.Lines = slices.Clone(r.Lines)
	r.Categories = slices.Clone(r.Categories)
	r.Notes = slices.Clone(r.Notes)
	r.Missing = slices.Clone(r.Missing)
	r.Steps = slices.Clone(r.Steps)
	return r
}

// clone returns r with its own slices and reading.
func (r FDPResult) clone() FDPResult {
	r.Product.Missing = slices.Clone(r.Product.Missing)
	r.Reach.Missing = slices.Clone(r.Reach.Missing)
	r.Missing = slices.Clone(r.Missing)
	r.Warnings = slices.Clone(r.Warnings)
	if r.Reading != nil {
		v := *r.Reading
		r.Reading = &v
	}
	return r
}
