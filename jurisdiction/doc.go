// Package jurisdiction answers "where" for the EAR (15 CFR parts 730-774):
// which destinations the regulations name, which country groups each belongs
// to on a given date, what its row of the Commerce Country Chart says, and
// which embargo or sanctions program of part 746 governs it.
//
// # Tables and their date
//
// The package holds two tables of the EAR, generated (go generate; see
// internal/gen) from CSV files in data/ that reproduce the eCFR Title 15
// issue of TablesECFRDate (2026-09-24):
//
//   - Supplement No. 1 to part 740, the country groups A:1 to E:2
//     (GroupsOf, InGroup, GroupSet);
//   - Supplement No. 1 to part 738, the Commerce Country Chart: the X marks
//     of each row in the sixteen columns CB1 to AT2 and FC1, its footnotes,
//     and the four pointer rows (ChartRowOf, ChartRow, Cell, Footnote).
//
// Both name 200 destinations; together 201 (the United States has no chart
// row, Liechtenstein no country-group entry), plus Hong Kong, which has
// neither. Country is the ISO 3166-1 alpha-2 value for each; ParseCountry
// refuses codes the tables do not name.
//
// # Dates
//
// Every question takes an "as of" Date. Country groups are the table as
// printed on TablesECFRDate with the recorded, cited changes
// (GroupChanges: Nicaragua 2024-03-15, Cyprus 2024-05-30, Cambodia
// 2026-02-03, the United Arab Emirates 2026-07-10) undone for earlier
// dates. The record is complete from GroupHistoryFloor (2024-01-01); the
// chart is known unchanged from ChartHistoryFloor (2025-09-30) and
// reconstructed from ChartReconstructionFloor (2020-01-01) by undoing the
// amendments of ChartChanges, cells not known then reading CellUnknown; the part 746
// programs are recorded from ProgramHistoryFloor (2020-01-01), each version
// with its dates (Russia and Belarus from 2022-02-24 in stages, the DNR and
// LNR regions from 2022-02-24, Iran's versions of 2020 and 2023, Syria's of
// 2025). Earlier dates are refused with a *DateRangeError rather than
// answered with today's tables. Later dates get the tables as printed on
// TablesECFRDate.
//
// # Hong Kong, Macau, Liechtenstein and the regions of Ukraine
//
// Hong Kong (HK) is its own Country, but since 2020-12-23 (85 FR 83765, FR
// Doc. 2020-28101) the EAR has no separate entry for it: Country.TablesAs
// maps it to China, and every lookup here reads China's groups and chart
// row for it. For dates before 2020-12-23 Country.TablesAsOn refuses it
// instead of reading it as China.
//
// Macau (MO) is separate: groups D:1, D:3 and D:4, not D:5 and not B, which
// is why many provisions of the EAR say "Macau or D:5".
//
// Liechtenstein has a chart row (marks equal to Switzerland's) whose
// footnote 5 refers to Switzerland (ChartRow.Follows), but Supplement No. 1
// to part 740 does not name it: GroupsOf gives it the empty set, the
// conservative reading.
//
// The Crimea region and the so-called DNR and LNR regions of Ukraine (15 CFR
// 746.6) have no ISO code; a Destination carries them as a Region, allowed
// only with Ukraine (NewDestination, ParseDestination).
//
// # Pointer rows and part 746
//
// The chart rows of Cuba, Iran, North Korea and Syria have no X at all;
// their single cell refers to part 746 (and 742.19 for North Korea). For
// those rows ChartRow.Cell returns CellSeePart746 in every column, never
// CellBlank: an empty pointer row must not read as "no license required".
// ProgramsFor returns the part 746 programs (746.2 Cuba, 746.3 Iraq's
// reasons-for-control paragraphs, 746.4 North Korea, 746.5 Russia's industry
// sector sanctions until 2024-06-12, 746.6 the regions of Ukraine, 746.7
// Iran, 746.8 Russia and Belarus, 746.9 Syria, before and after its
// 2025-09-02 rewrite) that govern a
// destination, each with its citation, period, the CCL and EAR99 items it
// requires a license for, the item facts that decides (an HTS code, whether
// an item is EAR99 food or medicine), and notes on the reading chosen.
// License exceptions are evaluated elsewhere.
//
// # Example
//
// A foreign-made item whose ECCN is controlled for NS column 2 is bound for
// Hong Kong on 2026-11-28:
//
//	hk := jurisdiction.MustParseCountry("HK")
//	asOf := jurisdiction.MustParseDate("2026-11-28")
//	groups, _ := jurisdiction.GroupsOf(hk, asOf) // D:1 D:3 D:4 D:5 (China's)
//	row, _ := jurisdiction.ChartRowOf(hk)         // China's row
//	row.Cell(jurisdiction.NS2)                    // CellX: license required for NS
//	progs, _ := jurisdiction.ProgramsFor(jurisdiction.Destination{Country: hk}, asOf)
//	// progs is empty: no part 746 program covers China
//
// # Design
//
// Values are small and immutable (Country, Group, Column, Region, Date,
// GroupSet, ColumnSet); slices returned are copies; there is no mutable
// package state and no I/O. Bad input gets a typed error naming what is
// wrong (*CountryError with a Kind, *GroupError, *ColumnError,
// *RegionError, *DestinationError with the wire-format field,
// *DateError, *DateRangeError); nothing panics except the Must functions.
package jurisdiction
