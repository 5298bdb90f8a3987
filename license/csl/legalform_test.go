package csl

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func TestNormalizeNameLegalPhrases(t *testing.T) {
	tests := []struct{ give, want string }{
		{"Chengdu Haiguang Integrated Circuit Joint Stock Co., Ltd.", "chengdu haiguang integrated circuit"},
		{"iFLYTEK Joint Stock Co., Ltd.", "iflytek"},
		{"Huawei Tech Investment Oman Limited Liability Company", "huawei tech investment oman"},
		{"Shenzhen Pengxinxu Technology Limited Liability Company", "shenzhen pengxinxu technology"},
		{"SMIC Advanced Technology R&D (Shanghai) Limited Liability Company", "smic advanced technology r and d shanghai"},
		{"Joint Stock Company Tupolev", "tupolev"},
		{"Tupolev Joint-Stock Company", "tupolev"},
		{"Public Joint Stock Company Mostotrest", "mostotrest"},
		{"Open Joint Stock Company Kontsern Izhmash", "kontsern izhmash"},
		{"Closed Joint Stock Company Turborus", "turborus"},
		{"Private Joint Stock Corporation Example", "example"},
		{"Huawei Technologies India Private Limited", "huawei technologies india"},
		{"AR Sales Private Ltd.", "ar sales"},
		{"Si2 Microsystems Private Limited Liability Company", "si2 microsystems"},
		{"Example Public Limited Company", "example"},
		{"Example Public Company Limited", "example"},
		{"Chitron Electronics Company Limited", "chitron electronics"},
		{"Example Kabushiki Kaisha", "example"},
		{"Hangzhou Hikvision Digital Technology Gufen Youxian Gongsi", "hangzhou hikvision digital technology"},
		{"Dongguan Lvyuan Industry Investment Youxian Zeren Gongsi", "dongguan lvyuan industry investment"},
		{"HiSilicon Technologies Youxian Gongsi", "hisilicon technologies"},
		{"Example Gufen Gongsi", "example"},
		{"Example Godo Gaisha", "example"},
		{"Example Sendirian Berhad", "example"},
		{"Example Free Zone Establishment", "example"},
		{"Example Free Zone Company", "example"},
		{"Example Free Zone LLC", "example"},
		{"Example Free Zone Limited Liability Company", "example"},
		{"Example Limited Liability Partnership", "example"},
		{"Wuhan Yifei Consulting Partnership (Limited Partnership)", "wuhan yifei consulting partnership"},
		{"SOCIETE ANONYME TECHNOLOGIE SPATIALE", "technologie spatiale"},
		{"Société Anonyme Exemple", "exemple"},
		{"Huawei Technologies Costa Rica Sociedad Anonima", "huawei technologies costa rica"},
		{"Exemple Société à Responsabilité Limitée", "exemple"},
		{"Beispiel Gesellschaft mit beschränkter Haftung", "beispiel"},
		{"Beispiel Gesellschaft mit beschrankter Haftung", "beispiel"},
		{"Beispiel Aktiengesellschaft", "beispiel"},
		{"Confienza Pazarlama Ve Ticaret Anonim Sirketi", "confienza pazarlama ve ticaret"},
		{"Trigron Lojistik Kargo Limited Şirketi", "trigron lojistik kargo"},
		{"Obshchestvo s Ogranichennoy Otvetstvennostyu Spel", "spel"},
		{"Obshchestvo S Organichennoi Otvetstvennostyu 'Russkoe Vremya'", "russkoe vremya"},
		{"Aktsionernoe Obshchestvo Tupolev", "tupolev"},
		{"Otkrytoe Aktsionernoe Obshchestvo Kontsern PVO Almaz Antei", "kontsern pvo almaz antei"},
		{"Aktcionernoe Obshestvo Sredne-Nevsky Sudostroyelny Plant", "sredne nevsky sudostroyelny plant"},
		// Only whole sequences go; their words elsewhere stay.
		{"Joint Venture Quantum Technologies", "joint venture quantum technologies"},
		{"Istanbul Industry and Trade Free Zone Branch", "istanbul industry and trade free zone branch"},
		{"Example Stock Company", "example stock"},
		{"Example Joint Stock", "example joint stock"},
		{"Private Example Limited", "private example"},
		{"Kaisha Kabushiki Example", "kaisha kabushiki example"},
		{"Example Liability Company", "example liability"},
		// Nothing but legal forms: kept, as the one-word forms are.
		{"Limited Liability Company", "limited liability company"},
		{"Joint Stock Co., Ltd.", "joint stock co ltd"},
		{"Kabushiki Kaisha", "kabushiki kaisha"},
		{"Aktiengesellschaft", "aktiengesellschaft"},
	}
	for _, tt := range tests {
		got := NormalizeName(tt.give)
		if got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.give, got, tt.want)
		}
		if again := NormalizeName(got); again != got {
			t.Errorf("NormalizeName(%q) = %q, not its own normal form (%q)", tt.give, got, again)
		}
	}
}

// TestLegalPhrasesDocumented checks that NormalizeName's documentation
// lists exactly the spelled-out legal forms it drops.
func TestLegalPhrasesDocumented(t *testing.T) {
	src, err := os.ReadFile("index.go")
	if err != nil {
		t.Fatal(err)
	}
	const head = "// The spelled-out legal forms of step 4, as words after steps 0-3"
	i := strings.Index(string(src), head)
	if i < 0 {
		t.Fatal("NormalizeName's documentation does not list the spelled-out legal forms")
	}
	var doc []string
	for line := range strings.Lines(string(src[i:])) {
		line = strings.TrimRight(line, "\n")
		if strings.HasPrefix(line, "//\t") {
			doc = append(doc, strings.TrimPrefix(line, "//\t"))
		} else if len(doc) > 0 {
			break
		}
	}
	code := strings.Split(legalPhraseList, "\n")
	if strings.Join(doc, "\n") != strings.Join(code, "\n") {
		t.Errorf("documented legal forms\n%s\ndiffer from legalPhraseList\n%s", strings.Join(doc, "\n"), legalPhraseList)
	}
}

func TestNormalizeNameFormatChars(t *testing.T) {
	tests := []struct{ give, want string }{
		{"IFLY\u00ADTEK", "iflytek"},   // soft hyphen
		{"Su\u200Bgon", "sugon"},       // zero-width space
		{"Su\u200Cgon", "sugon"},       // ZWNJ
		{"Su\u200Dgon", "sugon"},       // ZWJ
		{"Su\u2060gon", "sugon"},       // word joiner
		{"\uFEFFSugon", "sugon"},       // BOM
		{"Su\u200Egon\u200F", "sugon"}, // LRM, RLM
		{"\u202ESu\u202Cgon", "sugon"}, // RLO, PDF
		{"Su\u2066gon\u2069", "sugon"}, // LRI, PDI
		{"Hua\u200Bwei Technologies Co., Ltd.", "huawei technologies"},
		{"Sugon\u00AD Information", "sugon information"}, // a real space still separates
		{"\u200B\u00AD", ""},
		{"Hi\u00A0Silicon", "hi silicon"}, // NBSP is a space (Zs), not Cf
	}
	for _, tt := range tests {
		if got := NormalizeName(tt.give); got != tt.want {
			t.Errorf("NormalizeName(%q) = %q, want %q", tt.give, got, tt.want)
		}
	}
}

func TestScreenUnscreened(t *testing.T) {
	x := fixtureIndex(t)
	tests := []struct {
		name       string
		unscreened string // a part of the reason; "" when screened
		exact      int    // rows Lookup finds
		candidates int    // rows only Search finds
	}{
		{"Example Telecom Co., Ltd.", "", 2, 0},
		{"ＥＸＡＭＰＬＥ　ＴＥＬＥＣＯＭ", "", 2, 0}, // full-width Latin
		{"Société Générale", "", 0, 0},
		{"Example Telecom Limited Liability Company", "", 2, 0},
		{"Exam\u00ADple Tele\u200Bcom", "", 2, 0},
		{"华为技术有限公司", "Han script", 0, 0},
		{"ООО Спел", "Cyrillic script", 0, 0},
		{"Ѕugоn", "Cyrillic script", 0, 0}, // Cyrillic Ѕ and о among Latin letters
		{"Ελληνική Εταιρεία", "Greek script", 0, 0},
		{"شركة", "Arabic script", 0, 0},
		{"חברה", "Hebrew script", 0, 0},
		{"삼성전자", "Hangul script", 0, 0},
		{"ひらがな", "Hiragana script", 0, 0},
		{"カタカナ", "Katakana script", 0, 0},
		{"ｶﾀｶﾅ", "Katakana script", 0, 0},
		{"บริษัท", "Thai script", 0, 0},
		{"कंपनी", "Devanagari script", 0, 0},
		{"Example Telecom 华", "Han script", 0, 2}, // candidates found, and still unscreened
		{"", "no letter or digit", 0, 0},
		{"  ", "no letter or digit", 0, 0},
		{"...", "no letter or digit", 0, 0},
		{"\u200B", "no letter or digit", 0, 0},
		{"123", "", 0, 0},
	}
	for _, tt := range tests {
		s := x.Screen(Query{Name: tt.name}, DefaultMinScore)
		if tt.unscreened == "" && s.Unscreened != "" || !strings.Contains(s.Unscreened, tt.unscreened) {
			t.Errorf("Screen(%q).Unscreened = %q, want it to hold %q", tt.name, s.Unscreened, tt.unscreened)
		}
		if tt.unscreened != "" && !strings.Contains(s.Unscreened, "not as cleared") {
			t.Errorf("Screen(%q).Unscreened = %q does not say it is not cleared", tt.name, s.Unscreened)
		}
		if len(s.Exact.Matches) != tt.exact || len(s.Candidates) != tt.candidates || s.Exact.Source != SourceIndex {
			t.Errorf("Screen(%q): %d exact matches (source %v), %d candidates; want %d, %d", tt.name, len(s.Exact.Matches), s.Exact.Source, len(s.Candidates), tt.exact, tt.candidates)
		}
	}
	var nilIndex *Index
	if s := nilIndex.Screen(Query{Name: "华为"}, DefaultMinScore); !strings.Contains(s.Unscreened, "Han script") || s.Exact.Source.IsValid() {
		t.Errorf("nil index: %+v", s)
	}
}

func TestClassifyFootnoteUnknown(t *testing.T) {
	tests := []struct {
		text    string
		unknown bool
	}{
		{"For all items subject to the EAR. (See §734.9(e) and §744.11 of the EAR)", true},
		{"See 734.9(e) only", true},
		{"See 734.9(e)2 and 744.11 of the EAR2", true}, // 2 is not an FDP footnote
		{"See 734.9(e) and 734.9(g),3 of the EAR", true},
		{"For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR)4", false},
		{"For all items subject to the EAR, see §§ 734.9(e)1 and 744.11 of the EAR2", false},
		{"See 734.9(e) and 744.11 of the EAR)5", false},
		{"For all items subject to the EAR. (See §§ 734.9(e)(2) and 744.11 of the EAR)", false}, // 4 implied
		{"See 734.9(e) and 734.9(e)(3)", false},                                                 // 5 implied
		{"For all items subject to the EAR (See §§ 734.9(g), 746.8(a)(3), and 744.21(b) of the EAR)", false},
		{"For all items subject to the EAR. (See §744.11 of the EAR)", false},
		{"734.9(e", false},
		{"", false},
	}
	for _, tt := range tests {
		if got := ClassifyRequirement(tt.text).FootnoteUnknown; got != tt.unknown {
			t.Errorf("ClassifyRequirement(%q).FootnoteUnknown = %v, want %v", tt.text, got, tt.unknown)
		}
	}
}

func TestDesignationsFootnoteUnknown(t *testing.T) {
	bare := "For all items subject to the EAR. (See §734.9(e) and §744.11 of the EAR)"
	el := Row{Index: 1, ID: "r1", Name: "Bare", Source: "Entity List (EL) - Bureau of Industry and Security", LicenseRequirement: bare}
	el4 := Row{Index: 2, ID: "r2", Name: "Four", Source: "Entity List (EL) - Bureau of Industry and Security", LicenseRequirement: "For all items subject to the EAR. (See §§ 734.9(e) and 744.11 of the EAR)4"}
	dpl := Row{Index: 3, ID: "r3", Name: "Denied", Source: "Denied Persons List (DPL) - Bureau of Industry and Security", LicenseRequirement: bare}
	tests := []struct {
		name    string
		d       Designations
		unknown bool
		json    bool // "footnote_unknown":true in the JSON
	}{
		{"bare EL row", DesignationsFromRows(SourceIndex, []Row{el}), true, true},
		{"bare EL row beside a footnote 4 row", DesignationsFromRows(SourceIndex, []Row{el4, el}), true, true},
		{"footnote 4 row", DesignationsFromRows(SourceIndex, []Row{el4}), false, false},
		{"bare text on the DPL", DesignationsFromRows(SourceIndex, []Row{dpl}), false, false},
		{"no rows", DesignationsFromRows(SourceIndex, nil), false, false},
		{"declared", DeclaredDesignations(4), false, false},
	}
	for _, tt := range tests {
		if got := tt.d.FootnoteUnknown(); got != tt.unknown {
			t.Errorf("%s: FootnoteUnknown = %v, want %v", tt.name, got, tt.unknown)
		}
		if tt.unknown && (tt.d.Footnotes().Has(1) || tt.d.ImpliedFootnotes().Has(1) || tt.d.ImpliedFootnotes().Has(5)) {
			t.Errorf("%s: footnotes %v implied %v", tt.name, tt.d.Footnotes(), tt.d.ImpliedFootnotes())
		}
		b, err := json.Marshal(tt.d)
		if err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		var top struct {
			Unknown *bool `json:"footnote_unknown"`
			Matches []struct {
				Unknown *bool `json:"footnote_unknown"`
			} `json:"matches"`
		}
		if err := json.Unmarshal(b, &top); err != nil {
			t.Fatalf("%s: %v", tt.name, err)
		}
		if (top.Unknown != nil) != tt.json || top.Unknown != nil && !*top.Unknown {
			t.Errorf("%s: JSON %s", tt.name, b)
		}
		n := 0
		for _, m := range top.Matches {
			if m.Unknown != nil && *m.Unknown {
				n++
			}
		}
		if n != boolInt(tt.json) {
			t.Errorf("%s: %d matches footnote_unknown in %s", tt.name, n, b)
		}
	}
}

// TestWordFormKeys checks that a name that writes a spelled-out legal
// form in part or amiss still finds the row it found before those forms
// were folded (wordFormKey), by Lookup or by Search.
func TestWordFormKeys(t *testing.T) {
	const el = "Entity List (EL) - Bureau of Industry and Security"
	x := NewIndex([]Row{
		{Index: 0, ID: "a", Name: "Joint Stock Company Concern Sozvezdie", Source: el},
		{Index: 1, ID: "b", Name: "Avia Group Terminal Limited Liability Company", Source: el},
		{Index: 2, ID: "c", Name: "Example Plant", Source: el},
	})
	tests := []struct {
		name  string
		exact string // the row Lookup finds ("" for none)
		cand  string // the row Search finds first ("" for none)
		score int
	}{
		{"Concern Sozvezdie", "a", "a", 1000},
		{"JSC Concern Sozvezdie", "a", "a", 1000},
		{"Joint Stock Concern Sozvezdie", "a", "a", 1000}, // word form
		// The listed name's own words ("concern sozvezdie") are all in the
		// searched name (orderedCover).
		{"JointStock Company Concern Sozvezdie", "", "a", 1000},
		{"Joint Stok Company Concern Sozvezdie", "", "a", 1000},
		{"Sozvezdie Concern Stock Joint", "", "a", 1000},
		{"Avia Group Terminal LLC", "b", "b", 1000},
		{"Avia Group Terminal Liability", "b", "b", 1000}, // word form
		{"Avia Group Terminal Limited Liability Co.", "b", "b", 1000},
		{"Example Plant Joint Stock Company", "c", "c", 1000},
		// "joint stock" alone is not a legal form: no exact match, but the
		// listed name is in the searched one, with two words more.
		{"Example Plant Joint Stock", "", "c", 1000},
	}
	var anywhere jurisdiction.Country
	for _, tt := range tests {
		ms := x.Lookup(tt.name, anywhere)
		if got := strings.Join(matchIDs(ms), ","); got != tt.exact {
			t.Errorf("Lookup(%q) = %q, want %q", tt.name, got, tt.exact)
		}
		cs := x.Search(tt.name, anywhere, DefaultMinScore)
		switch {
		case tt.cand == "" && len(cs) != 0:
			t.Errorf("Search(%q) = %+v, want none", tt.name, cs)
		case tt.cand != "" && (len(cs) == 0 || cs[0].ID != tt.cand || cs[0].Score != tt.score || cs[0].MatchedName != x.rows[cs[0].Row].Name):
			t.Errorf("Search(%q) = %+v, want %s scoring %d", tt.name, cs, tt.cand, tt.score)
		}
	}
}
