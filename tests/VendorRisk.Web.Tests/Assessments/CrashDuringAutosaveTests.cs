using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>
/// Kills (SIGKILL) a separate process in the middle of a burst of autosaves through the real service, then checks
/// that the database passes integrity_check and holds every save the process confirmed.
/// </summary>
[Collection(nameof(CrashDuringAutosaveTests))]
public sealed class CrashDuringAutosaveTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static readonly string[] Answers =
        ["region-gating:some-gaps", "probing-traffic-policy:spend-tiers", "usage-anomaly-detection:periodic-review", "budget-caps:none"];

    private const int EnoughConfirmedSaves = 50;
    // Only a worker that says nothing for this long fails: a bound on silence, not on the whole run, so a loaded machine
    // makes the test slower, never red, while a hung worker still fails.
    private static readonly TimeSpan StallBound = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Killing_the_process_mid_burst_keeps_the_database_intact_and_every_confirmed_save()
    {
        TestProvider.SkipOnPostgres("the crash worker opens the SQLite file and the test runs integrity_check; PostgreSQL's durability is the server's.");
        var id = await TestData.CreateDraftAsync(app);
        var answers = await ValidAnswersAsync(id);
        Assert.NotEmpty(answers);
        var confirmed = new ConcurrentQueue<(string Key, int Version, int Sequence)>();
        var enough = new TaskCompletionSource();
        using var stalled = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        stalled.CancelAfter(StallBound);

        using var worker = new Process
        {
            StartInfo = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { WorkerPath(), app.DatabasePath, id.ToString(System.Globalization.CultureInfo.InvariantCulture), app.UserIdOf(Roles.Assessor), Roles.Assessor, string.Join(",", answers) },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            },
        };
        var errors = new ConcurrentQueue<string>();
        var output = new ConcurrentQueue<string>();
        worker.OutputDataReceived += (_, e) =>
        {
            if (e.Data is not null && !e.Data.StartsWith("confirmed", StringComparison.Ordinal))
                output.Enqueue(e.Data);
            if (e.Data is not null)
                stalled.CancelAfter(StallBound); // every line is progress
            if (e.Data?.Split(' ') is ["confirmed", var key, var version, var sequence])
            {
                confirmed.Enqueue((key, int.Parse(version, System.Globalization.CultureInfo.InvariantCulture), int.Parse(sequence, System.Globalization.CultureInfo.InvariantCulture)));
                if (confirmed.Count >= EnoughConfirmedSaves)
                    enough.TrySetResult();
            }
        };
        worker.ErrorDataReceived += (_, e) => { if (e.Data is not null) errors.Enqueue(e.Data); };
        worker.Start();
        worker.BeginOutputReadLine();
        worker.BeginErrorReadLine();
        try
        {
            // The kill waits for progress, not for a time window: on a loaded machine the first saves (JIT, EF model)
            // can take many seconds, and fifty of them minutes.
            await Task.WhenAny(enough.Task, worker.WaitForExitAsync(TestContext.Current.CancellationToken)).WaitAsync(stalled.Token);
        }
        catch (OperationCanceledException) when (stalled.IsCancellationRequested && !TestContext.Current.CancellationToken.IsCancellationRequested)
        {
            Assert.Fail($"The worker printed nothing for {StallBound} after {confirmed.Count} confirmed saves. stdout: {string.Join("\n", output)} stderr: {string.Join("\n", errors)}");
        }
        finally
        {
            worker.Kill(entireProcessTree: true); // SIGKILL: no shutdown, no flush
            await worker.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        Assert.True(confirmed.Count >= EnoughConfirmedSaves, $"The worker confirmed only {confirmed.Count} saves. stdout: {string.Join("\n", output)} stderr: {string.Join("\n", errors)}");

        await using (var connection = new SqliteConnection($"Data Source={app.DatabasePath};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(TestContext.Current.CancellationToken));
        }

        await using var db = await app.CreateDbContextAsync();
        var stored = await db.Answers.AsNoTracking().Where(a => a.AssessmentId == id).ToDictionaryAsync(a => a.QuestionKey, TestContext.Current.CancellationToken);
        foreach (var group in confirmed.GroupBy(c => c.Key))
        {
            var last = group.MaxBy(c => c.Version);
            Assert.True(stored.TryGetValue(group.Key, out var answer), $"Confirmed answer {group.Key} is missing.");
            // The save after the last confirmed one may have committed before the kill, never less.
            Assert.True(answer.Version >= last.Version, $"{group.Key}: stored version {answer.Version} < confirmed {last.Version}");
            if (answer.Version == last.Version)
                Assert.Equal($"save {last.Sequence}", answer.Note);
        }
    }

    private async Task<IReadOnlyList<string>> ValidAnswersAsync(int id)
    {
        await using var db = await app.CreateDbContextAsync();
        var content = await db.Assessments.Where(a => a.Id == id).Select(a => a.QuestionSetVersion.ContentJson).SingleAsync();
        var set = Domain.QuestionSets.Interchange.QuestionSetFormat.Parse(content).Definition!;
        return Answers.Where(a => set.FindQuestion(a.Split(':')[0])?.Options.Any(o => o.Key == a.Split(':')[1]) == true).ToList();
    }

    private static string WorkerPath()
    {
        var own = AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar);
        var path = Path.Combine(own.Replace($"{Path.DirectorySeparatorChar}VendorRisk.Web.Tests{Path.DirectorySeparatorChar}", $"{Path.DirectorySeparatorChar}VendorRisk.CrashWorker{Path.DirectorySeparatorChar}", StringComparison.Ordinal), "VendorRisk.CrashWorker.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build tests/VendorRisk.CrashWorker first (it is a project reference of this test project).", path);
    }
}

/// <summary>The crash test runs alone, so a busy machine does not starve its child process.</summary>
[CollectionDefinition(nameof(CrashDuringAutosaveTests), DisableParallelization = true)]
public sealed class CrashDuringAutosaveCollection;
