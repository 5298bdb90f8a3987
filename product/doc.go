// Package product answers "what" for the EAR: the classification of an
// item and the item and its bill of materials as the caller states them.
//
// # Classifications
//
// ECCN is an Export Control Classification Number with its paragraph path
// ("3B001.f.1.b.2"), or EAR99. It is a small comparable value: ParseECCN
// refuses malformed text with an *ECCNError naming the offset; Covers tells
// whether one ECCN describes every item another does (3B001 covers
// 3B001.f.1); Kind, Is600Series, Is9x515, IsY and IsZ report what the CCL's
// conventions say. The zero ECCN means "not classified", which is not
// EAR99.
//
// # Items and bills of materials
//
// Item and Line are the wire format's item and components[]: origin (us,
// foreign, foreign_subject_to_ear, unknown), Money (an exact amount and an
// ISO 4217 Currency; no floats, no exponents, never decimal's package
// settings), Quantity, Relation (incorporated, bundled, commingled), the
// caller's own license determination, the 740.17 encryption status, the HTS
// code, and the direct-product Lineage of the item and of the plant that
// made it (absent is unknown, [] is none). Item.Validate reports every
// problem as a *FieldError named by its wire-format path, joined.
//
// # The Commerce Control List
//
// The CCL itself (its entries, reasons for control and License Requirements
// rows) is package product/ccl, which builds on the ECCN of this package.
//
// The package imports only jurisdiction; the rules that read these facts
// are in license.
package product
