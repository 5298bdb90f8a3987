package license

import (
	"errors"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

var asOf = jurisdiction.MustParseDate("2026-11-28")

// chartDests are the ten destinations of the hand-written expectations, in
// the order of the want strings below.
var chartDests = []string{"CN", "HK", "MO", "RU", "IR", "CU", "DE", "JP", "IN", "AE"}

// TestCountryChartByHand checks the license requirement of 43 ECCN
// paragraphs to ten destinations against expectations written by hand from
// the License Requirements tables of the CCL (eCFR 2026-07-23) and the
// Commerce Country Chart (eCFR 2026-09-24): Y a license is required, N none
// under the CCL-based rules and Part 746, I indeterminate on the ECCN alone.
//
// How they were derived, in short: CN: every column but CC2, AT1, AT2 and
// FC1 is marked; HK reads as CN; MO has CN's marks but is not in D:5; RU:
// footnote 6 and 746.8 require a license for every CCL item, EAR99 only if
// listed by HTS code; IR: 746.7 reaches every CCL item naming a chart
// column, EAR99 only if listed by HTS code; CU: 746.2 reaches every item;
// DE and JP: CB1, NS1, MT1, RS1; IN: CB1, NP1, NS1, MT1, RS1 (A:5, so out of
// the "not A:5/A:6" sets) and footnote 7; AE: every column but NP2, CC2,
// AT1, AT2 and FC1, in A:5 since 2026-07-10 but named in the RS .z rows.
func TestCountryChartByHand(t *testing.T) {
	tests := []struct {
		eccn string
		want string // one letter per destination of chartDests
	}{
		{"3A001.a.1.a", "YYYYYYIIIY"}, // NS2 entire; MT1 conditional (usable in missiles)
		{"3A001.b.2", "YYYYYYIIIY"},   // NS1/RS1 conditional (civil telecom); NS2 entire
		{"3A001.z.1.a", "YYYYYYYYYY"}, // RS worldwide 742.6(a)(6)(iii)(A)
		{"3A001.z.1.b", "YYYYYYNNNY"}, // RS AE+D1/D4/D5 less A5/A6
		{"3A001.e.2", "YYYYYYNNIY"},   // NP1 conditional (3A201 parameters)
		{"3A090.a", "YYYYYYYYYY"},
		{"3A090.b", "YYYYYYNNNY"},
		{"3A090.c", "YYYYYYNNNN"}, // Macau + D:5
		{"3A090", "IIIYYYIIII"},   // paragraph needed
		{"4A090.a", "YYYYYYYYYY"},
		{"4A090.b", "YYYYYYNNNY"},
		{"5A002.a", "YYYYYYYYYY"}, // NS1 + EI (742.15 all but Canada)
		{"4A994.j", "NNNYYYNNNN"}, // AT only
		{"5A992.c", "NNNYYYNNNN"},
		{"3A991.a", "NNNYYYNNNN"},
		{"EAR99", "NNNIIYNNNN"},       // RU/IR need HTS
		{"3B001.c.1.a", "YYYYYYYYYY"}, // worldwide NS/RS
		{"3B001.f.1", "YYYYYYNNNN"},   // Macau+D:5
		{"3B001.a.1", "YYYYYYNNNY"},   // NS2 (range a.1 to a.3)
		{"3B001.k", "YYYYYYNNNN"},     // range k to n
		{"3B001.q", "YYYYYYYYYY"},
		{"9A515.y.1", "YYNYYYNNNN"}, // CN/RU/VE
		{"9A515.a.1", "YYYYYYYYYY"}, // NS1/RS1
		{"9A515.e.1", "YYYYYYNNYY"}, // RS2; India fn 7
		{"9A515.x", "YYYYYYNNNY"},
		{"1C350.a", "YYYYYYNNNY"}, // CB2
		{"2B001.a", "YYYYYYNNIY"}, // NP1 conditional
		{"3A992.a", "NNNYYYNNNN"}, // RS Pakistan only
		{"5D002.c.1", "YYYYYYYYYY"},
		{"6A003.b.4.b", "YYYYYYIIIY"}, // RS1/RS2 conditional
		{"0A501.a", "YYYYYYYYYY"},
		{"0A501.y.1", "NNNYYYNNNN"}, // only UN/AT
		{"9A610.y.1", "YYNYYYNNNN"},
		{"4A003.z.1.a", "YYYYYYYYYY"},
		{"4A003.g", "YYYYYYNNNY"},
		{"5A001.f.1", "YYYYYYYYYY"}, // SL all destinations
		{"4E091", "YYYYYYYYYY"},
		{"3A611.y.1", "YYNYYYNNNN"},
		{"1C992", "NNNYYYNNNN"}, // RS Iraq; 746.8
		{"5A992.z.1", "YYYYYYYYYY"},
		{"5A992.z.2", "YYYYYYNNNY"},
		{"1A004.d", "YYYYYYNNNY"}, // NS2 + RS2
		{"3B001.f.2", "YYYYYYNNNY"},
	}
	if len(tests) < 40 {
		t.Fatalf("only %d ECCN paragraphs", len(tests))
	}
	letter := map[ear.Answer]byte{ear.Yes: 'Y', ear.No: 'N', ear.Indeterminate: 'I'}
	for _, tt := range tests {
		e := product.MustParseECCN(tt.eccn)
		for i, code := range chartDests {
			t.Run(tt.eccn+"/"+code, func(t *testing.T) {
				res, err := CountryChart(ChartQuery{
					ECCN:        e,
					Destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry(code)},
					AsOf:        asOf,
				})
				if err != nil {
					t.Fatal(err)
				}
				if got := letter[res.Required]; got != tt.want[i] {
					t.Errorf("%s to %s: got %c, want %c\n%s", tt.eccn, code, got, tt.want[i], describe(res))
				}
				if res.Required == ear.Indeterminate && len(res.Missing()) == 0 {
					t.Errorf("%s to %s: indeterminate without a missing fact", tt.eccn, code)
				}
				for _, f := range res.Findings {
					if f.Citation == "" || f.Why == "" || !f.Required.IsValid() {
						t.Errorf("finding without citation, reason or answer: %+v", f)
					}
				}
			})
		}
	}
}

func describe(r ChartResult) string {
	var b strings.Builder
	for _, f := range r.Findings {
		b.WriteString("  " + f.Required.String() + "  " + f.Citation + "  " + f.Why + "\n")
	}
	return b.String()
}

func TestCountryChartDetails(t *testing.T) {
	q := func(eccn, dest string) ChartQuery {
		return ChartQuery{ECCN: product.MustParseECCN(eccn), Destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry(dest)}, AsOf: asOf}
	}
	t.Run("UAE before it joined A:5 is still named by the .z rows", func(t *testing.T) {
		qq := q("3A090.b", "AE")
		qq.AsOf = jurisdiction.MustParseDate("2026-07-09")
		res, err := CountryChart(qq)
		if err != nil || res.Required != ear.Yes {
			t.Fatalf("got %v, %v", res.Required, err)
		}
	})
	t.Run("India is out of the D-group sets through A:5", func(t *testing.T) {
		res, _ := CountryChart(q("3A090.b", "IN"))
		if res.Required != ear.No {
			t.Fatalf("got %v\n%s", res.Required, describe(res))
		}
	})
	t.Run("Liechtenstein follows Switzerland", func(t *testing.T) {
		res, err := CountryChart(q("9A515.a.1", "LI"))
		if err != nil || res.Required != ear.Yes || res.ChartRow.Country() != jurisdiction.Switzerland {
			t.Fatalf("got %v %v %v", res.Required, res.ChartRow.Country(), err)
		}
	})
	t.Run("Canada: EI excepted, NS1 not marked", func(t *testing.T) {
		res, _ := CountryChart(q("5A002.a", "CA"))
		if res.Required != ear.No {
			t.Fatalf("got %v\n%s", res.Required, describe(res))
		}
	})
	t.Run("Australia footnote 10 keeps 0A501 firearms licensed", func(t *testing.T) {
		res, _ := CountryChart(q("0A501.a", "AU"))
		if res.Required != ear.Yes || len(res.Requiring(ear.Yes)) == 0 || res.Requiring(ear.Yes)[0].Kind != FromFootnote {
			t.Fatalf("got %v\n%s", res.Required, describe(res))
		}
		res, _ = CountryChart(q("0A501.y.1", "AU"))
		if res.Required != ear.No {
			t.Fatalf("0A501.y.1 to AU: got %v\n%s", res.Required, describe(res))
		}
	})
	t.Run("Iraq: UN and RS Iraq rows", func(t *testing.T) {
		for _, e := range []string{"0A501.y.1", "1C992"} {
			res, _ := CountryChart(q(e, "IQ"))
			if res.Required != ear.Yes {
				t.Errorf("%s to IQ: got %v\n%s", e, res.Required, describe(res))
			}
		}
	})
	t.Run("Pakistan: 3A992", func(t *testing.T) {
		res, _ := CountryChart(q("3A992.a", "PK"))
		if res.Required != ear.Yes {
			t.Fatalf("got %v\n%s", res.Required, describe(res))
		}
	})
	t.Run("North Korea EAR99 food", func(t *testing.T) {
		qq := q("EAR99", "KP")
		res, _ := CountryChart(qq)
		if res.Required != ear.Indeterminate || res.Missing()[0] != "item.food_or_medicine" {
			t.Fatalf("unknown food: got %v %v", res.Required, res.Missing())
		}
		qq.FoodOrMedicine = product.BoolTrue
		if res, _ = CountryChart(qq); res.Required != ear.No {
			t.Fatalf("food: got %v", res.Required)
		}
		qq.FoodOrMedicine = product.BoolFalse
		if res, _ = CountryChart(qq); res.Required != ear.Yes {
			t.Fatalf("not food: got %v", res.Required)
		}
	})
	t.Run("Crimea region", func(t *testing.T) {
		qq := q("4A994.j", "UA")
		res, _ := CountryChart(qq)
		if res.Required != ear.No {
			t.Fatalf("rest of Ukraine: got %v\n%s", res.Required, describe(res))
		}
		qq.Destination.Region = jurisdiction.RegionCrimea
		if res, _ = CountryChart(qq); res.Required != ear.Yes {
			t.Fatalf("Crimea: got %v\n%s", res.Required, describe(res))
		}
	})
	t.Run("technology rows turn on what it is for", func(t *testing.T) {
		qq := q("3D001", "DE")
		res, _ := CountryChart(qq)
		if res.Required != ear.Indeterminate {
			t.Fatalf("3D001 without for: got %v\n%s", res.Required, describe(res))
		}
		qq.For = product.MustParseECCN("3A090.a")
		if res, _ = CountryChart(qq); res.Required != ear.Yes {
			t.Fatalf("3D001 for 3A090.a: got %v\n%s", res.Required, describe(res))
		}
	})
}

func TestCountryChartErrors(t *testing.T) {
	cn := jurisdiction.Destination{Country: jurisdiction.China}
	tests := []struct {
		name  string
		q     ChartQuery
		field string
	}{
		{"no ECCN", ChartQuery{Destination: cn, AsOf: asOf}, "eccn"},
		{"not on the CCL", ChartQuery{ECCN: product.MustParseECCN("3A098"), Destination: cn, AsOf: asOf}, "eccn"},
		{"no destination", ChartQuery{ECCN: product.EAR99, AsOf: asOf}, "destination"},
		{"region outside Ukraine", ChartQuery{ECCN: product.EAR99, Destination: jurisdiction.Destination{Country: jurisdiction.China, Region: jurisdiction.RegionCrimea}, AsOf: asOf}, "destination"},
		{"no date", ChartQuery{ECCN: product.EAR99, Destination: cn}, "as_of"},
		{"before 2020", ChartQuery{ECCN: product.EAR99, Destination: cn, AsOf: jurisdiction.MustParseDate("2019-12-31")}, "destination.country"},
		{"no chart row", ChartQuery{ECCN: product.EAR99, Destination: jurisdiction.Destination{Country: jurisdiction.UnitedStates}, AsOf: asOf}, "destination.country"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := CountryChart(tt.q)
			qe, ok := errors.AsType[*product.FieldError](err)
			if !ok || qe.Field != tt.field {
				t.Fatalf("got %v, want a *product.FieldError on %s", err, tt.field)
			}
		})
	}
}

func TestAnswerLogic(t *testing.T) {
	all := []ear.Answer{ear.Yes, ear.No, ear.Indeterminate}
	for _, a := range all {
		for _, b := range all {
			if a.And(b) != b.And(a) || a.Or(b) != b.Or(a) {
				t.Fatalf("And/Or not commutative for %v %v", a, b)
			}
		}
		if a.And(ear.No) != ear.No || a.Or(ear.Yes) != ear.Yes || a.And(ear.Yes) != a || a.Or(ear.No) != a {
			t.Fatalf("identities fail for %v", a)
		}
		s, _ := a.MarshalText()
		var back ear.Answer
		if err := back.UnmarshalText(s); err != nil || back != a {
			t.Fatalf("text round trip %v", a)
		}
	}
	if _, err := ear.ParseAnswer("maybe"); err == nil {
		t.Fatal("ParseAnswer accepted maybe")
	}
}

func BenchmarkCountryChart(b *testing.B) {
	q := ChartQuery{ECCN: product.MustParseECCN("3A001.b.2"), Destination: jurisdiction.Destination{Country: jurisdiction.China}, AsOf: asOf}
	for b.Loop() {
		if _, err := CountryChart(q); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCountryChartLean(b *testing.B) {
	q := ChartQuery{ECCN: product.MustParseECCN("3A001.b.2"), Destination: jurisdiction.Destination{Country: jurisdiction.China}, AsOf: asOf}
	for b.Loop() {
		if _, err := countryChart(q, false); err != nil {
			b.Fatal(err)
		}
	}
}
