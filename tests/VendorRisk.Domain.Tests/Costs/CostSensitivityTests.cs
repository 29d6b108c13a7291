using VendorRisk.Domain.Costs;

namespace VendorRisk.Domain.Tests.Costs;

public class CostSensitivityTests
{
    private static readonly PriceCard Card = PriceCard.From(2, 8, cachedInputPerMTok: 0.2, batchDiscountPercent: 50,
        committedUseDiscountPercent: 10, rateLimitTokensPerMinute: 100_000);

    [Fact]
    public void The_field_that_moves_the_twelve_month_cost_most_is_named_with_both_ends()
    {
        var sensitivity = CostSensitivity.Find(Card, CostWorkedExampleTests.Profile)!;

        // Agentic scales every month (9,481.5 → ×0.75 / ×1.25); output tokens make 640 of 860 list dollars, less.
        Assert.Equal(ProfileFields.Agentic, sensitivity.Field);
        Assert.Equal(9_481.5, sensitivity.BaseTwelveMonthUsd, 1e-9);
        Assert.Equal(9_481.5 * 0.75, sensitivity.LowerTwelveMonthUsd, 1e-9);
        Assert.Equal(9_481.5 * 1.25, sensitivity.UpperTwelveMonthUsd, 1e-9);
    }

    [Fact]
    public void A_share_is_capped_at_1_when_raised_by_25_percent()
    {
        var profile = new WorkloadProfile(1e8, 0, cachedInputShare: 1);

        var sensitivity = CostSensitivity.Find(PriceCard.From(2, 8, cachedInputPerMTok: 0.2), profile)!;

        // Lowering the share to 0.75 prices a quarter of the input at $2 instead of $0.20: 20 → 65 a month.
        Assert.Equal(ProfileFields.CachedInputShare, sensitivity.Field);
        Assert.Equal(12 * 20, sensitivity.UpperTwelveMonthUsd, 1e-9);
        Assert.Equal(12 * 65, sensitivity.LowerTwelveMonthUsd, 1e-9);
    }

    [Fact]
    public void Unknown_prices_have_no_sensitivity()
    {
        Assert.Null(CostSensitivity.Find(PriceCard.From(null, 8), CostWorkedExampleTests.Profile));
    }
}
