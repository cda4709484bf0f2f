package rules

// questionRules are the rules of catalogue section 3.7.
var questionRules = []*Rule{
	ChoiceQuestionNeedsChoices,
	QuestionSequenceUnique,
	QuestionRegexValid,
}
