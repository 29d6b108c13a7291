using System.Globalization;
using Bunit;
using VendorRisk.Domain.Costs;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Compare;

public sealed class CostChartAndTableTests : BunitTestBase
{
    private static CostCurve Curve()
    {
        double[] factors = [0.1, 1, 10];
        return new CostCurve(factors,
            [new CostSeries(1, [12, 120, 1_200]), new CostSeries(2, [40, 90, 600]), new CostSeries(3, [null, null, null])],
            [new CheapestChange(0.1, 1e6, 2e5, null, 1)]);
    }

    [Fact]
    public void The_cost_chart_uses_log_scales_on_both_axes_and_says_so()
    {
        RenderProviders();
        var cut = Render<CostCurveChart>(p => p
            .Add(x => x.Curve, Curve())
            .Add(x => x.Names, new Dictionary<int, string> { [1] = "A", [2] = "B", [3] = "C" })
            .Add(x => x.Profile, new WorkloadProfile(1e7, 2e6)));

        Assert.Contains("log scale", cut.Find("#cost-curve-x-title").TextContent, StringComparison.Ordinal);
        Assert.Contains("log scale", cut.Find("#cost-curve-y-title").TextContent, StringComparison.Ordinal);
        var ticks = cut.FindAll(".vr-y-tick").ToDictionary(
            t => double.Parse(t.GetAttribute("data-usd")!, CultureInfo.InvariantCulture),
            t => double.Parse(t.GetAttribute("y")!, CultureInfo.InvariantCulture));
        // Each decade takes the same height: $10 → $100 as tall as $100 → $1,000.
        Assert.Equal(ticks[10] - ticks[100], ticks[100] - ticks[1000], 0.5);
        Assert.True(ticks[10] - ticks[100] > 20, "a decade has visible height");
    }

    [Fact]
    public void Throttling_is_flagged_only_from_a_known_rate_limit_whatever_the_price()
    {
        RenderProviders();
        var cut = Render<CostTable>(p => p.Add(x => x.Rows, new List<CostTable.CostRow>
        {
            // Peak tokens per minute come from the profile alone (scoring.md §8), so a known limit is judged even without a price.
            new(1, "No price", new CostEstimate([], null, null, null, null, 5_000, 0.5, true, [])),
            new(2, "No limit", new CostEstimate([], 100, 300, 1_400, null, 5_000, null, null, [])),
        }));

        Assert.Contains("Throttling risk", cut.Find("tr[data-vendor='No price']").TextContent, StringComparison.Ordinal);
        var noLimit = cut.Find("tr[data-vendor='No limit']");
        Assert.DoesNotContain("Throttling risk", noLimit.TextContent, StringComparison.Ordinal);
        Assert.Empty(noLimit.QuerySelectorAll(".mud-chip"));
        Assert.Equal("unknown", noLimit.QuerySelectorAll("td").Last().TextContent.Trim());
    }

    [Fact]
    public void The_sensitivity_sentence_stands_apart_from_the_assumptions_before_it()
    {
        RenderProviders();
        var cut = Render<CostTable>(p => p.Add(x => x.Rows, new List<CostTable.CostRow>
        {
            new(1, "Priced", new CostEstimate([], 100, 300, 1_400, null, 5_000, null, null, []), new CostSensitivity("inputTokens", 1_400, 1_100, 1_700)),
        }));

        var notes = cut.Find("[data-vendor='Priced'].mb-1").TextContent;
        Assert.Contains("nothing assumed. Most sensitive to", notes, StringComparison.Ordinal);
    }
}

public sealed class ChartPaletteTests
{
    [Fact]
    public void Colours_follow_the_ranking_not_the_order_of_choice_and_every_assessment_gets_one()
    {
        // Ranked 7, 3, 4; assessment 9 (left out of the ranking) comes last.
        var colors = ChartPalette.ByRanking([7, 3, 4, 3, 9]);

        Assert.Equal(ChartPalette.For(0), colors[7]);
        Assert.Equal(ChartPalette.For(1), colors[3]);
        Assert.Equal(ChartPalette.For(2), colors[4]);
        Assert.Equal(ChartPalette.For(3), colors[9]);
    }
}
