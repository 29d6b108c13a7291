namespace VendorRisk.Web.Infrastructure;

/// <summary>The plain page a rate limiter answers with: no layout, no script, just what to do next.</summary>
public static class TooManyRequestsPage
{
    /// <param name="paragraphHtml">Already-encoded HTML; the wait in seconds is appended by the caller's wording.</param>
    public static Task WriteAsync(HttpContext context, string title, string heading, string paragraphHtml)
    {
        context.Response.ContentType = "text/html; charset=utf-8";
        return context.Response.WriteAsync(
            $"<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{title} · VendorRisk</title></head>" +
            $"<body><main><h1>{heading}</h1><p>{paragraphHtml}</p></main></body></html>", context.RequestAborted);
    }

    public static string Seconds(int seconds) => seconds.ToString(CultureInfo.InvariantCulture);
}
