package fdp

import (
	"errors"
	"slices"

	"github.com/earcheck/ear/jurisdiction"
)

// RuleError reports a rule that cannot be registered. It wraps one of
// ErrRuleCitation, ErrRuleEffective, ErrRuleScope or ErrRuleProvenance.
type RuleError struct {
	Citation Citation // the rule's citation, possibly the zero Citation
	Err      error
}

// Error implements the error interface.
func (e *RuleError) Error() string {
	c := e.Citation.String()
	if c == "" {
		c = "(no citation)"
	}
	return "rule " + c + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RuleError) Unwrap() error { return e.Err }

// Sentinel errors of RuleError.
var (
	ErrRuleCitation   = errors.New("a rule needs a citation within 15 CFR 734.9 that no other rule of the set has in force on the same day")
	ErrRuleEffective  = errors.New("a rule needs an effective date (and a compliance date, if any, not before it, an end date, if any, after it, and a predecessor's start, if any, before it)")
	ErrRuleScope      = errors.New("a rule needs a title, an item test, at least one route and at least one reach prong")
	ErrRuleProvenance = errors.New("a rule needs at least one source, each with a basis, and a license requirement, if any, with a citation")
)

// section is the section every FDP rule lies in.
var section = MustParseCitation("15 CFR 734.9")

// Set is an immutable, checked set of FDP rules in CFR order. It is safe
// for concurrent use. The zero Set has no rules.
type Set struct {
	rules []Rule
}

// NewSet checks and copies rules and returns them as a Set in CFR order. A
// rule without a citation within 734.9 or without effective date, with a
// duplicate citation, without scope or without provenance is a *RuleError;
// all problems are joined.
func NewSet(rules ...Rule) (Set, error) { return newSet(rules, false) }

// newSet is NewSet; owned says that nothing else holds the rules' slices
// and pointers (the built-in data, made afresh for the set), so that they
// need no copy.
func newSet(rules []Rule, owned bool) (Set, error) {
	var errs []error
	out := make([]Rule, 0, len(rules))
	for _, r := range rules {
		if e := r.Enforced; e != nil && !e.Absent && e.Product.Item.Test == 0 {
			c := *e
			c.Product = r.Product
			r.Enforced = &c
		}
		if err := r.check(); err != nil {
			errs = append(errs, err)
			continue
		}
		if slices.ContainsFunc(out, func(o Rule) bool { return o.Citation == r.Citation && overlap(o, r) }) {
			errs = append(errs, &RuleError{Citation: r.Citation, Err: ErrRuleCitation})
			continue
		}
		c := r
		if !owned {
			c = r.clone()
		}
		c.prepare()
		out = append(out, c)
	}
	if len(errs) > 0 {
		return Set{}, errors.Join(errs...)
	}
	slices.SortStableFunc(out, func(a, b Rule) int {
		if c := a.Citation.Compare(b.Citation); c != 0 {
			return c
		}
		return a.Effective.Compare(b.Effective)
	})
	return Set{rules: out}, nil
}

// prepare makes once what evaluations of the rule would otherwise work
// out again and again: its patterns' and places' String, and its pattern
// lists indexed by CCL entry. The copies Rules, Rule and RuleAt return do
// not carry them (clone drops them), so a caller's changes never meet a
// stale text or index.
func (r *Rule) prepare() {
	r.Product.prepare()
	placesText(r.Reach)
	if e := r.Enforced; e != nil {
		e.Product.prepare()
		placesText(e.Reach)
	}
}

func (p *ProductScope) prepare() {
	patternsText(p.Item.Patterns)
	patternsText(p.PlantIs)
	if len(p.Item.Patterns) > 0 {
		p.Item.index = newPatternIndex(p.Item.Patterns)
	}
	for _, in := range []*InputScope{p.Direct, p.Plant} {
		if in != nil {
			patternsText(in.Patterns)
			if len(in.Patterns) > 0 {
				in.index = newPatternIndex(in.Patterns)
			}
		}
	}
}

func patternsText(ps []Pattern) {
	for i := range ps {
		ps[i].text = ps[i].render()
	}
}

func placesText(reach []Prong) {
	for i := range reach {
		reach[i].Where.text = reach[i].Where.render()
	}
}

// overlap reports whether two versions of a paragraph are in force on a
// common day.
func overlap(a, b Rule) bool {
	aEnds := a.Until.IsValid() && !a.Until.After(b.Effective)
	bEnds := b.Until.IsValid() && !b.Until.After(a.Effective)
	return !aEnds && !bEnds
}

func (r Rule) check() error {
	fail := func(err error) error { return &RuleError{Citation: r.Citation, Err: err} }
	if !section.Covers(r.Citation) || r.Citation == section {
		return fail(ErrRuleCitation)
	}
	if !r.Effective.IsValid() || (r.Compliance.IsValid() && r.Compliance.Before(r.Effective)) || (r.Until.IsValid() && !r.Until.After(r.Effective)) ||
		(r.PredecessorFrom.IsValid() && (!r.Predecessor.IsValid() || !r.PredecessorFrom.Before(r.Effective))) {
		return fail(ErrRuleEffective)
	}
	if err := checkScope(r.Title, r.Product, r.Reach); err != nil {
		return fail(err)
	}
	if r.Enforced != nil && !r.Enforced.Absent {
		if err := checkScope(r.Title, r.Enforced.Product, r.Enforced.Reach); err != nil {
			return fail(err)
		}
	}
	if len(r.Provenance) == 0 || (r.License != nil && !r.License.Citation.IsValid()) {
		return fail(ErrRuleProvenance)
	}
	for _, x := range r.Exclusions {
		if !x.Citation.IsValid() || len(x.Lifts) == 0 || x.ExporterIn.empty() {
			return fail(ErrRuleProvenance)
		}
		for _, l := range x.Lifts {
			if !l.IsValid() {
				return fail(ErrRuleProvenance)
			}
		}
	}
	for _, s := range r.Provenance {
		if s.Basis < TextRead || s.Basis > ReadingChosen || (s.Ref == "" && s.Note == "") {
			return fail(ErrRuleProvenance)
		}
	}
	return nil
}

func checkScope(title string, p ProductScope, reach []Prong) error {
	if title == "" || p.Item.Test < ItemAny || p.Item.Test > Item600Series ||
		(p.Direct == nil && p.Plant == nil && len(p.PlantIs) == 0) || (p.ContainsIC && p.Plant == nil) || len(reach) == 0 {
		return ErrRuleScope
	}
	if p.Item.Test == ItemListed && len(p.Item.Patterns) == 0 || p.Item.Elsewhere && p.Item.Test != ItemListed {
		return ErrRuleScope
	}
	for _, in := range []*InputScope{p.Direct, p.Plant} {
		if in != nil && (in.Origin < InputUSOrigin || in.Origin > InputSubjectToEAR ||
			(len(in.Patterns) == 0 && !in.AnyDE && !in.Series600 && !in.WrittenAssurance)) {
			return ErrRuleScope
		}
	}
	for _, pr := range reach {
		if pr.Kind < ProngDestination || pr.Kind > ProngPartyHQ {
			return ErrRuleScope
		}
		if pr.Kind == ProngFootnote && (pr.Footnote < 1 || pr.Footnote > 5) {
			return ErrRuleScope
		}
		if pr.Kind == ProngEndUse && !pr.EndUse.IsValid() {
			return ErrRuleScope
		}
	}
	return nil
}

// Rules returns copies of the rules in CFR order.
func (s Set) Rules() []Rule {
	out := make([]Rule, len(s.rules))
	for i, r := range s.rules {
		out[i] = r.clone()
	}
	return out
}

// Len returns the number of rules.
func (s Set) Len() int { return len(s.rules) }

// At returns a pointer to the i-th rule in CFR order, for evaluators that
// must not copy: the rule, and anything copied out of it, must not be
// changed (its patterns and places carry texts made once by NewSet; change
// a copy from Rules instead). It panics if i is out of
// range, like a slice index.
func (s Set) At(i int) *Rule { return &s.rules[i] }

// Rule returns a copy of the latest version of the rule with the
// citation, and whether there is one.
func (s Set) Rule(c Citation) (Rule, bool) {
	var found *Rule
	for i := range s.rules {
		if s.rules[i].Citation == c {
			found = &s.rules[i]
		}
	}
	if found == nil {
		return Rule{}, false
	}
	return found.clone(), true
}

// RuleAt returns a copy of the version of the rule with the citation in
// force on d, and whether there is one.
func (s Set) RuleAt(c Citation, d jurisdiction.Date) (Rule, bool) {
	for _, r := range s.rules {
		if r.Citation == c && r.InForce(d) {
			return r.clone(), true
		}
	}
	return Rule{}, false
}

// Footnote returns the Entity List footnote that the rule at c (or the
// rule containing it) reaches, when its reach has exactly one footnote
// prong: 1 for 734.9(e)(1), 4 for (e)(2), 5 for (e)(3), 3 for (g). A
// citation of "734.9(e)" names no one footnote: 0, false. Screening reads
// this to find the footnote a cited paragraph implies.
func (s Set) Footnote(c Citation) (int, bool) {
	for _, r := range s.rules {
		if !r.Citation.Covers(c) {
			continue
		}
		n := 0
		for _, p := range r.Reach {
			if p.Kind == ProngFootnote {
				if n != 0 {
					return 0, false
				}
				n = p.Footnote
			}
		}
		return n, n != 0
	}
	return 0, false
}
