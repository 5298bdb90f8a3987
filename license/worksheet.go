package license

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/origin"
)

// Worksheet renders the de minimis result as plain text of the kind an
// auditor files: every line with its origin, ECCN, value, quantity, total,
// whether it is counted and why (with the citation), the 734.4(a)
// categories, the totals, the threshold and the outcome with its citation.
func (r DeMinimisResult) Worksheet() string {
	var b strings.Builder
	cur := r.ItemValue.Currency().String()
	fmt.Fprintf(&b, "De minimis worksheet (15 CFR 734.4, Supp. No. 2 to part 734)\n")
	fmt.Fprintf(&b, "Item value: %s %s\n\n", r.ItemValue.AmountString(), cur)
	fmt.Fprintf(&b, "%-8s %-8s %-14s %14s %8s %16s  %-7s %s\n", "line", "origin", "ECCN", "value", "qty", "total "+cur, "counted", "why [citation]")
	for _, l := range r.Lines {
		fmt.Fprintf(&b, "%-8s %-8s %-14s %14s %8s %16s  %-7s %s [%s]\n",
			textSafe(l.ID), l.Origin, orDash(l.ECCN), l.Value.AmountString()+" "+l.Value.Currency().String(), l.Quantity, l.Total(), countedText(l), textSafe(l.Why), l.Citation)
	}
	b.WriteString("\nCategories with no de minimis level (734.4(a)):\n")
	for _, c := range r.Categories {
		fmt.Fprintf(&b, "  %-22s %-13s %s\n", c.Citation, c.Outcome, textSafe(c.Why))
	}
	for _, x := range r.ExchangeRates.All() {
		fmt.Fprintf(&b, "\nExchange rate of %s: 1 %s = %s %s", r.ExchangeRates.Date(), x.From, rateText(x), x.To)
	}
	if len(r.ExchangeRates.All()) > 0 {
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "\nControlled US-origin content: %s %s\n", r.ControlledValue.AmountString(), cur)
	fmt.Fprintf(&b, "Controlled share: %s %%%s (decided exactly by cross-multiplication)\n", r.ControlledPercent, exactNote(r.ControlledPercentExact))
	fmt.Fprintf(&b, "Threshold: %s %% (exceeds is strict)\n", r.ThresholdPercent)
	fmt.Fprintf(&b, "Outcome: %s [%s]\n", r.Outcome, r.Citation)
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "Note: %s\n", textSafe(n))
	}
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "Missing: %s: %s\n", textSafe(m.Field), textSafe(m.Why))
	}
	return b.String()
}

// WorksheetMarkdown renders the same worksheet as Markdown tables.
func (r DeMinimisResult) WorksheetMarkdown() string {
	var b strings.Builder
	cur := r.ItemValue.Currency().String()
	b.WriteString("## De minimis worksheet\n\n")
	fmt.Fprintf(&b, "15 CFR 734.4 and Supplement No. 2 to part 734. Item value: **%s %s**.\n\n", r.ItemValue.AmountString(), cur)
	fmt.Fprintf(&b, "| line | origin | ECCN | value | qty | total (%s) | counted | why | citation |\n", cur)
	b.WriteString("|---|---|---|---:|---:|---:|---|---|---|\n")
	for _, l := range r.Lines {
		fmt.Fprintf(&b, "| %s | %s | %s | %s %s | %s | %s | %s | %s | %s |\n",
			mdCell(l.ID), l.Origin, orDash(l.ECCN), l.Value.AmountString(), l.Value.Currency(), l.Quantity, l.Total(), countedText(l), mdCell(l.Why), mdCell(l.Citation))
	}
	b.WriteString("\n| 734.4(a) category | applies | why |\n|---|---|---|\n")
	for _, c := range r.Categories {
		fmt.Fprintf(&b, "| %s %s | %s | %s |\n", c.Citation, mdCell(c.Title), c.Outcome, mdCell(c.Why))
	}
	b.WriteString("\n| figure | value |\n|---|---|\n")
	for _, x := range r.ExchangeRates.All() {
		fmt.Fprintf(&b, "| exchange rate of %s | 1 %s = %s %s |\n", r.ExchangeRates.Date(), x.From, rateText(x), x.To)
	}
	fmt.Fprintf(&b, "| controlled US-origin content | %s %s |\n", r.ControlledValue.AmountString(), cur)
	fmt.Fprintf(&b, "| controlled share | %s %%%s |\n", r.ControlledPercent, exactNote(r.ControlledPercentExact))
	fmt.Fprintf(&b, "| threshold | %s %% |\n", r.ThresholdPercent)
	fmt.Fprintf(&b, "| outcome | **%s** (%s) |\n", r.Outcome, r.Citation)
	for _, n := range r.Notes {
		fmt.Fprintf(&b, "\nNote: %s\n", mdCell(n))
	}
	for _, m := range r.Missing {
		fmt.Fprintf(&b, "\nMissing: %s: %s\n", mdCode(m.Field), mdCell(m.Why))
	}
	return b.String()
}

func countedText(l DeMinimisLine) string {
	switch l.Status {
	case ear.Yes:
		return "yes"
	case ear.No:
		return "no"
	}
	return "open"
}

func exactNote(exact bool) string {
	if exact {
		return ""
	}
	return " (rounded half-even to 10 places)"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// mdCell makes text a caller supplied (a line id, a description, a reason
// that quotes them) safe inside a Markdown table cell or line: line breaks
// and other control characters are written as escapes, and the characters
// that make Markdown structure inside a line (cells, code, links, HTML) are
// escaped, so that no input can open a heading, a table row or a link of
// its own.
func mdCell(s string) string {
	var b strings.Builder
	for _, r := range textSafe(s) {
		switch r {
		case '\\', '|', '`', '[', ']', '<', '>':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// textSafe writes control characters (line breaks included) of text a
// caller supplied as Go escapes ("\\n"), so that a plain-text worksheet
// keeps one line per row whatever the input.
func textSafe(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if unicode.IsControl(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// rateText writes a rate without trailing zeros, whatever decimal's
// package settings are.
func rateText(x origin.Rate) string { return percentText(x.Rate) }

// mdCode writes a wire path as a Markdown code span; a backtick or a line
// break in it (a member name the caller chose) cannot end the span.
func mdCode(s string) string {
	return "`" + strings.ReplaceAll(textSafe(s), "`", "'") + "`"
}
