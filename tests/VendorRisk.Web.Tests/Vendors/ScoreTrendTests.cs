using System.Globalization;
using Bunit;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Vendors;

/// <summary>The vendor page's score trend: placed by date, drawn for a wide card and for a phone.</summary>
public sealed class ScoreTrendTests : BunitTestBase
{
    private static ScoreTrend.TrendPoint Point(string date, double score) =>
        new(DateTime.Parse(date, CultureInfo.InvariantCulture), score, "Moderate", "Review " + date);

    private static readonly ScoreTrend.TrendPoint[] ThreeReviews = [Point("2026-01-01", 60), Point("2026-01-11", 70), Point("2026-12-31", 80)];

    [Fact]
    public void Points_are_placed_by_their_date_not_evenly()
    {
        var x = Enumerable.Range(0, 3).Select(i => ScoreTrend.X(ThreeReviews, i, ScoreTrend.Wide)).ToList();

        Assert.True(x[1] - x[0] < (x[2] - x[1]) / 10, $"Ten days drew {x[1] - x[0]:0} wide against {x[2] - x[1]:0} for 354.");
        Assert.True(x[0] < x[1] && x[1] < x[2]);
    }

    [Fact]
    public void Points_of_one_day_are_spread_evenly()
    {
        ScoreTrend.TrendPoint[] sameDay = [Point("2026-05-01", 50), Point("2026-05-01", 60), Point("2026-05-01", 70)];
        var x = Enumerable.Range(0, 3).Select(i => ScoreTrend.X(sameDay, i, ScoreTrend.Narrow)).ToList();

        Assert.Equal(x[1] - x[0], x[2] - x[1], 6);
        Assert.True(x[1] > x[0]);
    }

    [Fact]
    public void A_phone_gets_its_own_drawing_with_dates_at_the_ends_and_no_overlapping_dates()
    {
        var cut = Render<ScoreTrend>(p => p.Add(x => x.Points, ThreeReviews));

        var wide = cut.Find("#score-trend");
        var narrow = cut.Find("#score-trend-narrow");
        Assert.Contains("vr-trend-narrow", narrow.GetAttribute("class"), StringComparison.Ordinal);
        Assert.Equal("0 0 340 220", narrow.GetAttribute("viewBox"));
        // Ten days apart on the wide drawing is closer than a date's width: the second date is left to its tooltip.
        Assert.Equal(["2026-01-01", "2026-12-31"], wide.QuerySelectorAll("text.date").Select(t => t.TextContent).ToArray());
        Assert.Equal(["2026-01-01", "2026-12-31"], narrow.QuerySelectorAll("text.date").Select(t => t.TextContent).ToArray());
        Assert.Equal(["60.0 Moderate", "70.0 Moderate", "80.0 Moderate"], wide.QuerySelectorAll("text.score").Select(t => t.TextContent).ToArray());
        Assert.Equal(["60.0", "70.0", "80.0"], narrow.QuerySelectorAll("text.score").Select(t => t.TextContent).ToArray());
        Assert.Contains("placed by the day it was submitted", cut.Find("#score-trend-caption").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void No_scored_assessment_says_so_instead_of_an_empty_chart()
    {
        var cut = Render<ScoreTrend>(p => p.Add(x => x.Points, Array.Empty<ScoreTrend.TrendPoint>()));

        Assert.Empty(cut.FindAll("svg"));
        Assert.Contains("No submitted assessment with a score yet.", cut.Markup, StringComparison.Ordinal);
    }
}
