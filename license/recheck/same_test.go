package recheck

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
)

// TestSameOutcomesMeansNoDifference: Compare passes over two
// determinations with the same outcomes (license.Determination.SameOutcomes)
// without comparing them in detail; the detailed comparison of such a
// pair must find nothing, and a pair it finds a difference in must not
// have the same outcomes. Every order of the example order book, as of
// dates around the rule changes from 2020 to 2026.
func TestSameOutcomesMeansNoDifference(t *testing.T) {
	book, err := os.ReadFile("../../examples/recheck/testdata/orders.jsonl")
	if err != nil {
		t.Skip("the example order book is not here:", err)
	}
	dates := []string{"2020-03-01", "2021-03-01", "2022-03-01", "2022-11-01", "2023-11-01", "2024-11-01", "2025-01-15", "2025-10-01", "2026-11-28"}
	var reqs []license.Request
	sc := bufio.NewScanner(bytes.NewReader(book))
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		req, err := license.DecodeRequest(bytes.NewReader(sc.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		reqs = append(reqs, req)
	}
	if len(reqs) < 100 {
		t.Fatalf("%d orders", len(reqs))
	}
	c := license.NewChecker()
	same, differ := 0, 0
	for i := 1; i < len(dates); i++ {
		w := Between(jurisdiction.MustParseDate(dates[i-1]), jurisdiction.MustParseDate(dates[i]))
		for _, req := range reqs {
			req.AsOf = w.from
			b, err := c.Check(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			req.AsOf = w.to
			a, err := c.Check(context.Background(), req)
			if err != nil {
				t.Fatal(err)
			}
			detail := w.compareDetail(Comparison{}, b, a)
			if b.SameOutcomes(a) {
				same++
				if len(detail.Differences) > 0 {
					t.Errorf("%s %s to %s: same outcomes, but %+v", req.Item.ID, w.from, w.to, detail.Differences[0])
				}
			} else if len(detail.Differences) > 0 {
				differ++
			}
			if !b.SameOutcomes(b) {
				t.Errorf("%s: a determination differs from itself", req.Item.ID)
			}
		}
	}
	if same == 0 || differ == 0 {
		t.Errorf("%d pairs with the same outcomes, %d with differences: want some of each", same, differ)
	}
	t.Logf("%d pairs with the same outcomes, %d with differences", same, differ)
}
