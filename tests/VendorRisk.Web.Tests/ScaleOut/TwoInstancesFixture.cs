using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VendorRisk.Web.Tests.Infrastructure;
using Yarp.ReverseProxy.Configuration;

namespace VendorRisk.Web.Tests.ScaleOut;

/// <summary>
/// Two instances of the real app on one database (PostgreSQL when the suite runs on it, else one SQLite
/// file), each on its own Kestrel port, behind an in-process YARP reverse proxy with cookie session
/// affinity, as docs/decisions and the README describe for a whole organisation.
/// </summary>
public sealed class TwoInstancesFixture : IAsyncLifetime
{
    public const string AffinityCookie = ".VendorRisk.Instance";

    private WebApplication? _proxy;

    public TwoInstancesFixture()
    {
        A = new NamedInstance("A");
        B = new SecondInstance(A, "B");
    }

    public WebAppFixture A { get; }

    public WebAppFixture B { get; }

    public Uri ProxyAddress { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        await A.InitializeAsync();
        await B.InitializeAsync();

        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(System.Net.IPAddress.Loopback, 0));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddReverseProxy().LoadFromMemory(
            [new RouteConfig { RouteId = "app", ClusterId = "app", Match = new RouteMatch { Path = "{**rest}" } }],
            [new ClusterConfig
            {
                ClusterId = "app",
                LoadBalancingPolicy = "RoundRobin",
                // Blazor Server keeps a user's circuit in one process: every request of a session goes to the same instance.
                SessionAffinity = new SessionAffinityConfig { Enabled = true, Policy = "Cookie", AffinityKeyName = AffinityCookie },
                Destinations = new Dictionary<string, DestinationConfig>
                {
                    ["A"] = new() { Address = A.BaseAddress.ToString() },
                    ["B"] = new() { Address = B.BaseAddress.ToString() },
                },
            }]);
        _proxy = builder.Build();
        _proxy.MapReverseProxy();
        await _proxy.StartAsync();
        var address = _proxy.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        ProxyAddress = new Uri(address);
    }

    public async ValueTask DisposeAsync()
    {
        if (_proxy is not null)
            await _proxy.DisposeAsync();
        await B.DisposeAsync();
        await A.DisposeAsync();
    }

    private sealed class NamedInstance(string name) : WebAppFixture
    {
        protected override string? InstanceName => name;
    }

    private sealed class SecondInstance(WebAppFixture first, string name) : WebAppFixture(first)
    {
        protected override string? InstanceName => name;
    }
}
