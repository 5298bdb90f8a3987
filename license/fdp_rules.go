package license

import (
	"sync"

	"github.com/earcheck/ear/jurisdiction"
)

// The thirteen foreign direct product rules of 15 CFR 734.9, one value per
// paragraph, in CFR order. Each value carries its citation, effective date
// and the Federal Register rules it rests on; a comment beside it says what
// was verified and which reading was chosen where the text is ambiguous.
//
// Sources and confidence: /work/shared/reference/fdp.md (tags [V] verified
// against a source read, [K] from knowledge of the FR text, [T] only a
// third-party transcription of eCFR 2026-07-23). The official text was not
// read; diff these values against the eCFR part 734 before release.
//
// Conservative readings (choose the one that makes an item subject where
// the text is unclear): inputs of every product group D or E category for
// (f); .y items indeterminate for (c) and (d); an incorporation whose item
// classification is unknown counts for (h) and (j); the (e)(3) facility
// prong [T] included as an advanced-node end use in Macau or D:5.

// ECCN lists shared by several rules.
var (
	// The footnote 1 list of Category 3, 4 and 5 software and technology
	// (85 FR 51596, 2020 [V]) with the ECCNs added with the December 2024
	// rules (3D901, 3D992-3D994, 3E901, 3E992-3E994 [T]).
	fn1Inputs = []string{
		"3D001", "3D901", "3D991", "3D992", "3D993", "3D994",
		"3E001", "3E002", "3E003", "3E901", "3E991", "3E992", "3E993", "3E994",
		"4D001", "4D993", "4D994", "4E001", "4E992", "4E993",
		"5D001", "5D991", "5E001", "5E991",
	}
	// The plant inputs of (e)(3) and (k) (89 FR 96790 [T]).
	cat3BPlantInputs = []string{
		"3D001", "3D901", "3D991", "3D992", "3D993", "3D994",
		"3E001", "3E901", "3E991", "3E992", "3E993", "3E994",
	}
	// The semiconductor manufacturing equipment of (k) (89 FR 96790 [T]).
	smeItems = []string{
		"3B001.a.4", "3B001.c", "3B001.d", "3B001.f.1", "3B001.f.5", "3B001.f.6",
		"3B001.k", "3B001.l", "3B001.m", "3B001.n", "3B001.p.2", "3B001.p.4", "3B001.r",
		"3B002.c",
	}
)

var (
	fdpMacau        = Place{Country: jurisdiction.Macau}
	fdpMacauOrD5    = Destinations{Places: []Place{fdpMacau}, Groups: fdpGroups("D:5")}
	fdpAnywhere     = Destinations{Anywhere: true}
	fdpPreDiffusion = Destinations{Places: []Place{fdpMacau}, Groups: fdpGroups("D:1", "D:4", "D:5"), ExceptGroups: fdpGroups("A:5", "A:6")}
	fdpRussiaEtc    = Destinations{Places: []Place{
		{Country: jurisdiction.Russia, From: fdpDate("2022-02-24")},
		{Country: jurisdiction.Belarus, From: fdpDate("2022-03-02")},
		{Country: jurisdiction.Ukraine, Region: jurisdiction.RegionCrimea, From: fdpDate("2023-05-19")},
	}}
	fdpIran = Destinations{Places: []Place{{Country: jurisdiction.Iran}}}
)

// fdpRuleData returns the thirteen rules. It builds fresh values; the
// compiled set is DefaultFDPRules.
func fdpRuleData() []Rule {
	fn4Inputs := append(append([]string{}, fn1Inputs...), "5D002", "5E002")
	hInputs := append(append([]string{}, fn1Inputs...), "4D090", "5D002", "5E002")
	return []Rule{
		// (b) National Security FDP rule. [V] (b)(1)(i)(A) wording; [K] the rest.
		// In force in substance long before, as General Prohibition Three
		// (736.2(b)(3)); recorded from its 734.9(b) text (87 FR 6022, FR
		// published and effective 2022-02-03 [V: FR API record, Hogan
		// Lovells]). The item must itself be NS controlled (an NS row of its
		// ECCN covers it). Written assurance:
		// stated true/false decides; not stated, NS-controlled technology is
		// indeterminate and AT-only technology cannot need one (Q8).
		{
			Citation: "15 CFR 734.9(b)", Title: "National Security FDP rule",
			Effective: fdpDate("2022-02-03"),
			Sources:   []string{"87 FR 6022 (2022-02-03)", "75 FR 44887 (2010-07-30, predecessor in 736.2(b)(3))"},
			Product: ProductScope{
				Item:   ItemScope{Test: ItemNSControlled},
				Direct: &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9, WrittenAssurance: true},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9, WrittenAssurance: true},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: Destinations{Groups: fdpGroups("D:1", "E:1", "E:2")}}},
			Notes: []string{"Written assurance per para. (o)(3)(i) of Supp. No. 2 to part 748 or License Exception TSR (740.6)."},
		},
		// (c) 9x515 FDP rule. [K] 79 FR 27418 (effective 2014-11-10); moved to
		// 734.9(c) by 87 FR 6022. Item must be a 9x515 item [T]; .y items are
		// indeterminate (Q9, unverified).
		{
			Citation: "15 CFR 734.9(c)", Title: "9x515 FDP rule",
			Effective: fdpDate("2014-11-10"),
			Sources:   []string{"79 FR 27418 (2014-05-13)", "87 FR 6022 (2022-02-03)"},
			Product: ProductScope{
				Item:   ItemScope{Test: Item9x515},
				Direct: &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns("9D515", "9E515")},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns("9D515", "9E515")},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: Destinations{Groups: fdpGroups("D:5", "E:1", "E:2")}}},
			Notes: []string{".y items: indeterminate (unverified whether excluded)."},
		},
		// (d) "600 series" FDP rule. [K] 78 FR 22660 (effective 2013-10-15);
		// 0A919 in scope [V, 87 FR 6022]; .y indeterminate (Q9).
		{
			Citation: "15 CFR 734.9(d)", Title: `"600 series" FDP rule`,
			Effective: fdpDate("2013-10-15"),
			Sources:   []string{"78 FR 22660 (2013-04-16)", "87 FR 6022 (2022-02-03)"},
			Product: ProductScope{
				Item:   ItemScope{Test: Item600Series},
				Direct: &InputScope{Origin: InputUSOrigin, Series600: true},
				Plant:  &InputScope{Origin: InputUSOrigin, Series600: true},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: Destinations{Groups: fdpGroups("D:1", "D:3", "D:4", "D:5", "E:1", "E:2")}}},
			Notes: []string{"Item: a 600 series item or 0A919; .y items indeterminate (unverified whether excluded)."},
		},
		// (e)(1) Entity List FDP rule: footnote 1. [V] 85 FR 51596 (effective
		// 2020-08-17; first version 85 FR 29849, 2020-05-15), in 736.2(b)(3)(vi)
		// until 87 FR 6022. Direct route: subject to the EAR; plant route:
		// U.S.-origin (restored by 87 FR 12226). Affiliates: 90 FR 47201.
		{
			Citation: "15 CFR 734.9(e)(1)", Title: "Entity List FDP rule: footnote 1",
			Effective: fdpDate("2020-08-17"),
			Sources:   []string{"85 FR 51596 (2020-08-20)", "87 FR 6022 (2022-02-03)", "90 FR 47201 (2025-09-30, affiliates)"},
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: fdpPatterns(fn1Inputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns(fn1Inputs...)},
			},
			Reach:      []Prong{{Kind: ProngFootnote, Footnote: 1}},
			Affiliates: true,
			Notes:      []string{"License requirement: 744.11(a)(2)(i). Footnote 2 (Huawei rows) reaches no FDP rule."},
		},
		// (e)(2) Entity List FDP rule: footnote 4. [V] 87 FR 62186 (effective
		// 2022-10-07); 5D002/5E002 in the input list [T] (Oct 2023 rules [K]).
		{
			Citation: "15 CFR 734.9(e)(2)", Title: "Entity List FDP rule: footnote 4",
			Effective: fdpDate("2022-10-07"),
			Sources:   []string{"87 FR 62186 (2022-10-13)", "88 FR 73458 (2023-10-25)", "90 FR 47201 (2025-09-30, affiliates)"},
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: fdpPatterns(fn4Inputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns(fn4Inputs...)},
			},
			Reach:      []Prong{{Kind: ProngFootnote, Footnote: 4}},
			Affiliates: true,
			Notes:      []string{"License requirement: 744.11(a)(2)(ii)."},
		},
		// (e)(3) Entity List FDP rule: footnote 5. [V-summary] 89 FR 96790
		// (effective 2024-12-02, compliance 2024-12-31); lists [T]. The facility
		// prong (an entity at a Macau or D:5 facility producing advanced-node
		// ICs) is [T] only; kept (conservative) as the advanced_node_ic end use
		// at a Macau or D:5 destination.
		{
			Citation: "15 CFR 734.9(e)(3)", Title: "Entity List FDP rule: footnote 5",
			Effective: fdpDate("2024-12-02"), Compliance: fdpDate("2024-12-31"),
			Sources: []string{"89 FR 96790 (2024-12-05)", "90 FR 47201 (2025-09-30, affiliates)"},
			Product: ProductScope{
				Item: ItemScope{Test: ItemListed, Patterns: fdpPatterns(
					"3B001 except .a.4 .c .d .f.1 .f.5 .f.6 .g .h .k .l .m .n .p.2 .p.4 .r",
					"3B002 except .c", "3B903", "3B991 except .b.2.a .b.2.b", "3B992", "3B993", "3B994")},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: fdpPatterns(
					"3D001 for 3B", "3D901 for 3B903", "3D991 for 3B991 3B992", "3D993", "3D994",
					"3E001 for 3B", "3E901 for 3B903", "3E991 for 3B991 3B992", "3E993", "3E994")},
				Plant:      &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns(cat3BPlantInputs...)},
				ContainsIC: true,
			},
			Reach: []Prong{
				{Kind: ProngFootnote, Footnote: 5},
				{Kind: ProngEndUse, EndUse: EndUseAdvancedNodeIC, Where: fdpMacauOrD5},
			},
			Affiliates: true,
			Notes: []string{
				"License requirement: 744.11(a)(2) (footnote 5 paragraph number unverified).",
				"Facility prong [T only]: modeled as the advanced_node_ic end use in Macau or D:5.",
			},
		},
		// (f) Russia/Belarus/Crimea FDP rule. [K/V] 87 FR 12226 (effective
		// 2022-02-24); Belarus 87 FR 13048 (2022-03-02); Crimea 2023-05-19 [V];
		// Supp. No. 7 items 2023-02-24 / 2024-04-18 [V]. Inputs: any product
		// group D or E ECCN (conservative; the 2022 text said Categories 3-9
		// [V: AFS 2022]; whether later widened is unverified, Q6). Supp.
		// No. 7 to part 746 is not held: EAR99 items are indeterminate.
		{
			Citation: "15 CFR 734.9(f)", Title: "Russia/Belarus/Temporarily occupied Crimea region of Ukraine FDP rule",
			Effective: fdpDate("2022-02-24"),
			Sources:   []string{"87 FR 12226 (2022-03-03)", "87 FR 13048 (2022-03-08)", "88 FR 12150 (2023-02-27)"},
			Product: ProductScope{
				Item:   ItemScope{Test: ItemOnCCL, Supp7: true},
				Direct: &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9},
			},
			Reach: []Prong{
				{Kind: ProngDestination, Where: fdpRussiaEtc},
				{Kind: ProngIncorporation, Where: fdpRussiaEtc},
			},
			Notes: []string{
				"License requirement: 746.8(a)(2); partner countries of Supp. No. 3 to part 746 are excluded there, not here.",
				"Inputs of Categories 0-2 included (conservative; the 2022 text read Categories 3-9).",
			},
		},
		// (g) Russia/Belarus-Military End User and Procurement FDP rule. [K]
		// 87 FR 12226 (effective 2022-02-24); renamed and widened 89 FR 68539
		// (2024-08-27) [V]. Direct: any D/E subject to the EAR; plant: U.S.-origin.
		{
			Citation: "15 CFR 734.9(g)", Title: "Russia/Belarus-Military End User and Procurement FDP rule",
			Effective: fdpDate("2022-02-24"),
			Sources:   []string{"87 FR 12226 (2022-03-03)", "89 FR 68539 (2024-08-27)", "90 FR 47201 (2025-09-30, affiliates)"},
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, AnyDE: true, MaxCategory: 9},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9},
			},
			Reach:      []Prong{{Kind: ProngFootnote, Footnote: 3}},
			Affiliates: true,
			Notes:      []string{"License requirement: 746.8(a)(3), 744.21(b)."},
		},
		// (h) Advanced computing FDP rule. [V/T] 87 FR 62186 (effective
		// 2022-10-07), Macau 88 FR 2821 (2023-01-17), 88 FR 73458 (effective
		// 2023-11-17), AI diffusion 90 FR 4544 (effective 2025-01-13,
		// compliance 2025-05-15). Codified (default): any destination. Enforced
		// (BIS non-enforcement announced 2025-05-13 [V]; no rescission
		// published as of 2026-05-28 [V]): the text of 2025-01-12.
		{
			Citation: "15 CFR 734.9(h)", Title: "Advanced computing FDP rule",
			Effective: fdpDate("2022-10-07"), Compliance: fdpDate("2025-05-15"),
			Sources: []string{"87 FR 62186 (2022-10-13)", "88 FR 73458 (2023-10-25)", "90 FR 4544 (2025-01-15)"},
			Product: ProductScope{
				Item: ItemScope{Test: ItemListed, Patterns: fdpPatterns(
					"3A090", "4A090", "3E001 for 3A090", "4E001 for 4A090",
					"3A001.z", "4A003.z", "4A004.z", "4A005.z", "5A002.z", "5A004.z", "5A992.z")},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: fdpPatterns(hInputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns(hInputs...)},
			},
			Reach: []Prong{{Kind: ProngDestination, Where: fdpAnywhere}},
			Enforced: &Reading{
				Note: "text of 2025-01-12: Macau or D:1/D:4/D:5 not also in A:5/A:6, incorporation into items bound there, or technology of a Macau/D:5-headquartered developer for masks or IC wafers or dies",
				Reach: []Prong{
					{Kind: ProngDestination, Where: fdpPreDiffusion},
					{Kind: ProngIncorporation, Where: fdpPreDiffusion},
					{Kind: ProngDeveloperHQ, Where: fdpMacauOrD5},
				},
			},
			Notes: []string{
				"Compliance date 2025-05-15 is that of the AI diffusion amendments.",
				"License requirement: 742.6(a)(6)(iii); review 742.6(b)(10).",
			},
		},
		// (i) Supercomputer FDP rule. [K] 87 FR 62186 (effective 2022-10-07);
		// Macau 2023-01-17; Macau or D:5 since 88 FR 73458 (Q10; parallel
		// 744.23(a)(1) [V]).
		{
			Citation: "15 CFR 734.9(i)", Title: `"Supercomputer" FDP rule`,
			Effective: fdpDate("2022-10-07"),
			Sources:   []string{"87 FR 62186 (2022-10-13)", "88 FR 73458 (2023-10-25)"},
			Product: ProductScope{
				Item:   ItemScope{Test: ItemAny},
				Direct: &InputScope{Origin: InputSubjectToEAR, Patterns: fdpPatterns(fn1Inputs...)},
				Plant:  &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns(fn1Inputs...)},
			},
			Reach: []Prong{{Kind: ProngEndUse, EndUse: EndUseSupercomputer, Where: fdpMacauOrD5}},
			Notes: []string{"The supercomputer is taken to be at the destination. License requirement: 744.23."},
		},
		// (j) Iran FDP rule. [V] 88 FR 12150 (effective 2023-02-24), widened
		// 2024-04-18 and by FR Doc. 2024-16566 (effective 2024-07-23) to
		// Categories 3-9. Supp. No. 7 to part 746 not held: EAR99 items are
		// indeterminate.
		{
			Citation: "15 CFR 734.9(j)", Title: "Iran FDP rule",
			Effective: fdpDate("2023-02-24"),
			Sources:   []string{"88 FR 12150 (2023-02-27)", "FR Doc. 2024-16566 (effective 2024-07-23)"},
			Product: ProductScope{
				Item:   ItemScope{Test: ItemCategories, MinCategory: 3, MaxCategory: 9, Supp7: true},
				Direct: &InputScope{Origin: InputUSOrigin, AnyDE: true, MinCategory: 3, MaxCategory: 9},
				Plant:  &InputScope{Origin: InputUSOrigin, AnyDE: true, MinCategory: 3, MaxCategory: 9},
			},
			Reach: []Prong{
				{Kind: ProngDestination, Where: fdpIran},
				{Kind: ProngIncorporation, Where: fdpIran},
				{Kind: ProngGovernment, Government: jurisdiction.Iran},
			},
			Notes: []string{"License requirement: 746.7."},
		},
		// (k) Semiconductor manufacturing equipment FDP rule. [T/V-summary]
		// 89 FR 96790 (effective 2024-12-02, compliance 2024-12-31).
		{
			Citation: "15 CFR 734.9(k)", Title: "Semiconductor Manufacturing Equipment (SME) FDP rule",
			Effective: fdpDate("2024-12-02"), Compliance: fdpDate("2024-12-31"),
			Sources: []string{"89 FR 96790 (2024-12-05)"},
			Product: ProductScope{
				Item:       ItemScope{Test: ItemListed, Patterns: fdpPatterns(smeItems...)},
				Direct:     &InputScope{Origin: InputSubjectToEAR, Patterns: fdpPatterns("3D992", "3E992")},
				Plant:      &InputScope{Origin: InputUSOrigin, Patterns: fdpPatterns(cat3BPlantInputs...)},
				ContainsIC: true,
			},
			Reach: []Prong{{Kind: ProngDestination, Where: fdpMacauOrD5}},
			Notes: []string{"Exports from countries with equivalent controls are carved out of the license requirement, not of this rule."},
		},
		// (l) AI model weights FDP rule. [T] wording; 90 FR 4544 (effective
		// 2025-01-13, compliance 2025-05-15). Plant route only; plant inputs
		// read as any U.S.-origin D/E (unverified). Enforced reading: absent.
		{
			Citation: "15 CFR 734.9(l)", Title: "AI model weights FDP rule",
			Effective: fdpDate("2025-01-13"), Compliance: fdpDate("2025-05-15"),
			Sources: []string{"90 FR 4544 (2025-01-15)"},
			Product: ProductScope{
				Item:  ItemScope{Test: ItemListed, Patterns: fdpPatterns("4E091")},
				Plant: &InputScope{Origin: InputUSOrigin, AnyDE: true, MaxCategory: 9},
			},
			Reach:    []Prong{{Kind: ProngDestination, Where: fdpAnywhere}},
			Enforced: &Reading{Absent: true, Note: "734.9(l) and 4E091 did not exist on 2025-01-12"},
			Notes:    []string{"Product-scope wording unverified [T]. License requirement: 742.6(a)(13)."},
		},
	}
}

// aiDiffusionEffective is the effective date of the AI diffusion
// amendments (90 FR 4544): before it, the codified text is the one the
// enforced reading uses.
var aiDiffusionEffective = fdpDate("2025-01-13")

// The affiliates rule (90 FR 47201, effective 2025-09-29) and its
// suspension (final rule effective 2025-11-10, FR published 2025-11-12,
// vol. 90 no. 216; suspended "through November 9, 2026" and reimposed on
// 2026-11-10 absent further action [V: Skadden, Fenwick, Bass Berry]).
// Whether BIS extended the suspension is not known to this package.
var (
	affiliatesFirst   = jurisdiction.Period{From: fdpDate("2025-09-29"), Until: fdpDate("2025-11-10")}
	affiliatesResumes = fdpDate("2026-11-10")
)

// DefaultFDPRules returns the compiled set of the thirteen FDP rules of
// 15 CFR 734.9 in CFR order. The set is built once and shared; it is
// immutable.
func DefaultFDPRules() RuleSet { return defaultFDPRules() }

var defaultFDPRules = sync.OnceValue(func() RuleSet {
	s, err := NewRuleSet(fdpRuleData()...)
	if err != nil {
		panic("license: FDP rule data: " + err.Error())
	}
	return s
})

func fdpDate(s string) jurisdiction.Date { return jurisdiction.MustParseDate(s) }

func fdpGroups(names ...string) []jurisdiction.Group {
	out := make([]jurisdiction.Group, len(names))
	for i, n := range names {
		out[i] = jurisdiction.MustParseGroup(n)
	}
	return out
}

func fdpPatterns(ss ...string) []ECCNPattern {
	out := make([]ECCNPattern, len(ss))
	for i, s := range ss {
		out[i] = MustParseECCNPattern(s)
	}
	return out
}
