using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Findings;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.EvidenceFiles;

/// <summary>api.md: an upload holds one file. A second was stored as nothing, silently, while the first was kept.</summary>
public sealed class OneFilePerUploadTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_upload_with_two_file_parts_is_400_on_file_and_neither_is_stored()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        using var form = EvidenceSamples.Form("first.pdf", EvidenceSamples.Pdf);
        var second = new ByteArrayContent(EvidenceSamples.Text);
        second.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = "second.txt" };
        form.Add(second);

        var response = await assessor.PostAsync($"/api/v1/assessments/{id}/answers/guard/files", form, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal(["file"], await response.ErrorPathsAsync());
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.EvidenceFiles.AnyAsync(f => f.AssessmentId == id, Ct));
    }
}
