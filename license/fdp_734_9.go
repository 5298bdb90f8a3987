package license

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
	"github.com/shopspring/decimal"
)

// AIDiffusionReading chooses how the January 2025 AI diffusion amendments
// (90 FR 4544) are read: as codified (the default, the zero value) or as
// enforced since BIS announced on 2025-05-13 that it would not enforce them
// (the amended provisions read as they stood on 2025-01-12).
type AIDiffusionReading uint8

// The two readings.
const (
	AIDiffusionCodified AIDiffusionReading = iota // "codified": the text as printed (default)
	AIDiffusionEnforced                           // "enforced": the amended provisions as of 2025-01-12
)

var aiDiffusionNames = [...]string{"codified", "enforced"}

// ParseAIDiffusionReading parses "codified" or "enforced".
func ParseAIDiffusionReading(s string) (AIDiffusionReading, error) {
	for i, n := range aiDiffusionNames {
		if strings.EqualFold(n, s) {
			return AIDiffusionReading(i), nil
		}
	}
	return 0, &product.EnumError{Type: "ai_diffusion reading", Input: s, Want: aiDiffusionNames[:]}
}

// String returns "codified" or "enforced".
func (r AIDiffusionReading) String() string { return enum.String(r, aiDiffusionNames[:]) }

// MarshalText implements encoding.TextMarshaler.
func (r AIDiffusionReading) MarshalText() ([]byte, error) {
	if int(r) >= len(aiDiffusionNames) {
		return nil, fmt.Errorf("license: cannot marshal invalid AIDiffusionReading %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *AIDiffusionReading) UnmarshalText(b []byte) error {
	v, err := ParseAIDiffusionReading(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// AffiliatesPolicy says how the affiliates rule (90 FR 47201) is taken for
// dates on and after 2026-11-10, when its one-year suspension ran out.
type AffiliatesPolicy uint8

// The policies.
const (
	// AffiliatesAsWritten (the default): the suspension rule as written,
	// the affiliates rule back in force from 2026-11-10. Results warn that
	// the status must be confirmed.
	AffiliatesAsWritten AffiliatesPolicy = iota
	// AffiliatesSuspended: the caller has confirmed that the suspension
	// was extended; the affiliates rule is not applied after 2026-11-09.
	AffiliatesSuspended
)

var affiliatesNames = [...]string{"as_written", "suspended"}

// String returns "as_written" or "suspended".
func (p AffiliatesPolicy) String() string {
	if int(p) >= len(affiliatesNames) {
		return ""
	}
	return affiliatesNames[p]
}

// MarshalText implements encoding.TextMarshaler.
func (p AffiliatesPolicy) MarshalText() ([]byte, error) {
	if int(p) >= len(affiliatesNames) {
		return nil, product.NewFieldError("", fmt.Errorf("%w: affiliates policy %d", product.ErrInvalid, uint8(p)))
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: "as_written" or
// "suspended".
func (p *AffiliatesPolicy) UnmarshalText(b []byte) error {
	for i, n := range affiliatesNames {
		if strings.EqualFold(n, string(b)) {
			*p = AffiliatesPolicy(i)
			return nil
		}
	}
	return &product.EnumError{Type: "affiliates policy", Input: string(b), Want: affiliatesNames[:]}
}

// FDPQuery is what the FDP rules are evaluated on: the item with its
// lineage, where it goes, who is involved and what it is for.
type FDPQuery struct {
	// Item is the item; it must pass Item.Validate.
	Item product.Item
	// Destination is required.
	Destination jurisdiction.Destination
	// ExportedFrom is recorded; no FDP rule's scope depends on it (the
	// carve-outs keyed on it are in the license requirements).
	ExportedFrom jurisdiction.Country
	// Parties, EndUses and Incorporations: the zero value is unknown.
	Parties        Parties
	EndUses        EndUses
	Incorporations Incorporations
	// AsOf is the date of evaluation. Required.
	AsOf    jurisdiction.Date
	Options Options
}

// fdpOutcomeWords are the wire format's words for an FDP rule's outcome:
// "applies", "does_not_apply", "indeterminate" for ear.Yes, No,
// Indeterminate.
var fdpOutcomeWords = [...]string{"", "applies", "does_not_apply", "indeterminate"}

// fdpOutcomeText returns the wire word of an FDP rule's outcome.
func fdpOutcomeText(a ear.Answer) string { return enum.String(a, fdpOutcomeWords[:]) }

// MissingFact names a fact whose absence leaves a result indeterminate, by
// its path in the wire format ("item.plant", "parties").
type MissingFact struct {
	Field string `json:"field"` // wire-format path of the fact
	Why   string `json:"why"`   // what is not known, and what it would decide
	// Decides lists the provisions the fact decides, in the order a
	// Determination met them ("15 CFR 734.9(e)(1)", "15 CFR 744.11"); a
	// Determination gives one MissingFact per field.
	Decides []string `json:"decides,omitempty"`
}

// FDPFinding is the answer to one half of a rule: its product scope or its
// reach.
type FDPFinding struct {
	Answer  ear.Answer    `json:"answer"`            // yes, no or indeterminate
	Why     string        `json:"why"`               // the facts that decided it
	Missing []MissingFact `json:"missing,omitempty"` // for indeterminate: what would decide it
}

// FDPResult is the outcome of one FDP rule for one query.
type FDPResult struct {
	Citation string     `json:"citation"` // "15 CFR 734.9(e)(1)"
	Title    string     `json:"title"`    // the rule's heading
	Outcome  ear.Answer `json:"outcome"`  // Yes: the rule applies; on the wire "applies", "does_not_apply" or "indeterminate"
	// Product and Reach are the two halves; Outcome is their conjunction.
	Product FDPFinding `json:"product_scope"`
	Reach   FDPFinding `json:"reach"`
	// Why explains the outcome in one line.
	Why string `json:"why"`
	// Missing are the facts that would decide an indeterminate outcome.
	Missing []MissingFact `json:"missing,omitempty"`
	// Reading is the AI diffusion reading used, for the rules the
	// amendments changed ((h), (l)); nil for the others.
	Reading *AIDiffusionReading `json:"reading,omitempty"`
	// Warnings say what the result rests on that the caller must confirm.
	Warnings []string `json:"warnings,omitempty"`

	// license is the requirement the rule pairs with (nil: the item's own
	// chart rows), read by the license requirements of a determination.
	license *fdp.License
	// textRead says that the rule's provenance holds the text read.
	textRead bool
}

// OutcomeText returns the outcome in the wire format's words: "applies",
// "does_not_apply" or "indeterminate".
func (r FDPResult) OutcomeText() string { return fdpOutcomeText(r.Outcome) }

// MarshalJSON writes the result in the wire format, the outcome in its
// words ("applies", "does_not_apply", "indeterminate").
func (r FDPResult) MarshalJSON() ([]byte, error) {
	return json.Marshal(struct {
		Citation string              `json:"citation"`
		Title    string              `json:"title"`
		Outcome  string              `json:"outcome"`
		Product  FDPFinding          `json:"product_scope"`
		Reach    FDPFinding          `json:"reach"`
		Why      string              `json:"why"`
		Missing  []MissingFact       `json:"missing,omitempty"`
		Reading  *AIDiffusionReading `json:"reading,omitempty"`
		Warnings []string            `json:"warnings,omitempty"`
	}{r.Citation, r.Title, fdpOutcomeText(r.Outcome), r.Product, r.Reach, r.Why, r.Missing, r.Reading, r.Warnings})
}

// FDP evaluates the foreign direct product rules of 15 CFR 734.9
// (fdp.Default) on q: every rule in force on q.AsOf, in CFR order; a rule
// whose effective date is after q.AsOf is left out. It returns a
// *product.FieldError for a query that cannot be evaluated (invalid item,
// destination, date, party), and the errors of the country-group tables for
// dates they do not cover (before 2024-01-01). A Checker built with
// WithFDPRules evaluates its own set instead.
func FDP(q FDPQuery) ([]FDPResult, error) { return evaluateFDP(fdp.Default(), q) }

// evaluateFDP evaluates the rules of s on q.
func evaluateFDP(s fdp.Set, q FDPQuery) ([]FDPResult, error) {
	if err := q.validate(); err != nil {
		return nil, err
	}
	ev := fdpEval{q: q}
	out := make([]FDPResult, 0, s.Len())
	for i := range s.Len() {
		r := s.At(i)
		if !r.InForce(q.AsOf) {
			continue
		}
		res, err := ev.rule(r)
		if err != nil {
			return nil, err
		}
		out = append(out, res)
	}
	return out, nil
}

func (q FDPQuery) validate() error {
	if !q.AsOf.IsValid() {
		return &product.FieldError{Field: "as_of", Err: product.ErrMissing}
	}
	if err := q.Destination.Validate(); err != nil {
		return product.NewFieldError("destination", err)
	}
	if err := q.Item.Validate(); err != nil {
		return &product.FieldError{Field: "item", Err: err}
	}
	if err := validateAgainstCCL(q.Item); err != nil {
		return err
	}
	if err := q.Options.validate(); err != nil {
		return err
	}
	for i, p := range q.Parties.list.items {
		if err := p.Validate(); err != nil {
			return &product.FieldError{Field: fmt.Sprintf("parties[%d]", i), Err: err}
		}
	}
	for i, f := range q.EndUses.list.items {
		u := f.Use
		if !u.IsValid() {
			return &product.FieldError{Field: fmt.Sprintf("end_uses[%d]", i), Err: product.ErrInvalid}
		}
	}
	for i, inc := range q.Incorporations.list.items {
		if err := inc.Validate(); err != nil {
			return &product.FieldError{Field: fmt.Sprintf("incorporations[%d]", i), Err: err}
		}
	}
	return nil
}

// fdpFind is a three-valued answer with its reasons and missing facts.
type fdpFind struct {
	a       ear.Answer
	why     []string
	missing []MissingFact
}

func fdpYes(why string) fdpFind { return fdpFind{a: ear.Yes, why: []string{why}} }
func fdpNo(why string) fdpFind  { return fdpFind{a: ear.No, why: []string{why}} }
func fdpUnknown(field, why string) fdpFind {
	return fdpFind{a: ear.Indeterminate, why: []string{why}, missing: []MissingFact{{Field: field, Why: why}}}
}

// fdpAll is the conjunction: No keeps the reasons of the No parts, Yes all
// reasons, Indeterminate the reasons and missing facts of the undecided
// parts (a missing fact that cannot change the answer is dropped).
func fdpAll(fs ...fdpFind) fdpFind {
	a := ear.Yes
	for _, f := range fs {
		a = a.And(f.a)
	}
	return fdpPick(a, fs)
}

// fdpAny is the disjunction, with the same treatment of reasons.
func fdpAny(fs ...fdpFind) fdpFind {
	a := ear.No
	for _, f := range fs {
		a = a.Or(f.a)
	}
	return fdpPick(a, fs)
}

func fdpPick(a ear.Answer, fs []fdpFind) fdpFind {
	n, last := 0, -1
	for i, f := range fs {
		if f.a == a {
			n, last = n+1, i
		}
	}
	if n == 1 {
		r := fs[last]
		if a != ear.Indeterminate {
			r.missing = nil
		}
		return r
	}
	r := fdpFind{a: a, why: make([]string, 0, n)}
	for _, f := range fs {
		if f.a != a {
			continue
		}
		r.why = append(r.why, f.why...)
		if a == ear.Indeterminate {
			r.missing = append(r.missing, f.missing...)
		}
	}
	return r
}

func (f fdpFind) export() FDPFinding {
	return FDPFinding{Answer: f.a, Why: strings.Join(fdpDedupe(f.why), "; "), Missing: dedupeMissing(f.missing)}
}

func fdpDedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		if s != "" && !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// fdpEval evaluates rules for one query.
type fdpEval struct {
	q FDPQuery
	// The country groups of the last country looked up, on q.AsOf.
	groupsOf jurisdiction.Country
	groups   jurisdiction.GroupSet
}

func (ev *fdpEval) rule(r *fdp.Rule) (FDPResult, error) {
	res := FDPResult{Citation: r.Citation.String(), Title: r.Title, license: r.License, textRead: r.TextRead()}
	product, reach := r.Product, r.Reach
	readingNote := ""
	if r.Enforced != nil {
		reading := ev.q.Options.AIDiffusion
		res.Reading = &reading
		switch {
		case reading == AIDiffusionEnforced && r.Enforced.Absent:
			why := "enforced reading of the AI diffusion amendments: " + r.Enforced.Note
			res.Outcome = ear.No
			res.Product = FDPFinding{Answer: ear.No, Why: why}
			res.Reach = FDPFinding{Answer: ear.No, Why: why}
			res.Why = why
			return res, nil
		case reading == AIDiffusionEnforced:
			product, reach = r.Enforced.Product, r.Enforced.Reach
			readingNote = "enforced reading: " + r.Enforced.Note
		case ev.q.AsOf.Before(fdp.AIDiffusionEffective()) && !r.Enforced.Absent:
			product, reach = r.Enforced.Product, r.Enforced.Reach
			readingNote = "text before the AI diffusion amendments of 2025-01-13"
		}
	}
	p := ev.product(product)
	var warnings []string
	parts := make([]fdpFind, 0, len(reach))
	for _, pr := range reach {
		f, warn, err := ev.prong(r, pr)
		if err != nil {
			return FDPResult{}, err
		}
		warnings = append(warnings, warn...)
		parts = append(parts, f)
	}
	d := fdpAny(parts...)
	if readingNote != "" {
		d.why = append([]string{readingNote}, d.why...)
	}
	all := fdpAll(p, d)
	res.Outcome = all.a
	res.Product = p.export()
	res.Reach = d.export()
	res.Missing = dedupeMissing(all.missing)
	if r.Compliance.IsValid() && ev.q.AsOf.Before(r.Compliance) && all.a != ear.No {
		// Reading chosen: the rule is applied from its effective date; the
		// later compliance date is shown, not used to decide.
		warnings = append(warnings, fmt.Sprintf("%s is in force from %s with a compliance date of %s: applied from its effective date (conservative reading); transactions before the compliance date may fall under the rule's savings clause", r.Citation, r.Effective, r.Compliance))
	}
	res.Warnings = fdpDedupe(warnings)
	switch all.a {
	case ear.Yes:
		res.Why = "product scope met (" + res.Product.Why + ") and reach met (" + res.Reach.Why + ")"
	case ear.No:
		if p.a == ear.No {
			res.Why = "product scope not met: " + res.Product.Why
		} else {
			res.Why = "reach not met: " + res.Reach.Why
		}
	default:
		res.Why = "undecided: " + strings.Join(fdpDedupe(all.why), "; ")
	}
	return res, nil
}

// --- product scope ---

func (ev *fdpEval) product(ps fdp.ProductScope) fdpFind {
	it := ev.q.Item
	if it.ProducedIn == jurisdiction.UnitedStates {
		return fdpNo("produced in the United States: not a foreign-produced item")
	}
	item := ev.itemTest(ps.Item)
	if item.a == ear.No {
		return item // the routes cannot change the answer
	}
	routes := make([]fdpFind, 0, 3)
	if ps.Direct != nil {
		routes = append(routes, ev.lineage("item.direct_product_of", "the item", it.DirectProductOf, ps.Direct))
	}
	if ps.Plant != nil {
		routes = append(routes, ev.lineage("item.plant", "the plant or a major component that produced the item", it.Plant, ps.Plant))
	}
	if ps.ContainsIC {
		routes = append(routes, ev.containsIC(ps.Plant))
	}
	return fdpAll(item, fdpAny(routes...))
}

func (ev *fdpEval) itemTest(s fdp.ItemScope) fdpFind {
	e := ev.q.Item.ECCN
	if s.Test == fdp.ItemAny {
		return fdpYes("any item")
	}
	if !e.IsValid() {
		return fdpUnknown("item.eccn", "the item's classification is not given")
	}
	switch s.Test {
	case fdp.ItemNSControlled:
		return fdpNSControlled(e)
	case fdp.ItemOnCCL:
		if e.IsEAR99() {
			return ev.supp7(s)
		}
		return fdpYes("item " + e.String() + " is on the CCL")
	case fdp.ItemCategories:
		if e.IsEAR99() {
			return ev.supp7(s)
		}
		if c := e.Category(); s.InCategory(c) {
			return fdpYes(fmt.Sprintf("item %s is in Category %d", e, c))
		}
		return fdpNo(fmt.Sprintf("item %s is not in Categories %d-%d%s", e, s.MinCategory, s.MaxCategory, exceptText(s.ExceptCategories)))
	case fdp.Item9x515, fdp.Item600Series:
		in := e.Is9x515()
		name := "a 9x515 item"
		if s.Test == fdp.Item600Series {
			in = e.Is600Series() || e.Entry().String() == "0A919"
			name = "a 600 series or 0A919 item"
		}
		switch {
		case !in:
			return fdpNo("item " + e.String() + " is not " + name)
		case e.IsY():
			return fdpUnknown("item.eccn", "item "+e.String()+" is a .y item; whether .y items are within the rule is not verified")
		}
		return fdpYes("item " + e.String() + " is " + name)
	case fdp.ItemListed:
		best := fdpNo("item " + e.String() + " is not in the rule's item list")
		for _, p := range s.Patterns {
			switch a := p.MatchItem(e); {
			case a == ear.Yes && len(p.For) > 0:
				best = fdpAny(best, fdpUnknown("item.eccn", "item "+e.String()+": whether it is "+p.String()+" is not stated"))
			case a == ear.Yes:
				return fdpYes("item " + e.String() + " is in " + p.ECCN.String())
			case a == ear.Indeterminate:
				best = fdpAny(best, fdpUnknown("item.eccn", "item "+e.String()+" is less specific than "+p.String()))
			}
		}
		return best
	}
	return fdpNo("invalid item test")
}

func (ev *fdpEval) supp7(s fdp.ItemScope) fdpFind {
	if !s.Supp7 {
		return fdpNo("item is EAR99")
	}
	if !ev.q.Item.HTS.IsValid() {
		return fdpUnknown("item.hts", "EAR99 item: whether Supplement No. 7 to part 746 lists it depends on its HTS code, not given")
	}
	return fdpUnknown("item.hts", "EAR99 item with HTS "+ev.q.Item.HTS.String()+": Supplement No. 7 to part 746 is not held by this package; check whether it lists the code")
}

func fdpNSControlled(e product.ECCN) fdpFind {
	if e.IsEAR99() {
		return fdpNo("item is EAR99, not NS-controlled")
	}
	ent, ok := ccl.Lookup(e)
	if !ok {
		return fdpUnknown("item.eccn", "item "+e.String()+" is not in the CCL table")
	}
	best := ear.No
	for _, c := range ent.Controls() {
		if c.Reason() == ccl.ReasonNS {
			best = best.Or(c.AppliesTo(e))
		}
	}
	switch best {
	case ear.Yes:
		return fdpYes("item " + e.String() + " is NS-controlled")
	case ear.Indeterminate:
		return fdpUnknown("item.eccn", "item "+e.String()+": whether an NS row covers it depends on facts beyond the ECCN")
	}
	return fdpNo("item " + e.String() + " is not NS-controlled")
}

func (ev *fdpEval) lineage(path, whose string, l product.Lineage, in *fdp.InputScope) fdpFind {
	if !l.Known() {
		return fdpUnknown(path, "unknown what technology or software "+whose+" is a direct product of")
	}
	if l.Len() == 0 {
		return fdpNo(whose + " is a direct product of no technology or software (stated)")
	}
	fs := make([]fdpFind, 0, l.Len())
	for i, e := range l.All() {
		fs = append(fs, fdpEntryMatch(entryPath{path, i}, whose, e, in))
	}
	return fdpAny(fs...)
}

// entryPath names a lineage entry; String builds its wire-format path
// ("item.plant.direct_product_of[0]") only when a result needs it.
type entryPath struct {
	lineage string // "item.direct_product_of", "item.plant", "item.components[0].plant"
	i       int
}

func (p entryPath) String() string {
	base := p.lineage
	if base != "item.direct_product_of" {
		base += ".direct_product_of"
	}
	return fmt.Sprintf("%s[%d]", base, p.i)
}

// fdpEntryMatch tests one lineage entry against an input scope.
func fdpEntryMatch(path entryPath, whose string, e product.DirectProduct, in *fdp.InputScope) fdpFind {
	eccn := fdpInputECCN(path, e, in)
	if eccn.a == ear.No {
		return eccn
	}
	if in.WrittenAssurance {
		if eccn = fdpAll(eccn, fdpWrittenAssurance(path, e)); eccn.a == ear.No {
			return eccn
		}
	}
	var origin fdpFind
	switch e.Origin {
	case product.OriginUS:
		origin = fdpYes(whose + " is a direct product of " + e.String())
	case product.OriginForeignSubjectToEAR:
		if in.Origin == fdp.InputSubjectToEAR {
			origin = fdpYes(whose + " is a direct product of " + e.String())
		} else {
			origin = fdpNo(e.ECCN.String() + " is not U.S.-origin")
		}
	case product.OriginForeign:
		origin = fdpNo(e.ECCN.String() + " is foreign, not subject to the EAR")
	default:
		origin = fdpUnknown(path.String()+".origin", "origin of "+e.ECCN.String()+" is unknown")
	}
	return fdpAll(origin, eccn)
}

func fdpInputECCN(path entryPath, e product.DirectProduct, in *fdp.InputScope) fdpFind {
	k := e.ECCN.Kind()
	if in.AnyDE || in.Series600 {
		if k != product.Software && k != product.Technology {
			return fdpNo(e.ECCN.String() + " is not a product group D or E ECCN")
		}
		if in.Series600 && !e.ECCN.Is600Series() {
			return fdpNo(e.ECCN.String() + " is not a 600 series ECCN")
		}
		if in.AnyDE && len(in.Patterns) == 0 {
			if c := e.ECCN.Category(); !in.InCategory(c) {
				return fdpNo(fmt.Sprintf("%s is not in Categories %d-%d%s", e.ECCN, in.MinCategory, in.MaxCategory, exceptText(in.ExceptCategories)))
			}
		}
		if len(in.Patterns) == 0 {
			return fdpYes(e.ECCN.String() + " is within the listed inputs")
		}
	}
	if len(in.Patterns) == 0 {
		return fdpYes(e.ECCN.String() + " is product group D or E")
	}
	best := fdpFind{a: ear.No}
	for _, p := range in.Patterns {
		m := p.MatchItem(e.ECCN)
		if m == ear.No {
			continue
		}
		var f fdpFind
		if m == ear.Yes {
			f = fdpYes(e.ECCN.String() + " is a listed input")
		} else {
			f = fdpUnknown(path.String()+".eccn", e.ECCN.String()+" is less specific than "+p.String())
		}
		switch fm := p.MatchFor(e.For); fm {
		case ear.No:
			f = fdpNo(e.String() + " is not " + p.String())
		case ear.Indeterminate:
			f = fdpAll(f, fdpUnknown(path.String()+".for", "what "+e.ECCN.String()+" is for is not stated; the rule lists "+p.String()))
		}
		best = fdpAny(best, f)
	}
	if best.a == ear.No && len(best.why) == 0 {
		best.why = []string{e.ECCN.String() + " is not among the rule's listed inputs"}
	}
	return best
}

// fdpWrittenAssurance: stated true/false decides; not stated, technology or
// software that is NS-controlled may need one (indeterminate), other
// technology cannot.
func fdpWrittenAssurance(path entryPath, e product.DirectProduct) fdpFind {
	switch {
	case e.WrittenAssurance.IsTrue():
		return fdpYes(e.ECCN.String() + " requires a written assurance (stated)")
	case e.WrittenAssurance.IsFalse():
		return fdpNo(e.ECCN.String() + " requires no written assurance (stated)")
	}
	ent, ok := ccl.Lookup(e.ECCN)
	best := ear.Indeterminate
	if ok {
		best = ear.No
		for _, c := range ent.Controls() {
			if c.Reason() == ccl.ReasonNS {
				best = best.Or(c.AppliesToFor(e.ECCN, e.For))
			}
		}
	}
	if best == ear.No {
		return fdpNo(e.ECCN.String() + " is not NS-controlled, so it cannot require a written assurance")
	}
	return fdpUnknown(path.String()+".written_assurance", "whether "+e.ECCN.String()+" requires a written assurance is not stated")
}

func (ev *fdpEval) containsIC(plant *fdp.InputScope) fdpFind {
	lines := ev.q.Item.Components
	if lines == nil {
		return fdpUnknown("item.components", "the bill of materials is not given: whether the item contains an integrated circuit from such a plant is unknown")
	}
	if len(lines) == 0 {
		return fdpNo("the item contains no component (none listed)")
	}
	var fs []fdpFind
	for i, l := range lines {
		path := fmt.Sprintf("item.components[%d]", i)
		var ic fdpFind
		switch isIC(l) {
		case ear.Yes:
			ic = fdpYes(l.ID + " (" + l.ECCN.String() + ") is an integrated circuit")
		case ear.No:
			fs = append(fs, fdpNo(l.ID+" is not an integrated circuit"))
			continue
		default:
			ic = fdpUnknown(path+".integrated_circuit", "whether "+l.ID+" is an integrated circuit is not stated")
		}
		fs = append(fs, fdpAll(ic, ev.lineage(path+".plant", "the plant that made "+l.ID, l.Plant, plant)))
	}
	return fdpAny(fs...)
}

func fdpPatternList(ps []fdp.Pattern) string {
	ss := make([]string, len(ps))
	for i, p := range ps {
		ss[i] = p.String()
	}
	return strings.Join(ss, ", ")
}

// --- reach ---

func (ev *fdpEval) prong(r *fdp.Rule, p fdp.Prong) (fdpFind, []string, error) {
	q := ev.q
	switch p.Kind {
	case fdp.ProngDestination:
		in, why, err := ev.inSet(q.Destination, p.Where)
		if err != nil {
			return fdpFind{}, nil, err
		}
		return fdpFind{a: ear.AnswerOf(in), why: []string{why}}, nil, nil
	case fdp.ProngIncorporation:
		if !q.Incorporations.Known() {
			return fdpUnknown("incorporations", "unknown whether the item will be incorporated into items bound for "+p.Where.String()), nil, nil
		}
		for _, inc := range q.Incorporations.list.items {
			if !inc.Destination.IsValid() {
				continue
			}
			in, _, err := ev.inSet(jurisdiction.Destination{Country: inc.Destination}, p.Where)
			if err != nil {
				return fdpFind{}, nil, err
			}
			if in {
				return fdpYes("to be incorporated into items bound for " + inc.Destination.String()), nil, nil
			}
		}
		return fdpNo("no known incorporation into items bound for " + p.Where.String()), nil, nil
	case fdp.ProngFootnote:
		return ev.footnote(r, p.Footnote)
	case fdp.ProngGovernment:
		if !q.Parties.Known() {
			return fdpUnknown("parties", "parties unknown: whether the Government of "+p.Government.Name()+" is a party"), nil, nil
		}
		for _, pt := range q.Parties.list.items {
			if pt.GovernmentOf == p.Government {
				return fdpYes(fdpPartyName(pt) + " (" + pt.Role.String() + ") is the Government of " + p.Government.Name()), nil, nil
			}
		}
		return fdpNo("no party declared to be the Government of " + p.Government.Name()), nil, nil
	case fdp.ProngEndUse:
		// The end use where it is: end_uses[i].located_in, or (the reading
		// chosen) the destination when the request does not say.
		if !q.EndUses.Known() {
			in, why, err := ev.inSet(q.Destination, p.Where)
			if err != nil {
				return fdpFind{}, nil, err
			}
			if !in {
				// Where the end use is unknown, it may still be in the
				// places: the fact is open only when the use is.
				why = "end uses unknown: whether the item is for " + p.EndUse.String() + " in " + p.Where.String()
			}
			return fdpUnknown("end_uses", "end uses unknown: whether the item is for "+p.EndUse.String()+" ("+why+")"), nil, nil
		}
		found := fdpNo("no " + p.EndUse.String() + " end use known")
		for i, f := range q.EndUses.list.items {
			if f.Use != p.EndUse {
				continue
			}
			at := q.Destination
			stated := f.LocatedIn.IsValid()
			if stated {
				at = jurisdiction.Destination{Country: f.LocatedIn}
			}
			in, why, err := ev.inSet(at, p.Where)
			if err != nil {
				if stated {
					if fe, ok := err.(*product.FieldError); ok && fe.Field == "destination.country" {
						fe.Field = fmt.Sprintf("end_uses[%d].located_in", i)
					}
				}
				return fdpFind{}, nil, err
			}
			where := pick(stated, "located in "+at.String(), "at the destination "+at.String()+" (where it is located is not stated)")
			if in {
				return fdpYes("end use " + p.EndUse.String() + " " + where + ": " + why), nil, nil
			}
			found = fdpNo("end use " + p.EndUse.String() + " " + where + ", not in " + p.Where.String())
		}
		return found, nil, nil
	case fdp.ProngDeveloperHQ:
		if ev.q.Item.EffectiveKind() != product.Technology {
			return fdpNo("the item is not technology developed for masks or IC wafers or dies"), nil, nil
		}
		return fdpUnknown("item", "whether the technology was developed by an entity headquartered in "+p.Where.String()+" for producing a mask or an IC wafer or die is not stated"), nil, nil
	}
	return fdpFind{}, nil, fmt.Errorf("license: rule %s: invalid prong kind %d", r.Citation, p.Kind)
}

func fdpPartyName(p Party) string {
	if p.Name == "" {
		return "a party"
	}
	return p.Name
}

// footnote evaluates the Entity List footnote prong: a party with the
// footnote (or, under the affiliates rule, owned 50 percent or more by
// listed owners one of which has it), or an incorporation for such a party.
func (ev *fdpEval) footnote(r *fdp.Rule, n int) (fdpFind, []string, error) {
	q := ev.q
	var warnings []string
	affiliates := false
	if r.Affiliates {
		var warn string
		affiliates, warn = affiliatesInForce(q.AsOf, q.Options.Affiliates)
		if warn != "" {
			warnings = append(warnings, warn)
		}
	}
	var party fdpFind
	if !q.Parties.Known() {
		party = fdpUnknown("parties", fmt.Sprintf("parties unknown: whether a footnote %d entity is a party", n))
	} else {
		party = fdpNo(fmt.Sprintf("no party declared with Entity List footnote %d (the footnotes are the caller's declarations)", n))
		for _, pt := range q.Parties.list.items {
			st := statusOf(pt, affiliates)
			if st.footnotes.Has(n) {
				party = fdpYes(fmt.Sprintf("%s (%s) has Entity List footnote %d", fdpPartyName(pt), pt.Role, n))
				break
			}
			if st.inheritFootnotes.Has(n) {
				party = fdpYes(fdpPartyName(pt) + " (" + pt.Role.String() + ") is " + st.affiliate)
				break
			}
			if st.possibleFootnotes.Has(n) && party.a == ear.No {
				party = fdpUnknown("parties", fmt.Sprintf("%s (%s): %s (footnote %d)", fdpPartyName(pt), pt.Role, st.possibly(), n))
			}
		}
	}
	var inc fdpFind
	if !q.Incorporations.Known() {
		inc = fdpUnknown("incorporations", fmt.Sprintf("unknown whether the item will go into items of a footnote %d entity", n))
	} else {
		inc = fdpNo(fmt.Sprintf("no known incorporation into items of a footnote %d entity", n))
		for _, in := range q.Incorporations.list.items {
			if slices.Contains(in.ByPartyWithFootnotes, n) {
				inc = fdpYes(fmt.Sprintf("to be incorporated into items of a footnote %d entity", n))
				break
			}
		}
	}
	return fdpAny(party, inc), warnings, nil
}

// percentText writes a share without trailing zeros ("62.5"), by
// StringFixed: the text does not follow decimal's package settings.
func percentText(d decimal.Decimal) string {
	s := d.StringFixed(max(0, -d.Exponent()))
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// groupsFor returns the country groups of c on the query's date.
func (ev *fdpEval) groupsFor(c jurisdiction.Country) (jurisdiction.GroupSet, error) {
	if ev.groupsOf == c && c.IsValid() {
		return ev.groups, nil
	}
	gs, err := jurisdiction.GroupsOf(groupsCountry(c), ev.q.AsOf)
	if err != nil {
		return 0, err
	}
	ev.groupsOf, ev.groups = c, gs
	return gs, nil
}

// inSet reports whether d is in the set on the query's date.
func (ev *fdpEval) inSet(d jurisdiction.Destination, w fdp.Places) (bool, string, error) {
	var gs jurisdiction.GroupSet
	if w.NamesGroups() {
		var err error
		if gs, err = ev.groupsFor(d.Country); err != nil {
			var ce *jurisdiction.CountryError
			if errors.As(err, &ce) {
				return false, "", product.NewFieldError("destination.country", err)
			}
			return false, "", product.NewFieldError("as_of", err)
		}
	}
	d.Country = d.Country.TablesAs()
	in, why := w.Contains(d, gs, ev.q.AsOf)
	return in, why, nil
}

// exceptText writes excepted categories: " (except 6)".
func exceptText(cs []int) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = strconv.Itoa(c)
	}
	return " (except " + strings.Join(parts, ", ") + ")"
}
