using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

/// <summary>The assessments list pages, sorts and filters in the database over stored scores, and shows what the wizard shows.</summary>
public sealed class AssessmentListPagingTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<AssessmentListPage> PageAsync(AssessmentListQuery query, int skip, int take)
    {
        await using var viewer = app.ScopeAs(Roles.Viewer);
        return await viewer.ServiceProvider.GetRequiredService<AssessmentList>().PageAsync(query, skip, take, Ct);
    }

    private async Task<(int VendorId, List<int> Ids)> VendorWithDraftsAsync(int count)
    {
        var first = await TestData.CreateDraftAsync(app);
        int vendorId;
        await using (var viewer = app.ScopeAs(Roles.Viewer))
            vendorId = (await viewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(first, Ct)).VendorId;
        var ids = new List<int> { first };
        await using var assessor = app.ScopeAs(Roles.Assessor);
        var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
        for (var i = 1; i < count; i++)
            ids.Add(await service.CreateAsync(new CreateAssessmentRequest(vendorId, TestData.Frontier), Ct));
        return (vendorId, ids);
    }

    [Theory]
    [InlineData(-1, 10)]
    [InlineData(0, 0)]
    [InlineData(0, AssessmentList.MaxPageSize + 1)]
    public async Task A_forged_offset_or_page_size_is_refused_on_page_size(int skip, int take)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => PageAsync(new AssessmentListQuery(), skip, take));
        Assert.Equal([$"A page holds 1 to {AssessmentList.MaxPageSize} assessments."], refused.Errors["pageSize"]);
        Assert.Single(refused.Errors);
    }

    [Fact]
    public async Task Pages_of_one_vendor_come_newest_first_and_add_up_to_the_total()
    {
        var (vendorId, ids) = await VendorWithDraftsAsync(5);

        var first = await PageAsync(new AssessmentListQuery(VendorId: vendorId), 0, 2);
        var rest = await PageAsync(new AssessmentListQuery(VendorId: vendorId), 2, 10);

        Assert.Equal(5, first.Total);
        Assert.Equal(ids.AsEnumerable().Reverse(), first.Items.Concat(rest.Items).Select(r => r.Id));
        Assert.All(first.Items, r => Assert.False(r.Shown.Scored));
    }

    [Fact]
    public async Task Sorting_by_stored_score_puts_the_better_draft_first_and_a_draft_names_only_its_answered_knockouts()
    {
        var (vendorId, ids) = await VendorWithDraftsAsync(3);
        await using (var assessor = app.ScopeAs(Roles.Assessor))
        {
            var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
            await service.SaveAnswerAsync(ids[1], TestData.Choice("buyer-eligibility", "confirmed-with-notice"), Ct);
            await service.SaveAnswerAsync(ids[2], TestData.Choice("buyer-eligibility", "declined"), Ct);
        }

        var page = await PageAsync(new AssessmentListQuery(VendorId: vendorId, Sort: AssessmentSort.Score, Descending: true), 0, 10);

        var top = page.Items[0];
        Assert.Equal(ids[1], top.Id);
        Assert.True(top.Shown.Scored);
        Assert.Empty(top.Knockouts);
        Assert.Equal("buyer-eligibility", Assert.Single(page.Items.Single(r => r.Id == ids[2]).Knockouts).Key);
        Assert.Empty(page.Items.Single(r => r.Id == ids[0]).Knockouts);
        AssessmentSnapshot fresh;
        await using (var viewer = app.ScopeAs(Roles.Viewer))
            fresh = await viewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(ids[1], Ct);
        Assert.Equal(ShownScore.Of(fresh).Rating, top.Shown.Rating);
        Assert.Equal(fresh.Score.Completeness, top.Completeness);
    }

    [Fact]
    public async Task A_draft_holding_only_a_note_is_not_scored_yet_and_names_no_knockout_in_the_list_and_on_its_page()
    {
        var (vendorId, ids) = await VendorWithDraftsAsync(1);
        await using (var assessor = app.ScopeAs(Roles.Assessor))
        {
            var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
            await service.SaveAnswerAsync(ids[0], new AnswerInput(new AnswerValue { QuestionKey = "buyer-eligibility", Note = "Asked the vendor; reply due Friday." }), Ct);
        }

        var row = Assert.Single((await PageAsync(new AssessmentListQuery(VendorId: vendorId), 0, 10)).Items);
        AssessmentSnapshot fresh;
        await using (var viewer = app.ScopeAs(Roles.Viewer))
            fresh = await viewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(ids[0], Ct);

        Assert.Contains("buyer-eligibility", fresh.Score.Knockouts); // scoring.md: an unanswered critical question is a knockout
        Assert.False(row.Shown.Scored);
        Assert.Empty(row.Knockouts);
        Assert.False(ShownScore.Of(fresh).Scored);
    }

    [Fact]
    public async Task Status_and_rating_filters_narrow_the_list_and_a_page_size_over_the_limit_is_refused()
    {
        var (vendorId, ids) = await VendorWithDraftsAsync(2);
        await using (var assessor = app.ScopeAs(Roles.Assessor))
            await assessor.ServiceProvider.GetRequiredService<AssessmentService>().SubmitAsync(ids[0], true, Ct);

        Assert.Equal(ids[0], Assert.Single((await PageAsync(new AssessmentListQuery(AssessmentStatus.Submitted, vendorId), 0, 10)).Items).Id);
        Assert.Equal(ids[1], Assert.Single((await PageAsync(new AssessmentListQuery(AssessmentStatus.Draft, vendorId), 0, 10)).Items).Id);
        var none = await PageAsync(new AssessmentListQuery(VendorId: vendorId, Rating: "none"), 0, 10);
        var critical = await PageAsync(new AssessmentListQuery(VendorId: vendorId, Rating: "critical"), 0, 10);
        Assert.Equal(2, none.Total + critical.Total);
        await Assert.ThrowsAsync<ValidationFailedException>(() => PageAsync(new AssessmentListQuery(), 0, AssessmentList.MaxPageSize + 1));
    }
}
