using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Mail;

namespace VendorRisk.Web.Tests.Mail;

public sealed class OutboxSenderTests(OutboxFixture app) : IClassFixture<OutboxFixture>
{
    [Fact]
    public async Task A_queued_mail_reaches_a_real_smtp_server_as_text_and_html_and_is_marked_sent()
    {
        await using var smtp = new TestSmtpServer();
        var outbox = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<MailOutbox>(app.Services);
        await using (var db = await app.CreateDbContextAsync())
        {
            outbox.Enqueue(db, "test", "dana@vendor.test", "Dana <Vendor>", new MailComposer("Hello <b>Dana</b>\r\nBcc: evil@x.test")
                .Paragraph("Your answers for <script>alert(1)</script> are due.").Build(toVendorContact: true));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var sent = await app.NewSender(OutboxFixture.SmtpTo(smtp)).SendDueAsync(TestContext.Current.CancellationToken);

        Assert.True(sent >= 1);
        var mail = await smtp.WaitForAsync(m => m.To.Mailboxes.Any(a => a.Address == "dana@vendor.test"));
        Assert.Equal("Hello <b>Dana</b> Bcc: evil@x.test", mail.Subject);
        Assert.Empty(mail.Bcc);
        Assert.Equal("vendorrisk@localhost", mail.From.Mailboxes.Single().Address);
        Assert.Contains("<script>alert(1)</script>", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", mail.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", mail.HtmlBody, StringComparison.Ordinal);
        await using var check = await app.CreateDbContextAsync();
        var row = check.OutboxMessages.Single(m => m.ToAddress == "dana@vendor.test");
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LeaseOwner);
    }

    [Fact]
    public async Task Purging_removes_sent_mails_past_their_retention_and_old_failed_ones_and_keeps_waiting_ones()
    {
        var ct = TestContext.Current.CancellationToken;
        var ids = await app.EnqueueAsync($"purge-{Guid.NewGuid():n}", 5);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var now = clock.GetUtcNow().UtcDateTime;
        await using (var db = await app.CreateDbContextAsync())
        {
            async Task SetAsync(long id, OutboxStatus status, DateTime createdAt, DateTime lastTry, DateTime? sentAt) =>
                await db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, status)
                    .SetProperty(m => m.CreatedAt, createdAt).SetProperty(m => m.NextAttemptAt, lastTry).SetProperty(m => m.SentAt, sentAt), ct);
            await SetAsync(ids[0], OutboxStatus.Sent, now.AddDays(-40), now.AddDays(-31), now.AddDays(-31));
            await SetAsync(ids[1], OutboxStatus.Sent, now.AddDays(-40), now.AddDays(-29), now.AddDays(-29));
            await SetAsync(ids[2], OutboxStatus.Failed, now.AddDays(-120), now.AddDays(-91), null);
            // Queued long ago, sent again by an admin and failed again lately: kept for the admin to see.
            await SetAsync(ids[3], OutboxStatus.Failed, now.AddDays(-120), now.AddDays(-2), null);
            await SetAsync(ids[4], OutboxStatus.Pending, now.AddDays(-200), now.AddDays(-200), null);
        }
        var folder = Path.Combine(Path.GetTempPath(), $"purge-{Guid.NewGuid():n}");
        var sender = app.NewSender(new PickupFolderMailTransport(new MailPickupFolder(new MailSettings { PickupFolder = folder }, new Data.DatabaseLocation("Data Source=:memory:"), "/")), clock);

        var purged = await sender.PurgeAsync(ct);

        Assert.Equal([ids[1], ids[3], ids[4]], (await app.RowsAsync(ids)).Select(r => r.Id));
        // The other tests' mails in this database were queued today: within their retention.
        Assert.Equal(2, purged);
        Assert.Equal(0, await sender.PurgeAsync(ct));
    }

    [Fact]
    public async Task Two_senders_racing_over_the_same_outbox_send_each_message_exactly_once()
    {
        const int count = 120;
        var marker = $"race-{Guid.NewGuid():n}";
        var ids = await app.EnqueueAsync(marker, count);
        var folders = new[] { Path.Combine(Path.GetTempPath(), marker, "a"), Path.Combine(Path.GetTempPath(), marker, "b") };
        var senders = folders.Select(f => app.NewSender(new PickupFolderMailTransport(new MailPickupFolder(new MailSettings { PickupFolder = f }, new Data.DatabaseLocation("Data Source=:memory:"), "/")),
            configure: s => s.Sender.BatchSize = 7)).ToArray();
        try
        {
            var start = new TaskCompletionSource();
            var runs = senders.Select(sender => Task.Run(async () =>
            {
                await start.Task;
                var total = 0;
                for (var idle = 0; idle < 3;)
                {
                    var sent = await sender.SendDueAsync(TestContext.Current.CancellationToken);
                    total += sent;
                    idle = sent == 0 ? idle + 1 : 0;
                }
                return total;
            })).ToArray();
            start.SetResult();
            var totals = await Task.WhenAll(runs);

            var received = new List<MimeMessage>();
            foreach (var file in folders.Where(Directory.Exists).SelectMany(f => Directory.GetFiles(f, "*.eml")))
                received.Add(await MimeMessage.LoadAsync(file, TestContext.Current.CancellationToken));
            var ours = received.Where(m => m.Subject?.StartsWith(marker, StringComparison.Ordinal) == true).ToList();
            Assert.Equal(count, ours.Count);
            Assert.Equal(count, ours.Select(m => m.MessageId).Distinct().Count());
            Assert.Equal(received.Count, totals.Sum());
            Assert.All(await app.RowsAsync(ids), row => Assert.Equal((OutboxStatus.Sent, 1), (row.Status, row.Attempts)));
        }
        finally
        {
            Directory.Delete(Path.Combine(Path.GetTempPath(), marker), recursive: true);
        }
    }

    [Fact]
    public async Task A_refused_mail_is_retried_after_a_growing_wait_and_marked_failed_after_the_last_try()
    {
        await using var smtp = new TestSmtpServer { Refuse = true };
        var ids = await app.EnqueueAsync($"refused-{Guid.NewGuid():n}");
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var sender = app.NewSender(OutboxFixture.SmtpTo(smtp), clock, s => (s.Sender.MaxAttempts, s.Sender.FirstRetrySeconds) = (3, 30));
        var ct = TestContext.Current.CancellationToken;

        Assert.Equal(0, await sender.SendDueAsync(ct));
        var row = Assert.Single(await app.RowsAsync(ids));
        Assert.Equal((OutboxStatus.Pending, 1), (row.Status, row.Attempts));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(30), row.NextAttemptAt, TimeSpan.FromMilliseconds(1));
        Assert.Contains("mailbox unavailable", row.LastError, StringComparison.Ordinal);

        clock.Advance(TimeSpan.FromSeconds(29));
        await sender.SendDueAsync(ct);
        Assert.Equal(1, Assert.Single(await app.RowsAsync(ids)).Attempts);

        clock.Advance(TimeSpan.FromSeconds(1));
        await sender.SendDueAsync(ct);
        row = Assert.Single(await app.RowsAsync(ids));
        Assert.Equal((OutboxStatus.Pending, 2), (row.Status, row.Attempts));
        Assert.Equal(clock.GetUtcNow().UtcDateTime.AddSeconds(60), row.NextAttemptAt, TimeSpan.FromMilliseconds(1));

        clock.Advance(TimeSpan.FromSeconds(60));
        await sender.SendDueAsync(ct);
        row = Assert.Single(await app.RowsAsync(ids));
        Assert.Equal((OutboxStatus.Failed, 3), (row.Status, row.Attempts));

        smtp.Refuse = false;
        clock.Advance(TimeSpan.FromHours(2));
        await sender.SendDueAsync(ct);
        Assert.Equal(OutboxStatus.Failed, Assert.Single(await app.RowsAsync(ids)).Status);
        Assert.Empty(smtp.Received);
    }

    [Fact]
    public async Task A_mail_that_fails_once_is_delivered_on_the_retry()
    {
        await using var smtp = new TestSmtpServer { Refuse = true };
        var marker = $"retry-{Guid.NewGuid():n}";
        var ids = await app.EnqueueAsync(marker);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(1));
        var sender = app.NewSender(OutboxFixture.SmtpTo(smtp), clock);
        var ct = TestContext.Current.CancellationToken;

        await sender.SendDueAsync(ct);
        smtp.Refuse = false;
        clock.Advance(sender.Backoff(1));
        await sender.SendDueAsync(ct);

        await smtp.WaitForAsync(m => m.Subject?.StartsWith(marker, StringComparison.Ordinal) == true);
        var row = Assert.Single(await app.RowsAsync(ids));
        Assert.Equal((OutboxStatus.Sent, 2), (row.Status, row.Attempts));
    }
}
