package license

import (
	"bytes"
	"os"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

// BenchmarkReadCSLReal reads the 5,308 BIS rows of the 2026-07-31 CSL
// (skipped when the file is not there).
func BenchmarkReadCSLReal(b *testing.B) {
	data, err := os.ReadFile(cslRealPath)
	if err != nil {
		b.Skipf("real CSL file not available (%v)", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		file, err := ReadCSL(bytes.NewReader(data))
		if err != nil || len(file.Rows) != 5308 {
			b.Fatal(len(file.Rows), err)
		}
	}
}

// BenchmarkNewCSLIndexReal builds the index of the 5,308 real rows.
func BenchmarkNewCSLIndexReal(b *testing.B) {
	data, err := os.ReadFile(cslRealPath)
	if err != nil {
		b.Skipf("real CSL file not available (%v)", err)
	}
	file, err := ReadCSL(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if NewCSLIndex(file.Rows).Len() != 5308 {
			b.Fatal("short index")
		}
	}
}

// BenchmarkCSLLookup looks up one name in the index of the real file (or
// of the small fixture when the real file is not there).
func BenchmarkCSLLookup(b *testing.B) {
	var x *CSLIndex
	if data, err := os.ReadFile(cslRealPath); err == nil {
		file, err := ReadCSL(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		x = NewCSLIndex(file.Rows)
	} else {
		x = fixtureIndex(b)
	}
	b.ReportAllocs()
	for b.Loop() {
		if len(x.Lookup("Huawei Technologies Co., Ltd.", jurisdiction.China)) == 0 && x.Len() > 100 {
			b.Fatal("no match")
		}
	}
}
