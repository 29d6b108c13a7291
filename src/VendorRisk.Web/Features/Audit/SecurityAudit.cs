namespace VendorRisk.Web.Features.Audit;

/// <summary>Security events that are not part of another change (sign-in, lockout) get their own short transaction.</summary>
public sealed class SecurityAudit(IDbContextFactory<VendorRiskDbContext> dbFactory)
{
    public async Task WriteAsync(string? userId, string userName, string action, string summary)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        db.Audit(new Actor(userId ?? "anonymous", userName, ""), action, AuditEntityTypes.Security, userId, summary, securityEvent: true);
        await db.SaveChangesAsync();
    }
}
