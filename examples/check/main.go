// Command check reads a determination request in the JSON wire format of
// the ear SDK and writes the response.
//
// Usage:
//
//	check [FILE]          one request from FILE (or standard input); one response
//	check -jsonl [FILE]   one request per line; one response per line, in order
//	check -csl CSL.json   resolve parties that declare no Entity List footnote
//	                      through an index of a Consolidated Screening List file
//	      [-csl-date D]   the day that file was downloaded (YYYY-MM-DD): an as_of
//	                      before it, or over 30 days after, is warned of
//
// A malformed request gets {"error": {"code": "...", "field": "...",
// "message": "..."}} and exit status 2; with -jsonl the error object is
// written on its line and the batch goes on (exit status 2 at the end if any
// line failed). A line longer than -max-line bytes (default 4 MiB) is read
// to its end and answered with the code too_large.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/csl"
	"github.com/earcheck/ear/product"
)

func main() {
	jsonl := flag.Bool("jsonl", false, "read one request per line and write one response per line")
	cslPath := flag.String("csl", "", "Consolidated Screening List bulk JSON file to resolve parties' designations")
	cslDate := flag.String("csl-date", "", "the day the -csl file was downloaded (YYYY-MM-DD)")
	flag.Int64Var(&maxLine, "max-line", defaultMaxLine, "with -jsonl, the longest line in bytes; a longer one is answered with a too_large error")
	flag.Usage = func() {
		fmt.Fprintln(flag.CommandLine.Output(), "usage: check [-jsonl [-max-line N]] [-csl CSL.json] [FILE]")
		flag.PrintDefaults()
	}
	flag.Parse()
	in := io.Reader(os.Stdin)
	if flag.NArg() > 1 || maxLine <= 0 || *cslDate != "" && *cslPath == "" {
		flag.Usage()
		os.Exit(64)
	}
	if flag.NArg() == 1 {
		f, err := os.Open(flag.Arg(0))
		if err != nil {
			fmt.Fprintln(os.Stderr, "check:", err)
			os.Exit(1)
		}
		defer f.Close()
		in = f
	}
	checker = license.NewChecker()
	if *cslPath != "" {
		f, err := os.Open(*cslPath)
		if err != nil {
			fmt.Fprintln(os.Stderr, "check:", err)
			os.Exit(1)
		}
		file, err := csl.Read(f)
		f.Close()
		if err != nil && len(file.Rows) == 0 {
			fmt.Fprintln(os.Stderr, "check: reading the CSL:", err)
			os.Exit(1)
		}
		if err != nil {
			fmt.Fprintln(os.Stderr, "check: some CSL rows were left out:", err)
		}
		index := csl.NewIndex(file.Rows)
		if *cslDate != "" {
			d, err := jurisdiction.ParseDate(*cslDate)
			if err != nil {
				fmt.Fprintln(os.Stderr, "check: -csl-date:", err)
				os.Exit(64)
			}
			index = index.WithListDate(d)
		}
		checker = license.NewChecker(license.WithPartyResolver(index))
	}
	out := bufio.NewWriterSize(os.Stdout, 64<<10)
	var status int
	if *jsonl {
		status = runLines(in, out)
	} else {
		status = runOne(in, out)
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintln(os.Stderr, "check:", err)
		os.Exit(1)
	}
	os.Exit(status)
}

// checker decides the requests; set once in main.
var checker *license.Checker

// errorObject is the wire format's error response: the stable code of
// product.FieldError.Code, the field's path and a human message.
type errorObject struct {
	Error struct {
		Code    string `json:"code"`
		Field   string `json:"field"`
		Message string `json:"message"`
	} `json:"error"`
}

// respBuf holds the response being written; reused from one response to
// the next (the requests are decided one at a time).
var respBuf []byte

// respond decides one request and writes one JSON line; it returns 2 for a
// malformed request, 0 otherwise.
func respond(w io.Writer, read func() (license.Request, error)) int {
	req, err := read()
	if err == nil {
		var det license.Determination
		det, err = checker.Check(context.Background(), req)
		if err == nil {
			// One buffer serves every response: respond runs one
			// request at a time, and w has copied the bytes when
			// Write returns.
			b, merr := det.AppendJSON(respBuf[:0])
			if merr != nil {
				err = merr
			} else {
				respBuf = append(b, '\n')
				w.Write(respBuf)
				return 0
			}
		}
	}
	fe, ok := errors.AsType[*product.FieldError](err)
	if !ok {
		fe = product.NewFieldError("", err)
	}
	writeError(w, fe.Code(), fe.Field, fe.Error())
	return 2
}

func runOne(in io.Reader, w io.Writer) int {
	return respond(w, func() (license.Request, error) { return license.DecodeRequest(in) })
}

// maxLine bounds one line of -jsonl; set once in main.
var maxLine int64 = defaultMaxLine

const defaultMaxLine = 4 << 20

// runLines streams requests: memory stays flat whatever the number of
// lines, since each line is decided and written before the next is read,
// and a line is held only up to maxLine bytes. A longer line is read to its
// end and answered with a too_large error object; the batch goes on.
func runLines(in io.Reader, w io.Writer) int {
	br := bufio.NewReaderSize(in, 64<<10)
	var buf []byte
	status := 0
	for n := 1; ; n++ {
		buf = buf[:0]
		tooLong := false
		var err error
		for {
			var frag []byte
			frag, err = br.ReadSlice('\n')
			// The limit is on the line without its ending (\n or
			// \r\n), checked once the line is read; hold at most that.
			if !tooLong && int64(len(buf)+len(frag))-2 > maxLine {
				tooLong, buf = true, buf[:0]
			}
			if !tooLong {
				buf = append(buf, frag...)
			}
			if err != bufio.ErrBufferFull {
				break
			}
		}
		if !tooLong && int64(len(bytes.TrimSuffix(bytes.TrimSuffix(buf, []byte("\n")), []byte("\r")))) > maxLine {
			tooLong, buf = true, buf[:0]
		}
		if err != nil && err != io.EOF {
			writeError(w, "malformed", "", "reading input: "+err.Error())
			return 2
		}
		line := bytes.TrimSpace(buf)
		switch {
		case tooLong:
			writeError(w, "too_large", "", fmt.Sprintf("ear: line %d is longer than %d bytes", n, maxLine))
			status = 2
		case len(line) > 0:
			if respond(w, func() (license.Request, error) { return license.DecodeRequest(bytes.NewReader(line)) }) != 0 {
				status = 2
			}
		}
		if err == io.EOF {
			return status
		}
	}
}

// writeError writes an error object on its own line.
func writeError(w io.Writer, code, field, msg string) {
	var e errorObject
	e.Error.Code, e.Error.Field, e.Error.Message = code, field, msg
	b, _ := json.Marshal(e)
	w.Write(b)
	io.WriteString(w, "\n")
}
