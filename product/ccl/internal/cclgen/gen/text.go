package gen

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	quoteFixer = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "‘", "'", "’", "'",
		"\u00a0", " ", "\u2002", " ", "\u2003", " ", "\u2009", " ", "\u202f", " ")
	// "3A001.z. 1.b", "8A620. b and .y": a space after a paragraph dot.
	reDotSpace = regexp.MustCompile(`(\d[A-E]\d{3}(?:\.[a-z0-9]+)*)\. ([a-z0-9]{1,2})([.,;)\s]|$)`)
	// "9A004 .g": a space before the first paragraph dot.
	reSpaceDot = regexp.MustCompile(`(\d[A-E]\d{3}) \.([a-z])`)
	// "5A001.f.1equipment": a word glued to a paragraph number.
	reGlued = regexp.MustCompile(`(\d[A-E]\d{3}(?:\.[a-z0-9]+)*\.\d{1,2})([a-z]{3,})`)
)

// normalize returns s with typographic quotes made plain, runs of white
// space made one space, and the known spacing slips around paragraph
// references closed up. It never changes the words.
func normalize(s string) string {
	s = quoteFixer.Replace(s)
	s = strings.Join(strings.Fields(s), " ")
	for {
		t := reDotSpace.ReplaceAllString(s, "$1.$2$3")
		if t == s {
			break
		}
		s = t
	}
	s = reSpaceDot.ReplaceAllString(s, "$1.$2")
	s = reGlued.ReplaceAllString(s, "$1 $2")
	return s
}

type tokKind uint8

const (
	tWord   tokKind = iota + 1 // a word (val lower-cased)
	tNum                       // a number
	tRef                       // an ECCN, or a paragraph resolved to one (val)
	tRel                       // ".e", ".a.10": a paragraph relative to an entry (val without the dot)
	tBare                      // "z.2.a", "b": a paragraph written without its entry (val)
	tGroup                     // "3B": a product group
	tComma                     // ,
	tSemi                      // ;
	tColon                     // :
	tLParen                    // (
	tRParen                    // )
	tAnd                       // and
	tOr                        // or, and/or
	tTo                        // to, through
	tParen                     // a parenthesised group (sub)
)

type token struct {
	k          tokKind
	val        string
	start, end int // byte offsets in the normalized text
	sub        []token
	// for tRef: what the reference was written as, for range expansion
	rel bool
}

func isLower(b byte) bool { return b >= 'a' && b <= 'z' }
func isDigit(b byte) bool { return b >= '0' && b <= '9' }
func isAlnum(b byte) bool {
	return isLower(b) || isDigit(b) || (b >= 'A' && b <= 'Z')
}

// readPath reads dot-separated paragraph segments starting at s[i] (just
// after a dot), each a run of letters or a run of digits. It returns the
// path and the end offset.
func readPath(s string, i int) (string, int) {
	var segs []string
	for {
		if i >= len(s) {
			break
		}
		j := i
		switch {
		case isLower(s[j]):
			for j < len(s) && isLower(s[j]) {
				j++
			}
		case isDigit(s[j]):
			for j < len(s) && isDigit(s[j]) {
				j++
			}
		default:
			return strings.Join(segs, "."), i - 1
		}
		if j < len(s) && (isAlnum(s[j])) {
			// "1equipment": the segment runs into a word; stop before it
			if len(segs) == 0 {
				return "", i - 1
			}
			return strings.Join(segs, "."), i - 1
		}
		if !validSegment(s[i:j], false) {
			if len(segs) == 0 {
				return "", i - 1
			}
			return strings.Join(segs, "."), i - 1
		}
		segs = append(segs, s[i:j])
		i = j
		if i+1 < len(s) && s[i] == '.' && (isLower(s[i+1]) || isDigit(s[i+1])) {
			i++
			continue
		}
		return strings.Join(segs, "."), i
	}
	return strings.Join(segs, "."), i
}

// tokenize splits normalized text into tokens. Quotes are dropped.
func tokenize(s string) []token {
	var out []token
	i := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c == ' ' || c == '"' || c == '\'':
			i++
		case c == ',':
			out = append(out, token{k: tComma, val: ",", start: i, end: i + 1})
			i++
		case c == ';':
			out = append(out, token{k: tSemi, val: ";", start: i, end: i + 1})
			i++
		case c == ':':
			out = append(out, token{k: tColon, val: ":", start: i, end: i + 1})
			i++
		case c == '(':
			out = append(out, token{k: tLParen, val: "(", start: i, end: i + 1})
			i++
		case c == ')':
			out = append(out, token{k: tRParen, val: ")", start: i, end: i + 1})
			i++
		case c == '.' && i+1 < len(s) && (isLower(s[i+1]) || isDigit(s[i+1])) && (i == 0 || !isAlnum(s[i-1])):
			p, end := readPath(s, i+1)
			if p == "" {
				i++
				continue
			}
			out = append(out, token{k: tRel, val: p, start: i, end: end})
			i = end
		case isDigit(c):
			if i+5 <= len(s) && s[i+1] >= 'A' && s[i+1] <= 'E' && isDigit(s[i+2]) && isDigit(s[i+3]) && isDigit(s[i+4]) &&
				(i+5 == len(s) || !isAlnum(s[i+5])) && (i == 0 || !isAlnum(s[i-1])) {
				v, end := s[i:i+5], i+5
				if end+1 < len(s) && s[end] == '.' && isLower(s[end+1]) {
					p, e2 := readPath(s, end+1)
					if p != "" && validECCN(v+"."+p) {
						v, end = v+"."+p, e2
					}
				}
				out = append(out, token{k: tRef, val: v, start: i, end: end})
				i = end
				continue
			}
			if i+2 <= len(s) && s[i+1] >= 'A' && s[i+1] <= 'E' && (i+2 == len(s) || !isAlnum(s[i+2])) && (i == 0 || !isAlnum(s[i-1])) {
				out = append(out, token{k: tGroup, val: s[i : i+2], start: i, end: i + 2})
				i += 2
				continue
			}
			j := i
			for j < len(s) && (isDigit(s[j]) || (s[j] == '.' && j+1 < len(s) && isDigit(s[j+1]))) {
				j++
			}
			out = append(out, token{k: tNum, val: s[i:j], start: i, end: j})
			i = j
		case isLower(c) && i+2 < len(s) && s[i+1] == '.' && (isLower(s[i+2]) || isDigit(s[i+2])) && (i == 0 || !isAlnum(s[i-1])):
			p, end := readPath(s, i)
			if p == "" || p == "e.g" || p == "i.e" || strings.IndexByte(p, '.') < 0 {
				j := i
				for j < len(s) && (isAlnum(s[j]) || s[j] == '.') {
					j++
				}
				out = append(out, token{k: tWord, val: strings.ToLower(strings.TrimRight(s[i:j], ".")), start: i, end: j})
				i = j
				continue
			}
			out = append(out, token{k: tBare, val: p, start: i, end: end})
			i = end
		case isAlnum(c):
			j := i
			for j < len(s) && (isAlnum(s[j]) || s[j] == '-' || s[j] == '/') {
				j++
			}
			w := strings.ToLower(s[i:j])
			k := tWord
			switch w {
			case "and":
				k = tAnd
			case "or", "and/or":
				k = tOr
			case "to", "through":
				k = tTo
			}
			if k == tWord && len(w) == 1 && isLower(w[0]) {
				k = tBare
			}
			out = append(out, token{k: k, val: w, start: i, end: j})
			i = j
		case c == '.':
			i++
		default:
			// any other symbol (§, >, ≤, ×, °, −, ...) is a word of its own
			r := []rune(s[i:])[0]
			n := len(string(r))
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			out = append(out, token{k: tWord, val: string(r), start: i, end: i + n})
			i += n
		}
	}
	return out
}

// groupParens nests the tokens between matching parentheses into tParen
// tokens. Unbalanced parentheses are dropped.
func groupParens(ts []token) []token {
	var stack [][]token
	var starts []int
	cur := []token{}
	for _, t := range ts {
		switch t.k {
		case tLParen:
			stack = append(stack, cur)
			starts = append(starts, t.start)
			cur = []token{}
		case tRParen:
			if len(stack) == 0 {
				continue
			}
			p := token{k: tParen, sub: cur, start: starts[len(starts)-1], end: t.end}
			cur = append(stack[len(stack)-1], p)
			stack = stack[:len(stack)-1]
			starts = starts[:len(starts)-1]
		default:
			cur = append(cur, t)
		}
	}
	for len(stack) > 0 {
		cur = append(stack[len(stack)-1], cur...)
		stack = stack[:len(stack)-1]
	}
	return cur
}
