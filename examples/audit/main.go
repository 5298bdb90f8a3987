// Command audit writes, for auditors, the de minimis worksheet and the
// determination of one foreign-made item as Markdown. The bill of materials
// comes from a CSV file with the header
//
//	id,description,eccn,origin,amount,currency,quantity,relation
//
// (eccn may be empty for an unclassified line, quantity empty for 1); the
// item, destination and date come from flags.
//
// Usage:
//
//	go run ./examples/audit -bom bom.csv -eccn 2B991 -value 100000.00 -currency USD \
//	    -produced-in JP -from JP -dest CN -as-of 2026-11-28
package main

import (
	"encoding/csv"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// options are the command's flags.
type options struct {
	bom, eccn, kind, value, currency, producedIn, from, dest, region, asOf, id string
}

func main() {
	var o options
	flag.StringVar(&o.bom, "bom", "", "bill of materials CSV file (required)")
	flag.StringVar(&o.id, "id", "item", "item identifier")
	flag.StringVar(&o.eccn, "eccn", "", "the item's ECCN or EAR99 (required)")
	flag.StringVar(&o.kind, "kind", "", "commodity, software or technology (when the ECCN does not say)")
	flag.StringVar(&o.value, "value", "", "the item's value (required)")
	flag.StringVar(&o.currency, "currency", "USD", "the item's currency")
	flag.StringVar(&o.producedIn, "produced-in", "", "country where the item was made (required)")
	flag.StringVar(&o.from, "from", "", "country the item is exported from")
	flag.StringVar(&o.dest, "dest", "", "destination country (required)")
	flag.StringVar(&o.region, "region", "", "crimea, dnr or lnr (with -dest UA)")
	flag.StringVar(&o.asOf, "as-of", "", "evaluation date YYYY-MM-DD (default: today, UTC)")
	flag.Parse()
	f, err := os.Open(o.bom)
	if err != nil {
		fmt.Fprintln(os.Stderr, "audit:", err)
		os.Exit(2)
	}
	defer f.Close()
	if err := run(os.Stdout, f, o); err != nil {
		fmt.Fprintln(os.Stderr, "audit:", err)
		os.Exit(2)
	}
}

// readBOM reads the CSV bill of materials.
func readBOM(r io.Reader) ([]product.Line, error) {
	cr := csv.NewReader(r)
	rows, err := cr.ReadAll()
	if err != nil {
		return nil, err
	}
	want := []string{"id", "description", "eccn", "origin", "amount", "currency", "quantity", "relation"}
	if len(rows) == 0 || strings.Join(rows[0], ",") != strings.Join(want, ",") {
		return nil, fmt.Errorf("the first row must be the header %s", strings.Join(want, ","))
	}
	var lines []product.Line
	for i, row := range rows[1:] {
		at := func(err error, col string) error { return fmt.Errorf("row %d, %s: %w", i+2, col, err) }
		l := product.Line{ID: row[0], Description: row[1], Quantity: product.DefaultQuantity()}
		var err error
		if row[2] != "" {
			if l.ECCN, err = product.ParseECCN(row[2]); err != nil {
				return nil, at(err, "eccn")
			}
		}
		if l.Origin, err = product.ParseOrigin(row[3]); err != nil {
			return nil, at(err, "origin")
		}
		if l.Value, err = product.ParseMoney(row[4], row[5]); err != nil {
			return nil, at(err, "amount")
		}
		if row[6] != "" {
			if l.Quantity, err = product.ParseQuantity(row[6]); err != nil {
				return nil, at(err, "quantity")
			}
		}
		if l.Relation, err = product.ParseRelation(row[7]); err != nil {
			return nil, at(err, "relation")
		}
		lines = append(lines, l)
	}
	return lines, nil
}

func run(w io.Writer, bom io.Reader, o options) error {
	lines, err := readBOM(bom)
	if err != nil {
		return err
	}
	if o.eccn == "" || o.value == "" || o.producedIn == "" || o.dest == "" {
		return errors.New("-eccn, -value, -produced-in and -dest are required")
	}
	it := product.Item{ID: o.id, Components: lines, DirectProductOf: product.NoLineage(), Plant: product.NoLineage()}
	if it.ECCN, err = product.ParseECCN(o.eccn); err != nil {
		return err
	}
	it.Kind = it.ECCN.Kind()
	if o.kind != "" {
		if it.Kind, err = product.ParseKind(o.kind); err != nil {
			return err
		}
	}
	if it.Value, err = product.ParseMoney(o.value, o.currency); err != nil {
		return err
	}
	if it.ProducedIn, err = jurisdiction.ParseCountry(o.producedIn); err != nil {
		return err
	}
	req := license.Request{Item: it, Parties: license.NoParties(), EndUses: license.NoEndUses(), Incorporations: license.NoIncorporations()}
	if o.from != "" {
		if req.ExportedFrom, err = jurisdiction.ParseCountry(o.from); err != nil {
			return err
		}
	}
	if req.Destination, err = jurisdiction.ParseDestination(o.dest, o.region); err != nil {
		return err
	}
	if o.asOf == "" {
		// The library never defaults the date; the command takes today's.
		req.AsOf = jurisdiction.DateOf(time.Now().UTC())
	} else if req.AsOf, err = jurisdiction.ParseDate(o.asOf); err != nil {
		return err
	}
	d, err := license.Check(req)
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "# Export determination: %s (%s) to %s, as of %s\n\n", it.ID, it.ECCN, req.Destination, d.AsOf())
	fmt.Fprintf(w, "Made in %s, exported from %s. Data: country tables eCFR %s, CCL eCFR %s. Parties and end uses: none declared.\n\n",
		it.ProducedIn, orDash(req.ExportedFrom.String()), jurisdiction.TablesECFRDate, ccl.ECFRDate)
	fmt.Fprint(w, d.DeMinimis().WorksheetMarkdown())
	fmt.Fprint(w, "\n## Foreign direct product rules (15 CFR 734.9)\n\n| rule | outcome | why |\n|---|---|---|\n")
	for _, r := range d.FDP() {
		fmt.Fprintf(w, "| %s %s | %s | %s |\n", r.Citation, r.Title, r.OutcomeText(), strings.ReplaceAll(r.Why, "|", `\|`))
	}
	fmt.Fprintf(w, "\n## Determination\n\n- Subject to the EAR (15 CFR 734.3): **%s**\n", d.SubjectToEAR())
	for _, g := range d.Grounds() {
		fmt.Fprintf(w, "  - %s: %s\n", g.Citation, g.Title)
	}
	fmt.Fprintf(w, "- License required: **%s** (license exceptions not evaluated)\n", d.LicenseRequired())
	for _, r := range d.LicenseReasons() {
		fmt.Fprintf(w, "  - %s [%s]: %s\n", r.Answer, r.Citation, r.Why)
	}
	for _, m := range d.Missing() {
		fmt.Fprintf(w, "- Missing: `%s`: %s\n", m.Field, m.Why)
	}
	return nil
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
