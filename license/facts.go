package license

import (
	"sync"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// isIC says whether a bill-of-materials line is an integrated circuit, the
// fact 734.4(a)(8), (a)(9) and the contains-IC routes of 734.9(e)(3) and
// (k) turn on: as the caller states it (components[].integrated_circuit),
// else as the CCL decides it (ccl.IntegratedCircuit). Bundled software and
// commingled technology are not integrated circuits. Any other line the
// caller does not mark may be or contain one (3A001.b.2 amplifiers are
// MMICs, EAR99 parts are unclassified): Indeterminate, and the line's
// integrated_circuit field is the missing fact.
func isIC(l product.Line) ear.Answer {
	if v, given := l.IntegratedCircuit.Get(); given {
		return ear.AnswerOf(v)
	}
	if l.Relation == product.Bundled || l.Relation == product.Commingled {
		return ear.No
	}
	return ccl.IntegratedCircuit(l.ECCN)
}

// smeEquipment is the equipment list of the SME FDP rule, 734.9(k)(1),
// which 734.4(a)(8) names word for word: one list, read from the rule
// data.
var smeEquipment = sync.OnceValue(func() []fdp.Pattern {
	r, _ := fdp.Default().Rule(fdp.MustParseCitation("15 CFR 734.9(k)"))
	return r.Product.Item.Patterns
})
