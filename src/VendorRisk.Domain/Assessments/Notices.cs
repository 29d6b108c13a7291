namespace VendorRisk.Domain.Assessments;

/// <summary>What a new assessment of a model offering carried over from the vendor's latest approved assessment.</summary>
/// <param name="AnswerCount">How many vendor-level answers were pre-filled.</param>
public sealed record PrefillNotice(int SourceAssessmentId, string SourceTitle, int AnswerCount);

/// <summary>What a reassessment carried over, as stored with the new draft.</summary>
public sealed record ReassessmentNotice(
    int PreviousAssessmentId,
    int PreviousVersion,
    int NewVersion,
    IReadOnlyList<string> NewQuestionKeys,
    IReadOnlyList<string> ChangedQuestionKeys,
    IReadOnlyList<DroppedAnswer> DroppedAnswers);
