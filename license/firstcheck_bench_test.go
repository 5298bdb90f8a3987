package license

import (
	"fmt"
	"os"
	"os/exec"
	"slices"
	"strings"
	"testing"
	"time"
)

// firstCheckChild is the environment variable under which the test binary,
// started again by BenchmarkFirstCheck, times its own first Check.
const firstCheckChild = "EAR_FIRST_CHECK_CHILD"

// BenchmarkFirstCheck starts the test binary again once per iteration; the
// new process times its first Check (which builds what the package builds
// on first use) and then the median of 200 warm ones, and prints both. The
// benchmark reports the medians over its iterations as first-ns, warm-ns
// and their ratio first/warm.
func BenchmarkFirstCheck(b *testing.B) {
	if os.Getenv(firstCheckChild) == "1" {
		firstCheckInChild(b)
		return
	}
	exe, err := os.Executable()
	if err != nil {
		b.Skip("the test binary's path is not known:", err)
	}
	var firsts, warms []int64
	for b.Loop() {
		cmd := exec.Command(exe, "-test.run=^$", "-test.bench=^BenchmarkFirstCheck$", "-test.benchtime=1x")
		cmd.Env = append(os.Environ(), firstCheckChild+"=1")
		out, err := cmd.Output()
		if err != nil {
			b.Fatalf("child: %v\n%s", err, out)
		}
		var first, warm int64
		found := false
		for _, line := range strings.Split(string(out), "\n") {
			if _, err := fmt.Sscanf(line, "first-check %d %d", &first, &warm); err == nil {
				found = true
				break
			}
		}
		if !found || first <= 0 || warm <= 0 {
			b.Fatalf("child printed no timing:\n%s", out)
		}
		firsts, warms = append(firsts, first), append(warms, warm)
	}
	f, w := median(firsts), median(warms)
	b.ReportMetric(float64(f), "first-ns")
	b.ReportMetric(float64(w), "warm-ns")
	b.ReportMetric(float64(f)/float64(w), "first/warm")
}

// firstCheckInChild runs in the child process: the first Check of the
// process, then 200 warm ones (BenchmarkCheck's 50-line request).
func firstCheckInChild(b *testing.B) {
	req := benchRequest(50)
	start := time.Now()
	if _, err := Check(req); err != nil {
		b.Fatal(err)
	}
	first := time.Since(start)
	warm := make([]int64, 200)
	for i := range warm {
		start := time.Now()
		if _, err := Check(req); err != nil {
			b.Fatal(err)
		}
		warm[i] = int64(time.Since(start))
	}
	fmt.Printf("first-check %d %d\n", int64(first), median(warm))
	for b.Loop() {
	}
}

func median(xs []int64) int64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}
