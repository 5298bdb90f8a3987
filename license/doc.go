// Package license decides one order line: whether a foreign-made item is
// subject to the EAR (15 CFR 734.3) and whether a license is required to
// ship it, each answer an ear.Answer (Yes, No, Indeterminate) with its
// citations, the figures behind it and the facts whose absence leaves it
// open.
//
// # Check and the Determination
//
// Check takes a Request (the wire format of the design, or Go values) and
// returns a Determination:
//
//	req, err := license.DecodeRequest(r) // or build a license.Request in Go
//	det, err := license.Check(req)
//	det.SubjectToEAR()    // ear.Yes, ear.No or ear.Indeterminate, with det.Grounds()
//	det.LicenseRequired() // with det.LicenseReasons()
//	det.Missing()         // the facts that would decide an open answer, by wire path
//	det.Trace()           // every provision applied, in order
//
// A Checker holds a configuration (an FDP rule set, WithFDPRules; a party
// resolver, WithPartyResolver) and is safe for concurrent use: an order
// system builds one and calls Checker.Check from every goroutine. A
// malformed request is a *product.FieldError naming the field by its wire
// path, with a stable Code.
//
// # The parts, called alone
//
// Each part of the determination can be asked alone, with the same Options:
//
//   - DeMinimis: 15 CFR 734.4 and Supplement No. 2 to part 734, the
//     worksheet of controlled US-origin content and the categories with no
//     de minimis level (deminimis_734_4.go holds them as a table with the
//     paragraph's words).
//   - FDP: the foreign direct product rules of 15 CFR 734.9, whose data
//     (citations, dates, scopes, license requirements, provenance) are in
//     package license/fdp; fdp.Default().Markdown() renders the table to
//     read against the CFR.
//   - CountryChart: the item's License Requirements rows against the
//     Commerce Country Chart (738.4) and the Part 746 programs.
//
// Request.DeMinimisQuery and Request.FDPQuery ask a part the question Check
// asks it.
//
// # Parties and the screening list
//
// Party, EndUseFact and Incorporation are the facts of the wire format; the
// lists Parties, EndUses and Incorporations tell unknown (absent) from none
// ([]). A party's list designations are what the request declares, or what
// a PartyResolver finds: package license/csl reads the Consolidated
// Screening List and its csl.Index is one.
//
// Files are named by the part of the EAR they hold: subject_734_3.go,
// deminimis_734_4.go, fdp_734_9.go, chart_738_4.go, required_736_2.go,
// part744.go, part746.go. Nothing in the package reads files or the
// network, logs, or keeps mutable state: every function is safe for
// concurrent use.
package license
