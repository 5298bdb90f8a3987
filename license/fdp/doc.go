// Package fdp holds the foreign direct product (FDP) rules of 15 CFR 734.9
// as dated, cited data, and nothing else: the evaluation is
// license.FDP.
//
// Each of the thirteen rules is one Rule value (Default returns the checked
// Set of them): its Citation, title, effective and compliance dates, its
// product scope (the item test and the direct-product, plant and
// contains-IC routes, with the ECCN lists as printed, each entry a Pattern),
// its reach (Prong values over Places, Entity List footnotes, governments
// and end uses), the license requirement it pairs with, and its Provenance:
// for each part, whether the operative text was read and in which dated
// copy, whether only a Federal Register summary or a secondary source
// reports it, or whether it is a reading the SDK chose.
//
// Set.Markdown renders the rules as a table (testdata/rules.md) to be read
// against the CFR line by line. NewSet refuses a rule without a citation
// within 734.9, an effective date, a scope or a provenance, so a rule set a
// caller writes is checked like the built-in one.
//
// Citation is a small comparable value for CFR paragraphs, in the style of
// net/netip: ParseCitation, String, Compare in CFR order, and Covers
// ("15 CFR 734.9(e)" covers "15 CFR 734.9(e)(1)").
package fdp
