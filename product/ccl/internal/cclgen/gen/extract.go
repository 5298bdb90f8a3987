package gen

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
)

// extractFile is the eCFR extract of the CCL that Import reads: a JSON
// document of Supplement No. 1 to part 774 as parsed from the eCFR XML.
// Every field it has is declared, so that a field a later extract adds is
// an error until Import is taught what to do with it. Fields marked
// "dropped" are not carried into the source: they are derived from others
// or are not CCL text.
type extractFile struct {
	Comment          string         `json:"$comment"` // dropped: the extract's own note
	Citation         string         `json:"citation"`
	Source           extractSource  `json:"source"`
	ECFRIssueDate    string         `json:"ecfrIssueDate"`
	RetrievedAt      string         `json:"retrievedAt"`
	DeepCategories   []string       `json:"deepCategories"` // dropped: ItemsNote says it in words
	DeepCategoryNote string         `json:"deepCategoryNote"`
	EntryCount       int            `json:"entryCount"`
	Entries          []extractEntry `json:"entries"`
}

type extractSource struct {
	URL    string `json:"url"`
	API    string `json:"api"`    // dropped: the URL names it
	Format string `json:"format"` // dropped: the URL names it
}

type extractEntry struct {
	ECCN                  string            `json:"eccn"`
	Category              string            `json:"category"`     // dropped: the ECCN's first character
	ProductGroup          string            `json:"productGroup"` // dropped: the ECCN's second character
	Heading               string            `json:"heading"`
	ReasonForControl      *string           `json:"reasonForControl"`
	CountryChart          []SourceRow       `json:"countryChart"`
	LicenceExceptionFlags orderedFlags      `json:"licenceExceptionFlags"`
	STASpecialConditions  *string           `json:"staSpecialConditions"`
	RelatedControls       *string           `json:"relatedControls"` // dropped: not read by the generator nor part of License Exceptions
	Items                 []extractItem     `json:"items"`
	TopLevelParagraphs    map[string]string `json:"topLevelParagraphs"` // dropped: the depth-1 items again
}

type extractItem struct {
	Paragraph *string `json:"paragraph"`
	Kind      string  `json:"kind"`
	Depth     int     `json:"depth"`
	Text      string  `json:"text"`
}

// orderedFlags is the licenceExceptionFlags object of an entry, read with
// its keys in printed order (a Go map would lose it).
type orderedFlags []SourceException

// UnmarshalJSON implements json.Unmarshaler.
func (o *orderedFlags) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	if tok == nil {
		*o = nil
		return nil
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return fmt.Errorf("licenceExceptionFlags: want an object, got %v", tok)
	}
	seen := map[string]bool{}
	var out orderedFlags
	for dec.More() {
		k, err := dec.Token()
		if err != nil {
			return err
		}
		key := k.(string)
		var v string
		if err := dec.Decode(&v); err != nil {
			return fmt.Errorf("licenceExceptionFlags %s: %w", key, err)
		}
		if seen[key] {
			return fmt.Errorf("licenceExceptionFlags: %s twice", key)
		}
		seen[key] = true
		out = append(out, SourceException{Code: key, Text: v})
	}
	*o = out
	return nil
}

// ParseExtract reads an eCFR extract of the CCL (see extractFile) into a
// SourceFile, checking it as it goes: every field known, the entry count as
// declared, each entry's category and product group those of its ECCN.
func ParseExtract(b []byte) (*SourceFile, error) {
	var x extractFile
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&x); err != nil {
		return nil, fmt.Errorf("cclgen: extract: %w", err)
	}
	if x.EntryCount != len(x.Entries) {
		return nil, fmt.Errorf("cclgen: extract says %d entries, has %d", x.EntryCount, len(x.Entries))
	}
	f := &SourceFile{Citation: x.Citation, ECFRIssueDate: x.ECFRIssueDate, URL: x.Source.URL, RetrievedAt: x.RetrievedAt}
	if len(x.DeepCategories) > 0 {
		f.ItemsNote = "The item paragraphs of the entries are carried for categories " + strings.Join(x.DeepCategories, ", ") +
			" only; the other entries carry their heading, License Requirements and License Exceptions."
	}
	for i, e := range x.Entries {
		if len(e.ECCN) != 5 || e.Category != e.ECCN[:1] || e.ProductGroup != e.ECCN[1:2] {
			return nil, fmt.Errorf("cclgen: extract entry %d (%q): category %q, product group %q", i, e.ECCN, e.Category, e.ProductGroup)
		}
		se := SourceEntry{ECCN: e.ECCN, Heading: e.Heading, ReasonForControl: e.ReasonForControl,
			CountryChart: e.CountryChart, Exceptions: e.LicenceExceptionFlags, STASpecialConditions: e.STASpecialConditions}
		for _, it := range e.Items {
			se.Items = append(se.Items, SourceItem(it))
		}
		f.Entries = append(f.Entries, se)
	}
	if err := checkSource(f); err != nil {
		return nil, err
	}
	return f, nil
}

// Import converts an eCFR extract of the CCL into the project's source
// file (WriteSource), and checks that the file reads back to what was
// imported.
func Import(extract []byte) ([]byte, error) {
	f, err := ParseExtract(extract)
	if err != nil {
		return nil, err
	}
	out, err := WriteSource(f)
	if err != nil {
		return nil, err
	}
	back, err := ParseSource(out)
	if err != nil {
		return nil, fmt.Errorf("cclgen: the written source does not read back: %w", err)
	}
	again, err := WriteSource(back)
	if err != nil || !bytes.Equal(again, out) {
		return nil, fmt.Errorf("cclgen: the written source does not round-trip")
	}
	return out, nil
}
