namespace VendorRisk.Reports.Models;

/// <summary>An open finding or a condition of the approval, as the assessment report prints it.</summary>
/// <param name="Status">Display text, e.g. "Open", "In progress", "Resolved".</param>
public sealed record FindingReportModel(int Id, string Title, string Severity, string Status, string? Owner, DateOnly? DueDate, bool IsCondition, bool IsOverdue);

/// <summary>A knockout whose risk is accepted (in force on the report date): who accepted it and until when.</summary>
public sealed record AcceptedKnockoutModel(string QuestionKey, string QuestionText, string AcceptedBy, DateOnly Until, string Justification);

/// <summary>Open findings of one compared vendor's assessment, counted by severity.</summary>
public sealed record OpenFindingCountsModel(int Critical, int High, int Medium, int Low, int Overdue)
{
    public int Total => Critical + High + Medium + Low;
}
