package gen

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Kinds of DestinationRule, as in ccl.RuleKind.
const (
	RuleColumn = iota + 1
	RuleWorldwide
	RuleWorldwideExcept
	RuleMacauD5
	RuleUAED1D4D5NotA5A6
	RuleD1D4D5NotA5A6
	RuleE1
	RuleCountries
	RuleCWCNonStatesParties
	RulePointer
	RuleNotApplicable
	RuleUnknown
)

// DestinationRule is a parsed Country Chart cell, as in ccl.DestinationRule.
type DestinationRule struct {
	Kind            int
	Column          string // "NS1"
	Countries       []string
	Groups          []string // "D:5"
	ExceptGroups    []string
	ExceptCountries []string
	Citations       []string // "15 CFR 742.6(a)(7)"
}

var columns = map[string]bool{"CB1": true, "CB2": true, "CB3": true, "NP1": true, "NP2": true, "NS1": true,
	"NS2": true, "MT1": true, "RS1": true, "RS2": true, "FC1": true, "CC1": true, "CC2": true, "CC3": true,
	"AT1": true, "AT2": true}

// countryNames are the destinations the CCL names in words in its Country
// Chart cells, with their ISO 3166-1 codes.
var countryNames = []struct{ name, code string }{
	{"united arab emirates", "AE"}, {"united kingdom", "GB"}, {"north korea", "KP"},
	{"australia", "AU"}, {"canada", "CA"}, {"china", "CN"}, {"cuba", "CU"}, {"iran", "IR"},
	{"iraq", "IQ"}, {"israel", "IL"}, {"macau", "MO"}, {"pakistan", "PK"}, {"russia", "RU"},
	{"sudan", "SD"}, {"syria", "SY"}, {"taiwan", "TW"}, {"venezuela", "VE"},
}

var (
	reColumn    = regexp.MustCompile(`^([A-Z]{2}) Column (\d)\b\.?\s*,?\s*`)
	reSeeParen  = regexp.MustCompile(`\((?:[Ss]ee|[Rr]efer to) [^()]*(?:\([^()]*\)[^()]*)*\)`)
	reGroup     = regexp.MustCompile(`\b([A-E]):(\d)\b`)
	reSection   = regexp.MustCompile(`^(\d{3}\.\d+)((?:\([A-Za-z0-9]+\))*)`)
	reParenCont = regexp.MustCompile(`^((?:\([A-Za-z0-9]+\))+)`)
	rePart      = regexp.MustCompile(`(?i)\bsee (?:also )?part (7\d\d)\b`)
)

// ParseDestinationRule parses a Country Chart cell of a row whose reason is
// reason. It returns the rule, the conditions the cell states in words
// ("unless an End-Use Certificate ..."), and an error when the cell names
// a column of another reason. A cell it cannot read is RuleUnknown.
func ParseDestinationRule(text, reason string) (DestinationRule, []string, error) {
	norm := strings.TrimSpace(normalize(text))
	d := DestinationRule{Citations: citations(norm)}
	if m := reColumn.FindStringSubmatch(norm); m != nil {
		col := m[1] + m[2]
		if !columns[col] {
			return DestinationRule{Kind: RuleUnknown}, nil, fmt.Errorf("target %q: no chart column %s", text, col)
		}
		if reason != "" && m[1] != reason {
			return DestinationRule{Kind: RuleUnknown}, nil, fmt.Errorf("target %q: column of %s on a %s row", text, m[1], reason)
		}
		d.Kind, d.Column = RuleColumn, col
		return d, nil, nil
	}
	if strings.EqualFold(strings.TrimRight(norm, ". "), "N/A") {
		d.Kind = RuleNotApplicable
		return d, nil, nil
	}
	var conds []string
	for _, s := range splitSentences(norm) {
		ls := strings.ToLower(s)
		if strings.Contains(ls, " unless ") || strings.Contains(ls, "applies to") || strings.Contains(ls, " except that ") {
			conds = append(conds, s)
		}
	}
	plain := reSeeParen.ReplaceAllString(norm, "")
	low := strings.ToLower(plain)
	exceptAt := len(low)
	for _, kw := range []string{" except ", " except,", "excluding "} {
		if i := strings.Index(low, kw); i >= 0 && i < exceptAt {
			exceptAt = i
		}
	}
	named := func(in bool) []string {
		var out []string
		for _, c := range countryNames {
			for off := 0; ; {
				i := strings.Index(low[off:], c.name)
				if i < 0 {
					break
				}
				i += off
				off = i + len(c.name)
				if (i >= exceptAt) != in && wordAt(low, i, len(c.name)) {
					out = appendOnce(out, c.code)
				}
			}
		}
		sort.Strings(out)
		return out
	}
	groups := func(in bool) []string {
		var out []string
		for _, m := range reGroup.FindAllStringSubmatchIndex(plain, -1) {
			if (m[0] >= exceptAt) != in {
				out = appendOnce(out, plain[m[2]:m[3]]+":"+plain[m[4]:m[5]])
			}
		}
		sort.Strings(out)
		return out
	}
	switch {
	case strings.Contains(low, "cwc non-states parties") || strings.Contains(low, "states not party to the cwc"):
		d.Kind = RuleCWCNonStatesParties
		d.ExceptCountries = named(false)
	case strings.Contains(low, "worldwide") || strings.Contains(low, "all destinations"):
		d.Kind = RuleWorldwide
		if x := named(false); len(x) > 0 && exceptAt < len(low) {
			d.Kind, d.ExceptCountries = RuleWorldwideExcept, x
		}
	case len(groups(true)) > 0:
		d.Groups, d.ExceptGroups, d.Countries = groups(true), groups(false), named(true)
		g, x, c := strings.Join(d.Groups, ","), strings.Join(d.ExceptGroups, ","), strings.Join(d.Countries, ",")
		switch {
		case g == "D:5" && x == "" && c == "MO":
			d.Kind = RuleMacauD5
		case g == "D:1,D:4,D:5" && x == "A:5,A:6" && c == "AE":
			d.Kind = RuleUAED1D4D5NotA5A6
		case g == "D:1,D:4,D:5" && x == "A:5,A:6" && c == "":
			d.Kind = RuleD1D4D5NotA5A6
		case g == "E:1" && x == "" && c == "":
			d.Kind = RuleE1
		default:
			d.Kind = RuleUnknown
		}
	case len(named(true)) > 0:
		d.Kind, d.Countries = RuleCountries, named(true)
	case (strings.HasPrefix(low, "see ") || strings.HasPrefix(low, "refer to ")) && len(d.Citations) > 0:
		d.Kind = RulePointer
	default:
		d.Kind = RuleUnknown
	}
	return d, conds, nil
}

func wordAt(s string, i, n int) bool {
	before := i == 0 || !isAlnum(s[i-1])
	after := i+n >= len(s) || !isAlnum(s[i+n])
	return before && after
}

func appendOnce(xs []string, x string) []string {
	for _, y := range xs {
		if y == x {
			return xs
		}
	}
	return append(xs, x)
}

// citations returns the provisions a cell cites after "§" or "§§" (with
// continuations such as "§ 742.4(a)(5) and (b)(10)") and after "See part
// 742", as "15 CFR 742.4(a)(5)".
func citations(s string) []string {
	var out []string
	for i := 0; i < len(s); {
		j := strings.Index(s[i:], "§")
		if j < 0 {
			break
		}
		i += j + len("§")
		for i < len(s) && (s[i] == ' ' || strings.HasPrefix(s[i:], "§")) {
			if s[i] == ' ' {
				i++
			} else {
				i += len("§")
			}
		}
		section := ""
		for {
			rest := s[i:]
			if m := reSection.FindStringSubmatch(rest); m != nil {
				section = m[1]
				out = appendOnce(out, "15 CFR "+m[1]+m[2])
				i += len(m[0])
			} else if m := reParenCont.FindStringSubmatch(rest); m != nil && section != "" {
				out = appendOnce(out, "15 CFR "+section+m[1])
				i += len(m[0])
			} else {
				break
			}
			rest = s[i:]
			moved := false
			for _, sep := range []string{", and ", ", or ", " and ", " or ", ", "} {
				if strings.HasPrefix(rest, sep) {
					next := rest[len(sep):]
					if reSection.MatchString(next) || reParenCont.MatchString(next) {
						i += len(sep)
						moved = true
					}
					break
				}
			}
			if !moved {
				break
			}
		}
	}
	for _, m := range rePart.FindAllStringSubmatch(s, -1) {
		out = appendOnce(out, "15 CFR part "+m[1])
	}
	return out
}
