// Package ear is an embeddable SDK that tells whether a foreign-made item is
// subject to the US Export Administration Regulations (EAR, 15 CFR parts
// 730-774) and whether a license is required to ship it, with every step's
// citation and the facts whose absence leaves an answer open.
//
// The SDK is layered; each layer imports only the ones before it:
//
//   - [github.com/earcheck/ear/jurisdiction]: where. Countries, the covered
//     regions of Ukraine, the EAR's country groups (Supplement No. 1 to part
//     740) with dated changes, the Commerce Country Chart (Supplement No. 1
//     to part 738) with its footnotes, the Part 746 programs, civil dates.
//   - [github.com/earcheck/ear/product]: what. ECCNs with paragraph paths,
//     items and bills of materials, money and quantities, direct-product
//     lineage, and the whole Commerce Control List (Supplement No. 1 to part
//     774) with every License Requirements row structured.
//   - [github.com/earcheck/ear/origin]: whence. Exchange rates of one date
//     and exact numbers for the de minimis arithmetic.
//   - [github.com/earcheck/ear/license]: the rules. Check decides one order
//     line: de minimis (734.4), the foreign direct product rules (734.9),
//     the license requirement (738.4 with Part 746, the Entity List and the
//     requirements the FDP rules pair with), in the JSON wire format.
//
// Every answer is yes, no or indeterminate; a missing fact never becomes
// "no". Money and percentages use exact decimals; nothing reads the network
// or files, logs, or keeps mutable global state, so every function is safe
// for concurrent use.
//
// # Data version
//
// The country groups and the chart are those of the eCFR issue of
// 2026-09-24 ([DataECFRTables]); the Commerce Control List is that of the
// eCFR issue of 2026-07-23 ([DataECFRCCL]).
//
// # Example
//
//	res, err := license.CountryChart(license.ChartQuery{
//		ECCN:        product.MustParseECCN("3A090.b"),
//		Destination: jurisdiction.Destination{Country: jurisdiction.China},
//		AsOf:        jurisdiction.MustParseDate("2026-11-28"),
//	})
//	// res.Required == license.Yes: the RS row of 3A090.b reaches the UAE and
//	// Country Groups D:1, D:4 and D:5 less A:5 and A:6, and China is in D:1.
package ear

// DataECFRTables is the eCFR issue date of the embedded country groups and
// Commerce Country Chart.
const DataECFRTables = "2026-09-24"

// DataECFRCCL is the eCFR issue date of the embedded Commerce Control List.
const DataECFRCCL = "2026-07-23"
