// Command cclgen generates product/ccl/ccl_gen.go, the embedded Commerce
// Control List, from the project's source of the CCL (data/ccl.jsonl) and
// the hand mends of data/ccl_mends.json. Run it with go generate in
// product/ccl:
//
//	go run ./internal/cclgen -src data/ccl.jsonl -mends data/ccl_mends.json -out ccl_gen.go
//
// It prints a summary: entries, rows, rows structured, rows flagged
// conditional, rows that are pointers, and every row it could not read.
//
// With -import it instead writes the source file itself from an eCFR
// extract of Supplement No. 1 to part 774 (a JSON document of the entries
// as parsed from the eCFR XML), once per eCFR issue:
//
//	go run ./internal/cclgen -import EXTRACT.json -out data/ccl.jsonl
//
// The source file is JSON Lines, one record a line: first a "source"
// record (format, citation, eCFR issue date, URL, retrieval time, entry
// count), then for each entry in printed order an "entry" record (ECCN,
// heading, Reason for Control line) followed by its "row" records (License
// Requirements), its "exception" records (the License Exceptions section:
// LVS, GBS, TSR, STA, ... with the text printed for each), its "sta"
// record (special conditions for STA) and its "item" records (the
// paragraphs of the List of Items, where the extract carries them). Every
// record names its entry's ECCN, so a diff of two issues reads line by
// line.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/earcheck/ear/product/ccl/internal/cclgen/gen"
)

func main() {
	imp := flag.String("import", "", "write the source file from this eCFR extract instead of generating")
	src := flag.String("src", "data/ccl.jsonl", "the source file of the CCL")
	mends := flag.String("mends", "data/ccl_mends.json", "the hand mends")
	out := flag.String("out", "", "the file to write (default ccl_gen.go, or data/ccl.jsonl with -import)")
	flag.Parse()
	if flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "cclgen: unexpected arguments:", flag.Args())
		os.Exit(2)
	}
	if *imp != "" {
		if *out == "" {
			*out = "data/ccl.jsonl"
		}
		b, err := os.ReadFile(*imp)
		check(err)
		text, err := gen.Import(b)
		check(err)
		check(os.WriteFile(*out, text, 0o644))
		fmt.Printf("cclgen: wrote %s\n", *out)
		return
	}
	if *out == "" {
		*out = "ccl_gen.go"
	}
	code, sum, err := generate(".", *src, *mends)
	check(err)
	check(os.WriteFile(*out, code, 0o644))
	fmt.Printf("cclgen: wrote %s\n%s", *out, sum)
}

// generate reads the source and the mends, at the paths src and mends
// from dir (product/ccl), and returns ccl_gen.go, whose header names them
// by those paths.
func generate(dir, src, mends string) ([]byte, gen.Summary, error) {
	s, err := os.ReadFile(filepath.Join(dir, src))
	if err != nil {
		return nil, gen.Summary{}, err
	}
	m, err := os.ReadFile(filepath.Join(dir, mends))
	if err != nil {
		return nil, gen.Summary{}, err
	}
	return gen.Generate(s, m, src, mends)
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "cclgen:", err)
		os.Exit(1)
	}
}
