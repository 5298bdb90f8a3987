package ccl

import (
	"encoding/json"
	"os"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/earcheck/ear/product"
)

// sampleFile is testdata/ccl_sample.json, a copy of the project's
// reference sample of the CCL: 54 entries structured by hand.
type sampleFile struct {
	ECCNs []struct {
		ECCN     string   `json:"eccn"`
		Reasons  []string `json:"reasons_for_control"`
		Controls []struct {
			Reason    string `json:"reason"`
			AppliesTo string `json:"applies_to"`
			Column    string `json:"column"`
		} `json:"controls"`
	} `json:"eccns"`
}

// sampleKey renders a generated row as the sample writes its column.
func sampleKey(c Control) string {
	d := c.DestinationRule()
	var col string
	switch d.Kind() {
	case RuleColumn:
		col = d.Column().String()
	case RuleWorldwide:
		col = "special:WORLDWIDE"
	case RuleUAED1D4D5NotA5A6:
		col = "special:AE+D1+D4+D5-minus-A5/A6"
	case RuleD1D4D5NotA5A6:
		col = "special:D1+D4+D5-minus-A5/A6"
	case RuleMacauD5:
		col = "special:MACAU+D5"
	case RuleE1:
		col = "special:E1"
	case RuleCWCNonStatesParties:
		col = "special:CWC-non-States-Parties"
	case RuleCountries:
		var cs []string
		for _, c := range d.Countries() {
			cs = append(cs, c.String())
		}
		col = "special:" + strings.Join(cs, "+")
	case RulePointer:
		cit := strings.Join(d.Citations(), ";")
		switch {
		case strings.Contains(cit, "746.1"):
			col = "special:UN"
		case strings.Contains(cit, "742.15"):
			col = "special:EI"
		case strings.Contains(cit, "742.14"):
			col = "special:SI"
		case strings.Contains(cit, "746.8"):
			col = "special:746.8"
		default:
			col = "special:" + strings.TrimPrefix(cit, "15 CFR ")
		}
	default:
		col = "special:" + d.Kind().String()
	}
	return c.Reason().String() + " " + col
}

var sampleColumnAlias = map[string]string{
	"special:PAKISTAN": "special:PK",
	"special:IRAQ":     "special:IQ",
	"special:CN+RU+VE": "special:CN+RU+VE",
}

var sampleReasonAlias = map[string]string{"RU-sector": "FP", "FP-RU": "FP"}

// sampleDisagreements are the entries where the generated table and the
// hand-made sample differ, with the reason the table is kept as it is. The
// test fails if a listed difference goes away or another appears.
var sampleDisagreements = map[string]struct {
	reasons  bool     // the reason sets differ
	onlyOurs []string // rows the table has and the sample lacks
	onlySamp []string // rows the sample has and the table lacks
	why      string
}{
	"1C351": {
		onlyOurs: []string{"CW special:WORLDWIDE"},
		why: "the sample lists CW among 1C351's reasons but gives it no row; the entry's License Requirements " +
			"prose (kept in the source among the entry's items) requires a license for CW reasons for all " +
			"destinations for 1C351.d.15 and .d.16 (ricin, saxitoxin). The sample's omission.",
	},
	"3A232": {
		reasons: true,
		why: "the sample corrects the Reason for Control line to NP, AT, FP to match the rows; the eCFR line " +
			"prints 'AT, RS, foreign policy'. The table keeps the printed line and records the mismatch in " +
			"Entry.Notes (no RS row; NP row not on the line) rather than guess which half is the error.",
	},
}

func TestSampleCrossCheck(t *testing.T) {
	b, err := os.ReadFile("testdata/ccl_sample.json")
	if err != nil {
		t.Fatal(err)
	}
	var s sampleFile
	if err := json.Unmarshal(b, &s); err != nil {
		t.Fatal(err)
	}
	if len(s.ECCNs) != 54 {
		t.Fatalf("sample has %d entries, want 54", len(s.ECCNs))
	}
	for _, se := range s.ECCNs {
		t.Run(se.ECCN, func(t *testing.T) {
			e, ok := Lookup(product.MustParseECCN(se.ECCN))
			if !ok {
				t.Fatalf("%s not in the table", se.ECCN)
			}
			alias := func(r string) string {
				if a, ok := sampleReasonAlias[r]; ok {
					return a
				}
				return r
			}
			var want, got []string
			for _, r := range se.Reasons {
				want = append(want, alias(r))
			}
			for _, r := range e.Reasons() {
				got = append(got, r.String())
			}
			sort.Strings(want)
			sort.Strings(got)
			dis := sampleDisagreements[se.ECCN]
			if reasonsDiffer := !slices.Equal(want, got); reasonsDiffer != dis.reasons {
				t.Errorf("reasons: table %v, sample %v (documented disagreement: %v)", got, want, dis.reasons)
			}
			sampleRows := map[string]bool{}
			for _, c := range se.Controls {
				col := c.Column
				if a, ok := sampleColumnAlias[col]; ok {
					col = a
				}
				sampleRows[alias(c.Reason)+" "+col] = true
			}
			ourRows := map[string]bool{}
			for _, c := range e.Controls() {
				ourRows[sampleKey(c)] = true
			}
			var onlyOurs, onlySamp []string
			for k := range ourRows {
				if !sampleRows[k] {
					onlyOurs = append(onlyOurs, k)
				}
			}
			for k := range sampleRows {
				if !ourRows[k] {
					onlySamp = append(onlySamp, k)
				}
			}
			sort.Strings(onlyOurs)
			sort.Strings(onlySamp)
			if !slices.Equal(onlyOurs, dis.onlyOurs) || !slices.Equal(onlySamp, dis.onlySamp) {
				t.Errorf("rows differ: table only %q, sample only %q (documented: %q / %q)", onlyOurs, onlySamp, dis.onlyOurs, dis.onlySamp)
			}
		})
	}
}
