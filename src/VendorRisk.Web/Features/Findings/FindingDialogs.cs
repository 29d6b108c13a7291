using MudBlazor;

namespace VendorRisk.Web.Features.Findings;

public static class FindingDialogs
{
    /// <summary>Opens the raise-a-finding dialog, pre-filled from the answer to <paramref name="questionKey"/> when given; true when one was raised.</summary>
    public static async Task<bool> RaiseAsync(IDialogService dialogs, AssessmentSnapshot assessment, string? questionKey = null)
    {
        ArgumentNullException.ThrowIfNull(dialogs);
        ArgumentNullException.ThrowIfNull(assessment);
        var parameters = new DialogParameters<RaiseFindingDialog>
        {
            { d => d.AssessmentId, assessment.Id },
            { d => d.Draft, questionKey is null ? null : FindingDrafts.ForQuestion(assessment, questionKey) },
        };
        var dialog = await dialogs.ShowAsync<RaiseFindingDialog>("Raise a finding", parameters,
            new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        return result is { Canceled: false };
    }
}
