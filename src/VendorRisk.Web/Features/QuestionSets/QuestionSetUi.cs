using Microsoft.JSInterop;
using MudBlazor;

namespace VendorRisk.Web.Features.QuestionSets;

/// <summary>Small display helpers shared by the question-set pages.</summary>
internal static class QuestionSetUi
{
    public static string Route(string key, int number) => $"/question-sets/{Uri.EscapeDataString(key)}/versions/{number.ToString(CultureInfo.InvariantCulture)}";

    public static string EditRoute(string key, int number) => Route(key, number) + "/edit";

    public static Color StatusColor(VersionStatus status) => status switch
    {
        VersionStatus.Published => Color.Success,
        VersionStatus.Draft => Color.Info,
        _ => Color.Default,
    };

    public static string StatusIcon(VersionStatus status) => status switch
    {
        VersionStatus.Published => Icons.Material.Filled.Verified,
        VersionStatus.Draft => Icons.Material.Outlined.EditNote,
        _ => Icons.Material.Outlined.Archive,
    };

    public static string When(DateTime? utc) => utc is { } value ? value.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) + " UTC" : "—";

    public static async Task DownloadAsync(IJSRuntime js, QuestionSetFile file) =>
        await js.InvokeVoidAsync("vendorRisk.download", file.FileName, QuestionSetFile.ContentType, Convert.ToBase64String(file.Content));
}
