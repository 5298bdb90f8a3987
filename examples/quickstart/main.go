// Command quickstart is the README's main job. For a few ECCNs and
// destinations it prints each destination's EAR country groups and which
// License Requirements rows of the Commerce Control List require a license
// under the Commerce Country Chart (15 CFR 738.4) and the Part 746
// programs, with citations; then it decides sample order lines in full
// (subject to the EAR through de minimis or a foreign direct product rule,
// and whether a license is required, and why). It runs on the tables
// embedded in the SDK.
//
// Usage:
//
//	go run ./examples/quickstart [-as-of YYYY-MM-DD]
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/earcheck/ear"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// eccns and destinations are the sample job.
var (
	eccns        = []string{"3A001.a.1.a", "5A002.a", "3A090.a", "4A994.j", "EAR99"}
	destinations = []string{"CN", "RU", "DE", "IR", "AE", "HK"}
)

func main() {
	asOf := flag.String("as-of", "2026-11-28", "evaluation date, YYYY-MM-DD")
	flag.Parse()
	if err := run(os.Stdout, *asOf); err != nil {
		fmt.Fprintln(os.Stderr, "quickstart:", err)
		os.Exit(1)
	}
}

func run(w io.Writer, asOfText string) error {
	asOf, err := jurisdiction.ParseDate(asOfText)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "ear quickstart: Commerce Country Chart determinations as of %s\n", asOf)
	fmt.Fprintf(w, "CCL: eCFR %s; country groups and chart: eCFR %s\n\n", ccl.Date(), jurisdiction.TablesDate())

	fmt.Fprintln(w, "Destinations (Supp. No. 1 to part 740):")
	for _, code := range destinations {
		c, err := jurisdiction.ParseCountry(code)
		if err != nil {
			return err
		}
		gs, err := jurisdiction.GroupsOf(c, asOf)
		if err != nil {
			// A gap of the tables on the date (a membership not known
			// then) is shown, not fatal: the determinations below leave
			// what needs it open.
			fmt.Fprintf(w, "  %s %-20s groups: not known on %s (%v)\n", c, c.Name(), asOf, err)
			continue
		}
		note := ""
		if c.TablesAs() != c {
			note = fmt.Sprintf(" (read as %s, %s)", c.TablesAs().Name(), func() string { s, _ := c.TablesAsCitation(); return s }())
		}
		fmt.Fprintf(w, "  %s %-20s groups: %s%s\n", c, c.Name(), gs, note)
	}
	fmt.Fprintln(w)

	for _, es := range eccns {
		e, err := product.ParseECCN(es)
		if err != nil {
			return err
		}
		title := "EAR99 (subject to the EAR, on no CCL entry)"
		if entry, ok := ccl.Lookup(e); ok {
			title = firstSentence(entry.Heading())
		}
		fmt.Fprintf(w, "== %s  %s\n", e, title)
		for _, code := range destinations {
			d := jurisdiction.Destination{Country: jurisdiction.MustParseCountry(code)}
			res, err := license.CountryChart(license.ChartQuery{ECCN: e, Destination: d, AsOf: asOf})
			if err != nil {
				return err
			}
			fmt.Fprintf(w, "  to %s: license required: %s\n", code, res.Required)
			for _, f := range res.Findings {
				// A decided result shows the findings that decide it; an
				// open one shows what keeps it open.
				if f.Required == ear.No || (res.Required == ear.Yes && f.Required != ear.Yes) {
					continue
				}
				fmt.Fprintf(w, "      %-13s %s\n", f.Required, f.Why)
				fmt.Fprintf(w, "      %-13s [%s]\n", "", f.Citation)
			}
			for _, m := range res.Missing() {
				fmt.Fprintf(w, "      missing:      %s\n", m)
			}
		}
		fmt.Fprintln(w)
	}
	return runOrders(w)
}

// firstSentence shortens a CCL heading for display.
func firstSentence(s string) string {
	if i := strings.Index(s, " (see List"); i > 0 {
		s = s[:i]
	}
	if len(s) > 90 {
		s = s[:87] + "..."
	}
	return s
}
