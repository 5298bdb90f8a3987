package ccl

import (
	"github.com/earcheck/ear"
	"github.com/earcheck/ear/product"
)

// icParagraphs are the paragraphs of the CCL whose items are all
// integrated circuits, by their headings: 3A001.a ("General purpose
// integrated circuits"), 3A090.a and .b ("Integrated circuits having one or
// more digital processing units"), 3A090.c (high bandwidth memory),
// 3A991.a ("Microprocessor microcircuits", "microcomputer microcircuits",
// microcontroller microcircuits), 3A991.b ("Storage integrated circuits"),
// 3A991.d (field programmable logic devices), 3A991.f ("Custom integrated
// circuits"), 3A991.n ("Digital integrated circuits") and 3A991.p
// ("Integrated circuits, n.e.s.").
var icParagraphs = func() []product.ECCN {
	ss := []string{"3A001.a", "3A090.a", "3A090.b", "3A090.c", "3A991.a", "3A991.b", "3A991.d", "3A991.f", "3A991.n", "3A991.p"}
	out := make([]product.ECCN, len(ss))
	for i, s := range ss {
		out[i] = product.MustParseECCN(s)
	}
	return out
}()

// IntegratedCircuit says what the CCL decides about whether an item
// classified e is an integrated circuit: Yes for an ECCN within a paragraph
// whose items are all integrated circuits (3A001.a, 3A090.a-.c, 3A991.a,
// .b, .d, .f, .n, .p); No for software and technology (product groups D and
// E, which are not commodities); Indeterminate for every other ECCN, EAR99
// and the zero ECCN included (a board, a module or an unclassified part may
// be or carry one: the classification alone does not decide).
func IntegratedCircuit(e product.ECCN) ear.Answer {
	if !e.IsValid() || e.IsEAR99() {
		return ear.Indeterminate
	}
	if k := e.Kind(); k == product.Software || k == product.Technology {
		return ear.No
	}
	for _, p := range icParagraphs {
		if p.Covers(e) {
			return ear.Yes
		}
	}
	return ear.Indeterminate
}
