// Command csl-summary counts the rows of a Consolidated Screening List
// (CSL) download per list and per Entity List footnote, for a compliance
// team checking a new download:
//
//	go run ./examples/csl-summary FILE
//
// prints {"rows": N, "lists": {"DPL": n, "EL": n, "MEU": n, "UVL": n},
// "footnotes": {"1": n1, "3": n3, "4": n4, "5": n5}, "implied_footnotes":
// {"1": i1, "3": i3, "4": i4, "5": i5}} to standard output: "footnotes"
// counts the rows whose license requirement writes the footnote,
// "implied_footnotes" those that only cite its 734.9 paragraph.
// FILE is the CSL in its bulk JSON layout ("-" or no argument: standard
// input). Rows that cannot be read are reported on standard error, the
// others are still counted, and the exit status is 1; a file that cannot be
// opened, or more than one argument, gives exit status 2.
package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"

	"github.com/earcheck/ear/license/csl"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run is the command: it returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) > 1 {
		fmt.Fprintln(stderr, "usage: csl-summary [FILE]")
		return 2
	}
	in := stdin
	if len(args) == 1 && args[0] != "-" {
		f, err := os.Open(args[0])
		if err != nil {
			fmt.Fprintln(stderr, "csl-summary:", err)
			return 2
		}
		defer f.Close()
		in = f
	}
	file, readErr := csl.Read(in)
	enc := json.NewEncoder(stdout)
	if err := enc.Encode(csl.Summarize(file.Rows)); err != nil {
		fmt.Fprintln(stderr, "csl-summary:", err)
		return 2
	}
	if readErr != nil {
		fmt.Fprintln(stderr, "csl-summary:", readErr)
		return 1
	}
	return 0
}
