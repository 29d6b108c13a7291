namespace VendorRisk.Web.Features.Mail;

public sealed record OutboxCounts(int Pending, int Sent, int Failed);

/// <summary>A mail as the admin page lists it (no body: it may hold a portal link).</summary>
public sealed record OutboxItem(long Id, string Kind, string ToAddress, string Subject, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime NextAttemptAt, string? LastError);

/// <summary>What admins see of the outbox: counts, failed and waiting mails.</summary>
public sealed class OutboxAdmin(IDbContextFactory<VendorRiskDbContext> dbFactory, UseCasePipeline pipeline)
{
    public const int ListSize = 100;

    public async Task<OutboxCounts> CountAsync(CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadMailOutbox(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var counts = await db.OutboxMessages.GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        int Of(OutboxStatus status) => counts.SingleOrDefault(c => c.Key == status)?.Count ?? 0;
        return new OutboxCounts(Of(OutboxStatus.Pending), Of(OutboxStatus.Sent), Of(OutboxStatus.Failed));
    }

    /// <summary>The newest <see cref="ListSize"/> mails of <paramref name="status"/>.</summary>
    public async Task<IReadOnlyList<OutboxItem>> ListAsync(OutboxStatus status, CancellationToken cancellationToken = default)
    {
        await pipeline.AuthorizeAsync(new ReadMailOutbox(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Status == status).OrderByDescending(m => m.Id).Take(ListSize)
            .Select(m => new OutboxItem(m.Id, m.Kind, m.ToAddress, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.LastError))
            .ToListAsync(cancellationToken);
    }
}

/// <summary>Puts a failed mail back in the queue with a fresh count of tries. A mail that is not failed is a conflict.</summary>
[RequiresRole(Roles.Admin, "send mails again")]
public sealed record RetryMailRequest(long MailId) : IUseCase<Done>;

public sealed class RetryMailHandler(OutboxSignal signal) : IUseCaseHandler<RetryMailRequest, Done>
{
    public async Task<Done> HandleAsync(RetryMailRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var id = request.MailId;
        var changed = await context.Db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Failed)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Pending).SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, context.Now), cancellationToken);
        if (changed == 0)
        {
            var status = await context.Db.OutboxMessages.Where(m => m.Id == id).Select(m => (OutboxStatus?)m.Status).SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException($"No mail with id {id}.");
            throw new ConflictException($"Mail {id} is {status.ToString().ToLowerInvariant()}; only a failed mail can be sent again.");
        }
        context.Audit("mail-retried", AuditEntityTypes.Mail, id, $"Failed mail {id} queued again");
        signal.Notify();
        return default;
    }
}
