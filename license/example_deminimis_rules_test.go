package license_test

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/earcheck/ear/license"
)

// A proposal written from the built-in document: a 10 percent level for
// Country Group D:5 as well as E:1 and E:2. The rules read back strictly
// and list their levels; a misspelt member is an error naming it.
func ExampleParseDeMinimisRules() {
	doc, err := json.Marshal(license.DefaultDeMinimisRules())
	if err != nil {
		fmt.Println(err)
		return
	}
	proposal := strings.Replace(string(doc), `"groups":["E:1","E:2"]`, `"groups":["E:1","E:2","D:5"]`, 1)
	r, err := license.ParseDeMinimisRules([]byte(proposal))
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, l := range r.Levels() {
		fmt.Println(l.Citation, l.Percent, l.Groups)
	}
	_, err = license.ParseDeMinimisRules([]byte(strings.Replace(proposal, `"percent":25`, `"pct":25`, 1)))
	fmt.Println(err)
	// Output:
	// 15 CFR 734.4(c) 10 [E:1 E:2 D:5]
	// 15 CFR 734.4(d) 25 []
	// ear: levels[1].pct: unknown field
}
