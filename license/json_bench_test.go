package license

import (
	"bytes"
	"encoding/json"
	"testing"
)

// benchRequestJSON is the request of BenchmarkCheckJSON: the 50-line bill
// of BenchmarkCheck, in the wire format.
func benchRequestJSON(b *testing.B) (Request, []byte) {
	req := benchRequest(50)
	body, err := json.Marshal(req)
	if err != nil {
		b.Fatal(err)
	}
	return req, body
}

// BenchmarkDecodeRequest is the decoding half of BenchmarkCheckJSON.
func BenchmarkDecodeRequest(b *testing.B) {
	_, body := benchRequestJSON(b)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := DecodeRequest(bytes.NewReader(body)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkAppendJSON is the encoding half of BenchmarkCheckJSON, into a
// reused buffer; BenchmarkMarshalJSON is json.Marshal of the same
// response, a new buffer each time.
func BenchmarkAppendJSON(b *testing.B) {
	req, _ := benchRequestJSON(b)
	d, err := Check(req)
	if err != nil {
		b.Fatal(err)
	}
	var out []byte
	b.ReportAllocs()
	for b.Loop() {
		if out, err = d.AppendJSON(out[:0]); err != nil {
			b.Fatal(err)
		}
	}
	b.SetBytes(int64(len(out)))
}

func BenchmarkMarshalJSON(b *testing.B) {
	req, _ := benchRequestJSON(b)
	d, err := Check(req)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := json.Marshal(d); err != nil {
			b.Fatal(err)
		}
	}
}
