namespace VendorRisk.Web.Features.Mail;

/// <summary>Turn one's own notification mails on or off (security and account mails cannot be turned off).</summary>
[RequiresRole(Roles.Viewer, "change mail preferences")]
public sealed record SetMailPreferenceRequest(bool NotificationMailsOff) : IUseCase<Done>;

/// <summary>Changes only the caller's own account, whatever the request says.</summary>
public sealed class SetMailPreferenceHandler : IUseCaseHandler<SetMailPreferenceRequest, Done>
{
    public async Task<Done> HandleAsync(SetMailPreferenceRequest request, UseCaseContext context, CancellationToken cancellationToken)
    {
        var user = await context.Db.Users.SingleOrDefaultAsync(u => u.Id == context.Actor.UserId, cancellationToken)
            ?? throw new NotFoundException("Your account no longer exists.");
        if (user.NotificationMailsOff == request.NotificationMailsOff)
            return default;
        user.NotificationMailsOff = request.NotificationMailsOff;
        context.Audit("mail-preference-changed", AuditEntityTypes.User, user.Id,
            request.NotificationMailsOff ? "Notification mails turned off" : "Notification mails turned on",
            new { notificationMailsOff = !request.NotificationMailsOff }, new { notificationMailsOff = request.NotificationMailsOff });
        return default;
    }
}

/// <summary>Reads the signed-in user's own preference.</summary>
public sealed class MailPreferences(IDbContextFactory<VendorRiskDbContext> dbFactory, UseCasePipeline pipeline)
{
    public async Task<bool> GetNotificationMailsOffAsync(CancellationToken cancellationToken = default)
    {
        var actor = await pipeline.AuthorizeAsync(new ReadMailPreferences(), cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.NotificationMailsOff).SingleOrDefaultAsync(cancellationToken);
    }
}
