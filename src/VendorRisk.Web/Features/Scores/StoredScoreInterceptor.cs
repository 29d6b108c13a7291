using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VendorRisk.Web.Features.Scores;

/// <summary>
/// The one place that keeps stored scores current: whatever path saves an answer, creates or reviews an assessment, or
/// accepts or revokes a knockout's risk, the assessments it touched are re-scored right after the save, on the same
/// connection (and in the same transaction when the caller opened one).
/// </summary>
public sealed class StoredScoreInterceptor(StoredScores scores) : SaveChangesInterceptor
{
    private static readonly ConditionalWeakTable<DbContext, List<object>> Pending = new();

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return base.SavingChangesAsync(eventData, result, cancellationToken);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return base.SavingChanges(eventData, result);
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is VendorRiskDbContext db && Pending.TryGetValue(db, out var touched))
        {
            Pending.Remove(db);
            await scores.RefreshAsync(db, AssessmentIds(touched), cancellationToken);
        }
        return await base.SavedChangesAsync(eventData, result, cancellationToken);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (eventData.Context is VendorRiskDbContext db && Pending.TryGetValue(db, out var touched))
        {
            Pending.Remove(db);
            scores.RefreshAsync(db, AssessmentIds(touched)).GetAwaiter().GetResult();
        }
        return base.SavedChanges(eventData, result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData)
    {
        if (eventData.Context is { } context)
            Pending.Remove(context);
        base.SaveChangesFailed(eventData);
    }

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is { } context)
            Pending.Remove(context);
        return base.SaveChangesFailedAsync(eventData, cancellationToken);
    }

    /// <summary>Entities are kept, not ids: a new assessment or answer gets its id only when saved.</summary>
    private static void Collect(DbContext? context)
    {
        if (context is not VendorRiskDbContext)
            return;
        if (context.ChangeTracker.AutoDetectChangesEnabled)
            context.ChangeTracker.DetectChanges();
        var touched = new List<object>();
        foreach (var entry in context.ChangeTracker.Entries())
        {
            var matters = entry.Entity switch
            {
                Answer or RiskAcceptance => entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted,
                Assessment => entry.State == EntityState.Added
                    || entry.State == EntityState.Modified && entry.Property(nameof(Assessment.QuestionSetVersionId)).IsModified,
                _ => false,
            };
            if (matters)
                touched.Add(entry.Entity);
        }
        if (touched.Count > 0)
            Pending.AddOrUpdate(context, touched);
    }

    private static List<int> AssessmentIds(List<object> touched) =>
        [.. touched.Select(e => e switch
        {
            Answer a => a.AssessmentId,
            RiskAcceptance r => r.AssessmentId,
            Assessment a => a.Id,
            _ => 0,
        }).Where(id => id > 0).Distinct()];
}
