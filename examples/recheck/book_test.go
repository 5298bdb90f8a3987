package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"testing"
)

var updateBook = flag.Bool("update-book", false, "rewrite testdata/orders.jsonl from sampleBook")

const bookFile = "testdata/orders.jsonl"

// TestSampleBook keeps testdata/orders.jsonl equal to what sampleBook
// writes (go test -run TestSampleBook -update-book ./examples/recheck).
func TestSampleBook(t *testing.T) {
	got := sampleBook()
	if *updateBook {
		if err := os.WriteFile(bookFile, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(bookFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s is stale; run go test -run TestSampleBook -update-book ./examples/recheck", bookFile)
	}
	if n := bytes.Count(got, []byte("\n")); n < 200 {
		t.Errorf("%d orders", n)
	}
}

type money struct {
	Amount   string `json:"amount"`
	Currency string `json:"currency"`
}

type input struct {
	ECCN             string `json:"eccn"`
	Origin           string `json:"origin"`
	For              string `json:"for,omitempty"`
	WrittenAssurance *bool  `json:"written_assurance,omitempty"`
}

// exporter is the wire's exporter member.
type exporter struct {
	LocatedIn      string `json:"located_in"`
	HQ             string `json:"headquarters"`
	UltimateParent string `json:"ultimate_parent_headquarters"`
}

type line struct {
	ID       string `json:"id"`
	Desc     string `json:"description"`
	ECCN     string `json:"eccn"`
	Origin   string `json:"origin"`
	Value    money  `json:"value"`
	Quantity string `json:"quantity"`
	Relation string `json:"relation"`
}

type party struct {
	Name         string `json:"name"`
	Role         string `json:"role"`
	Country      string `json:"country"`
	HQ           string `json:"headquartered_in"`
	Footnotes    []int  `json:"entity_list_footnotes,omitempty"`
	GovernmentOf string `json:"government_of,omitempty"`
}

type endUse struct {
	Use       string `json:"use"`
	LocatedIn string `json:"located_in"`
}

type order struct {
	AsOf string `json:"as_of"`
	Item struct {
		ID              string  `json:"id"`
		Description     string  `json:"description"`
		ECCN            string  `json:"eccn"`
		Kind            string  `json:"kind"`
		ProducedIn      string  `json:"produced_in"`
		Value           money   `json:"value"`
		Components      []line  `json:"components"`
		DirectProductOf []input `json:"direct_product_of"`
		Plant           struct {
			DirectProductOf []input `json:"direct_product_of"`
		} `json:"plant"`
	} `json:"item"`
	ExportedFrom string `json:"exported_from"`
	Destination  struct {
		Country string `json:"country"`
	} `json:"destination"`
	Parties        []party        `json:"parties"`
	EndUses        []endUse       `json:"end_uses"`
	Incorporations []struct{}     `json:"incorporations"`
	ExceptionFacts map[string]any `json:"exception_facts"`
	Exporter       *exporter      `json:"exporter,omitempty"`
}

// sampleBook writes the sample order book: a few hundred orders of
// Japanese and Dutch chip tools, Korean phones, Taiwanese chips and German
// machine tools, to China, Macau, Russia, the United Arab Emirates,
// Germany and others, drawn from a fixed seed (the same bytes every run).
func sampleBook() []byte {
	r := rand.New(rand.NewPCG(2024, 1202))
	pick := func(ss ...string) string { return ss[r.IntN(len(ss))] }
	amount := func(lo, hi int) string { return fmt.Sprintf("%d.00", lo+r.IntN(hi-lo+1)) }
	var b bytes.Buffer
	n := 0
	emit := func(o order) {
		n++
		o.Item.ID = fmt.Sprintf("SO-%04d", n)
		o.AsOf = "2026-11-28"
		if o.Item.Components == nil {
			o.Item.Components = []line{}
		}
		if o.Item.DirectProductOf == nil {
			o.Item.DirectProductOf = []input{}
		}
		if o.Item.Plant.DirectProductOf == nil {
			o.Item.Plant.DirectProductOf = []input{}
		}
		if o.EndUses == nil {
			o.EndUses = []endUse{}
		}
		o.Incorporations = []struct{}{}
		o.ExceptionFacts = map[string]any{"meets": map[string]string{"*": "none"}}
		j, err := json.Marshal(o)
		if err != nil {
			panic(err)
		}
		b.Write(j)
		b.WriteByte('\n')
	}
	customer := func(dest string) party {
		p := party{Name: "Customer " + dest + fmt.Sprint(r.IntN(90)+10), Role: "end_user", Country: dest, HQ: dest}
		if dest == "MO" && r.IntN(2) == 0 {
			p.HQ = "CN"
		}
		return p
	}

	// Japanese and Dutch semiconductor manufacturing equipment.
	tools := []struct{ eccn, desc string }{
		{"3B001.c.1.a", "isotropic dry etch system"}, {"3B001.a.4", "epitaxial growth system"}, {"3B001.d", "deposition system"},
		{"3B001.k", "ion implanter"}, {"3B001.p.2", "wafer bonding tool"}, {"3B993.f.1", "lithography system"},
		{"3B991.b.1", "wafer prober"}, {"3B001.f.1", "EUV lithography system"},
	}
	for _, maker := range []string{"JP", "NL"} {
		for _, tool := range tools {
			for _, dest := range []string{"CN", "MO", "RU", "AE", "DE", "KR", "TW", "SG", "VN"} {
				if r.IntN(3) == 0 {
					continue
				}
				var o order
				o.Item.Description, o.Item.ECCN, o.Item.Kind, o.Item.ProducedIn = tool.desc, tool.eccn, "commodity", maker
				o.Item.Value = money{amount(2_000_000, 40_000_000), "USD"}
				o.Item.Components = []line{{ID: "ctrl", Desc: "motion controller IC", ECCN: pick("3A991.a.2", "5A992.c", "EAR99"), Origin: "us",
					Value: money{amount(2_000, 40_000), "USD"}, Quantity: fmt.Sprint(1 + r.IntN(20)), Relation: "incorporated"}}
				switch r.IntN(3) {
				case 0:
					o.Item.Plant.DirectProductOf = []input{{ECCN: "3E001", Origin: "us", For: "3B001"}}
				case 1:
					// 3E992 is AT-only technology: no written assurance
					// (734.9(b) does not reach the tool).
					o.Item.DirectProductOf = []input{{ECCN: "3E992", Origin: "us", WrittenAssurance: &no}}
				}
				o.ExportedFrom = maker
				// The tool maker ships it, headquartered at home.
				o.Exporter = &exporter{maker, maker, maker}
				o.Destination.Country = dest
				p := customer(dest)
				if dest == "CN" && r.IntN(4) == 0 {
					p.Footnotes = []int{5}
				}
				o.Parties = []party{p}
				if dest == "CN" && r.IntN(3) == 0 {
					o.EndUses = []endUse{{Use: "advanced_node_ic", LocatedIn: "CN"}}
				}
				emit(o)
			}
		}
	}

	// Tools of the footnote 5 FDP rule's list (not the SME rule's) for a
	// footnote 5 entity in China.
	for _, maker := range []string{"JP", "NL"} {
		for _, e := range []string{"3B993.f.1", "3B991.b.1", "3B001.e"} {
			var o order
			o.Item.Description, o.Item.ECCN, o.Item.Kind, o.Item.ProducedIn = "wafer fab tool", e, "commodity", maker
			o.Item.Value = money{amount(1_000_000, 9_000_000), "USD"}
			o.Item.Components = []line{{ID: "ctrl", Desc: "controller IC", ECCN: "3A991.a.2", Origin: "us",
				Value: money{amount(1_000, 9_000), "USD"}, Quantity: "4", Relation: "incorporated"}}
			o.Item.Plant.DirectProductOf = []input{{ECCN: "3E001", Origin: "us", For: "3B001"}}
			o.ExportedFrom = maker
			o.Destination.Country = "CN"
			p := customer("CN")
			p.Footnotes = []int{5}
			o.Parties = []party{p}
			emit(o)
		}
	}

	// Korean phones with U.S. chips.
	for i := 0; i < 60; i++ {
		var o order
		o.Item.Description, o.Item.ECCN, o.Item.Kind, o.Item.ProducedIn = "smartphone", "5A992.c", "commodity", "KR"
		o.Item.Value = money{"800.00", "USD"}
		o.Item.Components = []line{
			{ID: "soc", Desc: "application processor", ECCN: pick("3A991.a.1", "5A992.c", "3A001.a.7"), Origin: "us", Value: money{amount(40, 260), "USD"}, Quantity: "1", Relation: "incorporated"},
			{ID: "rf", Desc: "RF front end", ECCN: pick("5A991.b", "EAR99", "3A991.b"), Origin: pick("us", "foreign"), Value: money{amount(10, 60), "USD"}, Quantity: "1", Relation: "incorporated"},
		}
		o.ExportedFrom = "KR"
		o.Destination.Country = pick("CN", "RU", "AE", "DE", "IN", "BR", "VN", "TR")
		o.Parties = []party{customer(o.Destination.Country)}
		emit(o)
	}

	// Taiwanese chips designed with U.S. EDA software.
	for i := 0; i < 60; i++ {
		var o order
		e := pick("3A090.a", "3A001.a.7", "3A991.a.1", "5A992.c", "EAR99")
		o.Item.Description, o.Item.ECCN, o.Item.Kind, o.Item.ProducedIn = "integrated circuit", e, "commodity", "TW"
		o.Item.Value = money{amount(50, 20_000), "USD"}
		o.Item.DirectProductOf = []input{{ECCN: "3D991", Origin: "us"}}
		if r.IntN(2) == 0 {
			o.Item.Plant.DirectProductOf = []input{{ECCN: "3E001", Origin: "us", For: "3B001"}}
		}
		o.ExportedFrom = "TW"
		o.Destination.Country = pick("CN", "MY", "AE", "RU", "DE", "SG", "MO")
		p := customer(o.Destination.Country)
		if o.Destination.Country == "CN" && r.IntN(3) == 0 {
			p.Footnotes = []int{pick4(r)}
		}
		o.Parties = []party{p}
		emit(o)
	}

	// German machine tools with U.S. controllers.
	for i := 0; i < 40; i++ {
		var o order
		o.Item.Description, o.Item.ECCN, o.Item.Kind, o.Item.ProducedIn = "machining center", pick("2B001.b", "2B991.d", "2B201.a"), "commodity", "DE"
		o.Item.Value = money{amount(200_000, 900_000), "EUR"}
		o.Item.Components = []line{{ID: "cnc", Desc: "CNC controller", ECCN: pick("2B991.a", "3A991.a.2", "EAR99"), Origin: "us", Value: money{amount(5_000, 90_000), "EUR"}, Quantity: "1", Relation: "incorporated"}}
		o.ExportedFrom = "DE"
		o.Destination.Country = pick("CN", "RU", "TR", "IN", "AE", "BR")
		o.Parties = []party{customer(o.Destination.Country)}
		emit(o)
	}
	// Tools of the SME rule's list made with U.S. 3E992 technology and
	// shipped by their makers: Japanese and Dutch (Supp. No. 4 to part
	// 742: the license exclusion of 742.4(a)(4)(ii)(B) applies) and Korean
	// (no exclusion).
	smeTools := []struct{ eccn, desc string }{tools[1], tools[2], tools[3], tools[4], tools[7]}
	for _, maker := range []string{"JP", "NL", "KR"} {
		for _, tool := range smeTools {
			for _, dest := range []string{"CN", "MO", "RU", "DE"} {
				var o order
				o.Item.Description, o.Item.ECCN, o.Item.Kind, o.Item.ProducedIn = tool.desc, tool.eccn, "commodity", maker
				o.Item.Value = money{amount(1_000_000, 20_000_000), "USD"}
				o.Item.Components = []line{{ID: "ctrl", Desc: "motion controller IC", ECCN: pick("3A991.a.2", "EAR99"), Origin: "us",
					Value: money{amount(2_000, 40_000), "USD"}, Quantity: "1", Relation: "incorporated"}}
				o.Item.DirectProductOf = []input{{ECCN: "3E992", Origin: "us", WrittenAssurance: &no}}
				o.ExportedFrom = maker
				o.Exporter = &exporter{maker, maker, maker}
				o.Destination.Country = dest
				o.Parties = []party{customer(dest)}
				emit(o)
			}
		}
	}
	return b.Bytes()
}

// no is the false a lineage entry's written_assurance points to.
var no = false

func pick4(r *rand.Rand) int { return []int{1, 4, 5}[r.IntN(3)] }
