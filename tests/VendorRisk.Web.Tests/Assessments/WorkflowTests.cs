using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

public sealed class WorkflowTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private AssessmentService Service(AsyncServiceScope scope) => scope.ServiceProvider.GetRequiredService<AssessmentService>();

    [Fact]
    public async Task Submitting_an_incomplete_assessment_needs_a_confirmation()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);

        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(scope).SubmitAsync(id, confirmIncomplete: false, Ct));
        Assert.Contains("confirmIncomplete", ex.Errors.Keys);
        Assert.Equal(AssessmentStatus.Draft, await StatusAsync(id));

        await Service(scope).SubmitAsync(id, confirmIncomplete: true, Ct);
        Assert.Equal(AssessmentStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Nobody_reviews_an_assessment_of_which_they_are_the_assessor()
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await TestData.CreateVendorAsync(app);
        int id;
        await using (var reviewer = app.ScopeAs(Roles.Reviewer))
        {
            id = await Service(reviewer).CreateAsync(new CreateAssessmentRequest(vendorId, TestData.Frontier), Ct);
            await Service(reviewer).SubmitAsync(id, true, Ct);
            await Assert.ThrowsAsync<ForbiddenException>(() => Service(reviewer).ReviewAsync(id, ReviewDecision.Approved, null, Ct));
        }
        Assert.Equal(AssessmentStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task An_admin_who_submitted_an_assessors_draft_may_not_review_it_until_the_assessor_submits_it_again()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using (var admin = app.ScopeAs(Roles.Admin))
        {
            await Service(admin).SaveAnswersAsync(id, [TestData.Choice("buyer-eligibility", "restricted")], Ct);
            await Service(admin).SubmitAsync(id, confirmIncomplete: true, Ct);
            var refused = await Assert.ThrowsAsync<ForbiddenException>(() => Service(admin).ReviewAsync(id, ReviewDecision.Approved, null, Ct));
            Assert.Equal("You submitted this assessment; another reviewer must review it.", refused.Message);
        }
        Assert.Equal(AssessmentStatus.Submitted, await StatusAsync(id));

        // Sent back and submitted by its assessor, it is no longer the admin's submission.
        await using (var reviewer = app.ScopeAs(Roles.Reviewer))
            await Service(reviewer).ReviewAsync(id, ReviewDecision.Returned, "Answer the rest yourself.", Ct);
        await using (var assessor = app.ScopeAs(Roles.Assessor))
            await Service(assessor).SubmitAsync(id, confirmIncomplete: true, Ct);
        await using (var admin = app.ScopeAs(Roles.Admin))
            await Service(admin).ReviewAsync(id, ReviewDecision.Approved, null, Ct);
        Assert.Equal(AssessmentStatus.Approved, await StatusAsync(id));
    }

    [Theory]
    [InlineData(ReviewDecision.ApprovedWithConditions)]
    [InlineData(ReviewDecision.Rejected)]
    [InlineData(ReviewDecision.Returned)]
    public async Task Conditions_reasons_and_return_comments_are_required(ReviewDecision decision)
    {
        var id = await SubmittedAsync();
        await using var scope = app.ScopeAs(Roles.Reviewer);
        var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(scope).ReviewAsync(id, decision, "  ", Ct));
        Assert.Contains("comment", ex.Errors.Keys);
        Assert.Equal(AssessmentStatus.Submitted, await StatusAsync(id));
    }

    [Fact]
    public async Task Approval_with_conditions_stores_the_conditions_and_makes_the_assessment_read_only()
    {
        var id = await SubmittedAsync();
        await using (var reviewer = app.ScopeAs(Roles.Reviewer))
            await Service(reviewer).ReviewAsync(id, ReviewDecision.ApprovedWithConditions, "Sign the DPA first.", Ct);

        await using var assessor = app.ScopeAs(Roles.Assessor);
        var ex = await Assert.ThrowsAsync<ConflictException>(() => Service(assessor).SaveAnswersAsync(id, [TestData.Choice("region-gating", "full-parity")], Ct));
        Assert.Contains("approved-with-conditions", ex.Message);
        await Assert.ThrowsAsync<ConflictException>(() => Service(assessor).SubmitAsync(id, true, Ct));
        var snapshot = await assessor.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct);
        Assert.Equal("Sign the DPA first.", snapshot.ReviewComment);
        Assert.Equal(app.UserIdOf(Roles.Reviewer), snapshot.ReviewerId);
    }

    [Fact]
    public async Task Only_drafts_are_editable_and_a_submitted_assessment_is_reviewed_once()
    {
        var id = await SubmittedAsync();
        await using (var assessor = app.ScopeAs(Roles.Assessor))
            await Assert.ThrowsAsync<ConflictException>(() => Service(assessor).SaveAnswersAsync(id, [TestData.Choice("region-gating", "full-parity")], Ct));
        await using var reviewer = app.ScopeAs(Roles.Reviewer);
        await Service(reviewer).ReviewAsync(id, ReviewDecision.Rejected, "Trains on customer data.", Ct);
        await Assert.ThrowsAsync<ConflictException>(() => Service(reviewer).ReviewAsync(id, ReviewDecision.Approved, null, Ct));
        Assert.Equal(AssessmentStatus.Rejected, await StatusAsync(id));
    }

    [Fact]
    public async Task A_returned_assessment_is_a_draft_again_and_can_be_edited()
    {
        var id = await SubmittedAsync();
        await using (var reviewer = app.ScopeAs(Roles.Reviewer))
            await Service(reviewer).ReviewAsync(id, ReviewDecision.Returned, "Add evidence for the pricing.", Ct);

        Assert.Equal(AssessmentStatus.Draft, await StatusAsync(id));
        await using var assessor = app.ScopeAs(Roles.Assessor);
        var saved = await Service(assessor).SaveAnswerAsync(id, TestData.Choice("region-gating", "full-parity"), Ct);
        Assert.Equal(1, saved.Version);
    }

    [Fact]
    public async Task An_assessor_cannot_review_and_a_viewer_cannot_submit()
    {
        var id = await SubmittedAsync();
        await using (var assessor = app.ScopeAs(Roles.Assessor))
            await Assert.ThrowsAsync<ForbiddenException>(() => Service(assessor).ReviewAsync(id, ReviewDecision.Approved, null, Ct));
        var draft = await TestData.CreateDraftAsync(app);
        await using (var viewer = app.ScopeAs(Roles.Viewer))
            await Assert.ThrowsAsync<ForbiddenException>(() => Service(viewer).SubmitAsync(draft, true, Ct));
        Assert.Equal(AssessmentStatus.Submitted, await StatusAsync(id));
        Assert.Equal(AssessmentStatus.Draft, await StatusAsync(draft));
    }

    [Fact]
    public async Task A_draft_or_retired_version_is_refused_and_the_default_is_the_newest_published()
    {
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await TestData.CreateVendorAsync(app);
        await using (var db = await app.CreateDbContextAsync())
        {
            var set = await db.QuestionSets.Include(s => s.Versions).SingleAsync(s => s.Key == TestData.Frontier, Ct);
            var content = set.Versions.First().ContentJson;
            var next = set.Versions.Max(v => v.Number) + 1;
            set.Versions.Add(new QuestionSetVersion { Number = next, Status = VersionStatus.Draft, Title = "draft", ContentJson = content, CreatedBy = "t", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            set.Versions.Add(new QuestionSetVersion { Number = next + 1, Status = VersionStatus.Retired, Title = "retired", ContentJson = content, CreatedBy = "t", CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(Ct);
        }

        await using var scope = app.ScopeAs(Roles.Assessor);
        int newestPublished;
        await using (var db = await app.CreateDbContextAsync())
        {
            newestPublished = await db.QuestionSetVersions.Where(v => v.QuestionSet.Key == TestData.Frontier && v.Status == VersionStatus.Published).MaxAsync(v => v.Number, Ct);
            var draftNumber = await db.QuestionSetVersions.Where(v => v.QuestionSet.Key == TestData.Frontier && v.Status == VersionStatus.Draft).MaxAsync(v => v.Number, Ct);
            var ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(scope).CreateAsync(new CreateAssessmentRequest(vendorId, TestData.Frontier, draftNumber), Ct));
            Assert.Contains("version", ex.Errors.Keys);
            ex = await Assert.ThrowsAsync<ValidationFailedException>(() => Service(scope).CreateAsync(new CreateAssessmentRequest(vendorId, TestData.Frontier, draftNumber + 1), Ct));
            Assert.Contains("version", ex.Errors.Keys);
        }

        var id = await Service(scope).CreateAsync(new CreateAssessmentRequest(vendorId, TestData.Frontier), Ct);
        var snapshot = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct);
        Assert.Equal(newestPublished, snapshot.QuestionSetVersionNumber);
    }

    [Fact]
    public async Task Every_status_change_and_answer_is_in_the_history()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using (var assessor = app.ScopeAs(Roles.Assessor))
        {
            await Service(assessor).SaveAnswerAsync(id, TestData.Choice("region-gating", "full-parity"), Ct);
            await Service(assessor).SubmitAsync(id, true, Ct);
        }
        await using var reviewer = app.ScopeAs(Roles.Reviewer);
        await Service(reviewer).ReviewAsync(id, ReviewDecision.Approved, null, Ct);
        var history = await reviewer.ServiceProvider.GetRequiredService<Features.Audit.AuditService>().HistoryAsync("assessment", id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        var actions = history.Select(h => h.Action).ToList();
        Assert.Contains("assessment-created", actions);
        Assert.Contains("answer-saved", actions);
        Assert.Contains("assessment-submitted", actions);
        Assert.Contains("assessment-reviewed", actions);
        Assert.Contains(history, h => h.Action == "answer-saved" && h.NewValue!.Contains("full-parity"));
    }

    private async Task<int> SubmittedAsync()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        await Service(scope).SubmitAsync(id, true, Ct);
        return id;
    }

    private async Task<AssessmentStatus> StatusAsync(int id)
    {
        await using var db = await app.CreateDbContextAsync();
        return (await db.Assessments.AsNoTracking().SingleAsync(a => a.Id == id, Ct)).Status;
    }
}
