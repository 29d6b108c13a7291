using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;

namespace VendorRisk.Web.Tests.Infrastructure;

/// <summary>
/// bUnit for whole pages: the app's real services (real SQLite, real authorization in services) come from the
/// running <see cref="WebAppFixture"/>, acting as one role's test user; the page sees the same user as signed in.
/// </summary>
public abstract class PageTestBase(WebAppFixture app) : BunitTestBase
{
    private AsyncServiceScope? _scope;

    protected WebAppFixture App => app;

    /// <summary>Renders pages as the given role from now on (call once per test, before rendering).</summary>
    protected void SignInAs(string role)
    {
        _scope = app.ScopeAs(role);
        Services.AddFallbackServiceProvider(_scope.Value.ServiceProvider);
        var auth = AddAuthorization();
        auth.SetAuthorized(WebAppFixture.EmailOf(role));
        auth.SetRoles(role);
        auth.SetPolicies([.. Roles.All.Where(r => Roles.Includes(role, r))]);
    }

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        if (_scope is { } scope)
            await scope.DisposeAsync();
    }
}
