package main

import (
	"bytes"
	"strings"
	"testing"
)

func TestOrders(t *testing.T) {
	var b bytes.Buffer
	if err := run(&b, 600, 8); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.Contains(out, "600 order lines decided by 8 workers") {
		t.Fatalf("no summary:\n%s", out)
	}
	// Every sixth order goes to Russia (746.8) and to Iran (746.7): those
	// with more than the de minimis level of US content are subject and
	// licensable; to Germany a 3A001.a.7 FPGA is not controlled content.
	if !strings.Contains(out, "subject yes") || !strings.Contains(out, "subject no") {
		t.Fatalf("want both outcomes:\n%s", out)
	}
	if err := run(&b, 0, 1); err == nil {
		t.Fatal("n = 0 must be an error")
	}
}
