using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.EvidenceFiles;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.EvidenceFiles;

/// <summary>The upload panel and the dashboard card, rendered with the app's real services on a real SQLite file.</summary>
public sealed class EvidenceFilesPanelTests(WebAppFixture app) : PageTestBase(app), IClassFixture<WebAppFixture>
{
    private IRenderedComponent<EvidenceFilesPanel> RenderPanel(int assessmentId, bool canEdit) =>
        Render<EvidenceFilesPanel>(p => p.Add(x => x.AssessmentId, assessmentId).Add(x => x.CanEdit, canEdit));

    [Fact]
    public async Task A_file_chosen_in_the_picker_is_listed_with_its_size_and_a_download_link_and_delete_removes_it()
    {
        var id = await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = RenderPanel(id, canEdit: true);
        cut.WaitForElement("#evidence-assessment-empty");

        // Not inside InvokeAsync: UploadFiles waits for the handler, whose database awaits need the renderer's dispatcher.
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(EvidenceSamples.Pdf, "soc2 report.pdf"));

        var item = cut.WaitForElement("li[data-file-id]");
        var link = item.QuerySelector("a.vr-evidence-name")!;
        Assert.Equal("soc2 report.pdf", link.TextContent);
        Assert.Equal($"/evidence-files/{item.GetAttribute("data-file-id")}", link.GetAttribute("href"));
        Assert.NotNull(link.GetAttribute("download"));
        Assert.Contains($"{EvidenceSamples.Pdf.Length} B", item.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("#evidence-assessment-error"));

        await cut.InvokeAsync(() => cut.Find("button.vr-evidence-delete").Click());
        cut.WaitForElement("#evidence-assessment-empty");
        Assert.Empty(await Services.GetRequiredService<EvidenceFileQueries>().ListAsync(id, cancellationToken: Xunit.TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task The_evidence_tab_names_the_question_a_file_is_attached_to_with_its_key_as_the_tooltip()
    {
        var id = await TestData.CreateDraftAsync(App);
        await using (var assessor = App.ScopeAs(Roles.Assessor))
        {
            using var stream = new MemoryStream(EvidenceSamples.Pdf);
            await assessor.ServiceProvider.GetRequiredService<UploadEvidenceFileHandler>().HandleAsync(
                new EvidenceUpload(id, "buyer-eligibility", "attestation.pdf", stream), Xunit.TestContext.Current.CancellationToken);
        }
        SignInAs(Roles.Viewer);
        RenderProviders();
        var set = (await Services.GetRequiredService<VendorRisk.Web.Features.Shared.AssessmentReader>().GetAsync(id, Xunit.TestContext.Current.CancellationToken)).QuestionSet;

        var cut = Render<AssessmentEvidenceTab>(p => p.Add(x => x.AssessmentId, id).Add(x => x.QuestionSet, set));

        var question = cut.WaitForElement(".vr-evidence-question");
        Assert.Equal($"on “{VendorRisk.Domain.QuestionSets.QuestionNames.ShortName(set, "buyer-eligibility")}”", question.TextContent.Trim());
        Assert.Equal("buyer-eligibility", question.GetAttribute("title"));
    }

    [Fact]
    public async Task A_refused_file_shows_the_reason_and_nothing_is_listed()
    {
        var id = await TestData.CreateDraftAsync(App);
        SignInAs(Roles.Assessor);
        RenderProviders();
        var cut = RenderPanel(id, canEdit: true);
        cut.WaitForElement("#evidence-assessment-empty");

        // Not inside InvokeAsync: UploadFiles waits for the handler, whose database awaits need the renderer's dispatcher.
        cut.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(EvidenceSamples.Html, "invoice.pdf"));

        var error = cut.WaitForElement("#evidence-assessment-error");
        Assert.Contains("HTML", error.TextContent, StringComparison.Ordinal);
        Assert.Empty(cut.FindAll("li[data-file-id]"));
    }

    [Fact]
    public async Task Someone_who_may_not_edit_sees_the_list_without_upload_or_delete()
    {
        var id = await TestData.CreateDraftAsync(App);
        await using (var scope = App.ScopeAs(Roles.Assessor))
            await scope.ServiceProvider.GetRequiredService<UploadEvidenceFileHandler>()
                .HandleAsync(new EvidenceUpload(id, null, "dpa.txt", new MemoryStream(EvidenceSamples.Text)), Xunit.TestContext.Current.CancellationToken);
        SignInAs(Roles.Viewer);
        RenderProviders();

        var cut = RenderPanel(id, canEdit: false);

        cut.WaitForElement("li[data-file-id]");
        Assert.Empty(cut.FindComponents<InputFile>());
        Assert.Empty(cut.FindAll("button.vr-evidence-delete"));
    }

    [Fact]
    public async Task The_dashboard_lists_expired_and_soon_expiring_evidence_linking_to_its_assessment_but_not_later_ones()
    {
        var id = await TestData.CreateDraftAsync(App);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        await using (var scope = App.ScopeAs(Roles.Assessor))
        {
            var uploads = scope.ServiceProvider.GetRequiredService<UploadEvidenceFileHandler>();
            foreach (var (name, until) in new[] { ("lapsed-soc2.txt", today.AddDays(-3)), ("soon-soc2.txt", today.AddDays(10)), ("later-soc2.txt", today.AddDays(200)) })
                await uploads.HandleAsync(new EvidenceUpload(id, null, name, new MemoryStream(EvidenceSamples.Text), until), Xunit.TestContext.Current.CancellationToken);
        }
        SignInAs(Roles.Viewer);

        var cut = Render<DashboardEvidence>();

        var rows = cut.WaitForElements("#dashboard-evidence tr[data-file-id]");
        var mine = rows.Where(r => r.TextContent.Contains("-soc2.txt", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, mine.Count);
        Assert.Contains("lapsed-soc2.txt", mine[0].TextContent, StringComparison.Ordinal);
        Assert.Equal("true", mine[0].GetAttribute("data-expired"));
        Assert.Contains("soon-soc2.txt", mine[1].TextContent, StringComparison.Ordinal);
        Assert.Equal($"/assessments/{id}", mine[1].QuerySelector("a")!.GetAttribute("href"));
    }
}
