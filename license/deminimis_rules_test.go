package license

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/earcheck/ear/product"
)

// TestDeMinimisRulesRoundTrip: the default document reads back to rules
// that write the same document.
func TestDeMinimisRulesRoundTrip(t *testing.T) {
	doc, err := json.Marshal(DefaultDeMinimisRules())
	if err != nil {
		t.Fatal(err)
	}
	r, err := ParseDeMinimisRules(doc)
	if err != nil {
		t.Fatal(err)
	}
	back, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	if string(back) != string(doc) {
		t.Errorf("round trip:\n%s\n%s", doc, back)
	}
	if n := len(r.Schedule()); n != len(deMinimisCategories) {
		t.Errorf("%d categories scheduled, want %d", n, len(deMinimisCategories))
	}
}

// TestParseDeMinimisRulesErrors: each malformed document is an error
// naming the member.
func TestParseDeMinimisRulesErrors(t *testing.T) {
	good, _ := json.Marshal(DefaultDeMinimisRules())
	doc := string(good)
	tests := []struct{ name, old, new, field string }{
		{"format", DeMinimisRulesFormat, "other", "format"},
		{"unknown member", `"levels":[`, `"level":[`, "level"},
		{"percent over 100", `"percent":25`, `"percent":125`, "levels[1].percent"},
		{"percent not whole", `"percent":25`, `"percent":2.5`, "levels[1].percent"},
		{"citation outside 734.4", `"citation":"15 CFR 734.4(d)"`, `"citation":"15 CFR 736.2(d)"`, "levels[1].citation"},
		{"unknown group", `"groups":["E:1","E:2"]`, `"groups":["E:1","E:9"]`, "levels[0].groups[1]"},
		{"default level with groups", `"percent":25}`, `"percent":25,"groups":["D:5"]}`, "levels[1].groups"},
		{"unknown category", `"citation":"15 CFR 734.4(a)(1)"`, `"citation":"15 CFR 734.4(a)(7)"`, "categories[0].citation"},
		{"bad date", `"effective":"2024-12-02"`, `"effective":"2024-13-02"`, "categories[2].effective"},
		{"until before effective", `"effective":"2024-12-02"}`, `"effective":"2024-12-02","until":"2024-01-01"}`, "categories[2].until"},
		{"category twice", `{"citation":"15 CFR 734.4(a)(2)"`, `{"citation":"15 CFR 734.4(a)(1)"`, "categories[1].citation"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(doc, tt.old) {
				t.Fatalf("the document has no %s: %s", tt.old, doc)
			}
			_, err := ParseDeMinimisRules([]byte(strings.Replace(doc, tt.old, tt.new, 1)))
			fe, ok := errors.AsType[*product.FieldError](err)
			if !ok || fe.Field != tt.field {
				t.Fatalf("error %v, want one at %s", err, tt.field)
			}
		})
	}
	for _, bad := range []string{`{"format":`, `[]`, `{"format":"` + DeMinimisRulesFormat + `","levels":[],"categories":[]}`} {
		if _, err := ParseDeMinimisRules([]byte(bad)); err == nil {
			t.Errorf("%s accepted", bad)
		}
	}
}

// TestDeMinimisRulesApplied: a Checker with proposed rules applies their
// levels and schedule: a Turkish controller with 20 percent U.S. 3A001
// content for China is within the 25 percent level, exceeds a proposed 15
// percent level for D:5; and dropping 734.4(a)(8) leaves a Japanese SME
// tool with a U.S. IC for China to the percentage.
func TestDeMinimisRulesApplied(t *testing.T) {
	const controller = `{"as_of": "2026-11-28", "item": {"id": "C-1", "eccn": "EAR99", "kind": "commodity", "produced_in": "TR",
 "value": {"amount": "1000", "currency": "USD"},
 "components": [{"id": "ic", "eccn": "3A001.a.7", "origin": "us", "value": {"amount": "200", "currency": "USD"}, "relation": "incorporated"}],
 "direct_product_of": [], "plant": {"direct_product_of": []}},
 "exported_from": "TR", "destination": {"country": "CN"}, "parties": [], "end_uses": [], "incorporations": []}`
	def, _ := json.Marshal(DefaultDeMinimisRules())
	doc := strings.Replace(string(def), `{"citation":"15 CFR 734.4(c)"`, `{"citation":"15 CFR 734.4(c)","percent":15,"groups":["D:5"]},{"citation":"15 CFR 734.4(c)"`, 1)
	proposed, err := ParseDeMinimisRules([]byte(doc))
	if err != nil {
		t.Fatal(err)
	}
	if got := checkReview(t, NewChecker(), controller).DeMinimis(); got.Outcome != DeMinimisWithin || got.ThresholdPercent != "25" {
		t.Errorf("built-in: %s at %s %%", got.Outcome, got.ThresholdPercent)
	}
	if got := checkReview(t, NewChecker(WithDeMinimisRules(proposed)), controller).DeMinimis(); got.Outcome != DeMinimisExceeds || got.ThresholdPercent != "15" {
		t.Errorf("proposed: %s at %s %%", got.Outcome, got.ThresholdPercent)
	}

	const tool = `{"as_of": "2026-11-28", "item": {"id": "T-1", "eccn": "3B001.d", "kind": "commodity", "produced_in": "JP",
 "value": {"amount": "1000000", "currency": "USD"},
 "components": [{"id": "ic", "eccn": "3A991.a.2", "origin": "us", "value": {"amount": "100", "currency": "USD"}, "relation": "incorporated"}],
 "direct_product_of": [], "plant": {"direct_product_of": []}},
 "exported_from": "JP", "destination": {"country": "CN"}, "parties": [], "end_uses": [], "incorporations": []}`
	drop := strings.Replace(string(def), `{"citation":"15 CFR 734.4(a)(8)","effective":"2024-12-02"},`, ``, 1)
	if drop == string(def) {
		t.Fatal("the default document has no (a)(8) schedule as expected")
	}
	without, err := ParseDeMinimisRules([]byte(drop))
	if err != nil {
		t.Fatal(err)
	}
	if got := checkReview(t, NewChecker(), tool).DeMinimis(); got.Outcome != DeMinimisNoLevel || got.Citation != "15 CFR 734.4(a)(8)" {
		t.Errorf("built-in: %s (%s)", got.Outcome, got.Citation)
	}
	if got := checkReview(t, NewChecker(WithDeMinimisRules(without)), tool).DeMinimis(); got.Outcome != DeMinimisWithin {
		t.Errorf("without (a)(8): %s (%s)", got.Outcome, got.Citation)
	}
}

// FuzzParseDeMinimisRules: any document is rules or an error, never a
// panic; rules write a document that reads back.
func FuzzParseDeMinimisRules(f *testing.F) {
	b, _ := json.Marshal(DefaultDeMinimisRules())
	f.Add(b)
	f.Add([]byte(`{"format":"` + DeMinimisRulesFormat + `","levels":[{"citation":"15 CFR 734.4(d)","percent":0}],"categories":[]}`))
	f.Add([]byte(`{"levels":[{"percent":-1}]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r, err := ParseDeMinimisRules(data)
		if err != nil {
			return
		}
		out, err := json.Marshal(r)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if _, err := ParseDeMinimisRules(out); err != nil {
			t.Fatalf("written rules do not read back: %v\n%s", err, out)
		}
	})
}
