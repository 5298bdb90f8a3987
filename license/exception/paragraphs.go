package exception

import (
	_ "embed"
	"encoding/json"
	"strings"
	"sync"

	"github.com/earcheck/ear/license/fdp"
)

// paragraphsJSON holds the paragraph designations printed in the sections
// of part 740 a request may state a paragraph of (exception_facts.meets),
// transcribed from the eCFR mirror at the commits each section records
// (the texts the exceptions' provenance cites): data/paragraphs_740.json.
//
//go:embed data/paragraphs_740.json
var paragraphsJSON []byte

// paragraphsRead are the paragraphs of each section as read, by section
// ("740.9") and citation ("15 CFR 740.9(a)(6)"), with the commit read;
// parsed once, on first use, and never changed after.
var paragraphsRead = sync.OnceValue(func() map[string]sectionRead {
	var doc struct {
		Sections map[string]struct {
			Commit     string   `json:"commit"`
			Paragraphs []string `json:"paragraphs"`
			Reserved   []string `json:"reserved"`
		} `json:"sections"`
	}
	out := map[string]sectionRead{}
	if err := json.Unmarshal(paragraphsJSON, &doc); err != nil {
		return out // the embedded file is checked by TestParagraphsRead
	}
	for sec, s := range doc.Sections {
		r := sectionRead{commit: s.Commit, paras: map[string]bool{}}
		for _, p := range s.Paragraphs {
			r.paras[p] = true
		}
		for _, p := range s.Reserved {
			r.paras[p] = false // "[Reserved]": no terms to meet
		}
		out[sec] = r
	}
	return out
})

// sectionRead is one section's paragraphs as read.
type sectionRead struct {
	commit string
	paras  map[string]bool
}

// paragraphRead reports whether c, a citation within section sec (as
// "15 CFR 740.9"), is the section itself or a paragraph printed in the
// text of it read that is not "[Reserved]", and the commit of that text
// ("" when the section's paragraphs were not read: then any paragraph is
// taken).
func paragraphRead(sec, c fdp.Citation) (bool, string) {
	if c == sec {
		return true, ""
	}
	name, ok := strings.CutPrefix(sec.String(), "15 CFR ")
	if !ok {
		return true, "" // not a section of the CFR: nothing read to test it against
	}
	r, ok := paragraphsRead()[name]
	if !ok {
		return true, ""
	}
	return r.paras[c.String()], r.commit
}
