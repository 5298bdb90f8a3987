package csl

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

// BenchmarkReadReal reads the 5,308 BIS rows of the 2026-07-31 CSL
// (skipped when the file is not there).
func BenchmarkReadReal(b *testing.B) {
	data, err := os.ReadFile(realPath)
	if err != nil {
		b.Skipf("real CSL file not available (%v)", err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		file, err := Read(bytes.NewReader(data))
		if err != nil || len(file.Rows) != 5308 {
			b.Fatal(len(file.Rows), err)
		}
	}
}

// BenchmarkNewIndexReal builds the index of the 5,308 real rows.
func BenchmarkNewIndexReal(b *testing.B) {
	data, err := os.ReadFile(realPath)
	if err != nil {
		b.Skipf("real CSL file not available (%v)", err)
	}
	file, err := Read(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if NewIndex(file.Rows).Len() != 5308 {
			b.Fatal("short index")
		}
	}
}

// BenchmarkIndexLookup looks up one name in the index of the real file (or
// of the small fixture when the real file is not there).
func BenchmarkIndexLookup(b *testing.B) {
	var x *Index
	if data, err := os.ReadFile(realPath); err == nil {
		file, err := Read(bytes.NewReader(data))
		if err != nil {
			b.Fatal(err)
		}
		x = NewIndex(file.Rows)
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

// BenchmarkSearchReal searches one name, fuzzily, in the index of the
// real file (skipped when it is not there).
func BenchmarkSearchReal(b *testing.B) {
	data, err := os.ReadFile(realPath)
	if err != nil {
		b.Skipf("real CSL file not available (%v)", err)
	}
	file, err := Read(bytes.NewReader(data))
	if err != nil {
		b.Fatal(err)
	}
	x := NewIndex(file.Rows)
	for _, q := range []string{"Huawei Technologies Co Ltd", "Huawey", "Moscow Institute of Physics and Technology"} {
		b.Run(strings.ReplaceAll(q, " ", "_"), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if len(x.Search(q, jurisdiction.China, DefaultMinScore)) == 0 {
					b.Fatal("no candidate")
				}
			}
		})
	}
}
