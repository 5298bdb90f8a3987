package license

import (
	"fmt"
	"slices"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// TestIraqMilitaryEndUse746_3 pins 15 CFR 746.3(a)(4) (text of mid-2024,
// in force since 2004): "A license is required for the export or reexport
// to Iraq or transfer within Iraq of any item subject to the EAR if ... you
// know, have reason to know, or are informed by BIS that the item will be,
// or is intended to be, used for a "military end-use" or by a "military
// end-user" ... This license requirement does not apply to ... exports,
// reexports or transfers to the Government of Iraq."
func TestIraqMilitaryEndUse746_3(t *testing.T) {
	const cite = "15 CFR 746.3(a)(4)"
	use := func(u fdp.EndUse, where string) EndUseFact {
		f := EndUseFact{Use: u}
		if where != "" {
			f.LocatedIn = jurisdiction.MustParseCountry(where)
		}
		return f
	}
	endUser := Party{Name: "E", Role: RoleEndUser, Country: jurisdiction.Iraq}
	meu := Party{Name: "M", Role: RoleEndUser, Country: jurisdiction.Iraq, ListedOn: []Listing{ListedMEU}}
	gov := Party{Name: "G", Role: RoleEndUser, Country: jurisdiction.Iraq, GovernmentOf: jurisdiction.Iraq}
	inJordan := Party{Name: "J", Role: RoleEndUser, Country: jurisdiction.MustParseCountry("JO")}
	inGermany := Party{Name: "D", Role: RoleEndUser, Country: jurisdiction.Germany}
	for _, tt := range []struct {
		name, eccn, dest, asOf string
		parties                Parties
		uses                   EndUses
		want                   ear.Answer // 0: no reason under cite
		missing                string
	}{
		{"EAR99 to Iraq for a military end use", "EAR99", "IQ", "", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "")), ear.Yes, ""},
		{"EAR99 to Iraq for a military end user", "EAR99", "IQ", "", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUser, "")), ear.Yes, ""},
		{"a CCL item to Iraq for a military end use", "2B991", "IQ", "", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "")), ear.Yes, ""},
		{"to Iraq, the military end use located elsewhere: still an export to Iraq", "EAR99", "IQ", "", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "SY")), ear.Yes, ""},
		{"to Jordan, the military end use located in Iraq", "EAR99", "JO", "", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "IQ")), ear.Yes, ""},
		{"to Jordan for a military end use there", "EAR99", "JO", "", PartiesOf(inJordan), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "")), 0, ""},
		// An end user in Iraq brings the item there, whatever the route.
		{"to Jordan for a military end use, the end user in Iraq", "EAR99", "JO", "", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "")), ear.Yes, ""},
		{"a party on the Military End-User List, no end use declared", "EAR99", "IQ", "", PartiesOf(meu), NoEndUses(), ear.Yes, ""},
		{"end uses not given: open", "EAR99", "IQ", "", PartiesOf(endUser), EndUses{}, ear.Indeterminate, "end_uses"},
		{"no military end use or end user", "EAR99", "IQ", "", PartiesOf(endUser), NoEndUses(), ear.No, ""},
		{"a supercomputer end use is not a military one", "EAR99", "IQ", "", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseSupercomputer, "")), ear.No, ""},
		{"to the Government of Iraq: the paragraph does not apply", "EAR99", "IQ", "", PartiesOf(gov), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "")), ear.No, ""},
		{"Government of Iraq with another end user: applies", "EAR99", "IQ", "", PartiesOf(gov, endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "")), ear.Yes, ""},
		{"on the SDK's first date", "EAR99", "IQ", "2020-01-01", PartiesOf(endUser), EndUsesOf(use(fdp.EndUseMilitaryEndUse, "")), ear.Yes, ""},
		{"to Germany: out of scope", "EAR99", "DE", "", PartiesOf(inGermany), EndUses{}, 0, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			asOf := jurisdiction.MustParseDate("2026-11-28")
			if tt.asOf != "" {
				asOf = jurisdiction.MustParseDate(tt.asOf)
			}
			it := product.Item{ID: "x", ECCN: product.MustParseECCN(tt.eccn), Kind: product.Commodity, ProducedIn: jurisdiction.UnitedStates}
			a, reasons, missing := licenseRequirements(licenseInput{
				item: it, destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry(tt.dest)}, exportedFrom: jurisdiction.UnitedStates,
				parties: tt.parties, endUses: tt.uses, asOf: asOf,
			})
			got, why := reasonFor(reasons, cite)
			if got != tt.want {
				t.Fatalf("%s: %v (%s), want %v\nreasons: %+v", cite, got, why, tt.want, reasons)
			}
			if tt.want == ear.Yes && a != ear.Yes {
				t.Errorf("license required %v, want yes", a)
			}
			if tt.missing != "" && !slices.ContainsFunc(missing, func(m MissingFact) bool { return m.Field == tt.missing }) {
				t.Errorf("missing %q not named: %+v", tt.missing, missing)
			}
		})
	}
}

// TestIraqMilitaryEndUse746_3Exceptions: 746.3(c) "may not be applied to
// exports or reexports that require a license under paragraph (a)(4)": a
// US-made EAR99 item (the reviewer's case) or a CCL item to Iraq for a
// military end use is required, and no License Exception covers it.
func TestIraqMilitaryEndUse746_3Exceptions(t *testing.T) {
	const base = `{"as_of":"2026-11-28","item":{"id":"I","eccn":"%s","kind":"commodity","produced_in":"US","value":{"amount":"400000.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"IQ"},
"parties":[{"name":"E","role":"end_user","country":"IQ","headquartered_in":"IQ"}],"end_uses":%s,"incorporations":[]}`
	for _, tt := range []struct {
		eccn, uses        string
		required, covered ear.Answer
	}{
		{"EAR99", `["military_end_use"]`, ear.Yes, ear.No},
		{"EAR99", `[{"use":"military_end_user","located_in":"IQ"}]`, ear.Yes, ear.No},
		{"5A992.c", `["military_end_use"]`, ear.Yes, ear.No},
		{"EAR99", `[]`, ear.No, ear.Yes},
	} {
		t.Run(fmt.Sprintf("%s %s", tt.eccn, tt.uses), func(t *testing.T) {
			d := checkJSON(t, fmt.Sprintf(base, tt.eccn, tt.uses))
			if d.LicenseRequired() != tt.required || d.CoveredByExceptions() != tt.covered {
				t.Fatalf("required %v covered %v, want %v %v\nreasons: %+v", d.LicenseRequired(), d.CoveredByExceptions(), tt.required, tt.covered, d.LicenseReasons())
			}
			noExceptionOvercomes(t, d, "15 CFR 746.3(a)(4)")
		})
	}
}

// TestIraqMilitaryEndUse746_3Data: the rule carries its citation, date and
// the text read.
func TestIraqMilitaryEndUse746_3Data(t *testing.T) {
	r := iraqMilitaryEndUse746_3
	if r.citation != "15 CFR 746.3(a)(4)" || r.effective.String() != "2004-07-30" {
		t.Errorf("citation or date: %s %s", r.citation, r.effective)
	}
	if !r.effective.Before(jurisdiction.ProgramHistoryFloor()) {
		t.Errorf("746.3(a)(4) is in force before the SDK's first date %s", jurisdiction.ProgramHistoryFloor())
	}
	if len(r.source) == 0 || r.source[0].Basis != fdp.TextRead {
		t.Errorf("source: %+v", r.source)
	}
}
