using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

/// <summary>The framework throws on a value it cannot bind, as it does in Development (the probe's demo instance).</summary>
public sealed class ThrowOnBadRequestFixture : WebAppFixture
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true));
    }
}

/// <summary>api.md's 400 with errors keyed by the parameter, not the framework's "Failed to bind parameter \"Nullable&lt;int&gt; page\"".</summary>
public sealed class UnreadableQueryValuesTests(ThrowOnBadRequestFixture app) : IClassFixture<ThrowOnBadRequestFixture>
{
    [Theory]
    [InlineData("/api/v1/vendors?page=abc", "page", "'abc' is not a whole number.")]
    [InlineData("/api/v1/findings?overdue=maybe", "overdue", "'maybe' is neither true nor false.")]
    [InlineData("/api/v1/findings?vendorId=abc", "vendorId", "'abc' is not a whole number.")]
    public async Task A_query_value_the_framework_cannot_bind_is_a_400_on_that_parameter_without_type_names(string url, string field, string message)
    {
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync(url, TestContext.Current.CancellationToken);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        var body = await response.ReadJsonAsync();
        Assert.Equal([message], body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));
        Assert.DoesNotContain("Nullable", body.ToString(), StringComparison.Ordinal);
    }
}
