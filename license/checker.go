package license

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// Checker decides requests with a fixed configuration: the FDP rule set and,
// optionally, a PartyResolver that supplies the Entity List designations of
// parties that declare none (an index of a Consolidated Screening List
// download, or a screening service). A Checker is immutable and safe for
// concurrent use; build it once with NewChecker.
type Checker struct {
	rules    fdp.Set
	resolver PartyResolver
	charts   *chartMemo      // the chart's answers for lines, kept across checks
	rulesSet bool            // WithFDPRules was given (fdp.Default is not built then)
	dmRules  *DeMinimisRules // WithDeMinimisRules; nil: DefaultDeMinimisRules
}

// CheckerOption configures a Checker.
type CheckerOption func(*Checker)

// WithFDPRules sets the FDP rule set (default fdp.Default()).
func WithFDPRules(rs fdp.Set) CheckerOption {
	return func(c *Checker) { c.rules, c.rulesSet = rs, true }
}

// WithDeMinimisRules sets the de minimis levels and the schedule of the
// 734.4(a) categories (default DefaultDeMinimisRules). Rules without a
// level (the zero DeMinimisRules) leave the default in place.
func WithDeMinimisRules(r DeMinimisRules) CheckerOption {
	return func(c *Checker) {
		if len(r.levels) > 0 {
			c.dmRules = &r
		}
	}
}

// WithPartyResolver resolves the designations of every party that declares
// no Entity List footnote through r (for example a *csl.Index); the
// Determination records, for each party, whether its designations were
// declared or resolved, and by which source.
func WithPartyResolver(r PartyResolver) CheckerOption { return func(c *Checker) { c.resolver = r } }

// NewChecker returns a Checker with the options applied.
func NewChecker(opts ...CheckerOption) *Checker {
	c := &Checker{charts: new(chartMemo)}
	for _, o := range opts {
		o(c)
	}
	if !c.rulesSet {
		c.rules = fdp.Default()
	}
	return c
}

// defaultChecker is the Checker of the package-level Check, built on first
// use (the FDP rule set is built then, not at package initialization).
var defaultChecker = sync.OnceValue(func() *Checker { return NewChecker() })

// PartyDesignations records how one party (or owner) was screened and
// what it was found to be: its designations, declared in the request or
// found through the Checker's PartyResolver, and the rows with names like
// its own.
type PartyDesignations struct {
	Party        string           `json:"party"`
	Designations csl.Designations `json:"designations"`
	// Screening says how: "declared" (the request states the designations;
	// nothing was looked up), "exact" (looked up by name), "fuzzy" (looked
	// up by name, and names like it searched from MinScore on), "none" (no
	// screening list was consulted: the answers rest on the request).
	Screening string `json:"screening"`
	// MinScore is the fuzzy threshold, per mille (fuzzy screening only).
	MinScore int `json:"min_score,omitempty"`
	// Candidates are the rows whose names are like the party's (fuzzy
	// screening): each makes the party possibly listed, an open answer,
	// never a cleared one.
	Candidates []csl.Candidate `json:"-"`
	// Owners are the party's owners, screened the same way.
	Owners []PartyDesignations `json:"owners,omitempty"`
}

// MarshalJSON writes the record with its candidates in the wire format's
// words.
func (p PartyDesignations) MarshalJSON() ([]byte, error) {
	type plain PartyDesignations
	type candidate struct {
		ID          string   `json:"id"`
		Name        string   `json:"name"`
		MatchedName string   `json:"matched_name"`
		Score       int      `json:"score"`
		List        csl.List `json:"list"`
		Footnotes   []int    `json:"footnotes,omitempty"`
		// FootnoteUnknown: the row cites 734.9(e) without its footnote
		// (1, 4 or 5).
		FootnoteUnknown bool `json:"footnote_unknown,omitempty"`
		CountryDiffers  bool `json:"country_differs,omitempty"`
	}
	var cs []candidate
	for _, c := range p.Candidates {
		d := c.Designation
		cs = append(cs, candidate{c.ID, c.Name, c.MatchedName, c.Score, d.List, (d.EntityListFootnotes() | d.ImpliedFootnotes()).List(), d.FootnoteUnknown(), c.CountryDiffers})
	}
	return json.Marshal(struct {
		plain
		Candidates []candidate `json:"candidates,omitempty"`
	}{plain(p), cs})
}

// screener is a PartyResolver that also searches names like the party's
// (csl.Index does).
type screener interface {
	Screen(q csl.Query, minScore int) csl.Screening
}

// resolve screens one name through the resolver: the designations, the
// candidates, the kind of screening, and why the screening cannot decide
// the name's designations ("" when it can; see screenOpen).
func (c *Checker) resolve(ctx context.Context, q csl.Query) (csl.Designations, []csl.Candidate, string, string, error) {
	if s, ok := c.resolver.(screener); ok {
		sc := s.Screen(q, csl.DefaultMinScore)
		if !sc.Exact.Source.IsValid() {
			return csl.Designations{}, nil, "", "", csl.ErrNilIndex
		}
		return sc.Exact, sc.Candidates, "fuzzy", screenOpen(q.Name, sc.Unscreened, sc.Exact), nil
	}
	d, err := c.resolver.ResolveParty(ctx, q)
	return d, nil, "exact", screenOpen(q.Name, "", d), err
}

// screenOpen says why a screening leaves a name's designations open: the
// name is empty (nothing was looked up), or the screening could not read
// it (csl.Screening.Unscreened: a script the list is not written in); ""
// when neither. Either is read as a possible listing on any list with any
// footnote (indeterminate), never as cleared. An Entity List row that
// cites 734.9(e) without its footnote is read apart (Party.footnoteOpen).
func screenOpen(name, unscreened string, d csl.Designations) string {
	switch {
	case strings.TrimSpace(name) == "":
		return "no name is given, so the screening list could not be consulted for it"
	case unscreened != "":
		return unscreened
	}
	return ""
}

// resolveParties returns the parties with their resolved designations
// merged in (footnotes, lists, and the candidates of names like theirs,
// for them and for their owners), and the record of how each was
// screened.
func (c *Checker) resolveParties(ctx context.Context, ps Parties) (Parties, []PartyDesignations, error) {
	if !ps.Known() {
		return ps, nil, nil
	}
	out := make([]Party, 0, len(ps.list.items))
	var rec []PartyDesignations
	for i, p := range ps.list.items {
		if len(p.EntityListFootnotes) > 0 || c.resolver == nil {
			how := "declared"
			if c.resolver == nil {
				how = "none"
			}
			rec = append(rec, PartyDesignations{Party: partyLabel(p), Designations: csl.DeclaredDesignations(p.EntityListFootnotes...), Screening: how})
			out = append(out, p)
			continue
		}
		d, cands, how, open, err := c.resolve(ctx, csl.Query{Name: p.Name, Country: p.Country})
		if err != nil {
			return Parties{}, nil, product.NewFieldError(fmt.Sprintf("parties[%d]", i), fmt.Errorf("resolving the party's designations: %w", err))
		}
		mergeDesignations(&p.EntityListFootnotes, &p.ListedOn, d)
		p.possible, p.open, p.footnoteOpen = cands, open, d.FootnoteUnknown()
		r := PartyDesignations{Party: partyLabel(p), Designations: d, Screening: how, Candidates: cands}
		if how == "fuzzy" {
			r.MinScore = csl.DefaultMinScore
		}
		// The owners are screened like the party: a listed owner the
		// request does not declare is found by its name.
		if len(p.Ownership) > 0 {
			p.Ownership = slices.Clone(p.Ownership)
		}
		for j := range p.Ownership {
			o := &p.Ownership[j]
			// As for a party: declared footnotes say everything; declared
			// lists alone do not (an owner declared on the Unverified List
			// may be on the Entity List too), so it is screened.
			if len(o.EntityListFootnotes) > 0 {
				r.Owners = append(r.Owners, PartyDesignations{Party: o.Owner, Designations: csl.DeclaredDesignations(o.EntityListFootnotes...), Screening: "declared"})
				continue
			}
			od, ocands, ohow, oopen, err := c.resolve(ctx, csl.Query{Name: o.Owner})
			if err != nil {
				return Parties{}, nil, product.NewFieldError(fmt.Sprintf("parties[%d].ownership[%d]", i, j), fmt.Errorf("resolving the owner's designations: %w", err))
			}
			o.EntityListFootnotes, o.ListedOn = slices.Clone(o.EntityListFootnotes), slices.Clone(o.ListedOn)
			mergeDesignations(&o.EntityListFootnotes, &o.ListedOn, od)
			o.possible, o.open, o.footnoteOpen = ocands, oopen, od.FootnoteUnknown()
			or := PartyDesignations{Party: o.Owner, Designations: od, Screening: ohow, Candidates: ocands}
			if ohow == "fuzzy" {
				or.MinScore = csl.DefaultMinScore
			}
			r.Owners = append(r.Owners, or)
		}
		rec = append(rec, r)
		out = append(out, p)
	}
	return PartiesOf(out...), rec, nil
}

// mergeDesignations adds what a screening list designates to a party's
// (or owner's) footnotes and lists, so that one designation is read
// everywhere (744.11, 744.21, the FDP footnote prongs, 734.4(a)(9)).
// Conservative reading: footnotes the entry's text implies but does not
// print (a bare "734.9(g)") count as well.
func mergeDesignations(fns *[]int, lists *[]Listing, d csl.Designations) {
	all := csl.FootnotesOf(*fns...) | d.Footnotes() | d.ImpliedFootnotes()
	*fns = all.List()
	if d.OnList(csl.EntityList) && !slices.Contains(*lists, ListedEntityList) {
		*lists = append(slices.Clone(*lists), ListedEntityList)
	}
	if d.OnList(csl.MilitaryEndUser) && !slices.Contains(*lists, ListedMEU) {
		*lists = append(slices.Clone(*lists), ListedMEU)
	}
	if d.OnList(csl.Unverified) && !slices.Contains(*lists, ListedUnverified) {
		*lists = append(slices.Clone(*lists), ListedUnverified)
	}
}
