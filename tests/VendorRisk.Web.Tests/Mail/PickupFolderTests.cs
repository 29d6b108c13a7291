using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Mail;

public sealed class PickupFolderTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    [Fact]
    public async Task By_default_the_background_sender_writes_mail_as_eml_files_into_mail_pickup_beside_the_database()
    {
        var marker = $"pickup-{Guid.NewGuid():n}";
        var outbox = app.Services.GetRequiredService<MailOutbox>();

        var queued = await outbox.SendToUserAsync("test", app.UserIdOf(Roles.Reviewer), MailCategory.Essential,
            new MailComposer(marker).Paragraph("Hello.").Build(), TestContext.Current.CancellationToken);

        Assert.True(queued);
        Assert.Equal(Path.Combine(Path.GetDirectoryName(app.DatabasePath)!, "mail-pickup"), app.Services.GetRequiredService<MailPickupFolder>().Path);
        var mail = await MailFiles.WaitForAsync(app.MailPickupFolder, m => m.Subject == marker);
        Assert.Equal(WebAppFixture.EmailOf(Roles.Reviewer), mail.To.Mailboxes.Single().Address);
    }

    [Theory]
    [InlineData("Smtp", null, "Smtp:Host is empty")]
    [InlineData("Pickup", "not-an-address", "FromAddress 'not-an-address' is not an e-mail address")]
    public void Invalid_mail_settings_are_named_at_start_up(string delivery, string? from, string expected)
    {
        var settings = new MailSettings { Delivery = Enum.Parse<MailDelivery>(delivery) };
        if (from is not null)
            settings.FromAddress = from;

        Assert.Contains(MailSettingsValidator.Problems(settings, isProduction: false), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0, 90)]
    [InlineData(30, 0)]
    [InlineData(30, 1_000_000)]
    public void An_outbox_retention_under_a_day_or_over_ten_years_is_named_at_start_up(int sentDays, int failedDays)
    {
        var settings = new MailSettings { Sender = new OutboxSenderSettings { SentRetentionDays = sentDays, FailedRetentionDays = failedDays } };

        Assert.Contains(MailSettingsValidator.Problems(settings, isProduction: false),
            p => p.Contains("SentRetentionDays and FailedRetentionDays must be 1 to 3650 days", StringComparison.Ordinal));
    }

    [Fact]
    public void In_production_smtp_needs_a_public_base_url_and_any_base_url_must_be_an_absolute_address()
    {
        var smtp = new MailSettings { Delivery = MailDelivery.Smtp, Smtp = new SmtpSettings { Host = "smtp.example.com" } };
        Assert.Contains(MailSettingsValidator.Problems(smtp, isProduction: true), p => p.Contains("PublicBaseUrl is not set", StringComparison.Ordinal));
        Assert.Empty(MailSettingsValidator.Problems(new MailSettings(), isProduction: true));
        Assert.Contains(MailSettingsValidator.Problems(new MailSettings { PublicBaseUrl = "vendorrisk.example.com" }, isProduction: true),
            p => p.Contains("absolute http or https", StringComparison.Ordinal));
        Assert.Empty(MailSettingsValidator.Problems(new MailSettings { PublicBaseUrl = "https://vendorrisk.example.com/" }, isProduction: true));
    }
}

public static class MailFiles
{
    /// <summary>Waits for an .eml file in <paramref name="folder"/> matching <paramref name="match"/>.</summary>
    public static async Task<MimeMessage> WaitForAsync(string folder, Func<MimeMessage, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var message in await ReadAllAsync(folder))
            {
                if (match(message))
                    return message;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"No matching mail appeared in {folder}.");
    }

    public static async Task<List<MimeMessage>> ReadAllAsync(string folder)
    {
        var messages = new List<MimeMessage>();
        if (!Directory.Exists(folder))
            return messages;
        foreach (var file in Directory.GetFiles(folder, "*.eml"))
            messages.Add(await MimeMessage.LoadAsync(file));
        return messages;
    }
}
