package product

import "github.com/earcheck/ear/internal/wire"

// The members plainLine reads, one bit each, to find a member given twice.
const (
	plainID = 1 << iota
	plainDescription
	plainECCN
	plainOrigin
	plainValue
	plainQuantity
	plainRelation
)

// plainLine reads a components[] entry of the form the SDK writes and most
// requests carry, in one pass without the general decoder's member list:
// an object with no white space whose members are among id, description,
// eccn, origin, value (the plain money form, see plainMoney), quantity and
// relation, each given once, each a string without escapes (value an
// object). Anything else (another member, white space, an escape, null, a
// value a parser rejects) is not ok and goes through the general decoder,
// which accepts or rejects it as it always has, with its own error: what
// plainLine accepts, the general decoder accepts as the same Line.
//
// text, when not empty, is data as a string (a part of a larger string
// the caller made once): the line's id, description and ECCN are then
// substrings of it, not copies of their own.
func plainLine(data []byte, text string) (Line, bool) {
	v, end, ok := plainLineAt(data, 0, text)
	return v, ok && end == len(data)
}

// plainLineAt is plainLine on the object that starts at data[i], which
// returns the index just past it; text, when not empty, is all of data as
// a string.
func plainLineAt(data []byte, i int, text string) (Line, int, bool) {
	if i >= len(data) || data[i] != '{' {
		return Line{}, 0, false
	}
	var v Line
	seen := 0
	i++
	for {
		key, at, ok := plainKeyAt(data, i)
		if !ok {
			return Line{}, 0, false
		}
		var bit int
		var err error
		if string(key) == "value" {
			bit = plainValue
			v.Value, i, ok = plainMoneyAt(data, at)
		} else {
			var body []byte
			body, i, ok = plainStringAt(data, at)
			switch {
			case !ok:
			case string(key) == "id":
				bit, v.ID = plainID, substring(text, data, at, i)
			case string(key) == "description":
				bit, v.Description = plainDescription, substring(text, data, at, i)
			case string(key) == "eccn":
				bit = plainECCN
				v.ECCN, err = ParseECCN(substring(text, data, at, i))
			case string(key) == "origin":
				bit = plainOrigin
				v.Origin, err = ParseOrigin(string(body))
			case string(key) == "quantity":
				bit = plainQuantity
				v.Quantity, err = ParseQuantity(string(body))
			case string(key) == "relation":
				bit = plainRelation
				v.Relation, err = ParseRelation(string(body))
			default:
				ok = false
			}
		}
		if !ok || err != nil || seen&bit != 0 {
			return Line{}, 0, false
		}
		seen |= bit
		// , or the end.
		switch {
		case i < len(data) && data[i] == ',':
			i++
		case i < len(data) && data[i] == '}':
			return v.WithDefaultQuantity(), i + 1, true
		default:
			return Line{}, 0, false
		}
	}
}

// plainKeyAt reads `"key":` at data[i], a key without escapes, and returns
// the key and the index of its value.
func plainKeyAt(data []byte, i int) ([]byte, int, bool) {
	if i >= len(data) || data[i] != '"' {
		return nil, 0, false
	}
	k := i + 1
	for k < len(data) && data[k] != '"' && data[k] != '\\' {
		k++
	}
	if k+2 >= len(data) || data[k] != '"' || data[k+1] != ':' {
		return nil, 0, false
	}
	return data[i+1 : k], k + 2, true
}

// plainStringAt reads the plain JSON string at data[i] (see
// wire.PlainBody) and returns its text and the index just past it.
func plainStringAt(data []byte, i int) ([]byte, int, bool) {
	if i >= len(data) || data[i] != '"' {
		return nil, 0, false
	}
	end := i + 1
	for end < len(data) && data[end] != '"' {
		end++
	}
	if end >= len(data) {
		return nil, 0, false
	}
	body, ok := wire.PlainBody(data[i : end+1])
	return body, end + 1, ok
}

// plainMoneyAt reads the plain money object at data[i] (see plainMoney)
// and returns it and the index just past it.
func plainMoneyAt(data []byte, i int) (Money, int, bool) {
	if i >= len(data) || data[i] != '{' {
		return Money{}, 0, false
	}
	end := i
	for end < len(data) && data[end] != '}' {
		end++
	}
	if end >= len(data) {
		return Money{}, 0, false
	}
	m, ok := plainMoney(data[i : end+1])
	return m, end + 1, ok
}

// substring returns the text of the plain string data[at:end] (quotes
// included): a substring of text, when text is all of data as a string,
// else a copy.
func substring(text string, data []byte, at, end int) string {
	if text == "" {
		return string(data[at+1 : end-1])
	}
	return text[at+1 : end-1]
}
