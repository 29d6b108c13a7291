using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.Assessments;

/// <summary>A chosen radio cannot be unchosen: "Clear answer" takes a question back to unanswered, as the API's clear does.</summary>
public sealed class WizardClearAnswerTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Clear_answer_from_the_keyboard_drops_the_stored_answer_with_an_audit_entry_and_updates_the_live_score()
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Assessor);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var question = page.Locator("#q-buyer-eligibility");
        var clear = page.Locator("#q-buyer-eligibility-clear");
        var undo = page.Locator("#q-buyer-eligibility-undo");
        var progress = page.Locator("#section-eligibility-and-control");
        await Assertions.Expect(clear).ToHaveCountAsync(0);

        await question.Locator("input[type=radio]").First.ClickAsync();
        await Assertions.Expect(question.Locator("[data-save-state]")).ToContainTextAsync("Saved");
        await Assertions.Expect(progress).ToContainTextAsync("1 of");
        await Assertions.Expect(page.Locator("#live-score .vr-not-scored")).ToHaveCountAsync(0);

        await clear.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(clear).ToHaveCountAsync(0);
        await Assertions.Expect(undo).ToBeFocusedAsync();
        await Assertions.Expect(question.Locator("input[type=radio]:checked")).ToHaveCountAsync(0);
        await Assertions.Expect(progress).ToContainTextAsync("0 of");
        await Assertions.Expect(page.Locator("#live-score .vr-not-scored")).ToBeVisibleAsync();
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.Answers.AnyAsync(a => a.AssessmentId == id && a.QuestionKey == "buyer-eligibility", TestContext.Current.CancellationToken));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "answer-cleared" && e.EntityId == $"{id}/buyer-eligibility", TestContext.Current.CancellationToken));

        // A slip of the key is one more key press away from undone: the answer comes back as its next version.
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(undo).ToHaveCountAsync(0);
        await Assertions.Expect(question).ToBeFocusedAsync();
        await Assertions.Expect(question.Locator("input[type=radio]").First).ToBeCheckedAsync();
        await Assertions.Expect(progress).ToContainTextAsync("1 of");
        db.ChangeTracker.Clear();
        var restored = await db.Answers.SingleAsync(a => a.AssessmentId == id && a.QuestionKey == "buyer-eligibility", TestContext.Current.CancellationToken);
        Assert.Equal(2, restored.Version);

        await clear.ClickAsync();
        await Assertions.Expect(undo).ToBeVisibleAsync();

        // Stays unanswered after a reload (the undo was the page's, not the answer's), and can be answered again.
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(question.Locator("input[type=radio]:checked")).ToHaveCountAsync(0);
        await Assertions.Expect(undo).ToHaveCountAsync(0);
        await question.Locator("input[type=radio]").Last.ClickAsync();
        await Assertions.Expect(question.Locator("[data-save-state]")).ToContainTextAsync("Saved");
        await Assertions.Expect(clear).ToBeVisibleAsync();
    }
}
