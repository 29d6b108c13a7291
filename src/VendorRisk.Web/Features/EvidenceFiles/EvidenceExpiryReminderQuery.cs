using VendorRisk.Web.Features.Mail.Reminders;

namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>The evidence files whose "valid until" falls in the reminder window, for the assessor's reminder mail.</summary>
public sealed class EvidenceExpiryReminderQuery : IExpiringEvidenceQuery
{
    public async Task<IReadOnlyList<Mail.Reminders.ExpiringEvidence>> FindExpiringAsync(VendorRiskDbContext db, DateOnly from, DateOnly until,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        return await db.EvidenceFiles.AsNoTracking()
            .Where(f => f.ValidUntil != null && f.ValidUntil >= from && f.ValidUntil <= until)
            .OrderBy(f => f.ValidUntil).ThenBy(f => f.Id)
            .Select(f => new Mail.Reminders.ExpiringEvidence(f.Id, f.Name, f.ValidUntil!.Value, f.AssessmentId, f.Assessment.Title,
                f.Assessment.Vendor.Name, f.Assessment.AssessorId))
            .ToListAsync(cancellationToken);
    }
}
