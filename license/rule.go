package license

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// Rule is one foreign direct product (FDP) rule of 15 CFR 734.9 as data: a
// foreign-produced item is subject to the EAR under the rule when it meets
// both the product scope and the destination, end-user or end-use scope
// (Reach) of the rule.
//
// A Rule is a plain value; NewRuleSet checks it (a rule without citation or
// effective date cannot be registered) and copies it.
type Rule struct {
	// Citation is the paragraph: "15 CFR 734.9(e)(1)". Required, unique in
	// a RuleSet.
	Citation string
	// Title is the paragraph heading as codified. Required.
	Title string
	// Effective is the first day the rule (in the substance modeled) is in
	// force. Required. An evaluation before it leaves the rule out.
	Effective jurisdiction.Date
	// Compliance is the compliance date where the rule has one after its
	// effective date; the zero Date when it has none. Recorded, not used
	// to decide (the EAR's savings clauses are the caller's business).
	Compliance jurisdiction.Date
	// Sources are the Federal Register rules that made or last changed it.
	Sources []string
	// Product is the product scope.
	Product ProductScope
	// Reach is the destination, end-user and end-use scope: the rule
	// reaches the item when any one prong is met.
	Reach []Prong
	// Affiliates says that the affiliates (50 percent) rule of 90 FR 47201
	// extends the rule's Entity List footnote prong to parties owned 50
	// percent or more by listed entities, while that rule is in force.
	Affiliates bool
	// Enforced, when not nil, is the rule as read under the "enforced"
	// reading of the January 2025 AI diffusion amendments (the text as it
	// stood on 2025-01-12). Nil: the amendments did not change the rule.
	Enforced *Reading
	// Notes record the reading chosen where the text is ambiguous or was
	// not verified.
	Notes []string
}

// Reading is a rule's scope under the "enforced" reading of the AI
// diffusion amendments.
type Reading struct {
	// Absent is true when the paragraph did not exist before the
	// amendments (734.9(l)): under this reading it never applies.
	Absent bool
	// Product and Reach replace the rule's when Absent is false; a zero
	// Product (no item test) keeps the rule's product scope.
	Product ProductScope
	Reach   []Prong
	// Note says what the reading is.
	Note string
}

// ItemTest says what the foreign-produced item itself must be for a rule's
// product scope. The zero ItemTest is invalid.
type ItemTest uint8

// The tests of the item itself.
const (
	ItemAny          ItemTest = iota + 1 // any item, EAR99 included
	ItemNSControlled                     // its ECCN is subject to national security (NS) controls
	ItemOnCCL                            // any ECCN on the CCL (not EAR99)
	ItemCategories                       // an ECCN in the categories ItemScope.MinCategory..MaxCategory
	ItemListed                           // described by one of ItemScope.Patterns
	Item9x515                            // a 9x515 item (9A515-9E515)
	Item600Series                        // a "600 series" item, or 0A919
)

var itemTestNames = [...]string{"", "any item", "NS-controlled", "on the CCL", "categories", "listed", "9x515", "600 series"}

// String returns a short name of the test.
func (t ItemTest) String() string { return enum.String(t, itemTestNames[:]) }

// ItemScope is what the item itself must be.
type ItemScope struct {
	// Test is the kind of test. Required.
	Test ItemTest
	// Patterns for ItemListed.
	Patterns []ECCNPattern
	// MinCategory and MaxCategory for ItemCategories (inclusive).
	MinCategory, MaxCategory int
	// Supp7 adds the EAR99 items identified by HTS code in Supplement
	// No. 7 to part 746 (for ItemOnCCL and ItemCategories).
	Supp7 bool
}

// InputOrigin says what the technology or software an item (or plant) is a
// direct product of must be: US-origin, or only subject to the EAR.
type InputOrigin uint8

// The input origins.
const (
	InputUSOrigin     InputOrigin = iota + 1 // U.S.-origin technology or software
	InputSubjectToEAR                        // technology or software subject to the EAR (US-origin or foreign but subject)
)

// String returns "U.S.-origin" or "subject to the EAR".
func (o InputOrigin) String() string {
	switch o {
	case InputUSOrigin:
		return "U.S.-origin"
	case InputSubjectToEAR:
		return "subject to the EAR"
	}
	return ""
}

// InputScope is the technology or software of one route of a product scope.
type InputScope struct {
	// Origin the input must have. Required.
	Origin InputOrigin
	// Patterns list the ECCNs the input must be in. Empty when AnyDE or
	// Series600 says it.
	Patterns []ECCNPattern
	// AnyDE: any ECCN of product group D or E, in categories MinCategory
	// to MaxCategory (inclusive).
	AnyDE                    bool
	MinCategory, MaxCategory int
	// Series600: any "600 series" D or E ECCN.
	Series600 bool
	// WrittenAssurance: the technology or software must require a written
	// assurance (734.9(b)).
	WrittenAssurance bool
}

// ProductScope is a rule's product scope: the item test, and the routes by
// which the item is tied to the listed technology or software. Any route
// suffices.
type ProductScope struct {
	Item ItemScope
	// Direct is the direct-product route; nil when the rule has none.
	Direct *InputScope
	// Plant is the route of a complete plant or 'major component' of a
	// plant that is a direct product of the inputs; nil when none.
	Plant *InputScope
	// ContainsIC adds the route of a commodity that contains an integrated
	// circuit produced by such a plant (734.9(e)(3), (k)).
	ContainsIC bool
}

// ProngKind is the kind of one prong of a rule's reach. The zero ProngKind
// is invalid.
type ProngKind uint8

// The prongs of a reach.
const (
	// ProngDestination: knowledge that the item is destined to a
	// destination in Where.
	ProngDestination ProngKind = iota + 1
	// ProngIncorporation: knowledge that the item will be incorporated
	// into, or used to produce or develop, items bound for Where.
	ProngIncorporation
	// ProngFootnote: an entity with Entity List footnote Footnote is a
	// party to the transaction, or the item will be incorporated into or
	// used for items produced, purchased or ordered by one.
	ProngFootnote
	// ProngGovernment: the government of Government is a party.
	ProngGovernment
	// ProngEndUse: the end use EndUse, at a destination in Where.
	ProngEndUse
	// ProngDeveloperHQ: the item is technology developed by an entity
	// headquartered (or with an ultimate parent headquartered) in Where,
	// for producing a mask or an integrated circuit wafer or die.
	ProngDeveloperHQ
)

// Prong is one alternative of a rule's reach.
type Prong struct {
	Kind       ProngKind            // which test
	Where      Destinations         // for destination, incorporation, end-use and developer prongs
	Footnote   int                  // for ProngFootnote: the Entity List footnote (1, 3, 4, 5)
	Government jurisdiction.Country // for ProngGovernment
	EndUse     EndUse               // for ProngEndUse
}

// Destinations is a set of destinations: everywhere, or named places and
// country groups less excepted groups.
type Destinations struct {
	Anywhere     bool                 // every destination
	Places       []Place              // named countries and regions
	Groups       []jurisdiction.Group // country groups (Supplement No. 1 to part 740), as of the evaluation date
	ExceptGroups []jurisdiction.Group // a destination also in one of these is out
}

// Place is a named destination, in the set from From on (the zero From:
// always).
type Place struct {
	Country jurisdiction.Country // the country; with a region, Ukraine
	Region  jurisdiction.Region  // a covered region of Ukraine, or none for the whole country
	From    jurisdiction.Date    // first day in the set; zero: always
}

// ECCNPattern is an entry of an ECCN list in a rule, with its printed
// exceptions and "for" qualifier: "3B001 except .a.4 .c", "3D001 for 3B",
// "3E001 for 3A090". Parse with ParseECCNPattern.
type ECCNPattern struct {
	ECCN   product.ECCN   // the entry or paragraph listed
	Except []product.ECCN // full ECCNs excepted from it
	For    []string       // ECCNs or category-group prefixes ("3B") the input must be for

	forECCN []product.ECCN // For parsed; the zero ECCN for a prefix
}

// ParseECCNPattern parses "ECCN [except .p ...] [for X ...]": an ECCN, then
// optionally "except" and paragraphs relative to it (".a.4"), then
// optionally "for" and ECCNs or two-character category and product group
// prefixes ("3B"). Errors are *PatternError.
func ParseECCNPattern(s string) (ECCNPattern, error) {
	fail := func(msg string) (ECCNPattern, error) { return ECCNPattern{}, &PatternError{Input: s, Msg: msg} }
	f := strings.Fields(s)
	if len(f) == 0 {
		return fail("empty")
	}
	e, err := product.ParseECCN(f[0])
	if err != nil || e.IsEAR99() {
		return fail("want an ECCN first")
	}
	p := ECCNPattern{ECCN: e}
	mode := ""
	for _, t := range f[1:] {
		switch {
		case t == "except" && mode == "" && len(p.Except) == 0:
			mode = "except"
		case t == "for" && mode != "for" && len(p.For) == 0:
			if mode == "except" && len(p.Except) == 0 {
				return fail("except with no paragraph")
			}
			mode = "for"
		case mode == "except":
			if !strings.HasPrefix(t, ".") {
				return fail("an excepted paragraph starts with '.'")
			}
			x, err := product.ParseECCN(e.String() + t)
			if err != nil || !e.Covers(x) || x == e {
				return fail(fmt.Sprintf("bad excepted paragraph %q", t))
			}
			p.Except = append(p.Except, x)
		case mode == "for":
			if len(t) == 2 && t[0] >= '0' && t[0] <= '9' && t[1] >= 'A' && t[1] <= 'E' {
				p.For = append(p.For, t)
				p.forECCN = append(p.forECCN, product.ECCN{})
				continue
			}
			x, err := product.ParseECCN(t)
			if err != nil || x.IsEAR99() {
				return fail(fmt.Sprintf("bad for %q", t))
			}
			p.For = append(p.For, x.String())
			p.forECCN = append(p.forECCN, x)
		default:
			return fail(fmt.Sprintf("unexpected %q", t))
		}
	}
	if mode != "" && len(p.Except) == 0 && len(p.For) == 0 {
		return fail(mode + " with nothing after it")
	}
	if mode == "for" && len(p.For) == 0 {
		return fail("for with nothing after it")
	}
	return p, nil
}

// MustParseECCNPattern is ParseECCNPattern that panics on error, for rule
// data.
func MustParseECCNPattern(s string) ECCNPattern {
	p, err := ParseECCNPattern(s)
	if err != nil {
		panic(err)
	}
	return p
}

// String returns the pattern in the form ParseECCNPattern reads.
func (p ECCNPattern) String() string {
	var b strings.Builder
	b.WriteString(p.ECCN.String())
	if len(p.Except) > 0 {
		b.WriteString(" except")
		for _, x := range p.Except {
			b.WriteString(" ")
			b.WriteString(strings.TrimPrefix(x.String(), p.ECCN.String()))
		}
	}
	if len(p.For) > 0 {
		b.WriteString(" for")
		for _, f := range p.For {
			b.WriteString(" ")
			b.WriteString(f)
		}
	}
	return b.String()
}

// PatternError reports text that is not an ECCNPattern.
type PatternError struct {
	Input string // the text parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *PatternError) Error() string {
	return fmt.Sprintf("license: malformed ECCN pattern %q: %s", e.Input, e.Msg)
}

// matchItem reports whether the pattern describes the item classified e:
// Yes when it covers e and no exception covers it, Indeterminate when e is
// less specific than the pattern or an exception, No otherwise.
func (p ECCNPattern) matchItem(e product.ECCN) Answer {
	switch {
	case p.ECCN.Covers(e):
		a := Yes
		for _, x := range p.Except {
			if x.Covers(e) {
				return No
			}
			if e.Covers(x) {
				a = Indeterminate
			}
		}
		return a
	case e.Covers(p.ECCN):
		return Indeterminate
	}
	return No
}

// matchFor reports whether f, what an input is for, is within the
// pattern's For list; Yes when the pattern has none.
func (p ECCNPattern) matchFor(f product.ECCN) Answer {
	if len(p.For) == 0 {
		return Yes
	}
	if !f.IsValid() {
		return Indeterminate
	}
	a := No
	for i, want := range p.For {
		w := product.ECCN{}
		if i < len(p.forECCN) {
			w = p.forECCN[i]
		}
		if !w.IsValid() {
			if len(want) == 2 && f.Category() == int(want[0]-'0') && f.ProductGroup() == want[1] {
				return Yes
			}
			if len(want) == 2 {
				continue
			}
			w, _ = product.ParseECCN(want)
		}
		switch {
		case w.Covers(f):
			return Yes
		case f.Covers(w):
			a = Indeterminate
		}
	}
	return a
}

// RuleError reports a rule that cannot be registered. It wraps one of
// ErrRuleCitation, ErrRuleEffective or ErrRuleScope.
type RuleError struct {
	Citation string // the rule's citation, possibly empty
	Err      error
}

// Error implements the error interface.
func (e *RuleError) Error() string {
	c := e.Citation
	if c == "" {
		c = "(no citation)"
	}
	return "license: rule " + c + ": " + e.Err.Error()
}

// Unwrap returns the underlying error.
func (e *RuleError) Unwrap() error { return e.Err }

// Sentinel errors of RuleError.
var (
	ErrRuleCitation  = errors.New("a rule needs a citation of the form \"15 CFR 734.9(x)\" that no other rule of the set has")
	ErrRuleEffective = errors.New("a rule needs an effective date (and a compliance date, if any, not before it)")
	ErrRuleScope     = errors.New("a rule needs a title, an item test, at least one route and at least one reach prong")
)

// RuleSet is an immutable, compiled set of FDP rules in CFR order. It is
// safe for concurrent use. The zero RuleSet has no rules.
type RuleSet struct {
	rules []Rule
}

// NewRuleSet checks and copies rules and returns them as a RuleSet in CFR
// order. A rule without citation or effective date, with a duplicate
// citation, or without scope is a *RuleError; all problems are joined.
func NewRuleSet(rules ...Rule) (RuleSet, error) {
	var errs []error
	seen := map[string]bool{}
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
		if seen[r.Citation] {
			errs = append(errs, &RuleError{Citation: r.Citation, Err: ErrRuleCitation})
			continue
		}
		seen[r.Citation] = true
		out = append(out, r.clone())
	}
	if len(errs) > 0 {
		return RuleSet{}, errors.Join(errs...)
	}
	slices.SortStableFunc(out, func(a, b Rule) int { return compareCitations(a.Citation, b.Citation) })
	return RuleSet{rules: out}, nil
}

func (r Rule) check() error {
	fail := func(err error) error { return &RuleError{Citation: r.Citation, Err: err} }
	if _, ok := citationKey(r.Citation); !ok {
		return fail(ErrRuleCitation)
	}
	if !r.Effective.IsValid() || (r.Compliance.IsValid() && r.Compliance.Before(r.Effective)) {
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
	return nil
}

func checkScope(title string, p ProductScope, reach []Prong) error {
	if title == "" || p.Item.Test < ItemAny || p.Item.Test > Item600Series ||
		(p.Direct == nil && p.Plant == nil) || (p.ContainsIC && p.Plant == nil) || len(reach) == 0 {
		return ErrRuleScope
	}
	if p.Item.Test == ItemListed && len(p.Item.Patterns) == 0 {
		return ErrRuleScope
	}
	for _, in := range []*InputScope{p.Direct, p.Plant} {
		if in != nil && (in.Origin < InputUSOrigin || in.Origin > InputSubjectToEAR ||
			(len(in.Patterns) == 0 && !in.AnyDE && !in.Series600 && !in.WrittenAssurance)) {
			return ErrRuleScope
		}
	}
	for _, pr := range reach {
		if pr.Kind < ProngDestination || pr.Kind > ProngDeveloperHQ {
			return ErrRuleScope
		}
	}
	return nil
}

// citationKey parses "15 CFR 734.9(e)(1)" into its paragraph keys.
func citationKey(c string) ([]string, bool) {
	const prefix = "15 CFR 734.9"
	rest, ok := strings.CutPrefix(c, prefix)
	if !ok || rest == "" {
		return nil, false
	}
	var keys []string
	for rest != "" {
		if rest[0] != '(' {
			return nil, false
		}
		end := strings.IndexByte(rest, ')')
		if end < 2 {
			return nil, false
		}
		keys = append(keys, rest[1:end])
		rest = rest[end+1:]
	}
	return keys, true
}

func compareCitations(a, b string) int {
	ka, _ := citationKey(a)
	kb, _ := citationKey(b)
	for i := 0; i < len(ka) && i < len(kb); i++ {
		x, y := ka[i], kb[i]
		nx, ex := strconv.Atoi(x)
		ny, ey := strconv.Atoi(y)
		if ex == nil && ey == nil {
			if c := cmp.Compare(nx, ny); c != 0 {
				return c
			}
			continue
		}
		if c := cmp.Compare(x, y); c != 0 {
			return c
		}
	}
	return cmp.Compare(len(ka), len(kb))
}

// clone returns a deep copy of r.
func (r Rule) clone() Rule {
	r.Sources = slices.Clone(r.Sources)
	r.Notes = slices.Clone(r.Notes)
	r.Product = r.Product.clone()
	r.Reach = cloneReach(r.Reach)
	if r.Enforced != nil {
		e := *r.Enforced
		e.Product = e.Product.clone()
		e.Reach = cloneReach(e.Reach)
		r.Enforced = &e
	}
	return r
}

func (p ProductScope) clone() ProductScope {
	p.Item.Patterns = clonePatterns(p.Item.Patterns)
	for _, in := range []**InputScope{&p.Direct, &p.Plant} {
		if *in != nil {
			c := **in
			c.Patterns = clonePatterns(c.Patterns)
			*in = &c
		}
	}
	return p
}

func clonePatterns(ps []ECCNPattern) []ECCNPattern {
	out := slices.Clone(ps)
	for i := range out {
		out[i].Except = slices.Clone(out[i].Except)
		out[i].For = slices.Clone(out[i].For)
		out[i].forECCN = slices.Clone(out[i].forECCN)
	}
	return out
}

func cloneReach(rs []Prong) []Prong {
	out := slices.Clone(rs)
	for i := range out {
		w := &out[i].Where
		w.Places = slices.Clone(w.Places)
		w.Groups = slices.Clone(w.Groups)
		w.ExceptGroups = slices.Clone(w.ExceptGroups)
	}
	return out
}

// Rules returns copies of the rules in CFR order.
func (s RuleSet) Rules() []Rule {
	out := make([]Rule, len(s.rules))
	for i, r := range s.rules {
		out[i] = r.clone()
	}
	return out
}

// Len returns the number of rules.
func (s RuleSet) Len() int { return len(s.rules) }

// Rule returns a copy of the rule with the citation, and whether there is
// one.
func (s RuleSet) Rule(citation string) (Rule, bool) {
	for _, r := range s.rules {
		if r.Citation == citation {
			return r.clone(), true
		}
	}
	return Rule{}, false
}
