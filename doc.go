// Package ear is an embeddable SDK that tells whether a foreign-made item is
// subject to the US Export Administration Regulations (EAR, 15 CFR parts
// 730-774) and whether a license is required to ship it, with every step's
// citation and the facts whose absence leaves an answer open.
//
// # The one call
//
// Decide an order line with license.Check, from the JSON wire format or Go
// values:
//
//	req, err := license.DecodeRequest(r)
//	if err != nil {
//		// a *product.FieldError: err.Field is the wire path, err.Code() a stable code
//	}
//	det, err := license.Check(req)
//	fmt.Println(det.SubjectToEAR(), det.LicenseRequired(), det.Missing())
//
// Every answer is an Answer: Yes, No or Indeterminate; a missing fact never
// becomes No, and the Determination names it. Money and percentages use
// exact decimals; nothing reads the network or files, logs, or keeps mutable
// global state, so every function is safe for concurrent use.
//
// # Layout
//
// Each package imports only the ones before it (this package imports
// none of them):
//
//   - [github.com/earcheck/ear/jurisdiction]: where. Countries, the covered
//     regions of Ukraine, the EAR's country groups (Supplement No. 1 to part
//     740) with dated changes, the Commerce Country Chart (Supplement No. 1
//     to part 738) with its footnotes, the Part 746 programs, civil dates.
//   - [github.com/earcheck/ear/product]: what the caller states. ECCNs with
//     paragraph paths, items and bills of materials, money and quantities,
//     direct-product lineage, and the one error type, FieldError.
//   - [github.com/earcheck/ear/product/ccl]: the Commerce Control List
//     (Supplement No. 1 to part 774) with every License Requirements row
//     structured, generated from a source kept in the repository.
//   - [github.com/earcheck/ear/origin]: exchange rates of one date and exact
//     numbers for the de minimis arithmetic.
//   - [github.com/earcheck/ear/license/fdp]: the foreign direct product
//     rules of 15 CFR 734.9 as dated, cited data with their provenance.
//   - [github.com/earcheck/ear/license/csl]: the Consolidated Screening
//     List: reader, index and footnote classifier.
//   - [github.com/earcheck/ear/license]: the decision. Check, Checker,
//     Request and Determination; de minimis (734.4), the FDP rules (734.9),
//     the Country Chart (738.4) with Part 746, the Entity List and end-use
//     rules of part 744; one file per part of the EAR.
//
// # Data version
//
// The country groups and the chart are those of the eCFR issue of
// 2026-09-24 ([DataECFRTables]); the Commerce Control List is that of the
// eCFR issue of 2026-07-23 ([DataECFRCCL]).
package ear

// DataECFRTables is the eCFR issue date of the embedded country groups and
// Commerce Country Chart.
const DataECFRTables = "2026-09-24"

// DataECFRCCL is the eCFR issue date of the embedded Commerce Control List.
const DataECFRCCL = "2026-07-23"
