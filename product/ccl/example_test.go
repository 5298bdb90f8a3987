package ccl_test

import (
	"fmt"

	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// Look up the CCL entry of an advanced computing integrated circuit and
// print its License Requirements rows.
func ExampleLookup() {
	e, ok := ccl.Lookup(product.MustParseECCN("3A090.a"))
	if !ok {
		return
	}
	fmt.Println(e.ECCN(), e.Reasons())
	for _, c := range e.Controls() {
		fmt.Println(c, "|", c.AppliesTo(product.MustParseECCN("3A090.a")))
	}
	// Output:
	// 3A090 [RS AT]
	// RS paragraphs 3A090.a -> worldwide (15 CFR 742.6(a)(6)(iii)(A)) | yes
	// RS paragraphs 3A090.b -> AE + D:1/D:4/D:5 not A:5/A:6 (15 CFR 742.6(a)(6)(iii)(B)) | no
	// RS paragraphs 3A090.c -> Macau + D:5 (15 CFR 742.6(a)(6)(i)(B)) | no
	// AT entire entry -> AT1 | yes
}

// 3A090 entered the CCL in October 2022 and its .c paragraph (high
// bandwidth memory) in December 2024; an entry the record does not name
// has no date.
func ExampleSince() {
	for _, s := range []string{"3A090.a", "3A090.c", "3A001.a.7"} {
		since, _, ok := ccl.Since(product.MustParseECCN(s))
		fmt.Println(s, since, ok)
	}
	// Output:
	// 3A090.a 2022-10-21 true
	// 3A090.c 2024-12-02 true
	// 3A001.a.7  false
}
