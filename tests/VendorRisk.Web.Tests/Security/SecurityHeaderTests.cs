using System.Net;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

public sealed class SecurityHeaderTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Theory]
    [InlineData("/health")]
    [InlineData("/account/login")]
    [InlineData("/")]
    public async Task Every_response_carries_the_security_headers(string path)
    {
        using var client = app.CreateRawClient();
        var response = await client.GetAsync(path, TestContext.Current.CancellationToken);

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task The_auth_cookie_is_http_only_and_same_site_lax_over_http()
    {
        var cookie = await SignInCookieAsync(forwardedHttps: false);
        Assert.StartsWith(".VendorRisk.Auth=", cookie);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Behind_a_trusted_https_proxy_the_cookie_is_secure_with_the_host_prefix_and_hsts_is_sent()
    {
        var cookie = await SignInCookieAsync(forwardedHttps: true);
        Assert.StartsWith("__Host-VendorRisk.Auth=", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);

        using var client = app.CreateRawClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health");
        request.Headers.Add("X-Forwarded-Proto", "https");
        request.Headers.Add("X-Forwarded-Host", "vendorrisk.example.com");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.True(response.Headers.Contains("Strict-Transport-Security"));
    }

    private async Task<string> SignInCookieAsync(bool forwardedHttps)
    {
        using var client = app.CreateRawClient();
        var token = await WebAppFixture.AntiforgeryTokenAsync(client, "/account/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["__RequestVerificationToken"] = token,
                ["Input.Email"] = WebAppFixture.EmailOf(Roles.Viewer),
                ["Input.Password"] = WebAppFixture.Password,
            }),
        };
        if (forwardedHttps)
            request.Headers.Add("X-Forwarded-Proto", "https");
        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response.Headers.GetValues("Set-Cookie").Single(c => c.Contains("VendorRisk.Auth"));
    }
}
