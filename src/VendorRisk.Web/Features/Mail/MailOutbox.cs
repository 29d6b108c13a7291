using MimeKit;

namespace VendorRisk.Web.Features.Mail;

/// <summary>Whether a user may turn a mail off: notifications may be, security/account mails and portal invitations may not.</summary>
public enum MailCategory
{
    Notification,
    Essential,
}

/// <summary>
/// The one way the app sends mail: it only enqueues. The row is added to the caller's context, so it is
/// saved in the caller's transaction with the change that caused it; <see cref="OutboxSender"/> delivers it later.
/// </summary>
public sealed class MailOutbox(IDbContextFactory<VendorRiskDbContext> dbFactory, TimeProvider clock, OutboxSignal signal)
{
    /// <summary>
    /// Queues a mail to any address (a vendor contact). Saved by the caller's <c>SaveChangesAsync</c>.
    /// Throws <see cref="ValidationFailedException"/> (key <c>email</c>) for an address that is not one.
    /// </summary>
    public OutboxMessage Enqueue(VendorRiskDbContext db, string kind, string toAddress, string? toName, MailContent content, string? recipientUserId = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(content);
        if (!IsAddress(toAddress))
            throw RequestRefusals.One("email", $"'{toAddress}' is not an e-mail address.");
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessage
        {
            Kind = kind.Length > OutboxMessage.KindMaxLength ? kind[..OutboxMessage.KindMaxLength] : kind,
            ToAddress = toAddress.Trim(),
            ToName = Shorten(SingleLine(toName), OutboxMessage.NameMaxLength),
            RecipientUserId = recipientUserId,
            Subject = content.Subject,
            TextBody = content.Text,
            HtmlBody = content.Html,
            Status = OutboxStatus.Pending,
            NextAttemptAt = now,
            CreatedAt = now,
        };
        db.OutboxMessages.Add(message);
        // Wakes this instance's sender once the caller has had time to commit; the poll catches it otherwise.
        signal.Notify();
        return message;
    }

    /// <summary>
    /// Queues a mail to a user of the app, unless the user is disabled, has no address, or turned
    /// notification mails off (<see cref="MailCategory.Notification"/> only). Returns whether it was queued.
    /// </summary>
    public async Task<bool> EnqueueToUserAsync(VendorRiskDbContext db, string kind, string userId, MailCategory category,
        MailContent content, CancellationToken cancellationToken = default)
    {
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Email, u.DisplayName, u.IsDisabled, u.NotificationMailsOff }).SingleOrDefaultAsync(cancellationToken);
        if (user is null || user.IsDisabled || !IsAddress(user.Email))
            return false;
        if (category == MailCategory.Notification && user.NotificationMailsOff)
            return false;
        Enqueue(db, kind, user.Email!, user.DisplayName, content, userId);
        return true;
    }

    /// <summary>Queues and saves at once, in a context of its own (when there is no change to ride along with).</summary>
    public async Task<bool> SendToUserAsync(string kind, string userId, MailCategory category, MailContent content, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await EnqueueToUserAsync(db, kind, userId, category, content, cancellationToken))
            return false;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public static bool IsAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Length <= OutboxMessage.AddressMaxLength
        && MailboxAddress.TryParse(value.Trim(), out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal)
        && string.Equals(parsed.Address, value.Trim(), StringComparison.Ordinal);

    private static string? SingleLine(string? value) =>
        value is null ? null : string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)).Trim();

    private static string? Shorten(string? value, int max) => value is { Length: > 0 } && value.Length > max ? value[..max] : value;
}

/// <summary>Wakes the local sender early after a mail is queued; several instances still rely on their poll.</summary>
public sealed class OutboxSignal
{
    private readonly SemaphoreSlim _signal = new(0, 1);

    public void Notify()
    {
        if (_signal.CurrentCount == 0)
        {
            try
            {
                _signal.Release();
            }
            catch (SemaphoreFullException)
            {
            }
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _signal.WaitAsync(timeout, cancellationToken);
}
