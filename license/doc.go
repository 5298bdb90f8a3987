// Package license holds the rules of the ear SDK: whether a foreign-made
// item is subject to the EAR and whether a license is required, each answer
// three-valued (Yes, No, Indeterminate) with its citations and the facts
// whose absence leaves it open.
//
// It is the top layer: it reads the destinations, country groups, chart and
// Part 746 programs of package jurisdiction and the ECCNs, items and
// Commerce Control List of package product.
//
// # License requirement under the Country Chart
//
// CountryChart reads every License Requirements row of an item's CCL entry
// against a destination as in force on a date (15 CFR 738.4): the row's
// paragraph scope against the item's ECCN, its chart column through the
// Commerce Country Chart or its destination set through the country groups,
// the chart footnotes, and the Part 746 programs of the destination. For
// example, 3A090.c to Hong Kong:
//
//	res, _ := license.CountryChart(license.ChartQuery{
//		ECCN:        product.MustParseECCN("3A090.c"),
//		Destination: jurisdiction.Destination{Country: jurisdiction.HongKong},
//		AsOf:        jurisdiction.MustParseDate("2026-11-28"),
//	})
//	// res.Required == license.Yes: the RS row for "Macau or D:5" reaches
//	// Hong Kong, read as China (D:5).
//
// # Foreign direct product rules
//
// The thirteen rules of 15 CFR 734.9 are data: each Rule carries its
// citation, effective date, product scope and reach, and NewRuleSet refuses
// a rule without citation or effective date. DefaultFDPRules is the set as
// codified; RuleSet.Evaluate gives, for every rule in force on the date,
// applies, does_not_apply or indeterminate with both halves' findings and
// the missing facts. The table of the rules, rendered from the data, is the
// documentation of RulesMarkdown (and testdata/fdp_rules.md), so that it
// can be read side by side with the CFR.
//
// # Parties, end uses, incorporations
//
// Party, EndUse and Incorporation are the facts of the wire format; the
// lists Parties, EndUses and Incorporations distinguish unknown (absent)
// from none ([]), as product.Lineage does for lineage.
//
// Nothing in the package reads files or the network, logs, or keeps mutable
// state: every function is safe for concurrent use.
package license
