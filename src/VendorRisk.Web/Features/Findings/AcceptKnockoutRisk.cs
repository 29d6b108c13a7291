using FluentValidation;

namespace VendorRisk.Web.Features.Findings;

/// <summary>Accept the risk of one knockout of a submitted or reviewed assessment until a date (scoring.md §4).</summary>
[RequiresRole(Roles.Reviewer, "accept the risk of a knockout")]
public sealed record AcceptKnockoutRiskRequest : IUseCase<Done>
{
    public int AssessmentId { get; init; }
    public string QuestionKey { get; init; } = "";
    public string? Justification { get; init; }
    public DateOnly? Until { get; init; }
}

public sealed class AcceptKnockoutRiskValidator : AbstractValidator<AcceptKnockoutRiskRequest>
{
    public AcceptKnockoutRiskValidator(TimeProvider clock)
    {
        RuleFor(r => r.Justification)
            .Must(j => KnockoutAcceptancePolicy.CheckJustification(j) is null)
            .WithMessage(r => KnockoutAcceptancePolicy.CheckJustification(r.Justification)!);
        RuleFor(r => r.Until).Cascade(CascadeMode.Stop)
            .NotNull().WithMessage("Give the date until which the risk is accepted.")
            .Must(until => KnockoutAcceptancePolicy.CheckExpiry(until!.Value, clock.Today()) is null)
            .WithMessage(r => KnockoutAcceptancePolicy.CheckExpiry(r.Until!.Value, clock.Today())!);
    }
}

/// <summary>
/// Reviewer or Admin only, never the assessment's assessor; a draft is refused with 409. Accepting a knockout
/// that already has an acceptance in force replaces it (the old one is revoked, both stay on record).
/// </summary>
public sealed class AcceptKnockoutRiskHandler(AssessmentReader reader) : IUseCaseHandler<AcceptKnockoutRiskRequest, Done>
{
    public async Task<Done> HandleAsync(AcceptKnockoutRiskRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var actor = context.Actor;
        var assessment = await reader.GetAsync(request.AssessmentId, cancellationToken);
        var facts = assessment.Facts();
        switch (KnockoutAcceptancePolicy.Check(facts, actor.UserId, assessment.Score, request.QuestionKey))
        {
            case AcceptanceRefusal.Draft:
                throw new ConflictException("A draft's knockouts cannot be accepted; submit the assessment first.",
                    new { status = KebabEnum.ToKebab(assessment.Status), version = assessment.Version });
            case AcceptanceRefusal.SelfAcceptance:
                throw new ForbiddenException($"{facts.HowAnsweredFor(actor.UserId)}; another reviewer must accept its risks.");
            case AcceptanceRefusal.NotAKnockout:
                throw RequestRefusals.One("questionKey", $"'{request.QuestionKey}' is not a knockout of this assessment now.");
        }

        var db = context.Db;
        var now = context.Now;
        var replaced = await db.RiskAcceptances
            .Where(r => r.AssessmentId == request.AssessmentId && r.QuestionKey == request.QuestionKey && r.RevokedAt == null)
            .ToListAsync(cancellationToken);
        foreach (var old in replaced)
        {
            old.RevokedAt = now;
            old.RevokedById = actor.UserId;
        }

        var justification = request.Justification!.Trim();
        db.RiskAcceptances.Add(new RiskAcceptance
        {
            AssessmentId = request.AssessmentId,
            QuestionKey = request.QuestionKey,
            Justification = justification,
            Until = request.Until!.Value,
            AcceptedById = actor.UserId,
            AcceptedAt = now,
        });
        context.Audit("knockout-risk-accepted", AuditEntityTypes.RiskAcceptance, $"{request.AssessmentId}/{request.QuestionKey}",
            $"Risk of knockout '{request.QuestionKey}' accepted until {request.Until:yyyy-MM-dd}: {justification}",
            replaced.Count == 0 ? null : replaced.Select(r => new { r.Until, r.AcceptedById }).ToList(),
            new { questionKey = request.QuestionKey, until = request.Until, justification });
        return default;
    }
}

/// <summary>Revoke the acceptance of a knockout's risk: the rating is capped again at once.</summary>
[RequiresRole(Roles.Reviewer, "revoke a risk acceptance")]
public sealed record RevokeKnockoutRiskRequest(int AssessmentId, string QuestionKey) : IUseCase<Done>;

public sealed class RevokeKnockoutRiskValidator : AbstractValidator<RevokeKnockoutRiskRequest>
{
    public RevokeKnockoutRiskValidator() =>
        RuleFor(r => r.QuestionKey).NotEmpty().WithMessage("Name the question whose acceptance to revoke.");
}

public sealed class RevokeKnockoutRiskHandler : IUseCaseHandler<RevokeKnockoutRiskRequest, Done>
{
    public async Task<Done> HandleAsync(RevokeKnockoutRiskRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        if (!await db.Assessments.AnyAsync(a => a.Id == request.AssessmentId, cancellationToken))
            throw new NotFoundException($"No assessment with id {request.AssessmentId}.");
        var active = await db.RiskAcceptances
            .Where(r => r.AssessmentId == request.AssessmentId && r.QuestionKey == request.QuestionKey && r.RevokedAt == null)
            .ToListAsync(cancellationToken);
        if (active.Count == 0)
            throw new NotFoundException($"The knockout '{request.QuestionKey}' of assessment {request.AssessmentId} has no acceptance to revoke.");

        foreach (var acceptance in active)
        {
            acceptance.RevokedAt = context.Now;
            acceptance.RevokedById = context.Actor.UserId;
        }
        context.Audit("knockout-risk-revoked", AuditEntityTypes.RiskAcceptance, $"{request.AssessmentId}/{request.QuestionKey}",
            $"Acceptance of knockout '{request.QuestionKey}' revoked",
            active.Select(r => new { r.Until, r.AcceptedById, r.Justification }).ToList(), null);
        return default;
    }
}
