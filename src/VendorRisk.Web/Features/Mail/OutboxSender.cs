namespace VendorRisk.Web.Features.Mail;

/// <summary>
/// Sends due outbox messages. Safe with several senders on one database (several app instances):
/// a message is claimed by one conditional UPDATE (pending, due, lease free or expired), and the claim is
/// renewed by another right before the send, so no two senders send the same message
/// (docs/decisions/0023-mail-outbox-with-leases.md).
/// </summary>
public sealed class OutboxSender(
    IDbContextFactory<VendorRiskDbContext> dbFactory,
    IMailTransport transport,
    MimeMessageFactory messages,
    MailSettings settings,
    TimeProvider clock,
    ILogger<OutboxSender> logger)
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);

    /// <summary>Who this sender is in <see cref="OutboxMessage.LeaseOwner"/> (machine, process, instance).</summary>
    public string Name { get; } = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("n")[..8]}";

    /// <summary>Claims up to a batch of due messages and tries each once; returns how many were delivered.</summary>
    public async Task<int> SendDueAsync(CancellationToken cancellationToken = default)
    {
        var claim = $"{Guid.NewGuid():n}:{Name}";
        if (claim.Length > OutboxMessage.LeaseOwnerMaxLength)
            claim = claim[..OutboxMessage.LeaseOwnerMaxLength];
        var claimed = await ClaimAsync(claim, cancellationToken);
        var delivered = 0;
        foreach (var row in claimed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (!await RenewAsync(row.Id, claim, cancellationToken))
                continue;
            try
            {
                await transport.SendAsync(messages.Create(row), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                await RecordFailureAsync(row, claim, ex);
                continue;
            }
            await RecordSentAsync(row.Id, claim);
            delivered++;
        }
        return delivered;
    }

    private async Task<List<OutboxMessage>> ClaimAsync(string claim, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var candidates = await db.OutboxMessages.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .OrderBy(m => m.NextAttemptAt).ThenBy(m => m.Id).Select(m => m.Id).Take(settings.Sender.BatchSize).ToListAsync(cancellationToken);
        if (candidates.Count == 0)
            return [];
        var until = now.AddSeconds(settings.Sender.LeaseSeconds);
        // The conditions are repeated in the UPDATE: a row another sender claimed since the SELECT no longer matches
        // (SQLite runs the statement under its write lock; PostgreSQL re-checks them on the row after waiting for its lock).
        await db.OutboxMessages
            .Where(m => candidates.Contains(m.Id) && m.Status == OutboxStatus.Pending && (m.LeaseExpiresAt == null || m.LeaseExpiresAt < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseOwner, claim).SetProperty(m => m.LeaseExpiresAt, until), cancellationToken);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.LeaseOwner == claim).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <summary>Extends the claim right before sending; false when it was lost (it expired and another sender took it).</summary>
    private async Task<bool> RenewAsync(long id, string claim, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now.AddSeconds(settings.Sender.LeaseSeconds);
        var renewed = await db.OutboxMessages
            .Where(m => m.Id == id && m.LeaseOwner == claim && m.Status == OutboxStatus.Pending && m.LeaseExpiresAt > now)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseExpiresAt, until), cancellationToken);
        return renewed == 1;
    }

    private async Task RecordSentAsync(long id, string claim)
    {
        // The mail is out (or the try is over): this bookkeeping must not be abandoned by a stopping host.
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.OutboxMessages.Where(m => m.Id == id && m.LeaseOwner == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Sent)
                .SetProperty(m => m.SentAt, now)
                .SetProperty(m => m.Attempts, m => m.Attempts + 1)
                .SetProperty(m => m.LastError, (string?)null)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
    }

    private async Task RecordFailureAsync(OutboxMessage row, string claim, Exception error)
    {
        var attempts = row.Attempts + 1;
        var givingUp = attempts >= settings.Sender.MaxAttempts;
        var now = clock.GetUtcNow().UtcDateTime;
        var next = now + Backoff(attempts);
        var reason = $"{error.GetType().Name}: {error.Message}";
        if (reason.Length > OutboxMessage.ErrorMaxLength)
            reason = reason[..OutboxMessage.ErrorMaxLength];
        if (givingUp)
            logger.LogError("Mail {Id} ({Kind}) to {Address} failed {Attempts} times and is marked failed: {Reason}", row.Id, row.Kind, row.ToAddress, attempts, reason);
        else
            logger.LogWarning("Mail {Id} ({Kind}) could not be sent (try {Attempts}); retrying at {Next:u}: {Reason}", row.Id, row.Kind, attempts, next, reason);

        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        await db.OutboxMessages.Where(m => m.Id == row.Id && m.LeaseOwner == claim)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, givingUp ? OutboxStatus.Failed : OutboxStatus.Pending)
                .SetProperty(m => m.Attempts, attempts)
                .SetProperty(m => m.NextAttemptAt, next)
                .SetProperty(m => m.LastError, reason)
                .SetProperty(m => m.LeaseOwner, (string?)null)
                .SetProperty(m => m.LeaseExpiresAt, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>
    /// Deletes sent mails older than <see cref="OutboxSenderSettings.SentRetentionDays"/> and failed ones whose last try is
    /// more than <see cref="OutboxSenderSettings.FailedRetentionDays"/> old; returns how many went. Waiting mails always stay.
    /// Safe beside other instances doing the same: a row deleted twice is deleted once.
    /// </summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var sentBefore = now.AddDays(-settings.Sender.SentRetentionDays);
        var failedBefore = now.AddDays(-settings.Sender.FailedRetentionDays);
        var purged = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Sent && m.SentAt < sentBefore).ExecuteDeleteAsync(cancellationToken)
            + await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Failed && m.NextAttemptAt < failedBefore).ExecuteDeleteAsync(cancellationToken);
        if (purged > 0)
            logger.LogInformation("Removed {Count} sent or failed mails past their retention from the outbox.", purged);
        return purged;
    }

    /// <summary>The wait after the <paramref name="attempts"/>-th failure: the first retry delay, doubled each time, at most an hour.</summary>
    public TimeSpan Backoff(int attempts)
    {
        var seconds = settings.Sender.FirstRetrySeconds * Math.Pow(2, Math.Min(attempts - 1, 20));
        return TimeSpan.FromSeconds(Math.Min(seconds, MaxBackoff.TotalSeconds));
    }
}

/// <summary>Runs <see cref="OutboxSender"/> in the background: on every poll, and soon after a mail is queued here.</summary>
public sealed class OutboxSenderService(OutboxSender sender, OutboxSignal signal, MailSettings settings, IHostApplicationLifetime lifetime,
    TimeProvider clock, ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await lifetime.WaitUntilStartedAsync(stoppingToken))
            return;
        var poll = TimeSpan.FromSeconds(settings.Sender.PollSeconds);
        var nextPurge = DateTime.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Retention needs no precision: once at start, then about once an hour.
                var now = clock.GetUtcNow().UtcDateTime;
                if (now >= nextPurge)
                {
                    nextPurge = now.AddHours(1);
                    await sender.PurgeAsync(stoppingToken);
                }
                // A full batch may mean more is waiting: go again at once.
                while (await sender.SendDueAsync(stoppingToken) >= settings.Sender.BatchSize)
                {
                }
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(ex, "The mail sender could not read the outbox; it tries again in {Poll}.", poll);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (await signal.WaitAsync(poll, stoppingToken))
                    await Task.Delay(TimeSpan.FromMilliseconds(300), stoppingToken); // let the enqueuing transaction commit
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
