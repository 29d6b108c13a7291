using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Costs;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Costs;

public class CostProjectionTests
{
    private const double Tolerance = 1e-6;

    internal static readonly QuestionSetDefinition Set = new QuestionSetBuilder()
        .Section("cost", 1,
            Number("price-in", role: CostRoles.PriceInputPerMTok, allowNotApplicable: true),
            Number("price-out", role: CostRoles.PriceOutputPerMTok),
            Number("price-cached", role: CostRoles.PriceCachedInputPerMTok, allowNotApplicable: true),
            Number("batch", role: CostRoles.BatchDiscountPercent),
            Number("commit", role: CostRoles.CommittedUseDiscountPercent),
            Number("residency", role: CostRoles.ResidencySurchargePercent),
            Number("minimum", role: CostRoles.MonthlyMinimumUsd),
            Number("tpm", role: CostRoles.RateLimitTokensPerMinute))
        .Build();

    // 100M in, 20M out, nothing else: every month costs the same list price.
    private static readonly WorkloadProfile Plain = new(100e6, 20e6);

    private static CostEstimate Project(WorkloadProfile profile, params AnswerValue[] answers) =>
        CostProjection.Project(Set, Answers.Of(answers), profile);

    private static readonly AnswerValue[] ListPrices = [Answers.Number("price-in", 3), Answers.Number("price-out", 15)];

    [Fact]
    public void Every_month_costs_the_list_price_when_nothing_else_is_given()
    {
        var estimate = Project(Plain, ListPrices);

        // 100 × 3 + 20 × 15 = 600 a month.
        Assert.All(estimate.MonthlyUsd, m => Assert.Equal(600, m!.Value, Tolerance));
        Assert.Equal(7_200, estimate.TwelveMonthUsd!.Value, Tolerance);
        Assert.Null(estimate.CostPerUnitUsd);
        Assert.Null(estimate.ThrottlingRisk);
        Assert.Null(estimate.RateLimitHeadroom);
    }

    [Fact]
    public void The_agentic_multiplier_applies_to_every_month_and_the_peak_only_to_month_12()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, peak: 2, agentic: 1.5), ListPrices);

        Assert.Equal(900, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.All(estimate.MonthlyUsd.Take(11), m => Assert.Equal(900, m!.Value, Tolerance));
        Assert.Equal(1_800, estimate.PeakMonthUsd!.Value, Tolerance);
        Assert.Equal(11 * 900 + 1_800, estimate.TwelveMonthUsd!.Value, Tolerance);
    }

    [Fact]
    public void Growth_compounds_month_by_month()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, peak: 2, monthlyGrowth: 0.1), ListPrices);

        for (var m = 1; m <= 11; m++)
            Assert.Equal(600 * Math.Pow(1.1, m - 1), estimate.MonthlyUsd[m - 1]!.Value, Tolerance);
        Assert.Equal(600 * Math.Pow(1.1, 11) * 2, estimate.PeakMonthUsd!.Value, Tolerance);
        Assert.Equal(estimate.MonthlyUsd.Sum(m => m!.Value), estimate.TwelveMonthUsd!.Value, Tolerance);
    }

    [Fact]
    public void Reasoning_tokens_are_billed_as_output()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, reasoningRatio: 2), ListPrices);

        // 300 + 20 × 3 × 15 = 1,200.
        Assert.Equal(1_200, estimate.NormalMonthUsd!.Value, Tolerance);
    }

    [Fact]
    public void Cached_input_is_priced_at_the_cached_price()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, cachedInputShare: 0.6), [.. ListPrices, Answers.Number("price-cached", 0.3)]);

        // 40 × 3 + 60 × 0.3 + 20 × 15 = 120 + 18 + 300 = 438.
        Assert.Equal(438, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.DoesNotContain(CostRoles.PriceCachedInputPerMTok, estimate.Assumed);
    }

    [Fact]
    public void Without_a_cached_price_cache_reads_are_priced_as_ordinary_input_and_that_is_assumed()
    {
        var missing = Project(new WorkloadProfile(100e6, 20e6, cachedInputShare: 0.6), ListPrices);
        var notApplicable = Project(new WorkloadProfile(100e6, 20e6, cachedInputShare: 0.6), [.. ListPrices, Answers.NotApplicable("price-cached")]);

        Assert.Equal(600, missing.NormalMonthUsd!.Value, Tolerance);
        Assert.Equal(600, notApplicable.NormalMonthUsd!.Value, Tolerance);
        Assert.Contains(CostRoles.PriceCachedInputPerMTok, missing.Assumed);
        Assert.Contains(CostRoles.PriceCachedInputPerMTok, notApplicable.Assumed);
    }

    [Fact]
    public void The_batch_discount_applies_to_the_batched_share_only()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, batchShare: 0.4), [.. ListPrices, Answers.Number("batch", 50)]);

        // 600 × (1 − 0.4 × 0.5) = 480.
        Assert.Equal(480, estimate.NormalMonthUsd!.Value, Tolerance);
    }

    [Fact]
    public void Without_a_batch_discount_batched_traffic_costs_list_and_that_is_assumed()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, batchShare: 0.4), ListPrices);

        Assert.Equal(600, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Contains(CostRoles.BatchDiscountPercent, estimate.Assumed);
    }

    [Fact]
    public void The_committed_use_discount_applies_after_the_batch_discount()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, batchShare: 0.4),
            [.. ListPrices, Answers.Number("batch", 50), Answers.Number("commit", 25)]);
        var without = Project(Plain, ListPrices);

        Assert.Equal(360, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Equal(600, without.NormalMonthUsd!.Value, Tolerance);
        Assert.Contains(CostRoles.CommittedUseDiscountPercent, without.Assumed);
    }

    [Fact]
    public void The_residency_surcharge_applies_only_when_the_profile_requires_residency()
    {
        AnswerValue[] answers = [.. ListPrices, Answers.Number("residency", 10)];

        Assert.Equal(660, Project(new WorkloadProfile(100e6, 20e6, residency: true), answers).NormalMonthUsd!.Value, Tolerance);
        Assert.Equal(600, Project(Plain, answers).NormalMonthUsd!.Value, Tolerance);
    }

    [Fact]
    public void Without_a_residency_surcharge_residency_costs_nothing_extra_and_that_is_assumed()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, residency: true), ListPrices);

        Assert.Equal(600, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Contains(CostRoles.ResidencySurchargePercent, estimate.Assumed);
    }

    [Fact]
    public void A_monthly_minimum_applies_month_by_month_after_every_discount()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, peak: 3), [.. ListPrices, Answers.Number("minimum", 1_000)]);

        Assert.Equal(1_000, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Equal(1_800, estimate.PeakMonthUsd!.Value, Tolerance);
        Assert.Equal(11 * 1_000 + 1_800, estimate.TwelveMonthUsd!.Value, Tolerance);
        Assert.DoesNotContain(CostRoles.MonthlyMinimumUsd, estimate.Assumed);
    }

    [Fact]
    public void Without_a_monthly_minimum_there_is_none_and_that_is_assumed()
    {
        var estimate = Project(Plain, ListPrices);

        Assert.Equal(600, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Contains(CostRoles.MonthlyMinimumUsd, estimate.Assumed);
    }

    [Fact]
    public void Assumed_lists_every_role_that_fell_back_in_the_order_of_the_price_card()
    {
        var estimate = Project(Plain, ListPrices);

        Assert.Equal(
        [
            CostRoles.PriceCachedInputPerMTok, CostRoles.BatchDiscountPercent, CostRoles.CommittedUseDiscountPercent,
            CostRoles.ResidencySurchargePercent, CostRoles.MonthlyMinimumUsd,
        ], estimate.Assumed);
    }

    [Fact]
    public void A_missing_or_not_applicable_price_makes_every_amount_unknown()
    {
        var missingOutput = Project(Plain, Answers.Number("price-in", 3), Answers.Number("tpm", 1e6));
        var notApplicableInput = Project(new WorkloadProfile(100e6, 20e6, units: 10), Answers.NotApplicable("price-in"), Answers.Number("price-out", 15));

        foreach (var estimate in new[] { missingOutput, notApplicableInput })
        {
            Assert.All(estimate.MonthlyUsd, m => Assert.Null(m));
            Assert.Null(estimate.NormalMonthUsd);
            Assert.Null(estimate.PeakMonthUsd);
            Assert.Null(estimate.TwelveMonthUsd);
            Assert.Null(estimate.CostPerUnitUsd);
        }

        Assert.False(missingOutput.ThrottlingRisk);
        Assert.Null(notApplicableInput.ThrottlingRisk);
    }

    [Fact]
    public void A_set_without_cost_questions_gives_unknown_amounts_and_assumes_every_defaulted_role()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q")).Build();

        var estimate = CostProjection.Project(set, Answers.Of(), Plain);

        Assert.Null(estimate.NormalMonthUsd);
        Assert.Null(estimate.ThrottlingRisk);
        Assert.Equal(5, estimate.Assumed.Count);
    }

    [Fact]
    public void Cost_per_unit_is_month_1_divided_by_the_units()
    {
        var estimate = Project(new WorkloadProfile(100e6, 20e6, agentic: 2, units: 4_000), ListPrices);

        Assert.Equal(1_200.0 / 4_000, estimate.CostPerUnitUsd!.Value, Tolerance);
    }

    [Fact]
    public void Peak_tokens_per_minute_spread_the_real_time_tokens_of_the_peak_month_over_its_active_minutes()
    {
        var profile = new WorkloadProfile(100e6, 20e6, peak: 2, batchShare: 0.5, reasoningRatio: 1, activeHours: 100, cachedInputShare: 0.9);

        var estimate = Project(profile, ListPrices);

        // (200M + 40M × 2) × 0.5 ÷ 6,000 = 23,333.33…; cached tokens still count.
        Assert.Equal(140e6 / 6_000, estimate.PeakTokensPerMinute, Tolerance);
    }

    [Theory]
    [InlineData(23_333, true)]
    [InlineData(23_334, false)]
    public void Throttling_risk_when_peak_tokens_per_minute_exceed_the_rate_limit(double limit, bool expected)
    {
        var profile = new WorkloadProfile(100e6, 20e6, peak: 2, batchShare: 0.5, reasoningRatio: 1, activeHours: 100);

        var estimate = Project(profile, [.. ListPrices, Answers.Number("tpm", limit)]);

        Assert.Equal(expected, estimate.ThrottlingRisk);
        Assert.Equal(limit / (140e6 / 6_000), estimate.RateLimitHeadroom!.Value, Tolerance);
    }

    [Fact]
    public void Headroom_is_unknown_without_a_rate_limit_or_without_traffic()
    {
        Assert.Null(Project(Plain, ListPrices).RateLimitHeadroom);
        var idle = Project(new WorkloadProfile(0, 0), [.. ListPrices, Answers.Number("tpm", 1_000)]);
        Assert.Null(idle.RateLimitHeadroom);
        Assert.False(idle.ThrottlingRisk);
    }

    [Theory]
    [InlineData("inputTokens", -1)]
    [InlineData("outputTokens", double.NaN)]
    [InlineData("peak", 0)]
    [InlineData("agentic", -2)]
    [InlineData("monthlyGrowth", 1.01)]
    [InlineData("cachedInputShare", -0.1)]
    [InlineData("batchShare", 2)]
    [InlineData("reasoningRatio", 101)]
    [InlineData("activeHours", 0.5)]
    [InlineData("activeHours", 745)]
    [InlineData("units", 0)]
    public void A_field_out_of_its_range_is_refused_under_its_name(string field, double value)
    {
        Assert.Throws<ArgumentException>(() => Plain.With(field, value));
        var p = field == "units" ? Plain.With("units", 1) : Plain;
        var errors = WorkloadProfile.Validate(
            field == "inputTokens" ? value : p.InputTokensPerMonth, field == "outputTokens" ? value : p.OutputTokensPerMonth,
            field == "peak" ? value : 1, field == "agentic" ? value : 1, field == "monthlyGrowth" ? value : 0,
            field == "cachedInputShare" ? value : 0, field == "batchShare" ? value : 0, field == "reasoningRatio" ? value : 0,
            field == "activeHours" ? value : 220, field == "units" ? value : null);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public void Presets_are_named_pilot_department_and_enterprise_agentic_and_say_what_they_assume()
    {
        Assert.Equal(["pilot", "department", "enterprise-agentic"], WorkloadProfile.Presets.Select(p => p.Name));
        Assert.All(WorkloadProfile.Presets, p => Assert.False(string.IsNullOrWhiteSpace(p.Assumes)));
        Assert.All(WorkloadProfile.Presets, p => Assert.NotNull(p.Profile.Units));
    }

    [Fact]
    public void The_cost_curve_finds_where_the_cheapest_vendor_changes()
    {
        // A: $1,000 minimum, cheap tokens (usage at 1× = 600). B: no minimum, dearer tokens (usage at 1× = 1,200).
        // B is cheaper until 1,200 f = 1,000, i.e. f = 5/6; A is cheaper above.
        var a = Answers.Of(Answers.Number("price-in", 3), Answers.Number("price-out", 15), Answers.Number("minimum", 1_000));
        var b = Answers.Of(Answers.Number("price-in", 6), Answers.Number("price-out", 30));
        var unknown = Answers.Of(Answers.Number("price-in", 1));

        var curve = CostCurve.Build([new(1, Set, a), new(2, Set, b), new(3, Set, unknown)], new WorkloadProfile(100e6, 20e6, peak: 2), points: 5);

        Assert.Equal([0.1, Math.Sqrt(0.1), 1, Math.Sqrt(10), 10], curve.VolumeFactors, (x, y) => Math.Abs(x - y) < 1e-12);
        Assert.Equal(1_000, curve.Series[0].MonthlyUsd[2]!.Value, Tolerance);
        Assert.Equal(120, curve.Series[1].MonthlyUsd[0]!.Value, Tolerance);
        Assert.All(curve.Series[2].MonthlyUsd, v => Assert.Null(v));
        Assert.Equal(2, curve.CheapestChanges.Count);
        Assert.Equal((0.1, (int?)null, 2), (curve.CheapestChanges[0].VolumeFactor, curve.CheapestChanges[0].FromAssessmentId, curve.CheapestChanges[0].ToAssessmentId));
        Assert.Equal(5.0 / 6, curve.CheapestChanges[1].VolumeFactor, 1e-12);
        Assert.Equal((2, 1), (curve.CheapestChanges[1].FromAssessmentId, curve.CheapestChanges[1].ToAssessmentId));
        Assert.Equal(100e6 * 5 / 6, curve.CheapestChanges[1].InputTokensPerMonth, 1e-3);
    }
}
