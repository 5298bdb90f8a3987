package license

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

var tToday = jurisdiction.MustParseDate("2026-11-28")

// mod changes a query.
type tMod func(*FDPQuery)

func tECCN(s string) tMod {
	return func(q *FDPQuery) { q.Item.ECCN = product.MustParseECCN(s); q.Item.Kind = 0 }
}
func tKind(k product.Kind) tMod {
	return func(q *FDPQuery) { q.Item.Kind = k }
}
func tMadeIn(c string) tMod {
	return func(q *FDPQuery) { q.Item.ProducedIn = jurisdiction.MustParseCountry(c) }
}
func tTo(c string) tMod {
	return func(q *FDPQuery) { q.Destination = jurisdiction.Destination{Country: jurisdiction.MustParseCountry(c)} }
}
func tToRegion(c string, r jurisdiction.Region) tMod {
	return func(q *FDPQuery) {
		q.Destination = jurisdiction.Destination{Country: jurisdiction.MustParseCountry(c), Region: r}
	}
}
func tAsOf(s string) tMod { return func(q *FDPQuery) { q.AsOf = jurisdiction.MustParseDate(s) } }

// dp is a lineage entry: "3E001 us", "3E001 us for 3B001.b", "3E001 us wa".
func tDP(s string) product.DirectProduct {
	f := strings.Fields(s)
	d := product.DirectProduct{ECCN: product.MustParseECCN(f[0])}
	d.Origin, _ = product.ParseOrigin(f[1])
	for i := 2; i < len(f); i++ {
		switch f[i] {
		case "for":
			i++
			d.For = product.MustParseECCN(f[i])
		case "wa":
			d.WrittenAssurance = product.BoolTrue
		case "nowa":
			d.WrittenAssurance = product.BoolFalse
		}
	}
	return d
}

func tDirect(entries ...string) tMod {
	return func(q *FDPQuery) { q.Item.DirectProductOf = tLineage(entries) }
}
func tPlant(entries ...string) tMod {
	return func(q *FDPQuery) { q.Item.Plant = tLineage(entries) }
}
func tLineage(entries []string) product.Lineage {
	var ds []product.DirectProduct
	for _, e := range entries {
		ds = append(ds, tDP(e))
	}
	return product.LineageOf(ds...)
}
func tItemFor(e string) tMod {
	return func(q *FDPQuery) { q.Item.For = product.MustParseECCN(e) }
}
func tDirectUnknown() tMod { return func(q *FDPQuery) { q.Item.DirectProductOf = product.Lineage{} } }
func tPlantUnknown() tMod  { return func(q *FDPQuery) { q.Item.Plant = product.Lineage{} } }
func tParty(fn ...int) tMod {
	return func(q *FDPQuery) {
		q.Parties = PartiesOf(Party{Name: "p", Role: RoleEndUser, EntityListFootnotes: fn})
	}
}
func tParties(ps ...Party) tMod { return func(q *FDPQuery) { q.Parties = PartiesOf(ps...) } }
func tPartiesUnknown() tMod     { return func(q *FDPQuery) { q.Parties = Parties{} } }
func tEndUses(us ...fdp.EndUse) tMod {
	return func(q *FDPQuery) {
		fs := make([]EndUseFact, len(us))
		for i, u := range us {
			fs[i] = EndUseFact{Use: u}
		}
		q.EndUses = EndUsesOf(fs...)
	}
}
func tEndUsesUnknown() tMod { return func(q *FDPQuery) { q.EndUses = EndUses{} } }
func tIncUnknown() tMod     { return func(q *FDPQuery) { q.Incorporations = Incorporations{} } }
func tHTS(s string) tMod    { return func(q *FDPQuery) { q.Item.HTS = product.MustParseHTS(s) } }
func tEnforced() tMod       { return func(q *FDPQuery) { q.Options.AIDiffusion = AIDiffusionEnforced } }
func tIncorporation(c string, fn ...int) tMod {
	return func(q *FDPQuery) {
		var d jurisdiction.Country
		if c != "" {
			d = jurisdiction.MustParseCountry(c)
		}
		q.Incorporations = IncorporationsOf(Incorporation{Destination: d, ByPartyWithFootnotes: fn})
	}
}
func tIncorporationRegion(c string, r jurisdiction.Region) tMod {
	return func(q *FDPQuery) {
		q.Incorporations = IncorporationsOf(Incorporation{Destination: jurisdiction.MustParseCountry(c), Region: r})
	}
}
func tComponent(l product.Line) tMod {
	return func(q *FDPQuery) { q.Item.Components = append(q.Item.Components, l) }
}

// query is a Taiwanese EAR99 commodity, a direct product of nothing, to
// Germany, no parties, end uses or incorporations, as of today, changed by
// mods.
func tQuery(mods ...tMod) FDPQuery {
	q := FDPQuery{
		Item: product.Item{
			ID: "t", ECCN: product.EAR99, Kind: product.Commodity,
			ProducedIn: jurisdiction.Taiwan, Value: product.MustParseMoney("1000.00", "USD"),
			DirectProductOf: product.NoLineage(), Plant: product.NoLineage(), Components: []product.Line{},
		},
		Destination: jurisdiction.Destination{Country: jurisdiction.Germany},
		Parties:     NoParties(), EndUses: NoEndUses(), Incorporations: NoIncorporations(),
		AsOf: tToday,
	}
	for _, m := range mods {
		m(&q)
	}
	return q
}

const tAbsent ear.Answer = 0 // the rule is left out

type tRuleCase struct {
	name    string
	rule    string // paragraph after 734.9: "(b)"
	q       FDPQuery
	want    ear.Answer
	missing string // a field that must be named in Missing
}

func TestFDPRules(t *testing.T) {
	ic := product.Line{ID: "ic1", ECCN: product.MustParseECCN("3A991.a.1"), Origin: product.OriginForeign,
		Value: product.MustParseMoney("10.00", "USD"), Quantity: product.MustParseQuantity("1"), Relation: product.Incorporated,
		Plant: tLineage([]string{"3E001 us for 3B001.b"})}
	icNoPlant := ic
	icNoPlant.Plant = product.Lineage{}
	cases := []tRuleCase{
		// (b) National Security
		{"b/in", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us for 3A001.b.2 wa"), tTo("CN")), ear.Yes, ""},
		{"b/plant", "(b)", tQuery(tECCN("3A001.b.2"), tPlant("3E001 us for 3B001.b wa"), tTo("IR")), ear.Yes, ""},
		{"b/item-not-NS", "(b)", tQuery(tECCN("3A991.a.2"), tDirect("3E001 us wa"), tTo("CN")), ear.No, ""},
		{"b/no-assurance", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us nowa"), tTo("CN")), ear.No, ""},
		{"b/foreign-tech", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 foreign_subject_to_ear wa"), tTo("CN")), ear.No, ""},
		{"b/out-dest", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us wa"), tTo("DE")), ear.No, ""},
		{"b/assurance-unknown", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us for 3A001.b.2"), tTo("CN")), ear.Indeterminate, "item.direct_product_of[0].written_assurance"},
		{"b/AT-only-tech", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E991 us"), tTo("CN")), ear.No, ""},
		{"b/plant-unknown", "(b)", tQuery(tECCN("3A001.b.2"), tPlantUnknown(), tTo("CN")), ear.Indeterminate, "item.plant"},
		{"b/plant-unknown-direct-decides", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us wa"), tPlantUnknown(), tTo("CN")), ear.Yes, ""},
		// Before its move into 734.9 the rule stood in General Prohibition
		// Three with the same substance (from 2010-07-30): evaluated with
		// the country groups of 2022-02-02 (China in D:1); open for Russia
		// in 2023, whose groups before 2024 are not modelled.
		{"b/before", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us wa"), tTo("CN"), tAsOf("2022-02-02")), ear.Yes, ""},
		{"b/before, Russia 2023", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us wa"), tTo("RU"), tAsOf("2023-02-02")), ear.Indeterminate, "as_of"},
		{"b/before 2010-07-30", "(b)", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us wa"), tTo("CN"), tAsOf("2010-07-29")), tAbsent, ""},
		// (c) 9x515
		{"c/in", "(c)", tQuery(tECCN("9A515.x"), tDirect("9E515.x us nowa"), tTo("CN")), ear.Yes, ""},
		{"c/not-9x515-item", "(c)", tQuery(tECCN("9A610.x"), tDirect("9E515.x us"), tTo("CN")), ear.No, ""},
		{"c/foreign-tech", "(c)", tQuery(tECCN("9A515.x"), tDirect("9E515.x foreign_subject_to_ear"), tTo("CN")), ear.No, ""},
		{"c/out-dest", "(c)", tQuery(tECCN("9A515.x"), tDirect("9E515.x us"), tTo("IN")), ear.No, ""},
		{"c/origin-unknown", "(c)", tQuery(tECCN("9A515.x"), tDirect("9E515.x unknown"), tTo("CU")), ear.Indeterminate, "item.direct_product_of[0].origin"},
		{"c/y", "(c)", tQuery(tECCN("9A515.y.1"), tDirect("9E515.y us"), tTo("CN")), ear.Indeterminate, "item.eccn"},
		{"c/before", "(c)", tQuery(tECCN("9A515.x"), tDirect("9E515.x us"), tTo("CN"), tAsOf("2014-11-09")), tAbsent, ""},
		// (d) 600 series
		{"d/in", "(d)", tQuery(tECCN("9A610.x"), tDirect("9E610.a us"), tTo("SA")), ear.Yes, ""},
		{"d/0A919", "(d)", tQuery(tECCN("0A919.a.1"), tPlant("9E610.a us"), tTo("CN")), ear.Yes, ""},
		{"d/not-600-tech", "(d)", tQuery(tECCN("9A610.x"), tDirect("9E991 us"), tTo("SA")), ear.No, ""},
		{"d/out-dest", "(d)", tQuery(tECCN("9A610.x"), tDirect("9E610.a us"), tTo("FR")), ear.No, ""},
		{"d/lineage-unknown", "(d)", tQuery(tECCN("9A610.x"), tDirectUnknown(), tTo("SA")), ear.Indeterminate, "item.direct_product_of"},
		{"d/before", "(d)", tQuery(tECCN("9A610.x"), tDirect("9E610.a us"), tTo("SA"), tAsOf("2013-10-14")), tAbsent, ""},
		// (e)(1) footnote 1
		{"e1/in", "(e)(1)", tQuery(tDirect("3D991 us"), tParty(1), tTo("CN")), ear.Yes, ""},
		{"e1/foreign-subject", "(e)(1)", tQuery(tDirect("3E991 foreign_subject_to_ear"), tParty(1)), ear.Yes, ""},
		{"e1/plant-foreign-subject", "(e)(1)", tQuery(tPlant("3E991 foreign_subject_to_ear"), tParty(1)), ear.No, ""},
		{"e1/not-listed-tech", "(e)(1)", tQuery(tDirect("5E002 us"), tParty(1)), ear.No, ""},
		{"e1/no-party", "(e)(1)", tQuery(tDirect("3D991 us"), tParty(4)), ear.No, ""},
		{"e1/incorporation", "(e)(1)", tQuery(tDirect("3D991 us"), tIncorporation("CN", 1)), ear.Yes, ""},
		{"e1/parties-unknown", "(e)(1)", tQuery(tDirect("3D991 us"), tPartiesUnknown()), ear.Indeterminate, "parties"},
		{"e1/incorporations-unknown", "(e)(1)", tQuery(tDirect("3D991 us"), tIncUnknown()), ear.Indeterminate, "incorporations"},
		{"e1/lineage-unknown", "(e)(1)", tQuery(tDirectUnknown(), tParty(1)), ear.Indeterminate, "item.direct_product_of"},
		{"e1/us-made", "(e)(1)", tQuery(tMadeIn("US"), tDirect("3D991 us"), tParty(1)), ear.No, ""},
		{"e1/before", "(e)(1)", tQuery(tDirect("3D991 us"), tParty(1), tAsOf("2020-08-16")), ear.Indeterminate, "as_of"},
		{"e1/before the Huawei rule", "(e)(1)", tQuery(tDirect("3D991 us"), tParty(1), tAsOf("2020-05-14")), tAbsent, ""},
		// (e)(2) footnote 4
		{"e2/in", "(e)(2)", tQuery(tDirect("5E002 us"), tParty(4), tTo("CN")), ear.Yes, ""},
		{"e2/not-listed-tech", "(e)(2)", tQuery(tDirect("9E991 us"), tParty(4)), ear.No, ""},
		{"e2/fn1-only", "(e)(2)", tQuery(tDirect("5E002 us"), tParty(1)), ear.No, ""},
		{"e2/unknown-origin", "(e)(2)", tQuery(tDirect("3E001 unknown"), tParty(4)), ear.Indeterminate, "item.direct_product_of[0].origin"},
		{"e2/before", "(e)(2)", tQuery(tDirect("5E002 us"), tParty(4), tAsOf("2022-10-06")), tAbsent, ""},
		// (e)(3) footnote 5
		{"e3/in", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E001 us for 3B001.b"), tParty(5), tTo("CN")), ear.Yes, ""},
		{"e3/direct-for-3B", "(e)(3)", tQuery(tECCN("3B001.a.1"), tDirect("3E001 foreign_subject_to_ear for 3B001.a.1"), tParty(5)), ear.Yes, ""},
		{"e3/direct-for-other", "(e)(3)", tQuery(tECCN("3B001.a.1"), tDirect("3E001 us for 3A001.b"), tParty(5)), ear.No, ""},
		{"e3/direct-for-unknown", "(e)(3)", tQuery(tECCN("3B001.a.1"), tDirect("3E001 us"), tParty(5)), ear.Indeterminate, "item.direct_product_of[0].for"},
		// (e)(3)(i)(B)(1): the plant's technology "3E001 (for 3B
		// commodities)", "3D901" without a qualifier, "3E991 (for 3B991
		// and 3B992)" (text of 2025-01-16).
		{"e3/plant-for-3A", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E001 us for 3A001.a"), tParty(5)), ear.No, ""},
		{"e3/plant-for-unknown", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E001 us"), tParty(5)), ear.Indeterminate, "item.plant.direct_product_of[0].for"},
		{"e3/plant-3D901", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3D901 us"), tParty(5)), ear.Yes, ""},
		{"e3/plant-3E991-for-3B991", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E991 us for 3B991.a"), tParty(5)), ear.Yes, ""},
		{"e3/plant-3E991-for-3B001", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E991 us for 3B001.a"), tParty(5)), ear.No, ""},
		{"e3/sme-item-excluded", "(e)(3)", tQuery(tECCN("3B001.c.4"), tPlant("3E001 us"), tParty(5)), ear.No, ""},
		// 3B001.f.6 is excepted from (e)(3) in the text of 2025-01-16,
		// not in that of 2024-12-05.
		{"e3/f.6-excepted", "(e)(3)", tQuery(tECCN("3B001.f.6"), tPlant("3E001 us"), tParty(5)), ear.No, ""},
		{"e3/f.6-before-2025-01-16", "(e)(3)", tQuery(tECCN("3B001.f.6"), tPlant("3E001 us for 3B001.b"), tParty(5), tAsOf("2025-01-15")), ear.Yes, ""},
		{"e3/bare-3B001", "(e)(3)", tQuery(tECCN("3B001"), tPlant("3E001 us"), tParty(5)), ear.Indeterminate, "item.eccn"},
		{"e3/contains-ic", "(e)(3)", tQuery(tECCN("3B993"), tComponent(ic), tParty(5)), ear.Yes, ""},
		{"e3/ic-plant-unknown", "(e)(3)", tQuery(tECCN("3B993"), tComponent(icNoPlant), tParty(5)), ear.Indeterminate, "item.components[0].plant"},
		{"e3/no-fn5", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E001 us"), tParty(1), tTo("CN")), ear.No, ""},
		{"e3/facility-end-use", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E001 us for 3B001.b"), tEndUses(fdp.EndUseAdvancedNodeIC), tTo("CN")), ear.Yes, ""},
		{"e3/end-uses-unknown", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E001 us"), tEndUsesUnknown(), tTo("CN")), ear.Indeterminate, "end_uses"},
		{"e3/before", "(e)(3)", tQuery(tECCN("3B993"), tPlant("3E001 us"), tParty(5), tAsOf("2024-12-01")), tAbsent, ""},
		// (f) Russia/Belarus/Crimea
		{"f/in", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tTo("RU")), ear.Yes, ""},
		{"f/crimea", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tToRegion("UA", jurisdiction.RegionCrimea)), ear.Yes, ""},
		// (f)(2): incorporation into items "produced in or destined to
		// ... the temporarily occupied Crimea region of Ukraine";
		// incorporations[].region says so ("UA" alone is the rest of
		// Ukraine).
		{"f/incorporation-crimea", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tTo("KZ"), tIncorporationRegion("UA", jurisdiction.RegionCrimea)), ear.Yes, ""},
		{"f/incorporation-UA", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tTo("KZ"), tIncorporation("UA")), ear.No, ""},
		{"f/incorporation-crimea-2023-05-18", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tTo("KZ"), tIncorporationRegion("UA", jurisdiction.RegionCrimea), tAsOf("2023-05-18")), ear.No, ""},
		{"f/dnr", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tToRegion("UA", jurisdiction.RegionDNR)), ear.No, ""},
		{"f/belarus", "(f)", tQuery(tECCN("1A995"), tPlant("1E001 us"), tTo("BY")), ear.Yes, ""},
		{"f/foreign-subject", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 foreign_subject_to_ear"), tTo("RU")), ear.No, ""},
		{"f/out-dest", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tTo("KZ")), ear.No, ""},
		{"f/incorporation", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tTo("KZ"), tIncorporation("RU")), ear.Yes, ""},
		{"f/ear99-no-hts", "(f)", tQuery(tDirect("5E991 us"), tTo("RU")), ear.Indeterminate, "item.hts"},
		{"f/ear99-hts", "(f)", tQuery(tDirect("5E991 us"), tHTS("8471.50"), tTo("RU")), ear.Indeterminate, "item.hts"},
		{"f/before", "(f)", tQuery(tECCN("5A991.b"), tDirect("5E991 us"), tTo("RU"), tAsOf("2022-02-23")), tAbsent, ""},
		// (g) Russia/Belarus MEU and procurement
		{"g/in", "(g)", tQuery(tPlant("3E991 us"), tParty(3), tTo("HK")), ear.Yes, ""},
		{"g/cat0-input", "(g)", tQuery(tDirect("0E606 foreign_subject_to_ear"), tParty(3)), ear.Yes, ""},
		{"g/plant-foreign-subject", "(g)", tQuery(tPlant("3E991 foreign_subject_to_ear"), tParty(3)), ear.No, ""},
		{"g/no-fn3", "(g)", tQuery(tPlant("3E991 us"), tParty(1)), ear.No, ""},
		{"g/plant-unknown", "(g)", tQuery(tPlantUnknown(), tParty(3)), ear.Indeterminate, "item.plant"},
		{"g/before", "(g)", tQuery(tPlant("3E991 us"), tParty(3), tAsOf("2022-02-23")), tAbsent, ""},
		// (h) advanced computing
		{"h/in", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("CN")), ear.Yes, ""},
		{"h/codified-anywhere", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY")), ear.Yes, ""},
		{"h/enforced-MY", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tEnforced()), ear.No, ""},
		{"h/enforced-VN", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("VN"), tEnforced()), ear.Yes, ""},
		{"h/enforced-IL-A6", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("IL"), tEnforced()), ear.No, ""},
		{"h/enforced-incorporation", "(h)", tQuery(tECCN("4A003.z"), tPlant("3E001 us"), tTo("MY"), tIncorporation("CN"), tEnforced()), ear.Yes, ""},
		{"h/before-diffusion", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tAsOf("2024-06-01")), ear.No, ""},
		// (h)(2)(i) before the AI diffusion amendments (and under the
		// enforced reading): "or worldwide to an entity headquartered in,
		// or whose ultimate parent company is headquartered in, either
		// Macau or a destination specified in Country Group D:5", any
		// party to the transaction (the Note to (h)(2)).
		{"h/before-diffusion-hq-CN", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tAsOf("2024-06-03"),
			tParties(Party{Name: "buyer", Role: RolePurchaser, Country: jurisdiction.MustParseCountry("MY"), HeadquarteredIn: jurisdiction.MustParseCountry("MY")},
				Party{Name: "user", Role: RoleEndUser, Country: jurisdiction.MustParseCountry("MY"), HeadquarteredIn: jurisdiction.China})), ear.Yes, ""},
		{"h/before-diffusion-hq-MO", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tAsOf("2024-06-03"),
			tParties(Party{Name: "user", Role: RoleEndUser, Country: jurisdiction.MustParseCountry("MY"), HeadquarteredIn: jurisdiction.Macau})), ear.Yes, ""},
		{"h/before-diffusion-hq-unknown", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tAsOf("2024-06-03"),
			tParties(Party{Name: "buyer", Role: RolePurchaser, Country: jurisdiction.MustParseCountry("MY"), HeadquarteredIn: jurisdiction.MustParseCountry("MY")},
				Party{Name: "user", Role: RoleEndUser, Country: jurisdiction.MustParseCountry("MY")})), ear.No, ""},
		{"h/before-diffusion-hq-MY", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tAsOf("2024-06-03"),
			tParties(Party{Name: "user", Role: RoleEndUser, Country: jurisdiction.MustParseCountry("MY"), HeadquarteredIn: jurisdiction.MustParseCountry("MY")})), ear.No, ""},
		{"h/before-diffusion-parties-unknown", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tAsOf("2024-06-03"), tPartiesUnknown()), ear.Indeterminate, "parties"},
		{"h/enforced-hq-CN", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("MY"), tEnforced(),
			tParties(Party{Name: "user", Role: RoleIntermediateConsignee, Country: jurisdiction.Singapore, HeadquarteredIn: jurisdiction.China})), ear.Yes, ""},
		// (h) as first written (until 2023-11-17): PRC or Macau; the item
		// list, or an IC, computer, assembly or component elsewhere on the
		// CCL meeting 3A090's or 4A090's parameters (not stated: open).
		{"h/2023-in", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("CN"), tAsOf("2023-06-01")), ear.Yes, ""},
		{"h/2023-VN", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("VN"), tAsOf("2023-06-01")), ear.No, ""},
		{"h/2023-elsewhere", "(h)", tQuery(tECCN("5A992.c"), tDirect("3D991 us"), tTo("CN"), tAsOf("2023-06-01")), ear.Indeterminate, "item.eccn"},
		{"h/2023-elsewhere-4A994", "(h)", tQuery(tECCN("4A994.l"), tDirect("3D991 us"), tTo("MO"), tAsOf("2023-06-01")), ear.Indeterminate, "item.eccn"},
		{"h/2023-not-electronics", "(h)", tQuery(tECCN("2B991"), tDirect("3D991 us"), tTo("CN"), tAsOf("2023-06-01")), ear.No, ""},
		{"h/2023-input-not-listed", "(h)", tQuery(tECCN("3A090.a"), tDirect("3D992 us"), tTo("CN"), tAsOf("2023-06-01")), ear.No, ""},
		{"h/not-3A090", "(h)", tQuery(tECCN("4A994"), tPlant("3E001 us"), tTo("CN")), ear.No, ""},
		{"h/3E001-for-unknown", "(h)", tQuery(tECCN("3E001"), tKind(product.Technology), tDirect("3D001 us"), tTo("CN")), ear.Indeterminate, "item.for"},
		// (h)(1)(i)(B)(1) "3E001 (for 3A090)": the item's own "for" decides.
		{"h/3E001-for-3A090", "(h)", tQuery(tECCN("3E001"), tKind(product.Technology), tItemFor("3A090.a"), tDirect("3D001 us"), tTo("CN")), ear.Yes, ""},
		{"h/3E001-for-3A001", "(h)", tQuery(tECCN("3E001"), tKind(product.Technology), tItemFor("3A001.b.2"), tDirect("3D001 us"), tTo("CN")), ear.No, ""},
		{"h/enforced-tech-hq", "(h)", tQuery(tECCN("3E001"), tKind(product.Technology), tDirect("3D001 us"), tTo("MY"), tEnforced()), ear.Indeterminate, "item"},
		{"h/before", "(h)", tQuery(tECCN("3A090.a"), tPlant("3E001 us"), tTo("CN"), tAsOf("2022-10-06")), tAbsent, ""},
		// (i) supercomputer
		{"i/in", "(i)", tQuery(tECCN("3A991.a.2"), tDirect("3D991 us"), tEndUses(fdp.EndUseSupercomputer), tTo("CN")), ear.Yes, ""},
		{"i/macau", "(i)", tQuery(tDirect("3D991 us"), tEndUses(fdp.EndUseSupercomputer), tTo("MO")), ear.Yes, ""},
		{"i/not-listed-tech", "(i)", tQuery(tDirect("9E991 us"), tEndUses(fdp.EndUseSupercomputer), tTo("CN")), ear.No, ""},
		{"i/out-dest", "(i)", tQuery(tDirect("3D991 us"), tEndUses(fdp.EndUseSupercomputer), tTo("IN")), ear.No, ""},
		// Not located: read at the destination, then at the end users'
		// countries.
		{"i/end-user-in-CN", "(i)", tQuery(tDirect("3D991 us"), tEndUses(fdp.EndUseSupercomputer), tTo("SG"),
			tParties(Party{Name: "lab", Role: RoleEndUser, Country: jurisdiction.China})), ear.Yes, ""},
		{"i/consignee-in-CN", "(i)", tQuery(tDirect("3D991 us"), tEndUses(fdp.EndUseSupercomputer), tTo("SG"),
			tParties(Party{Name: "fwd", Role: RoleIntermediateConsignee, Country: jurisdiction.China})), ear.No, ""},
		{"i/no-end-use", "(i)", tQuery(tDirect("3D991 us"), tTo("CN")), ear.No, ""},
		{"i/end-uses-unknown", "(i)", tQuery(tDirect("3D991 us"), tEndUsesUnknown(), tTo("CN")), ear.Indeterminate, "end_uses"},
		{"i/before", "(i)", tQuery(tDirect("3D991 us"), tEndUses(fdp.EndUseSupercomputer), tTo("CN"), tAsOf("2022-10-06")), tAbsent, ""},
		// (j) Iran
		{"j/in", "(j)", tQuery(tECCN("9A991.d"), tDirect("9E991 us"), tTo("IR")), ear.Yes, ""},
		{"j/government", "(j)", tQuery(tECCN("7A994"), tDirect("7E994 us"), tTo("AE"),
			tParties(Party{Role: RolePurchaser, GovernmentOf: jurisdiction.Iran})), ear.Yes, ""},
		{"j/cat2-item", "(j)", tQuery(tECCN("2A991"), tDirect("9E991 us"), tTo("IR")), ear.No, ""},
		{"j/cat2-tech", "(j)", tQuery(tECCN("9A991.d"), tDirect("2E991 us"), tTo("IR")), ear.No, ""},
		{"j/out-dest", "(j)", tQuery(tECCN("9A991.d"), tDirect("9E991 us"), tTo("AE")), ear.No, ""},
		{"j/parties-unknown", "(j)", tQuery(tECCN("9A991.d"), tDirect("9E991 us"), tTo("AE"), tPartiesUnknown()), ear.Indeterminate, "parties"},
		{"j/before", "(j)", tQuery(tECCN("9A991.d"), tDirect("9E991 us"), tTo("IR"), tAsOf("2023-02-23")), tAbsent, ""},
		// (k) SME
		{"k/in", "(k)", tQuery(tECCN("3B001.c.4"), tDirect("3E992 us"), tTo("CN")), ear.Yes, ""},
		{"k/plant", "(k)", tQuery(tECCN("3B001.f.1.b"), tPlant("3D001 us for 3B001.f.1"), tTo("MO")), ear.Yes, ""},
		{"k/plant-for-other", "(k)", tQuery(tECCN("3B001.f.1.b"), tPlant("3D001 us for 4A001"), tTo("MO")), ear.No, ""},
		{"k/plant-for-unknown", "(k)", tQuery(tECCN("3B001.f.1.b"), tPlant("3D001 us"), tTo("MO")), ear.Indeterminate, "item.plant.direct_product_of[0].for"},
		{"k/contains-ic", "(k)", tQuery(tECCN("3B002.c"), tComponent(ic), tTo("CN")), ear.Yes, ""},
		{"k/not-sme", "(k)", tQuery(tECCN("3B001.a.1"), tDirect("3E992 us"), tTo("CN")), ear.No, ""},
		{"k/direct-not-listed", "(k)", tQuery(tECCN("3B001.c.4"), tDirect("3E001 us"), tTo("CN")), ear.No, ""},
		{"k/out-dest", "(k)", tQuery(tECCN("3B001.c.4"), tDirect("3E992 us"), tTo("MY")), ear.No, ""},
		{"k/bare-3B001", "(k)", tQuery(tECCN("3B001"), tDirect("3E992 us"), tTo("CN")), ear.Indeterminate, "item.eccn"},
		// (k)(1)(ii)(B): "Contains a commodity produced by" such a plant;
		// the integrated circuit of Note 7 is one example, not a limit.
		{"k/contains-commodity", "(k)", tQuery(tECCN("3B001.c.4"), tComponent(product.Line{ID: "x", ECCN: product.EAR99, Origin: product.OriginForeign,
			Value: product.MustParseMoney("1.00", "USD"), Quantity: product.MustParseQuantity("1"), Relation: product.Incorporated,
			Plant: tLineage([]string{"3E001 us for 3B001.c"})}), tTo("CN")), ear.Yes, ""},
		{"k/contains-commodity-plant-unknown", "(k)", tQuery(tECCN("3B001.c.4"), tComponent(product.Line{ID: "x", ECCN: product.EAR99, Origin: product.OriginForeign,
			Value: product.MustParseMoney("1.00", "USD"), Quantity: product.MustParseQuantity("1"), Relation: product.Incorporated,
			IntegratedCircuit: product.OptBoolOf(false)}), tTo("CN")), ear.Indeterminate, "item.components[0].plant"},
		{"k/before", "(k)", tQuery(tECCN("3B001.c.4"), tDirect("3E992 us"), tTo("CN"), tAsOf("2024-12-01")), tAbsent, ""},
		// (l) AI model weights
		// (l)(1) turns on the plant's own classification (3A090 and the
		// like), which a request does not state: open for any 4E091 item,
		// whatever its plant's lineage.
		{"l/in", "(l)", tQuery(tECCN("4E091"), tKind(product.Technology), tPlant("3E001 us for 3A090"), tTo("FR")), ear.Indeterminate, "item.plant"},
		{"l/plant-none", "(l)", tQuery(tECCN("4E091"), tKind(product.Technology), tPlant(), tTo("CN")), ear.Indeterminate, "item.plant"},
		{"l/enforced", "(l)", tQuery(tECCN("4E091"), tKind(product.Technology), tPlant("3E001 us for 3A090"), tTo("FR"), tEnforced()), ear.No, ""},
		{"l/not-4E091", "(l)", tQuery(tECCN("4E992"), tKind(product.Technology), tPlant("3E001 us"), tTo("FR")), ear.No, ""},
		{"l/plant-foreign", "(l)", tQuery(tECCN("4E091"), tKind(product.Technology), tPlant("3E001 foreign"), tTo("FR")), ear.Indeterminate, "item.plant"},
		{"l/plant-unknown", "(l)", tQuery(tECCN("4E091"), tKind(product.Technology), tPlantUnknown(), tTo("FR")), ear.Indeterminate, "item.plant"},
		{"l/before", "(l)", tQuery(tECCN("4E091"), tKind(product.Technology), tPlant("3E001 us"), tTo("FR"), tAsOf("2025-01-12")), tAbsent, ""},
	}
	rules := fdp.Default()
	covered := map[string]map[string]bool{}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cite := "15 CFR 734.9" + c.rule
			set := rules
			if c.want == tAbsent {
				// The rule alone: the other rules may need country-group
				// tables that do not reach back to c.q.AsOf.
				r, _ := rules.Rule(fdp.MustParseCitation(cite))
				set, _ = fdp.NewSet(r)
			}
			res, err := evaluateFDP(set, c.q)
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			i := slices.IndexFunc(res, func(r FDPResult) bool { return r.Citation == cite })
			if c.want == tAbsent {
				if i >= 0 {
					t.Fatalf("%s in force on %s: %+v", cite, c.q.AsOf, res[i])
				}
				return
			}
			if i < 0 {
				t.Fatalf("%s missing from results", cite)
			}
			r := res[i]
			if r.Outcome != c.want {
				t.Fatalf("outcome %s, want %s\nwhy: %s\nproduct: %+v\nreach: %+v", r.Outcome, c.want, r.Why, r.Product, r.Reach)
			}
			if c.missing != "" && !slices.ContainsFunc(r.Missing, func(m MissingFact) bool { return m.Field == c.missing }) {
				t.Errorf("missing %+v, want a fact %q", r.Missing, c.missing)
			}
			if r.Outcome != ear.Indeterminate && len(r.Missing) > 0 {
				t.Errorf("decided outcome with missing facts %+v", r.Missing)
			}
		})
		if covered[c.rule] == nil {
			covered[c.rule] = map[string]bool{}
		}
		covered[c.rule][c.want.String()] = true
	}
	for _, r := range rules.Rules() {
		p := strings.TrimPrefix(r.Citation.String(), "15 CFR 734.9")
		for _, o := range []ear.Answer{ear.Yes, ear.No, ear.Indeterminate, tAbsent} {
			if o == tAbsent && r.Predecessor.IsValid() && !r.PredecessorFrom.IsValid() {
				continue // open before its effective date, never left out
			}
			if o == ear.Yes && len(r.Product.PlantIs) > 0 && r.Product.Direct == nil && r.Product.Plant == nil {
				continue // (l): the plant's classification is not a request's fact; open at best
			}
			if !covered[p][o.String()] {
				t.Errorf("%s: no case with outcome %q", p, o)
			}
		}
	}
}

func TestFDPResultsInCFROrder(t *testing.T) {
	res, err := FDP(tQuery())
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"(b)", "(c)", "(d)", "(e)(1)", "(e)(2)", "(e)(3)", "(f)", "(g)", "(h)", "(i)", "(j)", "(k)", "(l)"}
	var got []string
	for _, r := range res {
		got = append(got, strings.TrimPrefix(r.Citation, "15 CFR 734.9"))
		if r.Outcome != ear.No {
			t.Errorf("%s: %s (%s)", r.Citation, r.Outcome, r.Why)
		}
	}
	if !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
	// Reading is recorded for (h) and (l) only.
	for _, r := range res {
		hasReading := r.Reading != nil
		if want := r.Citation == "15 CFR 734.9(h)" || r.Citation == "15 CFR 734.9(l)"; hasReading != want {
			t.Errorf("%s: reading recorded %v", r.Citation, hasReading)
		}
	}
}

func TestFDPAffiliates(t *testing.T) {
	owned := Party{Name: "sub", Role: RoleUltimateConsignee, Ownership: []Ownership{
		{Owner: "A", Percent: decimal.RequireFromString("30"), EntityListFootnotes: []int{1}},
		{Owner: "B", Percent: decimal.RequireFromString("20"), EntityListFootnotes: []int{4}},
	}}
	under := owned
	under.Ownership = slices.Clone(owned.Ownership)
	under.Ownership[1].Percent = decimal.RequireFromString("19.99")
	tests := []struct {
		name    string
		q       FDPQuery
		want    ear.Answer
		warning bool
	}{
		{"in force 2025-10-15", tQuery(tDirect("3D991 us"), tParties(owned), tAsOf("2025-10-15")), ear.Yes, false},
		{"suspended 2026-01-15", tQuery(tDirect("3D991 us"), tParties(owned), tAsOf("2026-01-15")), ear.No, false},
		{"last suspended day", tQuery(tDirect("3D991 us"), tParties(owned), tAsOf("2026-11-09")), ear.No, false},
		{"back as written 2026-11-10", tQuery(tDirect("3D991 us"), tParties(owned), tAsOf("2026-11-10")), ear.Yes, true},
		{"still suspended by option", tQuery(tDirect("3D991 us"), tParties(owned), func(q *FDPQuery) { q.Options.Affiliates = AffiliatesSuspended }), ear.No, true},
		{"aggregate under 50", tQuery(tDirect("3D991 us"), tParties(under), tAsOf("2025-10-15")), ear.No, false},
		{"before the rule", tQuery(tDirect("3D991 us"), tParties(owned), tAsOf("2025-09-28")), ear.No, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := FDP(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			r := res[slices.IndexFunc(res, func(r FDPResult) bool { return r.Citation == "15 CFR 734.9(e)(1)" })]
			if r.Outcome != tt.want {
				t.Errorf("outcome %s, want %s: %s", r.Outcome, tt.want, r.Why)
			}
			if got := len(r.Warnings) > 0; got != tt.warning {
				t.Errorf("warnings %v, want some: %v", r.Warnings, tt.warning)
			}
		})
	}
	// The footnote-4 owner alone reaches (e)(2) only together with others: 20 % is not 50 %.
	res, _ := FDP(tQuery(tDirect("3D991 us"), tParties(owned), tAsOf("2025-10-15")))
	for _, r := range res {
		if r.Citation == "15 CFR 734.9(e)(2)" && r.Outcome != ear.Yes {
			t.Errorf("(e)(2): aggregate 50 %% with a footnote-4 owner: %s", r.Outcome)
		}
	}
}

func TestFDPQueryErrors(t *testing.T) {
	tests := []struct {
		name  string
		q     FDPQuery
		field string
	}{
		{"no date", tQuery(func(q *FDPQuery) { q.AsOf = jurisdiction.Date{} }), "as_of"},
		{"no destination", tQuery(func(q *FDPQuery) { q.Destination = jurisdiction.Destination{} }), "destination"},
		{"bad item", tQuery(func(q *FDPQuery) { q.Item.Value = product.Money{} }), "item"},
		{"bad party", tQuery(tParties(Party{Name: "x"})), "parties[0]"},
		{"bad footnote", tQuery(tParty(7)), "parties[0]"},
		{"bad end use", tQuery(tEndUses(fdp.EndUse(9))), "end_uses[0]"},
		{"bad incorporation", tQuery(tIncorporation("CN", 0)), "incorporations[0]"},
		{"before 2020", tQuery(tECCN("3A001.b.2"), tDirect("3E001 us wa"), tTo("CN"), tAsOf("2019-12-31")), "as_of"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := FDP(tt.q)
			qe, ok := errors.AsType[*product.FieldError](err)
			if !ok {
				t.Fatalf("error %v, want a *product.FieldError", err)
			}
			if qe.Field != tt.field {
				t.Errorf("field %q, want %q (%v)", qe.Field, tt.field, err)
			}
		})
	}
}

func TestPartyJSON(t *testing.T) {
	in := `{"name":"X","role":"purchaser","country":"AE","entity_list_footnotes":[3],"headquartered_in":"IR","government_of":"IR","ownership":[{"owner":"Y","percent":"50.5","entity_list_footnotes":[1]}]}`
	var p Party
	if err := json.Unmarshal([]byte(in), &p); err != nil {
		t.Fatal(err)
	}
	if p.Role != RolePurchaser || p.GovernmentOf != jurisdiction.Iran || !p.HasFootnote(3) || !p.Ownership[0].Percent.Equal(decimal.RequireFromString("50.5")) {
		t.Errorf("decoded %+v", p)
	}
	out, err := json.Marshal(p)
	if err != nil {
		t.Fatal(err)
	}
	var back Party
	if err := json.Unmarshal(out, &back); err != nil {
		t.Fatal(err)
	}
	if back.Name != p.Name || back.Role != p.Role || back.GovernmentOf != p.GovernmentOf || len(back.Ownership) != 1 {
		t.Errorf("round trip %s -> %+v", out, back)
	}
	for _, tt := range []struct{ in, field string }{
		{`{"role":"purchaser","colour":"red"}`, "colour"},
		{`{"role":"boss"}`, "role"},
		{`{"role":"end_user","country":"XX"}`, "country"},
		{`{"role":"end_user","ownership":[{"owner":"a","percent":"x"}]}`, "ownership[0].percent"},
		{`{"role":"end_user","ownership":[{"owner":"a","share":"1"}]}`, "ownership[0].share"},
	} {
		var p Party
		err := json.Unmarshal([]byte(tt.in), &p)
		fe, ok := errors.AsType[*product.FieldError](err)
		if !ok || fe.Field != tt.field {
			t.Errorf("%s: error %v, want a FieldError on %q", tt.in, err, tt.field)
		}
	}
}

func TestFactListsJSON(t *testing.T) {
	var v struct {
		Parties        Parties        `json:"parties"`
		EndUses        EndUses        `json:"end_uses"`
		Incorporations Incorporations `json:"incorporations"`
	}
	if err := json.Unmarshal([]byte(`{}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Parties.Known() || v.EndUses.Known() || v.Incorporations.Known() {
		t.Error("absent lists must be unknown")
	}
	if err := json.Unmarshal([]byte(`{"parties":[],"end_uses":["supercomputer"],"incorporations":[{"destination":"RU","by_party_with_footnotes":[1]}]}`), &v); err != nil {
		t.Fatal(err)
	}
	if !v.Parties.Known() || v.Parties.Len() != 0 || !v.EndUses.Has(fdp.EndUseSupercomputer) || v.Incorporations.Len() != 1 {
		t.Errorf("decoded %+v", v)
	}
	out, _ := json.Marshal(v)
	if want := `{"parties":[],"end_uses":["supercomputer"],"incorporations":[{"destination":"RU","by_party_with_footnotes":[1]}]}`; string(out) != want {
		t.Errorf("marshal %s, want %s", out, want)
	}
	if err := json.Unmarshal([]byte(`{"end_uses":["golf"]}`), &v); err == nil {
		t.Error("unknown end use accepted")
	}
	if err := json.Unmarshal([]byte(`{"incorporations":[{"destination":"RU","who":1}]}`), &v); err == nil {
		t.Error("unknown incorporation member accepted")
	}
}

// TestAffiliatesOptionOnTheWire: options.affiliates decodes, and
// "suspended" after 2026-11-09 keeps the affiliates rule out of every FDP
// footnote prong of a Check.
func TestAffiliatesOptionOnTheWire(t *testing.T) {
	const base = `{"as_of":"2026-11-20","item":{"id":"A","eccn":"EAR99","kind":"commodity","produced_in":"TW","value":{"amount":"100.00","currency":"USD"},"components":[],
"direct_product_of":[{"eccn":"3E001","origin":"us"}],"plant":{"direct_product_of":[]}},"exported_from":"TW","destination":{"country":"CN"},
"parties":[{"name":"Sub","role":"end_user","country":"CN","ownership":[{"owner":"Parent","percent":"60","entity_list_footnotes":[1]}]}],
"end_uses":[],"incorporations":[],"options":{"affiliates":"%s"}}`
	for policy, want := range map[string]ear.Answer{"as_written": ear.Yes, "suspended": ear.No} {
		req, err := DecodeRequest(strings.NewReader(fmt.Sprintf(base, policy)))
		if err != nil {
			t.Fatalf("%s: %v", policy, err)
		}
		if req.Options.Affiliates.String() != policy {
			t.Fatalf("decoded %q, want %q", req.Options.Affiliates, policy)
		}
		d, err := Check(req)
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range d.FDP() {
			if r.Citation == "15 CFR 734.9(e)(1)" && r.Outcome != want {
				t.Errorf("%s: (e)(1) %s, want %s (%s)", policy, r.OutcomeText(), want, r.Why)
			}
		}
	}
}

// tEndUseAt is one end use located in a country ("" for not stated).
func tEndUseAt(u fdp.EndUse, where string) tMod {
	return func(q *FDPQuery) {
		f := EndUseFact{Use: u}
		if where != "" {
			f.LocatedIn = jurisdiction.MustParseCountry(where)
		}
		q.EndUses = EndUsesOf(f)
	}
}

// TestSupercomputerRuleText pins 734.9(i) to its text of 2025-01-16: the
// direct-product list has 5D002 and 5E002, the plant list leaves out 4D993,
// and the rule reaches a supercomputer "located in or destined to the PRC
// or Macau" wherever the item ships (not D:5: that is 744.23(a)(1)).
func TestSupercomputerRuleText(t *testing.T) {
	sc := fdp.EndUseSupercomputer
	for _, tt := range []struct {
		name string
		q    FDPQuery
		want ear.Answer
	}{
		{"Malaysian card, U.S. 5E002 technology, supercomputer in China, shipped to Malaysia",
			tQuery(tMadeIn("MY"), tDirect("5E002 us"), tTo("MY"), tEndUseAt(sc, "CN")), ear.Yes},
		{"chassis to Singapore for a supercomputer in China (plant of U.S. 3E001)",
			tQuery(tMadeIn("SG"), tPlant("3E001 us"), tTo("SG"), tEndUseAt(sc, "CN")), ear.Yes},
		{"5D002 software in the direct list", tQuery(tDirect("5D002 us"), tTo("CN"), tEndUseAt(sc, "")), ear.Yes},
		{"4D993 on the direct route", tQuery(tDirect("4D993 us"), tTo("CN"), tEndUseAt(sc, "")), ear.Yes},
		{"4D993 on the plant route: not listed", tQuery(tPlant("4D993 us"), tTo("CN"), tEndUseAt(sc, "")), ear.No},
		{"Hong Kong reads as the PRC", tQuery(tDirect("3E001 us"), tTo("HK"), tEndUseAt(sc, "")), ear.Yes},
		{"Macau", tQuery(tDirect("3E001 us"), tTo("MO"), tEndUseAt(sc, "")), ear.Yes},
		{"D:5 but not the PRC or Macau (Iran)", tQuery(tDirect("3E001 us"), tTo("IR"), tEndUseAt(sc, "")), ear.No},
		{"supercomputer in Germany, shipped to China", tQuery(tDirect("3E001 us"), tTo("CN"), tEndUseAt(sc, "DE")), ear.No},
		{"plain end use shipped to Singapore: read as at the destination", tQuery(tDirect("3E001 us"), tTo("SG"), tEndUseAt(sc, "")), ear.No},
		{"end uses unknown, shipped to Singapore: open", tQuery(tDirect("3E001 us"), tTo("SG"), tEndUsesUnknown()), ear.Indeterminate},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res, err := FDP(tt.q)
			if err != nil {
				t.Fatal(err)
			}
			for _, r := range res {
				if r.Citation == "15 CFR 734.9(i)" {
					if r.Outcome != tt.want {
						t.Errorf("(i) %s, want %s: %s", r.OutcomeText(), tt.want, r.Why)
					}
					return
				}
			}
			t.Fatal("734.9(i) not evaluated")
		})
	}
}

// TestComplianceDateShown: between the effective and the compliance date of
// 734.9(k) (2024-12-02, 2024-12-31) the rule applies, and the result says
// that it rests on that reading.
func TestComplianceDateShown(t *testing.T) {
	q := tQuery(tECCN("3B001.c.1.a"), tDirect("3E992 us"), tTo("CN"), tAsOf("2024-12-15"))
	res, err := FDP(q)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range res {
		if r.Citation != "15 CFR 734.9(k)" {
			continue
		}
		if r.Outcome != ear.Yes || len(r.Warnings) == 0 || !strings.Contains(r.Warnings[0], "compliance date of 2024-12-31") {
			t.Errorf("(k) on 2024-12-15: %s, warnings %q", r.OutcomeText(), r.Warnings)
		}
		return
	}
	t.Fatal("(k) not in force on 2024-12-15")
}

// TestIranRuleVersions: 734.9(j) read "Categories 3 through 5 or 7" until
// 2024-07-22 (text of 2023-10-25) and "3 through 9", with the government
// prong, since 2024-07-23 (text of 2025-01-16).
func TestIranRuleVersions(t *testing.T) {
	for _, tt := range []struct {
		asOf, eccn, tech string
		want             ear.Answer
	}{
		{"2024-01-10", "6A003.b.4.a", "6E001 us", ear.No},
		{"2024-08-01", "6A003.b.4.a", "6E001 us", ear.Yes},
		{"2024-01-10", "7A003.a", "7E001 us", ear.Yes},
		{"2024-01-10", "9A012", "9E001 us", ear.No},
	} {
		q := tQuery(tECCN(tt.eccn), tDirect(tt.tech), tTo("IR"), tAsOf(tt.asOf))
		res, err := FDP(q)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range res {
			if r.Citation == "15 CFR 734.9(j)" {
				found = true
				if r.Outcome != tt.want {
					t.Errorf("%s %s: (j) %s, want %s: %s", tt.asOf, tt.eccn, r.OutcomeText(), tt.want, r.Why)
				}
			}
		}
		if !found {
			t.Errorf("%s: (j) not evaluated", tt.asOf)
		}
	}
}

// TestFDPBefore734_9: 734.9 was written on 2022-02-03 (87 FR 6022); before,
// the 9x515 and "600 series" rules stood in General Prohibition Three, and
// an answer on such a date says so.
func TestFDPBefore734_9(t *testing.T) {
	for _, tt := range []struct {
		rule string
		q    FDPQuery
	}{
		{"15 CFR 734.9(c)", tQuery(tECCN("9A515.x"), tDirect("9E515.x us"), tTo("CN"), tAsOf("2021-06-01"))},
		{"15 CFR 734.9(d)", tQuery(tECCN("9A610.x"), tDirect("9E610.a us"), tTo("SA"), tAsOf("2021-06-01"))},
	} {
		rs, err := FDP(tt.q)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, r := range rs {
			if r.Citation == tt.rule {
				found = true
				if r.Outcome != ear.Yes || !strings.Contains(r.Why, "stood at 15 CFR 736.2(b)(3)") {
					t.Errorf("%s on 2021-06-01: %v, %q; want applies, standing at 15 CFR 736.2(b)(3)", tt.rule, r.Outcome, r.Why)
				}
			}
		}
		if !found {
			t.Errorf("%s left out on 2021-06-01", tt.rule)
		}
	}
}
