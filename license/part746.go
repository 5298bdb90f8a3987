package license

import (
	"fmt"
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
		default:
			f.Covers, f.Required = ear.No, ear.No
			f.Why = fmt.Sprintf("%s (%s): no license requirement for EAR99 items", title, p.Citation)
		}
	}
	return f
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
	toIraq := in.destination.Country.TablesAs() == jurisdiction.Iraq
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
