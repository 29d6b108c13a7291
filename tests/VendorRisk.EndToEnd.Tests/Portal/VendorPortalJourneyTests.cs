using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VendorRisk.Domain.Assessments;
using VendorRisk.EndToEnd.Tests.Infrastructure;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Features.QuestionSets;
using VendorRisk.Web.Features.Vendors;
using static Microsoft.Playwright.Assertions;

namespace VendorRisk.EndToEnd.Tests.Portal;

/// <summary>
/// Issue 18: an assessor invites a vendor contact; the invitation reaches a real SMTP server; the contact opens the link
/// from the mail in a browser of their own, answers, attaches a PDF and submits; the assessor accepts two answers and
/// rejects one; the revoked link then shows the "not valid" page.
/// </summary>
public sealed class VendorPortalJourneyTests(SmtpBrowserFixture app) : IClassFixture<SmtpBrowserFixture>
{
    private const string PortalSet = """
        {
          "format": "vendorrisk.question-set/1",
          "key": "e2e-portal",
          "title": "Portal screen",
          "ratingBands": [ { "label": "Good", "minScore": 50 }, { "label": "Poor", "minScore": 0 } ],
          "sections": [
            { "key": "company", "title": "Company", "questions": [
              { "key": "soc2", "text": "Do you hold a SOC 2 Type II report?", "type": "choice", "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] },
              { "key": "dpa", "text": "Will you sign our data-processing agreement?", "type": "choice", "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes, as drafted", "score": 1 } ] }
            ] },
            { "key": "model", "title": "Model", "questions": [
              { "key": "red-team", "text": "Was the model red-teamed by a third party?", "level": "model", "type": "choice", "options": [
                { "key": "no", "label": "No", "score": 0 }, { "key": "yes", "label": "Yes", "score": 1 } ] }
            ] }
          ]
        }
        """;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<int> DraftAsync()
    {
        await using (var admin = app.ScopeAs(Roles.Admin))
        {
            var sets = admin.ServiceProvider.GetRequiredService<QuestionSetService>();
            var imported = await sets.ImportAsync(Encoding.UTF8.GetBytes(PortalSet), Ct);
            await sets.PublishAsync(imported.Key, imported.Version, Ct);
        }
        await using var scope = app.ScopeAs(Roles.Assessor);
        var vendorId = await scope.ServiceProvider.GetRequiredService<VendorService>().CreateAsync(
            new VendorRequest("Northwind Models", null, null, [], null, [], null, null, [], null), Ct);
        var assessments = scope.ServiceProvider.GetRequiredService<AssessmentService>();
        var id = await assessments.CreateAsync(new CreateAssessmentRequest(vendorId, "e2e-portal", Title: "Northwind onboarding"), Ct);
        // The analyst already has an answer of their own to one question: the vendor's must not replace it unasked.
        await assessments.SaveAnswersAsync(id, [new AnswerInput(new AnswerValue { QuestionKey = "red-team", Choice = "no" })], Ct);
        return id;
    }

    [Fact]
    public async Task Invite_answer_submit_review_and_revoke()
    {
        var id = await DraftAsync();
        var analyst = await app.SignedInPageAsync(Roles.Assessor);
        await analyst.GotoAsync($"/assessments/{id}");
        await BrowserFixture.WaitForInteractiveAsync(analyst);
        await analyst.GetByRole(AriaRole.Tab, new() { Name = "Vendor portal" }).ClickAsync();
        await analyst.ClickAsync("#invite-vendor");
        await analyst.FillAsync("#invite-name", "Dana Northwind");
        await analyst.FillAsync("#invite-email", "dana@northwind.example");
        await analyst.ClickAsync("#invite-submit");
        await Expect(analyst.Locator(".mud-dialog .mud-alert")).ToContainTextAsync("the invitation mail with the link is sent to dana@northwind.example");
        var shown = await analyst.Locator("#invitation-link").InputValueAsync();
        await analyst.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await analyst.ClickAsync("#copy-invitation-link");
        await Expect(analyst.Locator("#copy-invitation-result")).ToHaveTextAsync("Link copied.");
        Assert.Equal(shown, await analyst.EvaluateAsync<string>("navigator.clipboard.readText()"));
        await analyst.ClickAsync("#invite-done");

        // The mail, as the SMTP server received it: its link starts with the configured public address.
        var invitationMail = await app.Smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "dana@northwind.example"), TimeSpan.FromSeconds(60));
        var link = System.Text.RegularExpressions.Regex.Match(invitationMail.TextBody ?? "", @"http://127\.0\.0\.1:\d+/portal/open/[A-Za-z0-9_-]+").Value;
        Assert.Equal(shown, link);
        Assert.StartsWith(app.BaseAddress.ToString(), link, StringComparison.Ordinal);
        await Expect(analyst.Locator("#invitations [data-status]")).ToHaveTextAsync("Pending");

        // The vendor: a browser of their own, never signed in to the app.
        var vendor = await app.NewPageAsync();
        await vendor.GotoAsync(link);
        await Expect(vendor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal/questionnaire$"));
        await Expect(vendor.Locator("h1")).ToHaveTextAsync("Questionnaire for Northwind Models");
        // None of the app's navigation: the only one is the page's own contents.
        await Expect(vendor.Locator("nav:not(#portal-contents)")).ToHaveCountAsync(0);
        await Expect(vendor.Locator("#portal-progress")).ToHaveTextAsync("0 of 3 questions answered.");
        foreach (var (question, option) in new[] { ("soc2", "Yes"), ("dpa", "Yes, as drafted"), ("red-team", "Yes") })
        {
            await vendor.Locator($"#q-{question}").GetByLabel(option, new() { Exact = true }).CheckAsync();
            await Expect(vendor.Locator($"#q-{question} [data-portal-status]")).ToContainTextAsync("Saved ");
        }
        // The progress line and the contents follow the saves without a reload.
        await Expect(vendor.Locator("#portal-progress")).ToHaveTextAsync("3 of 3 questions answered.");
        await Expect(vendor.Locator("#portal-contents li.portal-contents-done")).ToHaveCountAsync(2);
        await Expect(vendor.Locator("#portal-contents li", new() { HasText = "Company" })).ToContainTextAsync("2 of 2");
        // A contents link (and the skip link) stays on the page and takes the focus there.
        await vendor.Locator("#portal-contents a", new() { HasText = "Model" }).ClickAsync();
        await Expect(vendor.Locator("#q-red-team")).ToBeFocusedAsync();
        await vendor.Locator(".vr-skip-link").FocusAsync();
        await vendor.Keyboard.PressAsync("Enter");
        await Expect(vendor.Locator("#main-content")).ToBeFocusedAsync();
        await Expect(vendor).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/portal/questionnaire$"));
        await vendor.Locator("#dpa-comment").FillAsync("Signed copy follows from legal.");
        // Typing saves after a pause: the answer's second version.
        await Expect(vendor.Locator("#q-dpa input[name=expectedVersion]")).ToHaveValueAsync("2");
        await vendor.ReloadAsync();
        await Expect(vendor.Locator("#q-soc2").GetByLabel("Yes", new() { Exact = true })).ToBeCheckedAsync();
        await Expect(vendor.Locator("#dpa-comment")).ToHaveValueAsync("Signed copy follows from legal.");
        // A file over the 25 MB limit is refused in the browser: its bytes are never sent.
        var filePosts = 0;
        vendor.Request += (_, request) => { if (request.Method == "POST" && request.Url.Contains("/portal/files", StringComparison.Ordinal)) filePosts++; };
        await vendor.Locator("#soc2-file").SetInputFilesAsync(new FilePayload { Name = "scan.pdf", MimeType = "application/pdf", Buffer = new byte[26 * 1024 * 1024] });
        await Expect(vendor.Locator("#soc2-file-refusal")).ToHaveTextAsync("Not attached: scan.pdf is 26.0 MB; a file may be at most 25 MB.");
        await vendor.ClickAsync("#soc2-attach");
        await Expect(vendor.Locator("#soc2-file-refusal")).ToBeVisibleAsync();
        Assert.Equal(0, filePosts);
        // The SOC 2 report, attached to its question through the plain form.
        await vendor.Locator("#soc2-file").SetInputFilesAsync(new FilePayload { Name = "soc2-type2.pdf", MimeType = "application/pdf", Buffer = Pdf });
        await Expect(vendor.Locator("#soc2-file-refusal")).ToBeHiddenAsync();
        await vendor.ClickAsync("#soc2-attach");
        await Expect(vendor.Locator("#files-soc2-notice")).ToContainTextAsync("\"soc2-type2.pdf\" is attached.");
        await Expect(vendor.Locator("[data-portal-files=soc2]")).ToContainTextAsync("soc2-type2.pdf");
        await vendor.ClickAsync("#portal-submit");
        await Expect(vendor.Locator("#portal-submitted")).ToContainTextAsync("Thank you");
        await Expect(vendor.Locator("#q-soc2 input[type=radio]").First).ToBeDisabledAsync();
        await Expect(vendor.Locator("#soc2-file")).ToHaveCountAsync(0);
        var submittedMail = await app.Smtp.WaitForAsync(m => (m.Subject ?? "").Contains("submitted its answers", StringComparison.Ordinal), TimeSpan.FromSeconds(60));
        Assert.Equal(Web.Tests.Infrastructure.WebAppFixture.EmailOf(Roles.Assessor), submittedMail.To.Mailboxes.Single().Address);

        // The analyst accepts two answers and rejects the one that contradicts their own.
        await analyst.ReloadAsync();
        await BrowserFixture.WaitForInteractiveAsync(analyst);
        await analyst.GetByRole(AriaRole.Tab, new() { Name = "Vendor portal" }).ClickAsync();
        await Expect(analyst.Locator("#invitations [data-status]")).ToContainTextAsync("Submitted");
        var redTeam = analyst.Locator("tr[data-vendor-answer=red-team]");
        await Expect(redTeam.Locator(".vendor-current")).ToContainTextAsync("No");
        await Expect(analyst.Locator("tr[data-vendor-answer=dpa] .vendor-given")).ToContainTextAsync("Signed copy follows from legal.");
        await analyst.Locator("tr[data-vendor-answer=soc2] .accept-vendor-answer").ClickAsync();
        await Expect(analyst.Locator("tr[data-vendor-answer=soc2] [data-review]")).ToContainTextAsync("Accepted");
        // Escape closes the edit dialog from inside a text box too, though the box keeps its key presses from the server.
        await analyst.Locator("tr[data-vendor-answer=dpa] .edit-vendor-answer").ClickAsync();
        var dialog = analyst.Locator(".mud-dialog");
        if (await dialog.Locator("[data-vr-typing-pause] input").CountAsync() == 0)
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Note and evidence" }).ClickAsync();
        await dialog.Locator("[data-vr-typing-pause] input").First.FocusAsync();
        await analyst.Keyboard.TypeAsync("x");
        await analyst.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToHaveCountAsync(0);
        await analyst.Locator("tr[data-vendor-answer=dpa] .accept-vendor-answer").ClickAsync();
        await Expect(analyst.Locator("tr[data-vendor-answer=dpa] [data-review]")).ToContainTextAsync("Accepted");
        await redTeam.Locator(".reject-vendor-answer").ClickAsync();
        await Expect(redTeam.Locator("[data-review]")).ToContainTextAsync("Rejected");

        // The vendor's file is in the assessment's evidence files, like any other.
        await analyst.GetByRole(AriaRole.Tab, new() { Name = "Evidence files" }).ClickAsync();
        var evidence = analyst.GetByRole(AriaRole.Tabpanel, new() { Name = "Evidence files" });
        await Expect(evidence).ToContainTextAsync("Dana Northwind (vendor portal)");
        await Expect(evidence.Locator(".vr-evidence-question[title=soc2]")).ToContainTextAsync("on “");
        await Expect(analyst.GetByRole(AriaRole.Link, new() { Name = "Download soc2-type2.pdf" })).ToBeVisibleAsync();
        await analyst.GetByRole(AriaRole.Tab, new() { Name = "Vendor portal" }).ClickAsync();

        await using (var db = await app.CreateDbContextAsync())
        {
            var answers = await db.Answers.Where(a => a.AssessmentId == id).ToDictionaryAsync(a => a.QuestionKey, Ct);
            Assert.Equal("yes", answers["soc2"].Choice);
            Assert.Equal(EvidenceSource.VendorAttestation, answers["soc2"].EvidenceSource);
            Assert.Equal("yes", answers["dpa"].Choice);
            Assert.Equal("no", answers["red-team"].Choice);
        }

        // Revoked, the link shows the same page as any link that never existed.
        await analyst.Locator("#invitations .revoke-invitation").ClickAsync();
        await analyst.Locator(".mud-dialog").GetByRole(AriaRole.Button, new() { Name = "Revoke" }).ClickAsync();
        await Expect(analyst.Locator("#invitations [data-status]")).ToContainTextAsync("Revoked");
        await vendor.ReloadAsync();
        await Expect(vendor.Locator("#portal-unavailable h1")).ToHaveTextAsync("This link is not valid");
        var fresh = await app.NewPageAsync();
        await fresh.GotoAsync(link);
        await Expect(fresh.Locator("#portal-unavailable h1")).ToHaveTextAsync("This link is not valid");
    }
}
