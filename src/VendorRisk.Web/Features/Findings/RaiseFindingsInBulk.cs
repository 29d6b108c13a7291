using FluentValidation;

namespace VendorRisk.Web.Features.Findings;

/// <summary>
/// Raise one finding for every knockout and/or every scored, applicable answer with p below
/// <see cref="BelowP"/> (unanswered counts as 0), pre-filled from the question with the suggested severity.
/// Questions that already have a finding that is not closed are skipped.
/// </summary>
[RequiresRole(Roles.Assessor, "raise findings")]
public sealed record RaiseFindingsInBulkRequest : IUseCase<int>
{
    public int AssessmentId { get; init; }
    public bool Knockouts { get; init; } = true;
    /// <summary>Also raise for answers with p below this (0–1); null: knockouts only.</summary>
    public double? BelowP { get; init; }
    public string? OwnerId { get; init; }
    public DateOnly? DueDate { get; init; }
}

public sealed class RaiseFindingsInBulkValidator : AbstractValidator<RaiseFindingsInBulkRequest>
{
    public RaiseFindingsInBulkValidator(ActiveUsers users)
    {
        RuleFor(r => r.BelowP)
            .Must(p => p is > 0 and <= 1).When(r => r.BelowP is not null)
            .WithMessage("The threshold is a share of the full answer, above 0 and at most 1 (100 %).");
        RuleFor(r => r.Knockouts)
            .Must((r, knockouts) => knockouts || r.BelowP is not null)
            .WithMessage("Choose knockouts, a threshold, or both.");
        RuleFor(r => r.OwnerId).BeAnActiveOwner(users).When(r => !string.IsNullOrEmpty(r.OwnerId));
    }
}

/// <summary>Answers the number of findings raised.</summary>
public sealed class RaiseFindingsInBulkHandler(AssessmentReader reader, Mail.WorkflowMails mails) : IUseCaseHandler<RaiseFindingsInBulkRequest, int>
{
    public async Task<int> HandleAsync(RaiseFindingsInBulkRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var assessment = await reader.GetAsync(request.AssessmentId, cancellationToken);
        var db = context.Db;
        var covered = (await db.Findings.Where(f => f.AssessmentId == request.AssessmentId && f.QuestionKey != null
                && f.Status != FindingStatus.Resolved && f.Status != FindingStatus.RiskAccepted)
            .Select(f => f.QuestionKey!).ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);

        var raised = new List<Data.Entities.Finding>();
        foreach (var draft in FindingDrafts.ForWeakAnswers(assessment, request.Knockouts, request.BelowP))
        {
            if (!covered.Add(draft.QuestionKey))
                continue;
            var finding = RaiseFindingHandler.NewFinding(context.Actor, new RaiseFindingRequest
            {
                AssessmentId = request.AssessmentId,
                Title = draft.Title,
                Severity = draft.Severity,
                QuestionKey = draft.QuestionKey,
                Description = draft.Description,
                OwnerId = request.OwnerId,
                DueDate = request.DueDate,
            }, isCondition: false, context.Now);
            db.Findings.Add(finding);
            raised.Add(finding);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var finding in raised)
            RaiseFindingHandler.AuditRaised(context, finding);
        await mails.FindingsAssignedAsync(db, raised, context.Actor, cancellationToken);
        return raised.Count;
    }
}

/// <summary>Findings proposed from an assessment's answers.</summary>
public static class FindingDrafts
{
    public static FindingDraft? ForQuestion(AssessmentSnapshot assessment, string questionKey)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        var question = assessment.QuestionSet.FindQuestion(questionKey);
        var score = assessment.Score.Questions.FirstOrDefault(q => q.Key == questionKey);
        if (question is null || score is null)
            return null;
        var answer = assessment.Answers.GetValueOrDefault(questionKey)?.Value;
        var answered = score.NotApplicable ? "marked not applicable" : score.P is { } p ? $"answered at {Math.Round(p * 100)}\u00a0% of the full answer" : "not answered";
        var description = $"{question.Text.Trim()}\n\nThe vendor's answer was {answered}" +
            (score.Knockout ? "; this critical control is a knockout." : ".") +
            (string.IsNullOrWhiteSpace(answer?.Note) ? "" : $"\nAssessor's note: {answer.Note.Trim()}");
        if (description.Length > FindingLimits.DescriptionMaxLength)
            description = description[..FindingLimits.DescriptionMaxLength];
        return new FindingDraft(questionKey, FindingSuggestion.Title(question), FindingSuggestion.Severity(question, score.P, score.Knockout), description, score.Knockout, score.P);
    }

    public static IEnumerable<FindingDraft> ForWeakAnswers(AssessmentSnapshot assessment, bool knockouts, double? belowP)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        foreach (var q in assessment.Score.Questions)
        {
            var weak = (knockouts && q.Knockout)
                || (belowP is { } threshold && !q.NotApplicable && assessment.QuestionSet.FindQuestion(q.Key) is { IsScored: true } && (q.P ?? 0) < threshold);
            if (weak && ForQuestion(assessment, q.Key) is { } draft)
                yield return draft;
        }
    }
}
