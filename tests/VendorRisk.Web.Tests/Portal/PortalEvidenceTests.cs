using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Domain.Access;
using VendorRisk.Web.Features.EvidenceFiles;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Tests.EvidenceFiles;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>
/// Issue 18: the vendor attaches evidence files through the portal link; the same content checks as the app's own
/// uploads, the portal lists only the files of its own link, and a portal session reads or deletes no file.
/// </summary>
public sealed class PortalEvidenceTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Question = "buyer-eligibility";
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(int Draft, CreatedInvitation Invitation, HttpClient Client, CookieContainer Cookies)> OpenDraftAsync()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, cookies) = await app.OpenAsync(invitation.Link);
        return (draft, invitation, client, cookies);
    }

    [Fact]
    public async Task A_pdf_attached_through_the_portal_is_stored_under_the_link_audited_and_listed_on_the_portal_page()
    {
        var (draft, invitation, client, _) = await OpenDraftAsync();

        var posted = await PortalTestSupport.AttachAsync(client, Question, EvidenceSamples.Pdf, "soc2-report.pdf");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{PortalPaths.Questionnaire}#files-{Question}", posted.Headers.Location!.OriginalString);
        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);
        Assert.Contains("soc2-report.pdf (1 KB)", page, StringComparison.Ordinal);
        Assert.Contains("&quot;soc2-report.pdf&quot; is attached.", page, StringComparison.Ordinal);
        // The notice is shown once.
        Assert.DoesNotContain("is attached.", await client.GetStringAsync(PortalPaths.Questionnaire, Ct), StringComparison.Ordinal);

        await using var db = await app.CreateDbContextAsync();
        var file = await db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.AssessmentId == draft, Ct);
        Assert.Equal(("soc2-report.pdf", Question, "application/pdf", $"portal-invitation:{invitation.Id}"),
            (file.Name, file.QuestionKey, file.ContentType, file.UploadedById));
        Assert.Equal("Jane Vendor (vendor portal)", file.UploadedByName);
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "evidence-file-uploaded" && e.UserId == $"portal-invitation:{invitation.Id}"
            && e.EntityId == $"{draft}/{file.Id}", Ct));
    }

    [Fact]
    public async Task An_html_file_named_pdf_is_refused_with_the_reason_and_nothing_is_stored()
    {
        var (draft, _, client, _) = await OpenDraftAsync();

        var posted = await PortalTestSupport.AttachAsync(client, Question, EvidenceSamples.Html, "invoice.pdf");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);
        Assert.Contains("Not attached:", page, StringComparison.Ordinal);
        Assert.Contains("HTML", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\" id=\"files-" + Question + "-notice\"", page, StringComparison.Ordinal);
        var empty = await PortalTestSupport.AttachAsync(client, Question, [], "empty.pdf");
        Assert.Equal(HttpStatusCode.Redirect, empty.StatusCode);
        Assert.Contains("Not attached:", await client.GetStringAsync(PortalPaths.Questionnaire, Ct), StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.EvidenceFiles.AnyAsync(f => f.AssessmentId == draft, Ct));
    }

    [Fact]
    public async Task A_file_over_the_limit_posted_without_script_is_refused_on_the_portal_page_and_nothing_is_stored()
    {
        var (draft, _, client, _) = await OpenDraftAsync();

        // Over the 25 MB limit and under the upload's 27 MB body limit: the store refuses it as it reads.
        var posted = await PortalTestSupport.AttachAsync(client, Question, new byte[26 * 1024 * 1024], "scan.pdf");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);
        Assert.Contains("Not attached:", page, StringComparison.Ordinal);
        Assert.Contains("larger than 25 MB", page, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.EvidenceFiles.AnyAsync(f => f.AssessmentId == draft, Ct));
    }

    [Fact]
    public async Task A_file_past_the_server_body_limit_posted_without_script_gets_the_notice_instead_of_a_dropped_connection()
    {
        var (draft, _, client, _) = await OpenDraftAsync();

        // 40 MB: past Kestrel's 28.6 MB default, which cut the connection while the antiforgery check read the form.
        var posted = await PortalTestSupport.AttachAsync(client, Question, new byte[40 * 1024 * 1024], "recording.pdf");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal($"{PortalPaths.Questionnaire}#files-{Question}", posted.Headers.Location?.OriginalString);
        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);
        Assert.Contains("Not attached: The file is larger than 25 MB", page, StringComparison.Ordinal);
        Assert.Contains("role=\"alert\" id=\"files-" + Question + "-notice\"", page, StringComparison.Ordinal);
        // The connection stays usable, and a file of the right size still attaches.
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestSupport.AttachAsync(client, Question, EvidenceSamples.Pdf, "soc2.pdf")).StatusCode);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(["soc2.pdf"], await db.EvidenceFiles.Where(f => f.AssessmentId == draft).Select(f => f.Name).ToListAsync(Ct));
    }

    [Fact]
    public async Task A_file_past_the_server_body_limit_sent_by_script_gets_413_with_the_reason()
    {
        var (draft, _, client, _) = await OpenDraftAsync();
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, PortalPaths.Questionnaire);
        using var content = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent(Question), "questionKey" },
            { new ByteArrayContent(new byte[40 * 1024 * 1024]), "file", "recording.pdf" },
        };
        using var request = new HttpRequestMessage(HttpMethod.Post, PortalPaths.Files) { Content = content };
        request.Headers.Accept.ParseAdd("application/json");

        var posted = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, posted.StatusCode);
        Assert.Contains("larger than 25 MB", await posted.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.EvidenceFiles.AnyAsync(f => f.AssessmentId == draft, Ct));
    }

    [Fact]
    public async Task A_file_post_without_the_antiforgery_token_is_refused_and_nothing_is_stored()
    {
        var (draft, _, client, _) = await OpenDraftAsync();
        using var content = new MultipartFormDataContent
        {
            { new StringContent(Question), "questionKey" },
            { new ByteArrayContent(EvidenceSamples.Pdf), "file", "forged.pdf" },
        };

        var posted = await client.PostAsync(PortalPaths.Files, content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.EvidenceFiles.AnyAsync(f => f.AssessmentId == draft, Ct));
    }

    [Fact]
    public async Task The_portal_lists_only_the_files_sent_through_its_own_link()
    {
        var (draft, _, client, _) = await OpenDraftAsync();
        var other = await app.InviteAsync(draft, name: "Other Contact", email: "other@vendor.example");
        var (otherClient, _, _) = await app.OpenAsync(other.Link);
        await PortalTestSupport.AttachAsync(otherClient, Question, EvidenceSamples.Pdf, "other-contacts-file.pdf");
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            using var stream = new MemoryStream(EvidenceSamples.Pdf);
            await scope.ServiceProvider.GetRequiredService<UploadEvidenceFileHandler>().HandleAsync(
                new EvidenceUpload(draft, Question, "analysts-internal-file.pdf", stream), Ct);
        }
        await PortalTestSupport.AttachAsync(client, Question, EvidenceSamples.Pdf, "mine.pdf");

        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);

        Assert.Contains("mine.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("other-contacts-file.pdf", page, StringComparison.Ordinal);
        Assert.DoesNotContain("analysts-internal-file.pdf", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_portal_session_can_neither_download_nor_delete_any_file()
    {
        var (draft, _, client, cookies) = await OpenDraftAsync();
        await PortalTestSupport.AttachAsync(client, Question, EvidenceSamples.Pdf, "sent.pdf");
        int fileId;
        await using (var db = await app.CreateDbContextAsync())
            fileId = await db.EvidenceFiles.Where(f => f.AssessmentId == draft).Select(f => f.Id).SingleAsync(Ct);
        var portalCookie = cookies.GetCookies(new Uri(app.BaseAddress, PortalPaths.Root)).Single(c => c.Name == PortalAuthentication.CookieName);
        // A forged browser sends the portal cookie everywhere, not only under /portal.
        var everywhere = new CookieContainer();
        everywhere.Add(app.BaseAddress, new Cookie(portalCookie.Name, portalCookie.Value, "/"));
        using var forged = app.CreateRawClient(everywhere);

        var download = await forged.GetAsync(EvidenceFileEndpoints.DownloadPath(fileId), Ct);
        var apiDownload = await forged.GetAsync($"/api/v1/files/{fileId}", Ct);
        var apiDelete = await forged.DeleteAsync($"/api/v1/files/{fileId}", Ct);
        var portalGet = await client.GetAsync($"{PortalPaths.Files}?id={fileId}", Ct);

        Assert.Equal(HttpStatusCode.Redirect, download.StatusCode);
        Assert.StartsWith(PublicEndpoints.Login, download.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, apiDownload.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, apiDelete.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, portalGet.StatusCode);
        Assert.DoesNotContain("%PDF", await portalGet.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        await using var check = await app.CreateDbContextAsync();
        Assert.True(await check.EvidenceFiles.AnyAsync(f => f.Id == fileId, Ct));
    }

    [Fact]
    public async Task A_text_file_named_as_a_script_is_stored_under_a_txt_name_so_opening_it_runs_nothing()
    {
        var (draft, _, client, _) = await OpenDraftAsync();

        var posted = await PortalTestSupport.AttachAsync(client, Question, "Set s=CreateObject(\"WScript.Shell\")\ns.Run \"calc.exe\""u8.ToArray(), "SOC2-summary.vbs");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        await using var db = await app.CreateDbContextAsync();
        var file = await db.EvidenceFiles.AsNoTracking().SingleAsync(f => f.AssessmentId == draft, Ct);
        Assert.Equal(("SOC2-summary.vbs.txt", "text/plain"), (file.Name, file.ContentType));
    }

    [Fact]
    public async Task A_file_received_before_the_answers_were_submitted_is_not_added_after_it()
    {
        var (draft, invitation, client, _) = await OpenDraftAsync();
        await using var scope = app.Services.CreateAsyncScope();
        // The upload's bytes arrive (outside any transaction) while the contact submits in another tab.
        var received = await scope.ServiceProvider.GetRequiredService<EvidenceFileStore>().ReceiveAsync(
            new EvidenceUpload(draft, Question, "late.pdf", new MemoryStream(EvidenceSamples.Pdf)), Ct);
        Assert.Equal(HttpStatusCode.OK, (await PortalTestSupport.SaveChoiceAsync(client, Question, "restricted")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestSupport.SubmitAsync(client)).StatusCode);
        await using (var check = await app.CreateDbContextAsync())
            Assert.NotNull((await check.PortalInvitations.SingleAsync(i => i.Id == invitation.Id, Ct)).SubmittedAt);

        var adding = scope.ServiceProvider.GetRequiredService<UseCasePipeline>().RunAsync(new AttachPortalEvidenceRequest(invitation.Id, received), Ct);

        var refused = await Assert.ThrowsAsync<ConflictException>(() => adding);
        Assert.Contains("submitted", refused.Message, StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.EvidenceFiles.AnyAsync(f => f.AssessmentId == draft, Ct));
    }
}

/// <summary>A stream whose first read waits for <see cref="Release"/>: an upload still arriving.</summary>
internal sealed class HeldStream(byte[] content) : MemoryStream(content)
{
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public TaskCompletionSource Reading { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _release.TrySetResult();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Reading.TrySetResult();
        await _release.Task.WaitAsync(cancellationToken);
        return await base.ReadAsync(buffer, cancellationToken);
    }
}

/// <summary>A link has at most <see cref="PortalUploadGate.MaxInFlightPerLink"/> files in the works at once.</summary>
public sealed class PortalUploadsInFlightTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_third_file_while_two_from_the_same_link_are_still_arriving_is_refused_and_the_two_attach()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var other = await app.InviteAsync(draft, name: "Other Contact", email: "other@vendor.example");
        var scopes = new List<AsyncServiceScope>();
        Task<PortalFile> Attach(int invitationId, string name, Stream content)
        {
            var scope = app.Services.CreateAsyncScope();
            scopes.Add(scope);
            return scope.ServiceProvider.GetRequiredService<PortalEvidence>().AttachAsync(invitationId, "buyer-eligibility", name, content, Ct);
        }
        try
        {
            using var one = new HeldStream(EvidenceSamples.Pdf);
            using var two = new HeldStream(EvidenceSamples.Pdf);
            var first = Attach(invitation.Id, "one.pdf", one);
            var second = Attach(invitation.Id, "two.pdf", two);
            await Task.WhenAll(one.Reading.Task, two.Reading.Task).WaitAsync(TimeSpan.FromSeconds(30), Ct);

            var third = await Assert.ThrowsAsync<ValidationFailedException>(() => Attach(invitation.Id, "three.pdf", new MemoryStream(EvidenceSamples.Pdf)));
            // Another link of the same assessment is not held up.
            var others = await Attach(other.Id, "others.pdf", new MemoryStream(EvidenceSamples.Pdf));
            one.Release();
            two.Release();
            await Task.WhenAll(first, second);
            var fourth = await Attach(invitation.Id, "four.pdf", new MemoryStream(EvidenceSamples.Pdf));

            Assert.Contains("still being received", third.Sentences, StringComparison.Ordinal);
            Assert.Equal(("others.pdf", "four.pdf"), (others.Name, fourth.Name));
            await using var db = await app.CreateDbContextAsync();
            var names = await db.EvidenceFiles.Where(f => f.AssessmentId == draft).Select(f => f.Name).ToListAsync(Ct);
            Assert.Equal(["four.pdf", "one.pdf", "others.pdf", "two.pdf"], names.Order(StringComparer.Ordinal));
        }
        finally
        {
            foreach (var scope in scopes)
                await scope.DisposeAsync();
        }
    }
}

/// <summary>A link sends at most <see cref="PortalOptions.MaxFilesPerLink"/> files, so it cannot flood the analysts' file list.</summary>
public sealed class PortalFileCountTests(PortalFileCountTests.TwoFilesApp app) : IClassFixture<PortalFileCountTests.TwoFilesApp>
{
    public sealed class TwoFilesApp : WebAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["VendorRisk:Portal:MaxFilesPerLink"] = "2",
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_links_third_file_is_refused_with_the_reason_while_the_analysts_own_uploads_do_not_count()
    {
        var draft = await TestData.CreateDraftAsync(app);
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            using var stream = new MemoryStream(EvidenceSamples.Pdf);
            await scope.ServiceProvider.GetRequiredService<UploadEvidenceFileHandler>().HandleAsync(
                new EvidenceUpload(draft, "buyer-eligibility", "analysts-file.pdf", stream), Ct);
        }
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;

        await PortalTestSupport.AttachAsync(client, "buyer-eligibility", EvidenceSamples.Pdf, "one.pdf");
        await PortalTestSupport.AttachAsync(client, "buyer-eligibility", EvidenceSamples.Pdf, "two.pdf");
        var third = await PortalTestSupport.AttachAsync(client, "buyer-eligibility", EvidenceSamples.Pdf, "three.pdf");

        Assert.Equal(HttpStatusCode.Redirect, third.StatusCode);
        Assert.Contains("Not attached: This link has sent 2 files, the most one link may send.", await client.GetStringAsync(PortalPaths.Questionnaire, Ct), StringComparison.Ordinal);
        await using var db = await app.CreateDbContextAsync();
        Assert.Equal(["analysts-file.pdf", "one.pdf", "two.pdf"], await db.EvidenceFiles.Where(f => f.AssessmentId == draft).OrderBy(f => f.Id).Select(f => f.Name).ToListAsync(Ct));
    }
}
