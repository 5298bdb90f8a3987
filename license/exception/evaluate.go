package exception

import (
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/origin"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// Input is what Evaluate reads: the item, the destination, the license
// requirements found, the parties' relevant facts and the transaction's
// facts.
type Input struct {
	// ECCN is the item's classification (the zero ECCN when not given);
	// For what a software or technology item is for; Kind the item's kind.
	ECCN, For product.ECCN
	Kind      product.Kind
	// Entry is the item's CCL entry (the zero Entry for EAR99, an unknown
	// ECCN or one not on the CCL).
	Entry ccl.Entry
	// Destination and Groups: the destination and its country groups as
	// of AsOf (as the tables read it).
	Destination jurisdiction.Destination
	Groups      jurisdiction.GroupSet
	// ExportedFrom and ProducedIn: where the item ships from and was made
	// (zero when not given).
	ExportedFrom, ProducedIn jurisdiction.Country
	AsOf                     jurisdiction.Date
	// ItemValue is the value of the item (item.value; the zero Money when
	// not given): the order (LVS, 740.3(b)) includes it.
	ItemValue product.Money
	// Requirements are the license requirements (answer Yes or
	// Indeterminate) the exceptions may overcome.
	Requirements []Requirement
	// Facts are the transaction's facts (exception_facts).
	Facts Facts
	// Rates bring an order value in another currency into U.S. dollars.
	Rates origin.Rates
	// Unverified says whether a party is on the Unverified List (No when
	// the parties are known and none is).
	Unverified ear.Answer
	// Headquarters are the headquarters countries the parties declare
	// (each party's, or its ultimate parent's); HeadquartersComplete says
	// every party is known and declares one.
	Headquarters         []jurisdiction.Country
	HeadquartersComplete bool
}

// check is one condition's answer, with why and the facts that decide an
// Indeterminate one.
type check struct {
	ans     ear.Answer
	why     string
	missing []Missing
}

// eval accumulates the conditions of one exception: the first condition
// that fails decides the why; open conditions keep their facts.
type eval struct {
	x       *Exception
	in      *Input
	ans     ear.Answer
	fail    string
	open    []string
	missing []Missing
	// paras are the sets of paragraphs the restrictions and programs leave
	// open for this exception; the paragraph met must be in each.
	paras [][]fdp.Citation
	// soft are paragraph sets of restrictions that may apply: a paragraph
	// outside one leaves the exception open, not failed.
	soft [][]fdp.Citation
	// excepted are paragraphs left out.
	excepted []fdp.Citation
	// staPara is the paragraph of 740.20 the destination falls under.
	staPara fdp.Citation
	// reach is whether each restriction of restrictionTable reaches the
	// transaction (computed once for every exception).
	reach []check
	// refused are the sentences of the Part 746 paragraphs that keep the
	// exception from overcoming a requirement (746.1(b)(4)).
	refused []string
}

func (e *eval) add(c check) {
	switch c.ans {
	case ear.No:
		if e.ans != ear.No {
			e.fail = c.why
		}
		e.ans = ear.No
	case ear.Indeterminate:
		if e.ans == ear.Yes {
			e.ans = ear.Indeterminate
		}
		e.open = append(e.open, c.why)
		for _, m := range c.missing {
			if !slices.Contains(e.missing, m) {
				e.missing = append(e.missing, m)
			}
		}
	}
}

func no(format string, a ...any) check { return check{ans: ear.No, why: fmt.Sprintf(format, a...)} }

// no is e.add(no(format, a...)) that formats the sentence only when it is
// the first failing check, the one the result reports.
func (e *eval) no(format string, a ...any) {
	if e.ans != ear.No {
		e.fail = fmt.Sprintf(format, a...)
	}
	e.ans = ear.No
}
func open(field, why string) check {
	return check{ans: ear.Indeterminate, why: why, missing: []Missing{{Field: field, Why: why}}}
}
func yes() check { return check{ans: ear.Yes} }

// Evaluate answers every exception for in, in CFR order. Exceptions need a
// requirement to overcome: with none, Evaluate returns nil.
func Evaluate(in Input) []Result {
	if !slices.ContainsFunc(in.Requirements, func(r Requirement) bool { return r.Answer != ear.No }) {
		return nil
	}
	progs, _ := jurisdiction.ProgramsFor(in.Destination, in.AsOf) // a bad destination has no program
	reach := reachOf(&in)
	out := make([]Result, 0, len(exceptionTable))
	for i := range exceptionTable {
		out = append(out, evaluate(&exceptionTable[i], &in, progs, reach))
	}
	return out
}

// reachOf answers, for each restriction of 740.2(a), whether it reaches
// the transaction.
func reachOf(in *Input) []check {
	e := &eval{in: in}
	reach := make([]check, len(restrictionTable))
	for i := range restrictionTable {
		reach[i] = e.applies(&restrictionTable[i])
	}
	return reach
}

// EvaluateOne answers exception c alone for in (Evaluate's answer for c);
// an invalid code is NotAvailable.
func EvaluateOne(c Code, in Input) Result {
	for i := range exceptionTable {
		if exceptionTable[i].Code == c {
			progs, _ := jurisdiction.ProgramsFor(in.Destination, in.AsOf)
			return evaluate(&exceptionTable[i], &in, progs, reachOf(&in))
		}
	}
	return Result{Code: c, Outcome: NotAvailable, Why: "no such License Exception"}
}

// Covered answers whether every requirement of reqs (answer Yes or
// Indeterminate) is overcome by an available exception of results: Yes if
// each is, No if one is overcome by no exception that is available or
// indeterminate, Indeterminate otherwise. With no requirement, Yes: there
// is nothing to overcome.
func Covered(reqs []Requirement, results []Result) ear.Answer {
	ans := ear.Yes
	for _, r := range reqs {
		if r.Answer == ear.No {
			continue
		}
		best := ear.No
		for _, x := range results {
			if !slices.Contains(x.Overcomes, r.Citation) {
				continue
			}
			switch x.Outcome {
			case Available:
				best = ear.Yes
			case Indeterminate:
				best = best.Or(ear.Indeterminate)
			}
		}
		ans = ans.And(best)
	}
	return ans
}

func evaluate(x *Exception, in *Input, progs []jurisdiction.Program, reach []check) Result {
	e := &eval{x: x, in: in, ans: ear.Yes, reach: reach}
	res := Result{Code: x.Code, Citation: x.Citation.String()}

	// In the EAR on the date.
	if x.Effective.IsValid() && in.AsOf.Before(x.Effective) {
		e.no("%s is in the EAR from %s", x.Citation, x.Effective)
	}
	if x.Until.IsValid() && !in.AsOf.Before(x.Until) {
		e.no("%s was removed from the EAR effective %s", x.Citation, x.Until)
	}

	// The restrictions on all exceptions first (740.2(a)): where one
	// applies, only the exceptions it leaves open are considered; and for
	// a sanctioned destination, only those its Part 746 program lists
	// (740.2(a)(6)).
	for _, p := range progs {
		e.add(e.programAllows(Requirement{Program: p.ID}, true))
	}
	e.restrictions()
	e.itemReasonRules()

	// The requirements it may overcome.
	for _, r := range in.Requirements {
		if r.Answer == ear.No {
			continue
		}
		if c := e.overcomes(r); c.ans != ear.No {
			res.Overcomes = append(res.Overcomes, r.Citation)
			e.add(c)
		}
	}
	if len(res.Overcomes) == 0 {
		if len(e.refused) > 0 {
			e.no("%s overcomes none of the license requirements (%s): %s", x.Code, requirementList(in.Requirements), strings.Join(e.refused, "; "))
		} else {
			e.no("%s overcomes none of the license requirements (%s)", x.Code, requirementList(in.Requirements))
		}
	}

	e.destination()
	e.item()
	e.family()
	e.paragraphMet()

	res.Outcome, res.Why, res.Missing = e.result()
	return res
}

func requirementList(rs []Requirement) string {
	var cs []string
	for _, r := range rs {
		if r.Answer != ear.No {
			cs = append(cs, r.Citation)
		}
	}
	return strings.Join(cs, "; ")
}

func (e *eval) result() (Outcome, string, []Missing) {
	switch e.ans {
	case ear.No:
		return NotAvailable, e.fail, nil
	case ear.Indeterminate:
		return Indeterminate, "open: " + strings.Join(dedupe(e.open), "; "), mergeMissing(e.missing)
	}
	return Available, e.availableWhy(), nil
}

// mergeMissing gives each field once, in the order first named, with the
// distinct reasons it was named for joined.
func mergeMissing(ms []Missing) []Missing {
	var out []Missing
	for _, m := range ms {
		i := slices.IndexFunc(out, func(o Missing) bool { return o.Field == m.Field })
		switch {
		case i < 0:
			out = append(out, m)
		case !strings.Contains(out[i].Why, m.Why):
			out[i].Why += "; " + m.Why
		}
	}
	return out
}

func dedupe(ss []string) []string {
	var out []string
	for _, s := range ss {
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// availableWhy says what made the exception available.
func (e *eval) availableWhy() string {
	x, in := e.x, e.in
	parts := []string{fmt.Sprintf("%s (%s) to %s as of %s", x.Code, x.Citation, in.Destination, in.AsOf)}
	if x.Line != "" {
		if l, ok := in.Entry.ExceptionLine(x.Line); ok {
			parts = append(parts, fmt.Sprintf("%s prints \"%s: %s\"", in.Entry.ECCN(), x.Line, l.Text()))
		}
	}
	if p := in.Facts.Meets(x.Code); p.Citation().IsValid() {
		parts = append(parts, "the caller states the export meets the terms of "+p.Citation().String())
	}
	return strings.Join(parts, "; ")
}

// overcomes answers whether x may overcome requirement r.
func (e *eval) overcomes(r Requirement) check {
	x := e.x
	switch r.Basis {
	case BasisPart744:
		return no("part 744")
	case BasisProgram:
		return e.programAllows(r, false)
	}
	// A Country Chart requirement (a sanctioned destination's program was
	// read first, in evaluate); a Part 746 paragraph may limit the
	// exceptions for its reason (746.1(b)(4)).
	if c := e.reasonRuleAllows(r); c.ans != ear.Yes {
		return c
	}
	if x.Code == STA {
		return yes() // its paragraphs decide the reasons (family)
	}
	if x.Reasons != nil && !slices.Contains(x.Reasons, r.Reason) {
		return no("reason")
	}
	if x.Line != "" {
		if l, ok := e.in.Entry.ExceptionLine(x.Line); ok && slices.Contains(l.NotForReasons(), r.Reason) {
			return no("N/A for %s", r.Reason)
		}
	}
	return yes()
}

// programAllows answers whether the Part 746 program of r leaves x open for
// r, recording the paragraphs it allows. dest says the program governs
// because the destination is the program's.
func (e *eval) programAllows(r Requirement, dest bool) check {
	for i := range programTable {
		p := &programTable[i]
		if p.Program != r.Program || !p.inForce(e.in.AsOf) {
			continue
		}
		if !dest && len(p.Covers) > 0 && !(r.Paragraph.IsValid() && slices.ContainsFunc(p.Covers, func(c fdp.Citation) bool { return c.Covers(r.Paragraph) })) {
			continue
		}
		if dest && len(p.Covers) > 0 {
			continue // a list for named requirements only
		}
		a, ok := allowanceFor(p.Allowed, e.x.Code)
		if !ok {
			return no("%s does not list License Exception %s", p.Citation, e.x.Code)
		}
		if !dest {
			if c := e.notFor(p, a, r); c.ans != ear.Yes {
				if c.ans == ear.No {
					return c
				}
				e.restrict(a)
				return c
			}
		}
		e.restrict(a)
		if a.Qualified != "" {
			return open("parties", fmt.Sprintf("%s lists %s only %s", p.Citation, e.x.Code, a.Qualified))
		}
		return yes()
	}
	return yes()
}

// notFor answers whether requirement r of program rule p is outside the
// paragraphs allowance a reaches (a.NotFor): No if r is one of them,
// Indeterminate if r names no paragraph precise enough and may be one
// (the item's kind and the date allow it), Yes otherwise.
func (e *eval) notFor(p *ProgramRule, a Allowance, r Requirement) check {
	in := e.in
	ans := yes()
	for _, nf := range a.NotFor {
		if r.Paragraph.IsValid() && nf.Paragraph.Covers(r.Paragraph) {
			return no("%s: %s does not overcome the requirement of %s (%s)", p.Citation, e.x.Code, nf.Paragraph, nf.What)
		}
		if r.Paragraph.IsValid() && !r.Paragraph.Covers(nf.Paragraph) {
			continue // another paragraph
		}
		if nf.Effective.IsValid() && in.AsOf.Before(nf.Effective) {
			continue
		}
		if nf.Kinds != "" && in.Kind.IsValid() && !strings.Contains(nf.Kinds, kindLetter(in.Kind)) {
			continue
		}
		// The requirement names no paragraph precise enough, and may be
		// nf: the conservative reading leaves the exception open.
		ans = open("item.hts", fmt.Sprintf("%s may be the requirement of %s (%s), which %s does not overcome (%s); the determination leaves the paragraph open", r.Citation, nf.Paragraph, nf.What, e.x.Code, p.Citation))
	}
	return ans
}

// reasonRuleAllows answers whether a Part 746 paragraph that limits the
// exceptions for Country Chart requirement r's reason to the destination
// (746.1(b)(4)) leaves x open, recording the paragraphs it allows.
func (e *eval) reasonRuleAllows(r Requirement) check {
	in := e.in
	for i := range reasonTable {
		rr := &reasonTable[i]
		if rr.Reason != r.Reason || !rr.inForce(in.AsOf) || !rr.To.Includes(in.Destination, in.Groups, in.AsOf) {
			continue
		}
		a, ok := allowanceFor(rr.Allowed, e.x.Code)
		if !ok {
			c := no("%s: no License Exception other than GOV (740.11(b)) for an item with a %s reason for control to %s", rr.Citation, rr.Reason, in.Destination)
			if !slices.Contains(e.refused, c.why) {
				e.refused = append(e.refused, c.why)
			}
			return c
		}
		e.restrict(a)
		if a.Qualified != "" {
			return open("parties", fmt.Sprintf("%s leaves %s open only %s", rr.Citation, e.x.Code, a.Qualified))
		}
	}
	return yes()
}

// itemReasonRules applies the Part 746 paragraphs that limit the
// exceptions for the export of an item with a reason for control to the
// destination (746.1(b)(4): "You may not use any License Exception, other
// than License Exception GOV ..., to export or reexport items with a UN
// reason for control to countries listed in paragraph (b)(2)") to the
// whole export, not only to that reason's requirement: an exception the
// paragraph does not allow is not available when the item's requirement
// for the reason stands, and open when it may.
func (e *eval) itemReasonRules() {
	in := e.in
	for i := range reasonTable {
		rr := &reasonTable[i]
		if !rr.inForce(in.AsOf) || !rr.To.Includes(in.Destination, in.Groups, in.AsOf) {
			continue
		}
		if _, ok := allowanceFor(rr.Allowed, e.x.Code); ok {
			continue // reasonRuleAllows restricts it to its paragraphs
		}
		held := ear.No
		for _, r := range in.Requirements {
			if r.Basis == BasisChart && r.Reason == rr.Reason {
				held = held.Or(r.Answer)
			}
		}
		switch held {
		case ear.Yes:
			why := fmt.Sprintf("%s: no License Exception other than GOV (740.11(b)) for the export of an item with a %s reason for control to %s", rr.Citation, rr.Reason, in.Destination)
			e.no("%s", why)
			if !slices.Contains(e.refused, why) {
				e.refused = append(e.refused, why)
			}
		case ear.Indeterminate:
			e.add(open("item.eccn", fmt.Sprintf("the item may have a %s reason for control to %s, and %s then allows no License Exception other than GOV (740.11(b))", rr.Reason, in.Destination, rr.Citation)))
		}
	}
}

func (p *ProgramRule) inForce(d jurisdiction.Date) bool {
	return (!p.Effective.IsValid() || !d.Before(p.Effective)) && (!p.Until.IsValid() || d.Before(p.Until))
}

func allowanceFor(as []Allowance, c Code) (Allowance, bool) {
	for _, a := range as {
		if a.Code == c {
			return a, true
		}
	}
	return Allowance{}, false
}

// restrict records the paragraphs an allowance leaves open.
func (e *eval) restrict(a Allowance) {
	if len(a.Paragraphs) > 0 && !slices.ContainsFunc(e.paras, func(s []fdp.Citation) bool { return slices.Equal(s, a.Paragraphs) }) {
		e.paras = append(e.paras, a.Paragraphs)
	}
	for _, x := range a.Except {
		if !slices.Contains(e.excepted, x) {
			e.excepted = append(e.excepted, x)
		}
	}
}

// destination checks the section's eligible destinations.
func (e *eval) destination() {
	x, in := e.x, e.in
	if !x.Destinations.Includes(in.Destination, in.Groups, in.AsOf) {
		_, why := x.Destinations.Contains(in.Destination, in.Groups, in.AsOf)
		e.no("%s is not an eligible destination of %s (%s)", in.Destination, x.Citation, why)
		return
	}
	for _, g := range x.NotGroups {
		if in.Groups.Has(g) {
			e.no("%s is in Country Group %s, which %s excludes", in.Destination, g, x.Citation)
			return
		}
	}
}

// item checks the kind, the ECCN list and the CCL line.
func (e *eval) item() {
	x, in := e.x, e.in
	if x.Kinds != "" {
		switch k := in.Kind; {
		case !k.IsValid():
			e.add(open("item.kind", fmt.Sprintf("%s is for %s only, and the item's kind is not given", x.Code, kindWords(x.Kinds))))
		case !strings.Contains(x.Kinds, kindLetter(k)):
			e.no("%s is for %s only; the item is %s", x.Code, kindWords(x.Kinds), k)
		}
	}
	if !in.ECCN.IsValid() {
		if x.Items != nil || x.Line != "" {
			e.add(open("item.eccn", fmt.Sprintf("the item's ECCN decides %s", x.Code)))
		}
		return
	}
	if x.Items != nil {
		ans := ear.No
		for _, p := range x.Items {
			ans = ans.Or(matchPattern(p, in.ECCN, in.For))
		}
		switch ans {
		case ear.No:
			e.no("%s is not among the items of %s (%s)", in.ECCN, x.Citation, patternList(x.Items))
		case ear.Indeterminate:
			e.add(open("item.eccn", fmt.Sprintf("whether %s is among the items of %s (%s)", in.ECCN, x.Citation, patternList(x.Items))))
		}
	}
	if x.Line == "" || x.Code == CIV {
		return
	}
	if !in.Entry.IsValid() {
		e.no("%s is not an entry of the CCL with a License Exceptions section", in.ECCN)
		return
	}
	l, ok := in.Entry.ExceptionLine(x.Line)
	if !ok {
		e.no("%s prints no %s line", in.Entry.ECCN(), x.Line)
		return
	}
	ans, _ := l.Eligible(in.ECCN)
	if ans == ear.Indeterminate && lineDefers(x.Code, l.Text(), in.ECCN) {
		ans = ear.Yes
	}
	switch ans {
	case ear.No:
		e.no("%s prints \"%s: %s\", which does not make %s eligible", in.Entry.ECCN(), x.Line, l.Text(), in.ECCN)
	case ear.Indeterminate:
		e.add(open("item.eccn", fmt.Sprintf("%s prints \"%s: %s\": the item's paragraph, or words the SDK does not decide, settle whether %s is eligible", in.Entry.ECCN(), x.Line, l.Text(), in.ECCN)))
	}
}

func kindLetter(k product.Kind) string {
	switch k {
	case product.Commodity:
		return "C"
	case product.Software:
		return "D"
	case product.Technology:
		return "E"
	}
	return "?"
}

func kindWords(s string) string {
	if s == "C" {
		return "commodities"
	}
	return "software and technology"
}

func patternList(ps []fdp.Pattern) string { return join(ps) }

// matchPattern answers whether an item classified e (for f) is p.
func matchPattern(p fdp.Pattern, e, f product.ECCN) ear.Answer {
	a := p.MatchItem(e)
	if a == ear.No || len(p.For) == 0 {
		return a
	}
	if !f.IsValid() {
		return a.And(ear.Indeterminate)
	}
	return a.And(p.MatchFor(f))
}

// controlledFor answers whether a License Requirements row of the item's
// entry for one of reasons covers the item.
func (in *Input) controlledFor(reasons ...ccl.Reason) ear.Answer {
	if !in.ECCN.IsValid() {
		return ear.Indeterminate
	}
	ans := ear.No
	for _, c := range in.Entry.AllControls() {
		if slices.Contains(reasons, c.Reason()) {
			ans = ans.Or(c.AppliesToFor(in.ECCN, in.For))
		}
	}
	return ans
}

// chartReasons returns the reasons of the Country Chart requirements, and
// whether a chart requirement names none.
func (in *Input) chartReasons() (yes, open []ccl.Reason, unnamed ear.Answer) {
	unnamed = ear.No
	for _, r := range in.Requirements {
		if r.Basis != BasisChart || r.Answer == ear.No {
			continue
		}
		if !r.Reason.IsValid() {
			unnamed = unnamed.Or(r.Answer)
			continue
		}
		if r.Answer == ear.Yes {
			yes = append(yes, r.Reason)
		} else {
			open = append(open, r.Reason)
		}
	}
	return yes, open, unnamed
}

// reasonsOnly checks that the Country Chart requires the license for
// allowed reasons only.
func (e *eval) reasonsOnly(allowed []ccl.Reason, what string) {
	yes, open, unnamed := e.in.chartReasons()
	for _, r := range yes {
		if !slices.Contains(allowed, r) {
			e.no("the Country Chart requires a license to %s for %s reasons, and %s needs %s", e.in.Destination, r, e.x.Code, what)
			return
		}
	}
	if unnamed == ear.Yes {
		e.no("a Country Chart requirement to %s names no reason for control, and %s needs %s", e.in.Destination, e.x.Code, what)
		return
	}
	for _, r := range open {
		if !slices.Contains(allowed, r) {
			e.add(openCheck("item.eccn", fmt.Sprintf("a %s requirement may apply, and %s needs %s", r, e.x.Code, what)))
			return
		}
	}
	if unnamed == ear.Indeterminate {
		e.add(openCheck("item.eccn", fmt.Sprintf("a Country Chart requirement that names no reason may apply, and %s needs %s", e.x.Code, what)))
	}
}

func openCheck(field, why string) check { return open(field, why) }

// lineDefers reports whether the words that leave a line open only send
// the reader to the exception's own section, whose conditions the
// evaluation reads: ENC's "Yes for certain EI controlled commodities, see
// § 740.17 of the EAR for eligibility" (740.17 decides through the
// encryption status), and APP's "Yes, for computers controlled by
// 4A003.b, and "electronic assemblies" controlled by 4A003.c, to the
// exclusion of other technical parameters. See § 740.7" for an item of
// 4A003.b or 4A003.c (the caller states the paragraph of 740.7 met).
func lineDefers(c Code, text string, e product.ECCN) bool {
	switch c {
	case ENC:
		return strings.HasPrefix(text, "Yes for certain EI controlled") && strings.Contains(text, "740.17")
	case APP:
		return strings.Contains(text, "to the exclusion of other technical parameters") && strings.Contains(text, "740.7") &&
			(appB.Covers(e) || appC.Covers(e))
	}
	return false
}

// The paragraphs APP's line names.
var appB, appC = product.MustParseECCN("4A003.b"), product.MustParseECCN("4A003.c")
