package exception

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

func kindOf(k product.Kind) opt { return func(i *Input) { i.Kind = k } }
func itemValue(a string) opt    { return func(i *Input) { i.ItemValue = usd(a) } }
func lvsFacts(order, annual string) opt {
	return facts(func(f *Facts) { f.OrderValue, f.AnnualValue = usd(order), usd(annual) })
}

// fixCase is one case of the fixes for the false clearances of the
// review (D1-D4, Q1/Q2): the requirements are given in full.
type fixCase struct {
	name, eccn, dest, asOf string
	reqs                   []Requirement
	opts                   []opt
	code                   Code
	want                   Outcome
	whyHas                 string
}

func runFixCases(t *testing.T, tests []fixCase) {
	t.Helper()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := in(t, tt.eccn, tt.dest, tt.asOf, tt.reqs...)
			i.ExportedFrom = jurisdiction.MustParseCountry("US")
			for _, o := range tt.opts {
				o(&i)
			}
			checkResult(t, result(Evaluate(i), tt.code), tt.code, tt.want, tt.whyHas)
		})
	}
}

// checkResult checks an exception's outcome, that its why and missing
// facts say whyHas, and that it names missing facts exactly when open.
func checkResult(t *testing.T, r Result, code Code, want Outcome, whyHas string) {
	t.Helper()
	if r.Outcome != want {
		t.Fatalf("%s: outcome %s, want %s\nwhy: %s\nmissing: %v", code, r.Outcome, want, r.Why, r.Missing)
	}
	text := r.Why
	for _, m := range r.Missing {
		text += " | " + m.Field + ": " + m.Why
	}
	if !strings.Contains(text, whyHas) {
		t.Errorf("%s: %q does not say %q", code, text, whyHas)
	}
	if (r.Outcome == Indeterminate) != (len(r.Missing) > 0) {
		t.Errorf("%s: %s with missing facts %v", code, r.Outcome, r.Missing)
	}
}

// TestUNEmbargoExceptions: 15 CFR 746.1(b)(4), only GOV (740.11(b)(2)(i),
// (ii)) for a UN requirement to the countries of 746.1(b)(2), not Iraq.
func TestUNEmbargoExceptions(t *testing.T) {
	const day = "2026-01-15"
	un := chart("UN")
	tests := []fixCase{
		{"LVS not for 0B501 to Lebanon", "0B501", "LB", day, []Requirement{un}, []opt{lvsFacts("100", "100")}, LVS, NotAvailable, "746.1(b)(4)"},
		{"TMP (a)(6) not for 0B501 to Lebanon", "0B501", "LB", day, []Requirement{un}, []opt{meetsP(TMP, "740.9(a)(6)")}, TMP, NotAvailable, "746.1(b)(4)"},
		{"RPL not for 0B505 to Lebanon", "0B505", "LB", day, []Requirement{un}, []opt{meetsP(RPL, "740.10(a)")}, RPL, NotAvailable, "746.1(b)(4)"},
		{"BAG not for 0B501 to Libya", "0B501", "LY", day, []Requirement{un}, []opt{meetsP(BAG, "740.14(b)")}, BAG, NotAvailable, "746.1(b)(4)"},
		{"TSU not for 0D501 to Somalia", "0D501", "SO", day, []Requirement{un}, []opt{meetsP(TSU, "740.13(a)")}, TSU, NotAvailable, "746.1(b)(4)"},
		{"GOV (c) not for 0B501 to the DR Congo", "0B501", "CD", day, []Requirement{un}, []opt{meetsP(GOV, "740.11(c)")}, GOV, NotAvailable, "740.11(b)(2)(i), 15 CFR 740.11(b)(2)(ii)"},
		{"GOV (b)(2)(ii) for 0B501 to Lebanon", "0B501", "LB", day, []Requirement{un}, []opt{meetsP(GOV, "740.11(b)(2)(ii)")}, GOV, Available, "740.11(b)(2)(ii)"},
		{"GOV (b)(2) to Sudan: not specific", "0B501", "SD", day, []Requirement{un}, []opt{meetsP(GOV, "740.11(b)(2)")}, GOV, Indeterminate, "exception_facts.meets.GOV"},
		{"South Sudan read alike", "0B501", "SS", day, []Requirement{un}, []opt{meetsP(TMP, "740.9(a)(6)")}, TMP, NotAvailable, "746.1(b)(4)"},
		{"Eritrea", "0B501", "ER", day, []Requirement{un}, []opt{meetsP(TMP, "740.9(a)(6)")}, TMP, NotAvailable, "746.1(b)(4)"},
		{"Iraq: 746.3(c) governs, TMP stays", "0B501", "IQ", day, []Requirement{un}, []opt{meetsP(TMP, "740.9(a)(6)")}, TMP, Available, "740.9(a)(6)"},
		{"not a UN requirement: TMP stays", "3A001.a.7", "LB", day, []Requirement{chart("NS")}, []opt{meetsP(TMP, "740.9(a)(6)")}, TMP, Available, "740.9(a)(6)"},
	}
	runFixCases(t, tests)

	// 0E501 to Lebanon, NS, RS and UN: 746.1(b)(4) bars TSU for the
	// export of the item, so it overcomes none of them ("to export or
	// reexport items with a UN reason for control"), and the requirements
	// are not covered. With the UN requirement only possible, TSU is open.
	i := in(t, "0E501", "LB", day, chart("NS"), chart("RS"), un)
	i.ExportedFrom = jurisdiction.MustParseCountry("US")
	i = withMeets(i, TSU, "740.13(a)")
	i.Facts = i.Facts.WithOthersNone(true) // no other exception's terms are met
	rs := Evaluate(i)
	r := result(rs, TSU)
	if r.Outcome != NotAvailable || !strings.Contains(r.Why, "746.1(b)(4)") {
		t.Errorf("TSU %s overcomes %v: %s", r.Outcome, r.Overcomes, r.Why)
	}
	maybeUN := un
	maybeUN.Answer = ear.Indeterminate
	j := in(t, "0E501", "LB", day, chart("NS"), chart("RS"), maybeUN)
	j.ExportedFrom = jurisdiction.MustParseCountry("US")
	j = withMeets(j, TSU, "740.13(a)")
	j.Facts = j.Facts.WithOthersNone(true)
	if r := result(Evaluate(j), TSU); r.Outcome != Indeterminate || !strings.Contains(r.Why, "746.1(b)(4)") {
		t.Errorf("UN requirement open: TSU %s: %s", r.Outcome, r.Why)
	}
	if c := Covered(i.Requirements, rs); c != ear.No {
		t.Errorf("covered %s, want no", c)
		for _, x := range rs {
			t.Logf("%s %s %v %s", x.Code, x.Outcome, x.Overcomes, x.Why)
		}
	}
}

func withMeets(i Input, c Code, p string) Input {
	meetsP(c, p)(&i)
	return i
}

// TestRussiaSoftwareGOV: 746.8(c)(2)(ii), GOV (b) overcomes (a)(1), (2),
// (4)-(7), not (a)(8) (software, from 2024-09-16).
func TestRussiaSoftwareGOV(t *testing.T) {
	ru := func(p string) Requirement {
		r := program(jurisdiction.ProgramRussiaBelarus, p)
		r.Answer = ear.Indeterminate
		return r
	}
	gov := meetsP(GOV, "740.11(b)(2)")
	tests := []fixCase{
		{"EAR99 software, 746.8 open: GOV at best indeterminate", "EAR99", "RU", "2025-11-01", []Requirement{ru("15 CFR 746.8")}, []opt{kindOf(product.Software), gov}, GOV, Indeterminate, "746.8(a)(8)"},
		{"746.8(a)(8) named: GOV not available", "EAR99", "RU", "2025-11-01", []Requirement{ru("15 CFR 746.8(a)(8)")}, []opt{kindOf(product.Software), gov}, GOV, NotAvailable, "overcomes none"},
		{"746.8(a)(5) software: GOV available", "EAR99", "RU", "2025-11-01", []Requirement{ru("15 CFR 746.8(a)(5)")}, []opt{kindOf(product.Software), gov}, GOV, Available, "740.11(b)(2)"},
		{"EAR99 commodity: (a)(8) is for software", "EAR99", "RU", "2025-11-01", []Requirement{ru("15 CFR 746.8")}, []opt{kindOf(product.Commodity), gov}, GOV, Available, "740.11(b)(2)"},
		{"software before 2024-09-16", "EAR99", "RU", "2024-06-20", []Requirement{ru("15 CFR 746.8")}, []opt{kindOf(product.Software), gov}, GOV, Available, "740.11(b)(2)"},
		{"kind unknown: may be software", "EAR99", "BY", "2025-11-01", []Requirement{ru("15 CFR 746.8")}, []opt{kindOf(0), gov}, GOV, Indeterminate, "item.hts"},
	}
	runFixCases(t, tests)
}

// TestGOVParagraphTerms: the item and destination terms of 740.11.
func TestGOVParagraphTerms(t *testing.T) {
	const day = "2026-01-15"
	ns := []Requirement{chart("NS")}
	tests := []fixCase{
		{"(c)(2)(i) not to China", "3A001.a.7", "CN", day, ns, []opt{meetsP(GOV, "740.11(c)(2)(i)")}, GOV, NotAvailable, "not a destination of 15 CFR 740.11(c)(2)(i)"},
		{"(c)(2)(i) not to Cuba", "EAR99", "CU", day, []Requirement{program(jurisdiction.ProgramCuba, "15 CFR 746.2")}, []opt{kindOf(product.Commodity), meetsP(GOV, "740.11(c)(2)(i)")}, GOV, NotAvailable, "not a destination"},
		{"(c)(2)(i) to Taiwan, a CB item", "1C350", "TW", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(c)(2)(i)")}, GOV, Available, "740.11(c)(2)(i)"},
		{"(c) to Brazil: only (c)(2)(ii), (iii) could reach it", "1C350", "BR", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(c)")}, GOV, Indeterminate, "exception_facts.meets.GOV"},
		{"(c)(2)(iii) to Brazil (B)", "1C350", "BR", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(c)(2)(iii)")}, GOV, Available, "740.11(c)(2)(iii)"},
		{"(e) not for 3A001.a.7 to Brazil", "3A001.a.7", "BR", day, ns, []opt{meetsP(GOV, "740.11(e)")}, GOV, NotAvailable, "9A004"},
		{"(e) not to Brazil", "9A004", "BR", day, ns, []opt{meetsP(GOV, "740.11(e)")}, GOV, NotAvailable, "France, Japan, Kazakhstan, and Russia"},
		{"(a) not for EI 5A002", "5A002.a", "DE", day, []Requirement{chart("NS"), chart("EI")}, []opt{meetsP(GOV, "740.11(a)")}, GOV, NotAvailable, "5A002"},
		{"(a)(1)(i) not to Germany", "1C350", "DE", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(a)(1)(i)")}, GOV, NotAvailable, "Vienna"},
		{"(a)(1)(i) to Austria", "1C350", "AT", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(a)(1)(i)")}, GOV, Available, "740.11(a)(1)(i)"},
		{"(a) not for technology", "1E001", "AT", day, []Requirement{chart("NS")}, []opt{meetsP(GOV, "740.11(a)(1)(i)")}, GOV, NotAvailable, "commodities or software"},
		{"(b)(2)(iii)(B) not for a CB item", "1C351.d.11", "CN", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(b)(2)(iii)(B)")}, GOV, NotAvailable, "CW or CB"},
		{"(b)(2)(iii) for a CB item: may be (B)", "1C351.d.11", "CN", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(b)(2)(iii)")}, GOV, Indeterminate, "(b)(2)(iii)(B)"},
		{"(b)(2)(ii) for a CB item", "1C351.d.11", "CN", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(b)(2)(ii)")}, GOV, Available, "740.11(b)(2)(ii)"},
		{"(b)(2)(vi) is for technology", "3A001.a.7", "DE", day, ns, []opt{meetsP(GOV, "740.11(b)(2)(vi)")}, GOV, NotAvailable, "transfer of technology"},
		{"(d)(1)(i) only to The Hague", "1C350", "BR", day, []Requirement{chart("CB")}, []opt{meetsP(GOV, "740.11(d)(1)(i)")}, GOV, NotAvailable, "The Hague"},
		{"Note 2: NS item to Cuba's government users open", "3A001.a.7", "CU", day, []Requirement{program(jurisdiction.ProgramCuba, "15 CFR 746.2")}, []opt{meetsP(GOV, "740.11(b)(2)(ii)")}, GOV, Indeterminate, "Note 2"},
	}
	runFixCases(t, tests)
}

// TestAPPTiers: 740.7(c)(1) Tier 1, (d)(1) Tier 3, (d)(2) no commodities.
func TestAPPTiers(t *testing.T) {
	const day = "2026-01-15"
	ns := []Requirement{chart("NS")}
	tests := []fixCase{
		{"Pakistan (c)(1): Tier 3", "4A003.b", "PK", day, ns, []opt{meetsP(APP, "740.7(c)(1)")}, APP, NotAvailable, "Tier 3"},
		{"Pakistan (d): no commodities", "4A003.b", "PK", day, ns, []opt{meetsP(APP, "740.7(d)")}, APP, NotAvailable, "Tier 3"},
		{"Saudi Arabia (c)(1)", "4A003.b", "SA", day, ns, []opt{meetsP(APP, "740.7(c)(1)")}, APP, NotAvailable, "Tier 3"},
		{"Qatar, no paragraph stated", "4A003.b", "QA", day, ns, nil, APP, NotAvailable, "Tier 3"},
		{"Burma 2026: Tier 3", "4A003.b", "MM", day, ns, []opt{meetsP(APP, "740.7(c)(1)")}, APP, NotAvailable, "Tier 3"},
		{"Burma 2022: tier not read", "4A003.b", "MM", "2022-06-01", ns, []opt{meetsP(APP, "740.7(c)(1)")}, APP, Indeterminate, "as_of"},
		{"Brazil (c)(1): Tier 1", "4A003.b", "BR", day, ns, []opt{meetsP(APP, "740.7(c)(1)")}, APP, Available, "740.7(c)(1)"},
		{"Brazil (d): not Tier 3", "4A003.b", "BR", day, ns, []opt{meetsP(APP, "740.7(d)")}, APP, NotAvailable, "(d)(2)"},
		{"Hong Kong: in neither tier", "4A003.b", "HK", day, ns, []opt{meetsP(APP, "740.7(c)(1)")}, APP, NotAvailable, "Tier"},
	}
	runFixCases(t, tests)
	// The lists as read: 143 Tier 1 names, 50 Tier 3 names, no overlap.
	if len(appTier1) != 143 || len(appTier3) != 50 {
		t.Errorf("tiers: %d and %d names, want 143 and 50", len(appTier1), len(appTier3))
	}
	for _, p := range appTier3 {
		for _, q := range appTier1 {
			if p == q {
				t.Errorf("%s in both tiers", p.Country)
			}
		}
	}
}

// TestLVSContradictoryValues: Q1/Q2, the larger figure is a floor of the
// true one (the order includes the item, the year includes the order).
func TestLVSContradictoryValues(t *testing.T) {
	const day = "2026-11-28"
	ns := []Requirement{chart("NS")}
	tests := []fixCase{
		{"order below the item, item over the limit", "1C009", "BR", day, ns, []opt{from("KR"), itemValue("50000"), lvsFacts("100", "100")}, LVS, NotAvailable, "item's own value"},
		{"order below the item, within the limit", "1C009", "BR", day, ns, []opt{from("KR"), itemValue("1000"), lvsFacts("100", "1000")}, LVS, Indeterminate, "exception_facts.order_value"},
		{"year below the order", "1C009", "BR", day, ns, []opt{from("KR"), itemValue("1000"), lvsFacts("2000", "100")}, LVS, Indeterminate, "exception_facts.annual_value"},
		{"consistent figures", "1C009", "BR", day, ns, []opt{from("KR"), itemValue("1000"), lvsFacts("2000", "2000")}, LVS, Available, "740.3"},
	}
	runFixCases(t, tests)
}

// TestParagraphsRead: a statement of a paragraph the text read does not
// print is an input error, not terms met (740.11 has no (b)(3), 740.9 no
// (a)(99), 740.10 no (q)); one it prints, or the section itself, is taken;
// every section whose paragraphs a request may state is held.
func TestParagraphsRead(t *testing.T) {
	for _, tt := range []struct {
		code Code
		s    string
		ok   bool
	}{
		{GOV, "740.11(b)(2)(ii)", true},
		{GOV, "740.11", true},
		{GOV, "740.11(b)(3)", false},
		{GOV, "740.11(z)(7)", false},
		{TMP, "740.9(a)(6)", true},
		{TMP, "740.9(a)(99)", false},
		{TMP, "740.9(a)(2)", false}, // "[Reserved]"
		{TSU, "740.13(e)", false},   // "[Reserved]"
		{RPL, "740.10(a)", true},
		{RPL, "740.10(q)", false},
		{STA, "740.20(d)", true},
		{BAG, "740.14(b)", true},
		{TSU, "740.13(a)", true},
	} {
		_, err := ParseParagraph(tt.code, tt.s)
		if (err == nil) != tt.ok {
			t.Errorf("ParseParagraph(%s, %q) = %v, want ok %v", tt.code, tt.s, err, tt.ok)
		}
		if err != nil && !errors.Is(err, product.ErrInvalid) {
			t.Errorf("ParseParagraph(%s, %q): %v is not ErrInvalid", tt.code, tt.s, err)
		}
	}
	// Stated through the Go API (ParagraphOf takes any citation): not
	// available.
	i := in(t, "2A991", "DE", "2026-01-15", chart("NS"))
	i.Facts = i.Facts.WithMeets(GOV, ParagraphOf(cite("15 CFR 740.11(z)(7)")))
	if r := result(Evaluate(i), GOV); r.Outcome != NotAvailable || !strings.Contains(r.Why, "not a paragraph") {
		t.Errorf("GOV (z)(7) through the API: %s: %s", r.Outcome, r.Why)
	}
	read := paragraphsRead()
	for i := range exceptionTable {
		x := &exceptionTable[i]
		if !slices.ContainsFunc(x.Facts, func(f Fact) bool { return strings.HasPrefix(f.Field, "exception_facts.meets.") }) {
			continue
		}
		sec := x.Citation.String()[len("15 CFR "):]
		if r, ok := read[sec]; !ok || len(r.paras) == 0 || len(r.commit) != 40 {
			t.Errorf("%s (%s): the paragraphs of %s are not held", x.Code, x.Citation, sec)
		}
	}
}

// TestParagraphReadZeroSection: the zero citation as a section neither
// panics nor rejects.
func TestParagraphReadZeroSection(t *testing.T) {
	if ok, _ := paragraphRead(fdp.Citation{}, cite("15 CFR 740.9(a)(6)")); !ok {
		t.Error("a paragraph against no section read was rejected")
	}
}
