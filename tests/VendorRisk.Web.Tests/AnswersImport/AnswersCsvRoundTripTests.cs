using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments.Import;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.AnswersImport;

/// <summary>The answers export read back by the import, against the real app and database.</summary>
public sealed class AnswersCsvRoundTripTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> AnsweredDraftAsync()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using var scope = app.ScopeAs(Roles.Assessor);
        await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswersAsync(id,
        [
            TestData.Choice("budget-caps", "org-hard-cap"),
            new(new AnswerValue { QuestionKey = "tenant-abuse-controls", Choices = ["org-quotas", "scoped-keys"], Note = "=SUM(A1) per project" }),
            new(new AnswerValue { QuestionKey = "price-input", Number = 3.5 }),
            new(new AnswerValue { QuestionKey = "pricing-notes", Text = "Volume discounts, \"tiered\"\nabove 5B tokens." }),
            new(new AnswerValue { QuestionKey = "region-gating", NotApplicable = true, Justification = "Single region." }),
            new(new AnswerValue
            {
                QuestionKey = "red-teaming", Choice = "external-pre-release",
                Evidence = new Evidence("SOC 2 report §4", EvidenceSource.IndependentTest, new DateOnly(2026, 6, 30)),
            }),
        ], Ct);
        return id;
    }

    private async Task<(AssessmentSnapshot Snapshot, string Csv)> ExportAsync(int id)
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        var snapshot = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id);
        return (snapshot, Encoding.UTF8.GetString(AnswersCsvExport.Render(snapshot)));
    }

    private async Task<AssessmentSnapshot> ReadAsync(int id)
    {
        await using var scope = app.ScopeAs(Roles.Viewer);
        return await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id);
    }

    [Fact]
    public async Task Importing_the_export_unchanged_changes_nothing()
    {
        var id = await AnsweredDraftAsync();
        var (snapshot, csv) = await ExportAsync(id);

        var preview = AnswersCsvImport.Preview(snapshot, new StringReader(csv));

        Assert.Empty(preview.Errors);
        Assert.Empty(preview.Changes);
        Assert.Equal(snapshot.QuestionSet.Sections.Sum(s => s.Questions.Count), preview.UnchangedRows);
        Assert.False(preview.CanApply);
    }

    [Fact]
    public async Task An_edited_export_applies_all_its_changes_through_the_service()
    {
        var id = await AnsweredDraftAsync();
        var (snapshot, csv) = await ExportAsync(id);
        var budgetLabel = snapshot.QuestionSet.FindQuestion("budget-caps")!.Options.Single(o => o.Key == "org-hard-cap").Label;
        var alertsLabel = snapshot.QuestionSet.FindQuestion("budget-caps")!.Options.Single(o => o.Key == "alerts-only").Label;
        var edited = csv.Replace(budgetLabel, alertsLabel, StringComparison.Ordinal);
        var preview = AnswersCsvImport.Preview(snapshot, new StringReader(edited));
        Assert.Empty(preview.Errors);

        await using (var scope = app.ScopeAs(Roles.Assessor))
            Assert.Equal(1, await AnswersCsvApply.ApplyAsync(scope.ServiceProvider.GetRequiredService<AssessmentService>(), id, preview, Ct));

        var after = await ReadAsync(id);
        Assert.Equal("alerts-only", after.Answers["budget-caps"].Value.Choice);
        Assert.Equal(2, after.Answers["budget-caps"].Version);
        Assert.Equal(snapshot.Answers["red-teaming"], after.Answers["red-teaming"]);
    }

    [Fact]
    public async Task A_change_saved_after_the_preview_makes_the_whole_apply_a_conflict_that_changes_nothing()
    {
        var id = await AnsweredDraftAsync();
        var (snapshot, csv) = await ExportAsync(id);
        var question = snapshot.QuestionSet.FindQuestion("budget-caps")!;
        var edited = csv.Replace(question.Options.Single(o => o.Key == "org-hard-cap").Label, question.Options.Single(o => o.Key == "none").Label, StringComparison.Ordinal)
            .Replace("Single region.", "Two regions.", StringComparison.Ordinal);
        var preview = AnswersCsvImport.Preview(snapshot, new StringReader(edited));
        Assert.Equal(2, preview.Changes.Count);

        await using var scope = app.ScopeAs(Roles.Assessor);
        var service = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        await service.SaveAnswersAsync(id, [TestData.Choice("budget-caps", "alerts-only")], Ct);

        await Assert.ThrowsAsync<ConflictException>(() => AnswersCsvApply.ApplyAsync(service, id, preview, Ct));
        var after = await ReadAsync(id);
        Assert.Equal("alerts-only", after.Answers["budget-caps"].Value.Choice);
        Assert.Equal("Single region.", after.Answers["region-gating"].Value.Justification);
    }

    [Fact]
    public async Task A_file_with_a_bad_row_names_the_row_and_cannot_be_applied()
    {
        var id = await AnsweredDraftAsync();
        var (snapshot, csv) = await ExportAsync(id);
        var label = snapshot.QuestionSet.FindQuestion("budget-caps")!.Options.Single(o => o.Key == "org-hard-cap").Label;
        var preview = AnswersCsvImport.Preview(snapshot, new StringReader(csv.Replace(label, "Whenever we feel like it", StringComparison.Ordinal)));

        var error = Assert.Single(preview.Errors);
        Assert.True(error.Row > 1);
        await using var scope = app.ScopeAs(Roles.Assessor);
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(
            () => AnswersCsvApply.ApplyAsync(scope.ServiceProvider.GetRequiredService<AssessmentService>(), id, preview, Ct));
        Assert.Equal(["file"], refused.Errors.Keys);
        Assert.Equal("org-hard-cap", (await ReadAsync(id)).Answers["budget-caps"].Value.Choice);
    }
}
