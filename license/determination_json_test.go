package license

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/origin"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// TestAppendJSONVectors: for every request of the public vectors,
// AppendJSON writes the bytes encoding/json writes for the response through
// reflection (referenceJSON, the encoder MarshalJSON had before
// AppendJSON), and MarshalJSON and json.Marshal give the same bytes.
func TestAppendJSONVectors(t *testing.T) {
	n := 0
	for _, file := range []string{"testdata/fdp.json", "testdata/deminimis.json"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var vf struct {
			Cases []struct {
				ID      string          `json:"id"`
				Request json.RawMessage `json:"request"`
			} `json:"cases"`
		}
		if err := json.Unmarshal(data, &vf); err != nil {
			t.Fatal(err)
		}
		for _, c := range vf.Cases {
			req, err := DecodeRequest(bytes.NewReader(c.Request))
			if err != nil {
				continue // a case whose answer is an error
			}
			d, err := Check(req)
			if err != nil {
				continue
			}
			checkAppendJSON(t, file+" "+c.ID, d)
			n++
		}
	}
	if n < 50 {
		t.Fatalf("only %d vector requests decided", n)
	}
}

// TestAppendJSONGenerated: the same over requests of the property tests'
// generator, and over a determination whose texts need escaping.
func TestAppendJSONGenerated(t *testing.T) {
	count := 300
	if testing.Short() || raceEnabled {
		count = 60
	}
	r := rand.New(rand.NewPCG(7, 11))
	for i := range count {
		w := genRequest(r)
		raw, err := json.Marshal(w)
		if err != nil {
			t.Fatal(err)
		}
		req, err := DecodeRequest(bytes.NewReader(raw))
		if err != nil {
			continue
		}
		d, err := Check(req)
		if err != nil {
			continue
		}
		checkAppendJSON(t, fmt.Sprintf("generated #%d", i), d)
	}
	// Texts with every kind of character encoding/json escapes.
	req := Request{
		AsOf: asOf, Item: benchItem(3), ExportedFrom: jurisdiction.Japan,
		Destination: jurisdiction.Destination{Country: jurisdiction.China},
		Parties:     PartiesOf(Party{Name: "<a&b> \"q\" \\ \u2028\u2029 \x01\t 株式会社 \xff", Role: RoleEndUser, Country: jurisdiction.China}),
	}
	req.Item.ID = "<id>&\u2028\x7f\xc3"
	req.Item.Components[0].ID = "line <1> & \"2\"\n"
	req.Item.Components[1].Description = "desc \u2029 \\ </script>"
	d, err := Check(req)
	if err != nil {
		t.Fatal(err)
	}
	checkAppendJSON(t, "escapes", d)
}

// checkAppendJSON compares AppendJSON (after a prefix, so that appending
// is tested too) with the reference encoding and with json.Marshal.
func checkAppendJSON(t *testing.T, name string, d Determination) {
	t.Helper()
	want, err := referenceJSON(d)
	if err != nil {
		t.Fatalf("%s: reference: %v", name, err)
	}
	got, err := d.AppendJSON([]byte("prefix"))
	if err != nil {
		t.Fatalf("%s: AppendJSON: %v", name, err)
	}
	if !bytes.HasPrefix(got, []byte("prefix")) || !bytes.Equal(got[len("prefix"):], want) {
		g := got[min(len(got), len("prefix")):]
		i := 0
		for i < len(g) && i < len(want) && g[i] == want[i] {
			i++
		}
		t.Fatalf("%s: AppendJSON differs at byte %d:\ngot  …%s\nwant …%s", name, i, g[max(0, i-80):min(len(g), i+80)], want[max(0, i-80):min(len(want), i+80)])
	}
	m, err := json.Marshal(d)
	if err != nil || !bytes.Equal(m, want) {
		t.Fatalf("%s: json.Marshal differs from AppendJSON (%v)", name, err)
	}
}

// TestAppendJSONInvalid: a value without a wire form is an error, as it
// was for json.Marshal.
func TestAppendJSONInvalid(t *testing.T) {
	d, err := Check(Request{
		AsOf: asOf, Item: benchItem(2), ExportedFrom: jurisdiction.Japan,
		Destination: jurisdiction.Destination{Country: jurisdiction.China},
	})
	if err != nil {
		t.Fatal(err)
	}
	bad := []func(*Determination){
		func(d *Determination) { d.subject = 0 },
		func(d *Determination) { d.license = 9 },
		func(d *Determination) { d.deMinimis.Outcome = 0 },
		func(d *Determination) { d.deMinimis.ItemValue = product.Money{} },
		func(d *Determination) { d.fdp = append([]FDPResult{{Product: FDPFinding{Answer: 7}}}, d.fdp...) },
	}
	for i, f := range bad {
		dd := d
		f(&dd)
		if _, err := dd.AppendJSON(nil); err == nil {
			t.Errorf("case %d: AppendJSON accepted an invalid determination", i)
		}
		if _, err := json.Marshal(dd); err == nil {
			t.Errorf("case %d: json.Marshal accepted an invalid determination", i)
		}
		if _, err := referenceJSON(dd); err == nil {
			t.Errorf("case %d: the reference accepted an invalid determination", i)
		}
	}
}

// referenceJSON is the response as encoding/json writes it through
// reflection: the encoder of Determination.MarshalJSON before AppendJSON,
// kept as the reference that AppendJSON must match byte for byte.
func referenceJSON(d Determination) ([]byte, error) {
	type rules struct {
		ECFRDate    string `json:"ecfr_date"`
		CCLDate     string `json:"ccl_ecfr_date"`
		AsOf        string `json:"as_of"`
		AIDiffusion string `json:"ai_diffusion"`
	}
	type exc struct {
		Code      exception.Code      `json:"code"`
		Citation  string              `json:"citation"`
		Outcome   exception.Outcome   `json:"outcome"`
		Overcomes []string            `json:"overcomes"`
		Why       string              `json:"why"`
		Missing   []exception.Missing `json:"missing"`
	}
	type lic struct {
		Required   ear.Answer      `json:"required"`
		Reasons    []LicenseReason `json:"reasons"`
		Exceptions []exc           `json:"exceptions"`
		Covered    ear.Answer      `json:"covered_by_exceptions"`
	}
	excs := []exc{}
	for _, r := range d.exceptions {
		excs = append(excs, exc{r.Code, r.Citation, r.Outcome, nonNil(r.Overcomes), r.Why, nonNil(r.Missing)})
	}
	out := struct {
		ItemID   string              `json:"item_id"`
		Rules    rules               `json:"rules"`
		Subject  ear.Answer          `json:"subject_to_ear"`
		Grounds  []Ground            `json:"grounds"`
		DM       refDMWire           `json:"de_minimis"`
		FDP      []FDPResult         `json:"fdp"`
		License  lic                 `json:"license"`
		Missing  []MissingFact       `json:"missing"`
		Trace    []Step              `json:"trace"`
		Parties  []PartyDesignations `json:"parties"`
		Warnings []Warning           `json:"warnings"`
	}{
		ItemID:   d.itemID,
		Rules:    rules{ECFRDate: jurisdiction.TablesECFRDate, CCLDate: ccl.ECFRDate, AsOf: d.asOf.String(), AIDiffusion: d.options.AIDiffusion.String()},
		Subject:  d.subject,
		Grounds:  nonNil(d.grounds),
		DM:       refWireDeMinimis(d.deMinimis),
		FDP:      nonNil(d.fdp),
		License:  lic{Required: d.license, Reasons: nonNil(d.reasons), Exceptions: excs, Covered: d.covered},
		Missing:  nonNil(d.missing),
		Trace:    nonNil(d.trace),
		Parties:  nonNil(d.parties),
		Warnings: nonNil(d.warnings),
	}
	// FDPResult's own MarshalJSON is the reference for the rules.
	return json.Marshal(out)
}

// refDMWire is DeMinimisResult as the response writes it, with lines that
// encoding/json writes directly: the same members in the same order as
// DeMinimisResult and DeMinimisLine.MarshalJSON, without a nested
// MarshalJSON per line and per amount (each of whose output encoding/json
// would compact again).
type refDMWire struct {
	Citation               string              `json:"citation"`
	Outcome                DeMinimisOutcome    `json:"outcome"`
	ThresholdPercent       string              `json:"threshold_percent"`
	ControlledValue        product.Money       `json:"controlled_value"`
	ItemValue              product.Money       `json:"item_value"`
	ControlledPercent      string              `json:"controlled_percent"`
	ControlledPercentExact bool                `json:"controlled_percent_exact"`
	Lines                  []refDMLineWire     `json:"lines"`
	Categories             []DeMinimisCategory `json:"categories"`
	ExchangeRates          origin.Rates        `json:"exchange_rates,omitzero"`
	Notes                  []string            `json:"notes,omitempty"`
	Missing                []MissingFact       `json:"missing,omitempty"`
}

type refDMLineWire struct {
	ID          string        `json:"id"`
	Description string        `json:"description,omitempty"`
	ECCN        string        `json:"eccn,omitempty"`
	Origin      string        `json:"origin"`
	Value       *refMoneyWire `json:"value"`
	Quantity    string        `json:"quantity"`
	Counted     bool          `json:"counted"`
	Status      ear.Answer    `json:"status"`
	Why         string        `json:"why"`
	Citation    string        `json:"citation"`
	Total       string        `json:"total"`
}

type refMoneyWire struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

func refWireDeMinimis(r DeMinimisResult) refDMWire {
	w := refDMWire{
		Citation: r.Citation, Outcome: r.Outcome, ThresholdPercent: r.ThresholdPercent,
		ControlledValue: r.ControlledValue, ItemValue: r.ItemValue,
		ControlledPercent: r.ControlledPercent, ControlledPercentExact: r.ControlledPercentExact,
		Categories: r.Categories, ExchangeRates: r.ExchangeRates, Notes: r.Notes, Missing: r.Missing,
	}
	if r.Lines != nil {
		w.Lines = make([]refDMLineWire, len(r.Lines))
	}
	for i, l := range r.Lines {
		lw := refDMLineWire{ID: l.ID, Description: l.Description, ECCN: l.ECCN, Origin: l.Origin, Quantity: l.Quantity,
			Counted: l.Counted, Status: l.Status, Why: l.Why, Citation: l.Citation, Total: l.Total()}
		if l.Value.IsValid() {
			lw.Value = &refMoneyWire{Amount: l.Value.AmountString(), Currency: l.Value.Currency().String()}
		}
		w.Lines[i] = lw
	}
	return w
}

// TestAppendPartyIsMarshalJSON: the direct writer of a party's record
// writes what its MarshalJSON writes, for declared, unscreened, screened
// and owned parties, odd names, and the records it leaves to MarshalJSON.
func TestAppendPartyIsMarshalJSON(t *testing.T) {
	matched := csl.DesignationsFromRows(csl.SourceIndex, []csl.Row{{ID: "r1", Source: "Entity List (EL) - Bureau of Industry and Security", Name: "Example <Co> & \"Sons\"",
		LicenseRequirement: "For all items subject to the EAR. (See §744.11 of the EAR)4"}})
	for _, p := range []PartyDesignations{
		{Party: "customer", Designations: csl.DeclaredDesignations(), Screening: "none"},
		{Party: "Huawei <b>&</b> \"x\"\u2028", Designations: csl.DeclaredDesignations(1, 4), Screening: "declared"},
		{Party: "Globex", Designations: csl.Designations{Source: csl.SourceIndex}, Screening: "fuzzy", MinScore: 880,
			Owners: []PartyDesignations{{Party: "Holdco", Designations: csl.DeclaredDesignations(5), Screening: "declared"}, {Party: "Other", Designations: csl.Designations{Source: csl.SourceIndex}, Screening: "exact"}}},
		{Party: "Matched", Designations: matched, Screening: "exact"},
		{Party: "Owner matched", Designations: csl.Designations{Source: csl.SourceIndex}, Screening: "exact", Owners: []PartyDesignations{{Party: "m", Designations: matched, Screening: "exact"}}},
	} {
		want, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		got, err := appendParty([]byte("x"), p)
		if err != nil || string(got[1:]) != string(want) {
			t.Errorf("%s:\n got %s (%v)\nwant %s", p.Party, got[1:], err, want)
		}
	}
}

// TestAppendTotalIsTotal: a line's total is written as AppendString of
// Total writes it, for decimal and rational totals in currencies of 0, 2,
// 3 and 4 places, and for a total that is not valid.
func TestAppendTotalIsTotal(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 9))
	for range 3000 {
		c := product.MustParseCurrency([]string{"USD", "JPY", "KWD", "CLF", "EUR"}[rng.IntN(5)])
		d := decimal.New(rng.Int64N(2_000_000_000)-1_000_000_000, -rng.Int32N(8))
		x := origin.ExactOf(d)
		if rng.IntN(4) == 0 {
			// Through an inverse rate: a rational total.
			chf := product.MustParseCurrency("CHF")
			r, err := origin.NewRates(jurisdiction.MustParseDate("2026-11-28"), origin.Rate{From: c, To: chf, Rate: decimal.New(3, 0)})
			if err != nil {
				t.Fatal(err)
			}
			m, err := product.NewMoney(d, chf)
			if err != nil {
				t.Fatal(err)
			}
			if x, err = r.ConvertExact("", m, c); err != nil {
				t.Fatal(err)
			}
		}
		l := DeMinimisLine{total: x, cur: c}
		want := string(wire.AppendString(nil, l.Total()))
		if got := string(l.appendTotal(nil)); got != want {
			t.Fatalf("%s %s: %s, want %s", d, c, got, want)
		}
	}
	for _, l := range []DeMinimisLine{{}, {total: origin.ExactOf(decimal.New(1, 1<<30))}} { // zero, and not valid
		if got, want := string(l.appendTotal(nil)), string(wire.AppendString(nil, l.Total())); got != want {
			t.Errorf("%s, want %s", got, want)
		}
	}
}
