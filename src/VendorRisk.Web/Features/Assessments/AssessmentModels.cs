namespace VendorRisk.Web.Features.Assessments;

/// <summary>
/// One answer to save. <paramref name="Clear"/> drops the stored answer (only the question key of
/// <paramref name="Value"/> is read). <paramref name="ExpectedVersion"/>: the version the writer last saw
/// (0 = "no answer yet"); null skips the check.
/// </summary>
public sealed record AnswerInput([property: PathOfItsOwner] AnswerValue Value, bool Clear = false, int? ExpectedVersion = null);

/// <param name="Version">The new version of the answer; 0 when it was cleared.</param>
public sealed record SavedAnswer(string QuestionKey, int Version, bool Cleared, string UpdatedByName, DateTime UpdatedAt);

/// <summary>The stored answer a losing writer is shown (the <see cref="ConflictException.Current"/> of a save).</summary>
/// <param name="Value">Null when there is no stored answer (it was cleared).</param>
public sealed record CurrentAnswer(string QuestionKey, AnswerValue? Value, int Version, string? UpdatedByName, DateTime? UpdatedAt);

public sealed record ReassessResult(
    int AssessmentId,
    IReadOnlyList<string> NewQuestionKeys,
    IReadOnlyList<string> ChangedQuestionKeys,
    IReadOnlyList<DroppedAnswer> DroppedAnswers);

/// <summary>A published question-set version an assessment may be started on.</summary>
public sealed record PublishedSetOption(string Key, string Title, int Version, DateTime? PublishedAt);
