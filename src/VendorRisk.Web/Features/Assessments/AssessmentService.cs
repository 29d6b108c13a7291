using VendorRisk.Web.Features.Observability;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>
/// The assessment use cases as the pages and the API call them: each write runs through the
/// <see cref="UseCasePipeline"/> (role, validation, one transaction, audit); the workflow's rules are
/// <see cref="AssessmentWorkflow"/>'s. Reads go through <see cref="AssessmentReader"/>.
/// </summary>
public sealed class AssessmentService(
    UseCasePipeline pipeline,
    IDbContextFactory<VendorRiskDbContext> dbFactory)
{
    public Task<int> CreateAsync(CreateAssessmentRequest request, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(request, cancellationToken);

    /// <summary>
    /// Saves answers all or nothing (<see cref="SaveAnswersHandler"/>): errors keyed <c>answers[i].field</c>; a stale
    /// <see cref="AnswerInput.ExpectedVersion"/> throws <see cref="ConflictException"/> with the stored
    /// <see cref="CurrentAnswer"/>; a non-draft throws <see cref="ConflictException"/> with the status.
    /// </summary>
    public async Task<IReadOnlyList<SavedAnswer>> SaveAnswersAsync(int assessmentId, IReadOnlyList<AnswerInput> inputs, CancellationToken cancellationToken = default) =>
        (await SaveAnswersWithScoreAsync(assessmentId, inputs, cancellationToken)).Answers;

    /// <summary>The same, with the assessment's score after the save (computed by the save, not by reading the assessment again).</summary>
    public Task<AnswersSaveResult> SaveAnswersWithScoreAsync(int assessmentId, IReadOnlyList<AnswerInput> inputs, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        return pipeline.RunAsync(new SaveAnswersRequest(assessmentId, inputs), cancellationToken);
    }

    /// <summary>The wizard's autosave: one answer; validation keys lose their <c>answers[0].</c> prefix.</summary>
    public async Task<SavedAnswer> SaveAnswerAsync(int assessmentId, AnswerInput input, CancellationToken cancellationToken = default)
    {
        try
        {
            var saved = (await SaveAnswersAsync(assessmentId, [input], cancellationToken))[0];
            VendorRiskTelemetry.Autosaves.Add(1, new KeyValuePair<string, object?>("outcome", "saved"));
            return saved;
        }
        catch (ConflictException)
        {
            VendorRiskTelemetry.Autosaves.Add(1, new KeyValuePair<string, object?>("outcome", "conflict"));
            throw;
        }
        catch (ValidationFailedException ex)
        {
            VendorRiskTelemetry.Autosaves.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
            throw RequestRefusals.Of(ex.Errors.ToDictionary(e => e.Key.Replace("answers[0].", "", StringComparison.Ordinal), e => e.Value));
        }
    }

    public Task SubmitAsync(int assessmentId, bool confirmIncomplete, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new SubmitAssessmentRequest(assessmentId, confirmIncomplete), cancellationToken);

    /// <param name="conditions">
    /// For an approval with conditions: each condition becomes a finding with an owner and a due date (at least one).
    /// Null keeps the conditions as free text in <paramref name="comment"/> (API v1 callers that send none).
    /// </param>
    public Task ReviewAsync(int assessmentId, ReviewDecision decision, string? comment, CancellationToken cancellationToken = default,
        IReadOnlyList<Findings.ConditionRequest>? conditions = null) =>
        pipeline.RunAsync(new ReviewAssessmentRequest(assessmentId, decision, comment, conditions), cancellationToken);

    /// <summary>Starts a new draft for the same vendor on the newest published version of the same set, pre-filled by question key.</summary>
    public Task<ReassessResult> ReassessAsync(int assessmentId, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new ReassessAssessmentRequest(assessmentId), cancellationToken);

    /// <summary>What was pre-filled when this assessment of a model offering was created, or null.</summary>
    public async Task<PrefillNotice?> GetPrefillNoticeAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadAssessments(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.PrefillNotice).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>What the reassessment that created this draft carried over, or null if it was not a reassessment.</summary>
    public async Task<ReassessmentNotice?> GetReassessmentNoticeAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadAssessments(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => a.ReassessmentNotice).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Who may change a draft: see <see cref="AssessmentWorkflow.MayEditDraft"/>.</summary>
    public static bool CanEditDraft(Actor actor, string assessorId) => AssessmentWorkflow.MayEditDraft(actor, assessorId);

    /// <summary>Remembers the wizard's section so it reopens there (<see cref="RememberLastSectionHandler"/>).</summary>
    public Task SetLastSectionAsync(int assessmentId, string sectionKey, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new RememberLastSectionRequest(assessmentId, sectionKey), cancellationToken);

    /// <summary>Published versions an assessment can start on, newest first per set.</summary>
    public async Task<IReadOnlyList<PublishedSetOption>> ListPublishedSetsAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadPublishedQuestionSets(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.QuestionSetVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published)
            .Select(v => new { v.QuestionSet.Key, v.Title, v.Number, v.PublishedAt }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ThenByDescending(r => r.Number)
            .Select(r => new PublishedSetOption(r.Key, r.Title, r.Number, r.PublishedAt)).ToList();
    }

    /// <summary>Active users who may be assessors (Assessor role or above).</summary>
    public async Task<IReadOnlyList<UserOption>> ListAssessorsAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ListAssessors(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role }).ToListAsync(cancellationToken);
        return users.Where(u => Roles.Includes(u.Role, Roles.Assessor))
            .Select(u => new UserOption(u.Id, ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id), u.Role))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }
}
