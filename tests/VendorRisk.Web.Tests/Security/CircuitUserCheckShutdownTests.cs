using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using VendorRisk.Data;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>
/// A deploy stops the app with tabs open: their periodic user check must not fail on database services that are being
/// disposed (a failed check signs the tab out and re-renders a circuit that is being torn down, logging errors).
/// </summary>
public sealed class CircuitUserCheckShutdownTests
{
    private static readonly IdentityOptions Identity = new();

    private static ClaimsPrincipal SignedIn() => new(new ClaimsIdentity(
        [new Claim(Identity.ClaimsIdentity.UserIdClaimType, "user-1"), new Claim(Identity.ClaimsIdentity.SecurityStampClaimType, "stamp")], "test"));

    [Fact]
    public async Task A_check_while_the_app_stops_keeps_the_user_without_opening_the_database()
    {
        var lifetime = new Lifetime();
        var contexts = new DisposedContexts();
        var check = new CircuitUserCheck(contexts, Options.Create(Identity), lifetime);

        // Running, a database that is gone is a real failure and surfaces as one.
        await Assert.ThrowsAsync<ObjectDisposedException>(() => check.IsStillValidAsync(SignedIn(), TestContext.Current.CancellationToken));
        lifetime.Stop();

        Assert.True(await check.IsStillValidAsync(SignedIn(), TestContext.Current.CancellationToken));
        Assert.Equal(1, contexts.Opened);
    }

    [Fact]
    public async Task A_check_under_way_when_the_app_starts_stopping_keeps_the_user()
    {
        var lifetime = new Lifetime();
        var check = new CircuitUserCheck(new DisposedContexts(onOpen: lifetime.Stop), Options.Create(Identity), lifetime);

        Assert.True(await check.IsStillValidAsync(SignedIn(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task A_principal_without_an_id_is_refused_even_while_stopping()
    {
        var lifetime = new Lifetime();
        lifetime.Stop();
        var check = new CircuitUserCheck(new DisposedContexts(), Options.Create(Identity), lifetime);

        Assert.False(await check.IsStillValidAsync(new ClaimsPrincipal(new ClaimsIdentity()), TestContext.Current.CancellationToken));
    }

    private sealed class DisposedContexts(Action? onOpen = null) : IDbContextFactory<VendorRiskDbContext>
    {
        public int Opened { get; private set; }

        public VendorRiskDbContext CreateDbContext()
        {
            Opened++;
            onOpen?.Invoke();
            throw new ObjectDisposedException(nameof(IServiceProvider));
        }
    }

    private sealed class Lifetime : IHostApplicationLifetime
    {
        private readonly CancellationTokenSource _stopping = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;
        public CancellationToken ApplicationStopping => _stopping.Token;
        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void Stop() => _stopping.Cancel();

        public void StopApplication() => Stop();
    }
}
