using MailKit.Net.Smtp;
using MimeKit;

namespace VendorRisk.Web.Features.Mail;

/// <summary>Delivers one message; throws when it could not (the sender retries).</summary>
public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>Sends through the configured SMTP server (MailKit), one connection per message.</summary>
public sealed class SmtpMailTransport(MailSettings settings) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = settings.Smtp;
        using var client = new SmtpClient { Timeout = smtp.TimeoutSeconds * 1000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        await client.SendAsync(message, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}

/// <summary>Writes each message as an .eml file into the pickup folder (open it with any mail program).</summary>
public sealed class PickupFolderMailTransport(MailPickupFolder folder) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder.Path);
        var name = $"{message.Date.UtcDateTime:yyyyMMdd-HHmmss}-{Guid.NewGuid():n}";
        var temporary = Path.Combine(folder.Path, name + ".tmp");
        // Written aside and renamed, so a reader of the folder never sees half a message.
        await message.WriteToAsync(temporary, cancellationToken);
        File.Move(temporary, Path.Combine(folder.Path, name + ".eml"));
    }
}

/// <summary>
/// The pickup folder: <c>VendorRisk:Mail:PickupFolder</c> (relative to the content root), else <c>mail-pickup</c>
/// in the data folder, which is the SQLite database's folder (by default <c>data/</c> under the content root).
/// </summary>
public sealed class MailPickupFolder
{
    public MailPickupFolder(MailSettings settings, DatabaseLocation database, string contentRoot)
    {
        Path = string.IsNullOrWhiteSpace(settings.PickupFolder)
            ? System.IO.Path.Combine(DataFolder(database, contentRoot), MailSettings.DefaultPickupFolderName)
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, settings.PickupFolder));
    }

    public string Path { get; }

    private static string DataFolder(DatabaseLocation database, string contentRoot) =>
        database.IsSqlite && database.FilePath != ":memory:" && System.IO.Path.GetDirectoryName(database.FilePath) is { Length: > 0 } folder
            ? folder
            : System.IO.Path.GetFullPath(System.IO.Path.Combine(contentRoot, System.IO.Path.GetDirectoryName(Data.DependencyInjection.DefaultDatabasePath)!));
}

/// <summary>Turns an outbox row into a MIME message: From from the settings, text and HTML alternatives.</summary>
public sealed class MimeMessageFactory(MailSettings settings, TimeProvider clock)
{
    public MimeMessage Create(OutboxMessage row)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        message.To.Add(new MailboxAddress(row.ToName ?? "", row.ToAddress));
        message.Subject = row.Subject;
        message.Date = clock.GetUtcNow();
        // Stable per outbox row: should a message ever be delivered twice, mail programs show it once.
        var domain = settings.FromAddress[(settings.FromAddress.IndexOf('@', StringComparison.Ordinal) + 1)..];
        message.MessageId = $"outbox-{row.Id}-{row.CreatedAt.Ticks}@{domain}";
        message.Headers.Add("X-VendorRisk-Mail", row.Kind);
        message.Body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody }.ToMessageBody();
        return message;
    }
}
