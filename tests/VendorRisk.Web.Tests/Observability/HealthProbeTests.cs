using System.Net;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Observability;

/// <summary>Liveness says the process answers; readiness says it can serve (the database answers).</summary>
public sealed class HealthProbeFixture : WebAppFixture;

public sealed class HealthProbeTests(HealthProbeFixture app) : IClassFixture<HealthProbeFixture>
{
    [Fact]
    public async Task Liveness_stays_up_while_readiness_and_health_fail_without_the_database()
    {
        TestProvider.SkipOnPostgres("the test takes the database away by deleting its file.");
        var ct = TestContext.Current.CancellationToken;
        using var client = app.CreateRawClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health", ct)).StatusCode);

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(app.DatabasePath)!))
            File.Delete(file);
        Directory.Delete(Path.GetDirectoryName(app.DatabasePath)!);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready", ct)).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health", ct)).StatusCode);
    }
}
