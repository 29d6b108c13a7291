namespace VendorRisk.Web.Features.Assessments;

[RequiresRole(Roles.Assessor, "edit assessments")]
public sealed record RememberLastSectionRequest(int AssessmentId, string SectionKey) : IUseCase<Done>;

/// <summary>Remembers the wizard's section so it reopens there. Not audited: it changes nothing of substance.</summary>
public sealed class RememberLastSectionHandler(QuestionSetDefinitions definitions) : IUseCaseHandler<RememberLastSectionRequest, Done>
{
    public async Task<Done> HandleAsync(RememberLastSectionRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var (assessmentId, sectionKey) = (request.AssessmentId, request.SectionKey);
        var found = await context.Db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => new { a.QuestionSetVersion, a.AssessorId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (definitions.Get(found.QuestionSetVersion).Sections.All(s => s.Key != sectionKey))
            throw RequestRefusals.One("sectionKey", $"'{sectionKey}' is not a section of this assessment's question set.");
        // Someone who may only read the draft still walks its sections; their place is not the draft's.
        if (AssessmentWorkflow.MayEditDraft(context.Actor, found.AssessorId))
            await context.Db.Assessments.Where(a => a.Id == assessmentId && a.LastSectionKey != sectionKey)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSectionKey, sectionKey), cancellationToken);
        return default;
    }
}
