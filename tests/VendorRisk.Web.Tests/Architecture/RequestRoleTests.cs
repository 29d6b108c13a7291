using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>
/// Every use case and query names the role it needs: the pipeline reads it from the request type (once per type) and
/// refuses a type that names none, every time it is asked to run one.
/// </summary>
public sealed class RequestRoleTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public void Every_use_case_and_query_names_its_role()
    {
        var requests = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } || t.IsValueType)
            .Where(t => typeof(IQuery).IsAssignableFrom(t)
                || t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IUseCase<>)))
            .Where(t => !typeof(IChoosesItsRole).IsAssignableFrom(t) && !typeof(IActorLoadedByHandler).IsAssignableFrom(t))
            .ToList();
        var unnamed = requests
            .Where(t => t.GetCustomAttributes(typeof(RequiresRoleAttribute), inherit: false).Length == 0)
            .Select(t => t.FullName)
            .ToList();

        Assert.True(requests.Count > 20, $"Only {requests.Count} request types found: the check looks in the wrong place.");
        Assert.True(unnamed.Count == 0, "Requests without [RequiresRole]: " + string.Join(", ", unnamed));
    }

    [Fact]
    public async Task A_request_type_without_a_role_is_refused_every_time_it_is_run()
    {
        await using var scope = app.ScopeAs(Roles.Admin);
        var pipeline = scope.ServiceProvider.GetRequiredService<UseCasePipeline>();
        var cancellationToken = TestContext.Current.CancellationToken;

        for (var attempt = 0; attempt < 2; attempt++)
        {
            var refusal = await Assert.ThrowsAsync<InvalidOperationException>(() => pipeline.RunAsync(new UnnamedRoleRequest(), cancellationToken));
            Assert.Contains("has no [RequiresRole]", refusal.Message, StringComparison.Ordinal);
        }
    }

    private sealed record UnnamedRoleRequest : IUseCase<Done>;
}
