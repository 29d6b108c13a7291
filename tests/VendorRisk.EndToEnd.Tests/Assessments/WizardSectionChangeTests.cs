using Microsoft.Playwright;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.Assessments;

/// <summary>
/// A section opened by "Next section", "Previous section" or the section list starts at its heading: in view below the app
/// bar and focused, so the next Tab reaches question 1 (the page used to stay scrolled to the bottom, focus on the button).
/// </summary>
public sealed class WizardSectionChangeTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Next_and_previous_section_bring_the_new_heading_into_view_and_focus_it()
    {
        var page = await OpenDraftAsync();
        var title = page.Locator("#section-title");
        var first = await title.TextContentAsync();

        await page.Locator("#next-section").ScrollIntoViewIfNeededAsync();
        await page.Locator("#next-section").ClickAsync();
        await Assertions.Expect(title).Not.ToHaveTextAsync(first!);
        await Assertions.Expect(title).ToBeFocusedAsync();
        await AssertHeadingInViewAsync(page);
        await page.Keyboard.PressAsync("Tab");
        await page.WaitForFunctionAsync("() => document.activeElement?.closest('[data-vr-wizard-question]') === document.querySelector('[data-vr-wizard-question]')");

        await page.Locator("#previous-section").ScrollIntoViewIfNeededAsync();
        await page.Locator("#previous-section").ClickAsync();
        await Assertions.Expect(title).ToHaveTextAsync(first!);
        await Assertions.Expect(title).ToBeFocusedAsync();
        await AssertHeadingInViewAsync(page);
    }

    [Fact]
    public async Task A_section_chosen_from_the_list_on_a_phone_scrolls_to_its_heading()
    {
        var page = await OpenDraftAsync(new ViewportSize { Width = 390, Height = 844 });

        await page.Locator("#section-continuity-and-exit").ClickAsync();

        await Assertions.Expect(page.Locator("#section-title")).ToHaveTextAsync("Continuity, contract and exit");
        await Assertions.Expect(page.Locator("#section-title")).ToBeFocusedAsync();
        await AssertHeadingInViewAsync(page);
    }

    private async Task<IPage> OpenDraftAsync(ViewportSize? viewport = null)
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Assessor);
        if (viewport is not null)
            await page.SetViewportSizeAsync(viewport.Width, viewport.Height);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        return page;
    }

    /// <summary>The heading sits below the fixed app bar and inside the window.</summary>
    private static async Task AssertHeadingInViewAsync(IPage page)
    {
        await page.WaitForFunctionAsync("""
            () => {
                const box = document.getElementById("section-title").getBoundingClientRect();
                const bar = document.querySelector(".mud-appbar").getBoundingClientRect();
                return box.top >= bar.bottom && box.bottom <= window.innerHeight;
            }
            """);
    }
}
