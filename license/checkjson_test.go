package license

import (
	"slices"
	"strings"
	"testing"

	"github.com/earcheck/ear/license/exception"
)

// checkJSON decodes a request in the wire format and checks it, failing
// the test on an error of either.
func checkJSON(t testing.TB, body string) Determination {
	t.Helper()
	req, err := DecodeRequest(strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	d, err := Check(req)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// noExceptionOvercomes fails the test when a License Exception of d that
// is not "not available" overcomes the requirement cited.
func noExceptionOvercomes(t testing.TB, d Determination, cite string) {
	t.Helper()
	for _, x := range d.Exceptions() {
		if x.Outcome != exception.NotAvailable && slices.Contains(x.Overcomes, cite) {
			t.Errorf("%s is %v for %s: %s", x.Code, x.Outcome, cite, x.Why)
		}
	}
}
