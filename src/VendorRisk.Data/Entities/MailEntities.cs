namespace VendorRisk.Data.Entities;

/// <summary>Where an outbox message stands: waiting (or between retries), delivered, or given up.</summary>
public enum OutboxStatus
{
    Pending,
    Sent,
    Failed,
}

/// <summary>
/// One e-mail waiting to be sent, written in the same transaction as the change that caused it.
/// A sender claims it by setting <see cref="LeaseOwner"/> and <see cref="LeaseExpiresAt"/> in one
/// conditional UPDATE, so across several app instances only one sends it (docs/decisions/0023-mail-outbox-with-leases.md).
/// </summary>
public sealed class OutboxMessage
{
    public const int AddressMaxLength = 320;
    public const int NameMaxLength = 200;
    public const int SubjectMaxLength = 300;
    public const int KindMaxLength = 60;
    public const int LeaseOwnerMaxLength = 100;
    public const int ErrorMaxLength = 2_000;

    public long Id { get; set; }
    /// <summary>Which mail this is (a template name such as <c>assessment-submitted</c>), for the admin list.</summary>
    public string Kind { get; set; } = "";
    public string ToAddress { get; set; } = "";
    public string? ToName { get; set; }
    /// <summary>The user the mail is for, when it is for a user of the app (null for a vendor contact).</summary>
    public string? RecipientUserId { get; set; }
    public string Subject { get; set; } = "";
    public string TextBody { get; set; } = "";
    public string HtmlBody { get; set; } = "";
    public OutboxStatus Status { get; set; }
    public int Attempts { get; set; }
    /// <summary>Not sent before this time (UTC): creation, then the backoff after each failure.</summary>
    public DateTime NextAttemptAt { get; set; }
    public string? LeaseOwner { get; set; }
    public DateTime? LeaseExpiresAt { get; set; }
    public string? LastError { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}

/// <summary>
/// A reminder already handled: one row per item and period (<see cref="Key"/>, e.g.
/// <c>assessment-overdue:42:2026-W48</c>), so a reminder goes out once however many instances look.
/// </summary>
public sealed class SentReminder
{
    public const int KeyMaxLength = 200;

    public long Id { get; set; }
    public string Key { get; set; } = "";
    public DateTime SentAt { get; set; }
}

/// <summary>
/// A lease on a periodic job (e.g. the reminder scan): only the instance holding an unexpired lease runs it.
/// </summary>
public sealed class JobLease
{
    public const int NameMaxLength = 100;

    public string Name { get; set; } = "";
    public string? Owner { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? LastRunAt { get; set; }
}
