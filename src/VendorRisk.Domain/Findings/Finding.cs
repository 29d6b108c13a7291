namespace VendorRisk.Domain.Findings;

public enum FindingSeverity
{
    Low,
    Medium,
    High,
    Critical,
}

public enum FindingStatus
{
    Open,
    InProgress,
    Resolved,
    RiskAccepted,
}

/// <summary>The limits of a finding's fields, shared by the EF configuration and the validators.</summary>
public static class FindingLimits
{
    public const int TitleMaxLength = 200;
    public const int DescriptionMaxLength = 10_000;
    public const int JustificationMaxLength = 2_000;
    /// <summary>"Soon due": due within this many days from today.</summary>
    public const int SoonDueDays = 14;
}

/// <summary>
/// The workflow of a finding: open → in progress → resolved, or risk-accepted (by a Reviewer);
/// open and in progress may go back and forth, and a closed finding may be reopened.
/// </summary>
public static class FindingWorkflow
{
    public static bool IsClosed(FindingStatus status) => status is FindingStatus.Resolved or FindingStatus.RiskAccepted;

    public static bool CanMove(FindingStatus from, FindingStatus to) => (from, to) switch
    {
        _ when from == to => true,
        (FindingStatus.Open, _) => true,
        (FindingStatus.InProgress, _) => true,
        (FindingStatus.Resolved or FindingStatus.RiskAccepted, FindingStatus.Open) => true,
        _ => false,
    };

    /// <summary>Overdue: still open or in progress after its due date.</summary>
    public static bool IsOverdue(FindingStatus status, DateOnly? due, DateOnly today) => !IsClosed(status) && due is { } d && d < today;

    /// <summary>Soon due: still open or in progress, due today or within <see cref="FindingLimits.SoonDueDays"/> days.</summary>
    public static bool IsSoonDue(FindingStatus status, DateOnly? due, DateOnly today) =>
        !IsClosed(status) && due is { } d && d >= today && d.DayNumber - today.DayNumber <= FindingLimits.SoonDueDays;
}

/// <summary>What a finding raised from an answer starts with: the question's text and a suggested severity.</summary>
public static class FindingSuggestion
{
    /// <summary>
    /// Every knockout suggests a critical finding; otherwise the weaker the answer (p, unanswered = 0)
    /// the more severe, one step worse for a critical question.
    /// </summary>
    public static FindingSeverity Severity(Question question, double? p, bool knockout)
    {
        ArgumentNullException.ThrowIfNull(question);
        if (knockout)
            return FindingSeverity.Critical;
        var value = p ?? 0;
        var severity = value < 0.25 ? FindingSeverity.High : value < 0.5 ? FindingSeverity.Medium : FindingSeverity.Low;
        return question.Critical && severity < FindingSeverity.Critical ? severity + 1 : severity;
    }

    public static string Title(Question question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var text = question.Text.Trim();
        return text.Length <= FindingLimits.TitleMaxLength ? text : text[..(FindingLimits.TitleMaxLength - 1)] + "…";
    }
}
