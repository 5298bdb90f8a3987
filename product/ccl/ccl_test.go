package ccl

import (
	"strings"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

func TestTableShape(t *testing.T) {
	if got := Len(); got != 636 {
		t.Errorf("Len() = %d, want 636 (633 in the source plus 3E002, 0D614, 2B352)", got)
	}
	n := 0
	prev := map[string]bool{}
	for e := range Entries() {
		n++
		s := e.ECCN().String()
		if prev[s] {
			t.Errorf("%s twice", s)
		}
		prev[s] = true
		if v, err := product.ParseECCN(s); err != nil || v != e.ECCN() || len(s) != 5 {
			t.Errorf("entry ECCN %q does not parse back (%v)", s, err)
		}
		got, ok := Lookup(e.ECCN())
		if !ok || got.ECCN() != e.ECCN() {
			t.Errorf("Lookup(%s) = %v, %v", s, got.ECCN(), ok)
		}
		if strings.TrimSpace(e.Heading()) == "" {
			t.Errorf("%s: empty heading", s)
		}
		if strings.Contains(e.Heading(), "License Requirements") {
			t.Errorf("%s: heading still holds License Requirements text", s)
		}
		for _, c := range e.Controls() {
			if c.Entry() != e.ECCN() || !c.Reason().IsValid() || c.Scope().String() == "" || c.DestinationRule().Kind().String() == "" {
				t.Errorf("%s: malformed row %v", s, c)
			}
			if c.DestinationRule().Kind() == RuleUnknown {
				t.Errorf("%s: unread target %q", s, c.TargetText())
			}
			if c.DestinationRule().Kind() == RuleColumn && c.DestinationRule().Column().Reason() != c.Reason().String() {
				t.Errorf("%s: %s row with column %s", s, c.Reason(), c.DestinationRule().Column())
			}
			if c.Conditional() != (c.Condition() != "") {
				t.Errorf("%s: Conditional %v with condition %q", s, c.Conditional(), c.Condition())
			}
			refs := append(append(c.Paragraphs(), c.For()...), c.ExceptFor()...)
			for _, r := range refs {
				if r.Group() == "" {
					if v, err := product.ParseECCN(r.ECCN().String()); err != nil || v != r.ECCN() {
						t.Errorf("%s: reference %q does not parse back", s, r.ECCN())
					}
				}
			}
			for _, r := range c.Paragraphs() {
				if r.ECCN().Entry() != e.ECCN() {
					t.Errorf("%s: paragraph %s of another entry", s, r.ECCN())
				}
			}
			dests := []DestinationRule{c.DestinationRule()}
			if x, ok := c.ExportedFrom(); ok {
				dests = append(dests, x)
			}
			for _, d := range dests {
				raw := append(append([]string(nil), d.countries...), d.exceptCountry...)
				if len(d.Countries())+len(d.ExceptCountries()) != len(raw) {
					t.Errorf("%s: a country code of %v does not parse", s, raw)
				}
			}
		}
	}
	if n != Len() {
		t.Errorf("Entries yields %d, Len %d", n, Len())
	}
	// the index is sorted and complete
	for i := 1; i < len(cclIndex); i++ {
		if cclTable[cclIndex[i-1]].eccn.String() >= cclTable[cclIndex[i]].eccn.String() {
			t.Fatalf("cclIndex not sorted at %d", i)
		}
	}
}

// TestEveryEntryExplained: every entry has a row or says why it has none,
// and every reason of its Reason for Control line has a row or a note.
func TestEveryEntryExplained(t *testing.T) {
	for e := range Entries() {
		if len(e.Controls()) == 0 && e.WhyNoControls() == "" {
			t.Errorf("%s: no rows and no reason", e.ECCN())
		}
		if len(e.Controls()) > 0 && e.WhyNoControls() != "" {
			t.Errorf("%s: rows and a reason for having none", e.ECCN())
		}
		has := map[Reason]bool{}
		for _, c := range e.Controls() {
			has[c.Reason()] = true
		}
		for _, r := range e.Reasons() {
			if has[r] {
				continue
			}
			explained := false
			for _, n := range e.Notes() {
				if strings.Contains(n, "lists "+r.String()) {
					explained = true
				}
			}
			if !explained {
				t.Errorf("%s: reason %s has no row and no note", e.ECCN(), r)
			}
		}
	}
	itar, _ := Lookup(product.MustParseECCN("0A002"))
	if !strings.Contains(itar.WhyNoControls(), "subject to the ITAR") || len(itar.Reasons()) != 0 {
		t.Errorf("0A002: %q %v", itar.WhyNoControls(), itar.Reasons())
	}
}

func control(t *testing.T, eccn string, match func(Control) bool) Control {
	t.Helper()
	e, ok := Lookup(product.MustParseECCN(eccn))
	if !ok {
		t.Fatalf("%s not in the table", eccn)
	}
	for _, c := range e.Controls() {
		if match(c) {
			return c
		}
	}
	t.Fatalf("%s: no such row", eccn)
	return Control{}
}

func col(r Reason, c jurisdiction.Column) func(Control) bool {
	return func(x Control) bool {
		return x.Reason() == r && x.DestinationRule().Kind() == RuleColumn && x.DestinationRule().Column() == c
	}
}

func dest(r Reason, k RuleKind) func(Control) bool {
	return func(x Control) bool { return x.Reason() == r && x.DestinationRule().Kind() == k }
}

func scopeIs(r Reason, text string) func(Control) bool {
	return func(x Control) bool { return x.Reason() == r && x.ScopeText() == text }
}

func TestAppliesTo(t *testing.T) {
	tests := []struct {
		name  string
		entry string
		row   func(Control) bool
		give  string
		want  ear.Answer
	}{
		// 3A001 NS1: MMIC and discrete transistors, except for civil telecom use
		{"3A001.b.2 in the NS1 row (end use decides)", "3A001", col(ReasonNS, jurisdiction.NS1), "3A001.b.2", ear.Indeterminate},
		{"3A001 less specific than the NS1 row", "3A001", col(ReasonNS, jurisdiction.NS1), "3A001", ear.Indeterminate},
		{"3A001.a.1 outside the NS1 row", "3A001", col(ReasonNS, jurisdiction.NS1), "3A001.a.1", ear.No},
		{"3A001.b.2 in the NS2 entire-entry row", "3A001", col(ReasonNS, jurisdiction.NS2), "3A001.b.2", ear.Yes},
		{"3A001.z.2 in the MT row (unqualified)", "3A001", col(ReasonMT, jurisdiction.MT1), "3A001.z.2", ear.Indeterminate},
		{"3A001.c outside the MT row", "3A001", col(ReasonMT, jurisdiction.MT1), "3A001.c", ear.No},
		{"3A001.z.1.a worldwide", "3A001", dest(ReasonRS, RuleWorldwide), "3A001.z.1.a", ear.Yes},
		{"3A001.z.1.b not in the worldwide row", "3A001", dest(ReasonRS, RuleWorldwide), "3A001.z.1.b", ear.No},
		{"3A001.z less specific than the worldwide row", "3A001", dest(ReasonRS, RuleWorldwide), "3A001.z", ear.Indeterminate},
		{"another entry", "3A001", col(ReasonNS, jurisdiction.NS2), "3A002.a", ear.No},
		{"EAR99", "3A001", col(ReasonNS, jurisdiction.NS2), "EAR99", ear.No},
		// 3A090
		{"3A090.a worldwide", "3A090", dest(ReasonRS, RuleWorldwide), "3A090.a", ear.Yes},
		{"3A090.a.1 worldwide", "3A090", dest(ReasonRS, RuleWorldwide), "3A090.a.1", ear.Yes},
		{"3A090.b not worldwide", "3A090", dest(ReasonRS, RuleWorldwide), "3A090.b", ear.No},
		{"3A090.b UAE+D", "3A090", dest(ReasonRS, RuleUAED1D4D5NotA5A6), "3A090.b", ear.Yes},
		{"3A090.c Macau+D:5", "3A090", dest(ReasonRS, RuleMacauD5), "3A090.c", ear.Yes},
		{"3A090.a not Macau+D:5", "3A090", dest(ReasonRS, RuleMacauD5), "3A090.a", ear.No},
		{"3A090 less specific", "3A090", dest(ReasonRS, RuleMacauD5), "3A090", ear.Indeterminate},
		{"3A090.c AT1", "3A090", col(ReasonAT, jurisdiction.AT1), "3A090.c", ear.Yes},
		// 4A003.z
		{"4A003.z.1 NS1", "4A003", col(ReasonNS, jurisdiction.NS1), "4A003.z.1", ear.Yes},
		{"4A003.z NS1 (z.1 only)", "4A003", col(ReasonNS, jurisdiction.NS1), "4A003.z", ear.Indeterminate},
		{"4A003.z.2.a worldwide", "4A003", dest(ReasonRS, RuleWorldwide), "4A003.z.2.a", ear.Yes},
		{"4A003.a not NS1", "4A003", col(ReasonNS, jurisdiction.NS1), "4A003.a", ear.No},
		// 5A002.z
		{"5A002.z.1.a worldwide", "5A002", dest(ReasonRS, RuleWorldwide), "5A002.z.1.a", ear.Yes},
		{"5A002.z.1.a not UAE+D", "5A002", dest(ReasonRS, RuleUAED1D4D5NotA5A6), "5A002.z.1.a", ear.No},
		{"5A002.z.1.b UAE+D", "5A002", dest(ReasonRS, RuleUAED1D4D5NotA5A6), "5A002.z.1.b", ear.Yes},
		{"5A002.z.1.a EI pointer", "5A002", dest(ReasonEI, RulePointer), "5A002.z.1.a", ear.Yes},
		// 9A515.y
		{"9A515.y.1 CN/RU/VE", "9A515", dest(ReasonRS, RuleCountries), "9A515.y.1", ear.Yes},
		{"9A515.y.1 not NS1", "9A515", col(ReasonNS, jurisdiction.NS1), "9A515.y.1", ear.No},
		{"9A515.e.2 not NS1", "9A515", col(ReasonNS, jurisdiction.NS1), "9A515.e.2", ear.No},
		{"9A515.a NS1", "9A515", col(ReasonNS, jurisdiction.NS1), "9A515.a", ear.Yes},
		{"9A515 covers excepted paragraphs", "9A515", col(ReasonNS, jurisdiction.NS1), "9A515", ear.Indeterminate},
		{"9A515.x NS2", "9A515", col(ReasonNS, jurisdiction.NS2), "9A515.x", ear.Yes},
		// 0A501.y except rows
		{"0A501.y excepted from NS1", "0A501", col(ReasonNS, jurisdiction.NS1), "0A501.y", ear.No},
		{"0A501.y.7 excepted from NS1", "0A501", col(ReasonNS, jurisdiction.NS1), "0A501.y.7", ear.No},
		{"0A501.a in NS1", "0A501", col(ReasonNS, jurisdiction.NS1), "0A501.a", ear.Yes},
		{"0A501 covers the exception", "0A501", col(ReasonNS, jurisdiction.NS1), "0A501", ear.Indeterminate},
		{"0A501.y in UN (entire entry)", "0A501", dest(ReasonUN, RulePointer), "0A501.y", ear.Yes},
		// 9A610: a conditional except row
		{"9A610.y excepted", "9A610", col(ReasonNS, jurisdiction.NS1), "9A610.y", ear.No},
		{"9A610.b excepted", "9A610", col(ReasonNS, jurisdiction.NS1), "9A610.b", ear.No},
		{"9A610.x qualified exception", "9A610", col(ReasonNS, jurisdiction.NS1), "9A610.x", ear.Indeterminate},
		{"9A610.a conditional row", "9A610", col(ReasonNS, jurisdiction.NS1), "9A610.a", ear.Indeterminate},
		// 5A001.b (except .b.5)
		{"5A001.b.1 NS2", "5A001", col(ReasonNS, jurisdiction.NS2), "5A001.b.1", ear.Yes},
		{"5A001.b.5 not NS2", "5A001", col(ReasonNS, jurisdiction.NS2), "5A001.b.5", ear.No},
		{"5A001.b around its exception", "5A001", col(ReasonNS, jurisdiction.NS2), "5A001.b", ear.Indeterminate},
		{"5A001.b.5 NS1", "5A001", col(ReasonNS, jurisdiction.NS1), "5A001.b.5", ear.Yes},
		{"5A001.f.1 SL worldwide", "5A001", dest(ReasonSL, RuleWorldwide), "5A001.f.1", ear.Yes},
		{"5A001.f.2 not SL", "5A001", dest(ReasonSL, RuleWorldwide), "5A001.f.2", ear.No},
		// for-scope rows need the item the technology is for
		{"3E001 without a for", "3E001", col(ReasonNS, jurisdiction.NS1), "3E001", ear.Indeterminate},
		{"3B001 ranges", "3B001", dest(ReasonNS, RuleMacauD5), "3B001.l", ear.Yes},
		{"3B001.f.2 not Macau+D:5", "3B001", dest(ReasonNS, RuleMacauD5), "3B001.f.2", ear.No},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := control(t, tt.entry, tt.row)
			var e product.ECCN
			if tt.give != "" {
				e = product.MustParseECCN(tt.give)
			}
			if got := c.AppliesTo(e); got != tt.want {
				t.Errorf("%v.AppliesTo(%s) = %v, want %v", c, tt.give, got, tt.want)
			}
		})
	}
}

func TestAppliesToFor(t *testing.T) {
	tests := []struct {
		name       string
		entry      string
		row        func(Control) bool
		give, for_ string
		want       ear.Answer
	}{
		{"3E001 for 3A090.a: D1/D4/D5 row", "3E001", dest(ReasonRS, RuleD1D4D5NotA5A6), "3E001", "3A090.a", ear.Yes},
		{"3E001 for 3A090.c: not the D1/D4/D5 row", "3E001", dest(ReasonRS, RuleD1D4D5NotA5A6), "3E001", "3A090.c", ear.No},
		{"3E001 for 3A090.c: Macau+D:5 row", "3E001", dest(ReasonRS, RuleMacauD5), "3E001", "3A090.c", ear.Yes},
		{"3E001 for 3A090: exported-from row", "3E001", dest(ReasonRS, RuleWorldwide), "3E001", "3A090.b", ear.Yes},
		{"3E001 for 3A001.a.15: RS2", "3E001", col(ReasonRS, jurisdiction.RS2), "3E001", "3A001.a.15", ear.Yes},
		{"3E001 for 3A002: not RS2", "3E001", col(ReasonRS, jurisdiction.RS2), "3E001", "3A002.a", ear.No},
		{"3E001 for 3A001.b.2: MT1 needs an MT row of 3A001 covering b.2", "3E001", col(ReasonMT, jurisdiction.MT1), "3E001", "3A001.b.2", ear.No},
		{"3E001 for 3A001.z.2: MT row of 3A001 is conditional", "3E001", col(ReasonMT, jurisdiction.MT1), "3E001", "3A001.z.2", ear.Indeterminate},
		{"3E001 for 3A101: MT", "3E001", col(ReasonMT, jurisdiction.MT1), "3E001", "3A101.a", ear.Yes},
		{"4E001 NS1 except technology for 4A090", "4E001", col(ReasonNS, jurisdiction.NS1), "4E001.a", "4A090.a", ear.No},
		{"4E001 NS1 for 4A003", "4E001", col(ReasonNS, jurisdiction.NS1), "4E001.a", "4A003.b", ear.Yes},
		{"9D990 AT1 for 9A990.b", "9D990", col(ReasonAT, jurisdiction.AT1), "9D990", "9A990.b", ear.Yes},
		{"9D990 AT1 except 9A990.a", "9D990", col(ReasonAT, jurisdiction.AT1), "9D990", "9A990.a", ear.No},
		{"zero for is AppliesTo", "3E001", col(ReasonNS, jurisdiction.NS1), "3E001", "", ear.Indeterminate},
		{"paragraph rows ignore the for", "3A090", dest(ReasonRS, RuleWorldwide), "3A090.a", "4A090.a", ear.Yes},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := control(t, tt.entry, tt.row)
			var f product.ECCN
			if tt.for_ != "" {
				f = product.MustParseECCN(tt.for_)
			}
			if got := c.AppliesToFor(product.MustParseECCN(tt.give), f); got != tt.want {
				t.Errorf("%v.AppliesToFor(%s, %s) = %v, want %v", c, tt.give, tt.for_, got, tt.want)
			}
		})
	}
}

func TestBypassEntriesWorldwide(t *testing.T) {
	// 15 CFR 738.3(a)(1): a license for all destinations.
	for _, tt := range []struct {
		entry, item string
		reason      Reason
	}{
		{"0A983", "0A983", ReasonCC}, {"5A001", "5A001.f.1", ReasonSL}, {"5A980", "5A980", ReasonSL},
		{"5D980", "5D980.a", ReasonSL}, {"5E980", "5E980", ReasonSL},
	} {
		c := control(t, tt.entry, dest(tt.reason, RuleWorldwide))
		if got := c.AppliesTo(product.MustParseECCN(tt.item)); got != ear.Yes {
			t.Errorf("%s: worldwide row does not cover %s (%v)", tt.entry, tt.item, got)
		}
	}
	c := control(t, "0A982", dest(ReasonCC, RuleWorldwideExcept))
	if xs := c.DestinationRule().ExceptCountries(); len(xs) != 1 || xs[0] != jurisdiction.MustParseCountry("CA") {
		t.Errorf("0A982: except %v, want Canada", xs)
	}
}

func TestSpecialDestinations(t *testing.T) {
	c := control(t, "3A090", dest(ReasonRS, RuleUAED1D4D5NotA5A6))
	d := c.DestinationRule()
	if g := d.Groups(); len(g) != 3 || g[0] != jurisdiction.GroupD1 || g[2] != jurisdiction.GroupD5 {
		t.Errorf("groups %v", g)
	}
	if g := d.ExceptGroups(); len(g) != 2 || g[0] != jurisdiction.GroupA5 || g[1] != jurisdiction.GroupA6 {
		t.Errorf("except groups %v", g)
	}
	if cs := d.Countries(); len(cs) != 1 || cs[0].String() != "AE" {
		t.Errorf("countries %v", cs)
	}
	if cit := d.Citations(); len(cit) != 1 || cit[0] != "15 CFR 742.6(a)(6)(iii)(B)" {
		t.Errorf("citations %v", cit)
	}
	x := control(t, "3E001", dest(ReasonRS, RuleWorldwide))
	from, ok := x.ExportedFrom()
	if !ok || from.Kind() != RuleMacauD5 {
		t.Errorf("3E001 exported from %v, %v", from, ok)
	}
	un := control(t, "0A617", dest(ReasonUN, RulePointer))
	if cit := un.DestinationRule().Citations(); len(cit) != 1 || cit[0] != "15 CFR 746.1(b)" {
		t.Errorf("0A617 UN citation %v (typo 764.1(b) not mended)", cit)
	}
	cw := control(t, "1E355", dest(ReasonCW, RuleCWCNonStatesParties))
	var xs []string
	for _, c := range cw.DestinationRule().ExceptCountries() {
		xs = append(xs, c.String())
	}
	if strings.Join(xs, ",") != "IL,TW" {
		t.Errorf("1E355 CW except %v", xs)
	}
	iss := control(t, "9E515", dest(ReasonRS, RuleCountries))
	if !iss.Conditional() || !strings.Contains(iss.Condition(), "International Space Station") {
		t.Errorf("9E515.y ISS row: conditional %v %q", iss.Conditional(), iss.Condition())
	}
}

func TestMends(t *testing.T) {
	for _, e := range []string{"3E001", "3E002", "0D606", "0D614", "2B351", "2B352", "1A231"} {
		ent, ok := Lookup(product.MustParseECCN(e))
		if !ok {
			t.Fatalf("%s missing", e)
		}
		found := false
		for _, n := range ent.Notes() {
			if strings.HasPrefix(n, "Hand mend:") && strings.Contains(n, "Source:") {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: no hand-mend note", e)
		}
	}
	e, _ := Lookup(product.MustParseECCN("3E001"))
	if got := len(e.Controls()); got != 8 {
		t.Errorf("3E001 has %d rows, want 8", got)
	}
	e, _ = Lookup(product.MustParseECCN("1A231"))
	if got := len(e.Controls()); got != 2 {
		t.Errorf("1A231 has %d rows, want 2", got)
	}
	e, _ = Lookup(product.MustParseECCN("0D606"))
	if c := control(t, "0D606", dest(ReasonRS, RuleCountries)); c.AppliesTo(product.MustParseECCN("0D606.y")) != ear.Yes {
		t.Errorf("0D606.y row lost")
	}
}

func TestImmutable(t *testing.T) {
	e, _ := Lookup(product.MustParseECCN("3A001"))
	cs := e.Controls()
	cs[0] = Control{}
	rs := e.Reasons()
	rs[0] = 0
	again, _ := Lookup(product.MustParseECCN("3A001"))
	if again.Controls()[0].Reason() == 0 || again.Reasons()[0] == 0 {
		t.Fatal("a returned slice aliases the table")
	}
	c := control(t, "5A001", col(ReasonNS, jurisdiction.NS2))
	p := c.Paragraphs()
	p[0] = Ref{}
	x := p[0].Except()
	_ = x
	if c.Paragraphs()[0].ECCN().String() == "" {
		t.Fatal("Paragraphs aliases the row")
	}
}

func TestNoPanics(t *testing.T) {
	var zero Control
	_ = zero.AppliesTo(product.ECCN{})
	_ = zero.AppliesToFor(product.ECCN{}, product.ECCN{})
	_ = zero.String()
	if _, ok := Lookup(product.ECCN{}); ok {
		t.Error("Lookup(zero) found an entry")
	}
	if _, ok := Lookup(product.EAR99); ok {
		t.Error("Lookup(EAR99) found an entry")
	}
	if _, ok := Lookup(product.MustParseECCN("9E999")); ok {
		t.Error("Lookup(9E999) found an entry")
	}
	for e := range Entries() {
		for _, c := range e.Controls() {
			_ = c.AppliesTo(product.MustParseECCN(e.ECCN().String() + ".a"))
			_ = c.AppliesToFor(e.ECCN(), product.MustParseECCN("3A001.a"))
			_ = c.String()
		}
	}
}

func TestReason(t *testing.T) {
	for _, r := range Reasons() {
		got, err := ParseReason(r.String())
		if err != nil || got != r {
			t.Errorf("ParseReason(%q) = %v, %v", r, got, err)
		}
		b, err := r.MarshalText()
		if err != nil || string(b) != r.String() {
			t.Errorf("MarshalText(%v) = %q, %v", r, b, err)
		}
	}
	if len(Reasons()) != 15 {
		t.Errorf("%d reasons", len(Reasons()))
	}
	if r, err := ParseReason("Foreign policy"); err != nil || r != ReasonFP {
		t.Errorf("foreign policy: %v %v", r, err)
	}
	if _, err := ParseReason("XX"); err == nil {
		t.Error("XX parsed")
	}
	var r Reason
	if err := r.UnmarshalText([]byte("ns")); err != nil || r != ReasonNS {
		t.Errorf("UnmarshalText(ns) = %v, %v", r, err)
	}
	if _, err := Reason(0).MarshalText(); err == nil {
		t.Error("zero Reason marshalled")
	}
	if ear.Indeterminate.String() != "indeterminate" || ear.Answer(0).String() != "" {
		t.Error("ear.Answer.String")
	}
	if Date().String() != ECFRDate {
		t.Errorf("Date() = %v", Date())
	}
}

func BenchmarkLookup(b *testing.B) {
	keys := []product.ECCN{product.MustParseECCN("3A090.a"), product.MustParseECCN("0A501.y.7"), product.MustParseECCN("9E991"), product.MustParseECCN("5A002.z.1.a")}
	i := 0
	for b.Loop() {
		if _, ok := Lookup(keys[i%len(keys)]); !ok {
			b.Fatal("not found")
		}
		i++
	}
}
