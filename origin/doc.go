// Package origin will hold the computations on where an item's content and
// technology come from: US-origin content shares for de minimis (15 CFR
// 734.4 and Supplement No. 2 to part 734), currency conversion at stated
// rates, and the direct-product lineage the foreign direct product rules
// read (15 CFR 734.9). It sits between product (the facts as the caller
// states them) and license (the rules), and is empty until those rules are
// built.
package origin
