using FluentValidation;
using VendorRisk.Web.Features.Observability;
using VendorRisk.Web.Features.Scores;

namespace VendorRisk.Web.Features.Assessments;

/// <summary>Answers to save on one assessment, all or nothing.</summary>
[RequiresRole(Roles.Assessor, "edit assessments")]
public sealed record SaveAnswersRequest(int AssessmentId, IReadOnlyList<AnswerInput> Answers) : IUseCase<AnswersSaveResult>;

/// <summary>What a save gives back: each saved answer with its new version, and the assessment's score after it.</summary>
public sealed record AnswersSaveResult(IReadOnlyList<SavedAnswer> Answers, AssessmentScore Score);

/// <summary>The date of each answer's evidence, which needs today's date: evidence is dated no later than today.</summary>
public sealed class SaveAnswersValidator : AbstractValidator<SaveAnswersRequest>
{
    public SaveAnswersValidator(TimeProvider clock) =>
        RuleFor(r => r.Answers).Custom((inputs, context) =>
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                if (inputs[i]?.Value?.Evidence?.Date is { } date && !DateRules.IsPastDate(date, clock.Today()))
                    context.AddFailure($"answers[{i}].{AnswerFields.EvidenceDate}", DateRules.PastDateMessage);
            }
        });
}

/// <summary>
/// Every answer against the assessment's question-set version, errors keyed <c>answers[i].field</c>: a question named,
/// once, in the set; a version that can exist; a value the question takes.
/// </summary>
public sealed class AnswersAgainstSetValidator : AbstractValidator<IReadOnlyList<AnswerInput>>
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<QuestionSetDefinition, AnswersAgainstSetValidator> BySet = new();

    /// <summary>One validator per cached question set: building one compiles its rule, which costs more than a save's validation.</summary>
    public static AnswersAgainstSetValidator For(QuestionSetDefinition definition) =>
        BySet.GetValue(definition, d => new AnswersAgainstSetValidator(d));

    public AnswersAgainstSetValidator(QuestionSetDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        RuleFor(inputs => inputs).Custom((inputs, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < inputs.Count; i++)
            {
                var input = inputs[i];
                var prefix = $"answers[{i}].";
                if (input?.Value is null || string.IsNullOrEmpty(input.Value.QuestionKey))
                {
                    context.AddFailure(prefix + AnswerFields.QuestionKey, "Name the question this answer is for.");
                    continue;
                }
                if (!seen.Add(input.Value.QuestionKey))
                    context.AddFailure(prefix + AnswerFields.QuestionKey, $"Question '{input.Value.QuestionKey}' is named more than once in this request.");
                if (input.ExpectedVersion < 0)
                    context.AddFailure(prefix + "expectedVersion", "A version is 0 or more.");
                if (input.Clear)
                {
                    if (definition.FindQuestion(input.Value.QuestionKey) is null)
                        context.AddFailure(prefix + AnswerFields.QuestionKey, $"Question '{input.Value.QuestionKey}' is not in question set '{definition.Key}'.");
                    continue;
                }
                foreach (var failure in AnswerValidator.Validate(definition, input.Value).Errors)
                    context.AddFailure(prefix + failure.PropertyName, failure.ErrorMessage);
            }
        });
    }
}

/// <summary>
/// Saves answers in one short transaction. Writers of one assessment queue on its row (SQLite: BEGIN IMMEDIATE;
/// PostgreSQL: a row lock), so the version check and the write see the same state; each answer's
/// <see cref="Answer.Version"/> (a concurrency token, with the unique index) stays as a second line. A stale
/// <see cref="AnswerInput.ExpectedVersion"/> is a conflict carrying the stored <see cref="CurrentAnswer"/>.
/// Kept cheap because it runs on every change an assessor makes (ADR 0039): the assessment and all its answers come in one
/// untracked query, the question set and its validator from the process-wide cache (its JSON is read only on a miss), and
/// the score is computed once from the answers in hand; its stored columns go out in the same SaveChanges as the answer.
/// </summary>
public sealed class SaveAnswersHandler(QuestionSetDefinitions definitions) : IUseCaseHandler<SaveAnswersRequest, AnswersSaveResult>
{
    /// <summary>Compiled once: translating the query's expression again on every save cost more CPU than running it.</summary>
    private static readonly CompiledPerModel<Func<VendorRiskDbContext, int, CancellationToken, Task<AssessmentRow?>>> ReadAssessment = new(() =>
        EF.CompileAsyncQuery((VendorRiskDbContext db, int id, CancellationToken _) => db.Assessments.AsNoTracking()
            .Where(a => a.Id == id)
            .Select(a => new AssessmentRow(a, a.Answers.ToList(), a.QuestionSetVersion.UpdatedAt, db.RiskAcceptances.Any(r => r.AssessmentId == a.Id)))
            .SingleOrDefault()));

    private static readonly CompiledPerModel<Func<VendorRiskDbContext, int, string, CancellationToken, Task<AnswerVersionMark?>>> ReadMark = new(() =>
        EF.CompileAsyncQuery((VendorRiskDbContext db, int assessmentId, string key, CancellationToken _) =>
            db.AnswerVersionMarks.SingleOrDefault(m => m.AssessmentId == assessmentId && m.QuestionKey == key)));

    private sealed record AssessmentRow(Assessment Assessment, List<Answer> Answers, DateTime VersionStamp, bool HasAcceptances);

    public async Task<AnswersSaveResult> HandleAsync(SaveAnswersRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        // Every change an assessor makes comes here from its circuit, on the circuit's renderer context. Each await below
        // is a round trip to the database (PostgreSQL's yield; SQLite's complete at once) and would queue its
        // continuation back onto the circuit, one more thread hop each; nothing here draws or touches the circuit. The
        // caller's context is back when this method returns its task (the async method builder restores it).
        SynchronizationContext.SetSynchronizationContext(null);
        var db = context.Db;
        await db.LockAssessmentAsync(request.AssessmentId, cancellationToken);
        // Read untracked: only the assessment and the answers this request changes are attached, so each change detection
        // in SaveChanges walks a handful of entities, not every answer of the assessment.
        var row = await ReadAssessment.For(db)(db, request.AssessmentId, cancellationToken)
            ?? throw new NotFoundException($"No assessment with id {request.AssessmentId}.");
        var assessment = row.Assessment;
        AssessmentWorkflow.EnsureEditable(assessment.Facts(), context.Actor);
        // Entry().State, not Attach: Attach walks the entity's navigations looking for more to track, and there are none.
        db.Entry(assessment).State = EntityState.Unchanged;
        var definition = await DefinitionAsync(db, assessment.QuestionSetVersionId, row.VersionStamp, cancellationToken);
        AnswersAgainstSetValidator.For(definition).ThrowIfInvalid(request.Answers);

        var stored = row.Answers.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        foreach (var input in request.Answers)
        {
            var current = stored.GetValueOrDefault(input.Value.QuestionKey);
            if (input.ExpectedVersion is { } expected && expected != (current?.Version ?? 0))
            {
                VendorRiskTelemetry.AnswerConflicts.Add(1);
                throw Conflict(input.Value.QuestionKey, current);
            }
        }

        var marks = await MarksAsync(db, request, stored, cancellationToken);
        var results = new List<SavedAnswer>(request.Answers.Count);
        foreach (var input in request.Answers)
            results.Add(Apply(context, request.AssessmentId, input, stored, marks));

        // The answers in hand are all the assessment has once this save commits (the lock keeps other writers out), so the
        // score is computed once, here, and its stored columns go out with the answer in the same SaveChanges.
        var today = DateOnly.FromDateTime(context.Now);
        var acceptances = row.HasAcceptances ? await KnockoutAcceptanceReads.OfAssessmentAsync(db, request.AssessmentId, today, cancellationToken) : null;
        var values = stored.Values.ToDictionary(a => a.QuestionKey, a => a.ToValue(), StringComparer.Ordinal);
        var score = ScoringEngine.Score(definition, values, today, acceptances: acceptances);
        StoredScores.Store(db, assessment, StoredScores.From(score, definition, values, today));
        assessment.UpdatedAt = context.Now;
        // No savepoint around this save: a failure fails the whole use case and its transaction, so the two statements
        // that would set and release one are work for nothing on every change an assessor makes.
        db.Database.AutoSavepointsEnabled = false;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsLostRace(ex))
        {
            VendorRiskTelemetry.AnswerConflicts.Add(1);
            throw new ConflictException("Someone else saved this answer at the same moment; reload it and choose.");
        }
        finally
        {
            db.Database.AutoSavepointsEnabled = true;
        }
        return new AnswersSaveResult(results, score);
    }

    private async Task<QuestionSetDefinition> DefinitionAsync(VendorRiskDbContext db, int versionId, DateTime stamp, CancellationToken cancellationToken)
    {
        if (definitions.TryGet(versionId, stamp.Ticks) is { } cached)
            return cached;
        var json = await db.QuestionSetVersions.Where(v => v.Id == versionId).Select(v => v.ContentJson).SingleAsync(cancellationToken);
        return definitions.Get(versionId, stamp.Ticks, json);
    }

    private static SavedAnswer Apply(UseCaseContext context, int assessmentId, AnswerInput input, Dictionary<string, Answer> stored,
        Dictionary<string, AnswerVersionMark> marks)
    {
        var db = context.Db;
        var key = input.Value.QuestionKey;
        var current = stored.GetValueOrDefault(key);
        var entityId = $"{assessmentId}/{key}";
        if (input.Clear)
        {
            if (current is not null)
            {
                context.Audit("answer-cleared", AuditEntityTypes.Answer, entityId, $"Answer to '{key}' cleared", current.ToValue(), null);
                RaiseMark(db, marks, assessmentId, key, current.Version);
                db.Answers.Remove(current);
                stored.Remove(key);
            }
            return new SavedAnswer(key, 0, true, context.Actor.Name, context.Now);
        }

        var value = AnswerNormalization.Normalize(input.Value);
        if (current is not null && AnswerNormalization.SameAnswer(current.ToValue(), value))
            return new SavedAnswer(key, current.Version, false, current.UpdatedByName, current.UpdatedAt);

        var old = current?.ToValue();
        if (current is null)
        {
            // A cleared answer's next version continues after its last one, so a writer holding an old version never matches again.
            current = new Answer { AssessmentId = assessmentId, QuestionKey = key, Version = marks.GetValueOrDefault(key)?.Version ?? 0 };
            db.Entry(current).State = EntityState.Added; // not Add: nothing hangs off a new answer for Add's graph walk to find
            stored[key] = current;
        }
        else
        {
            db.Entry(current).State = EntityState.Unchanged;
        }

        current.Apply(value);
        current.Version++;
        current.UpdatedById = context.Actor.UserId;
        current.UpdatedByName = context.Actor.Name;
        current.UpdatedAt = context.Now;
        context.Audit("answer-saved", AuditEntityTypes.Answer, entityId, $"Answer to '{key}' {(old is null ? "given" : "changed")}", old, value);
        return new SavedAnswer(key, current.Version, false, context.Actor.Name, context.Now);
    }

    /// <summary>The marks of the answers this request gives anew or clears (none when every answer exists and stays).</summary>
    private static async Task<Dictionary<string, AnswerVersionMark>> MarksAsync(VendorRiskDbContext db, SaveAnswersRequest request,
        Dictionary<string, Answer> stored, CancellationToken cancellationToken)
    {
        var needed = request.Answers.Where(i => i.Clear || !stored.ContainsKey(i.Value.QuestionKey)).Select(i => i.Value.QuestionKey).ToList();
        if (needed.Count == 0)
            return new Dictionary<string, AnswerVersionMark>(StringComparer.Ordinal);
        if (needed.Count == 1)
        {
            // The wizard's autosave: one answer, one compiled look-up (a query over a list is translated again each time).
            var marks = new Dictionary<string, AnswerVersionMark>(StringComparer.Ordinal);
            if (await ReadMark.For(db)(db, request.AssessmentId, needed[0], cancellationToken) is { } mark)
                marks[mark.QuestionKey] = mark;
            return marks;
        }
        return await db.AnswerVersionMarks.Where(m => m.AssessmentId == request.AssessmentId && needed.Contains(m.QuestionKey))
            .ToDictionaryAsync(m => m.QuestionKey, StringComparer.Ordinal, cancellationToken);
    }

    private static void RaiseMark(VendorRiskDbContext db, Dictionary<string, AnswerVersionMark> marks, int assessmentId, string key, int version)
    {
        if (marks.TryGetValue(key, out var mark))
        {
            mark.Version = Math.Max(mark.Version, version);
            return;
        }
        mark = new AnswerVersionMark { AssessmentId = assessmentId, QuestionKey = key, Version = version };
        marks[key] = mark;
        db.AnswerVersionMarks.Add(mark);
    }

    private static ConflictException Conflict(string key, Answer? current)
    {
        var state = new CurrentAnswer(key, current?.ToValue(), current?.Version ?? 0, current?.UpdatedByName, current?.UpdatedAt);
        return new ConflictException(current is null
            ? $"The answer to '{key}' was cleared by someone else since you loaded it."
            : $"The answer to '{key}' was changed by {current.UpdatedByName} at {current.UpdatedAt:yyyy-MM-dd HH:mm} UTC since you loaded it.", state);
    }
}
