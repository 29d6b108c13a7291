namespace VendorRisk.Domain.Assessments;

public enum DroppedAnswerReason
{
    QuestionRemoved,
    TypeChanged,
    /// <summary>A chosen option no longer exists. A multi answer is dropped whole, so that a partial
    /// selection is never presented as the vendor's considered answer.</summary>
    OptionRemoved,
    NotApplicableNoLongerAllowed,
    /// <summary>Any other rule of <see cref="AnswerValidator"/> the old answer breaks on the new question.</summary>
    NoLongerValid,
}

public sealed record DroppedAnswer(string QuestionKey, DroppedAnswerReason Reason, string Message);

/// <param name="KeptAnswers">Answers carried into the new draft, keyed by question key, note and evidence included.</param>
/// <param name="NewQuestionKeys">Questions of the new set the old set did not have, in new-set order.</param>
/// <param name="ChangedQuestionKeys">Questions in both sets whose content (any field, or its section) changed, in new-set order.</param>
public sealed record ReassessmentMapping(
    IReadOnlyDictionary<string, AnswerValue> KeptAnswers,
    IReadOnlyList<string> NewQuestionKeys,
    IReadOnlyList<string> ChangedQuestionKeys,
    IReadOnlyList<DroppedAnswer> DroppedAnswers);

/// <summary>"Reassess" pre-fills a new draft from the old answers, matched by question key.</summary>
public static class ReassessmentMapper
{
    public static ReassessmentMapping Map(
        QuestionSetDefinition oldSet,
        IReadOnlyDictionary<string, AnswerValue> oldAnswers,
        QuestionSetDefinition newSet)
    {
        ArgumentNullException.ThrowIfNull(oldSet);
        ArgumentNullException.ThrowIfNull(oldAnswers);
        ArgumentNullException.ThrowIfNull(newSet);

        var oldQuestions = IndexBySection(oldSet);
        var newQuestions = IndexBySection(newSet);
        var kept = new Dictionary<string, AnswerValue>(StringComparer.Ordinal);
        var dropped = new List<DroppedAnswer>();
        var added = new List<string>();
        var changed = new List<string>();

        foreach (var (key, (newQuestion, newSectionKey)) in newQuestions)
        {
            if (!oldQuestions.TryGetValue(key, out var old))
            {
                added.Add(key);
            }
            else if (old.SectionKey != newSectionKey || !QuestionSetDefinitionComparer.QuestionEquals(old.Question, newQuestion))
            {
                changed.Add(key);
            }
        }

        foreach (var section in oldSet.Sections)
        {
            foreach (var oldQuestion in section.Questions)
            {
                if (!oldAnswers.TryGetValue(oldQuestion.Key, out var answer))
                {
                    continue;
                }

                if (!newQuestions.TryGetValue(oldQuestion.Key, out var target))
                {
                    dropped.Add(new DroppedAnswer(oldQuestion.Key, DroppedAnswerReason.QuestionRemoved, "The question is no longer in the question set."));
                    continue;
                }

                var refusal = WhyNotCarried(oldQuestion, target.Question, answer);
                if (refusal is null)
                {
                    kept.Add(oldQuestion.Key, answer);
                }
                else
                {
                    dropped.Add(refusal);
                }
            }
        }

        return new ReassessmentMapping(kept, added, changed, dropped);
    }

    private static DroppedAnswer? WhyNotCarried(Question oldQuestion, Question newQuestion, AnswerValue answer)
    {
        var key = newQuestion.Key;
        if (oldQuestion.Type != newQuestion.Type)
        {
            return new DroppedAnswer(key, DroppedAnswerReason.TypeChanged,
                $"The question changed from {oldQuestion.Type.ToString().ToLowerInvariant()} to {newQuestion.Type.ToString().ToLowerInvariant()}.");
        }

        var missing = ChosenKeys(answer).Where(chosen => newQuestion.Options.All(o => o.Key != chosen)).ToList();
        if (missing.Count > 0)
        {
            return new DroppedAnswer(key, DroppedAnswerReason.OptionRemoved,
                $"The chosen {Plural.Word(missing.Count, "option")} {string.Join(", ", missing.Select(m => $"'{m}'"))} no longer {Plural.Word(missing.Count, "exists", "exist")}.");
        }

        if (answer.NotApplicable && !newQuestion.AllowNotApplicable)
        {
            return new DroppedAnswer(key, DroppedAnswerReason.NotApplicableNoLongerAllowed, "The question can no longer be marked not applicable.");
        }

        var result = new AnswerValidator(newQuestion).Validate(answer);
        return result.IsValid
            ? null
            : new DroppedAnswer(key, DroppedAnswerReason.NoLongerValid, string.Join(" ", result.Errors.Select(e => e.ErrorMessage)));
    }

    private static IEnumerable<string> ChosenKeys(AnswerValue answer)
    {
        if (answer.Choice is not null)
        {
            yield return answer.Choice;
        }

        foreach (var choice in answer.Choices ?? [])
        {
            yield return choice;
        }
    }

    private static Dictionary<string, (Question Question, string SectionKey)> IndexBySection(QuestionSetDefinition set)
    {
        var index = new Dictionary<string, (Question, string)>(StringComparer.Ordinal);
        foreach (var section in set.Sections)
        {
            foreach (var question in section.Questions)
            {
                index[question.Key] = (question, section.Key);
            }
        }

        return index;
    }
}
