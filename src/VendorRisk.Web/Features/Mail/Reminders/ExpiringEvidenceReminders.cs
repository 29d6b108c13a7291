namespace VendorRisk.Web.Features.Mail.Reminders;

/// <summary>An evidence file that stops being valid on <see cref="ValidUntil"/> (a SOC 2 report, a certificate).</summary>
public sealed record ExpiringEvidence(long FileId, string FileName, DateOnly ValidUntil, int AssessmentId, string AssessmentTitle,
    string VendorName, string AssessorId);

/// <summary>
/// Finds evidence whose "valid until" date falls within a window; the evidence-files feature implements it
/// (<c>services.AddScoped&lt;IExpiringEvidenceQuery, …&gt;()</c>) and <see cref="ExpiringEvidenceReminders"/> does the rest.
/// </summary>
public interface IExpiringEvidenceQuery
{
    Task<IReadOnlyList<ExpiringEvidence>> FindExpiringAsync(VendorRiskDbContext db, DateOnly from, DateOnly until, CancellationToken cancellationToken);
}

/// <summary>Evidence expiring within <see cref="ReminderSettings.EvidenceExpiryDays"/> days: one mail to the assessment's assessor per file and date.</summary>
public sealed class ExpiringEvidenceReminders(IEnumerable<IExpiringEvidenceQuery> queries, MailOutbox outbox, PublicLinks links, MailSettings settings) : IReminderSource
{
    public const string Kind = "evidence-expiring";

    public async Task<IReadOnlyList<DueReminder>> FindDueAsync(VendorRiskDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var due = new List<DueReminder>();
        foreach (var query in queries)
        {
            foreach (var evidence in await query.FindExpiringAsync(db, today, today.AddDays(settings.Reminders.EvidenceExpiryDays), cancellationToken))
            {
                var until = evidence.ValidUntil.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                due.Add(new DueReminder($"{Kind}:{evidence.FileId}:{until}", async (write, ct) =>
                {
                    var content = new MailComposer($"Evidence expires {until}: {evidence.FileName}")
                        .Paragraph($"The evidence \"{evidence.FileName}\" of {evidence.VendorName} is valid until {until}. Ask the vendor for a current one.")
                        .Fact("Assessment", evidence.AssessmentTitle)
                        .Link("Open the assessment", links.Assessment(evidence.AssessmentId))
                        .Build();
                    await outbox.EnqueueToUserAsync(write, Kind, evidence.AssessorId, MailCategory.Notification, content, ct);
                }));
            }
        }
        return due;
    }
}
