package license

import (
	"strings"
	"testing"

	"github.com/earcheck/ear"
)

// TestMilitaryEndUserListParty: 744.21(b)(1)(ii) and Supp. No. 7 to part
// 744 require a license "when an entity that is listed on the MEU List is a
// party to the transaction", wherever the item is shipped: the party is
// read where it is, as well as at the destination.
func TestMilitaryEndUserListParty(t *testing.T) {
	req := func(eccn, dest, partyIn string) string {
		return `{"as_of":"2026-09-24","item":{"id":"X","eccn":"` + eccn + `","kind":"commodity","produced_in":"US","value":{"amount":"1000.00","currency":"USD"},
"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"` + dest + `"},
"parties":[{"name":"M","role":"end_user","country":"` + partyIn + `","listed_on":["military_end_user_list"]}],"end_uses":[],"incorporations":[]}`
	}
	for _, tt := range []struct {
		name, eccn, dest, partyIn string
		want                      ear.Answer // the 744.21 reason
	}{
		{"Chinese MEU party, item shipped to Kazakhstan: Supp. No. 2 items (not held)", "3A991.a.1", "KZ", "CN", ear.Indeterminate},
		{"Russian MEU party, item shipped to Kazakhstan: any item", "EAR99", "KZ", "RU", ear.Yes},
		{"Chinese MEU party, shipped to China", "3A991.a.1", "CN", "CN", ear.Indeterminate},
		{"MEU party where 744.21 does not reach, shipped there", "EAR99", "KZ", "KZ", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			d := checkJSON(t, req(tt.eccn, tt.dest, tt.partyIn))
			var got ear.Answer
			for _, x := range d.LicenseReasons() {
				if strings.HasPrefix(x.Citation, "15 CFR 744.21") {
					got = got.Or(x.Answer)
				}
			}
			if got != tt.want {
				t.Errorf("744.21 %v, want %v: %+v", got, tt.want, d.LicenseReasons())
			}
			if tt.want != 0 && d.LicenseRequired() == ear.No {
				t.Errorf("license required no with a military end user party")
			}
		})
	}
}

// TestEndUseAtEndUsersCountry: an end use whose location is not stated is
// read at the destination and at the country of each end user named: a
// military end use for an end user in Russia, shipped through Kazakhstan,
// requires a license (744.21, any item to Russia).
func TestEndUseAtEndUsersCountry(t *testing.T) {
	req := func(userIn string) string {
		return `{"as_of":"2026-09-24","item":{"id":"X","eccn":"EAR99","kind":"commodity","produced_in":"US","value":{"amount":"1000.00","currency":"USD"},
"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"KZ"},
"parties":[{"name":"U","role":"end_user","country":"` + userIn + `"}],"end_uses":["military_end_user"],"incorporations":[]}`
	}
	for userIn, want := range map[string]ear.Answer{"RU": ear.Yes, "KZ": ear.No} {
		d := checkJSON(t, req(userIn))
		if d.LicenseRequired() != want {
			t.Errorf("end user in %s: license %v, want %v: %+v", userIn, d.LicenseRequired(), want, d.LicenseReasons())
		}
	}
}

// TestUnknownEndUsesAtEndUsersCountry: with the end uses unknown, a
// 744.21 or 744.23 place at an end user's country leaves the answer open,
// as at the destination.
func TestUnknownEndUsesAtEndUsersCountry(t *testing.T) {
	for userIn, want := range map[string]ear.Answer{"RU": ear.Indeterminate, "CN": ear.Indeterminate, "FR": ear.No} {
		d := checkJSON(t, `{"as_of":"2026-09-24","item":{"id":"X","eccn":"EAR99","kind":"commodity","produced_in":"US","value":{"amount":"1000.00","currency":"USD"},
"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"KZ"},
"parties":[{"name":"U","role":"end_user","country":"`+userIn+`"}],"incorporations":[]}`)
		if d.LicenseRequired() != want {
			t.Errorf("end user in %s, end uses unknown: license %v, want %v: %+v", userIn, d.LicenseRequired(), want, d.LicenseReasons())
		}
	}
}
