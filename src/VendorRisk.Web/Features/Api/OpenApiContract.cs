using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace VendorRisk.Web.Features.Api;

/// <summary>
/// Makes the generated OpenAPI document say exactly what the server does, so strict client generators
/// (NSwag, openapi-typescript) accept it as it is:
/// <list type="bullet">
/// <item>request bodies: a field is required only when marked <see cref="RequiredAttribute"/>, and then not nullable;</item>
/// <item>responses: a field the server leaves out when null (<c>WhenWritingNull</c>) is optional and never null;
/// every other field is required, nullable only when its C# type is;</item>
/// <item>enums are strings with their values, without a <c>null</c> member;</item>
/// <item>a static <c>servers</c> entry <c>/</c>, a description on every operation and tag, <c>Location</c> on 201,
/// <c>Retry-After</c> on 429, the 409 body with <c>current</c>, PDFs as binary, and the question-set file typed
/// from its JSON Schema.</item>
/// </list>
/// </summary>
public static class OpenApiContract
{
    public const string ConflictSchemaId = "ConflictProblemDetails";
    public const string QuestionSetFileSchemaId = "QuestionSetFile";

    // The framework wraps nullable references in oneOf [null, $ref] after the schema transformers ran: the document
    // transformer unwraps the ones recorded here (component schema id → properties that are never null).
    // Documents can be built by concurrent requests (and test hosts), so everything shared here is concurrent.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, System.Collections.Concurrent.ConcurrentDictionary<string, bool>> NonNullProperties = new();

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Vendors"] = "The companies whose models you buy: list, create, read.",
        ["Question sets"] = "Versioned questionnaires in the vendorrisk.question-set/1 interchange format: list, read a version, import a draft, publish.",
        ["Assessments"] = "A vendor assessed on one question-set version: create, answer, submit, review, and the PDF report.",
        ["Compare"] = "Two to ten assessments of one question set side by side, with what-if section multipliers and a cost projection.",
        ["Evidence files"] = EvidenceFilesOpenApi.TagDescription,
    };

    public static OpenApiOptions AddVendorRiskContract(this OpenApiOptions options)
    {
        options.AddSchemaTransformer(TransformSchema);
        options.AddDocumentTransformer(TransformDocument);
        return options;
    }

    private static Task TransformSchema(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Enum is { Count: > 0 } values && values.Any(v => v is null))
        {
            // A nullable enum property makes the enum schema itself carry null; nullability belongs to the property.
            foreach (var nullValue in values.Where(v => v is null).ToList())
                values.Remove(nullValue);
            schema.Type = JsonSchemaType.String;
        }
        else if (schema.Enum is { Count: > 0 } && schema.Type is null)
        {
            schema.Type = JsonSchemaType.String;
        }

        var info = context.JsonTypeInfo;
        // Also called for a property's schema of this type (JsonPropertyInfo set): the type's own properties are what count.
        if (info.Kind != JsonTypeInfoKind.Object || schema.Properties is not { Count: > 0 } properties)
            return Task.CompletedTask;

        var isRequest = RequestTypes(context.ApplicationServices).Contains(info.Type);
        var required = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in info.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var propertySchema))
                continue;
            var inline = propertySchema as OpenApiSchema;
            var member = property.AttributeProvider as MemberInfo;
            var markedRequired = member?.GetCustomAttribute<RequiredAttribute>() is not null || IsRequiredParameter(info.Type, property.Name);
            var omittedWhenNull = member?.GetCustomAttribute<JsonIgnoreAttribute>()?.Condition == JsonIgnoreCondition.WhenWritingNull;
            var nullable = IsNullable(member);
            var nonNull = isRequest ? markedRequired : omittedWhenNull || !nullable;
            if (isRequest ? markedRequired : !omittedWhenNull)
                required.Add(property.Name);
            if (nonNull)
            {
                NonNullProperties.GetOrAdd(info.Type.Name, _ => new(StringComparer.Ordinal))[property.Name] = true;
                if (inline is not null)
                    properties[property.Name] = WithoutNull(inline);
            }
        }

        schema.Required = required;
        return Task.CompletedTask;
    }

    private static bool IsRequiredParameter(Type type, string jsonName) =>
        type.GetConstructors().SelectMany(c => c.GetParameters())
            .Any(p => p.GetCustomAttribute<RequiredAttribute>() is not null && string.Equals(p.Name, jsonName, StringComparison.OrdinalIgnoreCase));

    // NullabilityInfoContext is not thread-safe: one per call.
    private static bool IsNullable(MemberInfo? member) => member switch
    {
        PropertyInfo p => new NullabilityInfoContext().Create(p).ReadState != NullabilityState.NotNull,
        FieldInfo f => new NullabilityInfoContext().Create(f).ReadState != NullabilityState.NotNull,
        _ => true,
    };

    /// <summary>The schema without its null alternative: <c>["null","string"]</c> → <c>"string"</c>, <c>oneOf [null, $ref]</c> → <c>$ref</c>.</summary>
    private static IOpenApiSchema WithoutNull(OpenApiSchema schema)
    {
        if (schema.OneOf is { Count: > 0 } oneOf && oneOf.Any(IsNullSchema))
        {
            var rest = oneOf.Where(s => !IsNullSchema(s)).ToList();
            if (rest.Count == 1 && schema.Properties is not { Count: > 0 } && schema.Type is null)
                return rest[0];
            schema.OneOf = rest;
        }

        if (schema.Type is { } type && type.HasFlag(JsonSchemaType.Null) && type != JsonSchemaType.Null)
            schema.Type = type & ~JsonSchemaType.Null;
        return schema;
    }

    private static bool IsNullSchema(IOpenApiSchema schema) => schema.Type == JsonSchemaType.Null;

    private static HashSet<Type>? _requestTypes;

    /// <summary>The body types the API accepts (and the types nested in them): their fields are request fields.</summary>
    private static HashSet<Type> RequestTypes(IServiceProvider services)
    {
        if (_requestTypes is { } known)
            return known;
        var types = new HashSet<Type>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints)
        {
            foreach (var accepts in endpoint.Metadata.OfType<IAcceptsMetadata>())
            {
                if (accepts.RequestType is { } type)
                    AddWithNested(type, types);
            }
        }

        return _requestTypes = types;
    }

    private static void AddWithNested(Type type, HashSet<Type> types)
    {
        var element = type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : type;
        if (element.IsPrimitive || element == typeof(string) || element.Namespace?.StartsWith("System", StringComparison.Ordinal) == true || !types.Add(element))
            return;
        foreach (var property in element.GetProperties())
            AddWithNested(property.PropertyType, types);
    }

    private static Task TransformDocument(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        // Relative to wherever the document was fetched from; never the request's Host header.
        document.Servers = [new OpenApiServer { Url = "/", Description = "This server" }];
        document.Info.Description = "The HTTP API v1 of VendorRisk: vendors, question sets, assessments and comparisons. "
            + "Errors are RFC 7807 problem details; validation errors are keyed by paths into the request body.";
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ConflictSchemaId] = ConflictSchema(document);
        AddQuestionSetFileSchemas(document);
        AnswersOpenApi.AddSchemas(document);
        // The bodies read as JsonElement (PATCH of a finding) are described by their own schemas; the generator's empty
        // JsonElement schema is then referenced by nothing.
        document.Components.Schemas.Remove(nameof(System.Text.Json.JsonElement));
        foreach (var (id, schema) in document.Components.Schemas)
        {
            if (schema is OpenApiSchema { Properties: { } properties } && NonNullProperties.TryGetValue(id, out var nonNull))
            {
                foreach (var name in nonNull.Keys)
                {
                    if (properties.TryGetValue(name, out var property) && property is OpenApiSchema inline)
                        properties[name] = WithoutNull(inline);
                }
            }
        }

        var usedTags = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (path, item) in document.Paths)
        {
            foreach (var (method, operation) in item.Operations ?? [])
            {
                foreach (var tag in operation.Tags ?? new HashSet<OpenApiTagReference>())
                    usedTags.Add(tag.Name ?? "");
                if (string.IsNullOrWhiteSpace(operation.Description))
                    operation.Description = operation.Summary is { Length: > 0 } summary ? summary.TrimEnd('.') + "." : $"{method} {path}";
                PolishResponses(document, path, method, operation);
            }
        }

        document.Tags = new HashSet<OpenApiTag>(usedTags.Where(t => t.Length > 0).Select(t => new OpenApiTag
        {
            Name = t,
            Description = TagDescriptions.GetValueOrDefault(t, $"Operations on {t.ToLowerInvariant()}."),
        }));
        return Task.CompletedTask;
    }

    private static void PolishResponses(OpenApiDocument document, string path, HttpMethod method, OpenApiOperation operation)
    {
        operation.Responses ??= new OpenApiResponses();
        // Answers every operation can give: a server error, and for a body too large or of the wrong media type.
        var problems = new List<(string Status, string Description)> { ("500", "An unexpected error (no details are disclosed).") };
        if (operation.RequestBody is not null)
            problems.AddRange([("413", "The body is larger than this endpoint accepts."), ("415", "The body is not application/json.")]);
        foreach (var (status, description) in problems)
        {
            if (!operation.Responses.ContainsKey(status))
                operation.Responses[status] = new OpenApiResponse
                {
                    Description = description,
                    Content = new Dictionary<string, OpenApiMediaType> { [ApiProblems.ContentType] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) } },
                };
        }

        foreach (var (status, response) in operation.Responses)
        {
            if (response is not OpenApiResponse concrete)
                continue;
            concrete.Headers ??= new Dictionary<string, IOpenApiHeader>();
            switch (status)
            {
                case "201":
                    concrete.Headers["Location"] = new OpenApiHeader
                    {
                        Description = "The URL of the created resource.", Required = true,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uri-reference" },
                    };
                    break;
                case "429":
                    concrete.Headers["Retry-After"] = new OpenApiHeader
                    {
                        Description = "Seconds until this token may call again.", Required = true,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.Integer, Minimum = "1" },
                    };
                    break;
                case "409":
                    concrete.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        [ApiProblems.ContentType] = new() { Schema = new OpenApiSchemaReference(ConflictSchemaId, document) },
                    };
                    break;
                case "200" when path.EndsWith(".pdf", StringComparison.Ordinal):
                    concrete.Description = "The PDF file.";
                    concrete.Content = new Dictionary<string, OpenApiMediaType>
                    {
                        ["application/pdf"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary" } },
                    };
                    break;
            }

            if (string.IsNullOrWhiteSpace(concrete.Description))
                concrete.Description = status;
        }

        if (path == "/api/v1/question-sets/{key}/versions/{n}" && method == HttpMethod.Get && operation.Responses.TryGetValue("200", out var version) && version is OpenApiResponse file)
            file.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(QuestionSetFileSchemaId, document) } };
        if (path == "/api/v1/question-sets" && method == HttpMethod.Post && operation.RequestBody is OpenApiRequestBody body)
            body.Content = new Dictionary<string, OpenApiMediaType> { ["application/json"] = new() { Schema = new OpenApiSchemaReference(QuestionSetFileSchemaId, document) } };
        EvidenceFilesOpenApi.Polish(path, method, operation);
        AnswersOpenApi.Polish(document, path, method, operation);
    }

    private static OpenApiSchema ConflictSchema(OpenApiDocument document) => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A write that lost a race, or a status change the workflow does not allow: the problem and the current state.",
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["title"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer | JsonSchemaType.Null, Format = "int32" },
            ["detail"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["instance"] = new OpenApiSchema { Type = JsonSchemaType.String | JsonSchemaType.Null },
            ["current"] = new OpenApiSchema
            {
                Description = "The current state: for a stale answer, the stored answer as GET returns it (or its key and version 0 when it was cleared); for a status change, the status.",
            },
        },
    };

    /// <summary>The question-set file typed from schemas/vendorrisk.question-set-1.schema.json (its cross-field rules stay in the app's validator).</summary>
    private static void AddQuestionSetFileSchemas(OpenApiDocument document)
    {
        using var stream = typeof(OpenApiContract).Assembly.GetManifestResourceStream("VendorRisk.Web.schemas.vendorrisk.question-set-1.schema.json")!;
        var root = JsonNode.Parse(stream)!.AsObject();
        var names = root["$defs"]!.AsObject().ToDictionary(d => d.Key, d => QuestionSetFileSchemaId + char.ToUpperInvariant(d.Key[0]) + d.Key[1..]);
        foreach (var (name, definition) in root["$defs"]!.AsObject())
            document.Components!.Schemas![names[name]] = Convert(definition!.AsObject(), document, names);
        var file = Convert(root, document, names);
        file.Description = root["description"]?.GetValue<string>() + " The JSON Schema itself: /schemas/vendorrisk.question-set-1.schema.json.";
        document.Components!.Schemas![QuestionSetFileSchemaId] = file;
    }

    private static OpenApiSchema Convert(JsonObject node, OpenApiDocument document, Dictionary<string, string> names)
    {
        var schema = new OpenApiSchema();
        if (node["type"]?.GetValue<string>() is { } type)
            schema.Type = type switch
            {
                "object" => JsonSchemaType.Object, "array" => JsonSchemaType.Array, "string" => JsonSchemaType.String,
                "number" => JsonSchemaType.Number, "integer" => JsonSchemaType.Integer, "boolean" => JsonSchemaType.Boolean, _ => null,
            };
        if (node["description"] is { } description && node.Parent is not null)
            schema.Description = description.GetValue<string>();
        if (node["const"] is { } constant)
        {
            schema.Type ??= JsonSchemaType.String;
            schema.Enum = [constant.DeepClone()];
        }

        if (node["enum"] is JsonArray values)
        {
            schema.Type ??= JsonSchemaType.String;
            schema.Enum = values.Select(v => v!.DeepClone()).ToList();
        }

        schema.Pattern = node["pattern"]?.GetValue<string>();
        schema.MinLength = node["minLength"]?.GetValue<int>();
        schema.MaxLength = node["maxLength"]?.GetValue<int>();
        schema.MinItems = node["minItems"]?.GetValue<int>();
        schema.MaxItems = node["maxItems"]?.GetValue<int>();
        schema.Minimum = node["minimum"]?.ToJsonString();
        schema.Maximum = node["maximum"]?.ToJsonString();
        schema.ExclusiveMinimum = node["exclusiveMinimum"]?.ToJsonString();
        if (node["required"] is JsonArray required)
            schema.Required = new HashSet<string>(required.Select(r => r!.GetValue<string>()));
        if (node["additionalProperties"] is { } additional && additional.GetValueKind() == JsonValueKind.False)
            schema.AdditionalPropertiesAllowed = false;
        if (node["items"] is JsonObject items)
            schema.Items = Item(items, document, names);
        if (node["properties"] is JsonObject properties)
            schema.Properties = properties.ToDictionary(p => p.Key, p => Item(p.Value!.AsObject(), document, names));
        return schema;
    }

    private static IOpenApiSchema Item(JsonObject node, OpenApiDocument document, Dictionary<string, string> names) =>
        node["$ref"]?.GetValue<string>() is { } reference
            ? new OpenApiSchemaReference(names[reference["#/$defs/".Length..]], document)
            : Convert(node, document, names);

}
