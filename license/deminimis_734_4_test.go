package license

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestDeMinimis734_4File keeps the file and its content in step: every
// citation in deminimis_734_4.go, and every category of the table, is within
// 15 CFR 734.4, in CFR order.
func TestDeMinimis734_4File(t *testing.T) {
	src, err := os.ReadFile("deminimis_734_4.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range regexp.MustCompile(`"15 CFR [0-9.]+[^"]*"`).FindAllString(string(src), -1) {
		if !strings.HasPrefix(m, `"15 CFR 734.4`) {
			t.Errorf("deminimis_734_4.go cites %s, outside 15 CFR 734.4", m)
		}
	}
	var got []string
	for _, c := range deMinimisCategories {
		got = append(got, c.citation)
	}
	want := []string{
		"15 CFR 734.4(a)(1)", "15 CFR 734.4(a)(2)", "15 CFR 734.4(a)(3)", "15 CFR 734.4(a)(4)", "15 CFR 734.4(a)(5)",
		"15 CFR 734.4(a)(6)(i)", "15 CFR 734.4(a)(6)(ii)", "15 CFR 734.4(a)(8)", "15 CFR 734.4(a)(9)",
	}
	if !slices.Equal(got, want) {
		t.Errorf("categories %v, want %v ((a)(7) names no item)", got, want)
	}
}

// TestSMEEquipmentPinned pins the equipment of 734.4(a)(8), as typed from
// 15 CFR 734.4(a)(8) as amended through 90 FR 5308 (2025-01-16): "ECCNs
// 3B001.a.4, c, d, f.1, f.5, f.6, k to n, p.2, p.4, r, or 3B002.c". The
// same words are the item list of 734.9(k)(1), which the table reads.
func TestSMEEquipmentPinned(t *testing.T) {
	want := []string{"3B001.a.4", "3B001.c", "3B001.d", "3B001.f.1", "3B001.f.5", "3B001.f.6",
		"3B001.k", "3B001.l", "3B001.m", "3B001.n", "3B001.p.2", "3B001.p.4", "3B001.r", "3B002.c"}
	var got []string
	for _, p := range smeEquipment() {
		got = append(got, p.String())
	}
	if !slices.Equal(got, want) {
		t.Errorf("SME equipment %v,\nwant (734.4(a)(8), 2025-01-16) %v", got, want)
	}
}
