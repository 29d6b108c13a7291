namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>What a handler works with: the transaction's context, who is acting, and the time the use case runs at.</summary>
public sealed class UseCaseContext(VendorRiskDbContext db, Actor actor, DateTime now)
{
    public VendorRiskDbContext Db { get; } = db;
    public Actor Actor { get; } = actor;

    /// <summary>
    /// The injected clock's time when the use case started (UTC), one value for everything it writes. Cut to the
    /// microsecond, the finest time PostgreSQL stores, so a time a use case returns equals the one a later read gives.
    /// </summary>
    public DateTime Now { get; } = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));

    /// <summary>
    /// Records what happened, written in the same transaction as the change. Values that are not strings are stored as JSON;
    /// <paramref name="securityEvent"/> marks changes to who can get in (tokens, accounts).
    /// </summary>
    public void Audit(string action, string entityType, object? entityId, string summary, object? oldValue = null, object? newValue = null,
        bool securityEvent = false) =>
        Db.Audit(Actor, action, entityType, entityId, summary, oldValue, newValue, securityEvent);
}
