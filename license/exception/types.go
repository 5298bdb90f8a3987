package exception

import (
	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product/ccl"
)

// Exception is one License Exception of part 740 as data. It is a plain
// value; Exceptions returns copies of the built-in table.
type Exception struct {
	// Code is the exception's code ("GBS").
	Code Code
	// Citation is its section: "15 CFR 740.4".
	Citation fdp.Citation
	// Title is the section heading.
	Title string
	// Effective is the first day the section (in the substance modelled)
	// is in the EAR; the zero Date when it was before 2020-01-01.
	Effective jurisdiction.Date
	// Until is the first day it is no longer in the EAR; zero while it is.
	Until jurisdiction.Date
	// Destinations are the eligible destinations the section names for the
	// whole exception (Anywhere when it names none; its paragraphs or
	// facts decide).
	Destinations fdp.Places
	// NotGroups are country groups whose destinations are not eligible
	// (ENC: E:1 and E:2).
	NotGroups []jurisdiction.Group
	// Line is the code of the License Exceptions line of the item's CCL
	// entry that makes it eligible ("GBS" for "GBS: Yes"); "" when the
	// section does not rest on one.
	Line string
	// Items limits the exception to these ECCNs (ENC: 5A002, 5B002, 5A004,
	// 5D002, 5E002); nil: any item (subject to Line).
	Items []fdp.Pattern
	// Kinds limits the exception to commodities ("C"), or to software and
	// technology ("DE"); "" for any item.
	Kinds string
	// Reasons are the reasons for control whose Country Chart requirements
	// the exception may overcome; nil: any reason.
	Reasons []ccl.Reason
	// Only says the Country Chart must require the license to the
	// destination for Reasons only ("for national security reasons only":
	// GBS, TSR, CIV).
	Only bool
	// Facts are the facts of the transaction the exception needs, by their
	// wire-format path ("exception_facts.order_value"), each with what it
	// decides.
	Facts []Fact
	// Text is the operative sentence of the section, shortened.
	Text string
	// Provenance says which dated text was read, or that the exception
	// rests on a report or a reading chosen.
	Provenance []fdp.Source
}

// Fact is one fact of the transaction an exception needs.
type Fact struct {
	Field string // the wire-format path: "exception_facts.order_value"
	What  string // what it decides, in the regulation's words
}

// Allowance names an exception that stays open under a restriction, and
// the paragraphs of its section it stays open for.
type Allowance struct {
	Code Code
	// Paragraphs are the paragraphs allowed ("15 CFR 740.9(a)(9)"); nil:
	// the whole section.
	Paragraphs []fdp.Citation
	// Except are paragraphs of the section left out ("15 CFR 740.14(e)").
	Except []fdp.Citation
	// Qualified are words the SDK cannot decide ("for civil end-users that
	// are wholly-owned U.S. subsidiaries ..."): the allowance leaves the
	// exception at most indeterminate, naming them.
	Qualified string
	// NotFor are requirements of the program the allowance does not reach
	// (746.8(c)(2)(ii): GOV overcomes (a)(1), (2) and (4) through (7), not
	// (a)(8)): a requirement that is one of them is not overcome, and one
	// that may be one of them leaves the exception at most indeterminate.
	NotFor []NotFor
}

// NotFor is a paragraph of a program's license requirements that an
// allowance does not reach, with the items and dates it can require a
// license for (a requirement of another kind of item, or before the
// paragraph's effective date, cannot be it).
type NotFor struct {
	Paragraph fdp.Citation      // "15 CFR 746.8(a)(8)"
	Kinds     string            // "D": software only; "": any item
	Effective jurisdiction.Date // the paragraph's first day; zero: before 2020-01-01
	What      string            // what the paragraph requires a license for
}

// ReasonRule is a paragraph of part 746 that limits the exceptions for
// the Country Chart requirements of one reason for control to listed
// destinations (746.1(b)(4): a "UN" reason to the countries of
// 746.1(b)(2)): when it applies, only the exceptions of Allowed may
// overcome such a requirement.
type ReasonRule struct {
	// Citation is the paragraph: "15 CFR 746.1(b)(4)".
	Citation fdp.Citation
	// Reason is the reason for control whose requirements it governs.
	Reason ccl.Reason
	// To are the destinations it governs.
	To fdp.Places
	// Effective and Until bound the version modelled (zero: open).
	Effective, Until jurisdiction.Date
	// Text is the paragraph's words, shortened.
	Text string
	// Allowed are the exceptions that stay open; nil: none.
	Allowed []Allowance
	// Provenance says which dated text was read.
	Provenance []fdp.Source
}

// ItemClass is a class of items a restriction reads from the CCL entry
// rather than from an ECCN list. The zero ItemClass is none.
type ItemClass uint8

// The classes of items.
const (
	// ClassMT: a License Requirements row of the entry for MT covers the
	// item (the item is "controlled for missile technology (MT) reasons").
	ClassMT ItemClass = iota + 1
	// Class600: a "600 series" ECCN (the third to fifth characters 600 to
	// 699).
	Class600
	// Class9x515: an ECCN 9x515.
	Class9x515
	// Class600Or9x515: either.
	Class600Or9x515
	// ClassCCRequired: the Country Chart requires a license for CC reasons
	// (15 CFR 742.7) to the destination.
	ClassCCRequired
	// ClassIEC: the entry's IEC line makes the item eligible for 740.24.
	ClassIEC
	// ClassHKControlled: the entry controls the item for NS, MT, NP or CB
	// reasons (740.2(a)(19), (a)(20)).
	ClassHKControlled
)

// Restriction is one paragraph of 15 CFR 740.2(a) as data: when it
// applies (all the conditions set hold), only the exceptions of Allowed
// may be used.
type Restriction struct {
	// Citation is the paragraph: "15 CFR 740.2(a)(9)(ii)".
	Citation fdp.Citation
	// Effective is the first day of the version modelled; before it the
	// restriction's earlier text is not modelled, and the exceptions it
	// would bar are indeterminate when it may apply. Zero: in force since
	// before 2020-01-01.
	Effective jurisdiction.Date
	// Text is the paragraph's words, shortened.
	Text string
	// Items: the item is one of these (nil: any item).
	Items []fdp.Pattern
	// NotItems: and none of these.
	NotItems []fdp.Pattern
	// Class: the item is of this class (zero: any).
	Class ItemClass
	// To: the destination is in this set (nil: any destination), or, when
	// HeadquarteredIn is set, a party is headquartered there instead.
	To *fdp.Places
	// NotTo: the destination is not in this set.
	NotTo *fdp.Places
	// HeadquarteredIn: or a party (or its ultimate parent) is
	// headquartered in this set, wherever located.
	HeadquarteredIn *fdp.Places
	// From: or the item is shipped from this set; MadeIn: or it was
	// produced in this set (740.2(a)(12), (a)(20)).
	From, MadeIn *fdp.Places
	// Unverified: a party is on the Unverified List.
	Unverified bool
	// Qualified are words the SDK cannot decide (a contract value, an
	// import certificate): where the restriction's other conditions hold,
	// it applies at most indeterminate, naming them.
	Qualified string
	// Allowed are the exceptions that stay open; nil: none.
	Allowed []Allowance
	// Provenance says which dated text was read.
	Provenance []fdp.Source
}

// ProgramRule is the list of exceptions a Part 746 program leaves open
// (15 CFR 740.2(a)(6)): for every license requirement when the destination
// is the program's, and for the program's own requirements wherever the
// item goes (746.8(a)(2) reaches every destination).
type ProgramRule struct {
	// Program is the Part 746 program.
	Program jurisdiction.ProgramID
	// Citation is the paragraph that lists the exceptions: "15 CFR
	// 746.8(c)(2)".
	Citation fdp.Citation
	// Covers are the program's requirements the list governs; nil: all.
	Covers []fdp.Citation
	// Effective and Until bound the version modelled (zero: open).
	Effective, Until jurisdiction.Date
	// Allowed are the exceptions the paragraph lists; nil: none ("No
	// license exceptions may be used").
	Allowed []Allowance
	// Provenance says which dated text was read.
	Provenance []fdp.Source
}

// Basis says what kind of provision a license requirement is.
type Basis uint8

// The bases of requirements.
const (
	// BasisChart: a License Requirements row of the item's CCL entry read
	// with the Commerce Country Chart (15 CFR 738.4), or a chart footnote.
	BasisChart Basis = iota + 1
	// BasisProgram: a Part 746 embargo or sanctions program.
	BasisProgram
	// BasisPart744: an end-user or end-use rule of part 744 (the Entity
	// List, 744.21, 744.23) or the Denied Persons List.
	BasisPart744
)

// Requirement is one license requirement a determination found (answer
// Yes) or left open (Indeterminate), as the exceptions read it.
type Requirement struct {
	Citation string     // the provision: "15 CFR 738.4; Supp. No. 1 to part 738, column NS2"
	Answer   ear.Answer // Yes or Indeterminate; No requirements need no exception
	Basis    Basis
	// Reason is the reason for control of a BasisChart requirement (zero
	// for a chart finding that names none).
	Reason ccl.Reason
	// Program is the program of a BasisProgram requirement, and Paragraph
	// its paragraph when the requirement names one ("15 CFR 746.8(a)(3)").
	Program   jurisdiction.ProgramID
	Paragraph fdp.Citation
}

// Result is the answer for one exception.
type Result struct {
	Code     Code
	Citation string // "15 CFR 740.4"
	Outcome  Outcome
	// Overcomes are the citations of the requirements the exception
	// overcomes when available (empty when it overcomes none).
	Overcomes []string
	// Why says in words what decided the outcome.
	Why string
	// Missing names the facts that would decide an Indeterminate outcome.
	Missing []Missing
}

// Missing is one fact an exception's outcome waits for.
type Missing struct {
	Field string `json:"field"` // the wire-format path
	Why   string `json:"why"`
}
