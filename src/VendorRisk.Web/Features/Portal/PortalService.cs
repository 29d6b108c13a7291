namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// The vendor's side of the portal. Every call names the invitation from the portal cookie and re-reads it, so a
/// revoked or expired link stops at once; the assessment is always the invitation's own, never one the caller names.
/// Answers go to <see cref="VendorAnswer"/> (staging), never to the analyst's answers.
/// </summary>
public sealed class PortalService(IDbContextFactory<VendorRiskDbContext> dbFactory, QuestionSetDefinitions definitions, TimeProvider clock, UseCasePipeline pipeline)
{
    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<PortalQuestionnaire> GetAsync(int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var invitation = await LoadActiveAsync(db, invitationId, cancellationToken);
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Vendor).Include(a => a.ModelOffering).Include(a => a.QuestionSetVersion)
            .SingleAsync(a => a.Id == invitation.AssessmentId, cancellationToken);
        var definition = definitions.Get(assessment.QuestionSetVersion);
        var saved = await db.VendorAnswers.AsNoTracking().Where(a => a.InvitationId == invitationId).ToDictionaryAsync(a => a.QuestionKey, cancellationToken);

        var groups = new List<PortalGroup>();
        foreach (var level in new[] { QuestionLevel.Vendor, QuestionLevel.Model })
        {
            var questions = definition.Sections.SelectMany(s => s.Questions.Where(q => q.Level == level)
                .Select(q => new PortalQuestion(s.Title, q, saved.TryGetValue(q.Key, out var a) ? ToSaved(a) : null))).ToList();
            if (questions.Count == 0)
                continue;
            var heading = level == QuestionLevel.Vendor ? $"About {assessment.Vendor.Name}" : $"About {assessment.ModelOffering?.Name ?? "the model"}";
            groups.Add(new PortalGroup(level, heading, questions));
        }

        var state = invitation.SubmittedAt is not null ? PortalState.Submitted
            : assessment.Status != AssessmentStatus.Draft ? PortalState.Closed : PortalState.Open;
        return new PortalQuestionnaire(invitation.Id, invitation.ContactName, assessment.Vendor.Name, assessment.ModelOffering?.Name,
            definition.Title, invitation.CreatedByName, invitation.ExpiresAt, invitation.SubmittedAt, state, groups,
            await PortalEvidence.SentThroughAsync(db, invitation, cancellationToken));
    }

    /// <summary>Saves one answer (or clears it) with a version check, so two open tabs cannot silently undo each other.</summary>
    public Task<PortalAnswerSaved> SaveAnswerAsync(int invitationId, PortalAnswerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        return pipeline.RunAsync(new SavePortalAnswerRequest(invitationId, input), cancellationToken);
    }

    /// <summary>Hands the answers to the buyer (the assessor's "vendor submitted" mail is queued with it); the link then shows them read-only.</summary>
    public Task<PortalInvitation> SubmitAsync(int invitationId, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new SubmitPortalAnswersRequest(invitationId), cancellationToken);

    private Task<PortalInvitation> LoadActiveAsync(VendorRiskDbContext db, int invitationId, CancellationToken cancellationToken) =>
        LoadActiveAsync(db, invitationId, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The invitation if its link still opens the portal; otherwise <see cref="PortalLinkClosedException"/>.</summary>
    internal static async Task<PortalInvitation> LoadActiveAsync(VendorRiskDbContext db, int invitationId, DateTime now, CancellationToken cancellationToken)
    {
        var invitation = await db.PortalInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        ThrowIfClosed(invitation, now);
        return invitation!;
    }

    private static void ThrowIfClosed(PortalInvitation? invitation, DateTime now)
    {
        var status = invitation is null ? InvitationStatus.Revoked : InvitationStatuses.Of(invitation, now);
        if (status == InvitationStatus.Revoked)
            throw new PortalLinkClosedException(expired: false);
        if (status == InvitationStatus.Expired)
            throw new PortalLinkClosedException(expired: true);
    }

    /// <summary>
    /// A portal write's start, inside its transaction: the still-open invitation becomes the use case's actor, and its
    /// assessment is locked and must still take answers.
    /// </summary>
    internal static async Task<(PortalInvitation Invitation, Assessment Assessment)> BeginWriteAsync(
        UseCaseContext context, int invitationId, CancellationToken cancellationToken)
    {
        var invitation = await LoadActiveAsync(context.Db, invitationId, context.Now, cancellationToken);
        await context.Db.LockAssessmentAsync(invitation.AssessmentId, cancellationToken);
        // Read again under the lock: a submission (or a revocation) that committed while this write waited for it counts.
        await context.Db.Entry(invitation).ReloadAsync(cancellationToken);
        ThrowIfClosed(invitation, context.Now);
        context.ActAs(PortalActor.Of(invitation));
        return (invitation, await OpenAssessmentAsync(context.Db, invitation, cancellationToken));
    }

    internal static async Task<Assessment> OpenAssessmentAsync(VendorRiskDbContext db, PortalInvitation invitation, CancellationToken cancellationToken)
    {
        if (invitation.SubmittedAt is not null)
            throw new ConflictException("These answers were submitted; they can no longer be changed through this link.");
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.QuestionSetVersion)
            .SingleAsync(a => a.Id == invitation.AssessmentId, cancellationToken);
        if (assessment.Status != AssessmentStatus.Draft)
            throw new ConflictException("The buyer has closed this questionnaire; answers are no longer taken through this link.");
        return assessment;
    }

    internal static AnswerValue? ValueOf(VendorAnswer answer) =>
        answer.ValueJson.Length == 0 ? null : JsonSerializer.Deserialize<AnswerValue>(answer.ValueJson, Json);

    internal static PortalSavedAnswer ToSaved(VendorAnswer a) => new(ValueOf(a), a.Comment, a.Version, a.UpdatedAt);
}

/// <summary>The vendor as the audit log names them: the contact, under the invitation's id.</summary>
public static class PortalActor
{
    public static Actor Of(PortalInvitation invitation) =>
        new($"portal-invitation:{invitation.Id}", $"{invitation.ContactName} (vendor portal)", "vendor");
}

/// <summary>The link no longer opens the portal: revoked (or unknown), or expired.</summary>
public sealed class PortalLinkClosedException(bool expired) : Exception(expired ? "This link has expired." : "This link is not valid.")
{
    public bool Expired { get; } = expired;
}
