package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"slices"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/earcheck/ear/product"
)

// TestCheckVectors runs every worked case of testdata/deminimis.json and
// testdata/fdp.json (the project's copies of the shared cases) through
// DecodeRequest and Check, and compares every expectation key the cases
// carry, as tools/runcases.py does through examples/check.
func TestCheckVectors(t *testing.T) {
	for _, file := range []string{"testdata/deminimis.json", "testdata/fdp.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var vf struct {
			Cases []struct {
				ID      string                     `json:"id"`
				Request json.RawMessage            `json:"request"`
				Expect  map[string]json.RawMessage `json:"expect"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(data, &vf); err != nil {
			t.Fatal(err)
		}
		for _, c := range vf.Cases {
			t.Run(c.ID, func(t *testing.T) {
				req, err := DecodeRequest(bytes.NewReader(c.Request))
				var det Determination
				if err == nil {
					det, err = Check(req)
				}
				if _, wantErr := c.Expect["error"]; wantErr {
					if _, ok := errors.AsType[*product.FieldError](err); !ok {
						t.Fatalf("want a *product.FieldError, got %v", err)
					}
					return
				}
				if err != nil {
					t.Fatal(err)
				}
				// Each missing fact says what it decides (README: "Each
				// missing fact is named once, with decides").
				for _, m := range det.Missing() {
					if len(m.Decides) == 0 {
						t.Errorf("missing %s decides nothing: %s", m.Field, m.Why)
					}
				}
				b, err := json.Marshal(det)
				if err != nil {
					t.Fatal(err)
				}
				var resp map[string]any
				if err := json.Unmarshal(b, &resp); err != nil {
					t.Fatal(err)
				}
				dm, _ := resp["de_minimis"].(map[string]any)
				str := func(k string) string { var s string; json.Unmarshal(c.Expect[k], &s); return s }
				dec := func(v any) decimal.Decimal {
					s, _ := v.(string)
					d, err := decimal.NewFromString(s)
					if err != nil {
						return decimal.NewFromInt(-999999)
					}
					return d
				}
				for k, raw := range c.Expect {
					switch k {
					case "subject_to_ear":
						if got := resp["subject_to_ear"]; got != str(k) {
							t.Errorf("subject_to_ear: got %v, want %s", got, str(k))
						}
					case "license_required":
						lic, _ := resp["license"].(map[string]any)
						if got := lic["required"]; got != str(k) {
							t.Errorf("license.required: got %v, want %s (%v)", got, str(k), lic["reasons"])
						}
					case "de_minimis_outcome":
						if got := dm["outcome"]; got != str(k) {
							t.Errorf("de_minimis.outcome: got %v, want %s", got, str(k))
						}
					case "threshold_percent", "controlled_percent":
						var want json.Number
						json.Unmarshal(raw, &want)
						w, _ := decimal.NewFromString(want.String())
						if w.IsZero() && want.String() == "" {
							w = dec(str(k))
						}
						if g := dec(dm[k]); !g.Equal(w) {
							t.Errorf("%s: got %v, want %s", k, dm[k], raw)
						}
					case "counted_lines":
						var want []string
						json.Unmarshal(raw, &want)
						var got []string
						lines, _ := dm["lines"].([]any)
						for _, l := range lines {
							m, _ := l.(map[string]any)
							if m["counted"] == true || m["counted"] == "yes" {
								got = append(got, m["id"].(string))
							}
						}
						slices.Sort(got)
						slices.Sort(want)
						if !slices.Equal(got, want) {
							t.Errorf("counted lines: got %v, want %v", got, want)
						}
					case "fdp_applies":
						var want []string
						json.Unmarshal(raw, &want)
						var got []string
						fdp, _ := resp["fdp"].([]any)
						for _, r := range fdp {
							m, _ := r.(map[string]any)
							if m["outcome"] == "applies" {
								got = append(got, m["citation"].(string))
							}
						}
						slices.Sort(got)
						slices.Sort(want)
						if !slices.Equal(got, want) {
							t.Errorf("fdp applies: got %v, want %v", got, want)
						}
					case "error":
					default:
						t.Errorf("unknown expectation key %q", k)
					}
				}
			})
		}
	}
}
