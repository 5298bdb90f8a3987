package license

import (
	"fmt"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// Part 746 as this package reads it: the embargoes and special controls of
// the destination (jurisdiction.Programs, each with its citation, period and
// the reading chosen), applied to the item's classification. The programs'
// dated data are in package jurisdiction; this file applies them.

// program reads a Part 746 program of the destination for the item.
func (ev *chartEval) program(p jurisdiction.Program, entry ccl.Entry, onCCL bool) Finding {
	f := Finding{Kind: FromProgram, Row: -1, InScope: ear.Yes, Citation: p.Citation}
	title := p.Title
	if onCCL {
		f.Covers = ear.Yes
		switch p.CCL {
		case jurisdiction.CCLAll:
			f.Required = ear.Yes
			f.Why = fmt.Sprintf("%s (%s): a license is required for every item on the CCL", title, p.Citation)
		case jurisdiction.CCLAllExceptCommsSoftware:
			f.Required = ear.Yes
			f.Why = fmt.Sprintf("%s (%s): a license is required for every item on the CCL", title, p.Citation)
			if eccn5D992c.Covers(ev.q.ECCN) || ev.q.ECCN.Covers(eccn5D992c) {
				f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
				f.Why += ", except software necessary to enable the exchange of personal communications over the internet (5D992.c)"
				f.Missing = []string{"item: whether the software is the personal-communications software 746.6(a) excepts"}
			}
		case jurisdiction.CCLCategories3to9:
			if c := ev.q.ECCN.Category(); c >= 3 && c <= 9 {
				f.Required = ear.Yes
				f.Why = fmt.Sprintf("%s (%s): a license is required for every item on the CCL in Categories 3 to 9", title, p.Citation)
			} else {
				f.Covers, f.Required = ear.No, ear.No
				f.Why = fmt.Sprintf("%s (%s): items of Categories 0 to 2 need a license only as the Country Chart requires", title, p.Citation)
			}
		case jurisdiction.CCLChartColumnOrListed:
			hasColumn := false
			for _, c := range entry.AllControls() {
				if c.DestinationRule().Kind() == ccl.RuleColumn {
					hasColumn = true
					break
				}
			}
			listed := false
			for _, s := range p.Listed {
				if l, err := product.ParseECCN(s); err == nil && (l.Covers(ev.q.ECCN) || l.Entry() == ev.q.ECCN.Entry() && ev.q.ECCN.Covers(l)) {
					listed = true
				}
			}
			switch {
			case hasColumn || listed:
				f.Required = ear.Yes
				f.Why = fmt.Sprintf("%s (%s): a license is required for every CCL item whose License Requirements name a chart column, or that is listed", title, p.Citation)
			default:
				// Conservative: an entry with no chart column that the
				// program does not list is left open, not cleared.
				f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
				f.Why = fmt.Sprintf("%s (%s): %s names no chart column and is not listed; the program's reach is not decided by the tables", title, p.Citation, ev.q.ECCN.Entry())
				f.Missing = []string{"eccn: whether " + p.Citation + " reaches this entry"}
			}
		default:
			f.Required = ear.Indeterminate
			f.Why = fmt.Sprintf("%s (%s): scope of CCL items not in the tables", title, p.Citation)
			f.Missing = []string{"destination: the " + p.Citation + " scope"}
		}
	} else {
		switch p.EAR99 {
		case jurisdiction.EAR99All:
			f.Covers, f.Required = ear.Yes, ear.Yes
			f.Why = fmt.Sprintf("%s (%s): a license is required for every item subject to the EAR, EAR99 included", title, p.Citation)
		case jurisdiction.EAR99ExceptFoodMedicine, jurisdiction.EAR99ExceptFoodMedicineCommsSoftware:
			v, given := ev.q.FoodOrMedicine.Get()
			switch {
			case !given:
				f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
				f.Why = fmt.Sprintf("%s (%s): a license is required for EAR99 items other than food and medicine; whether the item is food or medicine is not given", title, p.Citation)
				f.Missing = []string{"item.food_or_medicine"}
			case v:
				f.Covers, f.Required = ear.No, ear.No
				f.Why = fmt.Sprintf("%s (%s): EAR99 food and medicine are excepted", title, p.Citation)
			default:
				f.Covers, f.Required = ear.Yes, ear.Yes
				f.Why = fmt.Sprintf("%s (%s): a license is required for EAR99 items other than food and medicine", title, p.Citation)
				if p.EAR99 == jurisdiction.EAR99ExceptFoodMedicineCommsSoftware {
					f.Why += " (and other than the personal-communications software 746.6(a) excepts)"
				}
			}
		case jurisdiction.EAR99Listed:
			f.Covers, f.Required = ear.Indeterminate, ear.Indeterminate
			lists := strings.Join(p.EAR99List, "; ")
			if ev.q.HTS.IsValid() {
				f.Why = fmt.Sprintf("%s (%s): a license is required for the EAR99 items listed in %s; whether HTS %s is listed is not in the tables", title, p.Citation, lists, ev.q.HTS)
				f.Missing = []string{"item.hts: whether " + ev.q.HTS.String() + " is listed in " + lists}
			} else {
				f.Why = fmt.Sprintf("%s (%s): a license is required for the EAR99 items listed (mostly by HTS code) in %s; the item's HTS code is not given", title, p.Citation, lists)
				f.Missing = []string{"item.hts"}
			}
		default:
			f.Covers, f.Required = ear.No, ear.No
			f.Why = fmt.Sprintf("%s (%s): no license requirement for EAR99 items", title, p.Citation)
		}
	}
	return f
}
