using VendorRisk.Web.Infrastructure.RequestLimits;

namespace VendorRisk.Web.Features.Account;

public sealed class SignInThrottleOptions
{
    public const string Section = "VendorRisk:SignIn";

    /// <summary>Sign-in (and set-up) form posts a minute from one client address, whichever accounts they name.</summary>
    public int AttemptsPerMinute { get; set; } = 20;
}

/// <summary>
/// Per-client limit on posting the sign-in and set-up forms, so a password spray across many
/// accounts is slowed as much as guessing one (the per-account lockout does not see it).
/// Put <c>[EnableRateLimiting(SignInThrottle.Policy)]</c> on such a page; showing the form is not limited.
/// </summary>
public static class SignInThrottle
{
    public const string Policy = "sign-in";

    public static void AddPolicy(RequestLimitOptions options) =>
        options.AddPolicy(Policy, context =>
        {
            if (!HttpMethods.IsPost(context.Request.Method))
                return null;
            var limit = context.RequestServices.GetRequiredService<IOptions<SignInThrottleOptions>>().Value.AttemptsPerMinute;
            return RequestLimit.PerMinute("client:" + context.Connection.RemoteIpAddress, limit);
        }, WriteRefusalAsync);

    public static Task WriteRefusalAsync(HttpContext context, int retryAfterSeconds) =>
        TooManyRequestsPage.WriteAsync(context, "Too many attempts", "Too many sign-in attempts",
            $"Too many attempts came from your network. Wait {TooManyRequestsPage.Seconds(retryAfterSeconds)} seconds, then " +
            "<a href=\"/account/login\">try again</a>.");
}
