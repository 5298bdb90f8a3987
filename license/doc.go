// Package license is part of the ear SDK.
package license
