package exception

import (
	"slices"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product/ccl"
)

// The dated copies read (the eCFR mirror MichalOpoka/ecfr, one Markdown
// file per section; each copy dated by the last Federal Register citation
// of its source note, or by its content where the note has none).
const (
	mirror    = "eCFR mirror MichalOpoka/ecfr, "
	read7403  = mirror + "section-740.3.md at 5936e6b (source note through 73 FR 57504 (2008-10-03); it links an amendment at 89 FR 34702 (2024-04-30) whose text was not read)"
	read7404  = mirror + "section-740.4.md at 5df0918 ([85 FR 84213, Dec. 28, 2020])"
	read7405  = mirror + "section-740.5.md at b946a64 ('§ 740.5 [Reserved]'); the text before the removal at dbb97d7 (through 81 FR 64669 (2016-09-20))"
	read7406  = mirror + "section-740.6.md at 5df0918 (through 85 FR 84213 (2020-12-28))"
	read7407  = mirror + "section-740.7.md at c0aa371 (no amendment list; its '.z' wording dates it after 88 FR 73491 (2023-10-25))"
	read7408  = mirror + "section-740.8.md at 4464eaa ([89 FR 23884, Apr. 4, 2024, as amended at 89 FR 96814, Dec. 5, 2024])"
	read7409  = mirror + "section-740.9.md at 5936e6b (it links an amendment at 89 FR 34702 (2024-04-30) whose text was not read)"
	read74010 = mirror + "section-740.10.md at 49244e5 (through 89 FR 34703 (2024-04-30))"
	read74011 = mirror + "section-740.11.md at 49244e5 (through 89 FR 34703 (2024-04-30))"
	// read74011b is the copy read for the paragraph terms (govTerms).
	read74011b = mirror + "section-740.11.md at 310710a (through 85 FR 83768 (2020-12-23); it links an amendment at 86 FR 58209 (2021-10-21), delayed to 2022-03-07, whose text was not read)"
	// read7407b is the copy of 740.7 the computer tiers were read from.
	read7407b = mirror + "section-740.7.md at c0aa371 (source note [71 FR 20883, Apr. 24, 2006] with no amendment list; its '.z' wording dates it after 88 FR 73491 (2023-10-25))"
	read74013 = mirror + "section-740.13.md at f96e524 (no amendment list; it has the (d)(2) sentence on MT software)"
	read74014 = mirror + "section-740.14.md at 328446c (with the firearms paragraphs of 85 FR 4136 (2020-01-23))"
	read74017 = mirror + "section-740.17.md at 003cc06 (through 87 FR 31951 (2022-05-26))"
	read74020 = mirror + "section-740.20.md at ea299c8 (through 82 FR 61157 (2017-12-27)); later amendments not read"
	read74024 = mirror + "section-740.24.md at b17c4bd ([89 FR 72937, Sept. 6, 2024])"
	read74025 = mirror + "section-740.25.md at 4464eaa ([89 FR 96814, Dec. 5, 2024])"
)

// src builds a provenance entry.
func src(b fdp.Basis, ref, note string) fdp.Source { return fdp.Source{Basis: b, Ref: ref, Note: note} }

// Country groups used by the tables.
var (
	grpB = []jurisdiction.Group{jurisdiction.GroupB}
	grpE = []jurisdiction.Group{jurisdiction.GroupE1, jurisdiction.GroupE2}
	exUA = []fdp.Place{{Country: jurisdiction.Ukraine}}
	cite = fdp.MustParseCitation
	pats = func(ss ...string) []fdp.Pattern {
		out := make([]fdp.Pattern, len(ss))
		for i, s := range ss {
			out[i] = fdp.MustParsePattern(s)
		}
		return out
	}
	meets = func(c Code, what string) Fact { return Fact{Field: "exception_facts.meets." + c.String(), What: what} }
)

// staA5Reasons are the reasons 740.20(c)(1) authorizes for Country Group
// A:5: "the only applicable reason(s) for control is (are) national
// security (NS); chemical or biological weapons (CB); nuclear
// nonproliferation (NP); regional stability (RS); crime control (CC),
// and/or significant items (SI)". staA6Reasons: 740.20(c)(2), A:6, "the
// only applicable reason for control is national security (NS)".
var (
	staA5Reasons = []ccl.Reason{ccl.ReasonNS, ccl.ReasonCB, ccl.ReasonNP, ccl.ReasonRS, ccl.ReasonCC, ccl.ReasonSI}
	staA6Reasons = []ccl.Reason{ccl.ReasonNS}
	// staBarredReasons: 740.20(b)(2)(iii), STA "may not be used for" items
	// controlled for EI, SS, SL, MT or CW reasons.
	staBarredReasons = []ccl.Reason{ccl.ReasonEI, ccl.ReasonSS, ccl.ReasonSL, ccl.ReasonMT, ccl.ReasonCW}
	// staBarredItems: the ECCNs of 740.20(b)(2)(ii), (v), (vii), (viii)
	// (the 9E003 hot-section list read as 9E003 for want of its
	// paragraphs, conservatively), (x); (xi) (3A001.b.2 and b.3 unless
	// for civil telecommunications) is in staQualifiedItems.
	staBarredItems = pats("0A981", "0A982", "0A983", "0A985", "0E982", "0E987",
		"1C351.a", "1C351.b", "1C351.c", "1C351.d.11", "1C351.d.12", "1C351.e", "1C353", "1C354", "1E351",
		"7E004 except .a.7", "9E003",
		"6A002", "6A990", "6D002 for 6A002.b", "6D003.c", "6D991", "6E001 for 6A002 6A003", "6E002 for 6A002 6A003", "6E990")
	// staQualifiedItems: 740.20(b)(2)(vi) (toxins 1C351.d: A:5 only, in
	// limited amounts) and (xi) (3A001.b.2, b.3 and their 3E001
	// technology, "unless ... for civil telecommunications
	// applications"): STA stays open only on facts the SDK does not read.
	staQualifiedItems = pats("1C351.d", "3A001.b.2", "3A001.b.3", "3E001 for 3A001.b.2 3A001.b.3")
)

// exceptionTable is every exception the SDK evaluates, in CFR order.
var exceptionTable = []Exception{
	{
		Code: LVS, Citation: cite("15 CFR 740.3"), Title: "Shipments of limited value (LVS)",
		Destinations: fdp.Places{Groups: grpB}, Line: "LVS", Kinds: "C",
		Facts: []Fact{
			{"exception_facts.order_value", "the net value of the commodities in the same order controlled under the same ECCN (740.3(b), (c)(2)), not to exceed the entry's LVS value"},
			{"exception_facts.annual_value", "the value of this calendar year's exports to the same ultimate consignee under the ECCN, this order included, not to exceed 12 times the LVS value (740.3(d)(2))"},
		},
		Text: "This License Exception is available for all destinations in Country Group B, provided that the net value of the commodities included in the same order and controlled under the same ECCN entry on the CCL does not exceed the amount specified in the LVS paragraph for that entry (740.3(b)).",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read7403, "(a) scope, (b) destinations and the value per order, (d)(2) the annual limit of 12 times the LVS value; the value is compared in U.S. dollars, as the CCL prints it."),
			src(fdp.ReadingChosen, "15 CFR 740.3(a)", "An entry whose LVS line prints no dollar value for the item's paragraph, or prints words the SDK cannot structure, leaves LVS indeterminate; the reasons of the line's 'N/A for' clause are not overcome."),
		},
	},
	{
		Code: GBS, Citation: cite("15 CFR 740.4"), Title: "Shipments to Country Group B countries (GBS)",
		Destinations: fdp.Places{Groups: grpB, Except: exUA}, Line: "GBS", Kinds: "C",
		Reasons: []ccl.Reason{ccl.ReasonNS}, Only: true,
		Text: "License Exception GBS authorizes exports and reexports to Country Group B, except Ukraine, of those commodities where the Commerce Country Chart indicates a license requirement to the ultimate destination for national security reasons only and identified by \"GBS - Yes\" on the CCL.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read7404, "The whole section: Country Group B except Ukraine, NS only, 'GBS - Yes'."),
		},
	},
	{
		Code: CIV, Citation: cite("15 CFR 740.5"), Title: "Civil end-users (CIV)",
		Until:        jurisdiction.MustParseDate("2020-06-29"),
		Destinations: fdp.Places{Groups: []jurisdiction.Group{jurisdiction.GroupD1}, Except: []fdp.Place{{Country: jurisdiction.NorthKorea}}},
		Line:         "CIV", Reasons: []ccl.Reason{ccl.ReasonNS}, Only: true,
		Facts: []Fact{meets(CIV, "that the items are destined to civil end-users for civil end-uses, with no knowledge of a military use or end-user (740.5(a), (b)(1))")},
		Text:  "CIV authorizes exports and reexports of items on the CCL that have a license requirement to the ultimate destination for NS reasons only and identified by \"CIV - Yes\", provided the items are destined to civil end-users for civil end-uses in Country Group D:1, except North Korea.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read7405, "The section is reserved in the later copy; the conditions are those of the earlier text."),
			src(fdp.Reported, "85 FR 23470 (2020-04-28), effective 2020-06-29", "The rule that removed CIV; its date is reported, its text not read."),
			src(fdp.ReadingChosen, "15 CFR 740.5", "The CCL held is the 2026 issue, which prints no CIV lines: before 2020-06-29 CIV is indeterminate, never available."),
		},
	},
	{
		Code: TSR, Citation: cite("15 CFR 740.6"), Title: "Technology and software under restriction (TSR)",
		Destinations: fdp.Places{Groups: grpB, Except: exUA}, Line: "TSR", Kinds: "DE",
		Reasons: []ccl.Reason{ccl.ReasonNS}, Only: true,
		Facts:      []Fact{meets(TSR, "that the consignee's written assurance of 740.6(a) was received before the export (\"If such a written assurance is not received, License Exception TSR is not applicable and a license is required\")")},
		Text:       "License Exception TSR permits exports and reexports of technology and software where the Commerce Country Chart indicates a license requirement to the ultimate destination for national security reasons only and identified by \"TSR - Yes\" in entries on the CCL, provided the software or technology is destined to Country Group B, except Ukraine.",
		Provenance: []fdp.Source{src(fdp.TextRead, read7406, "(a) destinations, the NS-only condition and the written assurance.")},
	},
	{
		Code: APP, Citation: cite("15 CFR 740.7"), Title: "Computers (APP)",
		Destinations: fdp.Places{Anywhere: true}, Line: "APP",
		Items: pats("4A003", "4D001 for 4A003", "4E001 for 4A003"),
		Facts: []Fact{meets(APP, "the paragraph of 740.7 whose terms the export meets: the destination's computer tier (Tier 1 of (c)(1); Tier 3 of (d)(1) allows no commodities, and technology and source code for deemed exports only), and the restrictions of (b)")},
		Text:  "License Exception APP authorizes exports and reexports of computers, including \"electronic assemblies\" and specially designed components therefor controlled by ECCN 4A003, and technology and software in 4D001 and 4E001 for them, to the destinations of its computer tiers.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read7407, "(a) items, (b) restrictions, (c)(1) Tier 1 and (d)(1) Tier 3 with (d)(2) 'None' for Tier 3 commodities."),
			src(fdp.TextRead, read7407b, "(c)(1) the 143 Tier 1 destinations (appTier1), (d)(1) the 50 Tier 3 destinations (appTier3), (d)(2) \"Eligible commodities. None.\", (c)(3) and (d)(3) technology and source code: A:5 for any APP, otherwise deemed exports only."),
			src(fdp.Reported, "section-740.7.md at 08832f8 (2020)", "A reviewer reports 48 Tier 3 destinations, Burma in Tier 1; not read here."),
			src(fdp.ReadingChosen, "15 CFR 740.7(c)(1), (d)(1)", "Commodities to Tier 3, E:1 or E:2 are not available ((d)(2)); a statement of (c) needs a Tier 1 destination, one of (d) a Tier 3 destination and no commodity; a destination in neither list is not eligible; Burma and Cambodia before 2023-11-17 are indeterminate (their tier before the copy read is not read). Technology and software outside A:5 are indeterminate: (c)(3)(ii), (iii) and (d)(3) authorize deemed exports only, with APP limits the SDK does not read."),
		},
	},
	{
		Code: NAC, Citation: cite("15 CFR 740.8"), Title: "Notified Advanced Computing (NAC) and Advanced Computing Authorized (ACA)",
		Effective:    jurisdiction.MustParseDate("2023-11-17"),
		Destinations: fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Macau}}, Groups: []jurisdiction.Group{jurisdiction.GroupD1, jurisdiction.GroupD4, jurisdiction.GroupD5}},
		Items:        pats("3A090 except .c", "4A090", "3A001.z", "4A003.z", "4A004.z", "4A005.z", "5A002.z", "5A004.z", "5A992.z", "5D002.z", "5D992.z"),
		Facts:        []Fact{meets(NAC, "that the terms of 740.8(a) are met: a written purchase order, and for NAC (Macau, D:5 or an entity headquartered there) the notification of (c) confirmed by BIS; and that the item is not designed or marketed for use in a datacenter while meeting the parameters of 3A090.a")},
		Text:         "NAC: exports and reexports to Macau and Country Group D:5 (or an entity headquartered there) after notifying BIS; ACA: to or within Country Groups D:1 and D:4 (except Macau and D:5), of items in 3A090 (except 3A090.c), 4A090 and the .z paragraphs, except items designed or marketed for use in a datacenter and meeting the parameters of 3A090.a.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read7408, "(a) items and destinations, (b) no use where part 744 or 746 requires a license, (c) notification."),
			src(fdp.Reported, "88 FR 73458 (2023-10-25), effective 2023-11-17; ACA added by 89 FR 23876 (2024-04-04)", "The dates; the 2023 text was not read."),
			src(fdp.ReadingChosen, "15 CFR 740.8(b)", "The exception for a 744.23(a)(3) license outside D:1, D:4 and D:5 is not modelled: no part 744 requirement is overcome."),
		},
	},
	{
		Code: TMP, Citation: cite("15 CFR 740.9"), Title: "Temporary imports, exports, reexports, and transfers (in-country) (TMP)",
		Destinations: fdp.Places{Anywhere: true},
		Facts:        []Fact{meets(TMP, "the paragraph of 740.9 whose terms the export meets (tools of trade (a)(1), kits (a)(4), exhibition (a)(5), inspection, test, calibration or repair (a)(6), news media (a)(9), ...), among them return within one year (a)(14)")},
		Text:         "License Exception TMP authorizes various temporary exports, reexports and transfers (in-country), each paragraph with its destinations, items and terms.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read7409, "Paragraph destinations: (a)(1), (a)(4), (a)(5), (a)(6) not to E:1; (a)(8) Mexico; (a)(9) Belarus, Cuba, North Korea, Russia, Syria and the covered regions of Ukraine."),
		},
	},
	{
		Code: RPL, Citation: cite("15 CFR 740.10"), Title: "Servicing and replacement of parts and equipment (RPL)",
		Destinations: fdp.Places{Anywhere: true}, Kinds: "C",
		Facts: []Fact{meets(RPL, "the paragraph of 740.10 whose terms the export meets: one-for-one replacement parts for an item lawfully exported (a), or the return of serviced or replaced equipment (b)")},
		Text:  "License Exception RPL authorizes one-for-one replacement parts for items lawfully exported (740.10(a)) and the return of serviced or replaced equipment (740.10(b)).",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read74010, "(a)(3)(iv) no replacements to E:1 for NS-controlled items; (a)(3)(v) no 9x515 or '600 series' parts to D:5; (b)(2)(iv) nothing serviced to E:1."),
		},
	},
	{
		Code: GOV, Citation: cite("15 CFR 740.11"), Title: "Governments, international organizations, international inspections under the Chemical Weapons Convention, and the International Space Station (GOV)",
		Destinations: fdp.Places{Anywhere: true},
		Facts:        []Fact{meets(GOV, "the paragraph of 740.11 whose terms the export meets: IAEA or Euratom (a), the U.S. Government (b)(2), cooperating governments (c), the OPCW (d), the ISS (e)")},
		Text:         "License Exception GOV authorizes exports and reexports for international nuclear safeguards, to or for the U.S. Government, to cooperating governments, for Chemical Weapons Convention inspections and for the International Space Station.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read74011, "(c)(3)(vi): not for items controlled for NP reasons; (c)(3)(iii) and (a)(2): not for EI items."),
			src(fdp.TextRead, read74011b, "The item and destination terms of each paragraph (govTerms): the introduction (0A501, 0x5zz to E:1), (a)(1)(i)-(iii) and (a)(2), (b)(2)(iii)(B)(4) and Note 2 to (b)(2), (b)(2)(vi), (c)(1) cooperating governments, (c)(2)(i)-(iii), (c)(3), (d)(1), (d)(2)(iii), (e)(2), (e)(3)."),
			src(fdp.ReadingChosen, "15 CFR 740.11(a)(2)(i), (ii), (c)(3)(i), (ii)", "The Sensitive and Very Sensitive Lists (Supp. Nos. 6 and 7 to part 774) are not held; they list Wassenaar items controlled for NS reasons, so an item not controlled for NS is read as on neither, and one that is leaves (a) and (c) indeterminate."),
			src(fdp.ReadingChosen, "15 CFR 740.11", "A statement of a paragraph that holds several (\"740.11(c)\") is checked against the terms every one of them shares; where only some of its subparagraphs could reach the destination, GOV is indeterminate, not available."),
		},
	},
	{
		Code: TSU, Citation: cite("15 CFR 740.13"), Title: "Technology and software - unrestricted (TSU)",
		Destinations: fdp.Places{Anywhere: true}, Kinds: "DE",
		Facts: []Fact{meets(TSU, "the paragraph of 740.13 whose terms the export meets: operation technology and software (a), sales technology (b), software updates (c), mass market software (d), ...")},
		Text:  "License Exception TSU authorizes operation technology and software, sales technology, software updates, mass market software and the other releases of 740.13, each paragraph with its terms.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read74013, "(d): mass market software not to E:1, not for 5D002 software, not for MT software."),
		},
	},
	{
		Code: BAG, Citation: cite("15 CFR 740.14"), Title: "Baggage (BAG)",
		Destinations: fdp.Places{Anywhere: true},
		Facts:        []Fact{meets(BAG, "the paragraph of 740.14 whose terms the export meets: personal baggage of an individual leaving the United States (a)-(d), owned by the individual, not for sale, in usual and reasonable kinds and quantities")},
		Text:         "License Exception BAG authorizes individuals leaving the United States to take personal effects, household effects, vehicles and tools of trade, as personal baggage, each paragraph with its terms.",
		Provenance:   []fdp.Source{src(fdp.TextRead, read74014, "(a)-(d) personal baggage; (d) unaccompanied baggage of CB, MT, NS, EI or NP items not to D:1-D:4 or E:1; (e) firearms.")},
	},
	{
		Code: ENC, Citation: cite("15 CFR 740.17"), Title: "Encryption commodities, software, and technology (ENC)",
		Destinations: fdp.Places{Anywhere: true}, NotGroups: grpE, Line: "ENC",
		Items: pats("5A002", "5B002", "5A004", "5D002", "5E002"),
		Facts: []Fact{
			{"exception_facts.encryption", "the item's status under 740.17: self-classified under (b)(1), classified under (b)(2) or (b)(3), mass market, or the paragraph of (a) met"},
			{"exception_facts.government_end_user", "whether the end user is a \"government end user\" (740.17(b)(2): outside Supplement No. 3 to part 740, (b)(2) items go only to non-government end users)"},
		},
		Text: "License Exception ENC authorizes exports, reexports and transfers (in-country) of items classified under ECCNs 5A002, 5B002, 5A004, 5D002 and 5E002, by paragraph of 740.17, except to or in Country Groups E:1 and E:2.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read74017, "Intro (no E:1 or E:2), (b)(1) self-classification, (b)(2) 30-day classification and its end users, (b)(3) any end user."),
			src(fdp.ReadingChosen, "15 CFR 740.17(b)(2)", "Supplement No. 3 to part 740 is not held: a (b)(2) item for a government end user is indeterminate; for a non-government end user available (cryptanalytic items of (b)(2)(ii) excepted: indeterminate)."),
		},
	},
	{
		Code: STA, Citation: cite("15 CFR 740.20"), Title: "Strategic Trade Authorization (STA)",
		Destinations: fdp.Places{Groups: []jurisdiction.Group{jurisdiction.GroupA5, jurisdiction.GroupA6}},
		Facts:        []Fact{meets(STA, "that the conditions of 740.20(d) are met: the ECCN furnished to the consignee (d)(1), the prior consignee statement (d)(2) (not needed from an A:5 or A:6 government), and the notice with each shipment (d)(3)")},
		Text:         "Paragraph (c)(1) authorizes items whose only reasons for control are NS, CB, NP, RS, CC and/or SI to Country Group A:5; (c)(2) items whose only reason is NS, and not designated in the entry's STA paragraph, to Country Group A:6.",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read74020, "(b)(1)(i) every part 742 reason must be authorized; (b)(2) exclusions; (c)(1), (c)(2); (d) conditions."),
		},
	},
	{
		Code: IEC, Citation: cite("15 CFR 740.24"), Title: "Implemented Export Controls (IEC)",
		Effective:    jurisdiction.MustParseDate("2024-09-06"),
		Destinations: fdp.Places{Anywhere: true}, Line: "IEC",
		Facts: []Fact{meets(IEC, "that the item and the destinations are listed in 'License Exception Implemented Export Controls (IEC) Eligible Items and Destinations' (last modified 2024-08-27), incorporated by reference in 740.24(c)")},
		Text:  "License Exception IEC authorizes specified items to be exported, reexported, or transferred (in-country) to, among, or within specified destinations, as identified for each respective item (740.24(b)).",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read74024, "(b), (c): the items and destinations are in a table on the BIS website, not in the section."),
			src(fdp.ReadingChosen, "15 CFR 740.24(c)", "The incorporated table is not held: the caller states that the item and destination are listed."),
		},
	},
	{
		Code: HBM, Citation: cite("15 CFR 740.25"), Title: "High Bandwidth Memory (HBM)",
		Effective:    jurisdiction.MustParseDate("2024-12-02"),
		Destinations: fdp.Places{Anywhere: true}, Line: "HBM",
		Items: pats("3A090.c"),
		Facts: []Fact{meets(HBM, "that the terms of 740.25(b)-(d) are met: an exporter headquartered in the United States or A:5 with no ultimate parent in Macau or D:5, memory bandwidth density below 3.3 GB/s/mm2, shipment to the packaging site for the designer, and its confirmations")},
		Text:  "License Exception HBM authorizes exports, reexports and transfers (in-country) of items specified in ECCN 3A090.c under the conditions of 740.25(b) through (d).",
		Provenance: []fdp.Source{
			src(fdp.TextRead, read74025, "(b) the exporter's headquarters, (c) conditions, (d) prohibitions."),
			src(fdp.Reported, "89 FR 96790 (2024-12-05), effective 2024-12-02", "The effective date; the rule's DATES paragraph was not read."),
		},
	},
}

// govTerm is the item and destination terms of one paragraph of 740.11
// (GOV). A statement of paragraph p meets the kinds and items of every
// term whose paragraph covers p, and the destinations of the most specific
// such term that names destinations.
type govTerm struct {
	para  fdp.Citation
	kinds string        // the letters of the kinds allowed (C, D, E); "" any
	items []fdp.Pattern // only these items; nil any
	to    *fdp.Places   // the destinations; nil: any
	// toOpen: outside to, another subparagraph of para may still reach the
	// destination (the statement is not specific enough): indeterminate.
	toOpen string
	text   string // the regulation's words
}

// cooperating are the countries of cooperating governments, 740.11(c)(1):
// "'Cooperating governments' are the national governments of countries
// listed in Country Group A:1 (see supplement no. 1 to this part) and the
// national governments of Singapore and Taiwan."
var cooperating = &fdp.Places{Places: countryPlaces("SG", "TW"), Groups: []jurisdiction.Group{jurisdiction.GroupA1}}

// govTerms are the terms of the paragraphs of 740.11 (read74011b),
// in force from before 2020-01-01 as far as the copy read shows.
var govTerms = []govTerm{
	{para: cite("15 CFR 740.11(a)"), kinds: "CD", to: &fdp.Places{Places: countryPlaces("AT", "CA", "JP", "LU")},
		toOpen: "only reexports by the IAEA or Euratom for safeguards use (740.11(a)(1)(iii)) reach destinations other than Austria, Canada, Japan and Luxembourg",
		text:   "(a)(1): \"This paragraph (a) authorizes exports and reexports of commodities or software to the IAEA and Euratom, and reexports by IAEA and Euratom for official international safeguard use\""},
	{para: cite("15 CFR 740.11(a)(1)(i)"), to: &fdp.Places{Places: countryPlaces("AT", "CA", "JP")},
		text: "(a)(1)(i): \"Commodities or software consigned to the IAEA at its headquarters in Vienna, Austria or its field offices in Toronto, Ontario, Canada or in Tokyo, Japan\""},
	{para: cite("15 CFR 740.11(a)(1)(ii)"), to: &fdp.Places{Places: countryPlaces("LU")},
		text: "(a)(1)(ii): \"Commodities or software consigned to the Euratom Safeguards Directorate in Luxembourg, Luxembourg\""},
	{para: cite("15 CFR 740.11(a)(1)(iii)"), to: &fdp.Places{Anywhere: true},
		text: "(a)(1)(iii): \"may be reexported to any country for IAEA or Euratom international safeguards use\""},
	{para: cite("15 CFR 740.11(b)(2)(iii)(D)"), kinds: "CD",
		text: "(b)(2)(iii)(D): \"the export, reexport, or transfer of commodities or software at the direction of the U.S. Department of Defense\""},
	{para: cite("15 CFR 740.11(b)(2)(vi)"), kinds: "E",
		text: "(b)(2)(vi): \"This paragraph authorizes transfer of technology in furtherance of a contract between the exporter and an agency of the U.S. Government\""},
	{para: cite("15 CFR 740.11(c)"), to: cooperating,
		toOpen: "only (c)(2)(ii) (a military end user of a cooperating government, or NATO) or (c)(2)(iii) (a cooperating government's mission in Country Group B) reach a destination outside the territory of the cooperating governments (A:1, Singapore, Taiwan)",
		text:   "(c)(1): \"'Cooperating governments' are the national governments of countries listed in Country Group A:1 ... and the national governments of Singapore and Taiwan.\""},
	{para: cite("15 CFR 740.11(c)(2)(i)"), to: cooperating,
		text: "(c)(2)(i): \"all items consigned to and for the official use of any 'agency of a cooperating government' within the territory of any cooperating government\""},
	{para: cite("15 CFR 740.11(c)(2)(ii)"), to: &fdp.Places{Anywhere: true},
		text: "(c)(2)(ii): \"A military end user of or for the military end use of cooperating governments, or (B) An agency of NATO\""},
	{para: cite("15 CFR 740.11(c)(2)(iii)"), to: &fdp.Places{Groups: grpB},
		text: "(c)(2)(iii): \"a diplomatic or consular mission of a cooperating government located in any country in Country Group B\""},
	{para: cite("15 CFR 740.11(d)"), to: &fdp.Places{Places: countryPlaces("NL")},
		toOpen: "only exports and reexports by the OPCW, and technology of (d)(1)(ii) and (iii), reach destinations other than the OPCW's headquarters in The Hague",
		text:   "(d)(1): \"authorizes exports and reexports to the OPCW and exports and reexports by the OPCW for official international inspection and verification use\""},
	{para: cite("15 CFR 740.11(d)(1)(i)"), kinds: "CD", to: &fdp.Places{Places: countryPlaces("NL")},
		text: "(d)(1)(i): \"Commodities and software consigned to the OPCW at its headquarters in The Hague\""},
	{para: cite("15 CFR 740.11(d)(1)(ii)"), kinds: "E", to: &fdp.Places{Anywhere: true},
		text: "(d)(1)(ii): \"Controlled technology relating to the training of the OPCW inspectorate\""},
	{para: cite("15 CFR 740.11(d)(1)(iii)"), kinds: "E", to: &fdp.Places{Anywhere: true},
		text: "(d)(1)(iii): \"Controlled technology relating to a CWC inspection site\""},
	{para: cite("15 CFR 740.11(e)"), kinds: "C", items: pats("9A004"), to: &fdp.Places{Places: countryPlaces("FR", "JP", "KZ", "RU")},
		text: "(e)(2): \"Any commodity subject to the EAR that is classified under ECCN 9A004 and that is required for use on the ISS on short notice\"; (e)(3): \"Eligible destinations are France, Japan, Kazakhstan, and Russia.\""},
}

// govEIItems are the items of 740.11(a)(2)(iii) and (c)(3)(iii):
// "Encryption items controlled for EI reasons under ECCNs 5A002, 5A004,
// 5D002, or 5E002".
var govEIItems = pats("5A002", "5A004", "5D002", "5E002")

// govRSItems are the items of 740.11(c)(3)(iv): "ECCNs 6A002.a.1.c, 6E001
// “technology” ... for the “development” of equipment in 6A002.a.1.c, and
// 6E002 “technology” ... for the “production” of equipment in 6A002.a.1.c".
var govRSItems = pats("6A002.a.1.c", "6E001 for 6A002.a.1.c", "6E002 for 6A002.a.1.c")

// govNote2Reasons are the reasons of Note 2 to 740.11(b)(2): "Items
// controlled for NS, MT, CB, NP, FC, or AT reasons may not be exported,
// reexported, or transferred (in-country) to, or for the use of military,
// police, intelligence entities, or other sensitive end users ... of a
// government in a Country Group E:1 or E:2 country."
var govNote2Reasons = []ccl.Reason{ccl.ReasonNS, ccl.ReasonMT, ccl.ReasonCB, ccl.ReasonNP, ccl.ReasonFC, ccl.ReasonAT}

// The Computer Tiers of 740.7, as read in the copy of read7407b:
//
// (c)(1) "The destinations that are eligible to receive exports and
// reexports under paragraph (c) of this section include: Albania, Antigua
// and Barbuda, Argentina, ... Zambia, and Zimbabwe." (appTier1, 143
// names); (d)(1) "Eligible destinations under paragraph (d) of this
// section are: Afghanistan, Algeria, Andorra, Angola, ... Vietnam, and
// Yemen." (appTier3, 50 names); (d)(2) "Eligible commodities. None."
//
// The 2020 text (mirror commit 08832f8, reported by the reviewer, not
// read here: the mirror's commit could not be addressed) lists 48 Tier 3
// countries and puts Burma in Tier 1; the copy read lists Burma and
// Cambodia in Tier 3 and in neither place in Tier 1. The date of the move
// is not read: before appMovedBy, Burma and Cambodia are in a tier the SDK
// does not know (appTierUnknown), and APP for them is indeterminate
// (conservative); from it, Tier 3.
var (
	appTier1 = countryPlaces("AL", "AG", "AR", "AW", "AU", "AT", "BS", "BD", "BB", "BE", "BZ", "BJ", "BT", "BO", "BW", "BR", "BN",
		"BG", "BF", "BI", "CM", "CV", "CF", "TD", "CL", "CO", "CD", "CG", "CR", "CI", "HR", "CW", "CY", "CZ", "DK", "DM", "DO",
		"EC", "SV", "GQ", "ER", "EE", "ET", "FJ", "FI", "FR", "GA", "GM", "DE", "GH", "GR", "GD", "GT", "GN", "GW", "GY", "HT",
		"HN", "HU", "IS", "ID", "IE", "IT", "JM", "JP", "KE", "KI", "KR", "LV", "LS", "LR", "LT", "LU", "MG", "MW", "MY", "MV",
		"ML", "MT", "MH", "MU", "MX", "FM", "MC", "MZ", "NA", "NR", "NP", "NL", "NZ", "NI", "NE", "NG", "NO", "PW", "PA", "PG",
		"PY", "PE", "PH", "PL", "PT", "RO", "RW", "KN", "LC", "VC", "ST", "WS", "SM", "SN", "SC", "SL", "SG", "SX", "SK", "SI",
		"SB", "SO", "ZA", "ES", "LK", "SR", "SZ", "SE", "CH", "TW", "TZ", "TG", "TO", "TH", "TL", "TT", "TR", "TV", "UG", "GB",
		"UY", "VA", "VE", "EH", "ZM", "ZW")
	appTier3 = countryPlaces("AF", "DZ", "AD", "AO", "AM", "AZ", "BH", "BY", "BA", "MM", "KH", "CN", "KM", "DJ", "EG", "GE",
		"IN", "IQ", "IL", "JO", "KZ", "XK", "KW", "KG", "LA", "LB", "LY", "MO", "MK", "MR", "MD", "MN", "ME", "MA", "OM", "PK",
		"QA", "RU", "SA", "RS", "SD", "TJ", "TN", "TM", "UA", "AE", "UZ", "VU", "VN", "YE")
	// appTierUnknown: in Tier 3 in the copy read, in Tier 1 (Burma) or
	// not established (Cambodia) before.
	appTierUnknown = countryPlaces("MM", "KH")
	// appMovedBy is the first day the copy read is known to be in force:
	// its ".z" wording came with 88 FR 73458 (2023-10-25), effective
	// 2023-11-17 (reported, as for NAC).
	appMovedBy = jurisdiction.MustParseDate("2023-11-17")
)

// tmpParagraphs are the destinations 740.9 names by paragraph: a
// paragraph not listed names none beyond the section's.
var tmpParagraphs = []struct {
	para   fdp.Citation
	to     fdp.Places // the destinations allowed
	reason string
}{
	{cite("15 CFR 740.9(a)(1)"), fdp.Places{Anywhere: true}, "tools of trade: destinations other than Country Group E:1"},
	{cite("15 CFR 740.9(a)(4)"), fdp.Places{Anywhere: true}, "kits of replacement parts: all destinations except E:1"},
	{cite("15 CFR 740.9(a)(5)"), fdp.Places{Anywhere: true}, "exhibition and demonstration: all destinations except E:1"},
	{cite("15 CFR 740.9(a)(6)"), fdp.Places{Anywhere: true}, "inspection, test, calibration or repair: all destinations except E:1"},
	{cite("15 CFR 740.9(a)(8)"), fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Mexico}}}, "the IMMEX program: Mexico only"},
	{cite("15 CFR 740.9(a)(9)"), fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Belarus}, {Country: jurisdiction.Cuba}, {Country: jurisdiction.NorthKorea}, {Country: jurisdiction.Russia}, {Country: jurisdiction.Syria}, {Country: jurisdiction.Ukraine, Region: jurisdiction.RegionCrimea}, {Country: jurisdiction.Ukraine, Region: jurisdiction.RegionDNR}, {Country: jurisdiction.Ukraine, Region: jurisdiction.RegionLNR}}}, "news media: Belarus, Cuba, North Korea, Russia, Syria and the covered regions of Ukraine"},
}

// tmpNotE1 are the paragraphs of 740.9 that exclude Country Group E:1.
var tmpNotE1 = []fdp.Citation{cite("15 CFR 740.9(a)(1)"), cite("15 CFR 740.9(a)(4)"), cite("15 CFR 740.9(a)(5)"), cite("15 CFR 740.9(a)(6)")}

// Exceptions returns every exception the SDK evaluates, in CFR order. The
// caller owns the returned values.
func Exceptions() []Exception {
	out := make([]Exception, len(exceptionTable))
	for i, x := range exceptionTable {
		out[i] = x.clone()
	}
	return out
}

func (x Exception) clone() Exception {
	x.Destinations = clonePlaces(x.Destinations)
	x.NotGroups = slices.Clone(x.NotGroups)
	x.Items = slices.Clone(x.Items)
	x.Reasons = slices.Clone(x.Reasons)
	x.Facts = slices.Clone(x.Facts)
	x.Provenance = slices.Clone(x.Provenance)
	return x
}

func clonePlaces(p fdp.Places) fdp.Places {
	return fdp.Places{Anywhere: p.Anywhere, Places: slices.Clone(p.Places), Groups: slices.Clone(p.Groups),
		ExceptGroups: slices.Clone(p.ExceptGroups), Except: slices.Clone(p.Except)}
}
