package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"testing"

	"github.com/earcheck/ear/internal/refdata"
	"github.com/earcheck/ear/product/ccl"
	"github.com/earcheck/ear/product/ccl/internal/cclgen/gen"
)

// pkgDir is product/ccl, from this package's directory.
const pkgDir = "../.."

// TestGeneratedFileIsCurrent regenerates the table from the files of the
// repository (data/ccl.jsonl and data/ccl_mends.json) and fails when
// ccl_gen.go differs by a byte: a stale table, or a hand edit of it (run
// "go generate" in product/ccl).
func TestGeneratedFileIsCurrent(t *testing.T) {
	want, sum, err := generate(pkgDir, "data/ccl.jsonl", "data/ccl_mends.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(pkgDir, "ccl_gen.go"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("ccl_gen.go is stale: run go generate ./product/ccl")
	}
	if !bytes.HasPrefix(got, []byte("// Code generated ")) || !bytes.Contains(got, []byte("DO NOT EDIT.")) ||
		!bytes.Contains(got, []byte("data/ccl.jsonl")) || !bytes.Contains(got, []byte("issue of "+ccl.ECFRDate)) {
		t.Error("generated header, source or eCFR date missing")
	}
	if sum.Unparsed != 0 {
		t.Errorf("generator left %d rows unparsed: %q", sum.Unparsed, sum.UnparsedRows)
	}
	if sum.Entries != ccl.Len() {
		t.Errorf("summary says %d entries, table has %d", sum.Entries, ccl.Len())
	}
}

// TestSourceDateIsECFRDate: the source file carries the issue that
// ccl.ECFRDate states.
func TestSourceDateIsECFRDate(t *testing.T) {
	b, err := os.ReadFile(filepath.Join(pkgDir, "data", "ccl.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := gen.ParseSource(b)
	if err != nil {
		t.Fatal(err)
	}
	if f.ECFRIssueDate != ccl.ECFRDate {
		t.Errorf("data/ccl.jsonl is eCFR issue %s, ccl.ECFRDate is %s", f.ECFRIssueDate, ccl.ECFRDate)
	}
}

// extractName is the eCFR extract that data/ccl.jsonl was imported from.
// It is not part of the repository; when the reference folder has it
// (refdata), the import is checked.
const extractName = "ccl-ecfr-2026-07-23.json"

// TestSourceIsImport re-imports the eCFR extract, when it is beside the
// checkout, and checks that the committed source file is exactly what the
// import writes.
func TestSourceIsImport(t *testing.T) {
	path, _ := refdata.Path(extractName)
	extract, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		t.Skipf("the eCFR extract %s is not beside the checkout; the import is not checked", extractName)
	}
	if err != nil {
		t.Fatal(err)
	}
	want, err := gen.Import(extract)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(filepath.Join(pkgDir, "data", "ccl.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatalf("data/ccl.jsonl is not the import of %s: run go run ./internal/cclgen -import with it in product/ccl", extractName)
	}
}
