package fdp

import (
	"fmt"
	"strings"
)

// String describes the item test: "subject to NS controls in its ECCN",
// "in 3A090, ...".
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
		d = fmt.Sprintf("an ECCN in Categories %d-%d%s", s.MinCategory, s.MaxCategory, exceptCategories(s.ExceptCategories))
	case ItemListed:
		d = "in " + patternList(s.Patterns)
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
	if s.Elsewhere {
		d += `, or an IC, computer, "electronic assembly" or "component" elsewhere on the CCL meeting their performance parameters (open for product group A of Categories 3-5)`
	}
	return d
}

// String describes the inputs: "U.S.-origin 9D515, 9E515"; "—" for nil.
func (in *InputScope) String() string {
	if in == nil {
		return "—"
	}
	var what string
	switch {
	case in.Series600:
		what = `any "600 series" D or E ECCN`
	case in.AnyDE && len(in.Patterns) == 0 && in.MinCategory == 0 && in.MaxCategory == 9 && len(in.ExceptCategories) == 0:
		what = "any product group D or E ECCN"
	case in.AnyDE && len(in.Patterns) == 0:
		what = fmt.Sprintf("any D or E ECCN of Categories %d-%d%s", in.MinCategory, in.MaxCategory, exceptCategories(in.ExceptCategories))
	default:
		what = patternList(in.Patterns)
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
	case ProngPartyHQ:
		return "worldwide, to a party headquartered (or with its ultimate parent headquartered) in " + p.Where.String()
	}
	return "invalid"
}

// String describes the source: "read: 15 CFR 734.9 as amended ... — note".
func (s Source) String() string {
	parts := []string{s.Basis.String() + ":"}
	if s.Ref != "" {
		parts = append(parts, s.Ref)
	}
	if s.Note != "" {
		if s.Ref != "" {
			parts = append(parts, "—")
		}
		parts = append(parts, s.Note)
	}
	return strings.Join(parts, " ")
}

func exceptCategories(cs []int) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprint(c)
	}
	return " except " + strings.Join(parts, ", ")
}

func reachString(ps []Prong, affiliates bool) string {
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
// diffusion amendments, the license requirement it pairs with, and the
// provenance of each part (read in which text, only reported, or a reading
// chosen). It is generated from the data, so it can be read against the
// CFR line by line; testdata/rules.md holds the table of Default.
func (s Set) Markdown() string {
	var b strings.Builder
	b.WriteString("| ¶ | Rule | In force | Item must be | Direct-product route | Plant route | Contains-IC route | Reach (any one) | Enforced AI-diffusion reading | License requirement | Provenance |\n")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|---|\n")
	esc := func(s string) string {
		s = strings.ReplaceAll(s, "|", `\|`)
		return strings.ReplaceAll(s, "\n", " ")
	}
	for _, r := range s.rules {
		para := strings.TrimPrefix(r.Citation.String(), "15 CFR 734.9")
		dates := "from " + r.Effective.String()
		if r.Until.IsValid() {
			dates += " until " + r.Until.AddDays(-1).String()
		}
		if r.Compliance.IsValid() {
			dates += "; compliance " + r.Compliance.String()
		}
		if r.Predecessor.IsValid() {
			dates += "; before, at " + r.Predecessor.String()
			if r.PredecessorFrom.IsValid() {
				dates += " from " + r.PredecessorFrom.String()
			}
			if r.PredecessorSame {
				dates += " (same substance)"
			} else {
				dates += " (not modelled: open)"
			}
		}
		ic := "—"
		if r.Product.ContainsIC {
			ic = "contains a commodity (an IC, for one) made by a plant meeting the plant route"
		}
		if len(r.Product.PlantIs) > 0 {
			ic = "made by a plant itself subject to the EAR and specified in " + patternList(r.Product.PlantIs)
		}
		enf := "unchanged"
		if e := r.Enforced; e != nil {
			if e.Absent {
				enf = "does not apply: " + e.Note
			} else {
				enf = reachString(e.Reach, false)
			}
		}
		lic := "the item's own ECCN under the Country Chart"
		if r.License != nil {
			lic = r.License.Citation.String()
			if r.License.NotFromPartners {
				lic += ", not for items exported from a partner country (Supp. No. 3 to part 746)"
			}
		}
		for _, x := range r.Exclusions {
			lic += "; excluded by " + x.Citation.String() + ": " + x.What
		}
		prov := make([]string, len(r.Provenance))
		for i, src := range r.Provenance {
			prov[i] = src.String()
		}
		cells := []string{
			para, r.Title, dates, r.Product.Item.String(), r.Product.Direct.String(), r.Product.Plant.String(), ic,
			reachString(r.Reach, r.Affiliates), enf, lic, strings.Join(prov, "<br>"),
		}
		b.WriteString("|")
		for _, c := range cells {
			b.WriteString(" " + esc(c) + " |")
		}
		b.WriteString("\n")
	}
	return b.String()
}
