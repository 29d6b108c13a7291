namespace VendorRisk.Web.Features.Mail.Reminders;

/// <summary>
/// One pass of the reminder job: asks every <see cref="IReminderSource"/> what is due and queues each reminder not sent
/// before. The <see cref="SentReminder"/> row and the mails are saved in one transaction; its unique key makes a second
/// instance that raced to the same reminder fail and skip it, so each goes out once.
/// </summary>
public sealed class ReminderRunner(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    IEnumerable<IReminderSource> sources,
    TimeProvider clock,
    ILogger<ReminderRunner> logger)
{
    /// <returns>How many reminders were queued.</returns>
    public async Task<int> RunAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var queued = 0;
        foreach (var source in sources)
        {
            IReadOnlyList<DueReminder> due;
            HashSet<string> done;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                due = await source.FindDueAsync(db, now, cancellationToken);
                var keys = due.Select(d => d.Key).ToList();
                done = keys.Count == 0 ? [] : (await db.SentReminders.AsNoTracking().Where(r => keys.Contains(r.Key)).Select(r => r.Key)
                    .ToListAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
            }

            foreach (var reminder in due.Where(d => !done.Contains(d.Key)).DistinctBy(d => d.Key))
            {
                if (await QueueOnceAsync(reminder, now, cancellationToken))
                    queued++;
            }
        }
        if (queued > 0)
            logger.LogInformation("Reminders: {Count} queued.", queued);
        return queued;
    }

    private async Task<bool> QueueOnceAsync(DueReminder reminder, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.SentReminders.Add(new SentReminder { Key = reminder.Key, SentAt = now });
        await reminder.EnqueueAsync(db, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex))
        {
            // Another instance sent this reminder a moment ago.
            return false;
        }
    }
}
