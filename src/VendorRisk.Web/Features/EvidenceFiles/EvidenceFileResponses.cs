using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Net.Http.Headers;
using VendorRisk.Domain.EvidenceFiles;

namespace VendorRisk.Web.Features.EvidenceFiles;

/// <summary>How evidence files travel over HTTP, for the API and the signed-in UI alike.</summary>
public static class EvidenceFileHttp
{
    public const string FormField = EvidenceFileStore.FileField;

    /// <summary>
    /// The largest body an upload may have: the file's limit plus 2 MB. Kestrel counts the body as it reads it ahead of
    /// the application (up to its 1 MB request buffer), so with 1 MB of room a file just over the limit was sometimes cut
    /// off by the body limit (413) before the store saw it pass 25 MB (400, the contract's answer).
    /// </summary>
    public const long MaxBodyBytes = EvidenceLimits.MaxFileBytes + 2 * 1024 * 1024;

    /// <summary>
    /// Always an attachment (RFC 6266, <c>filename*</c> for any non-ASCII name), never sniffed, never cached, and
    /// sandboxed should a browser render it anyway.
    /// </summary>
    public static IResult Download(HttpContext http, EvidenceFileDownload file)
    {
        var headers = http.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "sandbox; default-src 'none'";
        return Results.File(file.Content, file.ContentType, file.Name);
    }

    /// <summary>
    /// Streams the first file part of a multipart body into <paramref name="store"/> without buffering the request;
    /// anything that is not multipart, or has no file part, is refused with 400 on <c>file</c>.
    /// </summary>
    public static async Task<EvidenceFileInfo> ReadUploadAsync(HttpRequest request, Func<string?, Stream, Task<EvidenceFileInfo>> store,
        CancellationToken cancellationToken)
    {
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;
        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var mediaType)
            || !mediaType.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(mediaType.Boundary).Value is not { Length: > 0 } boundary)
            throw RequestRefusals.One(FormField, "Send the file as multipart/form-data with one part named \"file\".");

        // The file is read whole before it is stored: a second file part after it refuses the request rather than
        // being dropped unseen (api.md: one file). The body's size limit bounds what is held.
        var reader = new MultipartReader(boundary, request.Body);
        (string? Name, MemoryStream Content)? file = null;
        var fileParts = 0;
        while (await reader.ReadNextSectionAsync(cancellationToken) is { } section)
        {
            if (!ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition) || !disposition.IsFileDisposition())
                continue;
            if (fileParts++ > 0)
                throw RequestRefusals.One(FormField, "Send one file per request; this one holds more.");
            if (!string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FormField, StringComparison.Ordinal))
                continue;
            var content = new MemoryStream();
            await section.Body.CopyToAsync(content, cancellationToken);
            content.Position = 0;
            file = (disposition.FileNameStar.HasValue ? disposition.FileNameStar.Value : HeaderUtilities.RemoveQuotes(disposition.FileName).Value, content);
        }
        if (file is not { } received)
            throw RequestRefusals.One(FormField, "The request has no file: send one part named \"file\" with a file name.");
        await using (received.Content)
            return await store(received.Name, received.Content);
    }

    /// <summary>Parses an optional yyyy-MM-dd "valid until" date, else 400 on <c>validUntil</c>.</summary>
    public static DateOnly? ParseValidUntil(string? value) =>
        string.IsNullOrWhiteSpace(value) ? null
        : DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date
        : throw RequestRefusals.One("validUntil", "Give the date as yyyy-MM-dd, e.g. 2027-03-31.");
}
