// Command orders shows the SDK embedded in an order system: it builds many
// order lines, decides them concurrently with one shared Checker (no lock
// is taken), collects the results in order, and prints a summary and the
// timing.
//
// Usage:
//
//	go run ./examples/orders [-n 20000] [-workers 8]
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"sync"
	"time"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/product"
)

func main() {
	n := flag.Int("n", 20000, "number of order lines")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "concurrent workers")
	flag.Parse()
	if err := run(os.Stdout, *n, *workers); err != nil {
		fmt.Fprintln(os.Stderr, "orders:", err)
		os.Exit(1)
	}
}

// order builds order line i: a Japanese controller with a US FPGA of a
// varying value, to one of six destinations.
func order(i int) license.Request {
	dests := []string{"CN", "DE", "RU", "IR", "AE", "IN"}
	fpga := product.Line{ID: "fpga", ECCN: product.MustParseECCN("3A001.a.7"), Origin: product.OriginUS,
		Value: product.MustParseMoney(fmt.Sprintf("%d.00", 1000+(i*997)%40000), "USD"), Quantity: product.QuantityOf(1), Relation: product.Incorporated}
	return license.Request{
		AsOf: jurisdiction.MustParseDate("2026-11-28"),
		Item: product.Item{ID: fmt.Sprintf("order-%d", i), ECCN: product.MustParseECCN("2B991"), Kind: product.Commodity,
			ProducedIn: jurisdiction.Japan, Value: product.MustParseMoney("100000.00", "USD"), Components: []product.Line{fpga},
			DirectProductOf: product.NoLineage(), Plant: product.NoLineage()},
		ExportedFrom:   jurisdiction.Japan,
		Destination:    jurisdiction.Destination{Country: jurisdiction.MustParseCountry(dests[i%len(dests)])},
		Parties:        license.NoParties(),
		EndUses:        license.NoEndUses(),
		Incorporations: license.NoIncorporations(),
	}
}

func run(w io.Writer, n, workers int) error {
	if n < 1 || workers < 1 {
		return fmt.Errorf("n and workers must be positive")
	}
	checker := license.NewChecker()
	reqs := make([]license.Request, n)
	for i := range reqs {
		reqs[i] = order(i)
	}
	results := make([]license.Determination, n)
	errs := make([]error, n)
	next := make(chan int)
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for i := range next {
				results[i], errs[i] = checker.Check(context.Background(), reqs[i])
			}
		})
	}
	for i := range reqs {
		next <- i
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)

	counts := map[string]int{}
	for i, d := range results {
		if errs[i] != nil {
			return fmt.Errorf("order %d: %w", i, errs[i])
		}
		counts[fmt.Sprintf("subject %-13s license %s", d.SubjectToEAR(), d.LicenseRequired())]++
	}
	fmt.Fprintf(w, "%d order lines decided by %d workers in %v (%.1f us per line, %.0f lines/s)\n",
		n, workers, elapsed.Round(time.Millisecond), float64(elapsed.Microseconds())/float64(n), float64(n)/elapsed.Seconds())
	for _, k := range sortedKeys(counts) {
		fmt.Fprintf(w, "  %-45s %d\n", k, counts[k])
	}
	return nil
}

func sortedKeys(m map[string]int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}
