// Command recheck rechecks an order book as of two dates and writes what
// flips and why: for each order, every answer that differs (subject to the
// EAR, license required, each FDP rule, de minimis and its categories and
// lines, the License Exceptions) with the dated changes of the rules or
// tables between the two dates that caused it, and their citations.
//
// Usage:
//
//	recheck -from 2024-11-01 -to 2025-01-15 [-md FLIPS.md] [-csv FLIPS.csv] [-workers N] [BOOK.jsonl]
//	recheck -rules PROPOSAL.json -to 2026-11-28 [...] [BOOK.jsonl]
//	recheck -deminimis PROPOSAL.json -to 2026-11-28 [...] [BOOK.jsonl]
//
// With -rules, each order is decided as of -to under the built-in FDP rules
// and under the rule set of the file (a document of fdp.ParseSet, in the
// vocabulary of the built-in set's JSON), and the causes are the proposed
// rules that differ. With -deminimis, likewise under the built-in de
// minimis levels and categories and those of the file (a document of
// license.ParseDeMinimisRules).
//
// The order book is JSON lines, one request of the wire format per line
// (its item.id is the order id; its as_of is replaced by the two dates);
// without a file it reads examples/recheck/testdata/orders.jsonl, a sample
// book of a few hundred orders. Orders are decided on every core (-workers,
// default GOMAXPROCS). A summary goes to standard output (how many orders
// flip each way, per cause); -md and -csv write the flips in full. The book
// is read as it goes, and only the orders that differ are kept, so a book
// of any length rechecks in little memory. Progress goes to standard error
// every 2 seconds on a longer run. A line that cannot be decided is
// counted and listed with its error; the rest go on.
package main

import (
	"bufio"
	"bytes"
	"cmp"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/license/recheck"
)

const defaultBook = "examples/recheck/testdata/orders.jsonl"

func main() {
	from := flag.String("from", "", "the first date (YYYY-MM-DD)")
	to := flag.String("to", "", "the second date (YYYY-MM-DD)")
	rules := flag.String("rules", "", "a proposed FDP rule set (JSON): recheck as of -to under it")
	dmRules := flag.String("deminimis", "", "proposed de minimis levels and categories (JSON): recheck as of -to under them")
	mdPath := flag.String("md", "", "write the flips as Markdown to this file")
	csvPath := flag.String("csv", "", "write the flips as CSV to this file")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "orders decided at once")
	flag.Parse()
	if flag.NArg() > 1 || *workers < 1 || *rules != "" && *dmRules != "" {
		flag.Usage()
		os.Exit(64)
	}
	d2, err2 := jurisdiction.ParseDate(*to)
	if err2 != nil {
		fmt.Fprintln(os.Stderr, "recheck: -to must be a date (YYYY-MM-DD)")
		os.Exit(64)
	}
	var plan Plan
	if *dmRules != "" {
		doc, err := os.ReadFile(*dmRules)
		if err != nil {
			fmt.Fprintln(os.Stderr, "recheck:", err)
			os.Exit(1)
		}
		proposed, err := license.ParseDeMinimisRules(doc)
		if err != nil {
			fmt.Fprintln(os.Stderr, "recheck: the de minimis rules:", err)
			os.Exit(2)
		}
		plan = DeMinimisPlan(proposed, d2, *dmRules)
	} else if *rules != "" {
		doc, err := os.ReadFile(*rules)
		if err != nil {
			fmt.Fprintln(os.Stderr, "recheck:", err)
			os.Exit(1)
		}
		proposed, err := fdp.ParseSet(doc)
		if err != nil {
			fmt.Fprintln(os.Stderr, "recheck: the rule set:", err)
			os.Exit(2)
		}
		plan = ProposalPlan(proposed, d2, *rules)
	} else {
		d1, err1 := jurisdiction.ParseDate(*from)
		if err1 != nil {
			fmt.Fprintln(os.Stderr, "recheck: -from must be a date (YYYY-MM-DD), or give -rules")
			os.Exit(64)
		}
		plan = DatesPlan(d1, d2)
	}
	path := defaultBook
	if flag.NArg() == 1 {
		path = flag.Arg(0)
	}
	book, err := os.Open(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "recheck:", err)
		os.Exit(1)
	}
	// Progress goes to standard error every 2 seconds, so a run shorter
	// than that writes none.
	rep := Recheck(context.Background(), bufio.NewReaderSize(book, 1<<20), plan, *workers, os.Stderr)
	book.Close()
	rep.Summary(os.Stdout)
	for _, out := range []struct {
		path  string
		write func(io.Writer)
	}{{*mdPath, rep.Markdown}, {*csvPath, rep.CSV}} {
		if out.path == "" {
			continue
		}
		f, err := os.Create(out.path)
		if err != nil {
			fmt.Fprintln(os.Stderr, "recheck:", err)
			os.Exit(1)
		}
		out.write(f)
		if err := f.Close(); err != nil {
			fmt.Fprintln(os.Stderr, "recheck:", err)
			os.Exit(1)
		}
	}
}

// Result is the recheck of one order.
type Result struct {
	Line       int // 1-based line of the book
	OrderID    string
	What       string // the item and route, for people: "3B001.c.1.a JP to CN"
	Comparison recheck.Comparison
	Err        error
}

// Report is the recheck of a book.
type Report struct {
	From, To jurisdiction.Date
	// Rules names the proposed rule set of a proposal recheck ("" for two
	// dates).
	Rules string
	// Orders is the number of orders (lines) read.
	Orders int
	// Results are the orders with a difference or an error, in book
	// order; the others are counted in Orders only, so that a book of any
	// length is rechecked in little memory.
	Results []Result
}

// Plan is what a recheck compares: each order as of From under Before's
// rules against as of To under After's, the causes read from Window.
type Plan struct {
	From, To      jurisdiction.Date
	Before, After *license.Checker
	Window        recheck.Window
	Rules         string // the proposal's name, "" for two dates
}

// DatesPlan rechecks as of two dates with the built-in rules.
func DatesPlan(from, to jurisdiction.Date) Plan {
	c := license.NewChecker()
	return Plan{From: from, To: to, Before: c, After: c, Window: recheck.Between(from, to)}
}

// ProposalPlan rechecks as of asOf under the built-in FDP rules and under
// proposed, named name.
func ProposalPlan(proposed fdp.Set, asOf jurisdiction.Date, name string) Plan {
	return Plan{From: asOf, To: asOf, Before: license.NewChecker(), After: license.NewChecker(license.WithFDPRules(proposed)),
		Window: recheck.Proposal(fdp.Default(), proposed, asOf, name), Rules: name}
}

// DeMinimisPlan rechecks as of asOf under the built-in de minimis rules
// and under proposed, named name.
func DeMinimisPlan(proposed license.DeMinimisRules, asOf jurisdiction.Date, name string) Plan {
	return Plan{From: asOf, To: asOf, Before: license.NewChecker(), After: license.NewChecker(license.WithDeMinimisRules(proposed)),
		Window: recheck.DeMinimisProposal(license.DefaultDeMinimisRules(), proposed, asOf, name), Rules: name}
}

// Recheck decides every order of book (JSON lines, read as it goes) as the
// plan says with workers goroutines sharing the plan's Checkers, and
// compares the two determinations of each. The report keeps the orders
// with a difference or an error, in book order. With progress non-nil, a
// line of progress is written to it every 2 seconds. A book that cannot be
// read to its end (a line over 16 MiB, a read error) gets a result with
// the error at the line where reading stopped.
func Recheck(ctx context.Context, book io.Reader, plan Plan, workers int, progress io.Writer) Report {
	// Orders go to the workers in batches (a batch's first line number
	// and its lines): one hand-off per batch, not per order.
	type batch struct {
		first int
		lines [][]byte
	}
	const batchSize = 64
	rep := Report{From: plan.From, To: plan.To, Rules: plan.Rules}
	jobs := make(chan batch, 2*workers)
	var done sync.WaitGroup
	var mu sync.Mutex
	finished := 0
	for range workers {
		done.Go(func() {
			var keep []Result
			for b := range jobs {
				keep = keep[:0]
				for i, line := range b.lines {
					res := recheckOne(ctx, plan, b.first+i, line)
					if res.Err != nil || len(res.Comparison.Differences) > 0 {
						keep = append(keep, res)
					}
				}
				mu.Lock()
				rep.Results = append(rep.Results, keep...)
				finished += len(b.lines)
				mu.Unlock()
			}
		})
	}
	stop := make(chan struct{})
	if progress != nil {
		start := time.Now()
		go func() {
			t := time.NewTicker(2 * time.Second)
			defer t.Stop()
			for {
				select {
				case <-stop:
					return
				case <-t.C:
					mu.Lock()
					n := finished
					mu.Unlock()
					fmt.Fprintf(progress, "recheck: %d orders done (%s)\n", n, time.Since(start).Round(time.Second))
				}
			}
		}()
	}
	sc := bufio.NewScanner(book)
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	n := 0
	b := batch{first: 1}
	for sc.Scan() {
		n++
		b.lines = append(b.lines, bytes.Clone(sc.Bytes()))
		if len(b.lines) == batchSize {
			jobs <- b
			b = batch{first: n + 1}
		}
	}
	if len(b.lines) > 0 {
		jobs <- b
	}
	close(jobs)
	done.Wait()
	close(stop)
	rep.Orders = n
	if err := sc.Err(); err != nil {
		rep.Results = append(rep.Results, Result{Line: n + 1, Err: fmt.Errorf("reading the book: %w", err)})
	}
	slices.SortFunc(rep.Results, func(a, b Result) int { return cmp.Compare(a.Line, b.Line) })
	return rep
}

// recheckOne decides one order as the plan says and compares.
func recheckOne(ctx context.Context, plan Plan, n int, line []byte) Result {
	res := Result{Line: n}
	req, err := license.DecodeRequest(bytes.NewReader(line))
	if err != nil {
		res.Err = err
		return res
	}
	// The id is copied: it shares the request's text, which a kept result
	// must not hold alive.
	res.OrderID = strings.Clone(req.Item.ID)
	res.What = fmt.Sprintf("%s %s to %s", orDash(req.Item.ECCN.String()), req.Item.ProducedIn, req.Destination)
	req.AsOf = plan.From
	before, err := plan.Before.Check(ctx, req)
	if err != nil {
		res.Err = err
		return res
	}
	req.AsOf = plan.To
	after, err := plan.After.Check(ctx, req)
	if err != nil {
		res.Err = err
		return res
	}
	res.Comparison = plan.Window.Compare(before, after)
	return res
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
