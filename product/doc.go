// Package product is part of the ear SDK.
package product
