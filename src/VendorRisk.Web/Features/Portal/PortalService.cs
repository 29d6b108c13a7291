using VendorRisk.Data.Configurations;
using VendorRisk.Web.Features.Mail;

namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// The vendor's side of the portal. Every call names the invitation from the portal cookie and re-reads it, so a
/// revoked or expired link stops at once; the assessment is always the invitation's own, never one the caller names.
/// Answers go to <see cref="VendorAnswer"/> (staging), never to the analyst's answers.
/// </summary>
public sealed class PortalService(IDbContextFactory<VendorRiskDbContext> dbFactory, QuestionSetDefinitions definitions, TimeProvider clock, PortalMails mails)
{
    public const string SavedAction = "portal-answer-saved";
    public const string SubmittedAction = "portal-submitted";
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
    public async Task<PortalAnswerSaved> SaveAnswerAsync(int invitationId, PortalAnswerInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LoadActiveAsync(db, invitationId, cancellationToken);
        await db.LockAssessmentAsync(invitation.AssessmentId, cancellationToken);
        var assessment = await OpenAssessmentAsync(db, invitation, cancellationToken);
        var definition = definitions.Get(assessment.QuestionSetVersion);
        var value = Validate(definition, input);

        var stored = await db.VendorAnswers.SingleOrDefaultAsync(a => a.InvitationId == invitationId && a.QuestionKey == input.QuestionKey, cancellationToken);
        if (input.ExpectedVersion != (stored?.Version ?? 0))
            throw new ConflictException("This answer was saved from another window since this page was loaded; reload the page to see it.",
                stored is null ? null : ToSaved(stored));
        var now = clock.GetUtcNow().UtcDateTime;
        if (stored is null)
        {
            stored = new VendorAnswer { InvitationId = invitationId, QuestionKey = input.QuestionKey };
            db.VendorAnswers.Add(stored);
        }
        var old = stored.ValueJson;
        stored.ValueJson = value is null ? "" : JsonSerializer.Serialize(value, Json);
        stored.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        stored.Version++;
        stored.UpdatedAt = now;
        db.Audit(PortalActor.Of(invitation), SavedAction, AuditEntityTypes.PortalInvitation, invitation.Id,
            $"Vendor answer to '{input.QuestionKey}' {(value is null ? "cleared" : "saved")} (assessment #{invitation.AssessmentId})",
            string.IsNullOrEmpty(old) ? null : old, new { value, comment = stored.Comment });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsLostRace(ex))
        {
            throw new ConflictException("This answer was saved from another window at the same moment; reload the page to see it.");
        }
        await transaction.CommitAsync(cancellationToken);
        return new PortalAnswerSaved(input.QuestionKey, stored.Version, now);
    }

    /// <summary>Hands the answers to the buyer (the assessor's "vendor submitted" mail is queued with it); the link then shows them read-only.</summary>
    public async Task<PortalInvitation> SubmitAsync(int invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var invitation = await LoadActiveAsync(db, invitationId, cancellationToken);
        await db.LockAssessmentAsync(invitation.AssessmentId, cancellationToken);
        var assessment = await OpenAssessmentAsync(db, invitation, cancellationToken);
        var answered = await db.VendorAnswers.CountAsync(a => a.InvitationId == invitationId && a.ValueJson != "", cancellationToken);
        if (answered == 0)
            throw RequestRefusals.One("answers", "Answer at least one question before you submit.");
        invitation.SubmittedAt = clock.GetUtcNow().UtcDateTime;
        db.Audit(PortalActor.Of(invitation), SubmittedAction, AuditEntityTypes.PortalInvitation, invitation.Id,
            $"{invitation.ContactName} submitted {answered} answers for assessment #{invitation.AssessmentId}", null, new { answered });
        var vendorName = await db.Vendors.AsNoTracking().Where(v => v.Id == assessment.VendorId).Select(v => v.Name).SingleAsync(cancellationToken);
        await mails.EnqueueVendorSubmittedAsync(db, new VendorSubmittedMail(assessment.AssessorId, assessment.Id, assessment.Title, vendorName,
            invitation.ContactName, answered), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return invitation;
    }

    private Task<PortalInvitation> LoadActiveAsync(VendorRiskDbContext db, int invitationId, CancellationToken cancellationToken) =>
        LoadActiveAsync(db, invitationId, clock.GetUtcNow().UtcDateTime, cancellationToken);

    /// <summary>The invitation if its link still opens the portal; otherwise <see cref="PortalLinkClosedException"/>.</summary>
    internal static async Task<PortalInvitation> LoadActiveAsync(VendorRiskDbContext db, int invitationId, DateTime now, CancellationToken cancellationToken)
    {
        var invitation = await db.PortalInvitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        var status = invitation is null ? InvitationStatus.Revoked : InvitationStatuses.Of(invitation, now);
        return status switch
        {
            InvitationStatus.Revoked => throw new PortalLinkClosedException(expired: false),
            InvitationStatus.Expired => throw new PortalLinkClosedException(expired: true),
            _ => invitation!,
        };
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

    private static AnswerValue? Validate(QuestionSetDefinition definition, PortalAnswerInput input)
    {
        var question = definition.FindQuestion(input.QuestionKey ?? "")
            ?? throw RequestRefusals.One(AnswerFields.QuestionKey, "This question is not part of the questionnaire.");
        if (input.Comment?.Length > PortalLimits.CommentMaxLength)
            throw RequestRefusals.One("comment", $"Use at most {PortalLimits.CommentMaxLength:N0} characters.");
        if (input.Value is null)
            return null;
        // The vendor answers; the evidence and the internal note are the analyst's.
        var value = input.Value with { QuestionKey = question.Key, Note = null, Evidence = null };
        value = value.NotApplicable ? value with { Choice = null, Choices = null, Number = null, Text = null } : value with { Justification = null };
        var result = new AnswerValidator(question).Validate(value);
        if (!result.IsValid)
            throw RequestRefusals.Of(result.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray()));
        return value;
    }

    internal static AnswerValue? ValueOf(VendorAnswer answer) =>
        answer.ValueJson.Length == 0 ? null : JsonSerializer.Deserialize<AnswerValue>(answer.ValueJson, Json);

    private static PortalSavedAnswer ToSaved(VendorAnswer a) => new(ValueOf(a), a.Comment, a.Version, a.UpdatedAt);
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
