package gen

import (
	"reflect"
	"strings"
	"testing"
)

func item(kind string, depth int, para, text string) SourceItem {
	it := SourceItem{Kind: kind, Depth: depth, Text: text}
	if para != "" {
		it.Paragraph = &para
	}
	return it
}

func TestDeriveParagraphs(t *testing.T) {
	items := []SourceItem{
		item("text", 0, "", "Note: the following apply:"),
		item("item", 1, "a", "A note's first point;"), // a note before the items
		item("item", 1, "b", "A note's second point."),
		item("item", 1, "a", "[Reserved]"),
		item("item", 1, "b", "Equipment as follows:"),
		item("item", 2, "b.1", "One;"),
		item("item", 2, "b.2", "[Reserved]"),
		item("text", 0, "", "b.3 Three, printed as text;"),
		item("note", 1, "1", "A technical note:"),
		item("item", 1, "a", "a note's sub-paragraph"),
		item("item", 2, "b.4", "Four."),
		item("item", 1, "c", "to f. [Reserved]"),
		item("item", 1, "g", "Gadgets."),
		item("item", 1, "h", "through y. [Reserved]"),
		item("item", 3, "z.1.a", "Commodities ..."),
		item("text", 0, "", "z.1.b Commodities ..."),
	}
	got, ok := deriveParagraphs(items)
	if !ok {
		t.Fatal("no paragraphs derived")
	}
	want := ParagraphSet{
		// The note's a and the reserved a make runs of one length: the
		// first is taken (4A003 is mended for this).
		Exists:   []string{"a", "b", "b.1", "b.3", "b.4", "g", "z", "z.1", "z.1.a", "z.1.b"},
		Reserved: strings.Fields("b.2 c d e f h i j k l m n o p q r s t u v w x y"),
		Closed:   []string{"", "b", "z", "z.1"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("derived\n%+v\nwant\n%+v", got, want)
	}
	if _, ok := deriveParagraphs([]SourceItem{item("text", 0, "", "A note."), item("note", 1, "1", "x")}); ok {
		t.Error("an entry with notes only carries paragraphs")
	}
}

func TestContiguous(t *testing.T) {
	for give, want := range map[string]bool{"a b c": true, "a b z": true, "a b x y z": true, "b c": false,
		"a c": false, "a.1 a.2 a.3": true, "a.2": false, "a b d z": false, "": false} {
		if got := contiguous(strings.Fields(give)); got != want && give != "" {
			t.Errorf("contiguous(%q) = %v, want %v", give, got, want)
		}
	}
}

func TestParagraphMend(t *testing.T) {
	s := ParagraphSet{Exists: []string{"a", "b", "c", "d"}, Closed: []string{""}}
	got, err := applyParagraphMend("3A090", &s, ParagraphMend{Drop: []string{"d"}, Reserved: []string{"e"}})
	if err != nil {
		t.Fatal(err)
	}
	if want := (ParagraphSet{Exists: []string{"a", "b", "c"}, Reserved: []string{"e"}, Closed: []string{""}}); !reflect.DeepEqual(got, want) {
		t.Errorf("mended %+v, want %+v", got, want)
	}
	if _, err := applyParagraphMend("3A090", &s, ParagraphMend{Drop: []string{"e"}}); err == nil {
		t.Error("a mend dropping a paragraph the source lacks applied")
	}
	if _, err := applyParagraphMend("3A090", &s, ParagraphMend{Add: []string{"a"}}); err == nil {
		t.Error("a mend adding a paragraph the source prints applied")
	}
	none, err := applyParagraphMend("4E091", nil, ParagraphMend{})
	if err != nil || !reflect.DeepEqual(none, ParagraphSet{Closed: []string{""}}) {
		t.Errorf("empty mend: %+v, %v", none, err)
	}
	bad := `{"comment":"c","mends":[{"eccn":"3A090","op":"replace","note":"n","source":"s","paragraphs":{}}]}`
	if _, err := ParseMends([]byte(bad)); err == nil {
		t.Error("paragraphs on a replace mend accepted")
	}
	two := `{"comment":"c","mends":[{"eccn":"3A090","op":"replace","note":"n","source":"s"},{"eccn":"3A090","op":"paragraphs","note":"n","source":"s","paragraphs":{}}]}`
	if _, err := ParseMends([]byte(two)); err != nil {
		t.Errorf("a rows mend and a paragraphs mend for one entry: %v", err)
	}
}
