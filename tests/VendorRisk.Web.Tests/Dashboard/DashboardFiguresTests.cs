using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Compare;

namespace VendorRisk.Web.Tests.Dashboard;

/// <summary>
/// The dashboard reads stored scores with aggregate queries; its figures must equal a straightforward count over every
/// assessment scored afresh from its answers.
/// </summary>
public sealed class DashboardFiguresTests(CompareScenarioFixture app) : IClassFixture<CompareScenarioFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static bool IsApproved(AssessmentSnapshot s) => s.Status is AssessmentStatus.Approved or AssessmentStatus.ApprovedWithConditions;

    private static DateTime LastActivity(AssessmentSnapshot s) => s.ReviewedAt ?? s.SubmittedAt ?? s.CreatedAt;

    private async Task<(DashboardSummary Summary, IReadOnlyList<AssessmentSnapshot> All, int Vendors)> LoadAsync()
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var summary = await scope.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct);
        var all = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().ListAsync(new AssessmentFilter(), Ct);
        await using var db = await app.CreateDbContextAsync();
        return (summary, all, await db.Vendors.CountAsync(v => !v.IsArchived, Ct));
    }

    [Fact]
    public async Task Vendor_assessment_and_status_counts_equal_a_count_of_the_rows()
    {
        var (summary, all, vendors) = await LoadAsync();

        Assert.Equal(vendors, summary.VendorCount);
        Assert.Equal(all.Count, summary.AssessmentCount);
        Assert.Equal(all.GroupBy(s => s.Status).OrderBy(g => g.Key).Select(g => new StatusCount(g.Key, g.Count())), summary.StatusCounts);
    }

    [Fact]
    public async Task Rating_tiles_count_each_vendors_latest_review_when_it_approved_by_its_fresh_rating()
    {
        var (summary, all, _) = await LoadAsync();

        var expected = all.Where(s => s.ReviewedAt is not null && (IsApproved(s) || s.Status == AssessmentStatus.Rejected))
            .GroupBy(s => s.VendorId)
            .Select(g => g.OrderByDescending(s => s.ReviewedAt).ThenByDescending(s => s.Id).First())
            .Where(IsApproved)
            .GroupBy(s => s.Score.Rating)
            .ToDictionary(g => g.Key ?? "none", g => g.Count());
        Assert.NotEmpty(expected);
        Assert.Equal(expected, summary.RatingCounts.Where(r => r.Count > 0).ToDictionary(r => r.Label ?? "none", r => r.Count));
    }

    [Fact]
    public async Task Heat_map_rows_are_each_vendors_latest_approved_else_latest_assessment_with_its_fresh_scores()
    {
        var (summary, all, _) = await LoadAsync();

        foreach (var set in all.Where(s => s.Score.Overall is not null).GroupBy(s => s.QuestionSet.Key))
        {
            var expected = set.GroupBy(s => s.VendorId)
                .Select(g => g.Where(IsApproved).OrderByDescending(LastActivity).ThenByDescending(s => s.Id).FirstOrDefault()
                    ?? g.OrderByDescending(LastActivity).ThenByDescending(s => s.Id).First())
                .ToList();
            var map = Assert.Single(summary.HeatMaps, m => m.QuestionSetKey == set.Key);
            Assert.Equal(expected.Select(s => s.Id).Order(), map.Rows.Select(r => r.AssessmentId).Order());
            foreach (var row in map.Rows)
            {
                var fresh = expected.Single(s => s.Id == row.AssessmentId);
                Assert.Equal(fresh.Score.Overall!.Value, row.Overall!.Value, 9);
                Assert.Equal(fresh.Score.Rating, row.Rating);
                Assert.Equal(ShownScore.Of(fresh).Provisional, row.Provisional);
                var sections = fresh.Score.Sections.ToDictionary(x => x.Key, x => x.Score);
                Assert.Equal(map.Sections.Select(c => sections.GetValueOrDefault(c.Key)), row.Scores);
            }
        }
    }

    [Fact]
    public async Task Reassessments_due_equal_the_rule_applied_to_freshly_scored_assessments()
    {
        var (summary, all, _) = await LoadAsync();
        await using var scope = app.ScopeAs(Roles.Viewer);
        var dashboard = scope.ServiceProvider.GetRequiredService<DashboardService>();
        var today = DateOnly.FromDateTime(scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);

        var expected = dashboard.ReassessmentsDue(all, today).Take(DashboardService.ListedItems).ToList();

        Assert.Equal(expected, summary.Reassessments);
    }
}
