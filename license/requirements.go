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
)

// LicenseReason is one reason a license is required (Answer Yes), may be
// required (Indeterminate), or one provision checked and found not to
// require one (No), with its citation.
type LicenseReason struct {
	Citation string     `json:"citation"`
	Answer   ear.Answer `json:"answer"`
	Why      string     `json:"why"`
}

// licenseInput is what the license requirements of a determination read.
type licenseInput struct {
	item         product.Item
	destination  jurisdiction.Destination
	exportedFrom jurisdiction.Country
	parties      Parties
	endUses      EndUses
	fdp          []FDPResult
	asOf         jurisdiction.Date
	aiDiffusion  AIDiffusionReading // the reading of the January 2025 amendments, as the request chose
	// designations are the parties' designations, aligned with parties
	// (nil when none were resolved): a party resolved onto the Entity
	// List without a footnote, or onto the Denied Persons List, is read
	// from here.
	designations []PartyDesignations
}

// endUseCountries744_21 are the destinations of the military end-use and
// end-user rule of 15 CFR 744.21(a): Belarus, Burma, Cambodia, China,
// Nicaragua, Russia and Venezuela.
var endUseCountries744_21 = []string{"BY", "MM", "KH", "CN", "NI", "RU", "VE"}

// licenseRequirements decides whether a license is required for an item
// that is (or may be) subject to the EAR: the item's own ECCN under the
// Country Chart and Part 746 (CountryChart), the Entity List (744.11) for
// the parties' footnotes, the requirement each applying FDP rule pairs
// with, and the end-use rules of 744.21 and 744.23. It returns the answer
// (the Or of every reason), the reasons, and the missing facts.
func licenseRequirements(in licenseInput) (ear.Answer, []LicenseReason, []MissingFact) {
	var reasons []LicenseReason
	var missing []MissingFact
	var meuParties []string // parties the screening list puts on the MEU List (Supp. No. 7 to part 744)
	add := func(cite string, a ear.Answer, why string) {
		reasons = append(reasons, LicenseReason{Citation: cite, Answer: a, Why: why})
	}

	// The item's own classification under the chart and Part 746.
	e := in.item.ECCN
	if !e.IsValid() {
		add(CitationCountryChart, ear.Indeterminate, "the item's ECCN is not given: the CCL-based requirements cannot be read")
		missing = append(missing, MissingFact{Field: "item.eccn", Why: "the item's classification decides the Country Chart requirements"})
	} else {
		res, err := countryChart(ChartQuery{
			ECCN: e, Destination: in.destination, ExportedFrom: in.exportedFrom, AsOf: in.asOf,
			For: in.item.For, FoodOrMedicine: in.item.FoodOrMedicine, HTS: in.item.HTS, Options: Options{AIDiffusion: in.aiDiffusion},
		}, true)
		switch {
		case err != nil:
			add(CitationCountryChart, ear.Indeterminate, "the Country Chart could not be read: "+err.Error())
			missing = append(missing, MissingFact{Field: "item.eccn", Why: err.Error()})
		case res.Required == ear.No:
			add(CitationCountryChart, ear.No, fmt.Sprintf("no License Requirements row of %s, chart footnote or Part 746 program requires a license to %s", e, in.destination))
		default:
			for _, f := range res.Findings {
				if f.Required == res.Required {
					add(f.Citation, f.Required, f.Why)
				}
			}
			for _, m := range res.Missing() {
				missing = append(missing, chartMissing(m))
			}
		}
	}

	// The Entity List: a listed party (any footnote declared) makes every
	// item subject to the EAR licensable (744.11(a); the license
	// requirement column of Supplement No. 4 to part 744 reads "for all
	// items subject to the EAR" for the footnoted entries).
	if !in.parties.Known() {
		add("15 CFR 744.11", ear.Indeterminate, "the parties are not given: whether any is on the Entity List is unknown")
		missing = append(missing, MissingFact{Field: "parties", Why: "a party on the Entity List requires a license for every item subject to the EAR (744.11)"})
	} else {
		listed := false
		for i, p := range in.parties.list.items {
			var d csl.Designations
			if i < len(in.designations) {
				d = in.designations[i].Designations
			}
			if d.OnList(csl.DeniedPersons) {
				listed = true
				add("15 CFR 736.2(b)(4)", ear.Yes, fmt.Sprintf("%s (%s) is on the Denied Persons List (%s): General Prohibition Four bars dealing with a denied person in any item subject to the EAR", partyLabel(p), p.Role, d.Source))
			}
			if d.OnList(csl.MilitaryEndUser) {
				meuParties = append(meuParties, fmt.Sprintf("%s (%s) is on the Military End-User List (%s), a military end user", partyLabel(p), p.Role, d.Source))
			}
			if len(p.EntityListFootnotes) == 0 {
				if d.OnList(csl.EntityList) {
					listed = true
					add("15 CFR 744.11(a)", ear.Yes, fmt.Sprintf("%s (%s) is on the Entity List (%s): a license is required for the items its entry names (read conservatively as all items subject to the EAR)", partyLabel(p), p.Role, d.Source))
				}
				continue
			}
			listed = true
			fns := make([]string, len(p.EntityListFootnotes))
			for i, n := range p.EntityListFootnotes {
				fns[i] = fmt.Sprint(n)
			}
			add("15 CFR 744.11(a)", ear.Yes, fmt.Sprintf("%s (%s) is on the Entity List (footnote %s): a license is required for all items subject to the EAR", partyLabel(p), p.Role, strings.Join(fns, ", ")))
		}
		if !listed {
			src := "the parties' own declarations (no screening list was consulted)"
			if in.designations != nil {
				src = "the parties' declarations and the screening list consulted"
			}
			add("15 CFR 744.11", ear.No, "no party is on the Entity List or the Denied Persons List by "+src+": the answer rests on them")
		}
	}

	// The requirements the FDP rules pair with.
	for _, r := range in.fdp {
		pair := r.license
		if pair == nil || r.Outcome == ear.No {
			continue
		}
		a := ear.Yes
		if r.Outcome == ear.Indeterminate {
			a = ear.Indeterminate
		}
		why := pair.What
		if pair.NotFromPartners {
			// 746.8(a)(2) does not apply to items exported or reexported
			// from a partner country of Supplement No. 3 to part 746.
			switch {
			case !in.exportedFrom.IsValid():
				a = a.And(ear.Indeterminate)
				why += "; whether it is exported from a partner country (" + jurisdiction.CitationPartnerCountries + ") is not given"
				missing = append(missing, MissingFact{Field: "exported_from", Why: "746.8(a)(2) does not apply to items exported from a partner country"})
			case jurisdiction.IsPartnerCountry(in.exportedFrom):
				a = ear.No
				why += "; but the item is exported from " + in.exportedFrom.String() + ", a partner country of " + jurisdiction.CitationPartnerCountries + ", so 746.8(a)(2) does not apply"
			}
		}
		add(pair.Citation.String(), a, why+" ("+r.Citation+" "+fdpOutcomeText(r.Outcome)+")")
	}

	// End uses: 744.23 reaches Macau and D:5, 744.21 its seven countries;
	// elsewhere an unknown end use cannot change the answer.
	d := in.destination.Country.TablesAs()
	gs, gerr := jurisdiction.GroupsOf(d, in.asOf)
	if gerr != nil {
		// The groups on the date cannot be read: whether the destination
		// is in D:5 (744.23) is open.
		add("15 CFR 744.23", ear.Indeterminate, "the country groups of "+in.destination.String()+" on "+in.asOf.String()+" cannot be read: "+gerr.Error())
		missing = append(missing, MissingFact{Field: "as_of", Why: "the country groups in force on the date decide 744.23"})
	}
	macauD5 := d == jurisdiction.Macau || gs.Has(jurisdiction.GroupD5)
	militaryEndUse := func(what string) {
		switch {
		case d == jurisdiction.Russia || d == jurisdiction.Belarus:
			add("15 CFR 744.21", ear.Yes, fmt.Sprintf("%s in %s: a license is required for any item subject to the EAR", what, in.destination))
		case slices.Contains(endUseCountries744_21, d.String()):
			add("15 CFR 744.21", ear.Indeterminate, fmt.Sprintf("%s in %s: a license is required for the items of Supplement No. 2 to part 744, which the tables do not hold", what, in.destination))
			missing = append(missing, MissingFact{Field: "item.eccn", Why: "whether the item is listed in Supplement No. 2 to part 744 (744.21)"})
		}
	}
	// A party on the Military End-User List is a military end user
	// (744.21(g)), whether or not the request declares the end use.
	for _, what := range meuParties {
		militaryEndUse(what)
	}
	if !in.endUses.Known() {
		if macauD5 || slices.Contains(endUseCountries744_21, d.String()) {
			missing = append(missing, MissingFact{Field: "end_uses", Why: "a supercomputer, advanced-node or military end use can require a license here (744.21, 744.23)"})
			add("15 CFR 744.23", ear.Indeterminate, "the end uses are not given")
		}
	} else {
		for _, f := range in.endUses.list.items {
			u := f.Use
			switch u {
			case fdp.EndUseSupercomputer, fdp.EndUseAdvancedNodeIC:
				if macauD5 {
					add("15 CFR 744.23", ear.Yes, fmt.Sprintf("a %s end use in %s (Macau or Country Group D:5): a license is required (conservative reading: any item subject to the EAR)", u, in.destination))
				}
			case fdp.EndUseMilitaryEndUse, fdp.EndUseMilitaryEndUser:
				militaryEndUse("a " + u.String())
			}
		}
	}

	ans := ear.No
	for _, r := range reasons {
		ans = ans.Or(r.Answer)
	}
	if ans != ear.Indeterminate {
		missing = nil
	}
	return ans, reasons, dedupeMissing(missing)
}

// chartMissing turns a missing fact of CountryChart ("eccn: the paragraph
// ...", "item.hts") into a MissingFact named by its wire-format path.
func chartMissing(m string) MissingFact {
	field, why, ok := strings.Cut(m, ": ")
	if !ok {
		return MissingFact{Field: m, Why: "decides a Country Chart or Part 746 requirement"}
	}
	switch field {
	case "eccn":
		field = "item.eccn"
	case "for":
		field = "item.for"
	}
	return MissingFact{Field: field, Why: why}
}

func dedupeMissing(ms []MissingFact) []MissingFact {
	var out []MissingFact
	for _, m := range ms {
		if !slices.Contains(out, m) {
			out = append(out, m)
		}
	}
	return out
}

func partyLabel(p Party) string {
	if p.Name != "" {
		return p.Name
	}
	return "a party"
}
