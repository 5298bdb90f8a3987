package csl

import (
	"fmt"
	"math/bits"
	"slices"
	"strings"
	"unicode"

	"github.com/earcheck/ear/jurisdiction"
)

// This file is the fuzzy name search of an Index: token-based
// Jaro-Winkler similarity, as the CSL search API and moov-io/watchman
// score names. A candidate it finds is not a designation: see Candidate.

// DefaultMinScore is the score (per mille) from which Screen reports a
// row as a candidate when the caller has no threshold of its own: 900
// means that the query's words, weighted by their length, are on average
// at least 0.9 Jaro-Winkler-similar to the closest words of one of the
// row's names. A one-letter typo in one word of a two-word name
// ("Huawey Technologies") scores about 977, an unrelated name well under
// 700.
const DefaultMinScore = 900

// Candidate is a row whose name or an alternate name is similar to a
// searched name. A candidate is NOT a designation: the party was not
// found on the list by its name, only a name like it. A caller reads it
// as "possibly listed", to be resolved by a person (indeterminate), never
// as cleared and never as listed.
type Candidate struct {
	Row         int    // the row's position in its file (Row.Index)
	ID          string // the row's id
	Name        string // the row's name
	MatchedName string // the row's name or alternate name that scored best
	// Score is the similarity of the searched name to MatchedName, per
	// mille: 1000 when every word of the searched name is a word of
	// MatchedName (after NormalizeName). See Index.Search.
	Score int
	// CountryDiffers is true when a country was searched for and the row
	// has addresses in known countries, none of them that country (nor
	// read as it by the EAR's tables). The row is kept: a country lowers
	// nothing, it is reported.
	CountryDiffers bool
	// Designation is what the row would designate, were the party the
	// row's.
	Designation Designation
}

// Screening is what Screen finds for a party: the rows matched by exact
// lookup, and the rows whose names are similar.
type Screening struct {
	// Exact are the designations of the rows Lookup finds (source
	// SourceIndex): the party is on these rows.
	Exact Designations
	// Candidates are the other rows whose score reaches MinScore, best
	// first (see Index.Search). They are NOT designations: each says the
	// party is possibly listed, which a caller reads as indeterminate
	// until a person rules it out, never as cleared.
	Candidates []Candidate
	// MinScore is the threshold the candidates were found with.
	MinScore int
	// Unscreened is empty when the searched name could be screened, and
	// otherwise a sentence saying why it could not be: the name is empty
	// after NormalizeName (it has no letter or digit), or it holds a
	// letter of a script other than Latin (Han, Cyrillic, Greek, Arabic,
	// Hebrew, Hangul, Hiragana, Katakana, Thai, Devanagari...: any letter
	// that is not in unicode.Latin), which no name of the BIS lists,
	// written in Latin script, can match. Exact and Candidates still hold
	// whatever was found, but finding nothing proves nothing: a caller
	// must read an unscreened name as possibly listed (indeterminate),
	// never as cleared.
	Unscreened string
}

// searchName is a name or alternate name of a row, as token ids.
type searchName struct {
	pos  int32   // position in Index.rows
	name string  // as listed
	toks []int32 // its words after NormalizeName, as ids in Index.vocab
	// joined is its words in order, diacritics folded, without spaces, and
	// ends the byte offset where each word ends in joined (see joinedIn).
	joined string
	ends   []int32
	// weight is the number of runes of its distinct words.
	weight int
}

// indexTokens builds the search side of the index: the distinct words of
// every name, and each name as word ids; a name whose key with only the
// one-word legal forms dropped (wordFormKey) differs from its normal form
// is there under both, the normal form first. Called by NewIndex.
func (x *Index) indexTokens() {
	ids := map[string]int32{}
	addKey := func(i int, name, key string) {
		var toks []int32
		var joined []rune
		var ends []int32
		weight, n := 0, 0
		for w := range strings.FieldsSeq(key) {
			id, ok := ids[w]
			if !ok {
				id = int32(len(x.vocab))
				ids[w] = id
				x.vocab = append(x.vocab, []rune(w))
				x.vocabFold = append(x.vocabFold, foldMarks([]rune(w)))
			}
			if !slices.Contains(toks, id) {
				toks = append(toks, id)
				weight += len(x.vocab[id])
			}
			joined = append(joined, x.vocabFold[id]...)
			n += len(string(x.vocabFold[id]))
			ends = append(ends, int32(n))
		}
		if len(toks) > 0 {
			x.names = append(x.names, searchName{pos: int32(i), name: name, toks: toks, joined: string(joined), ends: ends, weight: weight})
		}
	}
	for i := range x.rows {
		add := func(name string) {
			k := NormalizeName(name)
			addKey(i, name, k)
			if w := wordFormKey(name); w != k {
				addKey(i, name, w)
			}
			// Without what it puts in parentheses (an acronym, a city, a
			// parent): "National University of Defense Technology (NUDT)"
			// is also "national university of defense technology", whose
			// words a searched name may hold with others around them.
			if p := NormalizeName(withoutParens(name)); p != "" && p != k {
				addKey(i, name, p)
			}
		}
		add(x.rows[i].Name)
		for _, a := range x.rows[i].AltNames {
			add(a)
		}
	}
}

// Search returns the rows with a name or an alternate name whose score
// against name is minScore or more (per mille, 0-1000; a minScore below
// 1 is read as 1); one candidate per row, for its best-scoring name. The
// result is the caller's; a nil Index finds nothing.
//
// Candidates come best first: by Score, then, among equal scores, by how
// much of the listed name the searched name covers (the same formula with
// the roles of Q and L swapped, so that "Huawei Technologies" puts
// "Huawei Technologies Co., Ltd." before "Huawei Technologies Canada Co.,
// Ltd."), then in file order. Within a row, the name that comes first by
// the same two keys is MatchedName (the first listed on a full tie).
//
// The score of a listed name L for the searched name Q is computed on the
// words of NormalizeName(Q) and NormalizeName(L) (so case, punctuation,
// full-width forms and legal-form words such as "Co., Ltd." do not
// count):
//
//	score = floor(1000 × Σ_q len(q) × max_l JW(q, l) / Σ_q len(q))
//
// over the words q of Q, with l ranging over the words of L, len the
// number of runes, and JW the Jaro-Winkler similarity of two words (Jaro
// similarity on runes, match window max(|q|,|l|)/2 - 1, plus the common
// prefix of up to 4 runes × 0.1 × (1 - Jaro) when Jaro exceeds 0.7). Words
// of L that no word of Q is close to cost nothing: a listed name with more
// words than the searched one still scores 1000 when it holds them all
// ("Huawei Technologies" scores 1000 against "Huawei Technologies Canada
// Co., Ltd."), the conservative reading for screening.
//
// A name that holds a spelled-out legal form (see NormalizeName) is also
// scored on its words with only the one-word legal forms dropped, the
// spelled-out ones kept ("Joint Stock Company X" as "joint stock x"):
// each searched form against each listed form, the highest score (and,
// for it, the highest coverage) counting. So a name that writes a legal
// form in part or amiss ("Joint Stock Concern X", "JointStock Company X")
// scores at least what it scored before the spelled-out forms were
// folded; a name with none is scored once, as above.
//
// A searched name may hold a listed name with more words around it (an
// address, a city, "Shanghai Branch of", "Group", a forwarder's "c/o"), or
// write its words joined or split ("Hik Vision", "Win Thought"). The score
// of L is therefore the highest of three:
//
//   - the score above;
//   - when L's distinct words weigh coverMinRunes runes or more, L scored
//     by its own words in their order (orderedCover): each word of L must
//     be found in Q after the one before it, at a Jaro-Winkler similarity
//     of coverWordMin or more (the same word for a one-word L), and the
//     score is the length-weighted mean of those similarities;
//   - 1000 when Q's words joined without spaces are L's joined words from
//     the start of one of L's words to the end of another, or the other
//     way round (joinedIn), at least joinMinBytes long.
//
// Every word is compared with the diacritics of its Latin letters folded
// (foldMarks: "Yıldız" is "yildiz", "Sūzhōu" "suzhou"), though NormalizeName
// and Lookup keep them; and a listed name is also indexed without what it
// puts in parentheses ("National University of Defense Technology (NUDT)"
// also as "national university of defense technology").
//
// country is not a filter: when it is valid, a row whose known address
// countries all differ from it is kept, with CountryDiffers set.
func (x *Index) Search(name string, country jurisdiction.Country, minScore int) []Candidate {
	if x == nil || len(x.names) == 0 {
		return nil
	}
	minScore = max(minScore, 1)
	key := NormalizeName(name)
	forms := make([]queryForm, 0, 2)
	if f, ok := x.queryForm(key); ok {
		forms = append(forms, f)
	}
	if w := wordFormKey(name); w != key {
		if f, ok := x.queryForm(w); ok {
			forms = append(forms, f)
		}
	}
	if len(forms) == 0 {
		return nil
	}
	nv := len(x.vocab)
	type found struct {
		c   Candidate
		fit int // the score with Q and L swapped, to order ties
	}
	var out []found
	bestPos, best := int32(-1), found{c: Candidate{Score: -1}}
	emit := func() {
		if bestPos < 0 || best.c.Score < minScore {
			return
		}
		r := &x.rows[bestPos]
		best.c.Row, best.c.ID, best.c.Name, best.c.Designation = r.Index, r.ID, r.Name, r.Designation
		best.c.CountryDiffers = !inCountry(r, country)
		out = append(out, best)
	}
	for _, n := range x.names {
		if n.pos != bestPos {
			emit()
			bestPos, best = n.pos, found{c: Candidate{Score: -1}}
		}
		for _, f := range forms {
			sum := 0.0
			for i := range f.q {
				b := 0.0
				for _, t := range n.toks {
					b = max(b, f.sim[i*nv+int(t)])
				}
				sum += float64(f.weights[i]) * b
			}
			s := perMille(sum, f.total)
			// The listed name's words found in the searched name, in their
			// order, and the whole listed name in the searched one or the
			// other way round, spaces aside (see Search).
			if n.weight >= coverMinRunes && s < 1000 {
				s = max(s, x.orderedCover(&f, n))
			}
			if s < 1000 && joinedIn(&f, n) {
				s = 1000
			}
			if s < best.c.Score || s < minScore {
				continue
			}
			// The other way round: how much of L the searched words cover.
			rsum, rtotal := 0.0, 0
			for _, t := range n.toks {
				b := 0.0
				for i := range f.q {
					b = max(b, f.sim[i*nv+int(t)])
				}
				l := len(x.vocab[t])
				rsum += float64(l) * b
				rtotal += l
			}
			if fit := perMille(rsum, rtotal); s > best.c.Score || fit > best.fit {
				best = found{c: Candidate{MatchedName: n.name, Score: s}, fit: fit}
			}
		}
	}
	emit()
	slices.SortStableFunc(out, func(a, b found) int {
		if a.c.Score != b.c.Score {
			return b.c.Score - a.c.Score
		}
		if a.fit != b.fit {
			return b.fit - a.fit
		}
		return a.c.Row - b.c.Row
	})
	cs := make([]Candidate, len(out))
	for i, f := range out {
		cs[i] = f.c
	}
	return cs
}

// queryForm is a searched name as words, ready to score: its distinct
// words, their weights (lengths in runes) and total, and the similarity of
// each to each word of the index, sim[i*len(vocab)+v]; and, as for a
// searchName, its words joined without spaces (diacritics folded) with the
// byte offset where each ends.
type queryForm struct {
	q       [][]rune
	weights []int
	total   int
	sim     []float64
	joined  string
	ends    []int32
	// seq is the searched words in order, repeats included, as indexes
	// of q (what orderedCover walks).
	seq []int32
}

// coverMinRunes is the least number of runes a listed name needs for its
// own words to score it (orderedCover). A one-word name must be a word of
// the searched name as it is (coverWordMin does not apply to it), so a
// short one ("Sugon", "QPS", "Satco") is found in "Sugon, Shenzhen"; the
// cost is a candidate for every searched name that holds such a word
// ("Star", "Best"), which leaves its answers open, never cleared.
const coverMinRunes = 3

// joinMinBytes is the least length of the joined words that joinedIn
// finds in the other name.
const joinMinBytes = 6

// orderedCover scores listed name n by its own words, in their order,
// against the searched words: floor(1000 × Σ_l len(l) × JW(l, q_l) / Σ_l
// len(l)) over the distinct words l of n in order, q_l the searched word
// after the previous one found that is most similar to l; 0 unless every
// word l is found so, with JW(l, q_l) coverWordMin or more (1, the same
// word, for a one-word name). A
// searched name that holds the listed name with more words around it (an
// address, a city, "Shanghai Branch of", "Group") scores what the listed
// name alone scores; one that holds its words out of order does not.
func (x *Index) orderedCover(f *queryForm, n searchName) int {
	nv := len(x.vocab)
	least := coverWordMin
	if len(n.toks) == 1 {
		least = 1 // a one-word name: the word itself
	}
	sum, next := 0.0, 0
	for _, t := range n.toks {
		b, at := 0.0, -1
		for k := next; k < len(f.seq); k++ {
			if v := f.sim[int(f.seq[k])*nv+int(t)]; v > b {
				b, at = v, k
			}
		}
		if b < least {
			return 0 // a word not found: the name is not held whole
		}
		next = at + 1
		sum += float64(len(x.vocab[t])) * b
	}
	return perMille(sum, n.weight)
}

// coverWordMin is the least similarity at which orderedCover finds a word
// of a listed name of several words in the searched name: a one-letter
// typo in a word of six letters or more ("huawey" for "huawei", 0.933), a
// plural ("technologies" for "technology", 0.930).
const coverWordMin = 0.92

// joinedIn reports whether the searched words, joined without spaces, are
// the joined words of listed name n from one of its word ends to another,
// or the other way round, at least joinMinBytes long: "Hik Vision" in
// "Hangzhou Hikvision Digital Technology", "Winthought" as "Win Thought".
func joinedIn(f *queryForm, n searchName) bool {
	return alignedIn(f.joined, n.joined, n.ends) || alignedIn(n.joined, f.joined, f.ends)
}

// alignedIn reports whether a occurs in b starting at 0 or at one of
// ends, and ending at one of ends (ends being the byte offsets where the
// words of b end, the last len(b)).
func alignedIn(a, b string, ends []int32) bool {
	if len(a) < joinMinBytes || len(a) > len(b) {
		return false
	}
	for from := 0; from+len(a) <= len(b); {
		i := strings.Index(b[from:], a)
		if i < 0 {
			return false
		}
		at := from + i
		if (at == 0 || slices.Contains(ends, int32(at))) && slices.Contains(ends, int32(at+len(a))) {
			return true
		}
		from = at + 1
	}
	return false
}

// withoutParens returns name without its parenthesized parts (round and
// square brackets, nested ones whole); name itself when it has none or an
// unbalanced one.
func withoutParens(name string) string {
	if !strings.ContainsAny(name, "([") {
		return name
	}
	var b strings.Builder
	depth := 0
	for _, r := range name {
		switch r {
		case '(', '[':
			depth++
			b.WriteByte(' ')
			continue
		case ')', ']':
			if depth == 0 {
				return name
			}
			depth--
			b.WriteByte(' ')
			continue
		}
		if depth == 0 {
			b.WriteRune(r)
		}
	}
	if depth != 0 {
		return name
	}
	return b.String()
}

// foldMarks returns w with the diacritics of its Latin letters folded
// (latinBaseC0, latinBase1E00: é is e, ı is i, ł is l, ß ss, æ ae, œ oe, þ
// th) and combining marks dropped; w itself when nothing changes.
func foldMarks(w []rune) []rune {
	changed := false
	for _, r := range w {
		if r >= 0xC0 {
			changed = true
			break
		}
	}
	if !changed {
		return w
	}
	out := make([]rune, 0, len(w)+2)
	for _, r := range w {
		switch {
		case r < 0xC0:
			out = append(out, r)
		case r == 'ß':
			out = append(out, 's', 's')
		case r == 'æ' || r == 'Æ':
			out = append(out, 'a', 'e')
		case r == 'œ' || r == 'Œ':
			out = append(out, 'o', 'e')
		case r == 'þ' || r == 'Þ':
			out = append(out, 't', 'h')
		case r <= 0x24F && latinBaseC0[r-0xC0] != '.':
			out = append(out, unicode.ToLower(rune(latinBaseC0[r-0xC0])))
		case r >= 0x1E00 && r <= 0x1EFF && latinBase1E00[r-0x1E00] != '.':
			out = append(out, unicode.ToLower(rune(latinBase1E00[r-0x1E00])))
		case unicode.Is(unicode.Mn, r):
			// a combining mark: dropped
		default:
			out = append(out, r)
		}
	}
	return out
}

// queryForm prepares the words of key (a normalized name) for Search;
// false when key has no word.
func (x *Index) queryForm(key string) (queryForm, bool) {
	var f queryForm
	var joined []rune
	for w := range strings.FieldsSeq(key) {
		rs := []rune(w)
		folded := foldMarks(rs)
		joined = append(joined, folded...)
		f.ends = append(f.ends, int32(len(string(joined))))
		if i := slices.IndexFunc(f.q, func(o []rune) bool { return slices.Equal(o, rs) }); i >= 0 {
			f.seq = append(f.seq, int32(i))
			continue // a repeated word counts once
		}
		f.seq = append(f.seq, int32(len(f.q)))
		f.q = append(f.q, rs)
		f.weights = append(f.weights, len(rs))
		f.total += len(rs)
	}
	if len(f.q) == 0 {
		return queryForm{}, false
	}
	f.joined = string(joined)
	// The similarity of each searched word to each word of the index,
	// computed once, diacritics folded on both sides.
	nv := len(x.vocab)
	f.sim = make([]float64, len(f.q)*nv)
	var jw jaroWinkler
	var jq jwQuery
	for i, qw := range f.q {
		jq.prepare(foldMarks(qw))
		for v, lw := range x.vocabFold {
			f.sim[i*nv+v] = jq.similarity(&jw, lw)
		}
	}
	return f, true
}

// perMille returns floor(1000 × sum / total), within 0-1000 (0 when
// total is 0).
func perMille(sum float64, total int) int {
	if total <= 0 {
		return 0
	}
	return min(max(int(1000*sum/float64(total)+1e-9), 0), 1000)
}

// Screen screens a party: the designations of the rows Lookup finds for
// q (Exact, source SourceIndex, filtered by q.Country as Lookup does), and
// the rows Search finds with a score of minScore or more (DefaultMinScore
// when the caller has none) that are not among them (Candidates). A
// candidate is not a designation; see Screening. Unscreened says when
// the name itself cannot be screened (see Screening.Unscreened); it
// depends on the name alone. A nil Index looked nothing up: Exact is then
// the zero Designations, whose invalid Source says so, and there are no
// candidates.
func (x *Index) Screen(q Query, minScore int) Screening {
	s := Screening{MinScore: minScore, Unscreened: unscreenable(q.Name)}
	if x == nil {
		return s
	}
	s.Exact = Designations{Source: SourceIndex, Matches: x.Lookup(q.Name, q.Country)}
	for _, c := range x.Search(q.Name, q.Country, minScore) {
		if !slices.ContainsFunc(s.Exact.Matches, func(m Match) bool { return m.Row == c.Row }) {
			s.Candidates = append(s.Candidates, c)
		}
	}
	return s
}

// unscreenable returns why name cannot be screened against the lists,
// whose names are in Latin script: it is empty after NormalizeName, or it
// holds a letter that is not of the Latin script. It returns "" when name
// can be screened.
func unscreenable(name string) string {
	key := NormalizeName(name)
	if key == "" {
		return "the name has no letter or digit once normalized, so it could not be screened against the list: read it as possibly listed, not as cleared"
	}
	for _, r := range key {
		if !unicode.IsLetter(r) || unicode.Is(unicode.Latin, r) {
			continue
		}
		script := "a script other than Latin"
		for n, t := range unicode.Scripts {
			// The scripts are disjoint: at most one holds r, whatever
			// the order of the map.
			if unicode.Is(t, r) {
				script = "the " + n + " script"
				break
			}
		}
		return fmt.Sprintf("the name holds letters of %s (%q, U+%04X) and the list's names are in Latin script, so it could not be screened against the list: read it as possibly listed, not as cleared", script, r, r)
	}
	return ""
}

// jaroWinkler computes Jaro-Winkler similarities, reusing its buffers.
type jaroWinkler struct {
	ma, mb []bool
}

// similarity returns the Jaro-Winkler similarity of a and b, in [0, 1]:
// 1 for equal words, 0 for words with no rune in common (or one empty).
func (j *jaroWinkler) similarity(a, b []rune) float64 {
	if slices.Equal(a, b) {
		return 1
	}
	la, lb := len(a), len(b)
	if la == 0 || lb == 0 {
		return 0
	}
	window := max(max(la, lb)/2-1, 0)
	j.ma = resetBools(j.ma, la)
	j.mb = resetBools(j.mb, lb)
	m := 0
	for i, r := range a {
		lo, hi := max(i-window, 0), min(i+window, lb-1)
		for k := lo; k <= hi; k++ {
			if !j.mb[k] && b[k] == r {
				j.ma[i], j.mb[k] = true, true
				m++
				break
			}
		}
	}
	if m == 0 {
		return 0
	}
	t, k := 0, 0
	for i, r := range a {
		if !j.ma[i] {
			continue
		}
		for !j.mb[k] {
			k++
		}
		if b[k] != r {
			t++
		}
		k++
	}
	return jaroWinklerOf(a, b, m, t)
}

// jaroWinklerOf is the Jaro-Winkler similarity of a and b from their m
// matching runes (m > 0) and t half-transpositions.
func jaroWinklerOf(a, b []rune, m, t int) float64 {
	fm := float64(m)
	jaro := (fm/float64(len(a)) + fm/float64(len(b)) + (fm-float64(t)/2)/fm) / 3
	if jaro <= 0.7 {
		return jaro
	}
	p := 0
	for p < 4 && p < len(a) && p < len(b) && a[p] == b[p] {
		p++
	}
	return jaro + float64(p)*0.1*(1-jaro)
}

func resetBools(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

// jwQuery is a searched word prepared for its Jaro-Winkler similarity to
// many words. When it has at most 64 runes, all below 128, the matching of
// similarity runs on bit masks: for each distinct rune of the searched
// word, the positions of the other word that hold it; the first unmatched
// position within the window is then the lowest bit of (positions AND
// window AND NOT matched), the position similarity's scan stops at. The
// matches, the transpositions and so the result are similarity's, bit for
// bit (TestJaroWinklerMasks, FuzzJaroWinklerMasks); any other pair goes to
// similarity itself.
type jwQuery struct {
	a     []rune
	fast  bool
	nslot int
	slot  [128]uint8 // rune -> 1 + its slot; 0 for a rune not in a
	aslot [64]uint8  // the slot of each rune of a
}

// prepare makes q the searched word a.
func (q *jwQuery) prepare(a []rune) {
	q.a, q.fast, q.nslot = a, false, 0
	clear(q.slot[:])
	if len(a) > 64 {
		return
	}
	for i, r := range a {
		if r < 0 || r >= 128 {
			return
		}
		if q.slot[r] == 0 {
			q.nslot++
			q.slot[r] = uint8(q.nslot)
		}
		q.aslot[i] = q.slot[r] - 1
	}
	q.fast = true
}

// similarity returns j.similarity(q.a, b).
func (q *jwQuery) similarity(j *jaroWinkler, b []rune) float64 {
	a := q.a
	la, lb := len(a), len(b)
	if !q.fast || lb > 64 {
		return j.similarity(a, b)
	}
	if slices.Equal(a, b) {
		return 1
	}
	if la == 0 || lb == 0 {
		return 0
	}
	var pos [64]uint64 // by slot: the positions of b holding the rune
	for k, r := range b {
		if r >= 0 && r < 128 {
			if s := q.slot[r]; s != 0 {
				pos[s-1] |= 1 << k
			}
		}
	}
	window := max(max(la, lb)/2-1, 0)
	var usedA, usedB uint64
	m := 0
	for i := range la {
		lo, hi := max(i-window, 0), min(i+window, lb-1)
		if lo > hi {
			continue
		}
		win := (^uint64(0) >> (63 - (hi - lo))) << lo
		if c := pos[q.aslot[i]] & win &^ usedB; c != 0 {
			usedB |= c & -c
			usedA |= 1 << i
			m++
		}
	}
	if m == 0 {
		return 0
	}
	// The i-th matched rune of a against the i-th matched rune of b.
	t := 0
	for usedA != 0 {
		if a[bits.TrailingZeros64(usedA)] != b[bits.TrailingZeros64(usedB)] {
			t++
		}
		usedA &= usedA - 1
		usedB &= usedB - 1
	}
	return jaroWinklerOf(a, b, m, t)
}
