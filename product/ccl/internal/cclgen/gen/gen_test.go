package gen

import (
	"reflect"
	"strings"
	"testing"
)

var known = []string{"1B001", "1B002", "1B003", "1B018", "2B119", "2B120", "2B121", "2B122", "3A001", "3A090",
	"3B001", "3B002", "3E001", "4A090", "4D090", "4E001", "5A001", "9A990", "9D990"}

func TestParseScope(t *testing.T) {
	tests := []struct {
		name, entry, give string
		wantKind          int
		wantReason        string
		wantParas         []string // ECCN, "!" suffix for qualified, "-x" excepted
		wantFor           []string
		wantExceptFor     []string
		wantCond          bool
	}{
		{"entire", "3A090", "AT applies to entire entry", ScopeEntire, "AT", nil, nil, nil, false},
		{"the entire, trailing period", "1A004", "RS applies to the entire entry.", ScopeEntire, "RS", nil, nil, nil, false},
		{"missing 'to'", "4E091", "RS applies entire entry", ScopeEntire, "RS", nil, nil, nil, false},
		{"relative except list", "9A515", "NS applies to entire entry, except .e, .x, and .y", ScopeExcept, "NS",
			[]string{"9A515.e", "9A515.x", "9A515.y"}, nil, nil, false},
		{"paragraph z.1.a list", "3A001", "RS applies to 3A001.z.1.a, z.2.a, z.3.a, z.4.a", ScopeParagraphs, "RS",
			[]string{"3A001.z.1.a", "3A001.z.2.a", "3A001.z.3.a", "3A001.z.4.a"}, nil, nil, false},
		{"space typo inside a reference", "3D001", "RS applies to “software” for commodities controlled by 3A001.z. 1.b, z.2.b", ScopeFor, "RS",
			nil, []string{"3A001.z.1.b", "3A001.z.2.b"}, nil, false},
		{"sibling numbers and a.10", "1C607", "NS applies to entire entry, except 1C607.a.10, .a.11, .a.12, and .a.14", ScopeExcept, "NS",
			[]string{"1C607.a.10", "1C607.a.11", "1C607.a.12", "1C607.a.14"}, nil, nil, false},
		{"numeric sibling", "1C351", "CB applies to items controlled by 1C351.d.15 and .16", ScopeParagraphs, "CB",
			[]string{"1C351.d.15", "1C351.d.16"}, nil, nil, false},
		{"letter ranges and bare letters", "3B001", "NS applies to 3B001.a.1 to a.3, b, e, f.2 to f.4, g to j", ScopeParagraphs, "NS",
			[]string{"3B001.a.1", "3B001.a.2", "3B001.a.3", "3B001.b", "3B001.e", "3B001.f.2", "3B001.f.3", "3B001.f.4", "3B001.g", "3B001.h", "3B001.i", "3B001.j"}, nil, nil, false},
		{"parenthesised exceptions", "5A001", "NS applies to 5A001.b (except .b.5), .c, .d, .f (except f.3), .g, and .j", ScopeParagraphs, "NS",
			[]string{"5A001.b-5A001.b.5", "5A001.c", "5A001.d", "5A001.f-5A001.f.3", "5A001.g", "5A001.j"}, nil, nil, false},
		{"space before the dot", "9A004", "NS applies to 9A004 .g, .r, .u, and .w", ScopeParagraphs, "NS",
			[]string{"9A004.g", "9A004.r", "9A004.u", "9A004.w"}, nil, nil, false},
		{"paragraph without dot", "3B002", "RS applies to paragraph c", ScopeParagraphs, "RS", []string{"3B002.c"}, nil, nil, false},
		{"for list with entry ranges and a reason", "1E001", "MT applies to “technology” for items controlled by 1B001 to 1B003, or 1B018 for MT reasons", ScopeFor, "MT",
			nil, []string{"1B001 MT", "1B002 MT", "1B003 MT", "1B018 MT"}, nil, false},
		{"except for technology", "4E001", "NS applies to entire entry, except for “technology” for 4A090 or “software” specified by 4D090", ScopeExcept, "NS",
			nil, nil, []string{"4A090", "4D090"}, false},
		{"for with its own exception", "9D990", "AT applies to “software” for equipment under 9A990 except 9A990.a", ScopeFor, "AT",
			nil, []string{"9A990-9A990.a"}, nil, false},
		{"end-use condition", "3A001", "NS applies to “Monolithic Microwave Integrated Circuit” (“MMIC”) amplifiers in 3A001.b.2 and discrete microwave transistors in 3A001.b.3, except those 3A001.b.2 and b.3 items being exported or reexported for use in civil telecommunications applications", ScopeParagraphs, "NS",
			[]string{"3A001.b.2!", "3A001.b.3!"}, nil, nil, true},
		{"missile condition, unqualified tail", "3A001", "MT applies to 3A001.a.1.a when usable in “missiles”; and to 3A001.a.5.a when “designed or modified” for military use; and 3A001.z.2", ScopeParagraphs, "MT",
			[]string{"3A001.a.1.a!", "3A001.a.5.a!", "3A001.z.2"}, nil, nil, true},
		{"technical parameter", "2B209", "NP applies to items controlled by this entry that meet or exceed the technical parameters in 2B209", ScopeEntire, "NP", nil, nil, nil, true},
		{"a list qualified at its end", "1C011", "MT applies to 1C011.a and .b for items that meet or exceed the parameters in 1C111.", ScopeParagraphs, "MT",
			[]string{"1C011.a!", "1C011.b!"}, nil, nil, true},
		{"ISS exception", "9D515", "RS applies to 9D515.y, except to Russia for use in, with, or for the International Space Station (ISS), including launch to the ISS", ScopeParagraphs, "RS",
			[]string{"9D515.y"}, nil, nil, true},
		{"conditional except list", "9A610", "NS applies to entire entry except: 9A610.b; parts and components controlled in 9A610.x if being exported or reexported for use in an aircraft controlled in 9A610.b; and 9A610.y", ScopeExcept, "NS",
			[]string{"9A610.b", "9A610.x!", "9A610.y"}, nil, nil, true},
		{"description without paragraphs", "0A502", "NS applies to shotguns with a barrel length less than 18 inches (45.72 cm)", ScopeEntire, "NS", nil, nil, nil, true},
		{"Russia sector sanctions", "0A998", "Russian industry sector sanction applies to entire entry", ScopeEntire, "FP", nil, nil, nil, false},
		{"a second sentence adds a paragraph", "9A515", "MT applies to microcircuits in 9A515.d and 9A515.e.2 when “usable in” “missiles”. MT also applies to 9A515.h when the total impulse capacity is equal to or greater than 8.41 × 10 5 newton seconds", ScopeParagraphs, "MT",
			[]string{"9A515.d!", "9A515.e.2!", "9A515.h!"}, nil, nil, true},
		{"nested for is qualified", "0D501", "NS applies to entire entry except “software” for commodities in ECCN 0A501.y or equipment in ECCN 0B501 for commodities in ECCN 0A501.y", ScopeExcept, "NS",
			nil, nil, []string{"0A501.y", "0B501!", "0A501.y!"}, true},
		{"as applicable for", "5D001", "SL applies to the entire entry as applicable for equipment, functions, features, or characteristics controlled by 5A001.f.1", ScopeFor, "SL",
			nil, []string{"5A001.f.1"}, nil, false},
		{"group reference", "3D001", "NS applies to “software” for commodities controlled by 3A001.b to 3A001.d, and 3B (except as specified in the heading)", ScopeFor, "NS",
			nil, []string{"3A001.b", "3A001.c", "3A001.d", "3B!"}, nil, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sc, err := ParseScope(tt.give, tt.entry, known)
			if err != nil {
				t.Fatal(err)
			}
			if sc.Kind != tt.wantKind || sc.Reason != tt.wantReason {
				t.Errorf("kind %d reason %s, want %d %s", sc.Kind, sc.Reason, tt.wantKind, tt.wantReason)
			}
			if got := refStrings(sc.Paragraphs); !reflect.DeepEqual(got, tt.wantParas) {
				t.Errorf("paragraphs %q, want %q", got, tt.wantParas)
			}
			if got := refStrings(sc.For); !reflect.DeepEqual(got, tt.wantFor) {
				t.Errorf("for %q, want %q", got, tt.wantFor)
			}
			if got := refStrings(sc.ExceptFor); !reflect.DeepEqual(got, tt.wantExceptFor) {
				t.Errorf("except for %q, want %q", got, tt.wantExceptFor)
			}
			if sc.Conditional() != tt.wantCond {
				t.Errorf("conditional %v (%q), want %v", sc.Conditional(), sc.Conditions, tt.wantCond)
			}
		})
	}
}

func refStrings(rs []Ref) []string {
	var out []string
	for _, r := range rs {
		s := r.ECCN
		if r.Group != "" {
			s = r.Group
		}
		for _, x := range r.Except {
			s += "-" + x
		}
		if r.Qualified {
			s += "!"
		}
		if r.ForReason != "" {
			s += " " + r.ForReason
		}
		out = append(out, s)
	}
	return out
}

func TestParseScopeErrors(t *testing.T) {
	for _, give := range []string{"", "Column 1.", "applies to entire entry", "XX applies to entire entry"} {
		if _, err := ParseScope(give, "3A001", known); err == nil {
			t.Errorf("ParseScope(%q) succeeded", give)
		}
	}
}

func TestExportedFrom(t *testing.T) {
	sc, err := ParseScope("RS applies to “technology” for commodities controlled in 3A090, when exported from Macau or a destination specified in Country Group D:5", "3E001", known)
	if err != nil {
		t.Fatal(err)
	}
	if sc.ExportedFrom != "Macau or a destination specified in Country Group D:5" || sc.Kind != ScopeFor || refStrings(sc.For)[0] != "3A090" {
		t.Errorf("%+v", sc)
	}
	d, _, _ := ParseDestinationRule(sc.ExportedFrom, "")
	if d.Kind != RuleMacauD5 {
		t.Errorf("place of export %+v", d)
	}
}

func TestParseDestinationRule(t *testing.T) {
	tests := []struct {
		give, reason string
		want         DestinationRule
		cond         bool
	}{
		{"NS Column 1.", "NS", DestinationRule{Kind: RuleColumn, Column: "NS1"}, false},
		{"RS Column 1, See § 742.6(a)(3) for license requirements.", "RS", DestinationRule{Kind: RuleColumn, Column: "RS1", Citations: []string{"15 CFR 742.6(a)(3)"}}, false},
		{"Worldwide control. See § 742.4(a)(5) and (b)(10) of the EAR.", "NS", DestinationRule{Kind: RuleWorldwide, Citations: []string{"15 CFR 742.4(a)(5)", "15 CFR 742.4(b)(10)"}}, false},
		{"To or within any destination worldwide, see § 742.6(a)(6)(iii)(A) of the EAR.", "RS", DestinationRule{Kind: RuleWorldwide, Citations: []string{"15 CFR 742.6(a)(6)(iii)(A)"}}, false},
		{"A license is required for ALL destinations, except Canada, regardless of end use. Accordingly, a column specific to this control does not appear on the Commerce Country Chart. (See part 742 of the EAR for additional information)", "CC",
			DestinationRule{Kind: RuleWorldwideExcept, ExceptCountries: []string{"CA"}, Citations: []string{"15 CFR part 742"}}, false},
		{"To or within Macau or a destination specified in Country Group D:5 of supplement no. 1 to part 740 of the EAR. See § 742.4(a)(4) of the EAR.", "NS",
			DestinationRule{Kind: RuleMacauD5, Countries: []string{"MO"}, Groups: []string{"D:5"}, Citations: []string{"15 CFR 742.4(a)(4)"}}, false},
		{"To or within the United Arab Emirates or destinations specified in Country Groups D:1, D:4, and D:5 of supplement no. 1 to part 740 of the EAR, excluding any destination also specified in Country Groups A:5 or A:6. See § 742.6(a)(6)(iii)(B) of the EAR.", "RS",
			DestinationRule{Kind: RuleUAED1D4D5NotA5A6, Countries: []string{"AE"}, Groups: []string{"D:1", "D:4", "D:5"}, ExceptGroups: []string{"A:5", "A:6"}, Citations: []string{"15 CFR 742.6(a)(6)(iii)(B)"}}, false},
		{"To or within destinations specified in Country Groups D:1, D:4, and D:5 of supplement no. 1 to part 740 of the EAR, excluding any destination also specified in Country Groups A:5 or A:6. See § 742.6(a)(6)(iii) of the EAR.", "RS",
			DestinationRule{Kind: RuleD1D4D5NotA5A6, Groups: []string{"D:1", "D:4", "D:5"}, ExceptGroups: []string{"A:5", "A:6"}, Citations: []string{"15 CFR 742.6(a)(6)(iii)"}}, false},
		{"China, Russia, or Venezuela (see § 742.6(a)(7)).", "RS", DestinationRule{Kind: RuleCountries, Countries: []string{"CN", "RU", "VE"}, Citations: []string{"15 CFR 742.6(a)(7)"}}, false},
		{"A license is required for items controlled by this entry for export or reexport to Iraq or Pakistan or transfer within Iraq or Pakistan for regional stability reasons. The Commerce Country Chart is not designed to determine RS license requirements for this entry. See §§ 742.6 and 746.3 of the EAR for additional information.", "RS",
			DestinationRule{Kind: RuleCountries, Countries: []string{"IQ", "PK"}, Citations: []string{"15 CFR 742.6", "15 CFR 746.3"}}, false},
		{"A license is required for items controlled by this entry to North Korea for anti-terrorism reasons. The Commerce Country Chart is not designed to determine AT licensing requirements for this entry. See § 742.19 of the EAR for additional information.", "AT",
			DestinationRule{Kind: RuleCountries, Countries: []string{"KP"}, Citations: []string{"15 CFR 742.19"}}, false},
		{"A license is required for CW reasons to CWC non-States Parties (destinations not listed in Supplement No. 2 to part 745), except for Israel and Taiwan. See § 742.18 of the EAR. The Commerce Country Chart is not designed to determine licensing requirements for items controlled for CW reasons", "CW",
			DestinationRule{Kind: RuleCWCNonStatesParties, ExceptCountries: []string{"IL", "TW"}, Citations: []string{"15 CFR 742.18"}}, false},
		{"A license is required, for AT reasons, to export or reexport items controlled by 1C350 to a country in Country Group E:1 of Supplement No. 1 to part 740 of the EAR. (See part 742 of the EAR for additional information on the AT controls that apply to Iran, North Korea, and Syria.)", "AT",
			DestinationRule{Kind: RuleE1, Groups: []string{"E:1"}, Citations: []string{"15 CFR part 742"}}, false},
		{"See § 746.1(b) for UN controls", "UN", DestinationRule{Kind: RulePointer, Citations: []string{"15 CFR 746.1(b)"}}, false},
		{"Refer to § 742.15 of the EAR.", "EI", DestinationRule{Kind: RulePointer, Citations: []string{"15 CFR 742.15"}}, false},
		{"See § 746.8 for specific license requirements and license review policy.", "FP", DestinationRule{Kind: RulePointer, Citations: []string{"15 CFR 746.8"}}, false},
		{"N/A.", "NP", DestinationRule{Kind: RuleNotApplicable}, false},
		{"A license is required, for CW reasons, to export Schedule 3 chemicals to States not Party to the CWC, unless an End-Use Certificate issued by the government of the importing country has been obtained by the exporter prior to export.", "CW",
			DestinationRule{Kind: RuleCWCNonStatesParties}, true},
		{"Column 1.", "AT", DestinationRule{Kind: RuleUnknown}, false},
		{"", "AT", DestinationRule{Kind: RuleUnknown}, false},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			got, conds, err := ParseDestinationRule(tt.give, tt.reason)
			if err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %+v\nwant %+v", got, tt.want)
			}
			if (len(conds) > 0) != tt.cond {
				t.Errorf("conditions %q", conds)
			}
		})
	}
	if _, _, err := ParseDestinationRule("NS Column 1.", "RS"); err == nil {
		t.Error("a column of another reason was accepted")
	}
	if _, _, err := ParseDestinationRule("NS Column 3.", "NS"); err == nil {
		t.Error("NS3 was accepted")
	}
}

func TestSplitCell(t *testing.T) {
	for _, tt := range []struct{ give, scope, target string }{
		{"CB applies to entire entry CB Column 2.", "CB applies to entire entry", "CB Column 2."},
		{"CC applies to “technology” for items controlled by 0A982 or 0A503. A license is required for ALL destinations, except Canada.", "CC applies to “technology” for items controlled by 0A982 or 0A503", "A license is required for ALL destinations, except Canada."},
		{"MT applies to “software” for items controlled by 1B018 for MT reasons", "MT applies to “software” for items controlled by 1B018 for MT reasons", ""},
	} {
		s, g := splitCell(tt.give)
		if s != tt.scope || g != tt.target {
			t.Errorf("splitCell(%q) = %q, %q", tt.give, s, g)
		}
	}
}

func TestParseReasonLine(t *testing.T) {
	for _, tt := range []struct {
		give string
		want []string
		note bool
	}{
		{"NS, RS, MT, NP, AT", []string{"NS", "RS", "MT", "NP", "AT"}, false},
		{"NS, MT and AT", []string{"NS", "MT", "AT"}, false},
		{"NS, MT NP, AT", []string{"NS", "MT", "NP", "AT"}, false},
		{"RS AT", []string{"RS", "AT"}, false},
		{"CW, AT.", []string{"CW", "AT"}, false},
		{"AT, RS, foreign policy", []string{"AT", "RS", "FP"}, false},
		{"Foreign policy", []string{"FP"}, false},
		{"CC1", []string{"CC"}, true},
		{"CC 1", []string{"CC"}, true},
	} {
		got, notes, err := parseReasonLine(tt.give)
		if err != nil || !reflect.DeepEqual(got, tt.want) || (len(notes) > 0) != tt.note {
			t.Errorf("parseReasonLine(%q) = %v, %q, %v", tt.give, got, notes, err)
		}
	}
	for _, give := range []string{"", "XX", "NS, whatever"} {
		if _, _, err := parseReasonLine(give); err == nil {
			t.Errorf("parseReasonLine(%q) succeeded", give)
		}
	}
}

func TestMendsCheck(t *testing.T) {
	src := &SourceFile{ECFRIssueDate: "2026-07-23", Entries: []SourceEntry{
		{ECCN: "1A001", Heading: "h", CountryChart: []SourceRow{{Control: "NS applies to entire entry", CountryChart: "NS Column 2"}}},
	}}
	one := 1
	two := 2
	for _, tt := range []struct {
		name string
		m    Mend
		ok   bool
	}{
		{"check holds", Mend{ECCN: "1A001", Op: "replace", Note: "n", Source: "s", Check: &MendCheck{RowCount: &one}}, true},
		{"stale check", Mend{ECCN: "1A001", Op: "replace", Note: "n", Source: "s", Check: &MendCheck{RowCount: &two}}, false},
		{"add an entry the source has", Mend{ECCN: "1A001", Op: "add", After: "1A001", Note: "n", Source: "s"}, false},
		{"patch a row that changed", Mend{ECCN: "1A001", Op: "replace", Note: "n", Source: "s", RowPatches: []RowPatch{{Index: 0, Was: SourceRow{Control: "x"}}}}, false},
		{"patch out of range", Mend{ECCN: "1A001", Op: "replace", Note: "n", Source: "s", RowPatches: []RowPatch{{Index: 3}}}, false},
	} {
		_, _, err := Build(src, &MendFile{Mends: []Mend{tt.m}})
		if (err == nil) != tt.ok {
			t.Errorf("%s: err %v", tt.name, err)
		}
	}
	if _, err := ParseMends([]byte(`{"mends":[{"eccn":"1A001","op":"replace","note":"","source":"s"}]}`)); err == nil {
		t.Error("a mend without a note was accepted")
	}
	if _, err := ParseMends([]byte(`{"mends":[],"extra":1}`)); err == nil {
		t.Error("an unknown field was accepted")
	}
}

func TestNormalizeAndTokenize(t *testing.T) {
	if got := normalize("see 5A001.f.1equipment and 3A001.z. 1.b,  8A620. b and 9A004 .g"); got != "see 5A001.f.1 equipment and 3A001.z.1.b, 8A620.b and 9A004.g" {
		t.Errorf("normalize: %q", got)
	}
	var vals []string
	for _, tk := range tokenize("( e.g., EMP) 0.0128 3B z.2.a .e") {
		vals = append(vals, tk.val)
	}
	if strings.Join(vals, "|") != "(|e.g|,|emp|)|0.0128|3B|z.2.a|e" {
		t.Errorf("tokenize: %q", vals)
	}
}

func FuzzParseScope(f *testing.F) {
	for _, s := range []string{"NS applies to entire entry, except .e, .x, and .y", "RS applies to 3B001.a.4, c, d, f.1, k to n",
		"MT applies to (((", "AT applies to 9Z999.. , ; : ) (", "NS applies to 1B001 to 1A001", "CB applies to z.z.z to a"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sc, err := ParseScope(s, "3A001", known)
		if err != nil {
			return
		}
		for _, r := range append(append(sc.Paragraphs, sc.For...), sc.ExceptFor...) {
			if r.Group == "" && !validECCN(r.ECCN) {
				t.Fatalf("invalid reference %q from %q", r.ECCN, s)
			}
		}
		_, _, _ = ParseDestinationRule(s, "NS")
	})
}
