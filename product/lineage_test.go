package product

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/earcheck/ear/jurisdiction"
)

func dp(eccn string, o Origin) DirectProduct {
	return DirectProduct{ECCN: MustParseECCN(eccn), Origin: o}
}

func TestLineageStates(t *testing.T) {
	tests := []struct {
		name      string
		give      Lineage
		wantKnown bool
		wantLen   int
		wantStr   string
		wantJSON  string
	}{
		{name: "zero is unknown", give: Lineage{}, wantStr: "unknown", wantJSON: "null"},
		{name: "none", give: NoLineage(), wantKnown: true, wantStr: "none", wantJSON: "[]"},
		{name: "LineageOf nothing is none", give: LineageOf(), wantKnown: true, wantStr: "none", wantJSON: "[]"},
		{name: "entries", give: LineageOf(dp("3E001", OriginUS), DirectProduct{
			ECCN: MustParseECCN("3E001"), Origin: OriginForeignSubjectToEAR, For: MustParseECCN("3A090"),
			WrittenAssurance: BoolTrue, DeveloperHeadquarteredIn: jurisdiction.MustParseCountry("CN"),
		}), wantKnown: true, wantLen: 2,
			wantStr:  "3E001 (us), 3E001 for 3A090 (foreign_subject_to_ear)",
			wantJSON: `[{"eccn":"3E001","origin":"us"},{"eccn":"3E001","origin":"foreign_subject_to_ear","for":"3A090","written_assurance":true,"developer_headquartered_in":"CN"}]`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			l := tt.give
			if l.Known() != tt.wantKnown || l.IsZero() == tt.wantKnown || l.Len() != tt.wantLen || l.String() != tt.wantStr {
				t.Errorf("Known %v Len %d String %q", l.Known(), l.Len(), l.String())
			}
			entries := l.Entries()
			if (entries == nil) == tt.wantKnown || len(entries) != tt.wantLen {
				t.Errorf("Entries() = %#v", entries)
			}
			b, err := json.Marshal(l)
			if err != nil || string(b) != tt.wantJSON {
				t.Errorf("JSON %s, %v; want %s", b, err, tt.wantJSON)
			}
			var back Lineage
			if err := json.Unmarshal(b, &back); err != nil || !back.Equal(l) {
				t.Errorf("JSON round trip %v, %v", back, err)
			}
		})
	}
}

func TestLineageIsImmutable(t *testing.T) {
	in := []DirectProduct{dp("3E001", OriginUS), dp("3D001", OriginUS)}
	l := LineageOf(in...)
	in[0].Origin = OriginForeign
	out := l.Entries()
	out[1].Origin = OriginUnknown
	if got := l.String(); got != "3E001 (us), 3D001 (us)" {
		t.Errorf("lineage changed through a caller's slice: %s", got)
	}
}

func TestLineageEqualAndAll(t *testing.T) {
	a := LineageOf(dp("3E001", OriginUS), dp("3D001", OriginUS))
	tests := []struct {
		b    Lineage
		want bool
	}{
		{b: LineageOf(dp("3E001", OriginUS), dp("3D001", OriginUS)), want: true},
		{b: LineageOf(dp("3D001", OriginUS), dp("3E001", OriginUS)), want: false},
		{b: LineageOf(dp("3E001", OriginUS)), want: false},
		{b: LineageOf(dp("3E001", OriginUS), dp("3D001", OriginUnknown)), want: false},
		{b: NoLineage(), want: false},
		{b: Lineage{}, want: false},
	}
	for _, tt := range tests {
		if got := a.Equal(tt.b); got != tt.want || tt.b.Equal(a) != tt.want {
			t.Errorf("Equal(%v) = %v", tt.b, got)
		}
	}
	if !NoLineage().Equal(LineageOf()) || NoLineage().Equal(Lineage{}) || !(Lineage{}).Equal(Lineage{}) {
		t.Error("none/unknown Equal")
	}
	var seen []string
	for i, e := range a.All() {
		seen = append(seen, e.ECCN.String())
		if i == 0 {
			break
		}
	}
	if len(seen) != 1 || seen[0] != "3E001" {
		t.Errorf("All with break: %v", seen)
	}
	n := 0
	for range (Lineage{}).All() {
		n++
	}
	if n != 0 {
		t.Error("unknown lineage yields entries")
	}
}

func TestLineageJSONErrors(t *testing.T) {
	tests := []struct {
		give      string
		wantField string // "" for an error that is not a *FieldError
		wantIs    error
	}{
		{give: `{}`},
		{give: `"3E001"`},
		{give: `[null]`, wantField: "[0]", wantIs: ErrMissing},
		{give: `[{"eccn": "3E001", "origin": "us"}, 5]`, wantField: "[1]"},
		{give: `[{"eccn": "3E001", "origin": "mars"}]`, wantField: "[0].origin"},
		{give: `[{"eccn": "3E001", "eccn": "3E001"}]`, wantField: "[0].eccn", wantIs: ErrDuplicate},
		{give: `[{"ECCN": "3E001"}]`, wantField: "[0].ECCN", wantIs: ErrUnknownField},
	}
	for _, tt := range tests {
		t.Run(tt.give, func(t *testing.T) {
			l := LineageOf(dp("9E003", OriginUS))
			err := json.Unmarshal([]byte(tt.give), &l)
			if err == nil {
				t.Fatal("no error")
			}
			var fe *FieldError
			if tt.wantField != "" && (!errors.As(err, &fe) || fe.Field != tt.wantField) {
				t.Errorf("error %v; want a *FieldError for %q", err, tt.wantField)
			}
			if tt.wantIs != nil && !errors.Is(err, tt.wantIs) {
				t.Errorf("%v is not %v", err, tt.wantIs)
			}
			if l.String() != "9E003 (us)" {
				t.Errorf("a failed decode changed the lineage to %v", l)
			}
		})
	}
	// null leaves the value as it was (encoding/json's convention).
	l := NoLineage()
	if err := json.Unmarshal([]byte("null"), &l); err != nil || !l.Known() {
		t.Errorf("null: %v, %v", l, err)
	}
}

func TestDirectProductJSONOmitsNotGiven(t *testing.T) {
	b, err := json.Marshal(DirectProduct{ECCN: MustParseECCN("3D991"), Origin: OriginUnknown})
	if err != nil || string(b) != `{"eccn":"3D991","origin":"unknown"}` {
		t.Errorf("JSON %s, %v", b, err)
	}
	if _, err := json.Marshal(DirectProduct{ECCN: MustParseECCN("3D991"), Origin: 9}); err == nil {
		t.Error("marshaling an invalid Origin succeeded")
	}
}

func TestFieldErrorHelpers(t *testing.T) {
	inner := fieldErr("[2].origin", ErrMissing, "required")
	got := NewFieldError("item.direct_product_of", inner)
	var fe *FieldError
	if !errors.As(got, &fe) || fe.Field != "item.direct_product_of[2].origin" || !errors.Is(got, ErrMissing) {
		t.Errorf("NewFieldError = %v", got)
	}
	got = NewFieldError("item.value", fieldErr("amount", ErrOutOfRange, "x"))
	if !errors.As(got, &fe) || fe.Field != "item.value.amount" {
		t.Errorf("NewFieldError = %v", got)
	}
	got = NewFieldError("item.value", errors.New("plain"))
	if !errors.As(got, &fe) || fe.Field != "item.value" || fe.Error() != "ear: item.value: plain" || fe.Code() != "invalid" {
		t.Errorf("NewFieldError = %v", got)
	}
	if (&FieldError{Field: "x"}).Error() != "ear: x: invalid" {
		t.Error("FieldError with nil Err")
	}
	joined := errors.Join(fieldErr("a", ErrMissing, "m"), errors.New("other"), errors.Join(fieldErr("b", ErrInvalid, "i")))
	all := FieldErrors(joined)
	if len(all) != 2 || all[0].Field != "a" || all[1].Field != "b" {
		t.Errorf("FieldErrors = %v", all)
	}
	if FieldErrors(nil) != nil {
		t.Error("FieldErrors(nil) != nil")
	}
}
