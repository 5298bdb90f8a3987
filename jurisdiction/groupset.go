package jurisdiction

import "strings"

// GroupSet is a set of country groups, one bit per Group. The zero GroupSet
// is the empty set. It is a small comparable value.
type GroupSet uint16

// GroupSetOf returns the set of the given groups; invalid groups are
// ignored.
func GroupSetOf(gs ...Group) GroupSet {
	var s GroupSet
	for _, g := range gs {
		s = s.With(g)
	}
	return s
}

// Has reports whether g is in s.
func (s GroupSet) Has(g Group) bool {
	return g.IsValid() && s&(1<<g) != 0
}

// With returns s with g added (s itself if g is invalid).
func (s GroupSet) With(g Group) GroupSet {
	if !g.IsValid() {
		return s
	}
	return s | 1<<g
}

// Without returns s with g removed.
func (s GroupSet) Without(g Group) GroupSet {
	if !g.IsValid() {
		return s
	}
	return s &^ (1 << g)
}

// Len returns the number of groups in s.
func (s GroupSet) Len() int {
	n := 0
	for g := GroupA1; g < numGroups; g++ {
		if s.Has(g) {
			n++
		}
	}
	return n
}

// Groups returns the groups in s in the order of Supplement No. 1 to part
// 740. The caller owns the returned slice.
func (s GroupSet) Groups() []Group {
	var gs []Group
	for g := GroupA1; g < numGroups; g++ {
		if s.Has(g) {
			gs = append(gs, g)
		}
	}
	return gs
}

// String returns the groups separated by single spaces, in the order of the
// supplement: "D:1 D:3 D:4 D:5". The empty set prints as "".
func (s GroupSet) String() string {
	var b strings.Builder
	for g := GroupA1; g < numGroups; g++ {
		if s.Has(g) {
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(g.String())
		}
	}
	return b.String()
}

// MarshalText implements encoding.TextMarshaler with String.
func (s GroupSet) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler: groups separated by
// spaces, as String writes them ("" is the empty set). An unknown group is
// a *GroupError; s is left unchanged on error.
func (s *GroupSet) UnmarshalText(b []byte) error {
	var v GroupSet
	for _, f := range strings.Fields(string(b)) {
		g, err := ParseGroup(f)
		if err != nil {
			return err
		}
		v = v.With(g)
	}
	*s = v
	return nil
}
