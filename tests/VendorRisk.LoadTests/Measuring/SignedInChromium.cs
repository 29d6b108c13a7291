using Microsoft.Playwright;

namespace VendorRisk.LoadTests.Measuring;

/// <summary>
/// Debian's Chromium (or <c>--chromium</c>) signed in once as <c>--email</c>; every tab after that opens in a browser
/// context of its own with the signed-in cookies, as a user's further tab would carry them.
/// </summary>
internal sealed class SignedInChromium : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _url;
    private readonly string _state;

    private SignedInChromium(IPlaywright playwright, IBrowser browser, Uri url, string state) =>
        (_playwright, _browser, _url, _state) = (playwright, browser, url, state);

    public static async Task<SignedInChromium> StartAsync(CommandOptions options, Uri url, string password)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = options.Get("chromium") ?? "/usr/bin/chromium",
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new() { BaseURL = url.ToString() });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login");
        await page.FillAsync("#email", options.Get("email") ?? "assessor@demo.vendorrisk");
        await page.FillAsync("#password", password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(u => !u.Contains("/account/login", StringComparison.Ordinal));
        var state = await context.StorageStateAsync();
        await context.CloseAsync();
        return new SignedInChromium(playwright, browser, url, state);
    }

    /// <summary>A new tab in its own context (its own connections), signed in, 1280 × 900.</summary>
    public async Task<IPage> NewTabAsync()
    {
        var context = await _browser.NewContextAsync(new() { BaseURL = _url.ToString(), StorageState = _state, ViewportSize = new() { Width = 1280, Height = 900 } });
        context.SetDefaultTimeout(120_000);
        return await context.NewPageAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }
}
