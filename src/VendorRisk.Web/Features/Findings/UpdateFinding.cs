using FluentValidation;

namespace VendorRisk.Web.Features.Findings;

/// <summary>A field of a partial update: absent (null) leaves it alone; present sets it, to null too.</summary>
public sealed record Change<T>([property: PathOfItsOwner] T Value);

/// <summary>
/// Change a finding's status, owner, due date or description, against the version the caller saw
/// (stale: 409 with the current finding). Moving it to risk-accepted needs the Reviewer role and a justification.
/// </summary>
public sealed record UpdateFindingRequest : IUseCase<Done>, IChoosesItsRole
{
    public RequiresRoleAttribute RequiredRole => Status == FindingStatus.RiskAccepted
        ? new(Roles.Reviewer, "accept the risk of a finding")
        : new(Roles.Assessor, "change findings");

    public int FindingId { get; init; }
    public int? ExpectedVersion { get; init; }
    public FindingStatus? Status { get; init; }
    public Change<string?>? OwnerId { get; init; }
    public Change<DateOnly?>? DueDate { get; init; }
    public Change<string?>? Description { get; init; }
    public string? Justification { get; init; }
}

/// <summary>The least role that changes a finding, checked before the body is read; risk-accepted needs a Reviewer, checked with the body.</summary>
[RequiresRole(Roles.Assessor, "change findings")]
public sealed record MayChangeFindings : IQuery;

public sealed class UpdateFindingValidator : AbstractValidator<UpdateFindingRequest>
{
    public UpdateFindingValidator(ActiveUsers users, TimeProvider clock)
    {
        RuleFor(r => r.ExpectedVersion).NotNull().WithMessage("Send the version of the finding you are changing.");
        RuleFor(r => r.Status).IsInEnum().WithMessage("Choose open, in-progress, resolved or risk-accepted.");
        RuleFor(r => r.OwnerId!.Value).BeAnActiveOwner(users).When(r => r.OwnerId?.Value is not null).OverridePropertyName("ownerId");
        RuleFor(r => r.DueDate!.Value).BeAPlannedDate(clock).When(r => r.DueDate?.Value is not null).OverridePropertyName("dueDate");
        RuleFor(r => r.Description!.Value).FitTheDescriptionLimit().When(r => r.Description?.Value is not null)
            .OverridePropertyName("description");
        RuleFor(r => r.Justification).Cascade(CascadeMode.Stop)
            .Must(TextRules.HasVisibleText).When(r => r.Status == FindingStatus.RiskAccepted)
            .WithMessage("Say why the risk is accepted.")
            .Must(j => j is null || j.Trim().Length <= FindingLimits.JustificationMaxLength)
            .WithMessage($"Use at most {FindingLimits.JustificationMaxLength:N0} characters.");
    }
}

public sealed class UpdateFindingHandler(FindingQueries queries, Mail.WorkflowMails mails) : IUseCaseHandler<UpdateFindingRequest, Done>
{
    public async Task<Done> HandleAsync(UpdateFindingRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var finding = await db.Findings.SingleOrDefaultAsync(f => f.Id == request.FindingId, cancellationToken)
            ?? throw new NotFoundException($"No finding with id {request.FindingId}.");
        if (finding.Version != request.ExpectedVersion)
            throw await StaleAsync(request.FindingId, $"Finding #{finding.Id} was changed by someone else since you loaded it (now version {finding.Version}).", cancellationToken);
        if (request.Status is { } status && !FindingWorkflow.CanMove(finding.Status, status))
            throw await StaleAsync(request.FindingId,
                $"A {KebabEnum.ToKebab(finding.Status)} finding cannot move to {KebabEnum.ToKebab(status)}; reopen it first.", cancellationToken);

        var before = RaiseFindingHandler.Snapshot(finding);
        var oldStatus = finding.Status;
        var now = context.Now;
        if (request.Status is { } newStatus && newStatus != finding.Status)
        {
            finding.Status = newStatus;
            finding.ClosedAt = FindingWorkflow.IsClosed(newStatus) ? now : null;
            finding.Justification = newStatus == FindingStatus.RiskAccepted ? request.Justification!.Trim() : null;
        }
        var oldOwner = finding.OwnerId;
        if (request.OwnerId is { } owner)
            finding.OwnerId = string.IsNullOrWhiteSpace(owner.Value) ? null : owner.Value;
        if (request.DueDate is { } due)
            finding.DueDate = due.Value;
        if (request.Description is { } description)
            finding.Description = string.IsNullOrWhiteSpace(description.Value) ? null : description.Value.Trim();

        finding.Version++;
        finding.UpdatedAt = now;
        var statusChanged = oldStatus != finding.Status;
        context.Audit(statusChanged ? "finding-status-changed" : "finding-changed", AuditEntityTypes.Finding, $"{finding.AssessmentId}/{finding.Id}",
            statusChanged
                ? $"{(finding.IsCondition ? "Condition" : "Finding")} #{finding.Id} '{finding.Title}': {KebabEnum.ToKebab(oldStatus)} → {KebabEnum.ToKebab(finding.Status)}"
                : $"{(finding.IsCondition ? "Condition" : "Finding")} #{finding.Id} '{finding.Title}' changed",
            before, RaiseFindingHandler.Snapshot(finding));
        if (finding.OwnerId != oldOwner)
            await mails.FindingsAssignedAsync(db, [finding], context.Actor, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw await StaleAsync(request.FindingId, $"Finding #{request.FindingId} was changed by someone else at the same moment.", cancellationToken);
        }
        return default;
    }

    private async Task<ConflictException> StaleAsync(int id, string message, CancellationToken cancellationToken) =>
        new(message, await queries.FindAsync(id, cancellationToken));
}
