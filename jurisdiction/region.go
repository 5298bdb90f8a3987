package jurisdiction

import (
	"fmt"
	"strings"
)

// Region is a covered region of Ukraine under 15 CFR 746.6: the Crimea
// region and the so-called Donetsk People's Republic (DNR) and Luhansk
// People's Republic (LNR) regions. No ISO code identifies these areas (the
// DNR and LNR areas are smaller than the oblasts UA-14 and UA-09), so a
// destination in them must say so explicitly. The zero Region, RegionNone,
// means no covered region: the rest of the country.
type Region uint8

const (
	// RegionNone is no covered region.
	RegionNone Region = iota
	// RegionCrimea is the Crimea region of Ukraine (746.6(a)(1)).
	RegionCrimea
	// RegionDNR is the so-called Donetsk People's Republic region of Ukraine (746.6(a)(2)).
	RegionDNR
	// RegionLNR is the so-called Luhansk People's Republic region of Ukraine (746.6(a)(2)).
	RegionLNR
	numRegions = RegionLNR + 1 // one past the last region
)

var regionNames = [...]string{"", "crimea", "dnr", "lnr"}

// Regions returns the three covered regions (not RegionNone). The caller
// owns the returned slice.
func Regions() []Region { return []Region{RegionCrimea, RegionDNR, RegionLNR} }

// RegionError reports text that names no covered region.
type RegionError struct {
	Input string // the text that was parsed
}

// Error implements the error interface.
func (e *RegionError) Error() string {
	return fmt.Sprintf("jurisdiction: unknown region %q (want crimea, dnr or lnr)", e.Input)
}

// ParseRegion parses a region as the wire format writes it: "crimea",
// "dnr" or "lnr" (case-insensitive). Empty text is RegionNone. Anything else
// is a *RegionError.
func ParseRegion(s string) (Region, error) {
	if s == "" {
		return RegionNone, nil
	}
	l := strings.ToLower(s)
	for r := RegionCrimea; r < numRegions; r++ {
		if regionNames[r] == l {
			return r, nil
		}
	}
	return RegionNone, &RegionError{Input: s}
}

// IsValid reports whether r is RegionNone or one of the covered regions.
func (r Region) IsValid() bool { return r < numRegions }

// String returns "crimea", "dnr" or "lnr", and "" for RegionNone or an
// invalid Region.
func (r Region) String() string {
	if !r.IsValid() {
		return ""
	}
	return regionNames[r]
}

// Name returns the region's name as 746.6 writes it: "Crimea region of
// Ukraine", "so-called Donetsk People's Republic (DNR) region of Ukraine",
// "so-called Luhansk People's Republic (LNR) region of Ukraine"; "" for
// RegionNone.
func (r Region) Name() string {
	switch r {
	case RegionCrimea:
		return "Crimea region of Ukraine"
	case RegionDNR:
		return "so-called Donetsk People's Republic (DNR) region of Ukraine"
	case RegionLNR:
		return "so-called Luhansk People's Republic (LNR) region of Ukraine"
	}
	return ""
}

// Country returns the country the region belongs to (Ukraine), or the zero
// Country for RegionNone.
func (r Region) Country() Country {
	if r == RegionNone || !r.IsValid() {
		return Country{}
	}
	return Ukraine
}

// MarshalText implements encoding.TextMarshaler with String (RegionNone is
// the empty text). An invalid Region is an error.
func (r Region) MarshalText() ([]byte, error) {
	if !r.IsValid() {
		return nil, &RegionError{Input: fmt.Sprintf("Region(%d)", uint8(r))}
	}
	return []byte(r.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler with ParseRegion.
func (r *Region) UnmarshalText(b []byte) error {
	v, err := ParseRegion(string(b))
	if err != nil {
		return err
	}
	*r = v
	return nil
}

// Destination is where an item goes: a country and, for Ukraine, possibly
// one of the covered regions of 746.6. The zero Destination is invalid;
// build one with NewDestination or check it with Validate. Its JSON form is
// the wire format's {"country": "UA", "region": "crimea"}, the region left
// out when there is none; decoding does not validate, so call Validate.
type Destination struct {
	Country Country `json:"country"`
	Region  Region  `json:"region,omitzero"`
}

// DestinationError reports an invalid Destination, naming the field at
// fault in the wire format ("destination.country" or "destination.region").
type DestinationError struct {
	Field string // "destination.country" or "destination.region"
	Msg   string // what is wrong
	Err   error  // the underlying error, if any
}

// Error implements the error interface.
func (e *DestinationError) Error() string {
	return fmt.Sprintf("jurisdiction: %s: %s", e.Field, e.Msg)
}

// Unwrap returns the underlying error.
func (e *DestinationError) Unwrap() error { return e.Err }

// NewDestination returns the destination c with region r, or a
// *DestinationError if c is the zero Country or r is a covered region but c
// is not Ukraine.
func NewDestination(c Country, r Region) (Destination, error) {
	d := Destination{Country: c, Region: r}
	if err := d.Validate(); err != nil {
		return Destination{}, err
	}
	return d, nil
}

// ParseDestination parses a country code and a region as the wire format
// gives them ("UA", "crimea"); region may be empty. Errors are
// *DestinationError values wrapping the *CountryError or *RegionError.
func ParseDestination(country, region string) (Destination, error) {
	c, err := ParseCountry(country)
	if err != nil {
		return Destination{}, &DestinationError{Field: "destination.country", Msg: err.Error(), Err: err}
	}
	r, err := ParseRegion(region)
	if err != nil {
		return Destination{}, &DestinationError{Field: "destination.region", Msg: err.Error(), Err: err}
	}
	return NewDestination(c, r)
}

// Validate reports whether d is a valid destination: a valid Country, and a
// covered region only with Ukraine.
func (d Destination) Validate() error {
	if !d.Country.IsValid() {
		return &DestinationError{Field: "destination.country", Msg: "missing or invalid country"}
	}
	if !d.Region.IsValid() {
		return &DestinationError{Field: "destination.region", Msg: fmt.Sprintf("invalid region %d", uint8(d.Region))}
	}
	if d.Region != RegionNone && d.Country != Ukraine {
		return &DestinationError{Field: "destination.region", Msg: fmt.Sprintf("region %q is a region of Ukraine (UA), not of %s", d.Region, d.Country)}
	}
	return nil
}

// String returns the country code, followed by "/" and the region if there
// is one: "UA/crimea", "CN".
func (d Destination) String() string {
	if d.Region == RegionNone {
		return d.Country.String()
	}
	return d.Country.String() + "/" + d.Region.String()
}
