namespace VendorRisk.Data;

/// <summary>
/// Serialises writers of one assessment's answers inside their transaction, so a version check and the
/// write that follows see the same state on both providers.
/// </summary>
public static class WriteLocks
{
    /// <summary>
    /// SQLite: nothing to do, the transaction is <c>BEGIN IMMEDIATE</c> (one writer at a time).
    /// PostgreSQL: <c>SELECT … FOR UPDATE</c> on the assessment row, held until commit; writers of other
    /// assessments go on in parallel, also from other app instances.
    /// </summary>
    public static async Task LockAssessmentAsync(this VendorRiskDbContext db, int assessmentId, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
            throw new InvalidOperationException("Lock inside the write's transaction.");
        // Not IsNpgsql(): it reads the provider assembly's name by reflection, on every autosave.
        if (db.Database.GetDbConnection() is Npgsql.NpgsqlConnection)
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Assessments" WHERE "Id" = {assessmentId} FOR UPDATE""", cancellationToken);
    }
}
