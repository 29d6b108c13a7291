using System.Net;
using VendorRisk.Web.Features.Portal;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Portal;

/// <summary>
/// Issue 18: guessing links is slowed per client address (100 openings a minute). Its own app, so other tests'
/// openings from 127.0.0.1 do not count.
/// </summary>
public sealed class PortalRateLimitTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_hundred_wrong_tokens_in_a_minute_are_followed_by_429()
    {
        using var client = app.CreateRawClient();
        for (var i = 0; i < 100; i++)
        {
            var wrong = await client.GetAsync($"{PortalPaths.Open}/{PortalTokens.NewToken()}", Ct);
            Assert.True(wrong.StatusCode == HttpStatusCode.Redirect, $"attempt {i + 1}: {(int)wrong.StatusCode}");
        }

        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        var refused = await client.GetAsync(new Uri(invitation.Link).PathAndQuery, Ct);

        // Even the right token waits: the limit does not tell a guesser which of its tokens was right.
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Contains("Too many requests", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

}

/// <summary>Issue 18: one link's session is limited per minute, whichever addresses it is used from.</summary>
public sealed class PortalLinkRateLimitTests(PortalLinkRateLimitTests.LowLinkLimitApp app) : IClassFixture<PortalLinkRateLimitTests.LowLinkLimitApp>
{
    public sealed class LowLinkLimitApp : WebAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["VendorRisk:Portal:RequestsPerMinutePerLink"] = "5",
        };
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Opens a new link's session and sends six requests through it (the limit is five): their statuses, in order.</summary>
    private async Task<List<HttpStatusCode>> SixRequestsAsync(Func<HttpRequestMessage> request)
    {
        var draft = await TestData.CreateDraftAsync(app);
        var invitation = await app.InviteAsync(draft);
        using var client = app.CreateRawClient();
        await client.GetAsync(new Uri(invitation.Link).PathAndQuery, Ct);
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++)
        {
            using var message = request();
            statuses.Add((await client.SendAsync(message, Ct)).StatusCode);
        }
        return statuses;
    }

    private static HttpRequestMessage AcceptingJson(HttpRequestMessage request)
    {
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    [Fact]
    public async Task One_links_session_is_limited_per_minute()
    {
        var statuses = await SixRequestsAsync(() => AcceptingJson(new HttpRequestMessage(HttpMethod.Post, PortalPaths.Submit)));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Fact]
    public async Task The_questionnaire_page_counts_against_the_links_limit_too()
    {
        var statuses = await SixRequestsAsync(() => new HttpRequestMessage(HttpMethod.Get, PortalPaths.Questionnaire));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.OK, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Fact]
    public async Task A_file_post_too_large_to_attach_counts_against_the_links_limit_and_is_refused_unread_past_it()
    {
        // 28 MB: past the upload's 27 MB limit, so the oversized-post notice would answer it if the limit let it through.
        var statuses = await SixRequestsAsync(() => AcceptingJson(new HttpRequestMessage(HttpMethod.Post, PortalPaths.Files)
        {
            Content = new MultipartFormDataContent
            {
                { new StringContent("q1"), "questionKey" },
                { new ByteArrayContent(new byte[28 * 1024 * 1024]), "file", "recording.pdf" },
            },
        }));

        Assert.Equal(Enumerable.Repeat(HttpStatusCode.RequestEntityTooLarge, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }
}
