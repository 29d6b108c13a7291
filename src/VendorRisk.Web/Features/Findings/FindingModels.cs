namespace VendorRisk.Web.Features.Findings;

/// <summary>A finding as pages, the API and reports see it.</summary>
public sealed record FindingView(
    int Id,
    int AssessmentId,
    string AssessmentTitle,
    int VendorId,
    string VendorName,
    string? QuestionKey,
    string Title,
    FindingSeverity Severity,
    string? Description,
    FindingStatus Status,
    string? OwnerId,
    string? OwnerName,
    DateOnly? DueDate,
    bool IsCondition,
    string? Justification,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    int Version)
{
    public bool IsOverdue(DateOnly today) => FindingWorkflow.IsOverdue(Status, DueDate, today);

    public bool IsSoonDue(DateOnly today) => FindingWorkflow.IsSoonDue(Status, DueDate, today);
}

public enum FindingSort
{
    DueDate,
    DueDateDescending,
    Id,
}

/// <summary>Filters of the findings page and <c>GET /api/v1/findings</c>; <see cref="Page"/> is 1-based.</summary>
public sealed record FindingQuery
{
    public FindingStatus? Status { get; init; }
    public FindingSeverity? Severity { get; init; }
    public string? OwnerId { get; init; }
    public int? VendorId { get; init; }
    public int? AssessmentId { get; init; }
    public bool OverdueOnly { get; init; }
    /// <summary>Only findings that are not resolved or risk-accepted.</summary>
    public bool OpenOnly { get; init; }
    public bool ConditionsOnly { get; init; }
    public FindingSort Sort { get; init; } = FindingSort.Id;
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 100;
}

public sealed record FindingPage(IReadOnlyList<FindingView> Items, int Total);

/// <summary>Open findings that are past due or due within two weeks.</summary>
public sealed record FindingCounts(int Open, int Overdue, int SoonDue);

/// <summary>A finding proposed from an answer: the question's text and a suggested severity, for the user to adjust.</summary>
public sealed record FindingDraft(string QuestionKey, string Title, FindingSeverity Severity, string Description, bool Knockout, double? P);

/// <summary>What <see cref="JustificationDialog"/> returns.</summary>
public sealed record JustificationResult(string Justification, DateOnly? Until);
