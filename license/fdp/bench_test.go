package fdp

import "testing"

// BenchmarkTableLoad builds the FDP rule set from its data, as Default
// does once per process, on first use. The country tables and the CCL are
// Go literals with no such step.
func BenchmarkTableLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		s, err := NewSet(ruleData()...)
		if err != nil || s.Len() != 14 {
			b.Fatal(err)
		}
	}
}
