package recheck

import (
	"slices"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license"
)

// TestLinePairs pairs de minimis lines by id: index by index when both
// sides list the same ids, by lookup when the order differs, one side
// alone when the other lists none; and the statuses read from the pairs.
func TestLinePairs(t *testing.T) {
	l := func(id string, counted bool) license.DeMinimisLine {
		st := ear.No
		if counted {
			st = ear.Yes
		}
		return license.DeMinimisLine{ID: id, Counted: counted, Status: st}
	}
	type pair struct{ id, b, a string }
	tests := []struct {
		name string
		b, a []license.DeMinimisLine
		want []pair
	}{
		{"same order", []license.DeMinimisLine{l("x", true), l("y", false)}, []license.DeMinimisLine{l("x", true), l("y", true)},
			[]pair{{"x", "counted", "counted"}, {"y", "not counted (no)", "counted"}}},
		{"other order and one more", []license.DeMinimisLine{l("x", true), l("y", false)}, []license.DeMinimisLine{l("z", true), l("y", true), l("x", false)},
			[]pair{{"x", "counted", "not counted (no)"}, {"y", "not counted (no)", "counted"}, {"z", "", "counted"}}},
		{"same length, other ids", []license.DeMinimisLine{l("x", true)}, []license.DeMinimisLine{l("w", true)},
			[]pair{{"x", "counted", ""}, {"w", "", "counted"}}},
		{"before only", []license.DeMinimisLine{l("x", true)}, nil, []pair{{"x", "counted", ""}}},
		{"after only", nil, []license.DeMinimisLine{l("x", false)}, []pair{{"x", "", "not counted (no)"}}},
		{"none", nil, nil, []pair{}},
	}
	for _, tt := range tests {
		var got []pair
		for _, p := range linePairs(tt.b, tt.a) {
			got = append(got, pair{p.id, lineStatus(p.b), lineStatus(p.a)})
		}
		if !slices.Equal(got, tt.want) && (len(got) != 0 || len(tt.want) != 0) {
			t.Errorf("%s: got %v, want %v", tt.name, got, tt.want)
		}
	}
}
