using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Domain.Tests.QuestionSets;

public class CostRolesTests
{
    [Fact]
    public void Every_cost_role_is_listed_once_in_the_order_of_the_price_card()
    {
        Assert.Equal(
        [
            "price-input-per-mtok", "price-output-per-mtok", "price-cached-input-per-mtok", "batch-discount-percent",
            "committed-use-discount-percent", "residency-surcharge-percent", "monthly-minimum-usd", "rate-limit-tokens-per-minute",
        ], CostRoles.All);
    }

    [Fact]
    public void Only_the_two_discounts_are_capped_at_100_percent()
    {
        Assert.Equal(["batch-discount-percent", "committed-use-discount-percent"], CostRoles.DiscountPercentages);
    }
}
