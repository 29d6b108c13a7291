namespace VendorRisk.EndToEnd.Tests.Infrastructure;

/// <summary>The browser fixture with demo mode on: the five fictional vendors and their assessments are loaded at start-up.</summary>
public sealed class DemoBrowserFixture : BrowserFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:Demo"] = "true" };
}
