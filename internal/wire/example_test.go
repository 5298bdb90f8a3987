package wire_test

import (
	"errors"
	"fmt"

	"github.com/earcheck/ear/internal/wire"
)

// A decoder for an object of one's own, read the way the wire format reads
// every object: in document order, a repeated member an error naming it.
func ExampleEachMember() {
	data := []byte(`{"eccn": "3A090.a", "note": "x", "eccn": "3A001"}`)
	err := wire.EachMember(data, func(key string, raw []byte) error {
		fmt.Printf("%s = %s\n", key, raw)
		return nil
	})
	var de *wire.DuplicateError
	fmt.Println(errors.As(err, &de), de.Key)
	// Output:
	// eccn = "3A090.a"
	// note = "x"
	// true eccn
}

func ExampleMemberName() {
	fmt.Println(wire.MemberName("direct_product_of"))
	fmt.Println(wire.MemberName(""))
	fmt.Println(wire.MemberName("a.b"))
	// Output:
	// direct_product_of
	// ""
	// "a.b"
}
