namespace VendorRisk.Web.Features.Portal;

public static class PortalThrottle
{
    public static async Task WriteRefusalAsync(HttpContext context, int retryAfterSeconds)
    {
        if (context.Request.Headers.Accept.Any(a => a?.Contains("application/json", StringComparison.OrdinalIgnoreCase) == true))
        {
            await context.Response.WriteAsJsonAsync(new { message = $"Too many requests; wait {retryAfterSeconds} seconds." }, context.RequestAborted);
            return;
        }
        context.Response.ContentType = "text/html; charset=utf-8";
        await context.Response.WriteAsync(
            "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Too many requests · VendorRisk</title></head>" +
            "<body><main><h1>Too many requests</h1>" +
            $"<p>Too many requests came from your network or through this link. Wait {retryAfterSeconds.ToString(CultureInfo.InvariantCulture)} seconds, then try again.</p>" +
            "</main></body></html>", context.RequestAborted);
    }
}
