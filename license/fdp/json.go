package fdp

import (
	"bytes"
	"encoding"
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"

	"github.com/earcheck/ear/internal/enum"
	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
	"github.com/earcheck/ear/product"
)

// SetFormat names the format of a rule-set document; ParseSet refuses any
// other.
const SetFormat = "earcheck FDP rule set, version 1"

// The words of the enumerations in a rule-set document.
var (
	itemTestNames   = [...]string{"", "any", "ns_controlled", "on_ccl", "categories", "listed", "9x515", "600_series"}
	originNames     = [...]string{"", "us_origin", "subject_to_ear"}
	prongKindNames  = [...]string{"", "destination", "incorporation", "footnote", "government", "end_use", "developer_hq", "party_hq"}
	basisWordsNames = basisNames
)

func textOf[T ~uint8](typ string, v T, names []string) ([]byte, error) {
	return enum.Text(typ, v, names, product.ErrInvalid)
}

func parseWord[T ~uint8](typ, s string, names []string) (T, error) {
	if v, ok := enum.Parse[T](s, names); ok {
		return v, nil
	}
	return 0, &product.EnumError{Type: typ, Input: s, Want: enum.Want(names)}
}

// MarshalText writes the test's word ("listed"); an invalid test is an
// error.
func (t ItemTest) MarshalText() ([]byte, error) { return textOf("item test", t, itemTestNames[:]) }

// UnmarshalText reads the test's word.
func (t *ItemTest) UnmarshalText(b []byte) error {
	v, err := parseWord[ItemTest]("item test", string(b), itemTestNames[:])
	*t = v
	return err
}

// MarshalText writes the origin's word ("us_origin", "subject_to_ear").
func (o InputOrigin) MarshalText() ([]byte, error) { return textOf("input origin", o, originNames[:]) }

// UnmarshalText reads the origin's word.
func (o *InputOrigin) UnmarshalText(b []byte) error {
	v, err := parseWord[InputOrigin]("input origin", string(b), originNames[:])
	*o = v
	return err
}

// MarshalText writes the prong's word ("destination", "footnote", ...).
func (k ProngKind) MarshalText() ([]byte, error) { return textOf("prong kind", k, prongKindNames[:]) }

// UnmarshalText reads the prong's word.
func (k *ProngKind) UnmarshalText(b []byte) error {
	v, err := parseWord[ProngKind]("prong kind", string(b), prongKindNames[:])
	*k = v
	return err
}

// MarshalText writes the basis's word ("read", "reported", "reading").
func (b Basis) MarshalText() ([]byte, error) { return textOf("basis", b, basisWordsNames[:]) }

// UnmarshalText reads the basis's word.
func (b *Basis) UnmarshalText(t []byte) error {
	v, err := parseWord[Basis]("basis", string(t), basisWordsNames[:])
	*b = v
	return err
}

// MarshalText writes the pattern as ParsePattern reads it.
func (p Pattern) MarshalText() ([]byte, error) { return []byte(p.render()), nil }

// UnmarshalText reads the pattern with ParsePattern.
func (p *Pattern) UnmarshalText(b []byte) error {
	v, err := ParsePattern(string(b))
	if err != nil {
		return fmt.Errorf("%w: %v", product.ErrInvalid, err)
	}
	*p = v
	return nil
}

// MarshalText writes the place: "RU", "UA/crimea", with " from DATE" and
// " until DATE" when it is in the set only for a span.
func (p Place) MarshalText() ([]byte, error) {
	s := p.String()
	if p.From.IsValid() {
		s += " from " + p.From.String()
	}
	if p.Until.IsValid() {
		s += " until " + p.Until.String()
	}
	return []byte(s), nil
}

// UnmarshalText reads what MarshalText writes.
func (p *Place) UnmarshalText(b []byte) error {
	f := strings.Fields(string(b))
	if len(f) == 0 || len(f)%2 == 0 {
		return fmt.Errorf("%w: want a destination (\"RU\", \"UA/crimea\") then \"from DATE\" and or \"until DATE\", got %q", product.ErrInvalid, b)
	}
	country, region, _ := strings.Cut(f[0], "/")
	d, err := jurisdiction.ParseDestination(country, region)
	if err != nil {
		return err
	}
	v := Place{Country: d.Country, Region: d.Region}
	for i := 1; i < len(f); i += 2 {
		day, err := jurisdiction.ParseDate(f[i+1])
		switch {
		case err != nil:
			return err
		case f[i] == "from" && !v.From.IsValid():
			v.From = day
		case f[i] == "until" && !v.Until.IsValid():
			v.Until = day
		default:
			return fmt.Errorf("%w: %q: want \"from DATE\" and or \"until DATE\" once each", product.ErrInvalid, b)
		}
	}
	*p = v
	return nil
}

// The document's shape: the Rule's fields in snake case, the
// enumerations as words, patterns and places as text.
type (
	setDoc struct {
		Format       string    `json:"format"`
		Title        string    `json:"title,omitempty"`
		Hypothetical bool      `json:"hypothetical,omitempty"`
		Note         string    `json:"note,omitempty"`
		Rules        []ruleDoc `json:"rules"`
	}
	ruleDoc struct {
		Citation        Citation          `json:"citation"`
		Title           string            `json:"title"`
		Effective       jurisdiction.Date `json:"effective"`
		Compliance      jurisdiction.Date `json:"compliance,omitzero"`
		Until           jurisdiction.Date `json:"until,omitzero"`
		Predecessor     Citation          `json:"predecessor,omitzero"`
		PredecessorFrom jurisdiction.Date `json:"predecessor_from,omitzero"`
		PredecessorSame bool              `json:"predecessor_same,omitempty"`
		Product         productDoc        `json:"product"`
		Reach           []prongDoc        `json:"reach"`
		Affiliates      bool              `json:"affiliates,omitempty"`
		Enforced        *readingDoc       `json:"enforced,omitempty"`
		License         *licenseDoc       `json:"license,omitempty"`
		Exclusions      []exclusionDoc    `json:"exclusions,omitempty"`
		Provenance      []sourceDoc       `json:"provenance"`
	}
	productDoc struct {
		Item       itemDoc   `json:"item"`
		Direct     *inputDoc `json:"direct,omitempty"`
		Plant      *inputDoc `json:"plant,omitempty"`
		ContainsIC bool      `json:"contains_ic,omitempty"`
		PlantIs    []Pattern `json:"plant_is,omitempty"`
	}
	itemDoc struct {
		Test             ItemTest  `json:"test"`
		Patterns         []Pattern `json:"patterns,omitempty"`
		MinCategory      int       `json:"min_category,omitempty"`
		MaxCategory      int       `json:"max_category,omitempty"`
		ExceptCategories []int     `json:"except_categories,omitempty"`
		Supp7            bool      `json:"supp7,omitempty"`
		Elsewhere        bool      `json:"elsewhere,omitempty"`
	}
	inputDoc struct {
		Origin           InputOrigin `json:"origin"`
		Patterns         []Pattern   `json:"patterns,omitempty"`
		AnyDE            bool        `json:"any_de,omitempty"`
		MinCategory      int         `json:"min_category,omitempty"`
		MaxCategory      int         `json:"max_category,omitempty"`
		ExceptCategories []int       `json:"except_categories,omitempty"`
		Series600        bool        `json:"series600,omitempty"`
		WrittenAssurance bool        `json:"written_assurance,omitempty"`
	}
	prongDoc struct {
		Kind       ProngKind            `json:"kind"`
		Where      *placesDoc           `json:"where,omitempty"`
		Footnote   int                  `json:"footnote,omitempty"`
		Government jurisdiction.Country `json:"government,omitzero"`
		EndUse     EndUse               `json:"end_use,omitzero"`
	}
	placesDoc struct {
		Anywhere     bool                 `json:"anywhere,omitempty"`
		Places       []Place              `json:"places,omitempty"`
		Groups       []jurisdiction.Group `json:"groups,omitempty"`
		ExceptGroups []jurisdiction.Group `json:"except_groups,omitempty"`
		Except       []Place              `json:"except,omitempty"`
	}
	readingDoc struct {
		Absent  bool        `json:"absent,omitempty"`
		Product *productDoc `json:"product,omitempty"`
		Reach   []prongDoc  `json:"reach,omitempty"`
		Note    string      `json:"note"`
	}
	licenseDoc struct {
		Citation        Citation `json:"citation"`
		What            string   `json:"what"`
		NotFromPartners bool     `json:"not_from_partners,omitempty"`
	}
	exclusionDoc struct {
		Citation           Citation   `json:"citation"`
		Lifts              []Citation `json:"lifts"`
		ExporterIn         placesDoc  `json:"exporter_in"`
		NotHeadquarteredIn *placesDoc `json:"not_headquartered_in,omitempty"`
		DeMinimis          Citation   `json:"de_minimis,omitzero"`
		What               string     `json:"what"`
	}
	sourceDoc struct {
		Basis Basis  `json:"basis"`
		Ref   string `json:"ref,omitempty"`
		Note  string `json:"note,omitempty"`
	}
)

// MarshalJSON writes the set as a rule-set document (SetFormat), the
// vocabulary ParseSet reads: a caller starts from fdp.Default's document
// to write a proposal.
func (s Set) MarshalJSON() ([]byte, error) {
	doc := setDoc{Format: SetFormat}
	for _, r := range s.rules {
		doc.Rules = append(doc.Rules, ruleToDoc(r))
	}
	return json.Marshal(doc)
}

// ParseSet reads a rule-set document and returns the checked Set (NewSet's
// checks: citation within 734.9, dates, scopes, provenance). Decoding is
// strict: an unknown or repeated member, a value of the wrong type, a word,
// group, country, date, citation or ECCN pattern that does not parse is a
// *product.FieldError naming the member's path ("rules[2].reach[0].where.
// groups[1]"); a rule NewSet refuses is one at "rules[i]".
func ParseSet(data []byte) (Set, error) {
	if !wire.Valid(data) {
		var v json.RawMessage
		err := json.Unmarshal(data, &v)
		return Set{}, &product.FieldError{Err: &wire.MalformedError{Msg: "malformed JSON: " + errText(err), Err: err}}
	}
	var doc setDoc
	if err := strictDecode(data, reflect.ValueOf(&doc).Elem()); err != nil {
		return Set{}, err
	}
	if doc.Format != SetFormat {
		return Set{}, &product.FieldError{Field: "format", Err: fmt.Errorf("%w: want %q", product.ErrInvalid, SetFormat)}
	}
	if len(doc.Rules) == 0 {
		return Set{}, &product.FieldError{Field: "rules", Err: fmt.Errorf("%w: a rule set needs at least one rule", product.ErrMissing)}
	}
	rules := make([]Rule, len(doc.Rules))
	for i, rd := range doc.Rules {
		rules[i] = docToRule(rd)
		if _, err := NewSet(rules[i]); err != nil {
			return Set{}, product.NewFieldError(fmt.Sprintf("rules[%d]", i), fmt.Errorf("%w: %v", product.ErrInvalid, err))
		}
	}
	s, err := NewSet(rules...)
	if err != nil {
		return Set{}, product.NewFieldError("rules", fmt.Errorf("%w: %v", product.ErrInvalid, err))
	}
	return s, nil
}

func errText(err error) string {
	if err == nil {
		return "not one JSON value"
	}
	return err.Error()
}

// strictDecode decodes raw into v (a struct, slice, pointer, bool, int,
// string or encoding.TextUnmarshaler) member by member, refusing unknown
// and repeated members, and naming the path of the first problem.
func strictDecode(raw []byte, v reflect.Value) error {
	if wire.IsNull(raw) {
		return nil
	}
	if v.CanAddr() {
		if u, ok := v.Addr().Interface().(encoding.TextUnmarshaler); ok {
			var s string
			if err := wire.DecodeString(raw, &s); err != nil {
				return err
			}
			return u.UnmarshalText([]byte(s))
		}
	}
	switch v.Kind() {
	case reflect.Pointer:
		n := reflect.New(v.Type().Elem())
		if err := strictDecode(raw, n.Elem()); err != nil {
			return err
		}
		v.Set(n)
		return nil
	case reflect.Struct:
		if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '{' {
			return wire.Malformed("want a JSON object, got %s", wire.Describe(raw))
		}
		fields := map[string]int{}
		for i := range v.NumField() {
			name, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("json"), ",")
			fields[name] = i
		}
		return wire.Object(raw, product.NewFieldError, func(k string, m []byte) error {
			i, ok := fields[k]
			if !ok {
				return product.ErrUnknownField
			}
			return strictDecode(m, v.Field(i))
		})
	case reflect.Slice:
		if t := bytes.TrimSpace(raw); len(t) == 0 || t[0] != '[' {
			return wire.Malformed("want a JSON array, got %s", wire.Describe(raw))
		}
		return wire.EachElement(raw, func(n int) { v.Set(reflect.MakeSlice(v.Type(), n, n)) }, func(i int, e []byte) error {
			if err := strictDecode(e, v.Index(i)); err != nil {
				return product.NewFieldError(fmt.Sprintf("[%d]", i), err)
			}
			return nil
		})
	case reflect.Bool:
		var b bool
		if err := wire.DecodeBool(raw, &b); err != nil {
			return err
		}
		v.SetBool(b)
		return nil
	case reflect.String:
		var s string
		if err := wire.DecodeString(raw, &s); err != nil {
			return err
		}
		v.SetString(s)
		return nil
	case reflect.Int:
		var n int
		if err := wire.Unmarshal(raw, &n); err != nil {
			return err
		}
		v.SetInt(int64(n))
		return nil
	}
	return errors.New("fdp: no decoder for " + v.Type().String())
}

func ruleToDoc(r Rule) ruleDoc {
	d := ruleDoc{Citation: r.Citation, Title: r.Title, Effective: r.Effective, Compliance: r.Compliance, Until: r.Until,
		Predecessor: r.Predecessor, PredecessorFrom: r.PredecessorFrom, PredecessorSame: r.PredecessorSame,
		Product: productToDoc(r.Product), Reach: reachToDoc(r.Reach), Affiliates: r.Affiliates}
	if e := r.Enforced; e != nil {
		rd := &readingDoc{Absent: e.Absent, Reach: reachToDoc(e.Reach), Note: e.Note}
		if e.Product.Item.Test != 0 {
			p := productToDoc(e.Product)
			rd.Product = &p
		}
		d.Enforced = rd
	}
	if l := r.License; l != nil {
		d.License = &licenseDoc{Citation: l.Citation, What: l.What, NotFromPartners: l.NotFromPartners}
	}
	for _, x := range r.Exclusions {
		xd := exclusionDoc{Citation: x.Citation, Lifts: x.Lifts, ExporterIn: placesToDoc(x.ExporterIn), DeMinimis: x.DeMinimis, What: x.What}
		if !x.NotHeadquarteredIn.empty() {
			h := placesToDoc(x.NotHeadquarteredIn)
			xd.NotHeadquarteredIn = &h
		}
		d.Exclusions = append(d.Exclusions, xd)
	}
	for _, s := range r.Provenance {
		d.Provenance = append(d.Provenance, sourceDoc(s))
	}
	return d
}

func productToDoc(p ProductScope) productDoc {
	d := productDoc{Item: itemDoc{Test: p.Item.Test, Patterns: p.Item.Patterns, MinCategory: p.Item.MinCategory, MaxCategory: p.Item.MaxCategory,
		ExceptCategories: p.Item.ExceptCategories, Supp7: p.Item.Supp7, Elsewhere: p.Item.Elsewhere}, ContainsIC: p.ContainsIC, PlantIs: p.PlantIs}
	d.Direct, d.Plant = inputToDoc(p.Direct), inputToDoc(p.Plant)
	return d
}

func inputToDoc(in *InputScope) *inputDoc {
	if in == nil {
		return nil
	}
	return &inputDoc{Origin: in.Origin, Patterns: in.Patterns, AnyDE: in.AnyDE, MinCategory: in.MinCategory, MaxCategory: in.MaxCategory,
		ExceptCategories: in.ExceptCategories, Series600: in.Series600, WrittenAssurance: in.WrittenAssurance}
}

func reachToDoc(ps []Prong) []prongDoc {
	var out []prongDoc
	for _, p := range ps {
		d := prongDoc{Kind: p.Kind, Footnote: p.Footnote, Government: p.Government, EndUse: p.EndUse}
		if w := p.Where; w.Anywhere || len(w.Places)+len(w.Groups)+len(w.Except)+len(w.ExceptGroups) > 0 {
			pd := placesToDoc(w)
			d.Where = &pd
		}
		out = append(out, d)
	}
	return out
}

func docToRule(d ruleDoc) Rule {
	r := Rule{Citation: d.Citation, Title: d.Title, Effective: d.Effective, Compliance: d.Compliance, Until: d.Until,
		Predecessor: d.Predecessor, PredecessorFrom: d.PredecessorFrom, PredecessorSame: d.PredecessorSame,
		Product: docToProduct(d.Product), Reach: docToReach(d.Reach), Affiliates: d.Affiliates}
	if e := d.Enforced; e != nil {
		rd := &Reading{Absent: e.Absent, Reach: docToReach(e.Reach), Note: e.Note}
		if e.Product != nil {
			rd.Product = docToProduct(*e.Product)
		}
		r.Enforced = rd
	}
	if l := d.License; l != nil {
		r.License = &License{Citation: l.Citation, What: l.What, NotFromPartners: l.NotFromPartners}
	}
	for _, xd := range d.Exclusions {
		x := Exclusion{Citation: xd.Citation, Lifts: xd.Lifts, ExporterIn: docToPlaces(xd.ExporterIn), DeMinimis: xd.DeMinimis, What: xd.What}
		if xd.NotHeadquarteredIn != nil {
			x.NotHeadquarteredIn = docToPlaces(*xd.NotHeadquarteredIn)
		}
		r.Exclusions = append(r.Exclusions, x)
	}
	for _, s := range d.Provenance {
		r.Provenance = append(r.Provenance, Source(s))
	}
	return r
}

func docToProduct(d productDoc) ProductScope {
	p := ProductScope{Item: ItemScope{Test: d.Item.Test, Patterns: d.Item.Patterns, MinCategory: d.Item.MinCategory, MaxCategory: d.Item.MaxCategory,
		ExceptCategories: d.Item.ExceptCategories, Supp7: d.Item.Supp7, Elsewhere: d.Item.Elsewhere}, ContainsIC: d.ContainsIC, PlantIs: d.PlantIs}
	p.Direct, p.Plant = docToInput(d.Direct), docToInput(d.Plant)
	return p
}

func docToInput(d *inputDoc) *InputScope {
	if d == nil {
		return nil
	}
	return &InputScope{Origin: d.Origin, Patterns: d.Patterns, AnyDE: d.AnyDE, MinCategory: d.MinCategory, MaxCategory: d.MaxCategory,
		ExceptCategories: d.ExceptCategories, Series600: d.Series600, WrittenAssurance: d.WrittenAssurance}
}

func docToReach(ds []prongDoc) []Prong {
	var out []Prong
	for _, d := range ds {
		p := Prong{Kind: d.Kind, Footnote: d.Footnote, Government: d.Government, EndUse: d.EndUse}
		if w := d.Where; w != nil {
			p.Where = docToPlaces(*w)
		}
		out = append(out, p)
	}
	return out
}

func placesToDoc(w Places) placesDoc {
	return placesDoc{Anywhere: w.Anywhere, Places: w.Places, Groups: w.Groups, ExceptGroups: w.ExceptGroups, Except: w.Except}
}

func docToPlaces(d placesDoc) Places {
	return Places{Anywhere: d.Anywhere, Places: d.Places, Groups: d.Groups, ExceptGroups: d.ExceptGroups, Except: d.Except}
}
