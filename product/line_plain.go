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
		// "key":
		if i >= len(data) || data[i] != '"' {
			return Line{}, 0, false
		}
		k := i + 1
		for k < len(data) && data[k] != '"' && data[k] != '\\' {
			k++
		}
		if k+1 >= len(data) || data[k] != '"' || data[k+1] != ':' {
			return Line{}, 0, false
		}
		key := data[i+1 : k]
		i = k + 2
		// The value: an object for "value", a plain string otherwise.
		var bit int
		var body []byte
		if string(key) == "value" {
			end := i
			if end >= len(data) || data[end] != '{' {
				return Line{}, 0, false
			}
			for end < len(data) && data[end] != '}' {
				end++
			}
			if end >= len(data) {
				return Line{}, 0, false
			}
			m, ok := plainMoney(data[i : end+1])
			if !ok {
				return Line{}, 0, false
			}
			bit, v.Value, i = plainValue, m, end+1
		} else {
			end := i + 1
			for end < len(data) && data[end] != '"' {
				end++
			}
			if i >= len(data) || data[i] != '"' || end >= len(data) {
				return Line{}, 0, false
			}
			raw := data[i : end+1]
			b, ok := wire.PlainBody(raw)
			if !ok {
				return Line{}, 0, false
			}
			body, i = b, end+1
			var err error
			// The text of body: a substring of text when there is one.
			str := func() string {
				if text == "" {
					return string(body)
				}
				return text[i-1-len(body) : i-1]
			}
			switch string(key) {
			case "id":
				bit, v.ID = plainID, str()
			case "description":
				bit, v.Description = plainDescription, str()
			case "eccn":
				bit = plainECCN
				v.ECCN, err = ParseECCN(str())
			case "origin":
				bit = plainOrigin
				v.Origin, err = ParseOrigin(string(body))
			case "quantity":
				bit = plainQuantity
				v.Quantity, err = ParseQuantity(string(body))
			case "relation":
				bit = plainRelation
				v.Relation, err = ParseRelation(string(body))
			default:
				return Line{}, 0, false
			}
			if err != nil {
				return Line{}, 0, false
			}
		}
		if seen&bit != 0 {
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
