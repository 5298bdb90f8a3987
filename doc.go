// Package ear is an embeddable SDK that tells whether a foreign-made item is
// subject to the US Export Administration Regulations (EAR, 15 CFR parts
// 730-774) and whether a license is required to ship it.
package ear
