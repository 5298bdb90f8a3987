package license

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
)

// DeMinimisRulesFormat is the format member of a de minimis rules
// document (DeMinimisRules.MarshalJSON, ParseDeMinimisRules).
const DeMinimisRulesFormat = "earcheck de minimis rules, version 1"

// DeMinimisRules are the de minimis levels of 15 CFR 734.4(c) and (d) and
// the schedule of the categories of 734.4(a) a Checker applies
// (WithDeMinimisRules): the regulation's by DefaultDeMinimisRules, or a
// proposal read by ParseDeMinimisRules in the same vocabulary. A category
// is the SDK's test of one paragraph of 734.4(a), named by its citation; a
// document schedules it (from, until) or leaves it out, and cannot define
// a new test. DeMinimisRules is immutable; the zero value holds no level
// and is not valid for a Checker.
type DeMinimisRules struct {
	levels []DeMinimisLevel
	cats   []DeMinimisSchedule
}

// DeMinimisLevel is one de minimis percentage: for a destination in any of
// Groups, or, for the level without groups (the last), every other
// destination. Controlled content exceeds it when it is strictly more than
// Percent percent of the item's value.
type DeMinimisLevel struct {
	Citation string               // "15 CFR 734.4(c)"
	Percent  int64                // 0 to 100
	Groups   []jurisdiction.Group // empty: every other destination
}

// DeMinimisSchedule applies the category of 734.4(a) with Citation from
// Effective until the day before Until (the zero Until: still applied).
type DeMinimisSchedule struct {
	Citation  string
	Effective jurisdiction.Date
	Until     jurisdiction.Date
}

// DefaultDeMinimisRules returns the levels and categories of 15 CFR 734.4
// as the SDK reads them: 10 percent for Country Groups E:1 and E:2 (734.4(c))
// and 25 percent elsewhere (734.4(d)), and every category from its
// effective date.
func DefaultDeMinimisRules() DeMinimisRules {
	r := DeMinimisRules{levels: []DeMinimisLevel{
		{Citation: citationDeMinimis10, Percent: 10, Groups: []jurisdiction.Group{jurisdiction.GroupE1, jurisdiction.GroupE2}},
		{Citation: citationDeMinimis25, Percent: 25},
	}}
	for i := range deMinimisCategories {
		c := &deMinimisCategories[i]
		r.cats = append(r.cats, DeMinimisSchedule{Citation: c.citation, Effective: c.effective})
	}
	return r
}

// defaultDeMinimisRules is DefaultDeMinimisRules, made once and never
// changed.
var defaultDeMinimisRules = DefaultDeMinimisRules()

// Levels returns the levels, the default (no groups) last. The caller owns
// the slice.
func (r DeMinimisRules) Levels() []DeMinimisLevel {
	out := slices.Clone(r.levels)
	for i := range out {
		out[i].Groups = slices.Clone(out[i].Groups)
	}
	return out
}

// Schedule returns the categories applied and their dates, in CFR order.
// The caller owns the slice.
func (r DeMinimisRules) Schedule() []DeMinimisSchedule { return slices.Clone(r.cats) }

// level returns the level for a destination in groups gs.
func (r *DeMinimisRules) level(gs jurisdiction.GroupSet) *DeMinimisLevel {
	for i := range r.levels {
		l := &r.levels[i]
		if len(l.Groups) == 0 || slices.ContainsFunc(l.Groups, gs.Has) {
			return l
		}
	}
	return &r.levels[len(r.levels)-1]
}

// span returns the lowest and the highest percentage of the levels.
func (r *DeMinimisRules) span() (lo, hi int64) {
	lo, hi = 100, 0
	for _, l := range r.levels {
		lo, hi = min(lo, l.Percent), max(hi, l.Percent)
	}
	return lo, hi
}

// spanText describes the levels in words: "10 percent for E:1 and E:2, 25
// percent elsewhere".
func (r *DeMinimisRules) spanText() string {
	var parts []string
	for _, l := range r.levels {
		if len(l.Groups) == 0 {
			parts = append(parts, fmt.Sprintf("%d percent elsewhere", l.Percent))
			continue
		}
		parts = append(parts, fmt.Sprintf("%d percent for %s", l.Percent, groupsText(l.Groups)))
	}
	return strings.Join(parts, ", ")
}

// groupsText joins groups with "and": "E:1 and E:2".
func groupsText(gs []jurisdiction.Group) string {
	s := make([]string, len(gs))
	for i, g := range gs {
		s[i] = g.String()
	}
	return strings.Join(s, " and ")
}

// spanGroups are the groups the levels turn on: "E:1 and E:2".
func (r *DeMinimisRules) spanGroups() string {
	var gs []jurisdiction.Group
	for _, l := range r.levels {
		for _, g := range l.Groups {
			if !slices.Contains(gs, g) {
				gs = append(gs, g)
			}
		}
	}
	return groupsText(gs)
}

// spanCitation cites every level: "15 CFR 734.4(c) or (d)".
func (r *DeMinimisRules) spanCitation() string {
	s := r.levels[0].Citation
	for _, l := range r.levels[1:] {
		s += " or " + strings.TrimPrefix(l.Citation, "15 CFR 734.4")
	}
	return s
}

// schedule returns the dates of the category with citation, and whether
// the rules apply it at all.
func (r *DeMinimisRules) schedule(citation string) (DeMinimisSchedule, bool) {
	for _, s := range r.cats {
		if s.Citation == citation {
			return s, true
		}
	}
	return DeMinimisSchedule{}, false
}

// inForce reports whether the schedule applies its category on d.
func (s DeMinimisSchedule) inForce(d jurisdiction.Date) bool {
	return !d.Before(s.Effective) && (!s.Until.IsValid() || d.Before(s.Until))
}

// MarshalJSON writes the rules as a document of DeMinimisRulesFormat.
func (r DeMinimisRules) MarshalJSON() ([]byte, error) {
	type level struct {
		Citation string               `json:"citation"`
		Percent  int64                `json:"percent"`
		Groups   []jurisdiction.Group `json:"groups,omitempty"`
	}
	type category struct {
		Citation  string            `json:"citation"`
		Effective jurisdiction.Date `json:"effective"`
		Until     jurisdiction.Date `json:"until,omitzero"`
	}
	doc := struct {
		Format     string     `json:"format"`
		Levels     []level    `json:"levels"`
		Categories []category `json:"categories"`
	}{Format: DeMinimisRulesFormat, Levels: []level{}, Categories: []category{}}
	for _, l := range r.levels {
		doc.Levels = append(doc.Levels, level(l))
	}
	for _, c := range r.cats {
		doc.Categories = append(doc.Categories, category(c))
	}
	return json.Marshal(doc)
}

// ParseDeMinimisRules reads a document of DeMinimisRulesFormat:
//
//	{"format": "earcheck de minimis rules, version 1",
//	 "levels": [{"citation": "15 CFR 734.4(c)", "percent": 10, "groups": ["E:1", "E:2"]},
//	            {"citation": "15 CFR 734.4(d)", "percent": 25}],
//	 "categories": [{"citation": "15 CFR 734.4(a)(1)", "effective": "2020-01-01"}, ...]}
//
// Decoding is strict: an unknown or repeated member, a value of the wrong
// type, a citation outside 15 CFR 734.4, a percentage that is not a whole
// number from 0 to 100, an unknown group, a level without groups other than
// the last (or a last one with groups), a category the SDK has no test for,
// a category given twice, or an until not after its effective date is a
// *product.FieldError naming the member ("levels[1].percent").
func ParseDeMinimisRules(data []byte) (DeMinimisRules, error) {
	if !wire.Valid(data) {
		return DeMinimisRules{}, &product.FieldError{Err: wire.Malformed("malformed JSON")}
	}
	var r DeMinimisRules
	var format string
	seen := map[string]bool{}
	err := wire.Object(data, product.NewFieldError, func(k string, raw []byte) error {
		switch k {
		case "format":
			return wire.DecodeString(raw, &format)
		case "levels":
			return eachObject(raw, func(i int, m []byte) error {
				var l DeMinimisLevel
				err := wire.Object(m, product.NewFieldError, func(k string, v []byte) error {
					switch k {
					case "citation":
						return decodeCitation734(v, &l.Citation)
					case "percent":
						n, err := strconv.ParseInt(string(bytes.TrimSpace(v)), 10, 64)
						if err != nil || n < 0 || n > 100 {
							return fmt.Errorf("%w: want a whole number of percent from 0 to 100, got %s", product.ErrInvalid, wire.Describe(v))
						}
						l.Percent = n
						return nil
					case "groups":
						return eachString(v, func(j int, s string) error {
							g, err := jurisdiction.ParseGroup(s)
							if err != nil {
								return err
							}
							l.Groups = append(l.Groups, g)
							return nil
						})
					}
					return product.ErrUnknownField
				})
				if err != nil {
					return err
				}
				if l.Citation == "" {
					return product.NewFieldError("citation", product.ErrMissing)
				}
				r.levels = append(r.levels, l)
				return nil
			})
		case "categories":
			return eachObject(raw, func(i int, m []byte) error {
				var s DeMinimisSchedule
				err := wire.Object(m, product.NewFieldError, func(k string, v []byte) error {
					switch k {
					case "citation":
						if err := wire.DecodeString(v, &s.Citation); err != nil {
							return err
						}
						if !slices.ContainsFunc(deMinimisCategories, func(c deMinimisCategory) bool { return c.citation == s.Citation }) {
							return fmt.Errorf("%w: %q is no category of 15 CFR 734.4(a) the SDK tests", product.ErrInvalid, s.Citation)
						}
						if seen[s.Citation] {
							return fmt.Errorf("%w: %s is scheduled twice", product.ErrInvalid, s.Citation)
						}
						seen[s.Citation] = true
						return nil
					case "effective":
						return decodeDate(v, &s.Effective)
					case "until":
						return decodeDate(v, &s.Until)
					}
					return product.ErrUnknownField
				})
				if err != nil {
					return err
				}
				switch {
				case s.Citation == "":
					return product.NewFieldError("citation", product.ErrMissing)
				case !s.Effective.IsValid():
					return product.NewFieldError("effective", product.ErrMissing)
				case s.Until.IsValid() && !s.Until.After(s.Effective):
					return product.NewFieldError("until", fmt.Errorf("%w: until %s is not after effective %s", product.ErrInvalid, s.Until, s.Effective))
				}
				r.cats = append(r.cats, s)
				return nil
			})
		}
		return product.ErrUnknownField
	})
	if err != nil {
		return DeMinimisRules{}, err
	}
	if format != DeMinimisRulesFormat {
		return DeMinimisRules{}, product.NewFieldError("format", fmt.Errorf("%w: want %q", product.ErrInvalid, DeMinimisRulesFormat))
	}
	if len(r.levels) == 0 {
		return DeMinimisRules{}, product.NewFieldError("levels", fmt.Errorf("%w: at least the level for every other destination", product.ErrMissing))
	}
	for i, l := range r.levels {
		if last := i == len(r.levels)-1; last != (len(l.Groups) == 0) {
			return DeMinimisRules{}, product.NewFieldError(fmt.Sprintf("levels[%d].groups", i), fmt.Errorf("%w: every level but the last names its groups, and the last (every other destination) names none", product.ErrInvalid))
		}
	}
	// Categories in CFR order, as the determination lists them.
	slices.SortStableFunc(r.cats, func(a, b DeMinimisSchedule) int {
		return slices.IndexFunc(deMinimisCategories, func(c deMinimisCategory) bool { return c.citation == a.Citation }) -
			slices.IndexFunc(deMinimisCategories, func(c deMinimisCategory) bool { return c.citation == b.Citation })
	})
	return r, nil
}

// decodeCitation734 decodes a citation within 15 CFR 734.4.
func decodeCitation734(raw []byte, dst *string) error {
	var s string
	if err := wire.DecodeString(raw, &s); err != nil {
		return err
	}
	c, err := fdp.ParseCitation(s)
	if err != nil {
		return fmt.Errorf("%w: %v", product.ErrInvalid, err)
	}
	if !fdp.MustParseCitation("15 CFR 734.4").Covers(c) {
		return fmt.Errorf("%w: %s is not within 15 CFR 734.4", product.ErrInvalid, s)
	}
	*dst = c.String()
	return nil
}

// decodeDate decodes a YYYY-MM-DD string.
func decodeDate(raw []byte, d *jurisdiction.Date) error {
	var s string
	if err := wire.DecodeString(raw, &s); err != nil {
		return err
	}
	v, err := jurisdiction.ParseDate(s)
	if err != nil {
		return err
	}
	*d = v
	return nil
}

// eachObject calls f for each element of the JSON array raw, naming an
// error by the element's index.
func eachObject(raw []byte, f func(i int, m []byte) error) error {
	if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '[' {
		return wire.Malformed("want a JSON array, got %s", wire.Describe(raw))
	}
	return wire.EachElement(raw, nil, func(i int, m []byte) error {
		if err := f(i, m); err != nil {
			return indexed(i, err)
		}
		return nil
	})
}

// eachString calls f for each string of the JSON array raw.
func eachString(raw []byte, f func(i int, s string) error) error {
	return eachObject(raw, func(i int, m []byte) error {
		var s string
		if err := wire.DecodeString(m, &s); err != nil {
			return err
		}
		return f(i, s)
	})
}

// indexed places err under the array index i ("[2].percent").
func indexed(i int, err error) error { return product.NewFieldError(fmt.Sprintf("[%d]", i), err) }
