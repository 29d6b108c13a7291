using Microsoft.OpenApi;
using VendorRisk.Domain.EvidenceFiles;

namespace VendorRisk.Web.Features.Api;

/// <summary>The evidence-file endpoints in the OpenAPI document: a multipart upload, and downloads typed as binary in each accepted type.</summary>
internal static class EvidenceFilesOpenApi
{
    public const string TagDescription = "Evidence files on a draft's answers: upload (multipart), download (always an attachment), delete.";

    public static void Polish(string path, HttpMethod method, OpenApiOperation operation)
    {
        if (path == "/api/v1/assessments/{id}/answers/{questionKey}/files" && method == HttpMethod.Post)
        {
            operation.RequestBody = new OpenApiRequestBody
            {
                Required = true,
                Description = $"One part named \"file\" with the file's name; at most {EvidenceLimits.MaxFileBytes / 1024 / 1024} MB.",
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["multipart/form-data"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Required = new HashSet<string> { "file" },
                            Properties = new Dictionary<string, IOpenApiSchema> { ["file"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                        },
                    },
                },
            };
            Describe(operation, "201", "The stored file: id, name, size, contentType, sha256.");
            Describe(operation, "400", "Refused, with the reason under errors.file (not an accepted type, HTML, a program, empty, over 25 MB, a name with a path or control characters, over the assessment's quota) or errors.validUntil.");
            Describe(operation, "413", "The body is larger than a 25 MB file and its multipart framing.");
            Describe(operation, "409", "The assessment is not a draft.");
        }
        else if (path == "/api/v1/files/{id}" && method == HttpMethod.Get && operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse file)
        {
            file.Description = "The file, as an attachment (Content-Disposition: attachment; filename*), with X-Content-Type-Options: nosniff and Cache-Control: no-store.";
            file.Content = Enum.GetValues<EvidenceKind>().Select(EvidenceContentType.MimeType).Append(EvidenceFilesApi.BinaryContentType).Distinct()
                .ToDictionary(type => type, _ => new OpenApiMediaType { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } });
        }
        else if (path == "/api/v1/files/{id}" && method == HttpMethod.Delete)
        {
            Describe(operation, "204", "Deleted.");
            Describe(operation, "409", "The file's assessment is not a draft.");
        }
    }

    private static void Describe(OpenApiOperation operation, string status, string description)
    {
        if (operation.Responses?.TryGetValue(status, out var response) == true && response is OpenApiResponse concrete)
            concrete.Description = description;
    }
}
