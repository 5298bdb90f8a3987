package fdp

import (
	"errors"
	"slices"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func TestNewSetRefuses(t *testing.T) {
	good := ruleData()[0]
	noCite := good
	noCite.Citation = Citation{}
	badCite := good
	badCite.Citation = MustParseCitation("15 CFR 744.11(a)")
	noDate := good
	noDate.Effective = jurisdiction.Date{}
	early := good
	early.Compliance = jurisdiction.MustParseDate("2000-01-01")
	noRoute := good
	noRoute.Product.Direct, noRoute.Product.Plant = nil, nil
	noReach := good
	noReach.Reach = nil
	noProvenance := good
	noProvenance.Provenance = nil
	badSource := good
	badSource.Provenance = []Source{{Ref: "89 FR 96790"}}
	for _, tt := range []struct {
		name  string
		rules []Rule
		want  error
	}{
		{"no citation", []Rule{noCite}, ErrRuleCitation},
		{"bad citation", []Rule{badCite}, ErrRuleCitation},
		{"duplicate", []Rule{good, good}, ErrRuleCitation},
		{"no effective date", []Rule{noDate}, ErrRuleEffective},
		{"compliance before effective", []Rule{early}, ErrRuleEffective},
		{"no route", []Rule{noRoute}, ErrRuleScope},
		{"no reach", []Rule{noReach}, ErrRuleScope},
		{"no provenance", []Rule{noProvenance}, ErrRuleProvenance},
		{"source without basis", []Rule{badSource}, ErrRuleProvenance},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewSet(tt.rules...)
			if !errors.Is(err, tt.want) {
				t.Fatalf("error %v, want %v", err, tt.want)
			}
			if _, ok := errors.AsType[*RuleError](err); !ok {
				t.Errorf("error %T, want a *RuleError", err)
			}
		})
	}
	// Out of order in, CFR order out; copies are independent.
	data := ruleData()
	slices.Reverse(data)
	s, err := NewSet(data...)
	if err != nil {
		t.Fatal(err)
	}
	rs := s.Rules()
	last := len(rs) - 1
	if rs[0].Citation.String() != "15 CFR 734.9(b)" || rs[3].Citation.String() != "15 CFR 734.9(e)(1)" || rs[last].Citation.String() != "15 CFR 734.9(l)" {
		t.Errorf("not in CFR order: %s %s %s", rs[0].Citation, rs[3].Citation, rs[last].Citation)
	}
	for i := 1; i < len(rs); i++ {
		if rs[i].Citation == rs[i-1].Citation && !rs[i-1].Effective.Before(rs[i].Effective) {
			t.Errorf("the versions of %s are not in date order: %s %s", rs[i].Citation, rs[i-1].Effective, rs[i].Effective)
		}
	}
	rs[0].Product.Item.Test = ItemAny
	rs[3].Product.Direct.Patterns[0] = MustParsePattern("9E999")
	again := s.Rules()
	if again[0].Product.Item.Test != ItemNSControlled || again[3].Product.Direct.Patterns[0].ECCN.String() != "3D001" {
		t.Error("Rules returned shared state")
	}
}

// TestVersions: two versions of a paragraph may be registered when their
// periods do not overlap, and RuleAt picks the one in force.
func TestVersions(t *testing.T) {
	j := MustParseCitation("15 CFR 734.9(j)")
	s := Default()
	for d, wantMax := range map[string]int{"2023-03-01": 7, "2024-07-22": 7, "2024-07-23": 9, "2026-11-28": 9} {
		r, ok := s.RuleAt(j, jurisdiction.MustParseDate(d))
		if !ok || r.Product.Item.MaxCategory != wantMax {
			t.Errorf("(j) on %s: %v, max category %d, want %d", d, ok, r.Product.Item.MaxCategory, wantMax)
		}
	}
	if _, ok := s.RuleAt(j, jurisdiction.MustParseDate("2023-02-23")); ok {
		t.Error("(j) in force before 2023-02-24")
	}
	var v []Rule
	for _, r := range s.Rules() {
		if r.Citation == j {
			v = append(v, r)
		}
	}
	overlapping := v[1]
	overlapping.Effective = jurisdiction.MustParseDate("2024-01-01")
	if _, err := NewSet(v[0], overlapping); !errors.Is(err, ErrRuleCitation) {
		t.Errorf("overlapping versions: %v, want ErrRuleCitation", err)
	}
	bad := v[0]
	bad.Until = bad.Effective
	if _, err := NewSet(bad); !errors.Is(err, ErrRuleEffective) {
		t.Errorf("until on the effective date: %v, want ErrRuleEffective", err)
	}
}
