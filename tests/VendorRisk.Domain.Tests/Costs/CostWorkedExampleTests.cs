using VendorRisk.Domain.Costs;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Tests.TestSupport;

namespace VendorRisk.Domain.Tests.Costs;

/// <summary>The worked example of scoring.md §8, figure by figure.</summary>
public class CostWorkedExampleTests
{
    private const double Tolerance = 1e-9;

    internal static readonly WorkloadProfile Profile = new(1e8, 2e7, peak: 3, agentic: 2, monthlyGrowth: 0, cachedInputShare: 0.5,
        batchShare: 0.25, reasoningRatio: 1, activeHours: 220, residency: false, units: 10_000);

    private static CostEstimate Estimate() => CostProjection.Project(CostProjectionTests.Set, Answers.Of(
        Answers.Number("price-in", 2), Answers.Number("price-out", 8), Answers.Number("price-cached", 0.2),
        Answers.Number("batch", 50), Answers.Number("commit", 10), Answers.Number("tpm", 100_000)), Profile);

    [Fact]
    public void Months_1_to_11_cost_677_25_and_month_12_costs_2031_75()
    {
        var estimate = Estimate();

        Assert.All(estimate.MonthlyUsd.Take(11), m => Assert.Equal(677.25, m!.Value, Tolerance));
        Assert.Equal(677.25, estimate.NormalMonthUsd!.Value, Tolerance);
        Assert.Equal(2_031.75, estimate.PeakMonthUsd!.Value, Tolerance);
    }

    [Fact]
    public void Twelve_months_cost_9481_5_and_a_unit_0_067725()
    {
        var estimate = Estimate();

        Assert.Equal(9_481.5, estimate.TwelveMonthUsd!.Value, Tolerance);
        Assert.Equal(0.067725, estimate.CostPerUnitUsd!.Value, Tolerance);
    }

    [Fact]
    public void Peak_tokens_per_minute_47727_headroom_2_095_and_no_throttling()
    {
        var estimate = Estimate();

        Assert.Equal(630_000_000.0 / 13_200, estimate.PeakTokensPerMinute, 1e-6);
        Assert.Equal(47_727.27, estimate.PeakTokensPerMinute, 0.01);
        Assert.Equal(100_000 / (630_000_000.0 / 13_200), estimate.RateLimitHeadroom!.Value, Tolerance);
        Assert.Equal(2.095, estimate.RateLimitHeadroom!.Value, 0.001);
        Assert.False(estimate.ThrottlingRisk);
    }

    [Fact]
    public void Residency_surcharge_and_monthly_minimum_are_assumed()
    {
        Assert.Equal([CostRoles.ResidencySurchargePercent, CostRoles.MonthlyMinimumUsd], Estimate().Assumed);
    }

    [Fact]
    public void The_same_figures_come_from_a_price_card_given_directly()
    {
        var card = PriceCard.From(2, 8, cachedInputPerMTok: 0.2, batchDiscountPercent: 50, committedUseDiscountPercent: 10,
            rateLimitTokensPerMinute: 100_000);

        var estimate = CostProjection.Project(card, Profile);

        Assert.Equal(9_481.5, estimate.TwelveMonthUsd!.Value, Tolerance);
        Assert.Equal([CostRoles.ResidencySurchargePercent, CostRoles.MonthlyMinimumUsd], estimate.Assumed);
    }
}
