package csl

// This file folds the Unicode compatibility forms that show up in names,
// the subset of NFKC that NormalizeName applies (golang.org/x/text is not
// a dependency of the module). The tables were checked against Python's
// unicodedata.normalize("NFKC", ...) (Unicode 15), rune by rune.

// The combining katakana-hiragana sound marks.
const (
	kanaVoiced     = '\u3099' // combining voiced sound mark (dakuten)
	kanaSemiVoiced = '\u309A' // combining semi-voiced sound mark (handakuten)
)

// halfwidthKana is the NFKC form of U+FF61-U+FF9F: half-width CJK
// punctuation and katakana, and the two sound marks, which become the
// combining marks.
var halfwidthKana = [...]rune{
	0x3002, 0x300C, 0x300D, 0x3001, 0x30FB, 0x30F2, 0x30A1, 0x30A3, 0x30A5, 0x30A7, 0x30A9, 0x30E3, 0x30E5, 0x30E7, 0x30C3, 0x30FC,
	0x30A2, 0x30A4, 0x30A6, 0x30A8, 0x30AA, 0x30AB, 0x30AD, 0x30AF, 0x30B1, 0x30B3, 0x30B5, 0x30B7, 0x30B9, 0x30BB, 0x30BD, 0x30BF,
	0x30C1, 0x30C4, 0x30C6, 0x30C8, 0x30CA, 0x30CB, 0x30CC, 0x30CD, 0x30CE, 0x30CF, 0x30D2, 0x30D5, 0x30D8, 0x30DB, 0x30DE, 0x30DF,
	0x30E0, 0x30E1, 0x30E2, 0x30E4, 0x30E6, 0x30E8, 0x30E9, 0x30EA, 0x30EB, 0x30EC, 0x30ED, 0x30EF, 0x30F3, kanaVoiced, kanaSemiVoiced,
}

// fullwidthSigns is the NFKC form of U+FFE0-U+FFE6 (￣ U+FFE3, whose NFKC
// form is a space and a combining macron, is read as the macron ¯).
var fullwidthSigns = [...]rune{'¢', '£', '¬', '¯', '¦', '¥', '₩'}

// compatStrings are the runes whose NFKC form is more than one rune.
var compatStrings = map[rune]string{
	'ﬀ': "ff", 'ﬁ': "fi", 'ﬂ': "fl", 'ﬃ': "ffi", 'ﬄ': "ffl", 'ﬅ': "st", 'ﬆ': "st",
	'Ĳ': "IJ", 'ĳ': "ij", 'ŉ': "ʼn",
	'Ǆ': "DŽ", 'ǅ': "Dž", 'ǆ': "dž", 'Ǉ': "LJ", 'ǈ': "Lj", 'ǉ': "lj", 'Ǌ': "NJ", 'ǋ': "Nj", 'ǌ': "nj", 'Ǳ': "DZ", 'ǲ': "Dz", 'ǳ': "dz",
}

// foldCompat returns the NFKC form of r for the runes NormalizeName folds:
// a rune, or a string of several runes (s != ""). Any other rune is
// returned as it is.
//
//	U+FF01-U+FF5E  full-width ASCII      r - 0xFEE0 (！ is !, Ａ is A, ｚ is z)
//	U+3000         ideographic space     U+0020
//	U+FFE0-U+FFE6  full-width signs      ¢ £ ¬ ¯ ¦ ¥ ₩
//	U+FF61-U+FF9F  half-width katakana   full-width katakana, U+3099, U+309A
//	U+FB00-U+FB06  ligatures             ff fi fl ffi ffl st st
//	Ĳ ĳ Ǆ-ǌ Ǳ-ǳ ŉ  digraphs              IJ ij DŽ Dž dž LJ Lj lj NJ Nj nj DZ Dz dz ʼn
//	U+017F         long s ſ              s
//	U+00B5         micro sign µ          μ U+03BC
//	¹ ² ³ U+2070-U+2079 U+2080-U+2089  super- and subscript digits  0-9
func foldCompat(r rune) (rune, string) {
	switch {
	case r < 0xA0:
		return r, ""
	case r >= 0xFF01 && r <= 0xFF5E:
		return r - 0xFEE0, ""
	case r == 0x3000:
		return ' ', ""
	case r >= 0xFF61 && r <= 0xFF9F:
		return halfwidthKana[r-0xFF61], ""
	case r >= 0xFFE0 && r <= 0xFFE6:
		return fullwidthSigns[r-0xFFE0], ""
	case r == 'ſ':
		return 's', ""
	case r == 'µ':
		return 'μ', ""
	case r == '¹':
		return '1', ""
	case r == '²' || r == '³':
		return '2' + (r - '²'), ""
	case r == 0x2070 || (r >= 0x2074 && r <= 0x2079):
		return '0' + (r - 0x2070), ""
	case r >= 0x2080 && r <= 0x2089:
		return '0' + (r - 0x2080), ""
	}
	if s, ok := compatStrings[r]; ok {
		return r, s
	}
	return r, ""
}

// kanaVoicedForms and kanaSemiVoicedForms are the kana that compose
// with U+3099 and U+309A under NFC, with their composed forms.
var (
	kanaVoicedForms = map[rune]rune{
		'う': 'ゔ', 'か': 'が', 'き': 'ぎ', 'く': 'ぐ', 'け': 'げ', 'こ': 'ご', 'さ': 'ざ', 'し': 'じ',
		'す': 'ず', 'せ': 'ぜ', 'そ': 'ぞ', 'た': 'だ', 'ち': 'ぢ', 'つ': 'づ', 'て': 'で', 'と': 'ど',
		'は': 'ば', 'ひ': 'び', 'ふ': 'ぶ', 'へ': 'べ', 'ほ': 'ぼ', 'ゝ': 'ゞ', 'ウ': 'ヴ', 'カ': 'ガ',
		'キ': 'ギ', 'ク': 'グ', 'ケ': 'ゲ', 'コ': 'ゴ', 'サ': 'ザ', 'シ': 'ジ', 'ス': 'ズ', 'セ': 'ゼ',
		'ソ': 'ゾ', 'タ': 'ダ', 'チ': 'ヂ', 'ツ': 'ヅ', 'テ': 'デ', 'ト': 'ド', 'ハ': 'バ', 'ヒ': 'ビ',
		'フ': 'ブ', 'ヘ': 'ベ', 'ホ': 'ボ', 'ワ': 'ヷ', 'ヰ': 'ヸ', 'ヱ': 'ヹ', 'ヲ': 'ヺ', 'ヽ': 'ヾ',
	}
	kanaSemiVoicedForms = map[rune]rune{
		'は': 'ぱ', 'ひ': 'ぴ', 'ふ': 'ぷ', 'へ': 'ぺ', 'ほ': 'ぽ', 'ハ': 'パ', 'ヒ': 'ピ', 'フ': 'プ', 'ヘ': 'ペ', 'ホ': 'ポ',
	}
)

// composeKana returns the kana base with the sound mark mark
// (kanaVoiced or kanaSemiVoiced) composed onto it, as NFC composes them
// (カ and U+3099 are ガ), and false when the pair has no composed form.
func composeKana(base, mark rune) (rune, bool) {
	m := kanaVoicedForms
	if mark == kanaSemiVoiced {
		m = kanaSemiVoicedForms
	}
	c, ok := m[base]
	return c, ok
}
