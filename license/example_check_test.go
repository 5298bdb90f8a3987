package license_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/origin"
	"github.com/earcheck/ear/product"
)

// A Japanese controller with a US FPGA (3A001.a.7, NS2) worth 20 % of its
// value, to China: the FPGA is controlled content, the 25 % level is not
// exceeded.
func ExampleDeMinimis() {
	fpga := product.Line{ID: "c1", ECCN: product.MustParseECCN("3A001.a.7"), Origin: product.OriginUS,
		Value: product.MustParseMoney("20000.00", "USD"), Quantity: product.QuantityOf(1), Relation: product.Incorporated}
	res, err := license.DeMinimis(license.DeMinimisQuery{
		Item: product.Item{ID: "M-1", ECCN: product.MustParseECCN("2B991"), Kind: product.Commodity,
			ProducedIn: jurisdiction.Japan, Value: product.MustParseMoney("100000.00", "USD"), Components: []product.Line{fpga}},
		Destination:  jurisdiction.Destination{Country: jurisdiction.China},
		ExportedFrom: jurisdiction.Japan,
		AsOf:         jurisdiction.MustParseDate("2026-11-28"),
		Parties:      license.NoParties(),
		EndUses:      license.NoEndUses(),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Outcome, res.ControlledPercent+" %", "of", res.ThresholdPercent+" %", res.Citation)
	fmt.Println(res.Lines[0].ID, res.Lines[0].Counted, res.Lines[0].Why)
	// Output:
	// within 20 % of 25 % 15 CFR 734.4(d)
	// c1 true NS license required to CN
}

// Check decides a whole request from the JSON wire format.
func ExampleCheck() {
	req, err := license.DecodeRequest(strings.NewReader(`{
		"as_of": "2026-11-28",
		"item": {"id": "T-1", "eccn": "3A001.b.2", "kind": "commodity", "produced_in": "TW",
			"value": {"amount": "50000.00", "currency": "USD"}, "components": [],
			"direct_product_of": [{"eccn": "3E001", "origin": "us", "for": "3A001.b.2", "written_assurance": true}],
			"plant": {"direct_product_of": []}},
		"exported_from": "TW",
		"destination": {"country": "CN"},
		"parties": [{"name": "customer", "role": "end_user", "country": "CN"}],
		"end_uses": [], "incorporations": []
	}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	det, err := license.Check(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("subject to the EAR:", det.SubjectToEAR())
	for _, g := range det.Grounds() {
		fmt.Println("  ground:", g.Citation, g.Title)
	}
	fmt.Println("license required:", det.LicenseRequired())
	// Output:
	// subject to the EAR: yes
	//   ground: 15 CFR 734.9(b) National Security FDP rule
	// license required: yes
}

// A request read from JSON, written back and read again is the same
// request, and decides the same way.
func ExampleRequest_MarshalJSON() {
	in := `{"as_of": "2026-11-28",
		"item": {"id": "DE-T-3", "eccn": "EAR99", "kind": "commodity", "produced_in": "DE",
			"value": {"amount": "200.00", "currency": "EUR"},
			"components": [{"id": "motor", "eccn": "EAR99", "origin": "us", "value": {"amount": "30.00", "currency": "USD"}, "relation": "incorporated"}]},
		"exported_from": "DE", "destination": {"country": "CU"},
		"exchange_rates": {"date": "2026-11-01", "rates": [{"from": "EUR", "to": "USD", "rate": "1.0850"}]},
		"parties": [], "end_uses": [], "incorporations": []}`
	req, err := license.DecodeRequest(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	b, _ := json.Marshal(req)
	again, err := license.DecodeRequest(bytes.NewReader(b))
	if err != nil {
		fmt.Println(err)
		return
	}
	b2, _ := json.Marshal(again)
	fmt.Println("same bytes:", bytes.Equal(b, b2))
	d1, _ := license.Check(req)
	d2, _ := license.Check(again)
	fmt.Println(d1.SubjectToEAR(), d2.SubjectToEAR(), d1.DeMinimis().Outcome, d1.DeMinimis().ControlledPercent)
	// Output:
	// same bytes: true
	// yes yes exceeds 13.8248847926
}

// A request built from Go values, without JSON: a Korean phone with a US
// baseband chip and US software, for an end user in Germany, its owner
// declared; the exchange rate converts the KRW line.
func ExampleCheck_goValues() {
	rate, err := origin.ParseRate("KRW", "USD", "0.00072")
	if err != nil {
		fmt.Println(err)
		return
	}
	rates, err := origin.NewRates(jurisdiction.MustParseDate("2026-11-27"), rate)
	if err != nil {
		fmt.Println(err)
		return
	}
	owner, err := license.ParseOwnership("Holding AG", "100")
	if err != nil {
		fmt.Println(err)
		return
	}
	req := license.Request{
		AsOf: jurisdiction.MustParseDate("2026-11-28"),
		Item: product.Item{
			ID: "PHONE-7", ECCN: product.MustParseECCN("5A992.c"), Kind: product.Commodity,
			ProducedIn: jurisdiction.MustParseCountry("KR"), Value: product.MustParseMoney("400.00", "USD"),
			Components: []product.Line{
				{ID: "baseband", ECCN: product.MustParseECCN("5A991.b"), Origin: product.OriginUS,
					Value: product.MustParseMoney("30.00", "USD"), Quantity: product.QuantityOf(1), Relation: product.Incorporated},
				{ID: "camera", ECCN: product.EAR99, Origin: product.OriginForeign,
					Value: product.MustParseMoney("50000", "KRW"), Quantity: product.QuantityOf(1), Relation: product.Incorporated},
			},
			DirectProductOf: product.NoLineage(),
			Plant:           product.NoLineage(),
		},
		ExportedFrom:   jurisdiction.MustParseCountry("KR"),
		Destination:    jurisdiction.Destination{Country: jurisdiction.MustParseCountry("DE")},
		Parties:        license.PartiesOf(license.Party{Name: "Retail GmbH", Role: license.RoleEndUser, Country: jurisdiction.MustParseCountry("DE"), Ownership: []license.Ownership{owner}}),
		EndUses:        license.NoEndUses(),
		Incorporations: license.NoIncorporations(),
		ExchangeRates:  rates,
	}
	det, err := license.Check(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	dm := det.DeMinimis()
	fmt.Println("subject to the EAR:", det.SubjectToEAR())
	fmt.Println("de minimis:", dm.Outcome, dm.ControlledPercent+" %")
	fmt.Println("license required:", det.LicenseRequired())
	// Output:
	// subject to the EAR: no
	// de minimis: within 0 %
	// license required: no
}

// A service writes each response into a buffer it reuses: AppendJSON
// writes the same bytes as json.Marshal, without the reflection encoder.
func ExampleDetermination_AppendJSON() {
	in := `{"as_of": "2026-11-28",
		"item": {"id": "JP-1", "eccn": "EAR99", "kind": "commodity", "produced_in": "JP",
			"value": {"amount": "1000.00", "currency": "USD"}, "components": []},
		"exported_from": "JP", "destination": {"country": "DE"},
		"parties": [], "end_uses": [], "incorporations": []}`
	req, err := license.DecodeRequest(strings.NewReader(in))
	if err != nil {
		fmt.Println(err)
		return
	}
	d, err := license.Check(req)
	if err != nil {
		fmt.Println(err)
		return
	}
	var buf []byte
	buf, err = d.AppendJSON(buf[:0])
	if err != nil {
		fmt.Println(err)
		return
	}
	viaMarshal, _ := json.Marshal(d)
	fmt.Println("same bytes:", bytes.Equal(buf, viaMarshal))
	fmt.Println("subject:", d.SubjectToEAR())
	// Output:
	// same bytes: true
	// subject: no
}

// The same request decided as of two dates: a Japanese etch tool made on a
// plant built with U.S. 3E001 technology, for a fab in China, before and
// after the SME FDP rule (734.9(k)) came into force on 2024-12-02.
func ExampleDetermination_SameOutcomes() {
	body := `{"as_of":"2024-11-01","item":{"id":"SME-1","eccn":"3B001.c.1.a","kind":"commodity","produced_in":"JP",
"value":{"amount":"5000000","currency":"USD"},"components":[],"direct_product_of":[],
"plant":{"direct_product_of":[{"eccn":"3E001","origin":"us","for":"3B001"}]}},
"exported_from":"JP","destination":{"country":"CN"},"parties":[{"name":"Fab","role":"end_user","country":"CN","headquartered_in":"CN"}],
"end_uses":[],"incorporations":[]}`
	req, err := license.DecodeRequest(strings.NewReader(body))
	if err != nil {
		fmt.Println(err)
		return
	}
	nov, _ := license.Check(req)
	req.AsOf = jurisdiction.MustParseDate("2024-11-15")
	mid, _ := license.Check(req)
	req.AsOf = jurisdiction.MustParseDate("2025-01-15")
	jan, _ := license.Check(req)
	fmt.Println("2024-11-01 and 2024-11-15:", nov.SameOutcomes(mid))
	fmt.Println("2024-11-01 and 2025-01-15:", nov.SameOutcomes(jan), nov.SubjectToEAR(), "->", jan.SubjectToEAR())
	// Output:
	// 2024-11-01 and 2024-11-15: true
	// 2024-11-01 and 2025-01-15: false indeterminate -> yes
}
