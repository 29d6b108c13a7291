using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Components;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

public sealed class AssessmentPageTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private async Task<int> ReviewedAsync(ReviewDecision decision, params AnswerInput[] answers)
    {
        var id = await TestData.CreateDraftAsync(App);
        await using (var assessor = App.ScopeAs(Roles.Assessor))
        {
            var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
            if (answers.Length > 0)
                await service.SaveAnswersAsync(id, answers, Ct);
            await service.SubmitAsync(id, true, Ct);
        }

        await using var reviewer = App.ScopeAs(Roles.Reviewer);
        await reviewer.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(id, decision,
            decision == ReviewDecision.Approved ? null : "Sign the DPA first.", Ct);
        return id;
    }

    private static IReadOnlyList<string> TabTexts(IRenderedComponent<AssessmentPage> cut) =>
        [.. cut.FindAll("#assessment-tabs .mud-tab").Select(t => t.TextContent.Trim())];

    [Theory]
    [InlineData(ReviewDecision.Approved)]
    [InlineData(ReviewDecision.Rejected)]
    public async Task Every_assessment_offers_its_PDF_report_whatever_its_status(ReviewDecision decision)
    {
        var reviewed = await ReviewedAsync(decision);
        var draft = await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Assessor);
        RenderProviders();

        foreach (var id in new[] { reviewed, draft })
        {
            var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));
            var button = cut.WaitForElement("#export-assessment-pdf");
            Assert.Contains("Export PDF", button.TextContent, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Tabs_keep_their_order_when_a_reviewed_assessment_is_reassessed_in_the_same_session()
    {
        var approved = await ReviewedAsync(ReviewDecision.Approved);
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, approved));
        cut.WaitForElement("#assessment-tabs");
        Assert.Equal(["Answers and score", "Evidence files", "Findings", "Vendor portal", "History"], TabTexts(cut));

        int reassessed;
        await using (var assessor = App.ScopeAs(Roles.Assessor))
            reassessed = (await assessor.ServiceProvider.GetRequiredService<AssessmentService>().ReassessAsync(approved, Ct)).AssessmentId;
        // What the Reassess button does: navigate to the new draft, which the same page instance shows.
        cut.Render(p => p.Add(x => x.Id, reassessed));

        cut.WaitForAssertion(() => Assert.Equal(["Questionnaire", "Score breakdown", "Evidence files", "Findings", "Vendor portal", "History"], TabTexts(cut)));
    }

    [Fact]
    public async Task Knockouts_are_named_by_the_questions_short_text_with_the_key_as_tooltip()
    {
        var id = await ReviewedAsync(ReviewDecision.Rejected);
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        var names = cut.WaitForElements("#assessment-score .vr-knockout-name");
        var exitPlan = Assert.Single(names, n => n.GetAttribute("title") == "exit-plan");
        var text = TestData.FrontierSet.FindQuestion("exit-plan")!.Text;
        Assert.Equal(QuestionNames.Short(text), exitPlan.TextContent.Trim());
        Assert.True(exitPlan.TextContent.Trim().Length < text.Length, "the short name is shorter than the question");
        Assert.DoesNotContain(names, n => n.TextContent.Contains('…') && n.TextContent.Length > QuestionNames.MaxLength + 1);
    }

    [Fact]
    public async Task Evidence_strength_is_rounded_as_the_report_rounds_it()
    {
        // One answer backed by a two-year-old vendor attestation: 25, halved for its age = 12.5.
        var answer = new AnswerInput(new AnswerValue
        {
            QuestionKey = "region-gating", Choice = "full-parity",
            Evidence = new Evidence("Their word", EvidenceSource.VendorAttestation, DateOnly.FromDateTime(DateTime.UtcNow).AddYears(-2)),
        });
        var id = await ReviewedAsync(ReviewDecision.Approved, answer);
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        var score = cut.WaitForElement("#assessment-score");
        var caption = System.Text.RegularExpressions.Regex.Replace(score.QuerySelector(".mud-typography-caption")!.TextContent, @"\s+", " ").Trim();
        Assert.EndsWith($"evidence strength {ScoreFormat.Display(12.5)} of 100", caption, StringComparison.Ordinal);
        // The figure says what it is where it is shown.
        Assert.Equal(EvidenceStrengthText.Meaning, score.QuerySelector(".vr-explained")!.GetAttribute("title"));
    }

    [Fact]
    public async Task An_autosave_redraws_the_wizard_but_not_the_page_around_it()
    {
        var id = await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("#live-score");
        var wizard = cut.FindComponent<AssessmentWizard>();

        async Task AnswerAsync(int question)
        {
            var option = cut.FindAll("[data-question]")[question].QuerySelector("input[type=radio]")!;
            var key = option.Closest("[data-question]")!.GetAttribute("data-question");
            await option.ChangeAsync(new ChangeEventArgs { Value = option.GetAttribute("value") });
            cut.WaitForAssertion(() => Assert.Equal("saved", cut.Find($"[data-question='{key}'] [data-save-state]").GetAttribute("data-save-state")));
        }

        // A component's render count includes its children's, so the page's own renders are counted on its title, a child
        // drawn again whenever the page is. The first save also lets the page finish loading on a busy machine.
        var title = cut.FindComponent<Microsoft.AspNetCore.Components.Web.PageTitle>();
        await AnswerAsync(0);
        var pageRenders = title.RenderCount;
        var wizardRenders = wizard.RenderCount;
        await AnswerAsync(1);

        Assert.True(wizard.RenderCount > wizardRenders, "the wizard draws its live score again");
        Assert.Equal(pageRenders, title.RenderCount);
    }
}

public sealed class NotScoredYetTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    private static string Text(AngleSharp.Dom.IElement element) =>
        System.Text.RegularExpressions.Regex.Replace(element.TextContent, @"\s+", " ").Trim();

    /// <summary>A draft with one answer (not a critical question's).</summary>
    [Fact]
    public async Task An_empty_draft_is_not_scored_yet_rather_than_zero_and_critical()
    {
        var id = await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        var score = cut.WaitForElement("#assessment-score");
        Assert.Contains(ShownScore.NotScoredText, Text(score), StringComparison.Ordinal);
        Assert.DoesNotContain("Critical", Text(score), StringComparison.Ordinal);
        Assert.DoesNotContain("0.0", Text(score), StringComparison.Ordinal);
        Assert.Empty(score.QuerySelectorAll(".vr-knockout-name"));
    }

    [Fact]
    public async Task The_assessors_live_score_of_an_empty_draft_is_not_scored_yet()
    {
        var id = await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        var live = cut.WaitForElement("#live-score");
        Assert.Contains(ShownScore.NotScoredText, Text(live), StringComparison.Ordinal);
        Assert.Empty(live.QuerySelectorAll(".vr-knockout-name"));
    }

    [Fact]
    public async Task A_draft_names_no_knockout_for_an_unanswered_critical_question()
    {
        var id = await TestData.CreatePartlyAnsweredDraftAsync(App);
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        var score = cut.WaitForElement("#assessment-score");
        Assert.DoesNotContain(ShownScore.NotScoredText, Text(score), StringComparison.Ordinal);
        Assert.DoesNotContain(score.QuerySelectorAll(".vr-knockout-name"), n => n.GetAttribute("title") == "exit-plan");
    }

    [Theory]
    [InlineData(Roles.Viewer, "#assessment-score")]
    [InlineData(Roles.Assessor, "#live-score")]
    public async Task A_partly_answered_draft_says_its_unanswered_questions_count_as_zero(string role, string scoreBox)
    {
        var id = await TestData.CreatePartlyAnsweredDraftAsync(App);
        SignInAs(role);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        Assert.Contains(ShownScore.ProvisionalText, Text(cut.WaitForElement(scoreBox)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_assessments_list_marks_a_partly_answered_drafts_score_as_so_far()
    {
        var id = await TestData.CreatePartlyAnsweredDraftAsync(App);
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<AssessmentsPage>();

        cut.WaitForAssertion(() =>
        {
            var row = cut.FindAll("tr").First(r => r.QuerySelector($"a[href=\"/assessments/{id}\"]") is not null);
            Assert.Equal("so far", row.QuerySelector(".vr-provisional")?.TextContent.Trim());
        });
    }

    [Fact]
    public async Task A_question_with_an_evidence_file_opens_its_note_and_evidence_and_counts_the_file_in_their_summary()
    {
        var id = await TestData.CreateDraftAsync(App);
        await using (var assessor = App.ScopeAs(Roles.Assessor))
            await assessor.ServiceProvider.GetRequiredService<VendorRisk.Web.Features.EvidenceFiles.UploadEvidenceFileHandler>().HandleAsync(
                new VendorRisk.Web.Features.EvidenceFiles.EvidenceUpload(id, "buyer-eligibility", "attestation.pdf", new MemoryStream(VendorRisk.Web.Tests.EvidenceFiles.EvidenceSamples.Pdf)),
                Xunit.TestContext.Current.CancellationToken);
        SignInAs(Roles.Assessor);
        RenderProviders();

        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));

        var toggle = cut.WaitForElement("#q-buyer-eligibility-details-toggle");
        Assert.Equal("true", toggle.GetAttribute("aria-expanded"));
        Assert.Contains("Note and evidence — 1 file", Text(toggle), StringComparison.Ordinal);
        Assert.All(cut.FindAll("[id$='-details-toggle']").Where(t => t.Id != toggle.Id), t => Assert.Equal("false", t.GetAttribute("aria-expanded")));
        cut.WaitForAssertion(() => Assert.Contains("attestation.pdf", cut.Find("#q-buyer-eligibility-details").TextContent, StringComparison.Ordinal));

        // A second file in the panel counts at once; another section and back, the editors are new and the wizard kept it.
        // Not inside InvokeAsync: UploadFiles waits for the handler, whose database awaits need the renderer's dispatcher.
        cut.FindComponent<Microsoft.AspNetCore.Components.Forms.InputFile>().UploadFiles(
            InputFileContent.CreateFromBinary(VendorRisk.Web.Tests.EvidenceFiles.EvidenceSamples.Pdf, "contract.pdf"));
        cut.WaitForAssertion(() => Assert.Contains("2 files", Text(cut.Find("#q-buyer-eligibility-details-toggle")), StringComparison.Ordinal));
        await cut.InvokeAsync(() => cut.Find("#section-security-and-data-protection").Click());
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("#q-buyer-eligibility-details-toggle")));
        await cut.InvokeAsync(() => cut.Find("#section-eligibility-and-control").Click());
        cut.WaitForAssertion(() => Assert.Contains("2 files", Text(cut.Find("#q-buyer-eligibility-details-toggle")), StringComparison.Ordinal));
        Assert.Equal("true", cut.Find("#q-buyer-eligibility-details-toggle").GetAttribute("aria-expanded"));
    }

    [Fact]
    public void Only_an_incomplete_draft_is_provisional()
    {
        AssessmentScore Score(double completeness) => new(40, "High", "High", [], completeness, null, [], []);

        Assert.True(ShownScore.Of(AssessmentStatus.Draft, ["q1"], Score(25)).Provisional);
        Assert.False(ShownScore.Of(AssessmentStatus.Draft, ["q1"], Score(100)).Provisional);
        Assert.False(ShownScore.Of(AssessmentStatus.Submitted, ["q1"], Score(25)).Provisional);
        Assert.False(ShownScore.Of(AssessmentStatus.Draft, Array.Empty<string>(), Score(0)).Provisional);
    }

    [Fact]
    public async Task The_assessments_list_says_not_scored_yet_for_an_empty_draft()
    {
        var id = await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<AssessmentsPage>();

        cut.WaitForAssertion(() =>
        {
            var row = cut.FindAll("tr").First(r => r.QuerySelector($"a[href=\"/assessments/{id}\"]") is not null);
            Assert.Contains(ShownScore.NotScoredText, Text(row), StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task The_assessments_list_takes_its_sort_and_page_size_from_the_address()
    {
        await TestData.CreateDraftAsync(App);
        await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Viewer);
        RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/assessments?sort=title&desc=true&size=50");
        var cut = Render<AssessmentsPage>();

        cut.WaitForAssertion(() =>
        {
            var titles = cut.FindAll("tbody tr td:first-child a[href^='/assessments/']").Select(a => a.TextContent.Trim()).ToList();
            Assert.True(titles.Count >= 2);
            Assert.True(titles.OrderDescending(StringComparer.Ordinal).SequenceEqual(titles), string.Join(" | ", titles));
            Assert.Contains("50", cut.Find(".mud-table-pagination-select").TextContent, StringComparison.Ordinal);
        });
    }
}

public sealed class AssessmentHistoryTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private static readonly string Other = TestData.FrontierSet
        .FindQuestion("region-gating")!.Options.First(o => o.Key != "full-parity").Key;

    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_history_tells_an_answer_change_as_a_sentence_with_the_question_and_the_options()
    {
        var id = await TestData.CreateDraftAsync(App);
        await using (var assessor = App.ScopeAs(Roles.Assessor))
        {
            var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
            await service.SaveAnswersAsync(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "full-parity" })], Ct);
            var version = (await assessor.ServiceProvider.GetRequiredService<VendorRisk.Web.Features.Shared.AssessmentReader>().GetAsync(id, Ct)).Answers["region-gating"].Version;
            await service.SaveAnswersAsync(id, [new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = Other }, ExpectedVersion: version)], Ct);
        }

        var set = TestData.FrontierSet;
        var question = set.FindQuestion("region-gating")!;
        var label = question.Options.Single(o => o.Key == "full-parity").Label;
        var otherLabel = question.Options.Single(o => o.Key == Other).Label;
        SignInAs(Roles.Viewer);
        RenderProviders();
        var cut = Render<AssessmentPage>(p => p.Add(x => x.Id, id));
        cut.WaitForElement("#assessment-tabs");
        // Find and click on the renderer, so a re-render of the loading page cannot swap the tab in between.
        await cut.InvokeAsync(() => cut.FindAll("#assessment-tabs .mud-tab").First(t => t.TextContent.Contains("History", StringComparison.Ordinal)).Click());

        cut.WaitForAssertion(() =>
        {
            var history = System.Text.RegularExpressions.Regex.Replace(cut.Find("#history").TextContent, @"\s+", " ");
            Assert.Contains($"answered “{QuestionNames.Short(question.Text)}”: {label}", history, StringComparison.Ordinal);
            Assert.Contains($"changed “{QuestionNames.Short(question.Text)}” from {label} to {otherLabel}", history, StringComparison.Ordinal);
            Assert.DoesNotContain("{", history, StringComparison.Ordinal);
            Assert.DoesNotContain("answer-saved", history, StringComparison.Ordinal);
        });
    }
}
