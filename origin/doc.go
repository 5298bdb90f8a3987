// Package origin is part of the ear SDK.
package origin
