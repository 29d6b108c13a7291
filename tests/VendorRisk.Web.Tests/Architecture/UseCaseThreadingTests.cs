using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Web.Infrastructure;
using VendorRisk.Web.Infrastructure.UseCases;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Architecture;

/// <summary>
/// A use case run from a Blazor circuit does not send its awaits back through the circuit's renderer: each would be one
/// more thread hop per database round trip. The caller's context is untouched, so the component resumes on it.
/// </summary>
public sealed class UseCaseThreadingTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task A_use_case_awaits_off_the_callers_context_and_the_caller_keeps_its_context()
    {
        var handler = new YieldingHandler();
        var services = new ServiceCollection()
            .AddSingleton<IUseCaseHandler<YieldingRequest, Done>>(handler)
            .BuildServiceProvider();
        var pipeline = new UseCasePipeline(services, new SystemCurrentUser(),
            app.Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>(), TimeProvider.System);
        var circuit = new CountingContext();
        var before = SynchronizationContext.Current;

        Task<Done> run;
        SynchronizationContext.SetSynchronizationContext(circuit);
        try
        {
            run = pipeline.RunAsync(new YieldingRequest(), TestContext.Current.CancellationToken);
            Assert.Same(circuit, SynchronizationContext.Current);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(before);
        }
        await run;

        Assert.Equal([null, null], handler.ContextsSeen);
        Assert.Equal(0, circuit.Posts);
    }

    [RequiresRole(Roles.Viewer, "probe the pipeline")]
    private sealed record YieldingRequest : IUseCase<Done>;

    /// <summary>Yields twice, as a handler waiting for PostgreSQL does, and notes the context it resumes on.</summary>
    private sealed class YieldingHandler : IUseCaseHandler<YieldingRequest, Done>
    {
        public List<SynchronizationContext?> ContextsSeen { get; } = [];

        public async Task<Done> HandleAsync(YieldingRequest request, UseCaseContext context, CancellationToken cancellationToken)
        {
            await Task.Yield();
            ContextsSeen.Add(SynchronizationContext.Current);
            await Task.Delay(1, cancellationToken);
            ContextsSeen.Add(SynchronizationContext.Current);
            return default;
        }
    }

    /// <summary>Stands in for a circuit's renderer: counts the continuations sent back to it and runs them on the pool.</summary>
    private sealed class CountingContext : SynchronizationContext
    {
        private int _posts;

        public int Posts => Volatile.Read(ref _posts);

        public override void Post(SendOrPostCallback d, object? state)
        {
            Interlocked.Increment(ref _posts);
            ThreadPool.QueueUserWorkItem(_ => d(state));
        }
    }
}
