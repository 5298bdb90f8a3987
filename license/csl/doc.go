// Package csl reads the Consolidated Screening List (CSL) and finds the
// list designations of a party in it.
//
// The CSL is the International Trade Administration's consolidation of the
// export screening lists of the Departments of Commerce, State and the
// Treasury into one download (https://www.trade.gov/consolidated-screening-list),
// in a bulk JSON layout that its search API answers in as well. Read reads
// that layout from an io.Reader, streaming it row by row: a row that cannot
// be read is reported as a *RowError and the others are kept. The error
// (a *ReadError) keeps the first MaxRowErrors row problems and counts the
// others, so that neither it nor the memory Read uses grows with the
// number of bad rows.
//
// Of the lists in the CSL, the four kept by the Bureau of Industry and
// Security (BIS) are told apart (List): the Entity List (Supplement No. 4
// to part 744), the Military End-User List (Supplement No. 7 to part 744),
// the Denied Persons List and the Unverified List (Supplement No. 6 to part
// 744). Every other source (the Treasury and State lists) is OtherList.
//
// # Entity List footnotes
//
// The footnotes 1-5 of an Entity List entry (1, 3, 4 and 5 bring the
// entity-based foreign direct product rules of 15 CFR 734.9 to it) are not
// a field of the CSL. The list copies the entry's license requirement
// column into the row's license_requirement text, where each footnote has
// become a plain digit glued to a citation ("734.9(e)1", "734.9(g),3",
// "of the EAR)4"). ClassifyRequirement finds those digits, and the 734.9
// paragraphs the text cites (Citations). A text that cites a paragraph
// without writing its footnote ("734.9(g)" alone) implies that footnote:
// implied footnotes are kept apart from written ones (Citations.Implied),
// so that a caller chooses whether to read the entry conservatively. A
// bare "734.9(e)" with no footnote written or implied leaves the entity
// with one of footnotes 1, 4 and 5 but does not say which
// (Citations.FootnoteUnknown, Designations.FootnoteUnknown).
//
// # Lookup and screening
//
// Index finds rows by exact lookup on a normalized name (NormalizeName)
// and a country (Lookup, ResolveParty). Its Search scores every row's
// names against a name by token-based Jaro-Winkler similarity, per mille
// (also finding a listed name held whole in a longer one, with an address
// or a branch around it, or written with its words joined or split), and
// Screen returns both: the exact designations and the fuzzy
// candidates from a threshold (DefaultMinScore). A candidate is not a
// designation: it says that the party is possibly listed, which is
// indeterminate until a person rules it out, never cleared. So is a name
// Screen could not screen (Screening.Unscreened: empty once normalized,
// or written in a script other than the lists' Latin). A screening
// service can stand in for the index behind license.PartyResolver,
// directly or through ScreeningFunc. Both *Index and ScreeningFunc
// satisfy license.PartyResolver and answer with Designations that say
// where they come from (Source); a nil one answers with an error.
//
// Nothing in the package reads files or the network, logs, or keeps
// mutable state; an Index never changes once built and is safe for
// concurrent use.
package csl
