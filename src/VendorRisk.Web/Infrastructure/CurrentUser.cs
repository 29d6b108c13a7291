using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;

namespace VendorRisk.Web.Infrastructure;

/// <summary>
/// The signed-in user as the services see them. Every data-changing service method asks this
/// for an <see cref="Actor"/> with the role it needs, so a component or endpoint that calls a
/// service cannot get around the check. The role and the disabled flag are read from the
/// database on every call, so a change takes effect at once; an API request reads them once, when its
/// token is checked (<see cref="UseCheckedActor"/>).
/// </summary>
public interface ICurrentUser
{
    Task<Actor?> GetAsync(CancellationToken cancellationToken = default);

    /// <summary>Returns the actor, or throws <see cref="ForbiddenException"/> (and audits the denial).</summary>
    Task<Actor> RequireAsync(string role, string action, CancellationToken cancellationToken = default);

    /// <summary>
    /// As <see cref="RequireAsync(string, string, CancellationToken)"/>, reading the user through <paramref name="db"/> when
    /// given: a use case about to run on that context saves a second context and connection (every autosave is one).
    /// </summary>
    Task<Actor> RequireAsync(string role, string action, VendorRiskDbContext? db, CancellationToken cancellationToken = default) =>
        RequireAsync(role, action, cancellationToken);
}

public sealed class CurrentUser(
    IServiceProvider services,
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    SecurityAudit securityAudit,
    ILogger<CurrentUser> logger) : ICurrentUser
{
    /// <summary>Compiled once: every autosave and every other use case reads its user.</summary>
    private static readonly CompiledPerModel<Func<VendorRiskDbContext, string, CancellationToken, Task<UserRow?>>> FindUser = new(() =>
        EF.CompileAsyncQuery((VendorRiskDbContext db, string id, CancellationToken _) => db.Users.AsNoTracking()
            .Where(u => u.Id == id)
            .Select(u => new UserRow(u.Id, u.DisplayName, u.Email, u.Role, u.IsDisabled))
            .SingleOrDefault()));

    private sealed record UserRow(string Id, string? DisplayName, string? Email, string Role, bool IsDisabled);

    private ClaimsPrincipal? _principal;
    private Actor? _checkedActor;

    /// <summary>Set by the HTTP pipeline for API requests, where no Blazor authentication state exists.</summary>
    public void UsePrincipal(ClaimsPrincipal principal) => _principal = principal;

    /// <summary>
    /// An API request's user as its token check read them from the database moments ago, in this request (role, name,
    /// not disabled): reading them again for the use case would only repeat that read.
    /// </summary>
    public void UseCheckedActor(ClaimsPrincipal principal, Actor actor)
    {
        _principal = principal;
        _checkedActor = actor;
    }

    public Task<Actor?> GetAsync(CancellationToken cancellationToken = default) => GetAsync(null, cancellationToken);

    private async Task<Actor?> GetAsync(VendorRiskDbContext? db, CancellationToken cancellationToken)
    {
        if (_checkedActor is not null)
            return _checkedActor;
        var principal = _principal ?? await PrincipalFromBlazorAsync();
        var userId = principal?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
            return null;

        UserRow? user;
        if (db is not null)
            user = await FindUser.For(db)(db, userId, cancellationToken);
        else
        {
            await using var own = await dbFactory.CreateDbContextAsync(cancellationToken);
            user = await FindUser.For(own)(own, userId, cancellationToken);
        }
        if (user is null || user.IsDisabled)
            return null;
        return new Actor(user.Id, ApplicationUser.ShownName(user.DisplayName, user.Email, user.Id), user.Role);
    }

    public Task<Actor> RequireAsync(string role, string action, CancellationToken cancellationToken = default) =>
        RequireAsync(role, action, null, cancellationToken);

    public async Task<Actor> RequireAsync(string role, string action, VendorRiskDbContext? db, CancellationToken cancellationToken = default)
    {
        var actor = await GetAsync(db, cancellationToken);
        if (actor is not null && actor.Can(role))
            return actor;

        var who = actor?.Name ?? "anonymous";
        logger.LogWarning("Permission denied: {User} ({Role}) tried to {Action}", who, actor?.Role, action);
        await securityAudit.RefusedAsync(actor, role, action, cancellationToken);

        throw new ForbiddenException(actor is null
            ? "You are not signed in, or your account is disabled."
            : $"Your role ({actor.Role}) may not {action}; it needs {role}.");
    }

    private async Task<ClaimsPrincipal?> PrincipalFromBlazorAsync()
    {
        var provider = services.GetService<AuthenticationStateProvider>();
        if (provider is null)
            return null;
        try
        {
            return (await provider.GetAuthenticationStateAsync()).User;
        }
        catch (InvalidOperationException)
        {
            // Outside a Blazor render (a plain HTTP endpoint) the provider has no state.
            return services.GetService<IHttpContextAccessor>()?.HttpContext?.User;
        }
    }
}

/// <summary>The command line acts as the system: whoever can run it can already read the database file.</summary>
public sealed class SystemCurrentUser : ICurrentUser
{
    public Task<Actor?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult<Actor?>(Actor.System);

    public Task<Actor> RequireAsync(string role, string action, CancellationToken cancellationToken = default) =>
        Task.FromResult(Actor.System);
}
