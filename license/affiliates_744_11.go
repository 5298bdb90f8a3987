package license

import (
	"fmt"
	"slices"
	"strings"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/license/fdp"
	"github.com/shopspring/decimal"
)

// The affiliates rule (90 FR 47201, effective 2025-09-29), read as a note to
// 15 CFR 744.11: a foreign party owned 50 percent or more, directly or
// indirectly, individually or in the aggregate, by one or more entities on
// the Entity List (with or without a footnote), on the Military End-User
// List, or subject to 744.8 (OFAC's SDN under the programs it names) takes
// the restrictions of its listed owners. It was in force from 2025-09-29 to
// 2025-11-09, suspended from 2025-11-10 to 2026-11-09, and is taken as back
// in force from 2026-11-10 as the suspension rule is written (with a
// warning), unless the caller's options.affiliates says "suspended".
// Reported by secondary sources; the rules' text was not read.
//
// Reading chosen: "the most restrictive restrictions of its listed owners"
// is read as the union of the owners' lists and footnotes (conservative).
// The caller flattens indirect chains: each owner's share is its share of
// the party, directly or through others.

// affiliatesFloor is the share from which owners' listings pass on: "50
// percent or more".
var affiliatesFloor = decimal.NewFromInt(50)

// affiliatesFirst and affiliatesResumes are fdp.Affiliates, read once.
var affiliatesFirst, affiliatesResumes = fdp.Affiliates()

// affiliatesInForce says whether the affiliates rule applies on asOf under
// the policy, with a warning when the answer rests on the suspension rule
// as written, or on the caller's option.
func affiliatesInForce(asOf jurisdiction.Date, policy AffiliatesPolicy) (bool, string) {
	first, resumes := affiliatesFirst, affiliatesResumes
	switch {
	case first.Contains(asOf):
		return true, ""
	case asOf.Before(resumes):
		return false, ""
	case policy == AffiliatesAsWritten:
		return true, "affiliates rule (90 FR 47201) taken as back in force from 2026-11-10, as the suspension rule is written; confirm that BIS did not extend the suspension"
	}
	return false, "affiliates rule taken as still suspended (option); confirm"
}

// partyStatus is one party's designation in force on the date: its own
// (declared, or resolved through the screening list and merged into the
// party by the Checker), and what it takes from its listed owners under
// the affiliates rule.
type partyStatus struct {
	footnotes         csl.Footnotes // own Entity List footnotes
	entityList        bool          // own: on the Entity List (a footnote implies it)
	meu, sdn          bool          // own
	inheritFootnotes  csl.Footnotes // from listed owners (affiliates rule in force)
	inheritEntityList bool
	inheritMEU        bool
	inheritSDN        bool
	affiliate         string // why the party takes its owners' restrictions; "" when it does not

	// Possibly listed: a screening found names like the party's (or, for
	// the affiliates rule, its owners') on a list. Never a designation:
	// the answers that turn on it are open.
	possibleFootnotes   csl.Footnotes
	possibleEntityList  bool
	possibleMEU         bool
	possibleDenied      bool
	possibleWhy         string // "possible match: <row> (score N) on <list>; ..."
	possibleAffiliation string // the owners' possible listings that could reach 50 percent
}

// addPossible records the candidates of a screening on s.
func (s *partyStatus) addPossible(whose string, cands []csl.Candidate) {
	for _, c := range cands {
		d := c.Designation
		switch d.List {
		case csl.EntityList:
			s.possibleEntityList = true
			s.possibleFootnotes |= d.EntityListFootnotes() | d.ImpliedFootnotes()
			if d.FootnoteUnknown() {
				// The row cites 734.9(e) without its footnote: 1, 4 or 5.
				s.possibleFootnotes |= csl.FootnotesOf(1, 4, 5)
			}
		case csl.MilitaryEndUser:
			s.possibleMEU = true
		case csl.DeniedPersons:
			s.possibleDenied = true
		default:
			continue
		}
		if s.possibleWhy != "" {
			s.possibleWhy += "; "
		}
		s.possibleWhy += fmt.Sprintf("possible match for %s: %q (%s, score %d of 1000)", whose, c.Name, d.List, c.Score)
	}
}

// addOpen records a screening that could not decide a party's (or an
// owner's) designations (Party.open): it may be on any list, with any FDP
// footnote (an Entity List entry that cites 734.9(e) without its footnote:
// 1, 4 or 5). Read as a possible listing, never as cleared.
func (s *partyStatus) addOpen(whose, why string) {
	if why == "" {
		return
	}
	s.possibleEntityList, s.possibleMEU, s.possibleDenied = true, true, true
	s.possibleFootnotes |= csl.FootnotesOf(1, 3, 4, 5)
	if s.possibleWhy != "" {
		s.possibleWhy += "; "
	}
	s.possibleWhy += "the screening of " + whose + " is open: " + why
}

// addFootnoteOpen records an Entity List entry that cites an FDP rule of
// 734.9(e) without its footnote: footnote 1, 4 or 5, not known which.
func (s *partyStatus) addFootnoteOpen(whose string, open bool) {
	if !open {
		return
	}
	s.possibleFootnotes |= csl.FootnotesOf(1, 4, 5)
	if s.possibleWhy != "" {
		s.possibleWhy += "; "
	}
	s.possibleWhy += "the Entity List entry of " + whose + " cites 734.9(e) without its footnote (1, 4 or 5)"
}

// hasFootnote reports whether the party has footnote n, its own or, when
// affiliates is true, from its owners.
func (s partyStatus) hasFootnote(n int, affiliates bool) bool {
	return s.footnotes.Has(n) || (affiliates && s.inheritFootnotes.Has(n))
}

// statusOf works out a party's designation on asOf: its own (declared, or
// merged in from a screening), what it takes from its listed owners while
// the affiliates rule is in force, and what it possibly is where a
// screening found names like its own or its owners'.
func statusOf(p Party, affiliates bool) partyStatus {
	var s partyStatus
	s.footnotes = csl.FootnotesOf(p.EntityListFootnotes...)
	s.entityList = len(p.EntityListFootnotes) > 0 || slices.Contains(p.ListedOn, ListedEntityList)
	s.meu = slices.Contains(p.ListedOn, ListedMEU)
	s.sdn = slices.Contains(p.ListedOn, ListedSDN)
	s.addPossible(partyLabel(p), p.possible)
	s.addOpen(partyLabel(p), p.open)
	s.addFootnoteOpen(partyLabel(p), p.footnoteOpen)
	if !affiliates {
		return s
	}
	// The owners: listed (declared or found) and possibly listed (names
	// like listed ones).
	var listed, possible partyStatus
	total, possibleTotal := decimal.Zero, decimal.Zero
	var who, possibleWho []string
	var listedOpen []string // listed owners whose entry cites 734.9(e) without its footnote
	for _, o := range p.Ownership {
		oEL := len(o.EntityListFootnotes) > 0 || slices.Contains(o.ListedOn, ListedEntityList)
		oMEU := slices.Contains(o.ListedOn, ListedMEU)
		oSDN := slices.Contains(o.ListedOn, ListedSDN)
		share := fmt.Sprintf("%s (%s%%)", o.Owner, percentText(o.Percent))
		switch {
		case oEL || oMEU || oSDN:
			total = total.Add(o.Percent)
			listed.footnotes |= csl.FootnotesOf(o.EntityListFootnotes...)
			if o.footnoteOpen {
				listedOpen = append(listedOpen, o.Owner)
			}
			listed.entityList, listed.meu, listed.sdn = listed.entityList || oEL, listed.meu || oMEU, listed.sdn || oSDN
			who = append(who, share)
		case len(o.possible) > 0 || o.open != "" || o.footnoteOpen:
			possibleTotal = possibleTotal.Add(o.Percent)
			possible.addPossible(o.Owner, o.possible)
			possible.addOpen(o.Owner, o.open)
			possible.addFootnoteOpen(o.Owner, o.footnoteOpen)
			possibleWho = append(possibleWho, share)
		}
	}
	switch {
	case !total.LessThan(affiliatesFloor):
		s.inheritFootnotes, s.inheritEntityList, s.inheritMEU, s.inheritSDN = listed.footnotes, listed.entityList, listed.meu, listed.sdn
		var lists []string
		if listed.entityList {
			lists = append(lists, "the Entity List")
		}
		if listed.meu {
			lists = append(lists, "the Military End-User List")
		}
		if listed.sdn {
			lists = append(lists, "the SDN list (744.8)")
		}
		s.affiliate = fmt.Sprintf("%s%% owned in the aggregate by listed owners (%s), on %s: the affiliates rule (90 FR 47201) passes their restrictions on",
			percentText(total), strings.Join(who, ", "), strings.Join(lists, " and "))
		if listed.footnotes != 0 {
			s.affiliate += fmt.Sprintf(", footnotes %s", listed.footnotes)
		}
		for _, o := range listedOpen {
			// What it passes on may include footnote 1, 4 or 5.
			s.addFootnoteOpen(o, true)
		}
	case len(possibleWho) > 0 && !total.Add(possibleTotal).LessThan(affiliatesFloor):
		// With the owners whose names are like listed ones, the listed
		// owners would reach 50 percent: what they would pass on is open.
		s.possibleFootnotes |= listed.footnotes | possible.possibleFootnotes
		if len(listedOpen) > 0 {
			s.possibleFootnotes |= csl.FootnotesOf(1, 4, 5)
		}
		s.possibleEntityList = s.possibleEntityList || listed.entityList || possible.possibleEntityList
		s.possibleMEU = s.possibleMEU || listed.meu || possible.possibleMEU
		s.possibleAffiliation = fmt.Sprintf("owned %s%% by listed owners and %s%% by owners whose names are like listed ones (%s; %s): the affiliates rule (90 FR 47201) may pass their restrictions on",
			percentText(total), percentText(possibleTotal), strings.Join(possibleWho, ", "), possible.possibleWhy)
	}
	return s
}

// possibly says why a party is possibly listed ("" when it is not).
func (s partyStatus) possibly() string {
	switch {
	case s.possibleWhy != "" && s.possibleAffiliation != "":
		return s.possibleWhy + "; " + s.possibleAffiliation
	case s.possibleAffiliation != "":
		return s.possibleAffiliation
	}
	return s.possibleWhy
}

// partyStatuses works out every party's designation on asOf under the
// options (nil when the parties are unknown), and the warning the
// affiliates rule's status carries, if any party's answer rests on it.
func partyStatuses(ps Parties, asOf jurisdiction.Date, o Options) ([]partyStatus, string) {
	if !ps.Known() {
		return nil, ""
	}
	affiliates, warning := affiliatesInForce(asOf, o.Affiliates)
	out := make([]partyStatus, len(ps.list.items))
	rests := false
	for i, p := range ps.list.items {
		out[i] = statusOf(p, affiliates)
		if len(p.Ownership) > 0 {
			rests = true
		}
	}
	if !rests {
		warning = ""
	}
	return out, warning
}
