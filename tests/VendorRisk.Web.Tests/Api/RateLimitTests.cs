using System.Net;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

public sealed class LowRateLimitFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings =>
        new Dictionary<string, string?> { ["VendorRisk:Api:RequestsPerMinute"] = "3" };
}

public sealed class RateLimitTests(LowRateLimitFixture app) : IClassFixture<LowRateLimitFixture>
{
    [Fact]
    public async Task Over_the_limit_a_token_gets_429_with_Retry_After_and_another_token_is_not_affected()
    {
        var ct = TestContext.Current.CancellationToken;
        using var client = await app.ApiClientAsync(Roles.Viewer);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/assessments/424242", ct)).StatusCode);

        var limited = await client.GetAsync("/api/v1/assessments/424242", ct);

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.NotNull(limited.Headers.RetryAfter?.Delta);
        Assert.InRange(limited.Headers.RetryAfter!.Delta!.Value.TotalSeconds, 1, 60);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);

        using var other = await app.ApiClientAsync(Roles.Viewer);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync("/api/v1/assessments/424242", ct)).StatusCode);
    }
}
