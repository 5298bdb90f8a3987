package main

import (
	"fmt"
	"io"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/exception"
)

// sampleOrders are the order lines the quickstart decides in full, in the
// JSON wire format (see DESIGN.md).
var sampleOrders = []struct{ title, request string }{
	{"A Japanese machine with US chips and bundled US software, to China", `{
		"as_of": "2026-11-28",
		"item": {"id": "JP-MC-1", "description": "motion controller", "eccn": "2B991", "kind": "commodity", "produced_in": "JP",
			"value": {"amount": "100000.00", "currency": "USD"},
			"components": [
				{"id": "fpga", "description": "FPGA", "eccn": "3A001.a.7", "origin": "us", "value": {"amount": "9000.00", "currency": "USD"}, "quantity": "2", "relation": "incorporated"},
				{"id": "mcu", "description": "microcontroller", "eccn": "3A991.a.2", "origin": "us", "value": {"amount": "1500.00", "currency": "USD"}, "quantity": "4", "relation": "incorporated"},
				{"id": "os", "description": "control software", "eccn": "2D991", "origin": "us", "value": {"amount": "3000.00", "currency": "USD"}, "relation": "bundled"},
				{"id": "servo", "description": "servo amplifier", "eccn": "EAR99", "origin": "foreign", "value": {"amount": "30000.00", "currency": "USD"}, "relation": "incorporated"}],
			"direct_product_of": [], "plant": {"direct_product_of": [{"eccn": "2E991", "origin": "foreign"}]}},
		"exported_from": "JP", "destination": {"country": "CN"},
		"parties": [{"name": "Example Automation Ltd.", "role": "end_user", "country": "CN"}],
		"end_uses": [], "incorporations": []}`},
	{"A Taiwanese chip made with US EDA software, for a footnote-1 party", `{
		"as_of": "2026-11-28",
		"item": {"id": "TW-IC-7", "description": "application processor", "eccn": "5A992.c", "kind": "commodity", "produced_in": "TW",
			"value": {"amount": "40.00", "currency": "USD"}, "components": [],
			"direct_product_of": [{"eccn": "3D991", "origin": "us"}], "plant": {"direct_product_of": [{"eccn": "3E001", "origin": "us"}]}},
		"exported_from": "TW", "destination": {"country": "CN"},
		"parties": [{"name": "Example Telecom Co., Ltd.", "role": "ultimate_consignee", "country": "CN", "entity_list_footnotes": [1]}],
		"end_uses": [], "incorporations": []}`},
	{"A German tool with EAR99 US parts, to Cuba", `{
		"as_of": "2026-11-28",
		"item": {"id": "DE-T-3", "description": "cordless drill", "eccn": "EAR99", "kind": "commodity", "produced_in": "DE",
			"value": {"amount": "200.00", "currency": "EUR"},
			"components": [{"id": "motor", "description": "motor", "eccn": "EAR99", "origin": "us", "value": {"amount": "30.00", "currency": "USD"}, "relation": "incorporated"}],
			"direct_product_of": [], "plant": {"direct_product_of": []}},
		"exported_from": "DE", "destination": {"country": "CU"},
		"exchange_rates": {"date": "2026-11-01", "rates": [{"from": "EUR", "to": "USD", "rate": "1.0850"}]},
		"parties": [{"name": "Example Ferreteria", "role": "end_user", "country": "CU"}],
		"end_uses": [], "incorporations": []}`},
	{"The same tool, to Canada", `{
		"as_of": "2026-11-28",
		"item": {"id": "DE-T-3", "description": "cordless drill", "eccn": "EAR99", "kind": "commodity", "produced_in": "DE",
			"value": {"amount": "200.00", "currency": "EUR"},
			"components": [{"id": "motor", "description": "motor", "eccn": "EAR99", "origin": "us", "value": {"amount": "30.00", "currency": "USD"}, "relation": "incorporated"}],
			"direct_product_of": [], "plant": {"direct_product_of": []}},
		"exported_from": "DE", "destination": {"country": "CA"},
		"exchange_rates": {"date": "2026-11-01", "rates": [{"from": "EUR", "to": "USD", "rate": "1.0850"}]},
		"parties": [{"name": "Example Hardware Inc.", "role": "end_user", "country": "CA"}],
		"end_uses": [], "incorporations": []}`},
	{"A Chinese-made server with a US processor, to Russia", `{
		"as_of": "2026-11-28",
		"item": {"id": "CN-SRV-9", "description": "server", "eccn": "5A992.c", "kind": "commodity", "produced_in": "CN",
			"value": {"amount": "5000.00", "currency": "USD"},
			"components": [{"id": "cpu", "description": "processor", "eccn": "3A991.a.1", "origin": "us", "value": {"amount": "1400.00", "currency": "USD"}, "relation": "incorporated"}],
			"direct_product_of": [], "plant": {"direct_product_of": []}},
		"exported_from": "CN", "destination": {"country": "RU"},
		"parties": [{"name": "Example Systems LLC", "role": "end_user", "country": "RU"}],
		"end_uses": [], "incorporations": []}`},
	{"A Korean controller with a US FPGA (3A001.a.7), to Brazil: GBS content is not controlled", `{
		"as_of": "2026-11-28",
		"item": {"id": "KR-CTL-2", "description": "motion controller", "eccn": "EAR99", "kind": "commodity", "produced_in": "KR",
			"value": {"amount": "1000.00", "currency": "USD"},
			"components": [{"id": "fpga", "description": "FPGA", "eccn": "3A001.a.7", "origin": "us", "value": {"amount": "300.00", "currency": "USD"}, "relation": "incorporated"}],
			"direct_product_of": [], "plant": {"direct_product_of": []}},
		"exported_from": "KR", "destination": {"country": "BR"},
		"parties": [{"name": "Example Automacao Ltda.", "role": "end_user", "country": "BR", "headquartered_in": "BR"}],
		"end_uses": [], "incorporations": []}`},
	{"The same controller, to China: the FPGA counts", `{
		"as_of": "2026-11-28",
		"item": {"id": "KR-CTL-2", "description": "motion controller", "eccn": "EAR99", "kind": "commodity", "produced_in": "KR",
			"value": {"amount": "1000.00", "currency": "USD"},
			"components": [{"id": "fpga", "description": "FPGA", "eccn": "3A001.a.7", "origin": "us", "value": {"amount": "300.00", "currency": "USD"}, "relation": "incorporated"}],
			"direct_product_of": [], "plant": {"direct_product_of": []}},
		"exported_from": "KR", "destination": {"country": "CN"},
		"parties": [{"name": "Example Automation Ltd.", "role": "end_user", "country": "CN", "headquartered_in": "CN"}],
		"end_uses": [], "incorporations": [], "exception_facts": {"meets": {"*": "none"}}}`},
	{"A US-made encryption appliance (5A002.a), to Germany under ENC", `{
		"as_of": "2026-11-28",
		"item": {"id": "US-VPN-1", "description": "VPN gateway", "eccn": "5A002.a", "kind": "commodity", "produced_in": "US",
			"value": {"amount": "12000.00", "currency": "USD"}, "components": [],
			"direct_product_of": [], "plant": {"direct_product_of": []}},
		"exported_from": "US", "destination": {"country": "DE"},
		"parties": [{"name": "Example GmbH", "role": "end_user", "country": "DE", "headquartered_in": "DE"}],
		"end_uses": [], "incorporations": [],
		"exception_facts": {"encryption": "740.17(b)(1)", "meets": {"*": "none"}}}`},
}

// runOrders decides the sample orders and prints a report of each.
func runOrders(w io.Writer) error {
	fmt.Fprintln(w, "Determinations (15 CFR 734.3, 734.4, 734.9, 736.2; License Exceptions of part 740)")
	for _, o := range sampleOrders {
		req, err := license.DecodeRequest(strings.NewReader(o.request))
		if err != nil {
			return fmt.Errorf("%s: %w", o.title, err)
		}
		d, err := license.Check(req)
		if err != nil {
			return fmt.Errorf("%s: %w", o.title, err)
		}
		fmt.Fprintf(w, "\n== %s\n", o.title)
		dm := d.DeMinimis()
		fmt.Fprintf(w, "  de minimis: %s (controlled %s %s = %s %% of %s %s; threshold %s %%) [%s]\n",
			dm.Outcome, dm.ControlledValue.AmountString(), dm.ControlledValue.Currency(), dm.ControlledPercent,
			dm.ItemValue.AmountString(), dm.ItemValue.Currency(), dm.ThresholdPercent, dm.Citation)
		for _, l := range dm.Lines {
			fmt.Fprintf(w, "    %-6s %-10s %-7s counted %-5v %s\n", l.ID, orDash(l.ECCN), l.Origin, l.Counted, l.Why)
		}
		for _, r := range d.FDP() {
			if r.Outcome != ear.No {
				fmt.Fprintf(w, "  FDP %s: %s - %s\n", r.Citation, r.OutcomeText(), r.Why)
			}
		}
		fmt.Fprintf(w, "  subject to the EAR: %s\n", d.SubjectToEAR())
		for _, g := range d.Grounds() {
			fmt.Fprintf(w, "    ground: %s %s\n", g.Citation, g.Title)
		}
		fmt.Fprintf(w, "  license required: %s\n", d.LicenseRequired())
		for _, r := range d.LicenseReasons() {
			if r.Answer != ear.No {
				fmt.Fprintf(w, "    %s [%s] %s\n", r.Answer, r.Citation, r.Why)
			}
		}
		if xs := d.Exceptions(); xs != nil {
			fmt.Fprintf(w, "  covered by license exceptions: %s\n", d.CoveredByExceptions())
			for _, x := range xs {
				if x.Outcome != exception.NotAvailable {
					fmt.Fprintf(w, "    %-7s %-13s [%s] %s\n", x.Code, x.Outcome, x.Citation, x.Why)
				}
			}
		}
		for _, m := range d.Missing() {
			fmt.Fprintf(w, "  missing: %s: %s\n", m.Field, m.Why)
		}
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
