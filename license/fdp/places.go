package fdp

import (
	"slices"
	"strings"

	"github.com/earcheck/ear/jurisdiction"
)

// Places is a set of destinations as the rules name them: everywhere, or
// named places and country groups less excepted groups. The same
// vocabulary serves the FDP rules, the de minimis categories and the
// end-use rules' country lists.
type Places struct {
	Anywhere     bool                 // every destination
	Places       []Place              // named countries and regions
	Groups       []jurisdiction.Group // country groups (Supplement No. 1 to part 740), as of the evaluation date
	ExceptGroups []jurisdiction.Group // a destination also in one of these is out
	Except       []Place              // named places out of the set, whatever their groups

	// text is String's text, made once by NewSet for the places of a
	// Set's rules (which must not change); "" when not made.
	text string
}

// Place is a named destination, in the set from From on (the zero From:
// always) until the day before Until (the zero Until: still in it).
type Place struct {
	Country jurisdiction.Country // the country; with a region, Ukraine
	Region  jurisdiction.Region  // a covered region of Ukraine, or none for the whole country
	From    jurisdiction.Date    // first day in the set; zero: always
	Until   jurisdiction.Date    // first day no longer in the set; zero: still in it
}

// String describes the place: "RU", "UA/crimea".
func (p Place) String() string {
	d := jurisdiction.Destination{Country: p.Country, Region: p.Region}
	return d.String()
}

// in reports whether the place is in the set on asOf.
func (p Place) in(asOf jurisdiction.Date) bool {
	if p.From.IsValid() && asOf.Before(p.From) {
		return false
	}
	return !p.Until.IsValid() || asOf.Before(p.Until)
}

// NamesGroups reports whether deciding membership needs the destination's
// country groups.
func (w Places) NamesGroups() bool { return !w.Anywhere && len(w.Groups) > 0 }

// Contains reports whether d is in the set on asOf, and says why in a
// sentence. gs are the country groups of d's country on asOf; they are
// read only when NamesGroups is true. A named place matches its country
// and, when the place names a region, only that region.
func (w Places) Contains(d jurisdiction.Destination, gs jurisdiction.GroupSet, asOf jurisdiction.Date) (bool, string) {
	in, how, i := w.decide(d, gs, asOf)
	switch how {
	case byExcept:
		return false, d.String() + " is excepted from " + w.String()
	case byAnywhere:
		return true, "any destination"
	case byPlace:
		return true, d.String() + " is " + w.Places[i].String()
	case byExceptGroup:
		return false, d.String() + " is in " + w.ExceptGroups[i].String() + ", excepted"
	case byGroup:
		return true, d.String() + " is in Country Group " + w.Groups[i].String()
	}
	return in, d.String() + " is not in " + w.String()
}

// Includes is Contains without the sentence: whether d is in the set on
// asOf, for callers that need only the answer.
func (w Places) Includes(d jurisdiction.Destination, gs jurisdiction.GroupSet, asOf jurisdiction.Date) bool {
	in, _, _ := w.decide(d, gs, asOf)
	return in
}

// AppendContains is Contains writing its sentence onto b instead of
// returning it, for evaluators that gather their text in one buffer: the
// same answer, the same words.
func (w *Places) AppendContains(b []byte, d jurisdiction.Destination, gs jurisdiction.GroupSet, asOf jurisdiction.Date) (bool, []byte) {
	in, how, i := w.decide(d, gs, asOf)
	switch how {
	case byExcept:
		b = append(AppendDestination(b, d), " is excepted from "...)
		return false, append(b, w.String()...)
	case byAnywhere:
		return true, append(b, "any destination"...)
	case byPlace:
		b = append(AppendDestination(b, d), " is "...)
		return true, AppendDestination(b, jurisdiction.Destination{Country: w.Places[i].Country, Region: w.Places[i].Region})
	case byExceptGroup:
		b = append(AppendDestination(b, d), " is in "...)
		return false, append(append(b, w.ExceptGroups[i].String()...), ", excepted"...)
	case byGroup:
		b = append(AppendDestination(b, d), " is in Country Group "...)
		return true, append(b, w.Groups[i].String()...)
	}
	b = append(AppendDestination(b, d), " is not in "...)
	return in, append(b, w.String()...)
}

// ContainsWithoutGroups answers whether d is in the set using only what
// needs no country groups: the excepted places, "anywhere" and the named
// places. decided is false when the answer turns on the groups (the set
// names groups and none of the rest decides), for a date whose groups are
// not known.
func (w *Places) ContainsWithoutGroups(d jurisdiction.Destination, asOf jurisdiction.Date) (in, decided bool) {
	in, how, _ := w.decide(d, 0, asOf)
	switch how {
	case byExcept, byAnywhere, byPlace:
		return in, true
	}
	return false, len(w.Groups) == 0
}

// AppendDestination appends d's String ("CN", "UA/crimea") to b.
func AppendDestination(b []byte, d jurisdiction.Destination) []byte {
	b = append(b, d.Country.String()...)
	if d.Region != jurisdiction.RegionNone {
		b = append(append(b, '/'), d.Region.String()...)
	}
	return b
}

// How decide decided.
const (
	byNotIn = iota
	byExcept
	byAnywhere
	byPlace
	byExceptGroup
	byGroup
)

// decide is Contains without the sentence: the answer, which test decided
// it and the index of the place or group that did.
func (w *Places) decide(d jurisdiction.Destination, gs jurisdiction.GroupSet, asOf jurisdiction.Date) (bool, int, int) {
	for _, p := range w.Except {
		if p.in(asOf) && d.Country == p.Country && (p.Region == jurisdiction.RegionNone || d.Region == p.Region) {
			return false, byExcept, 0
		}
	}
	if w.Anywhere {
		return true, byAnywhere, 0
	}
	for i, p := range w.Places {
		if !p.in(asOf) {
			continue
		}
		if d.Country == p.Country && (p.Region == jurisdiction.RegionNone || d.Region == p.Region) {
			return true, byPlace, i
		}
	}
	if len(w.Groups) == 0 {
		return false, byNotIn, 0
	}
	for i, g := range w.ExceptGroups {
		if gs.Has(g) {
			return false, byExceptGroup, i
		}
	}
	for i, g := range w.Groups {
		if gs.Has(g) {
			return true, byGroup, i
		}
	}
	return false, byNotIn, 0
}

// String describes the set: "any destination", "MO or D:5",
// "D:1, D:4 or D:5, except A:5 and A:6".
func (w Places) String() string {
	if w.text != "" {
		return w.text
	}
	return w.render()
}

// render makes String's text.
func (w Places) render() string {
	if w.Anywhere {
		return "any destination"
	}
	var parts []string
	for _, p := range w.Places {
		s := p.String()
		switch {
		case p.From.IsValid() && p.Until.IsValid():
			s += " (from " + p.From.String() + " until " + p.Until.String() + ")"
		case p.From.IsValid():
			s += " (from " + p.From.String() + ")"
		case p.Until.IsValid():
			s += " (until " + p.Until.String() + ")"
		}
		parts = append(parts, s)
	}
	for _, g := range w.Groups {
		parts = append(parts, g.String())
	}
	s := joinOr(parts)
	if len(w.ExceptGroups) > 0 {
		var xs []string
		for _, g := range w.ExceptGroups {
			xs = append(xs, g.String())
		}
		s += ", except " + strings.Join(xs, " and ")
	}
	if len(w.Except) > 0 {
		var xs []string
		for _, p := range w.Except {
			xs = append(xs, p.String())
		}
		s += ", not " + strings.Join(xs, " or ")
	}
	return s
}

// empty reports whether the set names nothing.
func (w Places) empty() bool {
	return !w.Anywhere && len(w.Places)+len(w.Groups) == 0
}

func (w Places) clone() Places {
	w.Places = slices.Clone(w.Places)
	w.Groups = slices.Clone(w.Groups)
	w.ExceptGroups = slices.Clone(w.ExceptGroups)
	w.Except = slices.Clone(w.Except)
	w.text = ""
	return w
}

func joinOr(parts []string) string {
	switch len(parts) {
	case 0:
		return "nowhere"
	case 1:
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + " or " + parts[len(parts)-1]
}
