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
    Mail.WorkflowMails mails)
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

    /// <summary>
    /// Saves answers all or nothing in one short transaction. Every answer is validated against this
    /// assessment's question-set version (errors keyed <c>answers[i].field</c>); a stale
    /// <see cref="AnswerInput.ExpectedVersion"/> throws <see cref="ConflictException"/> with the stored
    /// <see cref="CurrentAnswer"/>; a non-draft throws <see cref="ConflictException"/> with the status.
    /// </summary>
    public async Task<IReadOnlyList<SavedAnswer>> SaveAnswersAsync(int assessmentId, IReadOnlyList<AnswerInput> inputs, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "edit assessments", cancellationToken);
        ArgumentNullException.ThrowIfNull(inputs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Writers of this assessment queue here (SQLite: BEGIN IMMEDIATE; PostgreSQL: a row lock), so the version check and the
        // write see the same state; the Version concurrency token and the unique index stay as a second line.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAssessmentAsync(assessmentId, cancellationToken);
        var assessment = await db.Assessments.Include(a => a.QuestionSetVersion)
            .SingleOrDefaultAsync(a => a.Id == assessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        ThrowIfNotDraft(assessment);
        ThrowIfNotEditor(actor, assessment);
        var definition = definitions.Get(assessment.QuestionSetVersion);
        Validate(definition, inputs);

        var keys = inputs.Select(i => i.Value.QuestionKey).ToList();
        var stored = await db.Answers.Where(a => a.AssessmentId == assessmentId && keys.Contains(a.QuestionKey))
            .ToDictionaryAsync(a => a.QuestionKey, cancellationToken);
        foreach (var input in inputs)
        {
            var current = stored.GetValueOrDefault(input.Value.QuestionKey);
            if (input.ExpectedVersion is { } expected && expected != (current?.Version ?? 0))
            {
                VendorRiskTelemetry.AnswerConflicts.Add(1);
                throw Conflict(input.Value.QuestionKey, current);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<SavedAnswer>(inputs.Count);
        foreach (var input in inputs)
        {
            var key = input.Value.QuestionKey;
            var entityId = $"{assessmentId}/{key}";
            var current = stored.GetValueOrDefault(key);
            if (input.Clear)
            {
                if (current is not null)
                {
                    db.Audit(actor, "answer-cleared", AuditEntityTypes.Answer, entityId, $"Answer to '{key}' cleared", current.ToValue(), null);
                    db.Answers.Remove(current);
                }

                results.Add(new SavedAnswer(key, 0, true, actor.Name, now));
                continue;
            }

            var value = Normalize(input.Value);
            if (current is not null && SameValue(current.ToValue(), value))
            {
                results.Add(new SavedAnswer(key, current.Version, false, current.UpdatedByName, current.UpdatedAt));
                continue;
            }

            var old = current?.ToValue();
            if (current is null)
            {
                // A cleared answer's row is gone; its next version continues after every earlier save
                // (one audit entry each), so a writer holding an old version can never match again.
                var earlierSaves = await db.AuditEntries.CountAsync(e => e.EntityType == AuditEntityTypes.Answer && e.EntityId == entityId, cancellationToken);
                current = new Answer { AssessmentId = assessmentId, QuestionKey = key, Version = earlierSaves };
                db.Answers.Add(current);
            }

            current.Apply(value);
            current.Version++;
            current.UpdatedById = actor.UserId;
            current.UpdatedByName = actor.Name;
            current.UpdatedAt = now;
            db.Audit(actor, "answer-saved", AuditEntityTypes.Answer, entityId, $"Answer to '{key}' {(old is null ? "given" : "changed")}", old, value);
            results.Add(new SavedAnswer(key, current.Version, false, actor.Name, now));
        }

        assessment.UpdatedAt = now;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsLostRace(ex))
        {
            VendorRiskTelemetry.AnswerConflicts.Add(1);
            throw new ConflictException("Someone else saved this answer at the same moment; reload it and choose.");
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    /// <summary>The wizard's autosave: one answer; validation keys lose their <c>answers[0].</c> prefix.</summary>
    public async Task<SavedAnswer> SaveAnswerAsync(int assessmentId, AnswerInput input, CancellationToken cancellationToken = default)
    {
        try
        {
            var saved = (await SaveAnswersAsync(assessmentId, [input], cancellationToken))[0];
            VendorRiskTelemetry.Autosaves.Add(1, new KeyValuePair<string, object?>("outcome", "saved"));
            return saved;
        }
        catch (ConflictException)
        {
            VendorRiskTelemetry.Autosaves.Add(1, new KeyValuePair<string, object?>("outcome", "conflict"));
            throw;
        }
        catch (ValidationFailedException ex)
        {
            VendorRiskTelemetry.Autosaves.Add(1, new KeyValuePair<string, object?>("outcome", "refused"));
            throw new ValidationFailedException(ex.Errors.ToDictionary(e => e.Key.Replace("answers[0].", "", StringComparison.Ordinal), e => e.Value));
        }
    }

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
            await mails.AssessmentSubmittedAsync(db, assessment, actor, cancellationToken);
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
            await mails.AssessmentReviewedAsync(db, assessment, decision, comment, actor, cancellationToken);
            if (decision == ReviewDecision.ApprovedWithConditions && conditions is not null)
                await mails.FindingsAssignedAsync(db, await AddConditionsAsync(db, actor, assessmentId, conditions, now, cancellationToken), actor, cancellationToken);
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

    private static async Task<List<Finding>> AddConditionsAsync(VendorRiskDbContext db, Actor actor, int assessmentId, IReadOnlyList<Findings.ConditionRequest> conditions,
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
        return findings;
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

    private static void ThrowIfNotEditor(Actor actor, Assessment assessment)
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

    private static void Validate(QuestionSetDefinition definition, IReadOnlyList<AnswerInput> inputs)
    {
        var errors = new Dictionary<string, List<string>>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(string path, string message)
        {
            if (!errors.TryGetValue(path, out var list))
                errors[path] = list = [];
            list.Add(message);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            if (input?.Value is null || string.IsNullOrEmpty(input.Value.QuestionKey))
            {
                Add($"answers[{i}].{AnswerFields.QuestionKey}", "Name the question this answer is for.");
                continue;
            }
            if (!seen.Add(input.Value.QuestionKey))
                Add($"answers[{i}].{AnswerFields.QuestionKey}", $"Question '{input.Value.QuestionKey}' is named more than once in this request.");
            if (input.ExpectedVersion < 0)
                Add($"answers[{i}].expectedVersion", "A version is 0 or more.");
            if (input.Clear)
            {
                if (definition.FindQuestion(input.Value.QuestionKey) is null)
                    Add($"answers[{i}].{AnswerFields.QuestionKey}", $"Question '{input.Value.QuestionKey}' is not in question set '{definition.Key}'.");
                continue;
            }
            foreach (var failure in AnswerValidator.Validate(definition, input.Value).Errors)
                Add($"answers[{i}].{failure.PropertyName}", failure.ErrorMessage);
        }

        if (errors.Count > 0)
            throw new ValidationFailedException(errors.ToDictionary(e => e.Key, e => e.Value.ToArray()));
    }

    /// <summary>N/A carries only its justification; an answer that is not N/A carries none.</summary>
    private static AnswerValue Normalize(AnswerValue value) => value.NotApplicable
        ? value with { Choice = null, Choices = null, Number = null, Text = null, Justification = value.Justification?.Trim() }
        : value with
        {
            Justification = null,
            Note = string.IsNullOrWhiteSpace(value.Note) ? null : value.Note,
            Evidence = value.Evidence is { Description: null or "", Source: null, Date: null } ? null : value.Evidence,
        };

    private static bool SameValue(AnswerValue a, AnswerValue b) =>
        JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json);

    private static ConflictException Conflict(string key, Answer? current)
    {
        var state = new CurrentAnswer(key, current?.ToValue(), current?.Version ?? 0, current?.UpdatedByName, current?.UpdatedAt);
        return new ConflictException(current is null
            ? $"The answer to '{key}' was cleared by someone else since you loaded it."
            : $"The answer to '{key}' was changed by {current.UpdatedByName} at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC since you loaded it.", state);
    }

    private static void ThrowIfNotDraft(Assessment assessment)
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
