namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// The outcome of a file post without script, carried to the questionnaire page in a short-lived cookie under
/// <see cref="PortalPaths.Root"/> (never in the address, where a crafted link could make the page say anything).
/// </summary>
public sealed record PortalFileNotice(string QuestionKey, string Text, bool Ok)
{
    public const string CookieName = "vr-portal-file-notice";

    public static IResult Redirect(HttpContext context, string questionKey, string text, bool ok)
    {
        context.Response.Cookies.Append(CookieName, $"{(ok ? 1 : 0)}|{Uri.EscapeDataString(questionKey)}|{Uri.EscapeDataString(text)}", new CookieOptions
        {
            Path = PortalPaths.Root, HttpOnly = true, SameSite = SameSiteMode.Strict, Secure = context.Request.IsHttps,
            MaxAge = TimeSpan.FromMinutes(1), IsEssential = true,
        });
        return Results.Redirect($"{PortalPaths.Questionnaire}#files-{Uri.EscapeDataString(questionKey)}");
    }

    /// <summary>The notice of the last file post, read once (the cookie is removed while the page renders).</summary>
    public static PortalFileNotice? Take(HttpContext context)
    {
        if (!context.Request.Cookies.TryGetValue(CookieName, out var value))
            return null;
        if (!context.Response.HasStarted)
            context.Response.Cookies.Delete(CookieName, new CookieOptions { Path = PortalPaths.Root });
        var parts = value.Split('|');
        return parts.Length == 3 && parts[0] is "0" or "1"
            ? new PortalFileNotice(Uri.UnescapeDataString(parts[1]), Uri.UnescapeDataString(parts[2]), parts[0] == "1")
            : null;
    }
}
