package license

import (
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// withEncryption sets a line's 740.17 status.
func withEncryption(l product.Line, s product.EncryptionStatus) product.Line {
	l.Encryption = s
	return l
}

// dmMissing reports whether a de minimis result names field among its
// missing facts.
func dmMissing(r DeMinimisResult, field string) bool {
	return slices.ContainsFunc(r.Missing, func(m MissingFact) bool { return m.Field == field })
}

// TestDeMinimisEncryptionB2 (15 CFR 734.4(b)(1)(iii), 734.4(c) "Except as
// provided in paragraphs (a) and (b)(1)(iii)"): a 1 % line of US-origin
// 5A002.a content classified by BIS under 740.17(b)(2) takes away the de
// minimis level of an item sent to E:1 or E:2 (Iran, Cuba, North Korea,
// Syria); elsewhere, and with the other statuses of 734.4(b)(1), the
// percentage decides. A line classified 5A002.a with the status
// mass_market (not a 734.4(b)(1) status; mass-market items are 5A992 or
// 5D992) is left open on its encryption status and ECCN.
func TestDeMinimisEncryptionB2(t *testing.T) {
	tests := []struct {
		name     string
		eccn     string
		status   product.EncryptionStatus
		dest     string
		want     DeMinimisOutcome
		cite     string
		missing  []string
		whyParts []string
	}{
		{"b2 to IR (E:1)", "5A002.a", product.EncryptionB2, "IR", DeMinimisNoLevel, "15 CFR 734.4(b)(1)(iii)", nil, []string{"740.17(b)(2)", "734.4(b)(1)(iii)"}},
		{"b2 to CU (E:2)", "5A002.a", product.EncryptionB2, "CU", DeMinimisNoLevel, "15 CFR 734.4(b)(1)(iii)", nil, nil},
		{"b2 to KP (E:1)", "5B002", product.EncryptionB2, "KP", DeMinimisNoLevel, "15 CFR 734.4(b)(1)(iii)", nil, nil},
		{"b2 to SY (E:1)", "5A004.a", product.EncryptionB2, "SY", DeMinimisNoLevel, "15 CFR 734.4(b)(1)(iii)", nil, nil},
		{"b2 to CN (not E:1 or E:2)", "5A002.a", product.EncryptionB2, "CN", DeMinimisWithin, "15 CFR 734.4(d)", nil, nil},
		{"b3 to IR", "5A002.a", product.EncryptionB3, "IR", DeMinimisWithin, "15 CFR 734.4(c)", nil, nil},
		{"b1 to IR", "5A002.a", product.EncryptionB1, "IR", DeMinimisWithin, "15 CFR 734.4(c)", nil, nil},
		{"mass_market on 5A002.a to CN", "5A002.a", product.EncryptionMassMarket, "CN", DeMinimisIndeterminate, "15 CFR 734.4(d)",
			[]string{"item.components[0].encryption", "item.components[0].eccn"}, []string{"mass_market", "734.4(b)"}},
		{"mass_market on 5A992.c to CN", "5A992.c", product.EncryptionMassMarket, "CN", DeMinimisWithin, "15 CFR 734.4(d)", nil, nil},
		{"b2 on 5A992.c to IR (734.4(b)(2) item)", "5A992.c", product.EncryptionB2, "IR", DeMinimisWithin, "15 CFR 734.4(c)", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := dmItem("2B991", "100000", withEncryption(dmLine("c1", tt.eccn, "us", "1000"), tt.status))
			r := mustDM(t, dmQuery(it, tt.dest))
			if r.Outcome != tt.want || r.Citation != tt.cite {
				t.Fatalf("outcome %s (%s), want %s (%s); steps %+v", r.Outcome, r.Citation, tt.want, tt.cite, r.Steps)
			}
			if tt.want == DeMinimisNoLevel && r.ThresholdPercent != "0" {
				t.Errorf("threshold %s, want 0", r.ThresholdPercent)
			}
			for _, f := range tt.missing {
				if !dmMissing(r, f) {
					t.Errorf("missing %+v, want %s", r.Missing, f)
				}
			}
			for _, p := range tt.whyParts {
				if !strings.Contains(r.Lines[0].Why, p) {
					t.Errorf("line why %q, want it to say %q", r.Lines[0].Why, p)
				}
			}
		})
	}
}

// TestDeMinimisEncryptionUncounted (15 CFR 734.4(b), text of 2024-12-05
// and 2025-01-16: subject "unless they meet the de minimis level and
// destination requirements of paragraph (c) or (d) of this section and the
// requirements of this paragraph"): the 740.17 status of US-origin
// Category 5 Part 2 content is read whether the line is counted or not. A
// 5A002.a line that needs no license to Canada, or that the caller says
// needs none, leaves the outcome open without its status; with a status
// that meets 734.4(b)(1) the percentage decides, and 740.17(b)(2) content
// to E:1 takes the level away though the line is not counted. A
// foreign-made 5A002.a line is not read.
func TestDeMinimisEncryptionUncounted(t *testing.T) {
	noLicense := func(l product.Line) product.Line { l.LicenseRequired = product.BoolFalse; return l }
	tests := []struct {
		name string
		line product.Line
		dest string
		want DeMinimisOutcome
	}{
		{"no status, to CA (not counted)", dmLine("c1", "5A002.a", "us", "1000"), "CA", DeMinimisIndeterminate},
		{"status unknown, to CA", withEncryption(dmLine("c1", "5A002.a", "us", "1000"), product.EncryptionUnknown), "CA", DeMinimisIndeterminate},
		{"no status, caller: no license, to CN", noLicense(dmLine("c1", "5A002.a", "us", "1000")), "CN", DeMinimisIndeterminate},
		{"no status, caller: no license, 5A004.a to CN", noLicense(dmLine("c1", "5A004.a", "us", "1000")), "CN", DeMinimisIndeterminate},
		{"no status, caller: no license, to IR", noLicense(dmLine("c1", "5A002.a", "us", "1000")), "IR", DeMinimisIndeterminate},
		{"b1, to CA", withEncryption(dmLine("c1", "5A002.a", "us", "1000"), product.EncryptionB1), "CA", DeMinimisWithin},
		{"b2, caller: no license, to SY", noLicense(withEncryption(dmLine("c1", "5A002.a", "us", "1000"), product.EncryptionB2)), "SY", DeMinimisNoLevel},
		{"foreign 5A002.a, no status, to CA", dmLine("c1", "5A002.a", "foreign", "1000"), "CA", DeMinimisWithin},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustDM(t, dmQuery(dmItem("2B991", "100000", tt.line), tt.dest))
			if r.Outcome != tt.want {
				t.Fatalf("outcome %s, want %s; lines %+v", r.Outcome, tt.want, r.Lines)
			}
			if tt.want == DeMinimisIndeterminate && !dmMissing(r, "item.components[0].encryption") {
				t.Errorf("missing %+v, want item.components[0].encryption", r.Missing)
			}
		})
	}
}

// TestDeMinimisEncryptionB2Check: the repro of the review through Check: a
// Japanese EAR99 controller with a 1 % US-origin 5A002.a line of status
// 740.17(b)(2), exported from India to Iran, is subject to the EAR (no de
// minimis level, 734.4(b)(1)(iii)), not "no" at the 10 % level.
func TestDeMinimisEncryptionB2Check(t *testing.T) {
	const body = `{"as_of": "2026-11-28", "item": {"id": "DM-001", "eccn": "EAR99", "kind": "commodity", "produced_in": "JP",
 "value": {"amount": "100000.00", "currency": "USD"},
 "components": [{"id": "c1", "eccn": "5A002.a", "origin": "us", "value": {"amount": "1000.00", "currency": "USD"}, "relation": "incorporated", "encryption": "740.17(b)(2)"}],
 "direct_product_of": [], "plant": {"direct_product_of": []}},
 "exported_from": "IN", "destination": {"country": "DEST"}, "parties": [], "end_uses": [], "incorporations": []}`
	for _, tt := range []struct {
		dest    string
		subject string
		dm      DeMinimisOutcome
	}{
		{"IR", "yes", DeMinimisNoLevel},
		{"CU", "yes", DeMinimisNoLevel},
		{"KP", "yes", DeMinimisNoLevel},
		{"SY", "yes", DeMinimisNoLevel},
		{"IN", "no", DeMinimisWithin},
	} {
		d := checkReview(t, NewChecker(), strings.Replace(body, "DEST", tt.dest, 1))
		if got := d.SubjectToEAR().String(); got != tt.subject || d.DeMinimis().Outcome != tt.dm {
			t.Errorf("%s: subject %s, de minimis %s; want %s, %s", tt.dest, got, d.DeMinimis().Outcome, tt.subject, tt.dm)
		}
	}
}

// TestDeMinimisRussiaPartnerSoftware (746.8(a)(8), 746.8(a)(12)(iii)(B)):
// the partner-country carve-out leaves out EAR99 and AT-only content only
// for 746.8(a)(1) and (a)(4)-(7); US-origin software (bundled with a
// commodity, commingled in software, or classified in product group D) of
// an item exported from Japan to Russia or Belarus stays open from
// 2024-09-16 (746.8(a)(8)), naming the line's license_required, and is
// counted when the caller says a license is required. Before 2024-09-16,
// and for EAR99 parts that are not software, the carve-out applies.
func TestDeMinimisRussiaPartnerSoftware(t *testing.T) {
	sw := func(l product.Line) product.Line { return bundled(l) }
	commingled := func(l product.Line) product.Line { l.Relation = product.Commingled; return l }
	licensed := func(l product.Line) product.Line { l.LicenseRequired = product.BoolTrue; return l }
	tests := []struct {
		name     string
		itemECCN string
		line     product.Line
		dest     string
		asOf     string
		want     DeMinimisOutcome
		status   string
		missing  string
	}{
		{"EAR99 bundled software to RU", "EAR99", sw(dmLine("s1", "EAR99", "us", "40000")), "RU", "2026-11-28", DeMinimisIndeterminate, "indeterminate", "item.components[0].license_required"},
		{"EAR99 bundled software to BY", "EAR99", sw(dmLine("s1", "EAR99", "us", "40000")), "BY", "2026-11-28", DeMinimisIndeterminate, "indeterminate", "item.components[0].license_required"},
		{"EAR99 software in software to RU", "EAR99", commingled(dmLine("s1", "EAR99", "us", "40000")), "RU", "2026-11-28", DeMinimisIndeterminate, "indeterminate", "item.components[0].license_required"},
		{"AT-only 2D991 bundled to RU", "EAR99", sw(dmLine("s1", "2D991", "us", "40000")), "RU", "2026-11-28", DeMinimisIndeterminate, "indeterminate", "item.components[0].license_required"},
		{"EAR99 bundled software, said licensable", "EAR99", licensed(sw(dmLine("s1", "EAR99", "us", "40000"))), "RU", "2026-11-28", DeMinimisExceeds, "yes", ""},
		{"EAR99 bundled software before 2024-09-16", "EAR99", sw(dmLine("s1", "EAR99", "us", "40000")), "RU", "2024-09-15", DeMinimisWithin, "no", ""},
		{"EAR99 part (not software) to RU", "EAR99", dmLine("c1", "EAR99", "us", "40000"), "RU", "2026-11-28", DeMinimisWithin, "no", ""},
		{"small EAR99 bundled software stays within", "EAR99", sw(dmLine("s1", "EAR99", "us", "100")), "RU", "2026-11-28", DeMinimisWithin, "indeterminate", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			it := dmItem(tt.itemECCN, "100000", tt.line)
			if tt.line.Relation == product.Commingled {
				it.Kind = product.Software
			}
			q := dmQuery(it, tt.dest) // exported from Japan, a partner country
			q.AsOf = jurisdiction.MustParseDate(tt.asOf)
			r := mustDM(t, q)
			if r.Outcome != tt.want || r.Lines[0].Status.String() != tt.status {
				t.Fatalf("outcome %s, line %s (%s); want %s, %s", r.Outcome, r.Lines[0].Status, r.Lines[0].Why, tt.want, tt.status)
			}
			if tt.missing != "" && !dmMissing(r, tt.missing) {
				t.Errorf("missing %+v, want %s", r.Missing, tt.missing)
			}
			if tt.status == "indeterminate" && r.Lines[0].Citation != "15 CFR 746.8(a)(8)" {
				t.Errorf("line citation %q, want 15 CFR 746.8(a)(8)", r.Lines[0].Citation)
			}
		})
	}
}

// TestDeMinimisBundledSoftwareNotes (Notes (3) to 734.4(c)(1) and (d)(1)):
// bundled US-origin software that is neither EAR99 nor AT-only is outside
// the de minimis exclusion: a Japanese commodity to China with 10 %
// bundled 4D001.a software is not cleared as "within" but left
// indeterminate with a note and a step; AT-only (4D994) and EAR99 bundled
// software stay within; past the level the item still exceeds.
func TestDeMinimisBundledSoftwareNotes(t *testing.T) {
	tests := []struct {
		name  string
		eccn  string
		value string
		dest  string
		want  DeMinimisOutcome
		note  bool
	}{
		{"4D001.a to CN", "4D001.a", "10000", "CN", DeMinimisIndeterminate, true},
		{"4D001.a over the level", "4D001.a", "30000", "CN", DeMinimisExceeds, true},
		{"4D994 (AT-only) to CN", "4D994", "10000", "CN", DeMinimisWithin, false},
		{"EAR99 to CN", "EAR99", "10000", "CN", DeMinimisWithin, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := mustDM(t, dmQuery(dmItem("2B991", "100000", bundled(dmLine("s1", tt.eccn, "us", tt.value))), tt.dest))
			if r.Outcome != tt.want {
				t.Fatalf("outcome %s, want %s (lines %+v)", r.Outcome, tt.want, r.Lines)
			}
			hasNote := slices.ContainsFunc(r.Notes, func(n string) bool { return strings.Contains(n, "outside the de minimis exclusion") })
			hasStep := slices.ContainsFunc(r.Steps, func(s Step) bool { return s.Citation == citationBundle })
			if hasNote != tt.note || hasStep != tt.note {
				t.Errorf("note %v, step %v; want %v (notes %q)", hasNote, hasStep, tt.note, r.Notes)
			}
			if tt.want == DeMinimisIndeterminate && !dmMissing(r, "item.components[0].eccn") {
				t.Errorf("missing %+v, want item.components[0].eccn", r.Missing)
			}
		})
	}
}

// TestMinorUnitsExact: a controlled value is written with its currency's
// minor units whatever the places its sum carried (a rate written with
// more places), without rounding what is not zero.
func TestMinorUnitsExact(t *testing.T) {
	for _, tt := range []struct {
		give   string
		places int32
		want   string
	}{
		{"1085.000000", 2, "1085.00"},
		{"1085.0000000000", 2, "1085.00"},
		{"1085", 2, "1085.00"},
		{"1085.1234000", 2, "1085.1234"},
		{"151237.00000", 0, "151237"},
		{"0.50", 3, "0.500"},
		{"-12.3400", 2, "-12.34"},
	} {
		d := minorUnitsExact(decimal.RequireFromString(tt.give), tt.places)
		if got := d.StringFixed(-d.Exponent()); got != tt.want {
			t.Errorf("minorUnitsExact(%s, %d) = %s, want %s", tt.give, tt.places, got, tt.want)
		}
	}
}

// TestControlledValueMinorUnits: a controlled value reached through a
// rate given the other way round (a quotient) is written with the item
// currency's minor units too: 3255.000 USD at 3.255 USD per KWD is
// 1000.000 KWD.
func TestControlledValueMinorUnits(t *testing.T) {
	const body = `{"as_of":"2026-11-28","item":{"id":"K","eccn":"2B991","kind":"commodity","produced_in":"JP","value":{"amount":"4000.000","currency":"KWD"},
"components":[{"id":"c1","eccn":"3A001.a.7","origin":"us","value":{"amount":"3255.000","currency":"USD"},"relation":"incorporated"}],
"direct_product_of":[],"plant":{"direct_product_of":[]}},"exported_from":"JP","destination":{"country":"CN"},"parties":[],"end_uses":[],"incorporations":[],
"exchange_rates":{"date":"2026-11-01","rates":[{"from":"KWD","to":"USD","rate":"3.255"}]}}`
	d := checkReview(t, NewChecker(), body)
	dm := d.DeMinimis()
	if got := dm.ControlledValue.AmountString(); got != "1000.000" || dm.Outcome != DeMinimisWithin {
		t.Errorf("controlled value %s (%s), want 1000.000 KWD within", got, dm.Outcome)
	}
}

// TestDeMinimisCategoryNamesOpenLine: a 734.4(a) category open on a line
// of unknown origin names that line's origin (the answer was open with no
// missing fact).
func TestDeMinimisCategoryNamesOpenLine(t *testing.T) {
	ic := dmLine("c1", "3A991.a.2", "unknown", "3000")
	ic.IntegratedCircuit = product.OptBoolOf(true)
	it := dmItem("3B993", "900000", ic)
	q := dmQuery(it, "CN")
	q.Parties = PartiesOf(Party{Name: "F5", Role: RoleEndUser, EntityListFootnotes: []int{5}})
	r := mustDM(t, q)
	if r.Outcome != DeMinimisIndeterminate || !dmMissing(r, "item.components[0].origin") {
		t.Errorf("outcome %s, missing %+v; want indeterminate naming item.components[0].origin", r.Outcome, r.Missing)
	}
}
