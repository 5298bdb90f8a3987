package license

import (
	"fmt"
	"strings"
)

// String describes the item test: "NS-controlled ECCN", "in 3A090, ...".
func (s ItemScope) String() string {
	var d string
	switch s.Test {
	case ItemAny:
		return "any item, EAR99 included"
	case ItemNSControlled:
		d = "subject to NS controls in its ECCN"
	case ItemOnCCL:
		d = "any ECCN on the CCL"
	case ItemCategories:
		d = fmt.Sprintf("an ECCN in Categories %d-%d", s.MinCategory, s.MaxCategory)
	case ItemListed:
		d = "in " + fdpPatternList(s.Patterns)
	case Item9x515:
		d = "a 9x515 item (.y undecided)"
	case Item600Series:
		d = "a 600 series item or 0A919 (.y undecided)"
	default:
		return "invalid"
	}
	if s.Supp7 {
		d += ", or EAR99 listed by HTS code in Supp. No. 7 to part 746"
	}
	return d
}

// String describes the inputs: "U.S.-origin 9D515, 9E515".
func (in *InputScope) String() string {
	if in == nil {
		return "—"
	}
	var what string
	switch {
	case in.Series600:
		what = `any "600 series" D or E ECCN`
	case in.AnyDE && len(in.Patterns) == 0 && in.MinCategory == 0 && in.MaxCategory == 9:
		what = "any product group D or E ECCN"
	case in.AnyDE && len(in.Patterns) == 0:
		what = fmt.Sprintf("any D or E ECCN of Categories %d-%d", in.MinCategory, in.MaxCategory)
	default:
		what = fdpPatternList(in.Patterns)
	}
	s := in.Origin.String() + " " + what
	if in.WrittenAssurance {
		s += " that requires a written assurance"
	}
	return s
}

// String describes the prong.
func (p Prong) String() string {
	switch p.Kind {
	case ProngDestination:
		return "destined to " + p.Where.String()
	case ProngIncorporation:
		return "incorporated into (or used to produce) items bound for " + p.Where.String()
	case ProngFootnote:
		return fmt.Sprintf("an Entity List footnote %d entity is a party, or the item goes into items it produces, buys or orders", p.Footnote)
	case ProngGovernment:
		return "the Government of " + p.Government.Name() + " is a party"
	case ProngEndUse:
		return p.EndUse.String() + " end use in " + p.Where.String()
	case ProngDeveloperHQ:
		return "technology of a developer headquartered in " + p.Where.String() + " for masks or IC wafers or dies"
	}
	return "invalid"
}

func fdpReachString(ps []Prong, affiliates bool) string {
	parts := make([]string, len(ps))
	for i, p := range ps {
		parts[i] = p.String()
	}
	s := strings.Join(parts, "; or ")
	if affiliates {
		s += " (with affiliates owned 50 % or more, 90 FR 47201, when in force)"
	}
	return s
}

// Markdown renders the rules of s as a Markdown table, one row per rule in
// CFR order: paragraph, title, dates, the item test, the direct-product,
// plant and contains-IC routes, the reach, the enforced reading of the AI
// diffusion amendments, and the sources. It is generated from the data, so
// it can be read against the CFR side by side.
func (s RuleSet) Markdown() string {
	var b strings.Builder
	b.WriteString("| ¶ | Rule | In force | Item must be | Direct-product route | Plant route | Contains-IC route | Reach (any one) | Enforced AI-diffusion reading | Sources |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	esc := func(s string) string { return strings.ReplaceAll(s, "|", `\|`) }
	for _, r := range s.rules {
		para := strings.TrimPrefix(r.Citation, "15 CFR 734.9")
		dates := "from " + r.Effective.String()
		if r.Compliance.IsValid() {
			dates += "; compliance " + r.Compliance.String()
		}
		ic := "—"
		if r.Product.ContainsIC {
			ic = "contains an IC made by a plant meeting the plant route"
		}
		enf := "unchanged"
		if e := r.Enforced; e != nil {
			if e.Absent {
				enf = "does not apply: " + e.Note
			} else {
				enf = fdpReachString(e.Reach, false)
			}
		}
		cells := []string{
			para, r.Title, dates, r.Product.Item.String(), r.Product.Direct.String(), r.Product.Plant.String(), ic,
			fdpReachString(r.Reach, r.Affiliates), enf, strings.Join(r.Sources, "; "),
		}
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + esc(c) + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}

// RulesMarkdown renders DefaultFDPRules as a Markdown table (see
// RuleSet.Markdown). The table as generated, kept equal to the data by a
// test (testdata/fdp_rules.md):
//
//	| ¶ | Rule | In force | Item must be | Direct-product route | Plant route | Contains-IC route | Reach (any one) | Enforced AI-diffusion reading | Sources |
//	|---|---|---|---|---|---|---|---|---|---|
//	| (b) | National Security FDP rule | from 2022-02-03 | subject to NS controls in its ECCN | U.S.-origin any product group D or E ECCN that requires a written assurance | U.S.-origin any product group D or E ECCN that requires a written assurance | — | destined to D:1, E:1 or E:2 | unchanged | 87 FR 6022 (2022-02-03); 75 FR 44887 (2010-07-30, predecessor in 736.2(b)(3)) |
//	| (c) | 9x515 FDP rule | from 2014-11-10 | a 9x515 item (.y undecided) | U.S.-origin 9D515, 9E515 | U.S.-origin 9D515, 9E515 | — | destined to D:5, E:1 or E:2 | unchanged | 79 FR 27418 (2014-05-13); 87 FR 6022 (2022-02-03) |
//	| (d) | "600 series" FDP rule | from 2013-10-15 | a 600 series item or 0A919 (.y undecided) | U.S.-origin any "600 series" D or E ECCN | U.S.-origin any "600 series" D or E ECCN | — | destined to D:1, D:3, D:4, D:5, E:1 or E:2 | unchanged | 78 FR 22660 (2013-04-16); 87 FR 6022 (2022-02-03) |
//	| (e)(1) | Entity List FDP rule: footnote 1 | from 2020-08-17 | any item, EAR99 included | subject to the EAR 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991 | U.S.-origin 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991 | — | an Entity List footnote 1 entity is a party, or the item goes into items it produces, buys or orders (with affiliates owned 50 % or more, 90 FR 47201, when in force) | unchanged | 85 FR 51596 (2020-08-20); 87 FR 6022 (2022-02-03); 90 FR 47201 (2025-09-30, affiliates) |
//	| (e)(2) | Entity List FDP rule: footnote 4 | from 2022-10-07 | any item, EAR99 included | subject to the EAR 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991, 5D002, 5E002 | U.S.-origin 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991, 5D002, 5E002 | — | an Entity List footnote 4 entity is a party, or the item goes into items it produces, buys or orders (with affiliates owned 50 % or more, 90 FR 47201, when in force) | unchanged | 87 FR 62186 (2022-10-13); 88 FR 73458 (2023-10-25); 90 FR 47201 (2025-09-30, affiliates) |
//	| (e)(3) | Entity List FDP rule: footnote 5 | from 2024-12-02; compliance 2024-12-31 | in 3B001 except .a.4 .c .d .f.1 .f.5 .f.6 .g .h .k .l .m .n .p.2 .p.4 .r, 3B002 except .c, 3B903, 3B991 except .b.2.a .b.2.b, 3B992, 3B993, 3B994 | subject to the EAR 3D001 for 3B, 3D901 for 3B903, 3D991 for 3B991 3B992, 3D993, 3D994, 3E001 for 3B, 3E901 for 3B903, 3E991 for 3B991 3B992, 3E993, 3E994 | U.S.-origin 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E901, 3E991, 3E992, 3E993, 3E994 | contains an IC made by a plant meeting the plant route | an Entity List footnote 5 entity is a party, or the item goes into items it produces, buys or orders; or advanced_node_ic end use in MO or D:5 (with affiliates owned 50 % or more, 90 FR 47201, when in force) | unchanged | 89 FR 96790 (2024-12-05); 90 FR 47201 (2025-09-30, affiliates) |
//	| (f) | Russia/Belarus/Temporarily occupied Crimea region of Ukraine FDP rule | from 2022-02-24 | any ECCN on the CCL, or EAR99 listed by HTS code in Supp. No. 7 to part 746 | U.S.-origin any product group D or E ECCN | U.S.-origin any product group D or E ECCN | — | destined to RU (from 2022-02-24), BY (from 2022-03-02) or UA/crimea (from 2023-05-19); or incorporated into (or used to produce) items bound for RU (from 2022-02-24), BY (from 2022-03-02) or UA/crimea (from 2023-05-19) | unchanged | 87 FR 12226 (2022-03-03); 87 FR 13048 (2022-03-08); 88 FR 12150 (2023-02-27) |
//	| (g) | Russia/Belarus-Military End User and Procurement FDP rule | from 2022-02-24 | any item, EAR99 included | subject to the EAR any product group D or E ECCN | U.S.-origin any product group D or E ECCN | — | an Entity List footnote 3 entity is a party, or the item goes into items it produces, buys or orders (with affiliates owned 50 % or more, 90 FR 47201, when in force) | unchanged | 87 FR 12226 (2022-03-03); 89 FR 68539 (2024-08-27); 90 FR 47201 (2025-09-30, affiliates) |
//	| (h) | Advanced computing FDP rule | from 2022-10-07; compliance 2025-05-15 | in 3A090, 4A090, 3E001 for 3A090, 4E001 for 4A090, 3A001.z, 4A003.z, 4A004.z, 4A005.z, 5A002.z, 5A004.z, 5A992.z | subject to the EAR 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991, 4D090, 5D002, 5E002 | U.S.-origin 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991, 4D090, 5D002, 5E002 | — | destined to any destination | destined to MO, D:1, D:4 or D:5, except A:5 and A:6; or incorporated into (or used to produce) items bound for MO, D:1, D:4 or D:5, except A:5 and A:6; or technology of a developer headquartered in MO or D:5 for masks or IC wafers or dies | 87 FR 62186 (2022-10-13); 88 FR 73458 (2023-10-25); 90 FR 4544 (2025-01-15) |
//	| (i) | "Supercomputer" FDP rule | from 2022-10-07 | any item, EAR99 included | subject to the EAR 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991 | U.S.-origin 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E002, 3E003, 3E901, 3E991, 3E992, 3E993, 3E994, 4D001, 4D993, 4D994, 4E001, 4E992, 4E993, 5D001, 5D991, 5E001, 5E991 | — | supercomputer end use in MO or D:5 | unchanged | 87 FR 62186 (2022-10-13); 88 FR 73458 (2023-10-25) |
//	| (j) | Iran FDP rule | from 2023-02-24 | an ECCN in Categories 3-9, or EAR99 listed by HTS code in Supp. No. 7 to part 746 | U.S.-origin any D or E ECCN of Categories 3-9 | U.S.-origin any D or E ECCN of Categories 3-9 | — | destined to IR; or incorporated into (or used to produce) items bound for IR; or the Government of Iran is a party | unchanged | 88 FR 12150 (2023-02-27); FR Doc. 2024-16566 (effective 2024-07-23) |
//	| (k) | Semiconductor Manufacturing Equipment (SME) FDP rule | from 2024-12-02; compliance 2024-12-31 | in 3B001.a.4, 3B001.c, 3B001.d, 3B001.f.1, 3B001.f.5, 3B001.f.6, 3B001.k, 3B001.l, 3B001.m, 3B001.n, 3B001.p.2, 3B001.p.4, 3B001.r, 3B002.c | subject to the EAR 3D992, 3E992 | U.S.-origin 3D001, 3D901, 3D991, 3D992, 3D993, 3D994, 3E001, 3E901, 3E991, 3E992, 3E993, 3E994 | contains an IC made by a plant meeting the plant route | destined to MO or D:5 | unchanged | 89 FR 96790 (2024-12-05) |
//	| (l) | AI model weights FDP rule | from 2025-01-13; compliance 2025-05-15 | in 4E091 | — | U.S.-origin any product group D or E ECCN | — | destined to any destination | does not apply: 734.9(l) and 4E091 did not exist on 2025-01-12 | 90 FR 4544 (2025-01-15) |
func RulesMarkdown() string { return DefaultFDPRules().Markdown() }
