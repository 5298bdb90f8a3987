package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/fdp"
)

var update = flag.Bool("update", false, "rewrite testdata/recheck.golden.md")

const golden = "testdata/recheck.golden.md"

func book(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(bookFile)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

var (
	nov1  = jurisdiction.MustParseDate("2024-11-01")
	jan15 = jurisdiction.MustParseDate("2025-01-15")
)

// TestRecheckDecember2024: rechecking the sample book between 2024-11-01
// and 2025-01-15 lists the orders the December 2024 rules flipped, each
// with 734.9(e)(3), (k), 734.4(a)(8) or (a)(9) as its cause (or the AI
// diffusion amendments of 2025-01-13, also between the dates); every flip
// has a dated cause; the report is the same with one worker or many.
func TestRecheckDecember2024(t *testing.T) {
	rep := Recheck(context.Background(), bytes.NewReader(book(t)), DatesPlan(nov1, jan15), 4, nil)
	december := []string{"15 CFR 734.9(e)(3)", "15 CFR 734.9(k)", "15 CFR 734.4(a)(8)", "15 CFR 734.4(a)(9)"}
	seen := map[string]int{}
	for _, res := range rep.Results {
		if res.Err != nil {
			t.Fatalf("line %d: %v", res.Line, res.Err)
		}
		if !res.Comparison.Flipped() {
			continue
		}
		for _, d := range res.Comparison.Differences {
			if d.Field != "subject_to_ear" && d.Field != "license.required" {
				continue
			}
			if len(d.Causes) == 0 {
				t.Errorf("%s: %s %s to %s with no dated cause", res.OrderID, d.Field, d.Before, d.After)
			}
			for _, c := range d.Causes {
				switch {
				case slices.Contains(december, c.Provision) && c.Effective.String() == "2024-12-02":
					seen[c.Provision]++
				case c.Kind == "ai_diffusion":
				case c.Kind == "ccl_entry" && c.Effective.String() == "2024-12-02":
					// The same December 2024 rule created 3B993 and its kin.
				default:
					t.Errorf("%s: unexpected cause %s %s", res.OrderID, c.Effective, c.Provision)
				}
			}
		}
	}
	for _, p := range december {
		if seen[p] == 0 {
			t.Errorf("no order flipped by %s", p)
		}
	}
	var md1, md4 bytes.Buffer
	Recheck(context.Background(), bytes.NewReader(book(t)), DatesPlan(nov1, jan15), 1, nil).Markdown(&md1)
	rep.Markdown(&md4)
	if md1.String() != md4.String() {
		t.Error("the report differs between one worker and four")
	}
	if *update {
		if err := os.WriteFile(golden, md4.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if md4.String() != string(want) {
		t.Errorf("report differs from %s (go test -run TestRecheckDecember2024 -update ./examples/recheck after review)", golden)
	}
}

// TestRecheckSameDate: nothing differs between a date and itself, and the
// report keeps no order.
func TestRecheckSameDate(t *testing.T) {
	rep := Recheck(context.Background(), bytes.NewReader(book(t)), DatesPlan(jan15, jan15), 2, nil)
	if rep.Orders != bytes.Count(book(t), []byte("\n")) || len(rep.Results) != 0 {
		t.Fatalf("%d orders, %d results: %+v", rep.Orders, len(rep.Results), rep.Results)
	}
}

// TestRecheckReadError: a book that cannot be read to its end is reported
// at the line where reading stopped, after the orders read before it.
func TestRecheckReadError(t *testing.T) {
	first, _, _ := bytes.Cut(book(t), []byte("\n"))
	r := io.MultiReader(bytes.NewReader(append(first, '\n')), iotest.ErrReader(errors.New("disk gone")))
	rep := Recheck(context.Background(), r, DatesPlan(nov1, jan15), 2, nil)
	last := rep.Results[len(rep.Results)-1]
	if rep.Orders != 1 || last.Line != 2 || last.Err == nil || !strings.Contains(last.Err.Error(), "disk gone") {
		t.Fatalf("%d orders, results %+v", rep.Orders, rep.Results)
	}
}

// TestRecheckBadLine: a line that cannot be decided is reported with its
// error and the others go on; the CSV names each flip's cause.
func TestRecheckBadLine(t *testing.T) {
	lines := strings.SplitAfter(string(book(t)), "\n")
	b := []byte(lines[0] + "{\"as_of\": \n" + lines[1])
	rep := Recheck(context.Background(), bytes.NewReader(b), DatesPlan(nov1, jan15), 2, nil)
	if rep.Orders != 3 || len(rep.Results) < 2 || rep.Results[0].Line != 1 || rep.Results[0].Err != nil ||
		rep.Results[1].Line != 2 || rep.Results[1].Err == nil {
		t.Fatalf("%d orders, results %+v", rep.Orders, rep.Results)
	}
	var out bytes.Buffer
	rep.Markdown(&out)
	if !strings.Contains(out.String(), "## Not decided\n\n- line 2") {
		t.Errorf("report does not list the bad line:\n%s", out.String())
	}
	out.Reset()
	rep.CSV(&out)
	if !strings.HasPrefix(out.String(), "order_id,field,before,after,cause_effective,cause_provision,cause_what,cause_source\n") ||
		!strings.Contains(out.String(), "SO-0001,subject_to_ear,no,indeterminate,2024-12-02,15 CFR 734.9(k),") {
		t.Errorf("CSV:\n%s", out.String())
	}
}

// BenchmarkRecheckOrder is the recheck of every order of the sample book
// in turn, one goroutine (decoding, two Checks and the comparison), against
// BenchmarkTwoChecks, the two Checks of the same orders decoded
// beforehand: the decoding and the comparison should cost little beside
// them. Both report ns/order.
func BenchmarkRecheckOrder(b *testing.B) {
	lines := bytes.Split(bytes.TrimSuffix(book(b), []byte("\n")), []byte("\n"))
	plan := DatesPlan(nov1, jan15)
	ctx := context.Background()
	for b.Loop() {
		for i, line := range lines {
			if res := recheckOne(ctx, plan, i+1, line); res.Err != nil {
				b.Fatal(res.Err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(lines)), "ns/order")
}

func BenchmarkTwoChecks(b *testing.B) {
	var reqs []license.Request
	for _, line := range bytes.Split(bytes.TrimSuffix(book(b), []byte("\n")), []byte("\n")) {
		req, err := license.DecodeRequest(bytes.NewReader(line))
		if err != nil {
			b.Fatal(err)
		}
		reqs = append(reqs, req)
	}
	c := license.NewChecker()
	ctx := context.Background()
	for b.Loop() {
		for _, req := range reqs {
			req.AsOf = nov1
			if _, err := c.Check(ctx, req); err != nil {
				b.Fatal(err)
			}
			req.AsOf = jan15
			if _, err := c.Check(ctx, req); err != nil {
				b.Fatal(err)
			}
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(reqs)), "ns/order")
}

// BenchmarkRecheck100k rechecks a book of 100,000 orders (the sample book
// read over and over, as a file is read: the book is never all in
// memory) with one worker per GOMAXPROCS, and reports ns/order, to set
// beside BenchmarkTwoChecks. To see it scale with cores, run it in two
// processes, GOMAXPROCS=1 and GOMAXPROCS=2, with -benchtime 1x: not with
// -cpu 1,2, for with -benchtime 1x the testing package reports the first
// -cpu entry from the single run it makes before it sets GOMAXPROCS (at
// the process's own setting).
func BenchmarkRecheck100k(b *testing.B) {
	bk := book(b)
	n := bytes.Count(bk, []byte("\n"))
	times := (100000 + n - 1) / n
	for b.Loop() {
		rs := make([]io.Reader, times)
		for i := range rs {
			rs[i] = bytes.NewReader(bk)
		}
		rep := Recheck(context.Background(), io.MultiReader(rs...), DatesPlan(nov1, jan15), runtime.GOMAXPROCS(0), nil)
		if rep.Orders != times*n {
			b.Fatalf("%d orders, want %d", rep.Orders, times*n)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*times*n), "ns/order")
}

// BenchmarkRecheckBook rechecks the sample book with one worker per
// GOMAXPROCS (run with -cpu 1,2 to see it scale); ns/op is per book.
func BenchmarkRecheckBook(b *testing.B) {
	bk := book(b)
	n := bytes.Count(bk, []byte("\n"))
	for b.Loop() {
		Recheck(context.Background(), bytes.NewReader(bk), DatesPlan(nov1, jan15), runtime.GOMAXPROCS(0), nil)
	}
	b.ReportMetric(float64(n), "orders/op")
}

// TestRecheckProposal: under a proposed rule set whose SME FDP rule
// (734.9(k)) reaches every destination (a hypothetical written from the
// built-in set's document), the orders that flip are SME tools of the
// rule's list bound outside Macau and D:5, each with the proposed (k) as
// its cause, and nothing else.
func TestRecheckProposal(t *testing.T) {
	doc, err := json.Marshal(fdp.Default())
	if err != nil {
		t.Fatal(err)
	}
	old := `"reach":[{"kind":"destination","where":{"places":["MO"],"groups":["D:5"]}}],"exclusions":[{"citation":"15 CFR 742.4(a)(4)(ii)(B)"`
	if !strings.Contains(string(doc), old) {
		t.Fatal("the built-in document has no (k) reach as expected")
	}
	proposal := strings.Replace(string(doc), old, strings.Replace(old, `"where":{"places":["MO"],"groups":["D:5"]}`, `"where":{"anywhere":true}`, 1), 1)
	set, err := fdp.ParseSet([]byte(proposal))
	if err != nil {
		t.Fatal(err)
	}
	rep := Recheck(context.Background(), bytes.NewReader(book(t)), ProposalPlan(set, jan15, "hypothetical: 734.9(k) worldwide"), 2, nil)
	flipped := 0
	for _, res := range rep.Results {
		if res.Err != nil {
			t.Fatal(res.Err)
		}
		if !res.Comparison.Flipped() {
			continue
		}
		flipped++
		if !strings.HasPrefix(res.What, "3B") || strings.HasSuffix(res.What, " to CN") || strings.HasSuffix(res.What, " to MO") {
			t.Errorf("%s (%s) flipped", res.OrderID, res.What)
		}
		for _, d := range res.Comparison.Differences {
			if d.Field == "subject_to_ear" && (len(d.Causes) != 1 || d.Causes[0].Provision != "15 CFR 734.9(k)" || d.Causes[0].Kind != "proposal") {
				t.Errorf("%s: causes %+v", res.OrderID, d.Causes)
			}
		}
	}
	if flipped == 0 {
		t.Error("nothing flipped under the proposal")
	}
}

// TestMarkdownText: text a caller supplied (an order id with a line
// break, a pipe) stays on its heading, list item or cell.
func TestMarkdownText(t *testing.T) {
	for in, want := range map[string]string{
		"line1\nline2": "line1 line2",
		"x\r\ny|z":     `x y\|z`,
		"a\rb":         "a b",
	} {
		if got := md(in); got != want {
			t.Errorf("md(%q) = %q, want %q", in, got, want)
		}
	}
}
