namespace VendorRisk.Web.Infrastructure.UseCases;

/// <summary>
/// Security events that are part of no other change (a sign-in, a lockout, a role the pipeline refused) get their own
/// short transaction, recorded through <see cref="UseCaseContext.Audit"/> like every use case's entries.
/// </summary>
public sealed class SecurityAudit(IDbContextFactory<VendorRiskDbContext> dbFactory, TimeProvider clock)
{
    public const string PermissionDeniedAction = "permission-denied";

    private static readonly Actor Anonymous = new("anonymous", "anonymous", "");

    /// <summary>A sign-in event of the user <paramref name="userId"/> (null when the email names nobody).</summary>
    public Task WriteAsync(string? userId, string userName, string action, string summary) =>
        RecordAsync(new Actor(userId ?? Anonymous.UserId, userName, ""), action, userId, summary, CancellationToken.None);

    /// <summary>The pipeline's refusal: <paramref name="actor"/> (null: nobody signed in) lacks <paramref name="role"/>.</summary>
    public Task RefusedAsync(Actor? actor, string role, string action, CancellationToken cancellationToken) =>
        RecordAsync(actor ?? Anonymous, PermissionDeniedAction, null, $"Refused: {action} (needs {role})", cancellationToken);

    private async Task RecordAsync(Actor actor, string action, string? entityId, string summary, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        new UseCaseContext(db, actor, clock.GetUtcNow().UtcDateTime)
            .Audit(action, AuditEntityTypes.Security, entityId, summary, securityEvent: true);
        await db.SaveChangesAsync(cancellationToken);
    }
}
