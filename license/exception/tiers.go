package exception

import (
	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
)

// ComputerTier3 answers whether the destination d is a "Computer Tier 3"
// destination on asOf: one of the destinations 740.7(d)(1) lists, as read
// (appTier3). Burma and Cambodia, in Tier 3 in the copy read but not
// before 2023-11-17 as far as is known, are Indeterminate before that day.
// Other provisions name the tier too: 15 CFR 734.4(a)(1) ("Computer Tier 3
// destinations"). Hong Kong reads as China.
func ComputerTier3(d jurisdiction.Destination, asOf jurisdiction.Date) ear.Answer {
	d = jurisdiction.Destination{Country: d.Country.TablesAs(), Region: d.Region}
	unknown := fdp.Places{Places: appTierUnknown}
	if asOf.Before(appMovedBy) && unknown.Includes(d, 0, asOf) {
		return ear.Indeterminate
	}
	tier3 := fdp.Places{Places: appTier3}
	return ear.AnswerOf(tier3.Includes(d, 0, asOf))
}
