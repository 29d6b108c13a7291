namespace VendorRisk.Web.Features.Mail.Reminders;

/// <summary>
/// Assessments past their due date: a draft reminds its assessor, a submitted one its reviewers; once a week
/// (ISO week) while overdue.
/// </summary>
public sealed class OverdueAssessmentReminders(MailOutbox outbox, PublicLinks links) : IReminderSource
{
    public const string Kind = "assessment-overdue";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(VendorRiskDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var week = $"{ISOWeek.GetYear(nowUtc)}-W{ISOWeek.GetWeekOfYear(nowUtc):00}";
        var overdue = await db.Assessments.AsNoTracking()
            .Where(a => a.DueDate != null && a.DueDate < today && (a.Status == AssessmentStatus.Draft || a.Status == AssessmentStatus.Submitted))
            .Select(a => new { a.Id, a.Title, a.DueDate, a.Status, a.AssessorId, Vendor = a.Vendor.Name })
            .ToListAsync(cancellationToken);
        return overdue.Select(a => new DueReminder($"{Kind}:{a.Id}:{week}", async (write, ct) =>
        {
            var due = a.DueDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            var content = new MailComposer($"Assessment overdue: {a.Title}")
                .Paragraph(a.Status == AssessmentStatus.Draft
                    ? $"The assessment \"{a.Title}\" of {a.Vendor} was due on {due} and is still a draft."
                    : $"The assessment \"{a.Title}\" of {a.Vendor} was due on {due} and is waiting for review.")
                .Link("Open the assessment", links.Assessment(a.Id))
                .Build();
            var recipients = a.Status == AssessmentStatus.Draft
                ? [a.AssessorId]
                : await ReviewersAsync(write, a.AssessorId, ct);
            foreach (var recipient in recipients)
                await outbox.EnqueueToUserAsync(write, Kind, recipient, MailCategory.Notification, content, ct);
        })).ToList();
    }

    internal static async Task<List<string>> ReviewersAsync(VendorRiskDbContext db, string exceptUserId, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => !u.IsDisabled && (u.Role == Roles.Reviewer || u.Role == Roles.Admin) && u.Id != exceptUserId)
            .Select(u => u.Id).ToListAsync(cancellationToken);
}

/// <summary>Open findings with an owner, due within <see cref="ReminderSettings.FindingDueSoonDays"/> days: once per due date.</summary>
public sealed class FindingDueSoonReminders(MailOutbox outbox, PublicLinks links, MailSettings settings) : IReminderSource
{
    public const string Kind = "finding-due-soon";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(VendorRiskDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var horizon = today.AddDays(settings.Reminders.FindingDueSoonDays);
        var findings = await db.Findings.AsNoTracking()
            .Where(f => f.OwnerId != null && f.DueDate != null && f.DueDate >= today && f.DueDate <= horizon
                && f.Status != FindingStatus.Resolved && f.Status != FindingStatus.RiskAccepted)
            .Select(f => new { f.Id, f.Title, f.DueDate, f.OwnerId, f.Severity, Assessment = f.Assessment.Title })
            .ToListAsync(cancellationToken);
        return findings.Select(f =>
        {
            var due = f.DueDate!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new DueReminder($"{Kind}:{f.Id}:{due}", async (write, ct) =>
            {
                var content = new MailComposer($"Finding due {due}: {f.Title}")
                    .Paragraph($"Finding #{f.Id} \"{f.Title}\" ({KebabEnum.ToKebab(f.Severity)}), which you own, is due on {due}.")
                    .Fact("Assessment", f.Assessment)
                    .Link("Open the findings", links.Findings())
                    .Build();
                await outbox.EnqueueToUserAsync(write, Kind, f.OwnerId!, MailCategory.Notification, content, ct);
            });
        }).ToList();
    }
}
