package product_test

import (
	"fmt"

	"github.com/earcheck/ear/product"
)

func ExampleParseECCN() {
	e, err := product.ParseECCN("3B001.f.1.b.2")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(e.Entry(), e.Paragraph(), e.Kind(), e.Category(), string(e.ProductGroup()))
	fmt.Println(product.MustParseECCN("3B001").Covers(e))

	_, err = product.ParseECCN("3A0O1")
	fmt.Println(err)
	// Output:
	// 3B001 f.1.b.2 commodity 3 B
	// true
	// product: malformed ECCN "3A0O1" at offset 3: want three digits after the product group
}

// A writer that builds its text in a buffer pads an amount to the
// currency's minor unit in place.
func ExampleAppendMinorUnits() {
	b := []byte(`{"total":"`)
	start := len(b)
	b = append(b, "18000.5"...)
	b = product.AppendMinorUnits(b, start, product.MustParseCurrency("USD"))
	fmt.Println(string(append(b, `"}`...)))
	// Output: {"total":"18000.50"}
}
