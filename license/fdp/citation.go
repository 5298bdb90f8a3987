package fdp

import (
	"cmp"
	"fmt"
	"strconv"
	"strings"
)

// Citation is a citation of a paragraph of Title 15 of the Code of Federal
// Regulations, as the EAR prints them: "15 CFR 734.9(e)(1)", "15 CFR
// 744.11(a)(2)(i)", "15 CFR 746.8". It is a small comparable value, like
// netip.Addr: parse it with ParseCitation, print it with String, order it
// with Compare, and ask whether one paragraph contains another with Covers.
// The zero Citation is invalid.
type Citation struct {
	s string // the canonical text; "" for the zero Citation
}

// CitationError reports text that is not a citation.
type CitationError struct {
	Input string // the text parsed
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *CitationError) Error() string {
	return fmt.Sprintf("malformed citation %q: %s", e.Input, e.Msg)
}

// ParseCitation parses "15 CFR <part>.<section>" followed by zero or more
// paragraph designators in parentheses, each of letters or digits:
// "15 CFR 734.9(e)(1)". Nothing else is accepted (no spaces inside, no
// trailing text). Errors are *CitationError.
func ParseCitation(s string) (Citation, error) {
	fail := func(msg string) (Citation, error) { return Citation{}, &CitationError{Input: s, Msg: msg} }
	rest, ok := strings.CutPrefix(s, "15 CFR ")
	if !ok {
		return fail(`want "15 CFR " first`)
	}
	sec := rest
	if i := strings.IndexByte(rest, '('); i >= 0 {
		sec, rest = rest[:i], rest[i:]
	} else {
		rest = ""
	}
	part, section, ok := strings.Cut(sec, ".")
	if !ok || !allDigits(part) || !allDigits(section) || len(part) > 4 || len(section) > 4 {
		return fail("want <part>.<section> of digits")
	}
	if part[0] == '0' || section[0] == '0' {
		return fail("no leading zeros in part or section")
	}
	for rest != "" {
		end := strings.IndexByte(rest, ')')
		if rest[0] != '(' || end < 2 || end > 8 {
			return fail("want paragraph designators in parentheses")
		}
		for _, r := range rest[1:end] {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9') {
				return fail("a paragraph designator holds letters or digits only")
			}
		}
		rest = rest[end+1:]
	}
	return Citation{s: s}, nil
}

// MustParseCitation is ParseCitation that panics on error, for rule data
// written in the source.
func MustParseCitation(s string) Citation {
	c, err := ParseCitation(s)
	if err != nil {
		panic(err)
	}
	return c
}

func allDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// IsValid reports whether c is not the zero Citation.
func (c Citation) IsValid() bool { return c.s != "" }

// String returns the citation as printed: "15 CFR 734.9(e)(1)"; "" for the
// zero Citation.
func (c Citation) String() string { return c.s }

// Section returns the part and section without paragraphs: "734.9".
func (c Citation) Section() string {
	sec := strings.TrimPrefix(c.s, "15 CFR ")
	if i := strings.IndexByte(sec, '('); i >= 0 {
		sec = sec[:i]
	}
	return sec
}

// Paragraphs returns the paragraph designators in order: ["e", "1"] for
// "15 CFR 734.9(e)(1)"; nil for a whole section.
func (c Citation) Paragraphs() []string {
	i := strings.IndexByte(c.s, '(')
	if i < 0 {
		return nil
	}
	var out []string
	for rest := c.s[i:]; rest != ""; {
		end := strings.IndexByte(rest, ')')
		out = append(out, rest[1:end])
		rest = rest[end+1:]
	}
	return out
}

// Covers reports whether paragraph d is c or lies within it: "15 CFR
// 734.9(e)" covers "15 CFR 734.9(e)(1)" and itself, but not "15 CFR
// 734.9(f)" nor "15 CFR 734.9". The zero Citation covers nothing.
func (c Citation) Covers(d Citation) bool {
	if !c.IsValid() || !d.IsValid() {
		return false
	}
	rest, ok := strings.CutPrefix(d.s, c.s)
	return ok && (rest == "" || rest[0] == '(')
}

// Compare returns -1, 0 or +1 as c sorts before, with or after d in the
// order of the CFR: by part and section numerically, then paragraph by
// paragraph (numbers numerically, lower-case roman numerals at the third
// level as numbers, letters alphabetically), a paragraph before the ones
// inside it. The zero Citation sorts first.
func (c Citation) Compare(d Citation) int {
	if c.s == d.s {
		return 0
	}
	if !c.IsValid() || !d.IsValid() {
		return cmp.Compare(c.s, d.s)
	}
	cp, cs, _ := strings.Cut(c.Section(), ".")
	dp, ds, _ := strings.Cut(d.Section(), ".")
	if r := compareNumeric(cp, dp); r != 0 {
		return r
	}
	if r := compareNumeric(cs, ds); r != 0 {
		return r
	}
	ka, kb := c.Paragraphs(), d.Paragraphs()
	for i := 0; i < len(ka) && i < len(kb); i++ {
		if r := compareParagraph(i, ka[i], kb[i]); r != 0 {
			return r
		}
	}
	return cmp.Compare(len(ka), len(kb))
}

// MarshalText implements encoding.TextMarshaler; the zero Citation is "".
func (c Citation) MarshalText() ([]byte, error) { return []byte(c.s), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Citation) UnmarshalText(b []byte) error {
	v, err := ParseCitation(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}

func compareNumeric(a, b string) int {
	x, ea := strconv.Atoi(a)
	y, eb := strconv.Atoi(b)
	if ea == nil && eb == nil {
		return cmp.Compare(x, y)
	}
	return cmp.Compare(a, b)
}

// compareParagraph orders two designators of the same level (0-based).
func compareParagraph(level int, a, b string) int {
	if level == 2 {
		if x, ok := romanValue(a); ok {
			if y, ok := romanValue(b); ok {
				return cmp.Compare(x, y)
			}
		}
	}
	return compareNumeric(a, b)
}

// romanValue reads a lower-case roman numeral up to 39 ("xxxix").
func romanValue(s string) (int, bool) {
	val := func(b byte) int {
		switch b {
		case 'i':
			return 1
		case 'v':
			return 5
		case 'x':
			return 10
		}
		return 0
	}
	n := 0
	for i := 0; i < len(s); i++ {
		v := val(s[i])
		if v == 0 {
			return 0, false
		}
		if i+1 < len(s) && val(s[i+1]) > v {
			n -= v
		} else {
			n += v
		}
	}
	return n, n > 0
}
