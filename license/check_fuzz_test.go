package license

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"
)

// FuzzCheck decodes arbitrary bytes as a request and, when they decode,
// decides them: nothing panics, every failure is a *RequestError, and the
// same request twice gives byte-identical JSON.
func FuzzCheck(f *testing.F) {
	for _, file := range []string{"testdata/deminimis.json", "testdata/fdp.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		var vf struct {
			Cases []struct {
				Request json.RawMessage `json:"request"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(data, &vf); err != nil {
			f.Fatal(err)
		}
		for i, c := range vf.Cases {
			if i%4 == 0 {
				f.Add([]byte(c.Request))
			}
		}
	}
	f.Add([]byte(`{"item": {"value": {"amount": "1e999999", "currency": "USD"}}}`))
	f.Add([]byte(`{"as_of": "2026-02-30"}`))
	f.Add([]byte(`{"destination": {"country": "UA", "region": "crimea"}, "item": null}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		req, err := DecodeRequest(bytes.NewReader(data))
		if err != nil {
			if _, ok := err.(*RequestError); !ok {
				t.Fatalf("decode error is %T, not *RequestError: %v", err, err)
			}
			return
		}
		d1, err1 := Check(req)
		d2, err2 := Check(req)
		if (err1 == nil) != (err2 == nil) {
			t.Fatal("Check is not deterministic")
		}
		if err1 != nil {
			if _, ok := err1.(*RequestError); !ok {
				t.Fatalf("Check error is %T, not *RequestError: %v", err1, err1)
			}
			return
		}
		b1, e1 := json.Marshal(d1)
		b2, e2 := json.Marshal(d2)
		if e1 != nil || e2 != nil || !bytes.Equal(b1, b2) {
			t.Fatalf("responses differ or do not marshal: %v %v", e1, e2)
		}
	})
}
