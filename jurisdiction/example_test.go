package jurisdiction_test

import (
	"errors"
	"fmt"

	"github.com/earcheck/ear/jurisdiction"
)

func ExampleParseCountry() {
	c, err := jurisdiction.ParseCountry("hk")
	if err != nil {
		panic(err)
	}
	fmt.Println(c, c.Name(), "->", c.TablesAs().Name())

	// A dependent territory without a chart row of its own reads as its
	// parent country.
	ky := jurisdiction.MustParseCountry("KY")
	fmt.Println(ky, ky.Name(), "->", ky.TablesAs().Name())

	_, err = jurisdiction.ParseCountry("QZ")
	var ce *jurisdiction.CountryError
	if errors.As(err, &ce) {
		fmt.Println(ce.Kind)
	}
	// Output:
	// HK Hong Kong -> China
	// KY Cayman Islands -> United Kingdom
	// unknown
}

func ExampleGroupsOf() {
	d := jurisdiction.MustParseDate
	for _, asOf := range []string{"2024-03-14", "2024-03-15"} {
		gs, err := jurisdiction.GroupsOf(jurisdiction.Nicaragua, d(asOf))
		if err != nil {
			panic(err)
		}
		fmt.Println(asOf, gs)
	}
	gs, _ := jurisdiction.GroupsOf(jurisdiction.Macau, d("2026-11-28"))
	fmt.Println("Macau", gs, "in D:5:", gs.Has(jurisdiction.GroupD5))

	_, err := jurisdiction.GroupsOf(jurisdiction.China, d("2019-01-01"))
	fmt.Println(err != nil)
	// Output:
	// 2024-03-14 B
	// 2024-03-15 D:1 D:5
	// Macau D:1 D:3 D:4 in D:5: false
	// true
}

func ExampleChartRowOf() {
	row, _ := jurisdiction.ChartRowOf(jurisdiction.HongKong)
	fmt.Println(row.Name(), row.Cell(jurisdiction.NS2), row.Cell(jurisdiction.CC2))

	iran, _ := jurisdiction.ChartRowOf(jurisdiction.Iran)
	cites, _ := iran.PointerCitations()
	fmt.Println(iran.Cell(jurisdiction.AT1), cites)

	india, _ := jurisdiction.ChartRowOf(jurisdiction.India)
	f := india.Footnotes()[0]
	fmt.Println(india.Cell(jurisdiction.RS2), f.Number, f.ECCNs)
	// Output:
	// China X blank
	// see part 746 [15 CFR 746.7]
	// blank 7 [6A003.b.4.b 9A515.e]
}

func ExampleProgramsFor() {
	dest, err := jurisdiction.ParseDestination("UA", "crimea")
	if err != nil {
		panic(err)
	}
	ps, err := jurisdiction.ProgramsFor(dest, jurisdiction.MustParseDate("2026-11-28"))
	if err != nil {
		panic(err)
	}
	for _, p := range ps {
		fmt.Println(p.Citation, p.CCL, p.EAR99)
	}
	_, err = jurisdiction.ParseDestination("RU", "crimea")
	fmt.Println(err)
	// Output:
	// 15 CFR 746.6 all_ccl_except_comms_software ear99_except_food_medicine_comms_software
	// jurisdiction: destination.region: region "crimea" is a region of Ukraine (UA), not of RU
}

// Before 2025-09-30 the chart is the printed one with its recorded
// amendments undone: Australia's NS1 mark, removed on 2024-04-19 (89 FR
// 28594), is there the day before.
func ExampleChartRowAsOf_reconstructed() {
	for _, day := range []string{"2024-04-18", "2024-04-19"} {
		row, err := jurisdiction.ChartRowAsOf(jurisdiction.Australia, jurisdiction.MustParseDate(day))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(day, row.Cell(jurisdiction.NS1), row.Reconstructed())
	}
	// Output:
	// 2024-04-18 X true
	// 2024-04-19 blank true
}
