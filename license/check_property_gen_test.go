package license

import (
	"bytes"
	"encoding/json"
	"fmt"
	"iter"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
	"github.com/shopspring/decimal"
)

// Property tests of Check over thousands of random but valid requests.
//
// The generator builds requests in the JSON wire format of DESIGN.md (the
// pw* types below mirror it, with pointers and nil slices where "absent"
// and "[]" mean different things), marshals them and decodes them with
// DecodeRequest, so every request also passes the strict decoder. The
// random source is math/rand/v2's PCG with a fixed seed per property:
// every run checks the same requests, and a failure prints the (shrunk)
// request as JSON.

// ---- the wire format, as the generator builds it ----

type pwMoney struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

type pwLineage struct {
	ECCN             string `json:"eccn"`
	Origin           string `json:"origin"`
	For              string `json:"for,omitempty"`
	WrittenAssurance *bool  `json:"written_assurance,omitempty"`
}

type pwPlant struct {
	DirectProductOf []pwLineage `json:"direct_product_of"` // nil marshals as null: see pwItem.Plant
}

type pwLine struct {
	ID         string  `json:"id"`
	ECCN       string  `json:"eccn,omitempty"`
	Origin     string  `json:"origin"`
	Value      pwMoney `json:"value"`
	Quantity   string  `json:"quantity,omitempty"`
	Relation   string  `json:"relation"`
	Encryption string  `json:"encryption,omitempty"`
	// IntegratedCircuit: nil is not stated.
	IntegratedCircuit *bool `json:"integrated_circuit,omitempty"`
	// Plant: nil is unknown; a pwPlant with an empty (non-nil) list is none.
	Plant *pwPlant `json:"plant,omitempty"`
}

type pwOTR struct {
	FiledOn   string `json:"filed_on"`
	Objection bool   `json:"objection"`
}

type pwItem struct {
	ID              string       `json:"id,omitempty"`
	ECCN            string       `json:"eccn,omitempty"`
	Kind            string       `json:"kind"`
	ProducedIn      string       `json:"produced_in"`
	Value           pwMoney      `json:"value"`
	Components      []pwLine     `json:"components"`
	DirectProductOf *[]pwLineage `json:"direct_product_of,omitempty"` // nil: unknown; &[]{}: none
	Plant           *[]pwLineage `json:"-"`                           // nil: unknown; &[]{}: none
	OneTimeReport   *pwOTR       `json:"one_time_report,omitempty"`
}

// MarshalJSON writes the plant as {"direct_product_of": [...]} or leaves it
// out (unknown).
func (it pwItem) MarshalJSON() ([]byte, error) {
	type plain pwItem
	type plant struct {
		DirectProductOf []pwLineage `json:"direct_product_of"`
	}
	out := struct {
		plain
		Plant *plant `json:"plant,omitempty"`
	}{plain: plain(it)}
	if it.Plant != nil {
		out.Plant = &plant{DirectProductOf: nonNil(*it.Plant)}
	}
	if out.DirectProductOf != nil && *out.DirectProductOf == nil {
		empty := []pwLineage{}
		out.DirectProductOf = &empty
	}
	if out.Components == nil {
		out.Components = []pwLine{}
	}
	return json.Marshal(out)
}

type pwOwner struct {
	Owner     string `json:"owner"`
	Percent   string `json:"percent"`
	Footnotes []int  `json:"entity_list_footnotes,omitempty"`
}

type pwParty struct {
	Name            string    `json:"name"`
	Role            string    `json:"role"`
	Country         string    `json:"country,omitempty"`
	Footnotes       []int     `json:"entity_list_footnotes,omitempty"`
	HeadquarteredIn string    `json:"headquartered_in,omitempty"`
	GovernmentOf    string    `json:"government_of,omitempty"`
	Ownership       []pwOwner `json:"ownership,omitempty"`
}

type pwIncorporation struct {
	Destination string `json:"destination,omitempty"`
	By          []int  `json:"by_party_with_footnotes"`
}

type pwDest struct {
	Country string `json:"country"`
	Region  string `json:"region,omitempty"`
}

type pwOptions struct {
	AIDiffusion   string `json:"ai_diffusion"`
	UnknownOrigin string `json:"unknown_origin"`
}

// pwRequest is a request in the wire format. The list facts are pointers:
// nil is absent (unknown), a pointer to an empty slice is [] (none).
type pwRequest struct {
	AsOf           string             `json:"as_of"`
	Item           pwItem             `json:"item"`
	ExportedFrom   string             `json:"exported_from,omitempty"`
	Destination    pwDest             `json:"destination"`
	Parties        *[]pwParty         `json:"parties,omitempty"`
	EndUses        *[]string          `json:"end_uses,omitempty"`
	Incorporations *[]pwIncorporation `json:"incorporations,omitempty"`
	Options        pwOptions          `json:"options"`
	ExceptionFacts map[string]any     `json:"exception_facts,omitempty"`
	Exporter       map[string]string  `json:"exporter,omitempty"`
}

// MarshalJSON writes a known empty list as [] (not null).
func (r pwRequest) MarshalJSON() ([]byte, error) {
	type plain pwRequest
	p := plain(r)
	if p.Parties != nil && *p.Parties == nil {
		p.Parties = &[]pwParty{}
	}
	if p.EndUses != nil && *p.EndUses == nil {
		p.EndUses = &[]string{}
	}
	if p.Incorporations != nil && *p.Incorporations == nil {
		p.Incorporations = &[]pwIncorporation{}
	}
	return json.Marshal(p)
}

// clone returns a deep copy.
func (r pwRequest) clone() pwRequest {
	out := r
	cloneLineage := func(l *[]pwLineage) *[]pwLineage {
		if l == nil {
			return nil
		}
		c := make([]pwLineage, len(*l))
		copy(c, *l)
		return &c
	}
	out.Item.Components = make([]pwLine, len(r.Item.Components))
	for i, l := range r.Item.Components {
		if l.Plant != nil {
			p := *l.Plant
			p.DirectProductOf = append([]pwLineage{}, l.Plant.DirectProductOf...)
			l.Plant = &p
		}
		out.Item.Components[i] = l
	}
	out.Item.DirectProductOf = cloneLineage(r.Item.DirectProductOf)
	out.Item.Plant = cloneLineage(r.Item.Plant)
	if r.Item.OneTimeReport != nil {
		o := *r.Item.OneTimeReport
		out.Item.OneTimeReport = &o
	}
	if r.Parties != nil {
		ps := make([]pwParty, len(*r.Parties))
		for i, p := range *r.Parties {
			p.Footnotes = slices.Clone(p.Footnotes)
			p.Ownership = slices.Clone(p.Ownership)
			ps[i] = p
		}
		out.Parties = &ps
	}
	if r.EndUses != nil {
		us := append([]string{}, *r.EndUses...)
		out.EndUses = &us
	}
	if r.Incorporations != nil {
		is := make([]pwIncorporation, len(*r.Incorporations))
		for i, in := range *r.Incorporations {
			in.By = append([]int{}, in.By...)
			is[i] = in
		}
		out.Incorporations = &is
	}
	return out
}

func (r pwRequest) json() string {
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return "<" + err.Error() + ">"
	}
	return string(b)
}

// ---- the generator ----

var (
	propDestinations = []string{"CN", "RU", "IR", "CU", "KP", "DE", "JP", "IN", "AE", "MO", "BY", "VE",
		"HK", "SG", "MY", "TW", "KR", "FR", "GB", "MX", "BR", "VN", "SA", "KZ", "UA", "IL", "NL"}
	propProducers = []string{"JP", "DE", "TW", "KR", "CN", "IN", "MY", "FR", "GB", "IL", "NL", "MX", "VN", "TR"}
	propExporters = []string{"JP", "DE", "TW", "KR", "CN", "IN", "MY", "FR", "GB", "NL", "SG", "AE", "HK", "US"}

	propItemECCNs = map[string][]string{
		"commodity":  {"EAR99", "3A090", "3A090.a", "4A090", "4A090.a", "5A002", "5A002.a", "3B001", "3B001.c", "3B001.f.1", "9A515.y", "9A515.x", "2B991", "3A001.b.2", "3A991.a.2", "3B993", "4A003", "5A992.c", "0A919", "3A992.a", "2B007"},
		"software":   {"EAR99", "5D002", "3D991", "4D994", "5D992"},
		"technology": {"EAR99", "3E001", "5E002", "5E002.a", "9E003.a.1", "3E991", "3E003.b"},
	}
	// Line ECCNs by the relation the item's kind calls for; "" is a line
	// whose classification is not given.
	propLineECCNs = map[string][]string{
		"incorporated":          {"", "EAR99", "3A001.a.7", "3A090", "3A090.a", "3A991.a.2", "5A002", "5A002.a", "5A992.c", "9A515.y", "9A515.d", "6A003.b.4.b", "4A994", "3A992.a", "2B991", "3A001.b.2"},
		"bundled":               {"", "EAR99", "5D002", "5D992", "3D991", "4D994"},
		"commingled:software":   {"", "EAR99", "5D002", "3D991", "4D994", "5D992"},
		"commingled:technology": {"", "EAR99", "3E001", "5E002", "9E003.a.1", "3E991", "3E003.b"},
	}
	propEncryption = []string{"mass_market", "740.17(b)(1)", "740.17(b)(2)", "740.17(b)(3)", "unknown"}
	propEndUses    = []string{"supercomputer", "advanced_node_ic", "military_end_use", "military_end_user"}
	propRoles      = []string{"purchaser", "intermediate_consignee", "ultimate_consignee", "end_user"}
	propFootnotes  = []int{1, 2, 3, 4, 5}
)

func bptr(b bool) *bool { return &b }

// propLineages are lineage entries (direct_product_of and plant) from the
// vectors and around them.
var propLineages = []pwLineage{
	{ECCN: "3E001", Origin: "us", For: "3B001.b", WrittenAssurance: bptr(true)},
	{ECCN: "3E001", Origin: "us", For: "3A001.b.2", WrittenAssurance: bptr(true)},
	{ECCN: "3E001", Origin: "us", For: "3A090", WrittenAssurance: bptr(false)},
	{ECCN: "3E991", Origin: "us", WrittenAssurance: bptr(false)},
	{ECCN: "3D991", Origin: "us", WrittenAssurance: bptr(false)},
	{ECCN: "5E002", Origin: "us", For: "5A002.a", WrittenAssurance: bptr(false)},
	{ECCN: "9E515.x", Origin: "us", WrittenAssurance: bptr(false)},
	{ECCN: "3E992", Origin: "us", For: "3B001.c.4", WrittenAssurance: bptr(false)},
	{ECCN: "5E991", Origin: "us", WrittenAssurance: bptr(false)},
	{ECCN: "3E001", Origin: "foreign"},
	{ECCN: "3E991", Origin: "foreign_subject_to_ear"},
	{ECCN: "3E001", Origin: "unknown"},
}

func propPick[T any](r *rand.Rand, s []T) T { return s[r.IntN(len(s))] }

// propAmount returns a random non-negative decimal string with 0 to 4
// decimal places ("1250", "99.5", "0.0625", "120000.00").
func propAmount(r *rand.Rand, positive bool) string {
	scale := int32(r.IntN(5))
	var units int64
	switch r.IntN(4) {
	case 0:
		units = r.Int64N(1000)
	case 1:
		units = r.Int64N(1_000_000)
	default:
		units = r.Int64N(10_000_000_000)
	}
	if positive && units == 0 {
		units = 1 + r.Int64N(999)
	}
	return decimal.New(units, -scale).StringFixed(scale)
}

func propQuantity(r *rand.Rand) string {
	return propPick(r, []string{"", "", "1", "2", "3", "10", "0.5", "1.000", "2.50", "100"})
}

func propLineageList(r *rand.Rand) *[]pwLineage {
	switch r.IntN(5) {
	case 0:
		return nil // unknown
	case 1, 2:
		return &[]pwLineage{} // none
	}
	n := 1 + r.IntN(2)
	out := make([]pwLineage, 0, n)
	for range n {
		out = append(out, propPick(r, propLineages))
	}
	return &out
}

func propFootnoteSet(r *rand.Rand) []int {
	if r.IntN(3) > 0 {
		return nil
	}
	var out []int
	for _, f := range propFootnotes {
		if r.IntN(3) == 0 {
			out = append(out, f)
		}
	}
	return out
}

// genLine returns a random valid line for an item of the given kind.
func genLine(r *rand.Rand, id, kind, currency string) pwLine {
	rel := "incorporated"
	key := "incorporated"
	switch kind {
	case "commodity":
		if r.IntN(6) == 0 {
			rel, key = "bundled", "bundled"
		}
	default:
		rel, key = "commingled", "commingled:"+kind
	}
	l := pwLine{
		ID:       id,
		ECCN:     propPick(r, propLineECCNs[key]),
		Origin:   propPick(r, []string{"us", "us", "us", "foreign", "foreign", "unknown"}),
		Value:    pwMoney{Amount: propAmount(r, false), Currency: currency},
		Quantity: propQuantity(r),
		Relation: rel,
	}
	if strings.HasPrefix(l.ECCN, "5") && r.IntN(2) == 0 {
		l.Encryption = propPick(r, propEncryption)
	}
	if rel == "incorporated" && r.IntN(5) == 0 {
		// A line the CCL describes as an integrated circuit cannot be
		// declared not one (an input error); others may be either.
		ic := r.IntN(2) == 0
		if e, err := product.ParseECCN(l.ECCN); err == nil && ccl.IntegratedCircuit(e) == ear.Yes {
			ic = true
		}
		l.IntegratedCircuit = bptr(ic)
	}
	switch r.IntN(3) {
	case 0: // unknown
	case 1:
		l.Plant = &pwPlant{DirectProductOf: []pwLineage{}}
	default:
		if kind == "commodity" {
			l.Plant = &pwPlant{DirectProductOf: []pwLineage{propPick(r, propLineages)}}
		} else {
			l.Plant = &pwPlant{DirectProductOf: []pwLineage{}}
		}
	}
	return l
}

// genRequest returns a random valid request.
func genRequest(r *rand.Rand) pwRequest {
	kind := propPick(r, []string{"commodity", "commodity", "commodity", "commodity", "software", "technology"})
	currency := "USD"
	if r.IntN(8) == 0 {
		currency = "EUR"
	}
	req := pwRequest{
		AsOf: "2026-11-28",
		Item: pwItem{
			ID:         "ITEM",
			ECCN:       propPick(r, propItemECCNs[kind]),
			Kind:       kind,
			ProducedIn: propPick(r, propProducers),
			Value:      pwMoney{Amount: propAmount(r, true), Currency: currency},
		},
		Destination: pwDest{Country: propPick(r, propDestinations)},
		Options: pwOptions{
			AIDiffusion:   propPick(r, []string{"codified", "codified", "enforced"}),
			UnknownOrigin: propPick(r, []string{"indeterminate", "indeterminate", "indeterminate", "controlled"}),
		},
	}
	if r.IntN(12) == 0 {
		req.Item.ECCN = "" // classification not given (kind is)
	}
	if req.Destination.Country == "UA" && r.IntN(2) == 0 {
		req.Destination.Region = propPick(r, []string{"crimea", "dnr", "lnr"})
	}
	switch r.IntN(6) {
	case 0: // not given
	case 1:
		req.ExportedFrom = propPick(r, propExporters)
	default:
		req.ExportedFrom = req.Item.ProducedIn
	}
	if r.IntN(25) == 0 {
		req.Item.ProducedIn = "US"
	}
	n := r.IntN(31)
	for i := range n {
		req.Item.Components = append(req.Item.Components, genLine(r, fmt.Sprintf("c%d", i+1), kind, currency))
	}
	req.Item.DirectProductOf = propLineageList(r)
	req.Item.Plant = propLineageList(r)
	if kind == "technology" && r.IntN(2) == 0 {
		req.Item.OneTimeReport = &pwOTR{FiledOn: propPick(r, []string{"2026-01-15", "2026-11-20"}), Objection: r.IntN(5) == 0}
	}
	switch r.IntN(6) {
	case 0: // unknown
	case 1, 2:
		req.Parties = &[]pwParty{}
	default:
		ps := make([]pwParty, 0, 3)
		for i := range 1 + r.IntN(3) {
			p := pwParty{
				Name:    fmt.Sprintf("party-%d", i+1),
				Role:    propPick(r, propRoles),
				Country: req.Destination.Country,
			}
			if r.IntN(3) == 0 {
				p.Country = propPick(r, propDestinations)
			}
			if p.Country == "UA" {
				p.Country = "PL"
			}
			p.Footnotes = propFootnoteSet(r)
			if r.IntN(2) == 0 {
				p.HeadquarteredIn = propPick(r, propDestinations)
				if p.HeadquarteredIn == "UA" {
					p.HeadquarteredIn = "CN"
				}
			}
			if r.IntN(10) == 0 {
				p.GovernmentOf = propPick(r, []string{"IR", "CN", "RU", "CU"})
			}
			if r.IntN(6) == 0 {
				p.Ownership = []pwOwner{{Owner: "owner-" + p.Name, Percent: propPick(r, []string{"50", "49.9", "100", "25"}), Footnotes: propFootnoteSet(r)}}
			}
			ps = append(ps, p)
		}
		req.Parties = &ps
	}
	switch r.IntN(4) {
	case 0:
	case 1:
		req.EndUses = &[]string{}
	default:
		var us []string
		for _, u := range propEndUses {
			if r.IntN(4) == 0 {
				us = append(us, u)
			}
		}
		req.EndUses = &us
	}
	switch r.IntN(4) {
	case 0:
	case 1:
		req.Incorporations = &[]pwIncorporation{}
	default:
		inc := pwIncorporation{Destination: propPick(r, []string{"RU", "CN", "IR", "DE"}), By: propFootnoteSet(r)}
		if inc.By == nil {
			inc.By = []int{}
		}
		req.Incorporations = &[]pwIncorporation{inc}
	}
	// Drawn last, so that the requests before it are the same as without.
	if r.IntN(3) == 0 {
		req.ExceptionFacts = genExceptionFacts(r)
	}
	if r.IntN(3) == 0 {
		req.Exporter = map[string]string{}
		for _, k := range []string{"located_in", "headquarters", "ultimate_parent_headquarters"} {
			if r.IntN(4) != 0 {
				req.Exporter[k] = propPick(r, []string{"JP", "NL", "KR", "CN", "MO", "US"})
			}
		}
	}
	return req
}

// genExceptionFacts draws the facts the License Exceptions read.
func genExceptionFacts(r *rand.Rand) map[string]any {
	f := map[string]any{}
	if r.IntN(2) == 0 {
		f["order_value"] = pwMoney{Amount: propAmount(r, true), Currency: propPick(r, []string{"USD", "USD", "EUR"})}
		f["annual_value"] = pwMoney{Amount: propAmount(r, true), Currency: "USD"}
	}
	if r.IntN(3) == 0 {
		f["encryption"] = propPick(r, []string{"740.17(b)(1)", "740.17(b)(2)", "740.17(b)(3)", "mass_market", "unknown"})
		f["government_end_user"] = r.IntN(2) == 0
	}
	meets := map[string]string{}
	for _, m := range []struct {
		code  string
		paras []string
	}{
		{"TSR", []string{"740.6(a)", "none"}}, {"TMP", []string{"740.9(a)(1)", "740.9(a)(6)", "740.9(a)(9)", "none"}}, {"RPL", []string{"740.10(a)", "740.10(b)"}},
		{"GOV", []string{"740.11(b)(2)", "740.11(c)", "none"}}, {"TSU", []string{"740.13(a)", "740.13(d)"}}, {"BAG", []string{"740.14(b)", "740.14(e)"}},
		{"STA", []string{"740.20(d)"}}, {"NAC/ACA", []string{"740.8(a)"}}, {"IEC", []string{"740.24"}}, {"HBM", []string{"740.25"}}, {"APP", []string{"740.7(c)"}},
	} {
		if r.IntN(3) == 0 {
			meets[m.code] = propPick(r, m.paras)
		}
	}
	if r.IntN(2) == 0 {
		meets["*"] = "none"
	}
	f["meets"] = meets
	return f
}

// ---- checking ----

// propCheck decodes the wire request and checks it. A request the
// generator built must decode and check without error.
func propCheck(t testing.TB, w pwRequest) Determination {
	t.Helper()
	d, err := propCheckErr(w)
	if err != nil {
		t.Fatalf("generated request rejected: %v\n%s", err, w.json())
	}
	return d
}

// propCheckJSON is propCheck, returning the Determination's JSON too.
func propCheckJSON(t testing.TB, w pwRequest) (Determination, []byte) {
	t.Helper()
	d := propCheck(t, w)
	b, err := json.Marshal(d)
	if err != nil {
		t.Fatalf("marshal: %v\n%s", err, w.json())
	}
	return d, b
}

func propCheckErr(w pwRequest) (Determination, error) {
	raw, err := json.Marshal(w)
	if err != nil {
		return Determination{}, err
	}
	req, err := DecodeRequest(bytes.NewReader(raw))
	if err != nil {
		return Determination{}, err
	}
	return Check(req)
}

// propCount returns n, or n/10 under -short.
func propCount(n int) int {
	if testing.Short() {
		return max(n/10, 50)
	}
	return n
}

// propBudget bounds the time of one property under the race detector
// (several times slower): there a property stops after propBudget, having
// checked at least propMinIters requests, and logs how many it checked.
// Without the race detector every property checks all its requests (CI
// runs them so, besides the race run). The requests are the same in every
// run (fixed seed).
const (
	propBudget   = 3 * time.Second
	propMinIters = 300
)

// propIters yields 0..n-1, stopping early once propBudget has passed (and
// at least propMinIters were yielded), and logs the count.
func propIters(t *testing.T, n int) iter.Seq[int] {
	return func(yield func(int) bool) {
		start := time.Now()
		i := 0
		defer func() { t.Logf("%d of %d requests checked in %v", i, n, time.Since(start).Round(time.Millisecond)) }()
		for ; i < n; i++ {
			if raceEnabled && i >= propMinIters && time.Since(start) > propBudget {
				return
			}
			if !yield(i) {
				return
			}
		}
	}
}

func propRand(seed uint64) *rand.Rand { return rand.New(rand.NewPCG(seed, 0x5eed_ea2)) }

// propOutcome is what a determination decides, without the prose and in an
// order that does not depend on the order of the request's lists.
type propOutcome struct {
	Subject, License string
	Grounds          []string
	DMOutcome        string
	DMThreshold      string
	DMControlled     string
	DMPercent        string
	DMLines          []string // id=status, sorted
	DMCategories     []string
	FDP              []string // citation=outcome/product/reach, in CFR order
	Reasons          []string // citation=answer, sorted
	Missing          []string // field (line and party indexes replaced by ids), sorted set
	Parties          []string // designations as JSON, sorted
}

var (
	reComponentIdx = regexp.MustCompile(`item\.components\[(\d+)\]`)
	rePartyIdx     = regexp.MustCompile(`parties\[(\d+)\]`)
	reLineageIdx   = regexp.MustCompile(`direct_product_of\[\d+\]`)
)

// propNormField replaces list indexes in a wire path by the ids of the
// request's entries, so that paths compare across a reordering.
func propNormField(f string, w pwRequest) string {
	f = reComponentIdx.ReplaceAllStringFunc(f, func(s string) string {
		var i int
		fmt.Sscanf(reComponentIdx.FindStringSubmatch(s)[1], "%d", &i)
		if i < len(w.Item.Components) {
			return "item.components[" + w.Item.Components[i].ID + "]"
		}
		return s
	})
	f = rePartyIdx.ReplaceAllStringFunc(f, func(s string) string {
		var i int
		fmt.Sscanf(rePartyIdx.FindStringSubmatch(s)[1], "%d", &i)
		if w.Parties != nil && i < len(*w.Parties) {
			return "parties[" + (*w.Parties)[i].Name + "]"
		}
		return s
	})
	// Lineage entries have no id, and may repeat: any index.
	return reLineageIdx.ReplaceAllString(f, "direct_product_of[*]")
}

func outcomeOf(d Determination, w pwRequest) propOutcome {
	o := propOutcome{Subject: d.SubjectToEAR().String(), License: d.LicenseRequired().String()}
	for _, g := range d.Grounds() {
		o.Grounds = append(o.Grounds, g.Citation)
	}
	slices.Sort(o.Grounds)
	dm := d.DeMinimis()
	o.DMOutcome, o.DMThreshold, o.DMPercent = dm.Outcome.String(), dm.ThresholdPercent, dm.ControlledPercent
	o.DMControlled = dm.ControlledValue.AmountString()
	for _, l := range dm.Lines {
		o.DMLines = append(o.DMLines, l.ID+"="+l.Status.String()+"/"+l.Citation)
	}
	slices.Sort(o.DMLines)
	for _, c := range dm.Categories {
		o.DMCategories = append(o.DMCategories, c.Citation+"="+c.Outcome.String())
	}
	for _, f := range d.FDP() {
		o.FDP = append(o.FDP, f.Citation+"="+f.Outcome.String()+"/"+f.Product.Answer.String()+"/"+f.Reach.Answer.String())
	}
	for _, rs := range d.LicenseReasons() {
		o.Reasons = append(o.Reasons, rs.Citation+"="+rs.Answer.String())
	}
	slices.Sort(o.Reasons)
	o.Reasons = slices.Compact(o.Reasons)
	for _, m := range d.Missing() {
		o.Missing = append(o.Missing, propNormField(m.Field, w))
	}
	slices.Sort(o.Missing)
	o.Missing = slices.Compact(o.Missing)
	for _, p := range d.Parties() {
		b, _ := json.Marshal(p)
		o.Parties = append(o.Parties, string(b))
	}
	slices.Sort(o.Parties)
	return o
}

func (o propOutcome) String() string {
	b, _ := json.MarshalIndent(o, "", " ")
	return string(b)
}

// ---- shrinking ----

// propShrink removes lines, parties, end uses, incorporations and lineage
// entries from w one at a time, keeping each removal while failing(w) still
// holds, and returns the smallest failing request found.
func propShrink(w pwRequest, failing func(pwRequest) bool) pwRequest {
	for changed := true; changed; {
		changed = false
		try := func(c pwRequest) bool {
			if _, err := propCheckErr(c); err == nil && failing(c) {
				w, changed = c, true
				return true
			}
			return false
		}
		for i := len(w.Item.Components) - 1; i >= 0; i-- {
			if i >= len(w.Item.Components) {
				continue
			}
			c := w.clone()
			c.Item.Components = slices.Delete(c.Item.Components, i, i+1)
			try(c)
		}
		if w.Parties != nil {
			for i := len(*w.Parties) - 1; i >= 0; i-- {
				if i >= len(*w.Parties) {
					continue
				}
				c := w.clone()
				ps := slices.Delete(*c.Parties, i, i+1)
				c.Parties = &ps
				try(c)
			}
		}
		if w.EndUses != nil {
			for i := len(*w.EndUses) - 1; i >= 0; i-- {
				if i >= len(*w.EndUses) {
					continue
				}
				c := w.clone()
				us := slices.Delete(*c.EndUses, i, i+1)
				c.EndUses = &us
				try(c)
			}
		}
		if w.Incorporations != nil && len(*w.Incorporations) > 0 {
			c := w.clone()
			c.Incorporations = &[]pwIncorporation{}
			try(c)
		}
		if w.Item.DirectProductOf != nil && len(*w.Item.DirectProductOf) > 0 {
			c := w.clone()
			c.Item.DirectProductOf = &[]pwLineage{}
			try(c)
		}
		if w.Item.Plant != nil && len(*w.Item.Plant) > 0 {
			c := w.clone()
			c.Item.Plant = &[]pwLineage{}
			try(c)
		}
		if w.Item.OneTimeReport != nil {
			c := w.clone()
			c.Item.OneTimeReport = nil
			try(c)
		}
		// Simplify amounts and quantities.
		for i := range w.Item.Components {
			if w.Item.Components[i].Quantity != "" {
				c := w.clone()
				c.Item.Components[i].Quantity = ""
				try(c)
			}
		}
	}
	return w
}
