using VendorRisk.Web.Features.Assessments;

namespace VendorRisk.Web.Features.Portal;

/// <summary>A submitted vendor answer beside the analyst's current answer to the same question.</summary>
public sealed record VendorAnswerRow(
    int Id, int InvitationId, string ContactName, string QuestionKey, string SectionTitle, string QuestionText,
    AnswerValue Vendor, string? Comment, DateTime SubmittedAt,
    AnswerValue? Current, int CurrentVersion, string? CurrentByName,
    VendorAnswerReview Review, string? ReviewedByName);

/// <summary>
/// The analyst's review of what vendors submitted: the list beside the current answers, and the accept and reject
/// use cases (<see cref="AcceptVendorAnswersHandler"/>); nothing reaches the analyst's answers any other way.
/// </summary>
public sealed class VendorAnswerReviewService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    UseCasePipeline pipeline,
    QuestionSetDefinitions definitions)
{
    public async Task<IReadOnlyList<VendorAnswerRow>> ListAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadAssessments(), cancellationToken);
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

    public Task AcceptAsync(int assessmentId, IReadOnlyList<VendorAnswerDecision> decisions, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new AcceptVendorAnswersRequest(assessmentId, decisions), cancellationToken);

    public Task RejectAsync(int assessmentId, IReadOnlyList<int> vendorAnswerIds, CancellationToken cancellationToken = default) =>
        pipeline.RunAsync(new RejectVendorAnswersRequest(assessmentId, vendorAnswerIds), cancellationToken);
}
