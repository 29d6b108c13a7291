using System.Net;
using System.Text.RegularExpressions;

namespace VendorRisk.LoadTests.LoadRun.HubCircuits;

/// <summary>Signs in through the real login form (its antiforgery token included) and keeps the auth cookie.</summary>
public static partial class HttpSignIn
{
    public static async Task<CookieContainer> SignInAsync(Uri baseUrl, string email, string password)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = baseUrl };
        var form = await http.GetStringAsync("/account/login");
        var fields = HiddenInput().Matches(form).ToDictionary(m => WebUtility.HtmlDecode(m.Groups["name"].Value), m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        fields["Input.Email"] = email;
        fields["Input.Password"] = password;
        using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(fields));
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.ToString().Contains("/account/login", StringComparison.OrdinalIgnoreCase) == true)
            throw new InvalidOperationException($"Sign-in as {email} failed: HTTP {(int)response.StatusCode} {response.Headers.Location}");
        return cookies;
    }

    [GeneratedRegex("""<input[^>]*type="hidden"[^>]*name="(?<name>[^"]+)"[^>]*value="(?<value>[^"]*)"[^>]*>""")]
    private static partial Regex HiddenInput();
}
