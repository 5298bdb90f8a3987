package fdp

import "testing"

// BenchmarkTableLoad builds the FDP rule set from its data, as Default
// does once per process, on first use. The country tables and the CCL are
// Go literals with no such step.
func BenchmarkTableLoad(b *testing.B) {
	want := Default().Len()
	b.ReportAllocs()
	for b.Loop() {
		s, err := newSet(ruleData(), true)
		if err != nil || s.Len() != want {
			b.Fatalf("%d rules, want %d: %v", s.Len(), want, err)
		}
	}
}
