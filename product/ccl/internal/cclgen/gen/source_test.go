package gen

import (
	"bytes"
	"strings"
	"testing"
)

const tinyExtract = `{"$comment":"c","citation":"15 C.F.R. Part 774, Supplement No. 1 (Commerce Control List)",
"source":{"url":"https://example.invalid/ccl","api":"a","format":"XML"},"ecfrIssueDate":"2026-07-23",
"retrievedAt":"2026-07-31T17:00:58.525Z","deepCategories":["1"],"deepCategoryNote":"n","entryCount":2,"entries":[
{"eccn":"1A001","category":"1","productGroup":"A","heading":"Components <b> & “parts”","reasonForControl":"NS, AT",
 "countryChart":[{"control":"NS applies to entire entry","countryChart":"NS Column 2"},{"control":"AT applies to entire entry","countryChart":"AT Column 1","singleCellRow":true}],
 "licenceExceptionFlags":{"LVS":"N/A","GBS":"N/A","STA":"x"},"staSpecialConditions":"STA: x","relatedControls":null,
 "items":[{"paragraph":"a","kind":"item","depth":1,"text":"Seals"},{"paragraph":null,"kind":"note","depth":1,"text":"Note"}],
 "topLevelParagraphs":{"a":"Seals"}},
{"eccn":"0A002","category":"0","productGroup":"A","heading":"ITAR","reasonForControl":null,"countryChart":[],
 "licenceExceptionFlags":{},"staSpecialConditions":null,"relatedControls":null}]}`

func TestImportRoundTrip(t *testing.T) {
	out, err := Import([]byte(tinyExtract))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(out), "\n"), "\n")
	want := []string{"source", "entry", "row", "row", "exception", "exception", "exception", "sta", "item", "item", "entry"}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, w := range want {
		if !strings.HasPrefix(lines[i], `{"type":"`+w+`"`) {
			t.Errorf("line %d = %s, want a %s record", i+1, lines[i], w)
		}
	}
	if !strings.Contains(lines[1], `Components <b> & “parts”`) {
		t.Errorf("text escaped: %s", lines[1])
	}
	// the License Exceptions keep their printed order
	for i, code := range []string{"LVS", "GBS", "STA"} {
		if !strings.Contains(lines[4+i], `"code":"`+code+`"`) {
			t.Errorf("exception %d = %s, want %s", i, lines[4+i], code)
		}
	}
	if strings.Contains(lines[10], "reasonForControl") {
		t.Errorf("a missing Reason for Control line is written: %s", lines[10])
	}
	f, err := ParseSource(out)
	if err != nil {
		t.Fatal(err)
	}
	if f.ECFRIssueDate != "2026-07-23" || len(f.Entries) != 2 || f.Entries[1].ReasonForControl != nil ||
		*f.Entries[0].STASpecialConditions != "STA: x" || f.Entries[0].Items[1].Paragraph != nil || !f.Entries[0].CountryChart[1].SingleCellRow {
		t.Errorf("read back %+v", f)
	}
	again, err := WriteSource(f)
	if err != nil || !bytes.Equal(again, out) {
		t.Errorf("write(read(x)) != x: %v", err)
	}
}

func TestImportRejects(t *testing.T) {
	for _, tt := range []struct{ name, old, new string }{
		{"unknown field", `"relatedControls":null}]}`, `"relatedControls":null,"new":1}]}`},
		{"entry count", `"entryCount":2`, `"entryCount":3`},
		{"category", `"category":"0"`, `"category":"1"`},
		{"flag twice", `"GBS":"N/A"`, `"LVS":"N/A"`},
	} {
		x := strings.Replace(tinyExtract, tt.old, tt.new, 1)
		if x == tinyExtract {
			t.Fatalf("%s: the edit changed nothing", tt.name)
		}
		if _, err := Import([]byte(x)); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
}

func TestParseSourceRejects(t *testing.T) {
	good, err := Import([]byte(tinyExtract))
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, old, new string }{
		{"format", `version 1`, `version 2`},
		{"unknown record", `{"type":"sta"`, `{"type":"note"`},
		{"unknown field", `"code":"LVS"`, `"code":"LVS","x":1`},
		{"record of another entry", `{"type":"item","eccn":"1A001","paragraph":"a"`, `{"type":"item","eccn":"0A002","paragraph":"a"`},
		{"entry count", `"entries":2`, `"entries":3`},
		{"two values", `"text":"Seals"}`, `"text":"Seals"} {}`},
	} {
		x := strings.Replace(string(good), tt.old, tt.new, 1)
		if x == string(good) {
			t.Fatalf("%s: the edit changed nothing", tt.name)
		}
		if _, err := ParseSource([]byte(x)); err == nil {
			t.Errorf("%s: accepted", tt.name)
		}
	}
	// records out of order: an exception after the sta record
	lines := strings.Split(string(good), "\n")
	lines[6], lines[7] = lines[7], lines[6]
	if _, err := ParseSource([]byte(strings.Join(lines, "\n"))); err == nil {
		t.Error("an exception after the sta record was accepted")
	}
}
