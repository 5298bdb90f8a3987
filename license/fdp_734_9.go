package license

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
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
	// exclusions are the rule's carve-outs of the license requirements
	// that read its items (fdp.Rule.Exclusions).
	exclusions []fdp.Exclusion
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
// whose effective date is after q.AsOf is left out, unless it stood then at
// a predecessor (fdp.Rule.Predecessor): evaluated when the predecessor had
// its substance, open (naming the gap) when its text is not modelled. On a
// date whose country groups are not modelled (before 2024-01-01), a reach
// that turns on them is open. It returns a *product.FieldError for a query
// that cannot be evaluated (invalid item, destination, date, party, a date
// before 2020-01-01). A Checker built with WithFDPRules evaluates its own
// set instead.
func FDP(q FDPQuery) ([]FDPResult, error) { return evaluateFDP(fdp.Default(), q) }

// evaluateFDP evaluates the rules of s on q.
//
// The findings of an evaluation carry their reasons as spans of a pooled
// buffer (fdpScratch.buf), written there once without an allocation each;
// a finding is a range of the rule's reason list. The results' texts are
// assembled in a second pooled buffer (out) from the reasons they use, and
// all cut from one string made of it at the end: one allocation for every
// text of the evaluation.
func evaluateFDP(s fdp.Set, q FDPQuery) ([]FDPResult, error) {
	if err := q.validate(); err != nil {
		return nil, err
	}
	sc := fdpScratchPool.Get().(*fdpScratch)
	defer sc.release()
	sc.reset()
	ev := fdpEval{q: &q, fdpScratch: sc}
	// How each version of each rule stands on the date, worked out once.
	const (
		skip = iota
		inForce
		atPredecessor // evaluated, citing the predecessor it stood at
		gap           // stood at a predecessor whose text is not modelled
	)
	var stateBuf [32]uint8
	states := stateBuf[:0]
	n, gaps := 0, 0
	for i := range s.Len() {
		r, st := s.At(i), uint8(skip)
		switch {
		case r.InForce(q.AsOf):
			st, n = inForce, n+1
		case r.AtPredecessor(q.AsOf):
			st, n = atPredecessor, n+1
		case r.Unmodelled(q.AsOf):
			st, gaps = gap, gaps+1
		}
		states = append(states, st)
	}
	out := make([]FDPResult, 0, n)
	for i, st := range states {
		if st != inForce && st != atPredecessor {
			continue
		}
		out = out[:len(out)+1]
		if err := ev.rule(s.At(i), &out[len(out)-1]); err != nil {
			return nil, err
		}
	}
	ev.finish(out)
	k := 0
	for i, st := range states {
		switch st {
		case atPredecessor:
			r := s.At(i)
			note := fmt.Sprintf("on %s the rule stood at %s, with the substance of %s (in force there from %s)", q.AsOf, r.Predecessor, r.Citation, r.Effective)
			out[k].Why = note + "; " + out[k].Why
			out[k].Warnings = append(slices.Clip(out[k].Warnings), note)
			out[k].textRead = false
			k++
		case inForce:
			k++
		}
	}
	if gaps == 0 {
		return out, nil
	}
	// Rules that stood elsewhere on the date (their text there not
	// modelled) are open, in CFR order among the others.
	all := make([]FDPResult, 0, len(out)+gaps)
	k = 0
	for i, st := range states {
		switch st {
		case inForce, atPredecessor:
			all = append(all, out[k])
			k++
		case gap:
			all = append(all, unmodelledResult(s.At(i), q.AsOf))
		}
	}
	return all, nil
}

// unmodelledResult is the open result of a rule that on asOf stood at its
// predecessor, whose text the SDK does not model.
func unmodelledResult(r *fdp.Rule, asOf jurisdiction.Date) FDPResult {
	why := fmt.Sprintf("on %s the rule stood at %s (it is %s from %s); that text is not modelled", asOf, r.Predecessor, r.Citation, r.Effective)
	miss := []MissingFact{{Field: "as_of", Why: why}}
	open := FDPFinding{Answer: ear.Indeterminate, Why: why, Missing: miss}
	return FDPResult{Citation: r.Citation.String(), Title: r.Title, Outcome: ear.Indeterminate, Product: open, Reach: open,
		Why: "undecided: " + why, Missing: miss, license: r.License, exclusions: r.Exclusions}
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

func (ev *fdpEval) rule(r *fdp.Rule, res *FDPResult) error {
	sc := ev.fdpScratch
	sc.rs = sc.rs[:0]
	// TextRead read in place: the method's value receiver would copy the
	// rule for every evaluation.
	textRead := slices.ContainsFunc(r.Provenance, func(s fdp.Source) bool { return s.Basis == fdp.TextRead })
	res.Citation, res.Title, res.license, res.textRead = r.Citation.String(), r.Title, r.License, textRead
	res.exclusions = r.Exclusions
	sc.refs = append(sc.refs, fdpRefs{})
	ref := &sc.refs[len(sc.refs)-1]
	wStart := int32(len(sc.warns))
	product, reach := &r.Product, r.Reach
	var readingNote, readingText string
	if r.Enforced != nil {
		reading := ev.q.Options.AIDiffusion
		res.Reading = ev.reading(reading)
		switch {
		case reading == AIDiffusionEnforced && r.Enforced.Absent:
			m := ev.omark()
			ev.ow("enforced reading of the AI diffusion amendments: ", r.Enforced.Note)
			why := ev.osince(m)
			res.Outcome = ear.No
			res.Product = FDPFinding{Answer: ear.No}
			res.Reach = FDPFinding{Answer: ear.No}
			ref.pWhy, ref.rWhy, ref.why = why, why, why
			return nil
		case reading == AIDiffusionEnforced:
			product, reach = &r.Enforced.Product, r.Enforced.Reach
			readingNote, readingText = "enforced reading: ", r.Enforced.Note
		case ev.q.AsOf.Before(fdpAIDiffusionEffective) && !r.Enforced.Absent:
			product, reach = &r.Enforced.Product, r.Enforced.Reach
			readingNote = "text before the AI diffusion amendments of 2025-01-13"
		}
	}
	p := ev.product(product)
	var d fdpFind
	for i := range reach {
		f, err := ev.prong(r, &reach[i])
		if err != nil {
			return err
		}
		d = ev.anyOf(d, i > 0, f)
	}
	if len(reach) == 0 {
		d = ev.empty(ear.No)
	}
	if readingNote != "" {
		m := ev.mark()
		ev.w(readingNote, readingText)
		note := ev.leaf(d.a, m)
		d = ev.pick(d.a, []fdpFind{note, d})
	}
	all := ev.all(p, d)
	res.Outcome = all.a
	res.Product.Answer, res.Reach.Answer = p.a, d.a
	// Why, with the product scope's and the reach's texts inside it where
	// it quotes them whole.
	m := ev.omark()
	switch {
	case all.a == ear.Yes:
		ev.ow("product scope met (")
		ref.pWhy = ev.writeWhy(p)
		ev.ow(") and reach met (")
		ref.rWhy = ev.writeWhy(d)
		ev.ow(")")
		ref.why = ev.osince(m)
	case all.a == ear.No && p.a == ear.No:
		ev.ow("product scope not met: ")
		ref.pWhy = ev.writeWhy(p)
		ref.why = ev.osince(m)
		ref.rWhy = ev.why(d)
	case all.a == ear.No:
		ev.ow("reach not met: ")
		ref.rWhy = ev.writeWhy(d)
		ref.why = ev.osince(m)
		ref.pWhy = ev.why(p)
	default:
		ev.ow("undecided: ")
		ev.writeWhy(all)
		ref.why = ev.osince(m)
		ref.pWhy, ref.rWhy = ev.why(p), ev.why(d)
	}
	ref.pMiss, ref.rMiss, ref.miss = ev.missing(p), ev.missing(d), ev.missing(all)
	if r.Compliance.IsValid() && ev.q.AsOf.Before(r.Compliance) && all.a != ear.No {
		// Reading chosen: the rule is applied from its effective date; the
		// later compliance date is shown, not used to decide.
		m := ev.omark()
		ev.ow(r.Citation.String(), " is in force from ")
		ev.odate(r.Effective)
		ev.ow(" with a compliance date of ")
		ev.odate(r.Compliance)
		ev.ow(": applied from its effective date (conservative reading); transactions before the compliance date may fall under the rule's savings clause")
		ev.warn(ev.osince(m))
	}
	// The warnings without empty and repeated ones.
	ws := sc.warns[wStart:][:0]
	for _, w := range sc.warns[wStart:] {
		if w.a != w.b && !slices.ContainsFunc(ws, func(k fdpSpan) bool { return string(sc.outText(k)) == string(sc.outText(w)) }) {
			ws = append(ws, w)
		}
	}
	sc.warns = sc.warns[:int(wStart)+len(ws)]
	ref.warn = [2]int32{wStart, int32(len(sc.warns))}
	return nil
}

// fdpAIDiffusionEffective is fdp.AIDiffusionEffective, read once.
var fdpAIDiffusionEffective = fdp.AIDiffusionEffective()

// --- product scope ---

// fdpLineage names a lineage in the wire format: the item's own
// direct_product_of or plant, or a component's plant.
type fdpLineage struct {
	comp  int  // the component's index; -1: the item's own
	plant bool // the item's plant (comp -1)
}

// write writes the lineage's path: "item.direct_product_of", "item.plant",
// "item.components[0].plant".
func (l fdpLineage) write(ev *fdpEval) {
	switch {
	case l.comp >= 0:
		ev.w("item.components[")
		ev.num(l.comp)
		ev.w("].plant")
	case l.plant:
		ev.w("item.plant")
	default:
		ev.w("item.direct_product_of")
	}
}

// entryPath names a lineage entry; write writes its wire-format path
// ("item.plant.direct_product_of[0]").
type entryPath struct {
	lineage fdpLineage
	i       int
}

func (p entryPath) write(ev *fdpEval) {
	p.lineage.write(ev)
	if p.lineage.comp >= 0 || p.lineage.plant {
		ev.w(".direct_product_of")
	}
	ev.w("[")
	ev.num(p.i)
	ev.w("]")
}

// fdpWhose is whose lineage it is, in words: "the item", "the plant that
// made " and the component's ID.
type fdpWhose struct{ a, b string }

func (ev *fdpEval) product(ps *fdp.ProductScope) fdpFind {
	it := &ev.q.Item
	if it.ProducedIn == jurisdiction.UnitedStates {
		return ev.noS("produced in the United States: not a foreign-produced item")
	}
	item := ev.itemTest(&ps.Item)
	if item.a == ear.No {
		return item // the routes cannot change the answer
	}
	var routes fdpFind
	n := 0
	if ps.Direct != nil {
		routes = ev.anyOf(routes, n > 0, ev.lineage(fdpLineage{comp: -1}, fdpWhose{a: "the item"}, it.DirectProductOf, ps.Direct))
		n++
	}
	if ps.Plant != nil {
		routes = ev.anyOf(routes, n > 0, ev.lineage(fdpLineage{comp: -1, plant: true}, fdpWhose{a: "the plant or a major component that produced the item"}, it.Plant, ps.Plant))
		n++
	}
	if ps.ContainsIC {
		routes = ev.anyOf(routes, n > 0, ev.containsIC(ps.Plant))
		n++
	}
	if len(ps.PlantIs) > 0 {
		// The plant's own classification: not a fact of the request.
		f := ev.mark()
		ev.w("item.plant")
		m := ev.mark()
		ev.w("whether the plant or major component that produced the item is itself subject to the EAR and specified in ")
		for i := range ps.PlantIs {
			if i > 0 {
				ev.w(", ")
			}
			ev.w(ps.PlantIs[i].String())
		}
		ev.w(" is not stated (the request gives the plant's lineage, not its classification)")
		routes = ev.anyOf(routes, n > 0, ev.unknown(f, m))
		n++
	}
	if n == 0 {
		routes = ev.empty(ear.No)
	}
	return ev.all(item, routes)
}

func (ev *fdpEval) itemTest(s *fdp.ItemScope) fdpFind {
	e := ev.q.Item.ECCN
	if s.Test == fdp.ItemAny {
		if ev.anyItem.b == 0 {
			m := ev.mark()
			ev.w("any item")
			ev.anyItem = ev.since(m)
		}
		return ev.leafSpan(ear.Yes, ev.anyItem)
	}
	if !e.IsValid() {
		return ev.unknownS("item.eccn", "the item's classification is not given")
	}
	switch s.Test {
	case fdp.ItemNSControlled:
		return ev.nsControlled(e)
	case fdp.ItemOnCCL:
		if e.IsEAR99() {
			return ev.supp7(s)
		}
		return ev.yesS("item ", e.String(), " is on the CCL")
	case fdp.ItemCategories:
		if e.IsEAR99() {
			return ev.supp7(s)
		}
		m := ev.mark()
		ev.w("item ", e.String())
		if c := e.Category(); s.InCategory(c) {
			ev.w(" is in Category ")
			ev.num(c)
			return ev.yes(m)
		}
		ev.w(" is not in Categories ")
		ev.num(s.MinCategory)
		ev.w("-")
		ev.num(s.MaxCategory)
		ev.except(s.ExceptCategories)
		return ev.no(m)
	case fdp.Item9x515, fdp.Item600Series:
		in := e.Is9x515()
		name := "a 9x515 item"
		if s.Test == fdp.Item600Series {
			in = e.Is600Series() || e.Entry().String() == "0A919"
			name = "a 600 series or 0A919 item"
		}
		switch {
		case !in:
			return ev.noS("item ", e.String(), " is not ", name)
		case e.IsY():
			return ev.unknownS("item.eccn", "item ", e.String(), " is a .y item; whether .y items are within the rule is not verified")
		}
		return ev.yesS("item ", e.String(), " is ", name)
	case fdp.ItemListed:
		best := ev.noS("item ", e.String(), " is not in the rule's item list")
		idx, indexed := s.PatternsOf(e)
		n := len(idx)
		if !indexed {
			n = len(s.Patterns)
		}
		for j := range n {
			p := &s.Patterns[fdpPatternAt(idx, indexed, j)]
			switch a := p.MatchItem(e); {
			case a == ear.Yes && len(p.For) > 0:
				// "3E001 (for 3A090)": what the item is for (item.for)
				// decides.
				switch ev.q.Item.For.IsValid() {
				case false:
					best = ev.any(best, ev.unknownS("item.for", "item ", e.String(), ": whether it is ", p.String(), " is not stated (what it is for is not given)"))
				default:
					switch p.MatchFor(ev.q.Item.For) {
					case ear.Yes:
						return ev.yesS("item ", e.String(), " for ", ev.q.Item.For.String(), " is ", p.String())
					case ear.Indeterminate:
						best = ev.any(best, ev.unknownS("item.for", "item ", e.String(), " for ", ev.q.Item.For.String(), ": whether it is ", p.String(), " is open (what it is for is less specific)"))
					}
				}
			case a == ear.Yes:
				return ev.yesS("item ", e.String(), " is in ", p.ECCN.String())
			case a == ear.Indeterminate:
				best = ev.any(best, ev.unknownS("item.eccn", "item ", e.String(), " is less specific than ", p.String()))
			}
		}
		if s.Elsewhere && best.a == ear.No && e.ProductGroup() == 'A' && e.Category() >= 3 && e.Category() <= 5 {
			// Elsewhere on the CCL, meeting the listed ECCNs' performance
			// parameters: not a fact of the request.
			return ev.unknownS("item.eccn", "item ", e.String(), ": whether it is an integrated circuit, computer, electronic assembly or component meeting the performance parameters of the rule's item list is not stated")
		}
		return best
	}
	return ev.noS("invalid item test")
}

// fdpPatternAt returns the j-th pattern to try: from a scope's index (only
// those of the ECCN's entry can match) or, unindexed, every one in turn.
func fdpPatternAt(idx []int32, indexed bool, j int) int {
	if indexed {
		return int(idx[j])
	}
	return j
}

func (ev *fdpEval) supp7(s *fdp.ItemScope) fdpFind {
	if !s.Supp7 {
		return ev.noS("item is EAR99")
	}
	if !ev.q.Item.HTS.IsValid() {
		return ev.unknownS("item.hts", "EAR99 item: whether Supplement No. 7 to part 746 lists it depends on its HTS code, not given")
	}
	return ev.unknownS("item.hts", "EAR99 item with HTS ", ev.q.Item.HTS.String(), ": Supplement No. 7 to part 746 is not held by this package; check whether it lists the code")
}

func (ev *fdpEval) nsControlled(e product.ECCN) fdpFind {
	if e.IsEAR99() {
		return ev.noS("item is EAR99, not NS-controlled")
	}
	ent, ok := ccl.Lookup(e)
	if !ok {
		return ev.unknownS("item.eccn", "item ", e.String(), " is not in the CCL table")
	}
	// A row "for" an item (3E001: "NS applies to “technology” for
	// commodities controlled by 3A001 ...") reads what the item is for
	// (item.for), open when the request does not say.
	f := ev.q.Item.For
	best := ear.No
	for i := range ent.NumControls() {
		if c, _ := ent.ControlAt(i); c.Reason() == ccl.ReasonNS {
			best = best.Or(c.AppliesToFor(e, f))
		}
	}
	switch best {
	case ear.Yes:
		return ev.yesS("item ", e.String(), " is NS-controlled")
	case ear.Indeterminate:
		if k := e.Kind(); !f.IsValid() && (k == product.Software || k == product.Technology) {
			return ev.unknownS("item.for", "item ", e.String(), ": whether an NS row covers it depends on what it is for, which is not given")
		}
		return ev.unknownS("item.eccn", "item ", e.String(), ": whether an NS row covers it depends on facts beyond the ECCN")
	}
	return ev.noS("item ", e.String(), " is not NS-controlled")
}

func (ev *fdpEval) lineage(ln fdpLineage, whose fdpWhose, l product.Lineage, in *fdp.InputScope) fdpFind {
	if !l.Known() {
		f := ev.mark()
		ln.write(ev)
		m := ev.mark()
		ev.w("unknown what technology or software ", whose.a, whose.b, " is a direct product of")
		return ev.unknown(f, m)
	}
	if l.Len() == 0 {
		return ev.noS(whose.a, whose.b, " is a direct product of no technology or software (stated)")
	}
	var acc fdpFind
	for i, e := range l.All() {
		acc = ev.anyOf(acc, i > 0, ev.entryMatch(entryPath{ln, i}, whose, &e, in))
	}
	return acc
}

// entryMatch tests one lineage entry against an input scope.
func (ev *fdpEval) entryMatch(path entryPath, whose fdpWhose, e *product.DirectProduct, in *fdp.InputScope) fdpFind {
	// The origin's reason comes first in the combined finding: a place
	// kept for it before the ECCN's lets the two stay one range, uncopied.
	slot := int32(len(ev.rs))
	ev.rs = append(ev.rs, fdpReason{})
	eccn := ev.inputECCN(path, e, in)
	if eccn.a == ear.No {
		return eccn
	}
	if in.WrittenAssurance {
		if eccn = ev.all(eccn, ev.writtenAssurance(path, e)); eccn.a == ear.No {
			return eccn
		}
	}
	var origin fdpFind
	switch e.Origin {
	case product.OriginUS:
		origin = ev.directProductOf(path, whose, e)
	case product.OriginForeignSubjectToEAR:
		if in.Origin == fdp.InputSubjectToEAR {
			origin = ev.directProductOf(path, whose, e)
		} else {
			origin = ev.noS(e.ECCN.String(), " is not U.S.-origin")
		}
	case product.OriginForeign:
		origin = ev.noS(e.ECCN.String(), " is foreign, not subject to the EAR")
	default:
		f := ev.mark()
		path.write(ev)
		ev.w(".origin")
		m := ev.mark()
		ev.w("origin of ", e.ECCN.String(), " is unknown")
		origin = ev.unknown(f, m)
	}
	if origin.hi == int32(len(ev.rs)) && origin.hi == origin.lo+1 {
		// A reason of its own, just made: move it to its place.
		ev.rs[slot] = ev.rs[origin.lo]
		ev.rs = ev.rs[:origin.lo]
		origin.lo, origin.hi = slot, slot+1
	}
	return ev.all(origin, eccn)
}

// memo returns the slot of reason kind k of the entry at path, or nil
// for a component's lineage (not memoized).
func (ev *fdpEval) memoSlot(path entryPath, k int) *fdpSpan {
	if path.lineage.comp >= 0 {
		return nil
	}
	ms := &ev.memo[0]
	if path.lineage.plant {
		ms = &ev.memo[1]
	}
	for len(*ms) <= path.i {
		*ms = append(*ms, fdpMemo{})
	}
	return &(*ms)[path.i][k]
}

// memoYes returns the Yes finding of reason kind k of the entry at path
// when written before, or false.
func (ev *fdpEval) memoYes(path entryPath, k int) (fdpFind, *fdpSpan, bool) {
	slot := ev.memoSlot(path, k)
	if slot != nil && slot.b > 0 {
		return ev.leafSpan(ear.Yes, *slot), slot, true
	}
	return fdpFind{}, slot, false
}

// yesMemo closes a Yes finding written since m, memoized in slot.
func (ev *fdpEval) yesMemo(slot *fdpSpan, m int32) fdpFind {
	if slot != nil {
		*slot = ev.since(m)
	}
	return ev.yes(m)
}

func (ev *fdpEval) directProductOf(path entryPath, whose fdpWhose, e *product.DirectProduct) fdpFind {
	f, slot, ok := ev.memoYes(path, fdpMemoDP)
	if ok {
		return f
	}
	m := ev.mark()
	ev.w(whose.a, whose.b, " is a direct product of ")
	ev.dp(*e)
	return ev.yesMemo(slot, m)
}

// inputYes is the Yes finding "<ECCN><what>" of reason kind k for the
// entry at path.
func (ev *fdpEval) inputYes(path entryPath, e *product.DirectProduct, k int, what string) fdpFind {
	f, slot, ok := ev.memoYes(path, k)
	if ok {
		return f
	}
	m := ev.mark()
	ev.w(e.ECCN.String(), what)
	return ev.yesMemo(slot, m)
}

func (ev *fdpEval) inputECCN(path entryPath, e *product.DirectProduct, in *fdp.InputScope) fdpFind {
	k := e.ECCN.Kind()
	if in.AnyDE || in.Series600 {
		if k != product.Software && k != product.Technology {
			return ev.noS(e.ECCN.String(), " is not a product group D or E ECCN")
		}
		if in.Series600 && !e.ECCN.Is600Series() {
			return ev.noS(e.ECCN.String(), " is not a 600 series ECCN")
		}
		if in.AnyDE && len(in.Patterns) == 0 {
			if c := e.ECCN.Category(); !in.InCategory(c) {
				m := ev.mark()
				ev.w(e.ECCN.String(), " is not in Categories ")
				ev.num(in.MinCategory)
				ev.w("-")
				ev.num(in.MaxCategory)
				ev.except(in.ExceptCategories)
				return ev.no(m)
			}
		}
		if len(in.Patterns) == 0 {
			return ev.inputYes(path, e, fdpMemoWithin, " is within the listed inputs")
		}
	}
	if len(in.Patterns) == 0 {
		return ev.inputYes(path, e, fdpMemoDE, " is product group D or E")
	}
	var best fdpFind
	have := false
	idx, indexed := in.PatternsOf(e.ECCN)
	n := len(idx)
	if !indexed {
		n = len(in.Patterns)
	}
	for j := range n {
		p := &in.Patterns[fdpPatternAt(idx, indexed, j)]
		m := p.MatchItem(e.ECCN)
		if m == ear.No {
			continue
		}
		var f fdpFind
		if m == ear.Yes {
			f = ev.inputYes(path, e, fdpMemoListed, " is a listed input")
		} else {
			fm := ev.mark()
			path.write(ev)
			ev.w(".eccn")
			wm := ev.mark()
			ev.w(e.ECCN.String(), " is less specific than ", p.String())
			f = ev.unknown(fm, wm)
		}
		switch fm := p.MatchFor(e.For); fm {
		case ear.No:
			m := ev.mark()
			ev.dp(*e)
			ev.w(" is not ", p.String())
			f = ev.no(m)
		case ear.Indeterminate:
			fm := ev.mark()
			path.write(ev)
			ev.w(".for")
			wm := ev.mark()
			ev.w("what ", e.ECCN.String(), " is for is not stated; the rule lists ", p.String())
			f = ev.all(f, ev.unknown(fm, wm))
		}
		best = ev.anyOf(best, have, f)
		have = true
	}
	if !have {
		return ev.noS(e.ECCN.String(), " is not among the rule's listed inputs")
	}
	return best
}

// writtenAssurance: stated true/false decides; not stated, technology or
// software that is NS-controlled may need one (indeterminate), other
// technology cannot.
func (ev *fdpEval) writtenAssurance(path entryPath, e *product.DirectProduct) fdpFind {
	switch {
	case e.WrittenAssurance.IsTrue():
		return ev.yesS(e.ECCN.String(), " requires a written assurance (stated)")
	case e.WrittenAssurance.IsFalse():
		return ev.noS(e.ECCN.String(), " requires no written assurance (stated)")
	}
	ent, ok := ccl.Lookup(e.ECCN)
	best := ear.Indeterminate
	if ok {
		best = ear.No
		for i := range ent.NumControls() {
			if c, _ := ent.ControlAt(i); c.Reason() == ccl.ReasonNS {
				best = best.Or(c.AppliesToFor(e.ECCN, e.For))
			}
		}
	}
	if best == ear.No {
		return ev.noS(e.ECCN.String(), " is not NS-controlled, so it cannot require a written assurance")
	}
	f := ev.mark()
	path.write(ev)
	ev.w(".written_assurance")
	m := ev.mark()
	ev.w("whether ", e.ECCN.String(), " requires a written assurance is not stated")
	return ev.unknown(f, m)
}

// containsIC is the route of 734.9(e)(3)(i)(B)(2) and (k)(1)(ii)(B):
// the item "Contains a commodity produced by any complete plant or 'major
// component' of a plant ... [that] itself is a 'direct product' of
// U.S.-origin 'technology' or 'software' that is specified in" the plant
// route's ECCNs (text of 2025-01-16, MichalOpoka/ecfr at 8b43626). Notes 3
// and 7 say the scope "is met if" the commodity contains such an
// integrated circuit: an example, not a limit, so every commodity
// component is tested (its plant lineage, unknown when not given), not the
// integrated circuits only. Bundled software and commingled lines are not
// commodities.
func (ev *fdpEval) containsIC(plant *fdp.InputScope) fdpFind {
	lines := ev.q.Item.Components
	if lines == nil {
		return ev.unknownS("item.components", "the bill of materials is not given: whether the item contains a commodity from such a plant is unknown")
	}
	if len(lines) == 0 {
		return ev.noS("the item contains no component (none listed)")
	}
	var acc fdpFind
	for i := range lines {
		l := &lines[i]
		if l.Relation == product.Bundled || l.Relation == product.Commingled ||
			l.ECCN.IsValid() && !l.ECCN.IsEAR99() && l.ECCN.Kind() != product.Commodity {
			acc = ev.anyOf(acc, i > 0, ev.noS(l.ID, " is not a commodity"))
			continue
		}
		acc = ev.anyOf(acc, i > 0, ev.lineage(fdpLineage{comp: i}, fdpWhose{"the plant that made ", l.ID}, l.Plant, plant))
	}
	return acc
}
