using Microsoft.EntityFrameworkCore.Diagnostics;

namespace VendorRisk.Data;

/// <summary>
/// Stamps every new audit entry with the injected clock as it is saved, so the audit's time comes from one place
/// (and tests that move the clock see it in the audit too).
/// </summary>
public sealed class AuditClockInterceptor(TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Stamp(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Stamp(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void Stamp(DbContext? context)
    {
        if (context is null)
            return;
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in context.ChangeTracker.Entries<AuditEntry>())
        {
            if (entry.State == EntityState.Added && entry.Entity.At == default)
                entry.Entity.At = now;
        }
    }
}
