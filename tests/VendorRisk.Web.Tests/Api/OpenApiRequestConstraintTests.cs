using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using VendorRisk.Data.Entities;
using VendorRisk.Web.Tests.Infrastructure;

namespace VendorRisk.Web.Tests.Api;

/// <summary>
/// The limits on the served document's request schemas (maxLength, minLength, minimum, maximum, pattern, enum,
/// maxItems) are the limits the server enforces: each is sent at the limit (no error on that field) and one step
/// past it (an error on that field). A validator limit that changes without the schema, or a schema limit without
/// a validator behind it, fails here; so does a constrained field this test does not know how to send.
/// </summary>
public sealed class OpenApiRequestConstraintTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>How to send one field: the request carrying <c>value</c>, and the error key the field's refusal has.</summary>
    private sealed record Target(Func<JsonNode?, HttpRequestMessage> Request, string ErrorPath, string? Valid = null)
    {
        /// <summary>A valid text of a given length for this field.</summary>
        public Func<int, string> Fill { get; init; } = Filler;
    }

    [Fact]
    public async Task Every_request_limit_in_the_document_is_accepted_at_the_limit_and_refused_one_step_past_it()
    {
        using var client = await app.ApiClientAsync(Roles.Admin);
        await TestData.EnsurePublishedAsync(app, TestData.Frontier);
        var vendorId = await client.CreateVendorAsync();
        var draftId = (await client.CreateAssessmentAsync(vendorId, TestData.Frontier)).GetProperty("id").GetInt32();
        var finding = await client.PostAsJsonAsync($"/api/v1/assessments/{draftId}/findings", new { title = "Probe", severity = "low" }, Ct);
        await ApiScenario.ExpectAsync(finding, HttpStatusCode.Created);
        var findingId = (await finding.ReadJsonAsync()).GetProperty("id").GetInt32();
        var targets = Targets(vendorId, draftId, findingId);

        var constrained = await ConstrainedRequestFieldsAsync(client);
        Assert.Equal(targets.Keys.Order(StringComparer.Ordinal), constrained.Keys.Order(StringComparer.Ordinal));

        var failures = new List<string>();
        foreach (var (field, schema) in constrained)
        {
            var target = targets[field];
            foreach (var (value, refused, why) in Probes(schema, target))
            {
                using var request = target.Request(value);
                using var response = await client.SendAsync(request, Ct);
                var errors = response.StatusCode == HttpStatusCode.BadRequest ? await response.ErrorPathsAsync() : [];
                if (errors.Contains(target.ErrorPath) != refused)
                    failures.Add($"{field} {why}: expected {(refused ? "an" : "no")} error on '{target.ErrorPath}', got {(int)response.StatusCode} [{string.Join(", ", errors)}]");
            }
        }
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>The values to send for a field's schema: (value, whether the server must refuse it, what it checks).</summary>
    private static IEnumerable<(JsonNode? Value, bool Refused, string Why)> Probes(JsonElement schema, Target target)
    {
        if (schema.TryGetProperty("enum", out var values))
        {
            foreach (var value in values.EnumerateArray())
                yield return (JsonValue.Create(value.GetString()), false, $"enum value '{value.GetString()}'");
            yield return (JsonValue.Create("not-a-listed-value"), true, "a value outside the enum");
        }

        if (schema.TryGetProperty("pattern", out var pattern))
        {
            Assert.NotNull(target.Valid);
            Assert.Matches(pattern.GetString()!, target.Valid);
            yield return (JsonValue.Create(target.Valid), false, $"a value of the pattern '{target.Valid}'");
            Assert.DoesNotMatch(pattern.GetString()!, "Not Valid!");
            yield return (JsonValue.Create("Not Valid!"), true, "a value outside the pattern");
        }

        if (schema.TryGetProperty("maxLength", out var maxLength))
        {
            // A keyed value cannot be at its length limit and exist, so only the refusal is checked for it.
            if (target.Valid is null)
                yield return (JsonValue.Create(target.Fill(maxLength.GetInt32())), false, $"maxLength {maxLength}");
            yield return (JsonValue.Create(target.Fill(maxLength.GetInt32() + 1)), true, $"maxLength {maxLength} + 1");
        }

        if (schema.TryGetProperty("minLength", out var minLength))
            yield return (JsonValue.Create(Filler(minLength.GetInt32() - 1)), true, $"minLength {minLength} - 1");

        var integer = schema.GetProperty("type").ToString().Contains("integer", StringComparison.Ordinal);
        if (schema.TryGetProperty("minimum", out var minimum))
        {
            var min = minimum.GetDouble();
            yield return (JsonValue.Create(min), false, $"minimum {min}");
            yield return (JsonValue.Create(integer ? min - 1 : min - Math.Abs(min) / 2), true, $"below minimum {min}");
        }

        if (schema.TryGetProperty("maximum", out var maximum))
        {
            var max = maximum.GetDouble();
            yield return (JsonValue.Create(max), false, $"maximum {max}");
            yield return (JsonValue.Create(integer ? max + 1 : max + Math.Abs(max) / 2), true, $"above maximum {max}");
        }

        if (schema.TryGetProperty("maxItems", out var maxItems))
        {
            var item = schema.GetProperty("items");
            JsonNode? Item(int i) => item.TryGetProperty("$ref", out _) ? Answer() : JsonValue.Create(Filler(8));
            JsonArray List(int n) => [.. Enumerable.Range(0, n).Select(Item)];
            yield return (List(maxItems.GetInt32()), false, $"maxItems {maxItems}");
            yield return (List(maxItems.GetInt32() + 1), true, $"maxItems {maxItems} + 1");
        }
    }

    /// <summary>Constrained properties of every schema a request body reaches: <c>Schema.property</c>, or <c>Schema.property[]</c> for its items.</summary>
    private static async Task<Dictionary<string, JsonElement>> ConstrainedRequestFieldsAsync(HttpClient client)
    {
        var document = await (await client.GetAsync("/openapi/v1.json", Ct)).ReadJsonAsync();
        var schemas = document.GetProperty("components").GetProperty("schemas");
        var pending = new Queue<string>();
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                // JSON bodies only: a multipart upload's limit (the file size) is held by the evidence-file tests.
                if (operation.Value.TryGetProperty("requestBody", out var body)
                    && body.GetProperty("content").TryGetProperty("application/json", out var json)
                    && json.GetProperty("schema").TryGetProperty("$ref", out var reference))
                    pending.Enqueue(reference.GetString()!);
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fields = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        while (pending.TryDequeue(out var reference))
        {
            var name = reference["#/components/schemas/".Length..];
            // The question-set file is typed from its own JSON Schema, which QuestionSetSchemaTests holds to the validator.
            if (name.StartsWith("QuestionSetFile", StringComparison.Ordinal) || !seen.Add(name)
                || !schemas.GetProperty(name).TryGetProperty("properties", out var properties))
                continue;
            foreach (var property in properties.EnumerateObject())
            {
                foreach (var nested in References(property.Value))
                    pending.Enqueue(nested);
                if (IsConstrained(property.Value))
                    fields[$"{name}.{property.Name}"] = property.Value;
                if (property.Value.TryGetProperty("items", out var items) && IsConstrained(items))
                    fields[$"{name}.{property.Name}[]"] = items;
            }
        }
        return fields;
    }

    private static bool IsConstrained(JsonElement schema) =>
        new[] { "maxLength", "minLength", "minimum", "maximum", "pattern", "enum", "maxItems" }.Any(k => schema.TryGetProperty(k, out _));

    private static IEnumerable<string> References(JsonElement schema)
    {
        if (schema.ValueKind != JsonValueKind.Object)
            yield break;
        foreach (var property in schema.EnumerateObject())
        {
            if (property.Name == "$ref")
                yield return property.Value.GetString()!;
            else if (property.Value.ValueKind == JsonValueKind.Object)
                foreach (var nested in References(property.Value)) yield return nested;
            else if (property.Value.ValueKind == JsonValueKind.Array)
                foreach (var nested in property.Value.EnumerateArray().SelectMany(References)) yield return nested;
        }
    }

    private static Dictionary<string, Target> Targets(int vendorId, int draftId, int findingId)
    {
        var due = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(30).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        Target Vendor(string field, string path, bool inList = false) =>
            new(v => Send(HttpMethod.Post, "/api/v1/vendors", new JsonObject { ["name"] = $"Vendor {Guid.NewGuid():n}", [field] = inList ? new JsonArray(v) : v }), path);
        Target Model(string field) =>
            new(v => Send(HttpMethod.Post, $"/api/v1/vendors/{vendorId}/models", With(new JsonObject { ["name"] = $"Model {Guid.NewGuid():n}", ["channel"] = "direct" }, field, v)), field);
        Target Assessment(string field, string? valid = null) =>
            new(v => Send(HttpMethod.Post, "/api/v1/assessments", With(new JsonObject { ["vendorId"] = vendorId, ["questionSetKey"] = TestData.Frontier }, field, v)), field, valid);
        Target AnswerField(string field, string? valid = null) =>
            new(v => Send(HttpMethod.Put, $"/api/v1/assessments/{draftId}/answers", new JsonObject { ["answers"] = new JsonArray(With(Answer(field == "number"), field, v)) }), $"answers[0].{field}", valid);
        Target Review(string field) =>
            new(v => Send(HttpMethod.Post, $"/api/v1/assessments/{draftId}/review", With(new JsonObject { ["decision"] = "returned", ["comment"] = "Needs work" }, field, v)), field);
        Target Condition(string field) =>
            new(v => Send(HttpMethod.Post, $"/api/v1/assessments/{draftId}/review", new JsonObject
            {
                ["decision"] = "approved-with-conditions", ["comment"] = "On conditions",
                ["conditions"] = new JsonArray(With(new JsonObject { ["title"] = "Fix it", ["severity"] = "medium", ["dueDate"] = due }, field, v)),
            }), $"conditions[0].{field}");
        Target Finding(string field, string? valid = null) =>
            new(v => Send(HttpMethod.Post, $"/api/v1/assessments/{draftId}/findings", With(new JsonObject { ["title"] = "A finding", ["severity"] = "low" }, field, v)), field, valid);
        Target Patch(string field) =>
            new(v => Send(HttpMethod.Patch, $"/api/v1/findings/{findingId}", With(new JsonObject { ["expectedVersion"] = 1 }, field, v)), field);

        return new(StringComparer.Ordinal)
        {
            ["CreateVendorDto.name"] = new(v => Send(HttpMethod.Post, "/api/v1/vendors", new JsonObject { ["name"] = v }), "name"),
            ["CreateVendorDto.website"] = Vendor("website", "website") with { Fill = n => "https://example.com/" + Filler(n - "https://example.com/".Length) },
            ["CreateVendorDto.headquartersCountry"] = Vendor("headquartersCountry", "headquartersCountry") with { Valid = "DE" },
            ["CreateVendorDto.tier"] = Vendor("tier", "tier"),
            ["CreateVendorDto.tags"] = Vendor("tags", "tags"),
            ["CreateVendorDto.tags[]"] = Vendor("tags", "tags[0]", inList: true),
            ["CreateModelOfferingDto.name"] = Model("name"),
            ["CreateModelOfferingDto.channel"] = Model("channel"),
            ["CreateModelOfferingDto.providerModelId"] = Model("providerModelId"),
            ["CreateModelOfferingDto.status"] = Model("status"),
            ["CreateAssessmentDto.questionSetKey"] = Assessment("questionSetKey", TestData.Frontier),
            ["CreateAssessmentDto.title"] = Assessment("title"),
            ["CreateAssessmentDto.scope"] = Assessment("scope"),
            ["PutAnswersRequest.answers"] = new(v => Send(HttpMethod.Put, $"/api/v1/assessments/{draftId}/answers", new JsonObject { ["answers"] = v }), "answers"),
            ["AnswerRequestDto.questionKey"] = AnswerField("questionKey", TextQuestion),
            ["AnswerRequestDto.number"] = AnswerField("number"),
            ["AnswerRequestDto.text"] = AnswerField("text"),
            ["AnswerRequestDto.justification"] = AnswerField("justification"),
            ["AnswerRequestDto.note"] = AnswerField("note"),
            ["EvidenceDto.description"] = new(v => Send(HttpMethod.Put, $"/api/v1/assessments/{draftId}/answers",
                new JsonObject { ["answers"] = new JsonArray(With(Answer(), "evidence", new JsonObject { ["description"] = v })) }), "answers[0].evidence.description"),
            ["ReviewAssessmentDto.decision"] = Review("decision"),
            ["ReviewAssessmentDto.comment"] = Review("comment"),
            ["ConditionDto.title"] = Condition("title"),
            // The API reads a condition's severity before the validator runs, and keys its refusal on the list.
            ["ConditionDto.severity"] = Condition("severity") with { ErrorPath = "conditions" },
            ["ConditionDto.description"] = Condition("description"),
            ["CreateFindingDto.title"] = Finding("title"),
            ["CreateFindingDto.severity"] = Finding("severity"),
            ["CreateFindingDto.questionKey"] = Finding("questionKey", TextQuestion),
            ["CreateFindingDto.description"] = Finding("description"),
            ["PatchFindingDto.status"] = Patch("status"),
            ["PatchFindingDto.description"] = Patch("description"),
            ["PatchFindingDto.justification"] = Patch("justification"),
            ["AcceptKnockoutDto.justification"] = new(v => Send(HttpMethod.Post, $"/api/v1/assessments/{draftId}/knockouts/{TextQuestion}/acceptance",
                new JsonObject { ["until"] = due, ["justification"] = v }), "justification"),
        };
    }

    private const string TextQuestion = "differentiation-narrative";

    /// <summary>A valid answer of the frontier set: its text question, or a number question without a cost role.</summary>
    private static JsonObject Answer(bool number = false) =>
        number ? new JsonObject { ["questionKey"] = "rate-limit-rpm" } : new JsonObject { ["questionKey"] = TextQuestion, ["text"] = "Narrative" };

    private static JsonObject With(JsonObject body, string field, JsonNode? value)
    {
        body[field] = value;
        return body;
    }

    private static HttpRequestMessage Send(HttpMethod method, string url, JsonObject body) =>
        new(method, url) { Content = JsonContent.Create(body) };

    /// <summary>Unique lower-case text of exactly <paramref name="length"/> characters (so unique names stay unique).</summary>
    private static string Filler(int length) =>
        string.Concat(Enumerable.Range(0, length / 32 + 1).Select(_ => Guid.NewGuid().ToString("n")))[..length];
}
