namespace VendorRisk.Web.Features.Shared;

/// <summary>A stored answer with who saved it and its concurrency version.</summary>
public sealed record StoredAnswer(AnswerValue Value, int Version, string UpdatedById, string UpdatedByName, DateTime UpdatedAt);

/// <summary>One assessment with its question-set version, answers and score, as every read path needs it.</summary>
public sealed record AssessmentSnapshot
{
    public required int Id { get; init; }
    public required int VendorId { get; init; }
    public required string VendorName { get; init; }
    /// <summary>The vendor's model offering this assessment is about; null for the vendor as a whole.</summary>
    public int? ModelId { get; init; }
    public string? ModelName { get; init; }
    public required string Title { get; init; }
    public string? Scope { get; init; }
    public required AssessmentStatus Status { get; init; }
    public required string AssessorId { get; init; }
    public required string AssessorName { get; init; }
    public string? ReviewerId { get; init; }
    public string? ReviewerName { get; init; }
    public string? ReviewComment { get; init; }
    public DateOnly? DueDate { get; init; }
    public required DateTime CreatedAt { get; init; }
    public DateTime? SubmittedAt { get; init; }
    public string? SubmittedById { get; init; }
    public DateTime? ReviewedAt { get; init; }
    public int? PreviousAssessmentId { get; init; }
    public string? LastSectionKey { get; init; }
    public required int Version { get; init; }

    /// <summary>What the workflow rules look at, as the entity's own <c>Facts()</c>.</summary>
    public AssessmentFacts Facts() => new(Status, AssessorId, Version, SubmittedById);

    public required int QuestionSetVersionId { get; init; }
    public required int QuestionSetVersionNumber { get; init; }
    public required QuestionSetDefinition QuestionSet { get; init; }
    public required IReadOnlyDictionary<string, StoredAnswer> Answers { get; init; }
    /// <summary>The as-of date of scoring.md §5: the submission date once submitted, else today.</summary>
    public required DateOnly AsOf { get; init; }
    public required AssessmentScore Score { get; init; }
    /// <summary>Every knockout acceptance on record (revoked and lapsed too), judged on today.</summary>
    public KnockoutAcceptances Acceptances { get; init; } = KnockoutAcceptances.None;

    public IReadOnlyDictionary<string, AnswerValue> AnswerValues => Answers.ToDictionary(a => a.Key, a => a.Value.Value);

    public bool IsEditable => Status == AssessmentStatus.Draft;

    /// <summary>"Vendor · Model" with an offering, else the vendor's name (scoring.md §7).</summary>
    public string Label => ModelOfferingLimits.Label(VendorName, ModelName);
}

public sealed record AssessmentFilter(int? VendorId = null, AssessmentStatus? Status = null, string? QuestionSetKey = null, string? AssessorId = null, IReadOnlyCollection<int>? Ids = null);

/// <summary>The read side of assessments, shared by the wizard, compare, dashboard, reports and the API.</summary>
public sealed class AssessmentReader(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    QuestionSetDefinitions definitions,
    UseCasePipeline pipeline,
    TimeProvider clock)
{
    public async Task<AssessmentSnapshot> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        var found = await ListAsync(new AssessmentFilter(Ids: [id]), cancellationToken);
        return found.Count == 1 ? found[0] : throw new NotFoundException($"No assessment with id {id}.");
    }

    public async Task<IReadOnlyList<AssessmentSnapshot>> ListAsync(AssessmentFilter filter, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadAssessments(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assessments.AsNoTracking()
            .Include(a => a.Vendor)
            .Include(a => a.ModelOffering)
            .Include(a => a.QuestionSetVersion).ThenInclude(v => v.QuestionSet)
            .Include(a => a.Answers)
            .AsSplitQuery();
        if (filter.Ids is { } ids)
            query = query.Where(a => ids.Contains(a.Id));
        if (filter.VendorId is { } vendorId)
            query = query.Where(a => a.VendorId == vendorId);
        if (filter.Status is { } status)
            query = query.Where(a => a.Status == status);
        if (filter.QuestionSetKey is { } key)
            query = query.Where(a => a.QuestionSetVersion.QuestionSet.Key == key);
        if (filter.AssessorId is { } assessorId)
            query = query.Where(a => a.AssessorId == assessorId);

        var rows = await query.OrderBy(a => a.Id).ToListAsync(cancellationToken);
        var assessmentIds = rows.Select(a => a.Id).ToList();
        var acceptances = await db.RiskAcceptances.AsNoTracking().Where(r => assessmentIds.Contains(r.AssessmentId))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        var userIds = rows.SelectMany(a => new[] { a.AssessorId, a.ReviewerId }).Concat(acceptances.Select(r => r.AcceptedById))
            .OfType<string>().Distinct().ToList();
        var names = await db.Users.AsNoTracking().Where(u => userIds.Contains(u.Id))
            .ToDictionaryAsync(u => u.Id, u => ApplicationUser.ShownName(u.DisplayName, u.Email, u.Id), cancellationToken);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var byAssessment = acceptances.ToLookup(r => r.AssessmentId);
        return rows.Select(a => ToSnapshot(a, names, today, new KnockoutAcceptances(
            byAssessment[a.Id].Select(r => new KnockoutAcceptance(r.QuestionKey, r.AcceptedById, names.GetValueOrDefault(r.AcceptedById, "unknown user"), r.Until, r.RevokedAt is not null)).ToList(),
            today))).ToList();
    }

    private AssessmentSnapshot ToSnapshot(Assessment a, IReadOnlyDictionary<string, string> names, DateOnly today, KnockoutAcceptances acceptances)
    {
        var definition = definitions.Get(a.QuestionSetVersion);
        var answers = a.Answers.ToDictionary(
            x => x.QuestionKey,
            x => new StoredAnswer(x.ToValue(), x.Version, x.UpdatedById, x.UpdatedByName, x.UpdatedAt));
        var asOf = a.Status != AssessmentStatus.Draft && a.SubmittedAt is { } submitted ? DateOnly.FromDateTime(submitted) : today;
        return new AssessmentSnapshot
        {
            Id = a.Id,
            VendorId = a.VendorId,
            VendorName = a.Vendor.Name,
            ModelId = a.ModelOfferingId,
            ModelName = a.ModelOffering?.Name,
            Title = a.Title,
            Scope = a.Scope,
            Status = a.Status,
            AssessorId = a.AssessorId,
            AssessorName = names.GetValueOrDefault(a.AssessorId, "unknown user"),
            ReviewerId = a.ReviewerId,
            ReviewerName = a.ReviewerId is null ? null : names.GetValueOrDefault(a.ReviewerId, "unknown user"),
            ReviewComment = a.ReviewComment,
            DueDate = a.DueDate,
            CreatedAt = a.CreatedAt,
            SubmittedAt = a.SubmittedAt,
            SubmittedById = a.SubmittedById,
            ReviewedAt = a.ReviewedAt,
            PreviousAssessmentId = a.PreviousAssessmentId,
            LastSectionKey = a.LastSectionKey,
            Version = a.Version,
            QuestionSetVersionId = a.QuestionSetVersionId,
            QuestionSetVersionNumber = a.QuestionSetVersion.Number,
            QuestionSet = definition,
            Answers = answers,
            AsOf = asOf,
            Score = ScoringEngine.Score(definition, answers.ToDictionary(x => x.Key, x => x.Value.Value), asOf, acceptances: acceptances),
            Acceptances = acceptances,
        };
    }
}
