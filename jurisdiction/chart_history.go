package jurisdiction

// The Commerce Country Chart before ChartHistoryFloor (2025-09-30): the
// chart as printed, with the amendments recorded here undone, from
// ChartReconstructionFloor (2020-01-01) on. Each amendment names its Federal
// Register rule; where a cell's earlier content is not known (an amendment
// reported without the cells it touched, or inferred), the cell is unknown
// on those dates and the findings that read it stay open.
//
// The record comes from a survey of the Federal Register rules that amended
// part 738 from 2020 to 2025, read through their headers and summaries and
// law-firm alerts; the amendatory text of Supplement No. 1 to part 738 was
// not read for any of them (status "reported"). A chart amendment that the
// survey missed is not in it: the license requirements name the
// reconstruction in a warning for every date before 2025-09-30.

var chartReconstructionFloor = MustParseDate("2020-01-01")

// ChartReconstructionFloor returns the earliest date for which ChartRowAsOf
// answers: 2020-01-01. Between it and ChartHistoryFloor the row is the
// printed row with the recorded amendments (ChartChanges) undone.
func ChartReconstructionFloor() Date { return chartReconstructionFloor }

// ChartChangeKind says what a ChartChange did to a cell.
type ChartChangeKind uint8

const (
	// ChartMarkAdded: the X is in the cell from Effective; blank before.
	ChartMarkAdded ChartChangeKind = iota + 1
	// ChartMarkRemoved: the cell is blank from Effective; an X before.
	ChartMarkRemoved
	// ChartCellUnknown: the cell's content is not known before Effective
	// (Until zero), or from Effective until the day before Until.
	ChartCellUnknown
)

// String returns "add", "remove" or "unknown".
func (k ChartChangeKind) String() string {
	switch k {
	case ChartMarkAdded:
		return "add"
	case ChartMarkRemoved:
		return "remove"
	case ChartCellUnknown:
		return "unknown"
	}
	return ""
}

// ChartChange is one recorded amendment of a chart cell since 2020.
type ChartChange struct {
	Country   Country // the row; the zero Country: every row
	Column    Column
	Change    ChartChangeKind
	Effective Date
	Until     Date   // for ChartCellUnknown over a window; zero otherwise
	Citation  string // the Federal Register rule
	TextRead  bool   // the amendatory text was read; false: reported
	Source    string // what reports it
}

const (
	frRussiaYemen = "85 FR 10274 (FR Doc. 2020-02941), effective 2020-02-24"
	frSudan       = "86 FR 4929 (FR Doc. 2020-29037), effective 2021-01-14"
	frBelarus     = "87 FR 13048 (FR Doc. 2022-04819), effective 2022-03-02"
	frAUKUS       = "89 FR 28594 (FR Doc. 2024-08446), effective 2024-04-19"
	frFirearms    = "89 FR 34680 (FR Doc. 2024-08813), effective 2024-05-30; rescinded by 90 FR 47170 (FR Doc. 2025-18992), effective 2025-09-30"
)

// chartChangeTable is the record, oldest first.
var chartChangeTable = [...]ChartChange{
	{Russia, NP1, ChartMarkAdded, MustParseDate("2020-02-24"), Date{}, frRussiaYemen, false,
		"rule amending parts 738, 740 and 742 ('Amendments to Country Groups for Russia and Yemen'); Russia moved into D:2, whose chart column is NP1"},
	{Russia, NP2, ChartCellUnknown, MustParseDate("2020-02-24"), Date{}, frRussiaYemen, false,
		"that the same rule added NP2 is inferred by analogy with the Venezuela rule of 2019 (84 FR 24018): the cell before it is not known"},
	{Country{code: [2]byte{'S', 'D'}}, AT1, ChartMarkRemoved, MustParseDate("2021-01-14"), Date{}, frSudan, false,
		"rescission of Sudan's designation as a State Sponsor of Terrorism: the AT marks of the Sudan row removed, 742.10 removed"},
	{Country{code: [2]byte{'S', 'D'}}, AT2, ChartCellUnknown, MustParseDate("2021-01-14"), Date{}, frSudan, false,
		"whether the Sudan row also carried AT2 before the rescission is not known"},
	{Belarus, NP1, ChartMarkAdded, MustParseDate("2022-03-02"), Date{}, frBelarus, false,
		"'imposes a license requirement for nuclear nonproliferation items for exports and reexports to Belarus' (the rule's summary)"},
	{Australia, NS1, ChartMarkRemoved, MustParseDate("2024-04-19"), Date{}, frAUKUS, false,
		"AUKUS rule: NS1, MT1 and RS1 license requirements removed for Australia and the United Kingdom, with the chart's corresponding changes"},
	{Australia, MT1, ChartMarkRemoved, MustParseDate("2024-04-19"), Date{}, frAUKUS, false, "as for NS1"},
	{Australia, RS1, ChartMarkRemoved, MustParseDate("2024-04-19"), Date{}, frAUKUS, false, "as for NS1"},
	{UnitedKingdom, NS1, ChartMarkRemoved, MustParseDate("2024-04-19"), Date{}, frAUKUS, false, "as for Australia"},
	{UnitedKingdom, MT1, ChartMarkRemoved, MustParseDate("2024-04-19"), Date{}, frAUKUS, false, "as for Australia"},
	{UnitedKingdom, RS1, ChartMarkRemoved, MustParseDate("2024-04-19"), Date{}, frAUKUS, false, "as for Australia"},
	{Country{}, CC1, ChartCellUnknown, MustParseDate("2024-05-30"), MustParseDate("2025-09-30"), frFirearms, false,
		"the firearms interim final rule added Crime Control license requirements; the rows it marked were not identified"},
	{Country{}, CC2, ChartCellUnknown, MustParseDate("2024-05-30"), MustParseDate("2025-09-30"), frFirearms, false, "as for CC1"},
	{Country{}, CC3, ChartCellUnknown, MustParseDate("2024-05-30"), MustParseDate("2025-09-30"), frFirearms, false, "as for CC1"},
}

// ChartChanges returns the recorded amendments of the chart since
// ChartReconstructionFloor, oldest first. The caller owns the slice.
func ChartChanges() []ChartChange {
	out := make([]ChartChange, len(chartChangeTable))
	copy(out, chartChangeTable[:])
	return out
}

// reconstruct returns r as of asOf (before chartHistoryFloor): the
// recorded amendments in force after asOf undone.
func (r ChartRow) reconstruct(asOf Date) ChartRow {
	r.reconstructed = true
	for i := range chartChangeTable {
		ch := &chartChangeTable[i]
		if ch.Country.IsValid() && ch.Country != r.country {
			continue
		}
		bit := ColumnSetOf(ch.Column)
		switch ch.Change {
		case ChartMarkAdded:
			if asOf.Before(ch.Effective) {
				r.minus |= bit
			}
		case ChartMarkRemoved:
			if asOf.Before(ch.Effective) {
				r.plus |= bit
			}
		case ChartCellUnknown:
			if !ch.Until.IsValid() && asOf.Before(ch.Effective) || ch.Until.IsValid() && !asOf.Before(ch.Effective) && asOf.Before(ch.Until) {
				r.unknown |= bit
			}
		}
	}
	return r
}

// Reconstructed reports whether the row is the printed row with recorded
// amendments undone (a date before ChartHistoryFloor).
func (r ChartRow) Reconstructed() bool { return r.reconstructed }
