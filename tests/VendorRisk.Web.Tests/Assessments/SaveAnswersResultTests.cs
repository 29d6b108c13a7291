using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>A save answers with the saved answer, its version and the score after it: the same score a fresh read computes.</summary>
public sealed class SaveAnswersResultTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_save_returns_the_new_version_and_the_score_a_fresh_read_computes()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var pipeline = scope.ServiceProvider.GetRequiredService<UseCasePipeline>();
        var reader = scope.ServiceProvider.GetRequiredService<AssessmentReader>();
        var cancellationToken = TestContext.Current.CancellationToken;

        var first = await pipeline.RunAsync(new SaveAnswersRequest(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "full-parity" }, ExpectedVersion: 0)]), cancellationToken);
        var saved = Assert.Single(first.Answers);
        Assert.Equal(("region-gating", 1, false), (saved.QuestionKey, saved.Version, saved.Cleared));
        var read = await reader.GetAsync(id, cancellationToken);
        Assert.Equal(read.Score.Overall, first.Score.Overall);
        Assert.Equal(read.Score.Completeness, first.Score.Completeness);
        Assert.Equal(read.Score.Sections.Select(s => (s.Key, s.Score, s.Answered)), first.Score.Sections.Select(s => (s.Key, s.Score, s.Answered)));
        Assert.True(first.Score.Completeness > 0);

        var second = await pipeline.RunAsync(new SaveAnswersRequest(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "major-gaps" }, ExpectedVersion: 1)]), cancellationToken);
        Assert.Equal(2, second.Answers[0].Version);
        Assert.True(second.Score.Sections.Single(s => s.Answered > 0).Score < first.Score.Sections.Single(s => s.Answered > 0).Score,
            "A worse answer lowers its section's score in the result.");

        var cleared = await pipeline.RunAsync(new SaveAnswersRequest(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating" }, Clear: true, ExpectedVersion: 2)]), cancellationToken);
        Assert.Equal((0, true), (cleared.Answers[0].Version, cleared.Answers[0].Cleared));
        Assert.Equal(0, cleared.Score.Completeness);
        Assert.Null((await reader.GetAsync(id, cancellationToken)).Answers.GetValueOrDefault("region-gating"));
    }

    [Fact]
    public async Task Saving_the_same_value_again_keeps_its_version_and_writes_no_audit_entry()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var pipeline = scope.ServiceProvider.GetRequiredService<UseCasePipeline>();
        var cancellationToken = TestContext.Current.CancellationToken;
        var value = new AnswerValue { QuestionKey = "tenant-abuse-controls", Choices = ["org-quotas", "scoped-keys"], Note = "n", Evidence = new Evidence("doc", EvidenceSource.PublicDocumentation, null) };

        await pipeline.RunAsync(new SaveAnswersRequest(id, [new AnswerInput(value)]), cancellationToken);
        var again = await pipeline.RunAsync(new SaveAnswersRequest(id, [new AnswerInput(value with { Choices = ["org-quotas", "scoped-keys"] })]), cancellationToken);

        Assert.Equal(1, again.Answers[0].Version);
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<Data.VendorRiskDbContext>>().CreateDbContextAsync(cancellationToken);
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.EntityId == $"{id}/tenant-abuse-controls", cancellationToken));
    }

    [Fact]
    public async Task A_save_that_waits_for_its_database_does_not_queue_its_round_trips_back_onto_the_circuit()
    {
        var id = await TestData.CreateDraftAsync(app);
        var cancellationToken = TestContext.Current.CancellationToken;
        var options = new DbContextOptionsBuilder<Data.VendorRiskDbContext>();
        Data.DependencyInjection.Configure(options, new Data.DatabaseLocation(app.ConnectionString, app.Provider));
        var waits = new CommandsThatWait();
        options.AddInterceptors(waits);
        await using var db = new Data.VendorRiskDbContext(options.Options);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var handler = new SaveAnswersHandler(app.Services.GetRequiredService<QuestionSetDefinitions>());
        var context = new UseCaseContext(db, new Actor(app.UserIdOf(Roles.Assessor), "Assessor", Roles.Assessor), DateTime.UtcNow);
        var request = new SaveAnswersRequest(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "full-parity" }, ExpectedVersion: 0)]);
        var circuit = new CountingContext();
        var before = SynchronizationContext.Current;

        Task<AnswersSaveResult> run;
        SynchronizationContext.SetSynchronizationContext(circuit);
        try
        {
            run = handler.HandleAsync(request, context, cancellationToken);
            Assert.Same(circuit, SynchronizationContext.Current); // the caller keeps its context
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(before);
        }
        var saved = await run;
        await transaction.CommitAsync(cancellationToken);

        Assert.Equal(1, saved.Answers[0].Version);
        Assert.True(waits.Count >= 3, $"The save's statements waited {waits.Count} times.");
        Assert.Equal(0, circuit.Posts);
    }

    /// <summary>Every statement waits once before it runs, as one sent to PostgreSQL does.</summary>
    private sealed class CommandsThatWait : DbCommandInterceptor
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        private async ValueTask<T> WaitAsync<T>(T result)
        {
            await Task.Yield();
            Interlocked.Increment(ref _count);
            return result;
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default) => WaitAsync(result);

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<int> result, CancellationToken cancellationToken = default) => WaitAsync(result);

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<object> result, CancellationToken cancellationToken = default) => WaitAsync(result);
    }

    /// <summary>Stands in for a circuit's renderer: counts the continuations sent back to it and runs them on the pool.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }

    [Fact]
    public async Task An_autosave_walks_its_tracked_entities_twice_and_sets_no_savepoint()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var pipeline = scope.ServiceProvider.GetRequiredService<UseCasePipeline>();
        var cancellationToken = TestContext.Current.CancellationToken;
        await pipeline.RunAsync(new SaveAnswersRequest(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "full-parity" })]), cancellationToken);

        using var events = new EntityFrameworkEvents();
        await pipeline.RunAsync(new SaveAnswersRequest(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "major-gaps" }, ExpectedVersion: 1)]), cancellationToken);

        // Once in the save, once where the pipeline asks whether anything is left to save (were eight: four per SaveChanges, two of them).
        Assert.Equal(2, events.Count(CoreEventId.DetectChangesStarting));
        Assert.Equal(0, events.Count(RelationalEventId.CreatingTransactionSavepoint));
        Assert.Equal(1, events.Count(RelationalEventId.TransactionCommitted));
    }

    /// <summary>
    /// EF Core's diagnostic events raised by this test's own flow only: the flag flows with the awaits into the use case,
    /// and tests of other classes running at the same time do not carry it.
    /// </summary>
    private sealed class EntityFrameworkEvents : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly AsyncLocal<EntityFrameworkEvents?> Current = new();
        private readonly List<string> _names = [];
        private readonly List<IDisposable> _subscriptions = [];

        public EntityFrameworkEvents()
        {
            Current.Value = this;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count(Microsoft.Extensions.Logging.EventId id)
        {
            lock (_names)
                return _names.Count(n => n == id.Name);
        }

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
                lock (_subscriptions)
                    _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (Current.Value == this)
                lock (_names)
                    _names.Add(value.Key);
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }

        public void Dispose()
        {
            Current.Value = null;
            lock (_subscriptions)
                _subscriptions.ForEach(s => s.Dispose());
        }
    }
}
