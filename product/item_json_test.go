package product_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

func TestItemJSON(t *testing.T) {
	var it product.Item
	if err := json.Unmarshal([]byte(fullItemJSON), &it); err != nil {
		t.Fatal(err)
	}
	if err := it.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	c0, c1 := it.Components[0], it.Components[1]
	if c0.Quantity.String() != "2" || c1.Quantity.String() != "1" {
		t.Errorf("quantities %q %q; want the given 2 and the default 1", c0.Quantity, c1.Quantity)
	}
	if !c0.LicenseRequired.IsTrue() || !c1.LicenseRequired.IsFalse() || !c0.IntegratedCircuit.IsTrue() || c1.IntegratedCircuit.Given() {
		t.Error("tri-state facts decoded wrong")
	}
	if c1.Encryption != product.EncryptionB1 || c1.Origin != product.OriginUnknown || c0.HTS.String() != "8542.39.0090" {
		t.Error("line facts decoded wrong")
	}
	if !c0.Plant.Known() || c0.Plant.Len() != 1 || c1.Plant.Known() {
		t.Errorf("line plants %v / %v", c0.Plant, c1.Plant)
	}
	if !it.Plant.Known() || it.Plant.Len() != 0 || it.DirectProductOf.Len() != 1 {
		t.Errorf("lineages %v / %v", it.DirectProductOf, it.Plant)
	}
	for _, dp := range it.DirectProductOf.All() {
		if dp.For.String() != "3A090" || !dp.WrittenAssurance.IsFalse() || dp.DeveloperHeadquarteredIn.String() != "US" {
			t.Errorf("lineage entry %+v", dp)
		}
	}
	if !it.FoodOrMedicine.IsFalse() || it.HTS.String() != "9031.41" || it.OneTimeReport.Given() {
		t.Error("item facts decoded wrong")
	}

	b, err := json.Marshal(it)
	if err != nil {
		t.Fatal(err)
	}
	var back product.Item
	if err := json.Unmarshal(b, &back); err != nil || !back.Equal(it) {
		t.Fatalf("round trip: %v\n%s", err, b)
	}
	// Marshaling is canonical: a second trip gives the same bytes.
	b2, _ := json.Marshal(back)
	if string(b2) != string(b) {
		t.Errorf("marshal not stable:\n%s\n%s", b, b2)
	}
}

func TestItemJSONAbsentVersusEmpty(t *testing.T) {
	tests := []struct {
		give                  string
		wantDirect, wantPlant string // Lineage.String
	}{
		{give: `{}`, wantDirect: "unknown", wantPlant: "unknown"},
		{give: `{"direct_product_of": null, "plant": null}`, wantDirect: "unknown", wantPlant: "unknown"},
		{give: `{"plant": {}}`, wantDirect: "unknown", wantPlant: "unknown"},
		{give: `{"direct_product_of": [], "plant": {"direct_product_of": []}}`, wantDirect: "none", wantPlant: "none"},
		{give: `{"direct_product_of": [{"eccn": "3E001", "origin": "us"}]}`, wantDirect: "3E001 (us)", wantPlant: "unknown"},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			var it product.Item
			if err := json.Unmarshal([]byte(tt.give), &it); err != nil {
				t.Fatal(err)
			}
			if it.DirectProductOf.String() != tt.wantDirect || it.Plant.String() != tt.wantPlant {
				t.Errorf("got %q / %q", it.DirectProductOf, it.Plant)
			}
			b, err := json.Marshal(it)
			if err != nil {
				t.Fatal(err)
			}
			var back product.Item
			if err := json.Unmarshal(b, &back); err != nil || !back.DirectProductOf.Equal(it.DirectProductOf) || !back.Plant.Equal(it.Plant) {
				t.Errorf("round trip lost absent-versus-empty: %s", b)
			}
		})
	}
}

func TestItemJSONErrors(t *testing.T) {
	tests := []struct {
		name      string
		give      string
		wantField string
		wantAs    any // pointer to the error type expected inside, or nil
		wantIs    error
	}{
		{name: "unknown member", give: `{"colour": "red"}`, wantField: "item.colour", wantIs: product.ErrUnknownField},
		{name: "repeated member", give: `{"id": "a", "id": "b"}`, wantField: "item.id", wantIs: product.ErrDuplicate},
		{name: "bad ECCN", give: `{"eccn": "3A0O1"}`, wantField: "item.eccn", wantAs: new(*product.ECCNError)},
		{name: "empty ECCN", give: `{"eccn": ""}`, wantField: "item.eccn", wantAs: new(*product.ECCNError)},
		{name: "bad kind", give: `{"kind": "hardware"}`, wantField: "item.kind", wantAs: new(*product.KindError)},
		{name: "bad country", give: `{"produced_in": "Japan"}`, wantField: "item.produced_in", wantAs: new(*jurisdiction.CountryError)},
		{name: "amount as number", give: `{"value": {"amount": 1000, "currency": "USD"}}`, wantField: "item.value.amount"},
		{name: "amount exponent", give: `{"value": {"amount": "1e6", "currency": "USD"}}`, wantField: "item.value.amount", wantAs: new(*product.AmountError)},
		{name: "bad currency", give: `{"value": {"amount": "1", "currency": "XXX"}}`, wantField: "item.value.currency", wantAs: new(*product.CurrencyError)},
		{name: "value extra member", give: `{"value": {"amount": "1", "currency": "USD", "fx": 1}}`, wantField: "item.value.fx", wantIs: product.ErrUnknownField},
		{name: "components not an array", give: `{"components": {}}`, wantField: "item.components"},
		{name: "null component", give: `{"components": [null]}`, wantField: "item.components[0]", wantIs: product.ErrMissing},
		{name: "component quantity", give: `{"components": [{"id": "a"}, {"id": "b", "quantity": "+2"}]}`, wantField: "item.components[1].quantity", wantAs: new(*product.AmountError)},
		{name: "component quantity number", give: `{"components": [{"quantity": 2}]}`, wantField: "item.components[0].quantity"},
		{name: "component origin", give: `{"components": [{"origin": "USA"}]}`, wantField: "item.components[0].origin", wantAs: new(*product.EnumError)},
		{name: "component relation", give: `{"components": [{"relation": "attached"}]}`, wantField: "item.components[0].relation", wantAs: new(*product.EnumError)},
		{name: "component encryption", give: `{"components": [{"encryption": "b1"}]}`, wantField: "item.components[0].encryption", wantAs: new(*product.EnumError)},
		{name: "component license string", give: `{"components": [{"license_required": "yes"}]}`, wantField: "item.components[0].license_required"},
		{name: "component hts", give: `{"components": [{"hts": "84.71"}]}`, wantField: "item.components[0].hts", wantAs: new(*product.HTSError)},
		{name: "component unknown", give: `{"components": [{"kind": "software"}]}`, wantField: "item.components[0].kind", wantIs: product.ErrUnknownField},
		{name: "component plant entry", give: `{"components": [{"plant": {"direct_product_of": [{"origin": "x"}]}}]}`, wantField: "item.components[0].plant.direct_product_of[0].origin", wantAs: new(*product.EnumError)},
		{name: "lineage not an array", give: `{"direct_product_of": {"eccn": "3E001"}}`, wantField: "item.direct_product_of"},
		{name: "lineage entry origin", give: `{"direct_product_of": [{"eccn": "3E001", "origin": "us"}, {"eccn": "3D001", "origin": "usa"}]}`, wantField: "item.direct_product_of[1].origin", wantAs: new(*product.EnumError)},
		{name: "lineage entry unknown", give: `{"direct_product_of": [{"eccn": "3E001", "source": "us"}]}`, wantField: "item.direct_product_of[0].source", wantIs: product.ErrUnknownField},
		{name: "lineage entry for", give: `{"direct_product_of": [{"for": "3A90"}]}`, wantField: "item.direct_product_of[0].for", wantAs: new(*product.ECCNError)},
		{name: "lineage entry assurance", give: `{"direct_product_of": [{"written_assurance": "no"}]}`, wantField: "item.direct_product_of[0].written_assurance"},
		{name: "lineage entry developer", give: `{"direct_product_of": [{"developer_headquartered_in": "USA"}]}`, wantField: "item.direct_product_of[0].developer_headquartered_in", wantAs: new(*jurisdiction.CountryError)},
		{name: "plant unknown member", give: `{"plant": {"direct_product": []}}`, wantField: "item.plant.direct_product", wantIs: product.ErrUnknownField},
		{name: "hts", give: `{"hts": "8471.3"}`, wantField: "item.hts", wantAs: new(*product.HTSError)},
		{name: "food_or_medicine", give: `{"food_or_medicine": 1}`, wantField: "item.food_or_medicine"},
		{name: "report without objection", give: `{"one_time_report": {"filed_on": "2026-09-01"}}`, wantField: "item.one_time_report.objection", wantIs: product.ErrMissing},
		{name: "report without date", give: `{"one_time_report": {"objection": false}}`, wantField: "item.one_time_report.filed_on", wantIs: product.ErrMissing},
		{name: "report bad date", give: `{"one_time_report": {"filed_on": "2026-02-30", "objection": false}}`, wantField: "item.one_time_report.filed_on", wantAs: new(*jurisdiction.DateError)},
		{name: "not an object", give: `["item"]`, wantField: "item"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var it product.Item
			err := json.Unmarshal([]byte(tt.give), &it)
			var fe *product.FieldError
			if !errors.As(err, &fe) || fe.Field != tt.wantField {
				t.Fatalf("error %v; want a *FieldError for %q", err, tt.wantField)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("%v is not %v", err, tt.wantIs)
			}
			if tt.wantAs != nil && !errors.As(err, tt.wantAs) {
				t.Errorf("%v does not hold a %T", err, tt.wantAs)
			}
			if !it.Equal(product.Item{}) {
				t.Error("a failed decode changed the Item")
			}
		})
	}
}

func ExampleParseMoney() {
	m, err := product.ParseMoney("12000.00", "USD")
	if err != nil {
		fmt.Println(err)
		return
	}
	total, _ := m.Mul(product.MustParseQuantity("2"))
	fmt.Println(m, "x 2 =", total)
	fmt.Println(m.Equal(product.MustParseMoney("12000", "USD")))

	_, err = m.Cmp(product.MustParseMoney("12000.00", "EUR"))
	fmt.Println(err)

	for _, bad := range []string{"1e6", ".5", "NaN"} {
		_, err = product.ParseMoney(bad, "USD")
		fmt.Println(err)
	}
	// Output:
	// 12000.00 USD x 2 = 24000.00 USD
	// true
	// product: cannot compare USD with EUR: different currencies (convert first)
	// product: invalid amount "1e6": exponent notation at offset 1 (write the digits out)
	// product: invalid amount ".5": want a digit before '.' (write 0.5, not .5)
	// product: invalid amount "NaN": unexpected 'N' at offset 0 (want ASCII digits 0-9 and at most one '.')
}

func ExampleItem_Validate() {
	item := product.Item{
		ID:         "SCAN-1",
		ECCN:       product.MustParseECCN("3E001"),
		Kind:       product.Commodity, // 3E001 is technology
		ProducedIn: jurisdiction.MustParseCountry("JP"),
		Value:      product.MustParseMoney("0.00", "USD"),
		Components: []product.Line{{
			ID:       "c1",
			ECCN:     product.MustParseECCN("3A001.a.7"),
			Value:    product.MustParseMoney("12000.00", "USD"),
			Quantity: product.MustParseQuantity("0"),
			Relation: product.Incorporated,
			// Origin not stated: "unknown" must be said explicitly.
		}},
		DirectProductOf: product.LineageOf(product.DirectProduct{ECCN: product.MustParseECCN("3E001")}),
	}
	err := item.Validate()
	for _, fe := range product.FieldErrors(err) {
		fmt.Println(fe)
	}

	var first *product.FieldError
	if errors.As(err, &first) {
		fmt.Println("first:", first.Field, errors.Is(first, product.ErrInconsistent))
	}
	// Output:
	// ear: item.kind: commodity, but ECCN 3E001 is technology (product group E)
	// ear: item.value.amount: must be greater than zero, got 0.00
	// ear: item.components[0].origin: required: "us", "foreign" or "unknown"
	// ear: item.components[0].quantity: must be greater than zero, got 0
	// ear: item.direct_product_of[0].origin: required: "us", "foreign", "foreign_subject_to_ear" or "unknown"
	// first: item.kind true
}

func ExampleItem_UnmarshalJSON() {
	var item product.Item
	err := json.Unmarshal([]byte(`{
		"eccn": "2B991", "kind": "commodity", "produced_in": "JP",
		"value": {"amount": "100000.00", "currency": "USD"},
		"components": [{"id": "c1", "eccn": "3A001.a.7", "origin": "us",
			"value": {"amount": "20000.00", "currency": "USD"}, "relation": "incorporated"}],
		"direct_product_of": []
	}`), &item)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(item.Validate())
	total, _ := item.Components[0].Total()
	fmt.Println(item.Components[0].Quantity, total)
	fmt.Println("direct product of:", item.DirectProductOf, "/ plant:", item.Plant)

	err = json.Unmarshal([]byte(`{"components": [{"quantity": "2.", "id": "c1"}]}`), &item)
	fmt.Println(err)
	// Output:
	// <nil>
	// 1 20000.00 USD
	// direct product of: none / plant: unknown
	// ear: item.components[0].quantity: invalid amount "2.": want a digit after '.' (write 5 or 5.0, not 5.)
}

func FuzzItemJSON(f *testing.F) {
	f.Add([]byte(fullItemJSON))
	f.Add([]byte(`{"components": [{"quantity": "0"}], "direct_product_of": []}`))
	f.Add([]byte(`{"plant": {"direct_product_of": [null]}}`))
	f.Add([]byte(`{"one_time_report": {"filed_on": "2026-09-01", "objection": true}, "kind": "technology"}`))
	for _, amount := range []string{"1e999999", "-1e-999999", "-0", "NaN", "+Inf", "0x10", "1_000", "", " ", "１２", strings.Repeat("9", 100000)} {
		f.Add([]byte(`{"kind":"commodity","produced_in":"JP","value":{"amount":"` + amount + `","currency":"USD"},` +
			`"components":[{"id":"c1","origin":"us","value":{"amount":"1","currency":"USD"},"quantity":"` + amount + `","relation":"incorporated"}]}`))
	}
	f.Add([]byte(`{"id":"ＵＳ\u0000\u200f\u202e","description":"Ünïcödé 株式会社 عربي","eccn":"3A090.a.1.b.2.c.3.d.4.e.5.f.6","produced_in":"ＪＰ"}`))
	f.Add([]byte(`{"eccn":"3A090.a.1.b.2.c.3.d.4.e.5.f.6","kind":"commodity","produced_in":"jp","hts":"8471.30.0100","value":{"amount":"1","currency":"usd"}}`))
	f.Add([]byte(`{"components":[` + strings.Repeat(`{"id":"x","quantity":"-0"},`, 1000) + `{}]}`))
	f.Add([]byte(`{"id":"` + strings.Repeat("Ü", 50000) + `","direct_product_of":[{"eccn":"3E001","origin":"us","for":"3A090.a.1.b.2.c.3.d.4.e.5.f.6","developer_headquartered_in":"ＵＳ"}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var it product.Item
		if err := json.Unmarshal(data, &it); err != nil {
			// Malformed JSON is the decoder's *json.SyntaxError; anything
			// else is a *product.FieldError naming a field under "item".
			if _, ok := errors.AsType[*json.SyntaxError](err); ok {
				return
			}
			fe, ok := errors.AsType[*product.FieldError](err)
			if !ok || (fe.Field != "item" && !strings.HasPrefix(fe.Field, "item.")) || fe.Err == nil {
				t.Fatalf("decode error %T %v is not a *product.FieldError naming a field under item", err, err)
			}
			return
		}
		if err := it.Validate(); err != nil {
			joined, _ := err.(interface{ Unwrap() []error })
			fes := product.FieldErrors(err)
			if joined == nil || len(fes) == 0 || len(fes) != len(joined.Unwrap()) {
				t.Fatalf("Validate error %T %v is not a join of *product.FieldError", err, err)
			}
			for _, fe := range fes {
				if !strings.HasPrefix(fe.Field, "item.") || fe.Err == nil {
					t.Fatalf("Validate: field %q (%v) is not under item.", fe.Field, fe.Err)
				}
			}
		}
		// Whatever decodes marshals, and decodes back to the same facts.
		b, err := json.Marshal(it)
		if err != nil {
			t.Fatalf("Marshal after a successful decode: %v", err)
		}
		var back product.Item
		if err := json.Unmarshal(b, &back); err != nil || !back.Equal(it) {
			t.Fatalf("round trip: %v\n%s", err, b)
		}
	})
}
