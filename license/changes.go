package license

import (
	"cmp"
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product/ccl"
)

// Change is one dated change of the rules or tables the SDK knows: a rule
// or a version of it entering into force or leaving it, a country group's
// membership, a Part 746 program's version, a de minimis category, a
// License Exception or a restriction on them.
type Change struct {
	// Effective is the first day of the change.
	Effective jurisdiction.Date
	// Kind is what kind of data changed: "fdp_rule", "affiliates",
	// "compliance_date" (an FDP rule's; the SDK applies rules from their
	// effective dates), "ai_diffusion", "de_minimis_category", "exception", "restriction",
	// "exception_list" (a Part 746 list of exceptions), "license_requirement"
	// (an end-user rule of part 744 or 746 entering into force), "country_group",
	// "country_chart" (a cell of the Commerce Country Chart), "ccl_entry"
	// (an entry or paragraph entering the CCL), "program" (a
	// Part 746 program version) or "destination".
	Kind string
	// Provision is what changed: "15 CFR 734.9(k)", "Supp. No. 1 to part
	// 740, D:5".
	Provision string
	// What says the change in words.
	What string
	// Source is the Federal Register rule or the text read, as the data
	// records it ("" when it records none).
	Source string
}

// Changes returns every dated change the SDK knows from from to to, both
// included, in date order (then by provision): the FDP rules of
// fdp.Default (their versions, predecessors, compliance dates), the
// affiliates rule and the AI diffusion amendments, the de minimis
// categories, the License Exceptions, the restrictions of 740.2 and the
// Part 746 lists of exceptions, the country-group changes and the Part 746
// program versions, and Hong Kong read as China. A fact in force since
// before 2020-01-01 with no recorded date is not a change.
func Changes(from, to jurisdiction.Date) []Change {
	var out []Change
	kind := ""
	add := func(d jurisdiction.Date, prov, what, src string) {
		if d.IsValid() && !d.Before(from) && !d.After(to) && !d.Before(supportedFrom) {
			out = append(out, Change{Effective: d, Kind: kind, Provision: prov, What: what, Source: src})
		}
	}
	kind = "fdp_rule"
	rules := fdp.Default()
	for _, r := range rules.Rules() {
		src := frSources(r.Provenance)
		add(r.Effective, r.Citation.String(), r.Title+": in force (this version)", src)
		kind = "compliance_date"
		add(r.Compliance, r.Citation.String(), r.Title+": compliance date (the rule is applied from its effective date)", src)
		kind = "fdp_rule"
		add(r.Until, r.Citation.String(), r.Title+": this version ends", src)
		if r.Predecessor.IsValid() {
			add(r.PredecessorFrom, r.Predecessor.String(), r.Title+": in force at "+r.Predecessor.String(), src)
		}
	}
	kind = "affiliates"
	first, resumes := fdp.Affiliates()
	add(first.From, "15 CFR 744.11", "affiliates rule (50 percent) in force", "90 FR 47201")
	add(first.Until, "15 CFR 744.11", "affiliates rule suspended", "90 FR 47201; suspension rule")
	add(resumes, "15 CFR 744.11", "affiliates rule back in force, as the suspension rule is written", "90 FR 47201; suspension rule")
	kind = "ai_diffusion"
	add(fdp.AIDiffusionEffective(), "15 CFR 734.9(h), (l); 740.27, 740.28", "AI diffusion amendments in force (codified reading)", "90 FR 4544")
	kind = "license_requirement"
	hq := &headquarters744_23
	add(hq.effective, hq.citation, "license requirement for advanced computing items for an entity headquartered in Macau or D:5, wherever located", frSources(hq.provenance))
	add(hq.exceptionsFrom, "15 CFR 744.23(c)", "the license exceptions of 740.2(a)(9)(ii) may overcome 744.23(a)(3)(i) (not evaluated: none found available)", frSources(hq.provenance))
	kind = "de_minimis_category"
	for _, c := range deMinimisCategories {
		if c.effective != dmFloor {
			add(c.effective, c.citation, c.title+": in force", c.source)
		}
	}
	kind = "exception"
	for _, x := range exception.Exceptions() {
		src := frSources(x.Provenance)
		add(x.Effective, x.Citation.String(), "License Exception "+x.Code.String()+" in the EAR", src)
		add(x.Until, x.Citation.String(), "License Exception "+x.Code.String()+" removed", src)
	}
	kind = "restriction"
	for _, r := range exception.Restrictions() {
		add(r.Effective, r.Citation.String(), "this version in force: "+r.Text, "")
	}
	kind = "exception_list"
	for _, p := range exception.ProgramRules() {
		add(p.Effective, p.Citation.String(), "this version of the license exceptions listed for "+p.Program.String(), frSources(p.Provenance))
		add(p.Until, p.Citation.String(), "this version of the license exceptions listed for "+p.Program.String()+" ends", frSources(p.Provenance))
	}
	kind = "country_group"
	for _, g := range jurisdiction.GroupChanges() {
		what := fmt.Sprintf("%s (%s) added to Country Group %s", g.Country.Name(), g.Country, g.Group)
		switch g.Change {
		case jurisdiction.GroupRemoved:
			what = fmt.Sprintf("%s (%s) removed from Country Group %s", g.Country.Name(), g.Country, g.Group)
		case jurisdiction.GroupUnknown:
			what = fmt.Sprintf("%s (%s) in Country Group %s from this date at the latest; its groups before are not modelled", g.Country.Name(), g.Country, g.Group)
		}
		add(g.Effective, "Supp. No. 1 to part 740, "+g.Group.String(), what, g.Citation)
	}
	kind = "country_chart"
	for _, c := range jurisdiction.ChartChanges() {
		row := "every row"
		if c.Country.IsValid() {
			row = c.Country.Name() + " (" + c.Country.String() + ")"
		}
		prov := "Supp. No. 1 to part 738, " + c.Column.String()
		switch c.Change {
		case jurisdiction.ChartMarkAdded:
			add(c.Effective, prov, fmt.Sprintf("%s: X added in column %s", row, c.Column), c.Citation)
		case jurisdiction.ChartMarkRemoved:
			add(c.Effective, prov, fmt.Sprintf("%s: X removed from column %s", row, c.Column), c.Citation)
		case jurisdiction.ChartCellUnknown:
			if c.Until.IsValid() {
				add(c.Effective, prov, fmt.Sprintf("%s: column %s changed, cells not known until %s", row, c.Column, c.Until), c.Citation)
				add(c.Until, prov, fmt.Sprintf("%s: column %s as printed again", row, c.Column), c.Citation)
			} else {
				add(c.Effective, prov, fmt.Sprintf("%s: column %s changed; its cell before is not known", row, c.Column), c.Citation)
			}
		}
	}
	kind = "ccl_entry"
	for _, e := range ccl.NewEntries() {
		add(e.Since, "Supp. No. 1 to part 774, "+e.ECCN.String(), e.ECCN.String()+" enters the Commerce Control List", e.Citation)
	}
	kind = "program"
	progs := jurisdiction.Programs()
	for _, p := range progs {
		if p.Period.From != jurisdiction.ProgramHistoryFloor() {
			add(p.Period.From, p.Citation, p.Title+": this version in force", p.Source)
		}
		if p.Period.Until.IsValid() && !slices.ContainsFunc(progs, func(q jurisdiction.Program) bool { return q.ID == p.ID && q.Period.From == p.Period.Until }) {
			add(p.Period.Until, p.Citation, p.Title+": ends", p.Source)
		}
	}
	kind = "destination"
	if cite, since := jurisdiction.HongKong.TablesAsCitation(); since.IsValid() {
		add(since, "Supp. No. 1 to part 740; Supp. No. 1 to part 738", "Hong Kong read as China (no separate entry)", cite)
	}
	slices.SortStableFunc(out, func(a, b Change) int {
		return cmp.Or(a.Effective.Compare(b.Effective), strings.Compare(a.Provision, b.Provision))
	})
	return out
}

// frSources joins the Federal Register rules a provenance names (the
// references that are FR citations, "87 FR 6022 (2022-02-03)").
func frSources(ss []fdp.Source) string {
	var out []string
	for _, s := range ss {
		vol, rest, ok := strings.Cut(s.Ref, " FR ")
		if ok && vol != "" && strings.Trim(vol, "0123456789") == "" && rest != "" && !slices.Contains(out, s.Ref) {
			out = append(out, s.Ref)
		}
	}
	return strings.Join(out, "; ")
}
