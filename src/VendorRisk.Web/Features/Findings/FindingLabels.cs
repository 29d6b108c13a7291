using MudBlazor;

namespace VendorRisk.Web.Features.Findings;

/// <summary>How severities and statuses read and look, in every findings view.</summary>
public static class FindingLabels
{
    public static string Severity(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Low => "Low",
        FindingSeverity.Medium => "Medium",
        FindingSeverity.High => "High",
        _ => "Critical",
    };

    public static string Status(FindingStatus status) => status switch
    {
        FindingStatus.Open => "Open",
        FindingStatus.InProgress => "In progress",
        FindingStatus.Resolved => "Resolved",
        _ => "Risk accepted",
    };

    public static Color SeverityColor(FindingSeverity severity) => severity switch
    {
        FindingSeverity.Critical => Color.Error,
        FindingSeverity.High => Color.Warning,
        FindingSeverity.Medium => Color.Info,
        _ => Color.Default,
    };

    public static Color StatusColor(FindingStatus status) => status switch
    {
        FindingStatus.Resolved => Color.Success,
        FindingStatus.RiskAccepted => Color.Secondary,
        FindingStatus.InProgress => Color.Info,
        _ => Color.Default,
    };
}
