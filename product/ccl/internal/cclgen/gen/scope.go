package gen

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Scope kinds, as in ccl.ScopeKind.
const (
	ScopeEntire = iota + 1
	ScopeParagraphs
	ScopeExcept
	ScopeFor
)

// Ref is a reference of a scope, as in ccl.Ref.
type Ref struct {
	ECCN      string
	Group     string
	Except    []string
	Qualified bool
	ForReason string
}

// Scope is the parsed scope cell of a row.
type Scope struct {
	Reason       string
	Kind         int
	Paragraphs   []Ref
	For          []Ref
	ExceptFor    []Ref
	Conditions   []string
	ExportedFrom string // the printed place of export, "" if none
}

// Conditional reports whether the scope carries a condition.
func (s Scope) Conditional() bool { return len(s.Conditions) > 0 }

var (
	reReasonPrefix = regexp.MustCompile(`^([A-Z]{2})\s+(?:applies|apply)\b(?:\s+to\b)?\s*:?\s*`)
	reRussia       = regexp.MustCompile(`(?i)^Russian industry sector sanctions?\s+appl(?:y|ies)\s+to\s*`)
	reReferTail    = regexp.MustCompile(`(?i)\s*\((?:refer to|see) [^()]*(?:\([^()]*\)[^()]*)*\)\s*$`)
	reExportedFrom = regexp.MustCompile(`(?i),?\s*when exported from\s+`)
	reExtraApplies = regexp.MustCompile(`^(?:Note:\s*)?([A-Z]{2})\s+(?:also\s+|does\s+)?appl(?:y|ies)\s+to\s+`)
)

// reasonCodes are the two-letter reasons a row may start with.
var reasonCodes = map[string]bool{"AT": true, "CB": true, "CC": true, "CW": true, "EI": true, "FC": true,
	"MT": true, "NP": true, "NS": true, "RS": true, "SI": true, "SL": true, "SS": true, "UN": true}

// filler are the words of a scope cell that name no condition: articles,
// prepositions, the kinds of item, the verbs of control and the life-cycle
// words of the General Technology Note. Any other word in a scope is a
// condition that structure cannot express.
var filler = map[string]bool{
	"the": true, "a": true, "an": true, "of": true, "for": true, "by": true, "in": true, "to": true,
	"as": true, "under": true, "therefor": true, "thereof": true, "these": true,
	"this": true, "entry": true, "entries": true, "item": true, "items": true, "commodity": true,
	"commodities": true, "equipment": true, "system": true, "systems": true, "software": true,
	"technology": true, "specially": true, "designed": true, "development": true, "production": true,
	"use": true, "operation": true, "installation": true, "maintenance": true, "repair": true,
	"overhaul": true, "refurbishing": true, "controlled": true, "specified": true, "described": true,
	"required": true, "modified": true, "component": true, "components": true, "part": true,
	"parts": true, "eccn": true, "eccns": true, "paragraph": true, "paragraphs": true, "only": true,
	"applicable": true, "functions": true, "features": true, "characteristics": true, "all": true,
	"also": true,
}

// qualifierWords start a qualifying clause: references after them in a
// piece are part of the condition, not of the scope.
var qualifierWords = map[string]bool{
	"which": true, "when": true, "is": true, "are": true, "if": true, "meet": true, "meets": true, "met": true,
	"exceed": true, "exceeds": true, "exceeded": true, "having": true, "has": true, "have": true,
	"with": true, "whose": true, "being": true, "regardless": true, "unless": true, "usable": true,
	"parameters": true, "parameter": true, "criteria": true, "listed": true,
}

// determiners point back at something said before ("those commodities",
// "that equipment"): they qualify a piece without starting a condition.
var determiners = map[string]bool{"that": true, "those": true}

const (
	roleOwn  = iota + 1 // a paragraph of the row's own entry
	roleFor             // an item the software, technology or equipment is for
	roleQual            // a reference inside a condition
)

type pref struct {
	ref  Ref
	role int
}

type piece struct {
	refs        []pref // subject references
	units       int    // subject references counting a range as one
	qualRefs    int
	nonfiller   bool
	parenQual   bool
	wordQual    bool // qualified by its words, not only by a parenthesis
	trailing    bool // condition words after its last reference
	description bool
	qualified   bool
	text        string
}

type scopeParser struct {
	entry string
	known []string
	// resolver state
	last string
}

// ParseScope parses the scope cell of a row of entry (a five-character
// ECCN). known lists every entry of the CCL, sorted, for expanding ranges
// ("1B001 to 1B003"). It fails only when the cell does not start with a
// reason for control.
func ParseScope(text, entry string, known []string) (Scope, error) {
	p := &scopeParser{entry: entry, known: known, last: entry}
	return p.parse(text)
}

func (p *scopeParser) parse(text string) (Scope, error) {
	var sc Scope
	norm := strings.TrimSpace(normalize(text))
	var rest string
	if m := reReasonPrefix.FindStringSubmatch(norm); m != nil && reasonCodes[m[1]] {
		sc.Reason = m[1]
		rest = norm[len(m[0]):]
	} else if m := reRussia.FindString(norm); m != "" {
		sc.Reason = "FP"
		rest = norm[len(m):]
	} else {
		return sc, fmt.Errorf("scope %q: no reason for control at its head", text)
	}
	rest = strings.TrimLeft(rest, " ,")
	if loc := reExportedFrom.FindStringIndex(rest); loc != nil {
		sc.ExportedFrom = strings.TrimRight(rest[loc[1]:], " .")
		rest = rest[:loc[0]]
	}
	sentences := splitSentences(strings.TrimRight(rest, " ."))
	main := ""
	if len(sentences) > 0 {
		main = sentences[0]
	}
	main = reReferTail.ReplaceAllString(main, "")

	toks := groupParens(p.resolve(tokenize(main)))
	var hasFor bool
	for _, t := range toks {
		if t.k == tWord && t.val == "for" {
			hasFor = true
		}
	}
	i := 0
	if len(toks) > 0 && toks[0].k == tWord && toks[0].val == "the" {
		i = 1
	}
	entire := len(toks) >= i+2 && toks[i].k == tWord && toks[i].val == "entire" && toks[i+1].k == tWord && toks[i+1].val == "entry"
	var headPieces, excPieces []piece
	var headReasons, excReasons bool
	if entire {
		tail := toks[i+2:]
		for len(tail) > 0 && (tail[0].k == tComma || tail[0].k == tColon) {
			tail = tail[1:]
		}
		if len(tail) > 0 && tail[0].k == tWord && tail[0].val == "except" {
			excPieces, excReasons = p.analyze(trimSeps(tail[1:]), main)
			sc.Kind = ScopeExcept
		} else if len(tail) > 0 {
			headPieces, headReasons = p.analyze(tail, main)
			sc.Kind = ScopeFor
		} else {
			sc.Kind = ScopeEntire
		}
	} else {
		head, exc := toks, []token(nil)
		for j, t := range toks {
			if t.k == tWord && t.val == "except" && j > 0 {
				head, exc = trimSeps(toks[:j]), trimSeps(toks[j+1:])
				break
			}
		}
		headPieces, headReasons = p.analyze(head, main)
		if exc != nil {
			excPieces, excReasons = p.analyze(exc, main)
		}
		sc.Kind = ScopeParagraphs
	}

	cond := func(s string) {
		s = strings.TrimSpace(s)
		if s == "" {
			return
		}
		for _, c := range sc.Conditions {
			if c == s {
				return
			}
		}
		sc.Conditions = append(sc.Conditions, s)
	}

	var paras, fors, exceptFor []Ref
	var hasDesc bool
	for _, pc := range headPieces {
		if pc.description {
			hasDesc = true
		}
		if pc.qualified {
			cond(pc.text)
		}
		for _, r := range pc.refs {
			switch r.role {
			case roleOwn:
				paras = append(paras, r.ref)
			case roleFor:
				fors = append(fors, r.ref)
			}
		}
	}
	var excOwn []Ref
	excQualified := false
	for _, pc := range excPieces {
		if pc.qualified {
			cond(pc.text)
			excQualified = true
		}
		if pc.description {
			excQualified = true
		}
		for _, r := range pc.refs {
			switch r.role {
			case roleOwn:
				excOwn = append(excOwn, r.ref)
			case roleFor:
				exceptFor = append(exceptFor, r.ref)
			}
		}
	}

	switch sc.Kind {
	case ScopeExcept:
		sc.Paragraphs, sc.ExceptFor = excOwn, exceptFor
		if len(excOwn) == 0 && len(exceptFor) == 0 {
			sc.Kind = ScopeEntire
			cond("except " + pieceTexts(excPieces))
		}
		if excReasons && len(exceptFor) == 0 {
			cond("except " + pieceTexts(excPieces))
		}
	case ScopeFor:
		sc.For = fors
		switch {
		case hasDesc || len(paras) > 0:
			cond(pieceTexts(headPieces))
			sc.For = nil
			sc.Kind = ScopeEntire
		case len(fors) == 0:
			sc.Kind = ScopeEntire
			cond(pieceTexts(headPieces))
		}
		if headReasons && len(fors) == 0 {
			cond(pieceTexts(headPieces))
		}
	case ScopeParagraphs:
		// exceptions printed after the list qualify it
		for k := range paras {
			for _, x := range excOwn {
				if covers(paras[k].ECCN, x.ECCN) && !x.Qualified && !excQualified {
					paras[k].Except = append(paras[k].Except, x.ECCN)
				} else if overlap(paras[k].ECCN, x.ECCN) {
					paras[k].Qualified = true
				}
			}
		}
		// "software for equipment under 9A990 except 9A990.a"
		attached := 0
		for _, x := range exceptFor {
			for k := range fors {
				if fors[k].Group == "" && covers(fors[k].ECCN, x.ECCN) && !x.Qualified && !excQualified {
					fors[k].Except = append(fors[k].Except, x.ECCN)
					attached++
				} else if overlap(fors[k].ECCN, x.ECCN) {
					fors[k].Qualified = true
				}
			}
		}
		if len(excPieces) > 0 && (excQualified || len(exceptFor) > attached) {
			cond("except " + pieceTexts(excPieces))
		}
		switch {
		case hasDesc:
			sc.Kind = ScopeEntire
			cond(pieceTexts(headPieces))
		case len(paras) > 0 && len(fors) > 0:
			sc.Paragraphs = paras
			cond(pieceTexts(headPieces) + " (the row names both paragraphs of the entry and the items they are for)")
		case len(paras) > 0:
			sc.Paragraphs = paras
		case len(fors) > 0:
			sc.Kind = ScopeFor
			sc.For = fors
		default:
			sc.Kind = ScopeEntire
			if strings.TrimSpace(main) != "" {
				cond(main)
			}
		}
		if headReasons && len(fors) == 0 {
			cond(pieceTexts(headPieces))
		}
	}
	if sc.Kind == ScopeEntire && hasFor && !sc.Conditional() && !entire {
		cond(main)
	}

	// further sentences: "MT also applies to 9A515.h when ...", "Note: MT
	// applies to equipment in 1B001.d that ..."
	for _, s := range sentences[1:] {
		cond(s)
		m := reExtraApplies.FindStringSubmatch(s)
		if m == nil || strings.Contains(s, "does not apply") {
			continue
		}
		more, _ := p.analyze(groupParens(p.resolve(tokenize(s[len(m[0]):]))), s[len(m[0]):])
		for _, pc := range more {
			for _, r := range pc.refs {
				r.ref.Qualified = true
				switch {
				case r.role == roleOwn && sc.Kind == ScopeParagraphs:
					sc.Paragraphs = append(sc.Paragraphs, r.ref)
				case r.role == roleOwn && sc.Kind == ScopeExcept:
					for k := range sc.Paragraphs {
						if overlap(sc.Paragraphs[k].ECCN, r.ref.ECCN) {
							sc.Paragraphs[k].Qualified = true
						}
					}
				case r.role == roleFor && sc.Kind == ScopeFor:
					sc.For = append(sc.For, r.ref)
				}
			}
		}
	}
	// a condition anywhere in an except list makes the overlapping
	// exceptions undecidable
	if sc.Kind == ScopeExcept && excQualified {
		for k := range sc.Paragraphs {
			for _, pc := range excPieces {
				if pc.qualified || pc.description {
					for _, r := range pc.refs {
						if overlap(sc.Paragraphs[k].ECCN, r.ref.ECCN) && pc.qualified {
							sc.Paragraphs[k].Qualified = true
						}
					}
				}
			}
		}
	}
	if sc.Conditional() {
		// the condition is read in the words of the whole cell
		sc.Conditions = nil
		if m := strings.TrimSpace(main); m != "" {
			sc.Conditions = append(sc.Conditions, m)
		}
		for _, s := range sentences[1:] {
			sc.Conditions = append(sc.Conditions, s)
		}
		if len(sc.Conditions) == 0 {
			sc.Conditions = []string{strings.TrimSpace(rest)}
		}
	}
	return sc, nil
}

func pieceTexts(ps []piece) string {
	var parts []string
	for _, p := range ps {
		if p.text != "" {
			parts = append(parts, p.text)
		}
	}
	return strings.Join(parts, ", ")
}

// splitSentences splits at ". " before a capital letter, not after an
// abbreviation with inner dots ("U.S.").
func splitSentences(s string) []string {
	var out []string
	start := 0
	for i := 0; i+2 < len(s); i++ {
		if s[i] == '.' && s[i+1] == ' ' && s[i+2] >= 'A' && s[i+2] <= 'Z' && !(i >= 2 && s[i-2] == '.') && !strings.HasSuffix(s[:i], " No") {
			out = append(out, strings.TrimSpace(s[start:i]))
			start = i + 2
		}
	}
	out = append(out, strings.TrimSpace(s[start:]))
	return out
}

func trimSeps(ts []token) []token {
	for len(ts) > 0 && (ts[0].k == tComma || ts[0].k == tColon || ts[0].k == tSemi) {
		ts = ts[1:]
	}
	for len(ts) > 0 && (ts[len(ts)-1].k == tComma || ts[len(ts)-1].k == tColon || ts[len(ts)-1].k == tSemi) {
		ts = ts[:len(ts)-1]
	}
	return ts
}

// resolve turns relative and bare paragraph references into tRef tokens
// (val the full ECCN), against the entry of the latest absolute reference
// (or the row's entry). A bare single letter counts as a paragraph only in
// a list ("3B002.a and b") or after "paragraph".
func (p *scopeParser) resolve(ts []token) []token {
	out := make([]token, 0, len(ts))
	for _, t := range ts {
		switch t.k {
		case tRef:
			p.last = t.val
		case tRel:
			base := p.last[:5]
			if isDigit(t.val[0]) && len(p.last) > 5 {
				// ".16" after "1C351.d.15": a sibling
				base = p.last[:strings.LastIndexByte(p.last, '.')]
			}
			if v := base + "." + t.val; validECCN(v) {
				t.k, t.val, t.rel = tRef, v, true
				p.last = v
			} else {
				t.k = tWord
			}
		case tBare:
			ok := strings.IndexByte(t.val, '.') > 0 || listContext(out)
			if v := p.last[:5] + "." + t.val; ok && validECCN(v) {
				t.k, t.val, t.rel = tRef, v, true
				p.last = v
			} else {
				t.k = tWord
			}
		}
		out = append(out, t)
	}
	return out
}

// listContext reports whether the tokens before a bare letter make it a
// member of a list of references.
func listContext(before []token) bool {
	n := len(before)
	if n == 0 {
		return false
	}
	if before[n-1].k == tWord && (before[n-1].val == "paragraph" || before[n-1].val == "paragraphs") {
		return true
	}
	sep := false
	for j := n - 1; j >= 0; j-- {
		switch before[j].k {
		case tComma, tAnd, tOr, tTo:
			sep = true
			continue
		case tRef:
			return sep
		case tLParen, tRParen:
			continue
		}
		return false
	}
	return false
}

// refish reports whether a reference follows position i, past filler words
// only ("or \"software\" specified by 4D001").
func refish(ts []token, i int) bool {
	if i < len(ts) && ts[i].k == tWord {
		switch ts[i].val {
		case "in", "by", "under", "of":
			// "detectors therefor, in 1A004.c": the words before
			// belong to the reference
			return false
		}
	}
	for ; i < len(ts); i++ {
		switch ts[i].k {
		case tRef, tGroup:
			return true
		case tTo, tAnd, tOr:
			continue
		case tWord:
			if filler[ts[i].val] {
				continue
			}
		}
		return false
	}
	return false
}

// analyze cuts a list into clauses (at ";") and pieces (at a comma, "and"
// or "or" before a reference), and reads each piece. The second result
// reports whether a "for <reason> reasons" phrase stood in a clause that
// names no item.
func (p *scopeParser) analyze(ts []token, text string) ([]piece, bool) {
	var out []piece
	reasonless := false
	var clauses [][]token
	cur := []token{}
	for _, t := range ts {
		if t.k == tSemi {
			clauses = append(clauses, cur)
			cur = []token{}
			continue
		}
		cur = append(cur, t)
	}
	clauses = append(clauses, cur)
	for _, cl := range clauses {
		cl, reason := extractForReason(cl)
		var pieces [][]token
		cur := []token{}
		for i, t := range cl {
			if (t.k == tComma || t.k == tAnd || t.k == tOr) && refish(cl, i+1) {
				if len(cur) > 0 {
					pieces = append(pieces, cur)
				}
				cur = []token{}
				continue
			}
			cur = append(cur, t)
		}
		if len(cur) > 0 {
			pieces = append(pieces, cur)
		}
		var got []piece
		for _, pt := range pieces {
			pc := p.readPiece(pt, text)
			if n := len(got); n > 0 && !pc.nonfiller && pc.qualRefs == 0 && pc.units == 1 && !pc.parenQual {
				prev := got[n-1]
				if prev.wordQual && len(prev.refs) > 0 && prev.refs[len(prev.refs)-1].role == pc.refs[0].role {
					pc.qualified = true
					for k := range pc.refs {
						pc.refs[k].ref.Qualified = true
					}
				}
			}
			got = append(got, pc)
		}
		// "1C011.a and .b for items that meet ...": words after the last
		// reference of a list qualify the whole list
		for k := len(got) - 1; k > 0; k-- {
			if !got[k].trailing || len(got[k].refs) == 0 {
				continue
			}
			for j := k - 1; j >= 0; j-- {
				pj := got[j]
				if pj.nonfiller || pj.qualRefs > 0 || len(pj.refs) == 0 || pj.refs[0].role != got[k].refs[0].role {
					break
				}
				got[j].qualified, got[j].wordQual = true, true
				for r := range got[j].refs {
					got[j].refs[r].ref.Qualified = true
				}
			}
		}
		forCount := 0
		for k := range got {
			for j := range got[k].refs {
				if got[k].refs[j].role == roleFor {
					got[k].refs[j].ref.ForReason = reason
					forCount++
				}
			}
		}
		if reason != "" && forCount == 0 {
			reasonless = true
		}
		out = append(out, got...)
	}
	return out, reasonless
}

// extractForReason removes a "for MT reasons" phrase from a clause and
// returns its reason.
func extractForReason(cl []token) ([]token, string) {
	for i := 0; i+2 < len(cl); i++ {
		if cl[i].k == tWord && cl[i].val == "for" && cl[i+1].k == tWord && reasonCodes[strings.ToUpper(cl[i+1].val)] &&
			cl[i+2].k == tWord && (cl[i+2].val == "reasons" || cl[i+2].val == "reason") {
			out := append(append([]token(nil), cl[:i]...), cl[i+3:]...)
			return out, strings.ToUpper(cl[i+1].val)
		}
	}
	return cl, ""
}

// roleOf gives the role of a reference: inside a condition; a paragraph of
// the row's entry (unless a "for" precedes it in a software, technology or
// equipment entry: "for commodities or software controlled in 5D002"); an
// item the entry's software, technology or equipment is for; or, in a
// commodity entry, part of a condition ("for items for ECCN 0A502").
func (p *scopeParser) roleOf(eccn string, qualSeen, forSeen bool) int {
	bde := p.entry[1] == 'B' || p.entry[1] == 'D' || p.entry[1] == 'E'
	switch {
	case qualSeen:
		return roleQual
	case eccn[:5] == p.entry && !(forSeen && bde) && len(eccn) > 5:
		return roleOwn
	case bde:
		return roleFor
	}
	return roleQual
}

func (p *scopeParser) readPiece(ts []token, text string) piece {
	var pc piece
	if len(ts) > 0 {
		s, e := ts[0].start, ts[len(ts)-1].end
		if s >= 0 && e <= len(text) && s < e {
			pc.text = strings.Trim(text[s:e], " ,;:")
		}
	}
	qualSeen, forSeen := false, false
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		switch t.k {
		case tRef, tGroup:
			var refs []Ref
			if t.k == tGroup {
				refs = []Ref{{Group: t.val}}
			} else if i+2 < len(ts) && ts[i+1].k == tTo && ts[i+2].k == tRef {
				vals, ok := p.expand(t.val, ts[i+2].val)
				for _, v := range vals {
					refs = append(refs, Ref{ECCN: v})
				}
				if !ok {
					pc.nonfiller = true
				}
				i += 2
			} else {
				refs = []Ref{{ECCN: t.val}}
			}
			role := roleQual
			if t.k == tGroup {
				if !qualSeen && (p.entry[1] == 'B' || p.entry[1] == 'D' || p.entry[1] == 'E') {
					role = roleFor
				}
			} else {
				role = p.roleOf(t.val, qualSeen, forSeen)
			}
			if i+1 < len(ts) && ts[i+1].k == tParen {
				i++
				except, qual, enumer := p.readParen(ts[i].sub)
				if !enumer {
					for k := range refs {
						refs[k].Except = append(refs[k].Except, except...)
						if qual {
							refs[k].Qualified = true
						}
					}
					if qual {
						pc.parenQual = true
					}
				}
			}
			if role == roleQual {
				pc.qualRefs++
				continue
			}
			for _, r := range refs {
				pc.refs = append(pc.refs, pref{ref: r, role: role})
			}
			pc.units++
		case tWord:
			non := true
			switch {
			case qualifierWords[t.val]:
				qualSeen = true
			case t.val == "for":
				forSeen, non = true, false
			case determiners[t.val] || !filler[t.val]:
			default:
				non = false
			}
			if non {
				pc.nonfiller = true
				if pc.units > 0 {
					pc.trailing = true
				}
			}
		case tNum:
			pc.nonfiller = true
			if pc.units > 0 {
				pc.trailing = true
			}
		case tParen:
			if enumerator(t.sub) {
				continue
			}
			for _, s := range flatten(t.sub) {
				if (s.k == tWord && !filler[s.val]) || s.k == tNum {
					pc.nonfiller = true
				}
				if s.k == tRef {
					pc.qualRefs++
				}
			}
		}
	}
	pc.description = pc.nonfiller && len(pc.refs) == 0 && pc.qualRefs == 0
	pc.wordQual = pc.nonfiller || pc.qualRefs > 0 || pc.units > 1
	pc.qualified = pc.wordQual || pc.parenQual
	if pc.qualified {
		for k := range pc.refs {
			pc.refs[k].ref.Qualified = true
		}
	}
	return pc
}

// readParen reads a parenthesis after a reference: "(except .b.5)" gives
// exceptions; "(except as noted in the heading)" or "(for 5A001.f.1)"
// qualify the reference; "(1)" is an enumerator.
func (p *scopeParser) readParen(sub []token) (except []string, qual, enumer bool) {
	if enumerator(sub) {
		return nil, false, true
	}
	flat := flatten(sub)
	if len(flat) > 0 && flat[0].k == tWord && flat[0].val == "except" {
		rest := flat[1:]
		if len(rest) > 0 && rest[0].k == tWord && rest[0].val == "for" {
			rest = rest[1:] // "(except for 3A090.c)"
		}
		for _, t := range rest {
			switch {
			case t.k == tRef:
				except = append(except, t.val)
			case t.k == tWord && (t.val == "for" || !filler[t.val]):
				qual = true
			case t.k == tNum:
				qual = true
			}
		}
		if len(except) == 0 {
			qual = true
		}
		return except, qual, false
	}
	return nil, true, false
}

func enumerator(sub []token) bool {
	if len(sub) != 1 {
		return false
	}
	t := sub[0]
	return t.k == tNum || (t.k == tWord && romans[t.val]) || (t.k == tWord && len(t.val) == 1)
}

func flatten(ts []token) []token {
	var out []token
	for _, t := range ts {
		if t.k == tParen {
			out = append(out, flatten(t.sub)...)
			continue
		}
		out = append(out, t)
	}
	return out
}

// expand expands a printed range: entries ("1B001 to 1B003": the CCL
// entries between them) or sibling paragraphs ("a.1 to a.3", "k to n").
// When the ends are not of one kind it returns the two ends and false.
func (p *scopeParser) expand(lo, hi string) ([]string, bool) {
	if len(lo) == 5 && len(hi) == 5 && lo[:2] == hi[:2] && lo <= hi {
		i := sort.SearchStrings(p.known, lo)
		var out []string
		for ; i < len(p.known) && p.known[i] <= hi; i++ {
			out = append(out, p.known[i])
		}
		if len(out) == 0 {
			return []string{lo, hi}, false
		}
		return out, true
	}
	li, hi2 := strings.LastIndexByte(lo, '.'), strings.LastIndexByte(hi, '.')
	if li < 0 || hi2 < 0 || lo[:li] != hi[:hi2] {
		return []string{lo, hi}, false
	}
	base, a, b := lo[:li], lo[li+1:], hi[hi2+1:]
	var out []string
	switch {
	case len(a) == 1 && len(b) == 1 && isLower(a[0]) && isLower(b[0]) && a[0] <= b[0]:
		for c := a[0]; c <= b[0]; c++ {
			out = append(out, base+"."+string(c))
		}
	case isDigit(a[0]) && isDigit(b[0]):
		var x, y int
		fmt.Sscanf(a, "%d", &x)
		fmt.Sscanf(b, "%d", &y)
		if x < 1 || y > 99 || x > y {
			return []string{lo, hi}, false
		}
		for n := x; n <= y; n++ {
			out = append(out, fmt.Sprintf("%s.%d", base, n))
		}
	default:
		return []string{lo, hi}, false
	}
	return out, true
}

// covers reports whether paragraph a covers b (a is b or above it).
func covers(a, b string) bool {
	return a == b || (len(b) > len(a) && strings.HasPrefix(b, a) && b[len(a)] == '.')
}

func overlap(a, b string) bool { return covers(a, b) || covers(b, a) }
