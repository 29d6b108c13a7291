using VendorRisk.Data.Configurations;

namespace VendorRisk.Web.Features.Portal;

/// <summary>One answer (or its clearing) sent through the link of <see cref="InvitationId"/>, with the version it was loaded at.</summary>
public sealed record SavePortalAnswerRequest(int InvitationId, PortalAnswerInput Input) : IUseCase<PortalAnswerSaved>, IActorLoadedByHandler;

/// <summary>
/// Saves to the staging answers (<see cref="VendorAnswer"/>) of the invitation's own draft, with a version check, so two
/// open tabs cannot silently undo each other. The question, the comment and the value are checked against the
/// assessment's question set, which only the handler loads.
/// </summary>
public sealed class SavePortalAnswerHandler(QuestionSetDefinitions definitions) : IUseCaseHandler<SavePortalAnswerRequest, PortalAnswerSaved>
{
    public const string SavedAction = "portal-answer-saved";

    public async Task<PortalAnswerSaved> HandleAsync(SavePortalAnswerRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (invitationId, input) = request;
        var db = context.Db;
        var (invitation, assessment) = await PortalService.BeginWriteAsync(context, invitationId, cancellationToken);
        var value = Validate(definitions.Get(assessment.QuestionSetVersion), input);

        var stored = await db.VendorAnswers.SingleOrDefaultAsync(a => a.InvitationId == invitationId && a.QuestionKey == input.QuestionKey, cancellationToken);
        if (input.ExpectedVersion != (stored?.Version ?? 0))
            throw new ConflictException("This answer was saved from another window since this page was loaded; reload the page to see it.",
                stored is null ? null : PortalService.ToSaved(stored));
        if (stored is null)
        {
            stored = new VendorAnswer { InvitationId = invitationId, QuestionKey = input.QuestionKey };
            db.VendorAnswers.Add(stored);
        }
        var old = stored.ValueJson;
        stored.ValueJson = value is null ? "" : JsonSerializer.Serialize(value, PortalService.Json);
        stored.Comment = string.IsNullOrWhiteSpace(input.Comment) ? null : input.Comment.Trim();
        stored.Version++;
        stored.UpdatedAt = context.Now;
        context.Audit(SavedAction, AuditEntityTypes.PortalInvitation, invitation.Id,
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
        return new PortalAnswerSaved(input.QuestionKey, stored.Version, context.Now);
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
}
