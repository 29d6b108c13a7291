using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VendorRisk.Data.Sqlite;

/// <summary>
/// <c>synchronous</c>, <c>foreign_keys</c> and <c>busy_timeout</c> are per connection in SQLite (WAL is kept in the file),
/// so every native connection gets them when it is first opened. The connection pool hands the same native connection
/// out again with its settings in place, so a reopened pooled connection is not configured again: that was three
/// statements on every open, and an API save opens one or two connections.
/// </summary>
public sealed class SqlitePragmaInterceptor : DbConnectionInterceptor
{
    public const int BusyTimeoutMilliseconds = 5000;

    private const string Pragmas =
        "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA busy_timeout=5000;";

    /// <summary>The native connections already configured; an entry goes when its native connection is collected.</summary>
    private static readonly ConditionalWeakTable<object, object> Configured = [];
    private static readonly object Done = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsPragmas(connection, out var handle))
        {
            Apply(connection);
            Remember(handle);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (!NeedsPragmas(connection, out var handle))
            return;
        await using (var command = connection.CreateCommand())
        {
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        Remember(handle);
    }

    public static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    private static bool NeedsPragmas(DbConnection connection, out object? handle)
    {
        handle = (connection as Microsoft.Data.Sqlite.SqliteConnection)?.Handle;
        return handle is null || !Configured.TryGetValue(handle, out _);
    }

    private static void Remember(object? handle)
    {
        if (handle is not null)
            Configured.AddOrUpdate(handle, Done);
    }
}
