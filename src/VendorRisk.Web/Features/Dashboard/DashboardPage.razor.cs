using Microsoft.AspNetCore.Components;

namespace VendorRisk.Web.Features.Dashboard;

public partial class DashboardPage
{
    /// <summary>Where the prerender keeps the summary for the interactive render.</summary>
    public const string PrerenderedKey = "dashboard-summary";

    private DashboardSummary? _summary;
    private string? _error;
    private PersistingComponentStateSubscription _persisting;

    protected override async Task OnInitializedAsync()
    {
        try
        {
            (_summary, _persisting) = await PageState.TakeOrLoadAsync(PrerenderedKey, () => Dashboard.GetAsync());
        }
        catch (ForbiddenException forbidden)
        {
            _error = forbidden.Message;
        }
    }

    private string Ago(DateTime utc)
    {
        var span = Clock.GetUtcNow().UtcDateTime - utc;
        return span.TotalMinutes < 1 ? "just now"
            : span.TotalHours < 1 ? $"{(int)span.TotalMinutes} min ago"
            : span.TotalDays < 1 ? $"{(int)span.TotalHours} h ago"
            : span.TotalDays < 30 ? $"{(int)span.TotalDays} d ago"
            : utc.ToString("yyyy-MM-dd");
    }

    public void Dispose() => _persisting.Dispose();
}
