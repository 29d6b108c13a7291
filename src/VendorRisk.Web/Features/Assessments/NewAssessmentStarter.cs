using MudBlazor;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Web.Features.Assessments;

public sealed class NewAssessmentStarter : IAssessmentStarter
{
    public Task<int?> StartAsync(IDialogService dialogs, int? vendorId) => NewAssessmentDialog.ShowAsync(dialogs, vendorId);
}
