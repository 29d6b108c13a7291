using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Dashboard;

/// <summary>The dashboard's summary is loaded once per page view: by the prerender, which leaves it in the page for the interactive render.</summary>
public sealed class DashboardPrerenderTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_interactive_render_shows_the_summary_the_prerender_left_instead_of_querying_again()
    {
        await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Viewer);
        var state = AddBunitPersistentComponentState();
        // Figures no query over the test database can give: the page can only show them if it took them from the state.
        state.Persist(DashboardPage.PrerenderedKey, new DashboardSummary(987, 6543,
            [new RatingCount("High", 4321, "#b71c1c")], [new StatusCount(AssessmentStatus.Draft, 2222)], [], [], [], [], false));
        RenderProviders();

        var cut = Render<DashboardPage>();

        cut.WaitForAssertion(() => Assert.Equal("4321", cut.Find("#rating-tiles [data-rating='High'] .vr-tile-count").TextContent.Trim()));
        Assert.Equal("2222", cut.Find("#rating-tiles [data-status='draft'] .vr-tile-count").TextContent.Trim());
        Assert.Contains("All 6543 assessments", cut.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prerender_leaves_the_summary_it_loaded_in_the_page()
    {
        await TestData.CreateDraftAsync(App);
        AddBunitPersistentComponentState();
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<DashboardPage>();
        cut.WaitForElement("#rating-tiles");

        var kept = (await PersistedPageState.PersistAsync(this)).Read<DashboardSummary>(DashboardPage.PrerenderedKey);
        await using var scope = App.ScopeAs(Roles.Viewer);
        var fresh = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct);
        Assert.Equal(fresh.AssessmentCount, kept!.AssessmentCount);
        Assert.Equal(fresh.VendorCount, kept.VendorCount);
        Assert.Equal(fresh.StatusCounts, kept.StatusCounts);
        Assert.Equal(fresh.RatingCounts, kept.RatingCounts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_reviewers_queue_comes_before_the_heat_maps_when_work_waits_and_in_the_side_column_when_none_does(bool waiting)
    {
        await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Reviewer);
        var state = AddBunitPersistentComponentState();
        state.Persist(DashboardPage.PrerenderedKey, new DashboardSummary(1, 1, [], [], [], [], [], [], false)
        {
            CanReview = true,
            AwaitingReview = waiting ? [new AwaitingReviewItem(41, "Northwind Cognition", "Annual review", 81.5, "Low", "#2e7d32", 3)] : [],
        });
        RenderProviders();

        var cut = Render<DashboardPage>();

        cut.WaitForElement("#review-title");
        var markup = cut.Markup;
        var queueFirst = markup.IndexOf("id=\"review-title\"", StringComparison.Ordinal) < markup.IndexOf("id=\"heat-title\"", StringComparison.Ordinal);
        Assert.Equal(waiting, queueFirst);
        Assert.Single(cut.FindAll("#review-title"));
    }
}
