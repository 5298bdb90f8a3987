package jurisdiction

import (
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		give    string
		wantErr bool
	}{
		{"2026-11-28", false},
		{"1900-01-01", false},
		{"9999-12-31", false},
		{"2024-02-29", false},
		{"2023-02-29", true},
		{"2026-13-01", true},
		{"2026-00-10", true},
		{"2026-1-01", true},
		{"20261128", true},
		{"", true},
		{"1899-12-31", true},
		{"2026-11-2x", true},
		{"+026-11-28", true},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			d, err := ParseDate(tt.give)
			if (err != nil) != tt.wantErr {
				t.Fatalf("ParseDate(%q) error = %v, wantErr %v", tt.give, err, tt.wantErr)
			}
			if err == nil && d.String() != tt.give {
				t.Errorf("round trip: got %q, want %q", d.String(), tt.give)
			}
		})
	}
}

func TestDateOrderAndPeriod(t *testing.T) {
	a, b := MustParseDate("2024-03-15"), MustParseDate("2024-03-16")
	if !a.Before(b) || b.Before(a) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Fatal("ordering is wrong")
	}
	if a.AddDays(1) != b || b.AddDays(-1) != a {
		t.Fatal("AddDays is wrong")
	}
	if got := MustParseDate("2024-12-31").AddDays(1).String(); got != "2025-01-01" {
		t.Fatalf("AddDays across a year = %s", got)
	}
	if a.Year() != 2024 || a.Month() != time.March || a.Day() != 15 {
		t.Fatal("parts are wrong")
	}
	p := Period{From: a, Until: MustParseDate("2026-02-03")}
	for _, tt := range []struct {
		give string
		want bool
	}{{"2024-03-14", false}, {"2024-03-15", true}, {"2026-02-02", true}, {"2026-02-03", false}} {
		if got := p.Contains(MustParseDate(tt.give)); got != tt.want {
			t.Errorf("Contains(%s) = %v, want %v", tt.give, got, tt.want)
		}
	}
	if (Period{From: a}).Contains(Date{}) {
		t.Error("the zero Date is in no period")
	}
	if !(Period{From: a}).Contains(MustParseDate("9999-12-31")) {
		t.Error("an open period contains every later date")
	}
}

func TestDateZeroAndText(t *testing.T) {
	var z Date
	if z.IsValid() || z.String() != "" || z.Year() != 0 {
		t.Fatal("zero Date must be invalid and print empty")
	}
	var d Date
	if err := d.UnmarshalText([]byte("2025-01-15")); err != nil || d.String() != "2025-01-15" {
		t.Fatalf("UnmarshalText: %v %v", d, err)
	}
	if err := d.UnmarshalText([]byte("2025-02-30")); err == nil {
		t.Fatal("UnmarshalText accepted 2025-02-30")
	}
	if DateOf(time.Date(2026, 11, 28, 23, 59, 0, 0, time.UTC)) != MustParseDate("2026-11-28") {
		t.Fatal("DateOf")
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-11-28", "0000-00-00", "9999-99-99", "2024-02-29", "-001-01-01", "２０２６-01-01"} {
		f.Add(s)
	}
	// Tricky text: huge exponents, signs, NaN and infinities, hex and
	// digit grouping, empty text and white space, Unicode look-alikes,
	// NUL, bidi marks, invalid UTF-8, and very long text.
	long := "2026-11-28"
	for len(long) < 1<<16 {
		long += long
	}
	for _, s := range []string{"1e999999", "-1e-999999", "-0", "NaN", "Inf", "+Inf", "0x10", "1_000", "", " ", "\t\r\n",
		"ＵＳ", "Ü", "\u0000", "\u200fUS", "US\u200e", "\u202eNC", "\xff\xfe", long, "2026-02-30", "2026-11-28 ", "2026-11-28T00:00:00Z", "+2026-11-28", "2026-1-28", "1899-12-31", "10000-01-01", "2026\u201011\u201028", "2026-11-2\u0000", "-2026-11-28"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseDate(s)
		if err != nil {
			if de, ok := err.(*DateError); !ok || de.Input == "" && s != "" {
				t.Fatalf("ParseDate(%q): error %T %v is not a *DateError naming the input", s, err, err)
			}
			if d.IsValid() {
				t.Fatal("error with a valid Date")
			}
			return
		}
		if d.String() != s {
			t.Fatalf("round trip %q -> %q", s, d.String())
		}
		if MustParseDate(d.String()) != d {
			t.Fatal("re-parse differs")
		}
	})
}
