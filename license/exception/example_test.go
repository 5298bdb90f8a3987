package exception_test

import (
	"fmt"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// A US 3A001.a.7 FPGA needs an NS license to Brazil; License Exception
// GBS overcomes it.
func ExampleEvaluate() {
	e := product.MustParseECCN("3A001.a.7")
	entry, _ := ccl.Lookup(e.Entry())
	asOf := jurisdiction.MustParseDate("2026-11-28")
	br := jurisdiction.MustParseCountry("BR")
	groups, _ := jurisdiction.GroupsOf(br, asOf)
	ns := exception.Requirement{Citation: "15 CFR 738.4; Supp. No. 1 to part 738, column NS2", Answer: ear.Yes,
		Basis: exception.BasisChart, Reason: ccl.ReasonNS}
	results := exception.Evaluate(exception.Input{
		ECCN: e, Kind: product.Commodity, Entry: entry,
		Destination: jurisdiction.Destination{Country: br}, Groups: groups,
		ExportedFrom: jurisdiction.UnitedStates, AsOf: asOf,
		Requirements: []exception.Requirement{ns},
		Unverified:   ear.No, HeadquartersComplete: true,
		Facts: exception.Facts{}.WithOthersNone(true), // a plain sale
	})
	for _, r := range results {
		if r.Code == exception.GBS || r.Code == exception.TMP {
			fmt.Println(r.Code, r.Outcome)
		}
	}
	fmt.Println("covered:", exception.Covered([]exception.Requirement{ns}, results))
	// Output:
	// GBS available
	// TMP not_available
	// covered: yes
}

// The paragraph of an exception whose terms the export meets, as the wire
// format's exception_facts.meets states it.
func ExampleParseParagraph() {
	p, err := exception.ParseParagraph(exception.TMP, "740.9(a)(9)")
	fmt.Println(p, err)
	_, err = exception.ParseParagraph(exception.TMP, "740.10(a)")
	fmt.Println(err)
	// Output:
	// 740.9(a)(9) <nil>
	// invalid: "740.10(a)" is not a paragraph of 15 CFR 740.9 (License Exception TMP)
}

func ExampleComputerTier3() {
	day := jurisdiction.MustParseDate("2026-06-01")
	fmt.Println(exception.ComputerTier3(jurisdiction.Destination{Country: jurisdiction.China}, day))
	fmt.Println(exception.ComputerTier3(jurisdiction.Destination{Country: jurisdiction.Germany}, day))
	fmt.Println(exception.ComputerTier3(jurisdiction.Destination{Country: jurisdiction.MustParseCountry("MM")}, jurisdiction.MustParseDate("2022-06-01")))
	// Output:
	// yes
	// no
	// indeterminate
}
