package exception

import (
	"strings"

	"github.com/earcheck/ear/license/fdp"
)

// esc makes text safe in a Markdown table cell.
func esc(s string) string {
	s = strings.ReplaceAll(s, `\`, `\\`)
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}

func row(b *strings.Builder, cells ...string) {
	b.WriteString("|")
	for _, c := range cells {
		b.WriteString(" ")
		if c == "" {
			c = "—"
		}
		b.WriteString(esc(c))
		b.WriteString(" |")
	}
	b.WriteString("\n")
}

func provenance(ss []fdp.Source) string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = s.String()
	}
	return strings.Join(out, "; ")
}

func allowances(as []Allowance) string {
	if len(as) == 0 {
		return "none"
	}
	out := make([]string, len(as))
	for i, a := range as {
		s := a.Code.String()
		if len(a.Paragraphs) > 0 {
			s += " (" + citeList(a.Paragraphs) + ")"
		}
		if len(a.Except) > 0 {
			s += " (except " + citeList(a.Except) + ")"
		}
		if a.Qualified != "" {
			s += " only " + a.Qualified
		}
		for _, nf := range a.NotFor {
			s += " (not for the requirement of " + nf.Paragraph.String() + ": " + nf.What
			if nf.Effective.IsValid() {
				s += ", from " + nf.Effective.String()
			}
			s += ")"
		}
		out[i] = s
	}
	return strings.Join(out, "; ")
}

func dates(from, until string) string {
	switch {
	case from == "" && until == "":
		return "before 2020-01-01 on"
	case until == "":
		return "from " + from
	case from == "":
		return "until " + until + " (removed)"
	}
	return "from " + from + " until " + until
}

func dateText(d interface {
	IsValid() bool
	String() string
}) string {
	if !d.IsValid() {
		return ""
	}
	return d.String()
}

// Markdown renders the exceptions, the restrictions of 740.2, the Part
// 746 lists and the Part 746 limits for one reason (746.1(b)(4)) as four
// Markdown tables, one row per value in CFR order, each
// with its citation, dates, conditions, sentence and provenance. It is
// generated from the data, so it can be read against the CFR line by line;
// testdata/exceptions.md holds it.
func Markdown() string {
	var b strings.Builder
	b.WriteString("## License Exceptions (15 CFR part 740)\n\n")
	row(&b, "Code", "Section", "In the EAR", "Destinations", "CCL line", "Items", "Chart reasons overcome", "Facts of the transaction", "Sentence", "Provenance")
	b.WriteString("|---|---|---|---|---|---|---|---|---|---|\n")
	for _, x := range exceptionTable {
		dest := x.Destinations.String()
		if len(x.NotGroups) > 0 {
			dest += ", not in " + groupList(x.NotGroups)
		}
		items := patternList(x.Items)
		switch x.Kinds {
		case "C":
			items = strings.TrimPrefix(items+"; commodities", "; ")
		case "DE":
			items = strings.TrimPrefix(items+"; software and technology", "; ")
		}
		reasons := "any"
		if x.Reasons != nil {
			reasons = reasonWords(x.Reasons)
			if x.Only {
				reasons += ", and the chart requires the license for these only"
			}
		}
		if x.Code == STA {
			reasons = "(c)(1) A:5: " + reasonWords(staA5Reasons) + "; (c)(2) A:6: " + reasonWords(staA6Reasons) + "; none for items controlled for " + reasonWords(staBarredReasons)
		}
		facts := make([]string, len(x.Facts))
		for i, f := range x.Facts {
			facts[i] = f.Field + ": " + f.What
		}
		row(&b, x.Code.String(), x.Citation.String()+" "+x.Title, dates(dateText(x.Effective), dateText(x.Until)), dest,
			x.Line, items, reasons, strings.Join(facts, "; "), x.Text, provenance(x.Provenance))
	}
	b.WriteString("\nNo exception overcomes a requirement of part 744 (the Entity List, 744.21, 744.23) or the Denied Persons List (15 CFR 740.2(a)(2); the exceptions those rules or the Entity List entries name are not held).\n")

	b.WriteString("\n## Restrictions on all License Exceptions (15 CFR 740.2(a))\n\n")
	row(&b, "Paragraph", "Version from", "Applies when", "Only these stay open", "Sentence")
	b.WriteString("|---|---|---|---|---|\n")
	for _, r := range restrictionTable {
		row(&b, r.Citation.String(), dateText(r.Effective), restrictionWhen(r), allowances(r.Allowed), r.Text)
	}
	b.WriteString("\nProvenance: " + esc(provenance(restrictionProvenance)) + "\n")

	b.WriteString("\n## License Exceptions of the Part 746 programs (15 CFR 740.2(a)(6))\n\n")
	row(&b, "Program", "Paragraph", "In force", "Governs", "Exceptions listed", "Provenance")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, p := range programTable {
		gov := "every requirement, for the program's destinations; and the program's requirements everywhere"
		if len(p.Covers) > 0 {
			gov = citeList(p.Covers)
		}
		row(&b, p.Program.String(), p.Citation.String(), dates(dateText(p.Effective), dateText(p.Until)), gov, allowances(p.Allowed), provenance(p.Provenance))
	}

	b.WriteString("\n## License Exceptions for one reason for control (part 746)\n\n")
	row(&b, "Paragraph", "In force", "Reason", "Destinations", "Exceptions that stay open", "Sentence", "Provenance")
	b.WriteString("|---|---|---|---|---|---|---|\n")
	for _, r := range reasonTable {
		row(&b, r.Citation.String(), dates(dateText(r.Effective), dateText(r.Until)), r.Reason.String(), r.To.String(), allowances(r.Allowed), r.Text, provenance(r.Provenance))
	}
	return b.String()
}

// restrictionWhen describes the conditions of a restriction.
func restrictionWhen(r Restriction) string {
	var parts []string
	if r.Items != nil {
		parts = append(parts, "the item is "+patternList(r.Items))
	}
	if r.NotItems != nil {
		parts = append(parts, "the item is not "+patternList(r.NotItems))
	}
	if r.Class != 0 {
		parts = append(parts, "the item is "+classWords(r.Class))
	}
	var loc []string
	if r.To != nil {
		loc = append(loc, "destined to "+r.To.String())
	}
	if r.HeadquarteredIn != nil {
		loc = append(loc, "a party headquartered in "+r.HeadquarteredIn.String())
	}
	if r.From != nil {
		loc = append(loc, "shipped from "+r.From.String())
	}
	if r.MadeIn != nil {
		loc = append(loc, "made in "+r.MadeIn.String())
	}
	if len(loc) > 0 {
		parts = append(parts, strings.Join(loc, ", or "))
	}
	if r.NotTo != nil {
		parts = append(parts, "not destined to "+r.NotTo.String())
	}
	if r.Unverified {
		parts = append(parts, "a party is on the Unverified List")
	}
	if r.Qualified != "" {
		parts = append(parts, "and, undecided by the SDK, "+r.Qualified)
	}
	return strings.Join(parts, "; ")
}

func groupList[G interface{ String() string }](gs []G) string { return join(gs) }

// ResultsMarkdown renders results as a Markdown table (code, section,
// outcome, requirements overcome, why, missing facts), for a determination's
// worksheet.
func ResultsMarkdown(rs []Result) string {
	var b strings.Builder
	row(&b, "Exception", "Section", "Outcome", "Overcomes", "Why", "Missing")
	b.WriteString("|---|---|---|---|---|---|\n")
	for _, r := range rs {
		ms := make([]string, len(r.Missing))
		for i, m := range r.Missing {
			ms[i] = m.Field
		}
		row(&b, r.Code.String(), r.Citation, r.Outcome.String(), strings.Join(r.Overcomes, "; "), r.Why, strings.Join(ms, ", "))
	}
	return b.String()
}
