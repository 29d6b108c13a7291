using MailKit.Security;
using MimeKit;

namespace VendorRisk.Web.Features.Mail;

/// <summary>How mail leaves the app: written to a pickup folder (the default) or sent through an SMTP server.</summary>
public enum MailDelivery
{
    Pickup,
    Smtp,
}

/// <summary>Settings under <c>VendorRisk:Mail</c> (README, "E-mail").</summary>
public sealed class MailSettings
{
    public const string Section = "VendorRisk:Mail";
    public const string DefaultPickupFolderName = "mail-pickup";
    public const string DefaultPublicBaseUrl = "http://localhost:5080";

    public MailDelivery Delivery { get; set; } = MailDelivery.Pickup;
    /// <summary>Where <see cref="MailDelivery.Pickup"/> writes .eml files; relative to the content root; empty means <c>mail-pickup</c> in the data folder.</summary>
    public string? PickupFolder { get; set; }
    public string FromAddress { get; set; } = "vendorrisk@localhost";
    public string FromName { get; set; } = "VendorRisk";
    /// <summary>The address users reach the app at; every link in a mail starts with it (never the request's Host header).</summary>
    public string? PublicBaseUrl { get; set; }
    public SmtpSettings Smtp { get; set; } = new();
    public OutboxSenderSettings Sender { get; set; } = new();
    public ReminderSettings Reminders { get; set; } = new();
}

public sealed class SmtpSettings
{
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    /// <summary><c>StartTls</c> (the default), <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c>, <c>Auto</c> or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTls;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class OutboxSenderSettings
{
    public bool Enabled { get; set; } = true;
    public int PollSeconds { get; set; } = 10;
    public int BatchSize { get; set; } = 20;
    /// <summary>How long a claim on a message lasts; a sender that dies mid-batch frees its messages after this.</summary>
    public int LeaseSeconds { get; set; } = 300;
    /// <summary>Tries before a message is marked failed and shown to admins.</summary>
    public int MaxAttempts { get; set; } = 6;
    /// <summary>The wait after the first failure; it doubles after each further failure, up to an hour.</summary>
    public int FirstRetrySeconds { get; set; } = 30;
    /// <summary>Days a sent mail stays in the outbox. Its body holds what it carried (a portal link among them), so it does not stay for ever.</summary>
    public int SentRetentionDays { get; set; } = 30;
    /// <summary>Days a failed mail stays after its last try, for an admin to see and send again.</summary>
    public int FailedRetentionDays { get; set; } = 90;
}

public sealed class ReminderSettings
{
    public bool Enabled { get; set; } = true;
    public int IntervalMinutes { get; set; } = 60;
    public int FindingDueSoonDays { get; set; } = 7;
    public int EvidenceExpiryDays { get; set; } = 30;
    public int InvitationExpiryDays { get; set; } = 3;
    /// <summary>Reassessments due within this many days get a reminder (at most the dashboard's 30).</summary>
    public int ReassessmentNoticeDays { get; set; } = 14;
}

/// <summary>Checks <see cref="MailSettings"/> once at start-up; every problem is named with its setting.</summary>
public static class MailSettingsValidator
{
    /// <summary>Ten years: longer is no retention at all, and the cut-off date must stay a date.</summary>
    public const int MaxRetentionDays = 3650;

    public static IReadOnlyList<string> Problems(MailSettings settings, bool isProduction)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(settings.Delivery))
            problems.Add($"{MailSettings.Section}:Delivery must be 'Pickup' or 'Smtp'.");
        if (!MailboxAddress.TryParse(settings.FromAddress, out var from) || !from.Address.Contains('@', StringComparison.Ordinal))
            problems.Add($"{MailSettings.Section}:FromAddress '{settings.FromAddress}' is not an e-mail address.");
        if (settings.PublicBaseUrl is { } url && !IsBaseUrl(url))
            problems.Add($"{MailSettings.Section}:PublicBaseUrl '{url}' must be an absolute http or https address without query (e.g. https://vendorrisk.example.com).");
        // Mail that leaves the machine must link to where users really reach the app; the pickup folder may keep the local default.
        if (settings.PublicBaseUrl is null && isProduction && settings.Delivery == MailDelivery.Smtp)
            problems.Add($"{MailSettings.Section}:PublicBaseUrl is not set; links in mails need the address users reach the app at (e.g. https://vendorrisk.example.com).");
        if (settings.Delivery == MailDelivery.Smtp)
        {
            if (string.IsNullOrWhiteSpace(settings.Smtp.Host))
                problems.Add($"{MailSettings.Section}:Delivery is 'Smtp' but {MailSettings.Section}:Smtp:Host is empty.");
            if (settings.Smtp.Port is < 1 or > 65535)
                problems.Add($"{MailSettings.Section}:Smtp:Port must be 1 to 65535.");
            if (!Enum.IsDefined(settings.Smtp.Security))
                problems.Add($"{MailSettings.Section}:Smtp:Security must be StartTls, SslOnConnect, StartTlsWhenAvailable, Auto or None.");
            if (!string.IsNullOrEmpty(settings.Smtp.UserName) && string.IsNullOrEmpty(settings.Smtp.Password))
                problems.Add($"{MailSettings.Section}:Smtp:UserName is set but Smtp:Password is empty.");
            if (settings.Smtp.TimeoutSeconds is < 1 or > 600)
                problems.Add($"{MailSettings.Section}:Smtp:TimeoutSeconds must be 1 to 600.");
        }
        var sender = settings.Sender;
        if (sender.PollSeconds < 1 || sender.BatchSize < 1 || sender.MaxAttempts < 1 || sender.FirstRetrySeconds < 1)
            problems.Add($"{MailSettings.Section}:Sender: PollSeconds, BatchSize, MaxAttempts and FirstRetrySeconds must be at least 1.");
        if (sender.SentRetentionDays is < 1 or > MaxRetentionDays || sender.FailedRetentionDays is < 1 or > MaxRetentionDays)
            problems.Add($"{MailSettings.Section}:Sender: SentRetentionDays and FailedRetentionDays must be 1 to {MaxRetentionDays} days.");
        if (sender.LeaseSeconds < 2 * settings.Smtp.TimeoutSeconds)
            problems.Add($"{MailSettings.Section}:Sender:LeaseSeconds must be at least twice Smtp:TimeoutSeconds, so a claim outlasts a slow send.");
        if (settings.Reminders.IntervalMinutes < 1 || settings.Reminders.FindingDueSoonDays < 1 || settings.Reminders.EvidenceExpiryDays < 1 || settings.Reminders.InvitationExpiryDays < 1
            || settings.Reminders.ReassessmentNoticeDays < 0)
            problems.Add($"{MailSettings.Section}:Reminders: IntervalMinutes and the day counts must be at least 1.");
        return problems;
    }

    private static bool IsBaseUrl(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment);
}
