using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Observability;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Assessments.Autosave;

/// <summary>What a save gives back: each saved answer with its new version, and the assessment's score after it.</summary>
public sealed record AnswersSaveResult(IReadOnlyList<SavedAnswer> Answers, AssessmentScore Score);

/// <summary>
/// Saves answers all or nothing in one short transaction (the wizard's autosave, the API's PUT, the CSV import).
/// Every answer is validated against the assessment's question-set version (errors keyed <c>answers[i].field</c>);
/// a stale <see cref="AnswerInput.ExpectedVersion"/> throws <see cref="ConflictException"/> with the stored
/// <see cref="CurrentAnswer"/>; a non-draft throws <see cref="ConflictException"/> with the status.
/// Kept cheap because it runs on every change an assessor makes: the assessment and all its answers come in one
/// query, the question set from the process-wide cache (its JSON is read only on a miss), and the score is
/// computed from the answers already in hand rather than by re-reading the assessment.
/// </summary>
public sealed class SaveAnswersHandler(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    ICurrentUser currentUser,
    QuestionSetDefinitions definitions,
    TimeProvider clock)
{
    public async Task<AnswersSaveResult> HandleAsync(int assessmentId, IReadOnlyList<AnswerInput> inputs, CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Assessor, "edit assessments", cancellationToken);
        ArgumentNullException.ThrowIfNull(inputs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Writers of this assessment queue here (SQLite: BEGIN IMMEDIATE; PostgreSQL: a row lock), so the version check and the
        // write see the same state; the Version concurrency token and the unique index stay as a second line.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockAssessmentAsync(assessmentId, cancellationToken);
        var row = await db.Assessments.Where(a => a.Id == assessmentId)
            .Select(a => new
            {
                Assessment = a,
                Answers = a.Answers.ToList(),
                VersionStamp = a.QuestionSetVersion.UpdatedAt,
                HasAcceptances = db.RiskAcceptances.Any(r => r.AssessmentId == a.Id),
            })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {assessmentId}.");
        var assessment = row.Assessment;
        AssessmentService.ThrowIfNotDraft(assessment);
        AssessmentService.ThrowIfNotEditor(actor, assessment);
        var definition = await DefinitionAsync(db, assessment.QuestionSetVersionId, row.VersionStamp, cancellationToken);
        AnswerInputRules.Validate(definition, inputs);

        var stored = row.Answers.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        foreach (var input in inputs)
        {
            var current = stored.GetValueOrDefault(input.Value.QuestionKey);
            if (input.ExpectedVersion is { } expected && expected != (current?.Version ?? 0))
            {
                VendorRiskTelemetry.AnswerConflicts.Add(1);
                throw AnswerInputRules.Conflict(input.Value.QuestionKey, current);
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var results = new List<SavedAnswer>(inputs.Count);
        foreach (var input in inputs)
            results.Add(await ApplyAsync(db, actor, assessmentId, input, stored, now, cancellationToken));

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
        var acceptances = row.HasAcceptances ? await AcceptancesAsync(db, assessmentId, now, cancellationToken) : null;
        var values = stored.Values.ToDictionary(a => a.QuestionKey, a => a.ToValue(), StringComparer.Ordinal);
        return new AnswersSaveResult(results, ScoringEngine.Score(definition, values, DateOnly.FromDateTime(now), acceptances: acceptances));
    }

    /// <summary>The wizard's autosave: one answer; validation keys lose their <c>answers[0].</c> prefix.</summary>
    public async Task<AnswersSaveResult> AutosaveAsync(int assessmentId, AnswerInput input, CancellationToken cancellationToken = default)
    {
        try
        {
            var saved = await HandleAsync(assessmentId, [input], cancellationToken);
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

    private static async Task<SavedAnswer> ApplyAsync(VendorRiskDbContext db, Actor actor, int assessmentId, AnswerInput input,
        Dictionary<string, Answer> stored, DateTime now, CancellationToken cancellationToken)
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
                stored.Remove(key);
            }
            return new SavedAnswer(key, 0, true, actor.Name, now);
        }

        var value = AnswerInputRules.Normalize(input.Value);
        if (current is not null && AnswerInputRules.SameValue(current.ToValue(), value))
            return new SavedAnswer(key, current.Version, false, current.UpdatedByName, current.UpdatedAt);

        var old = current?.ToValue();
        if (current is null)
        {
            // A cleared answer's row is gone; its next version continues after every earlier save
            // (one audit entry each), so a writer holding an old version can never match again.
            var earlierSaves = await db.AuditEntries.CountAsync(e => e.EntityType == AuditEntityTypes.Answer && e.EntityId == entityId, cancellationToken);
            current = new Answer { AssessmentId = assessmentId, QuestionKey = key, Version = earlierSaves };
            db.Answers.Add(current);
            stored[key] = current;
        }

        current.Apply(value);
        current.Version++;
        current.UpdatedById = actor.UserId;
        current.UpdatedByName = actor.Name;
        current.UpdatedAt = now;
        db.Audit(actor, "answer-saved", AuditEntityTypes.Answer, entityId, $"Answer to '{key}' {(old is null ? "given" : "changed")}", old, value);
        return new SavedAnswer(key, current.Version, false, actor.Name, now);
    }

    private async Task<Domain.QuestionSets.QuestionSetDefinition> DefinitionAsync(VendorRiskDbContext db, int versionId, DateTime stamp,
        CancellationToken cancellationToken)
    {
        if (definitions.TryGet(versionId, stamp.Ticks) is { } cached)
            return cached;
        var json = await db.QuestionSetVersions.Where(v => v.Id == versionId).Select(v => v.ContentJson).SingleAsync(cancellationToken);
        return definitions.Get(versionId, stamp.Ticks, json);
    }

    private static async Task<KnockoutAcceptances> AcceptancesAsync(VendorRiskDbContext db, int assessmentId, DateTime now, CancellationToken cancellationToken)
    {
        var rows = await db.RiskAcceptances.AsNoTracking().Where(r => r.AssessmentId == assessmentId).OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return new KnockoutAcceptances(
            rows.Select(r => new KnockoutAcceptance(r.QuestionKey, r.AcceptedById, r.AcceptedById, r.Until, r.RevokedAt is not null)).ToList(),
            DateOnly.FromDateTime(now));
    }
}
