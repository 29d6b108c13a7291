using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Components;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Security;

/// <summary>
/// Every routable page and every download endpoint × every role, against one expected table.
/// A page added without a row here fails <see cref="Every_routable_page_is_in_the_matrix"/>.
/// </summary>
public sealed class AuthorizationMatrixTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private const string Public = "public";

    /// <summary>Route template → (a concrete URL to request, the least role that may open it).</summary>
    public static readonly IReadOnlyDictionary<string, (string Url, string MinimumRole)> Pages = new Dictionary<string, (string, string)>
    {
        ["/"] = ("/", Roles.Viewer),
        ["/account/login"] = ("/account/login", Public),
        ["/account/access-denied"] = ("/account/access-denied", Public),
        ["/account/lockout"] = ("/account/lockout", Public),
        ["/account/sign-out"] = ("/account/sign-out", Roles.Viewer),
        ["/setup"] = ("/setup", Public),
        ["/not-found"] = ("/not-found", Public),
        ["/error"] = ("/error", Public),
        ["/vendors"] = ("/vendors", Roles.Viewer),
        ["/assessments"] = ("/assessments", Roles.Viewer),
        ["/findings"] = ("/findings", Roles.Viewer),
        ["/vendors/{Id:int}"] = ("/vendors/999999", Roles.Viewer),
        ["/assessments/{Id:int}"] = ("/assessments/999999", Roles.Viewer),
        ["/compare"] = ("/compare", Roles.Viewer),
        ["/question-sets"] = ("/question-sets", Roles.Viewer),
        ["/question-sets/{Key}/versions/{Number:int}"] = ("/question-sets/frontier-ai-buyer-checklist/versions/1", Roles.Viewer),
        ["/question-sets/{Key}/versions/{Number:int}/edit"] = ("/question-sets/frontier-ai-buyer-checklist/versions/1/edit", Roles.Admin),
        ["/users"] = ("/users", Roles.Admin),
        ["/account"] = ("/account", Roles.Viewer),
        ["/audit"] = ("/audit", Roles.Admin),
        ["/admin/mail"] = ("/admin/mail", Roles.Admin),
    };

    /// <summary>Download and other non-page endpoints (GET), with the least role that may call them.</summary>
    public static readonly IReadOnlyList<(string Url, string MinimumRole)> Endpoints =
    [
        ("/health", Public),
        ("/assessments/999999/answers.csv", Roles.Viewer),
        ("/findings.csv", Roles.Viewer),
        ("/assessments/999999/report.pdf", Roles.Viewer),
        ("/compare/report.pdf?ids=999998,999999", Roles.Viewer),
        ("/evidence-files/999999", Roles.Viewer),
    ];

    public static TheoryData<string, string> PageCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var (_, (url, _)) in Pages)
            foreach (var role in Roles.All.Append("anonymous"))
                data.Add(url, role);
        return data;
    }

    [Fact]
    public void Every_routable_page_is_in_the_matrix()
    {
        var templates = typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(IComponent).IsAssignableFrom(t))
            .SelectMany(t => t.GetCustomAttributes<RouteAttribute>())
            .Select(r => r.Template)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = templates.Where(t => !Pages.ContainsKey(t)).ToList();
        Assert.True(missing.Count == 0, $"Routable pages missing from the authorization matrix: {string.Join(", ", missing)}");
    }

    [Fact]
    public void Every_public_page_is_on_the_public_list_in_one_place()
    {
        var publicInMatrix = Pages.Where(p => p.Value.MinimumRole == Public).Select(p => p.Key).Order().ToList();
        Assert.Equal(PublicEndpoints.Pages.Append("/error").Order().ToList(), publicInMatrix);
    }

    [Theory]
    [MemberData(nameof(PageCases))]
    public async Task A_page_opens_only_for_the_roles_the_matrix_allows(string url, string role)
    {
        var minimum = Pages.Values.Single(p => p.Url == url).MinimumRole;
        using var client = role == "anonymous" ? app.CreateRawClient() : await app.SignedInClientAsync(role);

        var response = await client.GetAsync(url, TestContext.Current.CancellationToken);

        var allowed = minimum == Public || (role != "anonymous" && Roles.Includes(role, minimum));
        if (allowed)
        {
            Assert.True(response.StatusCode is HttpStatusCode.OK || (url == "/setup" && response.StatusCode == HttpStatusCode.NotFound),
                $"{role} should open {url} but got {(int)response.StatusCode} {response.Headers.Location}");
        }
        else
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var expected = role == "anonymous" ? PublicEndpoints.Login : PublicEndpoints.AccessDenied;
            Assert.StartsWith(expected, response.Headers.Location!.OriginalString);
        }
    }

    [Fact]
    public async Task Every_endpoint_answers_only_the_roles_the_matrix_allows()
    {
        foreach (var role in Roles.All.Append("anonymous"))
        {
            using var client = role == "anonymous" ? app.CreateRawClient() : await app.SignedInClientAsync(role);
            foreach (var (url, minimum) in Endpoints)
            {
                var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
                var allowed = minimum == Public || (role != "anonymous" && Roles.Includes(role, minimum));
                Assert.True(allowed == (response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound),
                    $"{role} on {url}: {(int)response.StatusCode}, expected {(allowed ? "allowed" : "denied")}");
            }
        }
    }

    [Fact]
    public async Task Setup_is_gone_once_a_user_exists()
    {
        using var client = app.CreateRawClient();
        var response = await client.GetAsync("/setup", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
