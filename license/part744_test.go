package license

import (
	"fmt"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// reasonFor returns the answer of the first reason whose citation starts
// with cite, or 0 when there is none.
func reasonFor(rs []LicenseReason, cite string) (ear.Answer, string) {
	for _, r := range rs {
		if strings.HasPrefix(r.Citation, cite) {
			return r.Answer, r.Why
		}
	}
	return 0, ""
}

// TestPart744EndUses pins 744.21 and 744.23 against their text: 744.23(a)(1)
// reaches only the ICs and computers of the ECCNs it lists, for a
// supercomputer located in or destined to Macau or D:5 (wherever the item
// ships); 744.23(a)(2)(i) reaches any item for an advanced-node facility
// there; 744.21's countries come in on their dates.
func TestPart744EndUses(t *testing.T) {
	use := func(u fdp.EndUse, where string) EndUses {
		f := EndUseFact{Use: u}
		if where != "" {
			f.LocatedIn = jurisdiction.MustParseCountry(where)
		}
		return EndUsesOf(f)
	}
	for _, tt := range []struct {
		name, eccn, dest, asOf string
		uses                   EndUses
		cite                   string
		want                   ear.Answer // 0: no reason under cite
	}{
		{"supercomputer: a 4A003 computer to China", "4A003.b", "CN", "", use(fdp.EndUseSupercomputer, ""), "15 CFR 744.23(a)(1)", ear.Yes},
		{"supercomputer: a 3A991.a IC to China", "3A991.a.1", "CN", "", use(fdp.EndUseSupercomputer, ""), "15 CFR 744.23(a)(1)", ear.Yes},
		{"supercomputer: an EAR99 item is outside (a)(1)(i)", "EAR99", "CN", "", use(fdp.EndUseSupercomputer, ""), "15 CFR 744.23", 0},
		{"supercomputer: a 2B991 machine is outside (a)(1)(i)", "2B991", "CN", "", use(fdp.EndUseSupercomputer, ""), "15 CFR 744.23", 0},
		{"supercomputer: 3A001.b may not be an IC", "3A001.b.2", "CN", "", use(fdp.EndUseSupercomputer, ""), "15 CFR 744.23(a)(1)", ear.Indeterminate},
		{"supercomputer in China, chassis shipped to Singapore", "4A003.b", "SG", "", use(fdp.EndUseSupercomputer, "CN"), "15 CFR 744.23(a)(1)", ear.Yes},
		{"supercomputer in Germany, shipped to China", "4A003.b", "CN", "", use(fdp.EndUseSupercomputer, "DE"), "15 CFR 744.23", 0},
		{"supercomputer in Macau", "5A992.c", "HK", "", use(fdp.EndUseSupercomputer, "MO"), "15 CFR 744.23(a)(1)", ear.Yes},
		{"advanced node: any item", "EAR99", "CN", "", use(fdp.EndUseAdvancedNodeIC, ""), "15 CFR 744.23(a)(2)(i)", ear.Yes},
		{"advanced node: facility in China, shipped to Malaysia", "EAR99", "MY", "", use(fdp.EndUseAdvancedNodeIC, "CN"), "15 CFR 744.23(a)(2)(i)", ear.Yes},
		{"advanced node: facility in Japan", "EAR99", "JP", "", use(fdp.EndUseAdvancedNodeIC, ""), "15 CFR 744.23", 0},
		// 744.23 from 87 FR 62186 (effective 2022-10-07).
		{"supercomputer before 744.23", "4A003.b", "CN", "2022-10-06", use(fdp.EndUseSupercomputer, ""), "15 CFR 744.23", 0},
		{"supercomputer on 2022-10-07", "4A003.b", "CN", "2022-10-07", use(fdp.EndUseSupercomputer, ""), "15 CFR 744.23(a)(1)", ear.Yes},
		{"advanced node before 744.23", "EAR99", "CN", "2022-06-01", use(fdp.EndUseAdvancedNodeIC, ""), "15 CFR 744.23", 0},
		{"military end use in Russia: any item", "EAR99", "RU", "", use(fdp.EndUseMilitaryEndUse, ""), "15 CFR 744.21", ear.Yes},
		{"military end user in Russia, shipped to Kazakhstan", "EAR99", "KZ", "", use(fdp.EndUseMilitaryEndUser, "RU"), "15 CFR 744.21", ear.Yes},
		{"military end use in China: Supp. No. 2 items", "2B991", "CN", "", use(fdp.EndUseMilitaryEndUse, ""), "15 CFR 744.21", ear.Indeterminate},
		{"Nicaragua before 2024-03-15", "2B991", "NI", "2024-03-14", use(fdp.EndUseMilitaryEndUse, ""), "15 CFR 744.21", 0},
		{"Nicaragua from 2024-03-15", "2B991", "NI", "2024-03-15", use(fdp.EndUseMilitaryEndUse, ""), "15 CFR 744.21", ear.Indeterminate},
		{"military end use in India", "2B991", "IN", "", use(fdp.EndUseMilitaryEndUse, ""), "15 CFR 744.21", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			asOf := jurisdiction.MustParseDate("2026-11-28")
			if tt.asOf != "" {
				asOf = jurisdiction.MustParseDate(tt.asOf)
			}
			it := product.Item{ID: "x", ECCN: product.MustParseECCN(tt.eccn), Kind: product.Commodity, ProducedIn: jurisdiction.UnitedStates}
			_, reasons, _ := licenseRequirements(licenseInput{
				item: it, destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry(tt.dest)}, exportedFrom: jurisdiction.UnitedStates,
				parties: NoParties(), endUses: tt.uses, asOf: asOf,
			})
			got, why := reasonFor(reasons, tt.cite)
			if got != tt.want {
				t.Errorf("%s: %v (%s), want %v\nreasons: %+v", tt.cite, got, why, tt.want, reasons)
			}
		})
	}
}

// TestPartnerExclusion746_8: 746.8(a)(12)(iii)(A) (text of mid-2024) takes
// exports from the countries of Supplement No. 3 to part 746 out of the
// license requirements of (a)(2) and (a)(3): the requirements 734.9(f) and
// (g) pair with.
func TestPartnerExclusion746_8(t *testing.T) {
	const base = `{"as_of":"2026-11-28","item":{"id":"P","eccn":"EAR99","kind":"commodity","produced_in":"%s","value":{"amount":"100.00","currency":"USD"},"components":[],
"direct_product_of":[{"eccn":"3E991","origin":"us"}],"plant":{"direct_product_of":[]}},"exported_from":"%s","destination":{"country":"TR"},
"parties":[{"name":"F3","role":"end_user","country":"TR","entity_list_footnotes":[3]}],"end_uses":[],"incorporations":[]}`
	for _, tt := range []struct {
		from string
		want ear.Answer
	}{
		{"JP", ear.No},  // Japan is in Supp. No. 3
		{"MY", ear.Yes}, // Malaysia is not
	} {
		req, err := DecodeRequest(strings.NewReader(fmt.Sprintf(base, tt.from, tt.from)))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Check(req)
		if err != nil {
			t.Fatal(err)
		}
		if got, why := reasonFor(d.LicenseReasons(), "15 CFR 746.8(a)(3)"); got != tt.want {
			t.Errorf("exported from %s: 746.8(a)(3) %v (%s), want %v", tt.from, got, why, tt.want)
		}
	}
}
