package jurisdiction

import "fmt"

// DateRangeError reports an "as of" date for which a table cannot answer:
// before the earliest date from which the package's record of that table
// is complete (its floor), or the zero Date. The package never answers such
// a date with today's table.
type DateRangeError struct {
	Table string // "country groups", "country chart", "part 746 programs" or "destinations"
	AsOf  Date   // the date asked for
	Floor Date   // the earliest date the table answers for; zero if AsOf itself is invalid
	Msg   string // what is wrong, in words
}

// Error implements the error interface.
func (e *DateRangeError) Error() string {
	return fmt.Sprintf("jurisdiction: %s as of %q: %s", e.Table, e.AsOf.String(), e.Msg)
}

// mustDate parses constant dates in the generated tables; the generator has
// already checked them.
func mustDate(s string) Date { return MustParseDate(s) }

var (
	groupHistoryFloor = mustDate(groupHistoryFloorText)
	chartHistoryFloor = mustDate(chartHistoryFloorText)
	tablesDate        = mustDate(TablesECFRDate)
)

// TablesDate returns TablesECFRDate as a Date: the eCFR issue the country
// tables were generated from.
func TablesDate() Date { return tablesDate }

// GroupHistoryFloor returns the earliest date for which GroupsOf answers:
// 2020-01-01. The changes recorded in data/group_changes.csv are every
// change to Supplement No. 1 to part 740 that a survey of the Federal
// Register from that date to TablesECFRDate found (before 2024 through the
// rules' headers, summaries and alerts: a GroupChange says whether its text
// was read). A destination whose membership before a date is not known (a
// GroupUnknown change: Russia before 2024-01-01, Belarus before 2022-03-02)
// is refused before it; for dates before the floor GroupsOf returns a
// *DateRangeError instead of today's membership.
func GroupHistoryFloor() Date { return groupHistoryFloor }

// ChangeKind says whether a GroupChange added or removed a destination.
type ChangeKind uint8

const (
	// GroupAdded means the destination entered the group on Effective.
	GroupAdded ChangeKind = iota + 1
	// GroupRemoved means the destination left the group on Effective.
	GroupRemoved
	// GroupUnknown means the destination's membership of the group before
	// Effective is not known (it is a member from then on, or the record
	// says which): GroupsOf refuses the destination's groups on earlier
	// dates with a *DateRangeError whose Floor is Effective.
	GroupUnknown
)

// String returns "add" or "remove".
func (k ChangeKind) String() string {
	switch k {
	case GroupAdded:
		return "add"
	case GroupRemoved:
		return "remove"
	case GroupUnknown:
		return "unknown"
	}
	return ""
}

// GroupChange is one recorded change to Supplement No. 1 to part 740: a
// destination added to or removed from a group, in force from Effective.
// The current table (as of TablesECFRDate) already contains every change;
// GroupsOf undoes the ones not yet in force on the date asked.
type GroupChange struct {
	Country   Country
	Group     Group
	Change    ChangeKind
	Effective Date   // first day in force
	Citation  string // Federal Register citation, e.g. "89 FR 18780 (FR Doc. 2024-05696)"
	TextRead  bool   // the rule's text was read (in a stored copy); false: only secondary sources report the change ("reported")
	Source    string // what was read to verify it
}

// GroupChanges returns every recorded change, oldest first. The caller owns
// the returned slice.
func GroupChanges() []GroupChange {
	out := make([]GroupChange, len(groupChangeTable))
	copy(out, groupChangeTable[:])
	return out
}

// GroupsOf returns the country groups of Supplement No. 1 to part 740 that c
// belongs to on asOf.
//
// Hong Kong reads as China (see Country.TablesAs). A destination the
// supplement does not name has the empty set: Liechtenstein, which the
// supplement does not list (the conservative reading, giving it no A or B
// license-exception eligibility; that it shares Switzerland's groups under
// 738.3(b) is an unverified inference and is not applied). The Crimea, DNR
// and LNR regions take Ukraine's entries nominally, but section 746.6
// governs them; see ProgramsFor.
//
// Membership is the table as printed on TablesECFRDate with the recorded
// changes (GroupChanges) that were not yet in force on asOf undone. Dates
// before GroupHistoryFloor, the zero Date and the zero Country are errors
// (*DateRangeError, *CountryError). Dates after TablesECFRDate get the table
// as printed on that date: later changes are not known to the package.
func GroupsOf(c Country, asOf Date) (GroupSet, error) {
	as, err := groupsCountry(c, asOf)
	if err != nil {
		return 0, err
	}
	r := as.record()
	s := r.groups
	// Undo, newest first, every change not yet in force on asOf.
	for i := len(groupChangeTable) - 1; i >= 0; i-- {
		ch := &groupChangeTable[i]
		if !asOf.Before(ch.Effective) {
			break
		}
		if ch.Country != as {
			continue
		}
		switch ch.Change {
		case GroupAdded:
			s = s.Without(ch.Group)
		case GroupRemoved:
			s = s.With(ch.Group)
		case GroupUnknown:
			return 0, &DateRangeError{
				Table: "country groups", AsOf: asOf, Floor: ch.Effective,
				Msg: fmt.Sprintf("%s's membership of %s before %s is not known (%s)", as.Name(), ch.Group, ch.Effective, ch.Citation),
			}
		}
	}
	return s, nil
}

// groupsCountry checks c and asOf and returns the destination whose
// entries the supplement uses for c on asOf.
func groupsCountry(c Country, asOf Date) (Country, error) {
	if !c.IsValid() {
		return Country{}, &CountryError{Input: "", Kind: CountryZero, Msg: "the zero Country is no destination"}
	}
	if !asOf.IsValid() {
		return Country{}, &DateRangeError{Table: "country groups", AsOf: asOf, Msg: "the zero Date is no date"}
	}
	if asOf.Before(groupHistoryFloor) {
		return Country{}, &DateRangeError{
			Table: "country groups", AsOf: asOf, Floor: groupHistoryFloor,
			Msg: "before " + groupHistoryFloor.String() + ", the earliest date from which the record of changes to Supplement No. 1 to part 740 is complete",
		}
	}
	return c.TablesAsOn(asOf)
}

// InGroup reports whether c is in group g on asOf. It returns the errors of
// GroupsOf, and a *GroupError for an invalid g.
func InGroup(c Country, g Group, asOf Date) (bool, error) {
	if !g.IsValid() {
		return false, &GroupError{Input: fmt.Sprintf("Group(%d)", uint8(g))}
	}
	s, err := GroupsOf(c, asOf)
	if err != nil {
		return false, err
	}
	return s.Has(g), nil
}

// InCountryGroups reports whether Supplement No. 1 to part 740 names c (or,
// for Hong Kong, the destination the tables use for it). Liechtenstein is
// the one chart destination the supplement does not name.
func (c Country) InCountryGroups() bool {
	r := c.TablesAs().record()
	return r != nil && r.inGroups
}
