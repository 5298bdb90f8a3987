package ccl

import (
	"sort"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

// The answers of the generated exception rules.
const (
	exYes = ear.Yes
	exNo  = ear.No
	exInd = ear.Indeterminate
)

// exceptionSet is the License Exceptions section of one entry of cclTable
// (cclExceptions holds them at the same positions) and its Special
// Conditions for STA, read as an STA line (nil if the entry prints none).
type exceptionSet struct {
	lines []ExceptionLine
	sta   *ExceptionLine
}

// exRule says what a line makes of the paragraphs ref covers: eligible
// (exYes, with the LVS limit), not eligible (exNo), or undecided (exInd).
type exRule struct {
	ref   Ref
	ans   ear.Answer
	limit int64
}

// exPart is the reading of a line for one paragraph of License Exception
// STA ("(c)(1)", "(c)(2)"), or for the exception as a whole (para ""):
// the answer for the paragraphs no rule covers (def, with its limit), the
// rules, and capped when a clause the generator could not read might touch
// any paragraph, so that none is eligible for sure.
type exPart struct {
	para   string
	def    ear.Answer
	limit  int64
	rules  []exRule
	capped bool
}

// ExceptionLine is one line of an entry's License Exceptions section
// (Supp. No. 1 to part 774), as printed ("GBS: Yes for 3A001.a.1.b, a.2 to
// a.14 ..."), with the structure the generator read from it: the paragraphs
// it makes eligible or not, the dollar value limits of LVS, the reasons for
// control it excludes. Words the generator could not structure make the
// line Conditional; Eligible then never answers Yes for the paragraphs
// they could touch.
type ExceptionLine struct {
	entry       product.ECCN
	code        string
	text        string
	conditional bool
	condition   string
	notFor      []Reason
	parts       []exPart
}

// exceptions returns the License Exceptions of e, nil if e is not an entry
// of the table.
func (e Entry) exceptions() *exceptionSet {
	if !e.eccn.IsValid() {
		return nil
	}
	i := sort.Search(len(cclIndex), func(i int) bool {
		return cclTable[cclIndex[i]].eccn.Compare(e.eccn) >= 0
	})
	if i < len(cclIndex) && cclTable[cclIndex[i]].eccn == e.eccn {
		return &cclExceptions[cclIndex[i]]
	}
	return nil
}

// ExceptionLines returns the lines of the entry's License Exceptions
// section in printed order. The caller owns the returned slice.
func (e Entry) ExceptionLines() []ExceptionLine {
	s := e.exceptions()
	if s == nil {
		return nil
	}
	return append([]ExceptionLine(nil), s.lines...)
}

// ExceptionLine returns the entry's line for the License Exception code
// ("LVS", "GBS", "TSR", "APP", "ENC", "IEC", "HBM", "STA", "AIA", "ACM",
// "LPP", "ACE"), and false when the entry prints none. An entry that prints
// a code twice gives its first line.
func (e Entry) ExceptionLine(code string) (ExceptionLine, bool) {
	s := e.exceptions()
	if s == nil {
		return ExceptionLine{}, false
	}
	for _, x := range s.lines {
		if x.code == code {
			return x, true
		}
	}
	return ExceptionLine{}, false
}

// STAConditions returns the entry's "Special Conditions for STA" paragraph
// as printed (with its "STA: " label), and false if the entry prints none.
func (e Entry) STAConditions() (string, bool) {
	s := e.exceptions()
	if s == nil || s.sta == nil {
		return "", false
	}
	return s.sta.text, true
}

// STAExcluded says whether the entry's Special Conditions for STA exclude
// items classified item from paragraph (c)(1) or (c)(2) of License
// Exception STA (15 CFR 740.20): Yes when they name item's paragraph (or
// one above it) for that paragraph of STA or for STA as a whole; No when
// they clearly do not, when the entry prints no special conditions, or
// when item belongs to another entry; Indeterminate when item is less
// specific than the paragraphs they name, or when words the generator
// could not structure may touch item's paragraph. A paragraph other than
// "(c)(1)" and "(c)(2)" gives Indeterminate.
func (e Entry) STAExcluded(item product.ECCN, paragraph string) ear.Answer {
	if paragraph != "(c)(1)" && paragraph != "(c)(2)" {
		return ear.Indeterminate
	}
	s := e.exceptions()
	if s == nil || s.sta == nil || !isEntry(item) || item.Entry() != e.eccn {
		return ear.No
	}
	return invert(s.sta.eligibleFor(item, paragraph))
}

// Code returns the License Exception's code ("LVS").
func (x ExceptionLine) Code() string { return x.code }

// Text returns the text printed after the code ("$5000; N/A for 4A003.b,
// c, and z."), white space made single.
func (x ExceptionLine) Text() string { return x.text }

// Conditional reports whether the line carries words the generator could
// not structure (an end use, a destination, a technical parameter, items
// "for" another entry): they decide case by case, and Eligible answers
// Indeterminate at most for the paragraphs they could touch.
func (x ExceptionLine) Conditional() bool { return x.conditional }

// NotForReasons returns the reasons for control the line makes the
// exception unavailable for ("N/A for MT, NP" gives MT and NP). Eligible
// already applies them, through the entry's License Requirements rows. The
// caller owns the returned slice.
func (x ExceptionLine) NotForReasons() []Reason { return append([]Reason(nil), x.notFor...) }

// STAParagraph returns "(c)(1)" or "(c)(2)" when an STA line restricts only
// that paragraph of 740.20 ("Paragraph (c)(2) of License Exception STA may
// not be used for any item in 0A602", or a line that withholds STA only
// from the destinations of Country Group A:6, which (c)(2) alone
// authorizes), and "" when it restricts STA as a whole, or restricts the
// two paragraphs differently, or is not an STA line.
func (x ExceptionLine) STAParagraph() string {
	if x.code != "STA" || len(x.parts) == 0 {
		return ""
	}
	p := x.parts[0].para
	for _, pt := range x.parts[1:] {
		if pt.para != p {
			return ""
		}
	}
	return p
}

// Eligible says whether the line makes an item classified e eligible for
// the License Exception:
//
//   - Yes: the line names e's paragraph (or a paragraph above it, or the
//     entire entry) as eligible ("Yes", "Yes for 3A001.a.2", "$5000",
//     "Yes, except .a.3" for a paragraph not excepted);
//   - No: the line prints "N/A" for the entry or for e's paragraph, or
//     lists eligible paragraphs that do not include e, or excepts e's
//     paragraph, or makes the exception unavailable for a reason for
//     control (NotForReasons) for which the entry's rows cover e; an
//     ECCN of another entry, EAR99 and the zero ECCN are No;
//   - Indeterminate: e is less specific than the paragraphs the line
//     distinguishes (3A001 for a line "Yes for 3A001.a.2"), or words the
//     generator could not structure qualify the paragraph ("except .a.5.a
//     when controlled for MT").
//
// An STA line reads "eligible except the listed paragraphs". For a line
// that restricts one paragraph of STA (STAParagraph), the answer is for
// that paragraph; for a line restricting the two paragraphs differently,
// it is Indeterminate where they differ.
//
// limit is, for LVS, the dollar value limit that applies to e (5000 for
// "$5000"); it is 0 unless the answer is Yes, and 0 for the other codes.
func (x ExceptionLine) Eligible(e product.ECCN) (ans ear.Answer, limit int64) {
	if !isEntry(e) || !x.entry.IsValid() || e.Entry() != x.entry || len(x.parts) == 0 {
		return ear.No, 0
	}
	if p := x.STAParagraph(); p != "" || len(x.parts) == 1 {
		ans = ear.Yes
		for i, pt := range x.parts {
			a, l := pt.eval(e)
			ans = ans.And(a)
			if i == 0 {
				limit = l
			}
		}
	} else {
		a1, a2 := x.eligibleFor(e, "(c)(1)"), x.eligibleFor(e, "(c)(2)")
		ans = ear.Indeterminate
		if a1 == a2 {
			ans = a1
		}
	}
	if ans != ear.No {
		for _, r := range x.notFor {
			ans = ans.And(invert(reasonCovers(e, r)))
		}
	}
	if ans != ear.Yes || x.code != "LVS" {
		limit = 0
	}
	return ans, limit
}

// eligibleFor is Eligible for paragraph para of STA: the parts that
// restrict STA as a whole or that paragraph.
func (x ExceptionLine) eligibleFor(e product.ECCN, para string) ear.Answer {
	ans := ear.Yes
	for _, pt := range x.parts {
		if pt.para == "" || pt.para == para {
			a, _ := pt.eval(e)
			ans = ans.And(a)
		}
	}
	return ans
}

// eval answers for e (an ECCN of the line's entry): the most specific rule
// covering e decides, or the default when none does; every rule that may
// cover it (e less specific than its paragraph, or the paragraph
// qualified) adds its answer as possible, except a qualified rule above a
// paragraph the line prints N/A. One possible answer (and limit)
// is the answer; several make it Indeterminate.
func (p exPart) eval(e product.ECCN) (ear.Answer, int64) {
	type outcome struct {
		a ear.Answer
		l int64
		n int // the length of the rule's ECCN
	}
	var maybe, best []outcome
	depth := -1
	for _, r := range p.rules {
		n := len(r.ref.eccn.String())
		switch r.ref.covers(e) {
		case ear.Yes:
			if n > depth {
				depth, best = n, best[:0]
			}
			if n == depth {
				best = append(best, outcome{r.ans, r.limit, n})
			}
		case ear.Indeterminate:
			maybe = append(maybe, outcome{r.ans, r.limit, n})
		}
	}
	if depth < 0 {
		maybe = append(maybe, outcome{p.def, p.limit, 0})
	} else {
		allNo := true
		for _, o := range best {
			allNo = allNo && o.a == ear.No
		}
		if allNo {
			// a paragraph printed N/A is not made eligible by a qualified
			// rule above it ("Yes: $500 for components; N/A for 5A004.z")
			kept := maybe[:0]
			for _, o := range maybe {
				if o.n > depth {
					kept = append(kept, o)
				}
			}
			maybe = kept
		}
		maybe = append(maybe, best...)
	}
	ans, lim := maybe[0].a, maybe[0].l
	for _, o := range maybe[1:] {
		if o.a != ans || o.l != lim {
			ans = ear.Indeterminate
		}
	}
	if ans == ear.Yes && p.capped {
		ans = ear.Indeterminate
	}
	return ans, lim
}
