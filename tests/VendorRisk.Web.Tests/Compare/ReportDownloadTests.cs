using System.Net;
using Microsoft.Extensions.DependencyInjection;
using UglyToad.PdfPig;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Features.Compare;
using VendorRisk.Web.Features.Shared;

namespace VendorRisk.Web.Tests.Compare;

public sealed class ReportDownloadTests(CompareScenarioFixture app) : IClassFixture<CompareScenarioFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Text(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Squeeze(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task The_assessment_report_downloads_as_a_pdf_with_the_vendor_and_the_engines_score()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);

        var response = await client.GetAsync($"/assessments/{app.NorthwindApproved}/report.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("vendor-risk-northwind-cognition-atlas-3-support-copilot-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        AssessmentSnapshot snapshot;
        await using (var scope = app.ScopeAs(Roles.Viewer))
            snapshot = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(app.NorthwindApproved, Ct);
        var text = Text(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains(Squeeze("Northwind Cognition"), text);
        Assert.Contains(ScoreFormat.Display(snapshot.Score.Overall), text);
    }

    [Fact]
    public async Task The_assessment_report_prints_every_question_and_answer_and_the_engines_verdict_with_knockouts_on_the_summary()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        AssessmentSnapshot snapshot;
        await using (var scope = app.ScopeAs(Roles.Viewer))
            snapshot = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(app.Lumenfall, Ct);
        // Scored again here, straight from the Domain engine, rather than trusting the app's snapshot.
        var engine = ScoringEngine.Score(snapshot.QuestionSet, snapshot.AnswerValues, snapshot.AsOf);
        Assert.NotEmpty(engine.Knockouts);

        var response = await client.GetAsync($"/assessments/{app.Lumenfall}/report.pdf", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var document = PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var pages = document.GetPages().Select(p => Squeeze(p.Text)).ToList();
        var all = string.Concat(pages);
        foreach (var question in snapshot.QuestionSet.AllQuestions)
        {
            Assert.Contains(Squeeze(question.Text), all);
            var value = snapshot.AnswerValues.GetValueOrDefault(question.Key);
            if (value is { NotApplicable: true })
                Assert.Contains(Squeeze("Not applicable" + value.Justification), all);
            else if (AnswerDisplay.Format(question, value) is { Length: > 0 } answer)
                Assert.Contains(Squeeze(answer), all);
        }

        var summary = Assert.Single(pages, p => p.Contains("Executivesummary", StringComparison.Ordinal));
        Assert.Contains(ScoreFormat.Display(engine.Overall), summary);
        Assert.Contains(Squeeze(engine.Rating!), summary);
        foreach (var knockout in engine.Knockouts)
            Assert.Contains(Squeeze(snapshot.QuestionSet.FindQuestion(knockout)!.Text), summary);

        // 73 questions with notes and evidence: a cover, a summary, the sections and the appendix.
        Assert.InRange(document.NumberOfPages, 5, 20);
    }

    [Fact]
    public async Task The_comparison_report_lists_every_vendor_with_the_engines_scores_and_the_weighting_name()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        int[] ids = [app.NorthwindApproved, app.Quillmoor, app.Zephyrine];

        var response = await client.GetAsync(
            $"/compare/report.pdf?ids={string.Join(",", ids)}&multipliers=usage-and-cost:3,safety-posture:0.5&profile=pilot&weighting=Cost%20first", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("vendor-comparison-", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        ComparisonResult expected;
        await using (var scope = app.ScopeAs(Roles.Viewer))
        {
            expected = await scope.ServiceProvider.GetRequiredService<CompareService>().CompareAsync(ids,
                new Dictionary<string, double> { ["usage-and-cost"] = 3, ["safety-posture"] = 0.5 }, null, Ct);
        }

        var text = Text(await response.Content.ReadAsByteArrayAsync(Ct));
        Assert.Contains("Costfirst", text);
        foreach (var ranked in expected.Ranking)
        {
            Assert.Contains(Squeeze(ranked.VendorName), text);
            Assert.Contains(ScoreFormat.Display(ranked.Overall), text);
        }

        // Ranking order: the leader's name appears before the others'.
        var positions = expected.Ranking.Select(r => text.IndexOf(Squeeze(r.VendorName), StringComparison.Ordinal)).ToList();
        Assert.Equal(positions.Order(), positions);
    }

    [Fact]
    public async Task The_comparison_reports_table_of_failed_controls_gives_each_knockouts_whole_question()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        AssessmentSnapshot snapshot;
        await using (var scope = app.ScopeAs(Roles.Viewer))
            snapshot = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(app.Zephyrine, Ct);
        var knockouts = ScoringEngine.Score(snapshot.QuestionSet, snapshot.AnswerValues, snapshot.AsOf).Knockouts;
        Assert.True(knockouts.Count > VendorRisk.Reports.Documents.ComparisonReport.MemoKnockouts, "The memo names some by key alone.");

        using var document = PdfDocument.Open(await client.GetByteArrayAsync($"/compare/report.pdf?ids={app.NorthwindApproved},{app.Zephyrine}", Ct));

        var table = Squeeze(Assert.Single(document.GetPages(), p => p.Text.Contains(VendorRisk.Reports.Documents.ComparisonReport.KnockoutsTitle, StringComparison.Ordinal)).Text);
        // Whole questions, not the short names the memo has room for ("Does the provider commit contractually to notify the buyer of…").
        Assert.All(knockouts, key => Assert.Contains(Squeeze(snapshot.QuestionSet.FindQuestion(key)!.Text), table));
    }

    [Fact]
    public async Task The_reports_say_each_rating_as_a_risk_level_as_the_app_does()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        AssessmentSnapshot snapshot;
        await using (var scope = app.ScopeAs(Roles.Viewer))
            snapshot = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(app.Lumenfall, Ct);
        var rating = snapshot.Score.Rating!;
        Assert.DoesNotContain("risk", rating, StringComparison.OrdinalIgnoreCase);

        using (var document = PdfDocument.Open(await client.GetByteArrayAsync($"/assessments/{app.Lumenfall}/report.pdf", Ct)))
        {
            var pages = document.GetPages().Select(p => Squeeze(p.Text)).ToList();
            Assert.Contains(Squeeze($"{rating} risk score"), pages[0]);
            var summary = Assert.Single(pages, p => p.Contains("Executivesummary", StringComparison.Ordinal));
            Assert.Contains(Squeeze($"Rating {rating} risk"), summary);
        }

        int[] ids = [app.NorthwindApproved, app.Quillmoor, app.Zephyrine];
        ComparisonResult expected;
        await using (var scope = app.ScopeAs(Roles.Viewer))
            expected = await scope.ServiceProvider.GetRequiredService<CompareService>().CompareAsync(ids, null, null, Ct);
        var text = Text(await client.GetByteArrayAsync($"/compare/report.pdf?ids={string.Join(",", ids)}", Ct));
        foreach (var ranked in expected.Ranking.Where(r => r.Rating is not null))
            Assert.Contains(ScoreFormat.Display(ranked.Overall) + Squeeze($"{ranked.Rating} risk"), text);
    }

    [Theory]
    [InlineData("ids=1", "ids")]
    [InlineData("ids=1,x", "ids")]
    [InlineData("ids=1,2&profile=inputTokens:5", "profile.outputTokens")]
    [InlineData("ids=1,2&multipliers=usage-and-cost:9", "multipliers")]
    public async Task A_bad_comparison_request_is_a_400_naming_the_parameter(string query, string field)
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var response = await client.GetAsync($"/compare/report.pdf?{query.Replace("1,2", $"{app.NorthwindApproved},{app.Quillmoor}")}", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(Ct));
    }

    [Fact]
    public async Task An_unknown_assessment_report_is_a_404()
    {
        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var response = await client.GetAsync("/assessments/987654/report.pdf", Ct);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_no_report()
    {
        using var client = app.CreateRawClient();
        var response = await client.GetAsync($"/assessments/{app.NorthwindApproved}/report.pdf", Ct);
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }
}
