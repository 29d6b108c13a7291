using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Features.Mail.Reminders;

namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// Invitations neither submitted nor revoked whose link expires within <see cref="ReminderSettings.InvitationExpiryDays"/>
/// days: one reminder to the contact per invitation and expiry (extending a link would remind again).
/// </summary>
public sealed class InvitationExpiryReminders(PortalMails mails, MailSettings settings) : IReminderSource
{
    public const string KeyPrefix = "portal-invitation-expiring";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(VendorRiskDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var until = nowUtc.AddDays(settings.Reminders.InvitationExpiryDays);
        var due = await db.PortalInvitations.AsNoTracking()
            .Where(i => i.SubmittedAt == null && i.RevokedAt == null && i.ExpiresAt > nowUtc && i.ExpiresAt <= until)
            .Select(i => new
            {
                i.Id, i.ContactEmail, i.ContactName, i.CreatedByName, i.ExpiresAt,
                Title = i.Assessment.Title, VendorName = i.Assessment.Vendor.Name,
            })
            .ToListAsync(cancellationToken);
        return [.. due.Select(i => new DueReminder(
            $"{KeyPrefix}:{i.Id}:{i.ExpiresAt.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture)}",
            (write, _) =>
            {
                mails.EnqueueInvitationReminder(write, new PortalInvitationReminderMail(i.ContactEmail, i.ContactName, i.VendorName, i.Title,
                    i.CreatedByName, i.ExpiresAt));
                return Task.CompletedTask;
            }))];
    }
}
