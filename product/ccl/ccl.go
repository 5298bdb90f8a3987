package ccl

//go:generate go run ./internal/cclgen -src data/ccl.jsonl -mends data/ccl_mends.json -out ccl_gen.go

import (
	"fmt"
	"iter"
	"sort"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// ECFRDate is the issue date of the eCFR text of the Commerce Control List
// (Supplement No. 1 to part 774) from which the embedded table was generated.
const ECFRDate = "2026-07-23"

// Date returns ECFRDate as a civil date.
func Date() jurisdiction.Date { return date }

// date is ECFRDate parsed once (a constant; never changed).
var date = jurisdiction.MustParseDate(ECFRDate)

// Reason is a reason for control printed on the "Reason for Control" line of
// a CCL entry and at the head of each of its License Requirements rows. The
// zero Reason is invalid.
type Reason uint8

// The reasons for control that the Commerce Control List uses.
const (
	ReasonAT   Reason         = iota + 1 // anti-terrorism (15 CFR 742.8, 742.9, 742.19)
	ReasonCB                             // chemical and biological weapons (742.2)
	ReasonCC                             // crime control (742.7)
	ReasonCW                             // Chemical Weapons Convention (742.18)
	ReasonEI                             // encryption items (742.15)
	ReasonFC                             // Firearms Convention (742.17)
	ReasonFP                             // foreign policy: the Russian and Belarusian industry sector sanctions (746.8); printed "Foreign policy"
	ReasonMT                             // missile technology (742.5)
	ReasonNP                             // nuclear nonproliferation (742.3)
	ReasonNS                             // national security (742.4)
	ReasonRS                             // regional stability (742.6)
	ReasonSI                             // significant items (742.14)
	ReasonSL                             // surreptitious listening (742.13)
	ReasonSS                             // short supply (part 754)
	ReasonUN                             // United Nations embargoes (746.1(b))
	numReasons = ReasonUN + 1            // one past the last reason
)

var reasonNames = [...]string{"", "AT", "CB", "CC", "CW", "EI", "FC", "FP", "MT", "NP", "NS", "RS", "SI", "SL", "SS", "UN"}

// Reasons returns every reason for control in alphabetical order. The caller
// owns the returned slice.
func Reasons() []Reason {
	rs := make([]Reason, 0, numReasons-1)
	for r := ReasonAT; r < numReasons; r++ {
		rs = append(rs, r)
	}
	return rs
}

// ReasonError reports text that names no reason for control.
type ReasonError struct {
	Input string // the text that was parsed
}

// Error implements the error interface.
func (e *ReasonError) Error() string {
	return fmt.Sprintf("ccl: unknown reason for control %q", e.Input)
}

// ParseReason parses a reason for control as the CCL writes it: its two
// letter code ("NS", case-insensitive), or "foreign policy" for FP.
func ParseReason(s string) (Reason, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	if u == "FOREIGN POLICY" {
		return ReasonFP, nil
	}
	for r := ReasonAT; r < numReasons; r++ {
		if reasonNames[r] == u {
			return r, nil
		}
	}
	return 0, &ReasonError{Input: s}
}

// IsValid reports whether r is one of the reasons for control.
func (r Reason) IsValid() bool { return r > 0 && r < numReasons }

// String returns the two letter code ("NS"), or "" for an invalid Reason.
func (r Reason) String() string {
	if !r.IsValid() {
		return ""
	}
	return reasonNames[r]
}

// MarshalText implements encoding.TextMarshaler.
func (r Reason) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, fmt.Errorf("ccl: cannot marshal invalid Reason %d", uint8(r))
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (r *Reason) UnmarshalText(b []byte) error {
	v, err := ParseReason(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// ScopeKind says which part of its entry a License Requirements row covers.
// The zero ScopeKind is invalid.
type ScopeKind uint8

// The kinds of paragraph scope a row can print.
const (
	// ScopeEntire: "applies to entire entry".
	ScopeEntire ScopeKind = iota + 1
	// ScopeParagraphs: the row lists the paragraphs it applies to
	// (Control.Paragraphs).
	ScopeParagraphs
	// ScopeExcept: the entire entry except the listed paragraphs
	// (Control.Paragraphs), or except the software or technology for
	// the listed items (Control.ExceptFor).
	ScopeExcept
	// ScopeFor: software or technology (or equipment) of the entry for
	// the items the row lists (Control.For).
	ScopeFor
)

var scopeNames = [...]string{"", "entire entry", "paragraphs", "entire entry except", "for"}

// String describes the kind ("entire entry", "paragraphs", "entire entry
// except", "for"), or "" for an invalid ScopeKind.
func (k ScopeKind) String() string {
	if k == 0 || int(k) >= len(scopeNames) {
		return ""
	}
	return scopeNames[k]
}

// Ref is one ECCN, paragraph or product group named in the scope of a row,
// with the paragraphs the row carves out of it ("5A001.b (except .b.5)") and
// whether the row qualifies it with words that only the facts can decide
// ("3A001.a.1.a when usable in missiles"). Relative references of the printed
// text (".e", "z.1.a") are resolved against their entry.
type Ref struct {
	eccn      product.ECCN
	group     string
	except    []product.ECCN
	qualified bool
	forReason Reason
}

// ECCN returns the ECCN or paragraph named, or the zero ECCN when the
// reference names a whole product group (see Group).
func (r Ref) ECCN() product.ECCN { return r.eccn }

// Group returns the product group named ("3B" for "3B (except as specified
// in the heading)"), or "" when the reference names an ECCN.
func (r Ref) Group() string { return r.group }

// Except returns the paragraphs printed as excepted from this reference.
// The caller owns the returned slice.
func (r Ref) Except() []product.ECCN { return append([]product.ECCN(nil), r.except...) }

// Qualified reports whether the row attaches a condition to this reference
// that its ECCN alone cannot decide; see Control.Condition.
func (r Ref) Qualified() bool { return r.qualified }

// ForReason returns the reason a "for" reference is limited to, as in
// "technology for items controlled by 1B001 for NP reasons", and whether
// there is one.
func (r Ref) ForReason() (Reason, bool) { return r.forReason, r.forReason.IsValid() }

// String returns the reference as text: the ECCN or group, then any except
// list in parentheses.
func (r Ref) String() string {
	s := r.eccn.String()
	if r.group != "" {
		s = r.group
	}
	if len(r.except) > 0 {
		xs := make([]string, len(r.except))
		for i, x := range r.except {
			xs[i] = x.String()
		}
		s += " (except " + strings.Join(xs, ", ") + ")"
	}
	return s
}

// covers reports how far r describes e: Yes if r names e or a paragraph
// above it (and no excepted paragraph covers e), Indeterminate if e is less
// specific than r or than one of its exceptions, No otherwise. A qualified
// reference never answers Yes.
func (r Ref) covers(e product.ECCN) ear.Answer {
	var inside, around bool
	if r.group != "" {
		inside = isEntry(e) && strings.HasPrefix(e.String(), r.group)
	} else {
		inside = r.eccn.Covers(e)
		around = !inside && e.Covers(r.eccn)
	}
	switch {
	case around:
		return ear.Indeterminate
	case !inside:
		return ear.No
	}
	for _, x := range r.except {
		if x.Covers(e) {
			return ear.No
		}
		if e.Covers(x) {
			return ear.Indeterminate
		}
	}
	if r.qualified {
		return ear.Indeterminate
	}
	return ear.Yes
}

// RuleKind names the kind of a DestinationRule: the form in which a License
// Requirements row states the destinations for which it requires a license.
// The zero RuleKind is invalid.
type RuleKind uint8

// The destination rules the CCL prints in its "Country Chart" column.
const (
	// RuleColumn: a Commerce Country Chart column ("NS Column 1").
	RuleColumn RuleKind = iota + 1
	// RuleWorldwide: every destination ("Worldwide control", "A license
	// is required for all destinations").
	RuleWorldwide
	// RuleWorldwideExcept: every destination except the countries of
	// ExceptCountries ("ALL destinations, except Canada").
	RuleWorldwideExcept
	// RuleMacauD5: Macau and every destination in Country Group D:5.
	RuleMacauD5
	// RuleUAED1D4D5NotA5A6: the United Arab Emirates and every destination
	// in Country Group D:1, D:4 or D:5 that is not also in A:5 or A:6.
	RuleUAED1D4D5NotA5A6
	// RuleD1D4D5NotA5A6: every destination in Country Group D:1, D:4 or
	// D:5 that is not also in A:5 or A:6 (as 3E001 prints it, without the
	// United Arab Emirates).
	RuleD1D4D5NotA5A6
	// RuleE1: the destinations of Country Group E:1.
	RuleE1
	// RuleCountries: the named countries of Countries only ("China,
	// Russia, or Venezuela", "Pakistan", "North Korea").
	RuleCountries
	// RuleCWCNonStatesParties: destinations not listed in Supplement
	// No. 2 to part 745 (States not Party to the Chemical Weapons
	// Convention), less ExceptCountries.
	RuleCWCNonStatesParties
	// RulePointer: the row sends the reader to another provision
	// (Citations) for the destinations ("See § 746.1(b) for UN
	// controls", "Refer to § 742.15").
	RulePointer
	// RuleNotApplicable: the row prints "N/A".
	RuleNotApplicable
	// RuleUnknown: the generator could not read the printed text; see
	// Control.TargetText. Such a row is always Conditional.
	RuleUnknown
)

var ruleNames = [...]string{"", "column", "worldwide", "worldwide except", "Macau + D:5",
	"AE + D:1/D:4/D:5 not A:5/A:6", "D:1/D:4/D:5 not A:5/A:6", "E:1", "countries",
	"CWC non-States Parties", "pointer", "N/A", "unknown"}

// String names the kind, or "" for an invalid RuleKind.
func (k RuleKind) String() string {
	if k == 0 || int(k) >= len(ruleNames) {
		return ""
	}
	return ruleNames[k]
}

// DestinationRule is the destination rule of a License Requirements row
// (its "Country Chart" cell): a chart column, or a set of destinations
// stated in words, or a pointer to the provision that states it. A set is
// given both by its Kind and as Countries plus Groups, less ExceptGroups and
// ExceptCountries, so that a caller can compute it from the country-group
// table in force. Every DestinationRule keeps the citations printed with it.
//
// It is a rule over destinations, not a destination: in this SDK the name
// Destination means only where an item goes (jurisdiction.Destination).
type DestinationRule struct {
	kind          RuleKind
	column        jurisdiction.Column
	countries     []string
	groups        []jurisdiction.Group
	exceptGroups  []jurisdiction.Group
	exceptCountry []string
	citations     []string
}

// Kind returns the kind of rule.
func (d DestinationRule) Kind() RuleKind { return d.kind }

// Column returns the chart column of a RuleColumn rule, or the zero Column.
func (d DestinationRule) Column() jurisdiction.Column { return d.column }

// Countries returns the countries named as part of the set (Macau for
// RuleMacauD5, the United Arab Emirates for RuleUAED1D4D5NotA5A6, China,
// Russia and Venezuela for a RuleCountries rule ...). The caller owns the
// returned slice.
func (d DestinationRule) Countries() []jurisdiction.Country { return countries(d.countries) }

// Groups returns the country groups whose members belong to the set. The
// caller owns the returned slice.
func (d DestinationRule) Groups() []jurisdiction.Group {
	return append([]jurisdiction.Group(nil), d.groups...)
}

// ExceptGroups returns the country groups whose members are taken out of
// the set (A:5 and A:6 for RuleUAED1D4D5NotA5A6). The caller owns the
// returned slice.
func (d DestinationRule) ExceptGroups() []jurisdiction.Group {
	return append([]jurisdiction.Group(nil), d.exceptGroups...)
}

// ExceptCountries returns the countries taken out of the set (Canada for
// "ALL destinations, except Canada"; Israel and Taiwan for the CWC rows).
// The caller owns the returned slice.
func (d DestinationRule) ExceptCountries() []jurisdiction.Country { return countries(d.exceptCountry) }

// Citations returns the provisions printed with the rule, as "15 CFR
// 742.6(a)(6)(iii)(A)". The caller owns the returned slice.
func (d DestinationRule) Citations() []string { return append([]string(nil), d.citations...) }

// String describes the rule: the column ("NS1"), or the kind and its
// citations ("pointer 15 CFR 746.1(b)").
func (d DestinationRule) String() string {
	var s string
	switch d.kind {
	case RuleColumn:
		s = d.column.String()
	case RuleCountries, RuleWorldwideExcept, RuleCWCNonStatesParties:
		cs := d.countries
		if d.kind != RuleCountries {
			cs = d.exceptCountry
		}
		s = d.kind.String() + " " + strings.Join(cs, ",")
	default:
		s = d.kind.String()
	}
	if len(d.citations) > 0 {
		s += " (" + strings.Join(d.citations, "; ") + ")"
	}
	return s
}

func countries(codes []string) []jurisdiction.Country {
	if len(codes) == 0 {
		return nil
	}
	out := make([]jurisdiction.Country, 0, len(codes))
	for _, c := range codes {
		if v, err := jurisdiction.ParseCountry(c); err == nil {
			out = append(out, v)
		}
	}
	return out
}

// Control is one row of the License Requirements table of a CCL entry: a
// reason for control, the part of the entry it covers, and the destinations
// for which it requires a license. The printed scope and target texts are
// kept on every row.
//
// A row whose scope or target carries a condition that the ECCN cannot
// decide (an end use, a technical parameter, "when usable in missiles", the
// ISS exception of 9D515.y) is Conditional: Condition gives the words, and
// the scope tests answer Indeterminate at most for it, never Yes.
type Control struct {
	entry        product.ECCN
	reason       Reason
	scope        ScopeKind
	paragraphs   []Ref
	forRefs      []Ref
	exceptFor    []Ref
	dest         DestinationRule
	exportedFrom DestinationRule
	conditional  bool
	condition    string
	scopeText    string
	targetText   string
}

// Entry returns the ECCN of the entry the row belongs to.
func (c Control) Entry() product.ECCN { return c.entry }

// Reason returns the row's reason for control.
func (c Control) Reason() Reason { return c.reason }

// Scope returns the kind of paragraph scope of the row.
func (c Control) Scope() ScopeKind { return c.scope }

// Paragraphs returns, for ScopeParagraphs, the paragraphs the row applies
// to; for ScopeExcept, the paragraphs it excepts. The caller owns the
// returned slice.
func (c Control) Paragraphs() []Ref { return append([]Ref(nil), c.paragraphs...) }

// For returns, for ScopeFor, the items the software, technology or
// equipment of the row is for ("technology for items controlled by 1B001").
// The caller owns the returned slice.
func (c Control) For() []Ref { return append([]Ref(nil), c.forRefs...) }

// ExceptFor returns, for ScopeExcept, the items whose software or
// technology the row excepts ("entire entry, except technology for 4A090").
// The caller owns the returned slice.
func (c Control) ExceptFor() []Ref { return append([]Ref(nil), c.exceptFor...) }

// DestinationRule returns the row's destination rule.
func (c Control) DestinationRule() DestinationRule { return c.dest }

// ExportedFrom returns the places of export the row is limited to, as in
// 3E001's "RS applies to technology for 3A090, when exported from Macau or a
// destination specified in Country Group D:5", and whether the row has such
// a limit. A caller that does not check it over-reads the row (a license
// would be required from anywhere).
func (c Control) ExportedFrom() (DestinationRule, bool) {
	return c.exportedFrom, c.exportedFrom.kind != 0
}

// Conditional reports whether the row carries a condition that structure
// cannot express; see Condition.
func (c Control) Conditional() bool { return c.conditional }

// Condition returns the words of the row's condition, or "" if it has none.
func (c Control) Condition() string { return c.condition }

// ScopeText returns the scope cell as printed ("NS applies to entire entry,
// except .e, .x, and .y"), after any hand mend.
func (c Control) ScopeText() string { return c.scopeText }

// TargetText returns the Country Chart cell as printed ("NS Column 1."),
// after any hand mend.
func (c Control) TargetText() string { return c.targetText }

// String summarises the row: reason, scope and destination.
func (c Control) String() string {
	var b strings.Builder
	b.WriteString(c.reason.String())
	b.WriteString(" ")
	b.WriteString(c.scope.String())
	list := func(rs []Ref) {
		for i, r := range rs {
			if i > 0 {
				b.WriteString(",")
			}
			b.WriteString(" ")
			b.WriteString(r.String())
		}
	}
	switch c.scope {
	case ScopeParagraphs, ScopeExcept:
		list(c.paragraphs)
		if len(c.exceptFor) > 0 {
			b.WriteString(" for")
			list(c.exceptFor)
		}
	case ScopeFor:
		list(c.forRefs)
	}
	b.WriteString(" -> ")
	b.WriteString(c.dest.String())
	if c.conditional {
		b.WriteString(" [conditional]")
	}
	return b.String()
}

// AppliesTo reports whether the row's paragraph scope covers items
// classified e:
//
//   - an ECCN of another entry, EAR99 or the zero ECCN: No;
//   - entire entry: Yes;
//   - listed paragraphs: Yes if a listed paragraph covers e (and none of
//     its printed exceptions does), Indeterminate if e is less specific and
//     covers a listed paragraph (3A001 against a row for 3A001.b.2), No
//     otherwise;
//   - entire entry except listed paragraphs: No if an excepted paragraph
//     covers e, Indeterminate if e covers an excepted one, Yes otherwise;
//   - rows limited to the items their software or technology is for
//     (ScopeFor, and ScopeExcept rows with ExceptFor): Indeterminate, since
//     the answer turns on that item; use AppliesToFor.
//
// A Conditional row, or a qualified reference, answers Indeterminate where
// the structure alone would answer Yes: structure shows the row may apply,
// the condition decides whether it does.
func (c Control) AppliesTo(e product.ECCN) ear.Answer {
	m := c.paragraphMatch(e)
	if m == ear.No {
		return ear.No
	}
	if len(c.forRefs) > 0 || len(c.exceptFor) > 0 {
		return ear.Indeterminate
	}
	if c.conditional {
		return m.And(ear.Indeterminate)
	}
	return m
}

// AppliesToFor is AppliesTo for software, technology or equipment classified
// e that is for items classified f (the "for" of DESIGN's lineage: 3E001
// technology for 3A090). For rows limited to what they are for, f decides:
// Yes if a For reference covers f, Indeterminate if f is less specific than
// one, No otherwise; a For reference limited to a reason ("for items
// controlled by 1B001 for NP reasons") also needs f's own entry to carry a
// row of that reason covering f. An ExceptFor reference covering f answers
// No. For other rows f is ignored. The zero f is the same as AppliesTo.
func (c Control) AppliesToFor(e, f product.ECCN) ear.Answer {
	if !f.IsValid() {
		return c.AppliesTo(e)
	}
	m := c.paragraphMatch(e)
	if m == ear.No {
		return ear.No
	}
	if len(c.forRefs) > 0 {
		fm := ear.No
		for _, r := range c.forRefs {
			rm := r.covers(f)
			if rm != ear.No && r.forReason.IsValid() {
				rm = rm.And(reasonCovers(f, r.forReason))
			}
			fm = fm.Or(rm)
		}
		m = m.And(fm)
	}
	if len(c.exceptFor) > 0 {
		xm := ear.No
		for _, r := range c.exceptFor {
			rm := r.covers(f)
			if rm != ear.No && r.forReason.IsValid() {
				rm = rm.And(reasonCovers(f, r.forReason))
			}
			xm = xm.Or(rm)
		}
		m = m.And(invert(xm))
	}
	if c.conditional {
		m = m.And(ear.Indeterminate)
	}
	return m
}

// reasonCovers reports whether the entry of f has a row for reason r that
// covers f.
func reasonCovers(f product.ECCN, r Reason) ear.Answer {
	ent, ok := Lookup(f)
	if !ok {
		return ear.Indeterminate
	}
	best := ear.No
	for _, c := range ent.controls {
		if c.reason == r {
			best = best.Or(c.AppliesTo(f))
		}
	}
	return best
}

func invert(m ear.Answer) ear.Answer {
	switch m {
	case ear.Yes:
		return ear.No
	case ear.No:
		return ear.Yes
	}
	return ear.Indeterminate
}

// paragraphMatch is the paragraph part of AppliesTo.
func (c Control) paragraphMatch(e product.ECCN) ear.Answer {
	if !isEntry(e) || e.Entry() != c.entry {
		return ear.No
	}
	switch c.scope {
	case ScopeEntire, ScopeFor:
		return ear.Yes
	case ScopeParagraphs:
		m := ear.No
		for _, r := range c.paragraphs {
			m = m.Or(r.covers(e))
		}
		return m
	case ScopeExcept:
		m := ear.No
		for _, r := range c.paragraphs {
			m = m.Or(r.covers(e))
		}
		return invert(m)
	}
	return ear.Indeterminate
}

// Entry is one entry of the Commerce Control List: its ECCN, heading,
// reasons for control and License Requirements rows, as generated from the
// eCFR text of data/ccl.jsonl with the hand mends of data/ccl_mends.json.
type Entry struct {
	eccn       product.ECCN
	heading    string
	reasons    []Reason
	controls   []Control
	notes      []string
	noControls string
	paras      *paragraphSet // nil: the entry's paragraphs are not carried
}

// ECCN returns the entry's ECCN ("3A090").
func (e Entry) ECCN() product.ECCN { return e.eccn }

// Heading returns the entry's heading as printed.
func (e Entry) Heading() string { return e.heading }

// Reasons returns the reasons of the entry's "Reason for Control" line, in
// printed order. The caller owns the returned slice.
func (e Entry) Reasons() []Reason { return append([]Reason(nil), e.reasons...) }

// Controls returns the entry's License Requirements rows in printed order.
// The caller owns the returned slice.
func (e Entry) Controls() []Control { return append([]Control(nil), e.controls...) }

// ControlAt returns the i-th License Requirements row (from 0), and false
// if there is none.
func (e Entry) ControlAt(i int) (Control, bool) {
	if i < 0 || i >= len(e.controls) {
		return Control{}, false
	}
	return e.controls[i], true
}

// NumControls returns the number of License Requirements rows of the entry.
func (e Entry) NumControls() int { return len(e.controls) }

// AllControls iterates over the License Requirements rows in printed order
// without copying the table: the cheap form of Controls for hot paths.
func (e Entry) AllControls() iter.Seq2[int, Control] {
	return func(yield func(int, Control) bool) {
		for i, c := range e.controls {
			if !yield(i, c) {
				return
			}
		}
	}
}

// Notes returns what the generator or a hand mend recorded about the entry:
// a garble of the source and how it was mended (with the source used), a
// reason printed without a row, an entry printed twice. The caller owns the
// returned slice.
func (e Entry) Notes() []string { return append([]string(nil), e.notes...) }

// WhyNoControls explains an entry that has no License Requirements rows
// ("subject to the ITAR"), or returns "" when it has rows.
func (e Entry) WhyNoControls() string { return e.noControls }

// IsValid reports whether e is an entry of the table (not the zero Entry).
func (e Entry) IsValid() bool { return e.eccn.IsValid() }

// isEntry reports whether e has the form of a CCL entry: an ECCN, not EAR99
// and not the zero ECCN.
func isEntry(e product.ECCN) bool { return e.IsValid() && !e.IsEAR99() }

// Lookup returns the CCL entry that e belongs to ("3A090" for
// "3A090.a.1"), and whether the table has it.
func Lookup(e product.ECCN) (Entry, bool) {
	if !isEntry(e) {
		return Entry{}, false
	}
	key := e.Entry()
	i := sort.Search(len(cclIndex), func(i int) bool {
		return cclTable[cclIndex[i]].eccn.Compare(key) >= 0
	})
	if i < len(cclIndex) && cclTable[cclIndex[i]].eccn == key {
		return cclTable[cclIndex[i]], true
	}
	return Entry{}, false
}

// Entries returns the entries of the table in the order the CCL prints them
// (category by category; within Category 5, Part 1 then Part 2).
func Entries() iter.Seq[Entry] {
	return func(yield func(Entry) bool) {
		for _, e := range cclTable {
			if !yield(e) {
				return
			}
		}
	}
}

// Len returns the number of entries in the table.
func Len() int { return len(cclTable) }
