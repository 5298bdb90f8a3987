// Command cclgen generates product/ccl_gen.go, the embedded Commerce Control
// List, from the eCFR parse of Supplement No. 1 to part 774 and the hand
// mends of product/data/ccl_mends.json. Run it with go generate in
// product/:
//
//	go run ./internal/cclgen -src ../../shared/reference/data/ccl-ecfr-2026-07-23.json -mends data/ccl_mends.json -out ccl_gen.go
//
// It prints a summary: entries, rows, rows structured, rows flagged
// conditional, rows that are pointers, and every row it could not read.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/earcheck/ear/product/ccl/internal/cclgen/gen"
)

func main() {
	src := flag.String("src", "", "the eCFR CCL JSON file")
	mends := flag.String("mends", "data/ccl_mends.json", "the hand mends")
	out := flag.String("out", "ccl_gen.go", "the Go file to write")
	flag.Parse()
	if *src == "" {
		fmt.Fprintln(os.Stderr, "cclgen: -src is required")
		os.Exit(2)
	}
	s, err := os.ReadFile(*src)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cclgen:", err)
		os.Exit(1)
	}
	m, err := os.ReadFile(*mends)
	if err != nil {
		fmt.Fprintln(os.Stderr, "cclgen:", err)
		os.Exit(1)
	}
	code, sum, err := gen.Generate(s, m, filepath.Base(*src))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	if err := os.WriteFile(*out, code, 0o644); err != nil {
		fmt.Fprintln(os.Stderr, "cclgen:", err)
		os.Exit(1)
	}
	fmt.Printf("cclgen: wrote %s\n%s", *out, sum)
}
