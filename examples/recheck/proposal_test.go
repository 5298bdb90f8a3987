package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/fdp"
)

var updateProposal = flag.Bool("update-proposal", false, "rewrite "+proposalFile+" from smeProposal")

// proposalFile is the worked proposal: the built-in FDP rules with the SME
// FDP rule (734.9(k)) stripped of its license exclusions for exporters in
// Japan and the Netherlands. A hypothetical, marked as such in the file.
const proposalFile = "testdata/proposal-sme-no-exclusion.json"

// smeProposal writes the worked proposal from the built-in set: the (k)
// rule keeps its scope and loses Exclusions (742.4(a)(4)(ii)(B),
// 742.6(a)(6)(i)(A)(2)(ii)); its title and provenance say that it is a
// hypothetical.
func smeProposal(t testing.TB) []byte {
	t.Helper()
	k := fdp.MustParseCitation("15 CFR 734.9(k)")
	rules := fdp.Default().Rules()
	n := 0
	for i := range rules {
		if rules[i].Citation != k {
			continue
		}
		n++
		rules[i].Title += " (HYPOTHETICAL: without the equivalent-controls exclusion)"
		rules[i].Exclusions = nil
		rules[i].Provenance = append(rules[i].Provenance, fdp.Source{Basis: fdp.ReadingChosen,
			Note: "HYPOTHETICAL, not the regulation: the license requirements of 742.4(a)(4) and 742.6(a)(6)(i)(A) without the exclusions of (a)(4)(ii)(B)-(C) and (a)(6)(i)(A)(2)(ii)-(iii) for exporters located in Japan, the Netherlands and other countries with equivalent controls, the step the United States is reported to have urged"})
	}
	if n == 0 {
		t.Fatal("the built-in set has no 734.9(k)")
	}
	set, err := fdp.NewSet(rules...)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := json.Marshal(set)
	if err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	if err := json.Indent(&out, doc, "", "  "); err != nil {
		t.Fatal(err)
	}
	out.WriteByte('\n')
	return out.Bytes()
}

// TestWorkedProposal: the shipped proposal is the one smeProposal writes
// (go test -run TestWorkedProposal -update-proposal ./examples/recheck),
// it parses, and rechecking the sample book under it as of the book's date
// flips exactly Japanese- and Dutch-made tools of the SME rule's list bound
// for Macau or D:5, from no license to license required, each caused by
// the proposed 734.9(k); Korean-made tools (no exclusion today) do not.
func TestWorkedProposal(t *testing.T) {
	want := smeProposal(t)
	if *updateProposal {
		if err := os.WriteFile(proposalFile, want, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := os.ReadFile(proposalFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("%s is stale; run go test -run TestWorkedProposal -update-proposal ./examples/recheck", proposalFile)
	}
	set, err := fdp.ParseSet(got)
	if err != nil {
		t.Fatal(err)
	}
	asOf := jurisdiction.MustParseDate("2026-11-28")
	rep := Recheck(context.Background(), bytes.NewReader(book(t)), ProposalPlan(set, asOf, proposalFile), 2, nil)
	flips := map[string]int{}
	for _, res := range rep.Results {
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		if !res.Comparison.Flipped() {
			continue
		}
		// res.What is "3B001.d JP to CN".
		f := strings.Fields(res.What)
		if len(f) != 4 {
			t.Fatalf("%s: unexpected description %q", res.OrderID, res.What)
		}
		eccn, maker, dest := f[0], f[1], f[3]
		if maker != "JP" && maker != "NL" {
			t.Errorf("%s (%s) flipped: not made in Japan or the Netherlands", res.OrderID, res.What)
		}
		if !sme(eccn) {
			t.Errorf("%s (%s) flipped: not an item of the SME rule's list", res.OrderID, res.What)
		}
		c := jurisdiction.MustParseCountry(dest)
		gs, err := jurisdiction.GroupsOf(c, asOf)
		if err != nil {
			t.Fatal(err)
		}
		if c != jurisdiction.Macau && !gs.Has(jurisdiction.GroupD5) {
			t.Errorf("%s (%s) flipped: not bound for Macau or D:5", res.OrderID, res.What)
		}
		for _, d := range res.Comparison.Differences {
			switch d.Field {
			case "license.required":
				if d.Before != "no" || d.After != "yes" {
					t.Errorf("%s: license.required %s to %s, want no to yes", res.OrderID, d.Before, d.After)
				}
				if len(d.Causes) != 1 || d.Causes[0].Provision != "15 CFR 734.9(k)" || d.Causes[0].Kind != "proposal" {
					t.Errorf("%s: causes %+v, want the proposed 734.9(k)", res.OrderID, d.Causes)
				}
			case "subject_to_ear":
				t.Errorf("%s: subject_to_ear flipped %s to %s; the proposal changes only the license requirement", res.OrderID, d.Before, d.After)
			}
		}
		flips[maker]++
	}
	if flips["JP"] == 0 || flips["NL"] == 0 {
		t.Errorf("flips by maker %v: want Japanese and Dutch tools among them", flips)
	}
}

// sme reports whether an ECCN is in the SME rule's list (734.9(k)(1)).
func sme(eccn string) bool {
	r, ok := fdp.Default().RuleAt(fdp.MustParseCitation("15 CFR 734.9(k)"), jurisdiction.MustParseDate("2026-11-28"))
	if !ok {
		return false
	}
	for _, p := range r.Product.Item.Patterns {
		if p.String() == eccn || strings.HasPrefix(eccn, p.String()+".") {
			return true
		}
	}
	return false
}

// TestDeMinimisProposal: under proposed de minimis rules with a 10 percent
// level for D:5 (written from the built-in document), the orders that flip
// are bound for D:5, each with the proposed 734.4(c) level among its
// causes, and nothing else.
func TestDeMinimisProposal(t *testing.T) {
	def, err := json.Marshal(license.DefaultDeMinimisRules())
	if err != nil {
		t.Fatal(err)
	}
	doc := strings.Replace(string(def), `"groups":["E:1","E:2"]`, `"groups":["E:1","E:2","D:5"]`, 1)
	if doc == string(def) {
		t.Fatal("the built-in document has no E:1/E:2 level as expected")
	}
	proposed, err := license.ParseDeMinimisRules([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	asOf := jurisdiction.MustParseDate("2026-11-28")
	rep := Recheck(context.Background(), bytes.NewReader(book(t)), DeMinimisPlan(proposed, asOf, "hypothetical: 10 percent for D:5"), 2, nil)
	flipped := 0
	for _, res := range rep.Results {
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		if !res.Comparison.Flipped() {
			continue
		}
		flipped++
		f := strings.Fields(res.What)
		c := jurisdiction.MustParseCountry(f[len(f)-1])
		if gs, err := jurisdiction.GroupsOf(c, asOf); err != nil || !gs.Has(jurisdiction.GroupD5) {
			t.Errorf("%s (%s) flipped: not bound for D:5", res.OrderID, res.What)
		}
		for _, d := range res.Comparison.Differences {
			if d.Field == "de_minimis.outcome" && !slices.ContainsFunc(d.Causes, func(c license.Change) bool {
				return c.Provision == "15 CFR 734.4(c)" && c.Kind == "proposal"
			}) {
				t.Errorf("%s: de minimis causes %+v", res.OrderID, d.Causes)
			}
		}
	}
	if flipped == 0 {
		t.Error("nothing flipped under the proposal")
	}
	t.Logf("%d orders flipped", flipped)
}
