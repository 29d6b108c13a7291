using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.EndToEnd.Tests.Assessments;

/// <summary>An analyst fills answers offline in the exported CSV, previews the changes, and applies them all at once.</summary>
public sealed class AnswersImportJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Header = "Section,Question key,Question,Answer,Score (p),N/A,Justification,Note,Evidence,Source,Date";
    private const string ChoiceLabel = "Automated extraction and abuse detection with a documented, tested response playbook and stated response times";

    private async Task<int> NewDraftAsync()
    {
        await using var scope = app.ScopeAs(Roles.Assessor);
        var vendorId = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(
            new VendorRequest($"Import Labs {Guid.NewGuid():n}"[..22], null, null, [], null, [], null, null, [], null), TestContext.Current.CancellationToken);
        return await scope.ServiceProvider.GetRequiredService<AssessmentService>().CreateAsync(
            new CreateAssessmentRequest(vendorId, "frontier-ai-buyer-checklist", Title: "Offline answers"), TestContext.Current.CancellationToken);
    }

    private static FilePayload Csv(params string[] rows) => new()
    {
        Name = "answers.csv",
        MimeType = "text/csv",
        Buffer = Encoding.UTF8.GetBytes(string.Join("\n", [Header, .. rows]) + "\n"),
    };

    [Fact]
    public async Task A_bad_row_blocks_the_import_and_a_fixed_file_previews_and_applies_every_change()
    {
        var id = await NewDraftAsync();
        var page = await app.SignedInPageAsync(Roles.Assessor);
        await page.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(page);

        await page.ClickAsync("#import-csv");
        // Files set before the input's change listener is attached are lost; the dialog says when it is.
        await page.Locator("#answers-csv-ready").WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var input = page.Locator(".mud-dialog input[type=file]");
        await input.SetInputFilesAsync(Csv(
            $"Extraction,usage-anomaly-detection,,\"{ChoiceLabel}\",,,,Checked on the call.,SOC report,contract,2026-10-01",
            "Usage,price-input,,not a number,,,,,,,"));

        // The bad number is named by row; nothing can be applied.
        await Assertions.Expect(page.Locator("#answers-csv-errors")).ToContainTextAsync("Row 3");
        await Assertions.Expect(page.Locator("#answers-csv-apply")).ToBeDisabledAsync();

        // The fixed file previews both changes, then applies them together.
        await input.SetInputFilesAsync(Csv(
            $"Extraction,usage-anomaly-detection,,\"{ChoiceLabel}\",,,,Checked on the call.,SOC report,contract,2026-10-01",
            "Usage,price-input,,2.5,,,,,,,"));
        await Assertions.Expect(page.Locator("#answers-csv-errors")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#answers-csv-changes tbody tr")).ToHaveCountAsync(2);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "answers-import-preview.png") });
        await page.ClickAsync("#answers-csv-apply");
        await Assertions.Expect(page.GetByText("2 answers imported.")).ToBeVisibleAsync();

        // The wizard shows the imported answers, and they survive a reload.
        await page.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#section-extraction-defenses");
        await Assertions.Expect(page.Locator("#q-usage-anomaly-detection").GetByRole(AriaRole.Radio, new() { Name = ChoiceLabel })).ToBeCheckedAsync();
        await page.ClickAsync("#section-usage-and-cost");
        await Assertions.Expect(page.Locator("#q-price-input-number")).ToHaveValueAsync("2.5");
    }
}
