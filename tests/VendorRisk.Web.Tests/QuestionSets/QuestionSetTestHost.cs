using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Cli;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Tests.QuestionSets;

/// <summary>A signed-in user whose role a test sets; refuses like the real one (without the audit entry).</summary>
public sealed class FakeCurrentUser : ICurrentUser
{
    public static readonly Actor Admin = new("admin-id", "Ada Admin", Roles.Admin);
    public static readonly Actor Viewer = new("viewer-id", "Vic Viewer", Roles.Viewer);

    public Actor? Actor { get; set; } = Admin;

    public Task<Actor?> GetAsync(CancellationToken cancellationToken = default) => Task.FromResult(Actor);

    public Task<Actor> RequireAsync(string role, string action, CancellationToken cancellationToken = default) =>
        Actor is { } actor && actor.Can(role)
            ? Task.FromResult(actor)
            : throw new ForbiddenException($"Your role ({Actor?.Role ?? "none"}) may not {action}; it needs {role}.");
}

/// <summary>
/// The app's real service composition (<c>AddVendorRisk</c>) on a temp SQLite file (or a fresh PostgreSQL
/// database, see <see cref="TestProvider"/>), without a server:
/// migrations and seeders run as at start-up; the current user is a <see cref="FakeCurrentUser"/>.
/// </summary>
public sealed class QuestionSetTestHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    public string DatabasePath { get; } = Path.Combine(Path.GetTempPath(), $"vr-qsets-{Guid.NewGuid():N}.db");
    public string ConnectionString { get; }
    public FakeCurrentUser User { get; } = new();
    public StringWriter Out { get; } = new();
    public StringWriter Error { get; } = new();
    public IServiceProvider Services => _app.Services;

    private QuestionSetTestHost()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = "Testing",
            ContentRootPath = AppContext.BaseDirectory,
        });
        ConnectionString = TestProvider.Current.IsPostgres ? TestProvider.Current.CreatePostgresDatabase() : $"Data Source={DatabasePath}";
        builder.Configuration["ConnectionStrings:VendorRisk"] = ConnectionString;
        builder.Configuration[VendorRisk.Data.DependencyInjection.ProviderSetting] = TestProvider.Current.Name;
        builder.Logging.ClearProviders();
        builder.AddVendorRisk();
        builder.Services.RemoveAll<ICurrentUser>();
        builder.Services.AddSingleton<ICurrentUser>(User);
        builder.Services.AddSingleton(new CliConsole(Out, Error));
        _app = builder.Build();
    }

    public static async Task<QuestionSetTestHost> StartAsync()
    {
        var host = new QuestionSetTestHost();
        await host.RunStartupTasksAsync();
        return host;
    }

    /// <summary>What the app does on every start: migrate, then seed.</summary>
    public async Task RunStartupTasksAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync(TestContext.Current.CancellationToken);
    }

    public QuestionSetService Service => _app.Services.CreateScope().ServiceProvider.GetRequiredService<QuestionSetService>();

    public async Task<int> RunCommandAsync(params string[] args)
    {
        Out.GetStringBuilder().Clear();
        Error.GetStringBuilder().Clear();
        await using var scope = _app.Services.CreateAsyncScope();
        return await AdminCommandLine.DispatchAsync(args, scope.ServiceProvider);
    }

    public async Task<T> QueryAsync<T>(Func<VendorRiskDbContext, Task<T>> query)
    {
        var factory = _app.Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        return await query(db);
    }

    public Task<int> VersionCountAsync() => QueryAsync(db => db.QuestionSetVersions.CountAsync());

    public Task<int> AuditCountAsync() => QueryAsync(db => db.AuditEntries.CountAsync(a => a.EntityType == AuditEntityTypes.QuestionSet));

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        TestProvider.ClearPools();
        if (TestProvider.Current.IsPostgres)
            TestProvider.Current.DropPostgresDatabase(ConnectionString);
        foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
            File.Delete(file);
    }
}

/// <summary>Small valid and invalid question-set files.</summary>
public static class QuestionSetFiles
{
    public static string SeedFolder => Path.Combine(AppContext.BaseDirectory, "seed-data", "question-sets");

    public static string Valid(string key = "test-set", string title = "Test set", string firstQuestionText = "Is there a policy?") => $$"""
        {
          "format": "vendorrisk.question-set/1",
          "key": "{{key}}",
          "title": "{{title}}",
          "ratingBands": [ { "label": "Good", "minScore": 70 }, { "label": "Poor", "minScore": 0 } ],
          "sections": [
            {
              "key": "basics",
              "title": "Basics",
              "questions": [
                {
                  "key": "policy",
                  "text": "{{firstQuestionText}}",
                  "type": "choice",
                  "options": [ { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ]
                },
                { "key": "notes", "text": "Notes", "type": "text" }
              ]
            }
          ]
        }
        """;

    /// <summary>Three errors: a bad key, a choice with one option, and an unknown property.</summary>
    public const string Invalid = """
        {
          "format": "vendorrisk.question-set/1",
          "key": "Bad Key",
          "title": "Broken",
          "ratingBands": [ { "label": "Only", "minScore": 0 } ],
          "colour": "red",
          "sections": [
            { "key": "s", "title": "S", "questions": [
              { "key": "q", "text": "Q", "type": "choice", "options": [ { "key": "a", "label": "A", "score": 1 } ] }
            ] }
          ]
        }
        """;

    public static byte[] Bytes(string json) => System.Text.Encoding.UTF8.GetBytes(json);
}
