using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.EndToEnd.Tests.Shell;

/// <summary>
/// The plain tab strip and account menu (ADR 0052) keep the keyboard use of the components they replace; Enter in the
/// wizard moves on in the browser, without a round trip.
/// </summary>
public sealed class LightShellKeyboardTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    [Fact]
    public async Task Arrow_keys_Home_and_End_move_between_the_assessment_tabs_and_open_them()
    {
        await using var db = await app.CreateDbContextAsync();
        var id = await db.Assessments.Where(a => a.Status == AssessmentStatus.Approved || a.Status == AssessmentStatus.ApprovedWithConditions).Select(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        var page = await app.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);

        var first = page.GetByRole(AriaRole.Tab, new() { Name = "Answers and score" });
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await first.FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        var evidence = page.GetByRole(AriaRole.Tab, new() { Name = "Evidence files" });
        await Assertions.Expect(evidence).ToBeFocusedAsync();
        await Assertions.Expect(evidence).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.GetByRole(AriaRole.Tabpanel, new() { Name = "Evidence files" })).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("End");
        var history = page.GetByRole(AriaRole.Tab, new() { Name = "History" });
        await Assertions.Expect(history).ToBeFocusedAsync();
        await Assertions.Expect(page.Locator("#history")).ToBeVisibleAsync();

        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(first).ToBeFocusedAsync();
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("ArrowLeft");
        await Assertions.Expect(history).ToHaveAttributeAsync("aria-selected", "true");
        await page.Keyboard.PressAsync("Home");
        await Assertions.Expect(first).ToHaveAttributeAsync("aria-selected", "true");
        await Assertions.Expect(page.Locator("[role=tab][tabindex='0']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Skip_to_main_content_stays_on_the_page_and_moves_the_focus_to_its_content()
    {
        var page = await app.SignedInPageAsync(Roles.Viewer);
        await page.GotoAsync("/assessments");
        await BrowserFixture.WaitForInteractiveAsync(page);

        // Under <base href="/"> its "#main-content" used to open the dashboard.
        await page.Locator(".vr-skip-link").FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#main-content")).ToBeFocusedAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/assessments$"));
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Assessments");
    }

    [Fact]
    public async Task The_account_menu_opens_from_the_keyboard_and_closes_on_Escape_and_outside_clicks()
    {
        var page = await app.SignedInPageAsync(Roles.Assessor);
        await BrowserFixture.WaitForInteractiveAsync(page);
        // A <summary>: Chromium exposes it as a disclosure triangle (a button to screen readers), not to Playwright's role query.
        var button = page.Locator("#account-menu > summary[aria-label='Account menu']");
        var signOut = page.GetByRole(AriaRole.Link, new() { Name = "Sign out" });
        await Assertions.Expect(signOut).ToBeHiddenAsync();

        await button.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Account and API tokens" })).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(signOut).ToBeHiddenAsync();
        await Assertions.Expect(button).ToBeFocusedAsync();

        await button.ClickAsync();
        await Assertions.Expect(signOut).ToBeVisibleAsync();
        await page.Locator("main h1, main h4").First.ClickAsync();
        await Assertions.Expect(signOut).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Sections_open_from_the_keyboard_and_Enter_moves_to_the_next_question_then_the_next_section_button_Ctrl_Enter_in_a_text_answer()
    {
        int id;
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            var vendorId = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(
                new VendorRequest($"Keyboard Labs {Guid.NewGuid():n}"[..22], null, null, [], null, [], null, null, [], null), TestContext.Current.CancellationToken);
            id = await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(
                new CreateAssessmentRequest(vendorId, "frontier-ai-buyer-checklist", Title: "Keyboard"), TestContext.Current.CancellationToken);
        }
        var page = await app.SignedInPageAsync(Roles.Assessor);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        // The section list: native buttons, Space and Enter open a section.
        await page.Locator("#section-data-use-and-ip").FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await Assertions.Expect(page.Locator("#section-title")).ToHaveTextAsync("Data use, residency and intellectual property");
        await Assertions.Expect(page.Locator("#section-title")).ToBeFocusedAsync();
        await page.Locator("#section-continuity-and-exit").FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#section-title")).ToHaveTextAsync("Continuity, contract and exit");
        await Assertions.Expect(page.Locator("#section-continuity-and-exit")).ToHaveAttributeAsync("aria-current", "step");

        // A choice: Enter goes on to the next question's first field.
        await page.Locator("#q-change-of-control input").First.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#q-financial-runway input").First).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Enter");
        var text = page.Locator("#q-differentiation-narrative textarea").First;
        await Assertions.Expect(text).ToBeFocusedAsync();

        // A text answer keeps Enter for new lines; Ctrl+Enter goes on, after the last question to the next section.
        await page.Keyboard.TypeAsync("Frontier reasoning");
        await page.Keyboard.PressAsync("Enter");
        await page.Keyboard.TypeAsync("and tooling");
        await Assertions.Expect(text).ToBeFocusedAsync();
        await Assertions.Expect(text).ToHaveValueAsync("Frontier reasoning\nand tooling");
        await page.Keyboard.PressAsync("Control+Enter");
        await Assertions.Expect(page.Locator("#next-section")).ToBeFocusedAsync();

        // Enter on a button inside a question is the button's: the details panel opens, focus stays.
        var details = page.Locator("#q-exit-plan-details-toggle");
        await details.FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(details).ToBeFocusedAsync();
        await Assertions.Expect(details).ToHaveAttributeAsync("aria-expanded", "true");
    }
}
