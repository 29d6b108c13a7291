using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.QuestionSets;

internal static class DefaultSets
{
    public const string Checklist = "frontier-ai-buyer-checklist";
    public const string QuickScreen = "vendor-quick-screen";

    public static QuestionSetDefinition Current(string key) => Read(Path.Combine(QuestionSetFiles.SeedFolder, $"{key}.json"));

    public static QuestionSetDefinition Shipped(string key, int version) => Read(Path.Combine(QuestionSetFiles.SeedFolder, "history", $"{key}.v{version}.json"));

    private static QuestionSetDefinition Read(string file) => QuestionSetFormat.Parse(File.ReadAllText(file)).Definition!;

    public static async Task<List<QuestionSetVersion>> VersionsAsync(WebAppFixture app, string key)
    {
        await using var db = await app.CreateDbContextAsync();
        return await db.QuestionSetVersions.AsNoTracking().Where(v => v.QuestionSet.Key == key).OrderBy(v => v.Number).ToListAsync();
    }

    public static bool Holds(QuestionSetVersion version, QuestionSetDefinition definition) =>
        QuestionSetDefinitionComparer.Instance.Equals(QuestionSetFormat.Parse(version.ContentJson).Definition, definition);

    public static async Task RunSeedersAsync(WebAppFixture app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>())
            await seeder.SeedAsync(TestContext.Current.CancellationToken);
    }
}

/// <summary>A new database gets every shipped version of the default sets, the current one published and offered.</summary>
public sealed class DefaultSetsOnANewDatabaseTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(DefaultSets.Checklist)]
    [InlineData(DefaultSets.QuickScreen)]
    public async Task Version_1_is_retired_and_version_2_is_published_with_the_seed_files_content(string key)
    {
        var versions = await DefaultSets.VersionsAsync(app, key);

        Assert.Equal([1, 2], versions.Select(v => v.Number));
        Assert.Equal([VersionStatus.Retired, VersionStatus.Published], versions.Select(v => v.Status));
        Assert.True(DefaultSets.Holds(versions[0], DefaultSets.Shipped(key, 1)));
        Assert.True(DefaultSets.Holds(versions[1], DefaultSets.Current(key)));
    }

    [Fact]
    public async Task New_assessments_are_offered_and_created_on_version_2()
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();

        var offered = await service.ListPublishedSetsAsync(Ct);
        var id = await service.CreateAsync(new CreateAssessmentRequest(await TestData.CreateVendorAsync(app), DefaultSets.Checklist), Ct);

        Assert.Equal(2, Assert.Single(offered, o => o.Key == DefaultSets.Checklist).Version);
        var created = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct);
        Assert.Equal(2, created.QuestionSetVersionNumber);
    }

    [Fact]
    public async Task A_second_start_adds_nothing()
    {
        var before = (await DefaultSets.VersionsAsync(app, DefaultSets.Checklist)).Count;

        await DefaultSets.RunSeedersAsync(app);

        Assert.Equal(before, (await DefaultSets.VersionsAsync(app, DefaultSets.Checklist)).Count);
    }
}

/// <summary>
/// A database seeded with version 1 of a default set gets version 2 as a new published version at the next start, and its
/// version 1 assessments are untouched. Each test plays a release on the real v1 and v2 files under a key of its own.
/// </summary>
public sealed class DefaultSetsUpgradeTests(WebAppFixture app) : IClassFixture<WebAppFixture>, IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("vr-seed-").FullName;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A seed folder as a release ships it: the current default, and earlier ones under history/.</summary>
    private string Release(string name, string key, string currentFile, params string[] historyFiles)
    {
        var folder = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.Combine(folder, "history"));
        File.WriteAllText(Path.Combine(folder, $"{key}.json"), Renamed(currentFile, key));
        for (var i = 0; i < historyFiles.Length; i++)
            File.WriteAllText(Path.Combine(folder, "history", $"{key}.v{i + 1}.json"), Renamed(historyFiles[i], key));
        return folder;
    }

    private static string Renamed(string seedFile, string key) =>
        File.ReadAllText(Path.Combine(QuestionSetFiles.SeedFolder, seedFile))
            .Replace($"\"key\": \"{Path.GetFileNameWithoutExtension(seedFile).Split('.')[0]}\"", $"\"key\": \"{key}\"", StringComparison.Ordinal);

    private async Task StartAsync(string folder)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetServices<ISeeder>().OfType<QuestionSetSeeder>().Single().SeedFromAsync(folder, Ct);
    }

    private static QuestionSetDefinition Keyed(QuestionSetDefinition definition, string key) => definition with { Key = key };

    [Fact]
    public async Task Version_2_is_added_and_published_and_version_1_assessments_keep_their_questions_and_answers()
    {
        const string key = "checklist-upgrade";
        await StartAsync(Release("v1", key, "history/frontier-ai-buyer-checklist.v1.json"));
        var vendorId = await TestData.CreateVendorAsync(app);
        int oldId;
        await using (var assessor = app.ScopeAs(Roles.Assessor))
        {
            var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
            oldId = await service.CreateAsync(new CreateAssessmentRequest(vendorId, key), Ct);
            await service.SaveAnswersAsync(oldId,
            [
                TestData.Choice("customer-data-training-use", "contractually-prohibited"),
                TestData.Choice("incident-disclosure", "contractual-notice"),
                new AnswerInput(new AnswerValue { QuestionKey = "output-withholding", Choices = ["logprobs-limited", "output-provenance"] }),
                new AnswerInput(new AnswerValue { QuestionKey = "price-input", Number = 3 }),
            ], Ct);
            await service.SubmitAsync(oldId, true, Ct);
        }
        await using (var reviewer = app.ScopeAs(Roles.Reviewer))
            await reviewer.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(oldId, ReviewDecision.Approved, null, Ct);
        var versionOne = Assert.Single(await DefaultSets.VersionsAsync(app, key));
        var before = await SnapshotAsync(oldId);

        var release = Release("v2", key, "frontier-ai-buyer-checklist.json", "history/frontier-ai-buyer-checklist.v1.json");
        await StartAsync(release);

        var versions = await DefaultSets.VersionsAsync(app, key);
        Assert.Equal([(1, VersionStatus.Retired), (2, VersionStatus.Published)], versions.Select(v => (v.Number, v.Status)));
        Assert.Equal(versionOne.Id, versions[0].Id);
        Assert.Equal(versionOne.ContentJson, versions[0].ContentJson);
        Assert.True(DefaultSets.Holds(versions[1], Keyed(DefaultSets.Current(DefaultSets.Checklist), key)));
        Assert.Equal(before, await SnapshotAsync(oldId));

        await using var scope = app.ScopeAs(Roles.Assessor);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var reader = scope.ServiceProvider.GetRequiredService<AssessmentReader>();
        var old = await reader.GetAsync(oldId, Ct);
        Assert.Equal(1, old.QuestionSetVersionNumber);
        Assert.Equal(AssessmentStatus.Approved, old.Status);
        Assert.Equal(2, Assert.Single(await assessments.ListPublishedSetsAsync(Ct), o => o.Key == key).Version);

        // A reassessment maps the answers onto version 2 by key, as for any new version.
        var result = await assessments.ReassessAsync(oldId, Ct);
        var draft = await reader.GetAsync(result.AssessmentId, Ct);
        Assert.Equal(2, draft.QuestionSetVersionNumber);
        Assert.Equal("contractually-prohibited", draft.Answers["customer-data-training-use"].Value.Choice);
        Assert.Equal(3, draft.Answers["price-input"].Value.Number);
        Assert.Contains(result.DroppedAnswers, d => d.QuestionKey == "incident-disclosure" && d.Reason == DroppedAnswerReason.QuestionRemoved);
        Assert.Contains(result.DroppedAnswers, d => d.QuestionKey == "output-withholding" && d.Reason == DroppedAnswerReason.QuestionRemoved);
        Assert.Contains("buyer-eligibility", result.NewQuestionKeys);
        Assert.Contains("security-incident-notification", result.NewQuestionKeys);

        await StartAsync(release);
        Assert.Equal(2, (await DefaultSets.VersionsAsync(app, key)).Count);
    }

    [Fact]
    public async Task A_default_set_an_admin_changed_is_left_as_it_is()
    {
        const string key = "quick-screen-changed";
        await StartAsync(Release("v1", key, "history/vendor-quick-screen.v1.json"));
        var changed = Renamed("history/vendor-quick-screen.v1.json", key)
            .Replace("\"title\": \"AI vendor quick screen\"", "\"title\": \"Our own quick screen\"", StringComparison.Ordinal);
        await using (var admin = app.ScopeAs(Roles.Admin))
        {
            var service = admin.ServiceProvider.GetRequiredService<QuestionSetService>();
            var draft = await service.ImportAsync(QuestionSetFiles.Bytes(changed), Ct);
            await service.PublishAsync(draft.Key, draft.Version, Ct);
        }

        await StartAsync(Release("v2", key, "vendor-quick-screen.json", "history/vendor-quick-screen.v1.json"));

        var versions = await DefaultSets.VersionsAsync(app, key);
        Assert.Equal([(1, VersionStatus.Retired), (2, VersionStatus.Published)], versions.Select(v => (v.Number, v.Status)));
        Assert.Equal("Our own quick screen", QuestionSetFormat.Parse(versions[1].ContentJson).Definition!.Title);
    }

    [Fact]
    public async Task A_new_default_waits_while_the_set_has_a_draft()
    {
        const string key = "checklist-with-draft";
        await StartAsync(Release("v1", key, "history/frontier-ai-buyer-checklist.v1.json"));
        await using (var admin = app.ScopeAs(Roles.Admin))
            await admin.ServiceProvider.GetRequiredService<QuestionSetService>().CreateDraftFromAsync(key, 1, Ct);

        await StartAsync(Release("v2", key, "frontier-ai-buyer-checklist.json", "history/frontier-ai-buyer-checklist.v1.json"));

        var versions = await DefaultSets.VersionsAsync(app, key);
        Assert.Equal([(1, VersionStatus.Published), (2, VersionStatus.Draft)], versions.Select(v => (v.Number, v.Status)));
    }

    private async Task<string> SnapshotAsync(int assessmentId)
    {
        await using var db = await app.CreateDbContextAsync();
        var assessment = await db.Assessments.AsNoTracking().Include(a => a.Answers).SingleAsync(a => a.Id == assessmentId);
        var answers = assessment.Answers.OrderBy(a => a.QuestionKey, StringComparer.Ordinal)
            .Select(a => $"{a.QuestionKey}={a.Version}:{System.Text.Json.JsonSerializer.Serialize(a.ToValue())}");
        return $"{assessment.QuestionSetVersionId}|{assessment.Status}|{assessment.Version}|{string.Join(";", answers)}";
    }
}
