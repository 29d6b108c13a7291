using System.Security.Claims;
using BenchmarkDotNet.Attributes;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Benchmarks;

/// <summary>
/// One autosave end to end, in process: role check, the assessment with its answers, validation against the cached
/// question set, version check, the answer and its audit entry in one SQLite transaction (WAL, synchronous=FULL),
/// and the score after it — what the wizard pays for every change. Half the assessment is answered, as mid-way.
/// The API variant starts from the <c>Authorization</c> header: the token check (the request's read of its user), then the
/// same save. CPU/op is the process's CPU per save (<see cref="CpuPerOperation"/>).
/// </summary>
[MemoryDiagnoser]
[CpuPerOperationColumn]
public class AutosaveBenchmarks
{
    private static readonly string[] Options = ["major-gaps", "some-gaps", "gaps-with-roadmap", "full-parity"];
    private WebApplication _app = null!;
    private ClaimsPrincipal _assessor = null!;
    private string _folder = "";
    private int _assessment;
    private int _version;
    private int _round;
    private string _token = "";
    private CpuPerOperation? _cpu;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _folder = Directory.CreateTempSubdirectory("vendorrisk-bench-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration["ConnectionStrings:VendorRisk"] = $"Data Source={Path.Combine(_folder, "vendorrisk.db")}";
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

        await using var scope = Scope();
        var vendor = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(
            new VendorRequest("Vendor", "https://example.com", "US", ["US"], null, ["Model"], 2, null, [], null));
        _assessment = await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(new CreateAssessmentRequest(vendor, "frontier-ai-buyer-checklist"));
        var definition = (await scope.ServiceProvider.GetRequiredService<Web.Features.Shared.AssessmentReader>().GetAsync(_assessment)).QuestionSet;
        var half = definition.Sections.SelectMany(s => s.Questions).Where(q => q.Type == Domain.QuestionSets.QuestionType.Choice && q.Key != "region-gating")
            .Take(30).Select(q => new AnswerInput(new AnswerValue { QuestionKey = q.Key, Choice = q.Options[^1].Key })).ToList();
        await scope.ServiceProvider.GetRequiredService<UseCasePipeline>().RunAsync(new SaveAnswersRequest(_assessment, half));
        _token = (await scope.ServiceProvider.GetRequiredService<Web.Features.Tokens.TokenService>().CreateAsync("bench")).Token;
    }

    [Benchmark(Description = "Autosave one answer (service + SQLite, with the new score)")]
    public async Task<double?> AutosaveOneAnswer()
    {
        (_cpu ??= new CpuPerOperation(nameof(AutosaveOneAnswer))).Count();
        await using var scope = Scope();
        return await SaveAsync(scope);
    }

    [Benchmark(Description = "Autosave one answer as an API request (token check + the same save)")]
    public async Task<double?> AutosaveOneAnswerThroughApiToken()
    {
        (_cpu ??= new CpuPerOperation(nameof(AutosaveOneAnswerThroughApiToken))).Count();
        await using var scope = _app.Services.CreateAsyncScope();
        var http = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Request.Headers.Authorization = "Bearer " + _token;
        var authenticated = await Microsoft.AspNetCore.Authentication.AuthenticationHttpContextExtensions.AuthenticateAsync(
            http, Web.Features.Api.ApiTokenAuthenticationHandler.SchemeName);
        http.User = authenticated.Principal ?? throw new InvalidOperationException("The token was refused: " + authenticated.Failure?.Message);
        await new Web.Features.Api.ApiPrincipalMiddleware(_ => Task.CompletedTask).InvokeAsync(http, scope.ServiceProvider.GetRequiredService<CurrentUser>());
        return await SaveAsync(scope);
    }

    private async Task<double?> SaveAsync(AsyncServiceScope scope)
    {
        var value = new AnswerValue { QuestionKey = "region-gating", Choice = Options[_round++ % Options.Length] };
        var result = await scope.ServiceProvider.GetRequiredService<UseCasePipeline>()
            .RunAsync(new SaveAnswersRequest(_assessment, [new AnswerInput(value, ExpectedVersion: _version)]));
        _version = result.Answers[0].Version;
        return result.Score.Overall;
    }

    [GlobalCleanup]
    public async Task CleanupAsync()
    {
        _cpu?.Report();
        _cpu = null;
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    private AsyncServiceScope Scope()
    {
        var scope = _app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UsePrincipal(_assessor);
        return scope;
    }
}
