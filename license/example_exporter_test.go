package license_test

import (
	"fmt"
	"strings"

	"github.com/earcheck/ear/license"
)

// A Japanese deposition tool (3B001.d) made with U.S. 3E992 technology is
// subject to the EAR for China under the SME FDP rule (734.9(k)) alone.
// Shipped by its Japanese maker, the exclusion of 742.4(a)(4)(ii)(B) lifts
// the SME license requirement; without the exporter's facts it stands.
func ExampleExporter() {
	const order = `{"as_of": "2026-11-28", "item": {"id": "T-1", "eccn": "3B001.d", "kind": "commodity", "produced_in": "JP",
 "value": {"amount": "5000000", "currency": "USD"}, "components": [],
 "direct_product_of": [{"eccn": "3E992", "origin": "us", "written_assurance": false}], "plant": {"direct_product_of": []}},
 "exported_from": "JP", "destination": {"country": "CN"},
 "parties": [{"name": "Fab", "role": "end_user", "country": "CN", "headquartered_in": "CN"}], "end_uses": [], "incorporations": []EXPORTER}`
	for _, exporter := range []string{
		`, "exporter": {"located_in": "JP", "headquarters": "JP", "ultimate_parent_headquarters": "JP"}`,
		``,
	} {
		req, err := license.DecodeRequest(strings.NewReader(strings.Replace(order, "EXPORTER", exporter, 1)))
		if err != nil {
			fmt.Println(err)
			return
		}
		d, err := license.Check(req)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("subject:", d.SubjectToEAR(), "license required:", d.LicenseRequired())
		for _, r := range d.LicenseReasons() {
			if r.Citation == "15 CFR 742.4(a)(4)" {
				fmt.Println(" ", r.Citation, r.Answer, strings.Contains(r.Why, "excluded by 15 CFR 742.4(a)(4)(ii)(B)"))
			}
		}
	}
	// Output:
	// subject: yes license required: no
	//   15 CFR 742.4(a)(4) no true
	// subject: yes license required: yes
	//   15 CFR 742.4(a)(4) yes false
}
