package license

import (
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/shopspring/decimal"
)

// The destination and end-user scope of the FDP rules (15 CFR 734.9): each
// rule's prongs, the Entity List footnotes, the places of fdp.Places.

// --- reach ---

func (ev *fdpEval) prong(r *fdp.Rule, p *fdp.Prong) (fdpFind, error) {
	q := ev.q
	switch p.Kind {
	case fdp.ProngDestination:
		m := ev.mark()
		in, err := ev.inSet(q.Destination, &p.Where, true)
		if err != nil {
			return fdpFind{}, err
		}
		if in == ear.Indeterminate {
			ev.cut(m)
			return ev.gapFind(q.Destination, &p.Where), nil
		}
		return ev.leaf(in, m), nil
	case fdp.ProngIncorporation:
		if !q.Incorporations.Known() {
			return ev.unknownS("incorporations", "unknown whether the item will be incorporated into items bound for ", p.Where.String()), nil
		}
		var open *jurisdiction.Destination
		for _, inc := range q.Incorporations.list.items {
			if !inc.Destination.IsValid() {
				continue
			}
			d := jurisdiction.Destination{Country: inc.Destination, Region: inc.Region}
			in, err := ev.inSet(d, &p.Where, false)
			if err != nil {
				return fdpFind{}, err
			}
			switch in {
			case ear.Yes:
				m := ev.mark()
				ev.w("to be incorporated into items bound for ")
				ev.dest(d)
				return ev.yes(m), nil
			case ear.Indeterminate:
				open = &d
			}
		}
		if open != nil {
			return ev.gapFind(*open, &p.Where), nil
		}
		return ev.noS("no known incorporation into items bound for ", p.Where.String()), nil
	case fdp.ProngFootnote:
		return ev.footnote(r, p.Footnote), nil
	case fdp.ProngGovernment:
		if !q.Parties.Known() {
			return ev.unknownS("parties", "parties unknown: whether the Government of ", p.Government.Name(), " is a party"), nil
		}
		for _, pt := range q.Parties.list.items {
			if pt.GovernmentOf == p.Government {
				return ev.yesS(fdpPartyName(pt), " (", pt.Role.String(), ") is the Government of ", p.Government.Name()), nil
			}
		}
		return ev.noS("no party declared to be the Government of ", p.Government.Name()), nil
	case fdp.ProngEndUse:
		// The end use where it is: end_uses[i].located_in, or (the reading
		// chosen) the destination when the request does not say, and then
		// the countries of the end users it names.
		use := p.EndUse.String()
		if !q.EndUses.Known() {
			f := ev.mark()
			ev.w("end_uses")
			m := ev.mark()
			ev.w("end uses unknown: whether the item is for ", use, " (")
			k := ev.mark()
			in, err := ev.inSet(q.Destination, &p.Where, true)
			if err != nil {
				return fdpFind{}, err
			}
			if in != ear.Yes {
				// Where the end use is unknown, it may still be in the
				// places: the fact is open only when the use is.
				ev.cut(k)
				ev.w("end uses unknown: whether the item is for ", use, " in ", p.Where.String())
			}
			ev.w(")")
			return ev.unknown(f, m), nil
		}
		found := ev.noS("no ", use, " end use known")
		for i, f := range q.EndUses.list.items {
			if f.Use != p.EndUse {
				continue
			}
			at := q.Destination
			stated := f.LocatedIn.IsValid()
			if stated {
				at = jurisdiction.Destination{Country: f.LocatedIn}
			}
			m := ev.mark()
			ev.w("end use ", use, " ")
			if stated {
				ev.w("located in ")
				ev.dest(at)
			} else {
				ev.w("at the destination ")
				ev.dest(at)
				ev.w(" (where it is located is not stated)")
			}
			k := ev.mark()
			ev.w(": ")
			in, err := ev.inSet(at, &p.Where, true)
			if err != nil {
				if stated {
					if fe, ok := err.(*product.FieldError); ok && fe.Field == "destination.country" {
						fe.Field = fmt.Sprintf("end_uses[%d].located_in", i)
					}
				}
				return fdpFind{}, err
			}
			switch in {
			case ear.Yes:
				return ev.yes(m), nil
			case ear.Indeterminate:
				ev.cut(m)
				found = ev.gapFind(at, &p.Where)
				continue
			}
			if !stated {
				// Not located: also read at each end user's country (the
				// reading chosen, as for 744.21 and 744.23).
				ev.cut(m)
				if q.Parties.Known() {
					for _, pt := range q.Parties.list.items {
						c := pt.Country.TablesAs()
						if pt.Role != RoleEndUser || !c.IsValid() || c == q.Destination.Country.TablesAs() {
							continue
						}
						d := jurisdiction.Destination{Country: c}
						in, err := ev.inSet(d, &p.Where, false)
						if err != nil {
							return fdpFind{}, err
						}
						if in == ear.Yes {
							return ev.yesS("end use ", use, " at the end user's country ", c.String(), " (where it is located is not stated), in ", p.Where.String()), nil
						}
					}
				}
				m = ev.mark()
				ev.w("end use ", use, " at the destination ")
				ev.dest(at)
				ev.w(" (where it is located is not stated)")
			}
			ev.cut(k)
			ev.w(", not in ", p.Where.String())
			if found.a != ear.Indeterminate {
				found = ev.no(m)
			}
		}
		return found, nil
	case fdp.ProngPartyHQ:
		return ev.partyHQ(p)
	case fdp.ProngDeveloperHQ:
		if ev.q.Item.EffectiveKind() != product.Technology {
			return ev.noS("the item is not technology developed for masks or IC wafers or dies"), nil
		}
		return ev.unknownS("item", "whether the technology was developed by an entity headquartered in ", p.Where.String(), " for producing a mask or an IC wafer or die is not stated"), nil
	}
	return fdpFind{}, fmt.Errorf("license: rule %s: invalid prong kind %d", r.Citation, p.Kind)
}

// partyHQ is the prong "worldwide to an entity headquartered in, or whose
// ultimate parent company is headquartered in" the places, read with the
// Note to 734.9(h)(2): any party to the transaction. A party's
// headquartered_in is the caller's declaration (the wire format: absent,
// none declared), and a "no" says that it rests on the declarations;
// unknown parties leave the prong open.
func (ev *fdpEval) partyHQ(p *fdp.Prong) (fdpFind, error) {
	q := ev.q
	if !q.Parties.Known() {
		return ev.unknownS("parties", "parties unknown: whether a party is headquartered (or has its ultimate parent headquartered) in ", p.Where.String()), nil
	}
	found := ev.noS("no party is declared headquartered (nor with its ultimate parent headquartered) in ", p.Where.String(), ": the answer rests on the parties' declarations")
	for i, pt := range q.Parties.list.items {
		if !pt.HeadquarteredIn.IsValid() {
			continue // none declared
		}
		hq := jurisdiction.Destination{Country: pt.HeadquarteredIn}
		in, err := ev.inSet(hq, &p.Where, false)
		if err != nil {
			if fe, ok := err.(*product.FieldError); ok && fe.Field == "destination.country" {
				fe.Field = fmt.Sprintf("parties[%d].headquartered_in", i)
			}
			return fdpFind{}, err
		}
		switch in {
		case ear.Yes:
			return ev.yesS(fdpPartyName(pt), " (", pt.Role.String(), ") is headquartered in ", pt.HeadquarteredIn.String(), ", in ", p.Where.String()), nil
		case ear.Indeterminate:
			found = ev.any(found, ev.gapFind(hq, &p.Where))
		}
	}
	return found, nil
}

func fdpPartyName(p Party) string {
	if p.Name == "" {
		return "a party"
	}
	return p.Name
}

// affiliates reports whether the affiliates rule is taken as in force on
// the query's date, and writes its warning once.
func (ev *fdpEval) affiliates() (bool, fdpSpan) {
	if !ev.affKnown {
		in, warn := affiliatesInForce(ev.q.AsOf, ev.q.Options.Affiliates)
		m := ev.omark()
		ev.ow(warn)
		ev.affKnown, ev.aff, ev.affWarn = true, in, ev.osince(m)
	}
	return ev.aff, ev.affWarn
}

// statuses returns the parties' designations, with or without the
// affiliates rule, worked out once per evaluation.
func (ev *fdpEval) partyStatuses(affiliates bool) []partyStatus {
	i := 0
	if affiliates {
		i = 1
	}
	sc := ev.fdpScratch
	if !ev.statusKnown[i] {
		sc.statuses[i] = sc.statuses[i][:0]
		for _, p := range ev.q.Parties.list.items {
			sc.statuses[i] = append(sc.statuses[i], statusOf(p, affiliates))
		}
		ev.statusKnown[i] = true
	}
	return sc.statuses[i]
}

// footnote evaluates the Entity List footnote prong: a party with the
// footnote (or, under the affiliates rule, owned 50 percent or more by
// listed owners one of which has it), or an incorporation for such a party.
func (ev *fdpEval) footnote(r *fdp.Rule, n int) fdpFind {
	q := ev.q
	affiliates := false
	if r.Affiliates {
		var warn fdpSpan
		if affiliates, warn = ev.affiliates(); warn.a != warn.b {
			ev.warn(warn)
		}
	}
	var party fdpFind
	if !q.Parties.Known() {
		f := ev.mark()
		ev.w("parties")
		m := ev.mark()
		ev.w("parties unknown: whether a footnote ")
		ev.num(n)
		ev.w(" entity is a party")
		party = ev.unknown(f, m)
	} else {
		m := ev.mark()
		ev.w("no party declared with Entity List footnote ")
		ev.num(n)
		ev.w(" (the footnotes are the caller's declarations)")
		party = ev.no(m)
		items := q.Parties.list.items
		var sts []partyStatus
		if len(items) > 0 {
			sts = ev.partyStatuses(affiliates)
		}
		for j, pt := range items {
			st := &sts[j]
			if st.footnotes.Has(n) {
				m := ev.mark()
				ev.w(fdpPartyName(pt), " (", pt.Role.String(), ") has Entity List footnote ")
				ev.num(n)
				party = ev.yes(m)
				break
			}
			if st.inheritFootnotes.Has(n) {
				party = ev.yesS(fdpPartyName(pt), " (", pt.Role.String(), ") is ", st.affiliate)
				break
			}
			if st.possibleFootnotes.Has(n) && party.a == ear.No {
				f := ev.mark()
				ev.w("parties")
				m := ev.mark()
				ev.w(fdpPartyName(pt), " (", pt.Role.String(), "): ", st.possibly(), " (footnote ")
				ev.num(n)
				ev.w(")")
				party = ev.unknown(f, m)
			}
		}
	}
	var inc fdpFind
	if !q.Incorporations.Known() {
		f := ev.mark()
		ev.w("incorporations")
		m := ev.mark()
		ev.w("unknown whether the item will go into items of a footnote ")
		ev.num(n)
		ev.w(" entity")
		inc = ev.unknown(f, m)
	} else {
		found := false
		for _, in := range q.Incorporations.list.items {
			if slices.Contains(in.ByPartyWithFootnotes, n) {
				found = true
				break
			}
		}
		m := ev.mark()
		ev.w(pick(found, "to be incorporated into items of a footnote ", "no known incorporation into items of a footnote "))
		ev.num(n)
		ev.w(" entity")
		inc = ev.leaf(ear.AnswerOf(found), m)
	}
	return ev.any(party, inc)
}

// percentText writes a share without trailing zeros ("62.5"), by
// StringFixed: the text does not follow decimal's package settings.
func percentText(d decimal.Decimal) string {
	s := d.StringFixed(max(0, -d.Exponent()))
	if strings.Contains(s, ".") {
		s = strings.TrimSuffix(strings.TrimRight(s, "0"), ".")
	}
	return s
}

// groupsFor returns the country groups of c on the query's date.
func (ev *fdpEval) groupsFor(c jurisdiction.Country) (jurisdiction.GroupSet, error) {
	if ev.groupsOf == c && c.IsValid() {
		return ev.groups, nil
	}
	gs, err := jurisdiction.GroupsOf(groupsCountry(c), ev.q.AsOf)
	if err != nil {
		return 0, err
	}
	ev.groupsOf, ev.groups = c, gs
	return gs, nil
}

// inSet answers whether d is in the set on the query's date; with text,
// it writes why (fdp.Places.Contains's sentence). On a date whose country
// groups are not modelled, a set that turns on the groups answers
// Indeterminate and writes nothing (gapFind writes the open finding).
func (ev *fdpEval) inSet(d jurisdiction.Destination, w *fdp.Places, text bool) (ear.Answer, error) {
	var gs jurisdiction.GroupSet
	if w.NamesGroups() {
		var err error
		if gs, err = ev.groupsFor(d.Country); err != nil {
			if _, ok := notModelled(err, ev.q.AsOf); ok {
				// Decided without the groups (an excepted or named place),
				// or open: the sentence below says how when decided.
				if _, decided := w.ContainsWithoutGroups(jurisdiction.Destination{Country: d.Country.TablesAs(), Region: d.Region}, ev.q.AsOf); !decided {
					return ear.Indeterminate, nil
				}
			} else {
				var ce *jurisdiction.CountryError
				if errors.As(err, &ce) {
					return ear.No, product.NewFieldError("destination.country", err)
				}
				return ear.No, product.NewFieldError("as_of", err)
			}
		}
	}
	d.Country = d.Country.TablesAs()
	m := ev.mark()
	in, b := w.AppendContains(ev.buf.b[:ev.buf.n], d, gs, ev.q.AsOf)
	ev.buf.b, ev.buf.n = b[:cap(b)], len(b)
	if !text {
		ev.cut(m)
	}
	return ear.AnswerOf(in), nil
}

// gapFind is the open finding of a set that turns on country groups not
// modelled on the query's date.
func (ev *fdpEval) gapFind(d jurisdiction.Destination, w *fdp.Places) fdpFind {
	_, err := jurisdiction.GroupsOf(groupsCountry(d.Country), ev.q.AsOf)
	de, _ := notModelled(err, ev.q.AsOf)
	why := "the country groups on the date are not modelled"
	if de != nil {
		why = gapText(de)
	}
	return ev.unknownS("as_of", "whether ", d.String(), " is in ", w.String(), " is open: ", why)
}
