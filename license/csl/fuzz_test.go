package csl

import (
	"bytes"
	"encoding/json"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/earcheck/ear/jurisdiction"
)

// FuzzRead checks that Read never panics and that what it returns
// keeps its promises: every row has a name and its position, positions
// increase, every problem is a *RowError or *SyntaxError, and an
// index of the rows finds each row by its own name.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"csl_small.json", "csl_bad_rows.json"} {
		b, err := os.ReadFile("testdata/" + name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	for _, s := range []string{
		``, `[]`, `{}`, `null`, `[null]`, `[{}]`, `[{"name":""}]`, `[{"name":1}]`,
		`{"results":[{"name":"A","addresses":[null,{"country":7}]}]}`,
		`{"results":[{"name":"A","alt_names":"B","programs":[null,"X"]}]}`,
		`{"results":[{"name":"A","entity_number":-1e999}]}`,
		`{"results":[{"name":"A","license_requirement":"EAR)4 734.9(g),3 734.9(e)1 (a)(1"}]}`,
		`{"results":[{"name":"A"}]}]`, `{"results":[{"name":"A"},]}`, `{"total":"x","results":[]}`,
		`[{"name":"\u0000\ud800"}]`, `[{"name":"(((("}]`, `[{"name":"))(("}]`,
	} {
		f.Add([]byte(s))
	}
	for _, name := range []string{"华为技术有限公司", "Ü\u0000", "\u200fعربي\u202e", "ＵＳ", "1e999999", "-0", "NaN", " ", string(bytes.Repeat([]byte("Ü"), 50000))} {
		n, _ := json.Marshal(name)
		f.Add([]byte(`{"results":[{"name":` + string(n) + `,"alt_names":[` + string(n) + `],"addresses":[{"country":"ＣＮ"}],` +
			`"license_requirement":"For all items subject to the EAR. (See §744.11 of the EAR)4 734.9(e)1","entity_number":1e999999}]}`))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Read(bytes.NewReader(data))
		if err != nil {
			for _, e := range err.(interface{ Unwrap() []error }).Unwrap() {
				_, row := errors.AsType[*RowError](e)
				_, syn := errors.AsType[*SyntaxError](e)
				if !row && !syn {
					t.Fatalf("untyped error %T: %v", e, e)
				}
				_ = e.Error()
			}
		}
		last := -1
		for _, r := range file.Rows {
			if r.Name == "" || r.Index <= last {
				t.Fatalf("row %+v after %d", r, last)
			}
			last = r.Index
			for _, m := range r.Designation.Citations.Marks() {
				if m.At >= len(r.LicenseRequirement) || r.LicenseRequirement[m.At] != byte('0'+m.Footnote) {
					t.Fatalf("mark %+v in %q", m, r.LicenseRequirement)
				}
			}
		}
		x := NewIndex(file.Rows)
		for _, r := range file.Rows {
			if NormalizeName(r.Name) == "" {
				continue // a name of punctuation only has no key
			}
			found := false
			for _, m := range x.Lookup(r.Name, jurisdiction.Country{}) {
				found = found || m.Row == r.Index
			}
			if !found {
				t.Fatalf("row %d %q not found by its name", r.Index, r.Name)
			}
		}
		_ = Summarize(file.Rows)
	})
}

// FuzzNormalizeName checks that the normal form of a name is its own
// normal form, and that classifying any text keeps marks on their digits.
func FuzzNormalizeName(f *testing.F) {
	for _, s := range []string{"Huawei Technologies Co., Ltd.", "a co b", "s co a trading", "U.S.A.", "Si'En", "&&", "Ltd. Co.", "É́", "EAR)4 734.9(g), 3"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "Ltd. Co. "
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "华为技术有限公司", "Co.\u0000Ltd.", "Ｌｔｄ．", "l\u0307td"} {
		f.Add(s)
	}
	// Compatibility forms: full-width ASCII and the ideographic space,
	// half-width katakana and sound marks, ligatures, digraphs.
	for _, s := range []string{"ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ　ＣＯ．，ＬＴＤ．", "Ｕ．Ｓ．Ａ．", "ＳＩ＇ＥＮ　＆　ＣＯ", "（ＳＳＩ）", "！～",
		"ｶﾞ", "ﾞｶ", "ｶﾞﾞ", "ﾊﾟ", "カ\u3099", "\u3099", "ﬁﬂﬀﬃﬄﬅﬆ", "Ĳ ǅ ŉ ſ µ ²³¹ ₀₉", "ａ ｂ ｃ", "ｃｏ　ｌｔｄ"} {
		f.Add(s)
	}
	// Spelled-out legal forms, alone, nested and cut short, and invisible
	// format characters.
	for _, s := range []string{"Joint Stock Co., Ltd.", "X Limited Liability Company", "Open Joint-Stock Company X", "Joint Stock Company Joint Stock",
		"Obshchestvo S Ogranichennoy Otvetstvennostyu X", "a S b Obshchestvo s Ogranichennoy Otvetstvennostyu", "Société à Responsabilité Limitée",
		"Free Zone Limited Liability Company Co", "Private Limited Private", "Kabushiki Kaisha Kaisha", "IFLY\u00ADTEK", "Su\u200Bgon",
		"\uFEFF\u200D\u2060", "ｶ\u00ADﾞ", "Ѕugоn", "华为"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := NormalizeName(s)
		if again := NormalizeName(n); again != n {
			t.Fatalf("NormalizeName(%q) = %q, but NormalizeName(%q) = %q", s, n, n, again)
		}
		// Format characters join: a zero-width space between every two
		// runes changes nothing.
		var b strings.Builder
		for _, r := range s {
			b.WriteRune(r)
			b.WriteString("\u200B")
		}
		if utf8.ValidString(s) && NormalizeName(b.String()) != n {
			t.Fatalf("NormalizeName(%q) = %q, but with zero-width spaces %q", s, n, NormalizeName(b.String()))
		}
		if u := unscreenable(s); (n == "") != strings.Contains(u, "no letter or digit") || n != "" && u == "" && strings.ContainsFunc(n, func(r rune) bool { return unicode.IsLetter(r) && !unicode.Is(unicode.Latin, r) }) {
			t.Fatalf("unscreenable(%q) = %q, normal form %q", s, u, n)
		}
		if w := fullWidth(s); NormalizeName(w) != n {
			t.Fatalf("NormalizeName(%q) = %q, but its full-width form %q gives %q", s, n, w, NormalizeName(w))
		}
		for _, m := range ClassifyRequirement(s).Marks() {
			if s[m.At] != byte('0'+m.Footnote) || m.Footnote < 1 || m.Footnote > 5 {
				t.Fatalf("mark %+v in %q", m, s)
			}
		}
	})
}

// FuzzJSONText checks that the fast path of jsonText reads every JSON string
// as encoding/json does.
func FuzzJSONText(f *testing.F) {
	for _, s := range []string{"", "a", "é", "\x00", "\xff", `\`, `"`, "\u2028", "a\tb"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "9A.Ü\u200f"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "\xed\xa0\x80", "\u2029", "\\u0000", "a\\\"b"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		b, err := json.Marshal(s)
		if err != nil {
			t.Skip()
		}
		var want string
		if err := json.Unmarshal(b, &want); err != nil {
			t.Fatal(err)
		}
		var got jsonText
		if err := got.UnmarshalJSON(b); err != nil || string(got) != want {
			t.Fatalf("jsonText(%s) = %q, %v; want %q", b, got, err, want)
		}
	})
}
