package license

import (
	"encoding/json"
	"fmt"
	"slices"
	"strconv"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/license/exception"
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
	// exceptions are the License Exceptions evaluated (nil when no
	// license is required); covered whether they overcome every
	// requirement.
	exceptions []exception.Result
	covered    ear.Answer
	missing    []MissingFact
	trace      []Step
	options    Options
	parties    []PartyDesignations
	warnings   []Warning
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
	// WarnNotModelled: as_of is before the date from which a table (the
	// country groups, the Country Chart, the Part 746 programs) is
	// modelled: the findings that need it are open and name the gap.
	WarnNotModelled = "not_modelled"
	// WarnTablesReconstructed: as_of is before 2025-09-30: the Country
	// Chart is the printed chart with the amendments recorded since 2020
	// undone (jurisdiction.ChartChanges), and before 2024-01-01 the
	// country groups are those of the changes a survey found
	// (jurisdiction.GroupChanges), both reported by Federal Register
	// summaries; an amendment the record lacks would not be in them. The
	// CCL is read as printed: a row requiring no license and an exception
	// an entry's License Exceptions section allows are open on such a date.
	WarnTablesReconstructed = "tables_reconstructed"
	// WarnPartiesList: the parties were screened through a resolver whose
	// list is of a date before as_of by more than 30 days (parties listed
	// since are not in it), or after as_of (a party listed on as_of and
	// removed since is not in it): the list is read as the list on as_of,
	// a reading chosen. The resolver says its list's date with a
	// ListDate method (*csl.Index once given one with WithListDate).
	WarnPartiesList = "parties_list_date"
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

// SameOutcomes reports whether d and e give the same answers: subject to
// the EAR, license required, covered by exceptions, each FDP rule's
// outcome (a rule in force on one date only reading as not applying on
// the other), the de minimis outcome, each 734.4(a) category's outcome
// (likewise), each line's counted and status, and each License
// Exception's outcome, line by line and exception by exception in the
// same order. Texts, figures and citations of the provisions aside
// from the rules' and categories' are not compared. It reads the
// determinations in place (no copy), so that a recheck of many orders can
// pass over the ones that did not change before comparing in detail.
func (d Determination) SameOutcomes(e Determination) bool {
	if d.subject != e.subject || d.license != e.license || d.covered != e.covered ||
		d.deMinimis.Outcome != e.deMinimis.Outcome {
		return false
	}
	if !sameByCitation(d.fdp, e.fdp, fdpKey) || !sameByCitation(e.fdp, d.fdp, fdpKey) {
		return false
	}
	dm, em := &d.deMinimis, &e.deMinimis
	if !sameByCitation(dm.Categories, em.Categories, categoryKey) || !sameByCitation(em.Categories, dm.Categories, categoryKey) {
		return false
	}
	if !slices.EqualFunc(dm.Lines, em.Lines, func(a, b DeMinimisLine) bool {
		return a.ID == b.ID && a.Counted == b.Counted && a.Status == b.Status
	}) {
		return false
	}
	return slices.EqualFunc(d.exceptions, e.exceptions, func(a, b exception.Result) bool { return a.Code == b.Code && a.Outcome == b.Outcome })
}

// sameByCitation reports whether each entry of a has the same outcome in
// b as in a, entries matched by citation, an entry b does not hold (a rule
// or category not in force on its date) reading as not applying.
func sameByCitation[T any](a, b []T, key func(*T) (string, ear.Answer)) bool {
	for i := range a {
		cite, want := key(&a[i])
		got := ear.No
		for j := range b {
			if c, out := key(&b[j]); c == cite {
				got = out
				break
			}
		}
		if got != want {
			return false
		}
	}
	return true
}

func fdpKey(r *FDPResult) (string, ear.Answer)              { return r.Citation, r.Outcome }
func categoryKey(c *DeMinimisCategory) (string, ear.Answer) { return c.Citation, c.Outcome }

// LicenseRequired returns whether a license is required.
func (d Determination) LicenseRequired() ear.Answer { return d.license }

// LicenseReasons returns the reasons for the license answer, each with its
// citation.
func (d Determination) LicenseReasons() []LicenseReason { return slices.Clone(d.reasons) }

// Exceptions returns the License Exceptions of part 740 evaluated for the
// license requirements, in CFR order (740.3 LVS to 740.25 HBM), each
// available, not available or indeterminate, with the requirements it
// overcomes, why and the facts that would decide it; nil when no license
// is required. The caller owns the returned slices.
func (d Determination) Exceptions() []exception.Result { return cloneResults(d.exceptions) }

// CoveredByExceptions returns whether every license requirement (answer
// yes or indeterminate) is overcome by an available License Exception:
// Yes, No, or Indeterminate when an exception that could overcome one
// waits for a fact. Yes also when no license is required (nothing to
// overcome). LicenseRequired keeps its meaning: a requirement applies.
func (d Determination) CoveredByExceptions() ear.Answer { return d.covered }

// Missing returns the facts whose absence left an answer open.
func (d Determination) Missing() []MissingFact { return slices.Clone(d.missing) }

// Trace returns the ordered steps of the determination.
func (d Determination) Trace() []Step { return slices.Clone(d.trace) }

// Options returns the options the determination used (with defaults
// filled in).
func (d Determination) Options() Options { return d.options }

// MarshalJSON writes the response of the wire format; it returns the
// bytes of AppendJSON.
func (d Determination) MarshalJSON() ([]byte, error) {
	return d.AppendJSON(make([]byte, 0, 2048+512*len(d.deMinimis.Lines)))
}

// AppendJSON appends the response of the wire format to b and returns the
// extended buffer: the bytes json.Marshal(d) gives (compact, members in
// the wire format's order, strings escaped as encoding/json escapes them,
// HTML characters included), written directly, so a service can reuse
// one buffer across responses. On error (a value that has no wire form)
// the returned buffer holds what was written before it.
func (d Determination) AppendJSON(b []byte) ([]byte, error) {
	var err error
	b = append(b, `{"item_id":`...)
	b = wire.AppendString(b, d.itemID)
	b = append(b, `,"rules":{"ecfr_date":`...)
	b = wire.AppendString(b, jurisdiction.TablesECFRDate)
	b = append(b, `,"ccl_ecfr_date":`...)
	b = wire.AppendString(b, ccl.ECFRDate)
	b = append(b, `,"as_of":`...)
	b = wire.AppendString(b, d.asOf.String())
	b = append(b, `,"ai_diffusion":`...)
	b = wire.AppendString(b, d.options.AIDiffusion.String())
	b = append(b, `},"subject_to_ear":`...)
	if b, err = appendAnswer(b, d.subject); err != nil {
		return b, err
	}
	b = append(b, `,"grounds":[`...)
	for i, g := range d.grounds {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"citation":`...)
		b = wire.AppendString(b, g.Citation)
		b = append(b, `,"title":`...)
		b = wire.AppendString(b, g.Title)
		b = append(b, '}')
	}
	b = append(b, `],"de_minimis":`...)
	if b, err = appendDeMinimis(b, &d.deMinimis); err != nil {
		return b, err
	}
	b = append(b, `,"fdp":[`...)
	for i := range d.fdp {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendFDPResult(b, &d.fdp[i]); err != nil {
			return b, err
		}
	}
	b = append(b, `],"license":{"required":`...)
	if b, err = appendAnswer(b, d.license); err != nil {
		return b, err
	}
	b = append(b, `,"reasons":[`...)
	for i, r := range d.reasons {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"citation":`...)
		b = wire.AppendString(b, r.Citation)
		b = append(b, `,"answer":`...)
		if b, err = appendAnswer(b, r.Answer); err != nil {
			return b, err
		}
		b = append(b, `,"why":`...)
		b = wire.AppendString(b, r.Why)
		b = append(b, '}')
	}
	b = append(b, `],"exceptions":[`...)
	for i := range d.exceptions {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendException(b, &d.exceptions[i]); err != nil {
			return b, err
		}
	}
	b = append(b, `],"covered_by_exceptions":`...)
	if b, err = appendAnswer(b, d.covered); err != nil {
		return b, err
	}
	b = append(b, `},"missing":`...)
	b = appendMissing(b, nonNil(d.missing))
	b = append(b, `,"trace":[`...)
	for i, st := range d.trace {
		if i > 0 {
			b = append(b, ',')
		}
		b = appendStep(b, st)
	}
	b = append(b, `],"parties":[`...)
	for i, p := range d.parties {
		if i > 0 {
			b = append(b, ',')
		}
		if b, err = appendParty(b, p); err != nil {
			return b, err
		}
	}
	b = append(b, `],"warnings":[`...)
	for i, w := range d.warnings {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"code":`...)
		b = wire.AppendString(b, w.Code)
		b = append(b, `,"message":`...)
		b = wire.AppendString(b, w.Message)
		b = append(b, '}')
	}
	return append(b, "]}"...), nil
}

// marshalError returns the error json.Marshal gives for v, whose encoder
// failed with err (err itself should json.Marshal not fail).
func marshalError(v any, err error) error {
	if _, jerr := json.Marshal(v); jerr != nil {
		return jerr
	}
	if err == nil {
		err = fmt.Errorf("license: %T has no wire form", v)
	}
	return err
}

// appendAnswer appends a's wire word as a JSON string; an invalid Answer
// is json.Marshal's error for it.
func appendAnswer(b []byte, a ear.Answer) ([]byte, error) {
	if !a.IsValid() {
		return b, marshalError(a, nil)
	}
	return wire.AppendString(b, a.String()), nil
}

// appendMoney appends m as Money.MarshalJSON writes it; the zero Money is
// json.Marshal's error for it.
func appendMoney(b []byte, m product.Money) ([]byte, error) {
	if !m.IsValid() {
		return b, marshalError(m, nil)
	}
	return appendAmount(b, m.AmountString(), m.Currency().String()), nil
}

func appendAmount(b []byte, amount, currency string) []byte {
	b = append(b, `{"amount":`...)
	b = wire.AppendString(b, amount)
	b = append(b, `,"currency":`...)
	b = wire.AppendString(b, currency)
	return append(b, '}')
}

// appendStrings appends s as a JSON array of strings (null for nil).
func appendStrings(b []byte, s []string) []byte {
	if s == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, x := range s {
		if i > 0 {
			b = append(b, ',')
		}
		b = wire.AppendString(b, x)
	}
	return append(b, ']')
}

func appendStep(b []byte, st Step) []byte {
	b = append(b, `{"citation":`...)
	b = wire.AppendString(b, st.Citation)
	b = append(b, `,"outcome":`...)
	b = wire.AppendString(b, st.Outcome)
	b = append(b, `,"detail":`...)
	b = wire.AppendString(b, st.Detail)
	return append(b, '}')
}

// appendMissing appends the facts as a JSON array (null for nil).
func appendMissing(b []byte, ms []MissingFact) []byte {
	if ms == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, m := range ms {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"field":`...)
		b = wire.AppendString(b, m.Field)
		b = append(b, `,"why":`...)
		b = wire.AppendString(b, m.Why)
		if len(m.Decides) > 0 {
			b = append(b, `,"decides":`...)
			b = appendStrings(b, m.Decides)
		}
		b = append(b, '}')
	}
	return append(b, ']')
}

// appendFinding appends f as encoding/json writes an FDPFinding.
func appendFinding(b []byte, f *FDPFinding) ([]byte, error) {
	b = append(b, `{"answer":`...)
	b, err := appendAnswer(b, f.Answer)
	if err != nil {
		return b, err
	}
	b = append(b, `,"why":`...)
	b = wire.AppendString(b, f.Why)
	if len(f.Missing) > 0 {
		b = append(b, `,"missing":`...)
		b = appendMissing(b, f.Missing)
	}
	return append(b, '}'), nil
}

// appendFDPResult appends r as FDPResult.MarshalJSON writes it.
func appendFDPResult(b []byte, r *FDPResult) ([]byte, error) {
	var err error
	b = append(b, `{"citation":`...)
	b = wire.AppendString(b, r.Citation)
	b = append(b, `,"title":`...)
	b = wire.AppendString(b, r.Title)
	b = append(b, `,"outcome":`...)
	b = wire.AppendString(b, fdpOutcomeText(r.Outcome))
	b = append(b, `,"product_scope":`...)
	if b, err = appendFinding(b, &r.Product); err != nil {
		return b, err
	}
	b = append(b, `,"reach":`...)
	if b, err = appendFinding(b, &r.Reach); err != nil {
		return b, err
	}
	b = append(b, `,"why":`...)
	b = wire.AppendString(b, r.Why)
	if len(r.Missing) > 0 {
		b = append(b, `,"missing":`...)
		b = appendMissing(b, r.Missing)
	}
	if r.Reading != nil {
		t, err := r.Reading.MarshalText()
		if err != nil {
			return b, marshalError(*r.Reading, err)
		}
		b = append(b, `,"reading":`...)
		b = wire.AppendString(b, string(t))
	}
	if len(r.Warnings) > 0 {
		b = append(b, `,"warnings":`...)
		b = appendStrings(b, r.Warnings)
	}
	return append(b, '}'), nil
}

// appendDeMinimis appends the de minimis result as the response writes
// it: DeMinimisResult's members, each line with its total and its value
// (null when not given).
func appendDeMinimis(b []byte, r *DeMinimisResult) ([]byte, error) {
	var err error
	b = append(b, `{"citation":`...)
	b = wire.AppendString(b, r.Citation)
	b = append(b, `,"outcome":`...)
	t, err := r.Outcome.MarshalText()
	if err != nil {
		return b, marshalError(r.Outcome, err)
	}
	b = wire.AppendString(b, string(t))
	b = append(b, `,"threshold_percent":`...)
	b = wire.AppendString(b, r.ThresholdPercent)
	b = append(b, `,"controlled_value":`...)
	if b, err = appendMoney(b, r.ControlledValue); err != nil {
		return b, err
	}
	b = append(b, `,"item_value":`...)
	if b, err = appendMoney(b, r.ItemValue); err != nil {
		return b, err
	}
	b = append(b, `,"controlled_percent":`...)
	b = wire.AppendString(b, r.ControlledPercent)
	b = append(b, `,"controlled_percent_exact":`...)
	b = strconv.AppendBool(b, r.ControlledPercentExact)
	b = append(b, `,"lines":`...)
	if r.Lines == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i := range r.Lines {
			if i > 0 {
				b = append(b, ',')
			}
			l := &r.Lines[i]
			b = append(b, `{"id":`...)
			b = wire.AppendString(b, l.ID)
			if l.Description != "" {
				b = append(b, `,"description":`...)
				b = wire.AppendString(b, l.Description)
			}
			if l.ECCN != "" {
				b = append(b, `,"eccn":`...)
				b = wire.AppendString(b, l.ECCN)
			}
			b = append(b, `,"origin":`...)
			b = wire.AppendString(b, l.Origin)
			b = append(b, `,"value":`...)
			if l.Value.IsValid() {
				b = appendAmount(b, l.Value.AmountString(), l.Value.Currency().String())
			} else {
				b = append(b, "null"...)
			}
			b = append(b, `,"quantity":`...)
			b = wire.AppendString(b, l.Quantity)
			b = append(b, `,"counted":`...)
			b = strconv.AppendBool(b, l.Counted)
			b = append(b, `,"status":`...)
			if b, err = appendAnswer(b, l.Status); err != nil {
				return b, err
			}
			b = append(b, `,"why":`...)
			b = wire.AppendString(b, l.Why)
			b = append(b, `,"citation":`...)
			b = wire.AppendString(b, l.Citation)
			b = append(b, `,"total":`...)
			b = l.appendTotal(b)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	b = append(b, `,"categories":`...)
	if r.Categories == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, c := range r.Categories {
			if i > 0 {
				b = append(b, ',')
			}
			b = append(b, `{"citation":`...)
			b = wire.AppendString(b, c.Citation)
			b = append(b, `,"title":`...)
			b = wire.AppendString(b, c.Title)
			b = append(b, `,"outcome":`...)
			if b, err = appendAnswer(b, c.Outcome); err != nil {
				return b, err
			}
			b = append(b, `,"why":`...)
			b = wire.AppendString(b, c.Why)
			b = append(b, '}')
		}
		b = append(b, ']')
	}
	if !r.ExchangeRates.IsZero() {
		// Rare, and small: its own encoder, compact and escaped as
		// json.Marshal's.
		rj, err := r.ExchangeRates.MarshalJSON()
		if err != nil {
			return b, marshalError(r.ExchangeRates, err)
		}
		b = append(b, `,"exchange_rates":`...)
		b = append(b, rj...)
	}
	if len(r.Notes) > 0 {
		b = append(b, `,"notes":`...)
		b = appendStrings(b, r.Notes)
	}
	if len(r.Missing) > 0 {
		b = append(b, `,"missing":`...)
		b = appendMissing(b, r.Missing)
	}
	return append(b, '}'), nil
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

// appendException appends one exception result in the wire format:
// {"code","citation","outcome","overcomes","why","missing"}.
func appendException(b []byte, r *exception.Result) ([]byte, error) {
	if !r.Code.IsValid() || !r.Outcome.IsValid() {
		return b, marshalError(r.Code, fmt.Errorf("license: exception result %q with outcome %d has no wire form", r.Code, r.Outcome))
	}
	b = append(b, `{"code":`...)
	b = wire.AppendString(b, r.Code.String())
	b = append(b, `,"citation":`...)
	b = wire.AppendString(b, r.Citation)
	b = append(b, `,"outcome":`...)
	b = wire.AppendString(b, r.Outcome.String())
	b = append(b, `,"overcomes":[`...)
	for i, c := range r.Overcomes {
		if i > 0 {
			b = append(b, ',')
		}
		b = wire.AppendString(b, c)
	}
	b = append(b, `],"why":`...)
	b = wire.AppendString(b, r.Why)
	b = append(b, `,"missing":[`...)
	for i, m := range r.Missing {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, `{"field":`...)
		b = wire.AppendString(b, m.Field)
		b = append(b, `,"why":`...)
		b = wire.AppendString(b, m.Why)
		b = append(b, '}')
	}
	return append(b, "]}"...), nil
}

// appendParty writes p as p.MarshalJSON does. A party with no candidates
// and no matched rows (declared, unscreened, or screened without a find:
// nearly every one) is written directly; the others through MarshalJSON,
// whose output is already compact and escaped as json.Marshal's.
func appendParty(b []byte, p PartyDesignations) ([]byte, error) {
	d := p.Designations
	plain := len(p.Candidates) == 0 && len(d.Matches) == 0 && d.Source.IsValid()
	for _, l := range d.Lists() {
		plain = plain && l.IsValid()
	}
	if !plain {
		pj, err := p.MarshalJSON()
		if err != nil {
			return b, marshalError(p, err)
		}
		return append(b, pj...), nil
	}
	b = append(b, `{"party":`...)
	b = wire.AppendString(b, p.Party)
	b = append(b, `,"designations":{"source":`...)
	b = wire.AppendString(b, d.Source.String())
	b = append(b, `,"footnotes":`...)
	b = appendFootnotes(b, d.Footnotes())
	b = append(b, `,"implied_footnotes":`...)
	b = appendFootnotes(b, d.ImpliedFootnotes())
	b = append(b, `,"lists":[`...)
	for i, l := range d.Lists() {
		if i > 0 {
			b = append(b, ',')
		}
		b = wire.AppendString(b, l.String())
	}
	b = append(b, `]},"screening":`...)
	b = wire.AppendString(b, p.Screening)
	if p.MinScore != 0 {
		b = append(b, `,"min_score":`...)
		b = strconv.AppendInt(b, int64(p.MinScore), 10)
	}
	if len(p.Owners) > 0 {
		b = append(b, `,"owners":[`...)
		for i, o := range p.Owners {
			if i > 0 {
				b = append(b, ',')
			}
			var err error
			if b, err = appendParty(b, o); err != nil {
				return b, err
			}
		}
		b = append(b, ']')
	}
	return append(b, '}'), nil
}

// appendFootnotes writes a set of Entity List footnotes as
// csl.Footnotes.MarshalJSON does: [1,2], or [] for none.
func appendFootnotes(b []byte, s csl.Footnotes) []byte {
	b = append(b, '[')
	first := true
	for n := 1; n <= 5; n++ {
		if s.Has(n) {
			if !first {
				b = append(b, ',')
			}
			first = false
			b = strconv.AppendInt(b, int64(n), 10)
		}
	}
	return append(b, ']')
}
