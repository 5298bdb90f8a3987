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
