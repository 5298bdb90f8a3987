package license

import (
	"encoding/json"
	"os"
	"slices"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// vectorFile is testdata/fdp.json, a copy of the shared worked cases.
type vectorFile struct {
	Schema string       `json:"schema"`
	Cases  []vectorCase `json:"cases"`
}

type vectorCase struct {
	ID          string          `json:"id"`
	Description string          `json:"description"`
	Request     json.RawMessage `json:"request"`
	Error       bool            `json:"error"`
	// Expect holds fdp_applies and the keys of the later full
	// determination (subject_to_ear, license_required, de_minimis_*),
	// which this test skips: they belong to the Check of the whole request.
	Expect map[string]json.RawMessage `json:"expect"`
}

// vectorRequest is the part of the wire request the FDP rules read.
type vectorRequest struct {
	AsOf           string          `json:"as_of"`
	Item           product.Item    `json:"item"`
	ExportedFrom   string          `json:"exported_from"`
	Destination    json.RawMessage `json:"destination"`
	Parties        Parties         `json:"parties"`
	EndUses        EndUses         `json:"end_uses"`
	Incorporations Incorporations  `json:"incorporations"`
	Options        struct {
		AIDiffusion   *AIDiffusionReading `json:"ai_diffusion"`
		UnknownOrigin string              `json:"unknown_origin"` // de minimis option; not read here
	} `json:"options"`
}

// queryFromRequest decodes a wire request into an FDPQuery.
func queryFromRequest(raw []byte) (FDPQuery, error) {
	var r vectorRequest
	if err := json.Unmarshal(raw, &r); err != nil {
		return FDPQuery{}, err
	}
	var q FDPQuery
	var err error
	if q.AsOf, err = jurisdiction.ParseDate(r.AsOf); err != nil {
		return q, err
	}
	var d struct {
		Country string `json:"country"`
		Region  string `json:"region"`
	}
	if err := json.Unmarshal(r.Destination, &d); err != nil {
		return q, err
	}
	if q.Destination, err = jurisdiction.ParseDestination(d.Country, d.Region); err != nil {
		return q, err
	}
	if r.ExportedFrom != "" {
		if q.ExportedFrom, err = jurisdiction.ParseCountry(r.ExportedFrom); err != nil {
			return q, err
		}
	}
	q.Item = r.Item
	q.Parties, q.EndUses, q.Incorporations = r.Parties, r.EndUses, r.Incorporations
	if r.Options.AIDiffusion != nil {
		q.Options.AIDiffusion = *r.Options.AIDiffusion
	}
	return q, nil
}

func loadVectors(t testing.TB) vectorFile {
	t.Helper()
	data, err := os.ReadFile("testdata/fdp.json")
	if err != nil {
		t.Fatal(err)
	}
	var f vectorFile
	if err := json.Unmarshal(data, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

func TestFDPVectors(t *testing.T) {
	f := loadVectors(t)
	if len(f.Cases) == 0 {
		t.Fatal("no cases")
	}
	rules := fdp.Default()
	for _, c := range f.Cases {
		t.Run(c.ID, func(t *testing.T) {
			q, err := queryFromRequest(c.Request)
			var res []FDPResult
			if err == nil {
				res, err = evaluateFDP(rules, q)
			}
			if c.Error {
				if err == nil {
					t.Fatalf("want an error, got none")
				}
				return
			}
			if err != nil {
				t.Fatalf("Evaluate: %v", err)
			}
			raw, ok := c.Expect["fdp_applies"]
			if !ok {
				t.Skip("no fdp_applies expectation")
			}
			var want []string
			if err := json.Unmarshal(raw, &want); err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, r := range res {
				if r.Outcome == ear.Yes {
					got = append(got, r.Citation)
				}
			}
			slices.Sort(want)
			if !slices.Equal(got, want) && !(len(got) == 0 && len(want) == 0) {
				t.Errorf("%s\napplies = %v, want %v", c.Description, got, want)
				for _, r := range res {
					t.Logf("%s: %s: %s %v", r.Citation, r.Outcome, r.Why, r.Missing)
				}
			}
			// A case that is not subject to the EAR has no undecided rule either.
			if string(c.Expect["subject_to_ear"]) == `"no"` {
				for _, r := range res {
					if r.Outcome == ear.Indeterminate {
						t.Errorf("%s indeterminate: %s", r.Citation, r.Why)
					}
				}
			}
		})
	}
}
