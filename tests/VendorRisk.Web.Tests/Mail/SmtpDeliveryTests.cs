using Microsoft.Extensions.DependencyInjection;
using VendorRisk.Web.Features.Mail;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Mail;

/// <summary>The app configured for SMTP delivery to a real SMTP server started beside it.</summary>
public sealed class SmtpAppFixture : WebAppFixture
{
    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["VendorRisk:Mail:Delivery"] = "Smtp",
        ["VendorRisk:Mail:Smtp:Host"] = "127.0.0.1",
        ["VendorRisk:Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["VendorRisk:Mail:Smtp:Security"] = "None",
        ["VendorRisk:Mail:FromAddress"] = "risk@buyer.example",
        ["VendorRisk:Mail:FromName"] = "Buyer Risk Office",
        ["VendorRisk:Mail:Sender:PollSeconds"] = "1",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

public sealed class SmtpDeliveryTests(SmtpAppFixture app) : IClassFixture<SmtpAppFixture>
{
    [Fact]
    public async Task With_smtp_delivery_the_apps_background_sender_hands_a_queued_mail_to_the_smtp_server_from_the_configured_sender()
    {
        var marker = $"smtp-{Guid.NewGuid():n}";
        var outbox = app.Services.GetRequiredService<MailOutbox>();

        await outbox.SendToUserAsync("test", app.UserIdOf(Roles.Reviewer), MailCategory.Essential,
            new MailComposer(marker).Paragraph("Über <alles>.").Build(), TestContext.Current.CancellationToken);

        var mail = await app.Smtp.WaitForAsync(m => m.Subject == marker, TimeSpan.FromSeconds(30));
        Assert.Equal(("risk@buyer.example", "Buyer Risk Office"), (mail.From.Mailboxes.Single().Address, mail.From.Mailboxes.Single().Name));
        Assert.Equal(WebAppFixture.EmailOf(Roles.Reviewer), mail.To.Mailboxes.Single().Address);
        Assert.Contains("Über <alles>.", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Über &lt;alles&gt;.", mail.HtmlBody, StringComparison.Ordinal);
        Assert.False(Directory.Exists(app.MailPickupFolder));
    }
}
