package csl

import (
	"bytes"
	"errors"
	"fmt"
	"runtime"
	"strings"
	"testing"
)

// walkErrors calls fn on err and every error it wraps, depth first.
func walkErrors(err error, fn func(error)) {
	if err == nil {
		return
	}
	fn(err)
	switch u := err.(type) {
	case interface{ Unwrap() []error }:
		for _, e := range u.Unwrap() {
			walkErrors(e, fn)
		}
	case interface{ Unwrap() error }:
		walkErrors(u.Unwrap(), fn)
	}
}

// hostileNameless returns a ~20 MB results array of rows with no name,
// in the shapes a hostile or broken file would have: an empty object, a
// null name, a blank name, and a row with only an id.
func hostileNameless(size int) ([]byte, int) {
	var b bytes.Buffer
	b.Grow(size + 1024)
	b.WriteString(`{"total":0,"results":[`)
	n := 0
	shapes := []string{`{}`, `{"name":null}`, `{"id":"x%d","name":"   "}`, `{"id":"%d","source":"Entity List (EL)"}`}
	for b.Len() < size {
		if n > 0 {
			b.WriteByte(',')
		}
		s := shapes[n%len(shapes)]
		if strings.Contains(s, "%d") {
			s = fmt.Sprintf(s, n)
		}
		b.WriteString(s)
		n++
	}
	b.WriteString(`]}`)
	return b.Bytes(), n
}

// TestReadBounded reads 20 MB of nameless rows: the error keeps
// MaxRowErrors row errors and counts the rest, its text stays small, and
// reading allocates a bounded amount.
func TestReadBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("20 MB input")
	}
	data, n := hostileNameless(20 << 20)
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	file, err := Read(bytes.NewReader(data))
	runtime.ReadMemStats(&after)
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("%d rows, %d bytes: allocated %d MB, heap in use %d MB after", n, len(data), alloc>>20, after.HeapInuse>>20)

	if len(file.Rows) != 0 || file.Total != 0 {
		t.Fatalf("rows %d total %d", len(file.Rows), file.Total)
	}
	re, ok := errors.AsType[*ReadError](err)
	if !ok {
		t.Fatalf("error %T, want *ReadError", err)
	}
	if re.More != n-MaxRowErrors || len(re.Errs) != MaxRowErrors {
		t.Errorf("kept %d, more %d; want %d, %d", len(re.Errs), re.More, MaxRowErrors, n-MaxRowErrors)
	}
	msg := err.Error()
	if len(msg) >= 64<<10 {
		t.Errorf("error text is %d bytes", len(msg))
	}
	if want := fmt.Sprintf("csl: ... and %d more rows with problems", n-MaxRowErrors); !strings.HasSuffix(msg, want) {
		t.Errorf("error text ends %q, want %q", msg[max(0, len(msg)-100):], want)
	}
	rowErrs := 0
	walkErrors(err, func(e error) {
		if re, ok := e.(*RowError); ok {
			rowErrs++
			if !errors.Is(re, ErrNoName) || re.Row >= MaxRowErrors {
				t.Errorf("kept %v", re)
			}
		}
	})
	if rowErrs == 0 || rowErrs > MaxRowErrors {
		t.Errorf("%d *RowError reachable, want 1..%d", rowErrs, MaxRowErrors)
	}
	if first, ok := errors.AsType[*RowError](err); !ok || first.Row != 0 {
		t.Errorf("errors.As: %v", first)
	}
	if alloc > 100<<20 { // 7 MB when written; the 20 MB input itself is not counted
		t.Errorf("Read allocated %d MB for %d MB of input", alloc>>20, len(data)>>20)
	}
}

// TestReadBoundedSyntax checks that the syntax error that stops reading
// is kept after the cap, and that long input text is cut in messages.
func TestReadBoundedSyntax(t *testing.T) {
	var b strings.Builder
	b.WriteString(`[`)
	for i := range MaxRowErrors + 5 {
		fmt.Fprintf(&b, `{"id":%q,"name":%q,"addresses":7},`, strings.Repeat("i", 1000), strings.Repeat("N", 1000+i))
	}
	b.WriteString(`{"name":"ok"},{`)
	file, err := Read(strings.NewReader(b.String()))
	if len(file.Rows) != 1 {
		t.Errorf("rows %d", len(file.Rows))
	}
	re, ok := errors.AsType[*ReadError](err)
	if !ok || re.More != 5 || len(re.Errs) != MaxRowErrors+1 {
		t.Fatalf("error %T %+v", err, re)
	}
	if _, ok := errors.AsType[*SyntaxError](err); !ok {
		t.Errorf("no *SyntaxError in %v", err)
	}
	if rowErr, ok := errors.AsType[*RowError](err); !ok || len(rowErr.Name) != 1000 || len(rowErr.Error()) > 3*clipLen+100 {
		t.Errorf("row error %d bytes", len(rowErr.Error()))
	}
	if !strings.Contains(err.Error(), "and 5 more rows with problems") {
		t.Errorf("error text lacks the count")
	}
}
