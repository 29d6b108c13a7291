namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>
/// What a handler works with: the transaction's context, who is acting, and the time the use case runs at. It is also
/// the one way an audit entry is written (<see cref="Audit"/>): by handlers, and by <see cref="SecurityAudit"/> for the
/// security events that belong to no use case.
/// </summary>
public sealed class UseCaseContext
{
    private Actor? _actor;

    public UseCaseContext(VendorRiskDbContext db, Actor actor, DateTime now)
        : this(db, now) => _actor = actor;

    /// <summary>For a caller who is no signed-in user (<see cref="IActorLoadedByHandler"/>): the handler names the actor.</summary>
    internal UseCaseContext(VendorRiskDbContext db, DateTime now)
    {
        Db = db;
        Now = now;
    }

    public VendorRiskDbContext Db { get; }

    public Actor Actor => _actor
        ?? throw new InvalidOperationException("This use case's handler has not named who acts (ActAs) yet.");

    /// <summary>The injected clock's time when the use case started (UTC), one value for everything it writes.</summary>
    public DateTime Now { get; }

    /// <summary>
    /// Names who acts in a use case whose caller is no signed-in user, once the handler has loaded it (a portal link's
    /// invitation), before anything is recorded. A use case that has an actor cannot change it.
    /// </summary>
    public void ActAs(Actor actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        if (_actor is not null)
            throw new InvalidOperationException($"This use case already acts as {_actor.Name}.");
        _actor = actor;
    }

    /// <summary>
    /// Records what happened, written in the same transaction as the change. Values that are not strings are stored as JSON;
    /// <paramref name="securityEvent"/> marks changes to who can get in (tokens, accounts).
    /// </summary>
    public void Audit(string action, string entityType, object? entityId, string summary, object? oldValue = null, object? newValue = null,
        bool securityEvent = false) =>
        Db.Audit(Actor, action, entityType, entityId, summary, oldValue, newValue, securityEvent);
}
