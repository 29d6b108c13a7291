using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.ScaleOut;

/// <summary>
/// A user signs in through the reverse proxy and stays on one instance (sticky sessions); an answer
/// saved on that instance is read on the other; the sign-in cookie issued by one instance is accepted
/// by the other, because both read the data-protection keys from the shared database.
/// </summary>
public sealed class ReverseProxyTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Signed_in_through_the_proxy_a_session_sticks_to_one_instance_and_the_other_accepts_its_cookie_and_sees_its_answer()
    {
        var cookies = new CookieContainer();
        using var sticky = ProxyClient(cookies);
        var login = await WebAppFixture.PostLoginAsync(sticky, WebAppFixture.EmailOf(Roles.Assessor), WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.DoesNotContain("login", login.Headers.Location!.OriginalString, StringComparison.OrdinalIgnoreCase);
        var home = InstanceOf(login);
        Assert.Contains(cookies.GetAllCookies(), c => c.Name == TwoInstancesFixture.AffinityCookie);

        // Sticky: the session keeps landing on the instance that signed it in.
        for (var i = 0; i < 4; i++)
        {
            var page = await sticky.GetAsync("/", Ct);
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Equal(home, InstanceOf(page));
        }

        // Answer on the session's instance, through the proxy.
        var id = await TestData.CreateDraftAsync(instances.A);
        var token = await TokenAsync();
        sticky.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var put = await sticky.PutAsJsonAsync($"/api/v1/assessments/{id}/answers",
            new { answers = new[] { new { questionKey = "region-gating", choice = "some-gaps", note = "saved behind the proxy" } } }, Ct);
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(home, InstanceOf(put));

        // The same sign-in cookie, without the affinity cookie, until the proxy balances it onto the other instance.
        var auth = cookies.GetAllCookies().Where(c => c.Name != TwoInstancesFixture.AffinityCookie).ToList();
        Assert.NotEmpty(auth);
        HttpResponseMessage? elsewhere = null;
        HttpClient? other = null;
        for (var attempt = 0; attempt < 6 && elsewhere is null; attempt++)
        {
            var jar = new CookieContainer();
            foreach (var cookie in auth)
                jar.Add(cookie);
            var client = ProxyClient(jar);
            var response = await client.GetAsync("/", Ct);
            if (InstanceOf(response) != home)
                (elsewhere, other) = (response, client);
            else
                client.Dispose();
        }

        Assert.NotNull(elsewhere);
        using (other)
        {
            // Accepted: the page itself, not a redirect to sign-in.
            Assert.Equal(HttpStatusCode.OK, elsewhere.StatusCode);
            other!.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            var read = await other.GetAsync($"/api/v1/assessments/{id}", Ct);
            Assert.Equal(HttpStatusCode.OK, read.StatusCode);
            Assert.NotEqual(home, InstanceOf(read));
            using var body = JsonDocument.Parse(await read.Content.ReadAsStringAsync(Ct));
            var answer = body.RootElement.GetProperty("answers").EnumerateArray().Single(a => a.GetProperty("questionKey").GetString() == "region-gating");
            Assert.Equal("some-gaps", answer.GetProperty("choice").GetString());
            Assert.Equal("saved behind the proxy", answer.GetProperty("note").GetString());
        }
    }

    [Fact]
    public async Task A_cookie_issued_by_one_instance_is_accepted_by_the_other_directly()
    {
        var issued = new CookieContainer();
        using var onA = instances.A.CreateRawClient(issued);
        var login = await WebAppFixture.PostLoginAsync(onA, WebAppFixture.EmailOf(Roles.Viewer), WebAppFixture.Password);
        Assert.Equal(HttpStatusCode.Redirect, login.StatusCode);
        Assert.Equal("A", InstanceOf(login));

        var carried = new CookieContainer();
        foreach (Cookie cookie in issued.GetCookies(instances.A.BaseAddress))
            carried.Add(instances.B.BaseAddress, new Cookie(cookie.Name, cookie.Value, "/"));
        using var onB = instances.B.CreateRawClient(carried);
        var page = await onB.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("B", InstanceOf(page));
    }

    private HttpClient ProxyClient(CookieContainer cookies) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies, UseCookies = true }) { BaseAddress = instances.ProxyAddress };

    private async Task<string> TokenAsync()
    {
        await using var scope = instances.A.ScopeAs(Roles.Assessor);
        return (await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync("proxy test", 1, Ct)).Token;
    }

    private static string InstanceOf(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Test-Instance", out var values) ? values.Single() : "(none)";
}
