package csl

import (
	"strings"
	"testing"
)

// nfkcOf is the NFKC form, as Python's unicodedata.normalize("NFKC", r)
// gives it (Unicode 15), of every rune foldCompat changes but ￣ U+FFE3
// (NFKC: a space and a combining macron; folded to ¯).
var nfkcOf = map[rune]string{
	0xFF01: "!", 0xFF02: "\u0022", 0xFF03: "#", 0xFF04: "$", 0xFF05: "%", 0xFF06: "&",
	0xFF07: "'", 0xFF08: "(", 0xFF09: ")", 0xFF0A: "*", 0xFF0B: "+", 0xFF0C: ",",
	0xFF0D: "-", 0xFF0E: ".", 0xFF0F: "/", 0xFF10: "0", 0xFF11: "1", 0xFF12: "2",
	0xFF13: "3", 0xFF14: "4", 0xFF15: "5", 0xFF16: "6", 0xFF17: "7", 0xFF18: "8",
	0xFF19: "9", 0xFF1A: ":", 0xFF1B: ";", 0xFF1C: "<", 0xFF1D: "=", 0xFF1E: ">",
	0xFF1F: "?", 0xFF20: "@", 0xFF21: "A", 0xFF22: "B", 0xFF23: "C", 0xFF24: "D",
	0xFF25: "E", 0xFF26: "F", 0xFF27: "G", 0xFF28: "H", 0xFF29: "I", 0xFF2A: "J",
	0xFF2B: "K", 0xFF2C: "L", 0xFF2D: "M", 0xFF2E: "N", 0xFF2F: "O", 0xFF30: "P",
	0xFF31: "Q", 0xFF32: "R", 0xFF33: "S", 0xFF34: "T", 0xFF35: "U", 0xFF36: "V",
	0xFF37: "W", 0xFF38: "X", 0xFF39: "Y", 0xFF3A: "Z", 0xFF3B: "[", 0xFF3C: "\u005C",
	0xFF3D: "]", 0xFF3E: "^", 0xFF3F: "_", 0xFF40: "`", 0xFF41: "a", 0xFF42: "b",
	0xFF43: "c", 0xFF44: "d", 0xFF45: "e", 0xFF46: "f", 0xFF47: "g", 0xFF48: "h",
	0xFF49: "i", 0xFF4A: "j", 0xFF4B: "k", 0xFF4C: "l", 0xFF4D: "m", 0xFF4E: "n",
	0xFF4F: "o", 0xFF50: "p", 0xFF51: "q", 0xFF52: "r", 0xFF53: "s", 0xFF54: "t",
	0xFF55: "u", 0xFF56: "v", 0xFF57: "w", 0xFF58: "x", 0xFF59: "y", 0xFF5A: "z",
	0xFF5B: "{", 0xFF5C: "|", 0xFF5D: "}", 0xFF5E: "~", 0x3000: " ", 0xFF61: "\u3002",
	0xFF62: "\u300C", 0xFF63: "\u300D", 0xFF64: "\u3001", 0xFF65: "\u30FB", 0xFF66: "\u30F2", 0xFF67: "\u30A1",
	0xFF68: "\u30A3", 0xFF69: "\u30A5", 0xFF6A: "\u30A7", 0xFF6B: "\u30A9", 0xFF6C: "\u30E3", 0xFF6D: "\u30E5",
	0xFF6E: "\u30E7", 0xFF6F: "\u30C3", 0xFF70: "\u30FC", 0xFF71: "\u30A2", 0xFF72: "\u30A4", 0xFF73: "\u30A6",
	0xFF74: "\u30A8", 0xFF75: "\u30AA", 0xFF76: "\u30AB", 0xFF77: "\u30AD", 0xFF78: "\u30AF", 0xFF79: "\u30B1",
	0xFF7A: "\u30B3", 0xFF7B: "\u30B5", 0xFF7C: "\u30B7", 0xFF7D: "\u30B9", 0xFF7E: "\u30BB", 0xFF7F: "\u30BD",
	0xFF80: "\u30BF", 0xFF81: "\u30C1", 0xFF82: "\u30C4", 0xFF83: "\u30C6", 0xFF84: "\u30C8", 0xFF85: "\u30CA",
	0xFF86: "\u30CB", 0xFF87: "\u30CC", 0xFF88: "\u30CD", 0xFF89: "\u30CE", 0xFF8A: "\u30CF", 0xFF8B: "\u30D2",
	0xFF8C: "\u30D5", 0xFF8D: "\u30D8", 0xFF8E: "\u30DB", 0xFF8F: "\u30DE", 0xFF90: "\u30DF", 0xFF91: "\u30E0",
	0xFF92: "\u30E1", 0xFF93: "\u30E2", 0xFF94: "\u30E4", 0xFF95: "\u30E6", 0xFF96: "\u30E8", 0xFF97: "\u30E9",
	0xFF98: "\u30EA", 0xFF99: "\u30EB", 0xFF9A: "\u30EC", 0xFF9B: "\u30ED", 0xFF9C: "\u30EF", 0xFF9D: "\u30F3",
	0xFF9E: "\u3099", 0xFF9F: "\u309A", 0xFFE0: "\u00A2", 0xFFE1: "\u00A3", 0xFFE2: "\u00AC", 0xFFE4: "\u00A6",
	0xFFE5: "\u00A5", 0xFFE6: "\u20A9", 0xFB00: "ff", 0xFB01: "fi", 0xFB02: "fl", 0xFB03: "ffi",
	0xFB04: "ffl", 0xFB05: "st", 0xFB06: "st", 0x0132: "IJ", 0x0133: "ij", 0x0149: "\u02BCn",
	0x01C4: "D\u017D", 0x01C5: "D\u017E", 0x01C6: "d\u017E", 0x01C7: "LJ", 0x01C8: "Lj", 0x01C9: "lj",
	0x01CA: "NJ", 0x01CB: "Nj", 0x01CC: "nj", 0x01F1: "DZ", 0x01F2: "Dz", 0x01F3: "dz",
	0x017F: "s", 0x00B5: "\u03BC", 0x00B9: "1", 0x00B2: "2", 0x00B3: "3", 0x2070: "0",
	0x2074: "4", 0x2075: "5", 0x2076: "6", 0x2077: "7", 0x2078: "8", 0x2079: "9",
	0x2080: "0", 0x2081: "1", 0x2082: "2", 0x2083: "3", 0x2084: "4", 0x2085: "5",
	0x2086: "6", 0x2087: "7", 0x2088: "8", 0x2089: "9",
}

func TestFoldCompatIsNFKC(t *testing.T) {
	for r, want := range nfkcOf {
		f, s := foldCompat(r)
		if s == "" {
			s = string(f)
		}
		if s != want {
			t.Errorf("foldCompat(%U) = %q, NFKC %q", r, s, want)
		}
	}
	// Every rune foldCompat changes is in the table.
	for r := rune(0); r <= 0x2FFFF; r++ {
		f, s := foldCompat(r)
		if (f != r || s != "") && r != 0xFFE3 {
			if _, ok := nfkcOf[r]; !ok {
				t.Errorf("foldCompat changes %U, not in the NFKC table", r)
			}
		}
	}
}

// fullWidth writes the ASCII of s in full-width forms, and spaces as
// ideographic spaces.
func fullWidth(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return 0x3000
		case r >= 0x21 && r <= 0x7E:
			return r + 0xFEE0
		}
		return r
	}, s)
}

func TestNormalizeNameCompat(t *testing.T) {
	for _, tt := range []struct{ a, b string }{
		{"ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ　ＣＯ．，ＬＴＤ．", "Huawei Technologies Co., Ltd."},
		{fullWidth("Beijing Si'En & Co (BSE) Ltd."), "Beijing Si'En & Co (BSE) Ltd."},
		{"ﬁnance ﬂow ﬀ ﬃ ﬄ", "finance flow ff ffi ffl"},
		{"Ĳmuiden Ǆ ǈ", "IJmuiden DŽ Lj"},
		{"ｿﾆｰ ｶﾞﾗﾊﾟｺﾞｽ", "ソニー ガラパゴス"},
		{"ソニー カ\u3099ラハ\u309Aコ\u3099ス", "ソニー ガラパゴス"}, // combining marks compose
		{"Aſſociation µ²", "Association μ2"},
		{"ＵＳＡ", "U.S.A."},
	} {
		if ka, kb := NormalizeName(tt.a), NormalizeName(tt.b); ka != kb || ka == "" {
			t.Errorf("NormalizeName(%q) = %q, NormalizeName(%q) = %q", tt.a, ka, tt.b, kb)
		}
	}
	if got := NormalizeName("ＨＵＡＷＥＩ　ＴＥＣＨＮＯＬＯＧＩＥＳ　ＣＯ．，ＬＴＤ．"); got != "huawei technologies" {
		t.Errorf("full-width Huawei = %q", got)
	}
	// Canonical forms are outside the subset: é and e + U+0301 differ.
	if NormalizeName("é") == NormalizeName("e\u0301") {
		t.Errorf("canonical composition is not folded")
	}
}
