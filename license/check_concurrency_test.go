package license

import (
	"bytes"
	"encoding/json"
	"os"
	"sync"
	"testing"
)

// TestCheckConcurrent decides the worked cases from 64 goroutines at once
// (run with -race): every goroutine gets the same bytes as a lone Check.
func TestCheckConcurrent(t *testing.T) {
	data, err := os.ReadFile("testdata/fdp.json")
	if err != nil {
		t.Fatal(err)
	}
	var vf struct {
		Cases []struct {
			Request json.RawMessage `json:"request"`
		} `json:"cases"`
	}
	if err := json.Unmarshal(data, &vf); err != nil {
		t.Fatal(err)
	}
	reqs := make([]Request, len(vf.Cases))
	want := make([][]byte, len(vf.Cases))
	for i, c := range vf.Cases {
		if reqs[i], err = DecodeRequest(bytes.NewReader(c.Request)); err != nil {
			t.Fatal(err)
		}
		d, err := Check(reqs[i])
		if err != nil {
			t.Fatal(err)
		}
		want[i], _ = json.Marshal(d)
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 64 {
		wg.Go(func() {
			for k := range len(reqs) {
				i := (g + k) % len(reqs)
				d, err := Check(reqs[i])
				if err != nil {
					errs <- err.Error()
					return
				}
				if b, _ := json.Marshal(d); !bytes.Equal(b, want[i]) {
					errs <- "different answer under concurrency"
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Fatal(e)
	}
}
