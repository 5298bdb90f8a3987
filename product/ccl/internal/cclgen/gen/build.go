package gen

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
)

// Control is one generated row.
type Control struct {
	Reason       string
	Scope        Scope
	Dest         DestinationRule
	ExportedFrom *DestinationRule
	Conditions   []string
	ScopeText    string
	TargetText   string
	Unparsed     string // why the row could not be read, "" if it was
}

// Conditional reports whether the row is conditional.
func (c Control) Conditional() bool { return len(c.Conditions) > 0 }

// Entry is one generated entry.
type Entry struct {
	ECCN       string
	Heading    string
	Reasons    []string
	Controls   []Control
	Notes      []string
	NoControls string
	// Paragraphs is the entry's paragraph set, nil when neither the source
	// (categories 1, 3, 4, 5) nor a mend carries it.
	Paragraphs *ParagraphSet
	// Exceptions is the License Exceptions section, structured line by
	// line in printed order; STA the Special Conditions for STA, structured
	// as an STA line (nil if the entry prints none).
	Exceptions []ExceptionLine
	STA        *ExceptionLine
}

// Table is the generated CCL.
type Table struct {
	Date     string // eCFR issue date of the source
	Citation string // the source's citation of the CCL
	Entries  []Entry
}

// Summary counts what the generator did.
type Summary struct {
	Entries      int
	Added        int // entries added by mends
	Mends        int
	NoRows       int // entries without rows
	Rows         int
	Structured   int // rows neither conditional nor unparsed
	Conditional  int
	Pointers     int // rows whose destination is a pointer to a provision
	ExportedFrom int
	Unparsed     int
	UnparsedRows []string
	// Paragraphs counts the entries whose paragraph set is carried;
	// ParagraphMends names the entries a paragraph mend corrected.
	Paragraphs     int
	ParagraphMends []string
	// ExceptionLines counts the License Exceptions lines; of them,
	// ExceptionsConditional carry words the generator could not
	// structure (listed, "ECCN CODE: text", in ConditionalExceptions).
	// STAConditions counts the Special Conditions for STA, and
	// STAConditional those not fully structured.
	ExceptionLines        int
	ExceptionsConditional int
	ConditionalExceptions []string
	STAConditions         int
	STAConditional        int
}

// String renders the summary as the generator prints it.
func (s Summary) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "entries: %d (%d added by mends; %d without rows)\n", s.Entries, s.Added, s.NoRows)
	fmt.Fprintf(&b, "mends applied: %d\n", s.Mends)
	fmt.Fprintf(&b, "rows: %d\n", s.Rows)
	fmt.Fprintf(&b, "  structured: %d\n", s.Structured)
	fmt.Fprintf(&b, "  conditional: %d\n", s.Conditional)
	fmt.Fprintf(&b, "  pointers: %d\n", s.Pointers)
	fmt.Fprintf(&b, "  exported-from: %d\n", s.ExportedFrom)
	fmt.Fprintf(&b, "  unparsed: %d\n", s.Unparsed)
	for _, u := range s.UnparsedRows {
		fmt.Fprintf(&b, "    %s\n", u)
	}
	fmt.Fprintf(&b, "paragraph sets: %d entries (%d mended: %s)\n", s.Paragraphs, len(s.ParagraphMends), strings.Join(s.ParagraphMends, ", "))
	fmt.Fprintf(&b, "license exception lines: %d\n", s.ExceptionLines)
	fmt.Fprintf(&b, "  structured: %d\n", s.ExceptionLines-s.ExceptionsConditional)
	fmt.Fprintf(&b, "  conditional: %d\n", s.ExceptionsConditional)
	fmt.Fprintf(&b, "special conditions for STA: %d (%d conditional)\n", s.STAConditions, s.STAConditional)
	return b.String()
}

var (
	reTrailingColumn = regexp.MustCompile(`^(.*?)\s+([A-Z]{2} Column \d\.?)$`)
	reTargetStart    = regexp.MustCompile(`\.\s+(A license is required|The Commerce Country Chart|See |Refer to )`)
	reReasonInText   = regexp.MustCompile(`^Reason for Control:\s*(.+)$`)
	reReasonToken    = regexp.MustCompile(`^([A-Z]{2})\s*\d?$`)
)

// Build applies the mends to the source and parses every row.
func Build(src *SourceFile, mf *MendFile) (*Table, Summary, error) {
	var sum Summary
	entries, applied, err := applyMends(src, mf)
	if err != nil {
		return nil, sum, err
	}
	sum.Mends = applied
	known := make([]string, 0, len(entries))
	for _, e := range entries {
		known = append(known, e.ECCN)
	}
	sort.Strings(known)
	t := &Table{Date: src.ECFRIssueDate, Citation: src.Citation}
	paraMends := map[string]Mend{}
	for _, m := range mf.Mends {
		if m.Op == "paragraphs" {
			paraMends[m.ECCN] = m
		}
	}
	for _, me := range entries {
		e := Entry{ECCN: me.ECCN, Heading: strings.TrimSpace(normalizeSpace(me.Heading)), Notes: append([]string(nil), me.notes...)}
		if me.mendedBy && len(src.Entries) > 0 {
			if _, ok := findEntry(src, me.ECCN); !ok {
				sum.Added++
			}
		}
		for _, r := range me.CountryChart {
			c := buildRow(r, me.ECCN, known)
			e.Controls = append(e.Controls, c)
			sum.Rows++
			switch {
			case c.Unparsed != "":
				sum.Unparsed++
				sum.UnparsedRows = append(sum.UnparsedRows, me.ECCN+": "+c.Unparsed)
			case c.Conditional():
				sum.Conditional++
			default:
				sum.Structured++
			}
			if c.Dest.Kind == RulePointer {
				sum.Pointers++
			}
			if c.ExportedFrom != nil {
				sum.ExportedFrom++
			}
		}
		e.Reasons, e.Notes = reasonsOf(me, e.Controls, e.Notes)
		if len(e.Controls) == 0 {
			sum.NoRows++
			e.NoControls = noControls(me)
		}
		e.Notes = append(e.Notes, rowNotes(e)...)
		if err := buildParagraphs(&e, me, paraMends, &sum); err != nil {
			return nil, sum, err
		}
		buildExceptions(&e, me, known, &sum)
		t.Entries = append(t.Entries, e)
	}
	if len(paraMends) > 0 {
		var left []string
		for k := range paraMends {
			left = append(left, k)
		}
		sort.Strings(left)
		return nil, sum, fmt.Errorf("cclgen: paragraph mends for entries not in the table: %s", strings.Join(left, ", "))
	}
	sum.Entries = len(t.Entries)
	return t, sum, nil
}

// buildExceptions structures the License Exceptions lines and the Special
// Conditions for STA of e.
func buildExceptions(e *Entry, me mended, known []string, sum *Summary) {
	for _, x := range me.Exceptions {
		l := ParseExceptionLine(x.Code, x.Text, me.ECCN, known)
		e.Exceptions = append(e.Exceptions, l)
		sum.ExceptionLines++
		if l.Conditional() {
			sum.ExceptionsConditional++
			sum.ConditionalExceptions = append(sum.ConditionalExceptions, me.ECCN+" "+l.Code+": "+l.Text)
		}
	}
	if me.STASpecialConditions != nil {
		l := ParseExceptionLine("STA", *me.STASpecialConditions, me.ECCN, known)
		e.STA = &l
		sum.STAConditions++
		if l.Conditional() {
			sum.STAConditional++
		}
	}
}

// buildParagraphs sets the paragraph set of e: derived from the source's
// items in the categories that carry them, then mended.
func buildParagraphs(e *Entry, me mended, paraMends map[string]Mend, sum *Summary) error {
	var set *ParagraphSet
	if strings.ContainsRune(paragraphCategories, rune(me.ECCN[0])) {
		if s, ok := deriveParagraphs(me.Items); ok {
			set = &s
		}
	}
	if m, ok := paraMends[me.ECCN]; ok {
		delete(paraMends, me.ECCN)
		s, err := applyParagraphMend(me.ECCN, set, *m.Paragraphs)
		if err != nil {
			return err
		}
		set = &s
		e.Notes = append(e.Notes, "Hand mend of the paragraphs: "+m.Note+" Source: "+m.Source)
		sum.ParagraphMends = append(sum.ParagraphMends, me.ECCN)
	}
	if set != nil {
		e.Paragraphs = set
		sum.Paragraphs++
	}
	return nil
}

func findEntry(src *SourceFile, eccn string) (SourceEntry, bool) {
	for _, e := range src.Entries {
		if e.ECCN == eccn {
			return e, true
		}
	}
	return SourceEntry{}, false
}

func normalizeSpace(s string) string { return strings.Join(strings.Fields(s), " ") }

// splitCell separates the scope and the target of a row the source prints
// as one cell: "CB applies to entire entry CB Column 2.", or "CC applies to
// technology for ... 0A503. A license is required for ALL destinations ...".
func splitCell(text string) (scope, target string) {
	t := normalizeSpace(text)
	if m := reTrailingColumn.FindStringSubmatch(t); m != nil {
		return m[1], m[2]
	}
	if loc := reTargetStart.FindStringSubmatchIndex(t); loc != nil {
		return t[:loc[0]], t[loc[2]:]
	}
	return t, ""
}

func buildRow(r SourceRow, entry string, known []string) Control {
	scopeText, targetText := r.Control, r.CountryChart
	if r.SingleCellRow || r.RequirementCellEmpty || normalizeSpace(scopeText) == normalizeSpace(targetText) {
		scopeText, targetText = splitCell(scopeText)
	}
	c := Control{ScopeText: normalizeSpace(scopeText), TargetText: normalizeSpace(targetText)}
	sc, err := ParseScope(scopeText, entry, known)
	if err != nil {
		c.Unparsed = err.Error()
		c.Scope = Scope{Kind: ScopeEntire}
		c.Conditions = append(c.Conditions, "the scope could not be read: "+c.ScopeText)
		if len(c.ScopeText) >= 2 && reasonCodes[c.ScopeText[:2]] {
			c.Reason = c.ScopeText[:2]
		}
	} else {
		c.Scope, c.Reason = sc, sc.Reason
		c.Conditions = append(c.Conditions, sc.Conditions...)
	}
	d, conds, err := ParseDestinationRule(targetText, c.Reason)
	c.Dest = d
	c.Conditions = append(c.Conditions, conds...)
	switch {
	case err != nil:
		c.Unparsed = joinWhy(c.Unparsed, err.Error())
	case d.Kind == RuleUnknown:
		c.Unparsed = joinWhy(c.Unparsed, fmt.Sprintf("target %q could not be read", c.TargetText))
	}
	if c.Dest.Kind == RuleUnknown {
		c.Conditions = append(c.Conditions, "the Country Chart cell could not be read: "+c.TargetText)
	}
	if sc.ExportedFrom != "" {
		x, _, err := ParseDestinationRule(sc.ExportedFrom, "")
		if err != nil || x.Kind == RuleUnknown {
			c.Unparsed = joinWhy(c.Unparsed, fmt.Sprintf("place of export %q could not be read", sc.ExportedFrom))
			c.Conditions = append(c.Conditions, "when exported from "+sc.ExportedFrom)
		} else {
			x.Citations = nil
			c.ExportedFrom = &x
		}
	}
	if r.Condition != "" {
		c.Conditions = append(c.Conditions, r.Condition)
	}
	return c
}

func joinWhy(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

// parseReasonLine reads a "Reason for Control" line: codes separated by
// commas, "and" or spaces; "Foreign policy" is FP; "CC1" is read as CC.
func parseReasonLine(s string) ([]string, []string, error) {
	var notes []string
	t := strings.TrimSpace(strings.TrimRight(strings.TrimSpace(s), "."))
	t = regexp.MustCompile(`(?i)foreign policy`).ReplaceAllString(t, "FP")
	t = regexp.MustCompile(`\band\b`).ReplaceAllString(t, ",")
	var out []string
	for _, part := range strings.Split(t, ",") {
		for _, tok := range strings.Fields(part) {
			m := reReasonToken.FindStringSubmatch(tok)
			if m == nil {
				if len(out) > 0 && regexp.MustCompile(`^\d$`).MatchString(tok) {
					notes = append(notes, fmt.Sprintf("The Reason for Control line prints %q; read as %s.", strings.TrimSpace(s), out[len(out)-1]))
					continue
				}
				return nil, nil, fmt.Errorf("reason for control %q: %q is not a reason", s, tok)
			}
			if m[1] != "FP" && !reasonCodes[m[1]] {
				return nil, nil, fmt.Errorf("reason for control %q: %q is not a reason", s, tok)
			}
			if m[1] != tok {
				notes = append(notes, fmt.Sprintf("The Reason for Control line prints %q; read as %s.", strings.TrimSpace(s), m[1]))
			}
			out = appendOnce(out, m[1])
		}
	}
	if len(out) == 0 {
		return nil, nil, fmt.Errorf("reason for control %q is empty", s)
	}
	return out, notes, nil
}

// reasonsOf returns the reasons of an entry: its Reason for Control line;
// when the source lost the line, the line as the entry text prints it, or
// the reasons of its rows.
func reasonsOf(me mended, rows []Control, notes []string) ([]string, []string) {
	line := ""
	if me.ReasonForControl != nil {
		line = *me.ReasonForControl
	}
	if strings.TrimSpace(line) != "" {
		rs, more, err := parseReasonLine(line)
		if err == nil {
			return rs, append(notes, more...)
		}
		notes = append(notes, fmt.Sprintf("The Reason for Control line %q could not be read; reasons taken from the rows.", line))
	} else {
		for _, it := range me.Items {
			if m := reReasonInText.FindStringSubmatch(strings.TrimSpace(it.Text)); m != nil {
				if rs, more, err := parseReasonLine(m[1]); err == nil {
					notes = append(notes, "The source's Reason for Control field is empty; the line is taken from the entry text (\"Reason for Control: "+m[1]+"\").")
					return rs, append(notes, more...)
				}
			}
		}
		if len(rows) > 0 {
			notes = append(notes, "The source's Reason for Control field is empty; the reasons are those of the License Requirements rows, in row order.")
		}
	}
	var out []string
	for _, r := range rows {
		if r.Reason != "" {
			out = appendOnce(out, r.Reason)
		}
	}
	return out, notes
}

// rowNotes records the mismatches between an entry's reason line and its
// rows, and tables printed twice.
func rowNotes(e Entry) []string {
	var notes []string
	inRows := map[string]bool{}
	for _, c := range e.Controls {
		inRows[c.Reason] = true
	}
	listed := map[string]bool{}
	for _, r := range e.Reasons {
		listed[r] = true
		if !inRows[r] {
			notes = append(notes, fmt.Sprintf("The Reason for Control line lists %s, but no License Requirements row names %s (as printed in the source).", r, r))
		}
	}
	var extra []string
	for _, c := range e.Controls {
		if c.Reason != "" && !listed[c.Reason] {
			extra = appendOnce(extra, c.Reason)
		}
	}
	for _, r := range extra {
		notes = append(notes, fmt.Sprintf("A License Requirements row names %s, which the Reason for Control line does not list (as printed in the source).", r))
	}
	seen := map[string]int{}
	for _, c := range e.Controls {
		seen[c.ScopeText]++
	}
	for i, c := range e.Controls {
		if seen[c.ScopeText] > 1 && firstIndex(e.Controls, c.ScopeText) == i && c.Scope.Kind == ScopeEntire && !c.Conditional() {
			notes = append(notes, fmt.Sprintf("The source prints %q more than once (the entry carries two License Requirements tables); every row is kept as printed.", c.ScopeText))
		}
	}
	return notes
}

func firstIndex(cs []Control, scope string) int {
	for i, c := range cs {
		if c.ScopeText == scope {
			return i
		}
	}
	return -1
}

// noControls explains an entry without rows.
func noControls(me mended) string {
	if me.noControls != "" {
		return me.noControls
	}
	h := normalize(me.Heading)
	if strings.Contains(h, `subject to the ITAR`) {
		return "The items are \"subject to the ITAR\" (22 CFR parts 120 through 130): the entry is a cross-reference and prints no License Requirements."
	}
	if m := regexp.MustCompile(`(?i)controlled by ECCN (\d[A-E]\d{3})`).FindStringSubmatch(h); m != nil {
		return "The entry is a cross-reference: its items are controlled by ECCN " + m[1] + "."
	}
	for _, it := range me.Items {
		if strings.HasPrefix(strings.TrimSpace(it.Text), "No items currently are in this ECCN") {
			return "No items are currently in this ECCN (the entry text says so); it prints no License Requirements."
		}
	}
	return "The source prints no Reason for Control line and no License Requirements table for this entry."
}
