using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Web.Tests.Compare;

public sealed class CompareServiceTests(CompareScenarioFixture app) : IClassFixture<CompareScenarioFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ValidationFailedException> RefusalAsync(IReadOnlyList<int> ids, Dictionary<string, double>? multipliers = null)
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        return await Assert.ThrowsAsync<ValidationFailedException>(() => compare.CompareAsync(ids, multipliers, null, Ct));
    }

    [Fact]
    public async Task Two_assessments_of_one_vendor_are_refused_on_ids()
    {
        var refused = await RefusalAsync([app.NorthwindApproved, app.NorthwindDraft, app.Quillmoor]);
        Assert.Contains("Northwind Cognition", Assert.Single(refused.Errors["ids"]));
    }

    [Fact]
    public async Task Assessments_of_different_question_sets_are_refused_on_ids()
    {
        var refused = await RefusalAsync([app.NorthwindApproved, app.BrackenridgeQuickScreen]);
        Assert.Contains("different question sets", Assert.Single(refused.Errors["ids"]));
    }

    [Fact]
    public async Task A_single_assessment_is_refused_on_ids()
    {
        var refused = await RefusalAsync([app.NorthwindApproved]);
        Assert.Contains("2 to 10", Assert.Single(refused.Errors["ids"]));
    }

    [Theory]
    [InlineData(5.01)]
    [InlineData(-0.1)]
    [InlineData(double.NaN)]
    public async Task A_multiplier_outside_zero_to_five_is_refused_on_multipliers(double multiplier)
    {
        var refused = await RefusalAsync([app.NorthwindApproved, app.Quillmoor], new() { ["usage-and-cost"] = multiplier });
        Assert.Contains("between 0 and 5", Assert.Single(refused.Errors["multipliers"]));
    }

    [Fact]
    public async Task An_unknown_section_key_is_refused_on_multipliers()
    {
        var refused = await RefusalAsync([app.NorthwindApproved, app.Quillmoor], new() { ["no-such-section"] = 2 });
        Assert.Contains("no-such-section", Assert.Single(refused.Errors["multipliers"]));
    }

    [Fact]
    public async Task An_unknown_assessment_id_is_not_found()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        await Assert.ThrowsAsync<NotFoundException>(() => compare.CompareAsync([app.NorthwindApproved, 999_999], null, null, Ct));
    }

    [Fact]
    public async Task A_comparison_ranks_by_overall_score_and_projects_costs_for_a_profile()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        var profile = await compare.ResolveProfileAsync("pilot", Ct);

        var result = await compare.CompareAsync([app.Zephyrine, app.NorthwindApproved, app.Quillmoor], null, profile!.Profile, Ct);

        Assert.Equal(3, result.Ranking.Count);
        Assert.True(result.Ranking.Zip(result.Ranking.Skip(1)).All(p => (p.First.Overall ?? -1) >= (p.Second.Overall ?? -1)));
        Assert.Equal(3, result.Cost!.Count);
    }

    [Fact]
    public async Task The_default_selection_takes_each_vendors_latest_approved_assessment_else_its_latest()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();

        var selection = await compare.DefaultSelectionAsync(CompareTestData.FrontierKey, Ct);

        // Northwind's newer draft loses to its approved assessment; Zephyrine has only a rejected one, its latest.
        Assert.Equal(new[] { app.Lumenfall, app.NorthwindApproved, app.Quillmoor, app.Zephyrine }.Order(), selection.Order());
        Assert.DoesNotContain(app.BrackenridgeQuickScreen, selection);
    }

    [Fact]
    public async Task The_candidates_carry_each_assessments_fresh_score_rating_and_last_activity()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        var snapshots = await scope.ServiceProvider.GetRequiredService<AssessmentReader>()
            .ListAsync(new AssessmentFilter(QuestionSetKey: CompareTestData.FrontierKey), Ct);

        var candidates = await compare.ListCandidatesAsync(CompareTestData.FrontierKey, Ct);

        Assert.Equal(snapshots.Select(s => s.Id).Order(), candidates.Select(c => c.AssessmentId).Order());
        foreach (var candidate in candidates)
        {
            var fresh = snapshots.Single(s => s.Id == candidate.AssessmentId);
            Assert.Equal(fresh.Score.Overall ?? -1, candidate.Overall ?? -1, 9);
            Assert.Equal(fresh.Score.Rating, candidate.Rating);
            Assert.Equal((fresh.Status, fresh.QuestionSetVersionNumber, fresh.Label), (candidate.Status, candidate.QuestionSetVersion, candidate.Label));
            Assert.Equal(fresh.ReviewedAt ?? fresh.SubmittedAt ?? fresh.CreatedAt, candidate.LastActivity);
        }
    }

    [Fact]
    public async Task A_saved_weighting_comes_back_by_name_and_the_same_name_replaces_it()
    {
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
            await compare.SaveWeightingAsync("Cost first", CompareTestData.FrontierKey, new Dictionary<string, double> { ["usage-and-cost"] = 3 }, Ct);
            await compare.SaveWeightingAsync(" cost FIRST ", CompareTestData.FrontierKey,
                new Dictionary<string, double> { ["usage-and-cost"] = 2.5, ["safety-posture"] = 0 }, Ct);
        }

        await using (var scope = app.ScopeAs(Roles.Viewer))
        {
            var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
            var saved = Assert.Single(await compare.ListWeightingsAsync(CompareTestData.FrontierKey, Ct), w => w.Name.Equals("cost first", StringComparison.OrdinalIgnoreCase));
            Assert.Equal(2.5, saved.Multipliers["usage-and-cost"]);
            Assert.Equal(0, saved.Multipliers["safety-posture"]);
            Assert.Empty(await compare.ListWeightingsAsync(CompareTestData.QuickScreenKey, Ct));
        }

        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
            await compare.DeleteWeightingAsync("Cost First", CompareTestData.FrontierKey, Ct);
            Assert.DoesNotContain(await compare.ListWeightingsAsync(CompareTestData.FrontierKey, Ct), w => w.Name.Equals("cost first", StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public async Task A_weighting_with_an_unknown_section_or_a_multiplier_out_of_range_is_not_saved()
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => compare.SaveWeightingAsync("Bad", CompareTestData.FrontierKey,
            new Dictionary<string, double> { ["nope"] = 1, ["usage-and-cost"] = 7 }, Ct));
        Assert.Equal(2, refused.Errors["multipliers"].Length);
        await Assert.ThrowsAsync<ValidationFailedException>(() => compare.SaveWeightingAsync("  ", CompareTestData.FrontierKey, new Dictionary<string, double>(), Ct));
    }

    [Fact]
    public async Task A_viewer_may_not_save_a_weighting()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
        await Assert.ThrowsAsync<ForbiddenException>(() => compare.SaveWeightingAsync("Mine", CompareTestData.FrontierKey, new Dictionary<string, double>(), Ct));
    }

    [Fact]
    public async Task Presets_and_saved_profiles_resolve_by_name_ignoring_case()
    {
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
            await compare.SaveProfileAsync("Claims bot", new Domain.Costs.WorkloadProfile(3e9, 1e9, 2, 4), Ct);
            await Assert.ThrowsAsync<ValidationFailedException>(() => compare.SaveProfileAsync("Pilot", new Domain.Costs.WorkloadProfile(1, 1), Ct));
        }

        await using (var scope = app.ScopeAs(Roles.Viewer))
        {
            var compare = scope.ServiceProvider.GetRequiredService<CompareService>();
            var profiles = await compare.ListProfilesAsync(Ct);
            Assert.Equal(["pilot", "department", "enterprise-agentic"], profiles.Where(p => p.IsPreset).Select(p => p.Name));
            var saved = await compare.ResolveProfileAsync("CLAIMS BOT", Ct);
            Assert.Equal(("Claims bot", 3e9, 1e9, 2.0, 4.0), (saved!.Name, saved.Profile.InputTokensPerMonth, saved.Profile.OutputTokensPerMonth, saved.Profile.Peak, saved.Profile.Agentic));
            Assert.Equal("enterprise-agentic", (await compare.ResolveProfileAsync("Enterprise-Agentic", Ct))!.Name);
            Assert.Null(await compare.ResolveProfileAsync("  ", Ct));
            var unknown = await Assert.ThrowsAsync<ValidationFailedException>(() => compare.ResolveProfileAsync("no such profile", Ct));
            Assert.Contains("no such profile", Assert.Single(unknown.Errors["profile"]));
        }
    }

    [Fact]
    public async Task An_inline_profile_is_parsed_with_peak_and_agentic_defaulting_to_one()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var compare = scope.ServiceProvider.GetRequiredService<CompareService>();

        var full = await compare.ResolveProfileAsync("inputTokens:2000000000,outputTokens:5e8,peak:2.5,agentic:3", Ct);
        var minimal = await compare.ResolveProfileAsync("outputTokens:100, inputTokens:400", Ct);

        Assert.Equal((2e9, 5e8, 2.5, 3.0), (full!.Profile.InputTokensPerMonth, full.Profile.OutputTokensPerMonth, full.Profile.Peak, full.Profile.Agentic));
        Assert.Equal((400.0, 100.0, 1.0, 1.0), (minimal!.Profile.InputTokensPerMonth, minimal.Profile.OutputTokensPerMonth, minimal.Profile.Peak, minimal.Profile.Agentic));
        Assert.Equal(CompareService.CustomProfileName, minimal.Name);
    }

    [Theory]
    [InlineData("inputTokens:100", "outputTokens", "outputTokens")]
    [InlineData("inputTokens:100,outputTokens:abc", "outputTokens", "needs a number")]
    [InlineData("inputTokens:100,outputTokens:5,speed:2", "speed", "'speed' is not a profile field")]
    [InlineData("inputTokens:-1,outputTokens:5", "inputTokens", "≥ 0")]
    [InlineData("inputTokens:1,outputTokens:5,peak:0", "peak", "peak multiplier")]
    [InlineData("inputTokens:1,inputTokens:2,outputTokens:5", "inputTokens", "more than once")]
    [InlineData("inputTokens:1e16,outputTokens:5", "inputTokens", "10¹⁵")]
    [InlineData("inputTokens:1,outputTokens:5,residency:yes", "residency", "true or false")]
    public void A_malformed_inline_profile_is_refused_on_the_profile_field(string text, string field, string expected)
    {
        var refused = Assert.Throws<ValidationFailedException>(() => CompareQuery.ParseInlineProfile(text));
        Assert.Contains(expected, Assert.Single(refused.Errors[$"profile.{field}"]));
    }

    [Fact]
    public void Every_field_of_an_inline_profile_is_read_and_written_back()
    {
        var text = "inputTokens:100000000,outputTokens:20000000,agentic:2,peak:3,monthlyGrowth:0.03,cachedInputShare:0.5,batchShare:0.25,reasoningRatio:1,activeHours:200,residency:true,units:10000";

        var profile = CompareQuery.ParseInlineProfile(text);

        Assert.Equal((2, 3, 0.03, 0.5, 0.25, 1, 200, true, (double?)10_000),
            (profile.Agentic, profile.Peak, profile.MonthlyGrowth, profile.CachedInputShare, profile.BatchShare, profile.ReasoningRatio,
                profile.ActiveHours, profile.Residency, profile.Units));
        Assert.Equal(text, CompareQuery.FormatInlineProfile(profile));
        Assert.Equal(profile, CompareQuery.ParseInlineProfile(CompareQuery.FormatInlineProfile(profile)));
    }

    [Theory]
    [InlineData("usage-and-cost", "is not of the form")]
    [InlineData("usage-and-cost:x", "is not of the form")]
    [InlineData("a:1,a:2", "more than once")]
    public void A_malformed_multipliers_text_is_refused_on_multipliers(string text, string expected)
    {
        var refused = Assert.Throws<ValidationFailedException>(() => CompareQuery.ParseMultipliers(text));
        Assert.Contains(expected, Assert.Single(refused.Errors["multipliers"]));
    }

    [Fact]
    public void Multipliers_round_trip_through_their_text_form_leaving_out_the_default()
    {
        var text = CompareQuery.FormatMultipliers(new Dictionary<string, double> { ["a"] = 2.5, ["b"] = 1, ["c"] = 0 });
        Assert.Equal("a:2.5,c:0", text);
        Assert.Equal(new Dictionary<string, double> { ["a"] = 2.5, ["c"] = 0 }, CompareQuery.ParseMultipliers(text));
    }
}
