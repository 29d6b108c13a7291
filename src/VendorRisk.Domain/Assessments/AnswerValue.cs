namespace VendorRisk.Domain.Assessments;

/// <summary>
/// The stored answer to one question. Exactly one value field is set for an answered
/// question (Choice, Choices, Number or Text), none when marked not applicable.
/// An empty <see cref="Choices"/> list is an answer ("none of these").
/// </summary>
public sealed record AnswerValue
{
    public required string QuestionKey { get; init; }
    public string? Choice { get; init; }
    public IReadOnlyList<string>? Choices { get; init; }
    public double? Number { get; init; }
    public string? Text { get; init; }
    public bool NotApplicable { get; init; }
    public string? Justification { get; init; }
    public string? Note { get; init; }
    public Evidence? Evidence { get; init; }

    public bool HasValue => Choice is not null || Choices is not null || Number is not null || Text is not null;
}

public sealed record Evidence(string? Description, EvidenceSource? Source, DateOnly? Date);

public enum EvidenceSource
{
    VendorAttestation,
    PublicDocumentation,
    Contract,
    IndependentTest,
}

public enum AssessmentStatus
{
    Draft,
    Submitted,
    Approved,
    ApprovedWithConditions,
    Rejected,
}

/// <summary>The limits of api.md, shared by the UI, the API and the validators.</summary>
public static class AnswerLimits
{
    public const int TextMaxLength = 10_000;
    public const int NoteMaxLength = 10_000;
    public const int JustificationMaxLength = 2_000;
    public const int EvidenceDescriptionMaxLength = 2_000;
    public const double MaxMagnitude = 1e15;
}
