namespace VendorRisk.Web.Features.Mail;

/// <summary>What an invitation mail says: who is asked, about what, and the link (absolute, from <see cref="PublicLinks.To"/>).</summary>
public sealed record PortalInvitationMail(
    string ContactEmail,
    string ContactName,
    string VendorName,
    string AssessmentTitle,
    string InvitedByName,
    Uri Link,
    DateTime ExpiresAtUtc);

/// <summary>
/// What the reminder of an unanswered invitation says. It carries no link: only the token's hash is stored, so the
/// contact uses the link of the original invitation mail (or asks the assessor for a new one).
/// </summary>
public sealed record PortalInvitationReminderMail(
    string ContactEmail,
    string ContactName,
    string VendorName,
    string AssessmentTitle,
    string InvitedByName,
    DateTime ExpiresAtUtc);

/// <summary>What the "vendor submitted" mail says to the assessor.</summary>
public sealed record VendorSubmittedMail(
    string AssessorUserId,
    int AssessmentId,
    string AssessmentTitle,
    string VendorName,
    string ContactName,
    int AnswerCount);

/// <summary>
/// The portal's mails. Each queues into the caller's context (saved with the invitation or the submission).
/// An invitation is essential (the contact has no preference to honour); "vendor submitted" is a notification.
/// </summary>
public sealed class PortalMails(MailOutbox outbox, PublicLinks links)
{
    public const string InvitationKind = "portal-invitation";
    public const string InvitationReminderKind = "portal-invitation-reminder";
    public const string VendorSubmittedKind = "portal-vendor-submitted";

    /// <summary>The link to a portal page, e.g. <c>Link("portal/" + token)</c>.</summary>
    public Uri Link(string path) => links.To(path);

    /// <summary>Queues the invitation. Throws <see cref="Domain.Common.ValidationFailedException"/> (key <c>email</c>) for a bad address.</summary>
    public void EnqueueInvitation(VendorRiskDbContext db, PortalInvitationMail mail) =>
        outbox.Enqueue(db, InvitationKind, mail.ContactEmail, mail.ContactName, Invitation(mail));

    /// <summary>Queues a reminder of an unanswered invitation (the reminder job calls it through <see cref="IReminderSource"/>).</summary>
    public void EnqueueInvitationReminder(VendorRiskDbContext db, PortalInvitationReminderMail mail) =>
        outbox.Enqueue(db, InvitationReminderKind, mail.ContactEmail, mail.ContactName, InvitationReminder(mail));

    /// <summary>Queues the mail to the assessor; false when the assessor turned notification mails off (or has no address).</summary>
    public Task<bool> EnqueueVendorSubmittedAsync(VendorRiskDbContext db, VendorSubmittedMail mail, CancellationToken cancellationToken = default) =>
        outbox.EnqueueToUserAsync(db, VendorSubmittedKind, mail.AssessorUserId, MailCategory.Notification, VendorSubmitted(mail), cancellationToken);

    public static MailContent Invitation(PortalInvitationMail mail)
    {
        var expires = Expires(mail.ExpiresAtUtc);
        return new MailComposer($"{mail.InvitedByName} asks {mail.VendorName} to answer a questionnaire")
            .Paragraph($"Hello {mail.ContactName},")
            .Paragraph($"{mail.InvitedByName} invites you to answer the questionnaire \"{mail.AssessmentTitle}\" for {mail.VendorName} and to attach your evidence (reports, agreements).")
            .Link("Open the questionnaire", mail.Link)
            .Fact("Link valid until", expires)
            .Paragraph("The link is personal: it opens only this questionnaire. Do not forward it. If you did not expect this mail, ignore it.")
            .Build(toVendorContact: true);
    }

    public static MailContent InvitationReminder(PortalInvitationReminderMail mail)
    {
        var expires = Expires(mail.ExpiresAtUtc);
        return new MailComposer($"Reminder: questionnaire for {mail.VendorName} expires {mail.ExpiresAtUtc:yyyy-MM-dd}")
            .Paragraph($"Hello {mail.ContactName},")
            .Paragraph($"The questionnaire \"{mail.AssessmentTitle}\" that {mail.InvitedByName} sent you for {mail.VendorName} has not been submitted yet. The link stops working on {expires}.")
            .Paragraph($"Open it with the link in the original invitation mail from {mail.InvitedByName}. If you no longer have that mail, ask {mail.InvitedByName} for a new link.")
            .Fact("Link valid until", expires)
            .Build(toVendorContact: true);
    }

    private static string Expires(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    public MailContent VendorSubmitted(VendorSubmittedMail mail) =>
        new MailComposer($"{mail.VendorName} submitted its answers: {mail.AssessmentTitle}")
            .Paragraph($"{mail.ContactName} submitted {mail.AnswerCount.ToString(CultureInfo.InvariantCulture)} answers for \"{mail.AssessmentTitle}\" through the vendor portal. Review each answer and accept, edit or reject it.")
            .Link("Review the vendor's answers", links.Assessment(mail.AssessmentId))
            .Build();
}
