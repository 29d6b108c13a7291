using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.Shell;

public sealed class ShellTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_signed_in_user_sees_the_shell_and_navigates_to_two_pages()
    {
        var page = await app.SignedInPageAsync(Roles.Assessor);

        await Assertions.Expect(page.Locator(".mud-appbar")).ToContainTextAsync("VendorRisk");
        await page.ClickAsync("nav >> text=Vendors");
        await page.WaitForURLAsync("**/vendors");
        await Assertions.Expect(page.Locator("h4, h1").First).ToContainTextAsync("Vendors");
        await page.ClickAsync("nav >> text=Assessments");
        await page.WaitForURLAsync("**/assessments");
        await Assertions.Expect(page.Locator("h4, h1").First).ToContainTextAsync("Assessments");
    }

    public static TheoryData<string, string[], string[]> NavigationByRole => new()
    {
        { Roles.Viewer, ["Dashboard", "Vendors", "Assessments", "Compare", "Question sets"], ["Users", "Audit log"] },
        { Roles.Assessor, ["Dashboard", "Vendors", "Assessments", "Compare", "Question sets"], ["Users", "Audit log"] },
        { Roles.Reviewer, ["Dashboard", "Vendors", "Assessments", "Compare", "Question sets"], ["Users", "Audit log"] },
        { Roles.Admin, ["Dashboard", "Vendors", "Assessments", "Compare", "Question sets", "Users", "Audit log"], [] },
    };

    [Theory]
    [MemberData(nameof(NavigationByRole))]
    public async Task Each_role_sees_its_navigation_items(string role, string[] visible, string[] hidden)
    {
        var page = await app.SignedInPageAsync(role);
        var nav = page.Locator("nav");

        foreach (var item in visible)
            await Assertions.Expect(nav.GetByText(item, new() { Exact = true })).ToBeVisibleAsync();
        foreach (var item in hidden)
            await Assertions.Expect(nav.GetByText(item, new() { Exact = true })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_viewer_who_types_an_admin_url_gets_the_access_denied_page()
    {
        var page = await app.SignedInPageAsync(Roles.Viewer);

        await page.GotoAsync("/users");

        await Assertions.Expect(page.Locator("#access-denied")).ToBeVisibleAsync();
        Assert.Contains("/account/access-denied", page.Url);
    }

    [Fact]
    public async Task The_theme_toggle_is_remembered_across_reloads()
    {
        var page = await app.SignedInPageAsync(Roles.Viewer);
        var before = await page.EvaluateAsync<string?>("() => localStorage.getItem('vr-theme')");

        await page.ClickAsync("#theme-toggle");
        await page.WaitForFunctionAsync("before => localStorage.getItem('vr-theme') !== before", before);
        var chosen = await page.EvaluateAsync<string?>("() => localStorage.getItem('vr-theme')");
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);

        Assert.NotEqual(before, chosen);
        Assert.Equal(chosen, await page.EvaluateAsync<string?>("() => localStorage.getItem('vr-theme')"));
        // The theme's background colour, once the stored choice has been applied after the reload.
        var expected = chosen == "dark" ? "18,24,38" : "245,247,250";
        await page.WaitForFunctionAsync(
            "expected => getComputedStyle(document.documentElement).getPropertyValue('--mud-palette-background').replace(/\\s/g, '').includes(expected)", expected);
        // Native controls (the wizard's radios, date inputs, scrollbars) are drawn in the page's colour scheme, which follows the theme.
        await page.WaitForFunctionAsync("expected => getComputedStyle(document.documentElement).colorScheme === expected", chosen);
    }
    [Fact]
    public async Task The_drawer_hides_beside_wide_content_and_opens_over_narrow_content_until_a_link_is_followed()
    {
        var page = await app.SignedInPageAsync(Roles.Assessor);
        var toggle = page.Locator("[data-vr-nav-toggle]");
        var vendors = page.Locator("#nav-drawer").GetByText("Vendors", new() { Exact = true });

        // Wide: open beside the content; the toggle hides it and shows it again.
        await Assertions.Expect(vendors).ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await toggle.ClickAsync();
        await Assertions.Expect(vendors).Not.ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await toggle.ClickAsync();
        await Assertions.Expect(vendors).ToBeVisibleAsync();

        // Narrow: closed until asked for, over the content, and closed again by the link it took the user to.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(vendors).Not.ToBeVisibleAsync();
        await toggle.ClickAsync();
        await Assertions.Expect(vendors).ToBeVisibleAsync();
        await vendors.ClickAsync();
        await page.WaitForURLAsync("**/vendors");
        await Assertions.Expect(vendors).Not.ToBeVisibleAsync();
        await Assertions.Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
    }

    [Fact]
    public async Task A_table_wider_than_a_phone_fades_out_at_the_edge_with_more_beyond_it()
    {
        var id = await TestData.CreateDraftAsync(app);
        var page = await app.SignedInPageAsync(Roles.Viewer);
        await page.SetViewportSizeAsync(390, 844);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var region = page.Locator(".vr-scroll-region").First;
        await region.ScrollIntoViewIfNeededAsync();
        Assert.True(await region.EvaluateAsync<bool>("e => e.scrollWidth > e.clientWidth + 20"), "The answers table fits a phone; nothing to hint at.");

        // The mask's first colour is the region's left edge, its last the right: opaque where nothing lies beyond.
        var atStart = await region.EvaluateAsync<string[]>("e => getComputedStyle(e).maskImage.match(/rgba?\\([^)]*\\)/g)");
        await region.EvaluateAsync("e => e.scrollLeft = e.scrollWidth");
        await page.WaitForTimeoutAsync(200);
        var atEnd = await region.EvaluateAsync<string[]>("e => getComputedStyle(e).maskImage.match(/rgba?\\([^)]*\\)/g)");

        Assert.Equal(("rgb(0, 0, 0)", "rgba(0, 0, 0, 0)"), (atStart[0], atStart[^1]));
        Assert.Equal(("rgba(0, 0, 0, 0)", "rgb(0, 0, 0)"), (atEnd[0], atEnd[^1]));
    }
}
