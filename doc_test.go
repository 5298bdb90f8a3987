package ear_test

import (
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product/ccl"
)

// TestDataVersion keeps the data version in the package documentation equal
// to the tables actually embedded.
func TestDataVersion(t *testing.T) {
	if ear.DataECFRTables != jurisdiction.TablesECFRDate {
		t.Errorf("DataECFRTables = %s, jurisdiction tables are %s", ear.DataECFRTables, jurisdiction.TablesECFRDate)
	}
	if ear.DataECFRCCL != ccl.ECFRDate {
		t.Errorf("DataECFRCCL = %s, the CCL (product/ccl) is %s", ear.DataECFRCCL, ccl.ECFRDate)
	}
}
