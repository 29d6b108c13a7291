using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Compare;

/// <summary>Writes question sets, vendors and assessments straight through the DbContext, from the repository's seed data.</summary>
public static class CompareTestData
{
    public const string FrontierKey = "frontier-ai-buyer-checklist";
    public const string QuickScreenKey = "vendor-quick-screen";

    public static string SeedFile(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "seed-data", .. parts]);

    /// <summary>The published version of the set (creating it from seed-data, or from <paramref name="contentJson"/>, when there is none).</summary>
    public static async Task<QuestionSetVersion> EnsurePublishedAsync(WebAppFixture app, string key, string? contentJson = null, int? number = null)
    {
        await using var db = await app.CreateDbContextAsync();
        var set = await db.QuestionSets.Include(s => s.Versions).SingleOrDefaultAsync(s => s.Key == key);
        var published = set?.Versions.FirstOrDefault(v => v.Status == VersionStatus.Published && (number is null || v.Number == number));
        if (published is not null)
            return published;

        contentJson ??= await File.ReadAllTextAsync(SeedFile("question-sets", $"{key}.json"));
        var title = JsonDocument.Parse(contentJson).RootElement.GetProperty("title").GetString()!;
        if (set is null)
        {
            set = new QuestionSet { Key = key, Title = title, CreatedAt = DateTime.UtcNow };
            db.QuestionSets.Add(set);
        }

        var version = new QuestionSetVersion
        {
            QuestionSet = set,
            Number = number ?? set.Versions.Select(v => v.Number).DefaultIfEmpty(0).Max() + 1,
            Status = VersionStatus.Published,
            Title = title,
            ContentJson = contentJson,
            CreatedBy = "test",
            CreatedAt = DateTime.UtcNow,
            PublishedBy = "test",
            PublishedAt = DateTime.UtcNow,
            UpdatedAt = DateTime.UtcNow,
        };
        db.QuestionSetVersions.Add(version);
        await db.SaveChangesAsync();
        return version;
    }

    public static async Task<int> AddVendorAsync(WebAppFixture app, string name)
    {
        await using var db = await app.CreateDbContextAsync();
        var vendor = new Vendor { Name = name, NormalizedName = name.ToUpperInvariant(), CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();
        return vendor.Id;
    }

    public static async Task<int> AddAssessmentAsync(WebAppFixture app, int vendorId, int versionId, AssessmentStatus status,
        IEnumerable<AnswerValue> answers, int createdDaysAgo = 30, int? reviewedDaysAgo = null, string title = "Test assessment")
    {
        await using var db = await app.CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var assessorId = app.UserIdOf(Roles.Assessor);
        var assessment = new Assessment
        {
            VendorId = vendorId,
            QuestionSetVersionId = versionId,
            Title = title,
            AssessorId = assessorId,
            Status = status,
            CreatedAt = now.AddDays(-createdDaysAgo),
            UpdatedAt = now,
            SubmittedAt = status == AssessmentStatus.Draft ? null : now.AddDays(-(reviewedDaysAgo ?? createdDaysAgo / 2) - 1),
            ReviewedAt = reviewedDaysAgo is { } days ? now.AddDays(-days) : null,
            ReviewerId = reviewedDaysAgo is null ? null : app.UserIdOf(Roles.Reviewer),
            ReviewComment = status == AssessmentStatus.ApprovedWithConditions ? "Sign the exit clause first." : null,
        };
        foreach (var value in answers)
        {
            var answer = new Answer { QuestionKey = value.QuestionKey, Version = 1, UpdatedById = assessorId, UpdatedByName = "Test Assessor", UpdatedAt = now };
            answer.Apply(value);
            assessment.Answers.Add(answer);
        }

        db.Assessments.Add(assessment);
        await db.SaveChangesAsync();
        return assessment.Id;
    }

    /// <summary>The answers of a demo assessment file in seed-data/demo/assessments.</summary>
    public static IReadOnlyList<AnswerValue> DemoAnswers(string fileName)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(SeedFile("demo", "assessments", fileName + ".json")));
        return [.. document.RootElement.GetProperty("answers").EnumerateArray().Select(ReadAnswer)];
    }

    private static AnswerValue ReadAnswer(JsonElement e)
    {
        string? Str(JsonElement parent, string name) => parent.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        Evidence? evidence = null;
        if (e.TryGetProperty("evidence", out var ev) && ev.ValueKind == JsonValueKind.Object)
        {
            evidence = new Evidence(Str(ev, "description"), KebabEnum.Parse<EvidenceSource>(Str(ev, "source")),
                Str(ev, "date") is { } date ? DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture) : null);
        }

        return new AnswerValue
        {
            QuestionKey = Str(e, "questionKey")!,
            Choice = Str(e, "choice"),
            Choices = e.TryGetProperty("choices", out var c) && c.ValueKind == JsonValueKind.Array ? [.. c.EnumerateArray().Select(x => x.GetString()!)] : null,
            Number = e.TryGetProperty("number", out var n) && n.ValueKind == JsonValueKind.Number ? n.GetDouble() : null,
            Text = Str(e, "text"),
            NotApplicable = e.TryGetProperty("notApplicable", out var na) && na.ValueKind == JsonValueKind.True,
            Justification = Str(e, "justification"),
            Note = Str(e, "note"),
            Evidence = evidence,
        };
    }

    /// <summary>The same answers without the price questions (so the cost is unknown).</summary>
    public static IReadOnlyList<AnswerValue> WithoutPrices(IReadOnlyList<AnswerValue> answers) =>
        [.. answers.Where(a => a.QuestionKey is not ("price-input" or "price-output"))];
}
