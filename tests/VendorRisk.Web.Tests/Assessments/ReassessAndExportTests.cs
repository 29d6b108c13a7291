using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Common;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Shared;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Assessments;

public sealed class ReassessAndExportTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Reassess_maps_answers_by_key_onto_the_newest_published_version_and_lists_new_and_changed_questions()
    {
        var key = "reassess-" + Guid.NewGuid().ToString("n")[..8];
        var original = JsonNode.Parse(await File.ReadAllTextAsync(TestData.SeedFile(TestData.Frontier), Ct))!;
        original["key"] = key;
        await TestData.EnsurePublishedAsync(app, key, original.ToJsonString());
        var vendorId = await TestData.CreateVendorAsync(app);

        int oldId;
        await using (var assessor = app.ScopeAs(Roles.Assessor))
        {
            var service = assessor.ServiceProvider.GetRequiredService<AssessmentService>();
            oldId = await service.CreateAsync(new CreateAssessmentRequest(vendorId, key), Ct);
            await service.SaveAnswersAsync(oldId,
            [
                TestData.Choice("region-gating", "some-gaps"),
                TestData.Choice("probing-traffic-policy", "spend-tiers"),
                new AnswerInput(new AnswerValue { QuestionKey = "price-input", Number = 2, Note = "list price", Evidence = new Evidence("Pricing page", EvidenceSource.PublicDocumentation, new DateOnly(2026, 1, 5)) }),
            ], Ct);
            await service.SubmitAsync(oldId, true, Ct);
        }
        await using (var reviewer = app.ScopeAs(Roles.Reviewer))
            await reviewer.ServiceProvider.GetRequiredService<AssessmentService>().ReviewAsync(oldId, ReviewDecision.Approved, null, Ct);

        // v2: region-gating loses the chosen option, a new question appears, probing-traffic-policy is reworded.
        var next = original.DeepClone();
        var sections = next["sections"]!.AsArray();
        foreach (var question in sections.SelectMany(s => s!["questions"]!.AsArray()))
        {
            if ((string?)question!["key"] == "region-gating")
                question["options"]!.AsArray().RemoveAt(1);
            if ((string?)question["key"] == "probing-traffic-policy")
                question["text"] = "Reworded: " + (string?)question["text"];
        }
        sections[0]!["questions"]!.AsArray().Add(JsonNode.Parse("""{ "key": "brand-new-question", "text": "A new question?", "type": "choice", "options": [ { "key": "yes", "label": "Yes", "score": 1 }, { "key": "no", "label": "No", "score": 0 } ] }"""));
        await TestData.EnsurePublishedAsync(app, key, next.ToJsonString());

        await using var scope = app.ScopeAs(Roles.Assessor);
        var result = await scope.ServiceProvider.GetRequiredService<AssessmentService>().ReassessAsync(oldId, Ct);

        var draft = await scope.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(result.AssessmentId, Ct);
        Assert.Equal(AssessmentStatus.Draft, draft.Status);
        Assert.Equal(2, draft.QuestionSetVersionNumber);
        Assert.Equal(oldId, draft.PreviousAssessmentId);
        Assert.Equal("spend-tiers", draft.Answers["probing-traffic-policy"].Value.Choice);
        Assert.Equal(2, draft.Answers["price-input"].Value.Number);
        Assert.Equal("Pricing page", draft.Answers["price-input"].Value.Evidence!.Description);
        Assert.False(draft.Answers.ContainsKey("region-gating"));
        Assert.Equal(["brand-new-question"], result.NewQuestionKeys);
        Assert.Contains("probing-traffic-policy", result.ChangedQuestionKeys);
        Assert.Contains(result.DroppedAnswers, d => d.QuestionKey == "region-gating" && d.Reason == DroppedAnswerReason.OptionRemoved);

        var notice = await scope.ServiceProvider.GetRequiredService<AssessmentService>().GetReassessmentNoticeAsync(result.AssessmentId, Ct);
        Assert.NotNull(notice);
        Assert.Equal(result.NewQuestionKeys, notice.NewQuestionKeys);
        Assert.Equal("region-gating", Assert.Single(notice.DroppedAnswers).QuestionKey);
    }

    [Theory]
    [InlineData("=1+2", "'=1+2")]
    [InlineData("+SUM(A1)", "'+SUM(A1)")]
    [InlineData("-2", "'-2")]
    [InlineData("@cmd", "'@cmd")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("plain = text", "plain = text")]
    [InlineData("", "")]
    public void A_cell_a_spreadsheet_would_run_as_a_formula_is_neutralised(string cell, string expected) =>
        Assert.Equal(expected, AnswersCsvExport.Neutralize(cell));

    [Fact]
    public async Task The_csv_export_has_one_row_per_question_and_neutralises_hostile_answers()
    {
        var id = await TestData.CreateDraftAsync(app);
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            await scope.ServiceProvider.GetRequiredService<AssessmentService>().SaveAnswersAsync(id,
            [
                new AnswerInput(new AnswerValue { QuestionKey = "pricing-notes", Text = "=HYPERLINK(\"http://evil\",\"x\")" }),
                new AnswerInput(new AnswerValue { QuestionKey = "region-gating", Choice = "full-parity", Note = "@SUM(1)", Evidence = new Evidence("-1+1", EvidenceSource.Contract, new DateOnly(2026, 3, 1)) }),
            ], Ct);
        }

        using var client = await app.SignedInClientAsync(Roles.Viewer);
        var response = await client.GetAsync($"/assessments/{id}/answers.csv", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);

        await using var db = await app.CreateDbContextAsync();
        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length;
        Assert.Contains("'=HYPERLINK", text);
        Assert.Contains("'@SUM(1)", text);
        Assert.Contains("'-1+1", text);
        Assert.Contains("contract", text);
        Assert.Contains("2026-03-01", text);
        Assert.DoesNotContain(",=HYPERLINK", text);
        Assert.DoesNotContain("\"=HYPERLINK", text);
        var questions = (await scope2()).QuestionSet.AllQuestions.Count();
        Assert.Equal(questions + 1, lines);

        async Task<AssessmentSnapshot> scope2()
        {
            await using var viewer = app.ScopeAs(Roles.Viewer);
            return await viewer.ServiceProvider.GetRequiredService<AssessmentReader>().GetAsync(id, Ct);
        }
    }

    [Fact]
    public async Task The_csv_export_needs_a_signed_in_user()
    {
        var id = await TestData.CreateDraftAsync(app);
        using var client = app.CreateRawClient();
        var response = await client.GetAsync(string.Create(CultureInfo.InvariantCulture, $"/assessments/{id}/answers.csv"), Ct);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
