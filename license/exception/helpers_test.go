package exception

import (
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// in builds an Input for an item classified eccn, bound for dest on asOf,
// with the parties known (none on the Unverified List, every headquarters
// given as hq) and the requirements given.
func in(t *testing.T, eccn, dest, asOf string, reqs ...Requirement) Input {
	t.Helper()
	e := product.MustParseECCN(eccn)
	entry, _ := ccl.Lookup(e.Entry())
	d := jurisdiction.Destination{Country: jurisdiction.MustParseCountry(dest)}
	date := jurisdiction.MustParseDate(asOf)
	gs, err := jurisdiction.GroupsOf(d.Country.TablesAs(), date)
	if err != nil {
		// Before the groups' history floor: the groups of the floor (the
		// cases that use such dates turn on the exception's own dates).
		gs, err = jurisdiction.GroupsOf(d.Country.TablesAs(), jurisdiction.GroupHistoryFloor())
		if err != nil {
			t.Fatal(err)
		}
	}
	return Input{ECCN: e, Kind: e.Kind(), Entry: entry, Destination: d, Groups: gs, AsOf: date,
		Requirements: reqs, Unverified: ear.No, HeadquartersComplete: true}
}

// chart is a Country Chart requirement for reason.
func chart(reason string) Requirement {
	r, err := ccl.ParseReason(reason)
	if err != nil {
		panic(err)
	}
	return Requirement{Citation: "15 CFR 738.4; Supp. No. 1 to part 738, column " + reason, Answer: ear.Yes, Basis: BasisChart, Reason: r}
}

// result returns the result for code.
func result(rs []Result, c Code) Result {
	for _, r := range rs {
		if r.Code == c {
			return r
		}
	}
	return Result{}
}
