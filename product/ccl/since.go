package ccl

import (
	"slices"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// Since reports when the CCL entry or paragraph that holds e entered the
// list, for the entries and paragraphs created since 2020 that the SDK
// records (the advanced computing and semiconductor entries of 2022 to
// 2025, the .z paragraphs, the quantum and GAAFET entries of 2024, the
// firearms entries of 2024), with the Federal Register rule that created
// it. ok is false for e in any other entry: the project's CCL source is the
// 2026-07-23 text, and an entry not recorded here is not known to be new
// (nor known to be unchanged).
//
// On an earlier date an item could not be classified under it: the chart
// reading of such an ECCN is open before that date (the classification the
// item had then decides). Where the creation date is reported rather than
// read, the later candidate date is recorded (more dates open, never fewer).
func Since(e product.ECCN) (since jurisdiction.Date, citation string, ok bool) {
	best := -1
	for i := range entrySinceParsed {
		if !entrySinceParsed[i].ref.Covers(e) {
			continue
		}
		if best < 0 || len(entrySince[i].ref) > len(entrySince[best].ref) {
			best = i
		}
	}
	if best < 0 {
		return jurisdiction.Date{}, "", false
	}
	return entrySinceParsed[best].since, entrySince[best].citation, true
}

// entrySinceParsed is entrySince parsed once, aligned with it.
var entrySinceParsed = func() (out [len(entrySince)]struct {
	ref   product.ECCN
	since jurisdiction.Date
}) {
	for i, s := range entrySince {
		out[i].ref, out[i].since = product.MustParseECCN(s.ref), jurisdiction.MustParseDate(s.since)
	}
	return out
}()

const (
	fr2022Oct  = "87 FR 62186 (FR Doc. 2022-21658): its CCL amendments effective 2022-10-21 (reported; the rule's other parts from 2022-10-07)"
	fr2023Oct  = "88 FR 73458, effective 2023-11-17 (reported)"
	fr2024Fire = "89 FR 34680 (FR Doc. 2024-08813), effective 2024-05-30 (reported)"
	fr2024Sep  = "89 FR 72926, effective 2024-09-06 (reported)"
	fr2024Dec  = "89 FR 96790 (FR Doc. 2024-28270), effective 2024-12-02"
	fr2025Jan  = "90 FR 4544, effective 2025-01-13 (reported)"
)

// entrySince is the record of Since: the entry or paragraph, the first day
// it was on the list, and the rule. 4D090 is recorded from 2023-11-17, the
// later of the two candidate rules.
var entrySince = [...]struct{ ref, since, citation string }{
	{"3A090", "2022-10-21", fr2022Oct},
	{"4A090", "2022-10-21", fr2022Oct},
	{"4D090", "2023-11-17", fr2023Oct},
	{"3A001.z", "2023-11-17", fr2023Oct},
	{"4A003.z", "2023-11-17", fr2023Oct},
	{"4A004.z", "2023-11-17", fr2023Oct},
	{"4A005.z", "2023-11-17", fr2023Oct},
	{"5A002.z", "2023-11-17", fr2023Oct},
	{"5A004.z", "2023-11-17", fr2023Oct},
	{"5A992.z", "2023-11-17", fr2023Oct},
	{"5D002.z", "2023-11-17", fr2023Oct},
	{"5D992.z", "2023-11-17", fr2023Oct},
	{"0A506", "2024-05-30", fr2024Fire},
	{"0A507", "2024-05-30", fr2024Fire},
	{"0A508", "2024-05-30", fr2024Fire},
	{"0A509", "2024-05-30", fr2024Fire},
	{"2B910", "2024-09-06", fr2024Sep},
	{"2D910", "2024-09-06", fr2024Sep},
	{"2E910", "2024-09-06", fr2024Sep},
	{"3A901", "2024-09-06", fr2024Sep},
	{"3A904", "2024-09-06", fr2024Sep},
	{"3B903", "2024-09-06", fr2024Sep},
	{"3B904", "2024-09-06", fr2024Sep},
	{"3C907", "2024-09-06", fr2024Sep},
	{"3C908", "2024-09-06", fr2024Sep},
	{"3C909", "2024-09-06", fr2024Sep},
	{"3D901", "2024-09-06", fr2024Sep},
	{"3D907", "2024-09-06", fr2024Sep},
	{"3E901", "2024-09-06", fr2024Sep},
	{"3E905", "2024-09-06", fr2024Sep},
	{"4A906", "2024-09-06", fr2024Sep},
	{"4D906", "2024-09-06", fr2024Sep},
	{"4E906", "2024-09-06", fr2024Sep},
	{"3A090.c", "2024-12-02", fr2024Dec},
	{"3B993", "2024-12-02", fr2024Dec},
	{"3B994", "2024-12-02", fr2024Dec},
	{"3D993", "2024-12-02", fr2024Dec},
	{"3D994", "2024-12-02", fr2024Dec},
	{"3E993", "2024-12-02", fr2024Dec},
	{"3E994", "2024-12-02", fr2024Dec},
	{"4E091", "2025-01-13", fr2025Jan},
}

// NewEntry is an entry or paragraph that entered the CCL on Since (see
// Since), with the Federal Register rule that created it.
type NewEntry struct {
	ECCN     product.ECCN
	Since    jurisdiction.Date
	Citation string
}

// NewEntries returns the record of Since, oldest first. The caller owns
// the slice.
func NewEntries() []NewEntry {
	out := make([]NewEntry, len(entrySince))
	for i := range entrySince {
		out[i] = NewEntry{ECCN: entrySinceParsed[i].ref, Since: entrySinceParsed[i].since, Citation: entrySince[i].citation}
	}
	slices.SortStableFunc(out, func(a, b NewEntry) int { return a.Since.Compare(b.Since) })
	return out
}
