using MudBlazor;

namespace VendorRisk.Web.Features.Assessments;

public sealed class NewAssessmentStarter : IAssessmentStarter
{
    public Task<int?> StartAsync(IDialogService dialogs, int? vendorId) => NewAssessmentDialog.ShowAsync(dialogs, vendorId);
}
