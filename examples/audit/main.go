// Command audit writes, for auditors, the de minimis worksheet and the
// determination of one order line as Markdown.
//
// The order line is a request in the JSON wire format:
//
//	go run ./examples/audit -request request.json
//
// or a bill of materials in CSV with flags for the rest. The CSV has the
// header
//
//	id,description,eccn,origin,amount,currency,quantity,relation
//
// (eccn may be empty for an unclassified line, quantity empty for 1):
//
//	go run ./examples/audit -bom bom.csv -eccn 2B991 -value 100000.00 -currency USD \
//	    -produced-in JP -from JP -dest CN -as-of 2026-11-28 \
//	    -direct-product-of none -plant none -parties none -end-uses none -incorporations none
//
// The command never fills in a fact the caller did not give: a fact whose
// flag is left out is unknown, and the determination says what it leaves
// open. "none" states that there is none.
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
	"github.com/earcheck/ear/license/exception"
	"github.com/earcheck/ear/license/fdp"
	"github.com/earcheck/ear/product"
	"github.com/earcheck/ear/product/ccl"
)

// options are the command's flags.
type options struct {
	request                                                                string
	bom, eccn, kind, value, currency, producedIn, from, dest, region, asOf string
	id                                                                     string
	directProductOf, plant, parties, endUses, incorporations               string
}

func main() {
	var o options
	flag.StringVar(&o.request, "request", "", "a request in the JSON wire format (- for standard input); the other flags are then not used")
	flag.StringVar(&o.bom, "bom", "", "bill of materials CSV file; without it the bill of materials is unknown")
	flag.StringVar(&o.id, "id", "item", "item identifier")
	flag.StringVar(&o.eccn, "eccn", "", "the item's ECCN or EAR99")
	flag.StringVar(&o.kind, "kind", "", "commodity, software or technology (when the ECCN does not say)")
	flag.StringVar(&o.value, "value", "", "the item's value (required)")
	flag.StringVar(&o.currency, "currency", "USD", "the item's currency")
	flag.StringVar(&o.producedIn, "produced-in", "", "country where the item was made (required)")
	flag.StringVar(&o.from, "from", "", "country the item is exported from; unknown when left out")
	flag.StringVar(&o.dest, "dest", "", "destination country (required)")
	flag.StringVar(&o.region, "region", "", "crimea, dnr or lnr (with -dest UA)")
	flag.StringVar(&o.asOf, "as-of", "", "evaluation date YYYY-MM-DD (default: today, UTC)")
	flag.StringVar(&o.directProductOf, "direct-product-of", "", `what the item is a direct product of: "none", or ECCN:origin[,...] ("3E001:us"); unknown when left out`)
	flag.StringVar(&o.plant, "plant", "", `what the producing plant is a direct product of: "none", or ECCN:origin[,...]; unknown when left out`)
	flag.StringVar(&o.parties, "parties", "", `"none", or a JSON array of parties in the wire format; unknown when left out`)
	flag.StringVar(&o.endUses, "end-uses", "", `"none", or end uses, each use[@country] ("supercomputer@CN"); unknown when left out`)
	flag.StringVar(&o.incorporations, "incorporations", "", `"none", or a JSON array of incorporations in the wire format; unknown when left out`)
	flag.Parse()
	if err := run(os.Stdout, os.Stdin, o); err != nil {
		fmt.Fprintln(os.Stderr, "audit:", err)
		os.Exit(2)
	}
}

func run(w io.Writer, stdin io.Reader, o options) error {
	req, err := request(stdin, o)
	if err != nil {
		return err
	}
	d, err := license.Check(req)
	if err != nil {
		return err
	}
	report(w, req, d)
	return nil
}

// request builds the request from -request, or from the CSV and the flags.
func request(stdin io.Reader, o options) (license.Request, error) {
	if o.request != "" {
		r := stdin
		if o.request != "-" {
			f, err := os.Open(o.request)
			if err != nil {
				return license.Request{}, err
			}
			defer f.Close()
			r = f
		}
		return license.DecodeRequest(r)
	}
	if o.value == "" || o.producedIn == "" || o.dest == "" {
		return license.Request{}, errors.New("-value, -produced-in and -dest are required (or -request)")
	}
	it := product.Item{ID: o.id}
	var err error
	if o.bom != "" {
		f, err := os.Open(o.bom)
		if err != nil {
			return license.Request{}, err
		}
		defer f.Close()
		if it.Components, err = readBOM(f); err != nil {
			return license.Request{}, err
		}
	}
	if o.eccn != "" {
		if it.ECCN, err = product.ParseECCN(o.eccn); err != nil {
			return license.Request{}, err
		}
	}
	if o.kind != "" {
		if it.Kind, err = product.ParseKind(o.kind); err != nil {
			return license.Request{}, err
		}
	}
	if it.Value, err = product.ParseMoney(o.value, o.currency); err != nil {
		return license.Request{}, err
	}
	if it.ProducedIn, err = jurisdiction.ParseCountry(o.producedIn); err != nil {
		return license.Request{}, err
	}
	if it.DirectProductOf, err = lineage("-direct-product-of", o.directProductOf); err != nil {
		return license.Request{}, err
	}
	if it.Plant, err = lineage("-plant", o.plant); err != nil {
		return license.Request{}, err
	}
	req := license.Request{Item: it}
	if o.from != "" {
		if req.ExportedFrom, err = jurisdiction.ParseCountry(o.from); err != nil {
			return license.Request{}, err
		}
	}
	if req.Destination, err = jurisdiction.ParseDestination(o.dest, o.region); err != nil {
		return license.Request{}, err
	}
	if o.asOf == "" {
		// The library never defaults the date; the command takes today's.
		req.AsOf = jurisdiction.DateOf(time.Now().UTC())
	} else if req.AsOf, err = jurisdiction.ParseDate(o.asOf); err != nil {
		return license.Request{}, err
	}
	switch o.parties {
	case "":
	case "none":
		req.Parties = license.NoParties()
	default:
		if err := req.Parties.UnmarshalJSON([]byte(o.parties)); err != nil {
			return license.Request{}, fmt.Errorf("-parties: %w", err)
		}
	}
	switch o.endUses {
	case "":
	case "none":
		req.EndUses = license.NoEndUses()
	default:
		var fs []license.EndUseFact
		for _, s := range strings.Split(o.endUses, ",") {
			use, where, _ := strings.Cut(strings.TrimSpace(s), "@")
			var f license.EndUseFact
			if f.Use, err = fdp.ParseEndUse(use); err != nil {
				return license.Request{}, fmt.Errorf("-end-uses: %w", err)
			}
			if where != "" {
				if f.LocatedIn, err = jurisdiction.ParseCountry(where); err != nil {
					return license.Request{}, fmt.Errorf("-end-uses: %w", err)
				}
			}
			fs = append(fs, f)
		}
		req.EndUses = license.EndUsesOf(fs...)
	}
	switch o.incorporations {
	case "":
	case "none":
		req.Incorporations = license.NoIncorporations()
	default:
		if err := req.Incorporations.UnmarshalJSON([]byte(o.incorporations)); err != nil {
			return license.Request{}, fmt.Errorf("-incorporations: %w", err)
		}
	}
	return req, nil
}

// lineage reads "none" or "ECCN:origin[,...]"; "" is unknown.
func lineage(flagName, s string) (product.Lineage, error) {
	switch s {
	case "":
		return product.Lineage{}, nil
	case "none":
		return product.NoLineage(), nil
	}
	var ds []product.DirectProduct
	for _, e := range strings.Split(s, ",") {
		eccn, org, ok := strings.Cut(strings.TrimSpace(e), ":")
		if !ok {
			return product.Lineage{}, fmt.Errorf("%s: want ECCN:origin, got %q", flagName, e)
		}
		var d product.DirectProduct
		var err error
		if d.ECCN, err = product.ParseECCN(eccn); err != nil {
			return product.Lineage{}, fmt.Errorf("%s: %w", flagName, err)
		}
		if d.Origin, err = product.ParseOrigin(org); err != nil {
			return product.Lineage{}, fmt.Errorf("%s: %w", flagName, err)
		}
		ds = append(ds, d)
	}
	return product.LineageOf(ds...), nil
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
	lines := []product.Line{}
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

// report writes the Markdown report. Text the caller supplied is escaped
// (md), so that no id or description can add a section of its own.
func report(w io.Writer, req license.Request, d license.Determination) {
	it := req.Item
	fmt.Fprintf(w, "# Export determination: %s (%s) to %s, as of %s\n\n", md(it.ID), orDash(it.ECCN.String()), req.Destination, d.AsOf())
	fmt.Fprintf(w, "Made in %s, exported from %s. Data: country tables eCFR %s, CCL eCFR %s.\n\n",
		it.ProducedIn, orDash(req.ExportedFrom.String()), jurisdiction.TablesECFRDate, ccl.ECFRDate)
	fmt.Fprintf(w, "Facts as stated: bill of materials %s; direct product of %s; plant %s; parties %s; end uses %s; incorporations %s.\n\n",
		stated(it.Components != nil, len(it.Components)), stated(it.DirectProductOf.Known(), it.DirectProductOf.Len()),
		stated(it.Plant.Known(), it.Plant.Len()), stated(req.Parties.Known(), req.Parties.Len()),
		stated(req.EndUses.Known(), req.EndUses.Len()), stated(req.Incorporations.Known(), req.Incorporations.Len()))
	fmt.Fprint(w, d.DeMinimis().WorksheetMarkdown())
	fmt.Fprint(w, "\n## Foreign direct product rules (15 CFR 734.9)\n\n| rule | outcome | why |\n|---|---|---|\n")
	for _, r := range d.FDP() {
		fmt.Fprintf(w, "| %s %s | %s | %s |\n", r.Citation, r.Title, r.OutcomeText(), md(r.Why))
	}
	fmt.Fprintf(w, "\n## Determination\n\n- Subject to the EAR (15 CFR 734.3): **%s**\n", d.SubjectToEAR())
	for _, g := range d.Grounds() {
		fmt.Fprintf(w, "  - %s: %s\n", g.Citation, md(g.Title))
	}
	fmt.Fprintf(w, "- License required: **%s**\n", d.LicenseRequired())
	for _, r := range d.LicenseReasons() {
		fmt.Fprintf(w, "  - %s [%s]: %s\n", r.Answer, r.Citation, md(r.Why))
	}
	fmt.Fprintf(w, "- Covered by License Exceptions (15 CFR part 740): **%s**\n", d.CoveredByExceptions())
	for _, m := range d.Missing() {
		fmt.Fprintf(w, "- Missing: %s: %s\n", code(m.Field), md(m.Why))
	}
	if xs := d.Exceptions(); xs != nil {
		fmt.Fprint(w, "\n## License Exceptions (15 CFR part 740)\n\n", exception.ResultsMarkdown(xs))
	}
}

// stated describes a fact: "unknown", "none" or "N stated".
func stated(known bool, n int) string {
	switch {
	case !known:
		return "unknown"
	case n == 0:
		return "none"
	}
	return fmt.Sprintf("%d stated", n)
}

// md escapes text for a Markdown line: control characters as Go escapes,
// and the characters that make structure inside a line.
func md(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			q := fmt.Sprintf("%q", r)
			b.WriteString(q[1 : len(q)-1])
			continue
		case strings.ContainsRune("\\|`[]<>", r):
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// code writes a wire path as a Markdown code span: control characters as
// escapes, and no backtick that could end the span.
func code(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r < 0x20 || r == 0x7f:
			q := fmt.Sprintf("%q", r)
			b.WriteString(q[1 : len(q)-1])
		case r == '`':
			b.WriteByte('\'')
		default:
			b.WriteRune(r)
		}
	}
	return "`" + b.String() + "`"
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
