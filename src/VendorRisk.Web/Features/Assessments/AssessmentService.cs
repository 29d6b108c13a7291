using VendorRisk.Web.Features.Observability;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.Models;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments.Autosave;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>
/// The write side of assessments: creation, autosaved answers (all or nothing, one short
/// transaction, optimistic concurrency on <see cref="Answer.Version"/>), the review workflow
/// and reassessment. Reads go through <see cref="AssessmentReader"/>.
/// </summary>
public sealed class AssessmentService(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    ICurrentUser currentUser,
    QuestionSetDefinitions definitions,
    TimeProvider clock,
    Findings.ApprovalConditionsValidator conditionsValidator,
    SaveAnswersHandler saveAnswers)
{
    public const int TitleMaxLength = 200;
    public const int ScopeMaxLength = 2_000;
    public const int CommentMaxLength = 10_000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<int> CreateAsync(CreateAssessmentRequest request, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "create assessments", cancellationToken);
        ArgumentNullException.ThrowIfNull(request);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = new Dictionary<string, string[]>();

        var vendor = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == request.VendorId, cancellationToken);
        if (vendor is null)
            errors["vendorId"] = [$"No vendor with id {request.VendorId}."];
        else if (vendor.IsArchived)
            errors["vendorId"] = [$"{vendor.Name} is archived; restore it before starting an assessment."];

        QuestionSetVersion? version = null;
        var versions = await db.QuestionSetVersions.AsNoTracking().Include(v => v.QuestionSet)
            .Where(v => v.QuestionSet.Key == request.QuestionSetKey).ToListAsync(cancellationToken);
        if (versions.Count == 0)
        {
            errors["questionSetKey"] = [$"No question set with key '{request.QuestionSetKey}'."];
        }
        else if (request.Version is { } number)
        {
            version = versions.SingleOrDefault(v => v.Number == number);
            if (version is null)
                errors["version"] = [$"Question set '{request.QuestionSetKey}' has no version {number}."];
            else if (version.Status != VersionStatus.Published)
                errors["version"] = [$"Version {number} of '{request.QuestionSetKey}' is {version.Status.ToString().ToLowerInvariant()}; assessments start on a published version."];
        }
        else
        {
            version = versions.Where(v => v.Status == VersionStatus.Published).MaxBy(v => v.Number);
            if (version is null)
                errors["questionSetKey"] = [$"Question set '{request.QuestionSetKey}' has no published version."];
        }

        var title = string.IsNullOrWhiteSpace(request.Title)
            ? $"{vendor?.Name} — {version?.Title ?? request.QuestionSetKey}"
            : request.Title.Trim();
        if (title.Length > TitleMaxLength)
            errors["title"] = [$"Use at most {TitleMaxLength} characters."];
        var scope = string.IsNullOrWhiteSpace(request.Scope) ? null : request.Scope.Trim();
        if (scope?.Length > ScopeMaxLength)
            errors["scope"] = [$"Use at most {ScopeMaxLength:N0} characters."];

        ModelOffering? offering = null;
        if (request.ModelId is { } modelId)
        {
            offering = await db.ModelOfferings.AsNoTracking().SingleOrDefaultAsync(o => o.Id == modelId, cancellationToken);
            if (offering is null || offering.VendorId != request.VendorId)
                errors["modelId"] = [$"Model offering {modelId} is not an offering of {vendor?.Name ?? $"vendor {request.VendorId}"}."];
            else if (offering.Status == ModelOfferingStatus.Retired)
                errors["modelId"] = [$"{offering.Name} is retired; a new assessment needs an active or deprecated offering."];
        }

        var assessorId = string.IsNullOrWhiteSpace(request.AssessorId) ? actor.UserId : request.AssessorId;
        var assessor = await db.Users.AsNoTracking().Where(u => u.Id == assessorId).Select(u => new { u.Role, u.IsDisabled }).SingleOrDefaultAsync(cancellationToken);
        if (assessorId != Actor.System.UserId && (assessor is null || assessor.IsDisabled || !Roles.Includes(assessor.Role, Roles.Assessor)))
            errors["assessorId"] = ["The assessor must be an active user with the Assessor role or above."];

        if (errors.Count > 0)
            throw new ValidationFailedException(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var assessment = new Assessment
        {
            VendorId = request.VendorId,
            QuestionSetVersionId = version!.Id,
            ModelOfferingId = offering?.Id,
            Title = title,
            Scope = scope,
            AssessorId = assessorId,
            DueDate = request.DueDate,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            Version = 1,
        };
        db.Assessments.Add(assessment);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var prefill = offering is null ? null : await PrefillVendorAnswersAsync(db, assessment, version, actor, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        var label = ModelOfferingLimits.Label(vendor!.Name, offering?.Name);
        db.Audit(actor, "assessment-created", AuditEntityTypes.Assessment, assessment.Id,
            $"Assessment '{title}' of {label} started on {request.QuestionSetKey} v{version.Number}", null,
            new { title, vendorId = vendor.Id, modelId = offering?.Id, questionSetKey = request.QuestionSetKey, version = version.Number, assessorId, dueDate = request.DueDate });
        if (prefill is not null)
        {
            db.Audit(actor, PrefilledAction, AuditEntityTypes.Assessment, assessment.Id,
                $"{prefill.AnswerCount} vendor-level answers carried over from #{prefill.SourceAssessmentId} '{prefill.SourceTitle}'", null, prefill);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return assessment.Id;
    }

    /// <summary>Saves answers all or nothing (<see cref="SaveAnswersHandler"/>).</summary>
    public async Task<IReadOnlyList<SavedAnswer>> SaveAnswersAsync(int assessmentId, IReadOnlyList<AnswerInput> inputs, CancellationToken cancellationToken = default) =>
        (await saveAnswers.HandleAsync(assessmentId, inputs, cancellationToken)).Answers;

    /// <summary>The wizard's autosave of one answer (<see cref="SaveAnswersHandler.AutosaveAsync"/>).</summary>
    public async Task<SavedAnswer> SaveAnswerAsync(int assessmentId, AnswerInput input, CancellationToken cancellationToken = default) =>
        (await saveAnswers.AutosaveAsync(assessmentId, input, cancellationToken)).Answers[0];

    public async Task SubmitAsync(int assessmentId, bool confirmIncomplete, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "submit assessments", cancellationToken);
        await ChangeStatusAsync(assessmentId, async (db, assessment) =>
        {
            ThrowIfNotDraft(assessment);
            ThrowIfNotEditor(actor, assessment);
            var definition = definitions.Get(assessment.QuestionSetVersion);
            var answers = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == assessmentId).ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var score = ScoringEngine.Score(definition, answers.ToDictionary(a => a.QuestionKey, a => a.ToValue()), DateOnly.FromDateTime(now));
            if (score.Completeness < 100 && !confirmIncomplete)
            {
                throw new ValidationFailedException("confirmIncomplete",
                    $"The assessment is {score.Completeness:0.#}% complete. Confirm to submit it with unanswered questions (they count as 0).");
            }

            assessment.Status = AssessmentStatus.Submitted;
            assessment.SubmittedAt = now;
            db.Audit(actor, "assessment-submitted", AuditEntityTypes.Assessment, assessmentId,
                $"Submitted ({score.Completeness:0.#}% complete, score {ScoreFormat.Display(score.Overall)}, rating {score.Rating ?? "none"})",
                new { status = "draft" }, new { status = "submitted", completeness = score.Completeness, overall = score.Overall, score.Rating, score.Knockouts });
        }, cancellationToken);
    }

    /// <param name="conditions">
    /// For an approval with conditions: each condition becomes a finding with an owner and a due date (at least one).
    /// Null keeps the conditions as free text in <paramref name="comment"/> (API v1 callers that send none).
    /// </param>
    public async Task ReviewAsync(int assessmentId, ReviewDecision decision, string? comment, CancellationToken cancellationToken = default,
        IReadOnlyList<Findings.ConditionRequest>? conditions = null)
    {
        var actor = await currentUser.RequireAsync(Roles.Reviewer, "review assessments", cancellationToken);
        comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        if (!Enum.IsDefined(decision))
            throw new ValidationFailedException("decision", "Choose approved, approved with conditions, rejected or returned.");
        if (comment is null && decision != ReviewDecision.Approved)
        {
            throw new ValidationFailedException("comment", decision switch
            {
                ReviewDecision.ApprovedWithConditions => "State the conditions of the approval.",
                ReviewDecision.Rejected => "State the reason for the rejection.",
                _ => "Say what the assessor should change.",
            });
        }
        if (comment?.Length > CommentMaxLength)
            throw new ValidationFailedException("comment", $"Use at most {CommentMaxLength:N0} characters.");
        if (decision == ReviewDecision.ApprovedWithConditions && conditions is not null)
            await Findings.ValidatorExtensions.ThrowIfInvalidAsync(conditionsValidator, new Findings.ApprovalConditions(conditions), cancellationToken);
        else if (conditions is { Count: > 0 })
            throw new ValidationFailedException("conditions", "Only an approval with conditions has conditions.");

        await ChangeStatusAsync(assessmentId, async (db, assessment) =>
        {
            if (assessment.Status != AssessmentStatus.Submitted)
            {
                throw new ConflictException(
                    $"Only a submitted assessment can be reviewed; this one is {KebabEnum.ToKebab(assessment.Status)}.",
                    new { status = KebabEnum.ToKebab(assessment.Status), version = assessment.Version });
            }
            if (assessment.AssessorId == actor.UserId)
                throw new ForbiddenException("You are the assessor of this assessment; another reviewer must review it.");

            var now = clock.GetUtcNow().UtcDateTime;
            var before = new { status = KebabEnum.ToKebab(assessment.Status), reviewComment = assessment.ReviewComment };
            assessment.ReviewerId = actor.UserId;
            assessment.ReviewComment = comment;
            if (decision == ReviewDecision.Returned)
            {
                assessment.Status = AssessmentStatus.Draft;
                assessment.SubmittedAt = null;
                assessment.ReviewedAt = null;
            }
            else
            {
                assessment.Status = decision switch
                {
                    ReviewDecision.Approved => AssessmentStatus.Approved,
                    ReviewDecision.ApprovedWithConditions => AssessmentStatus.ApprovedWithConditions,
                    _ => AssessmentStatus.Rejected,
                };
                assessment.ReviewedAt = now;
            }

            db.Audit(actor, decision == ReviewDecision.Returned ? "assessment-returned" : "assessment-reviewed", AuditEntityTypes.Assessment, assessmentId,
                decision == ReviewDecision.Returned ? "Returned to the assessor" : $"Reviewed: {KebabEnum.ToKebab(decision)}",
                before, new { status = KebabEnum.ToKebab(assessment.Status), reviewComment = comment });
            if (decision == ReviewDecision.ApprovedWithConditions && conditions is not null)
                await AddConditionsAsync(db, actor, assessmentId, conditions, now, cancellationToken);
        }, cancellationToken);
    }

    /// <summary>Starts a new draft for the same vendor on the newest published version of the same set, pre-filled by question key.</summary>
    public async Task<ReassessResult> ReassessAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "start reassessments", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var old = await db.Assessments.AsNoTracking()
            .Include(a => a.QuestionSetVersion).ThenInclude(v => v.QuestionSet)
            .Include(a => a.Answers).Include(a => a.Vendor)
            .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (old.Status is AssessmentStatus.Draft or AssessmentStatus.Submitted)
        {
            throw new ConflictException($"Only a reviewed assessment can be reassessed; this one is {KebabEnum.ToKebab(old.Status)}.",
                new { status = KebabEnum.ToKebab(old.Status) });
        }
        if (old.Vendor.IsArchived)
            throw new ConflictException($"{old.Vendor.Name} is archived; restore it before reassessing.");

        var newest = await db.QuestionSetVersions.AsNoTracking()
            .Where(v => v.QuestionSetId == old.QuestionSetVersion.QuestionSetId && v.Status == VersionStatus.Published)
            .OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken)
            ?? throw new ConflictException($"Question set '{old.QuestionSetVersion.QuestionSet.Key}' has no published version to reassess on.");

        var mapping = ReassessmentMapper.Map(
            definitions.Get(old.QuestionSetVersion),
            old.Answers.ToDictionary(a => a.QuestionKey, a => a.ToValue()),
            definitions.Get(newest));

        var now = clock.GetUtcNow().UtcDateTime;
        var title = $"{old.Title} — reassessment {now:yyyy-MM-dd}";
        var assessment = new Assessment
        {
            VendorId = old.VendorId,
            QuestionSetVersionId = newest.Id,
            Title = title.Length > TitleMaxLength ? title[..TitleMaxLength] : title,
            Scope = old.Scope,
            AssessorId = actor.UserId == Actor.System.UserId ? old.AssessorId : actor.UserId,
            Status = AssessmentStatus.Draft,
            CreatedAt = now,
            UpdatedAt = now,
            PreviousAssessmentId = old.Id,
            ModelOfferingId = old.ModelOfferingId,
            Version = 1,
        };
        foreach (var (key, value) in mapping.KeptAnswers)
        {
            var answer = new Answer { QuestionKey = key, Version = 1, UpdatedById = actor.UserId, UpdatedByName = actor.Name, UpdatedAt = now };
            answer.Apply(value);
            assessment.Answers.Add(answer);
        }
        db.Assessments.Add(assessment);
        await db.SaveChangesAsync(cancellationToken);

        var notice = new ReassessmentNotice(old.Id, old.QuestionSetVersion.Number, newest.Number,
            mapping.NewQuestionKeys, mapping.ChangedQuestionKeys, mapping.DroppedAnswers);
        db.Audit(actor, ReassessedAction, AuditEntityTypes.Assessment, assessment.Id,
            $"Reassessment of #{old.Id} on v{newest.Number}: {mapping.KeptAnswers.Count} answers carried over, {mapping.DroppedAnswers.Count} dropped, " +
            $"{mapping.NewQuestionKeys.Count} new and {mapping.ChangedQuestionKeys.Count} changed questions",
            null, notice);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new ReassessResult(assessment.Id, mapping.NewQuestionKeys, mapping.ChangedQuestionKeys, mapping.DroppedAnswers);
    }

    public const string ReassessedAction = "assessment-reassessed";
    public const string PrefilledAction = "assessment-prefilled";

    /// <summary>
    /// question-set-format.md <c>level</c>: the vendor-level answers of the vendor's most recent approved
    /// (or approved-with-conditions) assessment on the same set key; null when there is none.
    /// </summary>
    private async Task<PrefillNotice?> PrefillVendorAnswersAsync(VendorRiskDbContext db, Assessment assessment, QuestionSetVersion version,
        Actor actor, DateTime now, CancellationToken cancellationToken)
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
        {
            var answer = new Answer { QuestionKey = key, Version = 1, UpdatedById = actor.UserId, UpdatedByName = actor.Name, UpdatedAt = now };
            answer.Apply(value);
            assessment.Answers.Add(answer);
        }

        return new PrefillNotice(source.Id, source.Title, carried.Count);
    }

    /// <summary>What was pre-filled when this assessment of a model offering was created, or null.</summary>
    public async Task<PrefillNotice?> GetPrefillNoticeAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read assessments", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = assessmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AuditEntityTypes.Assessment && e.EntityId == id && e.Action == PrefilledAction)
            .OrderByDescending(e => e.Id).Select(e => e.NewValue).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<PrefillNotice>(json, Json);
    }

    private static async Task AddConditionsAsync(VendorRiskDbContext db, Actor actor, int assessmentId, IReadOnlyList<Findings.ConditionRequest> conditions,
        DateTime now, CancellationToken cancellationToken)
    {
        var findings = conditions.Select(c => Findings.RaiseFindingHandler.NewFinding(actor, new Findings.RaiseFindingRequest
        {
            AssessmentId = assessmentId,
            Title = c.Title,
            Severity = c.Severity,
            Description = c.Description,
            OwnerId = c.OwnerId,
            DueDate = c.DueDate,
        }, isCondition: true, now)).ToList();
        db.Findings.AddRange(findings);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var finding in findings)
            Findings.RaiseFindingHandler.AuditRaised(db, actor, finding);
    }

    /// <summary>What the reassessment that created this draft carried over, or null if it was not a reassessment.</summary>
    public async Task<ReassessmentNotice?> GetReassessmentNoticeAsync(int assessmentId, CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read assessments", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = assessmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var json = await db.AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == AuditEntityTypes.Assessment && e.EntityId == id && e.Action == ReassessedAction)
            .OrderByDescending(e => e.Id).Select(e => e.NewValue).FirstOrDefaultAsync(cancellationToken);
        return json is null ? null : JsonSerializer.Deserialize<ReassessmentNotice>(json, Json);
    }

    /// <summary>
    /// Who may change a draft (its answers, its submission): the assessor named on it, and an Admin
    /// (docs/decisions/0009-who-edits-a-draft.md). Everyone else with the Assessor role reads it.
    /// </summary>
    public static bool CanEditDraft(Actor actor, string assessorId) =>
        actor.Can(Roles.Admin) || string.Equals(actor.UserId, assessorId, StringComparison.Ordinal);

    internal static void ThrowIfNotEditor(Actor actor, Assessment assessment)
    {
        if (!CanEditDraft(actor, assessment.AssessorId))
            throw new ForbiddenException("Only the assessor named on this assessment, or an Admin, may change this draft.");
    }

    /// <summary>Remembers the wizard's section so it reopens there. Not audited: it changes nothing of substance.</summary>
    public async Task SetLastSectionAsync(int assessmentId, string sectionKey, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "edit assessments", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Assessments.AsNoTracking().Where(a => a.Id == assessmentId).Select(a => new { a.QuestionSetVersion, a.AssessorId })
            .SingleOrDefaultAsync(cancellationToken) ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        if (definitions.Get(found.QuestionSetVersion).Sections.All(s => s.Key != sectionKey))
            throw new ValidationFailedException("sectionKey", $"'{sectionKey}' is not a section of this assessment's question set.");
        // Someone who may only read the draft still walks its sections; their place is not the draft's.
        if (!CanEditDraft(actor, found.AssessorId))
            return;
        await db.Assessments.Where(a => a.Id == assessmentId && a.LastSectionKey != sectionKey)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSectionKey, sectionKey), cancellationToken);
    }

    /// <summary>Published versions an assessment can start on, newest first per set.</summary>
    public async Task<IReadOnlyList<PublishedSetOption>> ListPublishedSetsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "read question sets", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.QuestionSetVersions.AsNoTracking().Where(v => v.Status == VersionStatus.Published)
            .Select(v => new { v.QuestionSet.Key, v.Title, v.Number, v.PublishedAt }).ToListAsync(cancellationToken);
        return rows.OrderBy(r => r.Title, StringComparer.OrdinalIgnoreCase).ThenByDescending(r => r.Number)
            .Select(r => new PublishedSetOption(r.Key, r.Title, r.Number, r.PublishedAt)).ToList();
    }

    /// <summary>Active users who may be assessors (Assessor role or above).</summary>
    public async Task<IReadOnlyList<Vendors.UserOption>> ListAssessorsAsync(CancellationToken cancellationToken = default)
    {
        await currentUser.RequireAsync(Roles.Viewer, "list assessors", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var users = await db.Users.AsNoTracking().Where(u => !u.IsDisabled)
            .Select(u => new { u.Id, u.DisplayName, u.Email, u.Role }).ToListAsync(cancellationToken);
        return users.Where(u => Roles.Includes(u.Role, Roles.Assessor))
            .Select(u => new Vendors.UserOption(u.Id, string.IsNullOrWhiteSpace(u.DisplayName) ? u.Email ?? u.Id : u.DisplayName, u.Role))
            .OrderBy(u => u.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    internal static void ThrowIfNotDraft(Assessment assessment)
    {
        if (assessment.Status != AssessmentStatus.Draft)
        {
            throw new ConflictException(
                $"This assessment is {KebabEnum.ToKebab(assessment.Status)}; only drafts can be edited.",
                new { status = KebabEnum.ToKebab(assessment.Status), version = assessment.Version });
        }
    }

    /// <summary>Status changes: one transaction, Assessment.Version as the concurrency token.</summary>
    private async Task ChangeStatusAsync(int assessmentId, Func<VendorRiskDbContext, Assessment, Task> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAssessmentAsync(assessmentId, cancellationToken);
        var assessment = await db.Assessments.Include(a => a.QuestionSetVersion)
            .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        await change(db, assessment);
        assessment.Version++;
        assessment.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new ConflictException("The assessment's status was changed by someone else at the same moment; reload it.");
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
