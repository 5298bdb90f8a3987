package license

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// Part 746 as this package reads it: the embargoes and special controls of
// the destination (jurisdiction.Programs, each with its citation, period and
// the reading chosen), applied to the item's classification. The programs'
// dated data are in package jurisdiction; this file applies them.

// program reads a Part 746 program of the destination for the item.
func (ev *chartEval) program(p jurisdiction.Program, entry ccl.Entry, onCCL bool) Finding {
	f := Finding{Kind: FromProgram, Row: -1, InScope: ear.Yes, Citation: p.Citation}
	title := p.Title
	if onCCL {
		f.Covers = ear.Yes
		switch p.CCL {
		case jurisdiction.CCLAll:
			f.Required = ear.Yes
			f.Why = fmt.Sprintf("%s (%s): a license is required for every item on the CCL", title, p.Citation)
		case jurisdiction.CCLAllExceptCommsSoftware:
			f.Required = ear.Yes
			f.Why = fmt.Sprintf("%s (%s): a license is required for every item on the CCL", title, p.Citation)
			if eccn5D992c.Covers(ev.q.ECCN) || ev.q.ECCN.Covers(eccn5D992c) {
				f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
				f.Why += ", except software necessary to enable the exchange of personal communications over the internet (5D992.c)"
				f.Missing = []string{"item: whether the software is the personal-communications software 746.6(a) excepts"}
			}
		case jurisdiction.CCLCategories3to9:
			if c := ev.q.ECCN.Category(); c >= 3 && c <= 9 {
				f.Required = ear.Yes
				f.Why = fmt.Sprintf("%s (%s): a license is required for every item on the CCL in Categories 3 to 9", title, p.Citation)
			} else {
				f.Covers, f.Required = ear.No, ear.No
				f.Why = fmt.Sprintf("%s (%s): items of Categories 0 to 2 need a license only as the Country Chart requires", title, p.Citation)
			}
		case jurisdiction.CCLChartColumnOrListed:
			hasColumn := false
			for _, c := range entry.AllControls() {
				if c.DestinationRule().Kind() == ccl.RuleColumn {
					hasColumn = true
					break
				}
			}
			listed := false
			for _, s := range p.Listed {
				if l, err := product.ParseECCN(s); err == nil && (l.Covers(ev.q.ECCN) || l.Entry() == ev.q.ECCN.Entry() && ev.q.ECCN.Covers(l)) {
					listed = true
				}
			}
			switch {
			case hasColumn || listed:
				f.Required = ear.Yes
				f.Why = fmt.Sprintf("%s (%s): a license is required for every CCL item whose License Requirements name a chart column, or that is listed", title, p.Citation)
			default:
				// Conservative: an entry with no chart column that the
				// program does not list is left open, not cleared.
				f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
				f.Why = fmt.Sprintf("%s (%s): %s names no chart column and is not listed; the program's reach is not decided by the tables", title, p.Citation, ev.q.ECCN.Entry())
				f.Missing = []string{"eccn: whether " + p.Citation + " reaches this entry"}
			}
		case jurisdiction.CCLControlledFor:
			f = ev.controlledFor(p, entry, f)
		case jurisdiction.CCLListedForEndUse:
			f = ev.listedForEndUse(p, f)
		default:
			f.Required = ear.Indeterminate
			f.Why = fmt.Sprintf("%s (%s): scope of CCL items not in the tables", title, p.Citation)
			f.Missing = []string{"destination: the " + p.Citation + " scope"}
		}
	} else {
		switch p.EAR99 {
		case jurisdiction.EAR99All:
			f.Covers, f.Required = ear.Yes, ear.Yes
			f.Why = fmt.Sprintf("%s (%s): a license is required for every item subject to the EAR, EAR99 included", title, p.Citation)
		case jurisdiction.EAR99ExceptFoodMedicine, jurisdiction.EAR99ExceptFoodMedicineCommsSoftware:
			v, given := ev.q.FoodOrMedicine.Get()
			switch {
			case !given:
				f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
				f.Why = fmt.Sprintf("%s (%s): a license is required for EAR99 items other than food and medicine; whether the item is food or medicine is not given", title, p.Citation)
				f.Missing = []string{"item.food_or_medicine"}
			case v:
				f.Covers, f.Required = ear.No, ear.No
				f.Why = fmt.Sprintf("%s (%s): EAR99 food and medicine are excepted", title, p.Citation)
			default:
				f.Covers, f.Required = ear.Yes, ear.Yes
				f.Why = fmt.Sprintf("%s (%s): a license is required for EAR99 items other than food and medicine", title, p.Citation)
				if p.EAR99 == jurisdiction.EAR99ExceptFoodMedicineCommsSoftware {
					f.Why += " (and other than the personal-communications software 746.6(a) excepts)"
				}
			}
		case jurisdiction.EAR99Listed:
			f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
			lists := strings.Join(p.EAR99List, "; ")
			if ev.q.HTS.IsValid() {
				f.Why = fmt.Sprintf("%s (%s): a license is required for the EAR99 items listed in %s; whether HTS %s is listed is not in the tables", title, p.Citation, lists, ev.q.HTS)
				f.Missing = []string{"item.hts: whether " + ev.q.HTS.String() + " is listed in " + lists}
			} else {
				f.Why = fmt.Sprintf("%s (%s): a license is required for the EAR99 items listed (mostly by HTS code) in %s; the item's HTS code is not given", title, p.Citation, lists)
				f.Missing = []string{"item.hts"}
			}
			if p.EndUse != "" {
				f.Why += endUseWhy(p)
				f.Missing = append(f.Missing, endUseMissing(p))
			}
		default:
			f.Covers, f.Required = ear.No, ear.No
			f.Why = fmt.Sprintf("%s (%s): no license requirement for EAR99 items", title, p.Citation)
		}
	}
	return f
}

// controlledFor reads a program of CCLControlledFor (Iraq, 746.3(a)(1) to
// (a)(3), jurisdiction.Program.Paragraphs) for the item: Yes if the item's
// ECCN is within an ECCN a paragraph names, or the item is controlled for
// one of a paragraph's reasons (reasonControl); Indeterminate if that turns
// on the item's paragraph or what it is for; No otherwise. The chart's
// columns for the destination and the destinations the entry's rows name
// play no part: "any item controlled on the Commerce Control List for NS,
// MT, NP, CW, CB, RS, CC, EI, SI, or SL reasons" (746.3(a)(1)) is read of
// the entry (a reading chosen, conservative; see the program's Notes).
// Before cclRowsFrom the entry's rows of that date are not held: a No
// stays open.
func (ev *chartEval) controlledFor(p jurisdiction.Program, entry ccl.Entry, f Finding) Finding {
	item := ev.q.ECCN
	var yesCite, openCite string
	var yes, open, missing []string
	for _, para := range p.Paragraphs {
		if len(para.ECCNs) > 0 {
			for _, s := range para.ECCNs {
				if l, err := product.ParseECCN(s); err == nil && l.Covers(item) {
					yesCite = cmp.Or(yesCite, para.Citation)
					yes = append(yes, fmt.Sprintf("%s names %s (%s reasons), whatever the entry's rows print: %q", para.Citation, l, strings.Join(para.Reasons, ", "), para.Text))
				}
			}
			continue
		}
		for _, rs := range para.Reasons {
			r, err := ccl.ParseReason(rs)
			if err != nil {
				continue
			}
			switch a, why, miss := ev.reasonControl(entry, r); a {
			case ear.Yes:
				yesCite = cmp.Or(yesCite, para.Citation)
				yes = append(yes, fmt.Sprintf("%s (%s: %q)", why, para.Citation, para.Text))
			case ear.Indeterminate:
				openCite = cmp.Or(openCite, para.Citation)
				open = append(open, fmt.Sprintf("%s (%s: %q)", why, para.Citation, para.Text))
				missing = append(missing, miss)
			}
		}
	}
	title := fmt.Sprintf("%s (%s)", p.Title, p.Citation)
	switch {
	case len(yes) > 0:
		f.Citation = yesCite
		f.Covers, f.Required = ear.Yes, ear.Yes
		f.Why = title + ": a license is required: " + strings.Join(yes, "; ") + " (read of the entry, whatever the chart's columns for the destination and the destinations its rows name: conservative)"
	case len(open) > 0:
		f.Citation = openCite
		f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
		f.Why = title + ": a license is required if " + strings.Join(open, "; or if ")
		f.Missing = missing
	default:
		f.Covers, f.Required = ear.No, ear.No
		var rs []string
		for _, para := range p.Paragraphs {
			if len(para.ECCNs) == 0 {
				rs = append(rs, para.Reasons...)
			}
		}
		f.Why = fmt.Sprintf("%s: %s is controlled on the CCL for none of the reasons %s and is in none of the ECCNs it names", title, item, strings.Join(rs, ", "))
		if ev.q.AsOf.Before(cclRowsFrom) {
			// The entry's reasons on that date are not held (cclRowsFrom):
			// today's entry controlling the item for none of them does not
			// decide an earlier date.
			f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
			f.Why += fmt.Sprintf("; but the CCL rows of %s as of %s are not modelled (today's rows are read, from %s): they do not decide an earlier date", item.Entry(), ev.q.AsOf, ccl.Date())
			f.Missing = []string{fmt.Sprintf("eccn: the reasons for control of %s as of %s (not modelled before %s)", item.Entry(), ev.q.AsOf, cclRowsFrom)}
		}
	}
	return f
}

// reasonControl answers whether the item is controlled on the CCL for
// reason r, as its entry prints it: Yes if a License Requirements row of
// r reaches the item (Control.AppliesToFor), whatever destinations the row
// names, or if the entry's Reason for Control line names r and no row of r
// is printed (1C395, CB); a row that only its words qualify (Conditional,
// such as the CW rows of 1C355 and 1C395, "to States not Party to the
// CWC") and whose paragraph scope is the entire entry is read as reaching
// the item (conservative); Indeterminate if a row may reach it (the
// item's paragraph, or what software or technology is for, decides); No
// if no row of r reaches it. It returns the answer, the sentence saying
// why and, when open, the missing fact.
func (ev *chartEval) reasonControl(entry ccl.Entry, r ccl.Reason) (ear.Answer, string, string) {
	item := ev.q.ECCN
	ans, rows := ear.No, 0
	var open ccl.Control
	for _, c := range entry.AllControls() {
		if c.Reason() != r {
			continue
		}
		rows++
		a := c.AppliesToFor(item, ev.q.For)
		if a == ear.Indeterminate && c.Conditional() && c.Scope() == ccl.ScopeEntire && len(c.For()) == 0 && len(c.ExceptFor()) == 0 {
			a = ear.Yes
		}
		if a == ear.Yes {
			return ear.Yes, fmt.Sprintf("%s is controlled for %s reasons (the %s row of %s: %s)", item, r, r, item.Entry(), c.String()), ""
		}
		if a == ear.Indeterminate && ans == ear.No {
			ans, open = ear.Indeterminate, c
		}
	}
	if rows == 0 {
		if slices.Contains(entry.Reasons(), r) {
			return ear.Yes, fmt.Sprintf("the Reason for Control line of %s names %s (no row of %s is printed; read as controlling the whole entry)", item.Entry(), r, r), ""
		}
		return ear.No, "", ""
	}
	if ans == ear.Indeterminate {
		if len(open.For()) > 0 && !ev.q.For.IsValid() {
			return ans, fmt.Sprintf("%s is within the %s row of %s (%s)", item, r, item.Entry(), open.String()),
				fmt.Sprintf("for: what the item is for (the %s row of %s is limited to it)", r, item.Entry())
		}
		return ans, fmt.Sprintf("%s is within the %s row of %s (%s)", item, r, item.Entry(), open.String()),
			fmt.Sprintf("eccn: whether %s is within the %s row of %s (%s)", item, r, item.Entry(), open.String())
	}
	return ear.No, "", ""
}

// listedForEndUse reads a program of CCLListedForEndUse (746.5(a)(1)(i),
// Russia) for a CCL item: never No. An item of a named ECCN needs a
// license for the program's end use, which the request cannot state; any
// other CCL item may be on the program's supplement (by Schedule B or HTS
// number, not in the tables), and then likewise. With an HTS code given
// the answer is still open: the supplement is not held, so no code can be
// found on it or off it (a reading chosen, conservative).
func (ev *chartEval) listedForEndUse(p jurisdiction.Program, f Finding) Finding {
	title := fmt.Sprintf("%s (%s)", p.Title, p.Citation)
	lists := strings.Join(p.EAR99List, "; ")
	f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
	named := ""
	for _, s := range p.Listed {
		if l, err := product.ParseECCN(s); err == nil && (l.Covers(ev.q.ECCN) || ev.q.ECCN.Covers(l)) {
			named = l.String()
			break
		}
	}
	switch {
	case named != "":
		f.Covers = ear.Yes
		f.Why = fmt.Sprintf("%s: the program names ECCN %s", title, named)
	case ev.q.HTS.IsValid():
		f.Why = fmt.Sprintf("%s: the program reaches the items listed in %s; whether HTS %s is listed is not in the tables (the supplement is not held)", title, lists, ev.q.HTS)
		f.Missing = []string{"item.hts: whether " + ev.q.HTS.String() + " is listed in " + lists}
	default:
		f.Why = fmt.Sprintf("%s: the program reaches the items listed (by Schedule B or HTS number) in %s; the item's HTS code is not given", title, lists)
		f.Missing = []string{"item.hts"}
	}
	if p.EndUse != "" {
		f.Why += endUseWhy(p)
		f.Missing = append(f.Missing, endUseMissing(p))
	}
	return f
}

// endUseWhy and endUseMissing say that a program's requirement turns on
// an end use the request cannot state (jurisdiction.Program.EndUse).
func endUseWhy(p jurisdiction.Program) string {
	return "; a license is required only for " + p.EndUse + ", an end use the request cannot state: open, never no"
}

func endUseMissing(p jurisdiction.Program) string {
	return "end_uses: whether the item is for " + p.EndUse + " (the wire format has no such end use)"
}

// iraqMilitaryEndUse746_3 is 15 CFR 746.3(a)(4), the Iraq military end-use
// and end-user rule, in force since the Iraq rule of 2004-07-30 (69 FR
// 46069, 46077; the section's source note "[69 FR 46077, July 30, 2004, as
// amended at ... 85 FR 4177, Jan. 23, 2020]"), so on every date the SDK
// answers for (from 2020-01-01). Text read: the sections of part 746 of
// mid-2024 (ConnorCallison/ecfr-opportunities,
// libs/ecfr-markdown/src/results/markdown/title-15/chapter-VII.md):
//
//	"(4) A license is required for the export or reexport to Iraq or
//	transfer within Iraq of any item subject to the EAR if, at the time of
//	the export, reexport or transfer, you know, have reason to know, or are
//	informed by BIS that the item will be, or is intended to be, used for a
//	"military end-use" or by a "military end-user", as defined in this
//	section. This license requirement does not apply to exports, reexports
//	or transfers of items for the official use by personnel and agencies of
//	the U.S. Government or exports, reexports or transfers to the
//	Government of Iraq."
//
// and 746.3(c): "You may export or reexport without a license if your
// transaction meets all the requirements of any of the following License
// Exceptions: CIV, APP, TMP, RPL, GOV, GFT, TSU, BAG, AVS, or ENC. ...
// Notwithstanding the above, this paragraph may not be applied to exports
// or reexports that require a license under paragraph (a)(4) of this
// section." The requirement is recorded as an end-use requirement that no
// License Exception overcomes (license/exception, BasisPart744).
//
// Readings chosen (conservative): the request's "military_end_use" and
// "military_end_user", and a party on the Military End-User List (a
// military end user under 744.21(g)), are read as a 746.3(a)(4)(i)
// "military end-use" (USML or Wassenaar munitions items) and a (a)(4)(ii)
// "military end-user"; an end use located in Iraq brings the rule in
// whatever the destination (the item is bound for Iraq). The carve-out for
// the official use of U.S. Government personnel and agencies is not
// modelled (the license stays required); the carve-out for exports to the
// Government of Iraq is applied when every end user declares
// government_of "IQ" and no party is on the Military End-User List.
var iraqMilitaryEndUse746_3 = struct {
	citation  string
	effective jurisdiction.Date // 2004-07-30 (69 FR 46069); before the SDK's floor
	source    []fdp.Source
}{
	citation:  "15 CFR 746.3(a)(4)",
	effective: jurisdiction.MustParseDate("2004-07-30"),
	source: []fdp.Source{
		{Basis: fdp.TextRead, Ref: "15 CFR 746.3 of mid-2024, a copy of the sections of parts 745-791 (source note ends 85 FR 4177, 2020-01-23)", Note: "(a)(4) and (c) as quoted"},
		{Basis: fdp.Reported, Ref: "69 FR 46069 (2004-07-30), effective 2004-07-30; BIS Iraq country guidance", Note: "the Iraq rule that wrote 746.3; the guidance lists the military end-use and end-user requirement; which paragraph 85 FR 4177 (the firearms rule, effective 2020-03-09) amended was not read"},
	},
}

// iraqMilitaryEndUse adds the requirement of 746.3(a)(4)
// (iraqMilitaryEndUse746_3): for an export to or transfer within Iraq, a
// declared military end use or end user, or a party the screening puts on
// the Military End-User List; open when the end uses are not given.
func (l *reasonList) iraqMilitaryEndUse(in licenseInput, meuParties, possibleMEU []string) {
	r := &iraqMilitaryEndUse746_3
	if in.asOf.Before(r.effective) {
		return
	}
	// An end user in Iraq brings the item there, whatever the route
	// (conservative, as 744.21 reads an end user's country).
	toIraq := in.destination.Country.TablesAs() == jurisdiction.Iraq
	if in.parties.Known() {
		for _, p := range in.parties.list.items {
			toIraq = toIraq || p.Role == RoleEndUser && p.Country.TablesAs() == jurisdiction.Iraq
		}
	}
	locatedInIraq := false
	if in.endUses.Known() {
		for _, f := range in.endUses.list.items {
			if (f.Use == fdp.EndUseMilitaryEndUse || f.Use == fdp.EndUseMilitaryEndUser) && f.LocatedIn.TablesAs() == jurisdiction.Iraq {
				locatedInIraq = true
			}
		}
	}
	if !toIraq && !locatedInIraq {
		return
	}
	const yes = "a license is required for any item subject to the EAR, and no license exception may be used (746.3(c))"
	if i, ok := governmentOfIraqEndUser(in.parties); ok && len(meuParties) == 0 && len(possibleMEU) == 0 {
		l.add(r.citation, ear.No, fmt.Sprintf("the end users are the Government of Iraq (parties[%d].government_of and every other end user): 746.3(a)(4) does not apply to exports, reexports or transfers to the Government of Iraq; the answer rests on that declaration", i))
		return
	}
	added := false
	if toIraq {
		for _, what := range meuParties {
			added = true
			l.add(r.citation, ear.Yes, fmt.Sprintf("%s, for an export to or transfer within Iraq: %s", what, yes))
		}
		for _, what := range possibleMEU {
			added = true
			l.add(r.citation, ear.Indeterminate, fmt.Sprintf("%s, for an export to or transfer within Iraq: if it is the listed military end user, %s", what, yes))
			l.need("parties", "whether a party is the listed military end user its name is like (746.3(a)(4))")
		}
	}
	if !in.endUses.Known() {
		if toIraq {
			l.add(r.citation, ear.Indeterminate, "the end uses are not given: a military end use or end user in Iraq requires a license for any item subject to the EAR (746.3(a)(4))")
			l.need("end_uses", "a military end use or end user requires a license for any item subject to the EAR to Iraq (746.3(a)(4))")
		}
		return
	}
	for i, f := range in.endUses.list.items {
		if f.Use != fdp.EndUseMilitaryEndUse && f.Use != fdp.EndUseMilitaryEndUser {
			continue
		}
		at := ""
		switch {
		case f.LocatedIn.IsValid() && f.LocatedIn.TablesAs() == jurisdiction.Iraq:
			at = fmt.Sprintf("located in Iraq (end_uses[%d].located_in)", i)
		case toIraq:
			at = "for an export to or transfer within Iraq"
		default:
			continue
		}
		added = true
		l.add(r.citation, ear.Yes, fmt.Sprintf("a %s (end_uses[%d]) %s, read as a 746.3(a)(4) %q: %s", f.Use, i, at, pick(f.Use == fdp.EndUseMilitaryEndUse, "military end-use", "military end-user"), yes))
	}
	if !added && toIraq {
		l.add(r.citation, ear.No, "no military end use or end user is declared for the export to Iraq (end_uses, parties): 746.3(a)(4) does not apply; the answer rests on those declarations")
	}
}

// governmentOfIraqEndUser reports whether the parties name at least one
// end user and every end user declares government_of Iraq, with the index
// of the first.
func governmentOfIraqEndUser(ps Parties) (int, bool) {
	first := -1
	for i, p := range ps.list.items {
		if p.Role != RoleEndUser {
			continue
		}
		if p.GovernmentOf.TablesAs() != jurisdiction.Iraq {
			return 0, false
		}
		if first < 0 {
			first = i
		}
	}
	return first, first >= 0
}

// foodOrMedicineOf returns what the request says of whether an item or
// line of kind k is food or medicine, the Part 746 EAR99 exceptions for
// "food and medicine" (746.4(a), 746.6(a)(1), 746.9): software and
// technology are neither, so for them a fact not given is false.
func foodOrMedicineOf(k product.Kind, f product.OptBool) product.OptBool {
	if !f.Given() && (k == product.Software || k == product.Technology) {
		return product.BoolFalse
	}
	return f
}
