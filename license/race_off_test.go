//go:build !race

package license

// raceEnabled: the race detector slows the property tests several times.
const raceEnabled = false
