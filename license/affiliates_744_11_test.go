package license

import (
	"strings"
	"testing"

	"github.com/earcheck/ear"
)

// affiliatesRequest is a Taiwanese 3B993 tool made on a line whose tools
// are direct products of U.S. 3E001 technology, sold to a Chinese party
// with the given listed_on and ownership, as of asOf.
func affiliatesRequest(asOf, listedOn, ownership, options string) string {
	return affiliatesRequestMadeIn("TW", asOf, listedOn, ownership, options)
}

func affiliatesRequestMadeIn(madeIn, asOf, listedOn, ownership, options string) string {
	party := `{"name":"Sub Co","role":"end_user","country":"CN"` + listedOn + ownership + `}`
	return `{"as_of":"` + asOf + `","item":{"id":"T","eccn":"3B993.b","kind":"commodity","produced_in":"` + madeIn + `","value":{"amount":"100000.00","currency":"USD"},"components":[],
"direct_product_of":[],"plant":{"direct_product_of":[{"eccn":"3E001","origin":"us","for":"3B993"}]}},"exported_from":"TW","destination":{"country":"CN"},
"parties":[` + party + `],"end_uses":[],"incorporations":[],"options":{` + options + `}}`
}

// TestAffiliatesOneDesignation: the affiliates rule (90 FR 47201) gives a
// party one designation, read by every provision: the FDP footnote prongs,
// 744.11, 744.21 and 744.8 say the same thing about it.
func TestAffiliatesOneDesignation(t *testing.T) {
	const inForce = "2025-10-15"
	for _, tt := range []struct {
		name, asOf, listed, owners, options string
		fdpE3                               ear.Answer // 734.9(e)(3)
		reason                              string     // a license reason whose citation starts with this
		reasonAnswer                        ear.Answer // 0: no such reason
	}{
		{name: "owned 60% by a footnote 5 entity: (e)(3) and 744.11 agree", asOf: inForce,
			owners: `,"ownership":[{"owner":"Parent","percent":"60","entity_list_footnotes":[5]}]`, fdpE3: ear.Yes, reason: "15 CFR 744.11(a)", reasonAnswer: ear.Yes},
		{name: "owned 60% by an Entity List entity without footnote", asOf: inForce,
			owners: `,"ownership":[{"owner":"Parent","percent":"60","listed_on":["entity_list"]}]`, fdpE3: ear.No, reason: "15 CFR 744.11(a)", reasonAnswer: ear.Yes},
		{name: "30% EL + 25% MEU in the aggregate", asOf: inForce,
			owners: `,"ownership":[{"owner":"A","percent":"30","listed_on":["entity_list"]},{"owner":"B","percent":"25","listed_on":["military_end_user_list"]}]`, fdpE3: ear.No, reason: "15 CFR 744.21", reasonAnswer: ear.Indeterminate},
		{name: "owned by an SDN: 744.8", asOf: inForce,
			owners: `,"ownership":[{"owner":"Oligarch","percent":"100","listed_on":["sdn"]}]`, fdpE3: ear.No, reason: "15 CFR 744.8", reasonAnswer: ear.Yes},
		{name: "49.99% is not 50 percent or more", asOf: inForce,
			owners: `,"ownership":[{"owner":"Parent","percent":"49.99","entity_list_footnotes":[5]}]`, fdpE3: ear.No, reason: "15 CFR 744.11(a)", reasonAnswer: 0},
		{name: "exactly 50 percent", asOf: inForce,
			owners: `,"ownership":[{"owner":"Parent","percent":"50","entity_list_footnotes":[5]}]`, fdpE3: ear.Yes, reason: "15 CFR 744.11(a)", reasonAnswer: ear.Yes},
		{name: "suspended on 2026-01-15", asOf: "2026-01-15",
			owners: `,"ownership":[{"owner":"Parent","percent":"60","entity_list_footnotes":[5]}]`, fdpE3: ear.No, reason: "15 CFR 744.11(a)", reasonAnswer: 0},
		{name: "back as written on 2026-11-20", asOf: "2026-11-20",
			owners: `,"ownership":[{"owner":"Parent","percent":"60","entity_list_footnotes":[5]}]`, fdpE3: ear.Yes, reason: "15 CFR 744.11(a)", reasonAnswer: ear.Yes},
		{name: "suspended by option on 2026-11-20", asOf: "2026-11-20", options: `"affiliates":"suspended"`,
			owners: `,"ownership":[{"owner":"Parent","percent":"60","entity_list_footnotes":[5]}]`, fdpE3: ear.No, reason: "15 CFR 744.11(a)", reasonAnswer: 0},
		{name: "the party itself listed on the MEU List", asOf: inForce, listed: `,"listed_on":["military_end_user_list"]`,
			fdpE3: ear.No, reason: "15 CFR 744.21", reasonAnswer: ear.Indeterminate},
		{name: "the party itself on the Entity List without footnote", asOf: inForce, listed: `,"listed_on":["entity_list"]`,
			fdpE3: ear.No, reason: "15 CFR 744.11(a)", reasonAnswer: ear.Yes},
	} {
		t.Run(tt.name, func(t *testing.T) {
			req, err := DecodeRequest(strings.NewReader(affiliatesRequest(tt.asOf, tt.listed, tt.owners, tt.options)))
			if err != nil {
				t.Fatal(err)
			}
			d, err := Check(req)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range d.FDP() {
				if r.Citation == "15 CFR 734.9(e)(3)" && r.Outcome != tt.fdpE3 {
					t.Errorf("(e)(3) %s, want %s: %s", r.OutcomeText(), tt.fdpE3, r.Why)
				}
			}
			if tt.fdpE3 == ear.Yes {
				// The same Determination that makes the item subject through
				// the affiliate requires the 744.11 license for it.
				if a, why := reasonFor(d.LicenseReasons(), "15 CFR 744.11(a)"); a != ear.Yes {
					t.Errorf("subject through the affiliate but 744.11(a): %v (%s)", a, why)
				}
			}
			// The license requirements of the same parties, for a U.S.-made
			// item (subject to the EAR under 734.3(a)(2) whatever the
			// FDP rules say).
			req, err = DecodeRequest(strings.NewReader(affiliatesRequestMadeIn("US", tt.asOf, tt.listed, tt.owners, tt.options)))
			if err != nil {
				t.Fatal(err)
			}
			if d, err = Check(req); err != nil {
				t.Fatal(err)
			}
			got, why := reasonFor(d.LicenseReasons(), tt.reason)
			if got != tt.reasonAnswer {
				t.Errorf("%s: %v (%s), want %v\n%+v", tt.reason, got, why, tt.reasonAnswer, d.LicenseReasons())
			}
			if tt.asOf == "2026-11-20" && tt.options == "" && !strings.Contains(why, "confirm") {
				t.Errorf("no warning that the rule is taken as back in force: %s", why)
			}
		})
	}
}

func TestListedOnDecoding(t *testing.T) {
	bad := affiliatesRequest("2025-10-15", `,"listed_on":["entity_list","bogus"]`, "", "")
	_, err := DecodeRequest(strings.NewReader(bad))
	if err == nil || !strings.Contains(err.Error(), "parties[0].listed_on[1]") {
		t.Fatalf("error %v, want one naming parties[0].listed_on[1]", err)
	}
	good := affiliatesRequest("2025-10-15", `,"listed_on":["sdn"]`, `,"ownership":[{"owner":"P","percent":"10","listed_on":["entity_list","military_end_user_list"]}]`, "")
	req, err := DecodeRequest(strings.NewReader(good))
	if err != nil {
		t.Fatal(err)
	}
	b, err := req.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"listed_on":["sdn"]`) || !strings.Contains(string(b), `"listed_on":["entity_list","military_end_user_list"]`) {
		t.Errorf("listed_on not written back: %s", b)
	}
	over := affiliatesRequest("2025-10-15", "", `,"ownership":[{"owner":"A","percent":"60"},{"owner":"B","percent":"50"}]`, "")
	req, err = DecodeRequest(strings.NewReader(over))
	if err == nil {
		_, err = Check(req)
	}
	if err == nil || !strings.Contains(err.Error(), "more than 100") {
		t.Errorf("shares adding up to 110: error %v", err)
	}
}
