namespace VendorRisk.Web.Features.Scores;

/// <summary>
/// At start-up, stores the score of every assessment that has none yet or was stored by an older revision of the scoring
/// (ADR 0026: the scoring is C# over question-set JSON, so a migration's SQL cannot do it).
/// </summary>
public sealed class StoredScoreBackfill(IDbContextFactory<VendorRiskDbContext> dbFactory, StoredScores scores, ILogger<StoredScoreBackfill> logger) : ISeeder
{
    private const int BatchSize = 500;

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var total = 0;
        while (true)
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var ids = await db.Assessments.AsNoTracking().Where(a => a.ScoreRevision != StoredScores.Revision)
                .OrderBy(a => a.Id).Select(a => a.Id).Take(BatchSize).ToListAsync(cancellationToken);
            if (ids.Count == 0)
                break;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await scores.RefreshAsync(db, ids, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            total += ids.Count;
        }
        if (total > 0)
            logger.LogInformation("Stored the score of {Count} assessments.", total);
    }
}
