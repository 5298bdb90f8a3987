package csl

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/earcheck/ear/jurisdiction"
)

// Designation is what one CSL row designates: the list, the Entity List
// footnotes, and the license requirement, license review policy and Federal
// Register citation of the entry.
type Designation struct {
	// List is the list the row comes from.
	List List
	// Citations is what ClassifyRequirement found in the license
	// requirement text (for every list; only Entity List rows carry
	// footnotes, see EntityListFootnotes).
	Citations Citations
	// LicenseRequirement is the row's license requirement text, as listed.
	LicenseRequirement string
	// LicensePolicy is the row's license review policy text, as listed.
	LicensePolicy string
	// FederalRegisterNotice is the row's Federal Register citation(s), as
	// listed ("88 FR 71992; 89 FR 25505").
	FederalRegisterNotice string
}

// designationOf derives the designation of a decoded row.
func designationOf(r Row) Designation {
	return Designation{
		List:                  ListOf(r.Source),
		Citations:             ClassifyRequirement(r.LicenseRequirement),
		LicenseRequirement:    r.LicenseRequirement,
		LicensePolicy:         r.LicensePolicy,
		FederalRegisterNotice: r.FederalRegisterNotice,
	}
}

// EntityListFootnotes returns the footnotes written in the license
// requirement of an Entity List row; the empty set for a row of any other
// list (the footnotes belong to Supplement No. 4 to part 744 only).
func (d Designation) EntityListFootnotes() Footnotes {
	if d.List != EntityList {
		return 0
	}
	return d.Citations.Footnotes
}

// ImpliedFootnotes returns, for an Entity List row, the footnotes implied
// by a cited 734.9 paragraph without a written footnote number (see
// Citations.Implied); the empty set for other lists.
func (d Designation) ImpliedFootnotes() Footnotes {
	if d.List != EntityList {
		return 0
	}
	return d.Citations.Implied
}

// FootnoteUnknown reports, for an Entity List row, that its license
// requirement cites 734.9(e) without saying which of footnotes 1, 4 and 5
// the entity has (see Citations.FootnoteUnknown); false for other lists.
func (d Designation) FootnoteUnknown() bool {
	return d.List == EntityList && d.Citations.FootnoteUnknown
}

// NormalizeName returns the key under which a name is looked up. Two
// names with the same key are the same name for Index. The steps, in
// order (deterministic; no locale, no fuzzy matching):
//
//  0. Compatibility forms are folded as Unicode NFKC folds them, for the
//     subset of NFKC that shows up in names (see foldCompat): full-width
//     ASCII (U+FF01-U+FF5E) is ASCII, the ideographic space U+3000 a
//     space, the full-width signs U+FFE0-U+FFE6 their usual forms,
//     half-width katakana (U+FF61-U+FF9F) full-width katakana, with a
//     voiced or semi-voiced sound mark composed onto the kana before it
//     (ｶﾞ is ガ, as NFKC composes it); the ligatures ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ are
//     ff fi fl ffi ffl st st, the digraphs Ĳ ĳ Ǆ ǅ ǆ Ǉ ǈ ǉ Ǌ ǋ ǌ Ǳ ǲ ǳ their
//     two letters, ŉ is ʼn, the long s ſ is s, the micro sign µ is μ, and
//     superscript and subscript digits are digits. Everything else NFKC
//     would change is left as it is: canonical composition and
//     decomposition ("é" and "e"+U+0301 stay apart), half-width Hangul,
//     circled, parenthesised and mathematical letters, Roman numerals,
//     fractions and the CJK compatibility ideographs.
//  1. Letters are lower-cased (Unicode simple case folding via
//     unicode.ToLower); diacritics are kept ("é" is not "e").
//  2. '&' becomes the word "and"; apostrophes (' ’ ʼ ` ‘) and invisible
//     format characters (Unicode category Cf: the soft hyphen U+00AD, the
//     zero-width space U+200B, ZWNJ and ZWJ, the word joiner U+2060, the
//     BOM U+FEFF, the bidi marks and controls...) are dropped, so "Si'En"
//     is "sien" and "IFLY\u00ADTEK" is "iflytek"; every other character
//     that is not a letter or a digit separates words.
//  3. A run of one-letter words is joined: "U.S.A." and "U S A" are "usa".
//  4. Legal forms are dropped wherever they stand, unless nothing else is
//     left. Scanning the words from the first, a spelled-out legal form
//     (listed below) is dropped where its words follow one another as
//     whole words, the longest one that starts at a word; any other word
//     that only names a legal form is dropped (co, company, corp,
//     corporation, inc, incorporated, ltd, limited, llc, llp, lp, plc,
//     pte, pty, pvt, gmbh, ag, kg, sa, sas, sarl, srl, spa, bv, nv, oy,
//     ab, jsc, ojsc, cjsc, pjsc, ao, oao, zao, pao, ooo, fze, fzco, fzc,
//     fzllc, sdn, bhd). So "Joint Stock Co., Ltd." and "Limited Liability
//     Company" go as a whole, "Company Limited" word by word. Steps 3
//     and 4 repeat until they change nothing, so the result is its own
//     normal form.
//  5. The words are joined by single spaces.
//
// The spelled-out legal forms of step 4, as words after steps 0-3 ("a|b"
// stands for either word):
//
//	limited liability company|co|corporation|partnership
//	limited partnership
//	open|closed|public|private joint stock company|co|corporation
//	joint stock company|co|corporation
//	private limited|ltd
//	private limited liability company|co|corporation
//	public limited company|co
//	public company|co limited|ltd
//	free zone establishment|company|co|corporation|llc
//	free zone limited liability company
//	kabushiki|yugen|godo kaisha|gaisha
//	sendirian berhad
//	societe|société anonyme
//	sociedad|sociedade anonima|anónima|anônima
//	societa|società per azioni
//	societe|société a|à responsabilite|responsabilité limitee|limitée
//	sociedad de responsabilidad limitada
//	societa|società a responsabilita|responsabilità limitata
//	gesellschaft mit beschrankter|beschränkter|beschraenkter haftung
//	anonim|limited sirketi|şirketi
//	obshchestvo|obshestvo|obschestvo s ogranichennoy|ogranichennoi|ogranichennoj|organichennoi otvetstvennostyu|otvetstvennostiu|otvetstvennostju
//	otkrytoe|zakrytoe|publichnoe|nepublichnoe aktsionernoe|aktsionernoye|aktcionernoe obshchestvo|obshestvo|obschestvo
//	aktsionernoe|aktsionernoye|aktcionernoe obshchestvo|obshestvo|obschestvo
//	aktiengesellschaft
//	kommanditgesellschaft
//	gufen youxian gongsi
//	youxian zeren gongsi
//	youxian|gufen gongsi
//
// "Huawei Technologies Co., Ltd.", "HUAWEI TECHNOLOGIES" and the
// full-width "ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ　ＣＯ．，ＬＴＤ．" all give
// "huawei technologies".
func NormalizeName(name string) string {
	return normalize(name, true)
}

// wordFormKey is the key of name with the one-word legal forms dropped but
// the spelled-out ones kept (NormalizeName without its list of spelled-out
// forms): "Joint Stock Company X" is "joint stock x". Lookup and Search
// also match names on it, so that a name that spells a legal form in part
// or amiss ("Joint Stock Concern X", "JointStock Company X") finds the
// rows it found before the spelled-out forms were folded.
func wordFormKey(name string) string {
	return normalize(name, false)
}

// normalize is NormalizeName, with the spelled-out legal forms dropped
// when spelled is true.
func normalize(name string, spelled bool) string {
	words := make([]string, 0, 8)
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, string(cur))
			cur = cur[:0]
		}
	}
	add := func(r rune) {
		switch {
		case r == '\'' || r == '’' || r == 'ʼ' || r == '`' || r == '‘':
			// dropped: joins the word
		case unicode.Is(unicode.Cf, r):
			// invisible: joins the word
		case r == '&':
			flush()
			words = append(words, "and")
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			cur = append(cur, unicode.ToLower(r))
		case r == kanaVoiced || r == kanaSemiVoiced:
			// a sound mark composes with the kana before it, as in NFKC
			if n := len(cur); n > 0 {
				if c, ok := composeKana(cur[n-1], r); ok {
					cur[n-1] = c
					return
				}
			}
			cur = append(cur, r)
		case unicode.Is(unicode.Mn, r):
			// a combining mark stays with its letter
			cur = append(cur, r)
		default:
			flush()
		}
	}
	for _, r := range name {
		if f, s := foldCompat(r); s != "" {
			for _, r := range s {
				add(r)
			}
		} else {
			add(f)
		}
	}
	flush()
	// Join runs of one-letter words and drop legal forms until neither
	// changes anything, so that the result is its own normal form.
	for {
		joined := joinSingles(words)
		kept := dropLegalForms(joined, spelled)
		if len(kept) == 0 {
			words = joined
			break
		}
		if slices.Equal(kept, words) {
			break
		}
		words = kept
	}
	return strings.Join(words, " ")
}

// joinSingles joins each run of one-letter words into one word.
func joinSingles(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		if !oneLetter(words[i]) {
			out = append(out, words[i])
			i++
			continue
		}
		j := i
		var b strings.Builder
		for j < len(words) && oneLetter(words[j]) {
			b.WriteString(words[j])
			j++
		}
		out = append(out, b.String())
		i = j
	}
	return out
}

func oneLetter(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsLetter(r) {
			return false
		}
		n++
	}
	return n == 1
}

// legalForms are the words NormalizeName drops.
var legalForms = func() map[string]bool {
	m := map[string]bool{}
	for w := range strings.FieldsSeq("co company corp corporation inc incorporated ltd limited llc llp lp plc pte pty pvt gmbh ag kg sa sas sarl srl spa bv nv oy ab jsc ojsc cjsc pjsc ao oao zao pao ooo fze fzco fzc fzllc sdn bhd") {
		m[w] = true
	}
	return m
}()

// legalPhraseList is the spelled-out legal forms NormalizeName drops as
// whole-word sequences (step 4), one a line, as its documentation lists
// them (TestLegalPhrasesDocumented): words after its case and punctuation
// folding, where a slot "a|b" matches either word.
const legalPhraseList = `limited liability company|co|corporation|partnership
limited partnership
open|closed|public|private joint stock company|co|corporation
joint stock company|co|corporation
private limited|ltd
private limited liability company|co|corporation
public limited company|co
public company|co limited|ltd
free zone establishment|company|co|corporation|llc
free zone limited liability company
kabushiki|yugen|godo kaisha|gaisha
sendirian berhad
societe|société anonyme
sociedad|sociedade anonima|anónima|anônima
societa|società per azioni
societe|société a|à responsabilite|responsabilité limitee|limitée
sociedad de responsabilidad limitada
societa|società a responsabilita|responsabilità limitata
gesellschaft mit beschrankter|beschränkter|beschraenkter haftung
anonim|limited sirketi|şirketi
obshchestvo|obshestvo|obschestvo s ogranichennoy|ogranichennoi|ogranichennoj|organichennoi otvetstvennostyu|otvetstvennostiu|otvetstvennostju
otkrytoe|zakrytoe|publichnoe|nepublichnoe aktsionernoe|aktsionernoye|aktcionernoe obshchestvo|obshestvo|obschestvo
aktsionernoe|aktsionernoye|aktcionernoe obshchestvo|obshestvo|obschestvo
aktiengesellschaft
kommanditgesellschaft
gufen youxian gongsi
youxian zeren gongsi
youxian|gufen gongsi`

// legalPhrases are the phrases of legalPhraseList by the words that can
// start them, longest first. Never changed after initialization.
var legalPhrases = parseLegalPhrases(legalPhraseList)

// legalPhrase is one spelled-out legal form: for each word, the words that
// may stand there.
type legalPhrase [][]string

// parseLegalPhrases splits each line of list into slots and each slot into its
// alternatives, and files the phrases under every word that can start
// them, longest first.
func parseLegalPhrases(list string) map[string][]legalPhrase {
	m := map[string][]legalPhrase{}
	for s := range strings.Lines(list) {
		var p legalPhrase
		for slot := range strings.FieldsSeq(s) {
			p = append(p, strings.Split(slot, "|"))
		}
		for _, w := range p[0] {
			m[w] = append(m[w], p)
		}
	}
	for _, ps := range m {
		slices.SortStableFunc(ps, func(a, b legalPhrase) int { return len(b) - len(a) })
	}
	return m
}

// legalPhraseAt returns the number of words of the longest spelled-out
// legal form (legalPhrases) that starts at words[i]; 0 when none does.
func legalPhraseAt(words []string, i int) int {
	for _, p := range legalPhrases[words[i]] {
		if i+len(p) > len(words) {
			continue
		}
		ok := true
		for k, alts := range p {
			if !slices.Contains(alts, words[i+k]) {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// dropLegalForms returns words without the spelled-out legal forms
// (legalPhrases, longest first, scanning from the first word; only when
// spelled is true) and the legal-form words (legalForms). The result may
// be empty.
func dropLegalForms(words []string, spelled bool) []string {
	kept := make([]string, 0, len(words))
	for i := 0; i < len(words); {
		if spelled {
			if n := legalPhraseAt(words, i); n > 0 {
				i += n
				continue
			}
		}
		if !legalForms[words[i]] {
			kept = append(kept, words[i])
		}
		i++
	}
	return kept
}

// nameKeys returns the lookup keys of a name: its normal form and, when
// it has parenthesised parts ("SEMICONDUCTOR SYSTEMS INTL., INC. (SSI)"),
// the normal form without them; then the same two with only the one-word
// legal forms dropped (wordFormKey). Empty and repeated keys are left
// out.
func nameKeys(name string) []string {
	keys := make([]string, 0, 2)
	add := func(k string) {
		if k != "" && !slices.Contains(keys, k) {
			keys = append(keys, k)
		}
	}
	outer := name
	if strings.ContainsAny(name, "()") {
		var b strings.Builder
		depth := 0
		for _, r := range name {
			switch {
			case r == '(':
				depth++
			case r == ')':
				if depth > 0 {
					depth--
				}
			case depth == 0:
				b.WriteRune(r)
			}
		}
		outer = b.String()
	}
	add(NormalizeName(name))
	if outer != name {
		add(NormalizeName(outer))
	}
	add(wordFormKey(name))
	if outer != name {
		add(wordFormKey(outer))
	}
	return keys
}

// Match is one row found for a party: which row, by which of its names,
// and what the row designates.
type Match struct {
	Row         int         // the row's position in its file (Row.Index)
	ID          string      // the row's id
	Name        string      // the row's name
	MatchedName string      // the name or alternate name of the row that matched
	Designation Designation // what the row designates
}

type entry struct {
	pos  int32  // position in Index.rows
	name string // the row's name or alternate name with this key
}

// Index finds CSL rows by name and country. It is built once by
// NewIndex, never changes afterwards, and is safe for concurrent use.
// Lookup and ResolveParty are exact on the normalized name
// (NormalizeName); Search and Screen also find similar names, as
// candidates that are not designations.
type Index struct {
	rows  []Row
	byKey map[string][]entry
	// The fuzzy search (Search): the distinct words of the names, and
	// every name as word ids, in row order.
	vocab [][]rune
	names []searchName
	// vocabFold is vocab with diacritics folded (foldMarks), what the
	// similarity of words is computed on.
	vocabFold [][]rune
	// listDate is the date of the list the rows come from (WithListDate);
	// zero when not given.
	listDate jurisdiction.Date
}

// WithListDate returns an index of the same rows that says the date of
// the list they come from: the day the CSL file was downloaded (the file
// itself carries no date). A determination reads it to say when its date
// and the list's differ (a party listed on an earlier date and removed
// since is not in a later list; one listed since an earlier list is not
// in it). The index x is not changed; the two share their rows.
func (x *Index) WithListDate(d jurisdiction.Date) *Index {
	if x == nil {
		return nil
	}
	c := *x
	c.listDate = d
	return &c
}

// ListDate returns the date given by WithListDate, or the zero Date (not
// valid) when none was given or x is nil.
func (x *Index) ListDate() jurisdiction.Date {
	if x == nil {
		return jurisdiction.Date{}
	}
	return x.listDate
}

// NewIndex builds an index of rows under each row's name and alternate
// names. The rows are copied; the caller may change rows afterwards.
func NewIndex(rows []Row) *Index {
	x := &Index{rows: make([]Row, len(rows)), byKey: make(map[string][]entry, len(rows)*2)}
	for i, r := range rows {
		x.rows[i] = r.Clone()
	}
	// Keep rows in file order so that results come out in file order.
	sort.SliceStable(x.rows, func(i, j int) bool { return x.rows[i].Index < x.rows[j].Index })
	for i, r := range x.rows {
		add := func(name string) {
			for _, k := range nameKeys(name) {
				es := x.byKey[k]
				if n := len(es); n > 0 && es[n-1].pos == int32(i) {
					continue // this row is already under this key
				}
				x.byKey[k] = append(es, entry{pos: int32(i), name: name})
			}
		}
		add(r.Name)
		for _, a := range r.AltNames {
			add(a)
		}
	}
	x.indexTokens()
	return x
}

// Len returns the number of rows in the index (0 for a nil Index).
func (x *Index) Len() int {
	if x == nil {
		return 0
	}
	return len(x.rows)
}

// Row returns a copy of the row at position index of its file
// (Row.Index), and false if the index holds no such row.
func (x *Index) Row(index int) (Row, bool) {
	if x == nil {
		return Row{}, false
	}
	i, ok := slices.BinarySearchFunc(x.rows, index, func(r Row, t int) int { return r.Index - t })
	if !ok {
		return Row{}, false
	}
	return x.rows[i].Clone(), true
}

// Lookup returns every row whose name or alternate name has the same
// normal form as name (NormalizeName; a parenthesised part of either
// side may also be left out, but when both sides have one, what they put
// in parentheses must match: "Yishang Network (Beijing) Co., Ltd." is not
// "Yishang Network (Shenzhen) Co., Ltd.", which Search finds as a possible
// match instead; either side may also be taken with only the
// one-word legal forms of NormalizeName's step 4 dropped, its spelled-out
// forms kept, so that "Joint Stock Concern X" still finds "Joint Stock
// Company Concern X"), in file order. When country is valid, a row
// matches only if one of its addresses is in that country, or the two
// countries are read as one by the EAR's tables (Hong Kong and China, see
// jurisdiction.Country.TablesAs); a row with no address whose country is
// known matches any country, since the list gives nothing to tell it
// apart. The zero Country matches every row. The result is the caller's.
func (x *Index) Lookup(name string, country jurisdiction.Country) []Match {
	if x == nil {
		return nil
	}
	var out []Match
	parens := strings.ContainsAny(name, "()")
	var full []string // the query's keys with its parenthesised parts
	for _, k := range nameKeys(name) {
		for _, e := range x.byKey[k] {
			r := &x.rows[e.pos]
			if !inCountry(r, country) {
				continue
			}
			if parens && strings.ContainsAny(e.name, "()") {
				// Both sides have a parenthesised part: it must match.
				if full == nil {
					full = []string{NormalizeName(name), wordFormKey(name)}
				}
				if !slices.Contains(full, NormalizeName(e.name)) && !slices.Contains(full, wordFormKey(e.name)) {
					continue
				}
			}
			if slices.ContainsFunc(out, func(m Match) bool { return m.Row == r.Index }) {
				continue
			}
			out = append(out, Match{Row: r.Index, ID: r.ID, Name: r.Name, MatchedName: e.name, Designation: r.Designation})
		}
	}
	slices.SortFunc(out, func(a, b Match) int { return a.Row - b.Row })
	return out
}

func inCountry(r *Row, c jurisdiction.Country) bool {
	if !c.IsValid() {
		return true
	}
	known := false
	for _, a := range r.Addresses {
		if !a.Country.IsValid() {
			continue
		}
		known = true
		if a.Country == c || a.Country.TablesAs() == c.TablesAs() {
			return true
		}
	}
	return !known
}

// ErrNilIndex is the error of ResolveParty on a nil *Index: a resolver
// that has no list cannot say that a party is not on it.
var ErrNilIndex = errors.New("csl: nil index")

// ResolveParty implements license.PartyResolver: the designations of
// every row Lookup finds, with source SourceIndex. It fails only on a nil
// Index (ErrNilIndex).
func (x *Index) ResolveParty(_ context.Context, q Query) (Designations, error) {
	if x == nil {
		return Designations{}, ErrNilIndex
	}
	return Designations{Source: SourceIndex, Matches: x.Lookup(q.Name, q.Country)}, nil
}

// Query is a party to resolve: its name and, when known, its country
// (the zero Country when not).
type Query struct {
	Name    string
	Country jurisdiction.Country
}

// ScreeningFunc adapts a screening service that answers with CSL rows
// (the CSL search API answers in the bulk layout, so Read reads its
// response) to a license.PartyResolver: the rows it returns become the
// matches, with source SourceScreening. The service decides what matches;
// the rows' designations are derived here as for a file.
type ScreeningFunc func(ctx context.Context, q Query) ([]Row, error)

// ResolveParty implements license.PartyResolver: the rows f returns, as
// designations with source SourceScreening.
func (f ScreeningFunc) ResolveParty(ctx context.Context, q Query) (Designations, error) {
	if f == nil {
		return Designations{}, errors.New("csl: nil ScreeningFunc")
	}
	rows, err := f(ctx, q)
	if err != nil {
		return Designations{}, fmt.Errorf("csl: screening %q: %w", q.Name, err)
	}
	return DesignationsFromRows(SourceScreening, rows), nil
}

// Source says where the designations of a party come from.
// The zero value is invalid.
type Source uint8

// The sources of designations.
const (
	// SourceDeclared: the caller declared them in the request
	// (entity_list_footnotes).
	SourceDeclared Source = iota + 1
	// SourceIndex: resolved by exact name lookup in a CSL file
	// (Index).
	SourceIndex
	// SourceScreening: supplied by a screening service.
	SourceScreening
)

var sourceNames = [...]string{"", "declared", "csl_index", "screening"}

// IsValid reports whether s is one of the three sources.
func (s Source) IsValid() bool {
	return s >= SourceDeclared && s <= SourceScreening
}

// String returns "declared", "csl_index" or "screening"; "" when invalid.
func (s Source) String() string {
	if !s.IsValid() {
		return ""
	}
	return sourceNames[s]
}

// MarshalText implements encoding.TextMarshaler; an invalid source is an
// error.
func (s Source) MarshalText() ([]byte, error) {
	if !s.IsValid() {
		return nil, fmt.Errorf("csl: invalid Source %d", uint8(s))
	}
	return []byte(s.String()), nil
}

// Designations are the list designations of one party and where they
// come from: declared footnotes, or the rows an index or a screening
// service matched. A resolved party with no matches was looked for and not
// found (by exact name, for SourceIndex); the result rests on that.
type Designations struct {
	// Source says where the designations come from.
	Source Source
	// Declared are the footnotes the caller declared (SourceDeclared).
	Declared Footnotes
	// Matches are the rows matched (SourceIndex, SourceScreening),
	// in file order.
	Matches []Match
}

// DeclaredDesignations returns designations declared by the caller:
// the Entity List footnotes given (numbers outside 1-5 are ignored; the
// request's validation reports them).
func DeclaredDesignations(footnotes ...int) Designations {
	return Designations{Source: SourceDeclared, Declared: FootnotesOf(footnotes...)}
}

// DesignationsFromRows returns the designations of rows matched by
// source, in the rows' file order.
func DesignationsFromRows(source Source, rows []Row) Designations {
	d := Designations{Source: source}
	for _, r := range rows {
		des := r.Designation
		if des.List == 0 { // a row built by hand, not by Read
			des = designationOf(r)
		}
		d.Matches = append(d.Matches, Match{Row: r.Index, ID: r.ID, Name: r.Name, MatchedName: r.Name, Designation: des})
	}
	slices.SortStableFunc(d.Matches, func(a, b Match) int { return a.Row - b.Row })
	return d
}

// Footnotes returns the Entity List footnotes: the declared ones, or
// those written on the matched Entity List rows.
func (d Designations) Footnotes() Footnotes {
	s := d.Declared
	for _, m := range d.Matches {
		s |= m.Designation.EntityListFootnotes()
	}
	return s
}

// ImpliedFootnotes returns the footnotes that matched Entity List rows
// imply by citing an FDP paragraph without writing its footnote (see
// Citations.Implied), less those Footnotes already holds. A caller that
// wants the conservative reading adds them to Footnotes; the designation
// as the list prints it does not.
func (d Designations) ImpliedFootnotes() Footnotes {
	var s Footnotes
	for _, m := range d.Matches {
		s |= m.Designation.ImpliedFootnotes()
	}
	return s &^ d.Footnotes()
}

// FootnoteUnknown reports whether a matched Entity List row cites the
// Entity List FDP rule paragraph 734.9(e) without its footnote
// (Designation.FootnoteUnknown): the entity has one of footnotes 1, 4 and
// 5, but the row does not say which. It is true even when another matched
// row writes a footnote (the rows may be different entities). A caller
// reads such a party as possibly having any of the three (indeterminate),
// never as having none; Footnotes and ImpliedFootnotes leave them out.
// Declared designations have no rows: false.
func (d Designations) FootnoteUnknown() bool {
	return slices.ContainsFunc(d.Matches, func(m Match) bool { return m.Designation.FootnoteUnknown() })
}

// OnList reports whether a matched row comes from list l. Declared
// footnotes put a party on the Entity List.
func (d Designations) OnList(l List) bool {
	if l == EntityList && d.Declared != 0 {
		return true
	}
	return slices.ContainsFunc(d.Matches, func(m Match) bool { return m.Designation.List == l })
}

// Lists returns the lists of the matched rows (and the Entity List for
// declared footnotes), each once, in the order the function Lists gives.
func (d Designations) Lists() []List {
	var out []List
	for _, l := range Lists() {
		if d.OnList(l) {
			out = append(out, l)
		}
	}
	return out
}

// Summary counts the rows of a CSL file per list and per Entity List
// footnote, written and implied apart, for a compliance team checking a new
// download. Its JSON is {"rows": N, "lists": {"EL": n, ...}, "footnotes":
// {"1": n1, "3": n3, "4": n4, "5": n5}, "implied_footnotes": {"1": i1,
// "3": i3, "4": i4, "5": i5}}.
type Summary struct {
	// Rows is the number of rows.
	Rows int `json:"rows"`
	// Lists is the number of rows per list, by List code; the four BIS
	// lists are always present, "other" only when some row is on it.
	Lists map[string]int `json:"lists"`
	// Footnotes is the number of Entity List rows whose license
	// requirement writes footnote 1, 3, 4 or 5 (a row with several counts
	// once for each).
	Footnotes map[string]int `json:"footnotes"`
	// ImpliedFootnotes is the number of Entity List rows whose license
	// requirement implies footnote 1, 3, 4 or 5 without writing it: it
	// cites the 734.9 paragraph of that footnote alone (see
	// Citations.Implied). A row counts here or in Footnotes for a
	// footnote, never in both.
	ImpliedFootnotes map[string]int `json:"implied_footnotes"`
}

// Summarize counts rows per list and per footnote (1, 3, 4, 5), the
// footnotes written in the file and those implied by a cited paragraph
// apart.
func Summarize(rows []Row) Summary {
	s := Summary{
		Rows:             len(rows),
		Lists:            map[string]int{"EL": 0, "MEU": 0, "DPL": 0, "UVL": 0},
		Footnotes:        map[string]int{"1": 0, "3": 0, "4": 0, "5": 0},
		ImpliedFootnotes: map[string]int{"1": 0, "3": 0, "4": 0, "5": 0},
	}
	count := func(m map[string]int, fn Footnotes) {
		for _, n := range []int{1, 3, 4, 5} {
			if fn.Has(n) {
				m[strconv.Itoa(n)]++
			}
		}
	}
	for _, r := range rows {
		l := r.Designation.List
		if !l.IsValid() {
			l = ListOf(r.Source)
		}
		s.Lists[l.String()]++
		count(s.Footnotes, r.Designation.EntityListFootnotes())
		count(s.ImpliedFootnotes, r.Designation.ImpliedFootnotes())
	}
	return s
}

// MarshalJSON writes the set as a JSON array of numbers in ascending order
// ([] for the empty set).
func (s Footnotes) MarshalJSON() ([]byte, error) {
	b := []byte{'['}
	for i, n := range s.List() {
		if i > 0 {
			b = append(b, ',')
		}
		b = strconv.AppendInt(b, int64(n), 10)
	}
	return append(b, ']'), nil
}

type matchJSON struct {
	Row                   int       `json:"row"`
	ID                    string    `json:"id,omitempty"`
	Name                  string    `json:"name"`
	MatchedName           string    `json:"matched_name"`
	List                  List      `json:"list"`
	Footnotes             Footnotes `json:"footnotes"`
	ImpliedFootnotes      Footnotes `json:"implied_footnotes"`
	FootnoteUnknown       bool      `json:"footnote_unknown,omitempty"`
	CitesFDP              []string  `json:"cites_fdp,omitempty"`
	LicenseRequirement    string    `json:"license_requirement,omitempty"`
	LicensePolicy         string    `json:"license_policy,omitempty"`
	FederalRegisterNotice string    `json:"federal_register_notice,omitempty"`
}

type designationsJSON struct {
	Source           Source      `json:"source"`
	Footnotes        Footnotes   `json:"footnotes"`
	ImpliedFootnotes Footnotes   `json:"implied_footnotes"`
	FootnoteUnknown  bool        `json:"footnote_unknown,omitempty"`
	Lists            []List      `json:"lists"`
	Matches          []matchJSON `json:"matches,omitempty"`
}

// MarshalJSON writes the designations as a Determination records them:
// {"source": "csl_index", "footnotes": [1, 2], "implied_footnotes": [],
// "footnote_unknown": true, "lists": ["EL"], "matches": [{"row", "id",
// "name", "matched_name", "list", "footnotes", "implied_footnotes",
// "footnote_unknown", "cites_fdp", "license_requirement",
// "license_policy", "federal_register_notice"}]}; "footnote_unknown" is
// written only when true (see Designations.FootnoteUnknown).
// Designations with an invalid Source are an error.
func (d Designations) MarshalJSON() ([]byte, error) {
	j := designationsJSON{Source: d.Source, Footnotes: d.Footnotes(), ImpliedFootnotes: d.ImpliedFootnotes(), FootnoteUnknown: d.FootnoteUnknown(), Lists: d.Lists()}
	if j.Lists == nil {
		j.Lists = []List{}
	}
	for _, m := range d.Matches {
		des := m.Designation
		if !des.List.IsValid() {
			return nil, fmt.Errorf("csl: match %q has no list", m.Name)
		}
		j.Matches = append(j.Matches, matchJSON{
			Row: m.Row, ID: m.ID, Name: m.Name, MatchedName: m.MatchedName, List: des.List,
			Footnotes: des.EntityListFootnotes(), ImpliedFootnotes: des.ImpliedFootnotes(), FootnoteUnknown: des.FootnoteUnknown(), CitesFDP: des.Citations.CitesFDP(),
			LicenseRequirement: des.LicenseRequirement, LicensePolicy: des.LicensePolicy, FederalRegisterNotice: des.FederalRegisterNotice,
		})
	}
	return json.Marshal(j)
}
