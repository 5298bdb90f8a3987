package fdp

import (
	"slices"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// Rule is one foreign direct product (FDP) rule of 15 CFR 734.9 as data: a
// foreign-produced item is subject to the EAR under the rule when it meets
// both the product scope and the destination, end-user or end-use scope
// (Reach) of the rule.
//
// Everything about the paragraph is in its Rule value: the scopes, the
// dates, the license requirement it pairs with and the provenance of each
// of these. A Rule is a plain value; NewSet checks it (a rule without
// citation or effective date cannot be registered) and copies it.
type Rule struct {
	// Citation is the paragraph: "15 CFR 734.9(e)(1)". Required, within
	// 15 CFR 734.9, unique in a Set.
	Citation Citation
	// Title is the paragraph heading as codified. Required.
	Title string
	// Effective is the first day the rule (in the substance modelled) is
	// in force. Required. An evaluation before it leaves the rule out.
	Effective jurisdiction.Date
	// Compliance is the compliance date where the rule has one after its
	// effective date; the zero Date when it has none. Recorded, not used
	// to decide (the EAR's savings clauses are the caller's business).
	Compliance jurisdiction.Date
	// Until is the first day this version of the paragraph is no longer in
	// force (a later version, with the same citation, takes over); the zero
	// Date while it is in force.
	Until jurisdiction.Date
	// Predecessor is the paragraph where the rule stood before Effective
	// when it was moved into 734.9 from elsewhere or replaced an earlier
	// version not modelled ("15 CFR 736.2(b)(3)", General Prohibition
	// Three), in force from PredecessorFrom (the zero Date: before
	// 2020-01-01). On a date in that span the rule's text is not modelled:
	// an evaluation leaves the rule open, never "not in force". The zero
	// Citation: the rule is new on Effective.
	Predecessor     Citation
	PredecessorFrom jurisdiction.Date
	// PredecessorSame says the predecessor's substance is the rule's as
	// modelled (its Provenance says on what source): on a date in the
	// predecessor's span the rule is evaluated, and its result names the
	// predecessor; false leaves the rule open there.
	PredecessorSame bool
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
	// License is the license requirement that reaches the items the rule
	// makes subject to the EAR, where the rule's paragraph points to one
	// outside the item's own Country Chart rows; nil where the item's own
	// ECCN under the Country Chart is the requirement.
	License *License
	// Exclusions are the carve-outs of the license requirements that read
	// the rule's items, for items subject to the EAR only under the rule
	// (15 CFR 742.4(a)(4)(ii)(B) for 734.9(k)). A proposal that drops one
	// is written by leaving it out.
	Exclusions []Exclusion
	// Provenance says where each part of the rule comes from: the Federal
	// Register rules, the dated text read, and the readings chosen.
	Provenance []Source
}

// TextRead reports whether the rule's provenance holds the operative text
// read (a Source of Basis TextRead).
func (r Rule) TextRead() bool {
	for _, s := range r.Provenance {
		if s.Basis == TextRead {
			return true
		}
	}
	return false
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

// License is the license requirement an FDP rule pairs with: the paragraph
// its text points to ("See § 744.11(a)(2)(i) of the EAR for license
// requirements ...") and what it requires.
type License struct {
	// Citation is the paragraph of the license requirement. Required.
	Citation Citation
	// What says in one sentence what it requires.
	What string
	// NotFromPartners: the requirement does not apply to items exported
	// or reexported from a partner country of Supplement No. 3 to part 746
	// (15 CFR 746.8(a)(2)).
	NotFromPartners bool
}

// Exclusion is a carve-out of license requirements for an item subject to
// the EAR only under one FDP rule: the requirements of Lifts do not apply
// when the item is exported from abroad or reexported by an entity located
// in ExporterIn that is neither headquartered, nor has an ultimate parent
// company headquartered, in NotHeadquarteredIn.
//
// The license requirements apply such an exclusion only when every fact
// is stated (the exporter's location, headquarters and ultimate parent's
// headquarters) and the item is subject to the EAR under no other
// provision; otherwise the requirement stands and says why the exclusion
// was not applied.
type Exclusion struct {
	// Citation is the paragraph of the exclusion. Required.
	Citation Citation
	// Lifts are the license requirements it carves out (the paragraphs
	// the item's own Country Chart rows cite). At least one.
	Lifts []Citation
	// ExporterIn is where the exporting entity must be located. Required.
	ExporterIn Places
	// NotHeadquarteredIn is where neither the entity nor its ultimate
	// parent company may be headquartered.
	NotHeadquarteredIn Places
	// DeMinimis is the de minimis category whose items the exclusion also
	// covers ("an item subject to the EAR pursuant to 734.4(a)(8) or
	// 734.9(k)"); the zero Citation: none.
	DeMinimis Citation
	// What says in one sentence what it excludes.
	What string
}

// Basis says how well one part of a rule is sourced. The zero Basis is
// invalid.
type Basis uint8

// The bases of a Source.
const (
	// TextRead: the operative text was read, in the dated copy Source.Ref
	// names.
	TextRead Basis = iota + 1
	// Reported: only a Federal Register summary or a secondary source
	// reports it; the operative text was not read.
	Reported
	// ReadingChosen: a reading the SDK chose where the text is ambiguous
	// or was not available; Source.Note says which and why.
	ReadingChosen
)

var basisNames = [...]string{"", "read", "reported", "reading"}

// String returns "read", "reported" or "reading"; "" for an invalid Basis.
func (b Basis) String() string {
	if int(b) >= len(basisNames) {
		return ""
	}
	return basisNames[b]
}

// Source is one entry of a rule's provenance.
type Source struct {
	// Basis says whether the text was read, only reported, or a reading
	// chosen. Required.
	Basis Basis
	// Ref names the source: a Federal Register rule ("89 FR 96790
	// (2024-12-05)") or the dated copy of the text read.
	Ref string
	// Note says what the source settles, or the reading chosen.
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

// ItemScope is what the item itself must be.
type ItemScope struct {
	// Test is the kind of test. Required.
	Test ItemTest
	// Patterns for ItemListed.
	Patterns []Pattern
	// MinCategory and MaxCategory for ItemCategories (inclusive), less
	// ExceptCategories ("Categories 3 through 5 or 7" is 3-7 except 6).
	MinCategory, MaxCategory int
	ExceptCategories         []int
	// Supp7 adds the EAR99 items identified by HTS code in Supplement
	// No. 7 to part 746 (for ItemOnCCL and ItemCategories).
	Supp7 bool
	// Elsewhere adds, for ItemListed, "an integrated circuit, computer,
	// 'electronic assembly,' or 'component' specified elsewhere on the CCL
	// and [that] meets the performance parameters of" the listed ECCNs
	// (734.9(h)(1)(i)(B)(2) before 2023-11-17). A request does not state
	// performance parameters: an item of product group A in Categories 3
	// to 5 that no pattern describes is open (the reading chosen: where
	// integrated circuits, computers and their assemblies and components
	// are classified).
	Elsewhere bool

	index *patternIndex // Patterns by entry, made by NewSet
}

// PatternsOf returns, in list order, the indexes of the Patterns that can
// describe the item classified e (MatchItem not No): those of e's CCL
// entry. It is an evaluator's shortcut for the scopes of a Set's rules,
// indexed once by NewSet; ok is false for a scope not indexed (a copy from
// Rules, or one built by the caller), whose every pattern must be tried.
func (s *ItemScope) PatternsOf(e product.ECCN) (idx []int32, ok bool) {
	if s.index == nil {
		return nil, false
	}
	return s.index.of(e), true
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
	Patterns []Pattern
	// AnyDE: any ECCN of product group D or E, in categories MinCategory
	// to MaxCategory (inclusive) less ExceptCategories.
	AnyDE                    bool
	MinCategory, MaxCategory int
	ExceptCategories         []int
	// Series600: any "600 series" D or E ECCN.
	Series600 bool
	// WrittenAssurance: the technology or software must require a written
	// assurance (734.9(b)).
	WrittenAssurance bool

	index *patternIndex // Patterns by entry, made by NewSet
}

// PatternsOf returns, in list order, the indexes of the Patterns that can
// describe the input classified e (MatchItem not No): those of e's CCL
// entry. It is an evaluator's shortcut for the scopes of a Set's rules,
// indexed once by NewSet; ok is false for a scope not indexed (a copy from
// Rules, or one built by the caller), whose every pattern must be tried.
func (in *InputScope) PatternsOf(e product.ECCN) (idx []int32, ok bool) {
	if in.index == nil {
		return nil, false
	}
	return in.index.of(e), true
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
	// ContainsIC adds the route of a commodity that contains a commodity
	// produced by such a plant (734.9(e)(3)(i)(B)(2), (k)(1)(ii)(B)); the
	// integrated circuit of the Notes to those paragraphs is one example.
	ContainsIC bool
	// PlantIs is the route of a complete plant or 'major component' of a
	// plant that is itself subject to the EAR and specified in one of
	// these ECCNs (734.9(l)(1)): the plant's own classification, not its
	// lineage. A request states a plant's lineage only, so the route is
	// open whenever the item test is met.
	PlantIs []Pattern
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
	// ProngPartyHQ: an entity headquartered (or whose ultimate parent is
	// headquartered) in Where is a party to the transaction, e.g. as
	// purchaser, intermediate consignee, ultimate consignee or end user,
	// wherever the item goes (734.9(h)(2)(i) and its Note, before the AI
	// diffusion amendments). A party's HeadquarteredIn is its declaration:
	// the zero Country is none declared.
	ProngPartyHQ
)

// Prong is one alternative of a rule's reach.
type Prong struct {
	Kind       ProngKind            // which test
	Where      Places               // for destination, incorporation, end-use and developer prongs
	Footnote   int                  // for ProngFootnote: the Entity List footnote (1, 3, 4, 5)
	Government jurisdiction.Country // for ProngGovernment
	EndUse     EndUse               // for ProngEndUse
}

// clone returns a deep copy of r.
func (r Rule) clone() Rule {
	r.Provenance = slices.Clone(r.Provenance)
	r.Product = r.Product.clone()
	r.Reach = cloneReach(r.Reach)
	if r.Enforced != nil {
		e := *r.Enforced
		e.Product = e.Product.clone()
		e.Reach = cloneReach(e.Reach)
		r.Enforced = &e
	}
	if r.License != nil {
		l := *r.License
		r.License = &l
	}
	if r.Exclusions != nil {
		r.Exclusions = slices.Clone(r.Exclusions)
		for i := range r.Exclusions {
			x := &r.Exclusions[i]
			x.Lifts = slices.Clone(x.Lifts)
			x.ExporterIn = x.ExporterIn.clone()
			x.NotHeadquarteredIn = x.NotHeadquarteredIn.clone()
		}
	}
	return r
}

// InForce reports whether this version of the rule is in force on d.
func (r Rule) InForce(d jurisdiction.Date) bool {
	return !d.Before(r.Effective) && (!r.Until.IsValid() || d.Before(r.Until))
}

// Unmodelled reports whether on d the rule stood at its Predecessor, whose
// text is not modelled (d before Effective, from PredecessorFrom on).
func (r Rule) Unmodelled(d jurisdiction.Date) bool {
	return r.atPredecessor(d) && !r.PredecessorSame
}

// AtPredecessor reports whether on d the rule stood at its Predecessor and
// the predecessor's substance is the rule's (PredecessorSame): the rule is
// evaluated as modelled, citing the predecessor.
func (r Rule) AtPredecessor(d jurisdiction.Date) bool {
	return r.atPredecessor(d) && r.PredecessorSame
}

func (r Rule) atPredecessor(d jurisdiction.Date) bool {
	return r.Predecessor.IsValid() && d.Before(r.Effective) && (!r.PredecessorFrom.IsValid() || !d.Before(r.PredecessorFrom))
}

// InCategory reports whether category c is within the scope's categories.
func (s ItemScope) InCategory(c int) bool {
	return c >= s.MinCategory && c <= s.MaxCategory && !slices.Contains(s.ExceptCategories, c)
}

// InCategory reports whether category c is within the scope's categories.
func (in *InputScope) InCategory(c int) bool {
	return c >= in.MinCategory && c <= in.MaxCategory && !slices.Contains(in.ExceptCategories, c)
}

func (p ProductScope) clone() ProductScope {
	p.Item.Patterns = clonePatterns(p.Item.Patterns)
	p.Item.ExceptCategories = slices.Clone(p.Item.ExceptCategories)
	p.Item.index = nil
	p.PlantIs = clonePatterns(p.PlantIs)
	for _, in := range []**InputScope{&p.Direct, &p.Plant} {
		if *in != nil {
			c := **in
			c.Patterns = clonePatterns(c.Patterns)
			c.ExceptCategories = slices.Clone(c.ExceptCategories)
			c.index = nil
			*in = &c
		}
	}
	return p
}

func clonePatterns(ps []Pattern) []Pattern {
	out := slices.Clone(ps)
	for i := range out {
		out[i] = out[i].clone()
	}
	return out
}

func cloneReach(rs []Prong) []Prong {
	out := slices.Clone(rs)
	for i := range out {
		out[i].Where = out[i].Where.clone()
	}
	return out
}
