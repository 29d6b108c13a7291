using Microsoft.Extensions.Time.Testing;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Data;
using VendorRisk.Web.Features.Vendors;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Foundation;

/// <summary>The app has one clock, cut to the microsecond PostgreSQL stores, used by the use cases and the audit alike.</summary>
public sealed class MicrosecondClockTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void The_clock_cuts_its_time_to_the_microsecond()
    {
        var inner = new FakeTimeProvider(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_567));

        var now = new MicrosecondTimeProvider(inner).GetUtcNow();

        Assert.Equal(new DateTimeOffset(2026, 3, 4, 5, 6, 7, TimeSpan.Zero).AddTicks(1_234_560), now);
    }

    [Fact]
    public void The_app_reads_the_microsecond_clock()
    {
        Assert.IsType<MicrosecondTimeProvider>(app.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task Audit_entries_and_use_case_times_are_whole_microseconds()
    {
        var ids = new List<int>();
        await using (var scope = app.ScopeAs(Roles.Assessor))
        {
            var vendors = scope.ServiceProvider.GetRequiredService<VendorService>();
            for (var i = 0; i < 5; i++)
                ids.Add(await vendors.CreateAsync(TestData.Vendor($"Microsecond Vendor {i}"), Ct));
        }

        await using var db = await app.CreateDbContextAsync();
        var entityIds = ids.Select(id => id.ToString(CultureInfo.InvariantCulture)).ToList();
        var audited = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType == AuditEntityTypes.Vendor && entityIds.Contains(e.EntityId!))
            .Select(e => e.At).ToListAsync(Ct);
        var created = await db.Vendors.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => v.CreatedAt).ToListAsync(Ct);

        Assert.Equal(5, audited.Count);

        Assert.All(audited.Concat(created), at => Assert.Equal(0, at.Ticks % TimeSpan.TicksPerMicrosecond));
    }
}
