package license

import (
	"encoding/json"
	"slices"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/origin"
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
	itemID    string
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
	warnings  []Warning
}

// Warning is something a Determination rests on that the caller should
// confirm: a date long after the tables' eCFR issue, a rule whose status
// is uncertain, a reading chosen where the text was not read, a
// destination read as another. Code is stable; Message is for people.
type Warning struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// The warning codes.
const (
	// WarnStaleTables: as_of is more than 30 days after the eCFR issue of
	// the tables; later amendments are not in them.
	WarnStaleTables = "stale_tables"
	// WarnAffiliates: an answer rests on the affiliates rule (90 FR 47201)
	// after its suspension ran out, as the suspension rule is written (or
	// on the caller's option that it is still suspended).
	WarnAffiliates = "affiliates_rule"
	// WarnTextNotRead: an answer rests on a rule whose operative text the
	// SDK did not read (only reported, or a reading chosen).
	WarnTextNotRead = "text_not_read"
	// WarnReadAs: the destination is read as another (Hong Kong as China,
	// a dependent territory as its parent country).
	WarnReadAs = "destination_read_as"
	// WarnEndUseLocation: an end use without located_in was read as
	// located at the destination.
	WarnEndUseLocation = "end_use_location"
)

// Warnings returns what the determination rests on that the caller should
// confirm, in a fixed order.
func (d Determination) Warnings() []Warning { return slices.Clone(d.warnings) }

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

// ItemID returns the request's item.id, echoed (the wire's item_id).
func (d Determination) ItemID() string { return d.itemID }

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
		ItemID   string              `json:"item_id"`
		Rules    rules               `json:"rules"`
		Subject  ear.Answer          `json:"subject_to_ear"`
		Grounds  []Ground            `json:"grounds"`
		DM       dmWire              `json:"de_minimis"`
		FDP      []FDPResult         `json:"fdp"`
		License  lic                 `json:"license"`
		Missing  []MissingFact       `json:"missing"`
		Trace    []Step              `json:"trace"`
		Parties  []PartyDesignations `json:"parties"`
		Warnings []Warning           `json:"warnings"`
	}{
		ItemID:   d.itemID,
		Rules:    rules{ECFRDate: jurisdiction.TablesECFRDate, CCLDate: ccl.ECFRDate, AsOf: d.asOf.String(), AIDiffusion: d.options.AIDiffusion.String()},
		Subject:  d.subject,
		Grounds:  nonNil(d.grounds),
		DM:       wireDeMinimis(d.deMinimis),
		FDP:      nonNil(d.fdp),
		License:  lic{Required: d.license, Reasons: nonNil(d.reasons), Exceptions: "not evaluated"},
		Missing:  nonNil(d.missing),
		Trace:    nonNil(d.trace),
		Parties:  nonNil(d.parties),
		Warnings: nonNil(d.warnings),
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
	ExchangeRates          origin.Rates        `json:"exchange_rates,omitzero"`
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
		Categories: r.Categories, ExchangeRates: r.ExchangeRates, Notes: r.Notes, Missing: r.Missing,
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
