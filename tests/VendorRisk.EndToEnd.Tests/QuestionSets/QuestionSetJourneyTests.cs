using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Data.Entities;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Features.Vendors;

namespace VendorRisk.EndToEnd.Tests.QuestionSets;

/// <summary>Issue 4: import a file, edit a question in the draft editor, publish, and start an assessment on it.</summary>
public sealed class QuestionSetJourneyTests(BrowserFixture app) : IClassFixture<BrowserFixture>
{
    private const string Key = "e2e-import-check";
    private const string Title = "E2E import check";
    private const string EditedText = "Does the vendor publish an incident status page with history?";

    private static readonly string FileJson = $$"""
        {
          "format": "vendorrisk.question-set/1",
          "key": "{{Key}}",
          "title": "{{Title}}",
          "ratingBands": [ { "label": "Low", "minScore": 80 }, { "label": "Moderate", "minScore": 50 }, { "label": "High", "minScore": 0 } ],
          "knockoutRating": "High",
          "sections": [
            {
              "key": "basics",
              "title": "Basics",
              "weight": 1,
              "questions": [
                {
                  "key": "status-page",
                  "text": "Does the vendor publish a status page?",
                  "type": "choice",
                  "weight": 1,
                  "options": [
                    { "key": "no", "label": "No", "score": 0 },
                    { "key": "yes", "label": "Yes", "score": 1 }
                  ]
                }
              ]
            }
          ]
        }
        """;

    /// <summary>Imports a file through the upload control on the list page; it lands in the draft editor.</summary>
    private static async Task ImportAsync(IPage page, string key, string json)
    {
        await page.GotoAsync("/question-sets");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.Locator("input[type=file]").SetInputFilesAsync(new FilePayload
        {
            Name = $"{key}.json",
            MimeType = "application/json",
            Buffer = Encoding.UTF8.GetBytes(json),
        });
        await page.WaitForURLAsync($"**/question-sets/{key}/versions/1/edit");
    }

    [Fact]
    public async Task An_admin_imports_a_file_edits_a_question_publishes_and_the_new_version_is_offered_for_a_new_assessment()
    {
        int vendorId;
        await using (var scope = app.ScopeAs(Roles.Admin))
            vendorId = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(
                new VendorRequest("Importcheck Systems", null, null, [], null, [], null, null, [], null), TestContext.Current.CancellationToken);
        var page = await app.SignedInPageAsync(Roles.Admin);

        // Import the file through the upload control: it lands in the draft editor.
        await ImportAsync(page, Key, FileJson);
        await Assertions.Expect(page.Locator("#validity")).ToHaveTextAsync("Valid");

        // Edit the question's text.
        await page.Locator("[data-question=status-page] .vr-qs-question-text").ClickAsync();
        await page.Locator("#question-text").FillAsync(EditedText);
        await Assertions.Expect(page.Locator("#unsaved")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("[data-question=status-page] .vr-qs-question-text")).ToContainTextAsync("incident status page");

        // Publish (saves the edit first, then asks for confirmation).
        await page.ClickAsync("#publish-draft");
        await page.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await page.WaitForURLAsync(new Regex($"/question-sets/{Key}/versions/1$"));

        // The new version is offered in the new-assessment dialog, and an assessment on it shows the edited question.
        await page.GotoAsync($"/vendors/{vendorId}");
        await BrowserFixture.WaitForInteractiveAsync(page);
        await page.ClickAsync("#new-assessment");
        await BrowserFixture.ChooseAsync(page, page.GetByRole(AriaRole.Combobox, new() { Name = "Question set (published version)" }), $"{Title} — v1");
        await page.ClickAsync("#na-create");
        await page.WaitForURLAsync(new Regex(@"/assessments/\d+$"));
        await BrowserFixture.WaitForInteractiveAsync(page);
        await Assertions.Expect(page.Locator("#q-status-page-text")).ToHaveTextAsync(EditedText);
    }

    [Fact]
    public async Task An_admin_reorders_questions_by_dragging_them_in_the_outline()
    {
        var json = FileJson.Replace(Key, "e2e-drag-check", StringComparison.Ordinal).Replace("""
                  ]
                }
              ]
            }
          ]
        """, """
                  ]
                },
                { "key": "uptime-sla", "text": "Is there an uptime SLA with credits?", "type": "text" }
              ]
            }
          ]
        """, StringComparison.Ordinal);
        Assert.Contains("uptime-sla", json, StringComparison.Ordinal);
        var page = await app.SignedInPageAsync(Roles.Admin);
        await ImportAsync(page, "e2e-drag-check", json);
        var rows = page.Locator("[data-question]");
        await Assertions.Expect(rows).ToHaveCountAsync(2);

        await page.Locator("[data-question=uptime-sla]").DragToAsync(page.Locator("[data-question=status-page]"));

        await Assertions.Expect(rows.First).ToHaveAttributeAsync("data-question", "uptime-sla");
        await Assertions.Expect(rows.Nth(1)).ToHaveAttributeAsync("data-question", "status-page");
        await Assertions.Expect(page.Locator("#unsaved")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "editor-after-drag.png") });
    }
}
