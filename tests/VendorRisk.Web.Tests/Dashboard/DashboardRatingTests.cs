using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Dashboard;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Dashboard;

public sealed class DashboardRatingTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> ReviewAsync(int id, ReviewDecision decision)
    {
        await using (var assessor = app.ScopeAs(Roles.Assessor))
            await assessor.ServiceProvider.GetRequiredService<AssessmentService>().SubmitAsync(id, true, Ct);
        await using var reviewer = app.ScopeAs(Roles.Reviewer);
        await reviewer.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(id, decision, decision == ReviewDecision.Approved ? null : "Because.", Ct);
        return id;
    }

    [Fact]
    public async Task Ratings_count_each_vendors_current_approved_assessment_and_drafts_apart()
    {
        await ReviewAsync(await TestData.CreateDraftAsync(app), ReviewDecision.Approved);             // counted
        await ReviewAsync(await TestData.CreateDraftAsync(app), ReviewDecision.Rejected);             // not: rejected
        await TestData.CreateDraftAsync(app);                                                         // not: a draft
        var reassessed = await ReviewAsync(await TestData.CreateDraftAsync(app), ReviewDecision.Approved);
        await using (var assessor = app.ScopeAs(Roles.Assessor))
            await assessor.ServiceProvider.GetRequiredService<AssessmentService>().ReassessAsync(reassessed, Ct); // counted once, by its approval

        await using var viewer = app.ScopeAs(Roles.Viewer);
        var summary = await viewer.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct);

        Assert.Equal(2, summary.RatingCounts.Sum(r => r.Count));
        Assert.Equal(2, summary.StatusCounts.Single(s => s.Status == AssessmentStatus.Draft).Count);
    }
}

/// <summary>The reviewer's queue, in a database of its own: the counts of <see cref="DashboardRatingTests"/> stay exact.</summary>
public sealed class DashboardReviewQueueTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task SubmitAsync(int id)
    {
        await using var assessor = app.ScopeAs(Roles.Assessor);
        await assessor.ServiceProvider.GetRequiredService<AssessmentService>().SubmitAsync(id, true, Ct);
    }

    [Fact]
    public async Task A_reviewer_sees_what_awaits_review_and_a_viewer_does_not()
    {
        var submitted = await TestData.CreateDraftAsync(app);
        await SubmitAsync(submitted);
        var reviewed = await TestData.CreateDraftAsync(app);
        await SubmitAsync(reviewed);
        await using (var reviewing = app.ScopeAs(Roles.Reviewer))
            await reviewing.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(reviewed, ReviewDecision.Approved, null, Ct);
        var draft = await TestData.CreateDraftAsync(app);

        await using var reviewer = app.ScopeAs(Roles.Reviewer);
        var queue = (await reviewer.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct)).AwaitingReview;
        await using var viewer = app.ScopeAs(Roles.Viewer);
        var seen = await viewer.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct);

        var item = Assert.Single(queue, i => i.AssessmentId == submitted);
        Assert.Equal(0, item.DaysWaiting);
        Assert.DoesNotContain(queue, i => i.AssessmentId == reviewed || i.AssessmentId == draft);
        Assert.False(seen.CanReview);
        Assert.Empty(seen.AwaitingReview);
    }

    [Fact]
    public async Task A_reviewers_own_submission_is_not_in_their_queue()
    {
        var own = await TestData.CreateDraftAsync(app);
        await SubmitAsync(own);
        string reviewerId;
        await using (var reviewing = app.ScopeAs(Roles.Reviewer))
            reviewerId = (await reviewing.ServiceProvider.GetRequiredService<CurrentUser>().GetAsync(Ct))!.UserId;
        await using (var db = await app.CreateDbContextAsync())
            await db.Assessments.Where(a => a.Id == own).ExecuteUpdateAsync(u => u.SetProperty(a => a.AssessorId, reviewerId), Ct);

        await using var reviewer = app.ScopeAs(Roles.Reviewer);
        var queue = (await reviewer.ServiceProvider.GetRequiredService<DashboardService>().GetAsync(Ct)).AwaitingReview;

        Assert.DoesNotContain(queue, i => i.AssessmentId == own);
    }
}
