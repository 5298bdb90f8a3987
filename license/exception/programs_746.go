package exception

import (
	"slices"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product/ccl"
)

// The copy of part 746 read: the sections of parts 745 to 791 of chapter
// VII, as of mid-2024.
const read746 = "ConnorCallison/ecfr-opportunities, libs/ecfr-markdown/src/results/markdown/title-15/chapter-VII.md (sections of part 746 as of mid-2024)"

// syria2025 is the effective date of the rewrite of 746.9 (90 FR 42315).
var syria2025 = jurisdiction.MustParseDate("2025-09-02")

// ruSoftwareFrom is the day 746.8(a)(8) took effect (89 FR 51644,
// effective 2024-09-16; the date as package license reads it).
var ruSoftwareFrom = jurisdiction.MustParseDate("2024-09-16")

// programTable lists, for each Part 746 program, the exceptions it leaves
// open (15 CFR 740.2(a)(6): "unless a license exception or portion thereof
// is specifically listed in the license exceptions paragraph pertaining to
// a particular sanctioned country in part 746"). Exceptions the SDK does
// not evaluate (GFT, AVS, APR, AGR, CCD, SCP, MED, SPP) are named in the
// provenance only.
var programTable = []ProgramRule{
	{
		Program: jurisdiction.ProgramCuba, Citation: cite("15 CFR 746.2(a)(1)"),
		Allowed: []Allowance{allow(TMP, "15 CFR 740.9(a)(9)", "15 CFR 740.9(b)(1)(iv)"), allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(b)", "15 CFR 740.13(c)"),
			allow(RPL, "15 CFR 740.10(a)"), allow(BAG), allow(GOV)},
		Provenance: []fdp.Source{src(fdp.TextRead, read746, "746.2(a)(1)(i)-(xiv); also GFT, AVS, APR (740.16(h)), AGR, CCD and SCP, not evaluated.")},
	},
	{
		// 746.3(c), text read at MichalOpoka/ecfr aaaf346 (source note ending
		// 85 FR 4177, 2020-01-23; the same at dbb97d7, 2014): "You may
		// export or reexport without a license if your transaction meets
		// all the requirements of any of the following License Exceptions:
		// CIV, APP, TMP, RPL, GOV, GFT, TSU, BAG, AVS, or ENC. ...
		// Notwithstanding the above, this paragraph may not be applied to
		// exports or reexports that require a license under paragraph
		// (a)(4) of this section." (a)(4) is a requirement no exception
		// overcomes in this package (BasisPart744). Read as governing every
		// requirement to Iraq (740.2(a)(6)), the chart's included.
		Program: jurisdiction.ProgramIraq, Citation: cite("15 CFR 746.3(c)"),
		Allowed: []Allowance{allow(CIV), allow(APP), allow(TMP), allow(RPL), allow(GOV), allow(TSU), allow(BAG), allow(ENC)},
		Provenance: []fdp.Source{
			src(fdp.TextRead, "15 CFR 746.3 in the eCFR mirror MichalOpoka/ecfr at aaaf346 (through 85 FR 4177, 2020-01-23)", "746.3(c): CIV, APP, TMP, RPL, GOV, GFT, TSU, BAG, AVS or ENC, not for (a)(4); GFT and AVS not evaluated."),
			src(fdp.ReadingChosen, "15 CFR 746.3(c)", "The list governs every requirement to Iraq, the Country Chart's included (740.2(a)(6)): NAC/ACA, LVS, GBS, TSR, STA and the others it does not name are not available."),
		},
	},
	{
		// 746.5(c), text read at 0d851c3 (through 87 FR 12858): "No license
		// exceptions may overcome the license requirements set forth in
		// this section, except License Exception GOV (§ 740.11(b))."
		Program: jurisdiction.ProgramRussiaIndustrySector, Citation: cite("15 CFR 746.5(c)"),
		Covers:  []fdp.Citation{cite("15 CFR 746.5")},
		Allowed: []Allowance{allow(GOV, "15 CFR 740.11(b)")},
		Provenance: []fdp.Source{
			src(fdp.TextRead, "15 CFR 746.5 in the eCFR mirror MichalOpoka/ecfr at 0d851c3 (through 87 FR 12858, 2022-03-08)", "746.5(c): only GOV (740.11(b)) overcomes the requirements of 746.5."),
		},
	},
	{
		Program: jurisdiction.ProgramNorthKorea, Citation: cite("15 CFR 746.4(c)"),
		Allowed: []Allowance{allow(TMP, "15 CFR 740.9(a)(9)"), allow(GOV, "15 CFR 740.11(a)", "15 CFR 740.11(b)(2)"),
			allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(b)"), allow(BAG, "15 CFR 740.14(a)", "15 CFR 740.14(b)", "15 CFR 740.14(c)", "15 CFR 740.14(d)")},
		Provenance: []fdp.Source{src(fdp.TextRead, read746, "746.4(c)(1)-(6); also GFT (not for luxury goods) and AVS (740.15(a)(4)), not evaluated.")},
	},
	{
		Program: jurisdiction.ProgramUkraineRegions, Citation: cite("15 CFR 746.6(c)"),
		Allowed: []Allowance{allow(TMP, "15 CFR 740.9(a)(9)"), allow(GOV, "15 CFR 740.11(a)", "15 CFR 740.11(b)(2)"),
			allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(b)"), allow(BAG, "15 CFR 740.14(a)", "15 CFR 740.14(b)", "15 CFR 740.14(c)", "15 CFR 740.14(d)")},
		Provenance: []fdp.Source{src(fdp.TextRead, read746, "746.6(c)(1)-(7); also GFT, AVS (740.15(a)(4), (d)) and MED, not evaluated.")},
	},
	{
		Program: jurisdiction.ProgramIran, Citation: cite("15 CFR 746.7(c)"),
		Provenance: []fdp.Source{src(fdp.TextRead, read746, "\"No license exceptions may be used for exports or reexports to Iran.\"")},
	},
	{
		Program: jurisdiction.ProgramRussiaBelarus, Citation: cite("15 CFR 746.8(c)(1)"),
		Covers:     []fdp.Citation{cite("15 CFR 746.8(a)(3)")},
		Provenance: []fdp.Source{src(fdp.TextRead, read746, "\"No license exceptions may overcome the license requirements in paragraph (a)(3) of this section, except as specified in the entry for a Footnote 3 entity on the Entity List\" (the entries' exceptions are not held).")},
	},
	{
		Program: jurisdiction.ProgramRussiaBelarus, Citation: cite("15 CFR 746.8(c)(2)"),
		Allowed: []Allowance{
			allow(TMP, "15 CFR 740.9(a)(9)"),
			// 746.8(c)(2)(ii), as read (mid-2024 copy): "License Exception
			// GOV (§ 740.11(b) of the EAR) may overcome the license
			// requirements in paragraphs (a)(1), (2), and (4) through (7) of
			// this section." Not (a)(8), "any “software” subject to the EAR
			// and described in paragraph (a)(8)(ii)" (ERP, CRM, BI, SCM,
			// EDW, CMMS, project management, PLM, BIM, CAD, CAM, ETO, CNC),
			// in force from 2024-09-16 (89 FR 51644, reported).
			{Code: GOV, Paragraphs: []fdp.Citation{cite("15 CFR 740.11(b)")}, NotFor: []NotFor{{
				Paragraph: cite("15 CFR 746.8(a)(8)"), Kinds: "D", Effective: ruSoftwareFrom,
				What: "EAR99 and other software of the kinds 746.8(a)(8)(ii) lists (ERP, CRM, BI, SCM, EDW, CMMS, project management, PLM, BIM, CAD, CAM, ETO, CNC operation)",
			}}},
			{Code: TSU, Paragraphs: []fdp.Citation{cite("15 CFR 740.13(c)")}, Qualified: "software updates for civil end-users that are wholly-owned U.S. subsidiaries, joint ventures of U.S. or A:5/A:6 companies, or subsidiaries of A:5/A:6 companies (746.8(c)(2)(iii))"},
			{Code: BAG, Except: []fdp.Citation{cite("15 CFR 740.14(e)")}}, // "excluding firearms and ammunition (§ 740.14, excluding paragraph (e))"
			{Code: ENC, Qualified: "for civil end-users that are wholly-owned U.S. subsidiaries, joint ventures of U.S. or A:5/A:6 companies, subsidiaries of A:5/A:6 companies, or for official business of A:5/A:6 diplomatic missions (746.8(c)(2)(vi))"},
		},
		Provenance: []fdp.Source{
			src(fdp.TextRead, read746, "746.8(c)(2)(i)-(viii): TMP news media, GOV (b) (for (a)(1), (2), (4)-(7)), TSU updates and ENC for certain civil end-users, BAG without firearms, AVS, CCD and MED (the last three not evaluated); it governs (a)(1), (2), (4) through (8)."),
			src(fdp.TextRead, read746, "746.8(c)(2)(ii): \"License Exception GOV (§ 740.11(b) of the EAR) may overcome the license requirements in paragraphs (a)(1), (2), and (4) through (7) of this section. License Exception GOV under (§ 740.11(e) of the EAR) may overcome the license requirements in paragraphs (a)(1) and (2) of this section for ECCN 9A004.\" GOV does not overcome (a)(8)."),
			src(fdp.Reported, "89 FR 51644 (2024-06-18), (a)(8) effective 2024-09-16", "The date of (a)(8); read as in package license (deminimis)."),
			src(fdp.ReadingChosen, "15 CFR 746.8(c)(2)(ii)", "A 746.8 requirement that is (a)(8) is not overcome by GOV; one that names no paragraph and may be (a)(8) (software, from 2024-09-16) leaves GOV at most indeterminate. GOV (e) for 9A004 ((a)(1), (2)) is not opened: the conservative reading keeps GOV to (b)."),
		},
	},
	{
		Program: jurisdiction.ProgramSyria, Citation: cite("15 CFR 746.9(b)"), Until: syria2025,
		Allowed: []Allowance{allow(TMP, "15 CFR 740.9(a)(9)"), allow(GOV, "15 CFR 740.11(b)(2)"),
			allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(b)", "15 CFR 740.13(c)"), allow(BAG, "15 CFR 740.14(a)", "15 CFR 740.14(b)", "15 CFR 740.14(c)", "15 CFR 740.14(d)")},
		Provenance: []fdp.Source{src(fdp.TextRead, read746, "746.9(b)(1)-(5); also AVS (740.15(a)(4)), not evaluated.")},
	},
	{
		Program: jurisdiction.ProgramSyria, Citation: cite("15 CFR 746.9(b)"), Effective: syria2025,
		Allowed: []Allowance{allow(TMP, "15 CFR 740.9(a)(9)"), allow(GOV, "15 CFR 740.11(b)(2)"),
			allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(b)", "15 CFR 740.13(c)"), allow(BAG, "15 CFR 740.14(a)", "15 CFR 740.14(b)", "15 CFR 740.14(c)", "15 CFR 740.14(d)")},
		Provenance: []fdp.Source{
			src(fdp.Reported, "90 FR 42315 (2025-09-02)", "The rewrite reportedly adds SPP (740.5) and opens TMP, RPL, GOV, CCD, AVS and TSU in part; its text was not read."),
			src(fdp.ReadingChosen, "15 CFR 746.9(b)", "The list of the text read before the rewrite is kept: an exception the rewrite may have opened (RPL) is not available, never available on a report."),
		},
	},
}

// ProgramRules returns the license exception paragraphs of the Part 746
// programs, in CFR order. The caller owns the returned values.
func ProgramRules() []ProgramRule {
	out := make([]ProgramRule, len(programTable))
	for i, p := range programTable {
		p.Covers = slices.Clone(p.Covers)
		p.Allowed = slices.Clone(p.Allowed)
		p.Provenance = slices.Clone(p.Provenance)
		out[i] = p
	}
	return out
}

// unEmbargoed are the destinations 746.1(b)(4) governs: the countries of
// 746.1(b)(2), "Central African Republic, Democratic Republic of the Congo,
// Eritrea, Iran, Iraq, Lebanon, Libya, North Korea, Somalia, and Sudan"
// (the mid-2024 copy; the section's amendment list ends at 81 FR 76861,
// 2016-11-04, so the list is in force from before 2020-01-01), less
// those (b)(4) sends elsewhere: "This paragraph does not apply to Iraq,
// which is governed by § 746.3(c) of this part; North Korea, which is
// governed by § 746.4(c) of this part; or Iran, which is governed by §
// 746.7(c) of this part." South Sudan is added: package license reads a UN
// row as requiring a license to it (chart_738_4_rows.go, unEmbargoExtra, a
// conservative reading), and a requirement found under 746.1(b) is read
// with the exceptions paragraph of 746.1(b) (conservative: no exception
// other than GOV (b) overcomes it).
var unEmbargoed = fdp.Places{Places: countryPlaces("CF", "CD", "ER", "LB", "LY", "SO", "SD", "SS")}

// reasonTable are the paragraphs of part 746 that limit the exceptions for
// the requirements of one reason for control.
var reasonTable = []ReasonRule{
	{
		// 15 CFR 746.1(b)(4), in force before 2020-01-01 (mid-2024 copy): "You
		// may not use any License Exception, other than License Exception
		// GOV, for items for personal or official use by personnel and
		// agencies of the U.S. Government or agencies of cooperating
		// governments as set forth in § 740.11(b) of the EAR, to export or
		// reexport items with a UN reason for control to countries listed
		// in paragraph (b)(2) of this section."
		Citation: cite("15 CFR 746.1(b)(4)"), Reason: ccl.ReasonUN, To: unEmbargoed,
		Text: "No License Exception other than GOV, for items for personal or official use by personnel and agencies of the U.S. Government (740.11(b)), for items with a UN reason for control to the countries of 746.1(b)(2) (not Iraq, North Korea or Iran, governed by 746.3(c), 746.4(c), 746.7(c)).",
		// The sentence names "agencies of cooperating governments" (740.11(c))
		// but sets the use forth "in § 740.11(b)", whose paragraphs for
		// personal and official use are (b)(2)(i) and (b)(2)(ii): the
		// conservative reading opens only those two; a statement of (b) or
		// (b)(2) as a whole is not more specific (indeterminate), one of
		// (c) not available.
		Allowed: []Allowance{allow(GOV, "15 CFR 740.11(b)(2)(i)", "15 CFR 740.11(b)(2)(ii)")},
		Provenance: []fdp.Source{
			src(fdp.TextRead, read746, "746.1(b)(2) the countries, (b)(3) the license requirement, (b)(4) the exceptions (source note through 81 FR 76861, 2016-11-04)."),
			src(fdp.ReadingChosen, "15 CFR 746.1(b)(4)", "GOV is read as 740.11(b)(2)(i) (personal use) and (b)(2)(ii) (official use by U.S. Government agencies) only; the words on cooperating governments' agencies are not read as opening 740.11(c). South Sudan, where the SDK finds a UN requirement although (b)(2) does not name it, is governed alike. Later amendments, if any, were not read."),
		},
	},
}

// ReasonRules returns the paragraphs of part 746 that limit the exceptions
// for one reason for control (746.1(b)(4)). The caller owns the returned
// values.
func ReasonRules() []ReasonRule {
	out := make([]ReasonRule, len(reasonTable))
	for i, r := range reasonTable {
		r.To = clonePlaces(r.To)
		r.Allowed = slices.Clone(r.Allowed)
		r.Provenance = slices.Clone(r.Provenance)
		out[i] = r
	}
	return out
}

func (r *ReasonRule) inForce(d jurisdiction.Date) bool {
	return (!r.Effective.IsValid() || !d.Before(r.Effective)) && (!r.Until.IsValid() || d.Before(r.Until))
}
