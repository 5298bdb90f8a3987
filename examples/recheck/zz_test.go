package main

import (
	"bytes"
	"context"
	"runtime"
	"testing"
)

func BenchmarkZZRecheck100k(b *testing.B) {
	bk := book(b)
	n := bytes.Count(bk, []byte("\n"))
	big := bytes.Repeat(bk, (30000+n-1)/n)
	m := bytes.Count(big, []byte("\n"))
	for b.Loop() {
		Recheck(context.Background(), big, DatesPlan(nov1, jan15), runtime.GOMAXPROCS(0), nil)
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(m), "ns/order")
}
