using VendorRisk.Web.Features.Assessments;

namespace VendorRisk.Web.Features.Portal;

/// <param name="ExpectedVersion">The version of the analyst's answer shown beside the vendor's (0: none); a later change is a conflict.</param>
/// <param name="Edited">The analyst's edit of the vendor's answer; null accepts it as given.</param>
public sealed record VendorAnswerDecision(int VendorAnswerId, int ExpectedVersion, AnswerValue? Edited = null);

/// <summary>Accept submitted vendor answers (as given or edited), all or nothing.</summary>
[RequiresRole(Roles.Assessor, "accept vendor answers")]
public sealed record AcceptVendorAnswersRequest(int AssessmentId, IReadOnlyList<VendorAnswerDecision> Decisions) : IUseCase<Done>;

/// <summary>Reject submitted vendor answers: they stay on record, and the assessment's answers do not change.</summary>
[RequiresRole(Roles.Assessor, "reject vendor answers")]
public sealed record RejectVendorAnswersRequest(int AssessmentId, IReadOnlyList<int> VendorAnswerIds) : IUseCase<Done>;

/// <summary>
/// Accepting runs <see cref="SaveAnswersHandler"/> in the same transaction: the draft's editing rights, validation,
/// version checks (an analyst's answer changed since it was shown is a conflict, never overwritten) and the answer audit.
/// The accepted answer's evidence is the vendor's attestation, and the analyst's own note on it is kept.
/// </summary>
public sealed class AcceptVendorAnswersHandler(SaveAnswersHandler saveAnswers) : IUseCaseHandler<AcceptVendorAnswersRequest, Done>
{
    public const string Action = "vendor-answer-accepted";

    public async Task<Done> HandleAsync(AcceptVendorAnswersRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        if (request.Decisions.Count == 0)
            return default;
        var staged = await StagedVendorAnswers.PendingAsync(context.Db, request.AssessmentId, request.Decisions.Select(d => d.VendorAnswerId).ToList(), cancellationToken);
        var keys = staged.Select(s => s.QuestionKey).ToList();
        if (keys.Distinct(StringComparer.Ordinal).Count() != keys.Count)
            throw RequestRefusals.One("decisions", "Two of these vendor answers are to the same question; accept one of them.");
        var notes = await context.Db.Answers.AsNoTracking().Where(a => a.AssessmentId == request.AssessmentId && keys.Contains(a.QuestionKey))
            .ToDictionaryAsync(a => a.QuestionKey, a => a.Note, cancellationToken);

        var inputs = request.Decisions.Select(d =>
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
        await saveAnswers.HandleAsync(new SaveAnswersRequest(request.AssessmentId, inputs), context, cancellationToken);

        foreach (var decision in request.Decisions)
        {
            var vendor = staged.Single(s => s.Id == decision.VendorAnswerId);
            StagedVendorAnswers.Mark(vendor, decision.Edited is null ? VendorAnswerReview.Accepted : VendorAnswerReview.Edited, context);
            context.Audit(Action, AuditEntityTypes.PortalInvitation, vendor.InvitationId,
                $"Vendor answer to '{vendor.QuestionKey}' {(decision.Edited is null ? "accepted" : "accepted with edits")} into assessment #{request.AssessmentId}");
        }
        return default;
    }

    private static string EvidenceText(VendorAnswer vendor, bool edited)
    {
        var text = $"Vendor attestation by {vendor.Invitation.ContactName} <{vendor.Invitation.ContactEmail}> through the response portal" +
            (edited ? ", edited on review" : "") + (vendor.Comment is { } comment ? $". Vendor's comment: {comment}" : "");
        return text.Length <= AnswerLimits.EvidenceDescriptionMaxLength ? text : text[..(AnswerLimits.EvidenceDescriptionMaxLength - 1)] + "…";
    }
}

public sealed class RejectVendorAnswersHandler : IUseCaseHandler<RejectVendorAnswersRequest, Done>
{
    public const string Action = "vendor-answer-rejected";

    public async Task<Done> HandleAsync(RejectVendorAnswersRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var assessment = await context.Db.Assessments.AsNoTracking().SingleOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {request.AssessmentId}.");
        AssessmentWorkflow.EnsureEditable(assessment.Facts(), context.Actor);
        foreach (var vendor in await StagedVendorAnswers.PendingAsync(context.Db, request.AssessmentId, request.VendorAnswerIds, cancellationToken))
        {
            StagedVendorAnswers.Mark(vendor, VendorAnswerReview.Rejected, context);
            context.Audit(Action, AuditEntityTypes.PortalInvitation, vendor.InvitationId,
                $"Vendor answer to '{vendor.QuestionKey}' rejected for assessment #{request.AssessmentId}", PortalService.ValueOf(vendor), null);
        }
        return default;
    }
}

internal static class StagedVendorAnswers
{
    /// <summary>The submitted, not yet reviewed vendor answers of this assessment with these ids; any other id is an error.</summary>
    public static async Task<List<VendorAnswer>> PendingAsync(VendorRiskDbContext db, int assessmentId, IReadOnlyList<int> ids, CancellationToken cancellationToken)
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

    public static void Mark(VendorAnswer vendor, VendorAnswerReview review, UseCaseContext context)
    {
        vendor.Review = review;
        vendor.ReviewedByName = context.Actor.Name;
        vendor.ReviewedAt = context.Now;
    }
}
