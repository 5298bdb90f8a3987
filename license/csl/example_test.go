package csl_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
)

// Read a CSL download, index it, and resolve a party to its designations.
func ExampleNewIndex() {
	const data = `{"results": [
	 {"id": "x1", "source": "Entity List (EL) - Bureau of Industry and Security",
	  "name": "Example Foundry Corporation", "alt_names": ["EFC"],
	  "addresses": [{"country": "CN"}], "federal_register_notice": "89 FR 96837",
	  "license_requirement": "For all items subject to the EAR (See §§734.4(a)(9), 734.9(e)(3), and 744.11 of the EAR)5",
	  "license_policy": "Presumption of denial"}]}`
	file, err := csl.Read(strings.NewReader(data))
	if err != nil {
		fmt.Println(err)
		return
	}
	index := csl.NewIndex(file.Rows)
	d, _ := index.ResolveParty(context.Background(), csl.Query{Name: "EXAMPLE FOUNDRY CORP.", Country: jurisdiction.China})
	fmt.Println("source:", d.Source)
	fmt.Println("lists:", d.Lists())
	fmt.Println("footnotes:", d.Footnotes())
	for _, m := range d.Matches {
		fmt.Println(m.ID, m.Name, m.Designation.Citations.CitesFDP(), m.Designation.FederalRegisterNotice)
	}
	// Output:
	// source: csl_index
	// lists: [EL]
	// footnotes: 5
	// x1 Example Foundry Corporation [15 CFR 734.9(e)(3)] 89 FR 96837
}

// The footnote of an Entity List entry is a digit glued to a citation.
func ExampleClassifyRequirement() {
	c := csl.ClassifyRequirement("For all items subject to the EAR. (See §§ 734.9(g),3 746.8(a)(3), and 744.21(b) of the EAR)")
	fmt.Println(c.Footnotes, c.Marks()[0].Text)
	// Output: 3 734.9(g),3
}

// An index says the day its list was downloaded; a determination compares
// it with its as_of (license.WarnPartiesList).
func ExampleIndex_WithListDate() {
	file, err := csl.Read(strings.NewReader(`{"results": [{"id": "x1", "source": "Entity List (EL) - Bureau of Industry and Security", "name": "Example Foundry Corporation"}]}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	index := csl.NewIndex(file.Rows).WithListDate(jurisdiction.MustParseDate("2026-07-31"))
	fmt.Println(index.ListDate(), index.Len())
	// Output: 2026-07-31 1
}
