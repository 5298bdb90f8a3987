package product_test

import (
	"errors"
	"fmt"

	"github.com/earcheck/ear/product"
)

// A decoder for an object of one's own, read the way the wire format reads
// every object: in document order, a repeated member an error naming it.
func ExampleEachMember() {
	data := []byte(`{"eccn": "3A090.a", "note": "x", "eccn": "3A001"}`)
	err := product.EachMember(data, func(key string, raw []byte) error {
		fmt.Printf("%s = %s\n", key, raw)
		return nil
	})
	var fe *product.FieldError
	fmt.Println(errors.As(err, &fe), fe.Field, errors.Is(err, product.ErrDuplicate))
	// Output:
	// eccn = "3A090.a"
	// note = "x"
	// true eccn true
}

func ExampleMemberName() {
	fmt.Println(product.MemberName("direct_product_of"))
	fmt.Println(product.MemberName(""))
	fmt.Println(product.MemberName("a.b"))
	// Output:
	// direct_product_of
	// ""
	// "a.b"
}
