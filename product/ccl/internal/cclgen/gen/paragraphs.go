package gen

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// ParagraphSet is what the generator knows of the paragraphs of one entry:
// the paths that exist ("a", "a.1", "b.2.c"), those the CCL prints
// "[Reserved]" (no item can be classified there), those the source prints
// but that may be sub-paragraphs of a note (Unsure), and the parents whose
// children are all known (Closed; "" is the entry's first level). Every list
// is sorted (byte order) and holds each path once.
type ParagraphSet struct {
	Exists   []string
	Reserved []string
	Unsure   []string
	Closed   []string
}

// ParagraphMend corrects the derived paragraph set of one entry: Drop
// removes paths (with their sub-paragraphs), Add adds existing paths (with
// their parents) and Reserved adds paths printed "[Reserved]". A mend
// vouches for the entry's first level (it is closed after the mend) and
// makes the entry's paragraphs carried even where the source has none (an
// empty mend: the entry has no paragraphs).
type ParagraphMend struct {
	Drop     []string `json:"drop,omitempty"`
	Add      []string `json:"add,omitempty"`
	Reserved []string `json:"reserved,omitempty"`
}

// paragraphCategories are the categories whose item paragraphs the source
// carries (its itemsNote).
const paragraphCategories = "1345"

var (
	// reDesignation is a paragraph designation of two or more segments at
	// the start of a text record ("z.1.b Commodities ...", "b.2 [Reserved]"):
	// an item the source printed as text.
	reDesignation = regexp.MustCompile(`^([a-z]\.\d{1,2}(?:\.[a-z](?:\.\d{1,2})?)*)\.?\s+(\S.*)$`)
	// reReservedRange is an item printing a range of reserved paragraphs
	// ("to f. [Reserved]", "through y. [Reserved]", "and q.2. [Reserved]").
	reReservedRange = regexp.MustCompile(`^(?:to|through|and)\s+(?:[a-z0-9.]*\.)?([a-z]|\d{1,2})\.?\s*\[Reserved\]`)
	reReserved      = regexp.MustCompile(`^\[Reserved\][.;]?$`)
)

// para is one candidate paragraph of the source, in printed order.
type para struct {
	path     string
	key      []int // ordinals of the segments, for the printed order
	reserved bool
}

// deriveParagraphs reads the paragraphs of an entry from its item records.
// The source mixes the lettered sub-paragraphs of notes and technical
// notes in with the items, and prints some items as text. The heuristic:
//
//   - candidates are the "item" records with a paragraph, and the text
//     records that open with a designation of two or more segments ("z.1.b
//     ..."); "[Reserved]" items and ranges ("through y. [Reserved]") are
//     reserved paragraphs;
//   - the items of an entry are printed in the order of their paths, so the
//     real ones are taken to be the longest run of candidates whose paths
//     increase in that order (ties broken towards runs stepping to the very
//     next paragraph); a note's sub-paragraphs restart the lettering and
//     fall out of the run;
//   - a candidate outside the run whose path the run does not hold is
//     unsure, and so are its parents that the run does not hold;
//   - the parents of every path exist;
//   - a parent's children are known (closed) when it has at least one and
//     they run without a gap from the first ("a" or "1"), letters allowed
//     to jump to x, y and z at the end.
//
// ok is false when the source carries no item paragraph for the entry.
func deriveParagraphs(items []SourceItem) (ParagraphSet, bool) {
	var cands []para
	add := func(path string, reserved bool) {
		k, ok := pathKey(path)
		if ok {
			cands = append(cands, para{path: path, key: k, reserved: reserved})
		}
	}
	for _, it := range items {
		text := strings.TrimSpace(normalizeSpace(it.Text))
		switch {
		case it.Kind == "item" && it.Paragraph != nil:
			p := *it.Paragraph
			if m := reReservedRange.FindStringSubmatch(text); m != nil {
				for _, q := range expandRange(p, m[1]) {
					add(q, true)
				}
				continue
			}
			add(p, reReserved.MatchString(text))
		case it.Kind == "text":
			if m := reDesignation.FindStringSubmatch(text); m != nil {
				add(m[1], reReserved.MatchString(m[2]))
			}
		}
	}
	if len(cands) == 0 {
		return ParagraphSet{}, false
	}
	run := longestRun(cands)
	state := map[string]int{} // 1 exists, 2 reserved, 3 unsure
	for _, i := range run {
		c := cands[i]
		if c.reserved {
			state[c.path] = 2
		} else {
			state[c.path] = 1
		}
	}
	for p, s := range state {
		if s == 1 || s == 2 {
			for q := parentPath(p); q != ""; q = parentPath(q) {
				if state[q] == 0 || state[q] == 2 && s == 1 {
					state[q] = 1
				}
			}
		}
	}
	in := map[int]bool{}
	for _, i := range run {
		in[i] = true
	}
	for i, c := range cands {
		if in[i] {
			continue
		}
		for q := c.path; q != ""; q = parentPath(q) {
			if state[q] == 0 {
				state[q] = 3
			}
		}
	}
	return setOf(state), true
}

// setOf turns path states into a ParagraphSet, computing the closed parents.
func setOf(state map[string]int) ParagraphSet {
	var s ParagraphSet
	children := map[string][]string{}
	for p, st := range state {
		switch st {
		case 1:
			s.Exists = append(s.Exists, p)
		case 2:
			s.Reserved = append(s.Reserved, p)
		case 3:
			s.Unsure = append(s.Unsure, p)
		}
		children[parentPath(p)] = append(children[parentPath(p)], p)
	}
	for parent, cs := range children {
		if parent == "" || state[parent] == 1 {
			if contiguous(cs) {
				s.Closed = append(s.Closed, parent)
			}
		}
	}
	for _, l := range [][]string{s.Exists, s.Reserved, s.Unsure, s.Closed} {
		sort.Strings(l)
	}
	return s
}

// contiguous reports whether sibling paths run without a gap from the first
// ordinal, letters allowed to jump to x, y and z at the end.
func contiguous(siblings []string) bool {
	var ords []int
	letters := false
	for _, p := range siblings {
		seg := p[strings.LastIndexByte(p, '.')+1:]
		o, letter := ordinal(seg)
		letters = letter
		ords = append(ords, o)
	}
	sort.Ints(ords)
	next := 1
	for _, o := range ords {
		switch {
		case o == next:
			next++
		case letters && o >= 24 && o >= next: // x, y, z after the run
			next = o + 1
		default:
			return false
		}
	}
	return true
}

// longestRun returns the indexes of the longest subsequence of cands whose
// paths strictly increase in printed order, preferring, among runs of one
// length, the one with most steps to the very next paragraph.
func longestRun(cands []para) []int {
	n := len(cands)
	length, steps, prev := make([]int, n), make([]int, n), make([]int, n)
	best := 0
	for i := range cands {
		length[i], steps[i], prev[i] = 1, 0, -1
		for j := 0; j < i; j++ {
			if compareKeys(cands[j].key, cands[i].key) >= 0 {
				continue
			}
			l, s := length[j]+1, steps[j]
			if nextStep(cands[j].key, cands[i].key) {
				s++
			}
			if l > length[i] || l == length[i] && s > steps[i] {
				length[i], steps[i], prev[i] = l, s, j
			}
		}
		if length[i] > length[best] || length[i] == length[best] && steps[i] > steps[best] {
			best = i
		}
	}
	var run []int
	for i := best; i >= 0; i = prev[i] {
		run = append(run, i)
	}
	for l, r := 0, len(run)-1; l < r; l, r = l+1, r-1 {
		run[l], run[r] = run[r], run[l]
	}
	return run
}

// nextStep reports whether b is the paragraph printed right after a: its
// first child, or the next sibling of a or of one of its parents.
func nextStep(a, b []int) bool {
	if len(b) == len(a)+1 && b[len(b)-1] == 1 && compareKeys(a, b[:len(a)]) == 0 {
		return true
	}
	if len(b) > len(a) {
		return false
	}
	k := len(b) - 1
	return compareKeys(a[:k], b[:k]) == 0 && b[k] == a[k]+1
}

func compareKeys(a, b []int) int {
	for i := 0; i < len(a) && i < len(b); i++ {
		if a[i] != b[i] {
			if a[i] < b[i] {
				return -1
			}
			return 1
		}
	}
	return len(a) - len(b)
}

// pathKey returns the ordinals of a paragraph path ("b.12.c" -> 2, 12, 3),
// false for a path that is no paragraph of an ECCN.
func pathKey(p string) ([]int, bool) {
	if !validECCN("0A000." + p) {
		return nil, false
	}
	segs := strings.Split(p, ".")
	k := make([]int, len(segs))
	for i, s := range segs {
		k[i], _ = ordinal(s)
	}
	return k, true
}

// ordinal is the place of a segment among its siblings, from 1, and whether
// it is a letter: "a" 1, "12" 12, "iv" 4.
func ordinal(seg string) (int, bool) {
	if n, err := strconv.Atoi(seg); err == nil {
		return n, false
	}
	if len(seg) == 1 {
		return int(seg[0]-'a') + 1, true
	}
	for i, r := range []string{"i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii",
		"xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"} {
		if r == seg {
			return i + 1, false
		}
	}
	return 0, false
}

// expandRange lists the paragraphs from first ("d") to the last segment
// printed in its range ("f"): d, e, f.
func expandRange(first, last string) []string {
	base, seg := "", first
	if i := strings.LastIndexByte(first, '.'); i >= 0 {
		base, seg = first[:i+1], first[i+1:]
	}
	from, fl := ordinal(seg)
	to, tl := ordinal(last)
	if fl != tl || from < 1 || to < from || to-from > 30 {
		return []string{first}
	}
	var out []string
	for o := from; o <= to; o++ {
		if fl {
			out = append(out, base+string(rune('a'+o-1)))
		} else {
			out = append(out, base+strconv.Itoa(o))
		}
	}
	return out
}

// parentPath is the path one level up ("a.1" for "a.1.b"), "" for a first
// level paragraph.
func parentPath(p string) string {
	if i := strings.LastIndexByte(p, '.'); i >= 0 {
		return p[:i]
	}
	return ""
}

// applyParagraphMend applies a mend to a derived set (nil: the source
// carries none). It refuses a mend that drops a path the set lacks or adds
// one it has, so that a mend outlives no garble silently.
func applyParagraphMend(eccn string, s *ParagraphSet, m ParagraphMend) (ParagraphSet, error) {
	state := map[string]int{}
	if s != nil {
		for st, l := range [][]string{s.Exists, s.Reserved, s.Unsure} {
			for _, p := range l {
				state[p] = st + 1
			}
		}
	}
	stale := func(format string, args ...any) error {
		return fmt.Errorf("cclgen: paragraph mend for %s no longer matches the source ("+format+"): review the mend",
			append([]any{eccn}, args...)...)
	}
	for _, p := range m.Drop {
		if state[p] == 0 {
			return ParagraphSet{}, stale("it drops %s, which the source does not print", p)
		}
		for q := range state {
			if q == p || strings.HasPrefix(q, p+".") {
				delete(state, q)
			}
		}
	}
	put := func(list []string, st int) error {
		for _, p := range list {
			if _, ok := pathKey(p); !ok {
				return fmt.Errorf("cclgen: paragraph mend for %s: malformed paragraph %q", eccn, p)
			}
			if state[p] == st {
				return stale("it adds %s, which the source prints", p)
			}
			state[p] = st
			if st == 1 {
				for q := parentPath(p); q != ""; q = parentPath(q) {
					state[q] = 1
				}
			}
		}
		return nil
	}
	if err := put(m.Add, 1); err != nil {
		return ParagraphSet{}, err
	}
	if err := put(m.Reserved, 2); err != nil {
		return ParagraphSet{}, err
	}
	out := setOf(state)
	if len(out.Closed) == 0 || out.Closed[0] != "" {
		out.Closed = append([]string{""}, out.Closed...)
	}
	return out, nil
}
