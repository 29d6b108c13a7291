using Microsoft.EntityFrameworkCore;
using VendorRisk.Data.Entities;

namespace VendorRisk.Data.Tests.Providers;

/// <summary>What the app relies on behaves the same on SQLite and PostgreSQL (run the suite on each, see TestProvider).</summary>
public sealed class ProviderParityTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Text_sorts_by_code_point_whatever_the_server_locale()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            foreach (var name in new[] { "émile", "apple", "Zeta", "Banana", "yak" })
                db.Vendors.Add(NewVendor(name));
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var sorted = await read.Vendors.OrderBy(v => v.Name).Select(v => v.Name).ToListAsync(Ct);
        Assert.Equal(["Banana", "Zeta", "apple", "yak", "émile"], sorted);
    }

    [Fact]
    public async Task Vendor_names_are_unique_ignoring_case()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        db.Vendors.Add(NewVendor("Acme AI"));
        await db.SaveChangesAsync(Ct);
        db.Vendors.Add(NewVendor("ACME ai"));

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync(Ct));
        Assert.True(DatabaseErrors.IsConstraintViolation(error));
    }

    [Fact]
    public async Task A_utc_time_comes_back_as_the_same_instant()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        var at = new DateTime(2026, 11, 25, 23, 59, 58, DateTimeKind.Utc).AddTicks(1230);
        await using (var db = database.CreateContext())
        {
            db.Audit(Actor.System, "test", "test", 1, "at", null, null);
            db.AuditEntries.Local.Single().At = at;
            await db.SaveChangesAsync(Ct);
        }

        await using var read = database.CreateContext();
        var stored = await read.AuditEntries.Select(a => a.At).SingleAsync(Ct);
        Assert.Equal(at.Ticks, stored.Ticks);
        Assert.Equal(1, await read.AuditEntries.CountAsync(a => a.At > at.AddSeconds(-1) && a.At < at.AddSeconds(1), Ct));
    }

    private static Vendor NewVendor(string name) => new()
    {
        Name = name,
        NormalizedName = name.ToUpperInvariant(),
        CreatedAt = DateTime.UtcNow,
        UpdatedAt = DateTime.UtcNow,
    };
}
