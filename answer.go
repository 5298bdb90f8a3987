package ear

import (
	"fmt"
	"strings"
)

// Answer is a three-valued outcome: yes, no, or indeterminate when the facts
// given do not decide. A missing fact never becomes "no". The zero Answer is
// invalid.
type Answer uint8

// The three answers.
const (
	Yes           Answer = iota + 1 // the rule is met: a license is required, the item is subject, ...
	No                              // the rule is not met, on the facts given
	Indeterminate                   // the facts given do not decide; the result names what is missing
)

var answerNames = [...]string{"", "yes", "no", "indeterminate"}

// AnswerError reports text that names no Answer.
type AnswerError struct {
	Input string // the text that was parsed
}

// Error implements the error interface.
func (e *AnswerError) Error() string {
	return fmt.Sprintf("ear: unknown answer %q (want yes, no or indeterminate)", e.Input)
}

// ParseAnswer parses "yes", "no" or "indeterminate".
func ParseAnswer(s string) (Answer, error) {
	for a := Yes; a <= Indeterminate; a++ {
		if strings.EqualFold(answerNames[a], s) {
			return a, nil
		}
	}
	return 0, &AnswerError{Input: s}
}

// IsValid reports whether a is Yes, No or Indeterminate.
func (a Answer) IsValid() bool { return a >= Yes && a <= Indeterminate }

// String returns "yes", "no" or "indeterminate", or "" for the zero Answer.
func (a Answer) String() string {
	if !a.IsValid() {
		return ""
	}
	return answerNames[a]
}

// MarshalText implements encoding.TextMarshaler.
func (a Answer) MarshalText() ([]byte, error) {
	if !a.IsValid() {
		return nil, fmt.Errorf("ear: cannot marshal invalid Answer %d", uint8(a))
	}
	return []byte(a.String()), nil
}

// UnmarshalText implements encoding.TextUnmarshaler.
func (a *Answer) UnmarshalText(b []byte) error {
	v, err := ParseAnswer(string(b))
	if err != nil {
		return err
	}
	*a = v
	return nil
}

// And is the three-valued conjunction: No if either is No, Yes if both are
// Yes, Indeterminate otherwise. A rule that needs two facts (the row covers
// the item, and the destination is in the row's set) combines them with And.
func (a Answer) And(b Answer) Answer {
	switch {
	case a == No || b == No:
		return No
	case a == Yes && b == Yes:
		return Yes
	}
	return Indeterminate
}

// Or is the three-valued disjunction: Yes if either is Yes, No if both are
// No, Indeterminate otherwise. Independent license requirements combine
// with Or: any one of them requires a license.
func (a Answer) Or(b Answer) Answer {
	switch {
	case a == Yes || b == Yes:
		return Yes
	case a == No && b == No:
		return No
	}
	return Indeterminate
}

// AnswerOf converts a yes/no fact: Yes for true, No for false.
func AnswerOf(b bool) Answer {
	if b {
		return Yes
	}
	return No
}
