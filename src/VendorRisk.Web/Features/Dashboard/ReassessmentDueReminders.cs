using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Features.Mail.Reminders;

namespace VendorRisk.Web.Features.Dashboard;

/// <summary>
/// Reassessments due (as the dashboard computes them) within <see cref="ReminderSettings.ReassessmentNoticeDays"/> days and not yet
/// started: one mail to the assessor of the reviewed assessment per due date.
/// </summary>
public sealed class ReassessmentDueReminders(IServiceProvider services, MailOutbox outbox, PublicLinks links, MailSettings settings) : IReminderSource
{
    public const string Kind = "reassessment-due";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(VendorRiskDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // The job reads as the system; the dashboard's rule of what is due is reused as it is.
        var system = services.GetRequiredService<UseCasePipeline>().AsSystem();
        var reader = ActivatorUtilities.CreateInstance<AssessmentReader>(services, system);
        var dashboard = ActivatorUtilities.CreateInstance<DashboardService>(services, system);
        var snapshots = await reader.ListAsync(new AssessmentFilter(), cancellationToken);
        var assessors = snapshots.ToDictionary(s => s.Id, s => s.AssessorId);
        var due = dashboard.ReassessmentsDue(snapshots, DateOnly.FromDateTime(nowUtc))
            .Where(d => !d.InProgress && d.DaysLeft <= settings.Reminders.ReassessmentNoticeDays);
        return due.Select(d =>
        {
            var on = d.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new DueReminder($"{Kind}:{d.AssessmentId}:{on}", async (write, ct) =>
            {
                var content = new MailComposer($"Reassessment due {on}: {d.VendorName}")
                    .Paragraph(d.DaysLeft < 0
                        ? $"The reassessment of {d.VendorName} was due on {on} ({d.IntervalDays} days after the review of \"{d.Title}\")."
                        : $"The reassessment of {d.VendorName} is due on {on} ({d.IntervalDays} days after the review of \"{d.Title}\").")
                    .Fact("Current rating", d.Rating)
                    .Link("Open the reviewed assessment", links.Assessment(d.AssessmentId))
                    .Build();
                await outbox.EnqueueToUserAsync(write, Kind, assessors[d.AssessmentId], MailCategory.Notification, content, ct);
            });
        }).ToList();
    }
}
