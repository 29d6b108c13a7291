using System.Text;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.EndToEnd.Tests.Findings;

/// <summary>Conditions become owned findings with due dates; a knockout's risk is accepted on a pilot and revoked.</summary>
public sealed class FindingsJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string PilotSet = """
        {
          "format": "vendorrisk.question-set/1",
          "key": "e2e-pilot",
          "title": "Pilot screen",
          "ratingBands": [
            { "label": "Low", "minScore": 80 }, { "label": "Moderate", "minScore": 60 },
            { "label": "High", "minScore": 40 }, { "label": "Critical", "minScore": 0 }
          ],
          "sections": [
            { "key": "s", "title": "Controls", "weight": 1, "questions": [
              { "key": "guard", "text": "Is there an output guard?", "type": "choice", "weight": 1, "critical": true, "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] },
              { "key": "sla", "text": "Is there an SLA?", "type": "choice", "weight": 9, "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] }
            ] }
          ]
        }
        """;

    private static readonly SemaphoreSlim SetGate = new(1, 1);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A submitted pilot on the e2e set: score 90 (Low) with the output guard failed, so capped at High.</summary>
    private async Task<int> SubmittedPilotAsync()
    {
        await SetGate.WaitAsync(Ct);
        try
        {
            await using var db = await app.CreateDbContextAsync();
            if (!await db.QuestionSets.AnyAsync(s => s.Key == "e2e-pilot", Ct))
            {
                await using var admin = app.ScopeAs(Roles.Admin);
                var sets = admin.ServiceProvider.GetRequiredService<QuestionSetService>();
                var imported = await sets.ImportAsync(Encoding.UTF8.GetBytes(PilotSet), Ct);
                await sets.PublishAsync(imported.Key, imported.Version, Ct);
            }
        }
        finally
        {
            SetGate.Release();
        }

        await using var scope = app.ScopeAs(Roles.Assessor);
        var vendorId = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(
            new VendorRequest($"Pilot Labs {Guid.NewGuid():n}"[..21], null, null, [], null, [], null, null, [], null), Ct);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var id = await assessments.CreateAsync(new CreateAssessmentRequest(vendorId, "e2e-pilot", Title: "Contract review pilot"), Ct);
        await assessments.SaveAnswersAsync(id,
        [
            new AnswerInput(new AnswerValue { QuestionKey = "guard", Choice = "no" }),
            new AnswerInput(new AnswerValue { QuestionKey = "sla", Choice = "yes" }),
        ], Ct);
        await assessments.SubmitAsync(id, confirmIncomplete: false, Ct);
        return id;
    }

    [Fact]
    public async Task Approving_with_two_conditions_makes_two_owned_findings_one_is_resolved_and_the_other_shows_overdue_on_the_dashboard()
    {
        var id = await SubmittedPilotAsync();
        var page = await app.SignedInPageAsync(Roles.Reviewer);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.ClickAsync("#review-assessment");
        await page.Locator("#review-decision").GetByText("Approve with conditions").ClickAsync();
        // The conditions are written once, as rows: the comment left empty lists them.
        await page.ClickAsync("#add-condition");
        await FillConditionAsync(page, 0, "Sign the data processing addendum", "Test Assessor");
        await FillConditionAsync(page, 1, "Enable prompt logging", "Test Assessor");
        await page.ClickAsync("#review-submit");
        await Assertions.Expect(page.Locator("#review-comment-alert")).ToContainTextAsync("1. Sign the data processing addendum");
        await Assertions.Expect(page.Locator("#review-comment-alert")).ToContainTextAsync("2. Enable prompt logging");

        // Both conditions are findings with an owner, on the assessment's Findings tab.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Findings" }).ClickAsync();
        var rows = page.Locator(".vr-findings tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.Filter(new() { HasText = "Sign the data processing addendum" })).ToContainTextAsync("Test Assessor");
        await Assertions.Expect(rows.Filter(new() { HasText = "Enable prompt logging" })).ToContainTextAsync("Condition");

        // The owner resolves one.
        var page2 = await app.SignedInPageAsync(Roles.Assessor);
        await page2.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page2);
        await page2.GetByRole(AriaRole.Tab, new() { Name = "Findings" }).ClickAsync();
        var dpa = page2.Locator(".vr-findings tbody tr").Filter(new() { HasText = "Sign the data processing addendum" });
        await dpa.GetByRole(AriaRole.Button, new() { Name = "Resolve" }).ClickAsync();
        await Assertions.Expect(dpa.Locator(".vr-finding-status")).ToHaveTextAsync("Resolved");

        // Time passes: the other condition's due date goes by.
        int loggingId;
        await using (var db = await app.CreateDbContextAsync())
        {
            var logging = await db.Findings.SingleAsync(f => f.AssessmentId == id && f.Title == "Enable prompt logging", Ct);
            logging.DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1);
            await db.SaveChangesAsync(Ct);
            loggingId = logging.Id;
        }

        await page2.GotoAsync("/");
        await BrowserFixture.WaitForInteractiveAsync(page2);
        var mine = page2.Locator($"#my-findings #finding-{loggingId}");
        await Assertions.Expect(mine).ToContainTextAsync("Enable prompt logging");
        await Assertions.Expect(mine).ToContainTextAsync("Overdue");
        await Assertions.Expect(page2.Locator("#my-findings")).Not.ToContainTextAsync("Sign the data processing addendum");
        await Assertions.Expect(page2.Locator("#dashboard-finding-counts .vr-overdue-count")).Not.ToHaveTextAsync("0");
    }

    [Fact]
    public async Task Accepting_a_pilot_knockout_uncaps_the_rating_and_says_why_and_revoking_caps_it_again()
    {
        var id = await SubmittedPilotAsync();
        var page = await app.SignedInPageAsync(Roles.Reviewer);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var score = page.Locator("#assessment-score");
        await Assertions.Expect(score.Locator(".vr-rating-chip").First).ToHaveTextAsync("High risk");
        await Assertions.Expect(score).ToContainTextAsync("Knockout: Is there an output guard");

        await page.GetByRole(AriaRole.Tab, new() { Name = "Findings" }).ClickAsync();
        await page.ClickAsync("#accept-guard");
        await page.Locator("#justification").FillAsync("Pilot on public contract templates only.");
        await page.ClickAsync("#justification-submit");

        await Assertions.Expect(score.Locator(".vr-rating-chip").First).ToHaveTextAsync("Low risk");
        await Assertions.Expect(score).ToContainTextAsync(new Regex(@"risk accepted by Test Reviewer until \d{4}-\d{2}-\d{2}"));
        await Assertions.Expect(page.Locator("#knockout-guard")).ToContainTextAsync("Accepted by Test Reviewer");

        await page.ClickAsync("#revoke-guard");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Assertions.Expect(score.Locator(".vr-rating-chip").First).ToHaveTextAsync("High risk");
        await Assertions.Expect(score).Not.ToContainTextAsync("risk accepted");
        await Assertions.Expect(page.Locator("#knockout-acceptances")).ToContainTextAsync("revoked by Test Reviewer");
    }

    private static async Task FillConditionAsync(IPage page, int index, string title, string owner)
    {
        await page.Locator($"#condition-{index}-title").FillAsync(title);
        await BrowserFixture.ChooseAsync(page, page.Locator($"#condition-{index}").GetByRole(AriaRole.Combobox, new() { Name = "Owner" }), owner);
    }
}
