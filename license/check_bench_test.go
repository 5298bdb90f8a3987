package license

import (
	"fmt"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// BenchmarkCheck is a full Check (de minimis, the thirteen FDP rules, the
// license requirements) of an item with N bill-of-materials lines to China.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{50, 10000} {
		req := Request{
			AsOf: asOf, Item: benchItem(n), ExportedFrom: jurisdiction.Japan,
			Destination: jurisdiction.Destination{Country: jurisdiction.China},
			Parties:     PartiesOf(Party{Name: "customer", Role: RoleEndUser, Country: jurisdiction.China}),
			EndUses:     NoEndUses(), Incorporations: NoIncorporations(),
		}
		req.Item.DirectProductOf = productNoLineage()
		req.Item.Plant = productNoLineage()
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Check(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func productNoLineage() product.Lineage { return product.NoLineage() }
