using Microsoft.AspNetCore.Http.HttpResults;
using VendorRisk.Web.Features.EvidenceFiles;

namespace VendorRisk.Web.Features.Api;

/// <summary>The file's metadata in a 201 (api.md).</summary>
public sealed record EvidenceFileDto(int Id, string Name, long Size, string ContentType, string Sha256)
{
    public static EvidenceFileDto From(EvidenceFileInfo f) => new(f.Id, f.Name, f.Size, f.ContentType, f.Sha256);
}

/// <summary>A file as each answer in GET lists it (api.md).</summary>
public sealed record AnswerFileDto(int Id, string Name, long Size, string ContentType);

public static class EvidenceFilesApi
{
    public const string BinaryContentType = "application/octet-stream";

    public static RouteGroupBuilder MapEvidenceFilesApi(this RouteGroupBuilder api)
    {
        api.MapPost("/assessments/{id:int}/answers/{questionKey}/files", UploadAsync)
            .WithTags("Evidence files")
            .Described("UploadEvidenceFile", "Attach one evidence file (multipart, part \"file\", at most 25 MB; PDF, PNG, JPEG, DOCX, XLSX, CSV or plain text, recognised by content) to a draft's question; optional validUntil (yyyy-MM-dd) as a query parameter")
            .ProducesValidationProblem()
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status413PayloadTooLarge)
            .ChecksRoleOf<EvidenceFiles.MayAttachEvidenceFiles>()
            .DisableAntiforgery();
        api.MapGet("/files/{id:int}", DownloadAsync)
            .WithTags("Evidence files")
            .Described("DownloadEvidenceFile", "The file's bytes, always as an attachment (Content-Disposition: attachment, X-Content-Type-Options: nosniff), in its detected content type")
            .Produces(StatusCodes.Status200OK, contentType: BinaryContentType)
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapDelete("/files/{id:int}", DeleteAsync)
            .WithTags("Evidence files")
            .Described("DeleteEvidenceFile", "Remove an evidence file while its assessment is a draft")
            .ProducesProblems(StatusCodes.Status404NotFound, StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<Created<EvidenceFileDto>> UploadAsync(int id, string questionKey, string? validUntil, HttpRequest request,
        UploadEvidenceFileHandler uploads, CancellationToken cancellationToken)
    {
        var until = EvidenceFileHttp.ParseValidUntil(validUntil);
        var stored = await EvidenceFileHttp.ReadUploadAsync(request,
            (name, content) => uploads.HandleAsync(new EvidenceUpload(id, questionKey, name, content, until), cancellationToken), cancellationToken);
        return TypedResults.Created($"/api/v1/files/{stored.Id}", EvidenceFileDto.From(stored));
    }

    private static async Task<IResult> DownloadAsync(int id, HttpContext http, EvidenceFileQueries files, CancellationToken cancellationToken) =>
        EvidenceFileHttp.Download(http, await files.OpenAsync(id, cancellationToken));

    private static async Task<NoContent> DeleteAsync(int id, DeleteEvidenceFileHandler deletes, CancellationToken cancellationToken)
    {
        await deletes.HandleAsync(id, cancellationToken);
        return TypedResults.NoContent();
    }
}
