package license

import (
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// The categories of 15 CFR 734.4(a): items for which there is no de minimis
// level. One entry per paragraph, in CFR order: the paragraph's own words
// (quoted from 15 CFR 734.4 as amended through 90 FR 5308, 2025-01-16),
// the reading chosen where the text leaves a choice, the destinations it
// reaches (in the vocabulary of the FDP rules, fdp.Places) and its test.
// Every citation in this file is within 15 CFR 734.4 (a test checks it).
//
// effective is the first date a category is applied from. 2020-01-01 is
// not a rule's date: it is the earliest date a determination answers for,
// and marks a category in force with these words since before it: (a)(1),
// (a)(2), (a)(4), (a)(5) and (a)(6)(i) read the same in a copy of 734.4
// from before 2022 (the eCFR mirror MichalOpoka/ecfr at 0b837cb) as in the
// 2024 and 2025 copies; (a)(6)(ii) there names E:1, E:2 and the PRC, not
// Russia or Belarus, and is applied with today's broader destinations
// (conservative; the date they were added is not recorded). The categories
// of the SME rule of 2024-12-02 (89 FR 96790) carry that date.
var deMinimisCategories = []deMinimisCategory{
	{
		// "There is no de minimis level for the export from a foreign country of a foreign-made computer with an
		// Adjusted Peak Performance (APP) exceeding that listed in ECCN 4A003.b and containing U.S.-origin controlled
		// semiconductors (other than memory circuits) classified under ECCN 3A001 to Computer Tier 3 destinations; or
		// exceeding an APP listed in ECCN 4A994.b ... 3A001 or high speed interconnect devices (ECCN 4A994.j) to Cuba,
		// Iran, North Korea, and Syria."
		citation: "15 CFR 734.4(a)(1)", title: "High-performance computers with US-origin controlled semiconductors",
		effective: dmFloor,
		// Reading: "Computer Tier 3" is the list of 740.7(d)(1) in the copy of 740.7 read (MichalOpoka/ecfr at
		// c0aa371; exception.ComputerTier3). Memory circuits are carved out: a 3A001.a.2 line (which includes
		// "storage integrated circuits") may be one, so it leaves the category open; other 3A001 lines count. A
		// 4A003 computer exceeds the APP of 4A003.b (read so); a 4A090 or Category 5 Part 2 item may be a
		// computer above either APP (open).
		reading: "Computer Tier 3 is the list of 740.7(d)(1) as read (Burma and Cambodia open before 2023-11-17); a 3A001.a.2 line may be a memory circuit (carved out), so it leaves the category open; the APP is not stated: a 4A090 or Category 5 Part 2 item may be a computer exceeding 4A003.b's or 4A994.b's (open)",
		test:    dmComputers,
	},
	{
		// "Foreign produced encryption technology that incorporates U.S. origin encryption technology controlled by
		// ECCN 5E002 is subject to the EAR regardless of the amount of U.S. origin content."
		citation: "15 CFR 734.4(a)(2)", title: "Foreign encryption technology with US-origin 5E002 technology",
		effective: dmFloor,
		test: func(c *dmEval) (ear.Answer, string, []MissingFact) {
			if c.q.Item.EffectiveKind() != product.Technology {
				return ear.No, "the item is not technology", nil
			}
			has, id, open := c.anyUSLine(func(l product.Line) ear.Answer { return eccnIn(l.ECCN, encryptionTech5E002) })
			return has, "technology commingled with US-origin 5E002 technology" + idNote(id), missingAt(has, open, "whether a line of unknown origin is US-origin 5E002 technology")
		},
	},
	{
		// "There is no de minimis level for equipment meeting the parameters in ECCN 3B993.f.1 ..., when the
		// equipment is destined for use in the "development" or "production" of "advanced-node integrated circuits"
		// and the "advanced-node integrated circuits" meet the parameter specified in paragraph (1) of that definition
		// in § 772.1 of the EAR, unless the country from which the foreign-made item was first exported[1] has this
		// commodity specified on an export control list." [1] Japan from July 23, 2023; the Netherlands from
		// September 9, 2024.
		citation: "15 CFR 734.4(a)(3)", title: "3B993.f.1 equipment for advanced-node IC production",
		effective: jurisdiction.MustParseDate("2024-12-02"), source: "89 FR 96790 (2024-12-05), effective 2024-12-02",
		// Reading: the advanced_node_ic end use is not told apart into logic (paragraph (1) of the definition)
		// and memory; it counts (conservative). The country "from which the foreign-made item was first exported"
		// is read as the country it is produced in, when the item is exported from there; an item exported from
		// elsewhere is not excluded (conservative).
		reading: "the advanced_node_ic end use is read as logic; the first-export country is the producing country when the item is exported from it",
		test:    dmLithography,
	},
	{
		// "There is no de minimis level for U.S.-origin technology controlled by ECCN 9E003.a.1 through a.6, a.8,
		// .h, .i, and .l, when redrawn, used, consulted, or otherwise commingled abroad."
		citation: "15 CFR 734.4(a)(4)", title: "US-origin 9E003 hot-section technology",
		effective: dmFloor,
		test: func(c *dmEval) (ear.Answer, string, []MissingFact) {
			if c.q.Item.EffectiveKind() != product.Technology {
				return ear.No, "the item is not technology", nil
			}
			has, id, open := c.anyUSLine(func(l product.Line) ear.Answer { return eccnIn(l.ECCN, hotSectionECCNs) })
			return has, "technology commingled with US-origin 9E003 hot-section technology" + idNote(id), missingAt(has, open, "the paragraph of a US-origin 9E003 line")
		},
	},
	{
		// "There is no de minimis level for foreign-made "military commodities" incorporating one or more of the
		// commodities described in ECCN 0A919.a.1 when destined for a country listed in Country Group D:5".
		citation: "15 CFR 734.4(a)(5)", title: "Foreign military commodities with US-origin 0A919.a.1 content, to D:5",
		effective: dmFloor,
		where:     fdp.Places{Groups: []jurisdiction.Group{jurisdiction.GroupD5}},
		// Reading: a foreign military commodity is an item classified 0A919 or in the 600 series (not .y).
		reading: "a foreign military commodity is an item classified 0A919 or in the 600 series (not .y)",
		test: func(c *dmEval) (ear.Answer, string, []MissingFact) {
			e := c.q.Item.ECCN
			mil := eccnIn(e, military0A919)
			if mil == ear.No && e.Is600Series() && !e.IsY() {
				mil = ear.Yes
			}
			if mil == ear.No {
				return ear.No, "the item is not a military commodity (0A919 or 600 series)", nil
			}
			has, id, open := c.anyUSLine(func(l product.Line) ear.Answer { return eccnIn(l.ECCN, cameraECCNs) })
			a := mil.And(has)
			return a, "military commodity to D:5 with US-origin 6A002/6A003/6A993.a content" + idNote(id), missingAt(a, open, "whether US-origin content is of the kind 0A919.a.1 describes")
		},
	},
	{
		// "There is no de minimis level for foreign-made items that incorporate U.S.-origin 9x515 or "600 series"
		// items enumerated or otherwise described in paragraphs .a through .x of a 9x515 or "600 series" ECCN when
		// destined for a country listed in Country Group D:5".
		citation: "15 CFR 734.4(a)(6)(i)", title: "US-origin 9x515 or 600 series content (other than .y) to D:5",
		effective: dmFloor,
		where:     fdp.Places{Groups: []jurisdiction.Group{jurisdiction.GroupD5}},
		test: func(c *dmEval) (ear.Answer, string, []MissingFact) {
			has, id, open := c.anyUSLine(func(l product.Line) ear.Answer {
				if !l.ECCN.IsValid() {
					return ear.Indeterminate
				}
				return ear.AnswerOf((l.ECCN.Is600Series() || l.ECCN.Is9x515()) && !l.ECCN.IsY())
			})
			return has, "US-origin 9x515 or 600 series content (.a-.x) to D:5" + idNote(id), missingAt(has, open, "whether a line is 9x515 or 600 series content")
		},
	},
	{
		// "There is no de minimis level for foreign-made items that incorporate U.S.-origin 9x515 or "600 series"
		// .y items when destined for a country listed in Country Group E:1 or E:2 ... or for Belarus, the People's
		// Republic of China (PRC), or Russia."
		citation: "15 CFR 734.4(a)(6)(ii)", title: "US-origin 9x515.y or 600 series .y content to China, Russia, Belarus, E:1 or E:2",
		effective: dmFloor,
		where: fdp.Places{
			Places: []fdp.Place{{Country: jurisdiction.Belarus}, {Country: jurisdiction.China}, {Country: jurisdiction.Russia}},
			Groups: []jurisdiction.Group{jurisdiction.GroupE1, jurisdiction.GroupE2},
		},
		test: func(c *dmEval) (ear.Answer, string, []MissingFact) {
			has, id, open := c.anyUSLine(func(l product.Line) ear.Answer {
				if !l.ECCN.IsValid() {
					return ear.Indeterminate
				}
				return ear.AnswerOf((l.ECCN.Is600Series() || l.ECCN.Is9x515()) && l.ECCN.IsY())
			})
			return has, "US-origin .y content to " + c.dest.String() + idNote(id), missingAt(has, open, "whether a line is .y content")
		},
	},
	// 15 CFR 734.4(a)(7) names no item: "Under certain rules issued by the Office of Foreign Assets Control,
	// certain exports from abroad by U.S.-owned or controlled entities may be prohibited notwithstanding the de
	// minimis provisions of the EAR. In addition, the de minimis rules do not relieve U.S. persons of the
	// obligation to refrain from supporting the proliferation of weapons of mass-destruction and missiles as
	// provided in § 744.6 of the EAR." It is no category of this table.
	{
		// "There is no de minimis level related to the SME FDP rule for a commodity meeting the parameters in ECCNs
		// 3B001.a.4, c, d, f.1, f.5, f.6, k to n, p.2, p.4, r, or 3B002.c ..., when the commodity contains a
		// U.S.-origin integrated circuit specified under Category 3, 4, or 5 of the CCL, and the commodity is
		// destined for Macau or a destination specified in Country Group D:5, unless excluded from the national
		// security license requirement in § 742.4(a)(4) or the regional stability license requirement in
		// § 742.6(a)(6) of the EAR."
		citation: "15 CFR 734.4(a)(8)", title: "Listed semiconductor manufacturing equipment with a US-origin integrated circuit, to Macau or D:5",
		effective: jurisdiction.MustParseDate("2024-12-02"), source: "89 FR 96790 (2024-12-05), effective 2024-12-02",
		where: dmMacauOrD5,
		// Reading: the exclusions of 742.4(a)(4)(ii)(B)-(C) and 742.6(a)(6)(i)(A)(2)(ii)-(iii) (read in the
		// 2025-01-16 text) are not applied to this category: the item is held subject to the EAR
		// (conservative). They lift the license requirements instead, for an exporter that establishes them
		// (the Exclusions of 734.9(k) in license/fdp/rules.go, applied in required_736_2.go).
		reading: "the exclusions of 742.4(a)(4) and 742.6(a)(6) are not applied to this category: the item is held subject; they lift the license requirement instead",
		test:    dmSME,
	},
	{
		// "For items related to the Footnote 5 FDP rule, there is no de minimis level for an item meeting the
		// parameters in ECCNs specified in Category 3B (except 3B001.a.4, c, d, f.1, f.5, f.6, k to n, p.2, p.4, r,
		// or 3B002.c) ..., when the commodity contains a U.S.-origin integrated circuit specified under Category 3,
		// 4, or 5 of the CCL, and the commodity is destined for an entity with a Footnote 5 designation ..., or to an
		// end-user "facility" located in Macau or a destination specified in Country Group D:5 when there is
		// "knowledge" that the commodities will be used in the "production" of logic or DRAM "advanced-node
		// integrated circuits."" (The facility prong from 90 FR 5308, 2025-01-16.)
		citation: "15 CFR 734.4(a)(9)", title: "Category 3B items with a US-origin integrated circuit, for a footnote 5 entity or an advanced-node facility",
		effective: jurisdiction.MustParseDate("2024-12-02"), source: "89 FR 96790 (2024-12-05), effective 2024-12-02",
		// Reading: the facility is where the advanced_node_ic end use is located (end_uses[].located_in), or the
		// destination or an end user's country when its location is not stated.
		reading: "the facility of the advanced_node_ic end use is in the end use's located_in country, or at the destination or an end user's country when that is not stated",
		test:    dmFootnote5,
	},
}

// dmFloor is the effective date recorded for a category in force with its
// words since before 2020-01-01 (see deMinimisCategories).
var dmFloor = supportedFrom

// dmFacilityProng is the day the facility prong of 734.4(a)(9) was added,
// 3B001.f.6 to its exceptions and to the list of (a)(8): the effective date
// of 90 FR 5298 (FR Doc. 2025-00711, published 2025-01-16; the amendment
// of 734.4 at 90 FR 5308), read in its DATES: "The effective date of this
// rule is January 16, 2025".
var dmFacilityProng = jurisdiction.MustParseDate("2025-01-16")

var dmMacauOrD5 = fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Macau}}, Groups: []jurisdiction.Group{jurisdiction.GroupD5}}

// dmFirstExportControls are the countries of footnote 1 to 734.4(a)(3)
// with the day each put the equipment on its control list.
var dmFirstExportControls = []fdp.Place{
	{Country: jurisdiction.Japan, From: jurisdiction.MustParseDate("2023-07-23")},
	{Country: jurisdiction.MustParseCountry("NL"), From: jurisdiction.MustParseDate("2024-09-09")},
}

// ECCN lists the 734.4(a) categories name, as printed, parsed once.
var (
	hpcECCNs       = parseECCNs("4A003")
	computers4A994 = parseECCNs("4A994")
	// maybeComputers are the classifications of items that may be
	// computers without being 4A003 or 4A994: the computers of 4A090, and
	// Category 5 Part 2 hardware (5A002, 5A004, 5A992), where a computer
	// with information security functions is classified. (a)(1) turns on
	// a computer's APP, which a request does not state.
	maybeComputers      = parseECCNs("4A090", "5A002", "5A004", "5A992")
	semiconductor3A001  = parseECCNs("3A001")
	interconnect4A994j  = parseECCNs("3A001", "4A994.j")
	encryptionTech5E002 = parseECCNs("5E002")
	lithography3B993f1  = parseECCNs("3B993.f.1")
	hotSectionECCNs     = parseECCNs("9E003.a.1", "9E003.a.2", "9E003.a.3", "9E003.a.4", "9E003.a.5", "9E003.a.6", "9E003.a.8", "9E003.h", "9E003.i", "9E003.l")
	military0A919       = parseECCNs("0A919")
	cameraECCNs         = parseECCNs("6A002", "6A003", "6A993.a")
	encryptionECCNs     = parseECCNs("5A002", "5B002", "5A004", "5D002")
	sme3B001f6          = parseECCNs("3B001.f.6")
	embargoed4A994      = fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Cuba}, {Country: jurisdiction.Iran}, {Country: jurisdiction.NorthKorea}, {Country: jurisdiction.Syria}}}
)

// dmComputers is 734.4(a)(1): a computer exceeding 4A003.b's APP with
// US-origin 3A001 semiconductors to a Computer Tier 3 destination, or one
// exceeding 4A994.b's with US-origin 3A001 semiconductors or 4A994.j
// interconnects to Cuba, Iran, North Korea or Syria.
//
// The text turns on the computer's Adjusted Peak Performance, not its
// ECCN; a request states the ECCN only. Readings (conservative): a 4A003
// item exceeds 4A003.b's APP and a 4A994 one 4A994.b's; an item of 4A090
// or Category 5 Part 2 (maybeComputers, where computers with information
// security are classified) may be a computer exceeding either (open).
// "Computer Tier 3" is the list of 740.7(d)(1) as read
// (exception.ComputerTier3).
func dmComputers(c *dmEval) (ear.Answer, string, []MissingFact) {
	e := c.q.Item.ECCN
	// The fact that decides: the classification when it is not given,
	// else the computer's APP, which the request has no field for ("item").
	apField := "item"
	if !e.IsValid() {
		apField = "item.eccn"
	}
	big := eccnIn(e, hpcECCNs)
	if big == ear.No && eccnIn(e, maybeComputers) != ear.No {
		big = ear.Indeterminate
	}
	if tier3 := exception.ComputerTier3(c.q.Destination, c.q.AsOf); big != ear.No && tier3 != ear.No {
		has, id, open := c.anyUSLine(controlledSemiconductor)
		if a := big.And(has).And(tier3); a != ear.No {
			why := "whether the item is a computer with an APP exceeding 4A003.b's, with US-origin 3A001 semiconductors"
			return a, "a computer exceeding the APP of 4A003.b (4A003, or an item of 4A090 or Category 5 Part 2 that may be one) with US-origin 3A001 semiconductors to " + c.dest.String() + ", a Computer Tier 3 destination (740.7(d)(1))" + idNote(id), append(missingIf(a, apField, why), openLines(a, has, open, why)...)
		}
	}
	if in := c.destIn(&embargoed4A994, c.dest, c.groups); in != ear.No {
		small := eccnIn(e, computers4A994).Or(big)
		if small == ear.No && eccnIn(e, maybeComputers) != ear.No {
			small = ear.Indeterminate
		}
		if small != ear.No {
			has, id, open := c.anyUSLine(func(l product.Line) ear.Answer { return eccnIn(l.ECCN, interconnect4A994j) })
			a := small.And(has).And(in)
			why := "whether the item is a computer with an APP exceeding 4A994.b's, with US-origin 3A001 or 4A994.j content"
			return a, "a computer exceeding the APP of 4A994.b (4A994, or an item of 4A090 or Category 5 Part 2 that may be one) with US-origin 3A001 or 4A994.j content to " + c.dest.String() + idNote(id), append(missingIf(a, apField, why), openLines(a, has, open, why)...)
		}
	}
	return ear.No, "the item is not a computer exceeding 4A003.b's APP with US-origin 3A001 content bound for Computer Tier 3 (nor one exceeding 4A994.b's bound for Cuba, Iran, North Korea or Syria)", nil
}

// controlledSemiconductor answers whether a line is a U.S.-origin
// controlled semiconductor "(other than memory circuits) classified under
// ECCN 3A001" (734.4(a)(1)): Yes for 3A001 but 3A001.a.2, whose storage
// integrated circuits are memory circuits; Indeterminate for 3A001.a.2 and
// for a line classified only as 3A001 or 3A001.a.
func controlledSemiconductor(l product.Line) ear.Answer {
	a := eccnIn(l.ECCN, semiconductor3A001)
	if a != ear.Yes {
		return a
	}
	if memory := eccnIn(l.ECCN, maybeMemory3A001); memory != ear.No {
		return ear.Indeterminate
	}
	return ear.Yes
}

// maybeMemory3A001 is the paragraph of 3A001 that includes storage
// integrated circuits (memory).
var maybeMemory3A001 = parseECCNs("3A001.a.2")

// dmLithography is 734.4(a)(3).
func dmLithography(c *dmEval) (ear.Answer, string, []MissingFact) {
	item := eccnIn(c.q.Item.ECCN, lithography3B993f1)
	if item == ear.No {
		return ear.No, "the item is not 3B993.f.1 equipment", nil
	}
	it := c.q.Item
	if from := c.q.ExportedFrom; from.IsValid() && from == it.ProducedIn {
		for _, p := range dmFirstExportControls {
			if p.Country == from && !c.q.AsOf.Before(p.From) {
				return ear.No, "first exported from " + from.Name() + ", which has controlled this equipment since " + p.From.String() + " (footnote 1 to 734.4(a)(3))", nil
			}
		}
	}
	has, _, open := c.anyUSLine(func(product.Line) ear.Answer { return ear.Yes })
	use := ear.Indeterminate
	if c.q.EndUses.Known() {
		use = ear.AnswerOf(c.q.EndUses.Has(fdp.EndUseAdvancedNodeIC))
	}
	a := item.And(has).And(use)
	var m []MissingFact
	if a == ear.Indeterminate && !c.q.EndUses.Known() {
		m = append(m, MissingFact{Field: "end_uses", Why: "whether the equipment is for advanced-node IC production (734.4(a)(3))"})
	}
	m = append(m, openLines(a, has, open, "whether the equipment has US-origin content (734.4(a)(3))")...)
	return a, "3B993.f.1 equipment with US-origin content for an advanced-node end use", m
}

// dmSME is 734.4(a)(8); the equipment list is the one of the SME FDP rule
// (734.9(k)), which the paragraph names.
func dmSME(c *dmEval) (ear.Answer, string, []MissingFact) {
	item := patternsMatch(c.q.Item.ECCN, smeEquipment())
	if item == ear.No {
		return ear.No, "the item is not equipment 734.4(a)(8) lists", nil
	}
	// The text of 2024-12-05 (4464eaa) lists "3B001.a.4, c, d, f.1, f.5,
	// k to n, p.2, p.4, r, or 3B002.c": 3B001.f.6 only from 90 FR 5298
	// (effective 2025-01-16), as (a)(9) excepts it only from then.
	if c.q.AsOf.Before(dmFacilityProng) && eccnIn(c.q.Item.ECCN, sme3B001f6) == ear.Yes {
		return ear.No, "3B001.f.6 is in 734.4(a)(8)'s list from 2025-01-16 (90 FR 5298); the text before does not list it", nil
	}
	has, id, open := c.anyUSLine(usListedIC)
	a := item.And(has)
	var m []MissingFact
	if a == ear.Indeterminate {
		if item == ear.Indeterminate {
			m = append(m, MissingFact{Field: "item.eccn", Why: "whether the item is equipment 734.4(a)(8) lists"})
		}
		if has == ear.Indeterminate {
			why := "whether the line is a US-origin integrated circuit of Category 3, 4 or 5 decides 734.4(a)(8)"
			m = append(m, c.icMissing(why)...)
			m = append(m, openLines(a, has, open, why)...)
		}
	}
	if a == ear.No {
		return ear.No, "no US-origin integrated circuit of Category 3, 4 or 5 in listed equipment", nil
	}
	return a, "listed equipment with a US-origin integrated circuit of Category 3, 4 or 5" + idNote(id), m
}

// dmFootnote5 is 734.4(a)(9). Its "why" names the prong that decided.
func dmFootnote5(c *dmEval) (ear.Answer, string, []MissingFact) {
	e := c.q.Item.ECCN
	if !e.IsValid() {
		return ear.Indeterminate, "the item's classification is not given", []MissingFact{{Field: "item.eccn", Why: "whether the item is a Category 3B item (734.4(a)(9))"}}
	}
	if e.IsEAR99() || e.Category() != 3 || e.ProductGroup() != 'B' {
		return ear.No, "the item is not a Category 3B item", nil
	}
	// The text of 2024-12-05 (4464eaa) excepts "3B001.a.4, c, d, f.1, f.5,
	// k to n, p.2, p.4, r, or 3B002.c": 3B001.f.6 only from 90 FR 5308
	// (2025-01-16).
	if patternsMatch(e, smeEquipment()) == ear.Yes && (!c.q.AsOf.Before(dmFacilityProng) || eccnIn(e, sme3B001f6) == ear.No) {
		return ear.No, "the item is equipment of 734.4(a)(8), which (a)(9) excepts", nil
	}
	has, id, open := c.anyUSLine(usListedIC)
	if has == ear.No {
		return ear.No, "no US-origin integrated circuit of Category 3, 4 or 5", nil
	}
	// Who: a footnote 5 entity, or (from 2025-01-16) an advanced-node
	// facility in Macau or D:5.
	party := ear.Indeterminate
	if c.q.Parties.Known() {
		party = ear.No
		statuses, _ := partyStatuses(c.q.Parties, c.q.AsOf, c.q.Options)
		for _, st := range statuses {
			switch {
			case st.hasFootnote(5, true):
				party = ear.Yes
			case st.possibleFootnotes.Has(5) && party == ear.No:
				party = ear.Indeterminate
			}
		}
	}
	facility := ear.No
	if !c.q.AsOf.Before(dmFacilityProng) {
		facility = c.advancedNodeFacility()
	}
	who := party.Or(facility)
	a := has.And(who)
	var m []MissingFact
	if a == ear.Indeterminate && party == ear.Indeterminate {
		m = append(m, MissingFact{Field: "parties", Why: "whether a footnote 5 entity is involved (734.4(a)(9))"})
	}
	if a == ear.Indeterminate && facility == ear.Indeterminate && !c.q.EndUses.Known() {
		m = append(m, MissingFact{Field: "end_uses", Why: "whether the item is for an advanced-node IC facility in Macau or D:5 (734.4(a)(9))"})
	}
	if a == ear.Indeterminate && has == ear.Indeterminate {
		why := "whether the line is a US-origin integrated circuit of Category 3, 4 or 5 decides 734.4(a)(9)"
		m = append(m, c.icMissing(why)...)
		m = append(m, openLines(a, has, open, why)...)
	}
	switch {
	case who == ear.No:
		return ear.No, "Category 3B item" + idNote(id) + ", but no footnote 5 entity and no advanced-node facility in Macau or D:5", nil
	case party == ear.Yes:
		return a, "Category 3B item with a US-origin integrated circuit" + idNote(id) + " for a footnote 5 entity", m
	case facility == ear.Yes:
		return a, "Category 3B item with a US-origin integrated circuit" + idNote(id) + " for an advanced-node IC facility in Macau or D:5", m
	}
	return a, "Category 3B item with a US-origin integrated circuit" + idNote(id) + "; whether a footnote 5 entity or an advanced-node facility is involved is open", m
}

// advancedNodeFacility answers whether an advanced_node_ic end use is at a
// facility in Macau or D:5: where the end use says it is, or else at the
// destination or an end user's country.
func (c *dmEval) advancedNodeFacility() ear.Answer {
	if !c.q.EndUses.Known() {
		return ear.Indeterminate
	}
	ans := ear.No
	for _, f := range c.q.EndUses.list.items {
		if f.Use != fdp.EndUseAdvancedNodeIC {
			continue
		}
		if f.LocatedIn.IsValid() {
			ans = ans.Or(c.facilityIn(f.LocatedIn))
			continue
		}
		ans = ans.Or(c.destIn(&dmMacauOrD5, c.dest, c.groups))
		// Not located: also at each end user's country (as for the FDP
		// rules and 744.23).
		if c.q.Parties.Known() {
			for _, p := range c.q.Parties.list.items {
				if p.Role == RoleEndUser && p.Country.IsValid() {
					ans = ans.Or(c.facilityIn(p.Country))
				}
			}
		}
	}
	return ans
}

// facilityIn answers whether a facility in country where is in Macau or
// D:5 on the date (open when its groups cannot be read).
func (c *dmEval) facilityIn(where jurisdiction.Country) ear.Answer {
	w := groupsCountry(where)
	gs, err := jurisdiction.GroupsOf(w, c.q.AsOf)
	if err != nil {
		return ear.Indeterminate
	}
	return c.destIn(&dmMacauOrD5, w, gs)
}

// usListedIC answers whether a line is an integrated circuit "specified
// under Category 3, 4, or 5 of the CCL" (734.4(a)(8), (a)(9)): an IC
// (isIC) whose ECCN is on the CCL in one of those categories. An EAR99 IC
// does not count; a line without ECCN is open.
func usListedIC(l product.Line) ear.Answer {
	ic := isIC(l)
	if ic == ear.No {
		return ear.No
	}
	switch e := l.ECCN; {
	case !e.IsValid():
		return ic.And(ear.Indeterminate)
	case e.IsEAR99():
		return ear.No
	case e.Category() >= 3 && e.Category() <= 5:
		return ic
	}
	return ear.No
}

// patternsMatch is the best answer of MatchItem over ps.
func patternsMatch(e product.ECCN, ps []fdp.Pattern) ear.Answer {
	if !e.IsValid() {
		return ear.Indeterminate
	}
	best := ear.No
	for _, p := range ps {
		best = best.Or(p.MatchItem(e))
	}
	return best
}

// anyUSLine answers whether some US-origin line satisfies pred.
// It returns the answer, the id of the line that decides it (the first
// open one when none does), and the fields of every open line (its eccn
// when it is not classified, its origin when that is unknown), in line
// order: the facts that would decide an open answer.
func (c *dmEval) anyUSLine(pred func(product.Line) ear.Answer) (ear.Answer, string, []string) {
	if c.q.Item.Components == nil {
		// The bill of materials is unknown: any line may be there.
		return ear.Indeterminate, "", []string{"item.components"}
	}
	ans := ear.No
	which := ""
	var open []string
	for i, l := range c.q.Item.Components {
		var us ear.Answer
		switch l.Origin {
		case product.OriginUS:
			us = ear.Yes
		case product.OriginUnknown:
			us = ear.Indeterminate
			if c.q.Options.UnknownOrigin == UnknownOriginControlled {
				us = ear.Yes
			}
		default:
			continue
		}
		a := us.And(pred(l))
		if a == ear.Yes {
			return ear.Yes, l.ID, nil
		}
		if a == ear.Indeterminate {
			if ans == ear.No {
				ans, which = ear.Indeterminate, l.ID
			}
			switch {
			case !l.ECCN.IsValid():
				open = append(open, componentField(i)+".eccn")
			case us == ear.Indeterminate:
				open = append(open, componentField(i)+".origin")
			default:
				open = append(open, componentField(i))
			}
		}
	}
	return ans, which, open
}

func eccnIn(e product.ECCN, list []product.ECCN) ear.Answer {
	if !e.IsValid() {
		return ear.Indeterminate
	}
	for _, p := range list {
		if p.Covers(e) {
			return ear.Yes
		}
		if e.Covers(p) {
			return ear.Indeterminate
		}
	}
	return ear.No
}

func parseECCNs(ss ...string) []product.ECCN {
	out := make([]product.ECCN, len(ss))
	for i, s := range ss {
		out[i] = product.MustParseECCN(s)
	}
	return out
}

// icMissing names the integrated_circuit field of each US-origin (or
// unknown-origin) line whose isIC is open.
func (c *dmEval) icMissing(why string) []MissingFact {
	var m []MissingFact
	for i, l := range c.q.Item.Components {
		if l.Origin != product.OriginUS && l.Origin != product.OriginUnknown {
			continue
		}
		if isIC(l) == ear.Indeterminate {
			m = append(m, MissingFact{Field: componentField(i) + ".integrated_circuit", Why: why})
		}
	}
	return m
}

// openLines names the open facts of the lines anyUSLine left open (their
// origin or classification; a line open on another fact is named by the
// caller, as icMissing does), when the category's answer a and the lines'
// answer has are both open.
func openLines(a, has ear.Answer, open []string, why string) []MissingFact {
	if a != ear.Indeterminate || has != ear.Indeterminate {
		return nil
	}
	var m []MissingFact
	for _, f := range open {
		if strings.HasSuffix(f, ".origin") || strings.HasSuffix(f, ".eccn") || f == "item.components" {
			m = append(m, MissingFact{Field: f, Why: why})
		}
	}
	return m
}

func idNote(id string) string {
	if id == "" {
		return ""
	}
	return " (line " + id + ")"
}

// missingAt names each open line's fact when a is indeterminate.
func missingAt(a ear.Answer, fields []string, why string) []MissingFact {
	if a != ear.Indeterminate {
		return nil
	}
	out := make([]MissingFact, len(fields))
	for i, f := range fields {
		out[i] = MissingFact{Field: f, Why: why}
	}
	return out
}

func missingIf(a ear.Answer, field, why string) []MissingFact {
	if a != ear.Indeterminate {
		return nil
	}
	return []MissingFact{{Field: field, Why: why}}
}

// deMinimisCategory is one 734.4(a) category as data: citation, title,
// effective date, the reading chosen where the text leaves a choice, the
// destinations it reaches (the zero Places: every destination), and the
// test. The test runs only for a destination in where; it returns yes, no
// or indeterminate, a sentence, and the missing facts.
type deMinimisCategory struct {
	citation  string
	title     string
	effective jurisdiction.Date
	// source is the Federal Register document that brought the category
	// in on effective ("" for one in force before 2020-01-01).
	source  string
	reading string
	where   fdp.Places
	test    func(c *dmEval) (ear.Answer, string, []MissingFact)
}

// applies runs the category: No outside its destinations, else its test.
func (cat *deMinimisCategory) applies(c *dmEval) (ear.Answer, string, []MissingFact) {
	if w := cat.where; w.Anywhere || len(w.Places) > 0 || len(w.Groups) > 0 {
		switch c.destIn(&w, c.dest, c.groups) {
		case ear.No:
			return ear.No, "the destination is not in " + w.String(), nil
		case ear.Indeterminate:
			a, why, missing := cat.test(c)
			if a == ear.No {
				return a, why, missing
			}
			gap := "whether the destination is in " + w.String() + " is open: " + gapText(c.groupsGap)
			return ear.Indeterminate, why + "; " + gap, append(missing, MissingFact{Field: "as_of", Why: gap})
		}
	}
	return cat.test(c)
}

// destIn answers whether where (with groups gs) is in w on the date; on a
// date whose country groups are not modelled, a set that turns on them is
// open.
func (c *dmEval) destIn(w *fdp.Places, where jurisdiction.Country, gs jurisdiction.GroupSet) ear.Answer {
	d := jurisdiction.Destination{Country: where}
	if c.groupsGap != nil && w.NamesGroups() {
		in, decided := w.ContainsWithoutGroups(d, c.q.AsOf)
		if !decided {
			return ear.Indeterminate
		}
		return ear.AnswerOf(in)
	}
	in := w.Includes(d, gs, c.q.AsOf)
	return ear.AnswerOf(in)
}

// The special requirements for Category 5 Part 2 content of 15 CFR 734.4(b),
// read in 15 CFR 734.4(b)(1)(iii) as amended through 90 FR 5308
// (2025-01-16), eCFR mirror MichalOpoka/ecfr, section-734.4.md (asked for
// at 8b43626; the copy read is the one the index holds, at commit 47a05b8,
// which has the 90 FR 5308 text of 734.4(a)(9)):
//
// 734.4(b): "Non-U.S.-made items that incorporate U.S.-origin items that
// are listed in this paragraph are subject to the EAR unless they meet the
// de minimis level and destination requirements of paragraph (c) or (d) of
// this section and the requirements of this paragraph."
// 734.4(b)(1): "The U.S.-origin commodities or software, if controlled
// under ECCN 5A002, ECCN 5B002, equivalent or related software therefor
// classified under ECCN 5D002, and "cryptanalytic items" or digital
// forensics items (investigative tools) classified under ECCN 5A004 or
// 5D002, must have been: (i) Publicly available encryption source code ...;
// (ii) Authorized for License Exception ENC by BIS after classification
// pursuant to § 740.17(b)(3) of the EAR; (iii) Authorized for License
// Exception ENC by BIS after classification pursuant to § 740.17(b)(2) of
// the EAR, and the non-U.S.-made product will not be sent to any
// destination in Country Groups E:1 and E:2 in Supplement No. 1 to part 740
// of the EAR; or (iv) Authorized for License Exception ENC pursuant to
// § 740.17(b)(1) of the EAR."
// 734.4(b)(2): "The U.S.-origin encryption items are classified under ECCNs
// 5A992, 5D992, or 5E992.b."
// 734.4(c): "Except as provided in paragraphs (a) and (b)(1)(iii) of this
// section and subject to the provisions of paragraphs (b)(1)(i), (b)(1)(ii)
// and (b)(2) of this section, the following reexports are not subject to
// the EAR ..."
//
// Effective: applied from dmFloor (2020-01-01, the earliest date answered);
// the condition was in 734.4(b) before that date in the copies read for
// the categories (it only narrows de minimis, so applying it early is the
// conservative side).
const (
	citationEncB   = "15 CFR 734.4(b)(1)"
	citationEncB2  = "15 CFR 734.4(b)(1)(iii)"
	citationBundle = "15 CFR 734.4(c)(1) and (d)(1), Notes (3)"
)

// encB2Barred are the destinations 734.4(b)(1)(iii) bars: "any destination
// in Country Groups E:1 and E:2". Reading: the destination of the request
// is where the product is "sent"; a later destination is not known and is
// not read (conservative for the destination given; the text's "will not
// be sent" is the exporter's to assure).
var encB2Barred = fdp.Places{Groups: []jurisdiction.Group{jurisdiction.GroupE1, jurisdiction.GroupE2}}

// usOrigin answers whether a line is US-origin: yes, no, or (origin
// unknown, unless the unknown_origin policy treats it as US-origin)
// indeterminate.
func (c *dmEval) usOrigin(l product.Line) ear.Answer {
	switch l.Origin {
	case product.OriginUS:
		return ear.Yes
	case product.OriginUnknown:
		if c.q.Options.UnknownOrigin == UnknownOriginControlled {
			return ear.Yes
		}
		return ear.Indeterminate
	}
	return ear.No
}

// encryptionCondition reads 734.4(b)(1) for line i when its 740.17 status
// is given (an unclassified line, or a status not given or unknown, is
// read in DeMinimis). It answers whether the line keeps the item from de
// minimis whatever the percentage: Yes (no de minimis level), Indeterminate
// (open) or No; with the provision, a sentence and the missing facts.
//
//   - "740.17(b)(2)" on a line classified 5A002, 5A004, 5B002 or 5D002, or
//     not classified (the status says it is such content; conservative):
//     734.4(b)(1)(iii) is met only if the item is not sent to E:1 or E:2.
//     To E:1 or E:2 the item has no de minimis level (734.4(c) opens
//     "Except as provided in paragraphs (a) and (b)(1)(iii)").
//   - "mass_market" on a line classified 5A002, 5A004, 5B002 or 5D002: not
//     one of the statuses of 734.4(b)(1) (mass-market items are 5A992 or
//     5D992, 734.4(b)(2)). Reading (conservative, the facts contradict each
//     other): 734.4(b) is not taken as met; the line is left open on its
//     encryption status and ECCN rather than cleared, or held to bar de
//     minimis on a classification that may be a mistake.
func (c *dmEval) encryptionCondition(i int, l product.Line) (ear.Answer, string, string, []MissingFact) {
	if l.Encryption != product.EncryptionB2 && l.Encryption != product.EncryptionMassMarket {
		return ear.No, "", "", nil // the two statuses below; most lines have none
	}
	us := c.usOrigin(l)
	if us == ear.No {
		return ear.No, "", "", nil
	}
	listed := isEncryption(l.ECCN)
	var m []MissingFact
	if us == ear.Indeterminate {
		m = append(m, MissingFact{Field: componentField(i) + ".origin", Why: "US-origin Category 5 Part 2 content is read against 734.4(b); the line's origin is unknown"})
	}
	switch {
	case l.Encryption == product.EncryptionB2 && (listed || !l.ECCN.IsValid()):
		in := c.destIn(&encB2Barred, c.dest, c.groups)
		a := us.And(in)
		switch a {
		case ear.No:
			return ear.No, "", "", nil
		case ear.Yes:
			return a, "740.17(b)(2) encryption content in an item sent to " + c.dest.String() + " (E:1 or E:2): 734.4(b)(1)(iii) is not met and the item has no de minimis level", citationEncB2, nil
		}
		why := "740.17(b)(2) encryption content: 734.4(b)(1)(iii) is not met if the item is sent to E:1 or E:2"
		if in == ear.Indeterminate {
			gap := "whether " + c.dest.String() + " is in E:1 or E:2 is open: " + gapText(c.groupsGap)
			why += "; " + gap
			m = append(m, MissingFact{Field: "as_of", Why: gap})
		}
		return ear.Indeterminate, why, citationEncB2, m
	case l.Encryption == product.EncryptionMassMarket && listed:
		why := "classified " + l.ECCN.String() + " with the encryption status mass_market, which is not one of the 740.17 statuses of 734.4(b)(1) (mass-market items are 5A992 or 5D992, 734.4(b)(2)): 734.4(b) is not taken as met (conservative reading; the ECCN or the status decides)"
		m = append(m,
			MissingFact{Field: componentField(i) + ".encryption", Why: "a line classified " + l.ECCN.String() + " meets 734.4(b)(1) only with a 740.17(b)(1), (b)(2) or (b)(3) status; mass_market is not one of them"},
			MissingFact{Field: componentField(i) + ".eccn", Why: "a mass-market encryption line is 5A992 or 5D992 (734.4(b)(2)); classified " + l.ECCN.String() + " it must meet 734.4(b)(1)"})
		return ear.Indeterminate, why, citationEncB, m
	}
	return ear.No, "", "", nil
}

// bundledSoftware reads the Notes to 734.4(c)(1) and (d)(1), as quoted from
// the copy of 734.4 of encryptionCondition: "(3) The de minimis exclusion
// under paragraph (c)(1) only applies to software that is listed on the
// Commerce Control List (CCL) and has a reason for control of
// anti-terrorism (AT) only or software that is designated as EAR99 (subject
// to the EAR, but not listed on the CCL). For all other software, an
// independent assessment of whether the software by itself is subject to
// the EAR must be performed." (the note to (d)(1) reads "classified as
// EAR99"). Applied from dmFloor, as the categories in force before it.
//
// It answers whether line i is US-origin software bundled with the item
// that the exclusion does not reach: classified, but neither EAR99 nor
// AT-only (Yes), or not classified (Indeterminate). Reading (conservative):
// such software stays subject to the EAR (734.3(a)(2)) whatever the
// percentage, so the de minimis test does not clear the shipment: the line
// is still counted, and when the line itself needs, or may need, a license
// to the destination (st, its status in the worksheet), the outcome
// "within" becomes indeterminate, naming the line; when it needs none, a
// note says that the software was left to its own assessment.
func (c *dmEval) bundledSoftware(l product.Line) ear.Answer {
	if l.Relation != product.Bundled {
		return ear.No
	}
	us := c.usOrigin(l)
	if us == ear.No {
		return ear.No
	}
	switch e := l.ECCN; {
	case !e.IsValid():
		return us.And(ear.Indeterminate)
	case e.IsEAR99() || atOnly(e):
		return ear.No
	}
	return us
}
