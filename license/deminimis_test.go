package license

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/origin"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// dmLine is a shorthand for a bill-of-materials line.
func dmLine(id, eccn, org, amount string) product.Line {
	l := product.Line{ID: id, Origin: mustOrigin(org), Value: product.MustParseMoney(amount, "USD"), Quantity: product.QuantityOf(1), Relation: product.Incorporated}
	if eccn != "" {
		l.ECCN = product.MustParseECCN(eccn)
	}
	return l
}

// bundled makes a line software bundled with the item.
func bundled(l product.Line) product.Line { l.Relation = product.Bundled; return l }

// notIC marks a line as not an integrated circuit.
func notIC(l product.Line) product.Line { l.IntegratedCircuit = product.BoolFalse; return l }

// fromKorea makes the item Korean-made and exported from Korea (no
// first-export exclusion of 734.4(a)(3)).
func fromKorea(q *DeMinimisQuery) {
	q.Item.ProducedIn, q.ExportedFrom = jurisdiction.MustParseCountry("KR"), jurisdiction.MustParseCountry("KR")
}

func dmItem(eccn, value string, lines ...product.Line) product.Item {
	kind := product.MustParseECCN(eccn).Kind()
	if !kind.IsValid() {
		kind = product.Commodity
	}
	return product.Item{ID: "x", ECCN: product.MustParseECCN(eccn), Kind: kind, ProducedIn: jurisdiction.Japan, Value: product.MustParseMoney(value, "USD"), Components: lines}
}

func dmQuery(it product.Item, dest string) DeMinimisQuery {
	return DeMinimisQuery{Item: it, Destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry(dest)}, ExportedFrom: jurisdiction.Japan, AsOf: asOf, Parties: NoParties(), EndUses: NoEndUses()}
}

func mustDM(t *testing.T, q DeMinimisQuery) DeMinimisResult {
	t.Helper()
	r, err := DeMinimis(q)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestDeMinimisBoundaries: exactly at the level is within; one unit above
// exceeds. 3A001.a.7 (NS2) is controlled content to China (25 %) and Iran
// (10 %, via 746.7).
func TestDeMinimisBoundaries(t *testing.T) {
	tests := []struct {
		dest, amount string
		want         DeMinimisOutcome
		level        string
	}{
		{"CN", "250000.00", DeMinimisWithin, "25"},
		{"CN", "250000.01", DeMinimisExceeds, "25"},
		{"CN", "249999.99", DeMinimisWithin, "25"},
		{"IR", "100000.00", DeMinimisWithin, "10"},
		{"IR", "100000.01", DeMinimisExceeds, "10"},
		{"CU", "100000.00", DeMinimisWithin, "10"},
		{"CU", "100000.01", DeMinimisExceeds, "10"},
	}
	for _, tt := range tests {
		t.Run(tt.dest+"/"+tt.amount, func(t *testing.T) {
			r := mustDM(t, dmQuery(dmItem("2B991", "1000000.00", dmLine("c1", "3A001.a.7", "us", tt.amount)), tt.dest))
			if r.Outcome != tt.want || r.ThresholdPercent != tt.level {
				t.Fatalf("got %s at %s %%, want %s at %s %%\n%s", r.Outcome, r.ThresholdPercent, tt.want, tt.level, r.Worksheet())
			}
		})
	}
}

func TestDeMinimisCategories(t *testing.T) {
	ic := func(l product.Line) product.Line { l.IntegratedCircuit = product.BoolTrue; return l }
	tests := []struct {
		name string
		item product.Item
		dest string
		mod  func(*DeMinimisQuery)
		cite string
		want ear.Answer
		asOf string
	}{
		{"(a)(1) 4A003 with 3A001 to Computer Tier 3", dmItem("4A003.b", "1000000", dmLine("c1", "3A001.a.1.a", "us", "10")), "CN", nil, "15 CFR 734.4(a)(1)", ear.Yes, ""},
		{"(a)(1) 4A003 with 3A001 to Tier 1 (Germany)", dmItem("4A003.b", "1000000", dmLine("c1", "3A001.a.1.a", "us", "10")), "DE", nil, "15 CFR 734.4(a)(1)", ear.No, ""},
		{"(a)(1) 5A992.c server with 3A001 to Tier 3: open", dmItem("5A992.c", "1000000", dmLine("c1", "3A001.a.7", "us", "5000")), "CN", nil, "15 CFR 734.4(a)(1)", ear.Indeterminate, ""},
		{"(a)(1) not a computer", dmItem("2B991", "1000000", dmLine("c1", "3A001.a.1.a", "us", "10")), "DE", nil, "15 CFR 734.4(a)(1)", ear.No, ""},
		// "(other than memory circuits)": 3A001.a.2 includes storage ICs.
		{"(a)(1) a 3A001.a.2 line may be memory", dmItem("4A003.b", "1000000", dmLine("c1", "3A001.a.2", "us", "10")), "IN", nil, "15 CFR 734.4(a)(1)", ear.Indeterminate, ""},
		{"(a)(1) 3A001.a.7 is no memory circuit", dmItem("4A003.b", "1000000", dmLine("c1", "3A001.a.7", "us", "10")), "IN", nil, "15 CFR 734.4(a)(1)", ear.Yes, ""},
		{"(a)(1) 4A994 computer with 4A994.j to Iran", dmItem("4A994.b", "1000000", dmLine("c1", "4A994.j", "us", "10")), "IR", nil, "15 CFR 734.4(a)(1)", ear.Yes, ""},
		{"(a)(1) 4A994 computer with 4A994.j to Germany", dmItem("4A994.b", "1000000", dmLine("c1", "4A994.j", "us", "10")), "DE", nil, "15 CFR 734.4(a)(1)", ear.No, ""},
		// The APP decides, not the ECCN: a Category 5 Part 2 server may be a
		// computer exceeding 4A994.b's APP; a 4A090 one may exceed 4A003.b's.
		{"(a)(1) 5A992.c server with 3A001 to Iran: open", dmItem("5A992.c", "1000000", dmLine("c1", "3A001.a.7", "us", "5000")), "IR", nil, "15 CFR 734.4(a)(1)", ear.Indeterminate, ""},
		{"(a)(1) 5A002.a with 3A001 to Cuba: open", dmItem("5A002.a", "1000000", dmLine("c1", "3A001.a.7", "us", "5000")), "CU", nil, "15 CFR 734.4(a)(1)", ear.Indeterminate, ""},
		{"(a)(1) 5A992.c server with 3A001 to Germany", dmItem("5A992.c", "1000000", dmLine("c1", "3A001.a.7", "us", "5000")), "DE", nil, "15 CFR 734.4(a)(1)", ear.No, ""},
		{"(a)(1) 4A090 computer with 3A001 to Tier 3: open", dmItem("4A090.a", "1000000", dmLine("c1", "3A001.a.7", "us", "5000")), "AE", nil, "15 CFR 734.4(a)(1)", ear.Indeterminate, ""},
		{"(a)(2) 5E002 technology", dmItem("5E002.a", "1000000", commingled(dmLine("c1", "5E002.a", "us", "10"))), "DE", nil, "15 CFR 734.4(a)(2)", ear.Yes, ""},
		{"(a)(2) foreign 5E002", dmItem("5E002.a", "1000000", commingled(dmLine("c1", "5E002.a", "foreign", "10"))), "DE", nil, "15 CFR 734.4(a)(2)", ear.No, ""},
		{"(a)(3) advanced node", dmItem("3B993.f.1", "1000000", dmLine("c1", "EAR99", "us", "10")), "CN", func(q *DeMinimisQuery) {
			fromKorea(q)
			q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC})
		}, "15 CFR 734.4(a)(3)", ear.Yes, ""},
		{"(a)(3) no such end use", dmItem("3B993.f.1", "1000000", dmLine("c1", "EAR99", "us", "10")), "CN", fromKorea, "15 CFR 734.4(a)(3)", ear.No, ""},
		{"(a)(3) end uses unknown", dmItem("3B993.f.1", "1000000", dmLine("c1", "EAR99", "us", "10")), "CN", func(q *DeMinimisQuery) { fromKorea(q); q.EndUses = EndUses{} }, "15 CFR 734.4(a)(3)", ear.Indeterminate, ""},
		// Footnote 1 to 734.4(a)(3): Japan has controlled the equipment since 2023-07-23, the Netherlands since 2024-09-09.
		{"(a)(3) first exported from Japan", dmItem("3B993.f.1", "1000000", dmLine("c1", "EAR99", "us", "10")), "CN", func(q *DeMinimisQuery) { q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC}) }, "15 CFR 734.4(a)(3)", ear.No, ""},
		{"(a)(3) first exported from the Netherlands", dmItem("3B993.f.1", "1000000", dmLine("c1", "EAR99", "us", "10")), "CN", func(q *DeMinimisQuery) {
			q.Item.ProducedIn, q.ExportedFrom = jurisdiction.MustParseCountry("NL"), jurisdiction.MustParseCountry("NL")
			q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC})
		}, "15 CFR 734.4(a)(3)", ear.No, ""},
		{"(a)(3) Japanese-made, reexported from Singapore", dmItem("3B993.f.1", "1000000", dmLine("c1", "EAR99", "us", "10")), "CN", func(q *DeMinimisQuery) {
			q.ExportedFrom = jurisdiction.MustParseCountry("SG")
			q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC})
		}, "15 CFR 734.4(a)(3)", ear.Yes, ""},
		{"(a)(3) before it took effect", dmItem("3B993.f.1", "1000000", dmLine("c1", "EAR99", "us", "10")), "CN", func(q *DeMinimisQuery) { q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC}) }, "15 CFR 734.4(a)(3)", 0, "2024-06-01"},
		{"(a)(4) 9E003.a.1", dmItem("9E003.a.1", "1000000", commingled(dmLine("c1", "9E003.a.1", "us", "10"))), "DE", nil, "15 CFR 734.4(a)(4)", ear.Yes, ""},
		{"(a)(4) 9E003.c not listed", dmItem("9E003.c", "1000000", commingled(dmLine("c1", "9E003.c", "us", "10"))), "DE", nil, "15 CFR 734.4(a)(4)", ear.No, ""},
		{"(a)(5) 0A919 with US camera to D:5", dmItem("0A919.a.1", "1000000", dmLine("c1", "6A003.b.4.b", "us", "10")), "CN", nil, "15 CFR 734.4(a)(5)", ear.Yes, ""},
		{"(a)(5) not D:5", dmItem("0A919.a.1", "1000000", dmLine("c1", "6A003.b.4.b", "us", "10")), "DE", nil, "15 CFR 734.4(a)(5)", ear.No, ""},
		{"(a)(6)(i) 9A515.d to D:5", dmItem("9A515.a", "1000000", dmLine("c1", "9A515.d", "us", "10")), "VE", nil, "15 CFR 734.4(a)(6)(i)", ear.Yes, ""},
		{"(a)(6)(i) .y is not (i)", dmItem("9A515.a", "1000000", dmLine("c1", "9A515.y", "us", "10")), "VE", nil, "15 CFR 734.4(a)(6)(i)", ear.No, ""},
		{"(a)(6)(ii) .y to Russia", dmItem("9A515.a", "1000000", dmLine("c1", "9A610.y.1", "us", "10")), "RU", nil, "15 CFR 734.4(a)(6)(ii)", ear.Yes, ""},
		{"(a)(6)(ii) .y to Venezuela is not (ii)", dmItem("9A515.a", "1000000", dmLine("c1", "9A610.y.1", "us", "10")), "VE", nil, "15 CFR 734.4(a)(6)(ii)", ear.No, ""},
		{"(a)(6)(ii) unknown-origin .y", dmItem("9A515.a", "1000000", dmLine("c1", "9A610.y.1", "unknown", "10")), "CN", nil, "15 CFR 734.4(a)(6)(ii)", ear.Indeterminate, ""},
		{"(a)(8) SME with US IC to Macau", dmItem("3B001.c.1.a", "1000000", ic(dmLine("c1", "3A991.p", "us", "10"))), "MO", nil, "15 CFR 734.4(a)(8)", ear.Yes, ""},
		{"(a)(8) SME to Japan", dmItem("3B001.c.1.a", "1000000", ic(dmLine("c1", "3A991.p", "us", "10"))), "JP", nil, "15 CFR 734.4(a)(8)", ear.No, ""},
		{"(a)(8) no IC", dmItem("3B001.c.1.a", "1000000", notIC(dmLine("c1", "3A001.b.2", "us", "10"))), "CN", nil, "15 CFR 734.4(a)(8)", ear.No, ""},
		{"(a)(8) IC not stated", dmItem("3B001.c.1.a", "1000000", dmLine("c1", "3A001.b.2", "us", "10")), "CN", nil, "15 CFR 734.4(a)(8)", ear.Indeterminate, ""},
		// "a U.S.-origin integrated circuit specified under Category 3, 4, or 5 of the CCL": an EAR99 IC does not count.
		{"(a)(8) EAR99 IC", dmItem("3B001.c.1.a", "1000000", ic(dmLine("c1", "EAR99", "us", "10"))), "CN", nil, "15 CFR 734.4(a)(8)", ear.No, ""},
		{"(a)(8) Category 5 IC", dmItem("3B001.c.1.a", "1000000", ic(dmLine("c1", "5A991", "us", "10"))), "CN", nil, "15 CFR 734.4(a)(8)", ear.Yes, ""},
		{"(a)(8) f.6 is listed", dmItem("3B001.f.6", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", nil, "15 CFR 734.4(a)(8)", ear.Yes, ""},
		// The text of 2024-12-05 does not list f.6 in (a)(8); 90 FR 5298
		// (effective 2025-01-16) does.
		{"(a)(8) f.6 before 2025-01-16", dmItem("3B001.f.6", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", nil, "15 CFR 734.4(a)(8)", ear.No, "2025-01-15"},
		{"(a)(8) f.6 from 2025-01-16", dmItem("3B001.f.6", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", nil, "15 CFR 734.4(a)(8)", ear.Yes, "2025-01-16"},
		{"(a)(8) k is listed", dmItem("3B001.k", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", nil, "15 CFR 734.4(a)(8)", ear.Yes, ""},
		{"(a)(8) 3B001.e is not listed", dmItem("3B001.e", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", nil, "15 CFR 734.4(a)(8)", ear.No, ""},
		{"(a)(8) software line is no IC", dmItem("3B001.c.1.a", "1000000", bundled(dmLine("c1", "3D001", "us", "10"))), "CN", nil, "15 CFR 734.4(a)(8)", ear.No, ""},
		{"(a)(8) 3A090.a line is an IC", dmItem("3B001.c.1.a", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", nil, "15 CFR 734.4(a)(8)", ear.Yes, ""},
		{"(a)(9) IC not stated", dmItem("3B993", "1000000", dmLine("c1", "3A001.b.2", "us", "10")), "JP", func(q *DeMinimisQuery) {
			q.Parties = PartiesOf(Party{Name: "x", Role: RoleEndUser, EntityListFootnotes: []int{5}})
		}, "15 CFR 734.4(a)(9)", ear.Indeterminate, ""},
		{"(a)(9) 3B with IC, footnote 5", dmItem("3B993", "1000000", ic(dmLine("c1", "3A991.p", "us", "10"))), "JP", func(q *DeMinimisQuery) {
			q.Parties = PartiesOf(Party{Name: "x", Role: RoleEndUser, EntityListFootnotes: []int{5}})
		}, "15 CFR 734.4(a)(9)", ear.Yes, ""},
		{"(a)(9) no footnote 5 party", dmItem("3B993", "1000000", ic(dmLine("c1", "3A991.p", "us", "10"))), "JP", nil, "15 CFR 734.4(a)(9)", ear.No, ""},
		{"(a)(9) parties unknown", dmItem("3B993", "1000000", ic(dmLine("c1", "3A991.p", "us", "10"))), "JP", func(q *DeMinimisQuery) { q.Parties = Parties{} }, "15 CFR 734.4(a)(9)", ear.Indeterminate, ""},
		{"(a)(9) SME of (a)(8) is excepted", dmItem("3B001.c.1.a", "1000000", dmLine("c1", "3A090.a", "us", "10")), "JP", func(q *DeMinimisQuery) {
			q.Parties = PartiesOf(Party{Name: "F5", Role: RoleEndUser, EntityListFootnotes: []int{5}})
		}, "15 CFR 734.4(a)(9)", ear.No, ""},
		// 3B001.f.6 is excepted from (a)(9) from 2025-01-16 (90 FR 5298), not
		// in the text of 2024-12-05.
		{"(a)(9) 3B001.f.6 excepted", dmItem("3B001.f.6", "1000000", dmLine("c1", "3A090.a", "us", "10")), "KR", func(q *DeMinimisQuery) {
			q.Parties = PartiesOf(Party{Name: "F5", Role: RoleEndUser, EntityListFootnotes: []int{5}})
		}, "15 CFR 734.4(a)(9)", ear.No, ""},
		{"(a)(9) 3B001.f.6 before 2025-01-16", dmItem("3B001.f.6", "1000000", dmLine("c1", "3A090.a", "us", "10")), "KR", func(q *DeMinimisQuery) {
			q.Parties = PartiesOf(Party{Name: "F5", Role: RoleEndUser, EntityListFootnotes: []int{5}})
		}, "15 CFR 734.4(a)(9)", ear.Yes, "2024-12-20"},
		{"(a)(9) EAR99 IC", dmItem("3B993", "1000000", ic(dmLine("c1", "EAR99", "us", "10"))), "JP", func(q *DeMinimisQuery) {
			q.Parties = PartiesOf(Party{Name: "F5", Role: RoleEndUser, EntityListFootnotes: []int{5}})
		}, "15 CFR 734.4(a)(9)", ear.No, ""},
		// The facility prong, from 2025-01-16: an advanced-node facility in Macau or D:5.
		{"(a)(9) advanced-node facility in China", dmItem("3B993", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", func(q *DeMinimisQuery) {
			q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC})
		}, "15 CFR 734.4(a)(9)", ear.Yes, ""},
		{"(a)(9) facility not located, end user in China, shipped to Singapore", dmItem("3B993", "1000000", dmLine("c1", "3A090.a", "us", "10")), "SG", func(q *DeMinimisQuery) {
			q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC})
			q.Parties = PartiesOf(Party{Name: "fab", Role: RoleEndUser, Country: jurisdiction.China})
		}, "15 CFR 734.4(a)(9)", ear.Yes, ""},
		{"(a)(9) facility in China, shipped to Singapore", dmItem("3B993", "1000000", dmLine("c1", "3A090.a", "us", "10")), "SG", func(q *DeMinimisQuery) {
			q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC, LocatedIn: jurisdiction.China})
		}, "15 CFR 734.4(a)(9)", ear.Yes, ""},
		{"(a)(9) facility prong before 2025-01-16", dmItem("3B993", "1000000", dmLine("c1", "3A090.a", "us", "10")), "CN", func(q *DeMinimisQuery) {
			q.EndUses = EndUsesOf(EndUseFact{Use: fdp.EndUseAdvancedNodeIC})
		}, "15 CFR 734.4(a)(9)", ear.No, "2025-01-10"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := dmQuery(tt.item, tt.dest)
			if tt.mod != nil {
				tt.mod(&q)
			}
			if tt.asOf != "" {
				q.AsOf = jurisdiction.MustParseDate(tt.asOf)
			}
			r := mustDM(t, q)
			var got ear.Answer
			for _, c := range r.Categories {
				if c.Citation == tt.cite {
					got = c.Outcome
				}
			}
			if got != tt.want {
				t.Fatalf("%s: got %v, want %v\n%s", tt.cite, got, tt.want, r.Worksheet())
			}
			if tt.want == ear.Yes && r.Outcome != DeMinimisNoLevel {
				t.Errorf("outcome %s, want no_de_minimis_level", r.Outcome)
			}
			if tt.want == ear.Indeterminate && (r.Outcome != DeMinimisIndeterminate || len(r.Missing) == 0) {
				t.Errorf("outcome %s missing %v, want indeterminate naming a fact", r.Outcome, r.Missing)
			}
		})
	}
}

func commingled(l product.Line) product.Line { l.Relation = product.Commingled; return l }

func TestDeMinimisLines(t *testing.T) {
	t.Run("unknown origin that cannot change the outcome", func(t *testing.T) {
		r := mustDM(t, dmQuery(dmItem("2B991", "100000", dmLine("c1", "3A001.a.7", "us", "10000"), dmLine("c2", "3A001.a.7", "unknown", "5000")), "CN"))
		if r.Outcome != DeMinimisWithin || len(r.Missing) != 0 {
			t.Fatalf("got %s %v", r.Outcome, r.Missing)
		}
	})
	t.Run("unknown origin that could", func(t *testing.T) {
		q := dmQuery(dmItem("2B991", "100000", dmLine("c1", "3A001.a.7", "us", "10000"), dmLine("c2", "3A001.a.7", "unknown", "20000")), "CN")
		r := mustDM(t, q)
		if r.Outcome != DeMinimisIndeterminate || r.Missing[0].Field != "item.components[1].origin" {
			t.Fatalf("got %s %v", r.Outcome, r.Missing)
		}
		q.Options.UnknownOrigin = UnknownOriginControlled
		if r = mustDM(t, q); r.Outcome != DeMinimisExceeds || r.ControlledPercent != "30" {
			t.Fatalf("policy controlled: got %s %s", r.Outcome, r.ControlledPercent)
		}
	})
	t.Run("paragraph needed", func(t *testing.T) {
		r := mustDM(t, dmQuery(dmItem("2B991", "100000", dmLine("c1", "3A090", "us", "30000")), "DE"))
		if r.Outcome != DeMinimisIndeterminate {
			t.Fatalf("got %s", r.Outcome)
		}
	})
	t.Run("quantity multiplies", func(t *testing.T) {
		l := dmLine("c1", "3A001.a.7", "us", "10000")
		l.Quantity = product.QuantityOf(3)
		r := mustDM(t, dmQuery(dmItem("2B991", "100000", l), "CN"))
		if r.Outcome != DeMinimisExceeds || r.ControlledPercent != "30" {
			t.Fatalf("got %s %s", r.Outcome, r.ControlledPercent)
		}
	})
	t.Run("Russia from a partner country drops AT-only content", func(t *testing.T) {
		q := dmQuery(dmItem("EAR99", "1000", dmLine("c1", "3A991.a.2", "us", "300")), "RU")
		q.ExportedFrom = jurisdiction.Germany
		if r := mustDM(t, q); r.Outcome != DeMinimisWithin || r.Lines[0].Counted {
			t.Fatalf("from DE: got %s", r.Outcome)
		}
		q.ExportedFrom = jurisdiction.China
		if r := mustDM(t, q); r.Outcome != DeMinimisExceeds {
			t.Fatalf("from CN: got %s", r.Outcome)
		}
		q.ExportedFrom = jurisdiction.Country{}
		if r := mustDM(t, q); r.Outcome != DeMinimisIndeterminate || !slices.ContainsFunc(r.Missing, func(m MissingFact) bool { return m.Field == "exported_from" }) {
			t.Fatalf("from unknown: got %s %v", r.Outcome, r.Missing)
		}
	})
	t.Run("encryption status", func(t *testing.T) {
		l := dmLine("c1", "5A002.a", "us", "100")
		q := dmQuery(dmItem("2B991", "100000", l), "CN")
		if r := mustDM(t, q); r.Outcome != DeMinimisIndeterminate || !strings.HasSuffix(r.Missing[0].Field, ".encryption") {
			t.Fatalf("no status: got %s %v", r.Outcome, r.Missing)
		}
		q.Item.Components[0].Encryption = product.EncryptionB3
		if r := mustDM(t, q); r.Outcome != DeMinimisWithin {
			t.Fatalf("740.17(b)(3): got %s", r.Outcome)
		}
	})
	t.Run("not foreign-made", func(t *testing.T) {
		it := dmItem("2B991", "1000")
		it.ProducedIn = jurisdiction.UnitedStates
		if r := mustDM(t, dmQuery(it, "CN")); r.Outcome != DeMinimisNotApplicable {
			t.Fatalf("got %s", r.Outcome)
		}
	})
	t.Run("technology needs the one-time report", func(t *testing.T) {
		it := dmItem("3E003.b", "500000", commingled(dmLine("c1", "3E003.b", "us", "1000")))
		if r := mustDM(t, dmQuery(it, "CN")); r.Outcome != DeMinimisIndeterminate || r.Missing[0].Field != "item.one_time_report" {
			t.Fatalf("no report: got %s %v", r.Outcome, r.Missing)
		}
		it.OneTimeReport = product.OneTimeReport{FiledOn: jurisdiction.MustParseDate("2026-01-01")}
		if r := mustDM(t, dmQuery(it, "CN")); r.Outcome != DeMinimisWithin {
			t.Fatalf("report filed: got %s", r.Outcome)
		}
		// BIS objected: no level, citing the paragraph that asks for the
		// report (734.4(d)(3) for China, (c)(3) for Cuba).
		it.OneTimeReport.Objection = true
		for dest, cite := range map[string]string{"CN": "15 CFR 734.4(d)(3)", "CU": "15 CFR 734.4(c)(3)"} {
			if r := mustDM(t, dmQuery(it, dest)); r.Outcome != DeMinimisNoLevel || r.Citation != cite {
				t.Errorf("objection, %s: got %s %q, want %s", dest, r.Outcome, r.Citation, cite)
			}
		}
	})
}

func TestDeMinimisErrors(t *testing.T) {
	eur := dmItem("2B991", "1000", dmLine("c1", "3A001.a.7", "us", "10"))
	eur.Value = product.MustParseMoney("1000", "EUR")
	_, err := DeMinimis(dmQuery(eur, "CN"))
	if re, ok := errors.AsType[*product.FieldError](err); !ok || re.Field != "item.components[0].value.currency" {
		t.Fatalf("mixed currencies without a rate: %v", err)
	}
	rates, _ := origin.NewRates(asOf, origin.Rate{From: product.MustParseCurrency("EUR"), To: product.MustParseCurrency("USD"), Rate: decimal.RequireFromString("1.25")})
	q := dmQuery(eur, "CN")
	q.Rates = rates
	r := mustDM(t, q)
	if r.ControlledValue.AmountString() != "8.00" || r.ControlledPercent != "0.8" {
		t.Fatalf("inverse rate: got %s %s", r.ControlledValue, r.ControlledPercent)
	}
	bad := dmItem("2B991", "0")
	if _, err := DeMinimis(dmQuery(bad, "CN")); err == nil {
		t.Fatal("a zero item value must be an error")
	}
	if _, err := DeMinimis(DeMinimisQuery{Item: dmItem("2B991", "1"), AsOf: asOf}); err == nil {
		t.Fatal("a missing destination must be an error")
	}
}

// TestDeMinimisProperties checks, over random bills of materials, that the
// order of lines and a common scale change nothing, and that raising a
// controlled line never turns exceeds into within.
func TestDeMinimisProperties(t *testing.T) {
	eccns := []string{"3A001.a.7", "3A991.a.2", "EAR99", "5A992.c", "9A515.y", "3A090.b", "4A994.j", "2B001.a"}
	origins := []string{"us", "us", "foreign", "unknown"}
	dests := []string{"CN", "DE", "RU", "IR", "AE", "IN"}
	rng := rand.New(rand.NewPCG(1, 2))
	for n := range 300 {
		var lines []product.Line
		for i := range 1 + rng.IntN(8) {
			lines = append(lines, dmLine(fmt.Sprintf("c%d", i), eccns[rng.IntN(len(eccns))], origins[rng.IntN(len(origins))], fmt.Sprintf("%d.%02d", rng.IntN(50000), rng.IntN(100))))
		}
		dest := dests[rng.IntN(len(dests))]
		item := dmItem("2B991", fmt.Sprintf("%d", 100000+rng.IntN(100000)), lines...)
		base := mustDM(t, dmQuery(item, dest))

		rev := item
		rev.Components = nil
		for i := len(lines) - 1; i >= 0; i-- {
			rev.Components = append(rev.Components, lines[i])
		}
		if r := mustDM(t, dmQuery(rev, dest)); r.Outcome != base.Outcome || r.ControlledPercent != base.ControlledPercent {
			t.Fatalf("case %d: reordering changed %s %s to %s %s", n, base.Outcome, base.ControlledPercent, r.Outcome, r.ControlledPercent)
		}

		scaled := item
		scaled.Components = nil
		for _, l := range lines {
			l.Value, _ = product.NewMoney(l.Value.Amount().Mul(decimal.NewFromInt(7)), l.Value.Currency())
			scaled.Components = append(scaled.Components, l)
		}
		scaled.Value, _ = product.NewMoney(item.Value.Amount().Mul(decimal.NewFromInt(7)), item.Value.Currency())
		if r := mustDM(t, dmQuery(scaled, dest)); r.Outcome != base.Outcome || r.ControlledPercent != base.ControlledPercent {
			t.Fatalf("case %d: scaling changed %s to %s", n, base.Outcome, r.Outcome)
		}

		if base.Outcome == DeMinimisExceeds {
			for i, l := range base.Lines {
				if !l.Counted {
					continue
				}
				raised := item
				raised.Components = append([]product.Line(nil), lines...)
				raised.Components[i].Value, _ = product.NewMoney(lines[i].Value.Amount().Add(decimal.NewFromInt(1000)), lines[i].Value.Currency())
				if r := mustDM(t, dmQuery(raised, dest)); r.Outcome != DeMinimisExceeds {
					t.Fatalf("case %d: raising controlled line %s turned exceeds into %s", n, l.ID, r.Outcome)
				}
			}
		}
	}
}

func TestWorksheet(t *testing.T) {
	r := mustDM(t, dmQuery(dmItem("2B991", "100000.00", dmLine("c1", "3A001.a.7", "us", "20000.00"), dmLine("c2", "3A991.a.2", "us", "15000.00"), dmLine("c3", "EAR99", "foreign", "30000.00")), "CN"))
	txt := r.Worksheet()
	for _, want := range []string{"c1", "3A001.a.7", "20000.00 USD", "yes", "column NS2", "c2", "no", "Controlled share: 20 %", "Threshold: 25 %", "Outcome: within [15 CFR 734.4(d)]"} {
		if !strings.Contains(txt, want) {
			t.Errorf("text worksheet lacks %q:\n%s", want, txt)
		}
	}
	md := r.WorksheetMarkdown()
	for _, want := range []string{"| c1 | us | 3A001.a.7 | 20000.00 USD | 1 | 20000.00 | yes |", "| outcome | **within** (15 CFR 734.4(d)) |", "| controlled share | 20 % |"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown worksheet lacks %q:\n%s", want, md)
		}
	}
}

func benchItem(n int) product.Item {
	eccns := []string{"3A001.a.7", "3A991.a.2", "EAR99", "5A992.c", "2B001.a"}
	lines := make([]product.Line, n)
	for i := range lines {
		org := "us"
		if i%3 == 0 {
			org = "foreign"
		}
		lines[i] = dmLine(fmt.Sprintf("c%d", i), eccns[i%len(eccns)], org, fmt.Sprintf("%d.25", 10+i%1000))
	}
	return dmItem("2B991", fmt.Sprintf("%d", 100000*n), lines...)
}

// BenchmarkDeMinimis evaluates bills of materials of 50, 10,000 and 100,000
// lines; BenchmarkDecimalSum, the floor, only sums the same line values
// with decimal.
func BenchmarkDeMinimis(b *testing.B) {
	for _, n := range []int{50, 10000, 100000} {
		q := dmQuery(benchItem(n), "CN")
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := DeMinimis(q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDecimalSum is the floor of BenchmarkDeMinimis: the sum of the
// same line values with decimal.
func BenchmarkDecimalSum(b *testing.B) {
	for _, n := range []int{50, 10000, 100000} {
		it := benchItem(n)
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sum := decimal.Zero
				for _, l := range it.Components {
					sum = sum.Add(l.Value.Amount().Mul(l.Quantity.Decimal()))
				}
				_ = sum
			}
		})
	}
}

func mustOrigin(s string) product.Origin {
	o, err := product.ParseOrigin(s)
	if err != nil {
		panic(err)
	}
	return o
}

// TestDeMinimisICMissingNamed: a US-origin line not stated to be (or not
// be) an integrated circuit leaves 734.4(a)(8) open, and the missing fact
// is that line's integrated_circuit field, never a "no".
func TestDeMinimisICMissingNamed(t *testing.T) {
	it := dmItem("3B001.c.1.a", "1000000", notIC(dmLine("c0", "3A001.b.2", "us", "10")), dmLine("c1", "3A001.b.2", "us", "10"), dmLine("c2", "3A001.b.2", "foreign", "10"))
	r := mustDM(t, dmQuery(it, "CN"))
	if r.Outcome != DeMinimisIndeterminate {
		t.Fatalf("outcome %s, want indeterminate", r.Outcome)
	}
	var fields []string
	for _, m := range r.Missing {
		fields = append(fields, m.Field)
	}
	if !slices.Equal(fields, []string{"item.components[1].integrated_circuit"}) {
		t.Errorf("missing %v, want only item.components[1].integrated_circuit", fields)
	}
	it.Components[1] = notIC(it.Components[1])
	if r := mustDM(t, dmQuery(it, "CN")); r.Outcome != DeMinimisWithin {
		t.Errorf("with every line stated: outcome %s, want within", r.Outcome)
	}
}

// TestWorksheetRatesAndMinorUnits: the worksheet and the JSON show the
// exchange rate a line was converted with (date, both currencies, the rate)
// and write amounts with the currency's minor units: two places for USD,
// none for JPY.
func TestWorksheetRatesAndMinorUnits(t *testing.T) {
	l := dmLine("c1", "3A001.a.7", "us", "100")
	l.Value = product.MustParseMoney("100", "USD")
	it := dmItem("2B991", "1000000", l)
	it.Value = product.MustParseMoney("1000000", "JPY")
	rate, err := origin.ParseRate("USD", "JPY", "150")
	if err != nil {
		t.Fatal(err)
	}
	q := dmQuery(it, "CN")
	if q.Rates, err = origin.NewRates(jurisdiction.MustParseDate("2026-11-27"), rate); err != nil {
		t.Fatal(err)
	}
	r := mustDM(t, q)
	if got := r.Lines[0].Total(); got != "15000" {
		t.Errorf("JPY total %q, want 15000 (no minor unit)", got)
	}
	for _, want := range []string{"Exchange rate of 2026-11-27: 1 USD = 150 JPY"} {
		if !strings.Contains(r.Worksheet(), want) {
			t.Errorf("worksheet lacks %q:\n%s", want, r.Worksheet())
		}
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(b), `"exchange_rates":{"date":"2026-11-27","rates":[{"from":"USD","to":"JPY","rate":"150"}]}`) {
		t.Errorf("JSON lacks the rate used: %s", b)
	}
	usd := mustDM(t, dmQuery(dmItem("2B991", "100000", dmLine("c1", "3A001.a.7", "us", "20000")), "CN"))
	if got := usd.Lines[0].Total(); got != "20000.00" {
		t.Errorf("USD total %q, want 20000.00", got)
	}
	if got := usd.ControlledValue.AmountString(); got != "20000.00" {
		t.Errorf("USD controlled value %q, want 20000.00", got)
	}
}
