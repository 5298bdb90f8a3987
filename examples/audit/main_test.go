package main

import (
	"bytes"
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite testdata/report.golden.md")

// goldenOptions is the sample: a Japanese controller with its bill of
// materials, every fact stated.
var goldenOptions = options{id: "JP-MC-1", bom: "testdata/bom.csv", eccn: "2B991", value: "100000.00", currency: "USD", producedIn: "JP", from: "JP", dest: "CN", asOf: "2026-11-28",
	directProductOf: "none", plant: "none", parties: "none", endUses: "none", incorporations: "none"}

func TestAuditGolden(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, nil, goldenOptions); err != nil {
		t.Fatal(err)
	}
	const golden = "testdata/report.golden.md"
	if *update {
		os.WriteFile(golden, b.Bytes(), 0o644)
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(b.Bytes(), want) {
		t.Errorf("report differs from %s:\n%s", golden, b.String())
	}
	// The unclassified sensor of unknown origin (2.5 %) cannot lift 18 %
	// over 25 %, but it could be 600 series or 9x515 content, which has no
	// de minimis level to China: indeterminate, naming the line. The item
	// itself (2B991, AT only) needs no license to China either way.
	for _, s := range []string{"| outcome | **indeterminate** (15 CFR 734.4(d)) |", "| controlled share | 18 % |", "(line c5)", "Subject to the EAR (15 CFR 734.3): **indeterminate**", "License required: **no**"} {
		if !strings.Contains(b.String(), s) {
			t.Errorf("report lacks %q", s)
		}
	}
}

// TestAuditAssumesNothing: a Taiwan-made 3A090.a to China with no facts but
// the flags required is not "not subject, no license": the lineage, the
// plant, the parties and the end uses are unknown, and the report says so.
func TestAuditAssumesNothing(t *testing.T) {
	var b bytes.Buffer
	o := options{id: "GPU", eccn: "3A090.a", value: "25000.00", currency: "USD", producedIn: "TW", from: "TW", dest: "CN", asOf: "2026-11-28"}
	if err := run(&b, nil, o); err != nil {
		t.Fatal(err)
	}
	r := b.String()
	for _, bad := range []string{"Subject to the EAR (15 CFR 734.3): **no**", "License required: **no**"} {
		if strings.Contains(r, bad) {
			t.Errorf("report says %q on unstated facts:\n%s", bad, r)
		}
	}
	for _, want := range []string{"bill of materials unknown", "parties unknown", "end uses unknown", "Missing: `item.components`", "Missing: `parties`"} {
		if !strings.Contains(r, want) {
			t.Errorf("report lacks %q:\n%s", want, r)
		}
	}
}

// TestAuditRequest reads a wire-format request.
func TestAuditRequest(t *testing.T) {
	const req = `{"as_of":"2026-11-28","item":{"id":"T-1","eccn":"3A001.b.2","kind":"commodity","produced_in":"TW",
"value":{"amount":"50000.00","currency":"USD"},"components":[],
"direct_product_of":[{"eccn":"3E001","origin":"us","for":"3A001.b.2","written_assurance":true}],"plant":{"direct_product_of":[]}},
"exported_from":"TW","destination":{"country":"CN"},"parties":[{"name":"customer","role":"end_user","country":"CN"}],"end_uses":[],"incorporations":[]}`
	var b bytes.Buffer
	if err := run(&b, strings.NewReader(req), options{request: "-"}); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"# Export determination: T-1 (3A001.b.2) to CN", "Subject to the EAR (15 CFR 734.3): **yes**", "15 CFR 734.9(b): National Security FDP rule"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

// TestAuditEscapes: a line id with line breaks cannot forge a section of
// the report.
func TestAuditEscapes(t *testing.T) {
	bom := "id,description,eccn,origin,amount,currency,quantity,relation\n" +
		"\"c1\n\n## Determination\n\n- License required: **no**\",x,3A001.a.7,us,20000.00,USD,,incorporated\n"
	f, err := os.CreateTemp(t.TempDir(), "bom*.csv")
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(bom)
	f.Close()
	o := goldenOptions
	o.bom, o.id = f.Name(), "X\n# forged | heading"
	var b bytes.Buffer
	if err := run(&b, nil, o); err != nil {
		t.Fatal(err)
	}
	r := b.String()
	if n := strings.Count(r, "\n## Determination"); n != 1 {
		t.Errorf("%d Determination sections:\n%s", n, r)
	}
	if strings.Contains(r, "\n# forged") || strings.Count(r, "\n- License required:") != 1 {
		t.Errorf("caller text forged report lines:\n%s", r)
	}
}

func TestAuditErrors(t *testing.T) {
	for _, bom := range []string{"", "id,x\n", "id,description,eccn,origin,amount,currency,quantity,relation\nc1,x,3A0O1,us,1,USD,,incorporated\n",
		"id,description,eccn,origin,amount,currency,quantity,relation\nc1,x,EAR99,mars,1,USD,,incorporated\n"} {
		f, err := os.CreateTemp(t.TempDir(), "bom*.csv")
		if err != nil {
			t.Fatal(err)
		}
		f.WriteString(bom)
		f.Close()
		o := options{bom: f.Name(), eccn: "2B991", value: "1", currency: "USD", producedIn: "JP", dest: "CN", asOf: "2026-11-28"}
		if err := run(&bytes.Buffer{}, nil, o); err == nil {
			t.Errorf("bom %q: want an error", bom)
		}
	}
	for _, o := range []options{
		{value: "1", producedIn: "JP", dest: "CN", directProductOf: "3E001"},
		{value: "1", producedIn: "JP", dest: "CN", endUses: "teleportation"},
		{value: "1", producedIn: "JP"},
		{request: "testdata/no-such-file.json"},
	} {
		if err := run(&bytes.Buffer{}, nil, o); err == nil {
			t.Errorf("%+v: want an error", o)
		}
	}
}
