package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const dataDir = "../../data"

// TestGeneratedFileIsCurrent fails when tables_gen.go was not regenerated
// after a change to data/ (run "go generate" in the jurisdiction directory).
func TestGeneratedFileIsCurrent(t *testing.T) {
	want, err := generate(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("../../tables_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Fatal("tables_gen.go is stale: run go generate ./jurisdiction")
	}
	if !bytes.HasPrefix(got, []byte("// Code generated ")) || !bytes.Contains(got, []byte("DO NOT EDIT.")) || !bytes.Contains(got, []byte(`const TablesECFRDate = "2026-09-24"`)) {
		t.Error("generated header or date stamp missing")
	}
}

// copyData copies the source files to a temporary directory and applies
// edit to the named file.
func copyData(t *testing.T, file string, edit func(string) string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir(dataDir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if !strings.HasSuffix(e.Name(), ".csv") {
			continue
		}
		b, err := os.ReadFile(filepath.Join(dataDir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		s := string(b)
		if e.Name() == file {
			s2 := edit(s)
			if s2 == s {
				t.Fatalf("edit of %s changed nothing", file)
			}
			s = s2
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func TestGeneratorRejects(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		edit    func(string) string
		wantErr string
	}{
		{"extra cell", "country_chart.csv", func(s string) string {
			return strings.Replace(s, "AF,Afghanistan,X,", "AF,Afghanistan,X,X,", 1)
		}, "cells, the header has"},
		{"missing cell", "country_groups.csv", func(s string) string {
			return strings.Replace(s, "AD,Andorra,,,,,,,X,,,,,,,,", "AD,Andorra,,,,,,,X,,,,,,,", 1)
		}, "cells, the header has"},
		{"unknown group mark", "country_groups.csv", func(s string) string {
			return strings.Replace(s, "AD,Andorra,,,,,,,X,", "AD,Andorra,,,,,,,x,", 1)
		}, "unknown mark"},
		{"unknown chart mark", "country_chart.csv", func(s string) string {
			return strings.Replace(s, "AF,Afghanistan,X,", "AF,Afghanistan,Y,", 1)
		}, "unknown mark"},
		{"header", "country_chart.csv", func(s string) string {
			return strings.Replace(s, "CB1,CB2", "CB2,CB1", 1)
		}, "header is"},
		{"unknown footnote", "country_chart.csv", func(s string) string {
			return strings.Replace(s, ",,,,,7,", ",,,,,11,", 1)
		}, "unknown footnote"},
		{"pointer row with a mark", "country_chart.csv", func(s string) string {
			return strings.Replace(s, "CU,Cuba,,", "CU,Cuba,X,", 1)
		}, "pointer row but has X marks"},
		{"empty row not a pointer", "chart_pointers.csv", func(s string) string {
			i := strings.Index(s, "SY,")
			return s[:i]
		}, "not listed in chart_pointers.csv"},
		{"change contradicts table", "group_changes.csv", func(s string) string {
			return strings.Replace(s, "NI,D:5,add", "NI,D:5,remove", 1)
		}, "does not match the table"},
		{"change before floor", "group_changes.csv", func(s string) string {
			return strings.Replace(s, "CY,D:5,remove,2024-05-30", "CY,D:5,remove,2019-05-30", 1)
		}, "outside"},
		{"unknown group in change", "group_changes.csv", func(s string) string {
			return strings.Replace(s, "NI,D:1,add", "NI,D:9,add", 1)
		}, "unknown group"},
		{"unverified status word", "group_changes.csv", func(s string) string {
			return strings.Replace(s, ",read,Same rule as the Group B", ",maybe,Same rule as the Group B", 1)
		}, "status"},
		{"duplicate destination", "country_groups.csv", func(s string) string {
			return strings.Replace(s, "DZ,Algeria,", "AL,Algeria,", 1)
		}, "duplicate destination"},
		{"extra destination that has a row", "destinations_extra.csv", func(s string) string {
			return strings.Replace(s, "HK,Hong Kong,CN", "MO,Hong Kong,CN", 1)
		}, "already has a row"},
		{"footnote numbering", "chart_footnotes.csv", func(s string) string {
			return strings.Replace(s, "\n3,", "\n4,", 1)
		}, "footnote number"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := copyData(t, tt.file, tt.edit)
			_, err := generate(dir)
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
				t.Fatalf("generate: error %v, want one containing %q", err, tt.wantErr)
			}
		})
	}
}
