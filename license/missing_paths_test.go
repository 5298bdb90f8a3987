package license

import (
	"encoding/json"
	"errors"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

// TestEmbargoContentFoodOrMedicine: a U.S. EAR99 power supply at 12 % of an
// item for North Korea is controlled content (746.4: every item subject to
// the EAR but EAR99 food and medicine), and components[].food_or_medicine
// is a field the decoder accepts.
func TestEmbargoContentFoodOrMedicine(t *testing.T) {
	const base = `{"as_of":"2026-11-28","item":{"id":"G","eccn":"EAR99","kind":"commodity","produced_in":"CN","value":{"amount":"1000.00","currency":"USD"},
"components":[{"id":"psu","eccn":"EAR99","origin":"us","value":{"amount":"120.00","currency":"USD"},"relation":"incorporated"%s}],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"CN","destination":{"country":"KP"},"parties":[],"end_uses":[],"incorporations":[]}`
	for _, tt := range []struct {
		fact    string
		outcome DeMinimisOutcome
		missing string
	}{
		{"", DeMinimisIndeterminate, "item.components[0].food_or_medicine"},
		{`,"food_or_medicine":false`, DeMinimisExceeds, ""},
		{`,"food_or_medicine":true`, DeMinimisWithin, ""},
	} {
		req, err := DecodeRequest(strings.NewReader(strings.Replace(base, "%s", tt.fact, 1)))
		if err != nil {
			t.Fatalf("%q: %v", tt.fact, err)
		}
		d, err := Check(req)
		if err != nil {
			t.Fatal(err)
		}
		dm := d.DeMinimis()
		if dm.Outcome != tt.outcome {
			t.Errorf("%q: de minimis %s, want %s (%s)", tt.fact, dm.Outcome, tt.outcome, dm.Lines[0].Why)
		}
		if tt.missing != "" && !strings.Contains(fieldsOf(d.Missing()), tt.missing) {
			t.Errorf("%q: missing %v, want %s", tt.fact, d.Missing(), tt.missing)
		}
	}
}

// TestSoftwareTechnologyNotFood: software and technology are not food or
// medicine, so the EAR99 exceptions of 746.4(a) (North Korea), 746.9
// (Syria) and 746.6(a) (Crimea) do not leave them open on a
// food_or_medicine the request does not give: an EAR99 technology or
// software item needs a license there, and a US EAR99 technology or
// software line of such an item is controlled content. A commodity stays
// open.
func TestSoftwareTechnologyNotFood(t *testing.T) {
	const item = `{"as_of":"2026-11-28","item":{"id":"T","eccn":"EAR99","kind":"KIND","produced_in":"US","value":{"amount":"1000.00","currency":"USD"},
"components":[],"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"US","destination":{"country":"DEST"},"parties":[],"end_uses":[],"incorporations":[]}`
	const line = `{"as_of":"2026-11-28","item":{"id":"T","eccn":"EAR99","kind":"KIND","produced_in":"CN","value":{"amount":"1000.00","currency":"USD"},
"components":[{"id":"c1","eccn":"EAR99","origin":"us","value":{"amount":"200.00","currency":"USD"},"relation":"REL"}],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"CN","destination":{"country":"DEST"},"parties":[],"end_uses":[],"incorporations":[]}`
	for _, tt := range []struct {
		body, kind, rel, dest string
		license               ear.Answer
		dm                    DeMinimisOutcome
	}{
		{item, "technology", "", "KP", ear.Yes, 0},
		{item, "software", "", "SY", ear.Yes, 0},
		{item, "technology", "", "UA", ear.Yes, 0}, // the Crimea region, set below
		{item, "commodity", "", "KP", ear.Indeterminate, 0},
		{line, "technology", "commingled", "KP", 0, DeMinimisExceeds},
		{line, "software", "commingled", "SY", 0, DeMinimisExceeds},
		{line, "commodity", "bundled", "KP", 0, DeMinimisExceeds},
		{line, "commodity", "incorporated", "KP", 0, DeMinimisIndeterminate},
	} {
		body := strings.NewReplacer("KIND", tt.kind, "REL", tt.rel, "DEST", tt.dest).Replace(tt.body)
		if tt.dest == "UA" {
			body = strings.Replace(body, `{"country":"UA"}`, `{"country":"UA","region":"crimea"}`, 1)
		}
		d := checkReview(t, NewChecker(), body)
		if tt.license != 0 && d.LicenseRequired() != tt.license {
			t.Errorf("%s %s to %s: license %s, want %s; %+v", tt.kind, tt.rel, tt.dest, d.LicenseRequired(), tt.license, d.LicenseReasons())
		}
		if tt.dm != 0 && d.DeMinimis().Outcome != tt.dm {
			t.Errorf("%s %s line to %s: de minimis %s, want %s", tt.kind, tt.rel, tt.dest, d.DeMinimis().Outcome, tt.dm)
		}
	}
}

func fieldsOf(ms []MissingFact) string {
	var b strings.Builder
	for _, m := range ms {
		b.WriteString(m.Field + " ")
	}
	return b.String()
}

// plausible is a value of the type each wire member has, by its name, for
// filling a path the SDK names as missing.
var plausible = map[string]any{
	"origin": "us", "eccn": "3A991.a.1", "integrated_circuit": true, "food_or_medicine": true, "for": "3A090.a",
	"hts": "8542.31", "encryption": "mass_market", "written_assurance": true, "plant": map[string]any{"direct_product_of": []any{}},
	"direct_product_of": []any{}, "parties": []any{}, "end_uses": []any{}, "incorporations": []any{}, "exported_from": "JP",
	"one_time_report": map[string]any{"filed_on": "2026-01-01"}, "filed_on": "2026-01-01", "located_in": "CN",
	"components": []any{}, "as_of": "2026-11-28", "license_required": true,
}

var pathStep = regexp.MustCompile(`^([a-z_]+)(?:\[(\d+)\])?$`)

// setPath puts a plausible value at a wire path ("item.components[2].for")
// in a decoded JSON request, creating the last member; it reports false
// for a path it cannot follow (an index past the end).
func setPath(doc map[string]any, path string) bool {
	steps := strings.Split(path, ".")
	var cur any = doc
	for i, st := range steps {
		m := pathStep.FindStringSubmatch(st)
		if m == nil {
			return false
		}
		obj, ok := cur.(map[string]any)
		if !ok {
			return false
		}
		last := i == len(steps)-1
		if m[2] == "" {
			if last {
				v, ok := plausible[m[1]]
				if !ok {
					v = "x"
				}
				obj[m[1]] = v
				return true
			}
			next, ok := obj[m[1]]
			if !ok {
				next = map[string]any{}
				obj[m[1]] = next
			}
			cur = next
			continue
		}
		list, ok := obj[m[1]].([]any)
		n, _ := strconv.Atoi(m[2])
		if !ok || n >= len(list) {
			return false
		}
		if last {
			return true
		}
		cur = list[n]
	}
	return true
}

// TestPropertyMissingPathsAccepted: every path a Determination names as
// missing is a member the decoder accepts: filling it with a value of its
// type never gives an unknown_field error (the SDK never asks for a fact
// the caller cannot state).
func TestPropertyMissingPathsAccepted(t *testing.T) {
	r := propRand(11)
	seen := map[string]bool{}
	for range propIters(t, propCount(1500)) {
		w := genRequest(r)
		d, err := propCheckErr(w)
		if err != nil {
			continue
		}
		for _, m := range d.Missing() {
			key := regexp.MustCompile(`\[\d+\]`).ReplaceAllString(m.Field, "[]")
			var doc map[string]any
			if err := json.Unmarshal([]byte(w.json()), &doc); err != nil {
				t.Fatal(err)
			}
			if !setPath(doc, m.Field) {
				continue
			}
			b, _ := json.Marshal(doc)
			_, err := DecodeRequest(strings.NewReader(string(b)))
			var fe *product.FieldError
			if errors.As(err, &fe) && fe.Code() == "unknown_field" {
				t.Fatalf("the SDK names %q as missing, but the decoder rejects it: %v\nrequest: %s", m.Field, err, w.json())
			}
			seen[key] = true
		}
	}
	t.Logf("missing paths filled: %d kinds", len(seen))
}

// TestAbsentComponentsUnknown: an absent bill of materials is unknown (de
// minimis indeterminate, naming item.components); [] is none.
func TestAbsentComponentsUnknown(t *testing.T) {
	const base = `{"as_of":"2026-11-28","item":{"id":"M","eccn":"2B991","kind":"commodity","produced_in":"JP","value":{"amount":"1000.00","currency":"USD"}%s,
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"CN"},"parties":[],"end_uses":[],"incorporations":[]}`
	for _, tt := range []struct {
		components string
		want       DeMinimisOutcome
		subject    string
	}{
		{"", DeMinimisIndeterminate, "indeterminate"},
		{`,"components":[]`, DeMinimisWithin, "no"},
	} {
		req, err := DecodeRequest(strings.NewReader(strings.Replace(base, "%s", tt.components, 1)))
		if err != nil {
			t.Fatal(err)
		}
		d, err := Check(req)
		if err != nil {
			t.Fatal(err)
		}
		if got := d.DeMinimis().Outcome; got != tt.want {
			t.Errorf("components %q: de minimis %s, want %s", tt.components, got, tt.want)
		}
		if got := d.SubjectToEAR().String(); got != tt.subject {
			t.Errorf("components %q: subject %s, want %s", tt.components, got, tt.subject)
		}
		if tt.want == DeMinimisIndeterminate && !strings.Contains(fieldsOf(d.Missing()), "item.components ") {
			t.Errorf("missing %v, want item.components", d.Missing())
		}
		// The request writes back as it was read: absent stays absent.
		b, _ := req.MarshalJSON()
		if has := strings.Contains(string(b), `"components"`); has != (tt.components != "") {
			t.Errorf("components %q written back as %s", tt.components, b)
		}
	}
}
