using VendorRisk.Web.Tests.Mail;

namespace VendorRisk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// The browser fixture with mail delivered over SMTP to a real SMTP server the test starts on 127.0.0.1, and the
/// app's public base URL set to the address it really listens at, so a link read from a mail opens the app.
/// </summary>
public sealed class SmtpBrowserFixture : BrowserFixture
{
    private readonly int _appPort = TestSmtpServer.FreePort();

    public SmtpBrowserFixture() => UseKestrel(_appPort);

    public TestSmtpServer Smtp { get; } = new();

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["VendorRisk:Mail:Delivery"] = "Smtp",
        ["VendorRisk:Mail:Smtp:Host"] = "127.0.0.1",
        ["VendorRisk:Mail:Smtp:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["VendorRisk:Mail:Smtp:Security"] = "None",
        ["VendorRisk:Mail:Sender:PollSeconds"] = "1",
        ["VendorRisk:Mail:PublicBaseUrl"] = $"http://127.0.0.1:{_appPort}/",
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}
