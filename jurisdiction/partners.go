package jurisdiction

import "slices"

// CitationPartnerCountries is the supplement that lists the countries
// excluded from certain license requirements of 746.7 and 746.8 (the
// "partner countries": those that adopted substantially similar export
// controls on Russia and Belarus).
const CitationPartnerCountries = "Supp. No. 3 to part 746"

// partnerCountries are the countries of Supplement No. 3 to part 746: the
// 27 member states of the European Union, Australia, Canada, Iceland, Japan,
// South Korea, Liechtenstein, New Zealand, Norway, Switzerland, Taiwan and
// the United Kingdom. Source: the supplement as summarized in the FDP fact
// sheet (reference/fdp.md, section 4, tagged "known, verify") and the de
// minimis fact sheet (section 2.2, Jan-2025 text). Reading: the list is
// taken as in force for every date from 2024-01-01 (license applies the
// carve-outs from then only: the supplement's membership grew during 2022
// on dates not recorded);
// the supplement's "Scope" column limits are not modeled, so a caller whose
// carve-out depends on them must check the supplement.
var partnerCountries = []string{
	"AT", "AU", "BE", "BG", "CA", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
	"GB", "GR", "HR", "HU", "IE", "IS", "IT", "JP", "KR", "LI", "LT", "LU", "LV", "MT",
	"NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SI", "SK", "TW",
}

// IsPartnerCountry reports whether c is listed in Supplement No. 3 to part
// 746 (CitationPartnerCountries). Several license requirements for Russia,
// Belarus and Iran do not apply to items exported or reexported from these
// countries: the test is on the country the item is shipped from, not where
// it was made.
func IsPartnerCountry(c Country) bool {
	return c.IsValid() && slices.Contains(partnerCountries, c.String())
}

// PartnerCountries returns the countries of Supplement No. 3 to part 746,
// in code order. The caller owns the returned slice.
func PartnerCountries() []Country {
	out := make([]Country, 0, len(partnerCountries))
	for _, s := range partnerCountries {
		out = append(out, MustParseCountry(s))
	}
	return out
}
