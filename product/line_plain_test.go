package product

import (
	"reflect"
	"strings"
	"testing"
)

// FuzzPlainLine: what the one-pass reader of the common line form accepts,
// the general decoder accepts as the same Line.
func FuzzPlainLine(f *testing.F) {
	for _, s := range []string{
		`{"id":"c0","eccn":"3A001.a.7","origin":"foreign","value":{"amount":"10.25","currency":"USD"},"quantity":"1","relation":"incorporated"}`,
		`{"id":"c1","description":"a chip","eccn":"EAR99","origin":"us","value":{"amount":"3","currency":"JPY"}}`,
		`{"id":"c2","eccn":"3a991","origin":"us","value":{"amount":"1","currency":"USD"},"quantity":"2.5"}`,
		`{"id":"c3","id":"c4"}`, `{"id":"c\"5"}`, `{ "id":"c6"}`, `{"id":null}`, `{}`, `{"id":"c7","hts":"8542.31"}`,
		`{"id":"c8","value":{"amount":"1","currency":"USD"}}x`, `{"id":"c9","eccn":"bad","origin":"us"}`, `{"id":"c10","quantity":"0"}`,
		`{"id":"c11","value":{"currency":"USD","amount":"1"}}`, `{"id":"\xff"}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := plainLine(data, "")
		if shared, ok2 := plainLine(data, string(data)); ok2 != ok || ok && !reflect.DeepEqual(shared, fast) {
			t.Fatalf("%q: with the text %v %+v, without %v %+v", data, ok2, shared, ok, fast)
		}
		if !ok {
			return
		}
		var general Line
		if err := general.decodeAny(nil, data); err != nil {
			t.Fatalf("%q: plainLine accepted %+v, the decoder says %v", data, fast, err)
		}
		if !reflect.DeepEqual(fast, general) {
			t.Fatalf("%q: plainLine %+v, the decoder %+v", data, fast, general)
		}
	})
}

// TestPlainLineForms: the lines the SDK writes are read in one pass, and
// the forms it leaves to the general decoder are.
func TestPlainLineForms(t *testing.T) {
	for _, s := range []string{
		`{"id":"c0","eccn":"3A001.a.7","origin":"foreign","value":{"amount":"10.25","currency":"USD"},"quantity":"1","relation":"incorporated"}`,
		`{"id":"c1","description":"a chip","eccn":"EAR99","origin":"us","value":{"amount":"3","currency":"JPY"}}`,
	} {
		l, ok := plainLine([]byte(s), s)
		var general Line
		if err := general.decodeAny(nil, []byte(s)); err != nil || !ok || !reflect.DeepEqual(l, general) {
			t.Errorf("%s: plainLine %v %+v, decoder %v %+v", s, ok, l, err, general)
		}
		if !l.Quantity.IsValid() {
			t.Errorf("%s: no default quantity", s)
		}
	}
	for _, s := range []string{`{"id":"c3","id":"c4"}`, `{"id":"c\"5"}`, `{ "id":"c6"}`, `{"id":null}`, `{}`, `{"id":"c7","hts":"8542.31"}`,
		`{"id":"c8"}x`, `{"id":"c9","eccn":"bad"}`, `{"id":"c11","value":{"currency":"USD","amount":"1"}}`, `{"id":"\xff"}`} {
		if _, ok := plainLine([]byte(s), ""); ok {
			t.Errorf("%s read in one pass", strings.ToValidUTF8(s, "?"))
		}
	}
}

// plainItemSeeds are item objects as the SDK and the example order book
// write them, and forms plainItem leaves to the general decoder.
var plainItemSeeds = []string{
	`{"id":"x","eccn":"2B991","kind":"commodity","produced_in":"JP","value":{"amount":"300000","currency":"USD"},"components":[{"id":"c0","eccn":"3A001.a.7","origin":"foreign","value":{"amount":"10.25","currency":"USD"},"quantity":"1","relation":"incorporated"},{"id":"c1","eccn":"3A991.a.2","origin":"us","value":{"amount":"11.25","currency":"USD"},"quantity":"1","relation":"incorporated"}],"direct_product_of":[],"plant":{"direct_product_of":[]}}`,
	`{"id":"SME-1","eccn":"3B001.c.1.a","kind":"commodity","produced_in":"JP","value":{"amount":"5000000","currency":"USD"},"components":[],"direct_product_of":[],"plant":{"direct_product_of":[{"eccn":"3E001","origin":"us","for":"3B001"}]}}`,
	`{"id":"T","description":"a tool","eccn":"3E001","for":"3B001","kind":"technology","produced_in":"NL","value":{"amount":"1","currency":"EUR"},"hts":"8486.20","food_or_medicine":false,"one_time_report":{"filed_on":"2025-01-02","objection":false}}`,
	`{"id":"x","id":"y"}`, `{ "id":"x"}`, `{"id":"x","colour":"red"}`, `{"id":"x","components":[{"id":"a"},{"id":"a","hts":"1"}]}`,
	`{"id":"x","direct_product_of":[{"eccn":"3E001","origin":"us","x":1}]}`, `{"id":"x","value":{"currency":"USD","amount":"1"}}`,
	`{"id":"x","components":[]}x`, `{"id":"x","plant":{"direct_product_of":[}}`, `{"id":null}`, `{}`,
}

// FuzzPlainItem: what the one-pass reader of the common item form
// accepts, the general decoder accepts as the same Item.
func FuzzPlainItem(f *testing.F) {
	for _, s := range plainItemSeeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		fast, ok := plainItem(data)
		if !ok {
			return
		}
		var general Item
		if err := general.decodeAny(data); err != nil {
			t.Fatalf("%q: plainItem accepted %+v, the decoder says %v", data, fast, err)
		}
		if !reflect.DeepEqual(fast, general) {
			t.Fatalf("%q: plainItem %+v, the decoder %+v", data, fast, general)
		}
	})
}

// TestPlainItemForms: the items the SDK writes are read in one pass as the
// general decoder reads them.
func TestPlainItemForms(t *testing.T) {
	for _, s := range plainItemSeeds[:3] {
		fast, ok := plainItem([]byte(s))
		var general Item
		if err := general.decodeAny([]byte(s)); err != nil || !ok || !reflect.DeepEqual(fast, general) {
			t.Errorf("%s: plainItem %v %+v, decoder %v %+v", s, ok, fast, err, general)
		}
	}
	for _, s := range plainItemSeeds[3:] {
		if _, ok := plainItem([]byte(s)); ok {
			t.Errorf("%s read in one pass", s)
		}
	}
}
