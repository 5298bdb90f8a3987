package exception

import (
	"fmt"
	"slices"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/origin"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// family checks the conditions particular to each exception, as its
// section states them (the data of exceptionTable and the tables beside
// it).
func (e *eval) family() {
	x, in := e.x, e.in
	if x.Only {
		e.reasonsOnly(x.Reasons, "a license requirement for "+reasonWords(x.Reasons)+" reasons only")
	}
	switch x.Code {
	case LVS:
		e.lvs()
	case CIV:
		if !x.Until.IsValid() || in.AsOf.Before(x.Until) {
			e.add(open("as_of", "the CCL's CIV lines in force before 2020-06-29 are not held"))
		}
	case APP:
		e.app()
	case RPL:
		if in.Groups.Has(jurisdiction.GroupE1) {
			switch in.controlledFor(ccl.ReasonNS) {
			case ear.Yes:
				e.no("740.10(a)(3)(iv): no replacement parts to Country Group E:1 for an item controlled for NS reasons")
			case ear.Indeterminate:
				e.add(open("item.eccn", "whether the item is controlled for NS reasons decides RPL to Country Group E:1 (740.10(a)(3)(iv))"))
			}
		}
		if in.Groups.Has(jurisdiction.GroupD5) && in.ECCN.IsValid() && (in.ECCN.Is600Series() || in.ECCN.Is9x515()) {
			e.no("740.10(a)(3)(v): no 9x515 or \"600 series\" parts to Country Group D:5")
		}
	case ENC:
		e.enc()
	case STA:
		e.sta()
	}
	if p := in.Facts.Meets(x.Code).Citation(); p.IsValid() {
		e.paragraphTerms(p)
	}
}

// join writes values as a list: "NS, MT".
func join[T interface{ String() string }](xs []T) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(x.String())
	}
	return b.String()
}

func reasonWords(rs []ccl.Reason) string { return join(rs) }

// paragraphTerms checks the destinations and items the paragraph the
// caller states names.
func (e *eval) paragraphTerms(p fdp.Citation) {
	in := e.in
	switch e.x.Code {
	case TMP:
		for _, t := range tmpParagraphs {
			if t.para.Covers(p) {
				if !t.to.Includes(in.Destination, in.Groups, in.AsOf) {
					e.no("%s: %s", t.para, t.reason)
				}
			}
		}
		if in.Groups.Has(jurisdiction.GroupE1) && slices.ContainsFunc(tmpNotE1, func(c fdp.Citation) bool { return c.Covers(p) }) {
			e.no("%s does not reach Country Group E:1", p)
		}
	case TSU:
		if cite("15 CFR 740.13(d)").Covers(p) {
			if in.Groups.Has(jurisdiction.GroupE1) {
				e.no("740.13(d): mass market software is not available to Country Group E:1")
			}
			if in.ECCN.IsValid() && product.MustParseECCN("5D002").Covers(in.ECCN) {
				e.no("740.13(d)(2): not for encryption software controlled under 5D002")
			}
			switch in.controlledFor(ccl.ReasonMT) {
			case ear.Yes:
				e.no("740.13(d)(2): not for software controlled for MT reasons")
			case ear.Indeterminate:
				e.add(open("item.eccn", "whether the software is controlled for MT reasons decides 740.13(d)"))
			}
		}
	case GOV:
		if cite("15 CFR 740.11(c)").Covers(p) {
			switch in.controlledFor(ccl.ReasonNP, ccl.ReasonEI) {
			case ear.Yes:
				e.no("740.11(c)(3): not for items controlled for NP or EI reasons")
			case ear.Indeterminate:
				e.add(open("item.eccn", "whether the item is controlled for NP or EI reasons decides 740.11(c)"))
			}
		}
		e.govTerms(p)
	}
}

// inPlaces answers whether the destination is in set.
func (e *eval) inPlaces(set *fdp.Places) bool {
	return set.Includes(e.in.Destination, e.in.Groups, e.in.AsOf)
}

// itemIn answers whether the item is one of ps (Indeterminate when the
// ECCN is not given).
func (e *eval) itemIn(ps []fdp.Pattern) ear.Answer {
	if !e.in.ECCN.IsValid() {
		return ear.Indeterminate
	}
	a := ear.No
	for _, p := range ps {
		a = a.Or(matchPattern(p, e.in.ECCN, e.in.For))
	}
	return a
}

// kindIn checks the item's kind against the letters of kinds, for the
// words of text.
func (e *eval) kindIn(kinds, text string) {
	if kinds == "" {
		return
	}
	switch k := e.in.Kind; {
	case !k.IsValid():
		e.add(open("item.kind", fmt.Sprintf("the item's kind decides %s", text)))
	case !strings.Contains(kinds, kindLetter(k)):
		e.no("740.11%s; the item is %s", text, k)
	}
}

// govTerms checks the paragraph p of 740.11 the caller states against the
// item and destination terms of its text (govTerms, and the exclusions
// that turn on the item's reasons for control).
func (e *eval) govTerms(p fdp.Citation) {
	in := e.in
	// 740.11(b) in the text read (read74011b) has (b)(1) "Scope" and (b)(2)
	// "Eligibility", no (b)(3): a paragraph the section does not have
	// authorizes nothing.
	if cite("15 CFR 740.11(b)(3)").Covers(p) {
		e.no("740.11(b) has no paragraph (b)(3) in the text read ((b)(1) is its scope, (b)(2) its eligibility): %s authorizes nothing", p)
	}
	// The kinds and items of every term covering p; the destinations of
	// the most specific one.
	var dest *govTerm
	for i := range govTerms {
		t := &govTerms[i]
		if !t.para.Covers(p) {
			continue
		}
		e.kindIn(t.kinds, t.text)
		if t.items != nil {
			switch e.itemIn(t.items) {
			case ear.No:
				e.no("740.11%s; the item is %s", t.text, in.ECCN)
			case ear.Indeterminate:
				e.add(open("item.eccn", "the item's ECCN decides 740.11"+t.text))
			}
		}
		if t.to != nil && (dest == nil || dest.para.Covers(t.para)) {
			dest = t
		}
	}
	if dest != nil && !e.inPlaces(dest.to) {
		if dest.toOpen != "" {
			e.add(open("exception_facts.meets.GOV", fmt.Sprintf("%s is not a destination of %s as a whole: %s (%s)", in.Destination, dest.para, dest.toOpen, dest.text)))
		} else {
			e.no("%s is not a destination of %s: %s", in.Destination, dest.para, dest.text)
		}
	}

	// The introduction: "Commodities listed in ECCN 0A501 are eligible only
	// for transactions described in paragraphs (b)(2)(i) and (ii) of this
	// section. Any item listed in a 0x5zz ECCN for export, reexport, or
	// transfer (in-country) to an E:1 country is eligible only for
	// transactions described in paragraphs (b)(2)(i) and (ii) solely for
	// U.S. Government official use of this section."
	if in.ECCN.IsValid() {
		only := []fdp.Citation{cite("15 CFR 740.11(b)(2)(i)"), cite("15 CFR 740.11(b)(2)(ii)")}
		s := in.ECCN.String()
		is0x5 := len(s) >= 5 && s[0] == '0' && s[2] == '5'
		var what string
		switch {
		case in.Kind == product.Commodity && pats("0A501")[0].MatchItem(in.ECCN) == ear.Yes:
			what = "740.11 (introduction): commodities of ECCN 0A501 are eligible only under (b)(2)(i) and (ii)"
		case is0x5 && in.Groups.Has(jurisdiction.GroupE1):
			what = "740.11 (introduction): a 0x5zz item to Country Group E:1 is eligible only under (b)(2)(i) and (ii), solely for U.S. Government official use"
		}
		if what != "" && !slices.ContainsFunc(only, func(c fdp.Citation) bool { return c.Covers(p) }) {
			if slices.ContainsFunc(only, func(c fdp.Citation) bool { return p.Covers(c) }) {
				e.add(open("exception_facts.meets.GOV", what+"; "+p.String()+" is not more specific"))
			} else {
				e.no("%s, not %s", what, p)
			}
		}
	}

	// (a)(2) and (c)(3): the Sensitive and Very Sensitive Lists, not held
	// (read as NS-controlled items only), EI items, "600 series".
	govA, govC, govD := cite("15 CFR 740.11(a)"), cite("15 CFR 740.11(c)"), cite("15 CFR 740.11(d)")
	if govA.Covers(p) || govC.Covers(p) {
		para := "(a)(2)(i), (ii)"
		if govC.Covers(p) {
			para = "(c)(3)(i), (ii)"
		}
		if in.controlledFor(ccl.ReasonNS) != ear.No {
			e.add(open("item.eccn", fmt.Sprintf("740.11%s: items on the Sensitive List (except for Country Group A:5) or the Very Sensitive List (Supp. Nos. 6 and 7 to part 774, which the SDK does not hold) are excluded; the item is or may be controlled for NS reasons", para)))
		}
		switch in.controlledFor(ccl.ReasonEI).And(e.itemIn(govEIItems)) {
		case ear.Yes:
			e.no("740.11(a)(2)(iii), (c)(3)(iii): \"Encryption items controlled for EI reasons under ECCNs 5A002, 5A004, 5D002, or 5E002\" may not be exported under (a) or (c)")
		case ear.Indeterminate:
			e.add(open("item.eccn", "whether the item is an EI-controlled 5A002, 5A004, 5D002 or 5E002 item decides 740.11(a)(2)(iii), (c)(3)(iii)"))
		}
	}
	if in.ECCN.IsValid() && in.ECCN.Is600Series() {
		switch {
		case (govA.Covers(p) || govD.Covers(p)) && !in.Groups.Has(jurisdiction.GroupA5):
			e.no("740.11(a)(2)(v), (d)(2)(iii): \"600 series\" items only to Country Group A:5")
		case govC.Covers(p):
			e.add(open("parties", "740.11(c)(3)(v): \"600 series\" items only to or for the use by governments of Country Group A:5 or an agency of NATO"))
		}
	}
	if govC.Covers(p) {
		switch e.itemIn(govRSItems) {
		case ear.Yes:
			e.no("740.11(c)(3)(iv): not for 6A002.a.1.c or its 6E001/6E002 technology")
		case ear.Indeterminate:
			e.add(open("item.eccn", "whether the item is 6A002.a.1.c or its technology decides 740.11(c)(3)(iv)"))
		}
		// (c)(3)(vii): "Items listed as not eligible for License Exception
		// STA in § 740.20(b)(2)(ii)": staBarredItems holds (b)(2)(ii) with
		// other paragraphs of (b)(2), so a match is indeterminate.
		if in.ECCN.IsValid() && e.itemIn(staBarredItems) != ear.No {
			e.add(open("item.eccn", "740.11(c)(3)(vii): items not eligible for STA under 740.20(b)(2)(ii) are excluded, and the item is among the items of 740.20(b)(2)"))
		}
	}

	// (b)(2)(iii)(B)(4): "The items being exported, reexported, or
	// transferred (in-country) are not controlled for Chemical Weapons
	// Convention (CW) or proliferation of chemical and biological weapons
	// (CB) reasons".
	if b := cite("15 CFR 740.11(b)(2)(iii)(B)"); b.Covers(p) || p.Covers(b) {
		switch a := in.controlledFor(ccl.ReasonCW, ccl.ReasonCB); {
		case a == ear.Yes && b.Covers(p):
			e.no("740.11(b)(2)(iii)(B)(4): not for items controlled for CW or CB reasons")
		case a != ear.No:
			e.add(open("exception_facts.meets.GOV", fmt.Sprintf("740.11(b)(2)(iii)(B)(4) excludes items controlled for CW or CB reasons, and %s may be (b)(2)(iii)(B)", p)))
		}
	}
	// Note 2 to (b)(2): no items controlled for NS, MT, CB, NP, FC or AT
	// reasons to military, police, intelligence or other sensitive end
	// users of a government of E:1 or E:2.
	if b := cite("15 CFR 740.11(b)(2)"); (b.Covers(p) || p.Covers(b)) && (in.Groups.Has(jurisdiction.GroupE1) || in.Groups.Has(jurisdiction.GroupE2)) {
		if in.controlledFor(govNote2Reasons...) != ear.No {
			e.add(open("parties", "Note 2 to 740.11(b)(2): items controlled for NS, MT, CB, NP, FC or AT reasons may not go to military, police, intelligence or other sensitive end users of a government of Country Group E:1 or E:2; the end users' kind is not given"))
		}
	}
}

// app checks 740.7: the computer tier of the destination against the kind
// of item and the paragraph stated (appTier1, appTier3).
func (e *eval) app() {
	in := e.in
	c := fdp.Places{Places: appTier3}
	t1 := fdp.Places{Places: appTier1}
	unknown := fdp.Places{Places: appTierUnknown}
	tierOpen := e.inPlaces(&unknown) && in.AsOf.Before(appMovedBy)
	tier3 := !tierOpen && e.inPlaces(&c)
	tier1 := !tierOpen && !tier3 && e.inPlaces(&t1)
	if tierOpen {
		e.add(open("as_of", fmt.Sprintf("%s is in Computer Tier 3 in the text of 740.7 read, which is known in force from %s; its tier before is not read", in.Destination, appMovedBy)))
	}
	if in.Kind == product.Commodity && (tier3 || in.Groups.Has(jurisdiction.GroupE1) || in.Groups.Has(jurisdiction.GroupE2)) {
		e.no("%s is in Computer Tier 3 (740.7(d)(1)) or Country Group E:1/E:2: 740.7(d)(2) \"Eligible commodities. None.\"", in.Destination)
	}
	p := in.Facts.Meets(APP).Citation()
	tc, td := cite("15 CFR 740.7(c)"), cite("15 CFR 740.7(d)")
	switch {
	case p.IsValid() && tc.Covers(p) && !tier1 && !tierOpen:
		e.no("the caller states 740.7(c) (Computer Tier 1), and %s is not among the Tier 1 destinations of 740.7(c)(1)", in.Destination)
	case p.IsValid() && td.Covers(p) && in.Kind == product.Commodity:
		e.no("the caller states 740.7(d) (Computer Tier 3), whose (d)(2) reads \"Eligible commodities. None.\"")
	case p.IsValid() && td.Covers(p) && !tier3 && !tierOpen:
		e.no("the caller states 740.7(d) (Computer Tier 3), and %s is not among the Tier 3 destinations of 740.7(d)(1)", in.Destination)
	}
	if !tier1 && !tier3 && !tierOpen {
		e.no("%s is in neither Computer Tier 1 (740.7(c)(1)) nor Tier 3 (740.7(d)(1))", in.Destination)
	}
	// Technology and software: (c)(3)(i) A:5 for any APP; otherwise deemed
	// exports only ((c)(3)(ii), (iii), (d)(3)), with APP limits.
	if k := in.Kind; (k == product.Software || k == product.Technology) && !in.Groups.Has(jurisdiction.GroupA5) {
		e.add(open("exception_facts.meets.APP", "740.7(c)(3)(ii), (iii) and (d)(3) authorize technology and source code outside Country Group A:5 only as deemed exports to foreign nationals, for computers within APP limits (175/500 WT Tier 1, 50/140 WT Tier 3) the SDK does not read"))
	}
}

// lvsAnnualTimes is the annual limit of 740.3(d)(2): "may not exceed 12
// times the LVS value limit for that ECCN".
const lvsAnnualTimes = 12

func (e *eval) lvs() {
	in := e.in
	if !in.ECCN.IsValid() || !in.Entry.IsValid() {
		return // item() decides
	}
	l, ok := in.Entry.ExceptionLine("LVS")
	if !ok {
		return
	}
	ans, limit := l.Eligible(in.ECCN)
	if ans != ear.Yes {
		return // item() said why
	}
	if limit <= 0 {
		e.add(open("item.eccn", fmt.Sprintf("%s prints \"LVS: %s\" with no dollar value for %s", in.Entry.ECCN(), l.Text(), in.ECCN)))
		return
	}
	order := e.lvsUSD("exception_facts.order_value", in.Facts.OrderValue, "740.3(b): the net value of the order under the ECCN", limit)
	annual := e.lvsUSD("exception_facts.annual_value", in.Facts.AnnualValue, "740.3(d)(2): the value of the year's exports to the consignee under the ECCN", limit*lvsAnnualTimes)
	var item *origin.Exact
	if in.ItemValue.IsValid() {
		if x, err := in.Rates.ConvertExact("item.value", in.ItemValue, product.MustParseCurrency("USD")); err == nil {
			item = &x
		}
	}
	// Contradictory facts (Q1, Q2; a reading chosen): the order includes
	// this item, and the year includes this order, so a stated figure below
	// the one it includes is wrong. The larger figure is a floor of the
	// true one: over the limit, LVS is not available; within it, LVS is
	// indeterminate naming the field stated wrong, never available on
	// contradictory facts.
	e.lvsFloor("exception_facts.order_value", order, item, in.ItemValue.String(), "the item's own value (item.value)", limit, "740.3(b): the net value of the order under the ECCN")
	floor := item
	if order != nil && (floor == nil || order.Rat().Cmp(floor.Rat()) > 0) {
		floor = order
	}
	e.lvsFloor("exception_facts.annual_value", annual, floor, "", "the value of this order (the order value, or the item's value)", limit*lvsAnnualTimes, "740.3(d)(2): the value of the year's exports to the consignee under the ECCN")
}

// lvsUSD brings v into U.S. dollars and checks that it does not exceed
// limit; nil when v is not given or cannot be converted (the exception is
// then open on field).
func (e *eval) lvsUSD(field string, v product.Money, what string, limit int64) *origin.Exact {
	if !v.IsValid() {
		e.add(open(field, fmt.Sprintf("%s is not given; it may not exceed $%d", what, limit)))
		return nil
	}
	x, err := e.in.Rates.ConvertExact(field, v, product.MustParseCurrency("USD"))
	if err != nil {
		e.add(open("exchange_rates", fmt.Sprintf("%s (%s) cannot be brought into U.S. dollars: %v", what, v, err)))
		return nil
	}
	if origin.ExceedsExact(x, origin.ExactOf(decimal.NewFromInt(limit)), 100) {
		e.no("%s, %s, exceeds $%d", what, v, limit)
	}
	return &x
}

// lvsFloor checks a stated figure v against floor, a figure it includes:
// where v is below floor, the facts contradict each other, and floor
// decides (over the limit: not available; within it: open on field).
func (e *eval) lvsFloor(field string, v, floor *origin.Exact, floorText, floorWhat string, limit int64, what string) {
	if v == nil || floor == nil || v.Rat().Cmp(floor.Rat()) >= 0 {
		return
	}
	if floorText == "" {
		if t, ok := floor.Text(); ok {
			floorText = "$" + t
		}
	}
	if origin.ExceedsExact(*floor, origin.ExactOf(decimal.NewFromInt(limit)), 100) {
		e.no("%s is stated below %s, %s, which it includes and which exceeds $%d", what, floorWhat, floorText, limit)
		return
	}
	e.add(open(field, fmt.Sprintf("%s is stated below %s, %s, which it includes: the facts contradict each other, and the figure is not known (it may not exceed $%d)", what, floorWhat, floorText, limit)))
}

// enc checks the 740.17 status of the item.
func (e *eval) enc() {
	in := e.in
	switch in.Facts.Encryption {
	case product.EncryptionB1, product.EncryptionB3:
	case product.EncryptionB2:
		switch {
		case !in.Facts.GovernmentEndUser.Given():
			e.add(open("exception_facts.government_end_user", "740.17(b)(2): outside Supplement No. 3 to part 740, (b)(2) items go only to non-\"government end users\""))
		case in.Facts.GovernmentEndUser.IsTrue():
			e.add(open("exception_facts.government_end_user", "740.17(b)(2): a \"government end user\" may receive (b)(2) items only in a country of Supplement No. 3 to part 740, which the SDK does not hold"))
		}
		if in.ECCN.IsValid() && slices.ContainsFunc(pats("5A004.a", "5D002.a.3.a", "5D002.c.3.a"), func(p fdp.Pattern) bool { return p.MatchItem(in.ECCN) != ear.No }) {
			e.add(open("exception_facts.encryption", "740.17(b)(2)(ii): cryptanalytic items go to non-government end users in Supplement No. 3 to part 740 only, which the SDK does not hold"))
		}
	case product.EncryptionMassMarket:
		e.no("740.17(b)(1): a mass-market encryption item is classified 5A992.c or 5D992.c, outside ENC")
	default:
		e.add(open("exception_facts.encryption", "the item's status under 740.17 ((b)(1), (b)(2) or (b)(3)) is not given"))
	}
}

// sta checks 740.20: the paragraph the destination falls under, the
// reasons it authorizes, the items it excludes, and the entry's STA
// paragraph.
func (e *eval) sta() {
	in := e.in
	var para string
	var allowed []ccl.Reason
	switch {
	case in.Groups.Has(jurisdiction.GroupA5):
		para, allowed = "(c)(1)", staA5Reasons
	case in.Groups.Has(jurisdiction.GroupA6):
		para, allowed = "(c)(2)", staA6Reasons
	default:
		return // destination() said why
	}
	e.staPara = cite("15 CFR 740.20" + para)
	e.reasonsOnly(allowed, "reasons that 740.20"+para+" authorizes ("+reasonWords(allowed)+")")
	switch in.controlledFor(staBarredReasons...) {
	case ear.Yes:
		e.no("740.20(b)(2)(iii): STA may not be used for items controlled for EI, SS, SL, MT or CW reasons")
	case ear.Indeterminate:
		e.add(open("item.eccn", "whether the item is controlled for EI, SS, SL, MT or CW reasons decides STA (740.20(b)(2)(iii))"))
	}
	if !in.ECCN.IsValid() {
		return
	}
	for _, p := range staBarredItems {
		switch matchPattern(p, in.ECCN, in.For) {
		case ear.Yes:
			e.no("740.20(b)(2): STA may not be used for %s", p)
		case ear.Indeterminate:
			e.add(open("item.eccn", fmt.Sprintf("whether the item is %s, for which 740.20(b)(2) excludes STA", p)))
		}
	}
	for _, p := range staQualifiedItems {
		if matchPattern(p, in.ECCN, in.For) != ear.No {
			e.add(open("exception_facts.meets.STA", fmt.Sprintf("740.20(b)(2) excludes %s from STA unless conditions the SDK does not read are met (civil telecommunications use; toxin amounts)", p)))
		}
	}
	if l, ok := in.Entry.ExceptionLine("STA"); ok && (l.STAParagraph() == "" || l.STAParagraph() == para) {
		switch a, _ := l.Eligible(in.ECCN); a {
		case ear.No:
			e.no("%s prints \"STA: %s\"", in.Entry.ECCN(), l.Text())
		case ear.Indeterminate:
			e.add(open("item.eccn", fmt.Sprintf("%s prints \"STA: %s\": the item's paragraph decides", in.Entry.ECCN(), l.Text())))
		}
	}
	if in.Entry.IsValid() {
		switch in.Entry.STAExcluded(in.ECCN, para) {
		case ear.Yes:
			s, _ := in.Entry.STAConditions()
			e.no("the Special Conditions for STA of %s exclude it from 740.20%s: %s", in.Entry.ECCN(), para, s)
		case ear.Indeterminate:
			s, _ := in.Entry.STAConditions()
			e.add(open("item.eccn", fmt.Sprintf("the Special Conditions for STA of %s may exclude the item from 740.20%s: %s", in.Entry.ECCN(), para, s)))
		}
	}
}

// restrictions applies 15 CFR 740.2(a), whose applicability to the
// transaction e.reach holds (the same for every exception).
func (e *eval) restrictions() {
	for i := range restrictionTable {
		rs := &restrictionTable[i]
		ap := e.reach[i]
		if ap.ans == ear.No {
			continue
		}
		notYet := rs.Effective.IsValid() && e.in.AsOf.Before(rs.Effective)
		a, ok := allowanceFor(rs.Allowed, e.x.Code)
		switch {
		case !ok && ap.ans == ear.Yes && !notYet:
			e.no("%s: %s", rs.Citation, rs.Text)
		case !ok && notYet:
			e.add(open("as_of", fmt.Sprintf("%s as in force before %s is not modelled; its current text would bar %s", rs.Citation, rs.Effective, e.x.Code)))
		case !ok:
			e.add(check{ans: ear.Indeterminate, why: fmt.Sprintf("%s may apply (%s)", rs.Citation, ap.why), missing: ap.missing})
		case ap.ans == ear.Yes:
			e.restrict(a)
			if a.Qualified != "" {
				e.add(open("exception_facts", fmt.Sprintf("%s leaves %s open only %s", rs.Citation, e.x.Code, a.Qualified)))
			}
		default:
			// It may apply: its paragraph limits become open conditions,
			// and so does the condition it sets on the exception it leaves
			// open (740.2(a)(5)(ii)(A): RPL "as part of a spacecraft, manned
			// aircraft, land vehicle or marine vehicle or in quantities
			// appropriate for replacement parts"), as where it applies.
			if len(a.Paragraphs) > 0 {
				e.soft = append(e.soft, a.Paragraphs)
			}
			if a.Qualified != "" {
				e.add(check{ans: ear.Indeterminate, why: fmt.Sprintf("%s may apply (%s), and then leaves %s open only %s", rs.Citation, ap.why, e.x.Code, a.Qualified),
					missing: append(slices.Clone(ap.missing), Missing{Field: "exception_facts", Why: fmt.Sprintf("%s leaves %s open only %s", rs.Citation, e.x.Code, a.Qualified)})})
			}
		}
	}
}

// applies answers whether restriction rs reaches the transaction. The
// sentences of an open answer are written only when it is open.
func (e *eval) applies(rs *Restriction) check {
	in := e.in
	c := check{ans: ear.Yes}
	and := func(a ear.Answer, field string, why func() string) {
		if a == ear.Indeterminate {
			w := why()
			c.missing = append(c.missing, Missing{Field: field, Why: w})
			c.why = w
		}
		c.ans = c.ans.And(a)
	}
	if rs.Items != nil {
		a := ear.No
		if !in.ECCN.IsValid() {
			a = ear.Indeterminate
		}
		for _, p := range rs.Items {
			if in.ECCN.IsValid() {
				a = a.Or(matchPattern(p, in.ECCN, in.For))
			}
		}
		and(a, "item.eccn", func() string { return "whether the item is " + patternList(rs.Items) })
	}
	for _, p := range rs.NotItems {
		if in.ECCN.IsValid() {
			and(not(matchPattern(p, in.ECCN, in.For)), "item.eccn", func() string { return "whether the item is " + p.String() })
		}
	}
	if rs.Class != 0 {
		and(e.class(rs.Class), "item.eccn", func() string { return "whether the item is " + classWords(rs.Class) })
	}
	if rs.NotTo != nil {
		if rs.NotTo.Includes(in.Destination, in.Groups, in.AsOf) {
			c.ans = ear.No
		}
	}
	if rs.To != nil || rs.HeadquarteredIn != nil || rs.From != nil || rs.MadeIn != nil {
		loc := ear.No
		if rs.To != nil {
			if rs.To.Includes(in.Destination, in.Groups, in.AsOf) {
				loc = ear.Yes
			}
		}
		// The fact named is the one whose test is open (the first such).
		field, why := "", ""
		note := func(a ear.Answer, f, w string) {
			if a == ear.Indeterminate && field == "" {
				field, why = f, w
			}
			loc = loc.Or(a)
		}
		if rs.HeadquarteredIn != nil && loc != ear.Yes {
			note(e.headquartered(rs.HeadquarteredIn), "parties", "where the parties (or their ultimate parents) are headquartered")
		}
		if rs.From != nil && loc != ear.Yes {
			note(e.countryIn(rs.From, in.ExportedFrom), "exported_from", "where the item ships from")
		}
		if rs.MadeIn != nil && loc != ear.Yes {
			note(e.countryIn(rs.MadeIn, in.ProducedIn), "item.produced_in", "where the item was made")
		}
		if field == "" {
			field, why = "parties", "where the parties (or their ultimate parents) are headquartered"
		}
		and(loc, field, func() string { return why })
	}
	if rs.Unverified {
		and(in.Unverified, "parties", func() string { return "whether a party is on the Unverified List (Supplement No. 6 to part 744)" })
	}
	if rs.Qualified != "" && c.ans != ear.No {
		and(ear.Indeterminate, "exception_facts", func() string { return rs.Qualified })
	}
	return c
}

// class answers whether the item is of class k.
func (e *eval) class(k ItemClass) ear.Answer {
	in := e.in
	switch k {
	case ClassMT:
		return in.controlledFor(ccl.ReasonMT)
	case ClassHKControlled:
		return in.controlledFor(ccl.ReasonNS, ccl.ReasonMT, ccl.ReasonNP, ccl.ReasonCB)
	case ClassCCRequired:
		a := ear.No
		for _, r := range in.Requirements {
			if r.Basis == BasisChart && r.Reason == ccl.ReasonCC {
				a = a.Or(r.Answer)
			}
		}
		return a
	}
	if !in.ECCN.IsValid() {
		return ear.Indeterminate
	}
	switch k {
	case Class600:
		return ear.AnswerOf(in.ECCN.Is600Series())
	case Class9x515:
		return ear.AnswerOf(in.ECCN.Is9x515())
	case Class600Or9x515:
		return ear.AnswerOf(in.ECCN.Is600Series() || in.ECCN.Is9x515())
	case ClassIEC:
		if l, ok := in.Entry.ExceptionLine("IEC"); ok {
			a, _ := l.Eligible(in.ECCN)
			return a
		}
		return ear.No
	}
	return ear.Indeterminate
}

func classWords(k ItemClass) string {
	return [...]string{"", "controlled for MT reasons", "a \"600 series\" item", "a 9x515 item", "a 9x515 or \"600 series\" item",
		"subject to a 742.7 (CC) license requirement", "eligible for License Exception IEC", "controlled for NS, MT, NP or CB reasons"}[k]
}

// headquartered answers whether a party is headquartered in set.
func (e *eval) headquartered(set *fdp.Places) ear.Answer {
	in := e.in
	for _, c := range in.Headquarters {
		if e.countryIn(set, c) == ear.Yes {
			return ear.Yes
		}
	}
	if in.HeadquartersComplete {
		return ear.No
	}
	return ear.Indeterminate
}

// countryIn answers whether country c is in set on the date (the zero
// Country: unknown).
func (e *eval) countryIn(set *fdp.Places, c jurisdiction.Country) ear.Answer {
	if !c.IsValid() {
		return ear.Indeterminate
	}
	gs, err := jurisdiction.GroupsOf(c.TablesAs(), e.in.AsOf)
	if err != nil {
		return ear.Indeterminate
	}
	ok := set.Includes(jurisdiction.Destination{Country: c}, gs, e.in.AsOf)
	return ear.AnswerOf(ok)
}

// paragraphMet checks the caller's statement of the exception's terms
// against the paragraphs the restrictions and programs leave open.
func (e *eval) paragraphMet() {
	x, in := e.x, e.in
	var field, what string
	for _, f := range x.Facts {
		if f.Field == "exception_facts.meets."+x.Code.String() {
			field, what = f.Field, f.What
		}
	}
	p := in.Facts.Meets(x.Code)
	para := p.Citation()
	if c := p.Citation(); c.IsValid() {
		// A paragraph the text does not print (ParagraphOf takes any
		// citation; ParseParagraph rejects it): no terms are met.
		if ok, commit := paragraphRead(x.Citation, c); !ok {
			e.no("%s is not a paragraph of %s as printed in the text read (eCFR mirror at %.7s): no terms of it can be met", c, x.Citation, commit)
			return
		}
	}
	if x.Code == STA {
		para = e.staPara
	}
	if field != "" {
		switch {
		case p.None():
			e.no("the caller states the export meets the terms of no paragraph of %s", x.Citation)
			return
		case p.IsZero():
			e.add(open(field, what))
		}
	}
	for _, set := range e.paras {
		e.inParagraphs(para, set, true)
	}
	for _, set := range e.soft {
		e.inParagraphs(para, set, false)
	}
	for _, ex := range e.excepted {
		if para.IsValid() && ex.Covers(para) {
			e.no("%s is left out of the exceptions open here", ex)
		} else if !para.IsValid() || para.Covers(ex) {
			e.add(open(field, fmt.Sprintf("%s is left out of the exceptions open here", ex)))
		}
	}
}

// inParagraphs checks para against the paragraphs of set; hard says a
// paragraph outside set fails rather than stays open.
func (e *eval) inParagraphs(para fdp.Citation, set []fdp.Citation, hard bool) {
	field := "exception_facts.meets." + e.x.Code.String()
	if !para.IsValid() {
		e.add(open(field, fmt.Sprintf("only %s of %s %s open here", citeList(set), e.x.Code, isAre(set))))
		return
	}
	if slices.ContainsFunc(set, func(c fdp.Citation) bool { return c.Covers(para) }) {
		return
	}
	if !hard || slices.ContainsFunc(set, func(c fdp.Citation) bool { return para.Covers(c) }) {
		e.add(open(field, fmt.Sprintf("only %s of %s %s open here; %s is not more specific", citeList(set), e.x.Code, isAre(set), para)))
		return
	}
	e.no("only %s of %s %s open here, not %s", citeList(set), e.x.Code, isAre(set), para)
}

func isAre(s []fdp.Citation) string {
	if len(s) == 1 {
		return "is"
	}
	return "are"
}

func citeList(s []fdp.Citation) string { return join(s) }

// not negates a three-valued answer (Indeterminate stays).
func not(a ear.Answer) ear.Answer {
	switch a {
	case ear.Yes:
		return ear.No
	case ear.No:
		return ear.Yes
	}
	return a
}
