using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Benchmarks;

/// <summary>
/// Autosave under load, through the app's own services and database settings: 100 assessors, each on
/// their own assessment, save one answer 10 times in a row (as the wizard does, with the version they
/// last saw), all at once: 1,000 saves per operation. Throughput = 1,000 / mean. Per-save latencies
/// (p50, p95) are printed at the end of each case and written to
/// <c>BenchmarkDotNet.Artifacts/autosave-latency-&lt;provider&gt;.txt</c>.
/// PostgreSQL runs when <c>VENDORRISK_BENCH_POSTGRES</c> holds an admin connection string (a database
/// is created and dropped); SQLite always (a temp file).
/// </summary>
public class ConcurrentAutosaveBenchmarks
{
    public const int Writers = 100;
    public const int SavesPerWriter = 10;
    private const string Question = "region-gating";
    private static readonly string[] Options = ["major-gaps", "some-gaps", "gaps-with-roadmap", "full-parity"];

    private readonly ConcurrentBag<double> _latencies = [];
    private WebApplication _app = null!;
    private ClaimsPrincipal _assessor = null!;
    private int[] _assessments = [];
    private int[] _versions = [];
    private int _round;
    private string _connectionString = "";
    private string? _folder;

    [ParamsSource(nameof(Providers))]
    public string Provider { get; set; } = "sqlite";

    public static IEnumerable<string> Providers =>
        string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable("VENDORRISK_BENCH_POSTGRES")) ? ["sqlite"] : ["sqlite", "postgres"];

    [GlobalSetup]
    public async Task SetupAsync()
    {
        if (Provider == "postgres")
        {
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("VENDORRISK_BENCH_POSTGRES"));
            var name = $"vr_bench_{Guid.NewGuid():N}";
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                await command.ExecuteNonQueryAsync();
            }
            admin.Database = name;
            _connectionString = admin.ConnectionString;
        }
        else
        {
            _folder = Directory.CreateTempSubdirectory("vendorrisk-bench-").FullName;
            _connectionString = $"Data Source={Path.Combine(_folder, "vendorrisk.db")}";
        }

        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:VendorRisk"] = _connectionString;
        builder.Configuration[Data.DependencyInjection.ProviderSetting] = Provider;
        builder.Logging.ClearProviders();
        builder.AddVendorRisk();
        _app = builder.Build();
        await using (var startup = _app.Services.CreateAsyncScope())
            await startup.ServiceProvider.GetRequiredService<StartupTasks>().RunAsync();

        await using (var db = await _app.Services.GetRequiredService<Microsoft.EntityFrameworkCore.IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync())
        {
            var user = new ApplicationUser
            {
                UserName = "assessor@bench.test", NormalizedUserName = "ASSESSOR@BENCH.TEST", Email = "assessor@bench.test", NormalizedEmail = "ASSESSOR@BENCH.TEST",
                DisplayName = "Bench Assessor", Role = Roles.Assessor, CreatedAt = DateTime.UtcNow, SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(user);
            await db.SaveChangesAsync();
            _assessor = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Role, Roles.Assessor)], "Bench"));
        }

        _assessments = new int[Writers];
        _versions = new int[Writers];
        for (var w = 0; w < Writers; w++)
        {
            await using var scope = Scope();
            var vendor = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(
                new VendorRequest($"Vendor {w:D3}", "https://example.com", "US", ["US"], null, ["Model"], 2, null, [], null));
            _assessments[w] = await scope.ServiceProvider.GetRequiredService<AssessmentService>()
                .CreateAsync(new CreateAssessmentRequest(vendor, "frontier-ai-buyer-checklist"));
        }
    }

    [Benchmark(Description = "100 concurrent writers x 10 autosaves")]
    public async Task HundredConcurrentWriters()
    {
        var round = Interlocked.Increment(ref _round);
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(() => WriterAsync(w, round))));
    }

    private async Task WriterAsync(int writer, int round)
    {
        for (var save = 0; save < SavesPerWriter; save++)
        {
            await using var scope = Scope();
            var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
            var value = new AnswerValue { QuestionKey = Question, Choice = Options[(round + save) % Options.Length], Note = $"round {round} save {save}" };
            var clock = Stopwatch.StartNew();
            var saved = await service.SaveAnswerAsync(_assessments[writer], new AnswerInput(value, ExpectedVersion: _versions[writer]));
            _latencies.Add(clock.Elapsed.TotalMilliseconds);
            _versions[writer] = saved.Version;
        }
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        var sorted = _latencies.Order().ToArray();
        var report = string.Create(CultureInfo.InvariantCulture,
            $"autosave latency on {Provider}: {sorted.Length} saves, p50 {Percentile(sorted, 0.50):F1} ms, p95 {Percentile(sorted, 0.95):F1} ms, max {sorted.LastOrDefault():F1} ms");
        Console.WriteLine(report);
        Directory.CreateDirectory("BenchmarkDotNet.Artifacts");
        await File.WriteAllTextAsync(Path.Combine("BenchmarkDotNet.Artifacts", $"autosave-latency-{Provider}.txt"), report + Environment.NewLine);

        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        if (Provider == "postgres")
        {
            var admin = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("VENDORRISK_BENCH_POSTGRES"));
            var name = new NpgsqlConnectionStringBuilder(_connectionString).Database;
            await using var connection = new NpgsqlConnection(admin.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        if (_folder is not null)
            Directory.Delete(_folder, recursive: true);
    }

    private AsyncServiceScope Scope()
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UsePrincipal(_assessor);
        return scope;
    }

    private static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}
