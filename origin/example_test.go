package origin_test

import (
	"fmt"

	"github.com/earcheck/ear/origin"
	"github.com/shopspring/decimal"
)

// The de minimis figures: the share is written for people (exact when it
// terminates, else to ten places); the decision is ExceedsExact, a strict
// comparison by cross-multiplication.
func ExamplePercentOf() {
	controlled := origin.ExactOf(decimal.RequireFromString("25000.00"))
	item := origin.ExactOf(decimal.RequireFromString("100000.00"))
	fmt.Println(origin.PercentOf(controlled, item))
	fmt.Println(origin.ExceedsExact(controlled, item, 25)) // exactly 25 % is within 25 %

	third := origin.ExactOf(decimal.RequireFromString("1"))
	fmt.Println(origin.PercentOf(third, origin.ExactOf(decimal.RequireFromString("3"))))
	// Output:
	// 25 true
	// false
	// 33.3333333333 false
}

// A bill of materials' controlled value: the line totals added with a Sum
// (in int64 while they fit), the same total and exponent as Exact.Add.
func ExampleSum() {
	var s origin.Sum
	for _, v := range []string{"1200.50", "310.25", "89"} {
		s.Add(origin.ExactOf(decimal.RequireFromString(v)))
	}
	total, _ := s.Exact().Decimal()
	fmt.Println(total.StringFixed(2))
	// Output:
	// 1599.75
}
