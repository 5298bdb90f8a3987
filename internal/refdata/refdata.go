// Package refdata finds the project's reference data for tests: the eCFR
// extracts and the Consolidated Screening List download that the tables
// were made from. They are not part of the module; a checkout may have them
// in the reference folder beside it (CI does), and a test that needs one
// skips with a message when it is not there. This package is the one place
// that knows where that folder is.
package refdata

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
)

// Path returns the path of the reference file name and whether it exists.
// The reference folder is reference/data in the folder "shared" beside the
// module root (the directory holding go.mod, found from the working
// directory up).
func Path(name string) (string, bool) {
	root, err := ModuleRoot()
	if err != nil {
		return "", false
	}
	p := filepath.Join(filepath.Dir(root), "shared", "reference", "data", name)
	if _, err := os.Stat(p); err != nil {
		return p, false
	}
	return p, true
}

// ModuleRoot returns the directory that holds go.mod, looking from the
// working directory up.
func ModuleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		} else if !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return "", errors.New("refdata: no go.mod above the working directory")
		}
		dir = parent
	}
}
