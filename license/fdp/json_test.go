package fdp

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/earcheck/ear/product"
)

// TestSetJSONRoundTrip: the built-in set written as a document reads back
// to the same rules (the same Markdown table, the same document).
func TestSetJSONRoundTrip(t *testing.T) {
	b, err := json.Marshal(Default())
	if err != nil {
		t.Fatal(err)
	}
	s, err := ParseSet(b)
	if err != nil {
		t.Fatalf("ParseSet: %v", err)
	}
	if s.Markdown() != Default().Markdown() {
		t.Error("the set read back renders another table")
	}
	b2, err := json.Marshal(s)
	if err != nil || string(b2) != string(b) {
		t.Errorf("the document does not round-trip: %v", err)
	}
}

// TestParseSetErrors: a bad document is an error naming the member.
func TestParseSetErrors(t *testing.T) {
	good, err := json.Marshal(Default())
	if err != nil {
		t.Fatal(err)
	}
	doc := string(good)
	tests := []struct{ name, old, new, field string }{
		{"format", SetFormat, "other format", "format"},
		{"unknown member", `"title":"National Security FDP rule"`, `"title":"National Security FDP rule","color":"red"`, "rules[0].color"},
		{"citation outside 734.9", `"citation":"15 CFR 734.9(b)"`, `"citation":"15 CFR 744.9(b)"`, "rules[0]"},
		{"malformed citation", `"citation":"15 CFR 734.9(b)"`, `"citation":"734.9(b)"`, "rules[0].citation"},
		{"bad date", `"effective":"2022-02-03"`, `"effective":"2022-02-30"`, "rules[0].effective"},
		{"unknown group", `"groups":["D:1","E:1","E:2"]`, `"groups":["D:1","E:9","E:2"]`, "rules[0].reach[0].where.groups[1]"},
		{"bad pattern", `"patterns":["3B001.a.4"`, `"patterns":["3B0X1.a.4"`, "rules[19].product.item.patterns[0]"},
		{"bad item test", `"test":"ns_controlled"`, `"test":"nsc"`, "rules[0].product.item.test"},
		{"wrong type", `"affiliates":true`, `"affiliates":"yes"`, "rules[3].affiliates"},
		{"no provenance", `"provenance":[{"basis":"read"`, `"provenance":[{"basis":"rumour"`, "rules[0].provenance[0].basis"},
		{"exclusion lift malformed", `"lifts":["15 CFR 742.4(a)(4)"]`, `"lifts":["742.4(a)(4)"]`, "rules[19].exclusions[0].lifts[0]"},
		{"exclusion place unknown", `"exporter_in":{"places":["JP","NL"]}`, `"exporter_in":{"places":["JP","XX"]}`, "rules[19].exclusions[0].exporter_in.places[1]"},
		{"exclusion lifts nothing", `"lifts":["15 CFR 742.4(a)(4)"]`, `"lifts":[]`, "rules[19]"},
		{"exclusion member unknown", `"exporter_in":{"places":["JP","NL"]}`, `"exporter_in":{"places":["JP","NL"]},"exporters":"all"`, "rules[19].exclusions[0].exporters"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if !strings.Contains(doc, tt.old) {
				t.Fatalf("the document has no %s", tt.old)
			}
			_, err := ParseSet([]byte(strings.Replace(doc, tt.old, tt.new, 1)))
			fe, ok := errors.AsType[*product.FieldError](err)
			if !ok || fe.Field != tt.field {
				t.Fatalf("error %v, want one at %s", err, tt.field)
			}
		})
	}
	if _, err := ParseSet([]byte(`{"format":"` + SetFormat + `","rules":[]}`)); err == nil {
		t.Error("an empty set was accepted")
	}
	if _, err := ParseSet([]byte(`{"format":`)); err == nil {
		t.Error("malformed JSON was accepted")
	}
}

// FuzzParseSet: any document is a set or an error, never a panic; a set
// writes a document that reads back to it.
func FuzzParseSet(f *testing.F) {
	b, _ := json.Marshal(Default())
	f.Add(b)
	f.Add([]byte(`{"format":"` + SetFormat + `","rules":[{"citation":"15 CFR 734.9(z)"}]}`))
	f.Add([]byte(`[]`))
	f.Fuzz(func(t *testing.T, data []byte) {
		s, err := ParseSet(data)
		if err != nil {
			return
		}
		out, err := json.Marshal(s)
		if err != nil {
			t.Fatalf("marshal: %v", err)
		}
		if _, err := ParseSet(out); err != nil {
			t.Fatalf("written set does not read back: %v", err)
		}
	})
}
