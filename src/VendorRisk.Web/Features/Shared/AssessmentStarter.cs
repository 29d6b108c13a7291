using MudBlazor;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// Opens the new-assessment dialog from a page outside the assessments feature (the vendor page). Assessments build
/// on vendors, so the vendor page asks through this interface instead of knowing the dialog.
/// </summary>
public interface IAssessmentStarter
{
    /// <returns>The new assessment's id, or null when the dialog was cancelled.</returns>
    Task<int?> StartAsync(IDialogService dialogs, int? vendorId);
}
