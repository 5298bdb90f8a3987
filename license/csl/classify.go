package csl

import (
	"slices"
	"strings"

	"github.com/earcheck/ear/license/fdp"
)

// Entity List footnotes (Supplement No. 4 to part 744, the "License
// requirement" column; the CSL copies that column into license_requirement,
// where the superscript footnote number has become a plain digit):
//
//   - 1: the Entity List FDP rule for footnote 1 entities, 15 CFR
//     734.9(e)(1), license requirement 15 CFR 744.11(a)(2)(i) (moved there
//     from the footnote by the February 2022 rule; BIS guidance
//     "Foreign-Produced Direct Product Rule as it relates to the Entity
//     List", bis.gov/node/6329).
//   - 2: printed next to footnote 1 on the Huawei-family entries. It reaches
//     no FDP rule; its text is not verified here (reference/fdp.md Q15), so
//     it is recorded and counted but means nothing to the FDP rules.
//   - 3: the Russia/Belarus-Military End User and Procurement FDP rule,
//     15 CFR 734.9(g) (with 746.8(a)(3) and 744.21(b)); "a footnote 3
//     designation subjects these entities to the Russia/Belarus foreign
//     direct product rule" (87 FR 13141, 2022-03-03, and the Entity List
//     additions of 2022-06-02 and 2023-04-12 as summarised by Thompson
//     Hine).
//   - 4: the Entity List FDP rule for footnote 4 entities, 15 CFR
//     734.9(e)(2), license requirement 15 CFR 744.11(a)(2)(ii).
//   - 5: the Entity List FDP rule for footnote 5 entities, 15 CFR
//     734.9(e)(3), with the de minimis rule 15 CFR 734.4(a)(9) (December
//     2024 rule, 89 FR 96790).

// Footnotes is a set of Entity List footnote numbers 1-5. The zero value
// is the empty set.
type Footnotes uint8

// FootnotesOf returns the set of the footnotes given; numbers outside
// 1-5 are ignored.
func FootnotesOf(ns ...int) Footnotes {
	var s Footnotes
	for _, n := range ns {
		if n >= 1 && n <= 5 {
			s |= 1 << n
		}
	}
	return s
}

// Has reports whether footnote n is in the set.
func (s Footnotes) Has(n int) bool { return n >= 1 && n <= 5 && s&(1<<n) != 0 }

// Len returns the number of footnotes in the set.
func (s Footnotes) Len() int { return len(s.List()) }

// List returns the footnotes in ascending order; nil for the empty set.
func (s Footnotes) List() []int {
	var out []int
	for n := 1; n <= 5; n++ {
		if s.Has(n) {
			out = append(out, n)
		}
	}
	return out
}

// String returns the footnotes as "1,2", or "" for the empty set.
func (s Footnotes) String() string {
	var b strings.Builder
	for _, n := range s.List() {
		if b.Len() > 0 {
			b.WriteByte(',')
		}
		b.WriteByte(byte('0' + n))
	}
	return b.String()
}

// FootnoteMark is one footnote number found in a license requirement
// text, with the text it is glued to.
type FootnoteMark struct {
	Footnote int    // 1-5
	Text     string // the spelling, from the citation it follows to the digit: "734.9(e)1", "EAR)4"
	At       int    // byte offset of the digit in the text
}

// Citations is what ClassifyRequirement finds in a license
// requirement text.
type Citations struct {
	// Footnotes are the footnote numbers written in the text.
	Footnotes Footnotes
	// marks are the footnote numbers in text order (see Marks); never
	// changed once built, so copies of a Citations may share them.
	marks []FootnoteMark
	// Implied are footnotes that the text does not write but whose FDP
	// paragraph it cites on its own, as the footnote prongs of the 734.9
	// rules pair them: 734.9(e)(1) implies 1, 734.9(e)(2) implies 4,
	// 734.9(e)(3) implies 5 and 734.9(g) implies 3. A bare "734.9(e)"
	// implies nothing (it could be any of 1, 4 or 5). Footnotes already
	// written are not repeated here.
	Implied Footnotes
	// FootnoteUnknown is true when the text cites the Entity List FDP
	// rule paragraph 734.9(e) without a sub-paragraph and neither writes
	// nor implies any of its footnotes 1, 4 and 5: the entity has one of
	// them, but the text does not say which ("(See §734.9(e) and §744.11
	// of the EAR)", the footnote digit lost). "734.9(e) ... EAR)4" (4
	// written) and "734.9(e)(2)" (4 implied) are not unknown.
	FootnoteUnknown bool
	// fdp is the set of FDP paragraphs of 15 CFR 734.9 that the text
	// cites (see CitesFDP).
	fdp fdpSet
}

// fdpSet is a set of cited 734.9 paragraphs.
type fdpSet uint8

const (
	fdpE  fdpSet = 1 << iota // "734.9(e)" without a sub-paragraph
	fdpE1                    // 734.9(e)(1)
	fdpE2                    // 734.9(e)(2)
	fdpE3                    // 734.9(e)(3)
	fdpG                     // 734.9(g)
)

var fdpNames = []struct {
	bit  fdpSet
	name string
}{{fdpE, "15 CFR 734.9(e)"}, {fdpE1, "15 CFR 734.9(e)(1)"}, {fdpE2, "15 CFR 734.9(e)(2)"}, {fdpE3, "15 CFR 734.9(e)(3)"}, {fdpG, "15 CFR 734.9(g)"}}

// CitesFDP returns the paragraphs of 15 CFR 734.9 the text cites, in CFR
// order, as "15 CFR 734.9(e)(2)"; a bare "734.9(e)" is "15 CFR 734.9(e)".
func (c Citations) CitesFDP() []string {
	var out []string
	for _, f := range fdpNames {
		if c.fdp&f.bit != 0 {
			out = append(out, f.name)
		}
	}
	return out
}

// Marks returns the footnote numbers written in the text, in text order,
// with their spelling. The caller owns the slice.
func (c Citations) Marks() []FootnoteMark { return slices.Clone(c.marks) }

// All returns the written and the implied footnotes together.
func (c Citations) All() Footnotes { return c.Footnotes | c.Implied }

// ClassifyRequirement finds the Entity List footnotes in a CSL
// license_requirement text. The footnote is not a field of the CSL: it is a
// digit 1-5 glued to a citation. The rules, in the order they are tried at
// each position:
//
//  1. After a paragraph designator of a citation: "(e)", "(g)" or "(2)"
//     that closes a section number ("734.9(e)", "734.9(e)(2)"), then
//     optionally spaces and one comma, a lone digit 1-5: "734.9(e)1",
//     "734.9(e) 1", "734.9(g),3", "734.9(g), 3", "734.9(g)3".
//  2. After the word "EAR" (the end of "of the EAR"), then optionally up
//     to four of ')', '.' and space, a lone digit 1-5: "EAR2", "EAR 2",
//     "EAR)2.", "EAR)4", "EAR) 4".
//
// A digit is lone when it is not followed by another digit, by '(' or by
// '.' and a digit, so section numbers ("734.9(g), 746.8(a)(3)"), paragraph
// numbers ("(a)(3)") and "EAR99" are never footnotes. A designator only
// counts when it closes a section number, so "744.2l(b)" (a misprint of
// 744.21(b) with the letter l) and "(b)(2) and (e)" in prose are not
// citations that carry a footnote. The 734.9 paragraphs cited are recorded
// as well, with the footnote each implies (see Citations.Implied) and
// whether a bare 734.9(e) leaves the footnote unknown (see
// Citations.FootnoteUnknown).
func ClassifyRequirement(text string) Citations {
	var c Citations
	for i := 0; i < len(text); i++ {
		switch text[i] {
		case ')':
			start, ok := designatorStart(text, i)
			if !ok {
				continue
			}
			j := i + 1
			comma := false
			for j < len(text) && (text[j] == ' ' || (text[j] == ',' && !comma)) {
				if text[j] == ',' {
					comma = true
				}
				j++
			}
			if n, ok := loneDigit(text, j); ok {
				c.mark(n, text, citationStart(text, start), j)
			}
		case 'E', 'e':
			if i+3 > len(text) || !strings.EqualFold(text[i:i+3], "EAR") {
				continue
			}
			if i > 0 && isLetter(text[i-1]) {
				continue
			}
			j := i + 3
			if j < len(text) && isLetter(text[j]) {
				continue
			}
			for k := 0; k < 4 && j < len(text) && (text[j] == ')' || text[j] == '.' || text[j] == ' '); k++ {
				j++
			}
			if n, ok := loneDigit(text, j); ok {
				c.mark(n, text, i, j)
			}
		}
	}
	c.fdp = citedFDP(text)
	var implied Footnotes
	for _, f := range fdpNames {
		if c.fdp&f.bit != 0 {
			if n, ok := impliedFootnote(f.name); ok {
				implied |= FootnotesOf(n)
			}
		}
	}
	c.Implied = implied &^ c.Footnotes
	c.FootnoteUnknown = c.fdp&fdpE != 0 && c.All()&FootnotesOf(1, 4, 5) == 0
	return c
}

// impliedFootnote returns the Entity List footnote that a cited paragraph
// of 15 CFR 734.9, spelled as CitesFDP spells it ("15 CFR 734.9(e)(2)"),
// implies when the text cites it without writing the footnote. It is read
// from the footnote prongs of the FDP rules (fdp.Default): the rule of each
// such paragraph reaches the entities of one footnote. A bare "734.9(e)"
// (any of 1, 4 or 5) and every other paragraph imply none.
func impliedFootnote(paragraph string) (int, bool) {
	c, err := fdp.ParseCitation(paragraph)
	if err != nil {
		return 0, false
	}
	return fdp.Default().Footnote(c)
}

func (c *Citations) mark(n int, text string, from, digit int) {
	c.Footnotes |= FootnotesOf(n)
	c.marks = append(c.marks, FootnoteMark{Footnote: n, Text: text[from : digit+1], At: digit})
}

func isLetter(b byte) bool { return (b|0x20) >= 'a' && (b|0x20) <= 'z' }
func isDigit(b byte) bool  { return b >= '0' && b <= '9' }

// designatorStart reports whether text[i] == ')' closes a paragraph
// designator "(x)" of one to four letters or digits that directly follows
// a section number's digit or another designator's ')'; it returns the
// index of the '('.
func designatorStart(text string, i int) (int, bool) {
	k := i - 1
	for k >= 0 && i-k <= 5 && (isLetter(text[k]) || isDigit(text[k])) {
		k--
	}
	if k < 0 || text[k] != '(' || k == i-1 || i-k > 5 {
		return 0, false
	}
	if k == 0 || !(isDigit(text[k-1]) || text[k-1] == ')') {
		return 0, false
	}
	return k, true
}

// citationStart walks back from the '(' at i over the section number
// and earlier designators it belongs to ("734.9(e)(2)").
func citationStart(text string, i int) int {
	k := i
	for k > 0 {
		b := text[k-1]
		if isDigit(b) || b == '.' || b == '(' || b == ')' || (isLetter(b) && k >= 2 && text[k-2] == '(') {
			k--
			continue
		}
		break
	}
	return k
}

// loneDigit reports whether text[j] is a digit 1-5 that is not part of
// a number or citation.
func loneDigit(text string, j int) (int, bool) {
	if j >= len(text) || text[j] < '1' || text[j] > '5' {
		return 0, false
	}
	if j+1 < len(text) {
		switch nb := text[j+1]; {
		case isDigit(nb), nb == '(':
			return 0, false
		case nb == '.' && j+2 < len(text) && isDigit(text[j+2]):
			return 0, false
		case isLetter(nb):
			return 0, false
		}
	}
	return int(text[j] - '0'), true
}

// citedFDP finds the 734.9 paragraphs (e), (e)(1)-(3) and (g) cited in
// text.
func citedFDP(text string) fdpSet {
	var s fdpSet
	for rest := text; ; {
		i := strings.Index(rest, "734.9(")
		if i < 0 {
			return s
		}
		rest = rest[i+len("734.9"):]
		switch {
		case strings.HasPrefix(rest, "(e)(1)"):
			s |= fdpE1
		case strings.HasPrefix(rest, "(e)(2)"):
			s |= fdpE2
		case strings.HasPrefix(rest, "(e)(3)"):
			s |= fdpE3
		case strings.HasPrefix(rest, "(e)"):
			s |= fdpE
		case strings.HasPrefix(rest, "(g)"):
			s |= fdpG
		}
	}
}
