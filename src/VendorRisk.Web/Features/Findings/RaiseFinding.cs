using FluentValidation;

namespace VendorRisk.Web.Features.Findings;

/// <summary>Raise a finding on an assessment, optionally about one of its questions.</summary>
[RequiresRole(Roles.Assessor, "raise findings")]
public sealed record RaiseFindingRequest : IUseCase<int>
{
    public int AssessmentId { get; init; }
    public string Title { get; init; } = "";
    public FindingSeverity? Severity { get; init; }
    public string? QuestionKey { get; init; }
    public string? Description { get; init; }
    public string? OwnerId { get; init; }
    public DateOnly? DueDate { get; init; }
}

public sealed class RaiseFindingValidator : AbstractValidator<RaiseFindingRequest>
{
    public RaiseFindingValidator(ActiveUsers users, TimeProvider clock)
    {
        RuleFor(r => r.Title).Cascade(CascadeMode.Stop).BeAFindingTitle("Give the finding a title.");
        RuleFor(r => r.Severity).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage(FindingRules.SeverityChoice)
            .IsInEnum().WithMessage(FindingRules.SeverityChoice);
        RuleFor(r => r.Description).FitTheDescriptionLimit().When(r => r.Description is not null);
        RuleFor(r => r.OwnerId).BeAnActiveOwner(users).When(r => !string.IsNullOrEmpty(r.OwnerId));
        RuleFor(r => r.DueDate).BeAPlannedDate(clock).When(r => r.DueDate is not null);
    }
}

/// <summary>
/// Any Assessor raises findings on any assessment (a condition of an approved one too); the question, if named,
/// must be in the assessment's question-set version.
/// </summary>
public sealed class RaiseFindingHandler(QuestionSetDefinitions definitions, Mail.WorkflowMails mails) : IUseCaseHandler<RaiseFindingRequest, int>
{
    public async Task<int> HandleAsync(RaiseFindingRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var assessment = await db.Assessments.Include(a => a.QuestionSetVersion)
            .SingleOrDefaultAsync(a => a.Id == request.AssessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {request.AssessmentId}.");
        var finding = NewFinding(context.Actor, request, isCondition: false, context.Now);
        if (finding.QuestionKey is { } key && definitions.Get(assessment.QuestionSetVersion).FindQuestion(key) is null)
            throw RequestRefusals.One("questionKey", $"Question '{key}' is not in this assessment's question set.");

        db.Findings.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        AuditRaised(context, finding);
        await mails.FindingsAssignedAsync(db, [finding], context.Actor, cancellationToken);
        return finding.Id;
    }

    internal static Finding NewFinding(Actor actor, RaiseFindingRequest request, bool isCondition, DateTime now) => new()
    {
        AssessmentId = request.AssessmentId,
        QuestionKey = string.IsNullOrWhiteSpace(request.QuestionKey) ? null : request.QuestionKey.Trim(),
        Title = TextRules.CleanName(request.Title),
        Severity = request.Severity!.Value,
        Description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim(),
        OwnerId = string.IsNullOrWhiteSpace(request.OwnerId) ? null : request.OwnerId,
        DueDate = request.DueDate,
        Status = FindingStatus.Open,
        IsCondition = isCondition,
        CreatedById = actor.UserId,
        CreatedAt = now,
        UpdatedAt = now,
        Version = 1,
    };

    internal static void AuditRaised(UseCaseContext context, Finding f) =>
        context.Audit(f.IsCondition ? "condition-raised" : "finding-raised", AuditEntityTypes.Finding, $"{f.AssessmentId}/{f.Id}",
            $"{(f.IsCondition ? "Condition" : "Finding")} #{f.Id} '{f.Title}' ({KebabEnum.ToKebab(f.Severity)}) raised" +
            (f.DueDate is { } due ? $", due {due:yyyy-MM-dd}" : ""),
            null, Snapshot(f));

    internal static object Snapshot(Finding f) => new
    {
        f.Title,
        severity = KebabEnum.ToKebab(f.Severity),
        status = KebabEnum.ToKebab(f.Status),
        f.QuestionKey,
        f.OwnerId,
        f.DueDate,
        f.Description,
        f.Justification,
        f.IsCondition,
        f.Version,
    };
}
