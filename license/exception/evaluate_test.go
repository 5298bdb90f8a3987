package exception

import (
	"slices"
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// opt modifies a test Input.
type opt func(*Input)

func from(c string) opt { return func(i *Input) { i.ExportedFrom = jurisdiction.MustParseCountry(c) } }
func meetsP(c Code, p string) opt {
	return func(i *Input) {
		par, err := ParseParagraph(c, p)
		if err != nil {
			panic(err)
		}
		i.Facts = i.Facts.WithMeets(c, par)
	}
}
func facts(f func(*Facts)) opt { return func(i *Input) { f(&i.Facts) } }
func reqs(rs ...Requirement) opt {
	return func(i *Input) { i.Requirements = rs }
}
func unverified(a ear.Answer) opt { return func(i *Input) { i.Unverified = a } }
func hq(cs ...string) opt {
	return func(i *Input) {
		for _, c := range cs {
			i.Headquarters = append(i.Headquarters, jurisdiction.MustParseCountry(c))
		}
	}
}
func hqUnknown() opt    { return func(i *Input) { i.HeadquartersComplete = false } }
func forE(e string) opt { return func(i *Input) { i.For = product.MustParseECCN(e) } }

func usd(a string) product.Money { return product.MustParseMoney(a, "USD") }

// program is a Part 746 requirement.
func program(id jurisdiction.ProgramID, cite string) Requirement {
	return Requirement{Citation: cite, Answer: ear.Yes, Basis: BasisProgram, Program: id, Paragraph: fdp.MustParseCitation(cite)}
}

var entityList = Requirement{Citation: "15 CFR 744.11", Answer: ear.Yes, Basis: BasisPart744}

func TestEvaluateExceptions(t *testing.T) {
	const day = "2026-11-28"
	tests := []struct {
		name, eccn, dest, asOf string
		opts                   []opt
		code                   Code
		want                   Outcome
		whyHas                 string // in Why, or in a missing fact's field
	}{
		// LVS, 740.3.
		{"LVS within the value", "1C009", "BR", day, []opt{from("KR"), facts(func(f *Facts) { f.OrderValue, f.AnnualValue = usd("5000.00"), usd("60000") })}, LVS, Available, "740.3"},
		{"LVS order over the value", "1C009", "BR", day, []opt{from("KR"), facts(func(f *Facts) { f.OrderValue, f.AnnualValue = usd("5000.01"), usd("6000") })}, LVS, NotAvailable, "exceeds $5000"},
		{"LVS year over 12 times", "1C009", "BR", day, []opt{from("KR"), facts(func(f *Facts) { f.OrderValue, f.AnnualValue = usd("100"), usd("60000.01") })}, LVS, NotAvailable, "exceeds $60000"},
		{"LVS value unknown", "1C009", "BR", day, []opt{from("KR")}, LVS, Indeterminate, "exception_facts.order_value"},
		{"LVS value in euros without a rate", "1C009", "BR", day, []opt{from("KR"), facts(func(f *Facts) {
			f.OrderValue, f.AnnualValue = product.MustParseMoney("100", "EUR"), usd("100")
		})}, LVS, Indeterminate, "exchange_rates"},
		{"LVS not to China (not in B)", "1C009", "CN", day, []opt{from("KR"), facts(func(f *Facts) { f.OrderValue, f.AnnualValue = usd("1"), usd("1") })}, LVS, NotAvailable, "not an eligible destination"},
		{"LVS N/A for the entry", "3A090.a", "BR", day, []opt{from("KR")}, LVS, NotAvailable, "LVS: N/A"},

		// GBS, 740.4.
		{"GBS for 3A001.a.7 to Brazil", "3A001.a.7", "BR", day, []opt{from("KR")}, GBS, Available, "GBS: Yes for 3A001.a.1.b, a.2 to a.14"},
		{"GBS not to China", "3A001.a.7", "CN", day, []opt{from("KR")}, GBS, NotAvailable, "not an eligible destination"},
		{"GBS not to Ukraine", "3A001.a.7", "UA", day, []opt{from("KR")}, GBS, NotAvailable, "UA is excepted"},
		{"GBS needs NS only", "3A001.a.7", "BR", day, []opt{from("KR"), reqs(chart("NS"), chart("RS"))}, GBS, NotAvailable, "for RS reasons"},
		{"GBS for b.2 waits for its words", "3A001.b.2", "BR", day, []opt{from("KR")}, GBS, Indeterminate, "item.eccn"},
		{"GBS not for 3A001.b.1", "3A001.b.1", "BR", day, []opt{from("KR")}, GBS, NotAvailable, "does not make 3A001.b.1 eligible"},
		{"GBS overcomes no Entity List requirement", "3A001.a.7", "BR", day, []opt{from("KR"), reqs(entityList)}, GBS, NotAvailable, "overcomes none"},

		// CIV, 740.5.
		{"CIV removed", "3A001.a.7", "CN", day, []opt{from("KR")}, CIV, NotAvailable, "removed from the EAR effective 2020-06-29"},
		{"CIV before its removal waits for the CCL of the day", "3A001.a.7", "CN", "2020-03-01", []opt{from("KR")}, CIV, Indeterminate, "as_of"},

		// TSR, 740.6.
		{"TSR with the written assurance", "1D002", "BR", day, []opt{from("KR"), meetsP(TSR, "740.6(a)")}, TSR, Available, "740.6(a)"},
		{"TSR without it", "1D002", "BR", day, []opt{from("KR")}, TSR, Indeterminate, "exception_facts.meets.TSR"},
		{"TSR stated not met", "1D002", "BR", day, []opt{from("KR"), meetsP(TSR, "none")}, TSR, NotAvailable, "no paragraph"},
		{"TSR not for commodities", "1C009", "BR", day, []opt{from("KR"), meetsP(TSR, "740.6")}, TSR, NotAvailable, "software and technology only"},

		// APP, 740.7.
		{"APP not to a Tier 3 country", "4A003.b", "CN", day, []opt{from("KR"), meetsP(APP, "740.7(c)")}, APP, NotAvailable, "Computer Tier 3"},
		{"APP for a computer to Germany", "4A003.b", "DE", day, []opt{from("US"), meetsP(APP, "740.7(c)(2)")}, APP, Available, "740.7(c)(2)"},
		{"APP not for 4A003.g apart from its computer", "4A003.g", "DE", day, []opt{from("US"), meetsP(APP, "740.7(c)(2)")}, APP, NotAvailable, "4A003"},
		{"APP waits for the paragraph met", "4A003.b", "DE", day, []opt{from("US")}, APP, Indeterminate, "exception_facts.meets.APP"},
		{"APP not for a non-computer", "3A001.a.7", "DE", day, []opt{from("KR")}, APP, NotAvailable, "not among the items"},

		// NAC/ACA, 740.8, and 740.2(a)(9)(ii).
		{"NAC for 3A090.a to China", "3A090.a", "CN", day, []opt{from("TW"), reqs(chart("NS"), chart("RS")), meetsP(NAC, "740.8(a)")}, NAC, Available, "740.8(a)"},
		{"NAC waits for the notification", "3A090.a", "CN", day, []opt{from("TW"), reqs(chart("NS"), chart("RS"))}, NAC, Indeterminate, "exception_facts.meets.NAC/ACA"},
		{"NAC not for 3A090.c", "3A090.c", "CN", day, []opt{from("TW"), meetsP(NAC, "740.8(a)")}, NAC, NotAvailable, "not among the items"},
		{"NAC not before 2023-11-17", "3A090.a", "CN", "2023-06-01", []opt{from("TW"), meetsP(NAC, "740.8(a)")}, NAC, NotAvailable, "in the EAR from 2023-11-17"},

		// TMP, 740.9.
		{"TMP (a)(6) open under (a)(9)(ii)", "3A090.a", "CN", day, []opt{from("TW"), meetsP(TMP, "740.9(a)(6)")}, TMP, Available, "740.9(a)(6)"},
		{"TMP (a)(1) barred by (a)(9)(ii)", "3A090.a", "CN", day, []opt{from("TW"), meetsP(TMP, "740.9(a)(1)")}, TMP, NotAvailable, "only 15 CFR 740.9(a)(6)"},
		{"TMP (a)(9) news media only to its places", "1C009", "DE", day, []opt{from("KR"), meetsP(TMP, "740.9(a)(9)")}, TMP, NotAvailable, "news media"},
		{"TMP paragraph unknown", "1C009", "DE", day, []opt{from("KR")}, TMP, Indeterminate, "exception_facts.meets.TMP"},
		{"TMP stated none by *", "1C009", "DE", day, []opt{from("KR"), facts(func(f *Facts) { *f = f.WithOthersNone(true) })}, TMP, NotAvailable, "no paragraph"},

		// RPL, 740.10.
		{"RPL replacement parts", "1C009", "DE", day, []opt{from("KR"), meetsP(RPL, "740.10(a)")}, RPL, Available, "740.10(a)"},

		// GOV, 740.11.
		{"GOV (b)(2) for the U.S. Government", "1C009", "DE", day, []opt{from("KR"), meetsP(GOV, "740.11(b)(2)(ii)")}, GOV, Available, "740.11(b)(2)(ii)"},
		{"GOV waits for the paragraph met", "1C009", "DE", day, []opt{from("KR")}, GOV, Indeterminate, "exception_facts.meets.GOV"},
		{"GOV (c) not for NP items", "3A225", "DE", day, []opt{from("KR"), reqs(chart("NP")), meetsP(GOV, "740.11(c)")}, GOV, NotAvailable, "NP or EI"},
		// An NS item may be on the Sensitive or Very Sensitive List, not held
		// (740.11(c)(3)(i), (ii)): indeterminate, not available.
		{"GOV (c) for an NS item", "3A001.a.7", "DE", day, []opt{from("KR"), meetsP(GOV, "740.11(c)(2)")}, GOV, Indeterminate, "Sensitive List"},
		{"GOV (c) for a CB item", "1C350", "DE", day, []opt{from("KR"), reqs(chart("CB")), meetsP(GOV, "740.11(c)(2)(i)")}, GOV, Available, "740.11(c)(2)(i)"},

		// TSU, 740.13.
		{"TSU not for commodities", "1C009", "DE", day, []opt{from("KR"), meetsP(TSU, "740.13(a)")}, TSU, NotAvailable, "software and technology only"},
		{"TSU waits for the paragraph met", "1D002", "DE", day, []opt{from("KR")}, TSU, Indeterminate, "exception_facts.meets.TSU"},
		{"TSU (d) mass market software not to E:1", "1D002", "SY", day, []opt{from("KR"), reqs(program(jurisdiction.ProgramSyria, "15 CFR 746.9")), meetsP(TSU, "740.13(d)")}, TSU, NotAvailable, "not available to Country Group E:1"},
		{"TSU software update", "1D002", "DE", day, []opt{from("KR"), meetsP(TSU, "740.13(c)")}, TSU, Available, "740.13(c)"},

		// BAG, 740.14.
		{"BAG waits for the paragraph met", "1C009", "DE", day, []opt{from("KR")}, BAG, Indeterminate, "exception_facts.meets.BAG"},
		{"BAG stated not met", "1C009", "DE", day, []opt{from("KR"), meetsP(BAG, "none")}, BAG, NotAvailable, "no paragraph"},
		{"BAG personal baggage", "1C009", "DE", day, []opt{from("KR"), meetsP(BAG, "740.14(b)(4)")}, BAG, Available, "740.14(b)(4)"},

		// ENC, 740.17.
		{"ENC (b)(1) to Germany", "5A002.a", "DE", day, []opt{from("KR"), reqs(chart("NS"), chart("EI")), facts(func(f *Facts) { f.Encryption = product.EncryptionB1 })}, ENC, Available, "ENC: Yes for certain EI controlled"},
		{"ENC status unknown", "5A002.a", "DE", day, []opt{from("KR"), reqs(chart("NS"), chart("EI"))}, ENC, Indeterminate, "exception_facts.encryption"},
		{"ENC (b)(2) to a government end user", "5A002.a", "DE", day, []opt{from("KR"), reqs(chart("NS"), chart("EI")), facts(func(f *Facts) {
			f.Encryption, f.GovernmentEndUser = product.EncryptionB2, product.OptBoolOf(true)
		})}, ENC, Indeterminate, "exception_facts.government_end_user"},
		{"ENC (b)(2) to a private end user", "5A002.a", "DE", day, []opt{from("KR"), reqs(chart("NS"), chart("EI")), facts(func(f *Facts) {
			f.Encryption, f.GovernmentEndUser = product.EncryptionB2, product.OptBoolOf(false)
		})}, ENC, Available, "ENC"},
		{"ENC not to E:1", "5A002.a", "SY", day, []opt{from("KR"), reqs(chart("EI")), facts(func(f *Facts) { f.Encryption = product.EncryptionB1 })}, ENC, NotAvailable, "746.9(b) does not list"},
		{"ENC not for a mass-market item", "5A002.a", "DE", day, []opt{from("KR"), reqs(chart("EI")), facts(func(f *Facts) { f.Encryption = product.EncryptionMassMarket })}, ENC, NotAvailable, "mass-market"},

		// STA, 740.20.
		{"STA (c)(1) to Germany", "3A001.a.7", "DE", day, []opt{from("KR"), meetsP(STA, "740.20(d)")}, STA, Available, "740.20"},
		{"STA waits for the consignee statement", "3A001.a.7", "DE", day, []opt{from("KR")}, STA, Indeterminate, "exception_facts.meets.STA"},
		{"STA (c)(2) for an NS item to an A:6 country", "3A001.a.7", "AL", day, []opt{from("KR"), meetsP(STA, "740.20(d)")}, STA, Available, "740.20"},
		{"STA (c)(2) not for an NP requirement", "3A225", "AL", day, []opt{from("KR"), reqs(chart("NP")), meetsP(STA, "740.20(d)")}, STA, NotAvailable, "for NP reasons"},
		{"STA not for EI items", "5A002.a", "DE", day, []opt{from("KR"), reqs(chart("NS"), chart("EI")), meetsP(STA, "740.20(d)")}, STA, NotAvailable, "EI reasons"},
		{"STA not for 3A001.z by the entry's line", "3A001.z.1.a", "DE", day, []opt{from("KR"), meetsP(STA, "740.20(d)")}, STA, NotAvailable, "STA"},
		{"STA not to Brazil", "3A001.a.7", "BR", day, []opt{from("KR"), meetsP(STA, "740.20(d)")}, STA, NotAvailable, "not an eligible destination"},

		// IEC, 740.24.
		{"IEC not before 2024-09-06", "3B001.c.1.a", "JP", "2024-06-01", []opt{from("US"), meetsP(IEC, "740.24")}, IEC, NotAvailable, "in the EAR from 2024-09-06"},
		{"IEC waits for the table's listing", "3B001.c.1.a", "JP", day, []opt{from("US")}, IEC, Indeterminate, "exception_facts.meets.IEC"},
		{"IEC not for an item its line leaves out", "3B001.a.1", "JP", day, []opt{from("US"), meetsP(IEC, "740.24")}, IEC, NotAvailable, "does not make 3B001.a.1 eligible"},
		{"IEC with the table's listing", "3B001.c.1.a", "JP", day, []opt{from("US"), meetsP(IEC, "740.24")}, IEC, Available, "IEC"},
		{"IEC bars GBS for its items (740.2(a)(22))", "3B001.c.1.a", "JP", day, []opt{from("US")}, GBS, NotAvailable, "740.2(a)(22)"},

		// HBM, 740.25.
		{"HBM for 3A090.c to China", "3A090.c", "CN", day, []opt{from("KR"), meetsP(HBM, "740.25")}, HBM, Available, "740.25"},
		{"HBM waits for its terms", "3A090.c", "CN", day, []opt{from("KR")}, HBM, Indeterminate, "exception_facts.meets.HBM"},
		{"HBM not for 3A090.a", "3A090.a", "CN", day, []opt{from("KR"), meetsP(HBM, "740.25")}, HBM, NotAvailable, "not among the items"},

		// 740.2 restrictions.
		{"Unverified List party bars every exception", "3A001.a.7", "BR", day, []opt{from("KR"), unverified(ear.Yes)}, GBS, NotAvailable, "740.2(a)(17)"},
		{"Unverified List unknown leaves it open", "3A001.a.7", "BR", day, []opt{from("KR"), unverified(ear.Indeterminate)}, GBS, Indeterminate, "parties"},
		{"(a)(9)(i): SME to China, only GOV (b)", "3B001.c", "CN", day, []opt{from("JP"), meetsP(TMP, "740.9(a)(6)")}, TMP, NotAvailable, "740.2(a)(9)(i)"},
		{"(a)(9)(i): GOV (b) stays", "3B001.c", "CN", day, []opt{from("JP"), meetsP(GOV, "740.11(b)(2)")}, GOV, Available, "740.11(b)(2)"},
		{"(a)(9)(ii) before its version: open", "3A090.a", "CN", "2024-06-01", []opt{from("TW"), meetsP(BAG, "740.14(b)")}, BAG, Indeterminate, "as_of"},
		{"(a)(9)(ii) by a headquarters in D:5", "3A090.a", "MY", day, []opt{from("TW"), hq("CN"), meetsP(BAG, "740.14(b)")}, BAG, NotAvailable, "740.2(a)(9)(ii)"},
		{"(a)(9)(ii) headquarters unknown", "3A090.a", "MY", day, []opt{from("TW"), hqUnknown(), meetsP(BAG, "740.14(b)")}, BAG, Indeterminate, "parties"},
		{"(a)(5) MT item: no BAG", "7A103", "BR", day, []opt{from("KR"), reqs(chart("MT")), meetsP(BAG, "740.14(b)")}, BAG, NotAvailable, "740.2(a)(5)(i)"},
		{"(a)(5) MT item: RPL stays", "7A103", "BR", day, []opt{from("KR"), reqs(chart("MT")), meetsP(RPL, "740.10(a)")}, RPL, Available, "740.10(a)"},
		{"(a)(5)(ii)(A) MT item to D:4: RPL as part of a vehicle", "7A103", "CN", day, []opt{from("KR"), reqs(chart("MT")), meetsP(RPL, "740.10(a)")}, RPL, Indeterminate, "as part of a spacecraft"},
		{"(a)(5)(ii) other MT item to D:4: no exception", "1C101", "CN", day, []opt{from("KR"), reqs(chart("MT")), meetsP(RPL, "740.10(a)")}, RPL, NotAvailable, "740.2(a)(5)(ii)"},
		{"(a)(12) 600 series to China: only GOV", "9A610.a", "CN", day, []opt{from("KR"), meetsP(RPL, "740.10(a)")}, RPL, NotAvailable, "740.2(a)(12)"},

		{"(a)(3) surreptitious interception: GOV (b)(2)(ii) only", "5A980", "DE", day, []opt{from("US"), meetsP(TMP, "740.9(a)(6)")}, TMP, NotAvailable, "740.2(a)(3)"},
		{"(a)(3): GOV (b)(2)(ii) stays", "5A980", "DE", day, []opt{from("US"), meetsP(GOV, "740.11(b)(2)(ii)")}, GOV, Available, "740.11(b)(2)(ii)"},
		{"(a)(3): none for 5E980", "5E980", "DE", day, []opt{from("US"), meetsP(GOV, "740.11(b)(2)(ii)")}, GOV, NotAvailable, "740.2(a)(3)"},
		{"(a)(4) CC item to Brazil: only GOV, BAG (e), STA", "0A978", "BR", day, []opt{from("US"), reqs(chart("CC")), meetsP(RPL, "740.10(a)")}, RPL, NotAvailable, "740.2(a)(4)"},
		{"(a)(4) not to a NATO member", "0A978", "DE", day, []opt{from("US"), reqs(chart("CC")), meetsP(RPL, "740.10(a)")}, RPL, Available, "740.10(a)"},
		{"(a)(7) IRFPA technology: GOV only, words open", "6E001", "DE", day, []opt{from("US"), forE("6A002.a.3"), meetsP(TSU, "740.13(a)")}, TSU, Indeterminate, "focal plane arrays"},
		{"(a)(8) 2A983: TSU (a), (c) only", "2D983", "DE", day, []opt{from("US"), meetsP(TSU, "740.13(b)")}, TSU, NotAvailable, "only 15 CFR 740.13(a), 15 CFR 740.13(c)"},
		{"(a)(10) 0A983: no exception", "0A983", "DE", day, []opt{from("US"), meetsP(GOV, "740.11(b)(2)(ii)")}, GOV, NotAvailable, "740.2(a)(10)"},
		{"(a)(11) 0A919: GOV (b)(2)(ii) only", "0A919", "DE", day, []opt{from("US"), meetsP(RPL, "740.10(a)")}, RPL, NotAvailable, "740.2(a)(11)"},
		{"(a)(13) 600 series outside D:5: no ENC", "9A610.a", "DE", day, []opt{from("US"), meetsP(BAG, "740.14(b)")}, BAG, Indeterminate, "600 Series Major Defense Equipment"},
		{"(a)(13) 9D610.b: GOV (b)(2) only", "9D610.b", "DE", day, []opt{from("US"), meetsP(TSU, "740.13(a)")}, TSU, NotAvailable, "740.2(a)(13)"},
		{"(a)(14) 0A521: GOV (b)(2)(ii) only", "0A521", "DE", day, []opt{from("US"), meetsP(TMP, "740.9(a)(6)")}, TMP, NotAvailable, "740.2(a)(14)"},
		{"(a)(19) NS item to Hong Kong: the HK documents", "3A001.a.7", "HK", day, []opt{from("US"), meetsP(GOV, "740.11(b)(2)")}, GOV, Indeterminate, "Hong Kong import or export license"},
		{"(a)(21) firearms: GOV (b)(2)(ii) only, words open", "0A501.a", "DE", day, []opt{from("US"), reqs(chart("FC")), meetsP(TMP, "740.9(a)(5)")}, TMP, Indeterminate, "USML Category I(h)(2)"},

		// Part 746 (740.2(a)(6)).
		{"Russia: GBS not listed in 746.8(c)", "3A001.a.7", "RU", day, []opt{from("KR"), reqs(chart("NS"), program(jurisdiction.ProgramRussiaBelarus, "15 CFR 746.8"))}, GBS, NotAvailable, "746.8(c)(2) does not list License Exception GBS"},
		{"Russia: TMP for the news media", "3A001.a.7", "RU", day, []opt{from("KR"), reqs(chart("NS"), program(jurisdiction.ProgramRussiaBelarus, "15 CFR 746.8")), meetsP(TMP, "740.9(a)(9)")}, TMP, Available, "740.9(a)(9)"},
		{"Russia: TMP (a)(6) is not listed", "3A001.a.7", "RU", day, []opt{from("KR"), reqs(chart("NS"), program(jurisdiction.ProgramRussiaBelarus, "15 CFR 746.8")), meetsP(TMP, "740.9(a)(6)")}, TMP, NotAvailable, "only 15 CFR 740.9(a)(9)"},
		{"Russia: BAG firearms paragraph left out", "0A501.a", "RU", day, []opt{from("KR"), reqs(program(jurisdiction.ProgramRussiaBelarus, "15 CFR 746.8")), meetsP(BAG, "740.14(e)")}, BAG, NotAvailable, "740.14(e) is left out"},
		{"746.8(a)(3) anywhere: nothing overcomes it", "3A001.a.7", "DE", day, []opt{from("KR"), reqs(program(jurisdiction.ProgramRussiaBelarus, "15 CFR 746.8(a)(3)")), meetsP(TMP, "740.9(a)(9)")}, TMP, NotAvailable, "overcomes none"},
		{"Iran: no exception", "3A001.a.7", "IR", day, []opt{from("KR"), reqs(program(jurisdiction.ProgramIran, "15 CFR 746.7")), meetsP(GOV, "740.11(b)(2)")}, GOV, NotAvailable, "746.7(c) does not list"},
		{"Cuba (E:2): RPL (a) listed", "1C009", "CU", day, []opt{from("KR"), reqs(program(jurisdiction.ProgramCuba, "15 CFR 746.2")), meetsP(RPL, "740.10(a)")}, RPL, Available, "740.10(a)"},
		{"Cuba: RPL (b) not listed", "1C009", "CU", day, []opt{from("KR"), reqs(program(jurisdiction.ProgramCuba, "15 CFR 746.2")), meetsP(RPL, "740.10(b)")}, RPL, NotAvailable, "only 15 CFR 740.10(a)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			i := in(t, tt.eccn, tt.dest, tt.asOf, chart("NS"))
			for _, o := range tt.opts {
				o(&i)
			}
			checkResult(t, result(Evaluate(i), tt.code), tt.code, tt.want, tt.whyHas)
		})
	}
}

// TestEvaluateOrder checks that every exception is answered, in CFR order,
// and none without a requirement.
func TestEvaluateOrder(t *testing.T) {
	rs := Evaluate(in(t, "3A001.a.7", "BR", "2026-11-28", chart("NS")))
	var got []Code
	for _, r := range rs {
		got = append(got, r.Code)
		if r.Citation != sectionOf(r.Code).String() {
			t.Errorf("%s: citation %s", r.Code, r.Citation)
		}
	}
	if !slices.Equal(got, Codes()) {
		t.Errorf("codes %v, want %v", got, Codes())
	}
	if rs := Evaluate(in(t, "3A001.a.7", "BR", "2026-11-28")); rs != nil {
		t.Errorf("no requirement: %v", rs)
	}
	no := in(t, "3A001.a.7", "BR", "2026-11-28", Requirement{Citation: "x", Answer: ear.No, Basis: BasisChart})
	if rs := Evaluate(no); rs != nil {
		t.Errorf("only No requirements: %v", rs)
	}
}

func TestCovered(t *testing.T) {
	ns := chart("NS")
	open := chart("RS")
	open.Answer = ear.Indeterminate
	res := func(o Outcome, over ...Requirement) Result {
		r := Result{Outcome: o}
		for _, q := range over {
			r.Overcomes = append(r.Overcomes, q.Citation)
		}
		return r
	}
	tests := []struct {
		name string
		reqs []Requirement
		rs   []Result
		want ear.Answer
	}{
		{"nothing to overcome", nil, nil, ear.Yes},
		{"overcome", []Requirement{ns}, []Result{res(Available, ns)}, ear.Yes},
		{"only an indeterminate one", []Requirement{ns}, []Result{res(NotAvailable, ns), res(Indeterminate, ns)}, ear.Indeterminate},
		{"none", []Requirement{ns}, []Result{res(NotAvailable, ns)}, ear.No},
		{"one of two not overcome", []Requirement{ns, entityList}, []Result{res(Available, ns)}, ear.No},
		{"an open requirement overcome", []Requirement{ns, open}, []Result{res(Available, ns, open)}, ear.Yes},
		{"an open requirement not overcome", []Requirement{ns, open}, []Result{res(Available, ns)}, ear.No},
	}
	for _, tt := range tests {
		if got := Covered(tt.reqs, tt.rs); got != tt.want {
			t.Errorf("%s: %s, want %s", tt.name, got, tt.want)
		}
	}
}

// TestMergeMissing: a field named for several reasons is listed once.
func TestMergeMissing(t *testing.T) {
	got := mergeMissing([]Missing{{"item.eccn", "a"}, {"parties", "p"}, {"item.eccn", "b"}, {"item.eccn", "a"}})
	if len(got) != 2 || got[0].Field != "item.eccn" || got[0].Why != "a; b" || got[1].Field != "parties" {
		t.Errorf("mergeMissing = %+v", got)
	}
}
