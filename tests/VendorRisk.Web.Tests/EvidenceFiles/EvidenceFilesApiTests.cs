using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Findings;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.EvidenceFiles;

/// <summary>api.md's evidence-file endpoints over real Kestrel: what is accepted, what is refused and why, downloads, deletes.</summary>
public sealed class EvidenceFilesApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    internal static Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, string key, string name, byte[] content, string? validUntil = null) =>
        client.PostAsync($"/api/v1/assessments/{id}/answers/{key}/files{(validUntil is null ? "" : "?validUntil=" + validUntil)}",
            EvidenceSamples.Form(name, content), Ct);

    private static async Task<List<JsonElement>> FilesOnAsync(HttpClient client, int id, string key)
    {
        var assessment = await (await client.GetAsync($"/api/v1/assessments/{id}", Ct)).ReadJsonAsync();
        return assessment.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionKey").GetString() == key)
            .GetProperty("files").EnumerateArray().ToList();
    }

    public static TheoryData<string, string> AllowedTypes() => new()
    {
        { "soc2-report.pdf", "application/pdf" },
        { "architecture.png", "image/png" },
        { "badge.jpg", "image/jpeg" },
        { "dpa.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document" },
        { "pricing.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" },
        { "controls.csv", "text/csv" },
        { "summary.txt", "text/plain" },
    };

    private static byte[] SampleFor(string name) => Path.GetExtension(name) switch
    {
        ".pdf" => EvidenceSamples.Pdf,
        ".png" => EvidenceSamples.Png,
        ".jpg" => EvidenceSamples.Jpeg,
        ".docx" => EvidenceSamples.Docx(),
        ".xlsx" => EvidenceSamples.Xlsx(),
        ".csv" => EvidenceSamples.Csv,
        _ => EvidenceSamples.Text,
    };

    [Theory]
    [MemberData(nameof(AllowedTypes))]
    public async Task Each_accepted_type_is_stored_with_the_type_its_content_shows_and_listed_on_its_answer(string name, string contentType)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        var bytes = SampleFor(name);

        var response = await UploadAsync(assessor, id, "guard", name, bytes);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        var body = await response.ReadJsonAsync();
        Assert.Equal(name, body.GetProperty("name").GetString());
        Assert.Equal(contentType, body.GetProperty("contentType").GetString());
        Assert.Equal(bytes.Length, body.GetProperty("size").GetInt64());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), body.GetProperty("sha256").GetString());
        var fileId = body.GetProperty("id").GetInt32();
        Assert.Equal($"/api/v1/files/{fileId}", response.Headers.Location!.OriginalString);
        var listed = Assert.Single(await FilesOnAsync(assessor, id, "guard"));
        Assert.Equal(fileId, listed.GetProperty("id").GetInt32());
        Assert.Equal(contentType, listed.GetProperty("contentType").GetString());
        Assert.Empty(await FilesOnAsync(assessor, id, "logs"));
    }

    public static TheoryData<string, string, string> Refusals() => new()
    {
        { "html-named-pdf", "report.pdf", "HTML" },
        { "windows-exe", "report.pdf", "program" },
        { "elf", "tool", "program" },
        { "empty", "empty.pdf", "empty" },
        { "png-named-pdf", "report.pdf", "PNG image" },
        { "plain-zip", "bundle.zip", "ZIP archive" },
        { "pdf", "../../etc/report.pdf", "path" },
        { "pdf", "C:\\evidence\\report.pdf", "path" },
        { "pdf", "report\n.pdf", "control characters" },
        { "pdf", "report\u0000.pdf", "control characters" },
    };

    private static byte[] Refused(string sample) => sample switch
    {
        "html-named-pdf" => EvidenceSamples.Html,
        "windows-exe" => EvidenceSamples.WindowsExe,
        "elf" => EvidenceSamples.Elf,
        "empty" => [],
        "png-named-pdf" => EvidenceSamples.Png,
        "plain-zip" => EvidenceSamples.PlainZip(),
        _ => EvidenceSamples.Pdf,
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_refused_file_is_400_with_the_reason_and_nothing_is_stored(string sample, string name, string reason)
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);

        var response = await UploadAsync(assessor, id, "guard", name, Refused(sample));

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var messages = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("file").EnumerateArray().Select(m => m.GetString()!).ToList();
        Assert.Contains(messages, m => m.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(await FilesOnAsync(assessor, id, "guard"));
    }

    [Fact]
    public async Task A_26_MB_file_is_refused_with_400_before_it_is_stored()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        using var form = EvidenceSamples.Form("big.pdf", new StreamContent(new GeneratedPdfStream(26L * 1024 * 1024)));

        var response = await assessor.PostAsync($"/api/v1/assessments/{id}/answers/guard/files", form, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        var message = (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains("larger than 25 MB", message, StringComparison.Ordinal);
        Assert.Empty(await FilesOnAsync(assessor, id, "guard"));
    }

    [Fact]
    public async Task A_file_of_exactly_25_MB_is_accepted()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        using var form = EvidenceSamples.Form("limit.pdf", new StreamContent(new GeneratedPdfStream(25L * 1024 * 1024)));

        var response = await assessor.PostAsync($"/api/v1/assessments/{id}/answers/guard/files", form, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.Created);
        Assert.Equal(25L * 1024 * 1024, (await response.ReadJsonAsync()).GetProperty("size").GetInt64());
    }

    [Fact]
    public async Task A_download_is_an_attachment_with_its_name_never_sniffed_nor_cached_for_a_viewer()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        var created = await (await UploadAsync(assessor, id, "guard", "Prüfbericht 2026.pdf", EvidenceSamples.Pdf)).ReadJsonAsync();

        var response = await viewer.GetAsync($"/api/v1/files/{created.GetProperty("id").GetInt32()}", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("attachment", disposition.DispositionType);
        Assert.Equal("Prüfbericht 2026.pdf", disposition.FileNameStar);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        // Sandboxed should a browser render it anyway: the app-wide policy does not replace the download's own.
        Assert.Equal("sandbox; default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(response.Headers.CacheControl?.NoStore);
        Assert.Equal(EvidenceSamples.Pdf, await response.Content.ReadAsByteArrayAsync(Ct));
    }

    [Fact]
    public async Task Files_change_only_on_a_draft_409_and_deletes_and_uploads_are_audited()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        var kept = (await (await UploadAsync(assessor, id, "guard", "kept.pdf", EvidenceSamples.Pdf)).ReadJsonAsync()).GetProperty("id").GetInt32();
        var removed = (await (await UploadAsync(assessor, id, "logs", "removed.txt", EvidenceSamples.Text)).ReadJsonAsync()).GetProperty("id").GetInt32();

        await ApiScenario.ExpectAsync(await assessor.DeleteAsync($"/api/v1/files/{removed}", Ct), HttpStatusCode.NoContent);
        await ApiScenario.ExpectAsync(await assessor.GetAsync($"/api/v1/files/{removed}", Ct), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await assessor.DeleteAsync($"/api/v1/files/{removed}", Ct), HttpStatusCode.NotFound);

        await ApiScenario.ExpectAsync(await assessor.PostAsJsonAsync($"/api/v1/assessments/{id}/submit", new { confirmIncomplete = true }, Ct), HttpStatusCode.OK);
        var delete = await assessor.DeleteAsync($"/api/v1/files/{kept}", Ct);
        await ApiScenario.ExpectAsync(delete, HttpStatusCode.Conflict);
        Assert.Equal("submitted", (await delete.ReadJsonAsync()).GetProperty("current").GetProperty("status").GetString());
        await ApiScenario.ExpectAsync(await UploadAsync(assessor, id, "guard", "late.pdf", EvidenceSamples.Pdf), HttpStatusCode.Conflict);
        await ApiScenario.ExpectAsync(await assessor.GetAsync($"/api/v1/files/{kept}", Ct), HttpStatusCode.OK);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>().CreateDbContextAsync(Ct);
        var audit = await db.AuditEntries.Where(e => e.EntityType == AuditEntityTypes.EvidenceFile && e.EntityId!.StartsWith($"{id}/"))
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal(["evidence-file-uploaded", "evidence-file-uploaded", "evidence-file-deleted"], audit);
        await using var viewer = app.ScopeAs(Roles.Viewer);
        var history = await viewer.ServiceProvider.GetRequiredService<VendorRisk.Web.Features.Audit.AuditService>()
            .HistoryAsync(AuditEntityTypes.Assessment, id.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct);
        Assert.Contains(history, e => e.Action == "evidence-file-deleted" && e.Summary.Contains("removed.txt", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_assessment_report_lists_each_answers_files_by_name_date_and_sha256_prefix()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        var created = await (await UploadAsync(assessor, id, "guard", "guard-pen-test.pdf", EvidenceSamples.Pdf, validUntil: "2027-03-31")).ReadJsonAsync();
        var sha = created.GetProperty("sha256").GetString()!;

        var response = await assessor.GetAsync($"/api/v1/assessments/{id}/report.pdf", Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.OK);
        using var pdf = UglyToad.PdfPig.PdfDocument.Open(await response.Content.ReadAsByteArrayAsync(Ct));
        var text = Squeeze(string.Concat(pdf.GetPages().Select(p => p.Text)));
        var line = Squeeze($"File: guard-pen-test.pdf, {DateTime.UtcNow:yyyy-MM-dd}, SHA-256 {sha[..16]}, valid until 2027-03-31");
        Assert.Contains(line, text, StringComparison.Ordinal);
        Assert.DoesNotContain(sha[..20], text, StringComparison.Ordinal);
    }

    private static string Squeeze(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    [Fact]
    public async Task Only_the_drafts_assessor_or_an_admin_may_attach_or_delete_403()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        using var otherAssessor = await app.ApiClientAsync(Roles.Reviewer);
        using var admin = await app.ApiClientAsync(Roles.Admin);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        var fileId = (await (await UploadAsync(admin, id, "guard", "by-admin.pdf", EvidenceSamples.Pdf)).ReadJsonAsync()).GetProperty("id").GetInt32();

        await ApiScenario.ExpectAsync(await UploadAsync(otherAssessor, id, "guard", "x.pdf", EvidenceSamples.Pdf), HttpStatusCode.Forbidden);
        await ApiScenario.ExpectAsync(await otherAssessor.DeleteAsync($"/api/v1/files/{fileId}", Ct), HttpStatusCode.Forbidden);
        Assert.Single(await FilesOnAsync(assessor, id, "guard"));
    }

    [Fact]
    public async Task An_unknown_question_or_assessment_is_404_and_a_bad_valid_until_400()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);

        await ApiScenario.ExpectAsync(await UploadAsync(assessor, id, "no-such-question", "a.pdf", EvidenceSamples.Pdf), HttpStatusCode.NotFound);
        await ApiScenario.ExpectAsync(await UploadAsync(assessor, 999999, "guard", "a.pdf", EvidenceSamples.Pdf), HttpStatusCode.NotFound);
        var badDate = await UploadAsync(assessor, id, "guard", "a.pdf", EvidenceSamples.Pdf, validUntil: "31.03.2027");
        await ApiScenario.ExpectAsync(badDate, HttpStatusCode.BadRequest);
        Assert.Contains("validUntil", await badDate.ErrorPathsAsync());
        var notMultipart = await assessor.PostAsync($"/api/v1/assessments/{id}/answers/guard/files", ApiTestSupport.Json("{}"), Ct);
        await ApiScenario.ExpectAsync(notMultipart, HttpStatusCode.BadRequest);
        Assert.Contains("file", await notMultipart.ErrorPathsAsync());
    }
}

/// <summary>An app whose assessments may hold 1,000 bytes of evidence each.</summary>
public sealed class SmallQuotaFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["VendorRisk:EvidenceFiles:QuotaBytes"] = "1000" };
}

public sealed class EvidenceQuotaTests(SmallQuotaFixture app) : IClassFixture<SmallQuotaFixture>
{
    [Fact]
    public async Task An_upload_past_the_assessments_quota_is_400_with_the_quota_and_what_is_used()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        var sixHundred = System.Text.Encoding.UTF8.GetBytes(new string('a', 599) + "\n");
        await ApiScenario.ExpectAsync(await EvidenceFilesApiTests.UploadAsync(assessor, id, "guard", "first.txt", sixHundred), HttpStatusCode.Created);

        var over = await EvidenceFilesApiTests.UploadAsync(assessor, id, "logs", "second.txt", sixHundred);

        await ApiScenario.ExpectAsync(over, HttpStatusCode.BadRequest);
        var message = (await over.ReadJsonAsync()).GetProperty("errors").GetProperty("file")[0].GetString();
        Assert.Contains("quota", message, StringComparison.Ordinal);
        var other = await PilotScenario.CreateAsync(app, assessor, submit: false);
        await ApiScenario.ExpectAsync(await EvidenceFilesApiTests.UploadAsync(assessor, other, "guard", "elsewhere.txt", sixHundred), HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_vendor_past_the_quota_is_told_it_is_full_but_not_how_much_the_buyer_holds()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var id = await PilotScenario.CreateAsync(app, assessor, submit: false);
        var sixHundred = System.Text.Encoding.UTF8.GetBytes(new string('a', 599) + "\n");
        await ApiScenario.ExpectAsync(await EvidenceFilesApiTests.UploadAsync(assessor, id, "guard", "analysts.txt", sixHundred), HttpStatusCode.Created);
        var invitation = await Portal.PortalTestSupport.InviteAsync(app, id);
        var (client, _, _) = await Portal.PortalTestSupport.OpenAsync(app, invitation.Link);
        using var _client = client;

        await Portal.PortalTestSupport.AttachAsync(client, "guard", sixHundred, "vendors.txt");

        var page = await client.GetStringAsync(Web.Features.Portal.PortalPaths.Questionnaire, TestContext.Current.CancellationToken);
        Assert.Contains("Not attached: There is no room left for this file", page, StringComparison.Ordinal);
        Assert.DoesNotContain("quota", page, StringComparison.Ordinal);
        Assert.DoesNotContain(" MB used", page, StringComparison.Ordinal);
    }
}
