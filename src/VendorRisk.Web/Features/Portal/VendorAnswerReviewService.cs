using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Portal;

/// <summary>A submitted vendor answer beside the analyst's current answer to the same question.</summary>
public sealed record VendorAnswerRow(
    int Id, int InvitationId, string ContactName, string QuestionKey, string SectionTitle, string QuestionText,
    AnswerValue Vendor, string? Comment, DateTime SubmittedAt,
    AnswerValue? Current, int CurrentVersion, string? CurrentByName,
    VendorAnswerReview Review, string? ReviewedByName);

/// <param name="ExpectedVersion">The version of the analyst's answer shown beside the vendor's (0: none); a later change is a conflict.</param>
/// <param name="Edited">The analyst's edit of the vendor's answer; null accepts it as given.</param>
public sealed record VendorAnswerDecision(int VendorAnswerId, int ExpectedVersion, AnswerValue? Edited = null);

/// <summary>
/// The analyst's review of what vendors submitted. Accepting writes through <see cref="AssessmentService.SaveAnswersAsync"/>
/// (the draft's editing rights, validation, versions, audit) with the answer's evidence marked as a vendor attestation;
/// nothing reaches the analyst's answers any other way.
/// </summary>
public sealed class VendorAnswerReviewService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    ICurrentUser currentUser,
    AssessmentService assessments,
    QuestionSetDefinitions definitions,
    TimeProvider clock)
{
    public const string AcceptedAction = "vendor-answer-accepted";
    public const string RejectedAction = "vendor-answer-rejected";

    public async Task<IReadOnlyList<VendorAnswerRow>> ListAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read assessments", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var version = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.QuestionSetVersion).SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        var definition = definitions.Get(version);
        var staged = await db.VendorAnswers.AsNoTracking().Include(a => a.Invitation)
            .Where(a => a.Invitation.AssessmentId == assessmentId && a.Invitation.SubmittedAt != null && a.ValueJson != "")
            .ToListAsync(cancellationToken);
        var current = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == assessmentId).ToDictionaryAsync(a => a.QuestionKey, cancellationToken);
        var order = definition.Sections.SelectMany(s => s.Questions.Select(q => (Section: s.Title, Question: q)))
            .Select((x, i) => (x.Section, x.Question, Index: i)).ToDictionary(x => x.Question.Key);

        return staged.Where(a => order.ContainsKey(a.QuestionKey))
            .OrderBy(a => order[a.QuestionKey].Index).ThenByDescending(a => a.InvitationId)
            .Select(a =>
            {
                var (section, question, _) = order[a.QuestionKey];
                var mine = current.GetValueOrDefault(a.QuestionKey);
                return new VendorAnswerRow(a.Id, a.InvitationId, a.Invitation.ContactName, a.QuestionKey, section, question.Text,
                    PortalService.ValueOf(a)!, a.Comment, a.Invitation.SubmittedAt!.Value,
                    mine?.ToValue(), mine?.Version ?? 0, mine?.UpdatedByName, a.Review, a.ReviewedByName);
            }).ToList();
    }

    /// <summary>Accepts vendor answers (as given or edited) all or nothing, through the normal answer-saving path.</summary>
    public async Task AcceptAsync(int assessmentId, IReadOnlyList<VendorAnswerDecision> decisions, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(decisions);
        var actor = await currentUser.RequireAsync(Roles.Assessor, "accept vendor answers", cancellationToken);
        if (decisions.Count == 0)
            return;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var staged = await PendingAsync(db, assessmentId, decisions.Select(d => d.VendorAnswerId).ToList(), cancellationToken);
        var keys = staged.Select(s => s.QuestionKey).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
            throw new ValidationFailedException("vendorAnswerIds", "Two of these vendor answers are to the same question; accept one of them.");
        var notes = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == assessmentId && keys.Contains(a.QuestionKey))
            .ToDictionaryAsync(a => a.QuestionKey, a => a.Note, cancellationToken);

        var inputs = decisions.Select(d =>
        {
            var vendor = staged.Single(s => s.Id == d.VendorAnswerId);
            var value = (d.Edited ?? PortalService.ValueOf(vendor)!) with
            {
                QuestionKey = vendor.QuestionKey,
                Note = notes.GetValueOrDefault(vendor.QuestionKey),
                Evidence = new Evidence(EvidenceText(vendor, edited: d.Edited is not null), EvidenceSource.VendorAttestation,
                    DateOnly.FromDateTime(vendor.Invitation.SubmittedAt!.Value)),
            };
            return new AnswerInput(value, ExpectedVersion: d.ExpectedVersion);
        }).ToList();
        // Editing rights, draft status, validation, version checks and the answer audit: all of AssessmentService's rules.
        await assessments.SaveAnswersAsync(assessmentId, inputs, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var decision in decisions)
        {
            var vendor = staged.Single(s => s.Id == decision.VendorAnswerId);
            vendor.Review = decision.Edited is null ? VendorAnswerReview.Accepted : VendorAnswerReview.Edited;
            vendor.ReviewedByName = actor.Name;
            vendor.ReviewedAt = now;
            db.Audit(actor, AcceptedAction, AuditEntityTypes.PortalInvitation, vendor.InvitationId,
                $"Vendor answer to '{vendor.QuestionKey}' {(decision.Edited is null ? "accepted" : "accepted with edits")} into assessment #{assessmentId}");
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task RejectAsync(int assessmentId, IReadOnlyList<int> vendorAnswerIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendorAnswerIds);
        var actor = await currentUser.RequireAsync(Roles.Assessor, "reject vendor answers", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (!AssessmentService.CanEditDraft(actor, assessment.AssessorId))
            throw new ForbiddenException("Only the assessor named on this assessment, or an Admin, may review its vendor answers.");
        var staged = await PendingAsync(db, assessmentId, vendorAnswerIds, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var vendor in staged)
        {
            vendor.Review = VendorAnswerReview.Rejected;
            vendor.ReviewedByName = actor.Name;
            vendor.ReviewedAt = now;
            db.Audit(actor, RejectedAction, AuditEntityTypes.PortalInvitation, vendor.InvitationId,
                $"Vendor answer to '{vendor.QuestionKey}' rejected for assessment #{assessmentId}", PortalService.ValueOf(vendor), null);
        }
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task<List<VendorAnswer>> PendingAsync(VendorRiskDbContext db, int assessmentId, IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var staged = await db.VendorAnswers.Include(a => a.Invitation)
            .Where(a => ids.Contains(a.Id) && a.Invitation.AssessmentId == assessmentId && a.Invitation.SubmittedAt != null && a.ValueJson != "")
            .ToListAsync(cancellationToken);
        var missing = ids.Except(staged.Select(s => s.Id)).ToList();
        if (missing.Count > 0)
            throw new NotFoundException($"No submitted vendor answer {string.Join(", ", missing)} on assessment #{assessmentId}.");
        if (staged.FirstOrDefault(s => s.Review != VendorAnswerReview.Pending) is { } done)
            throw new ConflictException($"The vendor answer to '{done.QuestionKey}' was already {KebabEnum.ToKebab(done.Review)} by {done.ReviewedByName}.");
        return staged;
    }

    private static string EvidenceText(VendorAnswer vendor, bool edited)
    {
        var text = $"Vendor attestation by {vendor.Invitation.ContactName} <{vendor.Invitation.ContactEmail}> through the response portal" +
            (edited ? ", edited on review" : "") + (vendor.Comment is { } comment ? $". Vendor's comment: {comment}" : "");
        return text.Length <= AnswerLimits.EvidenceDescriptionMaxLength ? text : text[..(AnswerLimits.EvidenceDescriptionMaxLength - 1)] + "…";
    }
}
