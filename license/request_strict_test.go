package license

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/big"
	"strings"
	"testing"
	"time"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// strictBase is a valid request with every object the request decoder
// reads itself (destination, options), a party with an owner, an
// incorporation, a line in another currency and exchange rates. Each test
// below changes one occurrence of a piece of it.
const strictBase = `{"as_of":"2026-11-28",` +
	`"item":{"id":"X","description":"d","eccn":"2B991","kind":"commodity","produced_in":"JP",` +
	`"value":{"amount":"100000.00","currency":"USD"},` +
	`"components":[{"id":"c1","description":"FPGA","eccn":"3A001.a.7","origin":"us",` +
	`"value":{"amount":"20000.00","currency":"EUR"},"quantity":"1","relation":"incorporated"}],` +
	`"direct_product_of":[],"plant":{"direct_product_of":[]}},` +
	`"exported_from":"JP","destination":{"country":"CN"},` +
	`"parties":[{"name":"n","role":"end_user","country":"CN","entity_list_footnotes":[1],"headquartered_in":"CN",` +
	`"ownership":[{"owner":"o","percent":"12.50","entity_list_footnotes":[4]}]}],` +
	`"end_uses":[],"incorporations":[{"destination":"RU","by_party_with_footnotes":[1]}],` +
	`"exchange_rates":{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.0850"}]},` +
	`"options":{"ai_diffusion":"codified","unknown_origin":"indeterminate"}}`

// strictMutate returns strictBase with the one occurrence of old replaced
// by new.
func strictMutate(t *testing.T, old, new string) string {
	t.Helper()
	if n := strings.Count(strictBase, old); n != 1 {
		t.Fatalf("%q occurs %d times in strictBase, want 1", old, n)
	}
	return strings.Replace(strictBase, old, new, 1)
}

// strictDecodeErr decodes body and returns its *product.FieldError, failing the
// test if it decodes or the error is of another type.
func strictDecodeErr(t *testing.T, body string) *product.FieldError {
	t.Helper()
	_, err := DecodeRequest(strings.NewReader(body))
	if err == nil {
		t.Fatalf("decoded; want an error\n%s", body)
	}
	re, ok := errors.AsType[*product.FieldError](err)
	if !ok {
		t.Fatalf("error %T %v is not a *product.FieldError", err, err)
	}
	return re
}

func TestStrictBaseDecodesAndChecks(t *testing.T) {
	req, err := DecodeRequest(strings.NewReader(strictBase))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Check(req); err != nil {
		t.Fatalf("Check: %v", err)
	}
}

// TestRequestDuplicateMembers: a member given twice is an error naming it
// and wrapping product.ErrDuplicate at every level of the request, never
// the last value silently winning.
func TestRequestDuplicateMembers(t *testing.T) {
	for _, c := range []struct {
		name, old, new, field string
	}{
		{"top level as_of", `"as_of":"2026-11-28"`, `"as_of":"2026-11-28","as_of":"2026-11-29"`, "as_of"},
		{"top level destination", `"destination":{"country":"CN"}`, `"destination":{"country":"CN"},"destination":{"country":"JP"}`, "destination"},
		{"top level null then value", `"exported_from":"JP"`, `"exported_from":null,"exported_from":"JP"`, "exported_from"},
		{"top level parties", `"end_uses":[]`, `"end_uses":[],"parties":[]`, "parties"},
		{"destination country", `{"country":"CN"}`, `{"country":"CN","country":"JP"}`, "destination.country"},
		{"destination region", `{"country":"CN"}`, `{"country":"UA","region":"crimea","region":"dnr"}`, "destination.region"},
		{"options", `"unknown_origin":"indeterminate"`, `"unknown_origin":"indeterminate","unknown_origin":"controlled"`, "options.unknown_origin"},
		{"party", `"role":"end_user"`, `"role":"end_user","role":"purchaser"`, "parties[0].role"},
		{"party footnotes", `"entity_list_footnotes":[1]`, `"entity_list_footnotes":[1],"entity_list_footnotes":[]`, "parties[0].entity_list_footnotes"},
		{"ownership", `"percent":"12.50"`, `"percent":"12.50","percent":"60"`, "parties[0].ownership[0].percent"},
		{"incorporation", `"destination":"RU"`, `"destination":"RU","destination":"CN"`, "incorporations[0].destination"},
		// The item is decoded by the product package.
		{"item", `"id":"X"`, `"id":"X","id":"Y"`, "item.id"},
		{"line", `"id":"c1"`, `"id":"c1","id":"c2"`, "item.components[0].id"},
		{"value", `"amount":"100000.00"`, `"amount":"100000.00","amount":"1"`, "item.value.amount"},
	} {
		t.Run(c.name, func(t *testing.T) {
			re := strictDecodeErr(t, strictMutate(t, c.old, c.new))
			if re.Field != c.field {
				t.Errorf("Field = %q, want %q (%v)", re.Field, c.field, re)
			}
			if !errors.Is(re, product.ErrDuplicate) {
				t.Errorf("%v does not wrap product.ErrDuplicate", re)
			}
		})
	}
}

// TestRequestDuplicateDestinationRepro is the review's repro: CN then JP
// used to decide the request for Japan.
func TestRequestDuplicateDestinationRepro(t *testing.T) {
	body := `{"item":{},"destination":{"country":"CN","country":"JP"}}`
	re := strictDecodeErr(t, body)
	if re.Field != "destination.country" || !errors.Is(re, product.ErrDuplicate) {
		t.Fatalf("got %q %v, want destination.country duplicate", re.Field, re)
	}
}

// TestRequestPartyDuplicateDirect: Party, Ownership and Incorporation
// decoders reject duplicates on their own, with a *product.FieldError.
func TestRequestPartyDuplicateDirect(t *testing.T) {
	for _, c := range []struct {
		body  string
		into  any
		field string
	}{
		{`{"role":"end_user","name":"a","name":"b"}`, new(Party), "name"},
		{`{"role":"end_user","ownership":[{"owner":"a","owner":"b","percent":"1"}]}`, new(Party), "ownership[0].owner"},
		{`{"destination":"RU","by_party_with_footnotes":[],"by_party_with_footnotes":[1]}`, new(Incorporation), "by_party_with_footnotes"},
		// A key spelled with an escape is the same key.
		{`{"name":"a","n\u0061me":"b"}`, new(Party), "name"},
	} {
		err := json.Unmarshal([]byte(c.body), c.into)
		fe, ok := errors.AsType[*product.FieldError](err)
		if !ok || fe.Field != c.field || !errors.Is(err, product.ErrDuplicate) {
			t.Errorf("%s: got %T %v, want a *product.FieldError %q wrapping ErrDuplicate", c.body, err, err, c.field)
		}
	}
}

// TestRequestErrorDeterministic: a request with more than one problem
// always gets the same error, the first problem in document order.
func TestRequestErrorDeterministic(t *testing.T) {
	for _, c := range []struct {
		name, old, new, field string
	}{
		{"unknown member before a duplicate", `{"as_of"`, `{"zz":1,"yy":2,"as_of"`, "zz"},
		{"bad date before unknown members", `"as_of":"2026-11-28"`, `"as_of":"2026-13-01","zz":1,"aa":2`, "as_of"},
		{"destination: region then country", `{"country":"CN"}`, `{"region":"bogus","country":"XX","city":"x"}`, "destination.region"},
		{"destination: country then unknown", `{"country":"CN"}`, `{"country":"XX","city":"x"}`, "destination.country"},
		{"options: unknown then bad value", `{"ai_diffusion":"codified","unknown_origin":"indeterminate"}`, `{"x":"y","ai_diffusion":"yes","z":1}`, "options.x"},
		{"options: bad values", `{"ai_diffusion":"codified","unknown_origin":"indeterminate"}`, `{"unknown_origin":"ignore","ai_diffusion":"yes"}`, "options.unknown_origin"},
		{"party: bad role then unknown", `"role":"end_user"`, `"role":"buyer","colour":"red","shape":1`, "parties[0].role"},
		{"ownership: unknown then bad percent", `"percent":"12.50"`, `"x":1,"percent":"5e1","y":2`, "parties[0].ownership[0].x"},
		{"member order wins over member kind", `"exported_from":"JP"`, `"exported_from":"J1","options":{"x":1}`, "exported_from"},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := strictMutate(t, c.old, c.new)
			for i := range 50 {
				re := strictDecodeErr(t, body)
				if re.Field != c.field {
					t.Fatalf("run %d: Field = %q, want %q (%v)", i, re.Field, c.field, re)
				}
			}
		})
	}
}

// TestRequestFraming: trailing data (including a stray closing brace,
// which a json.Decoder's More does not see) and empty member names.
func TestRequestFraming(t *testing.T) {
	for _, body := range []string{strictBase + "}", strictBase + " {}", strictBase + "]", strictBase + "x"} {
		re := strictDecodeErr(t, body)
		if re.Field != "" || !strings.Contains(re.Error(), "trailing") {
			t.Errorf("%q: got %q %v, want a trailing-data error of the request", body[len(body)-3:], re.Field, re)
		}
	}
	if _, err := DecodeRequest(strings.NewReader(" \n" + strictBase + "\n\t ")); err != nil {
		t.Errorf("white space around the request: %v", err)
	}
	for _, c := range []struct{ old, new, field string }{
		{`{"as_of"`, `{"":1,"as_of"`, `""`},
		{`{"country":"CN"}`, `{"country":"CN","":1}`, `destination.""`},
		{`"unknown_origin":"indeterminate"`, `"unknown_origin":"indeterminate","a.b":"c"`, `options."a.b"`},
		{`"role":"end_user"`, `"role":"end_user","":1`, `parties[0].""`},
	} {
		re := strictDecodeErr(t, strictMutate(t, c.old, c.new))
		if re.Field != c.field || !errors.Is(re, product.ErrUnknownField) {
			t.Errorf("%s: got %q %v, want %q unknown field", c.new, re.Field, re, c.field)
		}
	}
}

// strictParty is a party with every slice set, for the aliasing tests.
func strictParty() Party {
	return Party{
		Name: "p", Role: RoleEndUser, Country: jurisdiction.MustParseCountry("CN"),
		EntityListFootnotes: []int{1, 3},
		Ownership: []Ownership{
			{Owner: "o", Percent: decimal.New(60, 0), EntityListFootnotes: []int{4}},
		},
	}
}

func strictPartyJSON(t *testing.T, l Parties) string {
	t.Helper()
	b, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestPartiesOfCopiesInput: changing what was passed to PartiesOf does not
// change the list.
func TestPartiesOfCopiesInput(t *testing.T) {
	ps := []Party{strictParty()}
	l := PartiesOf(ps...)
	want := strictPartyJSON(t, l)
	ps[0].Name = "changed"
	ps[0].EntityListFootnotes[0] = 5
	ps[0].Ownership[0].Owner = "changed"
	ps[0].Ownership[0].Percent = decimal.New(1, 0)
	ps[0].Ownership[0].EntityListFootnotes[0] = 5
	if got := strictPartyJSON(t, l); got != want {
		t.Fatalf("changing PartiesOf's input changed the list:\n got %s\nwant %s", got, want)
	}
	if !l.Entries()[0].HasFootnote(1) {
		t.Fatal("footnote 1 lost")
	}
}

// TestPartiesOutputsAreCopies: changing what Entries and All return does
// not change the list.
func TestPartiesOutputsAreCopies(t *testing.T) {
	l := PartiesOf(strictParty())
	want := strictPartyJSON(t, l)

	es := l.Entries()
	es[0].EntityListFootnotes[0] = 5
	es[0].Ownership[0].EntityListFootnotes[0] = 5
	es[0].Ownership[0].Owner = "changed"
	es[0] = Party{}
	if got := strictPartyJSON(t, l); got != want {
		t.Fatalf("changing Entries' result changed the list:\n got %s\nwant %s", got, want)
	}

	for _, p := range l.All() {
		p.EntityListFootnotes[0] = 5
		p.Ownership[0].EntityListFootnotes[0] = 5
		p.Ownership[0].Percent = decimal.New(1, 0)
	}
	if got := strictPartyJSON(t, l); got != want {
		t.Fatalf("changing what All yields changed the list:\n got %s\nwant %s", got, want)
	}
}

// TestDecodedPartiesAreNotShared: parties decoded from a request are not
// changed through what Entries returns, and two requests decoded from the
// same text share nothing.
func TestDecodedPartiesAreNotShared(t *testing.T) {
	req, err := DecodeRequest(strings.NewReader(strictBase))
	if err != nil {
		t.Fatal(err)
	}
	want := strictPartyJSON(t, req.Parties)
	es := req.Parties.Entries()
	es[0].EntityListFootnotes[0] = 5
	es[0].Ownership[0].EntityListFootnotes[0] = 5
	if got := strictPartyJSON(t, req.Parties); got != want {
		t.Fatalf("changed the request's parties:\n got %s\nwant %s", got, want)
	}
}

// TestEndUsesAndIncorporationsCopy: EndUsesOf and IncorporationsOf keep
// copies, and All yields copies.
func TestEndUsesAndIncorporationsCopy(t *testing.T) {
	us := []EndUseFact{{Use: fdp.EndUseSupercomputer}}
	eu := EndUsesOf(us...)
	us[0] = EndUseFact{Use: fdp.EndUseMilitaryEndUse}
	if !eu.Has(fdp.EndUseSupercomputer) || eu.Has(fdp.EndUseMilitaryEndUse) {
		t.Fatal("changing EndUsesOf's input changed the list")
	}

	is := []Incorporation{{Destination: jurisdiction.MustParseCountry("RU"), ByPartyWithFootnotes: []int{1, 4}}}
	l := IncorporationsOf(is...)
	snapshot := func() string {
		b, err := json.Marshal(l)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	want := snapshot()
	is[0].ByPartyWithFootnotes[0] = 5
	is[0].Destination = jurisdiction.MustParseCountry("CN")
	if got := snapshot(); got != want {
		t.Fatalf("changing IncorporationsOf's input changed the list:\n got %s\nwant %s", got, want)
	}
	for _, inc := range l.All() {
		inc.ByPartyWithFootnotes[0] = 5
	}
	if got := snapshot(); got != want {
		t.Fatalf("changing what All yields changed the list:\n got %s\nwant %s", got, want)
	}
}

// strictPartyWithPercent decodes a party whose one owner has the share p
// (p is raw JSON).
func strictPartyWithPercent(p string) (Party, error) {
	var party Party
	err := json.Unmarshal([]byte(`{"role":"end_user","ownership":[{"owner":"o","percent":`+p+`}]}`), &party)
	return party, err
}

// TestOwnershipPercentSyntax: a share is a JSON string in the strict amount
// syntax of the wire format; Validate keeps it more than 0 and at most 100.
func TestOwnershipPercentSyntax(t *testing.T) {
	for _, c := range []struct {
		in, want string
		valid    bool // passes Validate
	}{
		{`"50"`, "50", true},
		{`"12.5"`, "12.5", true},
		{`"12.50"`, "12.50", true},
		{`"100"`, "100", true},
		{`"100.000"`, "100.000", true},
		{`"0.000000000000000001"`, "0.000000000000000001", true},
		// Zero parses; Validate wants a share more than 0 (a 0 % owner
		// owns nothing), as it always has.
		{`"0"`, "0", false},
		{`"-1"`, "-1", false},
		{`"100.01"`, "100.01", false},
	} {
		p, err := strictPartyWithPercent(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got := fdpFormatDecimal(p.Ownership[0].Percent); got != c.want {
			t.Errorf("%s: parsed as %s", c.in, got)
		}
		err = p.Validate()
		if c.valid != (err == nil) {
			t.Errorf("%s: Validate = %v, want valid %v", c.in, err, c.valid)
		}
		if err != nil {
			fe, ok := errors.AsType[*product.FieldError](err)
			if !ok || fe.Field != "ownership[0].percent" || !errors.Is(err, product.ErrOutOfRange) {
				t.Errorf("%s: Validate = %v, want ownership[0].percent out of range", c.in, err)
			}
		}
	}

	for _, c := range []struct {
		in     string
		amount bool // the cause is a *product.AmountError
	}{
		{`"5e1"`, true}, {`"1e-100000000"`, true}, {`"1E2"`, true}, {`"NaN"`, true}, {`"Inf"`, true},
		{`"+50"`, true}, {`" 50"`, true}, {`"５０"`, true}, {`""`, true}, {`".5"`, true},
		{`"0x10"`, true}, {`"100.0000000000000000001"`, true}, {`"` + strings.Repeat("1", 31) + `"`, true},
		{`50`, false}, {`null`, true}, {`true`, false},
	} {
		start := time.Now()
		_, err := strictPartyWithPercent(c.in)
		if d := time.Since(start); d > time.Second {
			t.Errorf("%s: took %v", c.in, d)
		}
		fe, ok := errors.AsType[*product.FieldError](err)
		if !ok || fe.Field != "ownership[0].percent" {
			t.Errorf("%s: got %T %v, want an error naming ownership[0].percent", c.in, err, err)
			continue
		}
		if _, isAmount := errors.AsType[*product.AmountError](err); isAmount != c.amount {
			t.Errorf("%s: %v: *product.AmountError in chain = %v, want %v", c.in, err, isAmount, c.amount)
		}
	}
}

// TestOwnershipPercentThroughCheck: a share's problems name the field of
// the request, at decoding for the syntax and at Check for the range.
func TestOwnershipPercentThroughCheck(t *testing.T) {
	for _, c := range []struct {
		pct   string
		stage string
		is    error
	}{
		{`"5e1"`, "decode", nil},
		{`"1e-100000000"`, "decode", nil},
		{`"NaN"`, "decode", nil},
		{`50`, "decode", nil},
		{`"-1"`, "check", product.ErrOutOfRange},
		{`"100.01"`, "check", product.ErrOutOfRange},
		{`"0"`, "check", product.ErrOutOfRange},
	} {
		body := strictMutate(t, `"percent":"12.50"`, `"percent":`+c.pct)
		req, err := DecodeRequest(strings.NewReader(body))
		stage := "decode"
		if err == nil {
			stage = "check"
			_, err = Check(req)
		}
		re, ok := errors.AsType[*product.FieldError](err)
		if !ok || stage != c.stage || re.Field != "parties[0].ownership[0].percent" {
			t.Errorf("%s: rejected at %s with %v, want rejected at %s naming parties[0].ownership[0].percent", c.pct, stage, err, c.stage)
			continue
		}
		if c.is != nil && !errors.Is(err, c.is) {
			t.Errorf("%s: %v does not wrap %v", c.pct, err, c.is)
		}
	}
	for _, pct := range []string{`"50"`, `"12.5"`, `"100"`} {
		body := strictMutate(t, `"percent":"12.50"`, `"percent":`+pct)
		req, err := DecodeRequest(strings.NewReader(body))
		if err == nil {
			_, err = Check(req)
		}
		if err != nil {
			t.Errorf("%s: %v", pct, err)
		}
	}
}

// TestOwnershipPercentGoAPIBounds: a share built in Go with a huge exponent
// or coefficient is rejected by Validate and by MarshalJSON at once,
// without printing or rescaling it.
func TestOwnershipPercentGoAPIBounds(t *testing.T) {
	huge := new(big.Int).Exp(big.NewInt(10), big.NewInt(100000), nil)
	for _, d := range []decimal.Decimal{
		decimal.New(1, -100000000),
		decimal.New(1, 100000000),
		decimal.New(1, -19),
		decimal.NewFromBigInt(huge, 0),
		decimal.NewFromBigInt(huge, -100000),
	} {
		p := Party{Role: RoleEndUser, Ownership: []Ownership{{Owner: "o", Percent: d}}}
		start := time.Now()
		err := p.Validate()
		fe, ok := errors.AsType[*product.FieldError](err)
		if !ok || fe.Field != "ownership[0].percent" || !errors.Is(err, product.ErrOutOfRange) {
			t.Errorf("exponent %d: Validate = %v, want ownership[0].percent out of range", d.Exponent(), err)
		}
		if err != nil && len(err.Error()) > 300 {
			t.Errorf("exponent %d: message of %d bytes", d.Exponent(), len(err.Error()))
		}
		if _, err := json.Marshal(p); err == nil {
			t.Errorf("exponent %d: marshaled", d.Exponent())
		}
		if el := time.Since(start); el > time.Second {
			t.Errorf("exponent %d: took %v", d.Exponent(), el)
		}
	}
	// Scales that are in the limits are fine, whichever way they were built.
	for _, d := range []decimal.Decimal{decimal.New(1, 2), decimal.New(5, 1), decimal.New(125, -1), decimal.New(1, -18)} {
		p := Party{Role: RoleEndUser, Ownership: []Ownership{{Owner: "o", Percent: d}}}
		if err := p.Validate(); err != nil {
			t.Errorf("%s: %v", fdpFormatDecimal(d), err)
		}
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatalf("%s: %v", fdpFormatDecimal(d), err)
		}
		var back Party
		if err := json.Unmarshal(b, &back); err != nil || !back.Ownership[0].Percent.Equal(d) {
			t.Errorf("%s: round trip %s -> %v %v", fdpFormatDecimal(d), b, back.Ownership, err)
		}
	}
}

// TestRequestMarshalIgnoresDecimalSettings: MarshalJSON writes shares,
// amounts and rates as JSON strings, and DecodeRequest reads the result
// back, whatever decimal's package settings are. It changes those settings,
// so it must not run in parallel.
func TestRequestMarshalIgnoresDecimalSettings(t *testing.T) {
	oldQuotes, oldTrim := decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros
	t.Cleanup(func() { decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros = oldQuotes, oldTrim })

	req, err := DecodeRequest(strings.NewReader(strictBase))
	if err != nil {
		t.Fatal(err)
	}
	want, err := json.Marshal(req)
	if err != nil {
		t.Fatal(err)
	}

	for _, settings := range []struct {
		quotes, trim bool
	}{{true, true}, {true, false}, {false, false}} {
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros = settings.quotes, settings.trim
		b, err := json.Marshal(req)
		if err != nil {
			t.Fatalf("%+v: %v", settings, err)
		}
		for _, s := range []string{`"percent":"12.50"`, `"amount":"100000.00"`, `"amount":"20000.00"`, `"rate":"1.085`} {
			if !bytes.Contains(b, []byte(s)) {
				t.Errorf("%+v: %s lacks %s", settings, b, s)
			}
		}
		back, err := DecodeRequest(bytes.NewReader(b))
		if err != nil {
			t.Fatalf("%+v: %s does not decode: %v", settings, b, err)
		}
		pct := back.Parties.Entries()[0].Ownership[0].Percent
		if !pct.Equal(decimal.New(125, -1)) || pct.Exponent() != -2 {
			t.Errorf("%+v: share came back as %s (exponent %d)", settings, fdpFormatDecimal(pct), pct.Exponent())
		}
		if !back.Item.Value.Equal(req.Item.Value) {
			t.Errorf("%+v: item value came back as %v", settings, back.Item.Value)
		}
		rs := back.ExchangeRates.All()
		if len(rs) != 1 || !rs[0].Rate.Equal(decimal.New(10850, -4)) {
			t.Errorf("%+v: rates came back as %+v", settings, rs)
		}
		decimal.MarshalJSONWithoutQuotes, decimal.TrimTrailingZeros = oldQuotes, oldTrim
		again, err := json.Marshal(back)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(again, want) {
			t.Errorf("%+v: round trip changed the request:\n got %s\nwant %s", settings, again, want)
		}
	}
}

// TestRequestExchangeRatesField: an error inside exchange_rates names the
// member the rates name, not just "exchange_rates".
func TestRequestExchangeRatesField(t *testing.T) {
	for _, c := range []struct{ old, new, field string }{
		{`"rate":"1.0850"`, `"rate":"-1"`, "exchange_rates.rates[0].rate"},
		{`"rate":"1.0850"`, `"rate":"1e999999"`, "exchange_rates.rates[0].rate"},
		{`"from":"EUR"`, `"from":"EUX"`, "exchange_rates.rates[0].from"},
		{`"date":"2026-11-01"`, `"date":"2026-13-01"`, "exchange_rates.date"},
		{`"exchange_rates":{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.0850"}]}`, `"exchange_rates":[]`, "exchange_rates"},
	} {
		re := strictDecodeErr(t, strictMutate(t, c.old, c.new))
		if re.Field != c.field {
			t.Errorf("%s: Field = %q, want %q (%v)", c.new, re.Field, c.field, re)
		}
		if re.Code() == "" {
			t.Errorf("%s: %v has no code", c.new, re)
		}
	}
}

// lyingReader says it holds fewer bytes than it does.
type lyingReader struct{ *strings.Reader }

func (r lyingReader) Len() int { return 3 }

// TestReadRequestSizes: a reader that says its length is read into a
// buffer of that size, and what it holds beyond it is read too; a body
// over the limit is refused whichever way it is read.
func TestReadRequestSizes(t *testing.T) {
	body := strings.Repeat("x", 1000)
	for _, r := range []io.Reader{strings.NewReader(body), bytes.NewReader([]byte(body)), lyingReader{strings.NewReader(body)}, io.MultiReader(strings.NewReader(body))} {
		got, err := readRequest(r)
		if err != nil || string(got) != body {
			t.Errorf("%T: %d bytes, %v", r, len(got), err)
		}
	}
	big := strings.Repeat("x", maxRequestBytes+10)
	for _, r := range []io.Reader{strings.NewReader(big), lyingReader{strings.NewReader(big)}} {
		got, err := readRequest(r)
		if err != nil || len(got) != maxRequestBytes+1 {
			t.Errorf("%T over the limit: %d bytes, %v", r, len(got), err)
		}
	}
	if _, err := DecodeRequest(strings.NewReader(big)); err == nil || !strings.Contains(err.Error(), "larger than") {
		t.Errorf("a body over the limit: %v", err)
	}
}
