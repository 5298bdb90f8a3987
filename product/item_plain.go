package product

import (
	"github.com/earcheck/ear/internal/wire"
	"github.com/earcheck/ear/jurisdiction"
)

// The members plainItem reads, one bit each.
const (
	itemID = 1 << iota
	itemDescription
	itemECCN
	itemFor
	itemKind
	itemProducedIn
	itemValue
	itemComponents
	itemDirectProductOf
	itemPlant
	itemHTS
	itemFoodOrMedicine
	itemOneTimeReport
)

// plainItem reads an item object of the form the SDK writes, in one pass
// over its bytes: no white space between members, each member of the wire
// format given once, the texts without escapes, the value in the plain
// money form and the components in the plain line form (see plainLine).
// Its lineages, plant, food_or_medicine and one_time_report are delimited
// and given to their own decoders. Anything else is not ok and goes
// through the general decoder, which accepts or rejects it as it always
// has, with its own error: what plainItem accepts, the general decoder
// accepts as the same Item. The lines' texts are substrings of one copy
// of the item's text.
func plainItem(data []byte) (Item, bool) {
	if len(data) < 2 || data[len(data)-1] != '}' {
		return Item{}, false
	}
	v, end, ok := plainItemAt(data, 0, string(data))
	return v, ok && end == len(data)
}

// plainItemAt is plainItem on the object that starts at data[i], which
// returns the index just past it; text is all of data as a string.
func plainItemAt(data []byte, i int, text string) (Item, int, bool) {
	if i >= len(data) || data[i] != '{' {
		return Item{}, 0, false
	}
	var v Item
	seen := 0
	i++
	for {
		key, at, ok := plainKeyAt(data, i)
		if !ok || at >= len(data) {
			return Item{}, 0, false
		}
		var bit int
		var err error
		switch string(key) {
		case "value":
			bit = itemValue
			v.Value, i, ok = plainMoneyAt(data, at)
		case "components":
			bit = itemComponents
			ok = data[at] == '['
			if ok {
				v.Components, i, ok = plainLines(data, at, text)
			}
		case "direct_product_of", "plant", "food_or_medicine", "one_time_report":
			i, ok = wire.ValueEnd(data, at)
			if !ok {
				break
			}
			raw := data[at:i]
			switch string(key) {
			case "direct_product_of":
				bit, err = itemDirectProductOf, v.DirectProductOf.UnmarshalJSON(raw)
			case "plant":
				bit, err = itemPlant, decodePlant(raw, &v.Plant)
			case "food_or_medicine":
				bit, err = itemFoodOrMedicine, v.FoodOrMedicine.UnmarshalJSON(raw)
			default:
				bit, err = itemOneTimeReport, decodeOneTimeReport(raw, &v.OneTimeReport)
			}
		default:
			// A string member.
			var body []byte
			body, i, ok = plainStringAt(data, at)
			switch {
			case !ok:
			case string(key) == "id":
				bit, v.ID = itemID, substring(text, data, at, i)
			case string(key) == "description":
				bit, v.Description = itemDescription, substring(text, data, at, i)
			case string(key) == "eccn":
				bit = itemECCN
				v.ECCN, err = ParseECCN(substring(text, data, at, i))
			case string(key) == "for":
				bit = itemFor
				v.For, err = ParseECCN(substring(text, data, at, i))
			case string(key) == "kind":
				bit = itemKind
				v.Kind, err = ParseKind(string(body))
			case string(key) == "produced_in":
				bit = itemProducedIn
				v.ProducedIn, err = jurisdiction.ParseCountry(string(body))
			case string(key) == "hts":
				bit = itemHTS
				v.HTS, err = ParseHTS(string(body))
			default:
				ok = false
			}
		}
		if !ok || err != nil || seen&bit != 0 {
			return Item{}, 0, false
		}
		seen |= bit
		switch {
		case i < len(data) && data[i] == ',':
			i++
		case i < len(data) && data[i] == '}':
			return v, i + 1, true
		default:
			return Item{}, 0, false
		}
	}
}

// plainLines reads the array of plain lines that starts at data[i] (see
// plainLine), and returns the index just past it; text is all of data as
// a string.
func plainLines(data []byte, i int, text string) ([]Line, int, bool) {
	i++
	if i < len(data) && data[i] == ']' {
		return []Line{}, i + 1, true
	}
	var out []Line
	for {
		start := i
		l, end, ok := plainLineAt(data, i, text)
		if !ok {
			return nil, 0, false
		}
		if out == nil {
			// Room for as many lines as the first one's length suggests.
			out = make([]Line, 0, (len(data)-start)/(end-start)+1)
		}
		out = append(out, l)
		switch {
		case end < len(data) && data[end] == ',':
			i = end + 1
		case end < len(data) && data[end] == ']':
			return out, end + 1, true
		default:
			return nil, 0, false
		}
	}
}
