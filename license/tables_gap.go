package license

import (
	"errors"
	"fmt"

	"github.com/earcheck/ear/jurisdiction"
)

// supportedFrom is the earliest as_of a determination answers for (the
// five years of recordkeeping of 15 CFR 762.6 reach back to it). Earlier
// dates are an error (date_out_of_range).
var supportedFrom = jurisdiction.MustParseDate("2020-01-01")

// notModelled reports whether err says that a table's content on a date
// from supportedFrom on is not modelled (the date is before the table's
// floor): the answers that need the table are then indeterminate and name
// the gap, and the rest is decided.
func notModelled(err error, asOf jurisdiction.Date) (*jurisdiction.DateRangeError, bool) {
	de, ok := errors.AsType[*jurisdiction.DateRangeError](err)
	if !ok || !asOf.IsValid() || asOf.Before(supportedFrom) {
		return nil, false
	}
	return de, true
}

// gapText names a table not modelled on a date: "the country groups
// (Supp. No. 1 to part 740) before 2024-01-01 are not modelled".
func gapText(de *jurisdiction.DateRangeError) string {
	if de.Floor.IsValid() {
		return fmt.Sprintf("the %s before %s are not modelled (the SDK's record of them is complete from %s)", tableName(de.Table), de.Floor, de.Floor)
	}
	return fmt.Sprintf("the %s on %s are not modelled (%s)", tableName(de.Table), de.AsOf, de.Msg)
}

func tableName(t string) string {
	switch t {
	case "country groups":
		return "country groups (Supp. No. 1 to part 740)"
	case "country chart":
		return "Commerce Country Chart rows (Supp. No. 1 to part 738)"
	case "part 746 programs":
		return "Part 746 programs"
	}
	return t + " tables"
}

// cclRowsFrom is the first date on which the License Requirements rows of
// the CCL are read as printed in the project's CCL source (ccl.Date()):
// 2025-09-30, the date from which the chart is known unchanged. Before it,
// the rows of that date are not modelled (the CCL changed many times from
// 2020 to 2025 and no earlier copy is held): a requirement a row states
// today is taken to apply (more licensing, never less), and a row that
// states none leaves its finding open, naming the entry's rows on the
// date. A reading chosen.
var cclRowsFrom = jurisdiction.MustParseDate("2025-09-30")

// groupsSurveyedFrom is the date from which the record of the country
// groups was first kept complete (2024-01-01); before it, back to
// 2020-01-01, the record comes from a survey of rule summaries.
var groupsSurveyedFrom = jurisdiction.MustParseDate("2024-01-01")

// partnersFrom is the first date the partner-country carve-outs (Supp.
// No. 3 to part 746, the countries of jurisdiction.PartnerCountries) are
// applied. The supplement dates from 2022-02-24 and its list grew during
// 2022 on dates not recorded: before 2024-01-01 no carve-out is applied
// (more licensing, never less), a reading chosen.
var partnersFrom = jurisdiction.MustParseDate("2024-01-01")

// isPartnerOn reports whether c's exports get the partner-country
// carve-outs on asOf.
func isPartnerOn(c jurisdiction.Country, asOf jurisdiction.Date) bool {
	return c.IsValid() && !asOf.Before(partnersFrom) && jurisdiction.IsPartnerCountry(c)
}
