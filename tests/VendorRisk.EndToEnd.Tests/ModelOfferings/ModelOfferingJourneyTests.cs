using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Assessments;
using VendorRisk.EndToEnd.Tests.Infrastructure;

namespace VendorRisk.EndToEnd.Tests.ModelOfferings;

/// <summary>
/// Model offerings in the demo: add one on the vendor page, start an assessment of it (vendor-level answers carried
/// over, with a notice), compare two offerings of one vendor, and change a profile field to move the twelve-month cost.
/// </summary>
public sealed class ModelOfferingJourneyTests(DemoBrowserFixture app) : IClassFixture<DemoBrowserFixture>
{
    private const string Vendor = "Northwind Cognition";

    [Fact]
    public async Task An_offering_is_added_assessed_with_carried_over_answers_and_compared_with_a_sibling_whose_cost_follows_the_profile()
    {
        var ct = TestContext.Current.CancellationToken;
        int vendorId, approvedId, atlasId, miniId;
        await using (var db = await app.CreateDbContextAsync())
        {
            vendorId = await db.Vendors.Where(v => v.Name == Vendor).Select(v => v.Id).SingleAsync(ct);
            var reviewed = await db.Assessments.Where(a => a.VendorId == vendorId && a.ReviewedAt != null
                    && (a.Status == AssessmentStatus.Approved || a.Status == AssessmentStatus.ApprovedWithConditions))
                .OrderByDescending(a => a.ReviewedAt).ThenByDescending(a => a.Id)
                .Select(a => new { a.Id, Model = a.ModelOffering!.Name }).ToListAsync(ct);
            approvedId = reviewed[0].Id;
            atlasId = reviewed.First(a => a.Model == "Atlas 3").Id;
            miniId = reviewed.First(a => a.Model == "Atlas 3 Mini").Id;
        }

        var page = await app.SignedInPageAsync(Roles.Assessor);

        // Add an offering on the vendor page.
        await page.GotoAsync($"/vendors/{vendorId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#add-model");
        await page.Locator("#model-name").FillAsync("Atlas 4 Preview");
        await page.ClickAsync("#model-save");
        await Assertions.Expect(page.Locator("#model-table [data-model='Atlas 4 Preview']")).ToBeVisibleAsync();

        // Start an assessment of it: the vendor-level answers of the latest approved assessment are carried over.
        await page.ClickAsync("#new-assessment");
        await BrowserFixture.ChooseAsync(page, page.GetByRole(AriaRole.Combobox, new() { Name = "Model offering" }), "Atlas 4 Preview");
        await page.ClickAsync("#na-create");
        await page.WaitForURLAsync(new Regex(@"/assessments/\d+$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        var notice = page.Locator("#prefill-notice");
        await Assertions.Expect(notice).ToContainTextAsync(new Regex(@"\d+ vendor-level answers were carried over"));
        await Assertions.Expect(notice).ToContainTextAsync($"#{approvedId}");
        await Assertions.Expect(page.Locator("#assessment-model")).ToContainTextAsync("Atlas 4 Preview");

        // Compare two offerings of one vendor, with a profile.
        await page.GotoAsync($"/compare?ids={atlasId},{miniId}&profile=pilot");
        await BrowserFixture.WaitForInteractiveAsync(page);
        var cards = page.Locator("#ranking [data-vendor]");
        await Assertions.Expect(cards).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator($"#ranking [data-vendor='{Vendor} · Atlas 3']")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator($"#ranking [data-vendor='{Vendor} · Atlas 3 Mini']")).ToHaveCountAsync(1);

        // Change one profile field: the twelve-month figure of the comparison changes.
        var twelveMonths = page.Locator($"#cost-table tr[data-vendor='{Vendor} · Atlas 3 Mini'] .vr-twelve-months");
        await Assertions.Expect(twelveMonths).ToContainTextAsync("$");
        var before = (await twelveMonths.InnerTextAsync()).Trim();
        await page.ClickAsync("#edit-profile");
        await page.Locator("#profile-agentic").FillAsync("4");
        await page.ClickAsync("#apply-profile");
        await page.WaitForURLAsync(new Regex("agentic(%3A|:)4"));
        await Assertions.Expect(twelveMonths).Not.ToHaveTextAsync(before);
        await Assertions.Expect(page.Locator("#twelve-month-table")).ToBeVisibleAsync();
    }
}
