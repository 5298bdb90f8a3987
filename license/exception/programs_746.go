package exception

import (
	"slices"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
)

// The copy of part 746 read: the sections of parts 745 to 791 of chapter
// VII, as of mid-2024.
const read746 = "ConnorCallison/ecfr-opportunities, libs/ecfr-markdown/src/results/markdown/title-15/chapter-VII.md (sections of part 746 as of mid-2024)"

// syria2025 is the effective date of the rewrite of 746.9 (90 FR 42315).
var syria2025 = jurisdiction.MustParseDate("2025-09-02")

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
			allow(GOV, "15 CFR 740.11(b)"),
			{Code: TSU, Paragraphs: []fdp.Citation{cite("15 CFR 740.13(c)")}, Qualified: "software updates for civil end-users that are wholly-owned U.S. subsidiaries, joint ventures of U.S. or A:5/A:6 companies, or subsidiaries of A:5/A:6 companies (746.8(c)(2)(iii))"},
			{Code: BAG, Except: []fdp.Citation{cite("15 CFR 740.14(e)")}}, // "excluding firearms and ammunition (§ 740.14, excluding paragraph (e))"
			{Code: ENC, Qualified: "for civil end-users that are wholly-owned U.S. subsidiaries, joint ventures of U.S. or A:5/A:6 companies, subsidiaries of A:5/A:6 companies, or for official business of A:5/A:6 diplomatic missions (746.8(c)(2)(vi))"},
		},
		Provenance: []fdp.Source{
			src(fdp.TextRead, read746, "746.8(c)(2)(i)-(viii): TMP news media, GOV (b) (for (a)(1), (2), (4)-(7)), TSU updates and ENC for certain civil end-users, BAG without firearms, AVS, CCD and MED (the last three not evaluated); it governs (a)(1), (2), (4) through (8)."),
			src(fdp.ReadingChosen, "15 CFR 746.8(c)(2)(ii)", "GOV (740.11(b)) is read as open for every requirement the paragraph governs; the text leaves (a)(8) out of GOV's list, a difference the SDK does not model."),
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
