package wire

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
)

// decoderMembers splits a JSON object with encoding/json's Decoder, the
// reference for scanObject.
func decoderMembers(data []byte) ([]objectMember, bool) {
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if d, ok := tok.(json.Delim); err != nil || !ok || d != '{' {
		return nil, false
	}
	var ms []objectMember
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return nil, false
		}
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return nil, false
		}
		ms = append(ms, objectMember{key: tok.(string), raw: raw})
	}
	if _, err := dec.Token(); err != nil {
		return nil, false
	}
	if _, err := dec.Token(); err == nil {
		return nil, false // trailing data
	}
	return ms, true
}

// FuzzScanObject: on every valid JSON object scanObject finds the members
// encoding/json finds, with the same keys and values; on anything else it
// either declines or yields members whose decoding fails (never a silent
// acceptance of bad JSON through decodeObject).
func FuzzScanObject(f *testing.F) {
	for _, s := range []string{
		`{}`, ` { } `, `{"a":1}`, `{"a":"x\"}","b":[1,{"c":"]"}],"d":null}`,
		`{"":[]}`, `{"a\u002eb":true}`, `{"é":"ü"}`, "{\"a\":\"\xff\"}", `{"a":1,}`, `{"a" 1}`,
		`{"a":[}`, `{"a":1}x`, `[1]`, `"s"`, `{"a":{"b":{"c":[[[]]]}}}`, `{"a":-0.5e+10}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		got, ok := scanObject(nil, data, nil)
		if doc, valid := NewDoc(data); valid {
			// With the document's recorded extents, the same members.
			got2, ok2 := scanObject(doc, data, nil)
			if ok2 != ok || len(got2) != len(got) {
				t.Fatalf("%q: with the Doc %v %d members, without %v %d", data, ok2, len(got2), ok, len(got))
			}
			for i := range got {
				if got[i].key != got2[i].key || !bytes.Equal(got[i].raw, got2[i].raw) {
					t.Fatalf("%q: member %d with the Doc %q %q, without %q %q", data, i, got2[i].key, got2[i].raw, got[i].key, got[i].raw)
				}
			}
		}
		if json.Valid(data) {
			want, isObject := decoderMembers(data)
			if !isObject {
				if ok {
					t.Fatalf("scanObject accepted %q, which is not an object", data)
				}
				return
			}
			if !ok {
				t.Fatalf("scanObject declined the valid object %q", data)
			}
			if len(got) != len(want) {
				t.Fatalf("%q: %d members, want %d", data, len(got), len(want))
			}
			for i := range got {
				if got[i].key != want[i].key || !bytes.Equal(bytes.TrimSpace(got[i].raw), bytes.TrimSpace(want[i].raw)) {
					t.Fatalf("%q: member %d is %q=%s, want %q=%s", data, i, got[i].key, got[i].raw, want[i].key, want[i].raw)
				}
			}
			return
		}
		if !ok {
			return
		}
		// Invalid JSON split into members: at least one value must be
		// invalid on its own, so that its decoder rejects it.
		for _, m := range got {
			if !json.Valid(m.raw) {
				return
			}
		}
		t.Fatalf("scanObject split invalid JSON %q into valid members", data)
	})
}

// TestKeySet: duplicates are found before and after the set turns into a
// map.
func TestKeySet(t *testing.T) {
	for _, n := range []int{1, 32, 33, 1000} {
		var s keySet
		for i := range n {
			if !s.add(string(rune('a'+i%26)) + string(rune('0'+i/26%10)) + string(rune(' '+i/260))) {
				t.Fatalf("n=%d: key %d reported as repeated", n, i)
			}
		}
		if s.add(string(rune('a'+(n-1)%26))+string(rune('0'+(n-1)/26%10))+string(rune(' '+(n-1)/260))) || s.add("a0 ") {
			t.Errorf("n=%d: a repeated key was reported new", n)
		}
	}
}

// TestEachMemberManyMembers: an object of 200,000 members is read in linear
// time, and a repeated key at its end is found.
func TestEachMemberManyMembers(t *testing.T) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := range 200000 {
		fmt.Fprintf(&b, `"k%d":0,`, i)
	}
	b.WriteString(`"k7":1}`)
	n := 0
	err := EachMember(b.Bytes(), func(string, []byte) error { n++; return nil })
	var de *DuplicateError
	if !errors.As(err, &de) || de.Key != "k7" || n != 200000 {
		t.Fatalf("after %d members: %v, want a repeated k7", n, err)
	}
}

func TestMemberName(t *testing.T) {
	for _, tt := range []struct{ give, want string }{
		{"eccn", "eccn"},
		{"direct_product_of", "direct_product_of"},
		{"", `""`},
		{"a.b", `"a.b"`},
		{"x[0]", `"x[0]"`},
		{"é", `"é"`},
		{" id", `" id"`},
	} {
		if got := MemberName(tt.give); got != tt.want {
			t.Errorf("MemberName(%q) = %s, want %s", tt.give, got, tt.want)
		}
	}
}

func TestJoinPath(t *testing.T) {
	for _, tt := range []struct{ path, sub, want string }{
		{"item", "value.amount", "item.value.amount"},
		{"parties", "[0].role", "parties[0].role"},
		{"item", "", "item"},
		{"", "as_of", "as_of"},
		{"", "", ""},
	} {
		if got := JoinPath(tt.path, tt.sub); got != tt.want {
			t.Errorf("JoinPath(%q, %q) = %q, want %q", tt.path, tt.sub, got, tt.want)
		}
	}
}

// TestEachMemberErrors: a repeated member is a *DuplicateError, anything
// but one object a *MalformedError, and a member's own error comes back
// as it was returned.
func TestEachMemberErrors(t *testing.T) {
	none := func(string, []byte) error { return nil }
	for _, in := range []string{``, `[]`, `{"a":1} x`, `{"a":`, `{"a" 1}`, `"s"`} {
		if err := EachMember([]byte(in), none); !errors.As(err, new(*MalformedError)) {
			t.Errorf("%q: %v, want a *MalformedError", in, err)
		}
	}
	mine := errors.New("mine")
	if err := EachMember([]byte(`{"a":1}`), func(string, []byte) error { return mine }); err != mine {
		t.Errorf("member error: %v", err)
	}
	if err := EachMember([]byte(`{"a":1,"a":2}`), none); !errors.As(err, new(*DuplicateError)) {
		t.Errorf("repeated member: %v", err)
	}
}

func TestUnmarshalErrors(t *testing.T) {
	var s string
	err := Unmarshal([]byte(`5`), &s)
	var me *MalformedError
	if !errors.As(err, &me) || me.Error() != "want a JSON string, got a JSON number" {
		t.Errorf("Unmarshal number into string: %v", err)
	}
	var ns []int
	if err := Unmarshal([]byte(`["4"]`), &ns); !errors.As(err, &me) || strings.Contains(err.Error(), "Go ") {
		t.Errorf("Unmarshal string into []int: %v", err)
	}
	if err := DecodeString([]byte(`{}`), &s); !errors.As(err, &me) {
		t.Errorf("DecodeString of an object: %v", err)
	}
}

func TestWithKind(t *testing.T) {
	kind := errors.New("kind")
	inner := &DuplicateError{Key: "k"}
	err := WithKind(kind, inner)
	if !errors.Is(err, kind) || !errors.As(err, new(*DuplicateError)) || err.Error() != inner.Error() {
		t.Errorf("WithKind: %v", err)
	}
	if WithKind(kind, nil) != nil {
		t.Error("WithKind of nil is not nil")
	}
}

// FuzzValid: Valid agrees with json.Valid on every input.
func FuzzValid(f *testing.F) {
	for _, s := range []string{
		`{}`, ` [ ] `, `{"a":1}`, `{"a":"x\"}","b":[1,{"c":"]"}],"d":null}`, `-0.5e+10`, `01`, `1.`, `1e`, `-`, `"\u12g4"`,
		`{"a":1,}`, `[1,]`, `{"a" 1}`, `{"a":[}`, `{"a":1}x`, `"\x01"`, "\"\xff\"", `tru`, `nul`, `[true,false,null]`,
		`{"a":{"b":{"c":[[[]]]}}}`, `{,}`, `{"a":1 "b":2}`, `[1 2]`, `"\/\b\f\n\r\t"`, `1.5E-3`, `{"":""}`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if got, want := Valid(data), json.Valid(data); got != want {
			t.Fatalf("Valid(%q) = %v, json.Valid %v", data, got, want)
		}
	})
}

// TestValidDepth: nesting is bounded where encoding/json bounds it.
func TestValidDepth(t *testing.T) {
	for _, n := range []int{63, 64, 65, 9999, 10000, 10001} {
		for _, open := range []string{"[", `{"a":`} {
			closing := map[string]string{"[": "]", `{"a":`: "}"}[open]
			doc := []byte(strings.Repeat(open, n) + "1" + strings.Repeat(closing, n))
			if got, want := Valid(doc), json.Valid(doc); got != want {
				t.Errorf("depth %d %s: Valid %v, json.Valid %v", n, open, got, want)
			}
		}
	}
}

// FuzzEachElement: on every valid JSON array EachElement yields the
// elements encoding/json finds; on anything else it yields a
// *MalformedError or elements of which one is invalid on its own.
func FuzzEachElement(f *testing.F) {
	for _, s := range []string{`[]`, ` [ 1 , "a" , {"b":[2]} ] `, `[1,]`, `[1 2]`, `[{]`, `[1]x`, `{}`, `[[],[[]]]`, `["]"]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		var got [][]byte
		err := EachElement(data, nil, func(i int, raw []byte) error {
			if i != len(got) {
				t.Fatalf("index %d, want %d", i, len(got))
			}
			got = append(got, raw)
			return nil
		})
		var want []json.RawMessage
		if json.Unmarshal(data, &want) == nil {
			if err != nil || len(got) != len(want) {
				t.Fatalf("%q: %d elements (%v), want %d", data, len(got), err, len(want))
			}
			for i := range got {
				if !bytes.Equal(got[i], want[i]) {
					t.Fatalf("%q: element %d is %s, want %s", data, i, got[i], want[i])
				}
			}
			return
		}
		if err != nil {
			if _, ok := err.(*MalformedError); !ok {
				t.Fatalf("%q: error %T %v", data, err, err)
			}
			return
		}
		for _, r := range got {
			if !json.Valid(r) {
				return
			}
		}
		t.Fatalf("EachElement split invalid JSON %q into valid elements", data)
	})
}

// FuzzAppendString: AppendString writes the bytes json.Marshal writes.
func FuzzAppendString(f *testing.F) {
	for _, s := range []string{"", "plain", `"\`, "<a href='x'>&amp;</a>", "\x00\x01\b\f\n\r\t\x1f\x7f", "\u2028\u2029", "\xff\xfe", "é\xc3", "株式会社 \u200f", "\ud7ff\U0010ffff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		want, err := json.Marshal(s)
		if err != nil {
			t.Fatal(err)
		}
		if got := AppendString([]byte("x"), s); string(got[1:]) != string(want) || got[0] != 'x' {
			t.Fatalf("AppendString(%q) = %s, want %s", s, got[1:], want)
		}
	})
}

// FuzzNewDoc: NewDoc accepts what Valid accepts, and records every object
// and array of the document, in order of start, each from its opening
// bracket to just past its closing one, as scanning finds them; a value
// sliced from the document is found in it, and one that is not is not.
func FuzzNewDoc(f *testing.F) {
	for _, s := range []string{`{}`, `[]`, ` {"a":[1,{"b":[]},"]"],"c":{}} `, `{"a":1,}`, `[[[`, `"x"`, `{"k":"\"{"}`, `[{}, [], {"a":[{}]}]`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, ok := NewDoc(data)
		if ok != Valid(data) || ok != (doc != nil) {
			t.Fatalf("%q: NewDoc %v, Valid %v", data, ok, Valid(data))
		}
		if !ok {
			return
		}
		n := 0
		for i, c := range data {
			if c != '{' && c != '[' {
				continue
			}
			// Brackets inside strings are not containers: scanning from
			// the document's start tells them apart, so compare only the
			// recorded ones.
			k, found := slices.BinarySearchFunc(doc.spans, int32(i), func(s [2]int32, t int32) int { return int(s[0] - t) })
			if !found {
				continue
			}
			n++
			end, ok := scanValue(nil, data, i)
			if !ok || int32(end) != doc.spans[k][1] {
				t.Fatalf("%q: container at %d ends at %d by scanning, %d recorded", data, i, end, doc.spans[k][1])
			}
			if e, ok := doc.end(data[i:], 0); !ok || e != end-i {
				t.Fatalf("%q: end of the slice at %d: %d %v, want %d", data, i, e, ok, end-i)
			}
			if _, ok := doc.end(bytes.Clone(data[i:end]), 0); ok {
				t.Fatalf("%q: a copy of the container at %d was found in the document", data, i)
			}
		}
		if n != len(doc.spans) {
			t.Fatalf("%q: %d containers found, %d recorded", data, n, len(doc.spans))
		}
		for k := 1; k < len(doc.spans); k++ {
			if doc.spans[k][0] <= doc.spans[k-1][0] {
				t.Fatalf("%q: spans out of order: %v", data, doc.spans)
			}
		}
	})
}
