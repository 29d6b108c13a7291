using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VendorRisk.Data;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Mail;

/// <summary>The app with its background sender and reminder job off, so a test drives senders and reminder runs itself.</summary>
public sealed class OutboxFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["VendorRisk:Mail:Sender:Enabled"] = "false",
        ["VendorRisk:Mail:Reminders:Enabled"] = "false",
    };

    public OutboxSender NewSender(IMailTransport transport, TimeProvider? clock = null, Action<MailSettings>? configure = null)
    {
        var settings = new MailSettings();
        configure?.Invoke(settings);
        clock ??= TimeProvider.System;
        return new OutboxSender(Services.GetRequiredService<IDbContextFactory<VendorRiskDbContext>>(), transport,
            new MimeMessageFactory(settings, clock), settings, clock, NullLogger<OutboxSender>.Instance);
    }

    public static SmtpMailTransport SmtpTo(TestSmtpServer server) => new(new MailSettings
    {
        Delivery = MailDelivery.Smtp,
        Smtp = new SmtpSettings { Host = "127.0.0.1", Port = server.Port, Security = SecureSocketOptions.None, TimeoutSeconds = 10 },
    });

    /// <summary>Queues <paramref name="count"/> mails to vendor-style addresses, each with <paramref name="marker"/> in its subject.</summary>
    public async Task<List<long>> EnqueueAsync(string marker, int count = 1)
    {
        var outbox = Services.GetRequiredService<MailOutbox>();
        await using var db = await CreateDbContextAsync();
        var rows = Enumerable.Range(1, count)
            .Select(i => outbox.Enqueue(db, "test", $"contact{i}@vendor.test", $"Contact {i}",
                new MailComposer($"{marker} #{i}").Paragraph($"Message {i} of {count}.").Build(toVendorContact: true)))
            .ToList();
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    }

    public async Task<List<OutboxMessage>> RowsAsync(IEnumerable<long> ids)
    {
        var list = ids.ToList();
        await using var db = await CreateDbContextAsync();
        return await db.OutboxMessages.AsNoTracking().Where(m => list.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync();
    }
}
