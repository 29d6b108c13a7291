using System.Net;
using System.Text;

namespace VendorRisk.Web.Tests.Api;

/// <summary>The response check of the API tests catches what it is there to catch.</summary>
public sealed class OpenApiResponseValidatorTests
{
    private sealed class Canned(HttpStatusCode status, string? json) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(status)
            {
                Content = json is null ? new ByteArrayContent([]) : new StringContent(json, Encoding.UTF8, "application/json"),
            });
    }

    private static Task<HttpResponseMessage> GetAsync(HttpStatusCode status, string? json, string path = "/api/v1/vendors/7")
    {
        using var client = new HttpClient(new OpenApiResponseValidator(new Canned(status, json))) { BaseAddress = new Uri("http://127.0.0.1/") };
        return client.GetAsync(path, TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_body_that_matches_its_schema_passes()
    {
        var response = await GetAsync(HttpStatusCode.OK, """{"id":7,"name":"Acme","website":null,"headquartersCountry":"US","tier":2,"tags":[],"latestRating":null,"assessments":[]}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_body_missing_a_required_field_or_of_the_wrong_type_is_a_violation()
    {
        await Assert.ThrowsAsync<OpenApiViolationException>(() => GetAsync(HttpStatusCode.OK, """{"id":7,"website":null}"""));
        await Assert.ThrowsAsync<OpenApiViolationException>(() => GetAsync(HttpStatusCode.OK, """[{"id":"seven","name":"Acme"}]""", "/api/v1/vendors"));
    }

    [Fact]
    public async Task An_undocumented_status_is_a_violation() =>
        await Assert.ThrowsAsync<OpenApiViolationException>(() => GetAsync(HttpStatusCode.Gone, null));
}
