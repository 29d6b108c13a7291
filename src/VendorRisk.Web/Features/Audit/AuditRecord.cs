using System.Linq.Expressions;

namespace VendorRisk.Web.Features.Audit;

/// <summary>One audit entry as pages, exports and histories show it (the stored entity stays in the data layer).</summary>
public sealed record AuditRecord(long Id, DateTime At, string? UserId, string UserName, string Action, string EntityType, string? EntityId,
    string Summary, string? OldValue, string? NewValue, bool IsSecurityEvent)
{
    /// <summary>The projection queries select, so only the record's columns are read.</summary>
    public static readonly Expression<Func<AuditEntry, AuditRecord>> FromEntry = e =>
        new AuditRecord(e.Id, e.At, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityId, e.Summary, e.OldValue, e.NewValue, e.IsSecurityEvent);
}
