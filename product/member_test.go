package product_test

import (
	"encoding/json"
	"errors"
	"testing"

	"github.com/earcheck/ear/product"
)

// TestUnknownMemberNamed: an unknown member is named in the error's path
// whatever its name, the empty name included.
func TestUnknownMemberNamed(t *testing.T) {
	for _, tt := range []struct{ give, want string }{
		{`{"":1}`, `item.""`},
		{`{"a.b":1}`, `item."a.b"`},
		{`{"components":[{"":1}]}`, `item.components[0].""`},
		{`{"value":{"":"1"}}`, `item.value.""`},
	} {
		var it product.Item
		err := json.Unmarshal([]byte(tt.give), &it)
		var fe *product.FieldError
		if !errors.As(err, &fe) || fe.Field != tt.want || !errors.Is(err, product.ErrUnknownField) {
			t.Errorf("%s: error %v, want an unknown field at %s", tt.give, err, tt.want)
		}
	}
}
