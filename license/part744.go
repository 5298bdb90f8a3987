package license

import (
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// Part 744 as this package reads it: the Entity List (744.11) with the
// Denied Persons List of General Prohibition Four (736.2(b)(4)), the
// military end-use and end-user rule (744.21) and the supercomputer and
// advanced-node rule (744.23). Each list is dated data with its source.

// militaryEndUse744_21 are the countries of 15 CFR 744.21(a), each from the
// day it is in the list, and whether the rule reaches any item subject to
// the EAR there or only the items of Supplement No. 2 to part 744. The text
// of 2022-03-08 (87 FR 13059): "any item subject to the EAR listed in
// supplement no. 2 to this part to Burma, Cambodia, the People's Republic
// of China (China), or Venezuela, or any item "subject to the EAR," ... for a
// 'military end use' or a 'military end user' in Belarus, Burma, Cambodia,
// China, the Russian Federation, or Venezuela."
var militaryEndUse744_21 = []struct {
	place   fdp.Place
	anyItem bool // any item subject to the EAR; else the items of Supp. No. 2 to part 744
	source  fdp.Source
}{
	{fdp.Place{Country: jurisdiction.China}, false, fdp.Source{Basis: fdp.Reported, Ref: "85 FR 23463 (2020-04-28); in the rule since 72 FR 33646 (2007)"}},
	{fdp.Place{Country: jurisdiction.Venezuela}, false, fdp.Source{Basis: fdp.Reported, Ref: "85 FR 23463 (2020-04-28)"}},
	{fdp.Place{Country: jurisdiction.Russia, Until: jurisdiction.MustParseDate("2022-02-24")}, false, fdp.Source{Basis: fdp.Reported, Ref: "85 FR 23463 (2020-04-28)"}},
	{fdp.Place{Country: jurisdiction.Russia, From: jurisdiction.MustParseDate("2022-02-24")}, true, fdp.Source{Basis: fdp.Reported, Ref: "87 FR 12226 (2022-03-03), effective 2022-02-24: any item"}},
	{fdp.Place{Country: jurisdiction.Belarus, From: jurisdiction.MustParseDate("2022-03-02")}, true, fdp.Source{Basis: fdp.Reported, Ref: "87 FR 13048 (2022-03-08), effective 2022-03-02: any item"}},
	{fdp.Place{Country: jurisdiction.MustParseCountry("MM"), From: jurisdiction.MustParseDate("2021-03-08")}, false, fdp.Source{Basis: fdp.Reported, Ref: "86 FR 13173 (2021-03-08, \"Burma: Implementation of Sanctions\"), effective 2021-03-08", Note: "the date from the Federal Register listing and law-firm summaries; the amending text was not read"}},
	{fdp.Place{Country: jurisdiction.MustParseCountry("KH"), From: jurisdiction.MustParseDate("2021-12-09")}, false, fdp.Source{Basis: fdp.Reported, Ref: "86 FR 70015 (2021-12-09, \"Revision of Controls for Cambodia Under the Export Administration Regulations\"), effective 2021-12-09", Note: "the date from the Federal Register listing and law-firm summaries; the amending text was not read"}},
	{fdp.Place{Country: jurisdiction.MustParseCountry("NI"), From: jurisdiction.MustParseDate("2024-03-15")}, false, fdp.Source{Basis: fdp.Reported, Ref: "89 FR 18780 (2024-03-15)", Note: "the 2024 wording was not read; Nicaragua is read with the Supp. No. 2 countries"}},
}

// militaryEndUseReach answers whether 744.21 reaches the destination on the
// date: found, and whether for any item.
func militaryEndUseReach(c jurisdiction.Country, asOf jurisdiction.Date) (in, anyItem bool) {
	for _, m := range militaryEndUse744_21 {
		if (fdp.Places{Places: []fdp.Place{m.place}}).Includes(jurisdiction.Destination{Country: c}, 0, asOf) {
			return true, m.anyItem
		}
	}
	return false, false
}

// supercomputer744_23From is the day 744.23 (supercomputer and
// semiconductor manufacturing end uses) came into the EAR: 87 FR 62186
// (2022-10-13), DATES: "Effective on October 7, 2022, are the following
// instructions: ... 17 (Sec. 744.23)" (as reported; the 2022 text of 744.23
// was not read). Its place scope before the text of 88 FR 73449 (effective
// 2023-11-17) is not read either: Macau and D:5 are read from 2022-10-07
// (broader than the PRC the summaries report).
var supercomputer744_23From = jurisdiction.MustParseDate("2022-10-07")

// macauOrD5 is the place scope of 744.23(a)(1) and (a)(2): "Macau or a
// destination specified in Country Group D:5" (text of 2024-04-04).
var macauOrD5 = fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Macau}}, Groups: []jurisdiction.Group{jurisdiction.GroupD5}}

// The item scope of 744.23(a)(1)(i), as of 2024-04-04: "(A) An integrated
// circuit (IC) subject to the EAR and specified in ECCN 3A001, 3A991,
// 4A994, 5A002, 5A004, or 5A992; or (B) A computer, "electronic assembly," or
// "component" subject to the EAR and specified in ECCN 4A003, 4A004, 4A994,
// 5A002, 5A004, or 5A992."
var (
	supercomputerICs744_23   = parseECCNs("3A001", "3A991", "4A994", "5A002", "5A004", "5A992")
	supercomputerParts744_23 = parseECCNs("4A003", "4A004", "4A994", "5A002", "5A004", "5A992")
)

// supercomputerItem answers whether the item is within the item scope of
// 744.23(a)(1)(i).
func supercomputerItem(e product.ECCN) ear.Answer {
	if !e.IsValid() {
		return ear.Indeterminate
	}
	if e.IsEAR99() {
		return ear.No
	}
	if k := e.Kind(); k == product.Software || k == product.Technology {
		return ear.No
	}
	part := eccnIn(e, supercomputerParts744_23)
	ic := eccnIn(e, supercomputerICs744_23).And(ccl.IntegratedCircuit(e))
	return part.Or(ic)
}

// entityList adds the requirements of the Entity List (744.11) and of the
// Denied Persons List (736.2(b)(4)) for the parties, and returns the
// parties the screening list puts on the Military End-User List (they are
// military end users under 744.21(g)).
//
// It returns the parties that are military end users (on the Military
// End-User List, or owned by listed ones), and those whose names are like
// a listed one, described, with where each is (the party's country, the
// zero Country when not given), aligned.
func (l *reasonList) entityList(in licenseInput) (meuParties, possibleMEU []string, meuIn, possibleIn []jurisdiction.Country) {
	// A listed party (any footnote declared) makes every item subject to
	// the EAR licensable (744.11(a); the license requirement column of
	// Supplement No. 4 to part 744 reads "for all items subject to the
	// EAR" for the footnoted entries).
	if !in.parties.Known() {
		l.add("15 CFR 744.11", ear.Indeterminate, "the parties are not given: whether any is on the Entity List is unknown")
		l.need("parties", "a party on the Entity List requires a license for every item subject to the EAR (744.11)")
		return nil, nil, nil, nil
	}
	statuses, warning := partyStatuses(in.parties, in.asOf, in.options)
	if warning != "" {
		warning = " (" + warning + ")"
	}
	listed := false
	for i, p := range in.parties.list.items {
		var d csl.Designations
		if i < len(in.designations) {
			d = in.designations[i].Designations
		}
		st := statuses[i]
		who := fmt.Sprintf("%s (%s)", partyLabel(p), p.Role)
		if d.OnList(csl.DeniedPersons) {
			listed = true
			l.add("15 CFR 736.2(b)(4)", ear.Yes, fmt.Sprintf("%s is on the Denied Persons List (%s): General Prohibition Four bars dealing with a denied person in any item subject to the EAR", who, d.Source))
		}
		switch {
		case st.meu:
			meuParties = append(meuParties, who+" is on the Military End-User List, a military end user")
			meuIn = append(meuIn, p.Country)
		case st.inheritMEU:
			meuParties = append(meuParties, who+" is "+st.affiliate+warning+", a military end user")
			meuIn = append(meuIn, p.Country)
		}
		switch {
		case st.sdn:
			listed = true
			l.add("15 CFR 744.8", ear.Yes, who+" is on the SDN list under a program 744.8 names: a license is required for any item subject to the EAR (conservative reading)")
		case st.inheritSDN:
			listed = true
			l.add("15 CFR 744.8", ear.Yes, who+" is "+st.affiliate+warning+": a license is required for any item subject to the EAR (conservative reading)")
		}
		switch {
		case len(p.EntityListFootnotes) > 0:
			listed = true
			fns := make([]string, len(p.EntityListFootnotes))
			for i, n := range p.EntityListFootnotes {
				fns[i] = fmt.Sprint(n)
			}
			l.add("15 CFR 744.11(a)", ear.Yes, fmt.Sprintf("%s is on the Entity List (footnote %s): a license is required for all items subject to the EAR", who, strings.Join(fns, ", ")))
		case st.entityList:
			listed = true
			src := "declared"
			if d.Source == csl.SourceIndex || d.Source == csl.SourceScreening {
				src = d.Source.String()
			}
			l.add("15 CFR 744.11(a)", ear.Yes, fmt.Sprintf("%s is on the Entity List (%s): a license is required for the items its entry names (read conservatively as all items subject to the EAR)", who, src))
		case st.inheritEntityList:
			listed = true
			l.add("15 CFR 744.11(a)", ear.Yes, who+" is "+st.affiliate+warning+": a license is required for all items subject to the EAR")
		case st.possibleEntityList || st.possibleDenied:
			// A name like a listed one is never a clearance: the answer is
			// open until a person confirms or rules out the match.
			listed = true
			l.add("15 CFR 744.11(a)", ear.Indeterminate, who+": "+st.possibly()+"; confirm whether it is the listed party")
			l.need(fmt.Sprintf("parties[%d]", i), "whether the party is the listed party its name is like (744.11)")
		}
		if st.possibleMEU && !st.meu && !st.inheritMEU {
			possibleMEU = append(possibleMEU, who+": "+st.possibly())
			possibleIn = append(possibleIn, p.Country)
		}
	}
	if !listed {
		src := "the parties' own declarations (no screening list was consulted)"
		if in.designations != nil {
			src = "the parties' declarations and the screening list consulted"
		}
		l.add("15 CFR 744.11", ear.No, "no party is on the Entity List, the Denied Persons List or the SDN list (744.8), nor owned 50 percent or more by listed parties while the affiliates rule is in force, by "+src+": the answer rests on them")
	}
	return meuParties, possibleMEU, meuIn, possibleIn
}

// endUses adds the requirements of 744.21 (military end uses and users in
// its countries) and 744.23 (a supercomputer, or an advanced-node IC
// facility, in Macau or D:5). Where the end use is: end_uses[i].located_in,
// or, when the request does not say, the destination and the countries of
// the end users it names (the reading chosen).
// Where the end uses are unknown, the rules are left open only where they
// can reach (Macau, D:5 and the 744.21 countries).
//
// A party on the Military End-User List is read where it is as well as at
// the destination: 744.21(b)(1)(ii) and Supp. No. 7 to part 744 require a
// license "when an entity that is listed on the MEU List is a party to the
// transaction", the entity listed under its country (Burma, Cambodia,
// China, Venezuela; Belarus and Russia for any item), wherever the item is
// shipped.
func (l *reasonList) endUses(in licenseInput, meuParties, possibleMEU []string, meuIn, possibleIn []jurisdiction.Country) {
	dest := in.destination.Country.TablesAs()
	groupsOf := func(c jurisdiction.Country) (jurisdiction.GroupSet, bool) {
		gs, err := jurisdiction.GroupsOf(groupsCountry(c), in.asOf)
		if err != nil {
			l.add("15 CFR 744.23", ear.Indeterminate, "the country groups of "+c.String()+" on "+in.asOf.String()+" cannot be read: "+err.Error())
			l.need("as_of", "the country groups in force on the date decide 744.23")
			return 0, false
		}
		return gs, true
	}
	inMacauD5 := func(c jurisdiction.Country) ear.Answer {
		if in.asOf.Before(supercomputer744_23From) {
			return ear.No // 744.23 is not in the EAR yet
		}
		gs, ok := groupsOf(c)
		if !ok {
			return ear.Indeterminate
		}
		in := macauOrD5.Includes(jurisdiction.Destination{Country: c.TablesAs()}, gs, in.asOf)
		return ear.AnswerOf(in)
	}
	militaryEndUse := func(what string, where jurisdiction.Country) {
		where = where.TablesAs()
		listed, anyItem := militaryEndUseReach(where, in.asOf)
		switch {
		case listed && anyItem && strings.Contains(what, "possible match"):
			l.add("15 CFR 744.21", ear.Indeterminate, fmt.Sprintf("%s in %s: if it is the listed military end user, a license is required for any item subject to the EAR", what, where))
		case listed && anyItem:
			l.add("15 CFR 744.21", ear.Yes, fmt.Sprintf("%s in %s: a license is required for any item subject to the EAR", what, where))
		case listed:
			l.add("15 CFR 744.21", ear.Indeterminate, fmt.Sprintf("%s in %s: a license is required for the items of Supplement No. 2 to part 744, which the tables do not hold", what, where))
			l.need("item.eccn", "whether the item is listed in Supplement No. 2 to part 744 (744.21)")
		}
	}
	// A party on the Military End-User List is a military end user
	// (744.21(g)), whether or not the request declares the end use.
	atParty := func(what string, c jurisdiction.Country) {
		militaryEndUse(what, dest)
		if c = c.TablesAs(); c.IsValid() && c != dest {
			militaryEndUse(what, c)
		}
	}
	for i, what := range meuParties {
		atParty(what, meuIn[i])
	}
	for i, what := range possibleMEU {
		atParty(what, possibleIn[i])
	}
	// Where an end use is not located (end_uses[i].located_in absent), it
	// is read at the destination and, conservatively, at the country of
	// each end user the request names: a military end user "in" Russia, or
	// a facility or supercomputer there, is not moved by the route the
	// item takes. Unknown end uses are open wherever one of these reaches.
	var endUsers []jurisdiction.Country
	if in.parties.Known() {
		for _, p := range in.parties.list.items {
			if c := p.Country.TablesAs(); p.Role == RoleEndUser && c.IsValid() && c != dest && !slices.Contains(endUsers, c) {
				endUsers = append(endUsers, c)
			}
		}
	}
	if !in.endUses.Known() {
		for _, c := range append([]jurisdiction.Country{dest}, endUsers...) {
			if listed, _ := militaryEndUseReach(c, in.asOf); listed || inMacauD5(c) != ear.No {
				l.need("end_uses", "a supercomputer, advanced-node or military end use can require a license here (744.21, 744.23)")
				l.add("15 CFR 744.23", ear.Indeterminate, "the end uses are not given; a supercomputer, advanced-node or military end use in "+c.String()+" would require a license (744.21, 744.23)")
				break
			}
		}
		return
	}
	for i, f := range in.endUses.list.items {
		if f.LocatedIn.IsValid() {
			l.endUseAt(in, f, f.LocatedIn.TablesAs(), f.LocatedIn.String()+" (end_uses["+fmt.Sprint(i)+"].located_in)", inMacauD5, militaryEndUse)
			continue
		}
		l.endUseAt(in, f, dest, dest.String()+" (the destination: where the end use is, is not stated)", inMacauD5, militaryEndUse)
		for _, c := range endUsers {
			l.endUseAt(in, f, c, c.String()+" (the end user's country: where the end use is, is not stated)", inMacauD5, militaryEndUse)
		}
	}
}

// endUseAt adds the requirements of 744.21 and 744.23 for the end use f,
// read as located in where (described by at).
func (l *reasonList) endUseAt(in licenseInput, f EndUseFact, where jurisdiction.Country, at string, inMacauD5 func(jurisdiction.Country) ear.Answer, militaryEndUse func(string, jurisdiction.Country)) {
	switch f.Use {
	case fdp.EndUseSupercomputer:
		// 744.23(a)(1): the listed ICs and computers, for a
		// supercomputer located in or destined to Macau or D:5.
		place := inMacauD5(where)
		if place == ear.No {
			return
		}
		item := supercomputerItem(in.item.ECCN)
		a := place.And(item)
		switch a {
		case ear.Yes:
			l.add("15 CFR 744.23(a)(1)", ear.Yes, fmt.Sprintf("%s is within 744.23(a)(1)(i) and is for a supercomputer in %s, Macau or Country Group D:5: a license is required", in.item.ECCN, at))
		case ear.Indeterminate:
			l.add("15 CFR 744.23(a)(1)", ear.Indeterminate, fmt.Sprintf("a supercomputer end use in %s: whether the item (%s) is an IC or computer of the ECCNs 744.23(a)(1)(i) lists is open", at, in.item.ECCN))
			l.need("item.eccn", "whether the item is an IC, computer, electronic assembly or component of the ECCNs 744.23(a)(1)(i) lists")
		}
	case fdp.EndUseAdvancedNodeIC:
		// 744.23(a)(2)(i): any item subject to the EAR for the
		// development or production of ICs at an advanced-node
		// facility in Macau or D:5.
		if place := inMacauD5(where); place != ear.No {
			l.add("15 CFR 744.23(a)(2)(i)", place, fmt.Sprintf("an advanced-node IC end use at a facility in %s, Macau or Country Group D:5: a license is required for any item subject to the EAR", at))
		}
	case fdp.EndUseMilitaryEndUse, fdp.EndUseMilitaryEndUser:
		militaryEndUse("a "+f.Use.String(), where)
	}
}
