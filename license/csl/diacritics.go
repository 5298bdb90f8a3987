package csl

// The Latin letters with diacritics that Search folds to their base letters
// (foldMarks). The two tables were written from Python's unicodedata
// (Unicode 15): each letter of U+00C0-U+024F and U+1E00-U+1EFF whose NFD
// form is one ASCII letter and combining marks stands as that letter, and
// the letters with a stroke that NFD leaves whole (ø đ ł ı ħ ŧ ð ƒ ɨ ƶ ǥ ŀ
// ĸ) as their usual base letters; '.' is a rune not folded. ß æ œ þ are
// folded to two letters in foldMarks.

// latinBaseC0 holds U+00C0-U+024F, one byte a rune.
const latinBaseC0 = "AAAAAA.CEEEEIIIIDNOOOOO.OUUUUY..aaaaaa.ceeeeiiiidnooooo.ouuuuy.y" +
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIi..JjKkkLlLlLlL" +
	"lLlNnNnNn...OoOoOo..RrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZz." +
	"..................f.............Oo.............Uu....Zz........." +
	".............AaIiOoUuUuUuUuUu.AaAa..GgGgKkOoOo..j...Gg..NnAa...." +
	"AaAaEeEeIiIiOoOoRrRrUuUuSsTt..Hh......AaEeOoOoOoOoYy............" +
	"................"

// latinBase1E00 holds U+1E00-U+1EFF, one byte a rune.
const latinBase1E00 = "AaBbBbBbCcDdDdDdDdDdEeEeEeEeEeFfGgHhHhHhHhHhIiIiKkKkKkLlLlLlLlMm" +
	"MmMmNnNnNnNnOoOoOoOoPpPpRrRrRrRrSsSsSsSsSsTtTtTtTtUuUuUuUuUuVvVv" +
	"WwWwWwWwWwXxXxYyZzZzZzhtwy......AaAaAaAaAaAaAaAaAaAaAaAaEeEeEeEe" +
	"EeEeEeEeIiIiOoOoOoOoOoOoOoOoOoOoOoOoUuUuUuUuUuUuUuYyYyYyYy......"
