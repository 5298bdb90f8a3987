// Package recheck compares two determinations of the same request, made as
// of two dates (or under two rule sets), and says what differs and which
// dated changes of the rules or tables between the two dates caused it.
//
// Compare lists the differences (subject to the EAR, license required,
// each FDP rule's outcome, the de minimis outcome, each 734.4(a)
// category's and each bill-of-materials line's, each License Exception's
// outcome and whether the exceptions cover the requirements), each with
// its causes: the changes license.Changes knows between the two dates
// whose provision is the one that differs (an FDP rule, a de minimis
// category, an exception), or, for the answers they make up (subject,
// license, a line's status), the causes of their parts; and the tables not
// modelled on one of the dates (the not_modelled warnings) when they bear
// on it. A difference with no dated change the SDK knows says so.
package recheck

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/license/fdp"
)

// Difference is one answer that differs between two determinations.
type Difference struct {
	// Field names the answer in the wire format's terms:
	// "subject_to_ear", "license.required", "fdp[15 CFR 734.9(k)]",
	// "de_minimis.outcome", "de_minimis.categories[15 CFR 734.4(a)(8)]",
	// "de_minimis.lines[fpga]", "license.exceptions[GBS]",
	// "license.covered_by_exceptions".
	Field string
	// Before and After are the answers in the wire format's words (a rule
	// or category not in force on a date does not apply there).
	Before, After string
	// Causes are the dated changes between the two dates that bear on
	// the answer, in date order.
	Causes []license.Change
	// Gaps name the tables not modelled on one of the dates that bear on
	// the answer (the determinations' not_modelled warnings).
	Gaps []string
}

// Comparison is the result of Compare.
type Comparison struct {
	ItemID        string
	Before, After jurisdiction.Date
	Differences   []Difference
}

// Flipped reports whether the subject-to-the-EAR or license answer
// differs.
func (c Comparison) Flipped() bool {
	return slices.ContainsFunc(c.Differences, func(d Difference) bool {
		return d.Field == "subject_to_ear" || d.Field == "license.required"
	})
}

// Compare compares two determinations of one request, before and after
// (in either date order; the dated changes are those between the two
// dates). The answers are compared field by field; the causes are read
// from license.Changes.
func Compare(before, after license.Determination) Comparison {
	return Between(before.AsOf(), after.AsOf()).Compare(before, after)
}

// Window is the dated changes between two dates, computed once for the
// comparisons of many requests (an order book).
type Window struct {
	from, to jurisdiction.Date
	changes  []license.Change
}

// Between returns the window of the changes after the earlier of a and b,
// up to the later (in either order).
func Between(a, b jurisdiction.Date) Window {
	if b.Before(a) {
		a, b = b, a
	}
	w := Window{from: a, to: b}
	if a != b {
		for _, ch := range license.Changes(a.AddDays(1), b) {
			if ch.Kind != "compliance_date" { // informational: rules apply from their effective dates
				w.changes = append(w.changes, ch)
			}
		}
	}
	return w
}

// Proposal returns the window of a proposed rule set against the one in
// force, for determinations of the same date under the two: each rule of
// proposed that differs from the rule of current in force on asOf with
// the same citation (or that current does not have) is a change of kind
// "proposal", named by title (the proposal's name).
func Proposal(current, proposed fdp.Set, asOf jurisdiction.Date, title string) Window {
	w := Window{from: asOf, to: asOf}
	for _, p := range proposed.Rules() {
		if !p.InForce(asOf) {
			continue
		}
		c, ok := current.RuleAt(p.Citation, asOf)
		if !ok || !sameRule(p, c) {
			w.changes = append(w.changes, license.Change{Effective: p.Effective, Kind: "proposal", Provision: p.Citation.String(),
				What: "proposed: " + p.Title, Source: title})
		}
	}
	return w
}

// DeMinimisProposal returns the window of proposed de minimis rules
// against the current ones, for determinations of the same date under the
// two: each level that differs (by citation) and each category whose
// schedule differs on asOf is a change of kind "proposal", named by title.
func DeMinimisProposal(current, proposed license.DeMinimisRules, asOf jurisdiction.Date, title string) Window {
	w := Window{from: asOf, to: asOf}
	levelText := func(l license.DeMinimisLevel) string {
		where := "every other destination"
		if len(l.Groups) > 0 {
			var gs []string
			for _, g := range l.Groups {
				gs = append(gs, g.String())
			}
			where = strings.Join(gs, ", ")
		}
		return fmt.Sprintf("%d percent for %s", l.Percent, where)
	}
	cur := map[string]string{}
	for _, l := range current.Levels() {
		cur[l.Citation] += levelText(l) + "; "
	}
	prop := map[string]string{}
	for _, l := range proposed.Levels() {
		prop[l.Citation] += levelText(l) + "; "
	}
	for _, l := range proposed.Levels() {
		if cur[l.Citation] != prop[l.Citation] && !slices.ContainsFunc(w.changes, func(c license.Change) bool { return c.Provision == l.Citation }) {
			w.changes = append(w.changes, license.Change{Effective: asOf, Kind: "proposal", Provision: l.Citation,
				What: "proposed level: " + strings.TrimSuffix(prop[l.Citation], "; "), Source: title})
		}
	}
	for _, l := range current.Levels() {
		if _, ok := prop[l.Citation]; !ok && !slices.ContainsFunc(w.changes, func(c license.Change) bool { return c.Provision == l.Citation }) {
			w.changes = append(w.changes, license.Change{Effective: asOf, Kind: "proposal", Provision: l.Citation, What: "proposed: no such level", Source: title})
		}
	}
	inForce := func(r license.DeMinimisRules, cite string) bool {
		for _, s := range r.Schedule() {
			if s.Citation == cite {
				return !asOf.Before(s.Effective) && (!s.Until.IsValid() || asOf.Before(s.Until))
			}
		}
		return false
	}
	for _, s := range current.Schedule() {
		if inForce(current, s.Citation) && !inForce(proposed, s.Citation) {
			w.changes = append(w.changes, license.Change{Effective: asOf, Kind: "proposal", Provision: s.Citation, What: "proposed: the category not applied", Source: title})
		}
	}
	for _, s := range proposed.Schedule() {
		if inForce(proposed, s.Citation) && !inForce(current, s.Citation) {
			w.changes = append(w.changes, license.Change{Effective: asOf, Kind: "proposal", Provision: s.Citation, What: "proposed: the category applied", Source: title})
		}
	}
	return w
}

// Compare is the package's Compare with the window's changes; the
// determinations are those of the window's two dates (or, for a Proposal,
// of its date under the two rule sets).
func (w Window) Compare(before, after license.Determination) Comparison {
	c := Comparison{ItemID: after.ItemID(), Before: before.AsOf(), After: after.AsOf()}
	if before.SameOutcomes(after) {
		// Every answer compareDetail compares is the same: nothing differs
		// (most orders of a book, read in place without copies).
		return c
	}
	// A comparison with differences is kept (a recheck keeps the orders
	// that changed): its item id is copied, so that it does not hold the
	// request's text, which the id shares, alive.
	c.ItemID = strings.Clone(c.ItemID)
	return w.compareDetail(c, before, after)
}

// compareDetail lists the differences of two determinations into c, each
// with its causes.
func (w Window) compareDetail(c Comparison, before, after license.Determination) Comparison {
	changes := w.changes
	gaps := gapsOf(before, after)
	add := func(field, b, a string, causes []license.Change, withGaps bool) {
		if b == a {
			return
		}
		d := Difference{Field: field, Before: b, After: a, Causes: causes}
		if withGaps {
			d.Gaps = gaps
		}
		c.Differences = append(c.Differences, d)
	}

	// FDP rules, by citation (a rule may be in force on one date only).
	var fdpCauses []license.Change
	fdpB, fdpA := before.FDP(), after.FDP()
	fdpCites := citations(fdpB, fdpA)
	for _, cite := range fdpCites {
		b, a := fdpOutcome(fdpB, cite), fdpOutcome(fdpA, cite)
		if b == a {
			continue
		}
		causes := matching(changes, cite)
		fdpCauses = union(fdpCauses, causes)
		add("fdp["+cite+"]", b, a, causes, len(causes) == 0)
	}

	// De minimis: the categories, the lines, the outcome.
	dmB, dmA := before.DeMinimis(), after.DeMinimis()
	var dmCauses []license.Change
	for _, cite := range categoryCitations(dmB.Categories, dmA.Categories) {
		b, a := categoryOutcome(dmB.Categories, cite), categoryOutcome(dmA.Categories, cite)
		if b == a {
			continue
		}
		causes := matching(changes, cite)
		dmCauses = union(dmCauses, causes)
		add("de_minimis.categories["+cite+"]", b, a, causes, len(causes) == 0)
	}
	tables := tableChanges(changes)
	for _, p := range linePairs(dmB.Lines, dmA.Lines) {
		if p.b != nil && p.a != nil && p.b.Counted == p.a.Counted && p.b.Status == p.a.Status {
			continue
		}
		b, a := lineStatus(p.b), lineStatus(p.a)
		if b == a {
			continue
		}
		eccn := ""
		if p.a != nil {
			eccn = p.a.ECCN
		}
		causes := union(tables, entryChanges(changes, eccn))
		dmCauses = union(dmCauses, causes)
		add("de_minimis.lines["+p.id+"]", b, a, causes, true)
	}
	// A level that changed decides the outcome without a category or a
	// line changing.
	dmCauses = union(dmCauses, union(matching(changes, dmB.Citation), matching(changes, dmA.Citation)))
	add("de_minimis.outcome", dmB.Outcome.String(), dmA.Outcome.String(), dmCauses, len(dmCauses) == 0)

	subjectCauses := union(fdpCauses, dmCauses)
	add("subject_to_ear", before.SubjectToEAR().String(), after.SubjectToEAR().String(), subjectCauses, len(subjectCauses) == 0)

	// Exceptions.
	var xCauses []license.Change
	xB, xA := before.Exceptions(), after.Exceptions()
	for _, code := range exceptionCodes(xB, xA) {
		b, a := exceptionOutcome(xB, code), exceptionOutcome(xA, code)
		if b == a || b == "" || a == "" {
			continue // the same, or evaluated on one date only (no license required on the other)
		}
		causes := matching(changes, exceptionCitation(xB, xA, code))
		xCauses = union(xCauses, causes)
		add("license.exceptions["+code+"]", b, a, causes, len(causes) == 0)
	}
	// A changed rule that applies on either side may change the license
	// requirement without changing the subject answer: the requirement it
	// pairs with, or its exclusions (fdp.Rule.License, Exclusions).
	var pairCauses []license.Change
	for _, cite := range fdpCites {
		if fdpOutcome(fdpB, cite) == "applies" || fdpOutcome(fdpA, cite) == "applies" {
			pairCauses = union(pairCauses, matching(changes, cite))
		}
	}
	// An entry that entered the CCL between the dates, when a license
	// reason reads it (the chart reading of a classification not yet on
	// the list is open).
	var entryCauses []license.Change
	for _, d := range []license.Determination{before, after} {
		for _, r := range d.LicenseReasons() {
			if e, ok := strings.CutPrefix(r.Citation, "15 CFR part 774, Supp. No. 1, "); ok {
				entryCauses = union(entryCauses, entryChanges(changes, e))
			}
		}
	}
	licenseCauses := union(union(union(subjectCauses, tables), pairCauses), entryCauses)
	add("license.required", before.LicenseRequired().String(), after.LicenseRequired().String(), licenseCauses, true)
	add("license.covered_by_exceptions", before.CoveredByExceptions().String(), after.CoveredByExceptions().String(), union(xCauses, licenseCauses), true)
	return c
}

// gapsOf returns the not_modelled warnings of either determination.
func gapsOf(ds ...license.Determination) []string {
	var out []string
	for _, d := range ds {
		for _, w := range d.Warnings() {
			if w.Code == license.WarnNotModelled && !slices.Contains(out, w.Message) {
				out = append(out, w.Message)
			}
		}
	}
	return out
}

// matching returns the changes whose provision is cite, or a paragraph of
// it ("15 CFR 734.9(h)" matches "15 CFR 734.9(h), (l); 740.27, 740.28").
func matching(cs []license.Change, cite string) []license.Change {
	var out []license.Change
	for _, c := range cs {
		if p, ok := strings.CutPrefix(c.Provision, cite); ok && (p == "" || p[0] == ' ' || p[0] == ',' || p[0] == '(') {
			out = append(out, c)
		}
	}
	return out
}

// tableChanges returns the changes of the tables a line's status or a
// license requirement reads: the country groups, the Part 746 programs and
// how a destination is read.
func tableChanges(cs []license.Change) []license.Change {
	var out []license.Change
	for _, c := range cs {
		switch c.Kind {
		case "country_group", "country_chart", "program", "destination":
			out = append(out, c)
		}
	}
	return out
}

func union(a, b []license.Change) []license.Change {
	if len(b) == 0 {
		return a
	}
	out := slices.Clone(a)
	for _, c := range b {
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	slices.SortStableFunc(out, func(x, y license.Change) int { return x.Effective.Compare(y.Effective) })
	return out
}

func citations(a, b []license.FDPResult) []string {
	out := make([]string, 0, len(a)+len(b))
	for _, rs := range [2][]license.FDPResult{a, b} {
		for _, r := range rs {
			if !slices.Contains(out, r.Citation) {
				out = append(out, r.Citation)
			}
		}
	}
	return out
}

// fdpOutcome is a rule's outcome; a rule not in force on the date does
// not apply.
func fdpOutcome(rs []license.FDPResult, cite string) string {
	for _, r := range rs {
		if r.Citation == cite {
			return r.OutcomeText()
		}
	}
	return "does_not_apply"
}

func categoryCitations(a, b []license.DeMinimisCategory) []string {
	out := make([]string, 0, len(a)+len(b))
	for _, cs := range [2][]license.DeMinimisCategory{a, b} {
		for _, c := range cs {
			if !slices.Contains(out, c.Citation) {
				out = append(out, c.Citation)
			}
		}
	}
	return out
}

// categoryOutcome is a category's outcome; a category not in force on
// the date does not apply.
func categoryOutcome(cs []license.DeMinimisCategory, cite string) string {
	for _, c := range cs {
		if c.Citation == cite {
			return c.Outcome.String()
		}
	}
	return "no"
}

// linePair is a de minimis line by id, before and after (nil: no such
// line on that side).
type linePair struct {
	id   string
	b, a *license.DeMinimisLine
}

// linePairs pairs the lines of two results by id, in the order of b and
// then of the lines only a has. Two results of one request list the same
// ids in the same order (or one lists none, de minimis not applying):
// they pair index by index; otherwise ids are looked up, so a long bill
// costs linear time either way.
func linePairs(b, a []license.DeMinimisLine) []linePair {
	out := make([]linePair, 0, max(len(b), len(a)))
	switch {
	case len(a) == 0:
		for i := range b {
			out = append(out, linePair{id: b[i].ID, b: &b[i]})
		}
		return out
	case len(b) == 0:
		for i := range a {
			out = append(out, linePair{id: a[i].ID, a: &a[i]})
		}
		return out
	case len(a) == len(b):
		same := true
		for i := range b {
			if b[i].ID != a[i].ID {
				same = false
				break
			}
		}
		if same {
			for i := range b {
				out = append(out, linePair{id: b[i].ID, b: &b[i], a: &a[i]})
			}
			return out
		}
	}
	at := make(map[string]int, len(out))
	for i := range b {
		if _, ok := at[b[i].ID]; !ok {
			at[b[i].ID] = len(out)
			out = append(out, linePair{id: b[i].ID, b: &b[i]})
		}
	}
	for i := range a {
		if k, ok := at[a[i].ID]; ok {
			if out[k].a == nil {
				out[k].a = &a[i]
			}
			continue
		}
		at[a[i].ID] = len(out)
		out = append(out, linePair{id: a[i].ID, a: &a[i]})
	}
	return out
}

// lineStatus is a line's status in words ("" for no line).
func lineStatus(l *license.DeMinimisLine) string {
	switch {
	case l == nil:
		return ""
	case l.Counted:
		return "counted"
	}
	return "not counted (" + l.Status.String() + ")"
}

func exceptionCodes(lists ...[]exception.Result) []string {
	var out []string
	for _, rs := range lists {
		for _, r := range rs {
			if c := r.Code.String(); !slices.Contains(out, c) {
				out = append(out, c)
			}
		}
	}
	return out
}

func exceptionOutcome(rs []exception.Result, code string) string {
	for _, r := range rs {
		if r.Code.String() == code {
			return r.Outcome.String()
		}
	}
	return ""
}

func exceptionCitation(a, b []exception.Result, code string) string {
	for _, rs := range [][]exception.Result{a, b} {
		for _, r := range rs {
			if r.Code.String() == code {
				return r.Citation
			}
		}
	}
	return ""
}

// sameRule reports whether two rules write the same rule-set document.
func sameRule(a, b fdp.Rule) bool {
	sa, errA := fdp.NewSet(a)
	sb, errB := fdp.NewSet(b)
	if errA != nil || errB != nil {
		return false
	}
	ja, errA := json.Marshal(sa)
	jb, errB := json.Marshal(sb)
	return errA == nil && errB == nil && bytes.Equal(ja, jb)
}

// entryChanges returns the changes of kind "ccl_entry" whose entry or
// paragraph holds the ECCN eccn ("3B993.f.1" is in "3B993").
func entryChanges(cs []license.Change, eccn string) []license.Change {
	var out []license.Change
	if eccn == "" {
		return nil
	}
	for _, c := range cs {
		if c.Kind != "ccl_entry" {
			continue
		}
		e := strings.TrimPrefix(c.Provision, "Supp. No. 1 to part 774, ")
		if eccn == e || strings.HasPrefix(eccn, e+".") {
			out = append(out, c)
		}
	}
	return out
}
