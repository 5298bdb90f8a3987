// Package wire reads JSON the way the wire format of the ear packages reads
// every object: strictly, member by member in document order, a repeated
// member an error. It knows nothing of the types it decodes; its errors are
// of two kinds, *DuplicateError and *MalformedError, which the packages that
// use it turn into their field errors.
package wire

import (
	"bytes"
	"encoding"
	"encoding/json"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"unicode/utf8"
)

// DuplicateError reports an object member given twice.
type DuplicateError struct {
	Key string // the member's name, as written (unquoted)
}

// Error implements the error interface.
func (e *DuplicateError) Error() string { return "member given twice" }

// MalformedError reports JSON that is not what the wire format allows at
// that place: a syntax error, a truncated document, trailing data, or a
// value of the wrong JSON type.
type MalformedError struct {
	Msg string // what is wrong, the whole message
	Err error  // the underlying error of encoding/json, if any
}

// Error implements the error interface.
func (e *MalformedError) Error() string {
	if e.Msg == "" && e.Err != nil {
		return e.Err.Error()
	}
	return e.Msg
}

// Unwrap returns the underlying error of encoding/json, if any.
func (e *MalformedError) Unwrap() error { return e.Err }

// Malformed returns a *MalformedError with the message of format.
func Malformed(format string, args ...any) *MalformedError {
	return &MalformedError{Msg: fmt.Sprintf(format, args...)}
}

// MemberName returns a JSON object member's name as it appears in a field
// path: as is when it is a plain name (ASCII letters, digits and
// underscores, as every name of the wire format is), otherwise quoted as a
// JSON string, so that an empty name reads `item.""` and a name with a dot
// or bracket is not mistaken for a deeper path (`item."a.b"`).
func MemberName(key string) string {
	plain := key != ""
	for i := 0; i < len(key) && plain; i++ {
		c := key[i]
		plain = c == '_' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
	}
	if plain {
		return key
	}
	return strconv.Quote(key)
}

// JoinPath places the path sub under path: "item" and "value.amount" give
// "item.value.amount", "item" and "[2]" give "item[2]", and an empty sub
// or path leaves the other one.
func JoinPath(path, sub string) string {
	switch {
	case sub == "":
		return path
	case path == "":
		return sub
	case strings.HasPrefix(sub, "["):
		return path + sub
	}
	return path + "." + sub
}

// IsNull reports whether raw is the JSON literal null (after white space).
func IsNull(raw []byte) bool { return string(bytes.TrimSpace(raw)) == "null" }

// EachMember reads the JSON object in data member by member in document
// order, calling member with each key and raw value and returning the
// first error member returns, as it returned it. A key given twice is a
// *DuplicateError, reported when the second one is reached, so that an
// earlier problem wins. Anything but exactly one JSON object is a
// *MalformedError (a syntax error, "want a JSON object", trailing data).
// The values are passed as they are written; member decodes and validates
// them.
func EachMember(data []byte, member func(key string, raw []byte) error) error {
	return eachMember(nil, data, member)
}

// EachMember is the package's EachMember on data, a value of the document
// d: the ends of the objects and arrays among its members are read from d,
// not found by scanning them. Data that is not part of d (or a nil d) is
// scanned.
func (d *Doc) EachMember(data []byte, member func(key string, raw []byte) error) error {
	return eachMember(d, data, member)
}

func eachMember(d *Doc, data []byte, member func(key string, raw []byte) error) error {
	// The common case, a well-formed object, is split by scanObject in one
	// pass; anything it does not accept goes through encoding/json's
	// Decoder, which reports the syntax error.
	var buf [16]objectMember
	if ms, ok := scanObject(d, data, buf[:0]); ok {
		var seen keySet
		for i, m := range ms {
			// The wire format's objects have a handful of members: a
			// repeated key is looked for among the earlier ones, and
			// through a set only in a large object.
			if len(ms) <= 32 && slices.ContainsFunc(ms[:i], func(p objectMember) bool { return p.key == m.key }) ||
				len(ms) > 32 && !seen.add(m.key) {
				return &DuplicateError{Key: m.key}
			}
			if err := member(m.key, m.raw); err != nil {
				return err
			}
		}
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	tok, err := dec.Token()
	if err != nil {
		return syntaxError(err)
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return Malformed("want a JSON object, got %s", Describe(data))
	}
	var seen keySet
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return syntaxError(err)
		}
		key, _ := tok.(string)
		var raw json.RawMessage
		if err := dec.Decode(&raw); err != nil {
			return syntaxError(err)
		}
		if !seen.add(key) {
			return &DuplicateError{Key: key}
		}
		if err := member(key, raw); err != nil {
			return err
		}
	}
	if _, err := dec.Token(); err != nil { // the closing '}'
		return syntaxError(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		if err != nil {
			return syntaxError(err)
		}
		return Malformed("trailing data after the JSON object")
	}
	return nil
}

// syntaxError wraps an error of encoding/json's Decoder; the end of the
// input inside the object is io.ErrUnexpectedEOF.
func syntaxError(err error) error {
	if err == io.EOF {
		err = io.ErrUnexpectedEOF
	}
	return &MalformedError{Msg: "malformed JSON: " + err.Error(), Err: err}
}

// keySet records the keys of one object: a short list searched in order
// (the wire format's objects have a handful of members), a map once it
// grows, so that an object of a million members is not quadratic.
type keySet struct {
	list []string
	m    map[string]struct{}
}

// add records key and reports whether it was new.
func (s *keySet) add(key string) bool {
	if s.m != nil {
		if _, dup := s.m[key]; dup {
			return false
		}
		s.m[key] = struct{}{}
		return true
	}
	if slices.Contains(s.list, key) {
		return false
	}
	s.list = append(s.list, key)
	if len(s.list) > 32 {
		s.m = make(map[string]struct{}, 2*len(s.list))
		for _, k := range s.list {
			s.m[k] = struct{}{}
		}
	}
	return true
}

// objectMember is one member of a JSON object: its key and raw value.
type objectMember struct {
	key string
	raw []byte
}

// scanObject splits the JSON object in data into its members, appending
// them to ms. It reports false for anything but an object of the plain
// shape, leaving the error to encoding/json: the values are delimited, not
// validated (their decoders validate them).
func scanObject(d *Doc, data []byte, ms []objectMember) ([]objectMember, bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '{' {
		return nil, false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == '}' {
		return ms, skipSpace(data, i+1) == len(data)
	}
	for {
		if i >= len(data) || data[i] != '"' {
			return nil, false
		}
		end, ok := scanString(data, i)
		if !ok {
			return nil, false
		}
		key, ok := unquoteKey(data[i:end])
		if !ok {
			return nil, false
		}
		i = skipSpace(data, end)
		if i >= len(data) || data[i] != ':' {
			return nil, false
		}
		i = skipSpace(data, i+1)
		vend, ok := scanValue(d, data, i)
		if !ok {
			return nil, false
		}
		ms = append(ms, objectMember{key: key, raw: data[i:vend]})
		i = skipSpace(data, vend)
		if i >= len(data) {
			return nil, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case '}':
			return ms, skipSpace(data, i+1) == len(data)
		default:
			return nil, false
		}
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// scanString returns the index just past the JSON string starting at
// data[i] (a quote).
func scanString(data []byte, i int) (int, bool) {
	for i++; i < len(data); i++ {
		switch c := data[i]; {
		case c == '"':
			return i + 1, true
		case c == '\\':
			i++
		case c < 0x20:
			return 0, false
		}
	}
	return 0, false
}

// scanValue returns the index just past the JSON value starting at
// data[i]: a string, an object or array (brackets balanced, strings
// skipped), or a literal or number (up to the next delimiter).
func scanValue(d *Doc, data []byte, i int) (int, bool) {
	if i >= len(data) {
		return 0, false
	}
	switch data[i] {
	case '"':
		return scanString(data, i)
	case '{', '[':
		if end, ok := d.end(data, i); ok {
			return end, true
		}
		depth := 0
		for i < len(data) {
			switch data[i] {
			case '"':
				end, ok := scanString(data, i)
				if !ok {
					return 0, false
				}
				i = end
				continue
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1, true
				}
			}
			i++
		}
		return 0, false
	case ',', '}', ']', ':':
		return 0, false
	}
	start := i
	for i < len(data) {
		switch data[i] {
		case ',', '}', ']', ' ', '\t', '\n', '\r':
			return i, i > start
		}
		i++
	}
	return i, i > start
}

// unquoteKey returns the text of a quoted JSON key: directly when it has no
// escape and is valid UTF-8, else through encoding/json.
func unquoteKey(q []byte) (string, bool) {
	body := q[1 : len(q)-1]
	// A short ASCII key without escape (every key of the wire format) is
	// checked and hashed in one pass.
	if len(body) <= maxCachedKey {
		h := uint32(2166136261) // FNV-1a
		plain := true
		for _, c := range body {
			if c == '\\' || c >= utf8.RuneSelf {
				plain = false
				break
			}
			h = (h ^ uint32(c)) * 16777619
		}
		if plain {
			return internHashed(body, h), true
		}
	}
	if bytes.IndexByte(body, '\\') < 0 && utf8.Valid(body) {
		return internKey(body), true
	}
	var s string
	if err := json.Unmarshal(q, &s); err != nil {
		return "", false
	}
	return s, true
}

// keyCache holds the keys met lately, so that the same few names of the
// wire format, read again in every object of every request, are not
// allocated each time: a slot per hash of the key, each holding the last
// key of that hash. Slots are replaced, never locked; a key not found is
// simply allocated.
var keyCache [1024]atomic.Pointer[string]

// maxCachedKey bounds the keys kept in keyCache.
const maxCachedKey = 40

// internKey returns the key whose text is body: the cached string when the
// slot of its hash holds it, else a new one (which the slot then holds).
func internKey(body []byte) string {
	if len(body) > maxCachedKey {
		return string(body)
	}
	h := uint32(2166136261) // FNV-1a
	for _, c := range body {
		h = (h ^ uint32(c)) * 16777619
	}
	return internHashed(body, h)
}

// internHashed is internKey for a key of at most maxCachedKey bytes whose
// FNV-1a hash is h.
func internHashed(body []byte, h uint32) string {
	slot := &keyCache[h%uint32(len(keyCache))]
	if p := slot.Load(); p != nil && *p == string(body) {
		return *p
	}
	k := string(body)
	slot.Store(&k)
	return k
}

// DecodeString decodes a JSON string into *s; null leaves *s unchanged.
// Any other JSON value is a *MalformedError ("want a JSON string, got a
// number").
func DecodeString(raw []byte, s *string) error {
	if IsNull(raw) {
		return nil
	}
	r := bytes.TrimSpace(raw)
	if len(r) == 0 || r[0] != '"' {
		return Malformed("want a JSON string, got %s", Describe(raw))
	}
	// A plain string (no escape, no control character, valid UTF-8) is its
	// own text; the rest go through encoding/json.
	if plainString(r) {
		*s = string(r[1 : len(r)-1])
		return nil
	}
	// Through a variable of its own, so that s does not escape: the
	// callers' strings stay on their stacks.
	var t string
	if err := json.Unmarshal(raw, &t); err != nil {
		return &MalformedError{Msg: "malformed JSON string: " + err.Error(), Err: err}
	}
	*s = t
	return nil
}

// ValueEnd returns the index just past the JSON value that starts at
// data[i], found by delimiting it (strings skipped, brackets balanced),
// not by checking it: data is taken to be valid JSON (the caller checked
// it, or decodes the value with a decoder that checks it).
func ValueEnd(data []byte, i int) (int, bool) { return scanValue(nil, data, i) }

// PlainBody returns the text of raw when raw is exactly one plain JSON
// string (no white space around it, no escape, no control character,
// valid UTF-8): the bytes between the quotes, which are then its text.
// Anything else is not ok (decode it with DecodeString).
func PlainBody(raw []byte) ([]byte, bool) {
	if !plainString(raw) {
		return nil, false
	}
	return raw[1 : len(raw)-1], true
}

// plainString reports whether r is one JSON string, quotes included, whose
// text is its body: no escape, no control character, valid UTF-8.
func plainString(r []byte) bool {
	if len(r) < 2 || r[0] != '"' || r[len(r)-1] != '"' {
		return false
	}
	body := r[1 : len(r)-1]
	ascii := true
	for _, c := range body {
		if c < 0x20 || c == '"' || c == '\\' {
			return false
		}
		if c >= utf8.RuneSelf {
			ascii = false
		}
	}
	return ascii || utf8.Valid(body)
}

// Describe names the kind of JSON value in raw, for error messages: "an
// object", "an array", "a string", "a boolean", "null", "a number",
// "nothing" or "text that is not JSON".
func Describe(raw []byte) string {
	r := bytes.TrimSpace(raw)
	if len(r) == 0 {
		return "nothing"
	}
	switch r[0] {
	case '{':
		return "an object"
	case '[':
		return "an array"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "a number"
	}
	return "text that is not JSON"
}

// Unmarshal is json.Unmarshal with its errors in the words of the wire
// format: a value of the wrong JSON type or malformed JSON is a
// *MalformedError ("want a JSON string, got a number") that wraps the error
// of encoding/json. Errors of a value's own UnmarshalJSON are returned as
// they are.
func Unmarshal(raw []byte, v any) error {
	err := json.Unmarshal(raw, v)
	switch e := err.(type) {
	case nil:
		return nil
	case *json.UnmarshalTypeError:
		got := e.Value
		if i := strings.IndexByte(got, ' '); i >= 0 {
			got = got[:i] // "number 1.5": the kind only
		}
		return &MalformedError{Msg: fmt.Sprintf("want %s, got a JSON %s", wantOf(e), got), Err: err}
	case *json.SyntaxError:
		return &MalformedError{Msg: "malformed JSON: " + e.Error(), Err: err}
	}
	return err
}

// textUnmarshaler is the type of encoding.TextUnmarshaler, which a JSON
// string decodes into.
var textUnmarshaler = reflect.TypeFor[encoding.TextUnmarshaler]()

// wantOf names the JSON type that the Go type of e wants.
func wantOf(e *json.UnmarshalTypeError) string {
	if e.Type == nil {
		return "another JSON type"
	}
	if reflect.PointerTo(e.Type).Implements(textUnmarshaler) {
		return "a JSON string"
	}
	switch e.Type.Kind() {
	case reflect.String:
		return "a JSON string"
	case reflect.Bool:
		return "true or false"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return "a whole JSON number"
	case reflect.Slice, reflect.Array:
		return "a JSON array"
	case reflect.Map, reflect.Struct:
		return "a JSON object"
	}
	return "another JSON type"
}

// WithKind returns err joined with the sentinel kind: its message is err's,
// and both errors.Is(e, kind) and errors.As on err's own type see through
// it. An err that is nil stays nil.
func WithKind(kind, err error) error {
	if err == nil {
		return nil
	}
	return &kinded{kind: kind, err: err}
}

// kinded is the error of WithKind.
type kinded struct{ kind, err error }

func (e *kinded) Error() string   { return e.err.Error() }
func (e *kinded) Unwrap() []error { return []error{e.err, e.kind} }

// Object is EachMember with every error placed by place, the caller's
// field error constructor: a member's error under the member's name
// (MemberName), a repeated member's *DuplicateError under its name, and a
// problem of the object as a whole (a *MalformedError) under the empty
// path, which the caller's caller places under the object's own.
func Object[E error](data []byte, place func(path string, err error) E, member func(key string, raw []byte) error) error {
	return ObjectIn(nil, data, place, member)
}

// ObjectIn is Object on data, a value of the document d (see
// Doc.EachMember).
func ObjectIn[E error](d *Doc, data []byte, place func(path string, err error) E, member func(key string, raw []byte) error) error {
	err := eachMember(d, data, func(key string, raw []byte) error {
		if err := member(key, raw); err != nil {
			return place(MemberName(key), err)
		}
		return nil
	})
	switch e := err.(type) {
	case nil:
		return nil
	case *DuplicateError:
		return place(MemberName(e.Key), e)
	case *MalformedError:
		return place("", e)
	}
	return err
}

// maxDepth is encoding/json's bound on nesting: an array or object nested
// deeper is a syntax error there, and so is it here.
const maxDepth = 10000

// Valid reports whether data is one JSON value, white space around it
// allowed, exactly as json.Valid does (strings may hold bytes that are
// not UTF-8; nesting is bounded as encoding/json bounds it), in one pass
// without allocating for documents nested up to 64 levels. It never
// accepts what json.Valid rejects; on false, encoding/json names the
// problem.
func Valid(data []byte) bool {
	var stack [64]byte
	v := validator{data: data, stack: stack[:0]}
	i, ok := v.value(skipSpace(data, 0))
	return ok && skipSpace(data, i) == len(data)
}

// Doc is a JSON document checked once, as Valid checks it, with the start
// and end of each of its objects and arrays recorded: the decoders of its
// values (Doc.EachMember, Doc.EachElement, ObjectIn) find where a nested
// object or array ends without scanning it again, so that a document is
// read about once per level less. A Doc is immutable.
type Doc struct {
	data []byte
	// spans are the offsets of each container's opening bracket and just
	// past its closing one, in order of start.
	spans [][2]int32
}

// NewDoc checks data as Valid does and, when it is valid, returns it as a
// Doc. Data of 2 GiB or more is checked but gets no Doc.
func NewDoc(data []byte) (*Doc, bool) {
	if len(data) >= 1<<31-1 {
		return nil, Valid(data)
	}
	var stack [64]byte
	var open [64]int32
	v := validator{data: data, stack: stack[:0], record: true, open: open[:0], spans: make([][2]int32, 0, 16)}
	i, ok := v.value(skipSpace(data, 0))
	if !ok || skipSpace(data, i) != len(data) {
		return nil, false
	}
	return &Doc{data: data, spans: v.spans}, true
}

// end returns the end in raw (just past the closing bracket) of the
// object or array that starts at raw[i], when raw is part of d's document
// (a slice of it, as the decoders pass values on); false otherwise, or
// for a nil d.
func (d *Doc) end(raw []byte, i int) (int, bool) {
	if d == nil || i >= len(raw) {
		return 0, false
	}
	// A slice of the document starts cap(data)-cap(raw) bytes into it; the
	// addresses tell whether raw is one.
	off := cap(d.data) - cap(raw)
	if off < 0 || off >= len(d.data) || &d.data[off] != &raw[0] {
		return 0, false
	}
	at := int32(off + i)
	k, found := slices.BinarySearchFunc(d.spans, at, func(s [2]int32, t int32) int { return int(s[0] - t) })
	if !found {
		return 0, false
	}
	end := int(d.spans[k][1]) - off
	if end > len(raw) {
		return 0, false
	}
	return end, true
}

// validator checks the JSON grammar; stack holds the open containers.
// With record, the spans of the containers are kept (open holds the index
// in spans of each open one).
type validator struct {
	data   []byte
	stack  []byte
	record bool
	open   []int32
	spans  [][2]int32
}

// value checks the value at data[i] and returns the index just past it.
// Containers are walked without recursion.
func (v *validator) value(i int) (int, bool) {
	data := v.data
	for {
		// A value starts at i.
		if i >= len(data) {
			return 0, false
		}
		switch c := data[i]; c {
		case '{', '[':
			if len(v.stack) >= maxDepth {
				return 0, false
			}
			v.stack = append(v.stack, c)
			if v.record {
				v.open = append(v.open, int32(len(v.spans)))
				v.spans = append(v.spans, [2]int32{int32(i), 0})
			}
			i = skipSpace(data, i+1)
			if i < len(data) && (c == '[' && data[i] == ']' || c == '{' && data[i] == '}') {
				v.stack = v.stack[:len(v.stack)-1]
				i++
				if v.record {
					v.spans[v.open[len(v.open)-1]][1] = int32(i)
					v.open = v.open[:len(v.open)-1]
				}
				break
			}
			if c == '{' {
				var ok bool
				if i, ok = v.key(i); !ok {
					return 0, false
				}
			}
			continue
		case '"':
			end, ok := validString(data, i)
			if !ok {
				return 0, false
			}
			i = end
		case 't':
			if !bytes.HasPrefix(data[i:], []byte("true")) {
				return 0, false
			}
			i += 4
		case 'f':
			if !bytes.HasPrefix(data[i:], []byte("false")) {
				return 0, false
			}
			i += 5
		case 'n':
			if !bytes.HasPrefix(data[i:], []byte("null")) {
				return 0, false
			}
			i += 4
		default:
			end, ok := validNumber(data, i)
			if !ok {
				return 0, false
			}
			i = end
		}
		// A value ended at i: close containers, or go on to the next
		// element or member.
		for {
			if len(v.stack) == 0 {
				return i, true
			}
			i = skipSpace(data, i)
			if i >= len(data) {
				return 0, false
			}
			top := v.stack[len(v.stack)-1]
			c := data[i]
			if c == ',' {
				i = skipSpace(data, i+1)
				if top == '{' {
					var ok bool
					if i, ok = v.key(i); !ok {
						return 0, false
					}
				}
				break
			}
			if top == '{' && c == '}' || top == '[' && c == ']' {
				v.stack = v.stack[:len(v.stack)-1]
				i++
				if v.record {
					v.spans[v.open[len(v.open)-1]][1] = int32(i)
					v.open = v.open[:len(v.open)-1]
				}
				continue
			}
			return 0, false
		}
	}
}

// key checks `"key" :` at data[i] and returns the index of the value.
func (v *validator) key(i int) (int, bool) {
	data := v.data
	if i >= len(data) || data[i] != '"' {
		return 0, false
	}
	end, ok := validString(data, i)
	if !ok {
		return 0, false
	}
	i = skipSpace(data, end)
	if i >= len(data) || data[i] != ':' {
		return 0, false
	}
	return skipSpace(data, i+1), true
}

// validString returns the index just past the JSON string at data[i] (a
// quote), checking its escapes; bytes that are not UTF-8 are allowed, as
// encoding/json allows them.
func validString(data []byte, i int) (int, bool) {
	for i++; i < len(data); i++ {
		if stringByte[data[i]] {
			continue
		}
		switch c := data[i]; {
		case c == '"':
			return i + 1, true
		case c == '\\':
			i++
			if i >= len(data) {
				return 0, false
			}
			switch data[i] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
			case 'u':
				if i+4 >= len(data) {
					return 0, false
				}
				for _, h := range data[i+1 : i+5] {
					if !('0' <= h && h <= '9' || 'a' <= h && h <= 'f' || 'A' <= h && h <= 'F') {
						return 0, false
					}
				}
				i += 4
			default:
				return 0, false
			}
		case c < 0x20:
			return 0, false
		}
	}
	return 0, false
}

// validNumber returns the index just past the JSON number at data[i]:
// -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func validNumber(data []byte, i int) (int, bool) {
	digits := func(i int) int {
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
		return i
	}
	if i < len(data) && data[i] == '-' {
		i++
	}
	switch {
	case i >= len(data):
		return 0, false
	case data[i] == '0':
		i++
	case '1' <= data[i] && data[i] <= '9':
		i = digits(i + 1)
	default:
		return 0, false
	}
	if i < len(data) && data[i] == '.' {
		j := digits(i + 1)
		if j == i+1 {
			return 0, false
		}
		i = j
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		j := digits(i)
		if j == i {
			return 0, false
		}
		i = j
	}
	return i, true
}

// EachElement reads the JSON array in data element by element in order,
// calling elem with each index and raw value (as written, without the
// white space around it) and returning the first error elem returns, as
// it returned it. Anything but exactly one JSON array is a
// *MalformedError, as Unmarshal into a []json.RawMessage gives it. Like
// EachMember it delimits the values without validating them: elem's
// decoder validates each. Before the first element, start (if not nil)
// is told how many there are.
func EachElement(data []byte, start func(n int), elem func(i int, raw []byte) error) error {
	return eachElement(nil, data, start, elem)
}

// EachElement is the package's EachElement on data, a value of the
// document d (see Doc.EachMember).
func (d *Doc) EachElement(data []byte, start func(n int), elem func(i int, raw []byte) error) error {
	return eachElement(d, data, start, elem)
}

func eachElement(d *Doc, data []byte, start func(n int), elem func(i int, raw []byte) error) error {
	var buf [64][2]int
	if spans, ok := scanArray(d, data, buf[:0]); ok {
		if start != nil {
			start(len(spans))
		}
		for k, sp := range spans {
			if err := elem(k, data[sp[0]:sp[1]]); err != nil {
				return err
			}
		}
		return nil
	}
	var raws []json.RawMessage
	if err := Unmarshal(data, &raws); err != nil {
		return err
	}
	if start != nil {
		start(len(raws))
	}
	for k, r := range raws {
		if err := elem(k, r); err != nil {
			return err
		}
	}
	return nil
}

// scanArray appends the start and end of each element of the JSON array
// in data to spans, and reports false for anything but an array of the
// plain shape (the values are delimited, not validated).
func scanArray(d *Doc, data []byte, spans [][2]int) ([][2]int, bool) {
	i := skipSpace(data, 0)
	if i >= len(data) || data[i] != '[' {
		return nil, false
	}
	i = skipSpace(data, i+1)
	if i < len(data) && data[i] == ']' {
		return spans, skipSpace(data, i+1) == len(data)
	}
	for {
		end, ok := scanValue(d, data, i)
		if !ok {
			return nil, false
		}
		spans = append(spans, [2]int{i, end})
		i = skipSpace(data, end)
		if i >= len(data) {
			return nil, false
		}
		switch data[i] {
		case ',':
			i = skipSpace(data, i+1)
		case ']':
			return spans, skipSpace(data, i+1) == len(data)
		default:
			return nil, false
		}
	}
}

// stringByte marks the bytes a JSON string holds as they are: all but
// '"', '\\' and the control bytes below 0x20.
var stringByte = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// plainByte marks the bytes AppendString writes as they are: ASCII from
// 0x20 up, except '"', '\\', '<', '>' and '&'.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// DecodeBool decodes JSON true or false into *b; null leaves *b
// unchanged. Any other value is the *MalformedError Unmarshal gives ("want
// true or false, got a JSON string").
func DecodeBool(raw []byte, b *bool) error {
	switch string(raw) {
	case "true":
		*b = true
		return nil
	case "false":
		*b = false
		return nil
	case "null":
		return nil
	}
	return Unmarshal(raw, b)
}

// AppendString appends s as a JSON string, escaped byte for byte as
// json.Marshal escapes it: '"' and '\\' with a backslash, \b \f \n \r \t
// by name, other control characters and the HTML characters <, > and &
// as \u00XX, U+2028 and U+2029 as \u2028 and \u2029, and each byte that
// is not UTF-8 as \ufffd.
func AppendString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		// Runs of bytes written as they are, four at a time.
		for i+4 <= len(s) && plainByte[s[i]] && plainByte[s[i+1]] && plainByte[s[i+2]] && plainByte[s[i+3]] {
			i += 4
		}
		for i < len(s) && plainByte[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		if c := s[i]; c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
