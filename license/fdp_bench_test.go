package license

import "testing"

// BenchmarkFDPEvaluate evaluates all thirteen rules for one query.
func BenchmarkFDPEvaluate(b *testing.B) {
	q := tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tDirect("3D991 us"), tParty(4), tTo("CN"))
	rules := DefaultFDPRules()
	b.ReportAllocs()
	for b.Loop() {
		if _, err := rules.Evaluate(q); err != nil {
			b.Fatal(err)
		}
	}
}
