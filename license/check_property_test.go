package license

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/earcheck/ear"
	"github.com/shopspring/decimal"
)

// Property tests of Check over thousands of random but valid requests.
//
// The generator builds requests in the JSON wire format of DESIGN.md (the
// pw* types below mirror it, with pointers and nil slices where "absent"
// and "[]" mean different things), marshals them and decodes them with
// DecodeRequest, so every request also passes the strict decoder. The
// random source is math/rand/v2's PCG with a fixed seed per property:
// every run checks the same requests, and a failure prints the (shrunk)
// request as JSON.

// ---- properties ----

// TestPropertyOrderIrrelevant: the order of the bill-of-materials lines
// and of the parties changes nothing the Determination decides.
//
// Basis: de minimis sums the controlled US-origin content (Supplement No. 2
// to part 734) and 734.4(a), 734.9 and 744.11 ask whether any line or any
// party meets a condition: none of them depends on order.
//
// The JSON itself is not compared byte for byte, by design of the wire
// format: de_minimis.lines is the worksheet in the request's order, missing
// facts name lines by index ("item.components[3].origin"), and the prose of
// a 734.4(a) category names the first line that meets it ("(line c7)").
// What is compared is propOutcome: every answer (subject, license, de
// minimis outcome, threshold, controlled value and percentage, every line's
// status and citation by id, every category, every FDP rule's outcome and
// halves, the license reasons' citations and answers, the set of missing
// fields with indexes replaced by ids, the parties' designations).
func TestPropertyOrderIrrelevant(t *testing.T) {
	r := propRand(1)
	n := propCount(2000)
	for range propIters(t, n) {
		w := genRequest(r)
		d := propCheck(t, w)
		want := outcomeOf(d, w)
		s := w.clone()
		r.Shuffle(len(s.Item.Components), func(i, j int) {
			s.Item.Components[i], s.Item.Components[j] = s.Item.Components[j], s.Item.Components[i]
		})
		if s.Parties != nil {
			ps := *s.Parties
			r.Shuffle(len(ps), func(i, j int) { ps[i], ps[j] = ps[j], ps[i] })
		}
		if s.EndUses != nil {
			us := *s.EndUses
			r.Shuffle(len(us), func(i, j int) { us[i], us[j] = us[j], us[i] })
		}
		if s.Item.DirectProductOf != nil {
			ls := *s.Item.DirectProductOf
			r.Shuffle(len(ls), func(i, j int) { ls[i], ls[j] = ls[j], ls[i] })
		}
		ds := propCheck(t, s)
		got := outcomeOf(ds, s)
		if !equalOutcome(want, got) {
			t.Fatalf("reordering changed the determination\nrequest:\n%s\nreordered:\n%s\nbefore:\n%s\nafter:\n%s", w.json(), s.json(), want, got)
		}
	}
}

func equalOutcome(a, b propOutcome) bool { return a.String() == b.String() }

// TestPropertyScaleInvariance: multiplying every monetary value (the item's
// and every line's) by the same positive factor changes no de minimis
// outcome, nor anything else the Determination decides.
//
// Basis: de minimis is a ratio, controlled US-origin value over the item's
// value, compared with 10 or 25 percent (15 CFR 734.4(c), (d); Supplement
// No. 2 to part 734); no rule of the EAR that the SDK models turns on an
// absolute amount. The factors are exact decimals (0.5, 0.001, 3, 7,
// 1000, 1.25), so the products are exact and "exactly 25 %" stays exact.
// The percentage text is compared too (it is the same exact ratio); the
// controlled value is scaled, so it is left out of the comparison.
func TestPropertyScaleInvariance(t *testing.T) {
	r := propRand(2)
	factors := []string{"7", "0.5", "1000", "0.001", "3", "1.25"}
	n := propCount(2000)
	for range propIters(t, n) {
		w := genRequest(r)
		d := propCheck(t, w)
		f := decimal.RequireFromString(propPick(r, factors))
		s := propScale(w, f)
		ds := propCheck(t, s)
		a, b := outcomeOf(d, w), outcomeOf(ds, s)
		a.DMControlled, b.DMControlled = "", ""
		if !equalOutcome(a, b) {
			fail := func(c pwRequest) bool {
				d1, e1 := propCheckErr(c)
				d2, e2 := propCheckErr(propScale(c, f))
				if e1 != nil || e2 != nil {
					return false
				}
				x, y := outcomeOf(d1, c), outcomeOf(d2, propScale(c, f))
				x.DMControlled, y.DMControlled = "", ""
				return !equalOutcome(x, y)
			}
			m := propShrink(w, fail)
			t.Fatalf("scaling every value by %s changed the determination\nminimal request:\n%s\nbefore:\n%s\nafter:\n%s", f, m.json(), a, b)
		}
	}
}

func propScale(w pwRequest, f decimal.Decimal) pwRequest {
	s := w.clone()
	mul := func(a string) string {
		v := decimal.RequireFromString(a).Mul(f)
		exp := max(-v.Exponent(), 0)
		return v.StringFixed(exp)
	}
	s.Item.Value.Amount = mul(s.Item.Value.Amount)
	for i := range s.Item.Components {
		s.Item.Components[i].Value.Amount = mul(s.Item.Components[i].Value.Amount)
	}
	return s
}

// TestPropertyAddingUSContent: adding a US-origin controlled line with a
// positive value never takes an item out of the EAR: subject "yes" stays
// "yes", "indeterminate" never becomes "no"; and a de minimis "exceeds" or
// "no_de_minimis_level" never becomes "within".
//
// Basis: the de minimis numerator only grows with more controlled US-origin
// content (Supplement No. 2 to part 734) while the denominator, the item's
// value, is fixed; every 734.4(a) category asks whether some US-origin line
// qualifies, so it can only start to apply; the FDP rules (734.9) do not
// read the bill of materials except for lines' plants, which the added line
// does not state. The added line fits the item's kind: a 3A090.a or
// 5A002.a part (incorporated) in a commodity, 5D002 (commingled) in
// software, 3E001 or 5E002 (commingled) in technology.
func TestPropertyAddingUSContent(t *testing.T) {
	r := propRand(3)
	n := propCount(2000)
	for range propIters(t, n) {
		w := genRequest(r)
		d := propCheck(t, w)
		s := propAddUSLine(r, w)
		ds := propCheck(t, s)
		if msg := propAddViolation(d, ds); msg != "" {
			line := s.Item.Components[len(s.Item.Components)-1]
			fail := func(c pwRequest) bool {
				c2 := c.clone()
				c2.Item.Components = append(c2.Item.Components, line)
				d1, e1 := propCheckErr(c)
				d2, e2 := propCheckErr(c2)
				return e1 == nil && e2 == nil && propAddViolation(d1, d2) != ""
			}
			m := propShrink(w, fail)
			t.Fatalf("adding US-origin line %+v: %s\nminimal request (before the line):\n%s", line, msg, m.json())
		}
	}
}

func propAddUSLine(r *rand.Rand, w pwRequest) pwRequest {
	s := w.clone()
	l := pwLine{ID: "added-us", Origin: "us", Value: pwMoney{Amount: propAmount(r, true), Currency: s.Item.Value.Currency}, Quantity: propPick(r, []string{"", "1", "4"})}
	switch s.Item.Kind {
	case "commodity":
		l.Relation = "incorporated"
		l.ECCN = propPick(r, []string{"3A090.a", "5A002.a", "3A001.a.7"})
	case "software":
		l.Relation, l.ECCN = "commingled", "5D002"
	default:
		l.Relation, l.ECCN = "commingled", propPick(r, []string{"3E001", "5E002"})
	}
	if l.ECCN == "5A002.a" || l.ECCN == "5D002" {
		if r.IntN(2) == 0 {
			l.Encryption = propPick(r, propEncryption)
		}
	}
	s.Item.Components = append(s.Item.Components, l)
	return s
}

func propAddViolation(before, after Determination) string {
	b, a := before.SubjectToEAR(), after.SubjectToEAR()
	switch {
	case b == ear.Yes && a != ear.Yes:
		return fmt.Sprintf("subject_to_ear went from yes to %s", a)
	case b == ear.Indeterminate && a == ear.No:
		return "subject_to_ear went from indeterminate to no"
	}
	bo, ao := before.DeMinimis().Outcome, after.DeMinimis().Outcome
	if (bo == DeMinimisExceeds || bo == DeMinimisNoLevel) && (ao == DeMinimisWithin || ao == DeMinimisIndeterminate) {
		return fmt.Sprintf("de minimis went from %s to %s", bo, ao)
	}
	if bo == DeMinimisIndeterminate && ao == DeMinimisWithin {
		return "de minimis went from indeterminate to within"
	}
	return ""
}

// propRemoval is one way of taking a fact out of a request: the wire
// format's "absent means unknown".
type propRemoval struct {
	name  string
	apply func(r *rand.Rand, w *pwRequest) bool // false: nothing to remove
}

// propRemovals are the facts whose removal makes them unknown. Not among
// them, by the wire format's own rule: a named party's attributes
// (entity_list_footnotes, headquartered_in, government_of, ownership) are
// the caller's declarations, and absent means "none declared", not
// unknown; so dropping a party's designation is a change of fact, which
// may legitimately turn "yes" into "no". The unknown version of the
// parties fact is dropping the "parties" list itself, which is here.
var propRemovals = []propRemoval{
	{"item.components[i].origin -> unknown", func(r *rand.Rand, w *pwRequest) bool {
		var idx []int
		for i, l := range w.Item.Components {
			if l.Origin != "unknown" {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return false
		}
		w.Item.Components[propPick(r, idx)].Origin = "unknown"
		return true
	}},
	{"item.components[i].eccn removed", func(r *rand.Rand, w *pwRequest) bool {
		var idx []int
		for i, l := range w.Item.Components {
			if l.ECCN != "" {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return false
		}
		i := propPick(r, idx)
		w.Item.Components[i].ECCN = ""
		w.Item.Components[i].Encryption = ""
		return true
	}},
	{"item.components[i].encryption removed", func(r *rand.Rand, w *pwRequest) bool {
		var idx []int
		for i, l := range w.Item.Components {
			if l.Encryption != "" && l.Encryption != "unknown" {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return false
		}
		i := propPick(r, idx)
		w.Item.Components[i].Encryption = propPick(r, []string{"", "unknown"})
		return true
	}},
	{"item.components[i].integrated_circuit removed", func(r *rand.Rand, w *pwRequest) bool {
		var idx []int
		for i, l := range w.Item.Components {
			if l.IntegratedCircuit != nil {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return false
		}
		w.Item.Components[propPick(r, idx)].IntegratedCircuit = nil
		return true
	}},
	{"item.components[i].plant removed", func(r *rand.Rand, w *pwRequest) bool {
		var idx []int
		for i, l := range w.Item.Components {
			if l.Plant != nil {
				idx = append(idx, i)
			}
		}
		if len(idx) == 0 {
			return false
		}
		w.Item.Components[propPick(r, idx)].Plant = nil
		return true
	}},
	{"item.eccn removed", func(r *rand.Rand, w *pwRequest) bool {
		if w.Item.ECCN == "" {
			return false
		}
		w.Item.ECCN = ""
		return true
	}},
	{"item.direct_product_of removed", func(r *rand.Rand, w *pwRequest) bool {
		if w.Item.DirectProductOf == nil {
			return false
		}
		w.Item.DirectProductOf = nil
		return true
	}},
	{"item.plant removed", func(r *rand.Rand, w *pwRequest) bool {
		if w.Item.Plant == nil {
			return false
		}
		w.Item.Plant = nil
		return true
	}},
	{"lineage entry origin -> unknown", func(r *rand.Rand, w *pwRequest) bool {
		for _, l := range []*[]pwLineage{w.Item.DirectProductOf, w.Item.Plant} {
			if l != nil && len(*l) > 0 {
				i := r.IntN(len(*l))
				if (*l)[i].Origin == "unknown" {
					continue
				}
				(*l)[i].Origin = "unknown"
				return true
			}
		}
		return false
	}},
	{"parties removed", func(r *rand.Rand, w *pwRequest) bool {
		if w.Parties == nil {
			return false
		}
		w.Parties = nil
		return true
	}},
	{"end_uses removed", func(r *rand.Rand, w *pwRequest) bool {
		if w.EndUses == nil {
			return false
		}
		w.EndUses = nil
		return true
	}},
	{"incorporations removed", func(r *rand.Rand, w *pwRequest) bool {
		if w.Incorporations == nil {
			return false
		}
		w.Incorporations = nil
		return true
	}},
	{"exported_from removed", func(r *rand.Rand, w *pwRequest) bool {
		if w.ExportedFrom == "" || w.ExportedFrom == "US" {
			// exported from the United States is 734.3(a)(1) itself;
			// removing it makes the item foreign-made abroad, a
			// different fact, not an unknown one.
			return false
		}
		w.ExportedFrom = ""
		return true
	}},
}

// propAnswers are the Determination's answers that removing a fact must
// not make more definite.
func propAnswers(d Determination) map[string]ear.Answer {
	dm := ear.Indeterminate
	switch d.DeMinimis().Outcome {
	case DeMinimisExceeds, DeMinimisNoLevel:
		dm = ear.Yes
	case DeMinimisWithin:
		dm = ear.No
	case DeMinimisNotApplicable:
		dm = 0 // not a three-valued answer; compared as is
	}
	return map[string]ear.Answer{"subject_to_ear": d.SubjectToEAR(), "license.required": d.LicenseRequired(), "de_minimis (exceeds/no level = yes, within = no)": dm}
}

// propRemovalViolation returns what went wrong when a fact was removed:
// an answer that was indeterminate became no, or (the same principle, the
// information order) a definite answer flipped to the other definite
// answer, or an indeterminate one became yes.
func propRemovalViolation(before, after Determination, unknownControlled bool) string {
	ba, aa := propAnswers(before), propAnswers(after)
	var out []string
	for _, k := range []string{"subject_to_ear", "license.required", "de_minimis (exceeds/no level = yes, within = no)"} {
		b, a := ba[k], aa[k]
		if b == a || a == ear.Indeterminate {
			continue
		}
		if b == 0 || a == 0 {
			out = append(out, fmt.Sprintf("%s: %s -> %s", k, before.DeMinimis().Outcome, after.DeMinimis().Outcome))
			continue
		}
		// With options.unknown_origin "controlled" an unknown origin is
		// counted as US-origin controlled content, on purpose: an answer
		// may become yes.
		if unknownControlled && a == ear.Yes {
			continue
		}
		out = append(out, fmt.Sprintf("%s: %s -> %s", k, b, a))
	}
	return strings.Join(out, "; ")
}

// propKnownBugs are minimal reproductions of library bugs that property 4
// (TestPropertyRemovingFactsNeverDecides) found: each pair of requests
// differs in one fact, present in before and made unknown in after. While
// a reproduction still fails, the property is skipped, naming it; once the
// library is fixed the guard lifts itself and the property runs.
var propKnownBugs = []struct {
	name, before, after string
}{
	{
		// 734.4(b) is applied only to lines already counted (status yes
		// with a known encryption ECCN): a line that may be US-origin
		// 5A002/5A004/5D002 content with no 740.17 status is ignored.
		// Expected: subject_to_ear and de_minimis indeterminate, missing
		// item.components[0].origin and .encryption. Actual: no / within.
		name:   "BUG-1 deminimis.go 734.4(b) gate ignores possible encryption content (origin us -> unknown turns subject indeterminate into no)",
		before: `{"as_of":"2026-11-28","item":{"eccn":"EAR99","kind":"commodity","produced_in":"DE","value":{"amount":"100000","currency":"USD"},"components":[{"id":"c1","eccn":"5A002.a","origin":"us","value":{"amount":"100","currency":"USD"},"relation":"incorporated","plant":{"direct_product_of":[]}}],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"DE","destination":{"country":"IN"},"parties":[],"end_uses":[],"incorporations":[]}`,
		after:  `{"as_of":"2026-11-28","item":{"eccn":"EAR99","kind":"commodity","produced_in":"DE","value":{"amount":"100000","currency":"USD"},"components":[{"id":"c1","eccn":"5A002.a","origin":"unknown","value":{"amount":"100","currency":"USD"},"relation":"incorporated","plant":{"direct_product_of":[]}}],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"DE","destination":{"country":"IN"},"parties":[],"end_uses":[],"incorporations":[]}`,
	},
	{
		// isIC reads "integrated_circuit not stated and the ECCN does not
		// describe an IC" (EAR99, 5A002.a, or no ECCN at all) as "not an
		// IC", so 734.4(a)(8) and (a)(9) turn a missing fact into no.
		// Expected: indeterminate, missing item.components[0].integrated_circuit
		// (as the FDP rules already report it). Actual: subject yes -> no.
		name:   "BUG-2 deminimis.go isIC: unstated integrated_circuit read as not an IC (734.4(a)(8) SME to MO: subject yes -> no)",
		before: `{"as_of":"2026-11-28","item":{"eccn":"3B001.c","kind":"commodity","produced_in":"JP","value":{"amount":"100000","currency":"USD"},"components":[{"id":"c1","eccn":"EAR99","origin":"us","value":{"amount":"100","currency":"USD"},"relation":"incorporated","integrated_circuit":true,"plant":{"direct_product_of":[]}}],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"MO"},"parties":[],"end_uses":[],"incorporations":[]}`,
		after:  `{"as_of":"2026-11-28","item":{"eccn":"3B001.c","kind":"commodity","produced_in":"JP","value":{"amount":"100000","currency":"USD"},"components":[{"id":"c1","eccn":"EAR99","origin":"us","value":{"amount":"100","currency":"USD"},"relation":"incorporated","plant":{"direct_product_of":[]}}],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"MO"},"parties":[],"end_uses":[],"incorporations":[]}`,
	},
	{
		// The same isIC reading through a removed line ECCN: a US-origin
		// 3A001.a.7 IC in 3B001.c equipment to Macau is 734.4(a)(8); with
		// the line's ECCN not given, (a)(8) reads no and the item is not
		// subject. Expected: indeterminate. Actual: yes -> no.
		name:   "BUG-2b deminimis.go isIC: line ECCN removed turns 734.4(a)(8) yes into no (subject yes -> no)",
		before: `{"as_of":"2026-11-28","item":{"eccn":"3B001.c","kind":"commodity","produced_in":"JP","value":{"amount":"100000","currency":"USD"},"components":[{"id":"c1","eccn":"3A001.a.7","origin":"us","value":{"amount":"100","currency":"USD"},"relation":"incorporated","plant":{"direct_product_of":[]}}],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"MO"},"parties":[],"end_uses":[],"incorporations":[]}`,
		after:  `{"as_of":"2026-11-28","item":{"eccn":"3B001.c","kind":"commodity","produced_in":"JP","value":{"amount":"100000","currency":"USD"},"components":[{"id":"c1","origin":"us","value":{"amount":"100","currency":"USD"},"relation":"incorporated","plant":{"direct_product_of":[]}}],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"MO"},"parties":[],"end_uses":[],"incorporations":[]}`,
	},
}

// TestKnownBugsStayFixed replays propKnownBugs, the minimal reproductions
// of bugs the properties once found: each must stay fixed, as an ordinary
// test (a reappearing bug fails here; it never turns another test into a
// skip).
func TestKnownBugsStayFixed(t *testing.T) {
	for _, b := range propKnownBugs {
		t.Run(b.name, func(t *testing.T) {
			var ds [2]Determination
			for i, s := range []string{b.before, b.after} {
				req, err := DecodeRequest(strings.NewReader(s))
				if err != nil {
					t.Fatal(err)
				}
				if ds[i], err = Check(req); err != nil {
					t.Fatal(err)
				}
			}
			if msg := propRemovalViolation(ds[0], ds[1], false); msg != "" {
				t.Errorf("the bug is back: %s", msg)
			}
		})
	}
}

// TestPropertyRemovingFactsNeverDecides: removing a fact (making it
// unknown, the wire format's "absent") never turns an indeterminate answer
// into "no", on subject_to_ear, license.required or the de minimis outcome
// (where "within" is the "no"). It checks the whole information order: no
// answer may move from one definite value to the other, or from
// indeterminate to a definite one; it may only stay or become
// indeterminate.
//
// Basis: DESIGN.md's three-valued outcomes ("missing facts never turn into
// no"); 15 CFR 734.3(a)(3), 734.4, 734.9 each reach an item when a
// condition is met, so not knowing a fact can only leave a rule open.
func TestPropertyRemovingFactsNeverDecides(t *testing.T) {
	r := propRand(4)
	n := propCount(3000)
	seen := map[string]int{}
	for range propIters(t, n) {
		w := genRequest(r)
		d := propCheck(t, w)
		s := w.clone()
		rm := propPick(r, propRemovals)
		if !rm.apply(r, &s) {
			continue
		}
		seen[rm.name]++
		ds := propCheck(t, s)
		ctl := w.Options.UnknownOrigin == "controlled"
		if msg := propRemovalViolation(d, ds, ctl); msg != "" {
			// Shrink: keep the removal's result paired with its source by
			// shrinking both the same way (remove the same entries).
			mw, ms := propShrinkPair(w, s, func(a, b pwRequest) bool {
				d1, e1 := propCheckErr(a)
				d2, e2 := propCheckErr(b)
				return e1 == nil && e2 == nil && propRemovalViolation(d1, d2, ctl) != ""
			})
			d1, j1 := propCheckJSON(t, mw)
			d2, j2 := propCheckJSON(t, ms)
			t.Fatalf("removing a fact (%s) made an answer more definite: %s\nminimal request:\n%s\nwith the fact removed:\n%s\nmissing before: %v\nmissing after: %v\nbefore: %s\nafter: %s",
				rm.name, propRemovalViolation(d1, d2, ctl), mw.json(), ms.json(), d1.Missing(), d2.Missing(), propBrief(j1), propBrief(j2))
		}
	}
	t.Logf("removals tried: %v", seen)
}

// propBrief returns the answers and de minimis lines of a Determination's
// JSON, for failure messages.
func propBrief(j []byte) string {
	var v struct {
		Subject string `json:"subject_to_ear"`
		DM      struct {
			Outcome    string          `json:"outcome"`
			Categories json.RawMessage `json:"categories"`
			Lines      json.RawMessage `json:"lines"`
			Percent    string          `json:"controlled_percent"`
		} `json:"de_minimis"`
		FDP     json.RawMessage `json:"fdp"`
		License json.RawMessage `json:"license"`
	}
	_ = json.Unmarshal(j, &v)
	var fdp []struct {
		Citation string `json:"citation"`
		Outcome  string `json:"outcome"`
	}
	_ = json.Unmarshal(v.FDP, &fdp)
	var fs []string
	for _, f := range fdp {
		if f.Outcome != "does_not_apply" {
			fs = append(fs, f.Citation+"="+f.Outcome)
		}
	}
	return fmt.Sprintf("subject=%s de_minimis=%s (%s %%) lines=%s categories=%s fdp(not does_not_apply)=%v license=%s",
		v.Subject, v.DM.Outcome, v.DM.Percent, v.DM.Lines, v.DM.Categories, fs, v.License)
}

// propShrinkPair shrinks two requests that differ in one fact together:
// each step removes the same line (by id), party, end use or list from
// both.
func propShrinkPair(a, b pwRequest, failing func(a, b pwRequest) bool) (pwRequest, pwRequest) {
	for changed := true; changed; {
		changed = false
		try := func(f func(*pwRequest)) {
			ca, cb := a.clone(), b.clone()
			f(&ca)
			f(&cb)
			if failing(ca, cb) {
				a, b, changed = ca, cb, true
			}
		}
		ids := []string{}
		for _, l := range a.Item.Components {
			ids = append(ids, l.ID)
		}
		for _, id := range ids {
			try(func(w *pwRequest) {
				w.Item.Components = slices.DeleteFunc(w.Item.Components, func(l pwLine) bool { return l.ID == id })
			})
		}
		if a.Parties != nil && b.Parties != nil {
			for _, p := range *a.Parties {
				name := p.Name
				try(func(w *pwRequest) {
					ps := slices.DeleteFunc(*w.Parties, func(q pwParty) bool { return q.Name == name })
					w.Parties = &ps
				})
			}
		}
		if a.EndUses != nil && b.EndUses != nil {
			for _, u := range *a.EndUses {
				try(func(w *pwRequest) {
					us := slices.DeleteFunc(*w.EndUses, func(v string) bool { return v == u })
					w.EndUses = &us
				})
			}
		}
		if a.Incorporations != nil && b.Incorporations != nil && len(*a.Incorporations) > 0 {
			try(func(w *pwRequest) { w.Incorporations = &[]pwIncorporation{} })
		}
		for _, l := range a.Item.Components {
			if l.Quantity != "" {
				id := l.ID
				try(func(w *pwRequest) {
					for i := range w.Item.Components {
						if w.Item.Components[i].ID == id {
							w.Item.Components[i].Quantity = ""
						}
					}
				})
			}
		}
	}
	return a, b
}

// propFillers give values for a missing fact named by its wire path: the
// candidates that could make an answer "yes".
func propFillers(field string, w pwRequest) []func(*pwRequest) {
	var out []func(*pwRequest)
	if m := reComponentIdx.FindStringSubmatch(field); m != nil {
		var i int
		fmt.Sscanf(m[1], "%d", &i)
		if i >= len(w.Item.Components) {
			return nil
		}
		switch {
		case strings.HasSuffix(field, ".origin"):
			out = append(out, func(c *pwRequest) { c.Item.Components[i].Origin = "us" })
		case strings.HasSuffix(field, ".eccn") || strings.HasSuffix(field, "]"):
			key := w.Item.Components[i].Relation
			if key == "commingled" {
				key += ":" + w.Item.Kind
			}
			for _, e := range propLineECCNs[key] {
				if e != "" {
					out = append(out, func(c *pwRequest) { c.Item.Components[i].ECCN = e; c.Item.Components[i].Encryption = "" })
				}
			}
		case strings.HasSuffix(field, ".integrated_circuit"):
			out = append(out, func(c *pwRequest) { c.Item.Components[i].IntegratedCircuit = bptr(true) })
		case strings.HasSuffix(field, ".plant") || strings.Contains(field, ".plant."):
			for _, l := range propLineages {
				out = append(out, func(c *pwRequest) { c.Item.Components[i].Plant = &pwPlant{DirectProductOf: []pwLineage{l}} })
			}
		case strings.HasSuffix(field, ".encryption"):
			for _, e := range propEncryption[:4] {
				out = append(out, func(c *pwRequest) { c.Item.Components[i].Encryption = e })
			}
		}
		return out
	}
	switch {
	case field == "parties" || strings.HasPrefix(field, "parties"):
		for _, fn := range propFootnotes {
			for _, role := range []string{"end_user", "ultimate_consignee", "purchaser"} {
				out = append(out, func(c *pwRequest) {
					c.Parties = &[]pwParty{{Name: "filled", Role: role, Country: c.Destination.Country, Footnotes: []int{fn}}}
				})
			}
		}
		out = append(out, func(c *pwRequest) { c.Parties = &[]pwParty{} })
	case field == "end_uses":
		for _, u := range propEndUses {
			out = append(out, func(c *pwRequest) { c.EndUses = &[]string{u} })
		}
	case field == "incorporations":
		for _, d := range []string{"RU", "CN", "IR"} {
			out = append(out, func(c *pwRequest) {
				c.Incorporations = &[]pwIncorporation{{Destination: d, By: []int{}}}
			})
		}
		out = append(out, func(c *pwRequest) {
			c.Incorporations = &[]pwIncorporation{{Destination: "CN", By: []int{1}}}
		})
	case field == "exported_from":
		for _, e := range []string{"CN", "JP", "DE", "IN", "TW", "KR", "FR", "GB"} {
			out = append(out, func(c *pwRequest) { c.ExportedFrom = e })
		}
	case strings.HasPrefix(field, "item.direct_product_of"):
		for _, l := range propLineages {
			out = append(out, func(c *pwRequest) { c.Item.DirectProductOf = &[]pwLineage{l} })
		}
	case strings.HasPrefix(field, "item.plant"):
		for _, l := range propLineages {
			out = append(out, func(c *pwRequest) { c.Item.Plant = &[]pwLineage{l} })
		}
	case field == "item.one_time_report" || field == "item.one_time_report.filed_on":
		out = append(out, func(c *pwRequest) { c.Item.OneTimeReport = &pwOTR{FiledOn: "2026-01-15", Objection: true} })
		out = append(out, func(c *pwRequest) { c.Item.OneTimeReport = &pwOTR{FiledOn: "2026-01-15"} })
	case strings.HasPrefix(field, "item.eccn") || field == "eccn":
		for _, e := range propItemECCNs[w.Item.Kind] {
			out = append(out, func(c *pwRequest) { c.Item.ECCN = e })
		}
	}
	return out
}

// TestPropertyNoWhileMissing: a Determination never says "no" (on
// subject_to_ear or license.required) while it lists a missing fact that
// could make that answer "yes".
//
// Missing facts are exposed by Determination.Missing() (the "missing"
// member of the JSON), each by its wire path. The test first checks the
// shape (subject "no" lists no missing fact at all: check.go clears the
// list, and the design says a fact that cannot change a result is not
// missing), then, for every determination that says "no" on either answer
// and lists missing facts, fills each listed fact with each candidate value
// (propFillers: US origin for a line of unknown origin, every ECCN for an
// unclassified line, a party with each Entity List footnote, each end use,
// each lineage, ...) and checks that no filling turns that "no" into
// "yes". Filling in a fact the determination did not say was missing may
// change anything, and is not tried.
func TestPropertyNoWhileMissing(t *testing.T) {
	r := propRand(5)
	n := propCount(2000)
	examined, fills := 0, 0
	for range propIters(t, n) {
		w := genRequest(r)
		d := propCheck(t, w)
		missing := d.Missing()
		if d.SubjectToEAR() == ear.No && len(missing) > 0 {
			t.Fatalf("subject_to_ear is no but missing facts are listed: %v\n%s", missing, w.json())
		}
		if len(missing) == 0 || (d.SubjectToEAR() != ear.No && d.LicenseRequired() != ear.No) {
			continue
		}
		examined++
		for _, m := range missing {
			for _, fill := range propFillers(m.Field, w) {
				c := w.clone()
				fill(&c)
				dc, err := propCheckErr(c)
				if err != nil {
					continue // a filling may be inconsistent (e.g. a relation); not a finding
				}
				fills++
				for _, ans := range []struct {
					name          string
					before, after ear.Answer
				}{
					{"subject_to_ear", d.SubjectToEAR(), dc.SubjectToEAR()},
					{"license.required", d.LicenseRequired(), dc.LicenseRequired()},
				} {
					if ans.before == ear.No && ans.after == ear.Yes {
						mw, mc := propShrinkPair(w, c, func(a, b pwRequest) bool {
							d1, e1 := propCheckErr(a)
							d2, e2 := propCheckErr(b)
							if e1 != nil || e2 != nil {
								return false
							}
							b1 := map[string]ear.Answer{"subject_to_ear": d1.SubjectToEAR(), "license.required": d1.LicenseRequired()}
							b2 := map[string]ear.Answer{"subject_to_ear": d2.SubjectToEAR(), "license.required": d2.LicenseRequired()}
							return b1[ans.name] == ear.No && b2[ans.name] == ear.Yes && len(d1.Missing()) > 0
						})
						d1, j1 := propCheckJSON(t, mw)
						_, j2 := propCheckJSON(t, mc)
						t.Fatalf("%s is no while missing fact %q is listed, and filling it makes it yes\nminimal request:\n%s\nmissing: %v\nfilled:\n%s\nbefore: %s\nafter: %s",
							ans.name, m.Field, mw.json(), d1.Missing(), mc.json(), propBrief(j1), propBrief(j2))
					}
				}
			}
		}
	}
	t.Logf("%d determinations said no with missing facts; %d fillings tried", examined, fills)
}

// TestPropertyDeterministic: the same request checked twice gives
// byte-identical JSON, and Check on one Request value from several
// goroutines at once gives that same JSON (run with -race: Check must not
// write to the request's slices, which the goroutines share).
func TestPropertyDeterministic(t *testing.T) {
	r := propRand(6)
	n := propCount(2000)
	var shared []Request
	var sharedWant [][]byte
	for i := range propIters(t, n) {
		w := genRequest(r)
		_, a := propCheckJSON(t, w)
		_, b := propCheckJSON(t, w)
		if !bytes.Equal(a, b) {
			t.Fatalf("two checks of one request differ\nrequest:\n%s\nfirst:\n%s\nsecond:\n%s", w.json(), a, b)
		}
		if i%(max(n/40, 1)) == 0 {
			raw, _ := json.Marshal(w)
			req, err := DecodeRequest(bytes.NewReader(raw))
			if err != nil {
				t.Fatal(err)
			}
			shared, sharedWant = append(shared, req), append(sharedWant, a)
		}
	}
	var wg sync.WaitGroup
	errs := make(chan string, 8*len(shared))
	for g := range 8 {
		wg.Go(func() {
			for k := range shared {
				i := (k + g) % len(shared)
				d, err := Check(shared[i])
				if err != nil {
					errs <- err.Error()
					continue
				}
				b, _ := json.Marshal(d)
				if !bytes.Equal(b, sharedWant[i]) {
					errs <- fmt.Sprintf("request %d: concurrent check differs", i)
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
