package license

import (
	"fmt"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// The headquarters rule of 15 CFR 744.23(a)(3)(i): advanced computing
// items for an entity headquartered (or with an ultimate parent
// headquartered) in Macau or D:5, wherever the entity is, outside the
// destinations whose own license requirements already reach the items.
//
// Text read (MichalOpoka/ecfr, part-744-.../section-744.23.md at 72c1e58,
// through 88 FR 73495 (2023-10-25), and at 2c9f73e, through 89 FR 23886
// (2024-04-04); (a)(3)(i) is worded the same in both):
//
//	"(3) Advanced computing items. (i) Any item subject to the EAR and
//	specified in ECCN 3A001.z, 3A090, 4A003.z, 4A004.z, 4A005.z, 4A090,
//	5A002.z, 5A004.z, 5A992.z, 5D002.z, or 5D992.z destined to any
//	destination other than those specified in Country Groups D:1, D:4, or
//	D:5 (excluding any destination also specified in Country Groups A:5 or
//	A:6) for an entity that is headquartered in, or whose ultimate parent
//	company is headquartered in, either Macau or a destination specified in
//	Country Group D:5 (e.g., a PRC-headquartered cloud or data server
//	provider located in a destination not otherwise excluded)."
//
// 744.23(c): at 72c1e58 "No license exceptions may overcome the prohibition
// described in paragraph (a) of this section."; at 2c9f73e "... except the
// prohibitions in paragraphs (a)(4) and (a)(3)(i) of this section may be
// overcome by license exceptions in § 740.2(a)(9)(i) or (ii) of the EAR,
// respectively." The requirement is recorded as a part 744 requirement,
// which no License Exception overcomes in this SDK (license/exception,
// BasisPart744): the exceptions of 740.2(a)(9)(ii) are not evaluated for
// it, so none is ever found available (a reading chosen, conservative).
var headquarters744_23 = headquartersRule{
	citation:       "15 CFR 744.23(a)(3)(i)",
	effective:      jurisdiction.MustParseDate("2023-11-17"),
	exceptionsFrom: jurisdiction.MustParseDate("2024-04-04"),
	items:          parseECCNs("3A001.z", "3A090", "4A003.z", "4A004.z", "4A005.z", "4A090", "5A002.z", "5A004.z", "5A992.z", "5D002.z", "5D992.z"),
	outside: fdp.Places{
		Groups:       []jurisdiction.Group{jurisdiction.GroupD1, jurisdiction.GroupD4, jurisdiction.GroupD5},
		ExceptGroups: []jurisdiction.Group{jurisdiction.GroupA5, jurisdiction.GroupA6},
	},
	headquarters: macauOrD5,
	provenance: []fdp.Source{
		{Basis: fdp.TextRead, Ref: "15 CFR 744.23 through 89 FR 23886 (2024-04-04), eCFR mirror MichalOpoka/ecfr at 2c9f73e; through 88 FR 73495 (2023-10-25) at 72c1e58", Note: "(a)(3)(i) as quoted; (c) as quoted"},
		{Basis: fdp.Reported, Ref: "88 FR 73458 (FR Doc. 2023-23055) and 88 FR 73424 (FR Doc. 2023-23049), published 2023-10-25, effective 2023-11-17", Note: "the effective date, from the Federal Register metadata and the DATES paragraph as reported"},
		{Basis: fdp.ReadingChosen, Ref: "90 FR 4544 (2025-01-15), effective 2025-01-13", Note: "the text of 744.23 after the AI diffusion amendments was not read (the mirror holds no version after 2024-04-04): under the codified reading the requirement of the 2024-04-04 text is kept (conservative); under the enforced reading the paragraph is read as it stood on 2025-01-12, taken to be the 2024-04-04 text (the amendments of 89 FR 96790, 2024-12-05, to 744.23 were not read either)"},
		{Basis: fdp.ReadingChosen, Ref: "15 CFR 744.23(a)(3)(i)", Note: "\"for an entity\" is read as any party to the transaction (any role); a party's headquartered_in is the caller's declaration (absent: none declared), and the answer says that it rests on the declarations"},
	},
}

// headquartersRule is a dated headquarters rule: its citation, the items
// and destinations it reaches, where the parties' headquarters bring it
// in, and its sources.
type headquartersRule struct {
	citation string
	// effective: 2023-11-17, the effective date of the rules of
	// 2023-10-25 that wrote (a)(3) (88 FR 73424, 73449 and 88 FR 73458,
	// 73495; reported by the Federal Register's metadata for FR Doc.
	// 2023-23055 and the DATES of FR Doc. 2023-23049). Before it 744.23
	// had no (a)(3) (text of 87 FR 62186, 2022-10-13).
	effective jurisdiction.Date
	// exceptionsFrom: 744.23(c) names the exceptions of 740.2(a)(9)(ii)
	// from 89 FR 23876/23886 (2024-04-04); before, none.
	exceptionsFrom jurisdiction.Date
	items          []product.ECCN
	// outside: the destinations the paragraph leaves out, "Country
	// Groups D:1, D:4, or D:5 (excluding any destination also specified
	// in Country Groups A:5 or A:6)".
	outside fdp.Places
	// headquarters: "either Macau or a destination specified in Country
	// Group D:5" (macauOrD5, part744.go).
	headquarters fdp.Places
	provenance   []fdp.Source
}

// headquarters adds the requirement of 744.23(a)(3)(i) (headquarters744_23)
// for each party headquartered in Macau or D:5, when the item is of the
// ECCNs it lists and the destination is not one it leaves out. A party's
// headquartered_in is its declaration (absent: none declared); unknown
// parties leave the requirement open.
func (l *reasonList) headquarters(in licenseInput) {
	r := &headquarters744_23
	if in.asOf.Before(r.effective) {
		return
	}
	item := eccnIn(in.item.ECCN, r.items)
	if item == ear.No || !in.item.ECCN.IsValid() {
		// An item with no ECCN is left open by the Country Chart reason
		// already (item.eccn).
		return
	}
	dest := jurisdiction.Destination{Country: in.destination.Country.TablesAs(), Region: in.destination.Region}
	gs, err := jurisdiction.GroupsOf(groupsCountry(in.destination.Country), in.asOf)
	if err != nil {
		l.add(r.citation, ear.Indeterminate, "the country groups of "+dest.String()+" on "+in.asOf.String()+" cannot be read: "+err.Error())
		l.need("as_of", "the country groups in force on the date decide whether 744.23(a)(3)(i) reaches the destination")
		return
	}
	if r.outside.Includes(dest, gs, in.asOf) {
		// D:1, D:4 or D:5 and not A:5 or A:6: the paragraph leaves the
		// destination out (the items' own rows require a license there).
		return
	}
	what := fmt.Sprintf("%s (%s)", in.item.ECCN, pick(item == ear.Yes, "listed in 744.23(a)(3)(i)", "whether it is of the ECCNs 744.23(a)(3)(i) lists is open"))
	tail := r.readingNote(in)
	if !in.parties.Known() {
		l.add(r.citation, ear.Indeterminate, fmt.Sprintf("%s to %s: the parties are not given, so whether it is for an entity headquartered (or with an ultimate parent headquartered) in Macau or Country Group D:5 is unknown%s", what, dest, tail))
		l.need("parties", "an entity headquartered in Macau or D:5, wherever located, requires a license for the advanced computing items (744.23(a)(3)(i))")
		return
	}
	found := false
	for i, p := range in.parties.list.items {
		who := fmt.Sprintf("%s (%s)", partyLabel(p), p.Role)
		field := fmt.Sprintf("parties[%d].headquartered_in", i)
		if !p.HeadquarteredIn.IsValid() {
			// The wire format: a party's headquartered_in is the
			// caller's declaration, absent when none is declared; the
			// "no" below says that the answer rests on the declarations.
			continue
		}
		hq := p.HeadquarteredIn.TablesAs()
		hgs, err := jurisdiction.GroupsOf(groupsCountry(hq), in.asOf)
		if err != nil {
			found = true
			l.add(r.citation, ear.Indeterminate, fmt.Sprintf("%s: the country groups of %s (%s) on %s cannot be read: %s", who, hq, field, in.asOf, err))
			l.need("as_of", "the country groups in force on the date decide whether the headquarters are in D:5 (744.23(a)(3)(i))")
			continue
		}
		if !r.headquarters.Includes(jurisdiction.Destination{Country: hq}, hgs, in.asOf) {
			continue
		}
		found = true
		l.add(r.citation, item, fmt.Sprintf("%s to %s, for %s, headquartered (or with an ultimate parent headquartered) in %s (%s), in Macau or Country Group D:5: a license is required wherever the entity is located; %s%s", what, dest, who, hq, field, r.exceptionsNote(in.asOf), tail))
		if item != ear.Yes {
			l.need("item.eccn", "whether the item is of the ECCNs 744.23(a)(3)(i) lists")
		}
	}
	if !found {
		l.add(r.citation, ear.No, fmt.Sprintf("%s to %s: no party is headquartered (nor has an ultimate parent headquartered) in Macau or Country Group D:5, by the parties' declarations (parties[].headquartered_in): the answer rests on them%s", what, dest, tail))
	}
}

// exceptionsNote says what 744.23(c) allows for the requirement on asOf,
// and that the SDK finds no exception available for it.
func (r *headquartersRule) exceptionsNote(asOf jurisdiction.Date) string {
	if asOf.Before(r.exceptionsFrom) {
		return "no license exception may overcome it (744.23(c) as of 2023-11-17)"
	}
	return "only the license exceptions of 740.2(a)(9)(ii) may overcome it (744.23(c)); they are not evaluated for it, so none is found available (conservative)"
}

// readingNote says which text of 744.23 the answer rests on from the AI
// diffusion amendments of 2025-01-13 on (Options.AIDiffusion), or "".
func (r *headquartersRule) readingNote(in licenseInput) string {
	if in.asOf.Before(fdpAIDiffusionEffective) {
		return ""
	}
	if in.options.AIDiffusion == AIDiffusionEnforced {
		return " (enforced reading: 744.23(a)(3)(i) as it stood on 2025-01-12, read in its text of 2024-04-04)"
	}
	return " (codified reading: the text of 744.23 after the AI diffusion amendments of 2025-01-13 (90 FR 4544) was not read; the requirement of its text of 2024-04-04 is kept, a conservative reading)"
}
