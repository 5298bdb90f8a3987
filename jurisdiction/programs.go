package jurisdiction

import (
	"slices"
)

// ProgramID names one of the embargo and sanctions programs of 15 CFR part
// 746 that this package records.
type ProgramID uint8

const (
	// ProgramCuba is the Cuba embargo, 15 CFR 746.2.
	ProgramCuba ProgramID = iota + 1
	// ProgramNorthKorea is North Korea, 15 CFR 746.4 (with 742.19).
	ProgramNorthKorea
	// ProgramUkraineRegions is the Crimea, DNR and LNR regions of Ukraine, 15 CFR 746.6.
	ProgramUkraineRegions
	// ProgramIran is Iran, 15 CFR 746.7.
	ProgramIran
	// ProgramRussiaBelarus is the sanctions against Russia and Belarus, 15 CFR 746.8.
	ProgramRussiaBelarus
	// ProgramSyria is Syria, 15 CFR 746.9.
	ProgramSyria
	// ProgramRussiaIndustrySector is the Russian industry sector
	// sanctions of 15 CFR 746.5 (oil and gas exploration and production),
	// before the 2022 rules carried them into 746.8 (numbered after the
	// others so that their values do not change).
	ProgramRussiaIndustrySector
	// ProgramIraq is Iraq, 15 CFR 746.3(a)(1) to (a)(3) (the CCL items
	// controlled for the reasons it names; its military end-use rule,
	// (a)(4), is applied by package license with the end-use rules).
	ProgramIraq
	numPrograms = ProgramIraq + 1 // one past the last program
)

var programNames = [...]string{"", "cuba", "north_korea", "ukraine_regions", "iran", "russia_belarus", "syria", "russia_industry_sector", "iraq"}

// String returns the program's short name: "cuba", "north_korea",
// "ukraine_regions", "iran", "russia_belarus", "syria",
// "russia_industry_sector" or "iraq".
func (id ProgramID) String() string {
	if id == 0 || id >= numPrograms {
		return ""
	}
	return programNames[id]
}

// CCLScope says which items on the Commerce Control List a program requires
// a license for.
type CCLScope uint8

const (
	// CCLAll is every item on the CCL, whatever its reasons for control
	// (including AT-only items).
	CCLAll CCLScope = iota + 1
	// CCLAllExceptCommsSoftware is every item on the CCL except "software
	// necessary to enable the exchange of personal communications over the
	// internet" that 746.6(a) excepts (EAR99 or ECCN 5D992.c mass-market
	// software, widely available at no cost). Whether an item is such
	// software is a fact about the item; without it, read as CCLAll.
	CCLAllExceptCommsSoftware
	// CCLChartColumnOrListed is every item whose ECCN's License Requirements
	// name a Commerce Country Chart column (CB1 to AT2), plus the ECCNs in
	// Program.ListedECCNs (Iran, 746.7(a)(1)).
	CCLChartColumnOrListed
	// CCLCategories3to9 is every item on the CCL in Categories 3 through 9,
	// AT-only entries included (746.8(a)(1) from 2022-02-24 to 2022-04-07,
	// 87 FR 12226); Categories 0 to 2 only as the chart requires.
	CCLCategories3to9
	// CCLControlledFor is every item on the CCL controlled for one of the
	// reasons of a paragraph of Program.Paragraphs, or classified under an
	// ECCN one of them names (746.3(a)(1) to (a)(3), Iraq): the item's
	// entry decides, whatever the chart's columns for the destination and
	// whatever destinations the entry's rows of that reason name.
	CCLControlledFor
	// CCLListedForEndUse is the ECCNs of Program.Listed and any CCL item a
	// supplement of Program.EAR99List lists, each only for the end use of
	// Program.EndUse (746.5(a)(1)(i), Russia): the request states no such
	// end use and the supplement is not in the tables, so the program is
	// never read as requiring no license for a CCL item.
	CCLListedForEndUse
)

// String returns a short name of the scope.
func (s CCLScope) String() string {
	switch s {
	case CCLAll:
		return "all_ccl"
	case CCLAllExceptCommsSoftware:
		return "all_ccl_except_comms_software"
	case CCLChartColumnOrListed:
		return "ccl_chart_column_or_listed"
	case CCLCategories3to9:
		return "ccl_categories_3_to_9"
	case CCLControlledFor:
		return "ccl_controlled_for_reasons"
	case CCLListedForEndUse:
		return "ccl_listed_for_end_use"
	}
	return ""
}

// EAR99Scope says which EAR99 items (items subject to the EAR but on no
// ECCN) a program requires a license for.
type EAR99Scope uint8

const (
	// EAR99All is every EAR99 item: the program covers all items subject to
	// the EAR.
	EAR99All EAR99Scope = iota + 1
	// EAR99ExceptFoodMedicine is every EAR99 item except food and medicine
	// as defined in part 772. Whether an item is EAR99 food or medicine is a
	// fact about the item ("item.food_or_medicine").
	EAR99ExceptFoodMedicine
	// EAR99ExceptFoodMedicineCommsSoftware is EAR99ExceptFoodMedicine that
	// also excepts EAR99 software necessary to enable personal
	// communications over the internet (746.6(a)).
	EAR99ExceptFoodMedicineCommsSoftware
	// EAR99Listed is only the EAR99 items identified in the supplements
	// named in Program.EAR99Lists, mostly by Harmonized Tariff Schedule
	// code: deciding it needs the item's HTS code ("item.hts").
	EAR99Listed
	// EAR99None is no EAR99 item (the program reaches CCL items only).
	EAR99None
)

// String returns a short name of the scope.
func (s EAR99Scope) String() string {
	switch s {
	case EAR99All:
		return "all_ear99"
	case EAR99ExceptFoodMedicine:
		return "ear99_except_food_medicine"
	case EAR99ExceptFoodMedicineCommsSoftware:
		return "ear99_except_food_medicine_comms_software"
	case EAR99Listed:
		return "ear99_listed_only"
	case EAR99None:
		return "no_ear99"
	}
	return ""
}

// Program is one version of a part 746 program: what it requires a license
// for, to which destinations, in which period, and on what reading of the
// text. Programs are returned as fresh copies; changing one changes nothing
// in the package.
type Program struct {
	ID        ProgramID
	Citation  string     // "15 CFR 746.9"
	Title     string     // the section heading, e.g. "Syria"
	Period    Period     // when this version is in force (From is the history floor for versions in force before it)
	Countries []Country  // destinations covered as a whole
	Regions   []Region   // covered regions (746.6), for Ukraine only
	CCL       CCLScope   // which CCL items need a license
	Listed    []string   // for CCLChartColumnOrListed: the ECCNs listed in addition to those naming a chart column; for CCLListedForEndUse: the ECCNs named
	EAR99     EAR99Scope // which EAR99 items need a license
	EAR99List []string   // for EAR99Listed: the supplements that identify the items
	// Paragraphs are, for CCLControlledFor, the paragraphs that require a
	// license by reason for control (746.3(a)(1) to (a)(3)).
	Paragraphs []ReasonParagraph
	// EndUse is the end use the program's requirement turns on, when it
	// turns on one the request cannot state (746.5(a)(1)(i): oil or gas
	// exploration or production in Russian deepwater, Arctic offshore or
	// shale projects); "" for a program that turns on none.
	EndUse string
	Facts  []string // facts about the item the scopes depend on, in the wire format's names where it has one
	Policy string   // license review policy, paraphrased
	Notes  []string // what a compliance engineer needs to know: readings chosen, exceptions, other agencies
	Source string   // what was read to verify the text
}

// ReasonParagraph is one paragraph of a program that requires a license for
// the CCL items controlled for the reasons it names (746.3(a)(1), (a)(2)),
// or for the items of the ECCNs it names for a reason (746.3(a)(3)).
type ReasonParagraph struct {
	Citation string   // "15 CFR 746.3(a)(1)"
	Reasons  []string // the reasons for control as the CCL prints them: "NS", "MT", ...
	// ECCNs are the entries the paragraph names (whole entries); empty: any
	// entry controlled for one of Reasons. An item of a named entry is
	// covered whatever the entry's rows print (6A992 prints only an AT
	// row).
	ECCNs []string
	Text  string // the paragraph's sentence as read
}

// ProgramHistoryFloor returns the earliest date for which ProgramsFor
// answers: 2020-01-01. Each program version in force on that date starts
// its Period there (its own date is earlier and not recorded; the Russian
// industry sector sanctions of 746.5 end on 2024-06-12); the
// versions since (Russia and Belarus from 2022-02-24 in three stages, the
// DNR and LNR regions from 2022-02-24, Iran's list of 2020-03-09 and its
// EAR99 items from 2023-02-24, Syria's rewrite of 2025-09-02) carry their
// dates.
func ProgramHistoryFloor() Date { return programFloor }

// programFloor is the earliest date the program record answers for.
var programFloor = mustDate("2020-01-01")

// Dates of the program versions since programFloor (each with its Federal
// Register rule in the version's Source).
var (
	iranList2020    = mustDate("2020-03-09") // 85 FR 4136: 0A503 for 0A985 in 746.7(a)(1)
	iranEAR99       = mustDate("2023-02-24") // 88 FR 12150: the EAR99 items of Supp. No. 7
	russiaFirst     = mustDate("2022-02-24") // 87 FR 12226: Russia, CCL Categories 3-9; the DNR and LNR regions
	belarusAdded    = mustDate("2022-03-02") // 87 FR 13048: Belarus, same scope
	russiaEAR99List = mustDate("2022-03-03") // 87 FR 12856: the first EAR99 list (Supp. No. 4, Russia)
	russiaAllCCL    = mustDate("2022-04-08") // 87 FR 22130: every item on the CCL
	// russia746_5Until is the day 89 FR 51644 (FR Doc. 2024-13148)
	// consolidated 746.5 into 746.8, as this package dates it (reported:
	// the rule's abstract and law-firm summaries; the rule's text was not
	// read).
	russia746_5Until = mustDate("2024-06-12")
)

// The words every version of the Russia and Belarus program (746.8)
// shares; Programs and ProgramsFor return copies.
var (
	russiaFacts  = []string{"item.hts", "for software: whether it is EAR99 enterprise-management or design/manufacturing software"}
	russiaPolicy = "Mostly a policy of denial (746.8(b)); the review policy was not verified in detail for this package."
	// russiaEAR99Lists are the EAR99 items of 746.8(a)(4) to (a)(7) (as
	// the 2024 text of 746.8 numbers them, read in a copy of the sections
	// of part 746 of mid-2024; the supplements themselves were not
	// available), from 2022-03-03.
	russiaEAR99Lists = []string{
		"Supplement No. 2 to part 746 (the items of 746.8(a)(4): oil and gas exploration and production in Russian deepwater, Arctic offshore or shale projects)",
		"Supplement No. 4 to part 746 (the items of 746.8(a)(5), by HTS code)",
		"Supplement No. 5 to part 746 (the items of 746.8(a)(7), by HTS code)",
		"Supplement No. 6 to part 746 (the items of 746.8(a)(6))",
		"Supplement No. 7 to part 746 (the HTS-6 items of 746.7 for Iran, also named for the Crimea region)",
		"certain EAR99 enterprise-management and design/manufacturing software (from 2024-09-16, 89 FR 51644)",
	}
	russiaNotesShared = []string{
		"Before 2024-06-12 the industry sector sanctions sat in 746.5 and the luxury goods sanctions in 746.10; chart footnote 6 still cites 746.5.",
		"Countries in Supplement No. 3 to part 746 receive full or partial exclusions from certain requirements (746.8(a)(12)(iii)), chiefly for foreign-produced items; the Russia/Belarus FDP rules are in 734.9(f) and (g).",
		"Unlisted EAR99 items can still need a license through Part 744 (military end use/user, Entity List).",
		"Only the license exceptions of 746.8(c) are available (evaluated elsewhere).",
	}
	// russiaNotesAllCCL: from 2022-04-08, 746.8(a)(1) reaches every ECCN.
	russiaNotesAllCCL = append([]string{"Every ECCN on the CCL needs a license, AT-only entries (e.g. 3A991, 5A992.c) included."}, russiaNotesShared...)
	// russiaNotes3to9: from 2022-02-24 to 2022-04-07, the ECCNs of CCL
	// Categories 3 to 9 only.
	russiaNotes3to9 = append([]string{"Every ECCN in CCL Categories 3 to 9 needs a license, AT-only entries (e.g. 3A991, 5A992.c) included; Categories 0 to 2 only from 2022-04-08 (87 FR 22130)."}, russiaNotesShared...)
)

// syriaRewrite is the effective date of the Syria rule of 2025-09-02
// (90 FR 42315, FR Doc. 2025-16724).
var syriaRewrite = mustDate("2025-09-02")

// programTable holds every program version, in CFR order. The readings are
// recorded in each Source and Notes; where the text was doubtful the
// conservative reading (more licensing, never less) was chosen.
var programTable = []Program{
	{
		// 746.2(a): "a license is required to export or reexport to Cuba
		// all items subject to the EAR" unless a license exception of
		// 746.2(a)(1) or an exemption of 746.2(a)(2) applies.
		ID: ProgramCuba, Citation: "15 CFR 746.2", Title: "Cuba",
		Period:    Period{From: programFloor},
		Countries: []Country{Cuba},
		CCL:       CCLAll, EAR99: EAR99All,
		Policy: "General policy of denial (746.2(b)), with stated exceptions: medicines and medical devices generally approved; humanitarian donations, telecommunications links and some other categories case by case.",
		Notes: []string{
			"The license requirement covers every item subject to the EAR, EAR99 and AT-only items included; only the license exceptions listed in 746.2(a)(1) and the exemptions of 746.2(a)(2) are available (evaluated elsewhere).",
			"Cuba is in Country Group E:2, not E:1: BIS removed the anti-terrorism requirements and E:1 listing in 2015 (80 FR 43314), but 746.2 still covers all items.",
			"OFAC's Cuban Assets Control Regulations (31 CFR part 515) also apply; most transactions need both BIS and OFAC authorization.",
			"The chart row for Cuba is a pointer row (no X; 'see part 746').",
		},
		Source: "BIS Cuba country guidance (bis.doc.gov, stored copies 2013 and 2021): a license is required for all items subject to the EAR unless a 746.2(a)(1) exception or 746.2(a)(2) exemption applies; Sandler Travis and Trade Practitioner summaries of 80 FR 43314 (2015-07-22).",
	},
	{
		// 15 CFR 746.3(a)(1) to (a)(3), Iraq, in force on every date from
		// 2020-01-01: the same three sentences are in the copy whose source
		// note ends "79 FR 32625, June 5, 2014" and in the one whose note
		// ends "85 FR 4177, Jan. 23, 2020" (that rule changed (b)(2) only,
		// 0A986 to 0A505.c, as the two copies show). Text read:
		// MichalOpoka/ecfr, section-746.3.md at commits dbb97d7 (2014
		// note) and aaaf346 (2020 note); quoted in Paragraphs.
		//
		// Reading chosen (conservative): "controlled on the Commerce
		// Control List for NS, ... reasons" is read of the item's entry,
		// whatever the chart's columns for Iraq and whatever destinations
		// the entry's rows of that reason name (the RS row of 3A992 names
		// Pakistan only, the CW rows of 1C355 and 1C395 the States not
		// Party to the CWC, the RS rows of 9A515.y and 9A610.y China,
		// Russia and Venezuela): package license reads it (part746.go).
		ID: ProgramIraq, Citation: "15 CFR 746.3", Title: "Iraq",
		Period:    Period{From: programFloor},
		Countries: []Country{Iraq},
		CCL:       CCLControlledFor,
		Paragraphs: []ReasonParagraph{
			{
				Citation: "15 CFR 746.3(a)(1)", Reasons: []string{"NS", "MT", "NP", "CW", "CB", "RS", "CC", "EI", "SI", "SL"},
				Text: "A license is required for the export or reexport to Iraq or transfer within Iraq of any item controlled on the Commerce Control List for NS, MT, NP, CW, CB, RS, CC, EI, SI, or SL reasons. See part 742 of the EAR.",
			},
			{
				Citation: "15 CFR 746.3(a)(2)", Reasons: []string{"UN"},
				Text: "A license is required for the export or reexport to Iraq or transfer within Iraq of any item controlled on the Commerce Control List for UN reasons.",
			},
			{
				Citation: "15 CFR 746.3(a)(3)", Reasons: []string{"RS"},
				ECCNs: []string{"0B999", "0D999", "1B999", "1C992", "1C995", "1C997", "1C999", "6A992"},
				Text:  "A license is required for the export or reexport to Iraq or transfer within Iraq of items on the Commerce Control List controlled for RS reasons under the following ECCNs: 0B999, 0D999, 1B999, 1C992, 1C995, 1C997, 1C999 and 6A992.",
			},
		},
		// (a)(1) to (a)(3) reach CCL items only; (a)(4) (any item subject
		// to the EAR, for a military end use or end user) turns on the end
		// uses and is applied with the end-use rules, not as this program.
		EAR99:  EAR99None,
		Policy: "746.3(b): denial for Iraqi civil or military nuclear activity (isotopes for medical, industrial or agricultural use excepted); general denial for NS or NP machine tools, CC and UN items (0A505.c), 018 and 600 series items that would make a material contribution to Iraqi WMD, ballistic missiles or arms; the (a)(3) items case by case for Iraqi civil infrastructure; (a)(4) denial.",
		Notes: []string{
			"Reading chosen (conservative): an item is controlled for a reason when its CCL entry carries a License Requirements row of that reason reaching the item's paragraph, whatever destinations the row names; an entry whose Reason for Control line names the reason but prints no row of it (1C395, CB) is read as controlled for it; a row whose words only qualify it (the CW rows of 1C355 and 1C395, to States not Party to the CWC) is read as reaching the item. The 746.3(a)(3) ECCNs need a license whatever their rows print (6A992 prints only an AT row).",
			"746.3(c) lists the License Exceptions CIV, APP, TMP, RPL, GOV, GFT, TSU, BAG, AVS and ENC, and none for (a)(4); exceptions are evaluated elsewhere.",
			"746.3(f) (transfers within Iraq of items exported under a license or License Exception; WMD and terrorist transfers) is not modelled.",
			"The Iraq military end-use and end-user rule, 746.3(a)(4), is applied by package license (it turns on the end uses and parties).",
			"The chart row for Iraq carries footnote 1 (746.1(b), 746.3).",
		},
		Source: "15 CFR 746.3 read in MichalOpoka/ecfr, section-746.3.md, at commit dbb97d7c4b6147a2fc4d799a39c87168ae8b2658 (source note \"[69 FR 46077, July 30, 2004, as amended at ... 78 FR 22723, Apr. 16, 2013; 79 FR 32625, June 5, 2014]\") and at commit aaaf346c51592bf05ff8a5abac5fe67dd1a5047f (\"... 79 FR 32625, June 5, 2014; 85 FR 4177, Jan. 23, 2020]\"): (a)(1) to (a)(3) and (c) identical in both, so in force before and after 2020-01-01.",
	},
	{
		// 746.4(a): license required for all items subject to the EAR
		// other than food or medicine designated EAR99; in force since
		// 2007-01-26 (72 FR 3722).
		ID: ProgramNorthKorea, Citation: "15 CFR 746.4", Title: "North Korea",
		Period:    Period{From: programFloor},
		Countries: []Country{NorthKorea},
		CCL:       CCLAll, EAR99: EAR99ExceptFoodMedicine,
		Facts:  []string{"item.food_or_medicine"},
		Policy: "Case by case (746.4(b)), except general denial for luxury goods and for arms and items controlled by the multilateral regimes, and general approval for humanitarian items for the North Korean people.",
		Notes: []string{
			"The chart row for North Korea is a pointer row naming 742.19 (anti-terrorism: North Korea) and 746.4.",
			"Only the license exceptions of 746.4(c) are available (evaluated elsewhere).",
			"OFAC sanctions (E.O. 13722 and 31 CFR part 510) also apply to U.S. persons.",
		},
		Source: "BIS North Korea country guidance (bis.gov): a license is required for all items subject to the EAR other than food or medicine designated EAR99, as described in 746.4; Arent Fox and Mondaq summaries of the 2007-01-26 rule.",
	},
	{
		// 15 CFR 746.5(a)(1)(i), the Russian industry sector sanctions (79
		// FR 45675, 45680, effective 2014-08-06), in force on every date
		// from 2020-01-01 until 89 FR 51644 consolidated them into 746.8
		// (2024-06-12). Text read: MichalOpoka/ecfr, section-746.5.md at
		// commit 0d851c3 (source note "[79 FR 45680, Aug. 6, 2014, as
		// amended at 79 FR 55615, Sept. 17, 2014; 80 FR 47405, Aug. 7,
		// 2015; 87 FR 12248, Mar. 3, 2022; 87 FR 12858, Mar. 8, 2022]"):
		//
		//	"(i) A license is required to export, reexport or transfer
		//	(in-country) any item subject to the EAR listed in supplement
		//	no. 2 to this part and items specified in ECCNs 0A998, 1C992,
		//	3A229, 3A231, 3A232, 6A991, 8A992, and 8D999 when you “know”
		//	that the item will be used directly or indirectly in
		//	exploration for, or production of, oil or gas in Russian
		//	deepwater (greater than 500 feet) or Arctic offshore locations
		//	or shale formations in Russia, or are unable to determine
		//	whether the item will be used in such projects."
		//
		// and (c): "No license exceptions may overcome the license
		// requirements set forth in this section, except License Exception
		// GOV (§ 740.11(b))." No copy of 746.5 before 2022 was found: the
		// sentence is read as in force since 2015 (the 2022 amendments
		// added (a)(1)(ii), Supplement No. 4, and the mention of 746.8 in
		// (a)(1)(iii); the 746.8 versions here record Supplement No. 4
		// from 2022-03-03).
		//
		// Readings chosen (conservative): Supplement No. 2 (its items by
		// Schedule B number) is not in the tables, and the request states
		// no oil or gas end use (and "unable to determine" is itself
		// enough): for an EAR99 item, an item of a named ECCN, or any
		// other CCL item (the supplement lists "any item subject to the
		// EAR"), the answer is open, never no, even with an HTS code.
		ID: ProgramRussiaIndustrySector, Citation: "15 CFR 746.5", Title: "Russian industry sector sanctions",
		Period:    Period{From: programFloor, Until: russia746_5Until},
		Countries: []Country{Russia},
		CCL:       CCLListedForEndUse,
		Listed:    []string{"0A998", "1C992", "3A229", "3A231", "3A232", "6A991", "8A992", "8D999"},
		EAR99:     EAR99Listed,
		EAR99List: []string{"Supplement No. 2 to part 746 (the Russian industry sector sanction list of 746.5(a)(1)(i), by Schedule B number)"},
		EndUse:    "use, directly or indirectly, in exploration for or production of oil or gas in Russian deepwater (greater than 500 feet) or Arctic offshore locations or shale formations in Russia, or an exporter unable to determine whether the item will be so used (746.5(a)(1)(i))",
		Facts:     []string{"item.hts", "end_uses: whether the item will be used in Russian deepwater, Arctic offshore or shale oil or gas exploration or production (the wire format has no such end use)"},
		Policy:    "Policy of denial for use in Russian deepwater, Arctic offshore or shale projects that may produce oil or gas; case by case for items necessary for health and safety (746.5(b)(1)).",
		Notes: []string{
			"The requirement turns on an end use the request cannot state: for an item that Supplement No. 2 may list (by Schedule B number; the supplement is not in the tables) or of a named ECCN, the answer stays open. \"Unable to determine\" whether the item will be so used also requires a license.",
			"The named ECCNs' own Foreign Policy rows (pointing to 746.8) are read by the chart.",
			"Only License Exception GOV (740.11(b)) may overcome the requirement (746.5(c)); exceptions are evaluated elsewhere.",
			"From 2022-03-03 the 746.8 versions also record Supplement No. 2 (later 746.8(a)(4)) among their EAR99 lists; from 2024-06-12 (89 FR 51644) only they do.",
			"Chart footnote 6 (Russia) still cites 746.5.",
		},
		Source: "15 CFR 746.5 read in MichalOpoka/ecfr, section-746.5.md, at commit 0d851c3015b177aebaf97dcb5d1561605f00d62b (through 87 FR 12858, 2022-03-08): (a)(1)(i) and (c) as quoted; 79 FR 45675 (2014-08-06) for the rule's date and 89 FR 51644 (FR Doc. 2024-13148, effective 2024-06-12) for the consolidation into 746.8 (reported: abstract and law-firm summaries). No copy of 746.5 from before 2022 and no copy of Supplement No. 2 to part 746 was found.",
	},
	{
		// 746.6(a)(1) (Crimea) and (a)(2) (DNR, LNR): license required for
		// any item subject to the EAR other than food and medicine
		// designated EAR99, or 'software necessary to enable the exchange
		// of personal communications over the internet'.
		ID: ProgramUkraineRegions, Citation: "15 CFR 746.6", Title: "Crimea region of Ukraine and covered regions of Ukraine",
		Period:  Period{From: programFloor, Until: russiaFirst},
		Regions: []Region{RegionCrimea},
		CCL:     CCLAllExceptCommsSoftware, EAR99: EAR99ExceptFoodMedicineCommsSoftware,
		Facts:  []string{"item.food_or_medicine", "whether the item is software necessary to enable the exchange of personal communications over the internet (EAR99 or 5D992.c, widely available at no cost)"},
		Policy: "Policy of denial (746.6(b)), except case by case for transactions authorized under OFAC's Ukraine-related general licenses.",
		Notes: []string{
			"Applies to exports and reexports to, and transfers within, the Crimea, DNR and LNR regions; rest-of-Ukraine destinations (region none) are not covered.",
			"Ukraine's country-group entries nominally extend to the Crimea region (note to Supplement No. 1 to part 740), but only the license exceptions of 746.6(c) may be used in the covered regions (evaluated elsewhere).",
			"Chart footnote 9 (Ukraine) points here; footnote 8 (Pakistan) repeats it as printed.",
			"Supplement No. 7 to part 746 also names the Crimea region; the Russia/Belarus/Crimea FDP rule is 734.9(f).",
		},
		// The DNR and LNR regions came under 746.6 with the Russia rule
		// effective 2022-02-24 (87 FR 12226); before, the Crimea region
		// alone (since 2015).
		Source: "Program history: the DNR and LNR regions added effective 2022-02-24 by 87 FR 12226 (FR Doc. 2022-04300), reported in its summary and law-firm alerts; Crimea's scope unchanged since 2015. Stored copy of 746.6(a)-(c) (getpocketlaw); chart footnote 9 as printed (export-controls-agent-mcp parse of eCFR 2026-07-23); 80 FR 4776 (2015-01-29) and 80 FR 29530 (2015-05-22) for the Crimea rule and the communications-software carve-out.",
	},
	{
		// 746.6(a)(1) (Crimea) and (a)(2) (DNR, LNR): license required for
		// any item subject to the EAR other than food and medicine
		// designated EAR99, or 'software necessary to enable the exchange
		// of personal communications over the internet'.
		ID: ProgramUkraineRegions, Citation: "15 CFR 746.6", Title: "Crimea region of Ukraine and covered regions of Ukraine",
		Period:  Period{From: russiaFirst},
		Regions: []Region{RegionCrimea, RegionDNR, RegionLNR},
		CCL:     CCLAllExceptCommsSoftware, EAR99: EAR99ExceptFoodMedicineCommsSoftware,
		Facts:  []string{"item.food_or_medicine", "whether the item is software necessary to enable the exchange of personal communications over the internet (EAR99 or 5D992.c, widely available at no cost)"},
		Policy: "Policy of denial (746.6(b)), except case by case for transactions authorized under OFAC's Ukraine-related general licenses.",
		Notes: []string{
			"Applies to exports and reexports to, and transfers within, the Crimea, DNR and LNR regions; rest-of-Ukraine destinations (region none) are not covered.",
			"Ukraine's country-group entries nominally extend to the Crimea region (note to Supplement No. 1 to part 740), but only the license exceptions of 746.6(c) may be used in the covered regions (evaluated elsewhere).",
			"Chart footnote 9 (Ukraine) points here; footnote 8 (Pakistan) repeats it as printed.",
			"Supplement No. 7 to part 746 also names the Crimea region; the Russia/Belarus/Crimea FDP rule is 734.9(f).",
		},
		Source: "Stored copy of 746.6(a)-(c) (getpocketlaw); chart footnote 9 as printed (export-controls-agent-mcp parse of eCFR 2026-07-23); 80 FR 4776 (2015-01-29) and 80 FR 29530 (2015-05-22) for the Crimea rule and the communications-software carve-out.",
	},
	{
		// 746.7(a)(1): license required to export or reexport to Iran any
		// item on the CCL whose License Requirements name CB1-3, NP1-2,
		// NS1-2, MT1, RS1-2, CC1-3, AT1 or AT2, or that is classified
		// under the listed ECCNs; since 2023-02-24 also the EAR99 items of
		// Supplement No. 7 to part 746 (88 FR 12150).
		ID: ProgramIran, Citation: "15 CFR 746.7", Title: "Iran",
		Period:    Period{From: programFloor, Until: iranList2020},
		Countries: []Country{Iran},
		CCL:       CCLChartColumnOrListed,
		Listed: []string{
			"0A980", "0A985", "0A982", "0A983", "0E982", "1C355", "1C395", "1C980", "1C982", "1C983", "1C984",
			"2A994", "2D994", "2E994", "5A001.f.1", "5A980",
			"5D001 (for 5A001.f.1, or for 5E001.a (for 5A001.f.1, or for 5D001.a (for 5A001.f.1)))",
			"5D980", "5E001.a (for 5A001.f.1, or for 5D001.a (for 5A001.f.1))", "5E980",
		},
		// No EAR99 item before 2023-02-24 (OFAC's ITSR reached them; the
		// EAR did not).
		EAR99:  EAR99None,
		Policy: "Applications generally denied; humanitarian and civil-aviation safety transactions case by case (746.7(b)).",
		Notes: []string{
			"Reading chosen: an ECCN whose License Requirements name no chart column and that is not listed (e.g. 0A998, controlled only for Russia/Belarus) falls outside 746.7(a)(1); a caller wanting the most conservative reading treats every CCL item as licensable to Iran, which in practice differs only for such entries because AT Column 1 appears in nearly every ECCN.",
			"The list of ECCNs is as printed in a stored copy of 746.7(a)(1) that predates the 2023 restructuring into subparagraphs; it was not checked against the 2026-09-24 issue.",
			"OFAC's Iranian Transactions and Sanctions Regulations (31 CFR part 560) prohibit nearly all exports to Iran; an OFAC authorization counts as EAR authorization (746.7(a)(2)), but not for deemed exports or Part 744 requirements.",
			"Countries in Supplement No. 3 to part 746 are excluded from certain Iran requirements for foreign-produced items (746.7(a)(1)(iv)-(v)); the Iran FDP rule is 734.9(j), expanded effective 2024-07-23 (FR Doc. 2024-16566).",
			"The chart row for Iran is a pointer row ('see part 746'); footnote 1 also applies.",
		},
		Source: "Program history: until 2020-03-08 the list named 0A985 where it now names 0A503 (85 FR 4136, FR Doc. 2020-00573, effective 2020-03-09; the swap is read from the two lists, a pre-2020 copy of 746.7 and the 2023 one).  the EAR99 items of Supplement No. 7 came with 88 FR 12150 (FR Doc. 2023-03930), effective 2023-02-24 (text read in a dated copy of 746.7); before, CCL items only. Stored copy of 746.7(a)-(b) (law.lawstack.com); BIS Iran country guidance; 88 FR 12150 (2023-02-27) summary adding EAR99 items by HTS-6 code in a new supplement; bis.gov headings of Supplements No. 3 and No. 7 to part 746.",
	},
	{
		// 746.7(a)(1): license required to export or reexport to Iran any
		// item on the CCL whose License Requirements name CB1-3, NP1-2,
		// NS1-2, MT1, RS1-2, CC1-3, AT1 or AT2, or that is classified
		// under the listed ECCNs; since 2023-02-24 also the EAR99 items of
		// Supplement No. 7 to part 746 (88 FR 12150).
		ID: ProgramIran, Citation: "15 CFR 746.7", Title: "Iran",
		Period:    Period{From: iranList2020, Until: iranEAR99},
		Countries: []Country{Iran},
		CCL:       CCLChartColumnOrListed,
		Listed: []string{
			"0A503", "0A980", "0A982", "0A983", "0E982", "1C355", "1C395", "1C980", "1C982", "1C983", "1C984",
			"2A994", "2D994", "2E994", "5A001.f.1", "5A980",
			"5D001 (for 5A001.f.1, or for 5E001.a (for 5A001.f.1, or for 5D001.a (for 5A001.f.1)))",
			"5D980", "5E001.a (for 5A001.f.1, or for 5D001.a (for 5A001.f.1))", "5E980",
		},
		// No EAR99 item before 2023-02-24 (OFAC's ITSR reached them; the
		// EAR did not).
		EAR99:  EAR99None,
		Policy: "Applications generally denied; humanitarian and civil-aviation safety transactions case by case (746.7(b)).",
		Notes: []string{
			"Reading chosen: an ECCN whose License Requirements name no chart column and that is not listed (e.g. 0A998, controlled only for Russia/Belarus) falls outside 746.7(a)(1); a caller wanting the most conservative reading treats every CCL item as licensable to Iran, which in practice differs only for such entries because AT Column 1 appears in nearly every ECCN.",
			"The list of ECCNs is as printed in a stored copy of 746.7(a)(1) that predates the 2023 restructuring into subparagraphs; it was not checked against the 2026-09-24 issue.",
			"OFAC's Iranian Transactions and Sanctions Regulations (31 CFR part 560) prohibit nearly all exports to Iran; an OFAC authorization counts as EAR authorization (746.7(a)(2)), but not for deemed exports or Part 744 requirements.",
			"Countries in Supplement No. 3 to part 746 are excluded from certain Iran requirements for foreign-produced items (746.7(a)(1)(iv)-(v)); the Iran FDP rule is 734.9(j), expanded effective 2024-07-23 (FR Doc. 2024-16566).",
			"The chart row for Iran is a pointer row ('see part 746'); footnote 1 also applies.",
		},
		Source: "Program history: the EAR99 items of Supplement No. 7 came with 88 FR 12150 (FR Doc. 2023-03930), effective 2023-02-24 (text read in a dated copy of 746.7); before, CCL items only. Stored copy of 746.7(a)-(b) (law.lawstack.com); BIS Iran country guidance; 88 FR 12150 (2023-02-27) summary adding EAR99 items by HTS-6 code in a new supplement; bis.gov headings of Supplements No. 3 and No. 7 to part 746.",
	},
	{
		// 746.7(a)(1): license required to export or reexport to Iran any
		// item on the CCL whose License Requirements name CB1-3, NP1-2,
		// NS1-2, MT1, RS1-2, CC1-3, AT1 or AT2, or that is classified
		// under the listed ECCNs; since 2023-02-24 also the EAR99 items of
		// Supplement No. 7 to part 746 (88 FR 12150).
		ID: ProgramIran, Citation: "15 CFR 746.7", Title: "Iran",
		Period:    Period{From: iranEAR99},
		Countries: []Country{Iran},
		CCL:       CCLChartColumnOrListed,
		Listed: []string{
			"0A503", "0A980", "0A982", "0A983", "0E982", "1C355", "1C395", "1C980", "1C982", "1C983", "1C984",
			"2A994", "2D994", "2E994", "5A001.f.1", "5A980",
			"5D001 (for 5A001.f.1, or for 5E001.a (for 5A001.f.1, or for 5D001.a (for 5A001.f.1)))",
			"5D980", "5E001.a (for 5A001.f.1, or for 5D001.a (for 5A001.f.1))", "5E980",
		},
		EAR99:     EAR99Listed,
		EAR99List: []string{"Supplement No. 7 to part 746 (EAR99 items identified by HTS-6 code)"},
		Facts:     []string{"item.hts"},
		Policy:    "Applications generally denied; humanitarian and civil-aviation safety transactions case by case (746.7(b)).",
		Notes: []string{
			"Reading chosen: an ECCN whose License Requirements name no chart column and that is not listed (e.g. 0A998, controlled only for Russia/Belarus) falls outside 746.7(a)(1); a caller wanting the most conservative reading treats every CCL item as licensable to Iran, which in practice differs only for such entries because AT Column 1 appears in nearly every ECCN.",
			"The list of ECCNs is as printed in a stored copy of 746.7(a)(1) that predates the 2023 restructuring into subparagraphs; it was not checked against the 2026-09-24 issue.",
			"OFAC's Iranian Transactions and Sanctions Regulations (31 CFR part 560) prohibit nearly all exports to Iran; an OFAC authorization counts as EAR authorization (746.7(a)(2)), but not for deemed exports or Part 744 requirements.",
			"Countries in Supplement No. 3 to part 746 are excluded from certain Iran requirements for foreign-produced items (746.7(a)(1)(iv)-(v)); the Iran FDP rule is 734.9(j), expanded effective 2024-07-23 (FR Doc. 2024-16566).",
			"The chart row for Iran is a pointer row ('see part 746'); footnote 1 also applies.",
		},
		Source: "Stored copy of 746.7(a)-(b) (law.lawstack.com); BIS Iran country guidance; 88 FR 12150 (2023-02-27) summary adding EAR99 items by HTS-6 code in a new supplement; bis.gov headings of Supplements No. 3 and No. 7 to part 746.",
	},
	{
		// 746.8 (746.5 and 746.10 before 89 FR 51644, effective 2024-06-12),
		// in the version of the Period: see russiaNotes3to9 and
		// russiaNotesAllCCL for what each requires.
		ID: ProgramRussiaBelarus, Citation: "15 CFR 746.8", Title: "Sanctions against Russia and Belarus",
		Period:    Period{From: russiaFirst, Until: belarusAdded},
		Countries: []Country{Russia},
		CCL:       CCLCategories3to9,
		// No EAR99 item yet (the first EAR99 list came on 2022-03-03).
		EAR99:  EAR99None,
		Facts:  russiaFacts,
		Policy: russiaPolicy,
		Notes:  russiaNotes3to9,
		Source: "Program history: from 2022-02-24 (87 FR 12226, FR Doc. 2022-04300) a license for every item on the CCL in Categories 3 to 9 to Russia (text read in the dated copy of 746.8 of the Belarus rule); Belarus from 2022-03-02 (87 FR 13048); EAR99 lists from 2022-03-03 (87 FR 12856); every CCL item from 2022-04-08 (87 FR 22130, FR Doc. 2022-07937). bis.gov headings of Supplements No. 3, 6 and 7 to part 746; 89 FR 51644 (FR Doc. 2024-13148, effective 2024-06-12) abstract (consolidation into a single section, EAR99 software requirement effective 2024-09-16); Husch Blackwell on Supplement No. 4; 87 FR 14785 (2022-03-16) luxury goods rule; chart footnote 6.",
	},
	{
		// 746.8 (746.5 and 746.10 before 89 FR 51644, effective 2024-06-12),
		// in the version of the Period: see russiaNotes3to9 and
		// russiaNotesAllCCL for what each requires.
		ID: ProgramRussiaBelarus, Citation: "15 CFR 746.8", Title: "Sanctions against Russia and Belarus",
		Period:    Period{From: belarusAdded, Until: russiaEAR99List},
		Countries: []Country{Belarus, Russia},
		CCL:       CCLCategories3to9,
		// No EAR99 item yet (the first EAR99 list came on 2022-03-03).
		EAR99:  EAR99None,
		Facts:  russiaFacts,
		Policy: russiaPolicy,
		Notes:  russiaNotes3to9,
		Source: "Program history: Belarus added with the same scope by 87 FR 13048 (FR Doc. 2022-04819), effective 2022-03-02. bis.gov headings of Supplements No. 3, 6 and 7 to part 746; 89 FR 51644 (FR Doc. 2024-13148, effective 2024-06-12) abstract (consolidation into a single section, EAR99 software requirement effective 2024-09-16); Husch Blackwell on Supplement No. 4; 87 FR 14785 (2022-03-16) luxury goods rule; chart footnote 6.",
	},
	{
		// 746.8 (746.5 and 746.10 before 89 FR 51644, effective 2024-06-12),
		// in the version of the Period: see russiaNotes3to9 and
		// russiaNotesAllCCL for what each requires.
		ID: ProgramRussiaBelarus, Citation: "15 CFR 746.8", Title: "Sanctions against Russia and Belarus",
		Period:    Period{From: russiaEAR99List, Until: russiaAllCCL},
		Countries: []Country{Belarus, Russia},
		CCL:       CCLCategories3to9,
		EAR99:     EAR99Listed,
		EAR99List: russiaEAR99Lists,
		Facts:     russiaFacts,
		Policy:    russiaPolicy,
		Notes:     russiaNotes3to9,
		Source:    "Program history: the EAR99 lists from 2022-03-03 (Supp. No. 4 to part 746, 87 FR 12856; the luxury goods of 87 FR 14785 from 2022-03-11, read as from 2022-03-03 for both countries: conservative). bis.gov headings of Supplements No. 3, 6 and 7 to part 746; 89 FR 51644 (FR Doc. 2024-13148, effective 2024-06-12) abstract (consolidation into a single section, EAR99 software requirement effective 2024-09-16); Husch Blackwell on Supplement No. 4; 87 FR 14785 (2022-03-16) luxury goods rule; chart footnote 6.",
	},
	{
		// 746.8 (746.5 and 746.10 before 89 FR 51644, effective 2024-06-12),
		// in the version of the Period: see russiaNotes3to9 and
		// russiaNotesAllCCL for what each requires.
		ID: ProgramRussiaBelarus, Citation: "15 CFR 746.8", Title: "Sanctions against Russia and Belarus",
		Period:    Period{From: russiaAllCCL},
		Countries: []Country{Belarus, Russia},
		CCL:       CCLAll,
		EAR99:     EAR99Listed,
		EAR99List: russiaEAR99Lists,
		Facts:     russiaFacts,
		Policy:    russiaPolicy,
		Notes:     russiaNotesAllCCL,
		Source:    "bis.gov headings of Supplements No. 3, 6 and 7 to part 746; 89 FR 51644 (FR Doc. 2024-13148, effective 2024-06-12) abstract (consolidation into a single section, EAR99 software requirement effective 2024-09-16); Husch Blackwell on Supplement No. 4; 87 FR 14785 (2022-03-16) luxury goods rule; chart footnote 6.",
	},
	{
		// 746.9(a) before the 2025 rule: license for all items subject to
		// the EAR except EAR99 food and medicine (Syria Accountability
		// Act, since 2004-05-14), general policy of denial.
		ID: ProgramSyria, Citation: "15 CFR 746.9", Title: "Syria",
		Period:    Period{From: programFloor, Until: syriaRewrite},
		Countries: []Country{Syria},
		CCL:       CCLAll, EAR99: EAR99ExceptFoodMedicine,
		Facts:  []string{"item.food_or_medicine"},
		Policy: "General policy of denial for items other than EAR99 food and medicine, with limited case-by-case categories (General Order No. 2, Supplement No. 1 to part 736).",
		Notes: []string{
			"Version in force until the 2025-09-02 rule (90 FR 42315).",
			"The chart row for Syria is a pointer row naming 746.9.",
		},
		Source: "746.1(a)(3) as printed (bis.gov interactive EAR, 2024): since 2004-05-14 BIS prohibits the export of all CCL items and of U.S. products other than food and medicine to Syria; Arnold & Porter summary of the regime before 2025-09-02.",
	},
	{
		// 746.9(a) as rewritten by 90 FR 42315 (FR Doc. 2025-16724,
		// effective 2025-09-02): "A license is required for the export or
		// reexport to Syria of all items subject to the EAR, except food
		// and medicine classified as EAR99."
		ID: ProgramSyria, Citation: "15 CFR 746.9", Title: "Syria",
		Period:    Period{From: syriaRewrite},
		Countries: []Country{Syria},
		CCL:       CCLAll, EAR99: EAR99ExceptFoodMedicine,
		Facts:  []string{"item.food_or_medicine"},
		Policy: "More favorable review since 2025-09-02 (746.9(c)): approval for items supporting telecommunications, sanitation, power generation and civil aviation; other dual-use items case by case; denial where malign actors or sensitive military end uses are involved.",
		Notes: []string{
			"License Exception SPP (Syria Peace and Prosperity, 740.5) authorizes EAR99 items unless the 740.2 restrictions or an end-use/end-user prohibition applies; TMP, RPL, GOV, CCD, AVS and TSU are available in part (746.9(b)). License exceptions are evaluated elsewhere: the license requirement itself still covers every EAR99 item that is not food or medicine.",
			"A license is required for deemed exports and reexports of CCL technology or source code to Syrian nationals (746.9(a)).",
			"Syria remains in Country Groups D:3, D:4, D:5 and E:1 as of TablesECFRDate; a State rescission of its state-sponsor-of-terrorism designation reported for 2026-08-24 rests on a single unverified source, and no EAR change was found.",
			"The chart row for Syria is a pointer row naming 746.9.",
		},
		Source: "Stored copy of 746.9(a)-(b) as revised (customsmobile, title 15 revised 2025-10-03); 90 FR 42315 (FR Doc. 2025-16724) summary and DATES (lexbuild, frtracker); Fenwick, Covington, Thompson Hine and Arnold & Porter alerts.",
	},
}

// Programs returns every program version the package records, in CFR order
// (both versions of Syria). The caller owns the returned values.
func Programs() []Program {
	out := make([]Program, len(programTable))
	for i := range programTable {
		out[i] = programTable[i].clone()
	}
	return out
}

// ProgramsFor returns the part 746 programs that govern destination d on
// asOf, in CFR order; an empty result means none of the recorded programs
// (746.2, 746.3(a)(1) to (a)(3), 746.4, 746.5, 746.6, 746.7, 746.8, 746.9)
// applies. It does not cover the partial controls of 746.1(b) (UN arms
// embargoes), which chart footnote 1 points to. The Iraq military end-use and end-user
// requirement of 746.3(a)(4) (any item subject to the EAR, in force since
// 2004-07-30, 69 FR 46069) turns on the end uses and the parties, not on
// the item alone: package license applies it with the end-use rules of
// part 744 (license/part746.go), not as a program.
//
// Hong Kong reads as China. An invalid destination is a *DestinationError;
// the zero Date or a date before ProgramHistoryFloor is a *DateRangeError.
func ProgramsFor(d Destination, asOf Date) ([]Program, error) {
	if err := d.Validate(); err != nil {
		return nil, err
	}
	if !asOf.IsValid() {
		return nil, &DateRangeError{Table: "part 746 programs", AsOf: asOf, Msg: "the zero Date is no date"}
	}
	floor := ProgramHistoryFloor()
	if asOf.Before(floor) {
		return nil, &DateRangeError{
			Table: "part 746 programs", AsOf: asOf, Floor: floor,
			Msg: "before " + floor.String() + ", the earliest date from which the package records the part 746 programs",
		}
	}
	c, err := d.Country.TablesAsOn(asOf)
	if err != nil {
		return nil, err
	}
	var out []Program
	for i := range programTable {
		p := &programTable[i]
		if p.Period.Contains(asOf) && p.covers(c, d.Region) {
			out = append(out, p.clone())
		}
	}
	return out, nil
}

// AppliesTo reports whether the program covers destination d (ignoring
// dates; see Period). Hong Kong reads as China.
func (p Program) AppliesTo(d Destination) bool {
	if d.Validate() != nil {
		return false
	}
	return p.covers(d.Country.TablesAs(), d.Region)
}

func (p *Program) covers(c Country, r Region) bool {
	if r != RegionNone {
		return slices.Contains(p.Regions, r)
	}
	return slices.Contains(p.Countries, c)
}

func (p *Program) clone() Program {
	q := *p
	q.Countries = slices.Clone(p.Countries)
	q.Regions = slices.Clone(p.Regions)
	q.Listed = slices.Clone(p.Listed)
	q.EAR99List = slices.Clone(p.EAR99List)
	q.Facts = slices.Clone(p.Facts)
	q.Paragraphs = slices.Clone(p.Paragraphs)
	for i := range q.Paragraphs {
		q.Paragraphs[i].Reasons = slices.Clone(q.Paragraphs[i].Reasons)
		q.Paragraphs[i].ECCNs = slices.Clone(q.Paragraphs[i].ECCNs)
	}
	q.Notes = slices.Clone(p.Notes)
	return q
}
