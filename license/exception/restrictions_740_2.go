package exception

import (
	"slices"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
)

// The copies of 740.2 read.
const (
	read7402 = mirror + "section-740.2.md at 4464eaa (through 89 FR 96810 (2024-12-05); it links an amendment at 89 FR 93167 (2024-11-26) whose text was not read)"
)

// Destination sets the restrictions name.
var (
	placesD4D5       = &fdp.Places{Groups: []jurisdiction.Group{jurisdiction.GroupD4, jurisdiction.GroupD5}}
	placesMacauD5    = &fdp.Places{Places: []fdp.Place{{Country: jurisdiction.Macau}}, Groups: []jurisdiction.Group{jurisdiction.GroupD5}}
	placesD5HK       = &fdp.Places{Places: []fdp.Place{{Country: jurisdiction.HongKong}}, Groups: []jurisdiction.Group{jurisdiction.GroupD5}}
	placesHK         = &fdp.Places{Places: []fdp.Place{{Country: jurisdiction.HongKong}}}
	placesD1D4D5NotA = &fdp.Places{Groups: []jurisdiction.Group{jurisdiction.GroupD1, jurisdiction.GroupD4, jurisdiction.GroupD5},
		ExceptGroups: []jurisdiction.Group{jurisdiction.GroupA5, jurisdiction.GroupA6}}
	// placesCCFree: "Australia, India, Japan, New Zealand, or a NATO
	// (North Atlantic Treaty Organization) member state (see NATO
	// membership listing in § 772.1 of the EAR)" (740.2(a)(4)(i)).
	placesCCFree = &fdp.Places{Places: countryPlaces("AU", "IN", "JP", "NZ",
		"AL", "BE", "BG", "CA", "HR", "CZ", "DK", "EE", "FR", "DE", "GR", "HU", "IS", "IT", "LV", "LT", "LU",
		"ME", "NL", "MK", "NO", "PL", "PT", "RO", "SK", "SI", "ES", "TR", "GB")}
)

func countryPlaces(codes ...string) []fdp.Place {
	out := make([]fdp.Place, len(codes))
	for i, c := range codes {
		out[i] = fdp.Place{Country: jurisdiction.MustParseCountry(c)}
	}
	return out
}

// allow builds an Allowance for code, limited to the paragraphs given
// (none: the whole section).
func allow(c Code, paragraphs ...string) Allowance {
	a := Allowance{Code: c}
	for _, p := range paragraphs {
		a.Paragraphs = append(a.Paragraphs, cite(p))
	}
	return a
}

var govB2ii = allow(GOV, "15 CFR 740.11(b)(2)(ii)")

// mtVehicle is the condition of 740.2(a)(5)(ii)(A).
const mtVehicle = "as part of a spacecraft, manned aircraft, land vehicle or marine vehicle, or in quantities appropriate for replacement parts for such applications (740.2(a)(5)(ii)(A))"

// restrictionTable is 15 CFR 740.2(a) as read in its December 2024 text,
// paragraph by paragraph; (a)(1) and (a)(2) are the evaluation itself
// (an exception's own terms; part 744 requirements overcome by none), and
// (a)(6) is ProgramRules.
var restrictionTable = []Restriction{
	{
		Citation: cite("15 CFR 740.2(a)(3)"),
		Text:     "The item is primarily useful for surreptitious interception of wire, oral, or electronic communications, controlled under ECCNs 5A001.f.1, 5A980, 5D001 (for 5A001.f.1 ...), or 5D980, unless consigned to and for the official use of an agency of the U.S. Government.",
		Items:    pats("5A001.f.1", "5A980", "5D001 for 5A001.f.1", "5D980"),
		Allowed:  []Allowance{govB2ii},
	},
	{
		Citation: cite("15 CFR 740.2(a)(3)"),
		Text:     "No license exceptions apply for 5E001.a (for 5A001.f.1, or for 5D001.a (for 5A001.f.1)) or for 5E980.",
		Items:    pats("5E001.a for 5A001.f.1 5D001.a", "5E980"),
	},
	{
		Citation: cite("15 CFR 740.2(a)(4)"),
		Text:     "The item is subject to the license requirements of 742.7 (crime control) and the export is not to Australia, India, Japan, New Zealand or a NATO member state, nor under 740.11(b)(2)(ii), 740.14(e) or 740.20.",
		Class:    ClassCCRequired, NotTo: placesCCFree,
		Allowed: []Allowance{govB2ii, allow(BAG, "15 CFR 740.14(e)"), allow(STA)},
	},
	{
		Citation: cite("15 CFR 740.2(a)(5)(i)"),
		Text:     "MT-controlled items to destinations other than Country Groups D:4 or D:5: only TMP (740.9(a)(1), (a)(3) through (8), (a)(10), (b)(1) through (b)(3)), RPL, GOV (740.11(b)(2)), TSU (740.13(a) through (c), (g)), AVS and APR.",
		Class:    ClassMT, NotTo: placesD4D5,
		Allowed: []Allowance{
			allow(TMP, "15 CFR 740.9(a)(1)", "15 CFR 740.9(a)(3)", "15 CFR 740.9(a)(4)", "15 CFR 740.9(a)(5)", "15 CFR 740.9(a)(6)", "15 CFR 740.9(a)(7)", "15 CFR 740.9(a)(8)", "15 CFR 740.9(a)(10)", "15 CFR 740.9(b)(1)", "15 CFR 740.9(b)(2)", "15 CFR 740.9(b)(3)"),
			allow(RPL), allow(GOV, "15 CFR 740.11(b)(2)"),
			allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(b)", "15 CFR 740.13(c)", "15 CFR 740.13(g)"),
		},
	},
	{
		Citation: cite("15 CFR 740.2(a)(5)(ii)(A)"),
		Text:     "MT-controlled items in 6A008, 7A001, ..., 9A515 to Country Groups D:4 or D:5, as part of a vehicle or as replacement parts: only TMP (740.9(a)(4)), RPL, TSU or AVS (740.15(b)).",
		Class:    ClassMT, To: placesD4D5,
		Items: pats("6A008", "7A001", "7A002", "7A004", "7A101", "7A102", "7A103", "7A104", "7A105", "7B001", "7D001", "7D002", "7D003", "7D101", "7D102", "7E003", "7E101", "9A515"),
		Allowed: []Allowance{
			{Code: TMP, Paragraphs: []fdp.Citation{cite("15 CFR 740.9(a)(4)")}, Qualified: mtVehicle},
			{Code: RPL, Qualified: mtVehicle}, {Code: TSU, Qualified: mtVehicle},
		},
	},
	{
		Citation: cite("15 CFR 740.2(a)(5)(ii)(B)"),
		Text:     "MT-controlled commodities in 2A001 or 2A101 to Country Groups D:4 or D:5: only TMP (740.9(a)(4)) or RPL, as one-for-one replacement.",
		Class:    ClassMT, To: placesD4D5, Items: pats("2A001", "2A101"),
		Allowed: []Allowance{
			{Code: TMP, Paragraphs: []fdp.Citation{cite("15 CFR 740.9(a)(4)")}, Qualified: "as one-for-one replacement for equipment previously legally exported (740.2(a)(5)(ii)(B))"},
			{Code: RPL, Qualified: "as one-for-one replacement for equipment previously legally exported (740.2(a)(5)(ii)(B))"},
		},
	},
	{
		Citation: cite("15 CFR 740.2(a)(5)(ii)"),
		Text:     "Other MT-controlled items to Country Groups D:4 or D:5: no license exception ((a)(5)(ii) allows only the items of (A) and (B)).",
		Class:    ClassMT, To: placesD4D5,
		NotItems: pats("6A008", "7A001", "7A002", "7A004", "7A101", "7A102", "7A103", "7A104", "7A105", "7B001", "7D001", "7D002", "7D003", "7D101", "7D102", "7E003", "7E101", "9A515", "2A001", "2A101"),
	},
	{
		Citation:  cite("15 CFR 740.2(a)(7)"),
		Text:      "With the exception of GOV (740.11(b)(2)), license exceptions are not available for the 6E001 or 6E002 technology for infrared focal plane arrays and image intensifier tubes of 6A002 described in (a)(7)(i) and (ii).",
		Items:     pats("6E001 for 6A002", "6E002 for 6A002"),
		Qualified: "whether the technology is for the focal plane arrays or image intensifier tubes of 740.2(a)(7)(i) or (ii)",
		Allowed:   []Allowance{allow(GOV, "15 CFR 740.11(b)(2)")},
	},
	{
		Citation: cite("15 CFR 740.2(a)(8)"),
		Text:     "The item is controlled under ECCNs 2A983, 2A984, 2D983, 2D984, 2E983 or 2E984: only RPL, GOV (740.11(b)(2)(ii)) or TSU (740.13(a) and (c)).",
		Items:    pats("2A983", "2A984", "2D983", "2D984", "2E983", "2E984"),
		Allowed:  []Allowance{allow(RPL), govB2ii, allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(c)")},
	},
	{
		Citation:  cite("15 CFR 740.2(a)(9)(i)"),
		Effective: jurisdiction.MustParseDate("2024-12-02"),
		Text:      "The item is controlled under ECCN 3B001.a.4, c, d, f.1, f.5, k to n, p.2, p.4, r, 3B002.c, 3B993, 3B994, or associated software and technology in 3D001, 3D002, 3D003, 3D992, 3D993, 3D994, 3E001, 3E992, 3E993, or 3E994, to or within Macau or Country Group D:5: only GOV (740.11(b)).",
		Items: pats("3B001.a.4", "3B001.c", "3B001.d", "3B001.f.1", "3B001.f.5", "3B001.k", "3B001.l", "3B001.m", "3B001.n", "3B001.p.2", "3B001.p.4", "3B001.r",
			"3B002.c", "3B993", "3B994", "3D001 for 3B", "3D002", "3D003", "3D992", "3D993", "3D994", "3E001 for 3B", "3E992", "3E993", "3E994"),
		To:      placesMacauD5,
		Allowed: []Allowance{allow(GOV, "15 CFR 740.11(b)")},
	},
	{
		Citation:  cite("15 CFR 740.2(a)(9)(ii)"),
		Effective: jurisdiction.MustParseDate("2024-12-02"),
		Text:      "3A090, 4A090 and the .z items (with their software and technology) to or within Country Group D:1, D:4 or D:5 (not also A:5 or A:6), or to an entity headquartered in (or whose ultimate parent is headquartered in) Macau or D:5, wherever located: only TMP (740.9(a)(6)), NAC/ACA, RPL, GOV (740.11(b)), TSU (740.13(a) and (c)) or HBM.",
		Items: pats("3A090", "4A090", "3D001 for 3A090 3A001.z", "3E001 for 3A090 3A001.z", "4D090", "4E001 for 4A090 4A003.z 4A004.z 4A005.z",
			"3A001.z", "4A003.z", "4A004.z", "4A005.z", "4D001 for 4A003.z 4A004.z 4A005.z",
			"5A002.z", "5A004.z", "5A992.z", "5D002.z", "5D992.z", "5E002 for 5A002.z 5A004.z", "5D002 for 5A002.z 5A004.z", "5E992 for 5A992.z 5D992.z"),
		To: placesD1D4D5NotA, HeadquarteredIn: placesMacauD5,
		Allowed: []Allowance{allow(TMP, "15 CFR 740.9(a)(6)"), allow(NAC), allow(RPL), allow(GOV, "15 CFR 740.11(b)"),
			allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(c)"), allow(HBM)},
	},
	{
		Citation: cite("15 CFR 740.2(a)(10)"),
		Text:     "The commodity is subject to the license requirements of 742.11 (specially designed implements of torture, ECCN 0A983).",
		Items:    pats("0A983"),
	},
	{
		Citation: cite("15 CFR 740.2(a)(11)"),
		Text:     "The item is a \"military commodity\" subject to ECCN 0A919, except reexports under 740.11(b)(2)(ii).",
		Items:    pats("0A919"),
		Allowed:  []Allowance{govB2ii},
	},
	{
		Citation: cite("15 CFR 740.2(a)(12)"),
		Text:     "The item is described in a 9x515 or \"600 series\" ECCN and is destined to, shipped from, or was manufactured in Country Group D:5 or Hong Kong: only GOV (740.11(b)(2)) (and for 1A613.c or .d, TMP (740.9(a)(11)) or BAG (740.14(h)(2))).",
		Class:    Class600Or9x515, To: placesD5HK, From: placesD5HK, MadeIn: placesD5HK, NotItems: pats("1A613.c", "1A613.d"),
		Allowed: []Allowance{allow(GOV, "15 CFR 740.11(b)(2)")},
	},
	{
		Citation: cite("15 CFR 740.2(a)(12)(ii)"),
		Text:     "1A613.c or .d items destined to, or in, Country Group D:5: GOV (740.11(b)(2)), TMP (740.9(a)(11)) or BAG (740.14(h)(2)).",
		Items:    pats("1A613.c", "1A613.d"), To: placesD5HK, From: placesD5HK, MadeIn: placesD5HK,
		Allowed: []Allowance{allow(GOV, "15 CFR 740.11(b)(2)"), allow(TMP, "15 CFR 740.9(a)(11)"), allow(BAG, "15 CFR 740.14(h)(2)")},
	},
	{
		Citation: cite("15 CFR 740.2(a)(13)"),
		Text:     "\"600 series\" items to destinations other than Country Group D:5 or Hong Kong: only LVS, TMP, RPL, TSU (740.13(a), (b), (f), (g)), GOV (740.11(b), (c)), BAG, and STA under 740.20(c)(1).",
		Class:    Class600, NotTo: placesD5HK,
		Allowed: []Allowance{allow(LVS), allow(TMP), allow(RPL), allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(b)", "15 CFR 740.13(f)", "15 CFR 740.13(g)"),
			allow(GOV, "15 CFR 740.11(b)", "15 CFR 740.11(c)"), allow(BAG), allow(STA, "15 CFR 740.20(c)(1)")},
	},
	{
		Citation: cite("15 CFR 740.2(a)(13)"),
		Text:     "Items controlled under ECCNs 9D610.b, 9D619.b, 9E610.b, or 9E619.b or .c are not eligible for license exceptions except GOV (740.11(b)(2)).",
		Items:    pats("9D610.b", "9D619.b", "9E610.b", "9E619.b", "9E619.c"),
		Allowed:  []Allowance{allow(GOV, "15 CFR 740.11(b)(2)")},
	},
	{
		Citation: cite("15 CFR 740.2(a)(14)"),
		Text:     "Items classified under ECCNs 0A521, 0B521, 0C521, 0D521 and 0E521 may only be authorized by GOV (740.11(b)(2)(ii)) or an item-specific exception of Supplement No. 5 to part 774.",
		Items:    pats("0A521", "0B521", "0C521", "0D521", "0E521"),
		Allowed:  []Allowance{govB2ii},
	},
	{
		Citation:  cite("15 CFR 740.2(a)(15)"),
		Text:      "\"600 series\" items sold under a contract that includes $14,000,000 or more (to a country not in A:5; $25,000,000 or more to A:5, (a)(16)) of \"600 Series Major Defense Equipment\": only GOV (740.11(b)) to U.S. Government end users.",
		Class:     Class600,
		Qualified: "the value of \"600 Series Major Defense Equipment\" in the contract (740.2(a)(15), (a)(16))",
		Allowed:   []Allowance{allow(GOV, "15 CFR 740.11(b)")},
	},
	{
		Citation:   cite("15 CFR 740.2(a)(17)"),
		Text:       "A party to the transaction, as described in § 748.5, is listed on the Unverified List in supplement no. 6 to part 744.",
		Unverified: true,
	},
	{
		Citation: cite("15 CFR 740.2(a)(19)"),
		Text:     "The exporter or reexporter to Hong Kong of an item controlled for NS, MT, NP Column 1, or CB reasons has not received a Hong Kong import license or a written statement that none is required (and (a)(20) for reexports from Hong Kong).",
		Class:    ClassHKControlled, To: placesHK, From: placesHK,
		Qualified: "whether the Hong Kong import or export license, or the statement that none is required, was received (740.2(a)(19), (a)(20))",
	},
	{
		Citation:  cite("15 CFR 740.2(a)(21)"),
		Text:      "Reexports of firearms in 0A501, 0A502, 0A506, 0A507 or 0A508 incorporating an ITAR \"foreign defense article\" of USML Category I(h)(2): only GOV (740.11(b)(2)(ii)).",
		Items:     pats("0A501", "0A502", "0A506", "0A507", "0A508"),
		Qualified: "whether the firearm incorporates, or will incorporate, a USML Category I(h)(2) defense article (740.2(a)(21)); for 0A506-0A508, the value of the contract (a)(23); the import certificate (a)(24)",
		Allowed:   []Allowance{govB2ii},
	},
	{
		Citation: cite("15 CFR 740.2(a)(22)"),
		Text:     "The item is eligible for 740.24 (IEC): only IEC, TMP (740.9(a)(3), (a)(6)), RPL, GOV (740.11(b)) or TSU (740.13(a), (c)).",
		Class:    ClassIEC,
		Allowed: []Allowance{allow(IEC), allow(TMP, "15 CFR 740.9(a)(3)", "15 CFR 740.9(a)(6)"), allow(RPL), allow(GOV, "15 CFR 740.11(b)"),
			allow(TSU, "15 CFR 740.13(a)", "15 CFR 740.13(c)")},
	},
}

// restrictionProvenance is the provenance every restriction shares; a
// restriction's own Provenance adds to it.
var restrictionProvenance = []fdp.Source{
	src(fdp.TextRead, read7402, "Paragraphs (a)(3) through (a)(24) as printed; the sentences of each Restriction are shortened from them."),
	src(fdp.ReadingChosen, "15 CFR 740.2(a)(4)(i)", "NATO member states as of 2022: Finland and Sweden (members since 2023 and 2024) are not read as listed, since 772.1's listing was not read; the restriction applies to them."),
	src(fdp.ReadingChosen, "15 CFR 740.2(a)(9)", "The December 2024 version; before its effective date the earlier texts (from 2022-10-07) are not modelled, so the exceptions it bars are indeterminate when it may apply."),
	src(fdp.ReadingChosen, "15 CFR 740.2(a)(10)", "742.11's items read as ECCN 0A983 (specially designed implements of torture)."),
}

// Restrictions returns the paragraphs of 15 CFR 740.2(a) the SDK
// evaluates, in CFR order. The caller owns the returned values.
func Restrictions() []Restriction {
	out := make([]Restriction, len(restrictionTable))
	for i, r := range restrictionTable {
		r.Items = slices.Clone(r.Items)
		r.NotItems = slices.Clone(r.NotItems)
		r.Allowed = slices.Clone(r.Allowed)
		r.Provenance = append(slices.Clone(restrictionProvenance), r.Provenance...)
		out[i] = r
	}
	return out
}
