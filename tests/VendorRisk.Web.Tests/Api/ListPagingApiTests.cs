using System.Net;
using System.Net.Http.Json;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

/// <summary>api.md "Paging": every list endpoint takes page/pageSize, keeps an array body, and says the total and its neighbours.</summary>
public sealed class ListPagingApiTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Vendors_page_by_id_with_the_total_and_next_and_prev_links()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        for (var i = 0; i < 3; i++)
            await assessor.CreateVendorAsync();
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        var everything = (await (await viewer.GetAsync("/api/v1/vendors?pageSize=200", Ct)).ReadJsonAsync())
            .EnumerateArray().Select(v => v.GetProperty("id").GetInt32()).ToList();
        Assert.True(everything.Count >= 3);
        Assert.Equal(everything.Order(), everything);

        var first = await viewer.GetAsync("/api/v1/vendors?pageSize=2", Ct);
        await ApiScenario.ExpectAsync(first, HttpStatusCode.OK);
        Assert.Equal(everything.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), first.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(everything.Take(2), (await first.ReadJsonAsync()).EnumerateArray().Select(v => v.GetProperty("id").GetInt32()));
        var link = first.Headers.GetValues("Link").Single();
        Assert.Contains("page=2>; rel=\"next\"", link, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"prev\"", link, StringComparison.Ordinal);

        var second = await viewer.GetAsync("/api/v1/vendors?pageSize=2&page=2", Ct);
        Assert.Equal(everything.Skip(2).Take(2), (await second.ReadJsonAsync()).EnumerateArray().Select(v => v.GetProperty("id").GetInt32()));
        Assert.Contains("page=1>; rel=\"prev\"", second.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/vendors?pageSize=201", "pageSize")]
    [InlineData("/api/v1/vendors?pageSize=0", "pageSize")]
    [InlineData("/api/v1/vendors?page=0", "page")]
    [InlineData("/api/v1/findings?pageSize=201", "pageSize")]
    // Past the last page answered: (page - 1) × pageSize overflowed, giving page 1 on SQLite and a 500 on PostgreSQL.
    [InlineData("/api/v1/vendors?page=10737420&pageSize=200", "page")]
    [InlineData("/api/v1/findings?page=10737420&pageSize=200", "page")]
    [InlineData("/api/v1/vendors?page=10000001", "page")]
    // Values the framework cannot read got a 400 without the field named.
    [InlineData("/api/v1/vendors?page=abc", "page")]
    [InlineData("/api/v1/vendors?pageSize=1.5", "pageSize")]
    [InlineData("/api/v1/findings?overdue=maybe", "overdue")]
    [InlineData("/api/v1/findings?vendorId=x", "vendorId")]
    public async Task A_page_or_page_size_out_of_range_is_a_400_on_that_field(string url, string field)
    {
        using var viewer = await app.ApiClientAsync(Roles.Viewer);

        var response = await viewer.GetAsync(url, Ct);

        await ApiScenario.ExpectAsync(response, HttpStatusCode.BadRequest);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _), $"no error on {field}");
    }

    [Fact]
    public async Task Model_offerings_page_too()
    {
        using var assessor = await app.ApiClientAsync(Roles.Assessor);
        var vendorId = await assessor.CreateVendorAsync();
        foreach (var name in new[] { "Atlas", "Atlas Mini", "Atlas Max" })
        {
            var created = await assessor.PostAsJsonAsync($"/api/v1/vendors/{vendorId}/models", new { name, channel = "direct" }, Ct);
            await ApiScenario.ExpectAsync(created, HttpStatusCode.Created);
        }

        var page = await assessor.GetAsync($"/api/v1/vendors/{vendorId}/models?pageSize=2&page=2", Ct);

        await ApiScenario.ExpectAsync(page, HttpStatusCode.OK);
        Assert.Equal("3", page.Headers.GetValues("X-Total-Count").Single());
        Assert.Equal(["Atlas Max"], (await page.ReadJsonAsync()).EnumerateArray().Select(m => m.GetProperty("name").GetString()));
        Assert.Contains("rel=\"prev\"", page.Headers.GetValues("Link").Single(), StringComparison.Ordinal);
    }
}
