// Command recheck rechecks an order book as of two dates and writes what
// flips and why: for each order, every answer that differs (subject to the
// EAR, license required, each FDP rule, de minimis and its categories and
// lines, the License Exceptions) with the dated changes of the rules or
// tables between the two dates that caused it, and their citations.
//
// Usage:
//
//	recheck -from 2024-11-01 -to 2025-01-15 [-md FLIPS.md] [-csv FLIPS.csv] [-workers N] [BOOK.jsonl]
//
// The order book is JSON lines, one request of the wire format per line
// (its item.id is the order id; its as_of is replaced by the two dates);
// without a file it reads examples/recheck/testdata/orders.jsonl, a sample
// book of a few hundred orders. Orders are decided on every core (-workers,
// default GOMAXPROCS). A summary goes to standard output (how many orders
// flip each way, per cause); -md and -csv write the flips in full. Progress
// goes to standard error for books of more than 5,000 orders. A line that
// cannot be decided is counted and listed with its error; the rest go on.
package main

import (
	"bufio"
	"bytes"
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
	"github.com/earcheck/ear/license/recheck"
)

const defaultBook = "examples/recheck/testdata/orders.jsonl"

func main() {
	from := flag.String("from", "", "the first date (YYYY-MM-DD)")
	to := flag.String("to", "", "the second date (YYYY-MM-DD)")
	mdPath := flag.String("md", "", "write the flips as Markdown to this file")
	csvPath := flag.String("csv", "", "write the flips as CSV to this file")
	workers := flag.Int("workers", runtime.GOMAXPROCS(0), "orders decided at once")
	flag.Parse()
	if flag.NArg() > 1 || *workers < 1 {
		flag.Usage()
		os.Exit(64)
	}
	d1, err1 := jurisdiction.ParseDate(*from)
	d2, err2 := jurisdiction.ParseDate(*to)
	if err1 != nil || err2 != nil {
		fmt.Fprintln(os.Stderr, "recheck: -from and -to must be dates (YYYY-MM-DD)")
		os.Exit(64)
	}
	path := defaultBook
	if flag.NArg() == 1 {
		path = flag.Arg(0)
	}
	book, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "recheck:", err)
		os.Exit(1)
	}
	var progress io.Writer
	if bytes.Count(book, []byte("\n")) > 5000 {
		progress = os.Stderr
	}
	rep := Recheck(context.Background(), book, d1, d2, *workers, progress)
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
	Results  []Result
}

// Recheck decides every order of book (JSON lines) as of from and as of to
// with workers goroutines sharing one Checker, and compares the two
// determinations of each. The results are in book order. With progress
// non-nil, a line of progress is written to it every 2 seconds.
func Recheck(ctx context.Context, book []byte, from, to jurisdiction.Date, workers int, progress io.Writer) Report {
	var lines [][]byte
	sc := bufio.NewScanner(bytes.NewReader(book))
	sc.Buffer(make([]byte, 0, 64*1024), 16*1024*1024)
	for sc.Scan() {
		lines = append(lines, bytes.Clone(sc.Bytes()))
	}
	rep := Report{From: from, To: to, Results: make([]Result, len(lines))}
	c := license.NewChecker()
	win := recheck.Between(from, to)
	jobs := make(chan int)
	var done sync.WaitGroup
	var mu sync.Mutex
	finished := 0
	for range workers {
		done.Go(func() {
			for i := range jobs {
				rep.Results[i] = recheckOne(ctx, c, win, i+1, lines[i], from, to)
				mu.Lock()
				finished++
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
					fmt.Fprintf(progress, "recheck: %d of %d orders (%s)\n", n, len(lines), time.Since(start).Round(time.Second))
				}
			}
		}()
	}
	for i := range lines {
		jobs <- i
	}
	close(jobs)
	done.Wait()
	close(stop)
	return rep
}

// recheckOne decides one order as of the two dates and compares.
func recheckOne(ctx context.Context, c *license.Checker, win recheck.Window, n int, line []byte, from, to jurisdiction.Date) Result {
	res := Result{Line: n}
	req, err := license.DecodeRequest(bytes.NewReader(line))
	if err != nil {
		res.Err = err
		return res
	}
	res.OrderID = req.Item.ID
	res.What = fmt.Sprintf("%s %s to %s", orDash(req.Item.ECCN.String()), req.Item.ProducedIn, req.Destination)
	req.AsOf = from
	before, err := c.Check(ctx, req)
	if err != nil {
		res.Err = err
		return res
	}
	req.AsOf = to
	after, err := c.Check(ctx, req)
	if err != nil {
		res.Err = err
		return res
	}
	res.Comparison = win.Compare(before, after)
	return res
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
