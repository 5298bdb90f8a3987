package fdp

import (
	"slices"
	"sync"

	"github.com/earcheck/ear/jurisdiction"
)

// The thirteen foreign direct product rules of 15 CFR 734.9, one value per
// paragraph, in CFR order. Each value carries everything about its
// paragraph: citation, dates, scopes, the license requirement it pairs
// with, and its provenance as data (Source: the text read and which dated
// copy, what is only reported, the readings chosen). The table rendered by
// Set.Markdown shows all of it.
//
// The text read is 15 CFR 734.9 as amended through 90 FR 5308 (2025-01-16),
// the last version of the section before the affiliates rule; nothing later
// of 734.9 was available. Where an earlier version matters, the rule says so.
//
// Conservative readings (an item is taken to be subject where the text is
// unclear): .y items indeterminate for (c) and (d); an incorporation whose
// item classification is unknown counts for (h) and (j); the (e)(3)
// facility prong read as an advanced-node end use in Macau or D:5.

// textJan2025 is the dated copy of 15 CFR 734.9 the rules were read in.
const textJan2025 = "15 CFR 734.9 as amended through 90 FR 5308 (2025-01-16), eCFR text"

func read(note string) Source    { return Source{Basis: TextRead, Ref: textJan2025, Note: note} }
func fr(ref string) Source       { return Source{Basis: Reported, Ref: ref} }
func reading(note string) Source { return Source{Basis: ReadingChosen, Note: note} }

// text742Jan2025 is the dated copy of 15 CFR 742.4 and 742.6 the SME
// exclusions were read in.
const text742Jan2025 = "15 CFR 742.4 and 742.6 as amended through 90 FR 5310 (2025-01-16), eCFR mirror MichalOpoka/ecfr at 8b43626"

// supp4Part742 are the countries of Supplement No. 4 to part 742 held: the
// two the reports name (the supplement's text was not read).
var supp4Part742 = Places{Places: []Place{{Country: jurisdiction.Japan}, {Country: jurisdiction.Netherlands}}}

// smeExclusion is the exclusion of the SME license requirement lifts for
// items subject to the EAR only under 734.9(k) or 734.4(a)(8), exported
// from abroad or reexported by an entity located in a country of Supp.
// No. 4 to part 742 and not headquartered, nor with an ultimate parent
// headquartered, in Macau or D:5.
func smeExclusion(cite, lifts, what string) Exclusion {
	return Exclusion{
		Citation: MustParseCitation(cite), Lifts: []Citation{MustParseCitation(lifts)},
		ExporterIn: supp4Part742, NotHeadquarteredIn: macauOrD5, DeMinimis: MustParseCitation("15 CFR 734.4(a)(8)"),
		What: what + " does not apply to an item subject to the EAR only under 734.9(k) or 734.4(a)(8), exported from abroad or reexported by an entity located in " + supp4Part742.String() + " (Supp. No. 4 to part 742) that is not headquartered, nor has an ultimate parent headquartered, in Macau or D:5",
	}
}

// ECCN lists shared by several rules, as printed in the text read.
var (
	// The footnote 1 list of (e)(1)(i)(A) and (B), with the ECCNs added by
	// 89 FR 96790 (3D901, 3D992-3D994, 3E901, 3E992-3E994).
	fn1Inputs = []string{
		"3D001", "3D901", "3D991", "3D992", "3D993", "3D994",
		"3E001", "3E002", "3E003", "3E901", "3E991", "3E992", "3E993", "3E994",
		"4D001", "4D993", "4D994", "4E001", "4E992", "4E993",
		"5D001", "5D991", "5E001", "5E991",
	}
	// The plant inputs of (e)(3)(i)(B)(1)-(2) and (k)(1)(ii)(A)-(B), text
	// of 2025-01-16 (8b43626), with their qualifiers: "3D001 (for 3B
	// commodities), 3D901, 3D991 (for 3B991 and 3B992), 3D992, 3D993,
	// 3D994, 3E001 (for 3B commodities), 3E901 (for 3B903), 3E991 (for
	// 3B991 and 3B992), 3E992, 3E993, or 3E994" ((k) prints "3B991 or
	// 3B992" for 3E991). The plant's technology or software must be for
	// what the qualifier names (the lineage entry's "for"; not stated, the
	// route is open).
	cat3BPlantInputs = []string{
		"3D001 for 3B", "3D901", "3D991 for 3B991 3B992", "3D992", "3D993", "3D994",
		"3E001 for 3B", "3E901 for 3B903", "3E991 for 3B991 3B992", "3E992", "3E993", "3E994",
	}
	// The semiconductor manufacturing equipment of (k)(1): "3B001.a.4, c,
	// d, f.1, f.5, f.6, k to n, p.2, p.4, r, or 3B002.c".
	smeItems = []string{
		"3B001.a.4", "3B001.c", "3B001.d", "3B001.f.1", "3B001.f.5", "3B001.f.6",
		"3B001.k", "3B001.l", "3B001.m", "3B001.n", "3B001.p.2", "3B001.p.4", "3B001.r",
		"3B002.c",
	}
)

var (
	macau        = Place{Country: jurisdiction.Macau}
	macauOrD5    = Places{Places: []Place{macau}, Groups: groups("D:5")}
	anywhere     = Places{Anywhere: true}
	preDiffusion = Places{Places: []Place{macau}, Groups: groups("D:1", "D:4", "D:5"), ExceptGroups: groups("A:5", "A:6")}
	russiaEtc    = Places{Places: []Place{
		{Country: jurisdiction.Russia, From: date("2022-02-24")},
		{Country: jurisdiction.Belarus, From: date("2022-03-02")},
		{Country: jurisdiction.Ukraine, Region: jurisdiction.RegionCrimea, From: date("2023-05-19")},
	}}
	iran = Places{Places: []Place{{Country: jurisdiction.Iran}}}
	// prcOrMacau is the place scope of 734.9(i)(2): "the PRC or Macau"
	// (not D:5, which 744.23(a)(1) names).
	prcOrMacau = Places{Places: []Place{{Country: jurisdiction.China}, macau}}
)

// The dated copies of 734.9 read for the versions before 2024-12-02 (the
// eCFR mirror MichalOpoka/ecfr, section-734.9.md).
const (
	textMay2023 = "15 CFR 734.9 as amended through 88 FR 33428 (2023-05-23), eCFR mirror MichalOpoka/ecfr at d5918ea"
	textOct2023 = "15 CFR 734.9 as amended through 88 FR 73488 (2023-10-25), eCFR mirror MichalOpoka/ecfr at 72c1e58"
)

// preDec2024Inputs is the footnote 1 list before 89 FR 96790 (2024-12-02),
// as the May and October 2023 copies print (e)(1)(i)(A): "3D001, 3D991,
// 3E001, 3E002, 3E003, 3E991, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993,
// 5D001, 5D991, 5E001, or 5E991".
var preDec2024Inputs = []string{
	"3D001", "3D991", "3E001", "3E002", "3E003", "3E991", "4D001", "4D993", "4D994", "4E001", "4E992", "4E993",
	"5D001", "5D991", "5E001", "5E991",
}

// dec2024 is the effective date of 89 FR 96790, which lengthened the input
// lists of (e)(1), (e)(2) and (i).
var dec2024 = date("2024-12-02")

// splitAtDec2024 gives the rule r two versions: until 2024-12-02 with the
// input lists direct and plant (as the 2023 copies print them), and from
// then on as read in the January 2025 text. The earlier version keeps r's
// predecessor.
func splitAtDec2024(r Rule, direct, plant []string, note string) (Rule, Rule) {
	early := r.clone()
	early.Until = dec2024
	d, p := *early.Product.Direct, *early.Product.Plant
	d.Patterns, p.Patterns = patterns(direct...), patterns(plant...)
	early.Product.Direct, early.Product.Plant = &d, &p
	early.Provenance = append([]Source{{Basis: TextRead, Ref: textOct2023, Note: note}, {Basis: TextRead, Ref: textMay2023, Note: "the same list"}},
		slices.DeleteFunc(slices.Clone(r.Provenance), func(s Source) bool { return s.Basis == TextRead })...)
	late := r
	late.Effective, late.Compliance = dec2024, jurisdiction.Date{}
	late.Predecessor, late.PredecessorFrom, late.PredecessorSame = Citation{}, jurisdiction.Date{}, false
	return early, late
}

// jan2025E3 is the effective date of 90 FR 5298 (FR Doc. 2025-00711,
// published 2025-01-16; the amendment of 734.9 printed at 90 FR 5308), read
// in its DATES: "The effective date of this rule is January 16, 2025", with
// a compliance date of 2025-01-31 for what it revised. From it, (e)(3)
// excepts 3B001.f.6 and reaches entities at advanced-node facilities in
// Macau or D:5, and (k) lists 3B001.f.6.
var jan2025E3 = date("2025-01-16")

// jan2025E3Compliance is 90 FR 5298's compliance date.
var jan2025E3Compliance = date("2025-01-31")

// textDec2024 is the text of 734.9 before 90 FR 5298.
const textDec2024 = "15 CFR 734.9 as amended through 89 FR 96810 (2024-12-05), eCFR mirror MichalOpoka/ecfr at 4464eaa"

// splitE3AtJan2025 gives (e)(3) two versions. Text read of 2024-12-05
// (4464eaa): (e)(3)(i) "specified in ECCN 3B001 (except 3B001.a.4, c, d,
// f.1, f.5, g, h, k to n, p.2, p.4, r), 3B002 (except 3B002.c), 3B903,
// 3B991 (except 3B991.b.2.a through 3B991.b.2.b), 3B992, 3B993, or 3B994";
// (e)(3)(ii) "End-user scope of the Entity List FDP rule: Footnote 5": an
// entity with a Footnote 5 designation, no facility prong. The text of
// 2025-01-16 (8b43626) also excepts 3B001.f.6 and adds the entities
// "located at a “facility” in Macau or a destination specified in Country
// Group D:5 where the “production” of logic or DRAM “advanced-node
// integrated circuits” occurs".
func splitE3AtJan2025(r Rule) []Rule {
	early := r.clone()
	early.Until = jan2025E3
	early.Product.Item.Patterns = patterns(
		"3B001 except .a.4 .c .d .f.1 .f.5 .g .h .k .l .m .n .p.2 .p.4 .r",
		"3B002 except .c", "3B903", "3B991 except .b.2.a .b.2.b", "3B992", "3B993", "3B994")
	early.Reach = slices.DeleteFunc(early.Reach, func(p Prong) bool { return p.Kind != ProngFootnote })
	early.Provenance = append([]Source{{Basis: TextRead, Ref: textDec2024,
		Note: "(e)(3)(i): 3B001 except a.4, c, d, f.1, f.5, g, h, k to n, p.2, p.4, r (3B001.f.6 not excepted); (e)(3)(ii): footnote 5 entities only"}},
		slices.DeleteFunc(slices.Clone(r.Provenance), func(s Source) bool { return s.Basis == TextRead || s.Basis == ReadingChosen })...)
	late := r
	late.Effective, late.Compliance = jan2025E3, jan2025E3Compliance
	late.Provenance = append(slices.Clone(r.Provenance), fr("90 FR 5298 (2025-01-16, FR Doc. 2025-00711), effective 2025-01-16, compliance 2025-01-31: 3B001.f.6 excepted, the facility prong added"))
	return []Rule{early, late}
}

// splitKAtJan2025 gives (k) two versions: the text of 2024-12-05
// (4464eaa), (k)(1) "a foreign-produced commodity specified in ECCN
// 3B001.a.4, c, d, f.1, f.5, k to n, p.2, p.4, r, or 3B002.c" (no f.6),
// and from 90 FR 5298 (2025-01-16) the list with f.6.
func splitKAtJan2025(r Rule) []Rule {
	early := r.clone()
	early.Until = jan2025E3
	early.Product.Item.Patterns = patterns(slices.DeleteFunc(slices.Clone(smeItems), func(s string) bool { return s == "3B001.f.6" })...)
	early.Provenance = append([]Source{{Basis: TextRead, Ref: textDec2024,
		Note: "(k)(1): 3B001.a.4, c, d, f.1, f.5, k to n, p.2, p.4, r, or 3B002.c (no f.6); (ii)(A)-(B) plant and contains routes as later; (k)(2): Macau or D:5"}},
		slices.DeleteFunc(slices.Clone(r.Provenance), func(s Source) bool { return s.Basis == TextRead })...)
	late := r
	late.Effective, late.Compliance = jan2025E3, jan2025E3Compliance
	late.Provenance = append(slices.Clone(r.Provenance), fr("90 FR 5298 (2025-01-16, FR Doc. 2025-00711), effective 2025-01-16, compliance 2025-01-31: 3B001.f.6 added to (k)(1)"))
	return []Rule{early, late}
}

// splitFAtApr2022 gives (f) its three versions. Text read of 2022-03-08
// (0d851c3, through 87 FR 13055): (f)(1)(i) "the foreign-produced item is
// not designated EAR99 and is a “direct product” of U.S.-origin
// “technology” or “software” subject to the EAR that is specified in any
// ECCN in product groups D or E in Categories 3, 4, 5, 6, 7, 8, or 9 of the
// CCL", (f)(1)(ii) the same for the plant. Text read of 2022-04-14
// (db3b9e1, through 87 FR 22131): the same, "in product groups D or E of
// the CCL" (any category), from 87 FR 22130's effective date, 2022-04-08.
// Text read of 2023-05-23 (d5918ea): the item "specified in any ECCN on the
// CCL or in supplement no. 6 or 7 to part 746", which admits EAR99 items;
// no copy between 2022-04-14 and 2023-05-23 was read. The section's
// amendment list (text of 2024-12-05) names, between them, 87 FR 57078
// (2022-09-16), the rule of 87 FR 57068 (effective 2022-09-15) that
// created Supp. No. 6 to part 746, 87 FR 62195, 88 FR 2824 and 88 FR 12153
// (88 FR 12150, effective 2023-02-24, which created Supp. No. 7): the
// supplements are taken in from 2022-09-15, the earliest of them that can
// have added them (broader).
func splitFAtApr2022(r Rule) []Rule {
	text := func(ref, note string) []Source {
		return append([]Source{{Basis: TextRead, Ref: ref, Note: note}},
			slices.DeleteFunc(slices.Clone(r.Provenance), func(s Source) bool { return s.Basis == TextRead })...)
	}
	first := r.clone()
	first.Until = apr2022F
	first.Product.Item.Supp7 = false
	first.Product.Direct.MinCategory, first.Product.Plant.MinCategory = 3, 3
	first.Provenance = text("15 CFR 734.9 as amended through 87 FR 13055 (2022-03-08), eCFR mirror MichalOpoka/ecfr at 0d851c3",
		"(f)(1)(i)-(ii): the item \"not designated EAR99\"; U.S.-origin technology or software \"in product groups D or E in Categories 3, 4, 5, 6, 7, 8, or 9 of the CCL\"; (f)(2): destined to Russia or Belarus, or incorporation into items \"not designated EAR99\" produced in or destined to them")
	second := r.clone()
	second.Effective, second.Until = apr2022F, sep2022F
	second.Product.Item.Supp7 = false
	second.Provenance = text("15 CFR 734.9 as amended through 87 FR 22131 (2022-04-14), eCFR mirror MichalOpoka/ecfr at db3b9e1",
		"(f)(1)(i)-(ii): the item \"not designated EAR99\"; U.S.-origin technology or software \"in product groups D or E of the CCL\" (87 FR 22130, effective 2022-04-08)")
	late := r
	late.Effective = sep2022F
	late.Provenance = append(slices.Clone(r.Provenance), reading("the items of Supp. No. 6 and 7 to part 746 (EAR99 items) are taken in from 2022-09-15 (87 FR 57068, which created Supp. No. 6 and amended 734.9 at 87 FR 57078): the text of 2023-05-23 prints them and no copy between 2022-04-14 and then was read (broader)"))
	return []Rule{first, second, late}
}

// apr2022F is the effective date of 87 FR 22130 (published 2022-04-14),
// which widened (f)'s inputs to product groups D and E of every category.
var apr2022F = date("2022-04-08")

// sep2022F is the day from which (f) is read with the items of Supp. No. 6
// and 7 to part 746 (see splitFAtApr2022).
var sep2022F = date("2022-09-15")

// ruleData returns the thirteen rules, three of them ((e)(1), (e)(2), (i))
// in two versions around 2024-12-02, (e)(3) in two around 2025-01-16, (h)
// in two around 2023-11-17 and (j) in two around 2024-07-23. It builds fresh values; the checked set is Default.
func ruleData() []Rule {
	fn4Inputs := append(append([]string{}, fn1Inputs...), "5D002", "5E002")
	hInputs := append(append([]string{}, fn1Inputs...), "4D090", "5D002", "5E002")
	// (h)(1)(i)(A) and (ii)(A) before 2023-11-17 (d5918ea), the same list
	// for both routes.
	hInputs2022 := []string{
		"3D001", "3D991", "3E001", "3E002", "3E003", "3E991", "4D001", "4D090", "4D993", "4D994",
		"4E001", "4E992", "4E993", "5D001", "5D002", "5D991", "5E001", "5E991", "5E002",
	}
	// (i)(1)(ii), the plant route, lists the (i)(1)(i) ECCNs but 4D993, in
	// every version read: the text's own asymmetry, kept.
	iPlantInputs := slices.DeleteFunc(slices.Clone(fn4Inputs), func(s string) bool { return s == "4D993" })
	rules := []Rule{
		{
			Citation: MustParseCitation("15 CFR 734.9(b)"), Title: "National Security FDP rule",
			Effective: date("2022-02-03"),
			// Before the move, in General Prohibition Three with the same
			// substance since 2010-07-30 (reported below).
			Predecessor: MustParseCitation("15 CFR 736.2(b)(3)"), PredecessorFrom: date("2010-07-30"), PredecessorSame: true,
			Product: ProductScope{
				Item:   ItemScope{Test: ItemNSControlled},
				Direct: &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9, WrittenAssurance: true},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9, WrittenAssurance: true},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: Places{Groups: groups("D:1", "E:1", "E:2")}}},
			Provenance: []Source{
				read("(b)(1)(i)-(ii): U.S.-origin technology or software that requires a written assurance (para. (o)(3)(i) of Supp. No. 2 to part 748 or License Exception TSR); the item subject to NS controls; (b)(2): D:1, E:1 or E:2"),
				fr("87 FR 6022 (2022-02-03): moved into 734.9(b) from General Prohibition Three, 736.2(b)(3)"),
				Source{Basis: Reported, Ref: "International Trade Today, 2010-07-30, on the BIS final rule effective 2010-07-30", Note: "736.2(b)(3) before 2022: a foreign-made item subject to NS controls, the direct product of U.S.-origin technology or software that requires a written assurance (TSR), reexported to Country Group D:1, E:1 or E:2 (the rule of 2010-07-30 extended it from D:1 and Cuba to E:1): the substance of 734.9(b); the 736.2 text itself was not read"},
				reading("the plant route of (b)(1)(ii) names technology only; software is kept in it (broader than the text)"),
				reading("written assurance not stated: NS-controlled technology or software is indeterminate, AT-only cannot need one"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(c)"), Title: "9x515 FDP rule",
			// 734.9 was written by 87 FR 6022 (2022-02-03; its source note
			// begins "[87 FR 6024, Feb. 3, 2022"): before, the rule stood
			// in General Prohibition Three, from 2014-11-10, with the same
			// substance as reported ("moved").
			Effective:   date("2022-02-03"),
			Predecessor: MustParseCitation("15 CFR 736.2(b)(3)"), PredecessorFrom: date("2014-11-10"), PredecessorSame: true,
			Product: ProductScope{
				Item:   ItemScope{Test: Item9x515},
				Direct: &InputScope{Origin: InputUSOrigin, Patterns: patterns("9D515", "9E515")},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: patterns("9D515", "9E515")},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: Places{Groups: groups("D:5", "E:1", "E:2")}}},
			Provenance: []Source{
				read("(c)(1): U.S.-origin 9D515 or 9E515 (direct), 9E515 technology (plant); a 9x515 item; (c)(2): D:5, E:1 or E:2"),
				fr("79 FR 27418 (2014-05-13), effective 2014-11-10"),
				fr("87 FR 6022 (2022-02-03): moved into 734.9(c)"),
				reading("the plant route names 9E515 only; 9D515 is kept in it (broader than the text)"),
				reading(".y items: indeterminate (whether they are 9x515 items for this rule is not settled)"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(d)"), Title: `"600 series" FDP rule`,
			// As (c): in General Prohibition Three from 2013-10-15 until
			// 734.9 was written on 2022-02-03.
			Effective:   date("2022-02-03"),
			Predecessor: MustParseCitation("15 CFR 736.2(b)(3)"), PredecessorFrom: date("2013-10-15"), PredecessorSame: true,
			Product: ProductScope{
				Item:   ItemScope{Test: Item600Series},
				Direct: &InputScope{Origin: InputUSOrigin, Series600: true},
				Plant:  &InputScope{Origin: InputUSOrigin, Series600: true},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: Places{Groups: groups("D:1", "D:3", "D:4", "D:5", "E:1", "E:2")}}},
			Provenance: []Source{
				read("(d)(1): U.S.-origin \"600 series\" technology or software; a \"600 series\" item or 0A919 (Note 1); (d)(2): D:1, D:3, D:4, D:5, E:1 or E:2"),
				fr("78 FR 22660 (2013-04-16), effective 2013-10-15"),
				fr("87 FR 6022 (2022-02-03): moved into 734.9(d)"),
				reading(".y items: indeterminate (whether they are within the rule is not settled)"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(e)(1)"), Title: "Entity List FDP rule: footnote 1",
			Effective: date("2020-08-17"),
			// The first version of the Huawei rule (85 FR 29849, in force
			// from 2020-05-15), not modelled.
			Predecessor: MustParseCitation("15 CFR 736.2(b)(3)(vi)"), PredecessorFrom: date("2020-05-15"),
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: patterns(fn1Inputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: patterns(fn1Inputs...)},
			},
			Reach:      []Prong{{Kind: ProngFootnote, Footnote: 1}},
			Affiliates: true,
			License: &License{
				Citation: MustParseCitation("15 CFR 744.11(a)(2)(i)"),
				What:     "a license is required for foreign-produced items subject to the EAR under 734.9(e)(1) when a footnote 1 entity is involved",
			},
			Provenance: []Source{
				read("(e)(1)(i)(A)-(B): the 24 ECCNs as listed; direct route subject to the EAR, plant route U.S.-origin; (e)(1)(ii): a footnote 1 entity as party or as producer, purchaser or orderer; license requirement at 744.11(a)(2)(i)"),
				fr("85 FR 51596 (2020-08-20), effective 2020-08-17, in 736.2(b)(3)(vi); first version 85 FR 29849 (2020-05-15)"),
				fr("87 FR 6022 (2022-02-03): moved into 734.9(e)(1)"),
				fr("89 FR 96790 (2024-12-05): 3D901, 3D992-3D994, 3E901, 3E992-3E994 added"),
				fr("90 FR 47201 (2025-09-30): affiliates rule"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(e)(2)"), Title: "Entity List FDP rule: footnote 4",
			Effective: date("2022-10-07"),
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: patterns(fn4Inputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: patterns(fn4Inputs...)},
			},
			Reach:      []Prong{{Kind: ProngFootnote, Footnote: 4}},
			Affiliates: true,
			License: &License{
				Citation: MustParseCitation("15 CFR 744.11(a)(2)(ii)"),
				What:     "a license is required for foreign-produced items subject to the EAR under 734.9(e)(2) when a footnote 4 entity is involved",
			},
			Provenance: []Source{
				read("(e)(2)(i)(A)-(B): the footnote 1 list plus 5D002 and 5E002; (e)(2)(ii): a footnote 4 entity; license requirement at 744.11(a)(2)(ii)"),
				fr("87 FR 62186 (2022-10-13), effective 2022-10-07"),
				fr("89 FR 96790 (2024-12-05): the footnote 1 additions"),
				fr("90 FR 47201 (2025-09-30): affiliates rule"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(e)(3)"), Title: "Entity List FDP rule: footnote 5",
			Effective: date("2024-12-02"), Compliance: date("2024-12-31"),
			Product: ProductScope{
				Item: ItemScope{Test: ItemListed, Patterns: patterns(
					"3B001 except .a.4 .c .d .f.1 .f.5 .f.6 .g .h .k .l .m .n .p.2 .p.4 .r",
					"3B002 except .c", "3B903", "3B991 except .b.2.a .b.2.b", "3B992", "3B993", "3B994")},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: patterns(
					"3D001 for 3B", "3D901 for 3B903", "3D991 for 3B991 3B992", "3D993", "3D994",
					"3E001 for 3B", "3E901 for 3B903", "3E991 for 3B991 3B992", "3E993", "3E994")},
				Plant:      &InputScope{Origin: InputUSOrigin, Patterns: patterns(cat3BPlantInputs...)},
				ContainsIC: true,
			},
			Reach: []Prong{
				{Kind: ProngFootnote, Footnote: 5},
				{Kind: ProngEndUse, EndUse: EndUseAdvancedNodeIC, Where: macauOrD5},
			},
			Affiliates: true,
			License: &License{
				Citation: MustParseCitation("15 CFR 744.11(a)(2)(v)"),
				What:     "a license is required for foreign-produced commodities subject to the EAR under 734.9(e)(3) when a footnote 5 entity, or an entity at an advanced-node facility in Macau or D:5, is involved",
			},
			Provenance: []Source{
				read("(e)(3)(i): the 3B items as listed (f.6 from 90 FR 5308); (A) direct inputs with their \"for\" qualifiers; (B)(1)-(2) plant and contains routes; (e)(3)(ii): a footnote 5 entity, or an entity at a facility in Macau or D:5 producing logic or DRAM advanced-node ICs; license requirement at 744.11(a)(2)(v)"),
				fr("89 FR 96790 (2024-12-05), effective 2024-12-02, compliance 2024-12-31"),
				fr("90 FR 47201 (2025-09-30): affiliates rule"),
				reading("the facility prong is read as the advanced_node_ic end use at a destination in Macau or D:5"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(f)"), Title: "Russia/Belarus/Temporarily occupied Crimea region of Ukraine FDP rule",
			Effective: date("2022-02-24"),
			Product: ProductScope{
				Item:   ItemScope{Test: ItemOnCCL, Supp7: true},
				Direct: &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9},
			},
			Reach: []Prong{
				{Kind: ProngDestination, Where: russiaEtc},
				{Kind: ProngIncorporation, Where: russiaEtc},
			},
			License: &License{
				Citation:        MustParseCitation("15 CFR 746.8(a)(2)"),
				What:            "a license is required for foreign-produced items subject to the EAR under 734.9(f) destined to Russia, Belarus or the Crimea region",
				NotFromPartners: true,
			},
			Provenance: []Source{
				read("(f)(1): U.S.-origin technology or software in any product group D or E ECCN; the item in any ECCN on the CCL or in Supp. No. 6 or 7 to part 746; (f)(2): Russia, Belarus or the Crimea region, or incorporation into items produced in or destined to them; license requirements at 746.8"),
				fr("87 FR 12226 (2022-03-03), effective 2022-02-24; Belarus 87 FR 13048 (2022-03-08), from 2022-03-02; Crimea from 2023-05-19"),
				Source{Basis: TextRead, Ref: "15 CFR 746.8 of mid-2024, a copy of the sections of parts 745-791", Note: "746.8(a)(2): a license for foreign-produced items subject under 734.9(f); (a)(12)(iii)(A): not for exports or reexports from the countries of Supp. No. 3 to part 746"},
				reading("the partner-country exclusion of 746.8(a)(12)(iii) is applied to the license requirement, not to this rule"),
				reading("the EAR99 items of Supp. No. 6 and 7 to part 746 are not held: an EAR99 item is indeterminate"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(g)"), Title: "Russia/Belarus-Military End User and Procurement FDP rule",
			Effective: date("2022-02-24"),
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, AnyDE: true, MaxCategory: 9},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9},
			},
			Reach:      []Prong{{Kind: ProngFootnote, Footnote: 3}},
			Affiliates: true,
			License: &License{
				Citation:        MustParseCitation("15 CFR 746.8(a)(3)"),
				What:            "a license is required for foreign-produced items subject to the EAR under 734.9(g) when a footnote 3 entity is involved",
				NotFromPartners: true,
			},
			Provenance: []Source{
				read("(g)(1): technology or software subject to the EAR (direct) or U.S.-origin (plant) in any product group D or E ECCN; (g)(2): a footnote 3 entity; license requirements at 746.8"),
				fr("87 FR 12226 (2022-03-03), effective 2022-02-24; renamed and widened by 89 FR 68539 (2024-08-27)"),
				Source{Basis: TextRead, Ref: "15 CFR 746.8 of mid-2024, a copy of the sections of parts 745-791", Note: "746.8(a)(12)(iii)(A): exports or reexports from the countries of Supp. No. 3 to part 746 are not subject to the license requirements of (a)(2) and (a)(3)"},
				fr("90 FR 47201 (2025-09-30): affiliates rule"),
			},
		},
		{
			// (h) as first written, until the advanced computing rules of
			// 2023-10-25 took effect on 2023-11-17. Text read (d5918ea,
			// through 88 FR 33428): (h)(1)(i)(A) and (ii)(A) the 19
			// ECCNs as listed; (B) "(1) Specified in ECCN 3A090, 3E001
			// (for 3A090), 4A090, or 4E001 (for 4A090) of the CCL; or (2)
			// An integrated circuit, computer, 'electronic assembly,' or
			// 'component' specified elsewhere on the CCL and meets the
			// performance parameters of ECCN 3A090 or 4A090"; (h)(2)(i)
			// "Destined to the PRC or Macau or will be incorporated into
			// any 'part,' 'component,' 'computer,' or 'equipment' not
			// designated EAR99 that is destined to the PRC or Macau"; (ii)
			// technology developed by an entity headquartered in the PRC
			// or Macau for the production of a mask or an IC wafer or die.
			Citation: MustParseCitation("15 CFR 734.9(h)"), Title: "Advanced computing FDP rule",
			Effective: date("2022-10-07"), Until: date("2023-11-17"),
			Product: ProductScope{
				Item: ItemScope{Test: ItemListed, Patterns: patterns(
					"3A090", "4A090", "3E001 for 3A090", "4E001 for 4A090"), Elsewhere: true},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: patterns(hInputs2022...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: patterns(hInputs2022...)},
			},
			Reach: []Prong{
				{Kind: ProngDestination, Where: prcOrMacau},
				{Kind: ProngIncorporation, Where: prcOrMacau},
				{Kind: ProngDeveloperHQ, Where: prcOrMacau},
			},
			Provenance: []Source{
				{Basis: TextRead, Ref: textMay2023, Note: "(h)(1): the 19 input ECCNs as listed; the item in 3A090, 3E001 (for 3A090), 4A090, 4E001 (for 4A090), or an IC, computer, electronic assembly or component elsewhere on the CCL meeting the performance parameters of 3A090 or 4A090; (h)(2): destined to the PRC or Macau, incorporation into non-EAR99 items destined there, or technology of a PRC/Macau-headquartered developer for masks or IC wafers or dies"},
				fr("87 FR 62186 (2022-10-13), effective 2022-10-07; Macau added by 88 FR 2821 (2023-01-17); replaced by 88 FR 73458 (2023-10-25), effective 2023-11-17"),
				reading("Macau is applied from 2022-10-07 (broader: the text of 2022-10-13 was not read); an item of product group A in Categories 3-5 that the list does not describe is open (performance parameters are not stated)"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(h)"), Title: "Advanced computing FDP rule",
			Effective: date("2023-11-17"), Compliance: date("2025-05-15"),
			Product: ProductScope{
				Item: ItemScope{Test: ItemListed, Patterns: patterns(
					"3A090", "4A090", "3E001 for 3A090", "4E001 for 4A090",
					"3A001.z", "4A003.z", "4A004.z", "4A005.z", "5A002.z", "5A004.z", "5A992.z")},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: patterns(hInputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: patterns(hInputs...)},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: anywhere}},
			Enforced: &Reading{
				Note: "text of 2025-01-12: Macau or D:1/D:4/D:5 not also in A:5/A:6, incorporation into items bound there, worldwide to a party headquartered (or with its ultimate parent headquartered) in Macau or D:5, or technology of a Macau/D:5-headquartered developer for masks or IC wafers or dies",
				// (h)(2)(i) of the text read (4464eaa, through 89 FR 96810;
				// the same in 72c1e58, 88 FR 73488): "... or worldwide to
				// an entity headquartered in, or whose ultimate parent
				// company is headquartered in, either Macau or a destination
				// specified in Country Group D:5"; the Note to (h)(2): the
				// requirements "apply when any entity headquartered in ...
				// is a party to any transaction involving the
				// foreign-produced item, e.g., as a 'purchaser,'
				// 'intermediate consignee,' 'ultimate consignee,' or
				// 'end-user.'" A party's headquartered_in is its
				// declaration (absent: none declared).
				Reach: []Prong{
					{Kind: ProngDestination, Where: preDiffusion},
					{Kind: ProngIncorporation, Where: preDiffusion},
					{Kind: ProngPartyHQ, Where: macauOrD5},
					{Kind: ProngDeveloperHQ, Where: macauOrD5},
				},
			},
			Provenance: []Source{
				read("(h)(1): the 27 input ECCNs as listed; the item in 3A090, 3E001 (for 3A090), 4A090, 4E001 (for 4A090), or an IC, computer, electronic assembly or component in the .z paragraphs; (h)(2): any location worldwide, or technology of a Macau/D:5-headquartered developer; license requirements at 742.6(a)(6)"),
				Source{Basis: TextRead, Ref: "15 CFR 734.9 as amended through 89 FR 96810 (2024-12-05), eCFR mirror MichalOpoka/ecfr at 4464eaa", Note: "(h)(2)(i) before the AI diffusion amendments: D:1/D:4/D:5 not also in A:5/A:6, incorporation into items bound there, \"or worldwide to an entity headquartered in, or whose ultimate parent company is headquartered in, either Macau or a destination specified in Country Group D:5\"; the Note to (h)(2) reads any party to the transaction"},
				fr("87 FR 62186 (2022-10-13), effective 2022-10-07; rewritten by 88 FR 73458 (2023-10-25), effective 2023-11-17; AI diffusion 90 FR 4544 (2025-01-15), effective 2025-01-13, compliance 2025-05-15"),
				reading("enforced reading: BIS announced on 2025-05-13 that it would not enforce the AI diffusion amendments; the text of 2025-01-12 is used under that option"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(i)"), Title: `"Supercomputer" FDP rule`,
			Effective: date("2022-10-07"),
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: patterns(fn4Inputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: patterns(iPlantInputs...)},
			},
			Reach: []Prong{{Kind: ProngEndUse, EndUse: EndUseSupercomputer, Where: prcOrMacau}},
			License: &License{
				Citation: MustParseCitation("15 CFR 744.23"),
				What:     "a license is required for foreign-produced items subject to the EAR under 734.9(i) for a supercomputer end use",
			},
			Provenance: []Source{
				read("(i)(1)(i): technology or software subject to the EAR in the 26 ECCNs listed (the footnote 1 list with 5D002 and 5E002); (i)(1)(ii): a plant that is a direct product of U.S.-origin technology or software in the same ECCNs but 4D993; (i)(2): used in, or incorporated into items for, a supercomputer \"located in or destined to the PRC or Macau\"; license requirements at 744.23"),
				fr("87 FR 62186 (2022-10-13), effective 2022-10-07; Macau 88 FR 2821 (2023-01-17); 88 FR 73458 (2023-10-25)"),
				reading("where the supercomputer is: end_uses[].located_in, or the destination when the request does not say"),
			},
		},
		{
			// (j) as first codified: Categories 3 through 5 or 7, no
			// government prong.
			Citation: MustParseCitation("15 CFR 734.9(j)"), Title: "Iran FDP rule",
			Effective: date("2023-02-24"), Until: date("2024-07-23"),
			Product: ProductScope{
				Item:   ItemScope{Test: ItemCategories, MinCategory: 3, MaxCategory: 7, ExceptCategories: []int{6}, Supp7: true},
				Direct: &InputScope{Origin: InputUSOrigin, AnyDE: true, MinCategory: 3, MaxCategory: 7, ExceptCategories: []int{6}},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MinCategory: 3, MaxCategory: 7, ExceptCategories: []int{6}},
			},
			Reach: []Prong{
				{Kind: ProngDestination, Where: iran},
				{Kind: ProngIncorporation, Where: iran},
			},
			License: &License{
				Citation: MustParseCitation("15 CFR 746.7"),
				What:     "a license is required for foreign-produced items subject to the EAR under 734.9(j) for Iran",
			},
			Provenance: []Source{
				{Basis: TextRead, Ref: "15 CFR 734.9 as amended through 88 FR 73488 (2023-10-25), eCFR text", Note: "(j)(1): U.S.-origin technology or software in product groups D or E \"in Categories 3 through 5 or 7\"; the item in Supp. No. 7 to part 746 or in an ECCN of those categories; (j)(2): destined to Iran or incorporation there; license requirements at 746.7"},
				fr("88 FR 12150 (2023-02-27), effective 2023-02-24"),
				reading("the version ends on 2024-07-23, the day recorded for FR Doc. 2024-16566 (89 FR 60564, published 2024-07-26); the EAR99 items of Supp. No. 7 to part 746 are not held: an EAR99 item is indeterminate"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(j)"), Title: "Iran FDP rule",
			Effective: date("2024-07-23"),
			Product: ProductScope{
				Item:   ItemScope{Test: ItemCategories, MinCategory: 3, MaxCategory: 9, Supp7: true},
				Direct: &InputScope{Origin: InputUSOrigin, AnyDE: true, MinCategory: 3, MaxCategory: 9},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MinCategory: 3, MaxCategory: 9},
			},
			Reach: []Prong{
				{Kind: ProngDestination, Where: iran},
				{Kind: ProngIncorporation, Where: iran},
				{Kind: ProngGovernment, Government: jurisdiction.Iran},
			},
			License: &License{
				Citation: MustParseCitation("15 CFR 746.7"),
				What:     "a license is required for foreign-produced items subject to the EAR under 734.9(j) for Iran",
			},
			Provenance: []Source{
				read("(j)(1): U.S.-origin technology or software in product groups D or E of Categories 3 through 9; the item in Supp. No. 7 to part 746 or in Categories 3 through 9; (j)(2): destined to Iran or incorporation there; (j)(3): the Government of Iran a party; license requirements at 746.7"),
				fr("89 FR 60564 (2024-07-26, FR Doc. 2024-16566), recorded as effective 2024-07-23: Categories 3 through 9 and (j)(3)"),
				reading("the EAR99 items of Supp. No. 7 to part 746 are not held: an EAR99 item is indeterminate"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(k)"), Title: "Semiconductor Manufacturing Equipment (SME) FDP rule",
			Effective: date("2024-12-02"), Compliance: date("2024-12-31"),
			Product: ProductScope{
				Item:       ItemScope{Test: ItemListed, Patterns: patterns(smeItems...)},
				Direct:     &InputScope{Origin: InputSubjectToEAR, Patterns: patterns("3D992", "3E992")},
				Plant:      &InputScope{Origin: InputUSOrigin, Patterns: patterns(cat3BPlantInputs...)},
				ContainsIC: true,
			},
			Reach: []Prong{{Kind: ProngDestination, Where: macauOrD5}},
			Exclusions: []Exclusion{
				smeExclusion("15 CFR 742.4(a)(4)(ii)(B)", "15 CFR 742.4(a)(4)", "the national security requirement of 742.4(a)(4)"),
				smeExclusion("15 CFR 742.6(a)(6)(i)(A)(2)(ii)", "15 CFR 742.6(a)(6)(i)(A)", "the regional stability requirement of 742.6(a)(6)(i)(A)"),
			},
			Provenance: []Source{
				read("(k)(1): the 3B001/3B002.c items as listed (f.6 from 90 FR 5308); (i) direct product of 3D992 or 3E992; (ii)(A)-(B) plant and contains routes; (k)(2): Macau or D:5; license requirements at 742.4(a)(4) and 742.6(a)(6)(i)(A), read through the item's own ECCN"),
				fr("89 FR 96790 (2024-12-05), effective 2024-12-02, compliance 2024-12-31"),
				reading("exports from countries with equivalent controls are carved out of the license requirement, not of this rule"),
				{Basis: TextRead, Ref: text742Jan2025, Note: "742.4(a)(4)(ii)(B) and 742.6(a)(6)(i)(A)(2)(ii): the requirements do not apply to an item subject to the EAR pursuant to 734.4(a)(8) or 734.9(k) reexported or exported from abroad by an entity located in a country of Supp. No. 4 to part 742 and not headquartered, nor with an ultimate parent headquartered, in Macau or D:5"},
				{Basis: Reported, Ref: "Supp. No. 4 to part 742 (89 FR 96790)", Note: "its text was not read; secondary sources report 33 countries including Japan and the Netherlands: only Japan and the Netherlands are held, so an exporter located elsewhere keeps the requirement (conservative)"},
				reading("742.4(a)(4)(ii)(C) and 742.6(a)(6)(i)(A)(2)(iii) (a country with equivalent controls, established by advisory opinion) are not applied: no list of such countries is published"),
			},
		},
		{
			Citation: MustParseCitation("15 CFR 734.9(l)"), Title: "AI model weights FDP rule",
			Effective: date("2025-01-13"), Compliance: date("2025-05-15"),
			Product: ProductScope{
				// (l)(1), text read (8b43626): "specified in ECCN 4E091 and
				// is produced by a complete plant or 'major component' of a
				// plant that is located outside the United States, when the
				// complete plant or 'major component' of a plant, whether
				// made in the United States or a foreign country, is subject
				// to the EAR and specified in ECCN 3A001.z, 3A090, 4A003.z,
				// 4A004.z, 4A005.z, 4A090, 5A002.z, 5A004.z, or 5A992.z."
				Item:    ItemScope{Test: ItemListed, Patterns: patterns("4E091")},
				PlantIs: patterns("3A001.z", "3A090", "4A003.z", "4A004.z", "4A005.z", "4A090", "5A002.z", "5A004.z", "5A992.z"),
			},
			Reach:    []Prong{{Kind: ProngDestination, Where: anywhere}},
			Enforced: &Reading{Absent: true, Note: "734.9(l) and 4E091 did not exist on 2025-01-12"},
			Provenance: []Source{
				read("(l)(1): a 4E091 item produced by a plant or major component that is itself subject to the EAR and specified in 3A001.z, 3A090, 4A003.z, 4A004.z, 4A005.z, 4A090, 5A002.z, 5A004.z or 5A992.z; (l)(2): any location worldwide; license requirements at 742.6(a)(13)"),
				fr("90 FR 4544 (2025-01-15), effective 2025-01-13, compliance 2025-05-15"),
				reading("a request states the plant's lineage, not its classification: the plant route is open for every 4E091 item"),
			},
		},
	}
	// The versions before 2024-12-02 of the rules whose input lists 89 FR
	// 96790 lengthened (3D901, 3D992-3D994, 3E901, 3E992-3E994 added).
	fn4Early := append(slices.Clone(preDec2024Inputs), "5D002", "5E002")
	iPlantEarly := slices.DeleteFunc(slices.Clone(fn4Early), func(s string) bool { return s == "4D993" })
	var out []Rule
	for _, r := range rules {
		switch r.Citation.String() {
		case "15 CFR 734.9(e)(1)":
			a, b := splitAtDec2024(r, preDec2024Inputs, preDec2024Inputs, "(e)(1)(i)(A)-(B): the 16 ECCNs as listed before 2024-12-02")
			out = append(out, a, b)
		case "15 CFR 734.9(e)(2)":
			a, b := splitAtDec2024(r, fn4Early, fn4Early, "(e)(2)(i)(A)-(B): the footnote 1 list of then with 5D002 and 5E002")
			out = append(out, a, b)
		case "15 CFR 734.9(e)(3)":
			out = append(out, splitE3AtJan2025(r)...)
		case "15 CFR 734.9(f)":
			out = append(out, splitFAtApr2022(r)...)
		case "15 CFR 734.9(k)":
			out = append(out, splitKAtJan2025(r)...)
		case "15 CFR 734.9(i)":
			a, b := splitAtDec2024(r, fn4Early, iPlantEarly, "(i)(1)(i): the 18 ECCNs as listed before 2024-12-02; (i)(1)(ii) the same but 4D993; (i)(2) PRC or Macau (Macau from 88 FR 2821, 2023-01-17, applied from 2022-10-07: broader)")
			out = append(out, a, b)
		default:
			out = append(out, r)
		}
	}
	return out
}

// AIDiffusionEffective returns the effective date of the AI diffusion
// amendments (90 FR 4544), 2025-01-13: before it, the codified text is the
// one the enforced reading uses.
func AIDiffusionEffective() jurisdiction.Date { return date("2025-01-13") }

// The affiliates rule (90 FR 47201, effective 2025-09-29) and its
// suspension (final rule effective 2025-11-10, FR published 2025-11-12,
// vol. 90 no. 216; suspended "through November 9, 2026" and reimposed on
// 2026-11-10 absent further action). Reported by secondary sources; the
// text of the rules was not read. Whether BIS extended the suspension is not
// known to this package.
//
// Affiliates returns the period the affiliates rule was first in force
// (2025-09-29 to 2025-11-09) and the day its suspension, as written, ends
// (2026-11-10).
func Affiliates() (first jurisdiction.Period, resumes jurisdiction.Date) {
	return jurisdiction.Period{From: date("2025-09-29"), Until: date("2025-11-10")}, date("2026-11-10")
}

// Default returns the checked set of the thirteen FDP rules of 15 CFR
// 734.9 in CFR order. The set is built once, on first use, and shared; it
// is immutable.
func Default() Set { return defaultSet() }

var defaultSet = sync.OnceValue(func() Set {
	s, err := newSet(ruleData(), true)
	if err != nil {
		panic("fdp: rule data: " + err.Error())
	}
	return s
})

func date(s string) jurisdiction.Date { return jurisdiction.MustParseDate(s) }

func groups(names ...string) []jurisdiction.Group {
	out := make([]jurisdiction.Group, len(names))
	for i, n := range names {
		out[i] = jurisdiction.MustParseGroup(n)
	}
	return out
}
