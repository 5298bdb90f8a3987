package license_test

import (
	"fmt"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/product"
)

// A Taiwanese GPU (3A090.a) made in a fab whose tools are direct products
// of U.S. 3E001 technology, sold to Malaysia: the advanced computing FDP
// rule reaches it as codified, not as enforced since 2025-05-13.
func ExampleFDP() {
	q := license.FDPQuery{
		Item: product.Item{
			ID: "GPU-1", ECCN: product.MustParseECCN("3A090.a"), Kind: product.Commodity,
			ProducedIn:      jurisdiction.Taiwan,
			Value:           product.MustParseMoney("25000.00", "USD"),
			DirectProductOf: product.NoLineage(),
			Plant: product.LineageOf(product.DirectProduct{
				ECCN: product.MustParseECCN("3E001"), Origin: product.OriginUS,
			}),
		},
		Destination:    jurisdiction.Destination{Country: jurisdiction.MustParseCountry("MY")},
		Parties:        license.NoParties(),
		EndUses:        license.NoEndUses(),
		Incorporations: license.NoIncorporations(),
		AsOf:           jurisdiction.MustParseDate("2026-11-28"),
	}
	for _, reading := range []license.AIDiffusionReading{license.AIDiffusionCodified, license.AIDiffusionEnforced} {
		q.Options.AIDiffusion = reading
		results, err := license.FDP(q)
		if err != nil {
			fmt.Println(err)
			return
		}
		for _, r := range results {
			if r.Citation == "15 CFR 734.9(h)" {
				fmt.Printf("%s (%s): %s\n", r.Citation, *r.Reading, r.OutcomeText())
			}
		}
	}
	// Output:
	// 15 CFR 734.9(h) (codified): applies
	// 15 CFR 734.9(h) (enforced): does_not_apply
}
