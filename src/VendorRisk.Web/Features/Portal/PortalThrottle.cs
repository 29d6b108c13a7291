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
        await TooManyRequestsPage.WriteAsync(context, "Too many requests", "Too many requests",
            $"Too many requests came from your network or through this link. Wait {TooManyRequestsPage.Seconds(retryAfterSeconds)} seconds, then try again.");
    }
}
