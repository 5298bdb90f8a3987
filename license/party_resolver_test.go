package license_test

import (
	"github.com/earcheck/ear/license"
	"github.com/earcheck/ear/license/csl"
)

// The resolvers of package csl are PartyResolvers.
var (
	_ license.PartyResolver = (*csl.Index)(nil)
	_ license.PartyResolver = csl.ScreeningFunc(nil)
)
