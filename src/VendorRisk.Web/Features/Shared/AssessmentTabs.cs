namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// A tab another feature adds to the assessment page (the vendor portal builds on assessments, so the page cannot
/// know it). <see cref="Component"/> takes the parameters named in <see cref="AssessmentTabs"/>.
/// </summary>
public sealed record AssessmentTab(string Text, string Icon, string Id, Type Component);

/// <summary>The tabs features add to the assessment page, in registration order.</summary>
public sealed class AssessmentTabs(IEnumerable<AssessmentTab> tabs)
{
    public const string AssessmentParameter = "Assessment";
    public const string CanEditParameter = "CanEdit";
    public const string ChangedParameter = "Changed";

    public IReadOnlyList<AssessmentTab> All { get; } = [.. tabs];
}
