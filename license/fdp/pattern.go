package fdp

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

// Pattern is an entry of an ECCN list in a rule, with its printed
// exceptions and "for" qualifier: "3B001 except .a.4 .c", "3D001 for 3B",
// "3E001 for 3A090". Parse with ParsePattern.
type Pattern struct {
	ECCN   product.ECCN   // the entry or paragraph listed
	Except []product.ECCN // full ECCNs excepted from it
	For    []string       // ECCNs or category-group prefixes ("3B") the input must be for

	forECCN []product.ECCN // For parsed; the zero ECCN for a prefix
	// text is String's text, made once by NewSet for the patterns of a
	// Set's rules (which must not change); "" when not made.
	text string
}

// PatternError reports text that is not a Pattern.
type PatternError struct {
	Input string // the text parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *PatternError) Error() string {
	return fmt.Sprintf("malformed ECCN pattern %q: %s", e.Input, e.Msg)
}

// ParsePattern parses "ECCN [except .p ...] [for X ...]": an ECCN, then
// optionally "except" and paragraphs relative to it (".a.4"), then
// optionally "for" and ECCNs or two-character category and product group
// prefixes ("3B"). Errors are *PatternError.
func ParsePattern(s string) (Pattern, error) {
	fail := func(msg string) (Pattern, error) { return Pattern{}, &PatternError{Input: s, Msg: msg} }
	f := strings.Fields(s)
	if len(f) == 0 {
		return fail("empty")
	}
	e, err := product.ParseECCN(f[0])
	if err != nil || e.IsEAR99() {
		return fail("want an ECCN first")
	}
	p := Pattern{ECCN: e}
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

// MustParsePattern is ParsePattern that panics on error, for rule data
// written in the source.
func MustParsePattern(s string) Pattern {
	p, err := ParsePattern(s)
	if err != nil {
		panic(err)
	}
	return p
}

// String returns the pattern in the form ParsePattern reads.
func (p Pattern) String() string {
	if p.text != "" {
		return p.text
	}
	return p.render()
}

// render makes String's text.
func (p Pattern) render() string {
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

func (p Pattern) clone() Pattern {
	p.Except = slices.Clone(p.Except)
	p.For = slices.Clone(p.For)
	p.forECCN = slices.Clone(p.forECCN)
	p.text = ""
	return p
}

// MatchItem reports whether the pattern describes the item classified e:
// Yes when it covers e and no exception covers it, Indeterminate when e is
// less specific than the pattern or an exception, No otherwise. The "for"
// qualifier is not tested (see MatchFor).
func (p Pattern) MatchItem(e product.ECCN) ear.Answer {
	switch {
	case p.ECCN.Covers(e):
		a := ear.Yes
		for _, x := range p.Except {
			if x.Covers(e) {
				return ear.No
			}
			if e.Covers(x) {
				a = ear.Indeterminate
			}
		}
		return a
	case e.Covers(p.ECCN):
		return ear.Indeterminate
	}
	return ear.No
}

// MatchFor reports whether f, what an input is for, is within the
// pattern's For list: Yes when the pattern has none, Indeterminate when f
// is not given or less specific than a listed ECCN.
func (p Pattern) MatchFor(f product.ECCN) ear.Answer {
	if len(p.For) == 0 {
		return ear.Yes
	}
	if !f.IsValid() {
		return ear.Indeterminate
	}
	a := ear.No
	for i, want := range p.For {
		w := product.ECCN{}
		if i < len(p.forECCN) {
			w = p.forECCN[i]
		}
		if !w.IsValid() {
			if len(want) == 2 && f.Category() == int(want[0]-'0') && f.ProductGroup() == want[1] {
				return ear.Yes
			}
			if len(want) == 2 {
				continue
			}
			w, _ = product.ParseECCN(want)
		}
		switch {
		case w.Covers(f):
			return ear.Yes
		case f.Covers(w):
			a = ear.Indeterminate
		}
	}
	return a
}

// patternIndex orders the patterns of a list by CCL entry, made once by
// NewSet: the patterns that can describe an ECCN (MatchItem not No) are
// those of its entry, since one ECCN covers another only within an entry.
type patternIndex struct {
	entries []uint64 // the patterns' entries (entryKey), sorted
	order   []int32  // the patterns' indexes in that order; list order within an entry
}

// entryKey packs the five characters of e's entry ("3D001") in an
// integer; 0 for EAR99 and the zero ECCN, which no pattern lists.
func entryKey(e product.ECCN) uint64 {
	s := e.Entry().String()
	if len(s) != 5 || e.IsEAR99() {
		return 0
	}
	return uint64(s[0])<<32 | uint64(s[1])<<24 | uint64(s[2])<<16 | uint64(s[3])<<8 | uint64(s[4])
}

func newPatternIndex(ps []Pattern) *patternIndex {
	x := &patternIndex{entries: make([]uint64, len(ps)), order: make([]int32, len(ps))}
	for i := range ps {
		x.order[i] = int32(i)
	}
	slices.SortStableFunc(x.order, func(a, b int32) int {
		return cmp.Compare(entryKey(ps[a].ECCN), entryKey(ps[b].ECCN))
	})
	for i, j := range x.order {
		x.entries[i] = entryKey(ps[j].ECCN)
	}
	return x
}

// of returns the indexes of the patterns of e's entry, in list order.
func (x *patternIndex) of(e product.ECCN) []int32 {
	k := entryKey(e)
	if k == 0 {
		return nil
	}
	lo, hi := 0, len(x.entries)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if x.entries[m] < k {
			lo = m + 1
		} else {
			hi = m
		}
	}
	hi = lo
	for hi < len(x.entries) && x.entries[hi] == k {
		hi++
	}
	return x.order[lo:hi:hi]
}

// patternList writes patterns as "3D001, 3E001 for 3A090".
func patternList(ps []Pattern) string {
	ss := make([]string, len(ps))
	for i, p := range ps {
		ss[i] = p.String()
	}
	return strings.Join(ss, ", ")
}

// patterns parses rule data; a bad pattern is a programming error caught
// by the package's tests.
func patterns(ss ...string) []Pattern {
	out := make([]Pattern, len(ss))
	for i, s := range ss {
		out[i] = MustParsePattern(s)
	}
	return out
}
