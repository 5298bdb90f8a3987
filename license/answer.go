package license

import "github.com/earcheck/ear"

// Answer is ear.Answer, the three-valued outcome of every rule.
type Answer = ear.Answer

// The three answers, as in package ear.
const (
	Yes           = ear.Yes
	No            = ear.No
	Indeterminate = ear.Indeterminate
)

func answerOf(b bool) Answer { return ear.AnswerOf(b) }
