using FluentValidation;

namespace VendorRisk.Web.Features.Assessments;

/// <param name="Version">The question-set version number; null means the newest published version.</param>
/// <param name="AssessorId">Null means the caller.</param>
[RequiresRole(Roles.Assessor, "create assessments")]
public sealed record CreateAssessmentRequest(
    int VendorId,
    string QuestionSetKey,
    int? Version = null,
    string? Title = null,
    string? Scope = null,
    string? AssessorId = null,
    DateOnly? DueDate = null,
    int? ModelId = null) : IUseCase<int>;

/// <summary>The shape of the request; what it names (vendor, set, version, offering, assessor) is checked by the handler, which loads them.</summary>
public sealed class CreateAssessmentValidator : AbstractValidator<CreateAssessmentRequest>
{
    public CreateAssessmentValidator()
    {
        RuleFor(r => r.Title).Cascade(CascadeMode.Stop)
            .Must(TextRules.HasVisibleText).WithMessage("Give the assessment a title, or leave it empty for the default one.")
            .Must(t => TextRules.CleanName(t).Length <= AssessmentLimits.TitleMaxLength).WithMessage($"Use at most {AssessmentLimits.TitleMaxLength} characters.")
            .When(r => !string.IsNullOrEmpty(r.Title));
        RuleFor(r => r.Scope).Must(s => s!.Trim().Length <= AssessmentLimits.ScopeMaxLength)
            .When(r => !string.IsNullOrWhiteSpace(r.Scope)).WithMessage($"Use at most {AssessmentLimits.ScopeMaxLength:N0} characters.");
    }
}

/// <summary>
/// Starts a draft on a published version. An assessment of a model offering is pre-filled with the vendor-level answers
/// of the vendor's latest approved assessment on the same set (question-set-format.md <c>level</c>).
/// </summary>
public sealed class CreateAssessmentHandler(QuestionSetDefinitions definitions) : IUseCaseHandler<CreateAssessmentRequest, int>
{
    public const string PrefilledAction = "assessment-prefilled";

    public async Task<int> HandleAsync(CreateAssessmentRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var db = context.Db;
        var refusals = new RequestRefusals();
        var vendor = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VendorId, cancellationToken);
        if (vendor is null)
            refusals.Add("vendorId", $"No vendor with id {request.VendorId}.");
        else if (vendor.IsArchived)
            refusals.Add("vendorId", $"{vendor.Name} is archived; restore it before starting an assessment.");

        var version = await FindVersionAsync(db, request, refusals, cancellationToken);
        var offering = await FindOfferingAsync(db, request, vendor, refusals, cancellationToken);
        var assessorId = string.IsNullOrWhiteSpace(request.AssessorId) ? context.Actor.UserId : request.AssessorId;
        var assessor = await db.Users.AsNoTracking().Where(u => u.Id == assessorId).Select(u => new { u.Role, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken);
        if (assessorId != Actor.System.UserId && (assessor is null || assessor.IsDisabled || !Roles.Includes(assessor.Role, Roles.Assessor)))
            refusals.Add("assessorId", "The assessor must be an active user with the Assessor role or above.");
        refusals.ThrowIfAny();

        var title = string.IsNullOrEmpty(request.Title) ? $"{vendor!.Name} — {version!.Title}" : TextRules.CleanName(request.Title);
        var assessment = new Assessment
        {
            VendorId = request.VendorId,
            QuestionSetVersionId = version!.Id,
            ModelOfferingId = offering?.Id,
            Title = TextRules.Truncate(title, AssessmentLimits.TitleMaxLength),
            Scope = string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim(),
            AssessorId = assessorId,
            DueDate = request.DueDate,
            Status = AssessmentStatus.Draft,
            CreatedAt = context.Now,
            UpdatedAt = context.Now,
            Version = 1,
        };
        db.Assessments.Add(assessment);
        assessment.PrefillNotice = offering is null ? null : await PrefillVendorAnswersAsync(db, assessment, version, context, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var label = ModelOfferingLimits.Label(vendor!.Name, offering?.Name);
        context.Audit("assessment-created", AuditEntityTypes.Assessment, assessment.Id,
            $"Assessment '{assessment.Title}' of {label} started on {request.QuestionSetKey} v{version.Number}", null,
            new { title = assessment.Title, vendorId = vendor.Id, modelId = offering?.Id, questionSetKey = request.QuestionSetKey, version = version.Number, assessorId, dueDate = request.DueDate });
        if (assessment.PrefillNotice is { } prefill)
        {
            context.Audit(PrefilledAction, AuditEntityTypes.Assessment, assessment.Id,
                $"{prefill.AnswerCount} vendor-level answers carried over from #{prefill.SourceAssessmentId} '{prefill.SourceTitle}'", null, prefill);
        }
        return assessment.Id;
    }

    private static async Task<QuestionSetVersion?> FindVersionAsync(VendorRiskDbContext db, CreateAssessmentRequest request, RequestRefusals refusals,
        CancellationToken cancellationToken)
    {
        var versions = await db.QuestionSetVersions.AsNoTracking().Include(v => v.QuestionSet)
            .Where(v => v.QuestionSet.Key == request.QuestionSetKey).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            refusals.Add("questionSetKey", $"No question set with key '{request.QuestionSetKey}'.");
            return null;
        }
        if (request.Version is not { } number)
        {
            var newest = versions.Where(v => v.Status == VersionStatus.Published).MaxBy(v => v.Number);
            if (newest is null)
                refusals.Add("questionSetKey", $"Question set '{request.QuestionSetKey}' has no published version.");
            return newest;
        }

        var version = versions.SingleOrDefault(v => v.Number == number);
        if (version is null)
            refusals.Add("version", $"Question set '{request.QuestionSetKey}' has no version {number}.");
        else if (version.Status != VersionStatus.Published)
            refusals.Add("version", $"Version {number} of '{request.QuestionSetKey}' is {version.Status.ToString().ToLowerInvariant()}; assessments start on a published version.");
        return version?.Status == VersionStatus.Published ? version : null;
    }

    private static async Task<ModelOffering?> FindOfferingAsync(VendorRiskDbContext db, CreateAssessmentRequest request, Vendor? vendor,
        RequestRefusals refusals, CancellationToken cancellationToken)
    {
        if (request.ModelId is not { } modelId)
            return null;
        var offering = await db.ModelOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.Id == modelId, cancellationToken);
        if (offering is null || offering.VendorId != request.VendorId)
            refusals.Add("modelId", $"Model offering {modelId} is not an offering of {vendor?.Name ?? $"vendor {request.VendorId}"}.");
        else if (offering.Status == ModelOfferingStatus.Retired)
            refusals.Add("modelId", $"{offering.Name} is retired; a new assessment needs an active or deprecated offering.");
        return offering;
    }

    /// <summary>The vendor-level answers of the vendor's most recent approved assessment on the same set key; null when there is none.</summary>
    private async Task<PrefillNotice?> PrefillVendorAnswersAsync(VendorRiskDbContext db, Assessment assessment, QuestionSetVersion version,
        UseCaseContext context, CancellationToken cancellationToken)
    {
        var source = await db.Assessments.AsNoTracking()
            .Include(a => a.QuestionSetVersion).Include(a => a.Answers)
            .Where(a => a.VendorId == assessment.VendorId && a.QuestionSetVersion.QuestionSetId == version.QuestionSetId
                && (a.Status == AssessmentStatus.Approved || a.Status == AssessmentStatus.ApprovedWithConditions))
            .OrderByDescending(a => a.ReviewedAt).ThenByDescending(a => a.Id)
            .FirstOrDefaultAsync(cancellationToken);
        if (source is null)
            return null;

        var carried = VendorLevelPrefill.Select(definitions.Get(source.QuestionSetVersion),
            source.Answers.ToDictionary(a => a.QuestionKey, a => a.ToValue()), definitions.Get(version));
        foreach (var (key, value) in carried)
            assessment.Answers.Add(NewAnswers.FirstVersion(key, value, context));
        return new PrefillNotice(source.Id, source.Title, carried.Count);
    }
}
