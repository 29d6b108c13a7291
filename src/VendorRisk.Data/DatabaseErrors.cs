using Microsoft.Data.Sqlite;
using Npgsql;

namespace VendorRisk.Data;

/// <summary>Provider-neutral reading of the database errors the services turn into a conflict or a validation error.</summary>
public static class DatabaseErrors
{
    /// <summary>A constraint refused the write (unique, foreign key, check): SQLite code 19, PostgreSQL class 23.</summary>
    public static bool IsConstraintViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException { SqliteErrorCode: 19 } => true,
        PostgresException pg => pg.SqlState.StartsWith("23", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>
    /// The write lost a race: a stale concurrency token, a constraint, or (PostgreSQL) a deadlock or
    /// serialization failure between two writers of the same rows.
    /// </summary>
    public static bool IsLostRace(DbUpdateException ex) =>
        ex is DbUpdateConcurrencyException || IsConstraintViolation(ex)
        || ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure };
}
