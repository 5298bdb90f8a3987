package product_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

func TestParseEnums(t *testing.T) {
	type parsed struct {
		valid bool
		text  string
	}
	parsers := map[string]func(string) (parsed, error){
		"origin": func(s string) (parsed, error) {
			v, err := product.ParseOrigin(s)
			return parsed{v.IsValid(), v.String()}, err
		},
		"relation": func(s string) (parsed, error) {
			v, err := product.ParseRelation(s)
			return parsed{v.IsValid(), v.String()}, err
		},
		"encryption status": func(s string) (parsed, error) {
			v, err := product.ParseEncryptionStatus(s)
			return parsed{v.IsValid(), v.String()}, err
		},
	}
	tests := []struct {
		enum    string
		give    string
		wantErr bool
	}{
		{enum: "origin", give: "us"},
		{enum: "origin", give: "foreign"},
		{enum: "origin", give: "foreign_subject_to_ear"},
		{enum: "origin", give: "unknown"},
		{enum: "origin", give: "USA", wantErr: true},
		{enum: "origin", give: "", wantErr: true},
		{enum: "origin", give: "domestic", wantErr: true},
		{enum: "origin", give: " us", wantErr: true},
		{enum: "relation", give: "incorporated"},
		{enum: "relation", give: "bundled"},
		{enum: "relation", give: "commingled"},
		{enum: "relation", give: "Incorporate", wantErr: true},
		{enum: "relation", give: "", wantErr: true},
		{enum: "relation", give: "drawn_from", wantErr: true},
		{enum: "encryption status", give: "mass_market"},
		{enum: "encryption status", give: "740.17(b)(1)"},
		{enum: "encryption status", give: "740.17(b)(2)"},
		{enum: "encryption status", give: "740.17(b)(3)"},
		{enum: "encryption status", give: "unknown"},
		{enum: "encryption status", give: "740.17(b)(4)", wantErr: true},
		{enum: "encryption status", give: "b1", wantErr: true},
		{enum: "encryption status", give: "", wantErr: true},
	}
	for _, tt := range tests {
		t.Run(tt.enum+"/"+tt.give, func(t *testing.T) {
			got, err := parsers[tt.enum](tt.give)
			if tt.wantErr {
				var ee *product.EnumError
				if !errors.As(err, &ee) || ee.Type != tt.enum || ee.Input != tt.give || len(ee.Want) == 0 {
					t.Fatalf("error %v; want *EnumError", err)
				}
				if got.valid {
					t.Error("failed parse returned a valid value")
				}
				return
			}
			if err != nil || !got.valid || got.text != tt.give {
				t.Errorf("got %+v, %v", got, err)
			}
		})
	}
}

func TestEnumText(t *testing.T) {
	for _, o := range []product.Origin{product.OriginUS, product.OriginForeign, product.OriginForeignSubjectToEAR, product.OriginUnknown} {
		b, err := o.MarshalText()
		var back product.Origin
		if err != nil || back.UnmarshalText(b) != nil || back != o {
			t.Errorf("Origin %v: %q, %v", o, b, err)
		}
	}
	for _, r := range []product.Relation{product.Incorporated, product.Bundled, product.Commingled} {
		b, err := r.MarshalText()
		var back product.Relation
		if err != nil || back.UnmarshalText(b) != nil || back != r {
			t.Errorf("Relation %v: %q, %v", r, b, err)
		}
	}
	for e := product.EncryptionMassMarket; e <= product.EncryptionUnknown; e++ {
		b, err := e.MarshalText()
		var back product.EncryptionStatus
		if err != nil || back.UnmarshalText(b) != nil || back != e {
			t.Errorf("EncryptionStatus %v: %q, %v", e, b, err)
		}
	}
	// Zero and out-of-range values are invalid, print empty and do not marshal.
	for _, m := range []interface {
		MarshalText() ([]byte, error)
		String() string
	}{product.Origin(0), product.Origin(9), product.Relation(0), product.Relation(200), product.EncryptionStatus(0), product.EncryptionStatus(6)} {
		if _, err := m.MarshalText(); !errors.Is(err, product.ErrInvalid) || m.String() != "" {
			t.Errorf("%T(%v): MarshalText error %v, String %q", m, m, err, m.String())
		}
	}
	if product.Origin(0).IsValid() || product.Relation(0).IsValid() || product.EncryptionStatus(0).IsValid() {
		t.Error("zero enum values must be invalid")
	}
	var o product.Origin
	if err := o.UnmarshalText([]byte("nowhere")); err == nil || o != 0 {
		t.Errorf("UnmarshalText(nowhere) = %v, %v", o, err)
	}
}

func TestOptBool(t *testing.T) {
	tests := []struct {
		give                 product.OptBool
		wantJSON             string
		wantGiven, wantValue bool
	}{
		{give: product.BoolNotGiven, wantJSON: "null"},
		{give: product.BoolTrue, wantJSON: "true", wantGiven: true, wantValue: true},
		{give: product.BoolFalse, wantJSON: "false", wantGiven: true},
	}
	for _, tt := range tests {
		v, given := tt.give.Get()
		if v != tt.wantValue || given != tt.wantGiven || tt.give.Given() != tt.wantGiven || !tt.give.IsValid() {
			t.Errorf("%v: Get = %v, %v", tt.give, v, given)
		}
		if tt.give.IsTrue() != (tt.wantGiven && tt.wantValue) || tt.give.IsFalse() != (tt.wantGiven && !tt.wantValue) {
			t.Errorf("%v: IsTrue/IsFalse", tt.give)
		}
		b, err := json.Marshal(tt.give)
		if err != nil || string(b) != tt.wantJSON {
			t.Errorf("%v: JSON %s, %v", tt.give, b, err)
		}
		var back product.OptBool
		if err := json.Unmarshal(b, &back); err != nil || back != tt.give {
			t.Errorf("%v: JSON round trip %v, %v", tt.give, back, err)
		}
	}
	if product.OptBoolOf(true) != product.BoolTrue || product.OptBoolOf(false) != product.BoolFalse {
		t.Error("OptBoolOf")
	}
	if product.OptBool(3).IsValid() {
		t.Error("OptBool(3) is valid")
	}
	if _, err := json.Marshal(product.OptBool(3)); err == nil {
		t.Error("marshaling OptBool(3) succeeded")
	}
	for _, give := range []string{`"true"`, `1`, `0`, `{}`, `[]`} {
		var o product.OptBool
		if err := json.Unmarshal([]byte(give), &o); err == nil {
			t.Errorf("Unmarshal(%s) succeeded", give)
		}
	}
}

func TestParseHTS(t *testing.T) {
	tests := []struct {
		give       string
		want       string // canonical String; "" means an *HTSError is expected
		wantDigits string
	}{
		{give: "8471", want: "8471", wantDigits: "8471"},
		{give: "8471.30", want: "8471.30", wantDigits: "847130"},
		{give: "847130", want: "8471.30", wantDigits: "847130"},
		{give: "8471.30.01", want: "8471.30.01", wantDigits: "84713001"},
		{give: "8471.30.0100", want: "8471.30.0100", wantDigits: "8471300100"},
		{give: "8471300100", want: "8471.30.0100", wantDigits: "8471300100"},
		{give: "8471.300100", want: "8471.30.0100", wantDigits: "8471300100"},
		{give: "8471.30.01.00", want: "8471.30.0100", wantDigits: "8471300100"},
		{give: "0101.21.0010", want: "0101.21.0010", wantDigits: "0101210010"},
		{give: ""},
		{give: "847"},
		{give: "84713"},
		{give: "8471.3"},
		{give: "8471.30.010"},
		{give: "84713001000"},
		{give: "8471.30.0100.1"},
		{give: "84.71"},
		{give: ".8471"},
		{give: "8471."},
		{give: "8471..30"},
		{give: "8471-30"},
		{give: "8471 30"},
		{give: " 8471"},
		{give: "８４７１"},
		{give: "HS8471"},
		{give: "8471.30.01\x00"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			h, err := product.ParseHTS(tt.give)
			if tt.want == "" {
				var he *product.HTSError
				if !errors.As(err, &he) || he.Input != tt.give || he.Msg == "" {
					t.Fatalf("ParseHTS(%q) = %v, %v; want *HTSError", tt.give, h, err)
				}
				if h.IsValid() {
					t.Error("failed parse returned a valid HTS")
				}
				return
			}
			if err != nil {
				t.Fatalf("ParseHTS(%q): %v", tt.give, err)
			}
			if h.String() != tt.want || h.Digits() != tt.wantDigits || !h.IsValid() {
				t.Errorf("got %q digits %q", h.String(), h.Digits())
			}
			if h != product.MustParseHTS(tt.want) {
				t.Error("the canonical form parses to a different HTS")
			}
		})
	}
}

func TestHTSCovers(t *testing.T) {
	h := product.MustParseHTS
	tests := []struct {
		a, b product.HTS
		want bool
	}{
		{a: h("8471.30"), b: h("8471.30.0100"), want: true},
		{a: h("8471"), b: h("8471.30"), want: true},
		{a: h("8471.30"), b: h("8471.30"), want: true},
		{a: h("8471.30.0100"), b: h("8471.30"), want: false},
		{a: h("8471.30"), b: h("8471.41.0150"), want: false},
		{a: product.HTS{}, b: h("8471"), want: false},
		{a: h("8471"), b: product.HTS{}, want: false},
	}
	for _, tt := range tests {
		if got := tt.a.Covers(tt.b); got != tt.want {
			t.Errorf("%q.Covers(%q) = %v", tt.a, tt.b, got)
		}
	}
	var zero product.HTS
	if zero.IsValid() || zero.String() != "" {
		t.Error("zero HTS")
	}
	var back product.HTS
	if err := back.UnmarshalText([]byte("847130")); err != nil || back.String() != "8471.30" {
		t.Errorf("UnmarshalText = %v, %v", back, err)
	}
	if err := back.UnmarshalText(nil); err == nil {
		t.Error("UnmarshalText(empty) succeeded")
	}
}

func FuzzParseHTS(f *testing.F) {
	for _, s := range []string{"8471", "8471.30", "8471.30.0100", "8471300100", "8471.30.01.00", "84.71",
		"8471.", "8471..30", "", "８４７１", "84713001000", "8471.3"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "8471."
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "8471.30.0100\u0000", "8471\u200f", "8471.30.0100.99", "8471,30", "-8471", "8471 30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		h, err := product.ParseHTS(s)
		if err != nil {
			if he, ok := err.(*product.HTSError); !ok || he.Input != s {
				t.Fatalf("ParseHTS(%q): error %T %v is not an *HTSError naming the input", s, err, err)
			}
			if h.IsValid() {
				t.Fatal("error with a valid HTS")
			}
			return
		}
		n := len(h.Digits())
		if n != 4 && n != 6 && n != 8 && n != 10 || strings.ReplaceAll(s, ".", "") != h.Digits() {
			t.Fatalf("ParseHTS(%q) digits %q", s, h.Digits())
		}
		h2, err := product.ParseHTS(h.String())
		if err != nil || h2 != h || h2.String() != h.String() {
			t.Fatalf("round trip %q -> %q -> %v, %v", s, h.String(), h2, err)
		}
		h3, err := product.ParseHTS(h.Digits())
		if err != nil || h3 != h {
			t.Fatalf("digits %q do not parse back: %v", h.Digits(), err)
		}
	})
}

// validItem is a complete, valid item; each validation case changes one
// thing in a fresh copy.
func validItem() product.Item {
	return product.Item{
		ID:          "SCAN-1",
		Description: "inspection tool",
		ECCN:        product.MustParseECCN("3B001.f.1"),
		Kind:        product.Commodity,
		ProducedIn:  jurisdiction.MustParseCountry("JP"),
		Value:       product.MustParseMoney("1000000.00", "USD"),
		Components: []product.Line{
			{
				ID: "c1", Description: "FPGA", ECCN: product.MustParseECCN("3A001.a.7"),
				Origin: product.OriginUS, Value: product.MustParseMoney("12000.00", "USD"),
				Quantity: product.QuantityOf(2), Relation: product.Incorporated,
			},
			{
				ID: "c2", Description: "control software", ECCN: product.MustParseECCN("3D001"),
				Origin: product.OriginUS, Value: product.MustParseMoney("900.00", "EUR"),
				Quantity: product.QuantityOf(1), Relation: product.Bundled,
			},
			{
				ID: "c3", Description: "housing", ECCN: product.EAR99,
				Origin: product.OriginForeign, Value: product.MustParseMoney("0", "JPY"),
				Quantity: product.MustParseQuantity("0.5"), Relation: product.Incorporated,
			},
		},
		DirectProductOf: product.LineageOf(product.DirectProduct{ECCN: product.MustParseECCN("3E001"), Origin: product.OriginUS}),
		Plant:           product.NoLineage(),
	}
}

type wantErr struct {
	field string
	is    error
}

func TestItemValidate(t *testing.T) {
	ecc := product.MustParseECCN
	line := func(it *product.Item, i int) *product.Line { return &it.Components[i] }
	tests := []struct {
		name   string
		modify func(it *product.Item)
		want   []wantErr
	}{
		{name: "valid", modify: func(it *product.Item) {}},
		{name: "kind implied by ECCN", modify: func(it *product.Item) { it.Kind = 0 }},
		{name: "no components", modify: func(it *product.Item) { it.Components = nil }},
		{name: "unknown lineages", modify: func(it *product.Item) {
			it.DirectProductOf, it.Plant = product.Lineage{}, product.Lineage{}
		}},

		// The item.
		{name: "item value zero", modify: func(it *product.Item) { it.Value = product.MustParseMoney("0.00", "USD") },
			want: []wantErr{{"item.value.amount", product.ErrOutOfRange}}},
		{name: "item value negative", modify: func(it *product.Item) { it.Value = product.MustParseMoney("-1", "USD") },
			want: []wantErr{{"item.value.amount", product.ErrOutOfRange}}},
		{name: "item value missing", modify: func(it *product.Item) { it.Value = product.Money{} },
			want: []wantErr{{"item.value", product.ErrMissing}}},
		{name: "item value tiny", modify: func(it *product.Item) { it.Value = product.MustParseMoney("0.000000000000000001", "USD") }},
		{name: "produced_in missing", modify: func(it *product.Item) { it.ProducedIn = jurisdiction.Country{} },
			want: []wantErr{{"item.produced_in", product.ErrMissing}}},
		{name: "technology ECCN said commodity", modify: func(it *product.Item) { it.ECCN = ecc("3E001"); it.Components = nil },
			want: []wantErr{{"item.kind", product.ErrInconsistent}}},
		{name: "software ECCN said technology", modify: func(it *product.Item) {
			it.ECCN, it.Kind, it.Components = ecc("5D002"), product.Technology, nil
		}, want: []wantErr{{"item.kind", product.ErrInconsistent}}},
		{name: "EAR99 without kind", modify: func(it *product.Item) { it.ECCN, it.Kind = product.EAR99, 0 },
			want: []wantErr{{"item.kind", product.ErrMissing}}},
		{name: "no ECCN, no kind", modify: func(it *product.Item) { it.ECCN, it.Kind = product.ECCN{}, 0 },
			want: []wantErr{{"item.kind", product.ErrMissing}}},
		{name: "no ECCN, kind given", modify: func(it *product.Item) { it.ECCN = product.ECCN{} }},
		{name: "EAR99 with kind", modify: func(it *product.Item) { it.ECCN = product.EAR99 }},
		{name: "kind out of range", modify: func(it *product.Item) { it.Kind = product.Kind(9) },
			want: []wantErr{{"item.kind", product.ErrInvalid}}},
		{name: "food_or_medicine out of range", modify: func(it *product.Item) { it.FoodOrMedicine = 7 },
			want: []wantErr{{"item.food_or_medicine", product.ErrInvalid}}},
		{name: "food_or_medicine given", modify: func(it *product.Item) { it.FoodOrMedicine = product.BoolFalse }},

		// Line values and quantities.
		{name: "line value zero", modify: func(it *product.Item) { line(it, 0).Value = product.MustParseMoney("0", "USD") }},
		{name: "line value negative", modify: func(it *product.Item) { line(it, 1).Value = product.MustParseMoney("-0.01", "EUR") },
			want: []wantErr{{"item.components[1].value.amount", product.ErrOutOfRange}}},
		{name: "line value missing", modify: func(it *product.Item) { line(it, 0).Value = product.Money{} },
			want: []wantErr{{"item.components[0].value", product.ErrMissing}}},
		{name: "line in another currency", modify: func(it *product.Item) { line(it, 0).Value = product.MustParseMoney("11000", "CHF") }},
		{name: "quantity zero", modify: func(it *product.Item) { line(it, 2).Quantity = product.MustParseQuantity("0") },
			want: []wantErr{{"item.components[2].quantity", product.ErrOutOfRange}}},
		{name: "quantity negative", modify: func(it *product.Item) { line(it, 0).Quantity = product.QuantityOf(-3) },
			want: []wantErr{{"item.components[0].quantity", product.ErrOutOfRange}}},
		{name: "quantity missing", modify: func(it *product.Item) { line(it, 0).Quantity = product.Quantity{} },
			want: []wantErr{{"item.components[0].quantity", product.ErrMissing}}},
		{name: "quantity defaulted", modify: func(it *product.Item) {
			line(it, 0).Quantity = product.Quantity{}
			*line(it, 0) = line(it, 0).WithDefaultQuantity()
		}},

		// Line ids and origins.
		{name: "line id missing", modify: func(it *product.Item) { line(it, 1).ID = "" },
			want: []wantErr{{"item.components[1].id", product.ErrMissing}}},
		{name: "line id duplicate", modify: func(it *product.Item) { line(it, 2).ID = "c1" },
			want: []wantErr{{"item.components[2].id", product.ErrDuplicate}}},
		{name: "origin missing", modify: func(it *product.Item) { line(it, 0).Origin = 0 },
			want: []wantErr{{"item.components[0].origin", product.ErrMissing}}},
		{name: "origin unknown said", modify: func(it *product.Item) { line(it, 0).Origin = product.OriginUnknown }},
		{name: "origin out of range", modify: func(it *product.Item) { line(it, 0).Origin = 42 },
			want: []wantErr{{"item.components[0].origin", product.ErrInvalid}}},
		{name: "origin foreign_subject_to_ear on a line", modify: func(it *product.Item) { line(it, 2).Origin = product.OriginForeignSubjectToEAR },
			want: []wantErr{{"item.components[2].origin", product.ErrInvalid}}},

		// Relations against kinds.
		{name: "relation missing", modify: func(it *product.Item) { line(it, 0).Relation = 0 },
			want: []wantErr{{"item.components[0].relation", product.ErrMissing}}},
		{name: "relation out of range", modify: func(it *product.Item) { line(it, 0).Relation = 9 },
			want: []wantErr{{"item.components[0].relation", product.ErrInvalid}}},
		{name: "software incorporated", modify: func(it *product.Item) { line(it, 1).Relation = product.Incorporated },
			want: []wantErr{{"item.components[1].relation", product.ErrInconsistent}}},
		{name: "technology incorporated", modify: func(it *product.Item) { line(it, 0).ECCN = ecc("3E001") },
			want: []wantErr{{"item.components[0].relation", product.ErrInconsistent}}},
		{name: "commodity bundled", modify: func(it *product.Item) { line(it, 0).Relation = product.Bundled },
			want: []wantErr{{"item.components[0].relation", product.ErrInconsistent}}},
		{name: "EAR99 bundled with commodity", modify: func(it *product.Item) { line(it, 1).ECCN = product.EAR99 }},
		{name: "unclassified line incorporated", modify: func(it *product.Item) { line(it, 0).ECCN = product.ECCN{} }},
		{name: "commingled into commodity", modify: func(it *product.Item) { line(it, 1).Relation = product.Commingled },
			want: []wantErr{{"item.components[1].relation", product.ErrInconsistent}}},
		{name: "technology commingled into technology", modify: func(it *product.Item) {
			it.ECCN, it.Kind = ecc("3E001"), product.Technology
			it.Components = []product.Line{techLine("t1", "3E001"), techLine("t2", "EAR99")}
		}},
		{name: "software commingled into software", modify: func(it *product.Item) {
			it.ECCN, it.Kind = ecc("5D002"), product.Software
			it.Components = []product.Line{techLine("s1", "5D002.c.1"), techLine("s2", "")}
		}},
		{name: "software commingled into technology", modify: func(it *product.Item) {
			it.ECCN, it.Kind = ecc("3E001"), product.Technology
			it.Components = []product.Line{techLine("t1", "3E001"), techLine("s1", "3D001")}
		}, want: []wantErr{{"item.components[1].relation", product.ErrInconsistent}}},
		{name: "commodity commingled into technology", modify: func(it *product.Item) {
			it.ECCN, it.Kind = ecc("3E001"), product.Technology
			it.Components = []product.Line{techLine("c1", "3A001")}
		}, want: []wantErr{{"item.components[0].relation", product.ErrInconsistent}}},
		{name: "incorporated into technology", modify: func(it *product.Item) {
			it.ECCN, it.Kind = ecc("3E001"), product.Technology
			it.Components = it.Components[2:]
		}, want: []wantErr{{"item.components[0].relation", product.ErrInconsistent}}},
		{name: "bundled with software", modify: func(it *product.Item) {
			it.ECCN, it.Kind = ecc("5D002"), product.Software
			it.Components = it.Components[1:2]
		}, want: []wantErr{{"item.components[0].relation", product.ErrInconsistent}}},
		{name: "kind conflict reported once", modify: func(it *product.Item) { it.ECCN = ecc("3E001") },
			want: []wantErr{{"item.kind", product.ErrInconsistent}}},
		{name: "commodity commingled, item kind unknown", modify: func(it *product.Item) {
			it.ECCN, it.Kind = product.EAR99, 0
			it.Components = []product.Line{techLine("c1", "3A001")}
		}, want: []wantErr{{"item.kind", product.ErrMissing}, {"item.components[0].relation", product.ErrInconsistent}}},

		// Optional line facts.
		{name: "license_required given", modify: func(it *product.Item) { line(it, 0).LicenseRequired = product.BoolTrue }},
		{name: "license_required out of range", modify: func(it *product.Item) { line(it, 0).LicenseRequired = 5 },
			want: []wantErr{{"item.components[0].license_required", product.ErrInvalid}}},
		{name: "encryption on a category 5 line", modify: func(it *product.Item) {
			l := line(it, 1)
			l.ECCN, l.Encryption = ecc("5D002.c.1"), product.EncryptionB1
		}},
		{name: "encryption on an EAR99 line", modify: func(it *product.Item) { line(it, 2).Encryption = product.EncryptionMassMarket }},
		{name: "encryption on a category 3 line", modify: func(it *product.Item) { line(it, 0).Encryption = product.EncryptionUnknown },
			want: []wantErr{{"item.components[0].encryption", product.ErrInconsistent}}},
		{name: "encryption out of range", modify: func(it *product.Item) { line(it, 1).Encryption = 6 },
			want: []wantErr{{"item.components[1].encryption", product.ErrInvalid}}},
		{name: "integrated circuit", modify: func(it *product.Item) { line(it, 0).IntegratedCircuit = product.BoolTrue }},
		{name: "not an integrated circuit", modify: func(it *product.Item) { line(it, 1).IntegratedCircuit = product.BoolFalse }},
		{name: "software integrated circuit", modify: func(it *product.Item) { line(it, 1).IntegratedCircuit = product.BoolTrue },
			want: []wantErr{{"item.components[1].integrated_circuit", product.ErrInconsistent}}},
		{name: "bundled EAR99 integrated circuit", modify: func(it *product.Item) {
			l := line(it, 1)
			l.ECCN, l.IntegratedCircuit = product.EAR99, product.BoolTrue
		}, want: []wantErr{{"item.components[1].integrated_circuit", product.ErrInconsistent}}},
		{name: "integrated circuit out of range", modify: func(it *product.Item) { line(it, 0).IntegratedCircuit = 4 },
			want: []wantErr{{"item.components[0].integrated_circuit", product.ErrInvalid}}},
		{name: "HTS given", modify: func(it *product.Item) {
			it.HTS = product.MustParseHTS("9031.41")
			line(it, 2).HTS = product.MustParseHTS("8473.30.1180")
		}},

		// Lineages.
		{name: "lineage origin missing", modify: func(it *product.Item) {
			it.DirectProductOf = product.LineageOf(
				product.DirectProduct{ECCN: ecc("3E001"), Origin: product.OriginUS},
				product.DirectProduct{ECCN: ecc("3D001")},
			)
		}, want: []wantErr{{"item.direct_product_of[1].origin", product.ErrMissing}}},
		{name: "lineage origin out of range", modify: func(it *product.Item) {
			it.DirectProductOf = product.LineageOf(product.DirectProduct{ECCN: ecc("3E001"), Origin: 8})
		}, want: []wantErr{{"item.direct_product_of[0].origin", product.ErrInvalid}}},
		{name: "lineage ECCN missing", modify: func(it *product.Item) {
			it.DirectProductOf = product.LineageOf(product.DirectProduct{Origin: product.OriginUnknown})
		}, want: []wantErr{{"item.direct_product_of[0].eccn", product.ErrMissing}}},
		{name: "lineage of a commodity", modify: func(it *product.Item) {
			it.DirectProductOf = product.LineageOf(product.DirectProduct{ECCN: ecc("3A001"), Origin: product.OriginUS})
		}, want: []wantErr{{"item.direct_product_of[0].eccn", product.ErrInconsistent}}},
		{name: "lineage full entry", modify: func(it *product.Item) {
			it.DirectProductOf = product.LineageOf(product.DirectProduct{
				ECCN: ecc("3E001"), Origin: product.OriginForeignSubjectToEAR, For: ecc("3A090"),
				WrittenAssurance: product.BoolFalse, DeveloperHeadquarteredIn: jurisdiction.MustParseCountry("US"),
			}, product.DirectProduct{ECCN: product.EAR99, Origin: product.OriginForeign})
		}},
		{name: "lineage written_assurance out of range", modify: func(it *product.Item) {
			it.DirectProductOf = product.LineageOf(product.DirectProduct{ECCN: ecc("3E001"), Origin: product.OriginUS, WrittenAssurance: 3})
		}, want: []wantErr{{"item.direct_product_of[0].written_assurance", product.ErrInvalid}}},
		{name: "plant lineage", modify: func(it *product.Item) {
			it.Plant = product.LineageOf(product.DirectProduct{ECCN: ecc("3D991")})
		}, want: []wantErr{{"item.plant.direct_product_of[0].origin", product.ErrMissing}}},
		{name: "line plant lineage", modify: func(it *product.Item) {
			line(it, 0).Plant = product.LineageOf(product.DirectProduct{ECCN: ecc("3B001"), Origin: product.OriginUS})
		}, want: []wantErr{{"item.components[0].plant.direct_product_of[0].eccn", product.ErrInconsistent}}},

		// One-time report.
		{name: "one-time report on technology", modify: func(it *product.Item) {
			it.ECCN, it.Kind, it.Components = ecc("3E003.b"), product.Technology, nil
			it.OneTimeReport = product.OneTimeReport{FiledOn: jurisdiction.MustParseDate("2026-02-02")}
		}},
		{name: "one-time report on a commodity", modify: func(it *product.Item) {
			it.OneTimeReport = product.OneTimeReport{FiledOn: jurisdiction.MustParseDate("2026-02-02")}
		}, want: []wantErr{{"item.one_time_report", product.ErrInconsistent}}},
		{name: "one-time report without date", modify: func(it *product.Item) {
			it.ECCN, it.Kind, it.Components = ecc("3E003.b"), product.Technology, nil
			it.OneTimeReport = product.OneTimeReport{Objection: true}
		}, want: []wantErr{{"item.one_time_report.filed_on", product.ErrMissing}}},

		// Everything at once, in wire order.
		{name: "many problems", modify: func(it *product.Item) {
			it.ECCN = ecc("3E001")
			it.ProducedIn = jurisdiction.Country{}
			it.Value = product.MustParseMoney("0", "USD")
			line(it, 0).Quantity = product.QuantityOf(0)
			line(it, 0).Origin = 0
			line(it, 2).ID = "c1"
			line(it, 2).Value = product.MustParseMoney("-5", "JPY")
			it.DirectProductOf = product.LineageOf(product.DirectProduct{}, product.DirectProduct{ECCN: ecc("3E001"), Origin: product.OriginUS})
		}, want: []wantErr{
			{"item.kind", product.ErrInconsistent},
			{"item.produced_in", product.ErrMissing},
			{"item.value.amount", product.ErrOutOfRange},
			{"item.components[0].origin", product.ErrMissing},
			{"item.components[0].quantity", product.ErrOutOfRange},
			{"item.components[2].id", product.ErrDuplicate},
			{"item.components[2].value.amount", product.ErrOutOfRange},
			{"item.direct_product_of[0].eccn", product.ErrMissing},
			{"item.direct_product_of[0].origin", product.ErrMissing},
		}},
		{name: "zero Item", modify: func(it *product.Item) { *it = product.Item{} }, want: []wantErr{
			{"item.kind", product.ErrMissing},
			{"item.produced_in", product.ErrMissing},
			{"item.value", product.ErrMissing},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := validItem()
			tt.modify(&it)
			err := it.Validate()
			checkFieldErrors(t, err, tt.want)
		})
	}
}

// techLine is a US line commingled into a software or technology item.
func techLine(id, eccn string) product.Line {
	l := product.Line{
		ID: id, Origin: product.OriginUS, Value: product.MustParseMoney("100", "USD"),
		Quantity: product.DefaultQuantity(), Relation: product.Commingled,
	}
	if eccn != "" {
		l.ECCN = product.MustParseECCN(eccn)
	}
	return l
}

func checkFieldErrors(t *testing.T, err error, want []wantErr) {
	t.Helper()
	if len(want) == 0 {
		if err != nil {
			t.Fatalf("Validate() = %v; want nil", err)
		}
		return
	}
	if err == nil {
		t.Fatalf("Validate() = nil; want %v", want)
	}
	var fe *product.FieldError
	if !errors.As(err, &fe) || fe.Field != want[0].field {
		t.Errorf("errors.As found %v; want the first, %s", fe, want[0].field)
	}
	got := product.FieldErrors(err)
	fields := make([]string, len(got))
	for i, e := range got {
		fields[i] = e.Field
	}
	wantFields := make([]string, len(want))
	for i, w := range want {
		wantFields[i] = w.field
	}
	if !slices.Equal(fields, wantFields) {
		t.Fatalf("fields %q; want %q\n%v", fields, wantFields, err)
	}
	for i, w := range want {
		if !errors.Is(got[i], w.is) {
			t.Errorf("%s: %v is not %v", w.field, got[i], w.is)
		}
		if !strings.HasPrefix(got[i].Error(), "ear: "+w.field+": ") || len(got[i].Error()) <= len(w.field)+8 {
			t.Errorf("%s: message %q", w.field, got[i].Error())
		}
		if got[i].Code() == "" {
			t.Errorf("%s: empty code", w.field)
		}
		if !errors.Is(err, w.is) {
			t.Errorf("the joined error is not %v", w.is)
		}
	}
}

func TestItemEffectiveKind(t *testing.T) {
	tests := []struct {
		give product.Item
		want product.Kind
	}{
		{give: product.Item{Kind: product.Software}, want: product.Software},
		{give: product.Item{ECCN: product.MustParseECCN("3E001")}, want: product.Technology},
		{give: product.Item{ECCN: product.MustParseECCN("3E001"), Kind: product.Commodity}, want: product.Commodity},
		{give: product.Item{ECCN: product.EAR99}, want: 0},
		{give: product.Item{}, want: 0},
	}
	for _, tt := range tests {
		if got := tt.give.EffectiveKind(); got != tt.want {
			t.Errorf("%v/%v: EffectiveKind = %v, want %v", tt.give.ECCN, tt.give.Kind, got, tt.want)
		}
	}
}

func TestLineTotalAndDefaults(t *testing.T) {
	l := validItem().Components[0]
	total, err := l.Total()
	if err != nil || total.String() != "24000.00 USD" {
		t.Errorf("Total = %v, %v", total, err)
	}
	l.Quantity = product.Quantity{}
	if _, err := l.Total(); err == nil {
		t.Error("Total without a quantity succeeded")
	}
	if d := l.WithDefaultQuantity(); d.Quantity.String() != "1" || l.Quantity.IsValid() {
		t.Errorf("WithDefaultQuantity = %q (and the receiver must not change)", d.Quantity.String())
	}
	l.Quantity = product.QuantityOf(0)
	if d := l.WithDefaultQuantity(); d.Quantity.String() != "0" {
		t.Errorf("WithDefaultQuantity replaced a given quantity: %q", d.Quantity.String())
	}
}

func TestItemEqual(t *testing.T) {
	a, b := validItem(), validItem()
	if !a.Equal(b) {
		t.Fatal("two valid items differ")
	}
	b.Value = product.MustParseMoney("1000000", "USD") // same amount, other scale
	b.Components[0].Quantity = product.MustParseQuantity("2.0")
	if !a.Equal(b) {
		t.Error("numerically equal amounts must be Equal")
	}
	b.Components[0].Value = product.MustParseMoney("12000.01", "USD")
	if a.Equal(b) {
		t.Error("items with different line values are Equal")
	}
	c := validItem()
	c.Plant = product.Lineage{}
	if a.Equal(c) {
		t.Error("known-empty and unknown plant lineages are Equal")
	}
	d, e := validItem(), validItem()
	d.Components, e.Components = nil, []product.Line{}
	if d.Equal(e) {
		t.Error("unknown (nil) and none ([]) components are Equal")
	}
}

// A full item in the wire format, with every optional fact.
const fullItemJSON = `{
  "id": "SCAN-1", "description": "inspection tool",
  "eccn": "3B001.f.1", "kind": "commodity", "produced_in": "JP",
  "value": {"amount": "1000000.00", "currency": "USD"},
  "components": [
    {"id": "c1", "description": "FPGA", "eccn": "3A001.a.7", "origin": "us",
     "value": {"amount": "12000.00", "currency": "USD"}, "quantity": "2",
     "relation": "incorporated", "license_required": true, "integrated_circuit": true,
     "hts": "8542.39.0090", "plant": {"direct_product_of": [{"eccn": "3E001", "origin": "us"}]}},
    {"id": "c2", "eccn": "5D002.c.1", "origin": "unknown",
     "value": {"amount": "900.00", "currency": "EUR"},
     "relation": "bundled", "encryption": "740.17(b)(1)", "license_required": false}
  ],
  "direct_product_of": [{"eccn": "3E001", "origin": "us", "for": "3A090",
    "written_assurance": false, "developer_headquartered_in": "US"}],
  "plant": {"direct_product_of": []},
  "hts": "9031.41",
  "food_or_medicine": false
}`

func TestItemValidateDuplicateIDsLongBOM(t *testing.T) {
	for _, n := range []int{3, 32, 33, 128, 129, 1000} { // 128: the last bill indexed on the stack
		it := validItem()
		base := it.Components[0]
		it.Components = nil
		for i := range n {
			l := base
			l.ID = fmt.Sprintf("c%d", i)
			it.Components = append(it.Components, l)
		}
		if err := it.Validate(); err != nil {
			t.Fatalf("%d unique lines: %v", n, err)
		}
		it.Components[n-1].ID = "c1"
		it.Components[n-2].ID = "c1"
		want := []wantErr{
			{fmt.Sprintf("item.components[%d].id", n-2), product.ErrDuplicate},
			{fmt.Sprintf("item.components[%d].id", n-1), product.ErrDuplicate},
		}
		if n == 3 { // lines 1 and 2 both duplicate line 1's id: only line 2 is reported
			want = want[1:]
		}
		checkFieldErrors(t, it.Validate(), want)
		if fe := product.FieldErrors(it.Validate()); !strings.Contains(fe[len(fe)-1].Error(), "item.components[1]") {
			t.Errorf("%d lines: %v does not name the first line with the id", n, fe[len(fe)-1])
		}
	}
}

func BenchmarkItemValidate50(b *testing.B) {
	it := validItem()
	base := it.Components[0]
	it.Components = nil
	for i := range 50 {
		l := base
		l.ID = fmt.Sprintf("c%d", i)
		it.Components = append(it.Components, l)
	}
	b.ReportAllocs()
	for b.Loop() {
		if err := it.Validate(); err != nil {
			b.Fatal(err)
		}
	}
}
