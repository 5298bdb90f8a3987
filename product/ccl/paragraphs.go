package ccl

import (
	"sort"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

// paragraphSet is what the table knows of the paragraphs of an entry's
// List of Items, as generated from the item records of data/ccl.jsonl
// (categories 1, 3, 4 and 5) and the paragraph mends of
// data/ccl_mends.json. Each list is sorted in byte order.
type paragraphSet struct {
	exists   []string // paths that exist: "a", "a.1", "b.2.c"
	reserved []string // paths printed "[Reserved]": no item is classified there
	unsure   []string // paths the source prints that may be a note's sub-paragraphs
	closed   []string // parents whose children are all known; "" is the first level
}

func has(list []string, p string) bool {
	i := sort.SearchStrings(list, p)
	return i < len(list) && list[i] == p
}

// answer says whether the paragraph path p ("b.2.c") exists.
func (s *paragraphSet) answer(p string) ear.Answer {
	switch {
	case has(s.exists, p):
		return ear.Yes
	case has(s.reserved, p):
		return ear.No
	case has(s.unsure, p):
		return ear.Indeterminate
	}
	parent := ""
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		parent = p[:i]
		if a := s.answer(parent); a != ear.Yes {
			return a // no paragraph under one that does not exist; unknown under an unknown one
		}
	}
	if has(s.closed, parent) {
		return ear.No
	}
	return ear.Indeterminate
}

// HasParagraph says whether x names the entry e itself or a paragraph of
// its List of Items (at any depth: "3A090.a", "3A001.b.4.b"). The table
// carries the paragraphs of the entries of categories 1, 3, 4 and 5 (read
// from the eCFR text, which mixes in the lettered sub-paragraphs of notes:
// the generator sets those aside where it can tell them apart, and hand
// mends correct the entries the rules of this module read), and of any entry
// a hand mend lists.
//
// HasParagraph returns Yes when x is the entry or a paragraph the table
// holds; No when x is of another entry, when x is a paragraph printed
// "[Reserved]" (no item is classified there) or lies under one that does
// not exist, and when x's paragraph is absent from a level whose paragraphs
// are all known (the entry's first level, once it runs without a gap, or a
// parent whose children run without a gap); Indeterminate otherwise: for an
// entry whose paragraphs are not carried (categories 0, 2, 6 to 9 without a
// mend), a paragraph the source prints in a way that may be a note's, or a
// paragraph under a parent whose children are not all known. The zero Entry
// answers Indeterminate.
func (e Entry) HasParagraph(x product.ECCN) ear.Answer {
	switch {
	case !e.IsValid():
		return ear.Indeterminate
	case !isEntry(x) || x.Entry() != e.eccn:
		return ear.No
	case x == e.eccn:
		return ear.Yes
	case e.paras == nil:
		return ear.Indeterminate
	}
	return e.paras.answer(x.Paragraph())
}

// ParagraphsKnown reports whether the table carries the paragraphs of e's
// List of Items (categories 1, 3, 4 and 5 where the source prints them, and
// entries a hand mend lists), so that HasParagraph can answer No.
func (e Entry) ParagraphsKnown() bool { return e.paras != nil }

// Paragraph says whether x is a paragraph the Commerce Control List has: it
// looks up x's entry and asks Entry.HasParagraph. It returns No when the
// entry does not exist in the CCL (EAR99 included: it is no entry), and
// Indeterminate for the zero ECCN.
func Paragraph(x product.ECCN) ear.Answer {
	if !x.IsValid() {
		return ear.Indeterminate
	}
	e, ok := Lookup(x)
	if !ok {
		return ear.No
	}
	return e.HasParagraph(x)
}
