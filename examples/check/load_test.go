package main

import (
	"encoding/json"
	"io"
	"os"
	"runtime"
	"slices"
	"strconv"
	"testing"

	"github.com/earcheck/ear/license"
)

// requestLines returns the worked cases' requests as JSON lines.
func requestLines(t testing.TB) [][]byte {
	var lines [][]byte
	for _, cs := range workedCases(t) {
		for _, c := range cs.Cases {
			var v any
			if err := json.Unmarshal(c.Request, &v); err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(v) // one line
			if err != nil {
				t.Fatal(err)
			}
			lines = append(lines, append(b, '\n'))
		}
	}
	return lines
}

// cycleReader yields n lines, cycling through lines, and samples the live
// heap every sampleEvery lines.
type cycleReader struct {
	lines       [][]byte
	n, i        int
	cur         []byte
	sampleEvery int
	samples     []uint64 // HeapAlloc after a GC, at each sample
}

func (r *cycleReader) Read(p []byte) (int, error) {
	if len(r.cur) == 0 {
		if r.i == r.n {
			return 0, io.EOF
		}
		if r.i%r.sampleEvery == 0 {
			runtime.GC()
			var ms runtime.MemStats
			runtime.ReadMemStats(&ms)
			r.samples = append(r.samples, ms.HeapAlloc)
		}
		r.cur = r.lines[r.i%len(r.lines)]
		r.i++
	}
	n := copy(p, r.cur)
	r.cur = r.cur[n:]
	return n, nil
}

// countWriter counts response lines and discards them.
type countWriter struct{ lines int }

func (w *countWriter) Write(p []byte) (int, error) {
	for _, b := range p {
		if b == '\n' {
			w.lines++
		}
	}
	return len(p), nil
}

// TestJSONLMemoryFlat streams requests through -jsonl's loop in process
// and checks that the live heap does not grow with the number of requests:
// the largest sample of the last half stays within 4 MiB of the largest of
// the first half. EAR_LOAD_REQUESTS sets the number (20,000 by default,
// 2,000 with -short or the race detector); BENCHMARKS.md records a run of
// 1,000,000 through the command itself.
func TestJSONLMemoryFlat(t *testing.T) {
	n := 20000
	if testing.Short() || raceEnabled {
		n = 2000
	}
	if s := os.Getenv("EAR_LOAD_REQUESTS"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 100 {
			t.Fatalf("EAR_LOAD_REQUESTS=%q: want a number of at least 100", s)
		}
		n = v
	}
	checker = license.NewChecker()
	r := &cycleReader{lines: requestLines(t), n: n, sampleEvery: n / 20}
	w := &countWriter{}
	runLines(r, w)
	if w.lines != n {
		t.Fatalf("%d responses for %d requests", w.lines, n)
	}
	half := len(r.samples) / 2
	first, last := slices.Max(r.samples[1:half]), slices.Max(r.samples[half:])
	t.Logf("%d requests; live heap after GC: first half max %d KiB, last half max %d KiB", n, first>>10, last>>10)
	if last > first+4<<20 {
		t.Errorf("live heap grew from %d KiB to %d KiB over %d requests", first>>10, last>>10, n)
	}
}
