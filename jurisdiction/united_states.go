package jurisdiction

import "strings"

// CitationUnitedStates is the definition of the United States in the EAR.
const CitationUnitedStates = "15 CFR 772.1"

// usParts are the places 15 CFR 772.1 counts as the United States besides
// the States and the District of Columbia ("Puerto Rico, and all
// territories, dependencies, and possessions of the United States"), by
// their ISO 3166-1 codes, as read in the text of 772.1 (2020-2024 copies).
var usParts = map[string]string{
	"US": "the United States",
	"PR": "Puerto Rico",
	"GU": "Guam",
	"VI": "the U.S. Virgin Islands",
	"AS": "American Samoa",
	"MP": "the Northern Mariana Islands",
	"UM": "the U.S. Minor Outlying Islands",
}

// InUnitedStates reports whether an ISO 3166-1 code (any case) names the
// United States or a place 15 CFR 772.1 counts as part of it (Puerto
// Rico, Guam, the U.S. Virgin Islands, American Samoa, the Northern Mariana
// Islands, the Minor Outlying Islands), with the place's name. Shipping
// there is not an export or reexport.
func InUnitedStates(code string) (name string, ok bool) {
	name, ok = usParts[strings.ToUpper(code)]
	return name, ok
}
