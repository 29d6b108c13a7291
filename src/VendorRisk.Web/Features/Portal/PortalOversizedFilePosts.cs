using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VendorRisk.Web.Features.EvidenceFiles;

namespace VendorRisk.Web.Features.Portal;

/// <summary>
/// A portal file post too large to attach, sent without script (portal.js refuses such a file before sending it):
/// read to its end and answered with the page's "Not attached" notice on its question. Left alone, Kestrel cut the body
/// off at its 28.6 MB limit while the antiforgery check read the form, and the browser showed a dropped connection.
/// </summary>
/// <remarks>
/// Runs after authorization (only a signed-in portal contact gets here) and the request limits (an oversized post counts
/// against its link's limit, and one over the limit is refused unread), and before the antiforgery check, which would
/// read the whole form. Nothing is stored and nothing changes but a one-minute notice cookie, so the token is not needed.
/// A body over <see cref="DrainLimitBytes"/> is still cut off: past that, reading it costs more than the message is worth.
/// </remarks>
public static class PortalOversizedFilePosts
{
    public const long DrainLimitBytes = 256L * 1024 * 1024;
    private const int MaxQuestionKeyChars = 200;

    public static IApplicationBuilder UsePortalOversizedFilePosts(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (!IsOversizedFilePost(context.Request))
        {
            await next(context);
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = DrainLimitBytes;
        string key;
        try
        {
            key = await DrainAsync(context.Request, context.RequestAborted);
        }
        catch (Exception ex) when (ex is IOException or InvalidDataException or OperationCanceledException or BadHttpRequestException)
        {
            // The browser went away, or the body was not a form after all: nobody is left to tell.
            return;
        }
        var result = PortalEndpoints.WantsJson(context)
            ? Results.Json(new { message = EvidenceFileStore.TooLarge }, statusCode: StatusCodes.Status413PayloadTooLarge)
            : PortalFileNotice.Redirect(context, key, "Not attached: " + EvidenceFileStore.TooLarge, ok: false);
        await result.ExecuteAsync(context);
    });

    private static bool IsOversizedFilePost(HttpRequest request) =>
        HttpMethods.IsPost(request.Method)
        && request.Path.Equals(PortalPaths.Files, StringComparison.OrdinalIgnoreCase)
        && request.ContentLength is > EvidenceFileHttp.MaxBodyBytes and <= DrainLimitBytes
        && request.HasFormContentType
        && request.HttpContext.User.Identity?.IsAuthenticated == true
        && PortalAuthentication.InvitationIdOf(request.HttpContext.User) is not null;

    /// <summary>Reads the multipart body to its end, keeping only the question key; the file goes nowhere.</summary>
    private static async Task<string> DrainAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var key = "";
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
        {
            await request.Body.CopyToAsync(Stream.Null, cancellationToken);
            return key;
        }
        var reader = new MultipartReader(boundary, request.Body) { BodyLengthLimit = null };
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) && disposition.IsFormDisposition()
                && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, "questionKey", StringComparison.Ordinal))
            {
                using var text = new StreamReader(section.Body, leaveOpen: true);
                var buffer = new char[MaxQuestionKeyChars];
                key = new string(buffer, 0, await text.ReadBlockAsync(buffer.AsMemory(), cancellationToken));
            }
            await section.Body.CopyToAsync(Stream.Null, cancellationToken);
        }
        return key;
    }
}
