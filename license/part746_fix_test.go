package license

import (
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// programFinding returns the FromProgram finding of res whose citation
// starts with cite.
func programFinding(res ChartResult, cite string) (Finding, bool) {
	for _, f := range res.Findings {
		if f.Kind == FromProgram && strings.HasPrefix(f.Citation, cite) {
			return f, true
		}
	}
	return Finding{}, false
}

// TestIraq746_3ReasonsForControl pins 15 CFR 746.3(a)(1) to (a)(3) (text of
// MichalOpoka/ecfr section-746.3.md at aaaf346, source note ending "85 FR
// 4177, Jan. 23, 2020", and dbb97d7, ending "79 FR 32625, June 5, 2014"):
// "(1) A license is required for the export or reexport to Iraq or transfer
// within Iraq of any item controlled on the Commerce Control List for NS,
// MT, NP, CW, CB, RS, CC, EI, SI, or SL reasons." "(2) ... for UN reasons."
// "(3) ... controlled for RS reasons under the following ECCNs: 0B999,
// 0D999, 1B999, 1C992, 1C995, 1C997, 1C999 and 6A992." The entry decides,
// whatever the chart's columns for Iraq and the destinations its rows
// name (conservative reading).
func TestIraq746_3ReasonsForControl(t *testing.T) {
	for _, tt := range []struct {
		name, eccn, asOf string
		want             ear.Answer // the 746.3 finding
		cite             string     // the paragraph cited
		missing          string     // a missing fact's prefix, when open
		license          ear.Answer // the chart's answer (0: not checked)
	}{
		{"1C355.a: CW row limited to CWC non-States Parties", "1C355.a", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"1C395: CW (and CB on the Reason for Control line)", "1C395", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"1E355: CW technology", "1E355", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"3A992: RS row naming only Pakistan", "3A992", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"9A515.y.1: RS row naming China, Russia, Venezuela", "9A515.y.1", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"9A610.y.1: RS row naming China, Russia, Venezuela", "9A610.y.1", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"6A992: (a)(3), though the entry prints only an AT row", "6A992", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"1C999: (a)(3) and its RS row", "1C999", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"9A610.x: UN only, (a)(2)", "9A610.x", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(2)", "", ear.Yes},
		{"3A001.a.7: NS", "3A001.a.7", "2026-09-24", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"on the SDK's first date", "1C355.a", "2020-01-01", ear.Yes, "15 CFR 746.3(a)(1)", "", ear.Yes},
		{"9A610 without its paragraph: open", "9A610", "2026-09-24", ear.Indeterminate, "15 CFR 746.3(a)", "eccn: whether 9A610 is within", 0},
		{"5A992.c: AT only", "5A992.c", "2026-09-24", ear.No, "15 CFR 746.3", "", ear.No},
		{"5A992.c before the CCL rows are held: open", "5A992.c", "2021-06-01", ear.Indeterminate, "15 CFR 746.3", "eccn: the reasons for control of 5A992", ear.Indeterminate},
		{"EAR99: (a)(1) to (a)(3) reach CCL items only", "EAR99", "2026-09-24", ear.No, "15 CFR 746.3", "", ear.No},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := CountryChart(ChartQuery{
				ECCN: product.MustParseECCN(tt.eccn), Destination: jurisdiction.Destination{Country: jurisdiction.Iraq},
				AsOf: jurisdiction.MustParseDate(tt.asOf),
			})
			if err != nil {
				t.Fatal(err)
			}
			f, ok := programFinding(res, "15 CFR 746.3")
			if !ok {
				t.Fatalf("no 746.3 finding: %+v", res.Findings)
			}
			if f.Required != tt.want || !strings.HasPrefix(f.Citation, tt.cite) {
				t.Errorf("746.3: %v %s (%s), want %v %s", f.Required, f.Citation, f.Why, tt.want, tt.cite)
			}
			if tt.missing != "" && !slices.ContainsFunc(f.Missing, func(m string) bool { return strings.HasPrefix(m, tt.missing) }) {
				t.Errorf("missing %v, want %q", f.Missing, tt.missing)
			}
			if tt.want == ear.Yes && !strings.Contains(f.Why, "conservative") {
				t.Errorf("the why does not say the reading is conservative: %s", f.Why)
			}
			if tt.license != 0 && res.Required != tt.license {
				t.Errorf("chart %v, want %v", res.Required, tt.license)
			}
		})
	}
	// 6A992 names (a)(3) among its reasons.
	res, _ := CountryChart(ChartQuery{ECCN: product.MustParseECCN("6A992"), Destination: jurisdiction.Destination{Country: jurisdiction.Iraq}, AsOf: jurisdiction.MustParseDate("2026-09-24")})
	if f, _ := programFinding(res, "15 CFR 746.3"); !strings.Contains(f.Why, "15 CFR 746.3(a)(3) names 6A992") {
		t.Errorf("6A992: %s", f.Why)
	}
}

// TestIraq746_3Determination: the reviewer's false clearances, through the
// whole license determination: "yes", never "no".
func TestIraq746_3Determination(t *testing.T) {
	endUser := Party{Name: "Cust", Role: RoleEndUser, Country: jurisdiction.Iraq}
	for _, e := range []string{"1C355.a", "1C395", "1E355", "3A992", "9A515.y.1", "9A610.y.1", "6A992"} {
		it := product.Item{ID: "x", ECCN: product.MustParseECCN(e), Kind: product.Commodity, ProducedIn: jurisdiction.UnitedStates}
		if e == "1E355" {
			it.Kind = product.Technology
		}
		a, reasons, _ := licenseRequirements(licenseInput{
			item: it, destination: jurisdiction.Destination{Country: jurisdiction.Iraq}, exportedFrom: jurisdiction.UnitedStates,
			parties: PartiesOf(endUser), endUses: NoEndUses(), asOf: jurisdiction.MustParseDate("2026-09-24"),
		})
		if a != ear.Yes || !slices.ContainsFunc(reasons, func(r LicenseReason) bool {
			return strings.HasPrefix(r.Citation, "15 CFR 746.3(a)(") && r.Citation != "15 CFR 746.3(a)(4)" && r.Answer == ear.Yes
		}) {
			t.Errorf("%s to Iraq: %v %+v", e, a, reasons)
		}
	}
}

// TestRussia746_5 pins 15 CFR 746.5(a)(1)(i) (text of MichalOpoka/ecfr
// section-746.5.md at 0d851c3, through 87 FR 12858, 2022-03-08; in force
// since 79 FR 45680, 2014-08-06): "A license is required to export,
// reexport or transfer (in-country) any item subject to the EAR listed in
// supplement no. 2 to this part and items specified in ECCNs 0A998, 1C992,
// 3A229, 3A231, 3A232, 6A991, 8A992, and 8D999 when you "know" that the
// item will be used directly or indirectly in exploration for, or
// production of, oil or gas in Russian deepwater (greater than 500 feet) or
// Arctic offshore locations or shale formations in Russia, or are unable to
// determine whether the item will be used in such projects." The
// supplement is not held and the request states no such end use: open,
// never no, with or without an HTS code; from 2020-01-01 to 2024-06-11.
func TestRussia746_5(t *testing.T) {
	const drill = "8430.49.8010"
	for _, tt := range []struct {
		name, eccn, hts, asOf string
		want                  ear.Answer // the 746.5 finding (0: none)
		missing               []string   // missing facts' prefixes
		chart                 ear.Answer
	}{
		{"EAR99 drilling machinery, HTS given", "EAR99", drill, "2021-06-01", ear.Indeterminate, []string{"item.hts: whether " + drill + " is listed in Supplement No. 2 to part 746", "end_uses: "}, ear.Indeterminate},
		{"EAR99, no HTS", "EAR99", "", "2021-06-01", ear.Indeterminate, []string{"item.hts", "end_uses: "}, ear.Indeterminate},
		{"EAR99 on the SDK's first date", "EAR99", drill, "2020-01-01", ear.Indeterminate, []string{"item.hts: ", "end_uses: "}, ear.Indeterminate},
		{"EAR99 on the first day of the 2022 Russia rule (746.8: no EAR99 list yet)", "EAR99", drill, "2022-02-24", ear.Indeterminate, []string{"item.hts: ", "end_uses: "}, ear.Indeterminate},
		{"EAR99 on 2022-03-02", "EAR99", drill, "2022-03-02", ear.Indeterminate, []string{"item.hts: ", "end_uses: "}, ear.Indeterminate},
		{"EAR99 on the last day before the consolidation", "EAR99", drill, "2024-06-11", ear.Indeterminate, []string{"item.hts: ", "end_uses: "}, ear.Indeterminate},
		{"EAR99 after the consolidation into 746.8: no 746.5 finding", "EAR99", drill, "2024-06-12", 0, nil, ear.Indeterminate},
		{"0A998, named: open on the end use (its FP row requires a license)", "0A998", "", "2021-06-01", ear.Indeterminate, []string{"end_uses: "}, ear.Yes},
		{"8D999, named", "8D999", "", "2021-06-01", ear.Indeterminate, []string{"end_uses: "}, ear.Yes},
		{"5A992.c, not named: the supplement may list it", "5A992.c", "8471.30.0100", "2021-06-01", ear.Indeterminate, []string{"item.hts: ", "end_uses: "}, ear.Indeterminate},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q := ChartQuery{
				ECCN: product.MustParseECCN(tt.eccn), Destination: jurisdiction.Destination{Country: jurisdiction.Russia},
				AsOf: jurisdiction.MustParseDate(tt.asOf),
			}
			if tt.hts != "" {
				h, err := product.ParseHTS(tt.hts)
				if err != nil {
					t.Fatal(err)
				}
				q.HTS = h
			}
			res, err := CountryChart(q)
			if err != nil {
				t.Fatal(err)
			}
			if res.Required != tt.chart {
				t.Errorf("chart %v, want %v: %+v", res.Required, tt.chart, res.Findings)
			}
			f, ok := programFinding(res, "15 CFR 746.5")
			if tt.want == 0 {
				if ok {
					t.Errorf("746.5 finding after 2024-06-11: %+v", f)
				}
				return
			}
			if !ok || f.Required != tt.want {
				t.Fatalf("746.5: %+v, want %v", f, tt.want)
			}
			for _, m := range tt.missing {
				if !slices.ContainsFunc(f.Missing, func(s string) bool { return strings.HasPrefix(s, m) }) {
					t.Errorf("missing %v lacks %q", f.Missing, m)
				}
			}
			if !strings.Contains(f.Why, "never no") {
				t.Errorf("why: %s", f.Why)
			}
		})
	}
	// Belarus: 746.5 named Russia only in the copy read.
	res, err := CountryChart(ChartQuery{ECCN: product.EAR99, Destination: jurisdiction.Destination{Country: jurisdiction.Belarus}, AsOf: jurisdiction.MustParseDate("2021-06-01")})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := programFinding(res, "15 CFR 746.5"); ok {
		t.Error("746.5 applied to Belarus")
	}
}

// TestRussia746_5Determination: the reviewer's request (EAR99, HTS
// 8430.49.8010, to Russia on 2021-06-01) through the license
// determination: indeterminate, naming item.hts and end_uses.
func TestRussia746_5Determination(t *testing.T) {
	it := product.Item{ID: "x", ECCN: product.EAR99, Kind: product.Commodity, ProducedIn: jurisdiction.UnitedStates, HTS: product.MustParseHTS("8430.49.8010")}
	a, reasons, missing := licenseRequirements(licenseInput{
		item: it, destination: jurisdiction.Destination{Country: jurisdiction.Russia}, exportedFrom: jurisdiction.UnitedStates,
		parties: PartiesOf(Party{Name: "Cust", Role: RoleEndUser, Country: jurisdiction.Russia}), endUses: NoEndUses(),
		asOf: jurisdiction.MustParseDate("2021-06-01"),
	})
	if a != ear.Indeterminate {
		t.Fatalf("license %v, want indeterminate: %+v", a, reasons)
	}
	if got, _ := reasonFor(reasons, "15 CFR 746.5"); got != ear.Indeterminate {
		t.Errorf("746.5: %v: %+v", got, reasons)
	}
	for _, field := range []string{"item.hts", "end_uses"} {
		if !slices.ContainsFunc(missing, func(m MissingFact) bool { return m.Field == field }) {
			t.Errorf("missing %q not named: %+v", field, missing)
		}
	}
}

// TestChangesProgramEnds: Changes lists the end of 746.5 (2024-06-12, its
// consolidation into 746.8), a version with none after it.
func TestChangesProgramEnds(t *testing.T) {
	found := false
	for _, c := range Changes(jurisdiction.MustParseDate("2024-06-01"), jurisdiction.MustParseDate("2024-06-30")) {
		if c.Kind == "program" && c.Provision == "15 CFR 746.5" && c.Effective == jurisdiction.MustParseDate("2024-06-12") {
			found = true
		}
	}
	if !found {
		t.Error("Changes of June 2024 do not list the end of 746.5")
	}
}
