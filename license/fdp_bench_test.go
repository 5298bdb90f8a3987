package license

import (
	"testing"

	"github.com/earcheck/ear/license/fdp"
)

// BenchmarkFDPEvaluate evaluates all thirteen rules for one query.
func BenchmarkFDPEvaluate(b *testing.B) {
	q := tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tDirect("3D991 us"), tParty(4), tTo("CN"))
	rules := fdp.Default()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := evaluateFDP(rules, q); err != nil {
			b.Fatal(err)
		}
	}
}
