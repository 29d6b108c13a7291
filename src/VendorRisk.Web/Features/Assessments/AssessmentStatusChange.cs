namespace VendorRisk.Web.Features.Assessments;

/// <summary>
/// How a status change loads and saves its assessment: the assessment's row lock first (writers queue), and
/// <see cref="Assessment.Version"/> as the concurrency token, so two decisions at the same moment cannot both land.
/// </summary>
internal static class AssessmentStatusChange
{
    public static async Task<Assessment> LoadAsync(UseCaseContext context, int assessmentId, CancellationToken cancellationToken)
    {
        await context.Db.LockAssessmentAsync(assessmentId, cancellationToken);
        return await context.Db.Assessments.Include(a => a.QuestionSetVersion)
            .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
    }

    public static async Task SaveAsync(UseCaseContext context, Assessment assessment, CancellationToken cancellationToken)
    {
        assessment.Version++;
        assessment.UpdatedAt = context.Now;
        try
        {
            await context.Db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // api.md: a write that lost a race is a 409 with the current state.
            var current = await context.Db.Assessments.AsNoTracking().Where(a => a.Id == assessment.Id)
                .Select(a => (AssessmentStatus?)a.Status).SingleOrDefaultAsync(cancellationToken);
            throw new ConflictException("The assessment's status was changed by someone else at the same moment; reload it.",
                current is { } status ? new { status = KebabEnum.ToKebab(status) } : null);
        }
    }
}
