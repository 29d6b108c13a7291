using System.Text.Json;
using VendorRisk.Domain.Access;

namespace VendorRisk.Data;

public static class AuditExtensions
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>
    /// Adds an audit entry to the context, so it is written in the same transaction as the change it records.
    /// Values that are not strings are stored as JSON. The time is stamped as it is saved (<see cref="AuditClockInterceptor"/>).
    /// </summary>
    public static AuditEntry Audit(this VendorRiskDbContext db, Actor actor, string action, string entityType, object? entityId,
        string summary, object? oldValue = null, object? newValue = null, bool securityEvent = false)
    {
        var entry = new AuditEntry
        {
            UserId = actor.UserId == Actor.System.UserId ? null : actor.UserId,
            UserName = actor.Name,
            Action = action,
            EntityType = entityType,
            EntityId = entityId?.ToString(),
            Summary = summary,
            OldValue = Serialize(oldValue),
            NewValue = Serialize(newValue),
            IsSecurityEvent = securityEvent,
        };
        // Entry().State, not Add: Add walks the entry's navigations looking for more to track, and an audit entry has none.
        db.Entry(entry).State = EntityState.Added;
        return entry;
    }

    private static string? Serialize(object? value) => value switch
    {
        null => null,
        string s => s,
        _ => JsonSerializer.Serialize(value, Json),
    };
}

public static class AuditEntityTypes
{
    public const string User = "user";
    public const string Vendor = "vendor";
    public const string Assessment = "assessment";
    public const string Answer = "answer";
    /// <summary>Entity id "{assessmentId}/{findingId}", so a finding belongs to its assessment's history.</summary>
    public const string Finding = "finding";
    /// <summary>Entity id "{assessmentId}/{questionKey}".</summary>
    public const string RiskAcceptance = "risk-acceptance";
    /// <summary>Entity id "{assessmentId}/{fileId}".</summary>
    public const string EvidenceFile = "evidence-file";
    public const string QuestionSet = "question-set";
    public const string ApiToken = "api-token";
    /// <summary>Entity id: the invitation's id. Every action in the vendor portal is audited under it.</summary>
    public const string PortalInvitation = "portal-invitation";
    public const string Security = "security";
    /// <summary>An outbox mail (entity id: its outbox id).</summary>
    public const string Mail = "mail";
}
