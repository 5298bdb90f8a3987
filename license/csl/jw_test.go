package csl

import (
	"math/rand/v2"
	"testing"
)

// jwBoth returns similarity's result and jwQuery's for a and b.
func jwBoth(a, b []rune) (want, got float64) {
	var jw jaroWinkler
	var jq jwQuery
	jq.prepare(a)
	return jw.similarity(a, b), jq.similarity(&jw, b)
}

// TestJaroWinklerMasks checks that the bit-mask matching of jwQuery gives
// similarity's result bit for bit: on the reference pairs, on random words
// over small alphabets (many repeated runes, so many matches and
// transpositions), at the 64-rune edge, with runes above 127 on either
// side, and, when the real CSL file is there, on every word of its index
// against a few searched words.
func TestJaroWinklerMasks(t *testing.T) {
	check := func(a, b []rune) {
		t.Helper()
		if want, got := jwBoth(a, b); got != want {
			t.Fatalf("JW(%q, %q): masks %v, similarity %v", string(a), string(b), got, want)
		}
	}
	for _, p := range [][2]string{
		{"martha", "marhta"}, {"dwayne", "duane"}, {"dixon", "dicksonx"}, {"huawei", "huawey"},
		{"", "a"}, {"a", ""}, {"abc", "xyz"}, {"a", "a"}, {"ab", "ba"}, {"aaaa", "aa"},
		{"москва", "moskva"}, {"moskva", "москва"}, {"zhōngxīng", "zhongxing"},
	} {
		check([]rune(p[0]), []rune(p[1]))
	}
	r := rand.New(rand.NewPCG(1, 2))
	word := func(n int, alphabet []rune) []rune {
		w := make([]rune, n)
		for i := range w {
			w[i] = alphabet[r.IntN(len(alphabet))]
		}
		return w
	}
	alphabets := [][]rune{[]rune("ab"), []rune("abc"), []rune("abcdefgh"), []rune("etaoinshrdlu0123"), []rune("abé")}
	for range 200000 {
		al := alphabets[r.IntN(len(alphabets))]
		check(word(r.IntN(14), al), word(r.IntN(14), al))
	}
	for _, n := range []int{62, 63, 64, 65, 70} {
		for range 2000 {
			al := alphabets[r.IntN(4)]
			check(word(n, al), word(r.IntN(n+3), al))
			check(word(r.IntN(n+3), al), word(n, al))
		}
	}

	f, err := readRealFileIfThere()
	if err != nil {
		t.Logf("real CSL file not available (%v): the random words only", err)
		return
	}
	x := NewIndex(f.Rows)
	for _, q := range []string{"huawei", "technologies", "moscow", "institute", "co", "shenzhen", "a", "международный"} {
		for _, w := range x.vocab {
			check([]rune(q), w)
		}
	}
}

// FuzzJaroWinklerMasks checks jwQuery against similarity on any pair of
// words.
func FuzzJaroWinklerMasks(f *testing.F) {
	f.Add("martha", "marhta")
	f.Add("huawei", "huawey")
	f.Add("москва", "moskva")
	f.Fuzz(func(t *testing.T, a, b string) {
		ra, rb := []rune(a), []rune(b)
		if want, got := jwBoth(ra, rb); got != want {
			t.Fatalf("JW(%q, %q): masks %v, similarity %v", a, b, got, want)
		}
	})
}
