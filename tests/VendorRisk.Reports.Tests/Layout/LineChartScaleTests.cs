using VendorRisk.Reports.Layout;

namespace VendorRisk.Reports.Tests.Layout;

/// <summary>The twelve-month chart's y axis: round steps, at most five of them, reaching the largest value.</summary>
public sealed class LineChartScaleTests
{
    [Theory]
    [InlineData(28_800, 10_000, 3)]
    [InlineData(30_000, 10_000, 3)]
    [InlineData(41_000, 10_000, 5)]
    [InlineData(9_600, 2_000, 5)]
    [InlineData(1_296, 500, 3)]
    [InlineData(0.8, 0.2, 4)]
    [InlineData(100, 20, 5)]
    public void Steps_are_round_and_reach_the_largest_value(double maximum, double tick, int ticks)
    {
        var scale = LineChart.NiceScale(maximum);

        Assert.Equal(tick, scale.Tick, 9);
        Assert.Equal(ticks, scale.Ticks);
        Assert.True(scale.Tick * scale.Ticks >= maximum);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(double.NaN)]
    public void Nothing_to_draw_still_gets_an_axis(double maximum) =>
        Assert.Equal((0.25, 4), LineChart.NiceScale(maximum));
}
