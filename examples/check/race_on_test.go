//go:build race

package main

// raceEnabled: the race detector slows the load test tenfold.
const raceEnabled = true
