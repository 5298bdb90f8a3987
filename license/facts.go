package license

import (
	"slices"
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

// validateAgainstCCL refuses facts of the item that the Commerce Control
// List contradicts: a classification in a paragraph the CCL does not have
// ("3A090.d": 3A090 has .a, .b and .c), which is an input error naming the
// field as an unknown entry is (ccl.Paragraph answers No only where the
// entry's paragraphs are known), and a line declared not an integrated circuit whose ECCN is
// a paragraph of integrated circuits (ccl.IntegratedCircuit), such as
// integrated_circuit false on a 3A991.a line. (A board that carries U.S.
// integrated circuits is declared with the circuits as lines of their own,
// each with its ECCN and value; integrated_circuit states what the line
// itself is.) The error is a *product.FieldError wrapping
// product.ErrInconsistent.
func validateAgainstCCL(it product.Item) error {
	if !knownToCCL(it.ECCN) {
		return unknownToCCL("item.eccn", it.ECCN)
	}
	if !knownToCCL(it.For) {
		return unknownToCCL("item.for", it.For)
	}
	var seen []product.ECCN // the classifications already checked (bills repeat them)
	known := func(e product.ECCN) bool {
		if !e.IsValid() || slices.Contains(seen, e) {
			return true
		}
		if knownToCCL(e) {
			if len(seen) < 64 {
				seen = append(seen, e)
			}
			return true
		}
		return false
	}
	for i, l := range it.Components {
		if !known(l.ECCN) {
			return unknownToCCL(componentField(i)+".eccn", l.ECCN)
		}
		if !known(l.For) {
			return unknownToCCL(componentField(i)+".for", l.For)
		}
		if l.IntegratedCircuit.IsFalse() && ccl.IntegratedCircuit(l.ECCN) == ear.Yes {
			return fdpFieldErr(componentField(i)+".integrated_circuit", product.ErrInconsistent,
				"declared not an integrated circuit, but the CCL describes every item of %s as an integrated circuit", l.ECCN)
		}
	}
	return nil
}

// knownToCCL reports whether the CCL has the ECCN's entry and paragraph
// (or cannot tell); the zero ECCN (not given) and EAR99 pass.
func knownToCCL(e product.ECCN) bool {
	return !e.IsValid() || e.IsEAR99() || ccl.Paragraph(e) != ear.No
}

// unknownToCCL is the error for an ECCN the CCL does not have.
func unknownToCCL(field string, e product.ECCN) error {
	if _, ok := ccl.Lookup(e); !ok {
		return fdpFieldErr(field, product.ErrInvalid, "%s is not an entry of the Commerce Control List of %s", e.Entry(), ccl.Date())
	}
	return fdpFieldErr(field, product.ErrInvalid, "the Commerce Control List of %s has no paragraph %s", ccl.Date(), e)
}
