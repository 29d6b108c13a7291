using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// The answers save in the OpenAPI document: the optional <c>Prefer: return=minimal</c> request header, and the 200
/// response as either the whole assessment (the default) or <see cref="AnswersSavedDto"/>. The minimal shape forbids
/// other properties, so a body matches exactly one of the two.
/// </summary>
internal static class AnswersOpenApi
{
    private const string Path = "/api/v1/assessments/{id}/answers";
    private const string SavedId = nameof(AnswersSavedDto);
    private const string SavedAnswerId = nameof(SavedAnswerDto);
    private const string ScoreSummaryId = nameof(ScoreSummaryDto);

    public static void AddSchemas(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        schemas[SavedAnswerId] = Closed(new()
        {
            ["questionKey"] = Of(JsonSchemaType.String),
            ["version"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The answer's version now, for the next save's expectedVersion (0 once cleared)." },
            ["cleared"] = Of(JsonSchemaType.Boolean),
            ["updatedBy"] = Of(JsonSchemaType.String),
            ["updatedAt"] = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date-time" },
        });
        schemas[ScoreSummaryId] = Closed(new()
        {
            ["overall"] = new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "double" },
            ["rating"] = Of(JsonSchemaType.String | JsonSchemaType.Null),
            ["bandRating"] = Of(JsonSchemaType.String | JsonSchemaType.Null),
            ["knockouts"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = Of(JsonSchemaType.String) },
            ["completeness"] = new OpenApiSchema { Type = JsonSchemaType.Number, Format = "double" },
            ["evidenceStrength"] = new OpenApiSchema { Type = JsonSchemaType.Number | JsonSchemaType.Null, Format = "double" },
            ["sections"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(nameof(SectionScoreDto), document) },
            ["acceptedKnockouts"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(nameof(AcceptedKnockoutDto), document) },
        }, "The score after the save, as in the assessment's score but without the per-question breakdown.");
        schemas[SavedId] = Closed(new()
        {
            ["answers"] = new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(SavedAnswerId, document) },
            ["score"] = new OpenApiSchemaReference(ScoreSummaryId, document),
        }, "The response to Prefer: return=minimal: each saved answer's new version, and the score after the save.");
    }

    public static void Polish(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        if (path != Path || method != HttpMethod.Put)
            return;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = ReturnPreference.RequestHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "RFC 7240. `return=minimal`: answer with only the saved answers' versions and the new score (AnswersSavedDto) "
                + "instead of the whole assessment; the response then carries `Preference-Applied: return=minimal`.",
            Schema = Of(JsonSchemaType.String),
        });
        if (operation.Responses?.TryGetValue("200", out var ok) != true || ok is not OpenApiResponse response)
            return;
        response.Description = "The assessment as GET returns it; with Prefer: return=minimal, the saved answers' versions and the new score.";
        response.Content = new Dictionary<string, OpenApiMediaType>
        {
            ["application/json"] = new()
            {
                Schema = new OpenApiSchema { OneOf = [new OpenApiSchemaReference(nameof(AssessmentDto), document), new OpenApiSchemaReference(SavedId, document)] },
            },
        };
        response.Headers ??= new Dictionary<string, IOpenApiHeader>();
        response.Headers[ReturnPreference.AppliedHeader] = new OpenApiHeader
        {
            Description = "`return=minimal` when the minimal response was sent.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(ReturnPreference.Minimal)!] },
        };
    }

    private static OpenApiSchema Of(JsonSchemaType type) => new() { Type = type };

    /// <summary>An object whose every listed property is required and which allows no others.</summary>
    private static OpenApiSchema Closed(Dictionary<string, IOpenApiSchema> properties, string? description = null) => new()
    {
        Type = JsonSchemaType.Object,
        Description = description,
        Properties = properties,
        Required = new HashSet<string>(properties.Keys, StringComparer.Ordinal),
        AdditionalPropertiesAllowed = false,
    };
}
