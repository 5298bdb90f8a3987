package gen

import (
	"regexp"
	"strconv"
	"strings"
)

// The answers of an exception rule, as in ear.Answer.
const (
	AnsYes = iota + 1
	AnsNo
	AnsInd
)

// ExceptionRule says what a line of the License Exceptions section makes of
// the paragraphs a reference covers: eligible (with a dollar value limit for
// LVS), not eligible, or undecided. A qualified reference (words the
// generator could not structure qualify it) only ever answers
// Indeterminate.
type ExceptionRule struct {
	Ref   Ref
	Ans   int
	Limit int64
}

// ExceptionPart is the reading of a line for one paragraph of License
// Exception STA (740.20(c)(1) or (c)(2)), or for the exception as a whole
// (Para ""): the answer for the paragraphs no rule names (Default, with its
// Limit), the rules, and Capped when a clause the generator could not read
// might touch any paragraph (no paragraph is then eligible for sure).
type ExceptionPart struct {
	Para    string
	Default int
	Limit   int64
	Rules   []ExceptionRule
	Capped  bool
}

// ExceptionLine is one generated line of an entry's License Exceptions
// section: the code, the text as printed, and its structure.
type ExceptionLine struct {
	Code       string
	Text       string
	NotFor     []string // reasons for control the line makes it unavailable for
	Parts      []ExceptionPart
	Conditions []string // the words the generator could not structure
}

// Conditional reports whether some words of the line were not structured.
func (x ExceptionLine) Conditional() bool { return len(x.Conditions) > 0 }

var (
	reExHead    = regexp.MustCompile(`^(Yes|No|N/A|\$[0-9][0-9,]*)\b\s*[:,]?\s*`)
	reExSeeTail = regexp.MustCompile(`(?i),?\s*\(?see §.*$`)
	reExSupp    = regexp.MustCompile(`(?i)\s*\((?:see )?supplement no\.\s*1 to part 740 of the EAR\)`)
	reExSTACite = regexp.MustCompile(`\s*\(§\s*740\.20(?:\(c\)\(\d\))?(?:\s+of the EAR\)|\)\s+of the EAR)`)
	reExSTAPara = regexp.MustCompile(`^Paragraph \(c\)\((\d)\) of License Exception STA may not be used (?:to ship (?:or transmit )?|for )`)
	reExSTAAll  = regexp.MustCompile(`^License Exception STA may not be used (?:to ship (?:or transmit )?|for )`)
	reExSTADest = regexp.MustCompile(`\s*to any of the destinations listed in Country Group (A:5 or A:6|A:6|A:5)\s*`)
	reExSTAEnum = regexp.MustCompile(`(?:^|\s)(?:\(\d\)|\d\.)\s+(?:Paragraph|License)`)
	reExThis    = regexp.MustCompile(`(?i)\bthis (?:ECCN|entry)\b`)
)

// exAllowed are the words of a list of paragraphs a line makes ineligible
// that name no condition, beyond the filler of scope cells.
var exAllowed = map[string]bool{"any": true, "reasons": true, "reason": true, "and/or": true}

// exPosAllowed are the only words a list of eligible paragraphs may print
// besides its paragraphs: any other word ("components", "equipment")
// narrows what the line makes eligible.
var exPosAllowed = map[string]bool{"for": true, "in": true, "the": true, "a": true, "an": true, "of": true,
	"by": true, "eccn": true, "eccns": true, "paragraph": true, "paragraphs": true, "item": true, "items": true,
	"commodity": true, "commodities": true, "controlled": true, "specified": true, "described": true,
	"only": true, "all": true, "any": true, "under": true, "entry": true, "this": true}

// exQualifying are the words that, in a list of paragraphs a line makes
// ineligible, qualify the paragraphs rather than describe them.
var exQualifying = map[string]bool{"except": true, "unless": true, "only": true, "if": true, "provided": true,
	"other": true, "than": true, "not": true, "below": true, "above": true, "less": true, "more": true,
	"greater": true, "exceeding": true, "using": true, "between": true, "within": true, "destinations": true,
	"destination": true, "exported": true, "reexported": true, "export": true, "exports": true, "reexports": true,
	"country": true, "group": true, "following": true, "certain": true, "determined": true}

// exParser reads the lines of one entry.
type exParser struct {
	entry string
	known []string
	line  *ExceptionLine
	part  *ExceptionPart
	// explicit reports whether a clause set the part's default; positive
	// whether some clause lists eligible paragraphs.
	explicit, positive bool
}

func (p *exParser) cond(s string) {
	s = strings.TrimSpace(s)
	for _, c := range p.line.Conditions {
		if c == s {
			return
		}
	}
	p.line.Conditions = append(p.line.Conditions, s)
}

// ParseExceptionLine structures one line of the License Exceptions section
// of entry (code "LVS", "GBS", ..., "STA"). known lists every entry of the
// CCL, sorted, for ranges. The text is kept as printed.
func ParseExceptionLine(code, text, entry string, known []string) ExceptionLine {
	x := ExceptionLine{Code: code, Text: normalizeSpace(text)}
	p := &exParser{entry: entry, known: known, line: &x}
	if code == "STA" {
		p.sta(text)
		return x
	}
	x.Parts = []ExceptionPart{{Default: 0}}
	p.part = &x.Parts[0]
	t := strings.TrimSpace(reExSupp.ReplaceAllString(normalize(text), ""))
	var clauses []string
	for _, s := range splitSentences(strings.TrimRight(t, " .;")) {
		if strings.HasPrefix(s, "See ") {
			continue // a citation of the exception's section
		}
		s = reExSeeTail.ReplaceAllString(s, "")
		for _, c := range splitTop(s, ';') {
			if c = strings.Trim(c, " .,;"); c != "" {
				clauses = append(clauses, c)
			}
		}
	}
	dir := 0 // the direction of the previous clause: AnsYes or AnsNo
	var limit int64
	for _, c := range clauses {
		dir, limit = p.clause(c, dir, limit)
	}
	p.finish()
	return x
}

// finish sets the default of a part no clause gave one.
func (p *exParser) finish() {
	if p.explicit {
		return
	}
	if p.positive {
		p.part.Default = AnsNo // it lists the eligible paragraphs
		return
	}
	p.part.Default = AnsInd
	p.cond("the line prints no eligibility for the paragraphs it does not exclude")
}

// clause reads one clause of a line (the line cut at ";" and sentences);
// dir and limit are those of the previous clause, for a clause that
// continues its list ("; and 8A002.r").
func (p *exParser) clause(c string, dir int, limit int64) (int, int64) {
	m := reExHead.FindStringSubmatch(c)
	if m == nil {
		low := strings.ToLower(c)
		if dir == AnsNo || (dir == AnsYes && (strings.HasPrefix(low, "and ") || strings.HasPrefix(low, "or "))) {
			p.list(c, dir, limit)
			return dir, limit
		}
		p.cond(c)
		p.part.Capped = true
		return 0, 0
	}
	head, rest := m[1], c[len(m[0]):]
	low := strings.ToLower(rest)
	switch {
	case head == "N/A" || head == "No":
		switch {
		case rest == "":
			p.setDefault(AnsNo, 0)
		case strings.HasPrefix(low, "for "):
			p.list(rest[4:], AnsNo, 0)
		default:
			p.cond(c)
			p.part.Capped = true
		}
		return AnsNo, 0
	case head == "Yes" && strings.HasPrefix(rest, "$"):
		return p.clause(rest, dir, limit)
	}
	var v int64
	if head != "Yes" {
		v, _ = strconv.ParseInt(strings.ReplaceAll(head[1:], ",", ""), 10, 64)
	}
	switch {
	case rest == "":
		p.setDefault(AnsYes, v)
	case low == "for all other items":
		p.setDefault(AnsYes, v)
	case strings.HasPrefix(low, "except n/a for "):
		p.setDefault(AnsYes, v)
		p.list(rest[len("except n/a for "):], AnsNo, 0)
		return AnsNo, 0
	case strings.HasPrefix(low, "n/a for "):
		p.setDefault(AnsYes, v)
		p.list(rest[len("n/a for "):], AnsNo, 0)
		return AnsNo, 0
	case strings.HasPrefix(low, "except for "):
		p.setDefault(AnsYes, v)
		p.list(rest[len("except for "):], AnsNo, 0)
		return AnsNo, 0
	case strings.HasPrefix(low, "except "):
		p.setDefault(AnsYes, v)
		p.list(rest[len("except "):], AnsNo, 0)
		return AnsNo, 0
	case strings.HasPrefix(low, "for "):
		p.positive = true
		p.list(rest[4:], AnsYes, v)
	default:
		p.positive = true
		p.list(rest, AnsYes, v)
	}
	return AnsYes, v
}

func (p *exParser) setDefault(ans int, limit int64) {
	if p.explicit && (p.part.Default != ans || p.part.Limit != limit) {
		p.part.Default = AnsInd
		p.cond("the line prints two answers for the entry at large")
		return
	}
	p.explicit, p.part.Default, p.part.Limit = true, ans, limit
}

// exItem is one paragraph of a list, with what qualifies it.
type exItem struct {
	ref     Ref
	qualExc []string // exceptions printed with a condition ("except .a.5.a when controlled for MT")
}

// exPiece is a piece of a list: its paragraphs and its words.
type exPiece struct {
	items    []exItem
	leading  bool // words before its first paragraph
	trailing bool // words after a paragraph
	qualify  bool // words that qualify rather than describe
	paren    bool // a parenthesis qualified its paragraphs
	foreign  bool // a paragraph of another entry
	reasons  []string
	condRefs []string // paragraphs of the entry named inside the words
	text     string
}

// list reads a list of paragraphs (or reasons) the line makes eligible
// (dir AnsYes, with limit) or ineligible (AnsNo), and adds its rules.
func (p *exParser) list(s string, dir int, limit int64) {
	s = strings.TrimSpace(s)
	sp := &scopeParser{entry: p.entry, known: p.known, last: p.entry}
	toks := groupParens(sp.resolve(tokenize(s)))
	pieces := p.pieces(sp, toks, s, dir)
	// words after the last paragraph of a list qualify the paragraphs before
	for k := len(pieces) - 1; k > 0; k-- {
		if !pieces[k].trailing || !pieces[k].qualify {
			continue
		}
		for j := k - 1; j >= 0 && !pieces[j].trailing && !pieces[j].qualify; j-- {
			pieces[j].qualify = true
			pieces[j].trailing = true
		}
	}
	if len(pieces) == 0 {
		// only words that name no paragraph ("for “components”", "N/A for
		// systems and equipment"): the list might touch any paragraph
		pieces = []exPiece{{leading: true, qualify: true, text: s}}
	}
	n := len(p.part.Rules)
	defer func() { p.part.Rules = append(p.part.Rules[:n], dedupeRules(p.part.Rules[n:])...) }()
	for _, pc := range pieces {
		words := pc.leading || pc.trailing
		if len(pc.reasons) > 0 && (len(pc.items) > 0 || words || pc.foreign) {
			// a reason among other words ("for countries WITHOUT an X in
			// RS Column 2") is a word
			words, pc.qualify, pc.trailing = true, true, true
		}
		qualified := pc.qualify || (dir == AnsYes && words)
		if len(pc.reasons) > 0 && !words {
			if dir == AnsNo {
				for _, r := range pc.reasons {
					p.line.NotFor = appendOnce(p.line.NotFor, r)
				}
			} else {
				p.cond(pc.text) // "Yes for MT": not a form the CCL prints
				p.part.Rules = append(p.part.Rules, ExceptionRule{Ref: Ref{ECCN: p.entry, Qualified: true}, Ans: AnsInd})
			}
			continue
		}
		if pc.foreign || (len(pc.items) == 0 && words) {
			// a paragraph of another entry, or words that name no
			// paragraph: the piece might touch any paragraph of the entry
			p.cond(pc.text)
			if dir == AnsYes {
				p.part.Rules = append(p.part.Rules, ExceptionRule{Ref: Ref{ECCN: p.entry, Qualified: true}, Ans: AnsYes, Limit: limit})
			} else {
				p.part.Capped = true
			}
		}
		if (qualified || pc.paren) && len(pc.items) > 0 {
			p.cond(pc.text)
		}
		for _, it := range pc.items {
			r := it.ref
			if qualified {
				r.Qualified = true
			}
			p.part.Rules = append(p.part.Rules, ExceptionRule{Ref: r, Ans: dir, Limit: limit})
			if len(it.qualExc) > 0 {
				p.cond(pc.text)
			}
			for _, x := range it.qualExc {
				p.part.Rules = append(p.part.Rules, ExceptionRule{Ref: Ref{ECCN: x, Qualified: true}, Ans: AnsInd})
			}
		}
		for _, x := range pc.condRefs {
			p.part.Rules = append(p.part.Rules, ExceptionRule{Ref: Ref{ECCN: x, Qualified: true}, Ans: AnsInd})
		}
	}
}

// dedupeRules drops the rules that repeat an earlier one ("this ECCN 0A604").
func dedupeRules(rs []ExceptionRule) []ExceptionRule {
	var out []ExceptionRule
	for _, r := range rs {
		dup := false
		for _, o := range out {
			if o.Ans == r.Ans && o.Limit == r.Limit && o.Ref.ECCN == r.Ref.ECCN && o.Ref.Qualified == r.Ref.Qualified &&
				strings.Join(o.Ref.Except, ",") == strings.Join(r.Ref.Except, ",") {
				dup = true
				break
			}
		}
		if !dup {
			out = append(out, r)
		}
	}
	return out
}

// pieces cuts a list at the commas, "and" and "or" before a paragraph, and
// reads each piece: its paragraphs (ranges expanded), the parenthesis after
// each, its words and reasons for control.
func (p *exParser) pieces(sp *scopeParser, toks []token, text string, dir int) []exPiece {
	var out []exPiece
	var cur exPiece
	start := -1
	flush := func(end int) {
		if start >= 0 && end <= len(text) && start < end {
			for start > 0 && text[start-1] == '"' {
				start-- // the tokenizer drops quotes
			}
			cur.text = strings.Trim(text[start:end], " ,;:")
		}
		if len(cur.items) > 0 || cur.leading || cur.trailing || len(cur.reasons) > 0 || cur.foreign || len(cur.condRefs) > 0 {
			out = append(out, cur)
		}
		cur, start = exPiece{}, -1
	}
	qualSeen := false
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if start < 0 && t.k != tComma && t.k != tAnd && t.k != tOr {
			start = t.start
		}
		words := func(qual bool) {
			if len(cur.items) > 0 {
				cur.trailing = true
			} else {
				cur.leading = true
			}
			if qual {
				cur.qualify, qualSeen = true, true
			}
		}
		switch t.k {
		case tComma, tAnd, tOr:
			if refish(toks, i+1) || reasonAhead(toks, i+1, text) {
				flush(t.start)
				qualSeen = false
			}
		case tRef:
			vals := []string{t.val}
			if i+2 < len(toks) && toks[i+1].k == tTo && toks[i+2].k == tRef {
				var ok bool
				vals, ok = sp.expand(t.val, toks[i+2].val)
				if !ok {
					words(true)
				}
				i += 2
			}
			if qualSeen {
				// a paragraph inside a condition ("provided that they are
				// not also controlled by 3C002.b"): the condition touches it
				for _, v := range vals {
					if v[:5] == p.entry {
						cur.condRefs = append(cur.condRefs, v)
					}
				}
				if i+1 < len(toks) && toks[i+1].k == tParen {
					i++
				}
				continue
			}
			var items []exItem
			for _, v := range vals {
				if v[:5] != p.entry {
					cur.foreign = true
					continue
				}
				items = append(items, exItem{ref: Ref{ECCN: v}})
			}
			if i+1 < len(toks) && toks[i+1].k == tParen {
				i++
				except, qual, enumer := sp.readParen(toks[i].sub)
				switch {
				case enumer:
				case len(except) > 0 && qual:
					for k := range items {
						items[k].qualExc = append(items[k].qualExc, except...)
					}
				case len(except) > 0:
					for k := range items {
						items[k].ref.Except = append(items[k].ref.Except, except...)
					}
				case dir == AnsYes || qualifyingParen(toks[i].sub):
					for k := range items {
						items[k].ref.Qualified = true
					}
					cur.paren = true
				}
			}
			cur.items = append(cur.items, items...)
		case tWord:
			raw := text[t.start:t.end]
			switch {
			case len(raw) == 2 && strings.ToUpper(raw) == raw && reasonCodes[raw]:
				cur.reasons = append(cur.reasons, raw)
			case dir == AnsYes && exPosAllowed[t.val]:
			case dir != AnsYes && (filler[t.val] || exAllowed[t.val]):
			default:
				words(exQualifying[t.val] || qualifierWords[t.val] || determiners[t.val])
			}
		case tNum, tGroup, tTo:
			words(true)
		case tParen:
			if !enumerator(t.sub) {
				words(dir == AnsYes || qualifyingParen(t.sub))
			}
		}
	}
	flush(len(text))
	return out
}

// reasonAhead reports whether a reason for control follows position i.
func reasonAhead(ts []token, i int, text string) bool {
	for ; i < len(ts); i++ {
		if ts[i].k == tWord && ts[i].val == "for" {
			continue
		}
		if ts[i].k != tWord {
			return false
		}
		raw := text[ts[i].start:ts[i].end]
		return len(raw) == 2 && strings.ToUpper(raw) == raw && reasonCodes[raw]
	}
	return false
}

// qualifyingParen reports whether a parenthesis after a paragraph qualifies
// it ("(only if connected to ...)", "(not specified by 3B001.g)") rather
// than describing it ("(lithography equipment)").
func qualifyingParen(sub []token) bool {
	for _, t := range flatten(sub) {
		switch {
		case t.k == tNum || t.k == tRef || t.k == tGroup:
			return true
		case t.k == tWord && (exQualifying[t.val] || qualifierWords[t.val] || determiners[t.val]):
			return true
		}
	}
	return false
}

// splitTop splits s at sep outside parentheses.
func splitTop(s string, sep byte) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '(':
			depth++
		case ')':
			if depth > 0 {
				depth--
			}
		case sep:
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

// sta reads an STA line (or the Special Conditions for STA): "License
// Exception STA may not be used to ship X to any of the destinations
// listed in Country Group A:5 or A:6", "Paragraph (c)(2) of License
// Exception STA may not be used for any item in X", each possibly in
// numbered parts. Each restriction is "eligible except the listed
// paragraphs"; one that names only Country Group A:6 (or A:5) restricts
// only paragraph (c)(2) (or (c)(1)) of 740.20, which authorizes those
// destinations.
func (p *exParser) sta(text string) {
	t := strings.TrimSpace(normalize(text))
	t = strings.TrimPrefix(t, "STA: ")
	t = reExSupp.ReplaceAllString(t, "")
	t = reExSTACite.ReplaceAllString(t, "")
	var parts []string
	locs := reExSTAEnum.FindAllStringIndex(t, -1)
	if len(locs) == 0 {
		parts = []string{t}
	} else {
		if lead := strings.TrimSpace(t[:locs[0][0]]); lead != "" {
			parts = append(parts, lead)
		}
		for k, l := range locs {
			end := len(t)
			if k+1 < len(locs) {
				end = locs[k+1][0]
			}
			s := strings.TrimSpace(t[l[0]:end])
			s = strings.TrimSpace(s[strings.IndexAny(s, " ")+1:]) // drop "(1)" or "1."
			parts = append(parts, s)
		}
	}
	for _, s := range parts {
		s = strings.TrimRight(strings.TrimSpace(s), " .;")
		para := ""
		if m := reExSTAPara.FindStringSubmatch(s); m != nil {
			para, s = "(c)("+m[1]+")", s[len(m[0]):]
		} else if m := reExSTAAll.FindString(s); m != "" {
			s = s[len(m):]
		} else {
			p.staPart("", func() {
				p.cond(s)
				p.part.Capped = true
			})
			continue
		}
		s = reExThis.ReplaceAllString(s, p.entry)
		dests := reExSTADest.FindAllStringSubmatchIndex(s, -1)
		if len(dests) == 0 {
			obj := s
			p.staPart(para, func() { p.staObject(obj) })
			continue
		}
		at := 0
		for _, d := range dests {
			obj := strings.Trim(s[at:d[0]], " ,;")
			obj = strings.TrimPrefix(strings.TrimPrefix(obj, "or "), "and ")
			pp := para
			switch g := s[d[2]:d[3]]; {
			case g == "A:6" && para == "":
				pp = "(c)(2)"
			case g == "A:5" && para == "":
				pp = "(c)(1)"
			case g == "A:6" && para != "(c)(2)", g == "A:5" && para != "(c)(1)":
				pp = para
				p.cond(s) // the paragraph and the group disagree
			}
			p.staPart(pp, func() { p.staObject(obj) })
			at = d[1]
		}
		if rest := strings.Trim(s[at:], " ,;."); rest != "" {
			p.staPart(para, func() {
				p.cond(rest)
				p.part.Capped = true
			})
		}
	}
	if len(p.line.Parts) == 0 {
		p.staPart("", func() {
			p.cond(text)
			p.part.Capped = true
		})
	}
}

// staPart runs read on a new part for paragraph para.
func (p *exParser) staPart(para string, read func()) {
	p.line.Parts = append(p.line.Parts, ExceptionPart{Para: para, Default: AnsYes})
	p.part = &p.line.Parts[len(p.line.Parts)-1]
	read()
	p.part = nil
}

// staObject reads what an STA restriction may not be used for.
func (p *exParser) staObject(obj string) {
	if !reEccnAny.MatchString(obj) {
		// "“software”": words alone
		p.cond(obj)
		p.part.Capped = true
		return
	}
	p.list(obj, AnsNo, 0)
}

var reEccnAny = regexp.MustCompile(`\d[A-E]\d{3}`)
