using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Assessments;
using VendorRisk.Web.Tests.Api;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Observability;

/// <summary>The app with a metrics token: <c>/metrics</c> on its own port, for the token only.</summary>
public sealed class MetricsTokenFixture : WebAppFixture
{
    public const string Token = "scrape-token-for-tests-0123456789";

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["VendorRisk:Metrics:Token"] = Token };
}

public sealed class MetricsScrapeTests(MetricsTokenFixture app) : IClassFixture<MetricsTokenFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_scrape_after_an_autosave_and_a_pdf_render_finds_their_counters()
    {
        var before = await ScrapeAsync();
        var id = await TestData.CreateDraftAsync(app);
        await using (var scope = app.ScopeAs(Roles.Assessor))
            await (await scope.ServiceAsync<AssessmentService>()).SaveAnswerAsync(id, TestData.Choice("budget-caps", "org-hard-cap"), Ct);
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        (await viewer.GetAsync($"/api/v1/assessments/{id}/report.pdf", Ct)).EnsureSuccessStatusCode();

        // The server records a request's measurements after its response has gone out, on its own schedule: scrape
        // until they are in. The bound is a safety net for a hung server, not a timing assumption.
        var after = await ScrapeAsync();
        var deadline = DateTime.UtcNow.AddMinutes(1);
        while (!(after.Contains("http_server_request_duration_seconds", StringComparison.Ordinal)
            && Sum(after, "vendorrisk_api_calls_total", "status=\"200\"") >= 1) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100, Ct);
            after = await ScrapeAsync();
        }

        Assert.True(Sum(after, "vendorrisk_autosaves_total", "outcome=\"saved\"") >= Sum(before, "vendorrisk_autosaves_total", "outcome=\"saved\"") + 1, after);
        Assert.True(Sum(after, "vendorrisk_pdf_renders_total", "report=\"assessment\"") >= Sum(before, "vendorrisk_pdf_renders_total", "report=\"assessment\"") + 1);
        Assert.True(Sum(after, "vendorrisk_pdf_render_duration_seconds_count", "report=\"assessment\"") >= 1);
        Assert.True(Sum(after, "vendorrisk_api_calls_total", "status=\"200\"") >= 1, string.Join("\n", after.Split('\n').Where(l => l.Contains("vendorrisk_api", StringComparison.Ordinal))));
        Assert.Contains("http_server_request_duration_seconds", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_scrape_without_the_token_or_with_a_wrong_one_is_refused()
    {
        using var client = app.CreateRawClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/metrics", Ct)).StatusCode);

        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsTokenFixture.Token + "x");
        var response = await client.GetAsync("/metrics", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("vendorrisk_", await response.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_api_token_of_an_admin_does_not_open_the_metrics()
    {
        using var admin = await app.ApiClientAsync(Roles.Admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await admin.GetAsync("/metrics", Ct)).StatusCode);
    }

    private async Task<string> ScrapeAsync()
    {
        using var client = app.CreateRawClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", MetricsTokenFixture.Token);
        var response = await client.GetAsync("/metrics", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The sum of a metric's samples whose labels contain <paramref name="label"/>.</summary>
    internal static double Sum(string exposition, string metric, string label) =>
        Regex.Matches(exposition, $@"^{Regex.Escape(metric)}\{{((?:[^}}""]|""(?:[^""\\]|\\.)*"")*)\}} (\S+)", RegexOptions.Multiline)
            .Where(m => m.Groups[1].Value.Contains(label, StringComparison.Ordinal))
            .Sum(m => double.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
}

/// <summary>By default no scrape endpoint exists at all.</summary>
public sealed class MetricsClosedByDefaultTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task Without_a_token_or_a_port_metrics_are_not_served()
    {
        using var client = app.CreateRawClient();

        var response = await client.GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("vendorrisk_", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }
}

/// <summary>The app with a metrics port of its own.</summary>
public sealed class MetricsPortFixture : WebAppFixture
{
    public int MetricsPort { get; } = FreePort();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["VendorRisk:Metrics:Port"] = MetricsPort.ToString(CultureInfo.InvariantCulture),
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class MetricsPortTests(MetricsPortFixture app) : IClassFixture<MetricsPortFixture>
{
    [Fact]
    public async Task Metrics_are_served_on_their_own_port_and_not_on_the_app_port()
    {
        using var client = new HttpClient();
        using var viewer = await app.ApiClientAsync(Roles.Viewer);
        (await viewer.GetAsync("/api/v1/vendors", TestContext.Current.CancellationToken)).EnsureSuccessStatusCode();

        var scrape = await client.GetStringAsync($"http://localhost:{app.MetricsPort}/metrics", TestContext.Current.CancellationToken);
        var onAppPort = await app.CreateRawClient().GetAsync("/metrics", TestContext.Current.CancellationToken);

        Assert.True(MetricsScrapeTests.Sum(scrape, "vendorrisk_api_calls_total", "route=\"/api/v1/vendors") >= 1, scrape);
        Assert.NotEqual(HttpStatusCode.OK, onAppPort.StatusCode);
    }
}
