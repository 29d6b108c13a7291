using System.Collections;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace VendorRisk.Data.Copy;

public sealed class DatabaseCopyException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>One table's row count and checksum (SHA-256 over its rows, each row's values in a canonical text form).</summary>
public sealed record TableSummary(string Table, long Rows, string Checksum);

/// <summary>
/// Moves an embedded database to PostgreSQL: every table of the model, in one transaction, in
/// foreign-key order; then row counts and checksums are compared table by table before committing.
/// A target with any row in any table is refused, so nothing is ever merged or overwritten.
/// </summary>
public sealed class DatabaseCopier(Func<VendorRiskDbContext> source, Func<VendorRiskDbContext> target)
{
    private const int BatchSize = 500;

    public async Task<IReadOnlyList<TableSummary>> CopyAsync(CancellationToken cancellationToken = default)
    {
        await using (var db = target())
        {
            await ThrowIfNotEmptyAsync(db, cancellationToken);
            await db.Database.MigrateAsync(cancellationToken);
        }

        await using var into = target();
        await using var transaction = await into.Database.BeginTransactionAsync(cancellationToken);
        var tables = TablesInInsertOrder(into.Model);
        foreach (var table in tables)
            await CopyTableAsync(table, into, cancellationToken);
        await RestartIdentitySequencesAsync(into, tables, cancellationToken);

        var copied = new List<TableSummary>();
        await using (var from = source())
        {
            foreach (var table in tables)
            {
                var expected = await SummarizeAsync(from, table, cancellationToken);
                var actual = await SummarizeAsync(into, table, cancellationToken);
                if (expected.Rows != actual.Rows)
                    throw new DatabaseCopyException($"{expected.Table}: {expected.Rows} rows in the source but {actual.Rows} in the copy; nothing was committed.");
                if (expected.Checksum != actual.Checksum)
                    throw new DatabaseCopyException($"{expected.Table}: the copy's checksum differs from the source's; nothing was committed.");
                copied.Add(expected);
            }
        }
        await transaction.CommitAsync(cancellationToken);
        return copied;
    }

    /// <summary>Row count and checksum of every table, as <see cref="CopyAsync"/> compares them.</summary>
    public static async Task<IReadOnlyList<TableSummary>> SummarizeAsync(VendorRiskDbContext db, CancellationToken cancellationToken = default)
    {
        var summaries = new List<TableSummary>();
        foreach (var table in TablesInInsertOrder(db.Model))
            summaries.Add(await SummarizeAsync(db, table, cancellationToken));
        return summaries;
    }

    private static async Task ThrowIfNotEmptyAsync(VendorRiskDbContext db, CancellationToken cancellationToken)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync(cancellationToken);
        try
        {
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT LIKE '\\_\\_EFMigrations%'",
                connection))
            await using (var reader = await list.ExecuteReaderAsync(cancellationToken))
            {
                while (await reader.ReadAsync(cancellationToken))
                    tables.Add(reader.GetString(0));
            }

            foreach (var table in tables)
            {
                await using var probe = new NpgsqlCommand($"SELECT EXISTS (SELECT 1 FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\")", connection);
                if ((bool)(await probe.ExecuteScalarAsync(cancellationToken))!)
                    throw new DatabaseCopyException($"The target database is not empty (table {table} has rows); copy only into an empty database.");
            }
        }
        catch (PostgresException ex)
        {
            throw new DatabaseCopyException($"The target database cannot be read: {ex.MessageText}", ex);
        }
        finally
        {
            await connection.CloseAsync();
        }
    }

    /// <summary>Principals before dependents, so every foreign key finds its row.</summary>
    private static List<IEntityType> TablesInInsertOrder(IModel model)
    {
        var types = model.GetEntityTypes().Where(t => t.GetTableName() is not null && !t.IsOwned()).ToList();
        var ordered = new List<IEntityType>();
        var visiting = new HashSet<IEntityType>();
        void Visit(IEntityType type)
        {
            if (ordered.Contains(type) || !visiting.Add(type))
                return;
            foreach (var principal in type.GetForeignKeys().Select(fk => fk.PrincipalEntityType).Where(p => p != type))
                Visit(principal);
            ordered.Add(type);
        }
        foreach (var type in types.OrderBy(t => t.GetTableName(), StringComparer.Ordinal))
            Visit(type);
        return ordered;
    }

    private async Task CopyTableAsync(IEntityType table, VendorRiskDbContext into, CancellationToken cancellationToken)
    {
        await using var from = source();
        var keys = table.FindPrimaryKey()!.Properties;
        var times = table.GetProperties()
            .Where(p => p.PropertyInfo is not null && (p.ClrType == typeof(DateTime) || p.ClrType == typeof(DateTime?)))
            .Select(p => p.PropertyInfo!)
            .ToList();
        var offset = 0;
        while (true)
        {
            var batch = await Query(from, table).AsNoTracking().OrderByKeys(keys).Skip(offset).Take(BatchSize).ToListAsync(cancellationToken);
            if (batch.Count == 0)
                break;
            foreach (var row in batch)
            {
                // SQLite hands back times without a kind; they were written as UTC, and PostgreSQL wants it said.
                // Set on the object itself: EF sees a change of kind alone as no change.
                foreach (var property in times)
                {
                    if (property.GetValue(row) is DateTime time)
                        property.SetValue(row, DateTime.SpecifyKind(time, DateTimeKind.Utc));
                }
                into.Entry(row).State = EntityState.Added;
            }
            await into.SaveChangesAsync(cancellationToken);
            into.ChangeTracker.Clear();
            offset += batch.Count;
        }
    }

    /// <summary>Rows were inserted with their ids; identity sequences continue after the largest.</summary>
    private static async Task RestartIdentitySequencesAsync(VendorRiskDbContext into, IEnumerable<IEntityType> tables, CancellationToken cancellationToken)
    {
        foreach (var table in tables)
        {
            var key = table.FindPrimaryKey()!.Properties;
            if (key.Count != 1 || key[0].ValueGenerated != ValueGenerated.OnAdd || key[0].ClrType is not { } type || (type != typeof(int) && type != typeof(long)))
                continue;
            var name = table.GetTableName()!;
            var column = key[0].GetColumnName();
#pragma warning disable EF1002 // identifiers from the EF model, not user input
            await into.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('\"{name}\"', '{column}'), COALESCE((SELECT MAX(\"{column}\") FROM \"{name}\"), 0) + 1, false)",
                cancellationToken);
#pragma warning restore EF1002
        }
    }

    private static async Task<TableSummary> SummarizeAsync(VendorRiskDbContext db, IEntityType table, CancellationToken cancellationToken)
    {
        var properties = table.GetProperties().OrderBy(p => p.Name, StringComparer.Ordinal).ToList();
        var rows = new List<string>();
        await foreach (var row in Query(db, table).AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var entry = db.Entry(row);
            rows.Add(string.Join('\u001f', properties.Select(p => Canonical(entry.Property(p.Name).CurrentValue))));
        }
        // Sorted as text, so neither provider's ordering matters.
        rows.Sort(StringComparer.Ordinal);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)));
        return new TableSummary(table.GetTableName()!, rows.Count, Convert.ToHexStringLower(hash));
    }

    private static string Canonical(object? value) => value switch
    {
        null => "\u2400",
        string s => s,
        // To the microsecond: PostgreSQL keeps times to the microsecond, SQLite to the tick (100 ns).
        DateTime d => (d.Ticks / 10).ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => (d.UtcTicks / 10).ToString(CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("O", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        byte[] bytes => Convert.ToBase64String(bytes),
        IDictionary dictionary => JsonSerializer.Serialize(dictionary.Keys.Cast<object>().Select(k => k.ToString()!).Order(StringComparer.Ordinal)
            .Select(k => new[] { k, Canonical(dictionary[k]) })),
        IEnumerable sequence => JsonSerializer.Serialize(sequence.Cast<object?>().Select(Canonical)),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static IQueryable<object> Query(VendorRiskDbContext db, IEntityType table) =>
        (IQueryable<object>)typeof(DbContext).GetMethod(nameof(DbContext.Set), Type.EmptyTypes)!
            .MakeGenericMethod(table.ClrType).Invoke(db, null)!;
}

internal static class KeyOrdering
{
    public static IQueryable<object> OrderByKeys(this IQueryable<object> query, IReadOnlyList<IProperty> keys)
    {
        IOrderedQueryable<object>? ordered = null;
        foreach (var key in keys)
        {
            var name = key.Name;
            ordered = ordered is null
                ? query.OrderBy(row => EF.Property<object>(row, name))
                : ordered.ThenBy(row => EF.Property<object>(row, name));
        }
        return ordered ?? query;
    }
}
