using System.Net;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;
using VendorRisk.Web.Tests.Security;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>
/// Issue 18, security of the vendor portal: the link opens one assessment's questionnaire and nothing else of the app,
/// its token is kept only as a hash, and expired, revoked and unknown links are refused.
/// </summary>
public sealed class PortalSecurityTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private string PathOf(HttpResponseMessage redirect) => new Uri(app.BaseAddress, redirect.Headers.Location!).AbsolutePath;

    [Fact]
    public async Task The_token_is_stored_only_as_its_sha256()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var token = PortalTestSupport.TokenOf(invitation);

        await using var db = await app.CreateDbContextAsync();
        var stored = await db.PortalInvitations.AsNoTracking().SingleAsync(i => i.Id == invitation.Id, Ct);
        Assert.Equal(43, token.Length);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token))), stored.TokenHash);
        var columns = new[] { stored.TokenHash, stored.ContactName, stored.ContactEmail, stored.CreatedByName };
        Assert.DoesNotContain(columns, c => c.Contains(token, StringComparison.Ordinal));
        Assert.False(await db.AuditEntries.AnyAsync(e => (e.NewValue ?? "").Contains(token) || e.Summary.Contains(token), Ct));
    }

    [Fact]
    public async Task The_portal_cookie_is_short_lived_http_only_and_scoped_to_the_portal_path()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);

        var (client, opened, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;

        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(PortalPaths.Questionnaire, opened.Headers.Location!.OriginalString);
        var setCookies = opened.Headers.GetValues("Set-Cookie").ToList();
        var cookie = setCookies.SingleOrDefault(c => c.StartsWith(PortalAuthentication.CookieName + "=", StringComparison.Ordinal));
        Assert.True(cookie is not null, string.Join(" | ", setCookies));
        Assert.Contains("path=/portal", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        // A session cookie (gone with the browser) whose ticket lasts an hour without use.
        Assert.DoesNotContain("expires=", cookie, StringComparison.OrdinalIgnoreCase);
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(PortalAuthentication.Scheme);
        Assert.Equal(TimeSpan.FromMinutes(60), options.ExpireTimeSpan);
    }

    [Fact]
    public async Task A_portal_session_reaches_no_page_of_the_app_and_no_api_endpoint()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, cookies) = await app.OpenAsync(invitation.Link);
        client.Dispose();
        var portalCookie = cookies.GetCookies(new Uri(app.BaseAddress, PortalPaths.Root)).Single(c => c.Name == PortalAuthentication.CookieName);
        // A forged browser sends the portal cookie everywhere, not only under /portal.
        var everywhere = new CookieContainer();
        everywhere.Add(app.BaseAddress, new Cookie(portalCookie.Name, portalCookie.Value, "/"));
        using var forged = app.CreateRawClient(everywhere);

        var reached = new List<string>();
        foreach (var (url, minimum) in AuthorizationMatrixTests.Pages.Values.Where(p => p.MinimumRole is not "public" and not AuthorizationMatrixTests.PortalOnly))
        {
            var response = await forged.GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.Redirect || !response.Headers.Location!.OriginalString.StartsWith(PublicEndpoints.Login, StringComparison.Ordinal))
                reached.Add($"{url} ({minimum}): {(int)response.StatusCode} {response.Headers.Location}");
        }
        foreach (var (url, _) in AuthorizationMatrixTests.Endpoints.Where(e => e.MinimumRole != "public"))
        {
            var response = await forged.GetAsync(url, Ct);
            if (response.StatusCode != HttpStatusCode.Redirect)
                reached.Add($"{url}: {(int)response.StatusCode}");
        }
        foreach (var (endpoint, (url, body, _)) in ApiAuthorizationMatrixTests.Endpoints)
        {
            using var request = new HttpRequestMessage(new HttpMethod(endpoint.Split(' ')[0]), url);
            if (body is not null)
                request.Content = ApiTestSupport.Json(body);
            var response = await forged.SendAsync(request, Ct);
            if (response.StatusCode != HttpStatusCode.Unauthorized)
                reached.Add($"{endpoint}: {(int)response.StatusCode}");
        }

        Assert.True(reached.Count == 0, "The portal cookie reached: " + string.Join("; ", reached));
        // The same cookie does open the portal, so the refusals above are the app's, not a broken cookie.
        Assert.Equal(HttpStatusCode.OK, (await forged.GetAsync(PortalPaths.Questionnaire, Ct)).StatusCode);
    }

    [Fact]
    public async Task A_link_shows_and_changes_only_its_own_assessment()
    {
        var mine = await TestData.CreateDraftAsync(app);
        var other = await TestData.CreateDraftAsync(app);
        var myInvitation = await app.InviteAsync(mine);
        var otherInvitation = await app.InviteAsync(other, name: "Other Contact", email: "other@elsewhere.example");
        string otherVendor;
        await using (var db = await app.CreateDbContextAsync())
            otherVendor = await db.Assessments.Where(a => a.Id == other).Select(a => a.Vendor.Name).SingleAsync(Ct);
        var (client, _, _) = await app.OpenAsync(myInvitation.Link);
        using var _client = client;

        var page = await client.GetStringAsync($"{PortalPaths.Questionnaire}?assessmentId={other}&invitationId={otherInvitation.Id}", Ct);
        var saved = await PortalTestSupport.SaveAsync(client, "buyer-eligibility",
            [new("choice", "restricted"), new("assessmentId", other.ToString(System.Globalization.CultureInfo.InvariantCulture)),
             new("invitationId", otherInvitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))], 0);

        Assert.DoesNotContain(otherVendor, page, StringComparison.Ordinal);
        Assert.DoesNotContain("Other Contact", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        await using var check = await app.CreateDbContextAsync();
        Assert.Equal([myInvitation.Id], await check.VendorAnswers.Where(a => a.Invitation.AssessmentId == mine || a.Invitation.AssessmentId == other)
            .Select(a => a.InvitationId).ToListAsync(Ct));
        Assert.False(await check.Answers.AnyAsync(a => a.AssessmentId == mine || a.AssessmentId == other, Ct));
    }

    [Fact]
    public async Task The_questionnaire_shows_no_score_no_note_and_no_analyst_answer()
    {
        var draft = await TestData.CreateDraftAsync(app);
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            await scope.ServiceProvider.GetRequiredService<Features.Assessments.AssessmentService>().SaveAnswersAsync(draft,
            [
                new(new Domain.Assessments.AnswerValue
                {
                    QuestionKey = "buyer-eligibility", Choice = "restricted", Note = "INTERNAL-NOTE-7731",
                    Evidence = new("ANALYST-EVIDENCE-5512", Domain.Assessments.EvidenceSource.PublicDocumentation, null),
                }),
            ], Ct);
        }
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;

        var page = await client.GetStringAsync(PortalPaths.Questionnaire, Ct);

        Assert.Contains("Questionnaire for", page, StringComparison.Ordinal);
        Assert.DoesNotContain("INTERNAL-NOTE-7731", page, StringComparison.Ordinal);
        Assert.DoesNotContain("ANALYST-EVIDENCE-5512", page, StringComparison.Ordinal);
        Assert.DoesNotMatch("<input[^>]*checked", page.Split("id=\"q-buyer-eligibility\"")[1].Split("</form>")[0]);
        Assert.DoesNotContain("Score so far", page, StringComparison.Ordinal);
        Assert.DoesNotContain("% complete", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/vendors", page, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/assessments", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_expired_link_is_refused_and_ends_an_open_session()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, PortalPaths.Questionnaire);

        await app.ExpireAsync(invitation.Id);
        var (_, reopened, _) = await app.OpenAsync(invitation.Link);
        var page = await client.GetAsync(PortalPaths.Questionnaire, Ct);
        var save = await client.PostAsync(PortalPaths.Answers, new FormUrlEncodedContent(
            [new("__RequestVerificationToken", token), new("questionKey", "buyer-eligibility"), new("choice", "restricted"), new("expectedVersion", "0")]), Ct);

        Assert.Equal(PortalPaths.Expired, reopened.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal(PortalPaths.Unavailable, PathOf(page));
        Assert.Equal(HttpStatusCode.Redirect, save.StatusCode);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.VendorAnswers.AnyAsync(a => a.InvitationId == invitation.Id, Ct));
        var expiredPage = await app.CreateRawClient().GetStringAsync(PortalPaths.Expired, Ct);
        Assert.Contains("This link has expired", expiredPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_revoked_link_looks_exactly_like_an_unknown_one()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;
        await using (var scope = app.ScopeAs(Roles.Assessor))
            await scope.ServiceProvider.GetRequiredService<InvitationService>().RevokeAsync(invitation.Id, Ct);

        var (_, revoked, _) = await app.OpenAsync(invitation.Link);
        var (_, unknown, _) = await app.OpenAsync(new Uri(app.BaseAddress, $"{PortalPaths.Open}/{PortalTokens.NewToken()}").ToString());
        var (_, malformed, _) = await app.OpenAsync(new Uri(app.BaseAddress, $"{PortalPaths.Open}/not-a-token").ToString());
        var session = await client.GetAsync(PortalPaths.Questionnaire, Ct);

        Assert.All(new[] { revoked, unknown, malformed }, r =>
        {
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
            Assert.Equal(PortalPaths.Unavailable, r.Headers.Location!.OriginalString);
            Assert.False(r.Headers.Contains("Set-Cookie") && r.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith(PortalAuthentication.CookieName, StringComparison.Ordinal)));
        });
        Assert.Equal(PortalPaths.Unavailable, PathOf(session));
        var page = await app.CreateRawClient().GetAsync(PortalPaths.Unavailable, Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("This link is not valid", await page.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Portal_pages_carry_the_apps_content_security_policy()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;

        foreach (var path in new[] { PortalPaths.Questionnaire, PortalPaths.Unavailable, PortalPaths.Expired })
        {
            var response = await client.GetAsync(path, Ct);
            Assert.Equal(SecurityHeaders.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
            Assert.True(response.Headers.CacheControl!.NoStore);
            Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("é-question")]
    [InlineData("x\r\nSet-Cookie: a=b")]
    public async Task A_forged_question_key_without_script_is_refused_with_a_redirect_to_the_page_and_sets_nothing(string key)
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;

        var response = await PortalTestSupport.SaveAsync(client, key, [new("choice", "restricted")], expectedVersion: 0, json: false);

        // Was a 500: the unescaped key in the redirect's fragment is not a valid header value.
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"{PortalPaths.Questionnaire}?failed={Uri.EscapeDataString(key)}#q-{Uri.EscapeDataString(key)}", response.Headers.Location!.OriginalString);
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("a=", StringComparison.Ordinal)));
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.VendorAnswers.AnyAsync(a => a.InvitationId == invitation.Id, Ct));
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;

        var response = await client.PostAsync(PortalPaths.Answers, new FormUrlEncodedContent(
            [new("questionKey", "buyer-eligibility"), new("choice", "restricted"), new("expectedVersion", "0")]), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await app.CreateDbContextAsync();
        Assert.False(await db.VendorAnswers.AnyAsync(a => a.InvitationId == invitation.Id, Ct));
    }

    [Fact]
    public async Task Every_portal_action_is_audited_under_the_invitations_id()
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var (client, _, _) = await app.OpenAsync(invitation.Link);
        using var _client = client;
        Assert.Equal(HttpStatusCode.OK, (await PortalTestSupport.SaveChoiceAsync(client, "buyer-eligibility", "restricted")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await PortalTestSupport.SubmitAsync(client)).StatusCode);
        await using (var scope = app.ScopeAs(Roles.Assessor))
            await scope.ServiceProvider.GetRequiredService<InvitationService>().RevokeAsync(invitation.Id, Ct);
        await app.OpenAsync(invitation.Link);

        await using var db = await app.CreateDbContextAsync();
        var id = invitation.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var actions = await db.AuditEntries.Where(e => e.EntityType == AuditEntityTypes.PortalInvitation && e.EntityId == id)
            .OrderBy(e => e.Id).Select(e => e.Action).ToListAsync(Ct);
        Assert.Equal([InviteVendorHandler.Action, OpenPortalLinkHandler.OpenedAction, SavePortalAnswerHandler.SavedAction, SubmitPortalAnswersHandler.SubmittedAction,
            RevokeInvitationHandler.Action, OpenPortalLinkHandler.RefusedAction], actions);
    }
}
