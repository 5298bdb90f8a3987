package license_test

import (
	"fmt"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/product"
)

// A 3A090.c high-bandwidth-memory chip to Hong Kong: Hong Kong reads as
// China, which is in D:5, so the RS row for "Macau or D:5" requires a
// license.
func ExampleCountryChart() {
	res, err := license.CountryChart(license.ChartQuery{
		ECCN:        product.MustParseECCN("3A090.c"),
		Destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry("HK")},
		AsOf:        jurisdiction.MustParseDate("2026-11-28"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("license required:", res.Required)
	for _, f := range res.Requiring(ear.Yes) {
		fmt.Println(f.Reason, f.Citation)
	}
	// Output:
	// license required: yes
	// RS 15 CFR 742.6(a)(6)(i)(B)
}

// An ECCN given without the paragraph that decides leaves the answer open,
// and the result says what is missing.
func ExampleChartResult_Missing() {
	res, _ := license.CountryChart(license.ChartQuery{
		ECCN:        product.MustParseECCN("3A090"),
		Destination: jurisdiction.Destination{Country: jurisdiction.Germany},
		AsOf:        jurisdiction.MustParseDate("2026-11-28"),
	})
	fmt.Println("license required:", res.Required)
	for _, m := range res.Missing() {
		fmt.Println("missing:", m)
	}
	// Output:
	// license required: indeterminate
	// missing: eccn: the paragraph of 3A090 that the row's scope turns on
}

// The changes of the rules and tables the SDK knows in the week of the
// December 2024 semiconductor rules.
func ExampleChanges() {
	for _, c := range license.Changes(jurisdiction.MustParseDate("2024-12-02"), jurisdiction.MustParseDate("2024-12-02")) {
		fmt.Println(c.Effective, c.Provision)
	}
	// Output:
	// 2024-12-02 15 CFR 734.4(a)(3)
	// 2024-12-02 15 CFR 734.4(a)(8)
	// 2024-12-02 15 CFR 734.4(a)(9)
	// 2024-12-02 15 CFR 734.9(e)(1)
	// 2024-12-02 15 CFR 734.9(e)(1)
	// 2024-12-02 15 CFR 734.9(e)(2)
	// 2024-12-02 15 CFR 734.9(e)(2)
	// 2024-12-02 15 CFR 734.9(e)(3)
	// 2024-12-02 15 CFR 734.9(i)
	// 2024-12-02 15 CFR 734.9(i)
	// 2024-12-02 15 CFR 734.9(k)
	// 2024-12-02 15 CFR 740.2(a)(9)(i)
	// 2024-12-02 15 CFR 740.2(a)(9)(ii)
	// 2024-12-02 15 CFR 740.25
	// 2024-12-02 Supp. No. 1 to part 774, 3A090.c
	// 2024-12-02 Supp. No. 1 to part 774, 3B993
	// 2024-12-02 Supp. No. 1 to part 774, 3B994
	// 2024-12-02 Supp. No. 1 to part 774, 3D993
	// 2024-12-02 Supp. No. 1 to part 774, 3D994
	// 2024-12-02 Supp. No. 1 to part 774, 3E993
	// 2024-12-02 Supp. No. 1 to part 774, 3E994
}
