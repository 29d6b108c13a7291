using MudBlazor;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// The one way pages and dialogs show a failed action: the failures a user can act on (invalid input, no permission,
/// a change that lost a race, something that is gone) become an error message in words (<see cref="ErrorText"/>);
/// anything else is a defect and propagates to the error boundary.
/// </summary>
public static class ErrorPresenter
{
    public static bool IsUserError(Exception exception) =>
        exception is ValidationFailedException or ForbiddenException or ConflictException or NotFoundException;

    /// <summary>Runs <paramref name="action"/>; on success shows <paramref name="success"/> (if any) and returns true, else shows why and returns false.</summary>
    public static async Task<bool> RunAsync(this ISnackbar snackbar, Func<Task> action, string? success = null)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            await action();
        }
        catch (Exception ex) when (IsUserError(ex))
        {
            snackbar.Add(ErrorText.Of(ex), Severity.Error);
            return false;
        }

        if (success is not null)
            snackbar.Add(success, Severity.Success);
        return true;
    }
}
