package license

import (
	"context"
	"fmt"
	"slices"

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
}

// CheckerOption configures a Checker.
type CheckerOption func(*Checker)

// WithFDPRules sets the FDP rule set (default fdp.Default()).
func WithFDPRules(rs fdp.Set) CheckerOption { return func(c *Checker) { c.rules = rs } }

// WithPartyResolver resolves the designations of every party that declares
// no Entity List footnote through r (for example a *csl.Index); the
// Determination records, for each party, whether its designations were
// declared or resolved, and by which source.
func WithPartyResolver(r PartyResolver) CheckerOption { return func(c *Checker) { c.resolver = r } }

// NewChecker returns a Checker with the options applied.
func NewChecker(opts ...CheckerOption) *Checker {
	c := &Checker{rules: fdp.Default()}
	for _, o := range opts {
		o(c)
	}
	return c
}

var defaultChecker = NewChecker()

// PartyDesignations records where the Entity List designations of one party
// came from.
type PartyDesignations struct {
	Party        string           `json:"party"`
	Designations csl.Designations `json:"designations"`
}

// resolveParties returns the parties with resolved footnotes added, and the
// record of each party's designations (the lists a party is on are read
// from the record by the license requirements).
func (c *Checker) resolveParties(ctx context.Context, ps Parties) (Parties, []PartyDesignations, error) {
	if !ps.Known() {
		return ps, nil, nil
	}
	out := make([]Party, 0, len(ps.list.items))
	var rec []PartyDesignations
	for i, p := range ps.list.items {
		if len(p.EntityListFootnotes) > 0 || c.resolver == nil {
			rec = append(rec, PartyDesignations{Party: partyLabel(p), Designations: csl.DeclaredDesignations(p.EntityListFootnotes...)})
			out = append(out, p)
			continue
		}
		d, err := c.resolver.ResolveParty(ctx, csl.Query{Name: p.Name, Country: p.Country})
		if err != nil {
			return Parties{}, nil, product.NewFieldError(fmt.Sprintf("parties[%d]", i), fmt.Errorf("resolving the party's designations: %w", err))
		}
		// Conservative reading: footnotes the entry's text implies but
		// does not print (a bare "734.9(g)") count as well.
		fns := d.Footnotes() | d.ImpliedFootnotes()
		p.EntityListFootnotes = fns.List()
		// The lists the screening list puts the party on become its
		// lists, so that one designation is read everywhere (744.11,
		// 744.21, the FDP footnote prongs, 734.4(a)(9)).
		if d.OnList(csl.EntityList) && !slices.Contains(p.ListedOn, ListedEntityList) {
			p.ListedOn = append(slices.Clone(p.ListedOn), ListedEntityList)
		}
		if d.OnList(csl.MilitaryEndUser) && !slices.Contains(p.ListedOn, ListedMEU) {
			p.ListedOn = append(slices.Clone(p.ListedOn), ListedMEU)
		}
		rec = append(rec, PartyDesignations{Party: partyLabel(p), Designations: d})
		out = append(out, p)
	}
	return PartiesOf(out...), rec, nil
}
