using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.EndToEnd.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.Accessibility;

/// <summary>
/// axe-core on every signed-in page, in both themes, at phone and desktop widths (and a tablet's 768 px and 1440 px in light, a small
/// tablet's 620 px in dark): no critical or serious violation of WCAG 2.2 A/AA, one main, one h1 and a skip link, nothing wider
/// than a phone, the app bar's buttons on screen, no list wider than its card
/// (outside a scroll region), no table cell or toolbar spilling its content, no folded column shown twice, and every tab in view on a desktop. Set VENDORRISK_SCREENSHOTS
/// to a folder to keep a screenshot of the top of each page.
/// </summary>
public sealed class AccessibilityTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    private static readonly string[] Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

    public static TheoryData<string, int> Views => new()
    {
        { "light", 1280 }, { "dark", 1280 }, { "light", 390 }, { "dark", 390 },
        // Screens between the two, where lists fold their least-needed columns: a tablet folds a few more.
        { "light", 768 }, { "light", 1440 },
        // A small tablet (600–768 px): grids no longer stack, plain tables still do; the demo banner is still short.
        { "dark", 620 },
    };

    private async Task<IReadOnlyList<(string Name, string Path)>> PagesAsync()
    {
        await using var db = await app.CreateDbContextAsync();
        // Every vendor: a long website, tag or title shows on some of them only.
        var vendors = await db.Vendors.OrderBy(v => v.Id).Select(v => v.Id).ToListAsync();
        var approved = await db.Assessments.Where(a => a.Status == AssessmentStatus.Approved || a.Status == AssessmentStatus.ApprovedWithConditions)
            .OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var draft = await db.Assessments.Where(a => a.Status == AssessmentStatus.Draft).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync();
        var version = await db.QuestionSetVersions.Where(v => v.Status == VersionStatus.Published)
            .OrderBy(v => v.Id).Select(v => new { v.QuestionSet.Key, v.Number }).FirstAsync();
        return
        [
            ("dashboard", "/"), ("vendors", "/vendors"), .. vendors.Select(id => ($"vendor-{id}", $"/vendors/{id}")), ("assessments", "/assessments"),
            ("assessment", $"/assessments/{approved}"), ("wizard", $"/assessments/{draft}"), ("compare", "/compare"), ("question-sets", "/question-sets"),
            ("question-set-version", $"/question-sets/{version.Key}/versions/{version.Number}"), ("users", "/users"), ("audit", "/audit"), ("mail", "/admin/mail"),
            ("account", "/account"), ("findings", "/findings"),
        ];
    }

    [Theory]
    [MemberData(nameof(Views))]
    public async Task Every_page_has_no_critical_or_serious_violation(string theme, int width)
    {
        var page = await app.NewPageAsync();
        await page.Context.AddInitScriptAsync($"localStorage.setItem('vr-theme', '{theme}')");
        await page.SetViewportSizeAsync(width, 900);
        await BrowserFixture.SignInAsync(page, DemoBrowserFixture.EmailOf(Roles.Admin), DemoBrowserFixture.Password);
        var folder = Environment.GetEnvironmentVariable("VENDORRISK_SCREENSHOTS");

        var problems = new List<string>();
        foreach (var (name, path) in await PagesAsync())
        {
            await page.GotoAsync(path);
            await BrowserFixture.WaitForInteractiveAsync(page);
            // Let loading indicators and charts settle before judging.
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.WaitForFunctionAsync("() => !document.querySelector('.mud-progress-linear-indeterminate, .mud-skeleton')");
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
                await page.ScreenshotAsync(new() { Path = Path.Combine(folder, $"{name}-{width}-{theme}.png"), FullPage = false });
            }

            await CheckAsync(page, name, theme, width, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>
    /// Issue 18: the vendor portal's pages, opened through a real invitation link in a browser that never signed in
    /// to the app; the theme follows the system's colour scheme there.
    /// </summary>
    [Theory]
    [MemberData(nameof(Views))]
    public async Task The_vendor_portal_has_no_critical_or_serious_violation(string theme, int width)
    {
        int draft;
        await using (var db = await app.CreateDbContextAsync())
            draft = await db.Assessments.Where(a => a.Status == AssessmentStatus.Draft).OrderBy(a => a.Id).Select(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
        Web.Features.Portal.CreatedInvitation invitation;
        await using (var scope = app.ScopeAs(Roles.Admin))
            invitation = await scope.ServiceProvider.GetRequiredService<Web.Features.Portal.InvitationService>().InviteAsync(new Web.Features.Portal.InviteVendorRequest
            {
                AssessmentId = draft, ContactName = "Axe Contact", ContactEmail = "axe@vendor.example",
            }, TestContext.Current.CancellationToken);
        var page = await app.NewPageAsync();
        await page.EmulateMediaAsync(new() { ColorScheme = theme == "dark" ? ColorScheme.Dark : ColorScheme.Light });
        await page.SetViewportSizeAsync(width, 900);

        var problems = new List<string>();
        await page.GotoAsync(new Uri(app.BaseAddress, new Uri(invitation.Link).PathAndQuery).ToString());
        await CheckAsync(page, "portal-questionnaire", theme, width, problems);
        foreach (var (name, path) in new[] { ("portal-unavailable", Web.Features.Portal.PortalPaths.Unavailable), ("portal-expired", Web.Features.Portal.PortalPaths.Expired) })
        {
            await page.GotoAsync(path);
            await CheckAsync(page, name, theme, width, problems);
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    private static async Task CheckAsync(IPage page, string name, string theme, int width, List<string> problems)
    {
        var result = await page.RunAxe(new AxeRunOptions { RunOnly = new RunOnlyOptions { Type = "tag", Values = [.. Tags] } });
        foreach (var violation in result.Violations.Where(v => v.Impact is "critical" or "serious"))
        {
            problems.Add($"{name} ({theme}, {width} px): {violation.Id} [{violation.Impact}] ×{violation.Nodes.Length} — " +
                string.Join(" | ", violation.Nodes.Take(3).Select(n => $"{n.Target} {n.Html[..Math.Min(160, n.Html.Length)]}")));
        }

        var landmarks = await page.EvaluateAsync<int[]>(
            "() => [document.querySelectorAll('main').length, document.querySelectorAll('h1').length, document.querySelectorAll('a.vr-skip-link[href$=\"#main-content\"]').length]");
        if (landmarks[0] != 1 || landmarks[1] != 1 || landmarks[2] != 1)
            problems.Add($"{name} ({theme}, {width} px): {landmarks[0]} <main>, {landmarks[1]} <h1> and {landmarks[2]} skip link (one of each expected)");

        if (width >= 1280)
        {
            // On a desktop every tab of a page is in view; only a phone scrolls its tab strip.
            var cut = await page.EvaluateAsync<int[]>("() => [...document.querySelectorAll('.vr-tabstrip-content')].map(t => t.scrollWidth - t.clientWidth)");
            foreach (var pixels in cut.Where(p => p > 1))
                problems.Add($"{name} ({theme}, {width} px): a tab strip hides {pixels} px of its tabs");
        }

        // The app bar's buttons (menu, theme, account) stay on screen: the bar clips what does not fit, so the page
        // itself would not grow wider.
        var offBar = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('header button, header summary, header a')]
                .filter(e => e.checkVisibility() && e.getBoundingClientRect().right > window.innerWidth + 1)
                .map(e => e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent.trim().slice(0, 30))
            """);
        problems.AddRange(offBar.Select(button => $"{name} ({theme}, {width} px): the app bar's \"{button}\" is off the screen"));

        // No table cell's content spills over its neighbours (a fixed layout can leave a column no room at all).
        var spilling = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('td, th')].filter(c => c.offsetParent !== null && getComputedStyle(c).overflowX === 'visible' && c.scrollWidth > c.clientWidth + 1)
                .slice(0, 3).map(c => `${c.tagName.toLowerCase()} "${c.textContent.trim().slice(0, 40)}" holds ${c.scrollWidth - c.clientWidth} px more than its width`)
            """);
        problems.AddRange(spilling.Select(spill => $"{name} ({theme}, {width} px): {spill}"));

        if (width < 600)
        {
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
            if (overflow > 1)
            {
                var culprits = await page.EvaluateAsync<string>("""
                    () => [...document.querySelectorAll('body *')]
                        .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && e.offsetParent !== null)
                        .filter(e => ![...e.children].some(c => c.getBoundingClientRect().right > window.innerWidth + 1))
                        .filter(e => { for (let a = e.parentElement; a; a = a.parentElement) { const o = getComputedStyle(a).overflowX; if (o === 'auto' || o === 'scroll') return false; } return true; })
                        .slice(0, 6).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + [...e.classList].join('.')).join(', ')
                    """);
                problems.Add($"{name} ({theme}, {width} px): the page is {overflow} px wider than the screen: {culprits}");
            }
        }

        // A list must fit its card (the card would hide the overflow, with no cue that more is there); only a table inside a
        // region marked for sideways scrolling (vr-scroll-region, focusable) may be wider. A toolbar whose filters wrap must
        // grow with them instead of spilling over the title and the first row.
        var spills = await page.EvaluateAsync<string[]>("""
            () => [
                ...[...document.querySelectorAll('.mud-table-container')].filter(c => !c.closest('.vr-scroll-region') && c.querySelector('table') && c.querySelector('table').scrollWidth > c.clientWidth + 1)
                    .map(c => `a list is ${c.querySelector('table').scrollWidth - c.clientWidth} px wider than its card`),
                ...[...document.querySelectorAll('.mud-toolbar')].filter(t => t.scrollHeight > t.clientHeight + 1)
                    .map(t => `a toolbar (${t.className}) holds ${t.scrollHeight - t.clientHeight} px more than its height`)]
            """);
        problems.AddRange(spills.Select(spill => $"{name} ({theme}, {width} px): {spill}"));

        // A folded column's caption shows only while its column is folded away, never beside it.
        var twice = await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('table')].flatMap(t => {
                const shown = selector => [...t.querySelectorAll(selector)].some(e => e.getClientRects().length > 0);
                return [['.vr-folded-caption', '.vr-wide-column'], ['.vr-mid-caption', '.vr-mid-column']]
                    .filter(([caption, column]) => shown(caption) && shown(column))
                    .map(([caption, column]) => `a list shows ${caption} beside the ${column} it folds`);
            })
            """);
        problems.AddRange(twice.Select(text => $"{name} ({theme}, {width} px): {text}"));
    }
}
