package license

import (
	"encoding/json"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// badInputBase is a small valid request in the wire format (after DM-001 of
// testdata/deminimis.json): a Japanese 2B991 controller with one US-origin
// 3A001.a.7 line, to China, with one declared party. Every bad input below
// changes one thing in it.
const badInputBase = `{"as_of":"2026-11-28",` +
	`"item":{"id":"X","description":"d","eccn":"2B991","kind":"commodity","produced_in":"JP",` +
	`"value":{"amount":"100000.00","currency":"USD"},` +
	`"components":[{"id":"c1","description":"FPGA","eccn":"3A001.a.7","origin":"us",` +
	`"value":{"amount":"20000.00","currency":"USD"},"quantity":"1","relation":"incorporated"}],` +
	`"direct_product_of":[],"plant":{"direct_product_of":[]}},` +
	`"exported_from":"JP","destination":{"country":"CN"},` +
	`"parties":[{"name":"n","role":"end_user","country":"CN","entity_list_footnotes":[],"headquartered_in":"CN","ownership":[]}],` +
	`"end_uses":[],"incorporations":[],` +
	`"options":{"ai_diffusion":"codified","unknown_origin":"indeterminate"}}`

// badInputRatesAt is the member of badInputBase after which a case adds
// "exchange_rates".
const badInputRatesAt = `"incorporations":[]`

// badInputStage is where a bad input must be rejected.
type badInputStage string

const (
	atDecode badInputStage = "DecodeRequest" // rejected while decoding
	atCheck  badInputStage = "Check"         // decodes, and Check rejects it
)

// mutateBadInput returns badInputBase with the one occurrence of old
// replaced by new; it fails the test if old does not occur exactly once.
func mutateBadInput(t *testing.T, old, new string) string {
	t.Helper()
	if n := strings.Count(badInputBase, old); n != 1 {
		t.Fatalf("mutation %q occurs %d times in the base request, want 1", old, n)
	}
	return strings.Replace(badInputBase, old, new, 1)
}

// isType returns a check that err has a T in its chain.
func isType[T error]() func(error) bool {
	return func(err error) bool {
		_, ok := errors.AsType[T](err)
		return ok
	}
}

// badInputResult decodes and checks body, recovering a panic as a failure.
func badInputResult(t *testing.T, body io.Reader) (stage badInputStage, err error) {
	t.Helper()
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("panic: %v", r)
		}
	}()
	req, err := DecodeRequest(body)
	if err != nil {
		return atDecode, err
	}
	_, err = Check(req)
	return atCheck, err
}

// TestBadInputs feeds DecodeRequest and Check one kind of bad input per
// case, each a one-change mutation of a small valid request: malformed and
// trailing JSON, oversized bodies, unknown and repeated members at every
// level (request, item, line, value, plant, lineage, destination, party,
// ownership, incorporation, options), amounts that are JSON numbers or not
// in the strict decimal syntax (exponents such as 1e999999, NaN, Inf, hex,
// digit grouping, signs, spaces, too many digits), values out of range
// (zero, negative and "-0" item values, negative line values, zero and
// negative quantities, footnotes, ownership shares), currencies (unknown,
// lower case, missing, mixed without a rate), countries and regions, ECCNs
// (short, trailing dot, bad product group, too deep, leading zero), dates
// (no such day, wrong layout, out of range, before the data floor), HTS
// codes, every enumeration (kind, origin, relation, encryption, role, end
// use, options), facts that contradict each other, and missing required
// facts (item value, produced_in, destination, line id, origin, relation,
// party role, owner).
//
// For each it asserts the stage that rejects it, that the error is a
// *product.FieldError, its exact Field and Code, that its message has the
// one prefix "ear: ", and the sentinel (product.ErrMissing and
// the others) or typed cause (*product.AmountError, *jurisdiction.DateError,
// ...) it carries where one exists.
func TestBadInputs(t *testing.T) {
	type tc struct {
		name     string
		old, new string                  // mutation of badInputBase
		body     func() io.Reader        // instead of a mutation
		stage    badInputStage           // where it is rejected
		field    string                  // FieldError.Field, exactly
		code     string                  // FieldError.Code, exactly
		sentinel error                   // errors.Is target, if any
		cause    func(error) bool        // typed cause, if any
		causeIs  string                  // name of the typed cause, for messages
		extra    func(*testing.T, error) // further checks, if any
	}
	amount := isType[*product.AmountError]()
	country := isType[*jurisdiction.CountryError]()
	eccn := isType[*product.ECCNError]()
	enum := isType[*product.EnumError]()
	date := isType[*jurisdiction.DateError]()
	hts := isType[*product.HTSError]()
	currency := isType[*product.CurrencyError]()
	jsonType := isType[*json.UnmarshalTypeError]()
	dest := isType[*jurisdiction.DestinationError]()
	rate := func(r string) (string, string) {
		return badInputRatesAt, badInputRatesAt + `,"exchange_rates":{"date":"2026-11-01","rates":[` + r + `]}`
	}
	ratesOld, badRate := rate(`{"from":"EUR","to":"USD","rate":"-1"}`)
	_, badRateCur := rate(`{"from":"EUX","to":"USD","rate":"1.1"}`)
	_, sameCur := rate(`{"from":"USD","to":"USD","rate":"1.1"}`)
	_, rateExp := rate(`{"from":"EUR","to":"USD","rate":"1e999999"}`)

	cases := []tc{
		// JSON syntax and framing.
		{name: "truncated JSON", body: func() io.Reader { return strings.NewReader(badInputBase[:40]) },
			stage: atDecode, field: "", code: "malformed", sentinel: io.ErrUnexpectedEOF},
		{name: "JSON syntax error", body: func() io.Reader { return strings.NewReader(`{"as_of" "2026-11-28"}`) },
			stage: atDecode, field: "", code: "malformed", cause: isType[*json.SyntaxError](), causeIs: "*json.SyntaxError"},
		{name: "not JSON", body: func() io.Reader { return strings.NewReader(`as_of=2026-11-28&destination=CN`) },
			stage: atDecode, field: "", code: "malformed", sentinel: product.ErrMalformed},
		{name: "not an object", body: func() io.Reader { return strings.NewReader(`[` + badInputBase + `]`) },
			stage: atDecode, field: "", code: "malformed"},
		{name: "empty body", body: func() io.Reader { return strings.NewReader(" \n") },
			stage: atDecode, field: "", code: "malformed"},
		{name: "trailing data", body: func() io.Reader { return strings.NewReader(badInputBase + ` {}`) },
			stage: atDecode, field: "", code: "malformed", extra: wantMessage("trailing")},
		{name: "nesting deeper than the JSON decoder allows", body: func() io.Reader {
			return strings.NewReader(`{"foo":` + strings.Repeat("[", 10001) + strings.Repeat("]", 10001) + `}`)
		}, stage: atDecode, field: "", code: "malformed", extra: wantMessage("max depth")},
		{name: "body over 64 MiB", body: func() io.Reader {
			return io.MultiReader(strings.NewReader(`{"item":{"description":"`), io.LimitReader(zeroReader{}, maxRequestBytes))
		}, stage: atDecode, field: "", code: "malformed", extra: wantMessage("larger than")},

		// Unknown members, at every level.
		{name: "unknown member at top level", old: `"as_of":"2026-11-28"`, new: `"as_of":"2026-11-28","foo":1`,
			stage: atDecode, field: "foo", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of item", old: `"id":"X"`, new: `"id":"X","colour":"red"`,
			stage: atDecode, field: "item.colour", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of a line", old: `"id":"c1"`, new: `"id":"c1","colour":"red"`,
			stage: atDecode, field: "item.components[0].colour", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of a value", old: `"amount":"100000.00"`, new: `"amount":"100000.00","x":1`,
			stage: atDecode, field: "item.value.x", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of plant", old: `"plant":{"direct_product_of":[]}`, new: `"plant":{"direct_product_of":[],"x":1}`,
			stage: atDecode, field: "item.plant.x", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of a lineage entry", old: `"direct_product_of":[],"plant"`,
			new:   `"direct_product_of":[{"eccn":"3E001","origin":"us","x":1}],"plant"`,
			stage: atDecode, field: "item.direct_product_of[0].x", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of destination", old: `{"country":"CN"}`, new: `{"country":"CN","city":"x"}`,
			stage: atDecode, field: "destination.city", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of a party", old: `"name":"n"`, new: `"name":"n","colour":"red"`,
			stage: atDecode, field: "parties[0].colour", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of an ownership entry", old: `"ownership":[]`, new: `"ownership":[{"owner":"o","percent":"50","x":1}]`,
			stage: atDecode, field: "parties[0].ownership[0].x", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of an incorporation", old: `"incorporations":[]`, new: `"incorporations":[{"x":1}]`,
			stage: atDecode, field: "incorporations[0].x", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of options", old: `"unknown_origin":"indeterminate"`, new: `"unknown_origin":"indeterminate","x":"y"`,
			stage: atDecode, field: "options.x", code: "unknown_field", sentinel: product.ErrUnknownField},
		{name: "unknown member of exchange_rates", old: ratesOld, new: ratesOld + `,"exchange_rates":{"date":"2026-11-01","rates":[],"x":1}`,
			stage: atDecode, field: "exchange_rates.x", code: "unknown_field"},

		// Repeated members.
		{name: "member of item given twice", old: `"id":"X"`, new: `"id":"X","id":"Y"`,
			stage: atDecode, field: "item.id", code: "duplicate", sentinel: product.ErrDuplicate},
		{name: "member of a value given twice", old: `"amount":"100000.00"`, new: `"amount":"100000.00","amount":"5"`,
			stage: atDecode, field: "item.value.amount", code: "duplicate", sentinel: product.ErrDuplicate},
		{name: "member of destination given twice", old: `{"country":"CN"}`, new: `{"country":"CN","country":"DE"}`,
			stage: atDecode, field: "destination.country", code: "duplicate", sentinel: product.ErrDuplicate},
		{name: "member of the request given twice", old: `"as_of":"2026-11-28"`, new: `"as_of":"2026-11-28","as_of":"2026-11-29"`,
			stage: atDecode, field: "as_of", code: "duplicate", sentinel: product.ErrDuplicate},
		{name: "member of options given twice", old: `"unknown_origin":"indeterminate"`, new: `"unknown_origin":"indeterminate","unknown_origin":"controlled"`,
			stage: atDecode, field: "options.unknown_origin", code: "duplicate", sentinel: product.ErrDuplicate},
		{name: "member of a party given twice", old: `"role":"end_user"`, new: `"role":"end_user","role":"purchaser"`,
			stage: atDecode, field: "parties[0].role", code: "duplicate", sentinel: product.ErrDuplicate},

		// Amounts: JSON type and the strict decimal syntax.
		{name: "amount as a JSON number", old: `"amount":"100000.00"`, new: `"amount":100000.00`,
			stage: atDecode, field: "item.value.amount", code: "malformed"},
		{name: "amount with huge exponent", old: `"amount":"100000.00"`, new: `"amount":"1e999999"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount NaN", old: `"amount":"100000.00"`, new: `"amount":"NaN"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount Inf", old: `"amount":"100000.00"`, new: `"amount":"+Inf"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount in hex", old: `"amount":"100000.00"`, new: `"amount":"0x10"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount with digit grouping", old: `"amount":"100000.00"`, new: `"amount":"100_000"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount with leading plus", old: `"amount":"100000.00"`, new: `"amount":"+100000"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount with surrounding space", old: `"amount":"100000.00"`, new: `"amount":" 100000.00"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount empty", old: `"amount":"100000.00"`, new: `"amount":""`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount with too many digits", old: `"amount":"100000.00"`, new: `"amount":"` + strings.Repeat("9", 200) + `"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "amount with too many decimals", old: `"amount":"100000.00"`, new: `"amount":"1.1234567890123456789"`,
			stage: atDecode, field: "item.value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "line amount with full-width digits", old: `"amount":"20000.00"`, new: `"amount":"２００００"`,
			stage: atDecode, field: "item.components[0].value.amount", code: "invalid", cause: amount, causeIs: "*product.AmountError"},

		// Amounts and quantities out of range.
		{name: "item value -0", old: `"amount":"100000.00"`, new: `"amount":"-0"`,
			stage: atCheck, field: "item.value.amount", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "item value zero", old: `"amount":"100000.00"`, new: `"amount":"0.00"`,
			stage: atCheck, field: "item.value.amount", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "item value negative", old: `"amount":"100000.00"`, new: `"amount":"-5.00"`,
			stage: atCheck, field: "item.value.amount", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "line value negative", old: `"amount":"20000.00"`, new: `"amount":"-1.00"`,
			stage: atCheck, field: "item.components[0].value.amount", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "quantity negative", old: `"quantity":"1"`, new: `"quantity":"-2"`,
			stage: atCheck, field: "item.components[0].quantity", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "quantity zero", old: `"quantity":"1"`, new: `"quantity":"0.000"`,
			stage: atCheck, field: "item.components[0].quantity", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "quantity as a JSON number", old: `"quantity":"1"`, new: `"quantity":1`,
			stage: atDecode, field: "item.components[0].quantity", code: "malformed"},
		{name: "quantity with huge exponent", old: `"quantity":"1"`, new: `"quantity":"1e999999"`,
			stage: atDecode, field: "item.components[0].quantity", code: "invalid", cause: amount, causeIs: "*product.AmountError"},

		// Currencies and exchange rates.
		{name: "unknown currency", old: `"amount":"100000.00","currency":"USD"`, new: `"amount":"100000.00","currency":"XYZ"`,
			stage: atDecode, field: "item.value.currency", code: "invalid", cause: currency, causeIs: "*product.CurrencyError"},
		{name: "currency missing", old: `"amount":"100000.00","currency":"USD"`, new: `"amount":"100000.00"`,
			stage: atDecode, field: "item.value.currency", code: "missing", sentinel: product.ErrMissing},
		{name: "amount missing", old: `"amount":"100000.00","currency":"USD"`, new: `"currency":"USD"`,
			stage: atDecode, field: "item.value.amount", code: "missing", sentinel: product.ErrMissing},
		{name: "mixed currencies without a rate", old: `"amount":"20000.00","currency":"USD"`, new: `"amount":"20000.00","currency":"EUR"`,
			stage: atCheck, field: "item.components[0].value.currency", code: "no_rate"},
		{name: "exchange_rates not an object", old: badInputRatesAt, new: badInputRatesAt + `,"exchange_rates":[]`,
			stage: atDecode, field: "exchange_rates", code: "malformed"},
		{name: "exchange rate not positive", old: ratesOld, new: badRate,
			stage: atDecode, field: "exchange_rates.rates[0].rate", code: "out_of_range"},
		{name: "exchange rate with huge exponent", old: ratesOld, new: rateExp,
			stage: atDecode, field: "exchange_rates.rates[0].rate", code: "invalid"},
		{name: "exchange rate from unknown currency", old: ratesOld, new: badRateCur,
			stage: atDecode, field: "exchange_rates.rates[0].from", code: "invalid"},
		{name: "exchange rate between one currency", old: ratesOld, new: sameCur,
			stage: atDecode, field: "exchange_rates.rates[0]", code: "inconsistent"},
		{name: "exchange_rates date invalid", old: ratesOld, new: ratesOld + `,"exchange_rates":{"date":"2026-13-01","rates":[]}`,
			stage: atDecode, field: "exchange_rates.date", code: "invalid"},

		// Countries, destinations and regions.
		{name: "unknown country code", old: `"produced_in":"JP"`, new: `"produced_in":"XX"`,
			stage: atDecode, field: "item.produced_in", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "three-letter country code", old: `"produced_in":"JP"`, new: `"produced_in":"JPN"`,
			stage: atDecode, field: "item.produced_in", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "full-width country code", old: `"produced_in":"JP"`, new: `"produced_in":"ＪＰ"`,
			stage: atDecode, field: "item.produced_in", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "unknown exported_from", old: `"exported_from":"JP"`, new: `"exported_from":"ZZ"`,
			stage: atDecode, field: "exported_from", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "unknown destination country", old: `{"country":"CN"}`, new: `{"country":"QQ"}`,
			stage: atDecode, field: "destination.country", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "destination country not a string", old: `{"country":"CN"}`, new: `{"country":5}`,
			stage: atDecode, field: "destination.country", code: "malformed"},
		{name: "destination not an object", old: `"destination":{"country":"CN"}`, new: `"destination":[]`,
			stage: atDecode, field: "destination", code: "malformed"},
		{name: "destination missing", old: `"destination":{"country":"CN"},`, new: ``,
			stage: atCheck, field: "destination.country", code: "missing", sentinel: product.ErrMissing},
		{name: "unknown region", old: `{"country":"CN"}`, new: `{"country":"UA","region":"kyiv"}`,
			stage: atDecode, field: "destination.region", code: "invalid", cause: isType[*jurisdiction.RegionError](), causeIs: "*jurisdiction.RegionError"},
		{name: "region of another country", old: `{"country":"CN"}`, new: `{"country":"RU","region":"crimea"}`,
			stage: atDecode, field: "destination.region", code: "invalid", cause: dest, causeIs: "*jurisdiction.DestinationError"},
		{name: "region without a country", old: `{"country":"CN"}`, new: `{"region":"crimea"}`,
			stage: atDecode, field: "destination.country", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},

		// ECCNs.
		{name: "ECCN too short", old: `"eccn":"2B991"`, new: `"eccn":"3A09"`,
			stage: atDecode, field: "item.eccn", code: "invalid", cause: eccn, causeIs: "*product.ECCNError"},
		{name: "ECCN with trailing dot", old: `"eccn":"2B991"`, new: `"eccn":"3A090."`,
			stage: atDecode, field: "item.eccn", code: "invalid", cause: eccn, causeIs: "*product.ECCNError"},
		{name: "ECCN product group Z", old: `"eccn":"2B991"`, new: `"eccn":"3Z001"`,
			stage: atDecode, field: "item.eccn", code: "invalid", cause: eccn, causeIs: "*product.ECCNError"},
		{name: "ECCN paragraph path 13 deep", old: `"eccn":"2B991"`, new: `"eccn":"3A090.a.1.b.2.c.3.d.4.e.5.f.6.g"`,
			stage: atDecode, field: "item.eccn", code: "invalid", cause: eccn, causeIs: "*product.ECCNError"},
		{name: "ECCN paragraph with leading zero", old: `"eccn":"2B991"`, new: `"eccn":"3A001.a.01"`,
			stage: atDecode, field: "item.eccn", code: "invalid", cause: eccn, causeIs: "*product.ECCNError"},
		{name: "line ECCN malformed", old: `"eccn":"3A001.a.7"`, new: `"eccn":"3A001.a.7."`,
			stage: atDecode, field: "item.components[0].eccn", code: "invalid", cause: eccn, causeIs: "*product.ECCNError"},
		{name: "lineage for-ECCN malformed", old: `"direct_product_of":[],"plant"`,
			new:   `"direct_product_of":[{"eccn":"3E001","origin":"us","for":"3Z001"}],"plant"`,
			stage: atDecode, field: "item.direct_product_of[0].for", code: "invalid", cause: eccn, causeIs: "*product.ECCNError"},

		// Dates.
		{name: "date with no such day", old: `"as_of":"2026-11-28"`, new: `"as_of":"2026-02-30"`,
			stage: atDecode, field: "as_of", code: "invalid", cause: date, causeIs: "*jurisdiction.DateError"},
		{name: "date with a time", old: `"as_of":"2026-11-28"`, new: `"as_of":"2026-11-28T00:00:00Z"`,
			stage: atDecode, field: "as_of", code: "invalid", cause: date, causeIs: "*jurisdiction.DateError"},
		{name: "date year out of range", old: `"as_of":"2026-11-28"`, new: `"as_of":"1800-01-01"`,
			stage: atDecode, field: "as_of", code: "invalid", cause: date, causeIs: "*jurisdiction.DateError"},
		{name: "date as a JSON number", old: `"as_of":"2026-11-28"`, new: `"as_of":20261128`,
			stage: atDecode, field: "as_of", code: "malformed"},
		{name: "as_of before 2020", old: `"as_of":"2026-11-28"`, new: `"as_of":"2019-12-31"`,
			stage: atCheck, field: "as_of", code: "date_out_of_range", sentinel: product.ErrDateOutOfRange},
		{name: "date empty", old: `"as_of":"2026-11-28"`, new: `"as_of":""`,
			stage: atCheck, field: "as_of", code: "missing", sentinel: product.ErrMissing},
		{name: "as_of absent", old: `"as_of":"2026-11-28",`, new: ``,
			stage: atCheck, field: "as_of", code: "missing", sentinel: product.ErrMissing},
		{name: "destination the United States", old: `"destination":{"country":"CN"}`, new: `"destination":{"country":"US"}`,
			stage: atDecode, field: "destination.country", code: "not_an_export", sentinel: product.ErrNotAnExport},
		{name: "destination Puerto Rico (772.1)", old: `"destination":{"country":"CN"}`, new: `"destination":{"country":"PR"}`,
			stage: atDecode, field: "destination.country", code: "not_an_export", sentinel: product.ErrNotAnExport},
		{name: "destination Guam (772.1)", old: `"destination":{"country":"CN"}`, new: `"destination":{"country":"gu"}`,
			stage: atDecode, field: "destination.country", code: "not_an_export", sentinel: product.ErrNotAnExport},
		{name: "destination a code of no country", old: `"destination":{"country":"CN"}`, new: `"destination":{"country":"QZ"}`,
			stage: atDecode, field: "destination.country", code: "invalid"},
		{name: "one-time report without filed_on", old: `"kind":"commodity"`, new: `"kind":"commodity","one_time_report":{"objection":false}`,
			stage: atDecode, field: "item.one_time_report.filed_on", code: "missing", sentinel: product.ErrMissing},

		// HTS codes.
		{name: "HTS with letters", old: `"kind":"commodity"`, new: `"kind":"commodity","hts":"abc"`,
			stage: atDecode, field: "item.hts", code: "invalid", cause: hts, causeIs: "*product.HTSError"},
		{name: "HTS too short", old: `"kind":"commodity"`, new: `"kind":"commodity","hts":"84"`,
			stage: atDecode, field: "item.hts", code: "invalid", cause: hts, causeIs: "*product.HTSError"},
		{name: "HTS with misplaced dot", old: `"kind":"commodity"`, new: `"kind":"commodity","hts":"8471.30.0100.99.99"`,
			stage: atDecode, field: "item.hts", code: "invalid", cause: hts, causeIs: "*product.HTSError"},

		// Enumerations.
		{name: "unknown kind", old: `"kind":"commodity"`, new: `"kind":"hardware"`,
			stage: atDecode, field: "item.kind", code: "invalid", cause: isType[*product.KindError](), causeIs: "*product.KindError"},
		{name: "origin not a word of the enumeration", old: `"origin":"us"`, new: `"origin":"usa"`,
			stage: atDecode, field: "item.components[0].origin", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "lineage origin unknown word", old: `"direct_product_of":[],"plant"`,
			new:   `"direct_product_of":[{"eccn":"3E001","origin":"mars"}],"plant"`,
			stage: atDecode, field: "item.direct_product_of[0].origin", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "plant lineage origin unknown word", old: `"plant":{"direct_product_of":[]}`,
			new:   `"plant":{"direct_product_of":[{"eccn":"3E001","origin":"bogus"}]}`,
			stage: atDecode, field: "item.plant.direct_product_of[0].origin", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "unknown relation", old: `"relation":"incorporated"`, new: `"relation":"embedded"`,
			stage: atDecode, field: "item.components[0].relation", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "unknown encryption status", old: `"relation":"incorporated"`, new: `"relation":"incorporated","encryption":"strong"`,
			stage: atDecode, field: "item.components[0].encryption", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "unknown party role", old: `"role":"end_user"`, new: `"role":"buyer"`,
			stage: atDecode, field: "parties[0].role", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "unknown end use", old: `"end_uses":[]`, new: `"end_uses":["weapons"]`,
			stage: atDecode, field: "end_uses[0]", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "end use not a string", old: `"end_uses":[]`, new: `"end_uses":[5]`,
			stage: atDecode, field: "end_uses[0]", code: "malformed"},
		{name: "end use object without use", old: `"end_uses":[]`, new: `"end_uses":[{"located_in":"CN"}]`,
			stage: atDecode, field: "end_uses[0].use", code: "missing"},
		{name: "end use object with unknown member", old: `"end_uses":[]`, new: `"end_uses":[{"use":"supercomputer","where":"CN"}]`,
			stage: atDecode, field: "end_uses[0].where", code: "unknown_field"},
		{name: "end use located in nowhere", old: `"end_uses":[]`, new: `"end_uses":[{"use":"supercomputer","located_in":"QQ"}]`,
			stage: atDecode, field: "end_uses[0].located_in", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "end_uses not an array", old: `"end_uses":[]`, new: `"end_uses":{}`,
			stage: atDecode, field: "end_uses", code: "malformed"},
		{name: "unknown ai_diffusion reading", old: `"ai_diffusion":"codified"`, new: `"ai_diffusion":"yes"`,
			stage: atDecode, field: "options.ai_diffusion", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "option not a string", old: `"ai_diffusion":"codified"`, new: `"ai_diffusion":1`,
			stage: atDecode, field: "options.ai_diffusion", code: "malformed"},
		{name: "unknown unknown_origin policy", old: `"unknown_origin":"indeterminate"`, new: `"unknown_origin":"ignore"`,
			stage: atDecode, field: "options.unknown_origin", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		// Facts the Commerce Control List contradicts.
		{name: "a paragraph 3A090 does not have", old: `"eccn":"2B991"`, new: `"eccn":"3A090.d"`,
			stage: atCheck, field: "item.eccn", code: "invalid", sentinel: product.ErrInvalid},
		{name: "a line in a paragraph 4A090 does not have", old: `"eccn":"3A001.a.7"`, new: `"eccn":"4A090.z"`,
			stage: atCheck, field: "item.components[0].eccn", code: "invalid", sentinel: product.ErrInvalid},
		{name: "a line in a reserved paragraph", old: `"eccn":"3A001.a.7"`, new: `"eccn":"3B993.a"`,
			stage: atCheck, field: "item.components[0].eccn", code: "invalid", sentinel: product.ErrInvalid},
		{name: "a 3A991.a line declared not an integrated circuit", old: `"eccn":"3A001.a.7","origin":"us"`, new: `"eccn":"3A991.a.2","origin":"us","integrated_circuit":false`,
			stage: atCheck, field: "item.components[0].integrated_circuit", code: "inconsistent", sentinel: product.ErrInconsistent},
		{name: "unknown affiliates policy", old: `"unknown_origin":"indeterminate"`, new: `"unknown_origin":"indeterminate","affiliates":"ignored"`,
			stage: atDecode, field: "options.affiliates", code: "invalid", cause: enum, causeIs: "*product.EnumError"},
		{name: "boolean given as a string", old: `"relation":"incorporated"`, new: `"relation":"incorporated","license_required":"yes"`,
			stage: atDecode, field: "item.components[0].license_required", code: "malformed"},
		{name: "food_or_medicine given as a string", old: `"kind":"commodity"`, new: `"kind":"commodity","food_or_medicine":"yes"`,
			stage: atDecode, field: "item.food_or_medicine", code: "malformed"},

		// Facts that contradict each other.
		{name: "kind contradicts ECCN", old: `"kind":"commodity"`, new: `"kind":"software"`,
			stage: atCheck, field: "item.kind", code: "inconsistent", sentinel: product.ErrInconsistent},
		{name: "software relation for a commodity line", old: `"relation":"incorporated"`, new: `"relation":"bundled"`,
			stage: atCheck, field: "item.components[0].relation", code: "inconsistent", sentinel: product.ErrInconsistent},
		{name: "encryption status outside Category 5", old: `"relation":"incorporated"`, new: `"relation":"incorporated","encryption":"mass_market"`,
			stage: atCheck, field: "item.components[0].encryption", code: "inconsistent", sentinel: product.ErrInconsistent},
		{name: "line origin for lineage only", old: `"origin":"us"`, new: `"origin":"foreign_subject_to_ear"`,
			stage: atCheck, field: "item.components[0].origin", code: "invalid", sentinel: product.ErrInvalid},
		{name: "lineage entry a commodity", old: `"direct_product_of":[],"plant"`,
			new:   `"direct_product_of":[{"eccn":"3A001","origin":"us"}],"plant"`,
			stage: atCheck, field: "item.direct_product_of[0].eccn", code: "inconsistent", sentinel: product.ErrInconsistent},
		{name: "one-time report for a commodity", old: `"kind":"commodity"`, new: `"kind":"commodity","one_time_report":{"filed_on":"2026-01-01","objection":false}`,
			stage: atCheck, field: "item.one_time_report", code: "inconsistent", sentinel: product.ErrInconsistent},
		{name: "duplicate line ids", old: `"relation":"incorporated"}]`,
			new:   `"relation":"incorporated"},{"id":"c1","eccn":"EAR99","origin":"foreign","value":{"amount":"1.00","currency":"USD"},"relation":"incorporated"}]`,
			stage: atCheck, field: "item.components[1].id", code: "duplicate", sentinel: product.ErrDuplicate},

		// Parties and incorporations.
		{name: "Entity List footnote out of range", old: `"entity_list_footnotes":[]`, new: `"entity_list_footnotes":[7]`,
			stage: atCheck, field: "parties[0].entity_list_footnotes[0]", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "Entity List footnote as a string", old: `"entity_list_footnotes":[]`, new: `"entity_list_footnotes":["4"]`,
			stage: atDecode, field: "parties[0].entity_list_footnotes[0]", code: "malformed", cause: jsonType, causeIs: "*json.UnmarshalTypeError"},
		{name: "Entity List footnote null", old: `"entity_list_footnotes":[]`, new: `"entity_list_footnotes":[null]`,
			stage: atDecode, field: "parties[0].entity_list_footnotes[0]", code: "malformed"},
		{name: "Entity List footnote not whole", old: `"entity_list_footnotes":[]`, new: `"entity_list_footnotes":[4,1.5]`,
			stage: atDecode, field: "parties[0].entity_list_footnotes[1]", code: "malformed"},
		{name: "party country malformed", old: `"country":"CN","entity`, new: `"country":"C1","entity`,
			stage: atDecode, field: "parties[0].country", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "party government_of unknown", old: `"headquartered_in":"CN"`, new: `"headquartered_in":"CN","government_of":"XX"`,
			stage: atDecode, field: "parties[0].government_of", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "party name not a string", old: `"name":"n"`, new: `"name":5`,
			stage: atDecode, field: "parties[0].name", code: "malformed", cause: jsonType, causeIs: "*json.UnmarshalTypeError"},
		{name: "party null", old: `"parties":[`, new: `"parties":[null,`,
			stage: atDecode, field: "parties[0]", code: "malformed"},
		{name: "ownership share over 100", old: `"ownership":[]`, new: `"ownership":[{"owner":"o","percent":"150"}]`,
			stage: atCheck, field: "parties[0].ownership[0].percent", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "ownership share -0", old: `"ownership":[]`, new: `"ownership":[{"owner":"o","percent":"-0"}]`,
			stage: atCheck, field: "parties[0].ownership[0].percent", code: "out_of_range", sentinel: product.ErrOutOfRange},
		{name: "party role null", old: `"role":"end_user"`, new: `"role":null`,
			stage: atCheck, field: "parties[0].role", code: "missing", sentinel: product.ErrMissing},
		{name: "item absent", old: `"item":{"id":"X","description":"d","eccn":"2B991","kind":"commodity","produced_in":"JP",` +
			`"value":{"amount":"100000.00","currency":"USD"},` +
			`"components":[{"id":"c1","description":"FPGA","eccn":"3A001.a.7","origin":"us",` +
			`"value":{"amount":"20000.00","currency":"USD"},"quantity":"1","relation":"incorporated"}],` +
			`"direct_product_of":[],"plant":{"direct_product_of":[]}},`, new: ``,
			stage: atCheck, field: "item", code: "missing", sentinel: product.ErrMissing},
		{name: "item null", old: `"item":{"id":"X","description":"d","eccn":"2B991","kind":"commodity","produced_in":"JP",` +
			`"value":{"amount":"100000.00","currency":"USD"},` +
			`"components":[{"id":"c1","description":"FPGA","eccn":"3A001.a.7","origin":"us",` +
			`"value":{"amount":"20000.00","currency":"USD"},"quantity":"1","relation":"incorporated"}],` +
			`"direct_product_of":[],"plant":{"direct_product_of":[]}},`, new: `"item":null,`,
			stage: atCheck, field: "item", code: "missing", sentinel: product.ErrMissing},
		{name: "ownership share absent", old: `"ownership":[]`, new: `"ownership":[{"owner":"o","entity_list_footnotes":[1]}]`,
			stage: atCheck, field: "parties[0].ownership[0].percent", code: "missing", sentinel: product.ErrMissing},
		{name: "ownership share with exponent", old: `"ownership":[]`, new: `"ownership":[{"owner":"o","percent":"1e2"}]`,
			stage: atDecode, field: "parties[0].ownership[0].percent", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "ownership share NaN", old: `"ownership":[]`, new: `"ownership":[{"owner":"o","percent":"NaN"}]`,
			stage: atDecode, field: "parties[0].ownership[0].percent", code: "invalid", cause: amount, causeIs: "*product.AmountError"},
		{name: "ownership share as a JSON number", old: `"ownership":[]`, new: `"ownership":[{"owner":"o","percent":50}]`,
			stage: atDecode, field: "parties[0].ownership[0].percent", code: "malformed"},
		{name: "incorporation destination unknown", old: `"incorporations":[]`, new: `"incorporations":[{"destination":"XX"}]`,
			stage: atDecode, field: "incorporations[0].destination", code: "invalid", cause: country, causeIs: "*jurisdiction.CountryError"},
		{name: "incorporation footnote out of range", old: `"incorporations":[]`, new: `"incorporations":[{"by_party_with_footnotes":[9]}]`,
			stage: atCheck, field: "incorporations[0].by_party_with_footnotes[0]", code: "out_of_range", sentinel: product.ErrOutOfRange},

		// Missing required facts and wrong JSON types.
		{name: "item value missing", old: `"value":{"amount":"100000.00","currency":"USD"},`, new: ``,
			stage: atCheck, field: "item.value", code: "missing", sentinel: product.ErrMissing},
		{name: "item value null", old: `"value":{"amount":"100000.00","currency":"USD"}`, new: `"value":null`,
			stage: atCheck, field: "item.value", code: "missing", sentinel: product.ErrMissing},
		{name: "item value a string", old: `"value":{"amount":"100000.00","currency":"USD"}`, new: `"value":"100000.00 USD"`,
			stage: atDecode, field: "item.value", code: "malformed"},
		{name: "produced_in missing", old: `"produced_in":"JP",`, new: ``,
			stage: atCheck, field: "item.produced_in", code: "missing", sentinel: product.ErrMissing},
		{name: "line id missing", old: `"id":"c1",`, new: ``,
			stage: atCheck, field: "item.components[0].id", code: "missing", sentinel: product.ErrMissing},
		{name: "line origin missing", old: `"origin":"us",`, new: ``,
			stage: atCheck, field: "item.components[0].origin", code: "missing", sentinel: product.ErrMissing},
		{name: "line relation missing", old: `,"relation":"incorporated"`, new: ``,
			stage: atCheck, field: "item.components[0].relation", code: "missing", sentinel: product.ErrMissing},
		{name: "line null", old: `"components":[`, new: `"components":[null,`,
			stage: atDecode, field: "item.components[0]", code: "missing", sentinel: product.ErrMissing},
		{name: "lineage origin missing", old: `"direct_product_of":[],"plant"`, new: `"direct_product_of":[{"eccn":"3E001"}],"plant"`,
			stage: atCheck, field: "item.direct_product_of[0].origin", code: "missing", sentinel: product.ErrMissing},
		{name: "party role missing", old: `"role":"end_user",`, new: ``,
			stage: atCheck, field: "parties[0].role", code: "missing", sentinel: product.ErrMissing},
		{name: "owner missing", old: `"ownership":[]`, new: `"ownership":[{"percent":"50"}]`,
			stage: atCheck, field: "parties[0].ownership[0].owner", code: "missing", sentinel: product.ErrMissing},
		{name: "item id not a string", old: `"id":"X"`, new: `"id":5`,
			stage: atDecode, field: "item.id", code: "malformed"},
	}

	seen := map[string]bool{}
	for _, c := range cases {
		if seen[c.name] {
			t.Fatalf("case %q twice", c.name)
		}
		seen[c.name] = true
		t.Run(c.name, func(t *testing.T) {
			if c.name == "body over 64 MiB" && testing.Short() {
				t.Skip("reads 64 MiB")
			}
			var body io.Reader
			if c.body != nil {
				body = c.body()
			} else {
				body = strings.NewReader(mutateBadInput(t, c.old, c.new))
			}
			stage, err := badInputResult(t, body)
			if err == nil {
				t.Fatalf("accepted; want rejection by %s naming %q", c.stage, c.field)
			}
			if stage != c.stage {
				t.Errorf("rejected by %s (%v); want %s", stage, err, c.stage)
			}
			re, ok := errors.AsType[*product.FieldError](err)
			if !ok {
				t.Fatalf("error %T %v is not a *product.FieldError", err, err)
			}
			if re.Field != c.field {
				t.Errorf("Field = %q, want %q (%v)", re.Field, c.field, err)
			}
			if re.Err == nil {
				t.Errorf("FieldError.Err is nil")
			}
			if got := re.Code(); got != c.code {
				t.Errorf("Code() = %q, want %q (%v)", got, c.code, err)
			}
			if msg := err.Error(); !strings.HasPrefix(msg, "ear: ") || strings.Count(msg, "ear: ") != 1 ||
				strings.Contains(msg, " license: ") || strings.Contains(msg, " product: ") || strings.Contains(msg, " jurisdiction: ") ||
				strings.Contains(msg, " origin: ") || c.field != "" && strings.Contains(msg, c.field+": "+c.field) {
				t.Errorf("message %q: want one leading \"ear: \" and no other package prefix", msg)
			}
			if c.sentinel != nil && !errors.Is(err, c.sentinel) {
				t.Errorf("errors.Is(%v, %v) = false", err, c.sentinel)
			}
			if c.cause != nil && !c.cause(err) {
				t.Errorf("error %v has no %s in its chain", err, c.causeIs)
			}
			if c.extra != nil {
				c.extra(t, err)
			}
			if len(err.Error()) > 2000 {
				t.Errorf("error message of %d bytes; want untrusted input clipped", len(err.Error()))
			}
		})
	}
	if len(cases) < 30 {
		t.Fatalf("%d cases, want at least 30", len(cases))
	}
}

// wantMessage returns a check that the error message contains sub.
func wantMessage(sub string) func(*testing.T, error) {
	return func(t *testing.T, err error) {
		t.Helper()
		if !strings.Contains(err.Error(), sub) {
			t.Errorf("error %q does not say %q", err, sub)
		}
	}
}

// zeroReader reads endless '0' bytes (valid inside a JSON string).
type zeroReader struct{}

func (zeroReader) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = '0'
	}
	return len(p), nil
}

// TestBadInputsNeighbours checks inputs next to the bad ones of
// TestBadInputs that the wire format accepts, so that the bad cases are
// rejected for the one change they make and not for something else: the
// base request itself, Unicode (and RTL marks, NUL) in names and
// descriptions, codes and words in any case (one rule for the whole wire
// format: read in any case, written in the canonical one), a zero line value, a fractional quantity, the deepest
// ECCN paragraph path allowed (12 segments), the newest date the year
// range allows, and a covered region of Ukraine.
func TestBadInputsNeighbours(t *testing.T) {
	for _, c := range []struct{ name, old, new string }{
		{"base", `"as_of":"2026-11-28"`, `"as_of":"2026-11-28"`},
		{"unicode party name", `"name":"n"`, `"name":"Ünïcödé 株式会社 \u200f\u202eعربي"`},
		{"unicode description with NUL", `"description":"d"`, `"description":"ＵＳ\u0000Ü"`},
		{"lower-case country code", `"produced_in":"JP"`, `"produced_in":"jp"`},
		{"lower-case currency", `"amount":"100000.00","currency":"USD"`, `"amount":"100000.00","currency":"usd"`},
		{"lower-case ECCN", `"eccn":"2B991"`, `"eccn":"2b991"`},
		{"lower-case EAR99", `"eccn":"2B991"`, `"eccn":"ear99"`},
		{"upper-case paragraph", `"eccn":"3A001.a.7"`, `"eccn":"3A001.A.7"`},
		{"upper-case origin word", `"origin":"us"`, `"origin":"US"`},
		{"upper-case relation word", `"relation":"incorporated"`, `"relation":"Incorporated"`},
		{"upper-case region", `{"country":"CN"}`, `{"country":"UA","region":"Crimea"}`},
		{"zero line value", `"amount":"20000.00"`, `"amount":"0"`},
		{"fractional quantity", `"quantity":"1"`, `"quantity":"1.5"`},
		{"ECCN paragraph path 12 deep", `"eccn":"2B991"`, `"eccn":"2B991.a.1.b.2.c.3.d.4.e.5.f"`},
		{"far future date", `"as_of":"2026-11-28"`, `"as_of":"9999-12-31"`},
		{"exchange rate given", `"amount":"20000.00","currency":"USD"`, `"amount":"20000.00","currency":"EUR"`},
	} {
		t.Run(c.name, func(t *testing.T) {
			body := mutateBadInput(t, c.old, c.new)
			if c.name == "exchange rate given" {
				body = strings.Replace(body, badInputRatesAt, badInputRatesAt+`,"exchange_rates":{"date":"2026-11-01","rates":[{"from":"EUR","to":"USD","rate":"1.0850"}]}`, 1)
			}
			if stage, err := badInputResult(t, strings.NewReader(body)); err != nil {
				t.Fatalf("rejected by %s: %v", stage, err)
			}
		})
	}
}
