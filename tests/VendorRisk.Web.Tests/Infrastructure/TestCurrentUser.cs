using VendorRisk.Data;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Tests.Infrastructure;

/// <summary>An <see cref="ICurrentUser"/> for bUnit tests that do not need a database user.</summary>
public sealed class TestCurrentUser(Actor? actor) : ICurrentUser
{
    public Task<Actor?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(actor);

    public Task<Actor> RequireAsync(string role, string action, CancellationToken cancellationToken = default) =>
        actor is not null && actor.Can(role)
            ? Task.FromResult(actor)
            : throw new ForbiddenException($"Test user may not {action}.");
}
