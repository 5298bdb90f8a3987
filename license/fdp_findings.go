package license

import (
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// The three-valued findings of the FDP evaluation (fdp_734_9.go) and the
// buffers their reasons are written into: an answer is a range of one
// reason list, its text written once and cut from one string per
// evaluation.

// --- findings ---

// fdpSpan is a text written in one of the evaluation's buffers: b[a:b]
// of buf (the findings' reasons) or of out (the results' texts).
type fdpSpan struct{ a, b int32 }

// fdpFind is a three-valued answer with its reasons and missing facts:
// the range of the evaluation's reason list that holds them, in order.
type fdpFind struct {
	a      ear.Answer
	lo, hi int32 // rs[lo:hi]
}

// fdpReason is one reason of a finding: its text and, for an open fact,
// the field that would decide it (empty otherwise), both in buf.
type fdpReason struct {
	why, field fdpSpan
}

// fdpRefs are one result's texts (spans of out) until out becomes a
// string.
type fdpRefs struct {
	pWhy, rWhy, why    fdpSpan
	pMiss, rMiss, miss [2]int32 // ranges of fdpScratch.miss
	warn               [2]int32 // range of fdpScratch.warns
}

// fdpMissRef is a missing fact (spans of out) until out becomes a string.
type fdpMissRef struct{ field, why fdpSpan }

// fdpScratch is the working memory of one evaluation, pooled.
type fdpScratch struct {
	buf  fdpText     // the reasons and fields of the findings, as found
	out  fdpText     // the results' texts: what the results hold, once
	rs   []fdpReason // the current rule's reasons; findings are ranges of it
	kept []fdpReason // gathering a finding's reasons or missing facts
	// The texts why wrote, by their reasons.
	joins    []fdpJoin
	joinKeys []fdpReason
	refs     []fdpRefs // per result, in order
	miss     []fdpMissRef
	warns    []fdpSpan
	// The parties' designations without and with the affiliates rule.
	statuses [2][]partyStatus
	// readings backs the results' Reading pointers: new for each
	// evaluation.
	readings []AIDiffusionReading
	// memo holds, for the entries of the item's direct_product_of [0] and
	// plant [1], the reasons every rule that reaches an entry gives alike,
	// once written.
	memo [2][]fdpMemo
}

// fdpMemo are the reasons written for one lineage entry.
type fdpMemo [fdpMemoKinds]fdpSpan

// The reasons memoized: "<whose> is a direct product of <entry>", and
// "<ECCN> is a listed input", "... is within the listed inputs", "... is
// product group D or E".
const (
	fdpMemoDP = iota
	fdpMemoListed
	fdpMemoWithin
	fdpMemoDE
	fdpMemoKinds
)

var fdpScratchPool = sync.Pool{New: func() any { return new(fdpScratch) }}

func (sc *fdpScratch) reset() {
	sc.buf.n, sc.out.n, sc.rs = 0, 0, sc.rs[:0]
	sc.joins, sc.joinKeys = sc.joins[:0], sc.joinKeys[:0]
	sc.refs, sc.miss, sc.warns = sc.refs[:0], sc.miss[:0], sc.warns[:0]
	sc.readings = nil
	sc.memo[0], sc.memo[1] = sc.memo[0][:0], sc.memo[1][:0]
}

// release returns the scratch to the pool, unless one large query made it
// too big to keep.
func (sc *fdpScratch) release() {
	if len(sc.buf.b) > 1<<20 || len(sc.out.b) > 1<<20 || cap(sc.rs) > 1<<16 {
		return
	}
	sc.readings = nil
	clear(sc.statuses[0])
	clear(sc.statuses[1])
	fdpScratchPool.Put(sc)
}

// text returns the text of a span of buf, for comparisons.
func (sc *fdpScratch) text(s fdpSpan) []byte { return sc.buf.b[s.a:s.b] }

// outText returns the text of a span of out, for comparisons.
func (sc *fdpScratch) outText(s fdpSpan) []byte { return sc.out.b[s.a:s.b] }

// fdpText is a byte buffer written by copy into a slice kept at its full
// capacity: a write stores no pointer (so meets no write barrier) unless
// the buffer grows.
type fdpText struct {
	b []byte // len(b) == cap(b)
	n int    // bytes written
}

func (t *fdpText) ws(s string) {
	if t.n+len(s) > len(t.b) {
		t.grow(len(s))
	}
	t.n += copy(t.b[t.n:], s)
}

func (t *fdpText) wb(s []byte) {
	if t.n+len(s) > len(t.b) {
		t.grow(len(s))
	}
	t.n += copy(t.b[t.n:], s)
}

func (t *fdpText) grow(k int) {
	b := make([]byte, max(2*len(t.b), t.n+k, 2048))
	copy(b, t.b[:t.n])
	t.b = b
}

// num writes n in decimal.
func (t *fdpText) num(n int) {
	var d [20]byte
	t.wb(strconv.AppendInt(d[:0], int64(n), 10))
}

// finish gives the results their texts: one string for all of them,
// and one backing array each for the missing facts and the warnings (each
// result's slice capped at its own length).
func (sc *fdpScratch) finish(out []FDPResult) {
	str := string(sc.out.b[:sc.out.n])
	cut := func(s fdpSpan) string { return str[s.a:s.b] }
	var miss []MissingFact
	if len(sc.miss) > 0 {
		miss = make([]MissingFact, len(sc.miss))
		for i, m := range sc.miss {
			miss[i] = MissingFact{Field: cut(m.field), Why: cut(m.why)}
		}
	}
	var warns []string
	if len(sc.warns) > 0 {
		warns = make([]string, len(sc.warns))
		for i, w := range sc.warns {
			warns[i] = cut(w)
		}
	}
	for i := range out {
		r, f := &out[i], &sc.refs[i]
		r.Product.Why, r.Reach.Why, r.Why = cut(f.pWhy), cut(f.rWhy), cut(f.why)
		r.Product.Missing, r.Reach.Missing, r.Missing = fdpMissing(miss, f.pMiss), fdpMissing(miss, f.rMiss), fdpMissing(miss, f.miss)
		if f.warn[1] > f.warn[0] {
			r.Warnings = warns[f.warn[0]:f.warn[1]:f.warn[1]]
		}
	}
}

func fdpMissing(ms []MissingFact, r [2]int32) []MissingFact {
	if r[1] == r[0] {
		return nil
	}
	return ms[r[0]:r[1]:r[1]]
}

// fdpEval evaluates rules for one query.
type fdpEval struct {
	q *FDPQuery
	*fdpScratch
	// The country groups of the last country looked up, on q.AsOf.
	groupsOf jurisdiction.Country
	groups   jurisdiction.GroupSet
	// The affiliates rule on q.AsOf under the options, once known.
	affKnown, aff bool
	affWarn       fdpSpan
	// The parties' designations without and with the affiliates rule are
	// in the scratch once worked out.
	statusKnown [2]bool
	// anyItem is the reason "any item", once written.
	anyItem fdpSpan
}

// mark returns the buffer's length: the start of the text written next.
func (ev *fdpEval) mark() int32 { return int32(ev.buf.n) }

// since returns the span written since m.
func (ev *fdpEval) since(m int32) fdpSpan { return fdpSpan{m, int32(ev.buf.n)} }

// cut drops what was written since m.
func (ev *fdpEval) cut(m int32) { ev.buf.n = int(m) }

// w writes texts.
func (ev *fdpEval) w(ss ...string) {
	for _, s := range ss {
		ev.buf.ws(s)
	}
}

// num writes an integer.
func (ev *fdpEval) num(n int) { ev.buf.num(n) }

// dest writes a destination ("CN", "UA/crimea").
func (ev *fdpEval) dest(d jurisdiction.Destination) {
	ev.buf.ws(d.Country.String())
	if d.Region != jurisdiction.RegionNone {
		ev.buf.ws("/")
		ev.buf.ws(d.Region.String())
	}
}

// odate writes a date as Date.String does, to out.
func (ev *fdpEval) odate(d jurisdiction.Date) {
	if d.IsValid() {
		var b [16]byte
		ev.out.wb(d.Time().AppendFormat(b[:0], time.DateOnly))
	}
}

// dp writes a lineage entry as DirectProduct.String does: "3E001 for
// 3A090 (us)".
func (ev *fdpEval) dp(e product.DirectProduct) {
	ev.w(e.ECCN.String())
	if e.For.IsValid() {
		ev.w(" for ", e.For.String())
	}
	ev.w(" (", e.Origin.String(), ")")
}

// except writes excepted categories: " (except 6)".
func (ev *fdpEval) except(cs []int) {
	for i, c := range cs {
		ev.w(pick(i == 0, " (except ", ", "))
		ev.num(c)
	}
	if len(cs) > 0 {
		ev.w(")")
	}
}

// omark returns out's length: the start of the result text written next.
func (ev *fdpEval) omark() int32 { return int32(ev.out.n) }

// osince returns the span of out written since m.
func (ev *fdpEval) osince(m int32) fdpSpan { return fdpSpan{m, int32(ev.out.n)} }

// ow writes result texts.
func (ev *fdpEval) ow(ss ...string) {
	for _, s := range ss {
		ev.out.ws(s)
	}
}

// ocopy copies a span of buf to out.
func (ev *fdpEval) ocopy(s fdpSpan) { ev.out.wb(ev.buf.b[s.a:s.b]) }

// leaf makes a finding of one reason, the text written since m.
func (ev *fdpEval) leaf(a ear.Answer, m int32) fdpFind { return ev.leafSpan(a, ev.since(m)) }

// leafSpan makes a finding of one reason already written.
func (ev *fdpEval) leafSpan(a ear.Answer, why fdpSpan) fdpFind {
	sc := ev.fdpScratch
	n := int32(len(sc.rs))
	sc.rs = append(sc.rs, fdpReason{why: why})
	return fdpFind{a: a, lo: n, hi: n + 1}
}

func (ev *fdpEval) yes(m int32) fdpFind { return ev.leaf(ear.Yes, m) }
func (ev *fdpEval) no(m int32) fdpFind  { return ev.leaf(ear.No, m) }

// unknown makes an open finding: the field is the text written from f to
// m, the reason (and the missing fact's why) the text written since m.
func (ev *fdpEval) unknown(f, m int32) fdpFind {
	sc := ev.fdpScratch
	n := int32(len(sc.rs))
	sc.rs = append(sc.rs, fdpReason{why: ev.since(m), field: fdpSpan{f, m}})
	return fdpFind{a: ear.Indeterminate, lo: n, hi: n + 1}
}

func (ev *fdpEval) yesS(ss ...string) fdpFind {
	m := ev.mark()
	ev.w(ss...)
	return ev.yes(m)
}

func (ev *fdpEval) noS(ss ...string) fdpFind {
	m := ev.mark()
	ev.w(ss...)
	return ev.no(m)
}

func (ev *fdpEval) unknownS(field string, ss ...string) fdpFind {
	f := ev.mark()
	ev.w(field)
	m := ev.mark()
	ev.w(ss...)
	return ev.unknown(f, m)
}

// all is the conjunction: No keeps the reasons of the No parts, Yes all
// reasons, Indeterminate the reasons and missing facts of the undecided
// parts (a missing fact that cannot change the answer is dropped).
func (ev *fdpEval) all(fs ...fdpFind) fdpFind {
	a := ear.Yes
	for _, f := range fs {
		a = a.And(f.a)
	}
	return ev.pick(a, fs)
}

// any is the disjunction, with the same treatment of reasons.
func (ev *fdpEval) any(fs ...fdpFind) fdpFind {
	a := ear.No
	for _, f := range fs {
		a = a.Or(f.a)
	}
	return ev.pick(a, fs)
}

// pick combines the parts that gave the answer a: their reasons, in order
// (a range of the reason list, copied to its end unless the parts' ranges
// follow one another already). Folding a list pairwise gives the same
// reasons, in the same order, as combining it at once.
func (ev *fdpEval) pick(a ear.Answer, fs []fdpFind) fdpFind {
	n, first, last := 0, 0, 0
	adjacent := true
	for i, f := range fs {
		if f.a != a {
			continue
		}
		if n == 0 {
			first = i
		} else if f.lo != fs[last].hi {
			adjacent = false
		}
		n, last = n+1, i
	}
	switch {
	case n == 1:
		return fs[last]
	case n == 0:
		return ev.empty(a)
	case adjacent:
		return fdpFind{a: a, lo: fs[first].lo, hi: fs[last].hi}
	}
	sc := ev.fdpScratch
	lo := int32(len(sc.rs))
	for _, f := range fs {
		if f.a == a {
			sc.rs = append(sc.rs, sc.rs[f.lo:f.hi]...)
		}
	}
	return fdpFind{a: a, lo: lo, hi: int32(len(sc.rs))}
}

// anyOf folds f into the disjunction acc (have: acc holds a part).
func (ev *fdpEval) anyOf(acc fdpFind, have bool, f fdpFind) fdpFind {
	if !have {
		return f
	}
	return ev.any(acc, f)
}

// empty is a finding with no reason.
func (ev *fdpEval) empty(a ear.Answer) fdpFind {
	n := int32(len(ev.rs))
	return fdpFind{a: a, lo: n, hi: n}
}

// reasons gathers f's reasons without empty and repeated ones in sc.kept.
func (ev *fdpEval) reasons(f fdpFind) []fdpReason {
	sc := ev.fdpScratch
	kept := sc.kept[:0]
outer:
	for _, r := range sc.rs[f.lo:f.hi] {
		if r.why.a == r.why.b {
			continue
		}
		t := sc.text(r.why)
		for _, k := range kept {
			if k.why == r.why || string(sc.text(k.why)) == string(t) {
				continue outer
			}
		}
		kept = append(kept, r)
	}
	sc.kept = kept
	return kept
}

// writeWhy writes f's reasons joined by "; " to out.
func (ev *fdpEval) writeWhy(f fdpFind) fdpSpan { return ev.join(ev.reasons(f)) }

// join writes reasons joined by "; " to out.
func (ev *fdpEval) join(rs []fdpReason) fdpSpan {
	m := ev.omark()
	for i, r := range rs {
		if i > 0 {
			ev.ow("; ")
		}
		ev.ocopy(r.why)
	}
	return ev.osince(m)
}

// why returns f's reasons joined by "; " in out: the text an earlier
// result has for the same reasons, if any (rules that share a scope give
// the same reasons, the same spans of buf).
func (ev *fdpEval) why(f fdpFind) fdpSpan {
	sc := ev.fdpScratch
	ks := ev.reasons(f)
	for _, j := range sc.joins {
		if int(j.hi-j.lo) == len(ks) && slices.Equal(sc.joinKeys[j.lo:j.hi], ks) {
			return j.text
		}
	}
	lo := int32(len(sc.joinKeys))
	sc.joinKeys = append(sc.joinKeys, ks...)
	t := ev.join(ks)
	sc.joins = append(sc.joins, fdpJoin{text: t, lo: lo, hi: int32(len(sc.joinKeys))})
	return t
}

// fdpJoin is a text why wrote: out's span, and its reasons
// joinKeys[lo:hi].
type fdpJoin struct {
	text   fdpSpan
	lo, hi int32
}

// missing gathers f's missing facts, without repeats, at the end of
// sc.miss and returns their range: none unless f is undecided.
func (ev *fdpEval) missing(f fdpFind) [2]int32 {
	sc := ev.fdpScratch
	start := int32(len(sc.miss))
	if f.a != ear.Indeterminate {
		return [2]int32{start, start}
	}
	kept := sc.kept[:0]
outer:
	for _, r := range sc.rs[f.lo:f.hi] {
		if r.field.a == r.field.b {
			continue
		}
		for _, k := range kept {
			if string(sc.text(k.field)) == string(sc.text(r.field)) && string(sc.text(k.why)) == string(sc.text(r.why)) {
				continue outer
			}
		}
		kept = append(kept, r)
	}
	sc.kept = kept
	for _, r := range kept {
		m := ev.omark()
		ev.ocopy(r.field)
		field := ev.osince(m)
		m = ev.omark()
		ev.ocopy(r.why)
		sc.miss = append(sc.miss, fdpMissRef{field: field, why: ev.osince(m)})
	}
	return [2]int32{start, int32(len(sc.miss))}
}

// warn adds a warning to the current rule's.
func (ev *fdpEval) warn(s fdpSpan) { ev.warns = append(ev.warns, s) }

// reading returns a stable pointer to a copy of r for a result.
func (ev *fdpEval) reading(r AIDiffusionReading) *AIDiffusionReading {
	sc := ev.fdpScratch
	if len(sc.readings) == cap(sc.readings) {
		sc.readings = make([]AIDiffusionReading, 0, max(4, 2*cap(sc.readings)))
	}
	sc.readings = append(sc.readings, r)
	return &sc.readings[len(sc.readings)-1]
}

// rule evaluates one rule into res, which it finds zero.
