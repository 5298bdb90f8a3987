package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strings"

	"github.com/earcheck/ear/license/recheck"
)

// flips returns the results whose subject or license answer differs.
func (r Report) flips() []Result {
	var out []Result
	for _, res := range r.Results {
		if res.Err == nil && res.Comparison.Flipped() {
			out = append(out, res)
		}
	}
	return out
}

// counts tallies the orders by a key, in first-seen order.
type counts struct {
	keys []string
	n    map[string]int
}

func (c *counts) add(k string) {
	if c.n == nil {
		c.n = map[string]int{}
	}
	if _, ok := c.n[k]; !ok {
		c.keys = append(c.keys, k)
	}
	c.n[k]++
}

// tallies counts the flips each way (field: before to after) and by cause.
func (r Report) tallies() (ways, causes counts) {
	for _, res := range r.flips() {
		seen := map[string]bool{}
		for _, d := range res.Comparison.Differences {
			if d.Field == "subject_to_ear" || d.Field == "license.required" {
				ways.add(fmt.Sprintf("%s: %s to %s", d.Field, d.Before, d.After))
				for _, c := range d.Causes {
					if k := c.Effective.String() + " " + c.Provision; !seen[k] {
						seen[k] = true
						causes.add(k)
					}
				}
				if len(d.Causes) == 0 && !seen["-"] {
					seen["-"] = true
					causes.add("no dated change the SDK knows (see the gaps)")
				}
			}
		}
	}
	return ways, causes
}

// Summary writes how many orders were rechecked, how many flip each way
// and per cause.
func (r Report) Summary(w io.Writer) {
	errs := 0
	for _, res := range r.Results {
		if res.Err != nil {
			errs++
		}
	}
	if r.Rules != "" {
		fmt.Fprintf(w, "recheck as of %s under the built-in rules and under %s: %d orders, %d flipped, %d not decided\n", r.To, r.Rules, r.Orders, len(r.flips()), errs)
	} else {
		fmt.Fprintf(w, "recheck %s to %s: %d orders, %d flipped, %d not decided\n", r.From, r.To, r.Orders, len(r.flips()), errs)
	}
	ways, causes := r.tallies()
	for _, k := range ways.keys {
		fmt.Fprintf(w, "  %-50s %d\n", k, ways.n[k])
	}
	fmt.Fprintln(w, "by cause (orders whose subject or license answer it bears on):")
	for _, k := range causes.keys {
		fmt.Fprintf(w, "  %-50s %d\n", k, causes.n[k])
	}
}

// Markdown writes the summary and every flip with its differences and
// causes.
func (r Report) Markdown(w io.Writer) {
	if r.Rules != "" {
		fmt.Fprintf(w, "# Recheck as of %s: built-in rules and %s\n\n", r.To, r.Rules)
	} else {
		fmt.Fprintf(w, "# Recheck as of %s and %s\n\n", r.From, r.To)
	}
	var sb strings.Builder
	r.Summary(&sb)
	fmt.Fprintf(w, "```\n%s```\n", sb.String())
	for _, res := range r.flips() {
		b, a := r.From.String(), r.To.String()
		if r.Rules != "" {
			b, a = "built-in", "proposed"
		}
		fmt.Fprintf(w, "\n## %s (%s)\n\n| answer | %s | %s | caused by |\n|---|---|---|---|\n", md(res.OrderID), md(res.What), b, a)
		for _, d := range res.Comparison.Differences {
			fmt.Fprintf(w, "| %s | %s | %s | %s |\n", md(d.Field), md(orDash(d.Before)), md(orDash(d.After)), md(causeText(d)))
		}
	}
	var bad []Result
	for _, res := range r.Results {
		if res.Err != nil {
			bad = append(bad, res)
		}
	}
	if len(bad) > 0 {
		fmt.Fprint(w, "\n## Not decided\n\n")
		for _, res := range bad {
			fmt.Fprintf(w, "- line %d %s: %s\n", res.Line, md(res.OrderID), md(res.Err.Error()))
		}
	}
}

// causeText is a difference's causes in words.
func causeText(d recheck.Difference) string {
	var parts []string
	for _, c := range d.Causes {
		s := c.Effective.String() + " " + c.Provision + ": " + c.What
		if c.Source != "" {
			s += " (" + c.Source + ")"
		}
		parts = append(parts, s)
	}
	if len(parts) == 0 {
		parts = append(parts, "no dated change the SDK knows")
	}
	for _, g := range d.Gaps {
		parts = append(parts, "gap: "+g)
	}
	return strings.Join(parts, "; ")
}

// CSV writes one row per flip's difference and cause: order_id, field,
// before, after, cause_effective, cause_provision, cause_what,
// cause_source (empty cause columns when no dated change is known).
func (r Report) CSV(w io.Writer) {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"order_id", "field", "before", "after", "cause_effective", "cause_provision", "cause_what", "cause_source"})
	for _, res := range r.flips() {
		for _, d := range res.Comparison.Differences {
			if len(d.Causes) == 0 {
				_ = cw.Write([]string{res.OrderID, d.Field, d.Before, d.After, "", "", strings.Join(d.Gaps, "; "), ""})
			}
			for _, c := range d.Causes {
				_ = cw.Write([]string{res.OrderID, d.Field, d.Before, d.After, c.Effective.String(), c.Provision, c.What, c.Source})
			}
		}
	}
	cw.Flush()
}

// md makes text a caller supplied (an order id, a description, a reason)
// safe in a Markdown table cell, heading or list item: pipes escaped, and
// line breaks (\r, \n) written as spaces, so that no input opens a line
// of its own.
func md(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.NewReplacer("\r\n", " ", "\n", " ", "\r", " ").Replace(s)
}
