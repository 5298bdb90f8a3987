package license

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"sync/atomic"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// BenchmarkCheck is a full Check (de minimis, the thirteen FDP rules, the
// license requirements) of an item with N bill-of-materials lines to China.
func BenchmarkCheck(b *testing.B) {
	for _, n := range []int{50, 10000} {
		req := Request{
			AsOf: asOf, Item: benchItem(n), ExportedFrom: jurisdiction.Japan,
			Destination: jurisdiction.Destination{Country: jurisdiction.China},
			Parties:     PartiesOf(Party{Name: "customer", Role: RoleEndUser, Country: jurisdiction.China}),
			EndUses:     NoEndUses(), Incorporations: NoIncorporations(),
		}
		req.Item.DirectProductOf = productNoLineage()
		req.Item.Plant = productNoLineage()
		b.Run(fmt.Sprintf("lines=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := Check(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func productNoLineage() product.Lineage { return product.NoLineage() }

// benchRequest is the request of the Check benchmarks: a Japanese-made item
// with an n-line bill of materials (benchItem) to an end user in China, no
// lineage, no end uses, no incorporations.
func benchRequest(n int) Request {
	req := Request{
		AsOf: asOf, Item: benchItem(n), ExportedFrom: jurisdiction.Japan,
		Destination: jurisdiction.Destination{Country: jurisdiction.China},
		Parties:     PartiesOf(Party{Name: "customer", Role: RoleEndUser, Country: jurisdiction.China}),
		EndUses:     NoEndUses(), Incorporations: NoIncorporations(),
	}
	req.Item.DirectProductOf = productNoLineage()
	req.Item.Plant = productNoLineage()
	return req
}

// BenchmarkCheckJSON is what a service does per request: decode the JSON
// request, Check, encode the response with AppendJSON into a buffer reused
// from one response to the next (the 50-line bill of BenchmarkCheck).
func BenchmarkCheckJSON(b *testing.B) {
	req := benchRequest(50)
	body, err := json.Marshal(req)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("lines=50", func(b *testing.B) {
		b.SetBytes(int64(len(body)))
		b.ReportAllocs()
		var out []byte
		for b.Loop() {
			r, err := DecodeRequest(bytes.NewReader(body))
			if err != nil {
				b.Fatal(err)
			}
			d, err := Check(r)
			if err != nil {
				b.Fatal(err)
			}
			if out, err = d.AppendJSON(out[:0]); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkCheckParallel is BenchmarkCheck's 50-line request checked from
// GOMAXPROCS goroutines at once through one Checker (the order system's
// case); run it with -cpu 1,2 to compare throughput per core count.
func BenchmarkCheckParallel(b *testing.B) {
	req := benchRequest(50)
	c := NewChecker()
	ctx := context.Background()
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := c.Check(ctx, req); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// allocSink keeps BenchmarkAllocParallel's objects reachable.
var allocSink atomic.Pointer[[]*[32]*byte]

// BenchmarkAllocParallel is the machine's reference for
// BenchmarkCheckParallel: no SDK code, only allocation shaped like a
// Check's (85 objects of 256 bytes with pointer fields, about 22 KB per
// op, the last op's kept reachable), from GOMAXPROCS goroutines. Its
// throughput ratio at -cpu 2 against -cpu 1 is what the machine and the
// runtime give work bound by allocation, the ceiling of
// BenchmarkCheckParallel's.
func BenchmarkAllocParallel(b *testing.B) {
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		objs := make([]*[32]*byte, 85)
		for pb.Next() {
			for i := range objs {
				objs[i] = new([32]*byte)
			}
			allocSink.Store(&objs)
		}
	})
}

// computeSink keeps BenchmarkComputeParallel's sums.
var computeSink atomic.Int64

// BenchmarkComputeParallel is BenchmarkAllocParallel's counterpart: work
// that allocates nothing (1,000 reads of a map of 1,000 entries per op),
// from GOMAXPROCS goroutines. Its throughput ratio at -cpu 2 against -cpu
// 1 is what the machine gives plain computation.
func BenchmarkComputeParallel(b *testing.B) {
	b.RunParallel(func(pb *testing.PB) {
		m := make(map[int]int, 1000)
		for i := range 1000 {
			m[i] = i
		}
		sum := 0
		for pb.Next() {
			for i := range 1000 {
				sum += m[(i*7919)%1000]
			}
		}
		computeSink.Add(int64(sum))
	})
}
