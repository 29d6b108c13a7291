using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.Web.Tests.Infrastructure;

/// <summary>Question sets, vendors and assessments for service-level tests.</summary>
public static class TestData
{
    public const string Frontier = "frontier-ai-buyer-checklist";
    public const string QuickScreen = "vendor-quick-screen";

    public static string SeedFile(string key) => Path.Combine(AppContext.BaseDirectory, "seed-data", "question-sets", $"{key}.json");

    /// <summary>The frontier checklist as seed-data has it, parsed once (a definition is immutable, so tests share it).</summary>
    public static QuestionSetDefinition FrontierSet => LazyFrontierSet.Value;

    private static readonly Lazy<QuestionSetDefinition> LazyFrontierSet =
        new(() => QuestionSetFormat.Parse(File.ReadAllText(SeedFile(Frontier))).Definition!);

    /// <summary>Imports and publishes a question set from seed-data unless it is already there (the question-set seeder may have done it).</summary>
    public static async Task EnsurePublishedAsync(WebAppFixture app, string key, string? contentJson = null)
    {
        await using var db = await app.CreateDbContextAsync();
        var set = await db.QuestionSets.Include(s => s.Versions).SingleOrDefaultAsync(s => s.Key == key);
        if (set is not null && contentJson is null && set.Versions.Any(v => v.Status == VersionStatus.Published))
            return;
        var now = DateTime.UtcNow;
        if (set is null)
        {
            set = new QuestionSet { Key = key, Title = key, CreatedAt = now };
            db.QuestionSets.Add(set);
        }
        foreach (var published in set.Versions.Where(v => v.Status == VersionStatus.Published))
        {
            published.Status = VersionStatus.Retired;
            published.RetiredAt = now;
        }
        set.Versions.Add(new QuestionSetVersion
        {
            Number = set.Versions.Count == 0 ? 1 : set.Versions.Max(v => v.Number) + 1,
            Status = VersionStatus.Published,
            Title = key,
            ContentJson = contentJson ?? await File.ReadAllTextAsync(SeedFile(key)),
            CreatedBy = "test",
            CreatedAt = now,
            PublishedAt = now,
            UpdatedAt = now,
        });
        await db.SaveChangesAsync();
    }

    public static async Task<int> CreateVendorAsync(WebAppFixture app, string? name = null)
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        return await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(Vendor(name ?? $"Vendor {Guid.NewGuid():n}"));
    }

    public static VendorRequest Vendor(string name) => new(name, "https://example.com", "US", ["US"], null, ["Model 1"], 2, null, ["test"], null);

    /// <summary>A fresh vendor with a draft on the frontier set, created by the test Assessor.</summary>
    public static async Task<int> CreateDraftAsync(WebAppFixture app, string key = Frontier)
    {
        await EnsurePublishedAsync(app, key);
        var vendorId = await CreateVendorAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(new CreateAssessmentRequest(vendorId, key));
    }

    /// <summary>A fresh draft with one question answered: its score is provisional ("so far").</summary>
    public static async Task<int> CreatePartlyAnsweredDraftAsync(WebAppFixture app)
    {
        var id = await CreateDraftAsync(app);
        await using var assessor = app.ScopeAs(Roles.Assessor);
        await assessor.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswersAsync(id,
            [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "full-parity" })]);
        return id;
    }

    public static AnswerInput Choice(string key, string choice, int? expected = null) =>
        new(new AnswerValue { QuestionKey = key, Choice = choice }, ExpectedVersion: expected);

    public static async Task<T> ServiceAsync<T>(this AsyncServiceScope scope) where T : notnull =>
        await Task.FromResult(scope.ServiceProvider.GetRequiredService<T>());
}
