package ear_test

import (
	"testing"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// TestDataVersion keeps the data version in the package documentation equal
// to the tables actually embedded.
func TestDataVersion(t *testing.T) {
	if ear.DataECFRTables != jurisdiction.TablesECFRDate {
		t.Errorf("DataECFRTables = %s, jurisdiction tables are %s", ear.DataECFRTables, jurisdiction.TablesECFRDate)
	}
	if ear.DataECFRCCL != product.CCLECFRDate {
		t.Errorf("DataECFRCCL = %s, product CCL is %s", ear.DataECFRCCL, product.CCLECFRDate)
	}
}
