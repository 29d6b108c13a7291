namespace VendorRisk.Web.Features.Mail.Reminders;

/// <summary>
/// A kind of reminder (overdue assessments, expiring evidence, unanswered portal invitations…). The reminder job asks
/// every registered source what is due and sends each <see cref="DueReminder"/> once per <see cref="DueReminder.Key"/>.
/// A feature adds its reminders by registering an implementation: <c>services.AddScoped&lt;IReminderSource, MySource&gt;()</c>.
/// </summary>
public interface IReminderSource
{
    /// <summary>What is due at <paramref name="nowUtc"/>; already-sent keys may be returned again (the job skips them).</summary>
    Task<IReadOnlyList<DueReminder>> FindDueAsync(VendorRiskDbContext db, DateTime nowUtc, CancellationToken cancellationToken);
}

/// <param name="Key">
/// The item and the period, unique per reminder that should go out once (at most <c>SentReminder.KeyMaxLength</c> characters),
/// e.g. <c>finding-due:12:2026-12-03</c> (once per due date) or <c>assessment-overdue:42:2026-W48</c> (once a week).
/// </param>
/// <param name="EnqueueAsync">
/// Queues the mail(s) into the given context (use <see cref="MailOutbox"/>); the job saves them together with the
/// record that the reminder was sent, in one transaction.
/// </param>
public sealed record DueReminder(string Key, Func<VendorRiskDbContext, CancellationToken, Task> EnqueueAsync);
