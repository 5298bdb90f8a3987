package product

import (
	"fmt"
	"strings"
)

// ECCN is an Export Control Classification Number of the Commerce Control
// List (Supplement No. 1 to part 774), optionally narrowed to a paragraph of
// its List of Items Controlled ("3A001", "3A001.a.1.a", "9A515.y.1"), or the
// designation EAR99 for an item subject to the EAR that is not on the list.
//
// ECCN is a small comparable value: == compares, and it can be a map key.
// The zero ECCN is invalid (IsValid reports false); it stands for "no
// classification given", which is not the same as EAR99.
type ECCN struct {
	s string // canonical text; "" for the zero ECCN
}

// EAR99 is the designation of an item subject to the EAR that is not
// described by any entry of the Commerce Control List (15 CFR 734.3(c)).
// It is a variable only because Go has no constant structs: the SDK reads
// it as a constant, and assigning to it is a programming error.
var EAR99 = ECCN{s: "EAR99"}

// maxSegments bounds the paragraph path; the deepest path in the CCL has
// seven segments.
const maxSegments = 12

// ECCNError reports text that is not a well-formed ECCN.
type ECCNError struct {
	Input string // the text that was parsed
	Pos   int    // byte offset of the first offending character
	Msg   string // what is wrong
}

// Error implements the error interface.
func (e *ECCNError) Error() string {
	return fmt.Sprintf("product: malformed ECCN %q at offset %d: %s", e.Input, e.Pos, e.Msg)
}

// ParseECCN parses an ECCN as the CCL writes it: a category digit, a
// product group letter A to E, three digits, and optionally a paragraph
// path of dot-separated segments, each a lower-case letter, a lower-case
// roman numeral (i to xx) or a number from 1 to 99 without leading zero.
// The first segment is a letter. "EAR99" is accepted as is. Text is not
// trimmed or case-folded: anything else is an *ECCNError.
func ParseECCN(s string) (ECCN, error) {
	if strings.EqualFold(s, "EAR99") {
		return ECCN{s: "EAR99"}, nil // not the variable: it is read as a constant
	}
	if c := canonicalECCN(s); c != s {
		e, err := ParseECCN(c)
		if ee, ok := err.(*ECCNError); ok {
			ee.Input = s
		}
		return e, err
	}
	if s == "" {
		return eccnFail(s, 0, "empty")
	}
	if len(s) < 5 {
		return eccnFail(s, len(s), "want category digit, product group A-E and three digits, as in 3A001")
	}
	if s[0] < '0' || s[0] > '9' {
		return eccnFail(s, 0, "category must be a digit 0-9")
	}
	if s[1] < 'A' || s[1] > 'E' {
		return eccnFail(s, 1, "product group must be a letter A-E")
	}
	for i := 2; i < 5; i++ {
		if s[i] < '0' || s[i] > '9' {
			return eccnFail(s, i, "want three digits after the product group")
		}
	}
	if len(s) == 5 {
		return ECCN{s: s}, nil
	}
	if s[5] != '.' {
		return eccnFail(s, 5, "want '.' before a paragraph")
	}
	pos := 6
	for n := 0; ; n++ {
		if n == maxSegments {
			return eccnFail(s, pos, fmt.Sprintf("paragraph path deeper than %d segments", maxSegments))
		}
		end := strings.IndexByte(s[pos:], '.')
		if end < 0 {
			end = len(s)
		} else {
			end += pos
		}
		seg := s[pos:end]
		if msg := checkSegment(seg, n == 0); msg != "" {
			return eccnFail(s, pos, msg)
		}
		if end == len(s) {
			break
		}
		pos = end + 1
	}
	return ECCN{s: s}, nil
}

// eccnFail is ParseECCN's error (a function, not a closure: a closure over
// the input made every parse allocate).
func eccnFail(s string, pos int, msg string) (ECCN, error) {
	return ECCN{}, &ECCNError{Input: s, Pos: pos, Msg: msg}
}

// romans are the lower-case roman numerals a paragraph segment may be.
var romans = [...]string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
	"xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"}

func checkSegment(seg string, first bool) string {
	switch {
	case seg == "":
		return "empty paragraph segment"
	case len(seg) == 1 && seg[0] >= 'a' && seg[0] <= 'z':
		return ""
	case seg[0] >= '0' && seg[0] <= '9':
		if first {
			return "a paragraph path starts with a letter"
		}
		if len(seg) > 2 || seg[0] == '0' || (len(seg) == 2 && (seg[1] < '0' || seg[1] > '9')) {
			return "a numbered paragraph is 1 to 99 without leading zero"
		}
		return ""
	}
	if !first {
		for _, r := range romans {
			if seg == r {
				return ""
			}
		}
	}
	return "a paragraph segment is a letter a-z, a roman numeral or a number"
}

// MustParseECCN is like ParseECCN but panics on error. It is intended for
// tests and constant text.
func MustParseECCN(s string) ECCN {
	e, err := ParseECCN(s)
	if err != nil {
		panic(err)
	}
	return e
}

// IsValid reports whether e is an ECCN or EAR99 (not the zero ECCN).
func (e ECCN) IsValid() bool { return e.s != "" }

// IsEAR99 reports whether e is the EAR99 designation.
func (e ECCN) IsEAR99() bool { return e.s == "EAR99" }

// isEntry reports whether e has the form of a CCL entry (not zero, not EAR99).
func (e ECCN) isEntry() bool { return len(e.s) >= 5 && e.s != "EAR99" }

// String returns the ECCN as the CCL writes it, or "" for the zero ECCN.
func (e ECCN) String() string { return e.s }

// Category returns the CCL category, 0 to 9, or -1 for EAR99 and the zero
// ECCN.
func (e ECCN) Category() int {
	if !e.isEntry() {
		return -1
	}
	return int(e.s[0] - '0')
}

// ProductGroup returns the product group letter 'A' to 'E', or 0 for EAR99
// and the zero ECCN.
func (e ECCN) ProductGroup() byte {
	if !e.isEntry() {
		return 0
	}
	return e.s[1]
}

// Number returns the three digits after the product group ("001"), or ""
// for EAR99 and the zero ECCN.
func (e ECCN) Number() string {
	if !e.isEntry() {
		return ""
	}
	return e.s[2:5]
}

// Entry returns the CCL entry that e belongs to, without paragraph
// ("3A001" for "3A001.b.4.b"). EAR99 and the zero ECCN return themselves.
func (e ECCN) Entry() ECCN {
	if !e.isEntry() {
		return e
	}
	return ECCN{s: e.s[:5]}
}

// Paragraph returns the paragraph path without the entry ("b.4.b" for
// "3A001.b.4.b"), or "" if e names a whole entry.
func (e ECCN) Paragraph() string {
	if !e.isEntry() || len(e.s) == 5 {
		return ""
	}
	return e.s[6:]
}

// Path returns the segments of the paragraph path (["b", "4", "b"]). The
// caller owns the returned slice.
func (e ECCN) Path() []string {
	p := e.Paragraph()
	if p == "" {
		return nil
	}
	return strings.Split(p, ".")
}

// Parent returns the ECCN one paragraph level up ("3A001.b.4" for
// "3A001.b.4.b", "3A001" for "3A001.b"). A whole entry, EAR99 and the zero
// ECCN return themselves.
func (e ECCN) Parent() ECCN {
	if !e.isEntry() || len(e.s) == 5 {
		return e
	}
	return ECCN{s: e.s[:strings.LastIndexByte(e.s, '.')]}
}

// Kind returns the kind of item the ECCN's product group describes:
// groups A (systems, equipment and components), B (test, inspection and
// production equipment) and C (materials) are commodities, D is software
// and E is technology (15 CFR 738.2(c)). EAR99 and the zero ECCN have no
// kind and return the zero Kind.
func (e ECCN) Kind() Kind {
	switch e.ProductGroup() {
	case 'A', 'B', 'C':
		return Commodity
	case 'D':
		return Software
	case 'E':
		return Technology
	}
	return 0
}

// Is600Series reports whether e is in the "600 series" of the CCL, the
// entries whose three digits begin with 6 (0A606, 9A610, 3A611, ...), which
// control military items moved from the USML (15 CFR 772.1).
func (e ECCN) Is600Series() bool {
	return e.isEntry() && e.s[2] == '6'
}

// Is9x515 reports whether e is one of the 9x515 entries (9A515, 9B515,
// 9C515, 9D515, 9E515) controlling spacecraft and related items.
func (e ECCN) Is9x515() bool {
	return e.isEntry() && e.s[0] == '9' && e.s[2:5] == "515"
}

// IsY reports whether e is in a .y paragraph of its entry ("9A515.y.1",
// "0A606.y").
func (e ECCN) IsY() bool { return e.firstSegment() == "y" }

// IsZ reports whether e is in a .z paragraph of its entry ("4A003.z",
// "3A001.z.1.a").
func (e ECCN) IsZ() bool { return e.firstSegment() == "z" }

func (e ECCN) firstSegment() string {
	p := e.Paragraph()
	if i := strings.IndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return p
}

// Covers reports whether every item described by f is also described by e:
// the same entry, and e's paragraph path is f's or a prefix of it. So
// 3B001 covers 3B001.f.1, 3B001.f covers 3B001.f.1.b, but 3B001.f.1 does
// not cover 3B001.f and 3A001.a.1 does not cover 3A001.a.10. EAR99 covers only
// EAR99; the zero ECCN covers nothing and is covered by nothing.
func (e ECCN) Covers(f ECCN) bool {
	if !e.IsValid() || !f.IsValid() {
		return false
	}
	if e.s == f.s {
		return true
	}
	if !e.isEntry() || !f.isEntry() {
		return false
	}
	return len(f.s) > len(e.s) && strings.HasPrefix(f.s, e.s) && f.s[len(e.s)] == '.'
}

// Compare orders ECCNs by their text: -1, 0 or +1. The zero ECCN sorts
// first.
func (e ECCN) Compare(f ECCN) int { return strings.Compare(e.s, f.s) }

// MarshalText implements encoding.TextMarshaler. The zero ECCN marshals as
// empty text.
func (e ECCN) MarshalText() ([]byte, error) { return []byte(e.s), nil }

// UnmarshalText implements encoding.TextUnmarshaler. Empty text is an
// error: a classification that is not known is left out, not written empty.
func (e *ECCN) UnmarshalText(b []byte) error {
	v, err := ParseECCN(string(b))
	if err != nil {
		return err
	}
	*e = v
	return nil
}

// Kind is the kind of an item under the EAR: a commodity, software or
// technology (15 CFR 772.1). The zero Kind is invalid.
type Kind uint8

// The three kinds of item.
const (
	Commodity  Kind = iota + 1 // any article, material or supply except technology and software
	Software                   // programs and microprograms in any form
	Technology                 // information for the development, production or use of an item
)

var kindNames = [...]string{"", "commodity", "software", "technology"}

// KindError reports text that names no Kind.
type KindError struct {
	Input string // the text that was parsed
}

// Error implements the error interface.
func (e *KindError) Error() string {
	return fmt.Sprintf("product: unknown kind %q (want commodity, software or technology)", e.Input)
}

// ParseKind parses "commodity", "software" or "technology".
func ParseKind(s string) (Kind, error) {
	for k := Commodity; k <= Technology; k++ {
		if strings.EqualFold(kindNames[k], s) {
			return k, nil
		}
	}
	return 0, &KindError{Input: s}
}

// IsValid reports whether k is one of the three kinds.
func (k Kind) IsValid() bool { return k >= Commodity && k <= Technology }

// String returns "commodity", "software" or "technology", or "" for an
// invalid Kind.
func (k Kind) String() string {
	if !k.IsValid() {
		return ""
	}
	return kindNames[k]
}

// MarshalText implements encoding.TextMarshaler.
func (k Kind) MarshalText() ([]byte, error) {
	if !k.IsValid() {
		return nil, fmt.Errorf("product: cannot marshal invalid Kind %d", uint8(k))
	}
	return []byte(k.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (k *Kind) UnmarshalText(b []byte) error {
	v, err := ParseKind(string(b))
	if err != nil {
		return err
	}
	*k = v
	return nil
}

// canonicalECCN writes an ECCN in its printed case: the product group
// letter upper case, the paragraphs lower case ("3b001.C" is "3B001.c").
// Codes are read in any case (one rule for every code of the wire format)
// and written in their canonical case. Text that is not ASCII is left
// alone for the parser to refuse.
func canonicalECCN(s string) string {
	if len(s) < 2 {
		return s
	}
	canonical := true
	for i := 0; i < len(s) && canonical; i++ {
		c := s[i]
		canonical = c < 0x80 && !(i == 1 && c >= 'a' && c <= 'z') && !(i > 4 && c >= 'A' && c <= 'Z')
	}
	if canonical {
		return s // the usual case: no copy
	}
	b := []byte(s)
	for i, c := range b {
		if c >= 0x80 {
			return s
		}
		switch {
		case i == 1 && c >= 'a' && c <= 'z':
			b[i] = c - ('a' - 'A')
		case i > 4 && c >= 'A' && c <= 'Z':
			b[i] = c + ('a' - 'A')
		}
	}
	return string(b)
}
