using System.Text.RegularExpressions;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.EndToEnd.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.Assessments;

/// <summary>Issue 5: the whole journey of a new user, from an empty vendor list to a rating on the vendor page.</summary>
public sealed class AssessmentJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string ChoiceQuestion = "buyer-eligibility";
    private const string ChoiceLabel = "Provider confirmed in writing that no entity of the group is restricted";
    private const string MultiQuestion = "tenant-abuse-controls";
    private static readonly string[] MultiLabels =
    [
        "Per-organisation and per-project quotas",
        "Scoped, expiring API keys",
    ];
    private const string NumberQuestion = "price-input";

    [Fact]
    public async Task An_assessor_answers_and_submits_and_a_reviewer_approves_with_conditions_and_the_vendor_shows_the_rating()
    {
        var page = await app.SignedInPageAsync(Roles.Assessor);
        var vendorName = $"Journey Labs {Guid.NewGuid():n}"[..24];

        // Create a vendor through the vendors page dialog.
        await page.GotoAsync("/vendors");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#new-vendor");
        await page.Locator("#vendor-name").FillAsync(vendorName);
        await page.ClickAsync("#vendor-save");
        await page.WaitForURLAsync(new Regex(@"/vendors/\d+$"));
        var vendorUrl = new Uri(page.Url).AbsolutePath;
        await Assertions.Expect(page.Locator("#vendor-title")).ToContainTextAsync(vendorName);

        // Start an assessment on the default set (preselected in the dialog).
        await page.ClickAsync("#new-assessment");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Question set (published version)" }))
            .ToHaveValueAsync(new Regex("^Frontier AI vendor buyer checklist — v"));
        await page.ClickAsync("#na-create");
        await page.WaitForURLAsync(new Regex(@"/assessments/\d+$"));
        var assessmentUrl = new Uri(page.Url).AbsolutePath;
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Section 1: a radio choice; section 2: a multi (two checkboxes); clicks save at once.
        var choice = page.Locator($"#q-{ChoiceQuestion}");
        await choice.GetByRole(AriaRole.Radio, new() { Name = ChoiceLabel }).CheckAsync();
        await ExpectSavedAsync(page, ChoiceQuestion);
        await page.ClickAsync("#next-section");
        var multi = page.Locator($"#q-{MultiQuestion}");
        foreach (var label in MultiLabels)
        {
            await multi.GetByRole(AriaRole.Checkbox, new() { Name = label }).CheckAsync();
            await ExpectSavedAsync(page, MultiQuestion);
        }

        // The usage section: a number (typing is debounced).
        await page.ClickAsync("#section-usage-and-cost");
        await page.Locator($"#q-{NumberQuestion}-number").FillAsync("2.5");
        await ExpectSavedAsync(page, NumberQuestion);

        // Reload: the wizard opens where we left off and every answer is still there.
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator($"#q-{NumberQuestion}-number")).ToHaveValueAsync("2.5");
        await page.ClickAsync("#section-eligibility-and-control");
        await Assertions.Expect(page.Locator($"#q-{ChoiceQuestion}").GetByRole(AriaRole.Radio, new() { Name = ChoiceLabel })).ToBeCheckedAsync();
        await page.ClickAsync("#section-security-and-data-protection");
        foreach (var label in MultiLabels)
            await Assertions.Expect(page.Locator($"#q-{MultiQuestion}").GetByRole(AriaRole.Checkbox, new() { Name = label })).ToBeCheckedAsync();

        // Submit, confirming that it is incomplete. Enter at once keeps editing: the safe answer has the focus.
        await page.ClickAsync("#submit-assessment");
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Keep editing" })).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".mud-dialog")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#submit-assessment")).ToBeVisibleAsync();
        await page.ClickAsync("#submit-assessment");
        await page.GetByRole(AriaRole.Button, new() { Name = "Submit incomplete" }).ClickAsync();
        await Assertions.Expect(page.Locator("#submit-assessment")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#assessment-score")).ToBeVisibleAsync();

        await SignOutAsync(page);

        // The reviewer approves with conditions; the conditions are required, written once as rows.
        await BrowserFixture.SignInAsync(page, BrowserFixture.EmailOf(Roles.Reviewer), BrowserFixture.Password);
        await page.GotoAsync(assessmentUrl);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#review-assessment");
        await page.Locator("#review-decision").GetByText("Approve with conditions").ClickAsync();
        await page.ClickAsync("#review-submit");
        await Assertions.Expect(page.Locator(".mud-dialog").GetByText("Say what the condition is.")).ToBeVisibleAsync();
        await page.Locator("#review-comment").FillAsync("Enable spend caps before production use.");
        // Each condition is a finding with an owner and a due date (the due date defaults to 30 days ahead).
        await page.Locator("#condition-0-title").FillAsync("Enable spend caps");
        await BrowserFixture.ChooseAsync(page, page.Locator("#condition-0").GetByRole(AriaRole.Combobox, new() { Name = "Owner" }), "Test Assessor");
        await page.ClickAsync("#review-submit");
        await Assertions.Expect(page.Locator("#review-comment-alert")).ToContainTextAsync("Enable spend caps before production use.");
        var score = (await page.Locator("#assessment-score .vr-num").InnerTextAsync()).Trim();
        var rating = (await page.Locator("#assessment-score .vr-rating-chip").First.InnerTextAsync()).Trim();
        Assert.Matches(@"\d", score);
        Assert.Contains(rating, new[] { "Low risk", "Moderate risk", "High risk", "Critical risk" });

        // The vendor page shows that score and rating.
        await page.GotoAsync(vendorUrl);
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#vendor-rating .vr-num")).ToHaveTextAsync(score);
        await Assertions.Expect(page.Locator("#vendor-rating .vr-rating-chip").First).ToHaveTextAsync(rating);
    }

    private static async Task ExpectSavedAsync(IPage page, string questionKey) =>
        await Assertions.Expect(page.Locator($"#q-{questionKey} .vr-save-state")).ToHaveAttributeAsync("data-save-state", "saved");

    private static async Task SignOutAsync(IPage page)
    {
        await page.GotoAsync("/account/sign-out");
        await page.ClickAsync("#confirm-sign-out");
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-out"));
    }
}
