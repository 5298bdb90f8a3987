package license

import (
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// TestChartBefore2025: before 2025-09-30 the chart is reconstructed
// (jurisdiction.ChartChanges) and the CCL rows are today's: a row that
// requires a license on the reconstructed chart decides, a row that
// requires none stays open naming the entry's rows on the date, and a
// cell not known on the date is open naming the cell.
func TestChartBefore2025(t *testing.T) {
	chart := func(eccn, dest, day string) ChartResult {
		t.Helper()
		res, err := CountryChart(ChartQuery{ECCN: product.MustParseECCN(eccn), Destination: jurisdiction.Destination{Country: jurisdiction.MustParseCountry(dest)},
			ExportedFrom: jurisdiction.UnitedStates, AsOf: jurisdiction.MustParseDate(day)})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	tests := []struct {
		eccn, dest, day string
		want            ear.Answer
		why             string // in some finding's Why
	}{
		{"3A001.a.7", "CN", "2022-06-01", ear.Yes, "the chart marks NS2 for China"},
		{"3A001.a.7", "CN", "2026-06-01", ear.Yes, "the chart marks NS2 for China"},
		{"NS1ITEM", "AU", "2024-04-18", ear.Yes, "the chart marks NS1 for Australia"},
		{"NS1ITEM", "AU", "2024-04-19", ear.Indeterminate, "a row requiring no license today does not decide an earlier date"},
		{"NS1ITEM", "AU", "2026-06-01", ear.No, ""},
		{"0A502", "CN", "2025-01-15", ear.Indeterminate, "cell for China on 2025-01-15 is not known"},
	}
	for _, tt := range tests {
		res := chart(strings.Replace(tt.eccn, "NS1ITEM", "1B018.a", 1), tt.dest, tt.day)
		if res.Required != tt.want {
			t.Errorf("%s to %s on %s: %s, want %s", tt.eccn, tt.dest, tt.day, res.Required, tt.want)
		}
		found := tt.why == ""
		for _, f := range res.Findings {
			found = found || strings.Contains(f.Why, tt.why)
		}
		if !found {
			t.Errorf("%s to %s on %s: no finding says %q: %+v", tt.eccn, tt.dest, tt.day, tt.why, res.Findings)
		}
	}
}

// TestTablesReconstructedWarning: a date before 2025-09-30 warns that the
// chart is reconstructed, and one before 2024-01-01 that the groups are too;
// a later date does not warn.
func TestTablesReconstructedWarning(t *testing.T) {
	const body = `{"as_of": "AS_OF", "item": {"id": "W-1", "eccn": "3A001.a.7", "kind": "commodity", "produced_in": "US",
 "value": {"amount": "100", "currency": "USD"}, "components": [], "direct_product_of": [], "plant": {"direct_product_of": []}},
 "exported_from": "US", "destination": {"country": "CN"}, "parties": [], "end_uses": [], "incorporations": []}`
	for day, want := range map[string]string{
		"2022-06-01": "the country groups are those of the changes a survey",
		"2024-06-01": "the Country Chart is the chart printed since then",
		"2026-06-01": "",
	} {
		d := checkReview(t, NewChecker(), strings.Replace(body, "AS_OF", day, 1))
		got := ""
		for _, w := range d.Warnings() {
			if w.Code == WarnTablesReconstructed {
				got = w.Message
			}
		}
		if want == "" && got != "" || !strings.Contains(got, want) {
			t.Errorf("%s: warning %q, want one saying %q", day, got, want)
		}
		if day == "2024-06-01" && strings.Contains(got, "country groups") {
			t.Errorf("%s: warning %q names the groups", day, got)
		}
		if d.LicenseRequired() != ear.Yes {
			t.Errorf("%s: license %s, want yes (NS2 to China)", day, d.LicenseRequired())
		}
	}
}

// TestChartEntrySince: before the entry (or paragraph) of an ECCN entered
// the CCL the item had another classification, so its chart reading is
// open and names the classification on the date; from that day the rows
// are read.
func TestChartEntrySince(t *testing.T) {
	tests := []struct {
		eccn, day string
		want      ear.Answer
	}{
		{"3A090.a", "2022-06-01", ear.Indeterminate},
		{"3A090.a", "2022-10-20", ear.Indeterminate},
		{"3A090.a", "2023-06-01", ear.Yes},
		{"3A090.c", "2024-12-01", ear.Indeterminate},
		{"3A090.c", "2024-12-02", ear.Yes},
		{"3B993.f.1", "2024-06-01", ear.Indeterminate},
		{"3A001.z.1.a", "2023-11-16", ear.Indeterminate},
		{"3A001.a.7", "2021-06-01", ear.Yes},
	}
	for _, tt := range tests {
		res, err := CountryChart(ChartQuery{ECCN: product.MustParseECCN(tt.eccn), Destination: jurisdiction.Destination{Country: jurisdiction.China},
			ExportedFrom: jurisdiction.UnitedStates, AsOf: jurisdiction.MustParseDate(tt.day)})
		if err != nil {
			t.Fatal(err)
		}
		if res.Required != tt.want {
			t.Errorf("%s to CN on %s: %s, want %s (%+v)", tt.eccn, tt.day, res.Required, tt.want, res.Findings)
		}
		if tt.want == ear.Indeterminate && !strings.Contains(res.Findings[0].Why, "entered the CCL on") {
			t.Errorf("%s on %s: %q does not name the entry's date", tt.eccn, tt.day, res.Findings[0].Why)
		}
	}
}
