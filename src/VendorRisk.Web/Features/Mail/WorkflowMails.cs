namespace VendorRisk.Web.Features.Mail;

/// <summary>
/// The notification mails of the review workflow and of findings. Each method queues into the caller's
/// context, so the mail is saved (or rolled back) with the change that caused it.
/// </summary>
public sealed class WorkflowMails(MailOutbox outbox, PublicLinks links)
{
    public const string AssessmentSubmittedKind = "assessment-submitted";
    public const string AssessmentReviewedKind = "assessment-reviewed";
    public const string FindingAssignedKind = "finding-assigned";

    /// <summary>To every active reviewer (Reviewer or Admin) except the assessor, who may not review it.</summary>
    public async Task AssessmentSubmittedAsync(VendorRiskDbContext db, Assessment assessment, Actor submittedBy, CancellationToken cancellationToken)
    {
        var vendor = await VendorNameAsync(db, assessment.VendorId, cancellationToken);
        var reviewers = await db.Users.AsNoTracking().Where(u => !u.IsDisabled && (u.Role == Roles.Reviewer || u.Role == Roles.Admin) && u.Id != assessment.AssessorId)
            .Select(u => u.Id).ToListAsync(cancellationToken);
        var content = new MailComposer($"Assessment submitted for review: {assessment.Title}")
            .Paragraph($"{submittedBy.Name} submitted the assessment \"{assessment.Title}\" of {vendor} for review.")
            .Fact("Vendor", vendor)
            .Fact("Due", assessment.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
            .Link("Open the assessment", links.Assessment(assessment.Id))
            .Build();
        foreach (var reviewer in reviewers)
            await outbox.EnqueueToUserAsync(db, AssessmentSubmittedKind, reviewer, MailCategory.Notification, content, cancellationToken);
    }

    /// <summary>To the assessor: the assessment was returned to draft, or decided.</summary>
    public async Task AssessmentReviewedAsync(VendorRiskDbContext db, Assessment assessment, ReviewDecision decision, string? comment, Actor reviewer,
        CancellationToken cancellationToken)
    {
        if (assessment.AssessorId == reviewer.UserId)
            return;
        var vendor = await VendorNameAsync(db, assessment.VendorId, cancellationToken);
        var outcome = decision switch
        {
            ReviewDecision.Approved => "approved",
            ReviewDecision.ApprovedWithConditions => "approved with conditions",
            ReviewDecision.Rejected => "rejected",
            _ => "returned to you for changes",
        };
        var content = new MailComposer(decision == ReviewDecision.Returned
                ? $"Assessment returned for changes: {assessment.Title}"
                : $"Assessment {outcome}: {assessment.Title}")
            .Paragraph($"{reviewer.Name} {(decision == ReviewDecision.Returned ? "returned" : "reviewed")} the assessment \"{assessment.Title}\" of {vendor}: {outcome}.")
            .Quote(comment)
            .Link("Open the assessment", links.Assessment(assessment.Id))
            .Build();
        await outbox.EnqueueToUserAsync(db, AssessmentReviewedKind, assessment.AssessorId, MailCategory.Notification, content, cancellationToken);
    }

    /// <summary>To each new owner of <paramref name="findings"/> (one mail per owner), unless the owner assigned them.</summary>
    public async Task FindingsAssignedAsync(VendorRiskDbContext db, IEnumerable<Finding> findings, Actor assignedBy, CancellationToken cancellationToken)
    {
        foreach (var group in findings.Where(f => f.OwnerId is not null && f.OwnerId != assignedBy.UserId).GroupBy(f => f.OwnerId!))
        {
            var list = group.ToList();
            var titles = await db.Assessments.AsNoTracking().Where(a => list.Select(f => f.AssessmentId).Contains(a.Id))
                .ToDictionaryAsync(a => a.Id, a => a.Title, cancellationToken);
            var composer = new MailComposer(list.Count == 1
                    ? $"Finding assigned to you: {list[0].Title}"
                    : $"{list.Count} findings assigned to you")
                .Paragraph($"{assignedBy.Name} made you the owner of {(list.Count == 1 ? "a finding" : $"{list.Count} findings")}.");
            foreach (var finding in list)
            {
                composer.Paragraph($"#{finding.Id} {finding.Title} ({KebabEnum.ToKebab(finding.Severity)})")
                    .Fact("Assessment", titles.GetValueOrDefault(finding.AssessmentId))
                    .Fact("Due", finding.DueDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            var content = composer.Link("Open the findings", links.Findings()).Build();
            await outbox.EnqueueToUserAsync(db, FindingAssignedKind, group.Key, MailCategory.Notification, content, cancellationToken);
        }
    }

    internal static async Task<string> VendorNameAsync(VendorRiskDbContext db, int vendorId, CancellationToken cancellationToken) =>
        await db.Vendors.AsNoTracking().Where(v => v.Id == vendorId).Select(v => v.Name).SingleOrDefaultAsync(cancellationToken) ?? $"vendor {vendorId}";
}
