using Microsoft.EntityFrameworkCore;
using VendorRisk.Data;
using VendorRisk.Web.Infrastructure;

namespace VendorRisk.Web.Features.Mail;

/// <summary>Turn one's own notification mails on or off (security and account mails cannot be turned off).</summary>
public sealed record SetMailPreferenceRequest(bool NotificationMailsOff);

/// <summary>Each signed-in user reads and sets their own preference, and only their own.</summary>
public sealed class MailPreferences(IDbContextFactory<VendorRiskDbContext> dbFactory, ICurrentUser currentUser)
{
    public async Task<bool> GetNotificationMailsOffAsync(CancellationToken cancellationToken = default)
    {
        var actor = await currentUser.RequireAsync(Roles.Viewer, "read mail preferences", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.NotificationMailsOff).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task SetAsync(SetMailPreferenceRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var actor = await currentUser.RequireAsync(Roles.Viewer, "change mail preferences", cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var user = await db.Users.SingleOrDefaultAsync(u => u.Id == actor.UserId, cancellationToken)
            ?? throw new NotFoundException("Your account no longer exists.");
        if (user.NotificationMailsOff == request.NotificationMailsOff)
            return;
        user.NotificationMailsOff = request.NotificationMailsOff;
        db.Audit(actor, "mail-preference-changed", AuditEntityTypes.User, user.Id,
            request.NotificationMailsOff ? "Notification mails turned off" : "Notification mails turned on",
            new { notificationMailsOff = !request.NotificationMailsOff }, new { notificationMailsOff = request.NotificationMailsOff });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
