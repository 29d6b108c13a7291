namespace VendorRisk.Web.Features.Mail.Reminders;

/// <summary>
/// Runs a periodic job on one instance at a time, at most once per interval: the instance that moves the job's
/// <see cref="JobLease"/> row from free and due to its own name, in one conditional UPDATE, runs it.
/// </summary>
public sealed class JobLeases(IDbContextFactory<VendorRiskDbContext> dbFactory, TimeProvider clock)
{
    private static readonly DateTime NeverRun = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>True when <paramref name="owner"/> now holds the lease: nobody holds it and the last run ended at least <paramref name="interval"/> ago.</summary>
    public async Task<bool> TryAcquireAsync(string job, string owner, TimeSpan lease, TimeSpan interval, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.JobLeases.AnyAsync(l => l.Name == job, cancellationToken))
        {
            db.JobLeases.Add(new JobLease { Name = job, ExpiresAt = NeverRun });
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException ex) when (DatabaseErrors.IsConstraintViolation(ex))
            {
                // Another instance created the row first.
            }
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var lastRunBefore = now - interval;
        var until = now + lease;
        return await db.JobLeases
            .Where(l => l.Name == job && l.ExpiresAt < now && (l.LastRunAt == null || l.LastRunAt <= lastRunBefore))
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, owner).SetProperty(l => l.ExpiresAt, until), cancellationToken) == 1;
    }

    /// <summary>Records the run and frees the lease.</summary>
    public async Task CompleteAsync(string job, string owner, bool ran)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        if (ran)
        {
            await db.JobLeases.Where(l => l.Name == job && l.Owner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresAt, now).SetProperty(l => l.LastRunAt, now));
        }
        else
        {
            await db.JobLeases.Where(l => l.Name == job && l.Owner == owner)
                .ExecuteUpdateAsync(s => s.SetProperty(l => l.Owner, (string?)null).SetProperty(l => l.ExpiresAt, now));
        }
    }
}

/// <summary>The reminder job: every minute it tries for the lease; the holder runs the reminders once per interval.</summary>
public sealed class ReminderService(IServiceScopeFactory scopes, JobLeases leases, MailSettings settings, IHostApplicationLifetime lifetime,
    ILogger<ReminderService> logger) : BackgroundService
{
    public const string JobName = "reminders";
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);
    private readonly string _owner = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..8]}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitUntilStartedAsync(stoppingToken))
            return;
        var interval = TimeSpan.FromMinutes(settings.Reminders.IntervalMinutes);
        var check = TimeSpan.FromMinutes(Math.Min(1, settings.Reminders.IntervalMinutes));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(interval, stoppingToken);
                await Task.Delay(check, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "The reminder job failed; it tries again in {Check}.", check);
                await Task.Delay(check, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    private async Task RunOnceAsync(TimeSpan interval, CancellationToken stoppingToken)
    {
        var owner = _owner.Length > OutboxMessage.LeaseOwnerMaxLength ? _owner[..OutboxMessage.LeaseOwnerMaxLength] : _owner;
        if (!await leases.TryAcquireAsync(JobName, owner, Lease, interval, stoppingToken))
            return;
        var ran = false;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ReminderRunner>().RunAsync(stoppingToken);
            ran = true;
        }
        finally
        {
            await leases.CompleteAsync(JobName, owner, ran);
        }
    }
}
