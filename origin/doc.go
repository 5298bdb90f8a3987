// Package origin computes with where an item's content comes from: the
// exchange rates of one date that bring a bill of materials into the item's
// currency (Rates, direct or inverse, a missing rate an error naming the
// line), and exact numbers for the de minimis arithmetic of 15 CFR 734.4
// and Supplement No. 2 to part 734.
//
// Nothing here rounds a figure that a decision reads. Exact stays a decimal
// while sums and products stay decimal and becomes a rational only after a
// division (an inverse rate); ExceedsExact decides "controlled content
// exceeds the level" by cross-multiplication (controlled x 100 > level x
// value), strictly; DecimalText and Percent write figures for people,
// exactly when the expansion terminates and rounded half-even to
// DisplayPlaces otherwise, and say which.
//
// Every exported function is total: a nil rational, a zero or negative
// whole, or a decimal whose exponent is out of range (beyond ±10000 for
// Exact and RatOf, ±1000 for a rate, as product.NewMoney bounds amounts)
// gives an error naming the field, or a documented "no result" ("", false
// for text, false for Exceeds, an Exact that is not valid), never a panic
// or an unbounded computation.
//
// The package sits between product (the facts as the caller states them)
// and license (the rules), and never touches decimal's package settings:
// it neither sets them nor reads them (its text is built from a decimal's
// coefficient and exponent, not with String, and it never calls Div).
package origin
