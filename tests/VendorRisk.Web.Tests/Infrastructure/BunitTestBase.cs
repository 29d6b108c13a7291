using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace VendorRisk.Web.Tests.Infrastructure;

/// <summary>bUnit context with MudBlazor services, no transitions, and loose JS interop (MudBlazor's own test setup).</summary>
public abstract class BunitTestBase : BunitContext
{
    protected BunitTestBase()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        // The app's clock; a test that needs to move time registers a FakeTimeProvider after this one.
        Services.AddSingleton(TimeProvider.System);
        Services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.ShowTransitionDuration = 0;
            options.SnackbarConfiguration.HideTransitionDuration = 0;
            options.PopoverOptions.CheckForPopoverProvider = false;
        });
    }

    /// <summary>Renders the MudBlazor providers a page needs (popovers, dialogs, snackbars).</summary>
    protected IRenderedComponent<MudPopoverProvider> RenderProviders()
    {
        // Components render as in the app: interactive on the server (set here, once every service is registered).
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<MudPopoverProvider>();
    }
}
