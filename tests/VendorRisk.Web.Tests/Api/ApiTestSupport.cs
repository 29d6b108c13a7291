using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Web.Features.Tokens;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

internal static class ApiTestSupport
{
    public static async Task<string> CreateTokenAsync(this WebAppFixture app, string role, string name = "tests", int days = 30)
    {
        await using var scope = app.ScopeAs(role);
        var created = await scope.ServiceProvider.GetRequiredService<TokenService>().CreateAsync(name, days);
        return created.Token;
    }

    /// <summary>A client of the API whose every response is checked against the OpenAPI document (<see cref="OpenApiResponseValidator"/>).</summary>
    public static HttpClient ApiClient(this WebAppFixture app, string? token)
    {
        var client = new HttpClient(new OpenApiResponseValidator(new HttpClientHandler { AllowAutoRedirect = false })) { BaseAddress = app.BaseAddress };
        if (token is not null)
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<HttpClient> ApiClientAsync(this WebAppFixture app, string role) =>
        app.ApiClient(await app.CreateTokenAsync(role));

    public static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>The paths of a 400's <c>errors</c> object.</summary>
    public static async Task<IReadOnlyList<string>> ErrorPathsAsync(this HttpResponseMessage response)
    {
        var body = await response.ReadJsonAsync();
        return body.GetProperty("errors").EnumerateObject().Select(p => p.Name).ToList();
    }
}
