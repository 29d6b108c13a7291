using Bunit;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Compare;

public sealed class WhatIfPanelTests : BunitTestBase
{
    private static readonly DateOnly AsOf = new(2026, 11, 25);

    private static QuestionSetDefinition Frontier() =>
        QuestionSetFormat.Parse(File.ReadAllText(CompareTestData.SeedFile("question-sets", "frontier-ai-buyer-checklist.json"))).Definition!;

    private static List<ComparisonInput> Inputs()
    {
        var set = Frontier();
        return
        [
            new(1, 11, "Lumenfall Models", set, CompareTestData.DemoAnswers("lumenfall-models-lumen-large-4-2026").ToDictionary(a => a.QuestionKey), AsOf),
            new(2, 12, "Quillmoor AI", set, CompareTestData.DemoAnswers("quillmoor-ai-quill-2-2026").ToDictionary(a => a.QuestionKey), AsOf),
            new(3, 13, "Zephyrine Intelligence", set, CompareTestData.DemoAnswers("zephyrine-intelligence-zephyr-ultra-2026").ToDictionary(a => a.QuestionKey), AsOf),
        ];
    }

    private static IEnumerable<string> VendorsInCardOrder(IRenderedComponent<WhatIfPanel> cut) =>
        cut.FindAll("#ranking [data-vendor]").Select(card => card.GetAttribute("data-vendor")!);

    [Fact]
    public void Moving_a_weight_slider_past_the_crossover_reorders_the_ranking()
    {
        var inputs = Inputs();
        var result = ComparisonEngine.Compare(inputs);
        // Lumenfall leads Quillmoor by 73.4 to 70.8; Quillmoor leads once Safety posture weighs about 2.1×.
        Assert.False(result.RankStability.Stable);
        var section = result.RankStability.SectionKey!;
        var crossover = result.RankStability.Multiplier!.Value;
        var newLeader = result.Ranking.Single(r => r.AssessmentId == result.RankStability.NewLeaderAssessmentId).VendorName;
        var cut = Render<WhatIfPanel>(p => p
            .Add(x => x.Inputs, inputs)
            .Add(x => x.Sections, result.Sections)
            .Add(x => x.Multipliers, result.Multipliers)
            .Add(x => x.Stability, ComparisonEngine.DescribeRankStability(result)));
        Assert.Equal(result.Ranking.Select(r => r.VendorName), VendorsInCardOrder(cut));
        Assert.NotEqual(newLeader, VendorsInCardOrder(cut).First());

        var beyond = crossover > 1 ? Math.Min(5, crossover + 0.05) : Math.Max(0, crossover - 0.05);
        cut.Find($"#weight-{section}").Input(beyond.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(newLeader, VendorsInCardOrder(cut).First());
        var expected = ComparisonEngine.Compare(inputs, new Dictionary<string, double> { [section] = Math.Round(beyond, 2) });
        Assert.Equal(expected.Ranking.Select(r => r.VendorName), VendorsInCardOrder(cut));
    }

    [Theory]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    public void A_forged_slider_value_that_is_not_a_finite_number_changes_nothing(string forged)
    {
        var inputs = Inputs();
        var result = ComparisonEngine.Compare(inputs);
        var cut = Render<WhatIfPanel>(p => p
            .Add(x => x.Inputs, inputs)
            .Add(x => x.Sections, result.Sections)
            .Add(x => x.Multipliers, result.Multipliers)
            .Add(x => x.Stability, ComparisonEngine.DescribeRankStability(result)));
        var section = result.Sections[0].Key;

        // "NaN" parsed and passed the clamp; the scoring engine then refused it and the circuit ended.
        cut.Find($"#weight-{section}").Input(forged);

        Assert.Equal(result.Ranking.Select(r => r.VendorName), VendorsInCardOrder(cut));
        Assert.Contains("1.0×", cut.Find("#weights").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Each_card_shows_its_status_and_version_and_a_draft_or_rejected_assessment_raises_a_warning()
    {
        var inputs = Inputs();
        var result = ComparisonEngine.Compare(inputs);
        var statuses = new Dictionary<int, VendorRisk.Domain.Assessments.AssessmentStatus>
        {
            [1] = VendorRisk.Domain.Assessments.AssessmentStatus.Approved,
            [2] = VendorRisk.Domain.Assessments.AssessmentStatus.Draft,
            [3] = VendorRisk.Domain.Assessments.AssessmentStatus.Rejected,
        };
        var cut = Render<WhatIfPanel>(p => p
            .Add(x => x.Inputs, inputs)
            .Add(x => x.Sections, result.Sections)
            .Add(x => x.Multipliers, result.Multipliers)
            .Add(x => x.VersionLabels, new Dictionary<int, string> { [1] = "3", [2] = "3", [3] = "2" })
            .Add(x => x.Statuses, statuses));

        var quillmoor = cut.Find("#ranking [data-assessment='2']");
        Assert.Contains("Draft", quillmoor.QuerySelector(".vr-rank-status")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("version 3", quillmoor.TextContent, StringComparison.Ordinal);
        Assert.Contains("Rejected", cut.Find("#ranking [data-assessment='3'] .vr-rank-status").TextContent, StringComparison.Ordinal);
        Assert.Contains("version 2", cut.Find("#ranking [data-assessment='3']").TextContent, StringComparison.Ordinal);
        var warning = cut.Find("#compare-status-warning").TextContent;
        Assert.Contains("Quillmoor AI: draft", warning, StringComparison.Ordinal);
        Assert.Contains("Zephyrine Intelligence: rejected", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("Lumenfall", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_approved_assessments_compare_without_a_warning()
    {
        var inputs = Inputs();
        var result = ComparisonEngine.Compare(inputs);
        var cut = Render<WhatIfPanel>(p => p
            .Add(x => x.Inputs, inputs)
            .Add(x => x.Sections, result.Sections)
            .Add(x => x.Multipliers, result.Multipliers)
            .Add(x => x.Statuses, inputs.ToDictionary(i => i.AssessmentId, _ => VendorRisk.Domain.Assessments.AssessmentStatus.Approved)));

        Assert.Empty(cut.FindAll("#compare-status-warning"));
        Assert.Equal(3, cut.FindAll("#ranking .vr-rank-status").Count);
    }

    [Fact]
    public void Evidence_strength_on_a_card_says_its_scale()
    {
        var inputs = Inputs();
        var result = ComparisonEngine.Compare(inputs);
        var cut = Render<WhatIfPanel>(p => p
            .Add(x => x.Inputs, inputs)
            .Add(x => x.Sections, result.Sections)
            .Add(x => x.Multipliers, result.Multipliers));

        var evidence = cut.FindAll("#ranking [data-testid='evidence-strength']");
        Assert.Equal(3, evidence.Count);
        Assert.All(evidence, e => Assert.Matches(@"^Evidence strength (\d+(\.\d)?|—)( of 100)?$", System.Text.RegularExpressions.Regex.Replace(e.TextContent, @"\s+", " ").Trim()));
        Assert.Contains(evidence, e => e.TextContent.TrimEnd().EndsWith("of 100", StringComparison.Ordinal));
    }

    [Fact]
    public void Reset_puts_every_weight_back_to_one_and_restores_the_ranking()
    {
        var inputs = Inputs();
        var result = ComparisonEngine.Compare(inputs);
        IReadOnlyDictionary<string, double>? reported = null;
        var cut = Render<WhatIfPanel>(p => p
            .Add(x => x.Inputs, inputs)
            .Add(x => x.Sections, result.Sections)
            .Add(x => x.Multipliers, new Dictionary<string, double> { ["extraction-defenses"] = 0, ["usage-and-cost"] = 5 })
            .Add(x => x.OnMultipliersChanged, m => { reported = m; return Task.CompletedTask; }));

        cut.Find("#reset-weights").Click();

        Assert.Equal(result.Ranking.Select(r => r.VendorName), VendorsInCardOrder(cut));
        Assert.All(reported!.Values, m => Assert.Equal(1, m));
    }

    [Fact]
    public void The_cost_table_shows_unknown_where_a_price_is_missing()
    {
        var set = Frontier();
        var profile = WorkloadProfile.Presets[0].Profile;
        var priced = CostProjection.Project(set, CompareTestData.DemoAnswers("northwind-cognition-atlas-3-2026").ToDictionary(a => a.QuestionKey), profile);
        var unpriced = CostProjection.Project(set,
            CompareTestData.WithoutPrices(CompareTestData.DemoAnswers("quillmoor-ai-quill-2-2026")).ToDictionary(a => a.QuestionKey), profile);

        var cut = Render<CostTable>(p => p.Add(x => x.Rows, [
            new CostTable.CostRow(1, "Northwind Cognition", priced),
            new CostTable.CostRow(2, "Quillmoor AI", unpriced),
        ]));

        var unknownRow = cut.Find("tr[data-vendor='Quillmoor AI']");
        Assert.Equal(3, unknownRow.QuerySelectorAll(".vr-unknown").Count(e => e.TextContent == "unknown"));
        Assert.DoesNotContain("$0", unknownRow.TextContent);
        var pricedRow = cut.Find("tr[data-vendor='Northwind Cognition']");
        Assert.DoesNotContain("unknown", pricedRow.TextContent);
        Assert.Contains("$", pricedRow.TextContent);
    }

    [Fact]
    public void Recalculating_clears_once_the_page_has_a_new_result_even_when_the_sentence_is_the_same()
    {
        var inputs = Inputs();
        var result = ComparisonEngine.Compare(inputs);
        var sentence = ComparisonEngine.DescribeRankStability(result);
        var cut = Render<WhatIfPanel>(p => p
            .Add(x => x.Inputs, inputs)
            .Add(x => x.Sections, result.Sections)
            .Add(x => x.Multipliers, result.Multipliers)
            .Add(x => x.Stability, sentence)
            .Add(x => x.StabilityFor, result));
        var section = result.Sections[0].Key;

        cut.Find($"#weight-{section}").Input("1.10");
        Assert.Contains("recalculated", cut.Find("#rank-stability").TextContent, StringComparison.Ordinal);

        // Moved back before it rested: the page re-runs the comparison and gets the very same sentence.
        cut.Find($"#weight-{section}").Input("1.00");
        var recomputed = ComparisonEngine.Compare(inputs, new Dictionary<string, double> { [section] = 1 });
        Assert.Equal(sentence, ComparisonEngine.DescribeRankStability(recomputed));
        cut.Render(p => p.Add(x => x.Stability, sentence).Add(x => x.StabilityFor, recomputed));

        Assert.DoesNotContain("recalculated", cut.Find("#rank-stability").TextContent, StringComparison.Ordinal);
        Assert.Equal(sentence, cut.Find("#rank-stability").TextContent.Trim());
    }

    [Fact]
    public void A_profile_name_typed_once_is_saved_by_one_click()
    {
        AddAuthorization().SetAuthorized("assessor").SetPolicies("Viewer", "Assessor");
        string? saved = null;
        var cut = Render<ProfileEditor>(p => p
            .Add(x => x.Options, [])
            .Add(x => x.OnSave, (name, _) => { saved = name; return Task.FromResult(true); }));

        cut.Find("#profile-name-input").Input("Peak season");
        cut.Find("#save-profile").Click();

        Assert.Equal("Peak season", saved);
    }

    [Fact]
    public void A_negative_volume_is_refused_with_a_message_not_turned_into_zero()
    {
        AddAuthorization().SetAuthorized("viewer").SetPolicies("Viewer");
        string? applied = null;
        var cut = Render<ProfileEditor>(p => p
            .Add(x => x.Options, [])
            .Add(x => x.OnApply, (string profile) => applied = profile));

        cut.Find("#profile-input").Input("-5");
        cut.Find("#apply-profile").Click();

        Assert.Null(applied);
        Assert.Contains("Input tokens a month must be a finite number ≥ 0.", cut.Markup, StringComparison.Ordinal);
        Assert.Equal("-5", cut.Find("#profile-input").GetAttribute("value"));
    }
}
