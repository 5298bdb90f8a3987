package license

import (
	"strings"
	"testing"
)

// TestDeMinimisUnclassifiedEncryption (734.4(b)): a US-origin line with no
// ECCN may be 5A002, 5A004 or 5D002 content, whose 740.17 status decides
// whether de minimis is available at all, so however small the line the
// outcome stays open and names the line's ECCN; classified EAR99, the
// same line leaves the item within the level.
func TestDeMinimisUnclassifiedEncryption(t *testing.T) {
	const body = `{"as_of": "2026-11-28", "item": {"id": "R-1", "eccn": "EAR99", "kind": "commodity", "produced_in": "TR",
 "value": {"amount": "1000000", "currency": "USD"},
 "components": [{"id": "c1", ECCN"origin": "us", "value": {"amount": "10", "currency": "USD"}, "relation": "incorporated"}],
 "direct_product_of": [], "plant": {"direct_product_of": []}},
 "exported_from": "TR", "destination": {"country": "SA"}, "parties": [], "end_uses": [], "incorporations": []}`
	d := checkReview(t, NewChecker(), strings.Replace(body, "ECCN", "", 1))
	if got := d.DeMinimis().Outcome; got != DeMinimisIndeterminate {
		t.Errorf("unclassified line: de minimis %s, want indeterminate", got)
	}
	if !hasMissing(d, "item.components[0].eccn") {
		t.Errorf("unclassified line: missing %+v, want item.components[0].eccn", d.Missing())
	}
	d = checkReview(t, NewChecker(), strings.Replace(body, "ECCN", `"eccn": "EAR99", `, 1))
	if got := d.DeMinimis().Outcome; got != DeMinimisWithin {
		t.Errorf("EAR99 line: de minimis %s, want within", got)
	}
}
