package jurisdiction_test

import (
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func BenchmarkGroupsOf(b *testing.B) {
	asOf := jurisdiction.MustParseDate("2025-01-01")
	c := jurisdiction.UnitedArabEmirates
	var s jurisdiction.GroupSet
	for b.Loop() {
		s, _ = jurisdiction.GroupsOf(c, asOf)
	}
	if !s.Has(jurisdiction.GroupD3) {
		b.Fatal("UAE was in D:3 on 2025-01-01")
	}
}

func BenchmarkInGroupHongKong(b *testing.B) {
	asOf := jurisdiction.MustParseDate("2026-11-28")
	for b.Loop() {
		if in, err := jurisdiction.InGroup(jurisdiction.HongKong, jurisdiction.GroupD5, asOf); err != nil || !in {
			b.Fatal(in, err)
		}
	}
}

func BenchmarkParseCountry(b *testing.B) {
	for b.Loop() {
		if _, err := jurisdiction.ParseCountry("cn"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkChartCell(b *testing.B) {
	for b.Loop() {
		row, _ := jurisdiction.ChartRowOf(jurisdiction.China)
		if row.Cell(jurisdiction.NS2) != jurisdiction.CellX {
			b.Fatal("China NS2")
		}
	}
}
