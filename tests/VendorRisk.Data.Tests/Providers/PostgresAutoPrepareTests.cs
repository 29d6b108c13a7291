using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace VendorRisk.Data.Tests.Providers;

/// <summary>PostgreSQL prepares the statements the app repeats, unless the connection string decides otherwise (ADR 0060).</summary>
public sealed class PostgresAutoPrepareTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static NpgsqlConnectionStringBuilder Resolved(string connectionString) =>
        new(DependencyInjection.Resolve(DatabaseProvider.Postgres, connectionString, "/srv").ConnectionString);

    [Fact]
    public void A_connection_string_that_is_silent_gets_prepared_statements_from_the_second_use()
    {
        var resolved = Resolved("Host=db.internal;Database=vendorrisk;Username=app");

        Assert.Equal(64, resolved.MaxAutoPrepare);
        Assert.Equal(2, resolved.AutoPrepareMinUsages);
        Assert.Equal("db.internal", resolved.Host);
    }

    [Fact]
    public void A_connection_string_that_turns_preparation_off_keeps_it_off()
    {
        var resolved = Resolved("Host=db.internal;Database=vendorrisk;Max Auto Prepare=0");

        Assert.Equal(0, resolved.MaxAutoPrepare);
    }

    [Theory]
    [InlineData("Host=db.internal;Database=vendorrisk;Max Auto Prepare=10;Auto Prepare Min Usages=7")]
    [InlineData("Host=db.internal;Database=vendorrisk;maxautoprepare=10;AUTOPREPAREMINUSAGES=7")]
    public void A_connection_string_that_sets_its_own_figures_keeps_them(string connectionString)
    {
        var resolved = Resolved(connectionString);

        Assert.Equal(10, resolved.MaxAutoPrepare);
        Assert.Equal(7, resolved.AutoPrepareMinUsages);
    }

    [Fact]
    public async Task A_query_run_twice_on_one_connection_is_prepared_on_the_server()
    {
        TestProvider.SkipUnlessPostgres("prepared statements live on the PostgreSQL server");
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using var db = database.CreateContext();
        await db.Database.OpenConnectionAsync(Ct);

        for (var i = 0; i < 3; i++)
            await db.Vendors.Where(v => v.Name == "Acme AI").ToListAsync(Ct);
        var prepared = await db.Database.SqlQuery<string>($"""SELECT statement AS "Value" FROM pg_prepared_statements""").ToListAsync(Ct);

        Assert.Contains(prepared, statement => statement.Contains("\"Vendors\"", StringComparison.Ordinal));
    }
}
