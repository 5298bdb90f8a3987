package license

import (
	"encoding/json"
	"fmt"
	"math/big"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/origin"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
	"github.com/shopspring/decimal"
)

// UnknownOriginPolicy says how de minimis treats a bill-of-materials line of
// unknown origin. The zero value is UnknownOriginIndeterminate.
type UnknownOriginPolicy uint8

// The policies.
const (
	// UnknownOriginIndeterminate (default): the line may be US-origin
	// controlled content; if counting it could change the outcome, the
	// outcome is indeterminate and names the line.
	UnknownOriginIndeterminate UnknownOriginPolicy = iota
	// UnknownOriginControlled: the conservative policy; the line is
	// treated as US-origin controlled content, and the result says so.
	UnknownOriginControlled
)

var unknownOriginNames = [...]string{"indeterminate", "controlled"}

// String returns "indeterminate" or "controlled".
func (p UnknownOriginPolicy) String() string {
	if int(p) < len(unknownOriginNames) {
		return unknownOriginNames[p]
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler.
func (p UnknownOriginPolicy) MarshalText() ([]byte, error) {
	if int(p) >= len(unknownOriginNames) {
		return nil, fmt.Errorf("license: invalid UnknownOriginPolicy %d", uint8(p))
	}
	return []byte(p.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler: "indeterminate" or
// "controlled".
func (p *UnknownOriginPolicy) UnmarshalText(b []byte) error {
	for i, n := range unknownOriginNames {
		if n == string(b) {
			*p = UnknownOriginPolicy(i)
			return nil
		}
	}
	return &product.EnumError{Type: "unknown_origin policy", Input: string(b), Want: []string{"indeterminate", "controlled"}}
}

// DeMinimisOutcome is the outcome of the de minimis test. The zero value is
// invalid.
type DeMinimisOutcome uint8

// The outcomes, with the wire format's text.
const (
	DeMinimisWithin        DeMinimisOutcome = iota + 1 // "within": controlled content at or under the level
	DeMinimisExceeds                                   // "exceeds": controlled content over the level
	DeMinimisNoLevel                                   // "no_de_minimis_level": a 734.4(a) category applies
	DeMinimisNotApplicable                             // "not_applicable": the item is not foreign-made
	DeMinimisIndeterminate                             // "indeterminate": the facts given do not decide
)

var deMinimisOutcomeNames = [...]string{"", "within", "exceeds", "no_de_minimis_level", "not_applicable", "indeterminate"}

// String returns the wire text.
func (o DeMinimisOutcome) String() string {
	if int(o) < len(deMinimisOutcomeNames) {
		return deMinimisOutcomeNames[o]
	}
	return ""
}

// MarshalText implements encoding.TextMarshaler.
func (o DeMinimisOutcome) MarshalText() ([]byte, error) {
	if o == 0 || int(o) >= len(deMinimisOutcomeNames) {
		return nil, fmt.Errorf("license: invalid DeMinimisOutcome %d", uint8(o))
	}
	return []byte(o.String()), nil
}

// DeMinimisQuery is what the de minimis test reads.
type DeMinimisQuery struct {
	Item         product.Item             // the foreign-made item with its bill of materials; must pass Validate
	Destination  jurisdiction.Destination // required
	ExportedFrom jurisdiction.Country     // the country it is shipped from (partner-country carve-outs)
	AsOf         jurisdiction.Date        // required
	Rates        origin.Rates             // converts lines in other currencies into the item's
	Parties      Parties                  // for 734.4(a)(9) (footnote 5)
	EndUses      EndUses                  // for 734.4(a)(3) (advanced-node IC production)
	Options      Options                  // readings: ai_diffusion for the 3A090/4A090 rows, unknown_origin for lines of unknown origin
}

// DeMinimisLine is the worksheet line of one bill-of-materials line.
type DeMinimisLine struct {
	ID          string        `json:"id"`
	Description string        `json:"description,omitempty"`
	ECCN        string        `json:"eccn,omitempty"`
	Origin      string        `json:"origin"`
	Value       product.Money `json:"value"`    // value of one piece, as given
	Quantity    string        `json:"quantity"` // pieces
	Counted     bool          `json:"counted"`  // counted as controlled US-origin content
	Status      ear.Answer    `json:"status"`   // yes counted, no not counted, indeterminate
	Why         string        `json:"why"`      // why it is (not) counted
	Citation    string        `json:"citation"` // the provision that decides it
	total       origin.Exact  // value x quantity in the item's currency, exact
	cur         product.Currency
}

// Total returns the line's value x quantity in the item's currency:
// exact when it terminates, else rounded half-even to 10 places (for
// display; the decision used the exact figure).
func (l DeMinimisLine) Total() string {
	s, _ := l.total.Text()
	return product.MinorUnitsText(s, l.cur)
}

// appendTotal appends Total as a JSON string, as wire.AppendString(b,
// l.Total()) writes it (the text is digits, '.' and '-': nothing to
// escape), without making the string.
func (l DeMinimisLine) appendTotal(b []byte) []byte {
	b = append(b, '"')
	start := len(b)
	b, _ = l.total.AppendText(b)
	b = product.AppendMinorUnits(b, start, l.cur)
	return append(b, '"')
}

// MarshalJSON writes the line with its total.
func (l DeMinimisLine) MarshalJSON() ([]byte, error) {
	type plain DeMinimisLine
	return json.Marshal(struct {
		plain
		Total string `json:"total"`
	}{plain(l), l.Total()})
}

// DeMinimisCategory is one category of 15 CFR 734.4(a) (items with no de
// minimis level) as evaluated for an item.
type DeMinimisCategory struct {
	Citation string     `json:"citation"`
	Title    string     `json:"title"`
	Outcome  ear.Answer `json:"outcome"` // yes: the category applies
	Why      string     `json:"why"`
}

// DeMinimisResult is the outcome of the de minimis test with its worksheet.
type DeMinimisResult struct {
	Citation               string              `json:"citation"`
	Outcome                DeMinimisOutcome    `json:"outcome"`
	ThresholdPercent       string              `json:"threshold_percent"`
	ControlledValue        product.Money       `json:"controlled_value"`
	ItemValue              product.Money       `json:"item_value"`
	ControlledPercent      string              `json:"controlled_percent"`
	ControlledPercentExact bool                `json:"controlled_percent_exact"`
	Lines                  []DeMinimisLine     `json:"lines"`
	Categories             []DeMinimisCategory `json:"categories"`
	// ExchangeRates are the rates the lines were converted with (rate,
	// date and direction: 1 From = Rate To), none when every line is in
	// the item's currency.
	ExchangeRates origin.Rates  `json:"exchange_rates,omitzero"`
	Notes         []string      `json:"notes,omitempty"`
	Missing       []MissingFact `json:"missing,omitempty"`
	Steps         []Step        `json:"-"`
}

// TraceSteps returns the result's trace steps.
func (r DeMinimisResult) TraceSteps() []Step { return slices.Clone(r.Steps) }

// Step is one step of a trace: the provision applied, its outcome and the
// exact figures it used.
type Step struct {
	Citation string `json:"citation"`
	Outcome  string `json:"outcome"`
	Detail   string `json:"detail"`
}

// dmEval holds one evaluation.
type dmEval struct {
	q       DeMinimisQuery
	dest    jurisdiction.Country // the destination as the tables read it
	groups  jurisdiction.GroupSet
	charts  chartCache  // the chart's answer per classification, computed once per evaluation
	dc      destContext // the destination's chart row, programs and groups, computed once
	dcReady bool
	memo    *chartMemo // the Checker's answers across evaluations (nil: none)
	// groupsGap is set when the country groups on the date are not
	// modelled: the level and the categories that turn on them are open.
	groupsGap *jurisdiction.DateRangeError
}

// dmEvalPool holds evaluation states between evaluations: a dmEval
// carries its chart cache in place (about 2.4 KB), which would otherwise
// be allocated for every evaluation.
var dmEvalPool = sync.Pool{New: func() any { return new(dmEval) }}

// release clears the state (it holds the query's item) and returns it to
// the pool; nothing of the result points into it.
func (ev *dmEval) release() {
	*ev = dmEval{}
	dmEvalPool.Put(ev)
}

// chartMemo keeps the chart's answer for a line's classification to a
// destination on a date, across the evaluations of one Checker: a pure
// function of the query and the embedded tables, so a Checker (which
// holds its own memo: another Checker never shares its entries) need not
// read the chart again for the same question. It is bounded (entries past
// chartMemoMax are not kept) and safe for concurrent use without a lock on
// the read path.
type chartMemo struct {
	m sync.Map // chartMemoKey -> chartAnswer
	n atomic.Int64
}

// chartMemoMax bounds a Checker's memo.
const chartMemoMax = 1 << 16

type chartMemoKey struct {
	line         chartKey
	dest         jurisdiction.Destination
	exportedFrom jurisdiction.Country
	asOf         jurisdiction.Date
	reading      AIDiffusionReading
}

func (m *chartMemo) get(k chartMemoKey) (chartAnswer, bool) {
	v, ok := m.m.Load(k)
	if !ok {
		return chartAnswer{}, false
	}
	return v.(chartAnswer), true
}

func (m *chartMemo) put(k chartMemoKey, v chartAnswer) {
	if m.n.Load() >= chartMemoMax {
		return
	}
	if _, loaded := m.m.LoadOrStore(k, v); !loaded {
		m.n.Add(1)
	}
}

type chartKey struct {
	eccn product.ECCN
	hts  product.HTS
	forE product.ECCN    // what a software or technology line is for
	food product.OptBool // whether an EAR99 line is food or medicine
}

// chartAnswer is what de minimis keeps of a CountryChart result.
type chartAnswer struct {
	required  ear.Answer
	why, cite string
	missing   []string
}

// chart returns the license requirement of a line's classification to the
// destination, evaluating each distinct classification once: bills of
// materials repeat ECCNs, and the answer depends only on the ECCN, the HTS
// code and the query.
func (c *dmEval) chart(l product.Line) (chartAnswer, error) {
	e, hts := l.ECCN, l.HTS
	// A bundled line is software, and the lines of a software or
	// technology item are software or technology: none is food or
	// medicine (foodOrMedicineOf).
	kind := c.q.Item.Kind
	if l.Relation == product.Bundled {
		kind = product.Software
	}
	food := foodOrMedicineOf(kind, l.FoodOrMedicine)
	k := chartKey{e, hts, l.For, food}
	if v, ok := c.charts.get(k); ok {
		return v, nil
	}
	var mk chartMemoKey
	if c.memo != nil {
		mk = chartMemoKey{k, c.q.Destination, c.q.ExportedFrom, c.q.AsOf, c.q.Options.AIDiffusion}
		if v, ok := c.memo.get(mk); ok {
			c.charts.put(k, v)
			return v, nil
		}
	}
	if !c.dcReady {
		dc, err := newDestContext(c.q.Destination, c.q.AsOf)
		if err != nil {
			return chartAnswer{}, err
		}
		c.dc, c.dcReady = dc, true
	}
	res, err := countryChartIn(c.dc, ChartQuery{ECCN: e, For: l.For, FoodOrMedicine: food, Destination: c.q.Destination, ExportedFrom: c.q.ExportedFrom, AsOf: c.q.AsOf, HTS: hts, Options: c.q.Options}, false)
	if err != nil {
		return chartAnswer{}, err
	}
	v := chartAnswer{required: res.Required, cite: CitationCountryChart}
	if res.Required == ear.No {
		v.why = "no license required to " + c.q.Destination.String() + " under the Country Chart or Part 746"
	} else {
		verb := "may be required"
		if res.Required == ear.Yes {
			verb = "required"
		}
		for _, f := range res.Findings {
			if f.Required == res.Required {
				v.cite = f.Citation
				if f.Kind == FromControl {
					v.why = f.Reason.String() + " license " + verb + " to " + c.q.Destination.String()
				} else {
					v.why = "license " + verb + " to " + c.q.Destination.String() + " (" + f.Citation + ")"
				}
				break
			}
		}
		v.missing = res.Missing()
		c.gbs(&v, l, res)
	}
	c.charts.put(k, v)
	if c.memo != nil {
		c.memo.put(mk, v)
	}
	return v, nil
}

// gbs applies Supplement No. 2 to part 734, paragraph (a)(1): "do not
// take account of commodities, software, or technology that could be
// exported or reexported to the country of destination without a license
// ... or under License Exception GBS". The line's content, as if shipped
// from the United States to the destination, is read against 740.4 (and
// the 740.2 restrictions that turn on the item and the destination; the
// parties of this transaction are not the content's): GBS available makes
// the line not controlled; GBS indeterminate leaves a required line open.
func (c *dmEval) gbs(v *chartAnswer, l product.Line, res ChartResult) {
	if !l.ECCN.IsValid() || l.ECCN.IsEAR99() {
		return
	}
	var reqs []exception.Requirement
	for _, f := range res.Findings {
		if f.Required != ear.No {
			reqs = append(reqs, chartRequirement(f))
		}
	}
	kind := l.ECCN.Kind()
	r := exception.EvaluateOne(exception.GBS, exception.Input{
		ECCN: l.ECCN, For: l.For, Kind: kind, Entry: res.Entry,
		Destination: c.q.Destination, Groups: c.dc.groups, ExportedFrom: jurisdiction.UnitedStates, ProducedIn: jurisdiction.UnitedStates,
		AsOf: c.q.AsOf, Requirements: reqs, Unverified: ear.No, HeadquartersComplete: true,
	})
	switch r.Outcome {
	case exception.Available:
		v.required, v.missing, v.cite = ear.No, nil, citationSupp2+", (a)(1); 15 CFR 740.4"
		v.why = "could go to " + c.q.Destination.String() + " under License Exception GBS (NS-only requirement, GBS - Yes): not controlled content"
	case exception.Indeterminate:
		if v.required == ear.Yes {
			v.required = ear.Indeterminate
			v.why += "; unless License Exception GBS is available (" + r.Why + ")"
			v.missing = append(slices.Clone(v.missing), "eccn: whether the line could go under License Exception GBS (Supp. No. 2 to part 734, (a)(1))")
		}
	}
}

// chartCache maps classifications to chart answers: a short list held in
// place and searched in order while bills of materials repeat a handful of
// ECCNs (nothing to allocate), a map once they name more.
type chartCache struct {
	n    int
	keys [chartCacheList]chartKey
	vals [chartCacheList]chartAnswer
	m    map[chartKey]chartAnswer // once the list is full
}

const chartCacheList = 16

func (cc *chartCache) get(k chartKey) (chartAnswer, bool) {
	for i := range cc.n {
		if cc.keys[i] == k {
			return cc.vals[i], true
		}
	}
	if cc.m != nil {
		v, ok := cc.m[k]
		return v, ok
	}
	return chartAnswer{}, false
}

func (cc *chartCache) put(k chartKey, v chartAnswer) {
	if cc.n < chartCacheList {
		cc.keys[cc.n], cc.vals[cc.n] = k, v
		cc.n++
		return
	}
	if cc.m == nil {
		cc.m = make(map[chartKey]chartAnswer)
	}
	cc.m[k] = v
}

// Citations of the percentage rules.
const (
	citationDeMinimis10 = "15 CFR 734.4(c)"
	citationDeMinimis25 = "15 CFR 734.4(d)"
	citationSupp2       = "Supp. No. 2 to part 734"
)

// DeMinimis decides whether a foreign-made item is subject to the EAR
// through its US-origin content (15 CFR 734.4 and Supplement No. 2 to part
// 734). It evaluates every 734.4(a) category in force on the date (no de
// minimis level), then the percentage rule: 10 percent for destinations in
// Country Group E:1 or E:2 (734.4(c)), 25 percent elsewhere (734.4(d)).
//
// A line counts as controlled content when it is US-origin and, as
// received, would need a license to the destination under the Country
// Chart or Part 746 (CountryChart, never Part 744), or when the caller says
// so with license_required. Content that could go to the destination under
// License Exception GBS is not counted (Supp. No. 2 (a)(1); 740.4 read for
// the line as shipped from the United States); content that needs any
// other license exception is counted. Readings: the partner-country
// carve-outs of 746.7(a)(1)(v) and 746.8(a)(12)(iii)(B) leave out EAR99 and
// AT-only content when the item is exported from a country of Supplement
// No. 3 to part 746, except US-origin software to Russia and Belarus from
// 2024-09-16, which 746.8(a)(8) reaches whatever the country of export
// (open unless license_required is given). 734.4(b)(1): 740.17(b)(2)
// encryption content in an item sent to E:1 or E:2 leaves it no de minimis
// level (734.4(b)(1)(iii)); a 5A002, 5A004, 5B002 or 5D002 line with the
// status mass_market is open. Bundled US-origin software that is neither
// EAR99 nor AT-only is outside the exclusion (Notes (3) to 734.4(c)(1) and
// (d)(1)): a note says so, and the outcome is not "within" while the
// software needs, or may need, a license to the destination. A line's value
// is value x quantity in the item's
// currency; the denominator is the item's own value. "Exceeds" is strict,
// decided by cross-multiplication; the percentage is for display.
func DeMinimis(q DeMinimisQuery) (DeMinimisResult, error) {
	it := q.Item
	if err := it.Validate(); err != nil {
		return DeMinimisResult{}, err
	}
	if err := validateAgainstCCL(it); err != nil {
		return DeMinimisResult{}, err
	}
	if err := q.Destination.Validate(); err != nil {
		return DeMinimisResult{}, err
	}
	if !q.AsOf.IsValid() {
		return DeMinimisResult{}, fdpFieldErr("as_of", product.ErrMissing, "the evaluation date")
	}
	if err := q.Options.validate(); err != nil {
		return DeMinimisResult{}, err
	}
	// The package-level function reads the embedded tables, as the
	// package's default Checker does: it shares that Checker's memo.
	return deMinimis(q, defaultChecker().charts, nil)
}

// deMinimis is DeMinimis on a query already validated (Check validates the
// request once), with the Checker's memo of chart answers (nil: none).
func deMinimis(q DeMinimisQuery, memo *chartMemo, rules *DeMinimisRules) (DeMinimisResult, error) {
	if rules == nil {
		rules = &defaultDeMinimisRules
	}
	it := q.Item
	cur := it.Value.Currency()
	res := DeMinimisResult{ItemValue: it.Value, Lines: make([]DeMinimisLine, len(it.Components)), Categories: make([]DeMinimisCategory, 0, len(deMinimisCategories)),
		Steps: make([]Step, 0, len(deMinimisCategories)+2)}
	zero, _ := product.NewMoney(decimal.Zero, cur)
	res.ControlledValue = zero

	// Lines: convert every line first, so that a missing rate is an error
	// whatever the outcome.
	// Each line's total is kept in its result line (res.Lines[i].total).
	for i, l := range it.Components {
		v, err := q.Rates.ConvertExact("", l.Value, cur)
		if err != nil {
			if fe, ok := err.(*product.FieldError); ok {
				fe.Field = componentField(i) + ".value.currency"
			}
			return DeMinimisResult{}, err
		}
		// The wire format's default quantity is 1; a product by 1 is
		// skipped (the value is the same, exactly).
		if qty := l.Quantity; qty.IsValid() && !isOne(qty.Decimal()) && !qty.Decimal().Equal(decimalOne) {
			v = v.MulDecimal(qty.Decimal())
		}
		res.Lines[i].total, res.Lines[i].cur = v, cur
	}

	// Not foreign-made: de minimis does not apply.
	if it.ProducedIn == jurisdiction.UnitedStates || q.ExportedFrom == jurisdiction.UnitedStates {
		res.Outcome = DeMinimisNotApplicable
		res.Lines = res.Lines[:0]
		res.Citation = "15 CFR 734.4"
		res.ThresholdPercent = "0"
		res.ControlledPercent = "0"
		res.ControlledPercentExact = true
		why := "the item is of US origin (734.3(a)(2)): de minimis is for foreign-made items"
		if it.ProducedIn != jurisdiction.UnitedStates {
			why = "the item is in the United States (734.3(a)(1)): de minimis is for foreign-made items abroad"
		}
		res.Steps = []Step{{Citation: "15 CFR 734.4", Outcome: "not_applicable", Detail: why}}
		return res, nil
	}

	dest := q.Destination.Country.TablesAs()
	groups, err := jurisdiction.GroupsOf(groupsCountry(q.Destination.Country), q.AsOf)
	groupsGap, gapped := notModelled(err, q.AsOf)
	if err != nil && !gapped {
		return DeMinimisResult{}, product.NewFieldError("as_of", err)
	}
	ev := dmEvalPool.Get().(*dmEval)
	*ev = dmEval{q: q, dest: dest, groups: groups, memo: memo, groupsGap: groupsGap}
	defer ev.release()

	// 734.4(a): categories with no de minimis level.
	noLevel := ear.No
	for i := range deMinimisCategories {
		c := &deMinimisCategories[i]
		if s, ok := rules.schedule(c.citation); !ok || !s.inForce(q.AsOf) {
			continue
		}
		a, why, missing := c.applies(ev)
		if a == ear.No && !strings.HasPrefix(why, "the ") && !strings.HasPrefix(why, "no ") {
			why = "not met: no " + why
		}
		if c.reading != "" && a != ear.No {
			why += "; reading: " + c.reading
		}
		res.Categories = append(res.Categories, DeMinimisCategory{Citation: c.citation, Title: c.title, Outcome: a, Why: why})
		res.Steps = append(res.Steps, Step{Citation: c.citation, Outcome: a.String(), Detail: why})
		noLevel = noLevel.Or(a)
		if a == ear.Indeterminate {
			for _, m := range missing {
				if strings.Contains(why, "(line ") {
					m.Why += ": " + why[strings.Index(why, "(line "):]
				}
				res.Missing = append(res.Missing, m)
			}
		}
	}

	// The level.
	lv := rules.level(groups)
	level := lv.Percent
	res.Citation = lv.Citation

	// Supplement No. 2: which lines are controlled content.
	// The sums add in int64 while the line totals allow (origin.Sum).
	var definiteSum, possibleSum origin.Sum
	partner := isPartnerOn(q.ExportedFrom, q.AsOf)
	var lineMissing []MissingFact
	encryptionOpen := false
	// 734.4(b)(1) conditions not met (encB: Yes no de minimis level) and
	// bundled software outside the exclusion (bundleOpen), with their steps.
	encB, encCite, bundleOpen := ear.No, "", false
	var encSteps, bundleSteps []Step
	for i, l := range it.Components {
		dl := &res.Lines[i] // filled in place: the line is large
		*dl = DeMinimisLine{ID: l.ID, Description: l.Description, ECCN: l.ECCN.String(), Origin: l.Origin.String(),
			Value: l.Value, Quantity: quantityText(l.Quantity), total: dl.total, cur: cur}
		st, why, cite, missing := ev.controlled(i, l, partner)
		// 734.4(b): a line that is, or may be, US-origin Category 5
		// Part 2 encryption content (its ECCN says so, or it has no ECCN)
		// needs its 740.17 status, whether it is counted or not: the item
		// is subject "unless [it meets] the de minimis level and
		// destination requirements of paragraph (c) or (d) of this
		// section and the requirements of this paragraph" (734.4(b), text
		// of 2024-12-05 and 2025-01-16), a test beside the percentage, so a
		// line that needs no license to the destination (or that the
		// caller says needs none) is read too. An unclassified line may be
		// 5A002, 5A004 or 5D002 content: its ECCN, or a 740.17 status,
		// decides (conservative reading; where 734.4(b)'s conditions are
		// not met the item is subject whatever the percentage).
		us := ev.usOrigin(l)
		if us != ear.No && !l.ECCN.IsValid() && l.Encryption == 0 {
			encryptionOpen = true
			lineMissing = append(lineMissing, MissingFact{Field: fmt.Sprintf("item.components[%d].eccn", i), Why: "an unclassified US-origin line may be 5A002, 5A004 or 5D002 encryption content, whose 740.17 status decides whether de minimis is available (734.4(b))"})
			why += "; unclassified, it may be encryption content of 734.4(b)"
		} else if us != ear.No && (isEncryption(l.ECCN) || !l.ECCN.IsValid()) {
			switch l.Encryption {
			case 0, product.EncryptionUnknown:
				// 734.4(b): the 740.17 status decides whether the item may
				// use de minimis at all.
				encryptionOpen = true
				lineMissing = append(lineMissing, MissingFact{Field: fmt.Sprintf("item.components[%d].encryption", i), Why: "the 740.17 status of US-origin encryption content decides whether de minimis is available (734.4(b))"})
				why += "; its 740.17 status is not given (734.4(b))"
			}
		}
		// 734.4(b)(1): a 740.17 status that does not meet it (740.17(b)(2)
		// content to E:1 or E:2: no de minimis level; mass_market on a
		// 5A002, 5A004, 5B002 or 5D002 line: open).
		if a, ewhy, ecite, em := ev.encryptionCondition(i, l); a != ear.No {
			why += "; " + ewhy
			encB = encB.Or(a)
			if a == ear.Yes && encCite == "" {
				encCite = ecite
			}
			encSteps = append(encSteps, Step{Citation: ecite, Outcome: a.String(), Detail: ewhy + idNote(l.ID)})
			if a == ear.Indeterminate {
				encryptionOpen = true
				lineMissing = append(lineMissing, em...)
			}
		}
		// Notes (3) to 734.4(c)(1) and (d)(1): bundled software that is
		// neither EAR99 nor AT-only is outside the exclusion.
		if b := ev.bundledSoftware(l); b != ear.No {
			outside := "bundled US-origin software that is not EAR99 or AT-only is outside the de minimis exclusion (" + citationBundle + "); it stays subject to the EAR (734.3(a)(2)) and needs its own license assessment"
			if b == ear.Indeterminate {
				outside = "bundled software of unknown classification or origin may be outside the de minimis exclusion (" + citationBundle + ": only EAR99 or AT-only US-origin software is within it)"
			}
			why += "; " + outside
			if st != ear.No {
				bundleOpen = true
				bundleSteps = append(bundleSteps, Step{Citation: citationBundle, Outcome: "indeterminate", Detail: outside + idNote(l.ID)})
				lineMissing = append(lineMissing, MissingFact{Field: componentField(i) + ".eccn", Why: "only EAR99 or AT-only US-origin software bundled with the item is within the de minimis exclusion (" + citationBundle + "); other software needs an independent assessment, which de minimis does not decide"})
			} else {
				bundleSteps = append(bundleSteps, Step{Citation: citationBundle, Outcome: "note", Detail: outside + "; as assessed for the line, it needs no license to " + q.Destination.String() + idNote(l.ID)})
			}
			res.Notes = append(res.Notes, "line "+l.ID+": "+outside)
		}
		dl.Status, dl.Why, dl.Citation = st, why, cite
		dl.Counted = st == ear.Yes
		switch st {
		case ear.Yes:
			definiteSum.Add(dl.total)
		case ear.Indeterminate:
			possibleSum.Add(dl.total)
			lineMissing = append(lineMissing, missing...)
		}
	}
	res.Steps = append(res.Steps, encSteps...)
	res.Steps = append(res.Steps, bundleSteps...)
	if encB == ear.Yes {
		noLevel = ear.Yes
		res.Notes = append(res.Notes, "740.17(b)(2) encryption content in an item sent to "+q.Destination.String()+" (E:1 or E:2): 734.4(b)(1)(iii) is not met, and 734.4(c) applies \"Except as provided in paragraphs (a) and (b)(1)(iii)\": no de minimis level")
	}
	definite, possible := definiteSum.Exact(), possibleSum.Exact()
	var curs []product.Currency
	for _, l := range it.Components {
		if c := l.Value.Currency(); c != cur && !slices.Contains(curs, c) {
			curs = append(curs, c)
		}
	}
	if len(curs) > 0 {
		res.ExchangeRates = q.Rates.Used(curs, cur)
	}
	itemValue := origin.ExactOf(it.Value.Amount())
	if d, ok := definite.Decimal(); ok {
		res.ControlledValue, _ = product.NewMoney(minorUnitsExact(d, int32(cur.MinorUnits())), cur)
	} else {
		res.ControlledValue = moneyOfRat(definite.Rat(), cur)
		res.ControlledValue, _ = product.NewMoney(minorUnitsExact(res.ControlledValue.Amount(), int32(cur.MinorUnits())), cur)
	}
	res.ControlledPercent, res.ControlledPercentExact = origin.PercentOf(definite, itemValue)
	upper := definite.Add(possible)
	lowerExceeds := origin.ExceedsExact(definite, itemValue, level)
	upperExceeds := origin.ExceedsExact(upper, itemValue, level)
	if ev.groupsGap != nil {
		// The level turns on country groups (E:1 and E:2) not modelled on
		// the date: exceeds only above the highest level, within only at
		// the lowest or less.
		lo, hi := rules.span()
		lowerExceeds = origin.ExceedsExact(definite, itemValue, hi)
		upperExceeds = origin.ExceedsExact(upper, itemValue, lo)
		if upperExceeds && !lowerExceeds {
			res.Missing = append(res.Missing, MissingFact{Field: "as_of", Why: "the de minimis level (" + rules.spanText() + ") turns on " + gapText(ev.groupsGap)})
		}
	}
	levelText := strconv.FormatInt(level, 10)
	pctDetail := "controlled " + exactText(definite) + " / item " + it.Value.AmountString() + " " + cur.String() + " = " + res.ControlledPercent +
		" % (exact " + strconv.FormatBool(res.ControlledPercentExact) + ") against " + levelText + " % (exceeds iff controlled x 100 > " + levelText + " x item)"

	// Technology: the one-time report (Supp. No. 2) is a prerequisite of
	// the percentage rule.
	reportOpen := false
	reportCite := "" // the paragraph that asks for the report, when BIS objected
	if it.EffectiveKind() == product.Technology && upper.Sign() > 0 {
		r := it.OneTimeReport
		switch {
		case !r.Given():
			reportOpen = true
			res.Missing = append(res.Missing, MissingFact{Field: "item.one_time_report", Why: "foreign technology may rely on de minimis only after the one-time report to BIS (Supp. No. 2 to part 734)"})
		case r.Objection:
			res.Notes = append(res.Notes, "BIS objected to the one-time report: de minimis cannot be relied on for this technology")
			noLevel = noLevel.Or(ear.Yes)
			// 734.4(c)(3) and (d)(3): "Before you may rely upon the de
			// minimis exclusion for foreign-made technology commingled
			// with controlled U.S.-origin technology, you must file a
			// one-time report."
			reportCite = lv.Citation + "(3)"
		case !r.FiledOn.AddDays(30).IsValid() || q.AsOf.Before(r.FiledOn.AddDays(30)):
			// A filing date within 30 days of the calendar's end (AddDays
			// past 9999-12-31 is not a date) is still waiting; so is one
			// after the evaluation date.
			reportOpen = true
			res.Missing = append(res.Missing, MissingFact{Field: "item.one_time_report.filed_on", Why: "filed less than 30 days before the evaluation date (waiting period as recalled, unverified)"})
		}
	}

	// An absent bill of materials is unknown (the wire format's absent
	// "components"), not "no US content": nothing but a category that
	// applies decides.
	bomUnknown := it.Components == nil
	if bomUnknown {
		res.Missing = append(res.Missing, MissingFact{Field: "item.components", Why: "the bill of materials is not given: the item's U.S.-origin content is unknown ([] states that there is none)"})
		pctDetail += "; the bill of materials is not given"
	}
	switch {
	case noLevel == ear.Yes:
		res.Outcome = DeMinimisNoLevel
		res.ThresholdPercent = "0"
		res.Citation = encCite // 734.4(b)(1)(iii), unless a 734.4(a) category applies
		if res.Citation == "" {
			res.Citation = reportCite
		}
		for _, c := range res.Categories {
			if c.Outcome == ear.Yes {
				res.Citation = c.Citation
				break
			}
		}
		res.Missing = nil
	case lowerExceeds:
		res.Outcome = DeMinimisExceeds
		res.ThresholdPercent = fmt.Sprint(level)
		res.Missing = nil
	case noLevel == ear.Indeterminate || upperExceeds || encryptionOpen || bundleOpen || reportOpen || bomUnknown:
		res.Outcome = DeMinimisIndeterminate
		res.ThresholdPercent = fmt.Sprint(level)
		if upperExceeds {
			res.Missing = append(res.Missing, lineMissing...)
			pctDetail += fmt.Sprintf("; with the open lines (%s) it would exceed", exactText(upper))
		} else if encryptionOpen || bundleOpen {
			res.Missing = append(res.Missing, lineMissing...)
		}
	default:
		res.Outcome = DeMinimisWithin
		res.ThresholdPercent = fmt.Sprint(level)
		res.Missing = nil
		if possible.Sign() > 0 {
			res.Notes = append(res.Notes, "lines whose status is open stay within the level even if counted: "+exactText(upper))
		}
	}
	if lo, hi := rules.span(); ev.groupsGap != nil && res.Outcome != DeMinimisNoLevel && lo != hi {
		res.ThresholdPercent, res.Citation = fmt.Sprintf("%d or %d", lo, hi), rules.spanCitation()
		res.Notes = append(res.Notes, "the level turns on Country Groups "+rules.spanGroups()+": "+gapText(ev.groupsGap))
	}
	if q.Options.UnknownOrigin == UnknownOriginControlled {
		res.Notes = append(res.Notes, "policy: lines of unknown origin are treated as US-origin controlled content")
	}
	res.Steps = append(res.Steps, Step{Citation: citationSupp2, Outcome: "computed", Detail: pctDetail},
		Step{Citation: res.Citation, Outcome: res.Outcome.String(), Detail: fmt.Sprintf("de minimis: %s (threshold %s %%)", res.Outcome, res.ThresholdPercent)})
	res.Missing = dedupeMissing(res.Missing)
	return res, nil
}

// controlled decides whether one line is controlled US-origin content.
func (c *dmEval) controlled(i int, l product.Line, partner bool) (ear.Answer, string, string, []MissingFact) {
	us := ear.Yes
	switch l.Origin {
	case product.OriginForeign, product.OriginForeignSubjectToEAR:
		return ear.No, "not US-origin", citationSupp2, nil
	case product.OriginUnknown:
		if c.q.Options.UnknownOrigin == UnknownOriginControlled {
			return ear.Yes, "origin unknown: treated as US-origin controlled content (policy unknown_origin=controlled)", citationSupp2, nil
		}
		us = ear.Indeterminate
	}
	if v, given := l.LicenseRequired.Get(); given {
		a := us.And(ear.AnswerOf(v))
		return a, "the caller's own determination: license required " + ear.AnswerOf(v).String(), citationSupp2 + " (a)(1)", missingOrigin(a, us, i)
	}
	e := l.ECCN
	if !e.IsValid() {
		a := us.And(ear.Indeterminate)
		m := missingOrigin(a, us, i)
		if a == ear.Indeterminate {
			m = append(m, MissingFact{Field: componentField(i) + ".eccn", Why: "the line's classification decides whether it is controlled content"})
		}
		return a, "classification not given", citationSupp2 + " (a)(1)", m
	}
	// Partner-country carve-outs (746.8(a)(12)(iii)(B), 746.7(a)(1)(v)):
	// they turn on the country the item is exported from.
	d := c.dest
	carveOut, carveCite := "", ""
	switch {
	case (d == jurisdiction.Russia || d == jurisdiction.Belarus) && (e.IsEAR99() || atOnly(e)):
		carveOut, carveCite = "EAR99 or AT-only content of an item exported from a partner country ("+jurisdiction.CitationPartnerCountries+") is not counted for Russia and Belarus", citationRUCarveOut
	case d == jurisdiction.Iran && e.IsEAR99():
		carveOut, carveCite = "EAR99 content of an item exported from a partner country ("+jurisdiction.CitationPartnerCountries+") is not counted for Iran", "15 CFR 746.7(a)(1)(v)"
	}
	if carveOut != "" && partner {
		if carveCite == citationRUCarveOut {
			if a, why, cite, m := c.russiaSoftware(i, l, us); a != ear.No {
				return a, why, cite, m
			}
		}
		return ear.No, carveOut, carveCite, nil
	}
	openCarveOut := carveOut != "" && !c.q.ExportedFrom.IsValid()
	ch, err := c.chart(l)
	if err != nil {
		a := us.And(ear.Indeterminate)
		return a, "the chart cannot be read: " + err.Error(), CitationCountryChart, []MissingFact{{Field: componentField(i) + ".eccn", Why: err.Error()}}
	}
	a := us.And(ch.required)
	why, cite := ch.why, ch.cite
	if openCarveOut && a == ear.Yes {
		// Counted unless the item is shipped from a partner country,
		// which is not given.
		a = ear.Indeterminate
		why += "; not counted if the item is exported from a partner country, and the country of export is not given"
		m := missingOrigin(a, us, i)
		return a, why, carveCite, append(m, MissingFact{Field: "exported_from", Why: "the partner-country carve-out (" + carveCite + ") turns on the country the item is exported from"})
	}
	m := missingOrigin(a, us, i)
	if a == ear.Indeterminate && ch.required == ear.Indeterminate {
		for _, s := range ch.missing {
			mf := chartMissing(s)
			if strings.HasPrefix(mf.Field, "item.") {
				mf.Field = componentField(i) + mf.Field[len("item"):]
			}
			m = append(m, mf)
		}
	}
	return a, why, cite, m
}

// componentField is the wire-format path of line i.
func componentField(i int) string { return "item.components[" + strconv.Itoa(i) + "]" }

func missingOrigin(a, us ear.Answer, i int) []MissingFact {
	if a == ear.Indeterminate && us == ear.Indeterminate {
		return []MissingFact{{Field: componentField(i) + ".origin", Why: "the line's origin is unknown; counted it could change the outcome"}}
	}
	return nil
}

// The partner-country carve-out for Russia and Belarus and the software
// requirement it leaves in place, read in 15 CFR 746.8 as printed in
// ConnorCallison/ecfr-opportunities,
// libs/ecfr-markdown/src/results/markdown/title-15/chapter-VII.md (sections
// of part 746 as of late 2024, amended through 89 FR 87282, 2024-11-01):
//
// 746.8(a)(12)(iii)(B): "For purposes of determining U.S.-origin controlled
// content under supplement no. 2 to part 734 of the EAR, when making a de
// minimis calculation for reexports and exports from abroad to Russia or
// Belarus, the license requirements in paragraphs (a)(1) and (a)(4)
// through (7) of this section are not used to determine controlled
// U.S.-origin content in a foreign-made item, provided ... The U.S.-origin
// content is described in an Anti-Terrorism (AT)-only ECCN or is designated
// EAR99 ...; The foreign made item will be reexported or exported from
// abroad from a destination described in supplement no. 3 to this part."
//
// 746.8(a)(8) (from 2024-09-16, 89 FR 51644): "(i) A license is required to
// export, reexport, or transfer (in-country) to or within Russia or Belarus
// any "software" subject to the EAR and described in paragraph (a)(8)(ii)
// of this section. (ii) The following types of software subject to the EAR
// are in the scope of paragraph (a)(8): Enterprise resource planning (ERP);
// customer relationship management (CRM); business intelligence (BI); supply
// chain management (SCM); enterprise data warehouse (EDW); computerized
// maintenance management system (CMMS); project management software,
// product lifecycle management (PLM); building information modelling
// (BIM); computer aided design (CAD); computer-aided manufacturing (CAM);
// engineering to order (ETO); and software for the operation of computer
// numerical control (CNC) machine tools. ..."
const citationRUCarveOut = "15 CFR 746.8(a)(12)(iii)(B)"

// ruSoftwareFrom is the day 746.8(a)(8) took effect (89 FR 51644,
// effective 2024-09-16).
var ruSoftwareFrom = jurisdiction.MustParseDate("2024-09-16")

// russiaSoftware reads 746.8(a)(8) for a line the partner-country carve-out
// would leave out (EAR99 or AT-only content of an item exported from a
// partner country to Russia or Belarus). The carve-out switches off
// (a)(1) and (a)(4) through (7) only, not (a)(8): US-origin software of the
// kinds (a)(8)(ii) lists needs a license to Russia and Belarus from
// 2024-09-16 whatever the country the item is exported from. A software
// line (isSoftware) is therefore not dropped: the wire format has no field
// for the kind of software, so it is open, naming the line's
// license_required (the caller's own determination, which counts it when
// true). Readings (conservative): (a)(8) reaches AT-only software on the
// CCL of the listed kinds as well as EAR99 software ((a)(8)(i) says "any
// software subject to the EAR"); the exclusions of 746.8(a)(12)(ii)
// (certain civil end users) and (a)(12)(iv) (agriculture or medical
// entities) are not applied here. The answer is No before 2024-09-16 and
// for a line that is not software.
func (c *dmEval) russiaSoftware(i int, l product.Line, us ear.Answer) (ear.Answer, string, string, []MissingFact) {
	if c.q.AsOf.Before(ruSoftwareFrom) {
		return ear.No, "", "", nil
	}
	sw := c.isSoftware(l)
	if sw == ear.No {
		return ear.No, "", "", nil
	}
	a := us.And(ear.Indeterminate)
	why := "software: the partner-country carve-out (" + citationRUCarveOut + ") does not reach 746.8(a)(8), which requires a license to Russia and Belarus for software of the kinds it lists (ERP, CRM, BI, SCM, EDW, CMMS, project management, PLM, BIM, CAD, CAM, ETO, CNC operation) from 2024-09-16; whether this line is such software is not given"
	m := missingOrigin(a, us, i)
	m = append(m, MissingFact{Field: componentField(i) + ".license_required", Why: "whether the software is of a kind 746.8(a)(8)(ii) lists (ERP, CRM, BI, SCM, EDW, CMMS, project management, PLM, BIM, CAD, CAM, ETO, CNC operation): such software needs a license to " + c.dest.String() + " under 746.8(a)(8), which the partner-country carve-out (746.8(a)(12)(iii)(B)) does not switch off"})
	return a, why, "15 CFR 746.8(a)(8)", m
}

// isSoftware answers whether a line is software: classified in product
// group D, bundled with a commodity (only software is bundled), or
// commingled in a software item; an EAR99 or unclassified line incorporated
// in a commodity or commingled in technology is not.
func (c *dmEval) isSoftware(l product.Line) ear.Answer {
	switch {
	case l.ECCN.IsValid() && l.ECCN.Kind() == product.Software:
		return ear.Yes
	case l.Relation == product.Bundled:
		return ear.Yes
	case l.Relation == product.Commingled && c.q.Item.EffectiveKind() == product.Software:
		return ear.Yes
	}
	return ear.No
}

// atOnly reports whether an ECCN is controlled only for anti-terrorism
// reasons (and 9A991, which 746.8(a)(12)(iii)(B) names).
func atOnly(e product.ECCN) bool {
	if e.Entry() == product.MustParseECCN("9A991") {
		return true
	}
	entry, ok := ccl.Lookup(e)
	if !ok {
		return false
	}
	rs := entry.Reasons()
	return len(rs) > 0 && !slices.ContainsFunc(rs, func(r ccl.Reason) bool { return r != ccl.ReasonAT })
}

// isEncryption reports whether an ECCN is a Category 5 Part 2 encryption
// item that 734.4(b) conditions (5A002, 5A004, 5D002).
func isEncryption(e product.ECCN) bool {
	// Every entry of encryptionECCNs is in Category 5: an ECCN of another
	// category is none of them (read on every US-origin line).
	if s := e.String(); s == "" || s[0] != '5' {
		return false
	}
	return eccnIn(e, encryptionECCNs) == ear.Yes
}

var decimalOne = decimal.NewFromInt(1)

func quantityText(q product.Quantity) string {
	if !q.IsValid() || isOne(q.Decimal()) {
		return "1"
	}
	return q.String()
}

// isOne reports whether d is 1 written without places (1, not 1.0): the
// wire format's default quantity, read without comparing big integers.
func isOne(d decimal.Decimal) bool {
	return d.Exponent() == 0 && d.NumDigits() == 1 && d.CoefficientInt64() == 1
}

func exactText(x origin.Exact) string {
	s, _ := x.Text()
	return s
}

// minorUnitsExact writes d with the currency's minor units (places), the
// same value: trailing zeros past them dropped (a conversion at a rate
// written "1.0850" gives 1085.000000, written 1085.00), and zeros added up
// to them; places that are not zero stay (no rounding).
func minorUnitsExact(d decimal.Decimal, places int32) decimal.Decimal {
	ten := big.NewInt(10)
	for -d.Exponent() > places {
		q, r := new(big.Int).QuoRem(d.Coefficient(), ten, new(big.Int))
		if r.Sign() != 0 {
			break
		}
		d = decimal.NewFromBigInt(q, d.Exponent()+1)
	}
	if -d.Exponent() < places {
		d = d.Round(places) // more places only: no rounding
	}
	return d
}

// moneyOfRat returns r as Money: exact when it terminates, else rounded
// half-even to origin.DisplayPlaces places (for display).
func moneyOfRat(r *big.Rat, c product.Currency) product.Money {
	s, _ := origin.DecimalText(r)
	d, err := decimal.NewFromString(s)
	if err != nil {
		d = decimal.Zero
	}
	m, _ := product.NewMoney(d, c)
	return m
}
