package license

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// TestHeadquarters744_23 pins 15 CFR 744.23(a)(3)(i) against its text of
// 2024-04-04 (MichalOpoka/ecfr at 2c9f73e): the ECCNs it lists, "destined
// to any destination other than those specified in Country Groups D:1,
// D:4, or D:5 (excluding any destination also specified in Country Groups
// A:5 or A:6) for an entity that is headquartered in, or whose ultimate
// parent company is headquartered in, either Macau or a destination
// specified in Country Group D:5", in force from 2023-11-17.
func TestHeadquarters744_23(t *testing.T) {
	const cite = "15 CFR 744.23(a)(3)(i)"
	party := func(role Role, hq string) Party {
		p := Party{Name: "P", Role: role, Country: jurisdiction.MustParseCountry("MY")}
		if hq != "" {
			p.HeadquarteredIn = jurisdiction.MustParseCountry(hq)
		}
		return p
	}
	for _, tt := range []struct {
		name, eccn, dest, asOf string
		parties                Parties
		reading                AIDiffusionReading
		want                   ear.Answer // 0: no reason under cite
		missing                string     // a missing fact expected, when want is Indeterminate
	}{
		{"3A090.a to Malaysia, end user headquartered in China", "3A090.a", "MY", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, ear.Yes, ""},
		{"same, enforced reading", "3A090.a", "MY", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionEnforced, ear.Yes, ""},
		{"3A090.b to Malaysia, 2024-06-01", "3A090.b", "MY", "2024-06-01", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, ear.Yes, ""},
		{"4A090.a to Malaysia, purchaser headquartered in Macau", "4A090.a", "MY", "", PartiesOf(party(RoleEndUser, "US"), party(RolePurchaser, "MO")), AIDiffusionCodified, ear.Yes, ""},
		{"3A001.z to Malaysia, consignee headquartered in Hong Kong (China)", "3A001.z.a.1", "MY", "", PartiesOf(party(RoleUltimateConsignee, "HK")), AIDiffusionCodified, ear.Yes, ""},
		{"5D002.z software to Malaysia, headquartered in Iran (D:5)", "5D002.z", "MY", "", PartiesOf(party(RoleEndUser, "IR")), AIDiffusionCodified, ear.Yes, ""},
		{"Israel: D:4 but also A:6, so within the scope", "3A090.a", "IL", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, ear.Yes, ""},
		{"headquartered in the United States", "3A090.a", "MY", "", PartiesOf(party(RoleEndUser, "US")), AIDiffusionCodified, ear.No, ""},
		// A party's headquartered_in is its declaration (DESIGN: absent,
		// none declared): the "no" rests on the declarations.
		{"headquarters not declared: none", "3A090.b", "MY", "", PartiesOf(party(RoleEndUser, "")), AIDiffusionCodified, ear.No, ""},
		{"second party's headquarters not declared, the first's in CN", "4A090.b", "MY", "", PartiesOf(party(RoleEndUser, "CN"), party(RoleIntermediateConsignee, "")), AIDiffusionCodified, ear.Yes, ""},
		{"parties not given: open", "3A090.b", "MY", "", Parties{}, AIDiffusionCodified, ear.Indeterminate, "parties"},
		{"5A992 without paragraph may be 5A992.z: open", "5A992", "MY", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, ear.Indeterminate, "item.eccn"},
		{"5A992.c is not listed", "5A992.c", "MY", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, 0, ""},
		{"EAR99 is not listed", "EAR99", "MY", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, 0, ""},
		{"China (D:5) is left out: its own rows govern", "3A090.a", "CN", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, 0, ""},
		{"Macau (D:1, D:4) is left out", "3A090.a", "MO", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, 0, ""},
		{"Vietnam (D:1, D:4, D:5) is left out", "3A090.a", "VN", "", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, 0, ""},
		{"before 2023-11-17: no (a)(3)", "3A090.a", "MY", "2023-11-16", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, 0, ""},
		{"from 2023-11-17", "3A090.a", "MY", "2023-11-17", PartiesOf(party(RoleEndUser, "CN")), AIDiffusionCodified, ear.Yes, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			asOf := jurisdiction.MustParseDate("2026-11-28")
			if tt.asOf != "" {
				asOf = jurisdiction.MustParseDate(tt.asOf)
			}
			e := product.MustParseECCN(tt.eccn)
			kind := product.Commodity
			if strings.Contains(tt.eccn, "D") {
				kind = product.Software
			}
			it := product.Item{ID: "x", ECCN: e, Kind: kind, ProducedIn: jurisdiction.UnitedStates}
			_, reasons, missing := licenseRequirements(licenseInput{
				item: it, destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry(tt.dest)}, exportedFrom: jurisdiction.UnitedStates,
				parties: tt.parties, endUses: NoEndUses(), asOf: asOf, options: Options{AIDiffusion: tt.reading},
			})
			got, why := reasonFor(reasons, cite)
			if got != tt.want {
				t.Fatalf("%s: %v (%s), want %v\nreasons: %+v", cite, got, why, tt.want, reasons)
			}
			if tt.missing != "" && !slices.ContainsFunc(missing, func(m MissingFact) bool { return m.Field == tt.missing }) {
				t.Errorf("missing %q not named: %+v", tt.missing, missing)
			}
			if got == ear.Yes && !asOf.Before(fdpAIDiffusionEffective) {
				want := map[AIDiffusionReading]string{AIDiffusionCodified: "codified reading", AIDiffusionEnforced: "enforced reading"}[tt.reading]
				if !strings.Contains(why, want) {
					t.Errorf("why does not name the %s: %s", want, why)
				}
			}
		})
	}
}

// TestHeadquarters744_23Exceptions: the requirement is never overcome by a
// License Exception (744.23(c) allows only those of 740.2(a)(9)(ii), which
// the SDK does not evaluate for it), so a US-made 3A090 item to Malaysia
// for a China-headquartered end user is required and not covered.
func TestHeadquarters744_23Exceptions(t *testing.T) {
	const base = `{"as_of":"%s","item":{"id":"H","eccn":"%s","kind":"commodity","produced_in":"US","value":{"amount":"400000.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"MY"},
"parties":[{"name":"CN cloud MY subsidiary","role":"end_user","country":"MY","headquartered_in":"%s"}],"end_uses":[],"incorporations":[],
"options":{"ai_diffusion":"%s"}}`
	for _, tt := range []struct {
		asOf, eccn, hq, reading string
		required, covered       ear.Answer
	}{
		{"2026-11-28", "3A090.a", "CN", "enforced", ear.Yes, ear.No},
		{"2026-11-28", "3A090.b", "CN", "codified", ear.Yes, ear.No},
		{"2026-11-28", "4A090.a", "CN", "enforced", ear.Yes, ear.No},
		{"2024-06-01", "3A001.z", "MO", "codified", ear.Yes, ear.No},
		{"2026-11-28", "3A090.b", "JP", "codified", ear.No, ear.Yes},
	} {
		name := fmt.Sprintf("%s %s HQ %s %s", tt.asOf, tt.eccn, tt.hq, tt.reading)
		t.Run(name, func(t *testing.T) {
			d := checkJSON(t, fmt.Sprintf(base, tt.asOf, tt.eccn, tt.hq, tt.reading))
			if d.LicenseRequired() != tt.required || d.CoveredByExceptions() != tt.covered {
				t.Fatalf("required %v covered %v, want %v %v\nreasons: %+v", d.LicenseRequired(), d.CoveredByExceptions(), tt.required, tt.covered, d.LicenseReasons())
			}
			noExceptionOvercomes(t, d, "15 CFR 744.23(a)(3)(i)")
		})
	}
}

// TestHeadquarters744_23Data: the rule carries its citation, dates and
// sources (text read, effective date reported, readings chosen).
func TestHeadquarters744_23Data(t *testing.T) {
	r := headquarters744_23
	if r.citation != "15 CFR 744.23(a)(3)(i)" || r.effective.String() != "2023-11-17" || r.exceptionsFrom.String() != "2024-04-04" {
		t.Errorf("citation or dates: %s %s %s", r.citation, r.effective, r.exceptionsFrom)
	}
	if len(r.items) != 11 {
		t.Errorf("%d ECCNs, want the 11 of the text", len(r.items))
	}
	if len(r.provenance) == 0 || r.provenance[0].Basis != fdp.TextRead || !strings.Contains(r.provenance[0].Ref, "2c9f73e") {
		t.Errorf("provenance: %+v", r.provenance)
	}
}
