namespace VendorRisk.Domain.Assessments;

/// <summary>
/// A new assessment of a model offering starts with the vendor-level answers of the vendor's most
/// recent approved assessment on the same set (question-set-format.md, <c>level</c>), matched by
/// question key as a reassessment is; model-level questions start empty.
/// </summary>
public static class VendorLevelPrefill
{
    public static IReadOnlyDictionary<string, AnswerValue> Select(
        QuestionSetDefinition sourceSet,
        IReadOnlyDictionary<string, AnswerValue> sourceAnswers,
        QuestionSetDefinition newSet)
    {
        ArgumentNullException.ThrowIfNull(newSet);
        var mapping = ReassessmentMapper.Map(sourceSet, sourceAnswers, newSet);
        return mapping.KeptAnswers
            .Where(a => newSet.FindQuestion(a.Key)?.Level == QuestionLevel.Vendor)
            .ToDictionary(a => a.Key, a => a.Value, StringComparer.Ordinal);
    }
}
