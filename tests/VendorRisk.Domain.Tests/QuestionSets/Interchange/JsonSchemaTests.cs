using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using VendorRisk.Domain.QuestionSets.Interchange;
using static VendorRisk.Domain.Tests.QuestionSets.Interchange.Samples;

namespace VendorRisk.Domain.Tests.QuestionSets.Interchange;

/// <summary>
/// The JSON Schema of the format (schemas/vendorrisk.question-set-1.schema.json) agrees with the app: it accepts
/// every seed file and what the format tests accept, and rejects the malformed cases of the format tests that a
/// schema can express. Each case is also checked against the app's own parser, so the two cannot drift apart.
/// </summary>
public sealed class JsonSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "vendorrisk.question-set-1.schema.json"))));

    public static TheoryData<string> SeedFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seed-data", "question-sets"), "*.json").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedFiles))]
    public void Every_seed_file_is_valid_against_the_schema_and_for_the_app(string file)
    {
        var json = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seed-data", "question-sets", file));

        AssertSchemaAccepts(json);
        Assert.True(QuestionSetFormat.Parse(json).IsValid);
    }

    [Fact]
    public void The_schema_is_a_draft_2020_12_schema_of_the_format()
    {
        var schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schemas", "vendorrisk.question-set-1.schema.json")))!;

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", (string?)schema["$schema"]);
        Assert.Equal("vendorrisk.question-set/1", (string?)schema["properties"]!["format"]!["const"]);
    }

    public static readonly TheoryData<string> Accepted = new()
    {
        "the format doc example",
        "without description",
        "with a $schema",
        "a single band at zero",
        "a multi question with maxScore",
        "a number band without upTo last",
        "a question at model level",
        "a critical question without knockoutBelow",
        "a number question with a cost role and a unit",
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void What_the_app_accepts_the_schema_accepts(string name)
    {
        var json = Variant(name).ToJsonString();

        Assert.True(QuestionSetFormat.Parse(json).IsValid, string.Join("; ", QuestionSetFormat.Parse(json).Errors));
        AssertSchemaAccepts(json);
    }

    public static readonly TheoryData<string> Rejected = new()
    {
        "format missing", "format of another version", "key missing", "key not kebab-case", "key of 65 characters",
        "title missing", "title empty", "title of 201 characters", "description of 4001 characters", "version not an integer",
        "rating bands missing", "no rating band", "band label missing", "band label empty", "band label of 41 characters",
        "band minScore missing", "band minScore above 100", "band minScore below 0", "sections missing", "no section",
        "51 sections", "section key missing", "section key not kebab-case", "section title missing", "section weight above 100",
        "section without questions", "question key missing", "question text missing", "question text of 2001 characters",
        "question type unknown", "question type missing", "question weight negative", "knockoutBelow on a non-critical question",
        "knockoutBelow of 0", "knockoutBelow above 1", "reference of 201 characters", "role on a choice question",
        "unknown role", "unit on a choice question", "unit of 41 characters", "level unknown", "choice without options",
        "choice with one option", "choice with 21 options", "option key missing", "option label empty", "option score negative",
        "maxScore on a choice question", "maxScore of 0", "number without bands", "number with options", "number with no band",
        "band score missing", "choice with bands", "text with options", "text with a weight", "text that is critical",
        "title a number", "section weight a string", "critical a string", "options a string", "band a number",
        "reference a number", "description null", "section not an object", "unknown root property", "unknown section property",
        "unknown option property", "unknown question property", "wrongly cased property", "$schema a number",
        "not an object", "an array",
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void What_the_format_tests_reject_by_shape_the_schema_rejects(string name)
    {
        var json = name switch
        {
            "not an object" => "\"a question set\"",
            "an array" => "[]",
            _ => Variant(name).ToJsonString(),
        };

        Assert.False(QuestionSetFormat.Parse(json).IsValid);
        using var document = JsonDocument.Parse(json);
        Assert.False(Schema.Value.Evaluate(document.RootElement).IsValid, $"the schema accepted: {name}");
    }

    private static JsonObject Variant(string name)
    {
        var r = Example();
        switch (name)
        {
            case "the format doc example": break;
            case "without description": r.Remove("description"); break;
            case "with a $schema": r.Insert(0, "$schema", "../../schemas/vendorrisk.question-set-1.schema.json"); break;
            case "a single band at zero":
                r["ratingBands"] = new JsonArray(new JsonObject { ["label"] = "Only", ["minScore"] = 0 });
                r.Remove("knockoutRating");
                break;
            case "a multi question with maxScore": r.Question(0, 1)["maxScore"] = 2; break;
            case "a number band without upTo last": break;
            case "a question at model level": r.Question(1, 0)["level"] = "model"; break;
            case "a critical question without knockoutBelow": r.Question(0, 0).Remove("knockoutBelow"); break;
            case "a number question with a cost role and a unit": r.Question(1, 0)["unit"] = "USD"; break;
            case "format missing": r.Remove("format"); break;
            case "format of another version": r["format"] = "vendorrisk.question-set/2"; break;
            case "key missing": r.Remove("key"); break;
            case "key not kebab-case": r["key"] = "Frontier AI"; break;
            case "key of 65 characters": r["key"] = Repeat('a', 65); break;
            case "title missing": r.Remove("title"); break;
            case "title empty": r["title"] = ""; break;
            case "title of 201 characters": r["title"] = Repeat('t', 201); break;
            case "description of 4001 characters": r["description"] = Repeat('d', 4001); break;
            case "version not an integer": r["version"] = 3.5; break;
            case "rating bands missing": r.Remove("ratingBands"); break;
            case "no rating band": r["ratingBands"] = new JsonArray(); break;
            case "band label missing": r["ratingBands"]![1]!.AsObject().Remove("label"); break;
            case "band label empty": r["ratingBands"]![1]!["label"] = ""; break;
            case "band label of 41 characters": r["ratingBands"]![1]!["label"] = Repeat('l', 41); break;
            case "band minScore missing": r["ratingBands"]![1]!.AsObject().Remove("minScore"); break;
            case "band minScore above 100": r["ratingBands"]![0]!["minScore"] = 100.5; break;
            case "band minScore below 0": r["ratingBands"]![1]!["minScore"] = -1; break;
            case "sections missing": r.Remove("sections"); break;
            case "no section": r["sections"] = new JsonArray(); break;
            case "51 sections":
                var sections = new JsonArray();
                for (var i = 0; i < 51; i++)
                {
                    var section = r.Section(1).DeepClone().AsObject();
                    section["key"] = $"s{i}";
                    foreach (var question in section["questions"]!.AsArray())
                        question!["key"] = $"s{i}-{question["key"]}";
                    sections.Add(section);
                }

                r["sections"] = sections;
                break;
            case "section key missing": r.Section(1).Remove("key"); break;
            case "section key not kebab-case": r.Section(1)["key"] = "Cost at scale"; break;
            case "section title missing": r.Section(0).Remove("title"); break;
            case "section weight above 100": r.Section(0)["weight"] = 101; break;
            case "section without questions": r.Section(0)["questions"] = new JsonArray(); break;
            case "question key missing": r.Question(0, 0).Remove("key"); break;
            case "question text missing": r.Question(0, 1).Remove("text"); break;
            case "question text of 2001 characters": r.Question(0, 1)["text"] = Repeat('q', 2001); break;
            case "question type unknown": r.Question(0, 1)["type"] = "scale"; break;
            case "question type missing": r.Question(1, 1).Remove("type"); break;
            case "question weight negative": r.Question(0, 0)["weight"] = -1; break;
            case "knockoutBelow on a non-critical question": r.Question(0, 1)["knockoutBelow"] = 0.5; break;
            case "knockoutBelow of 0": r.Question(0, 0)["knockoutBelow"] = 0; break;
            case "knockoutBelow above 1": r.Question(0, 0)["knockoutBelow"] = 1.5; break;
            case "reference of 201 characters": r.Question(0, 0)["references"]![0] = Repeat('r', 201); break;
            case "role on a choice question": r.Question(0, 0)["role"] = "price-output-per-mtok"; break;
            case "unknown role": r.Question(1, 0)["role"] = "price-per-call"; break;
            case "unit on a choice question": r.Question(0, 0)["unit"] = "USD"; break;
            case "unit of 41 characters": r.Question(1, 0)["unit"] = Repeat('u', 41); break;
            case "level unknown": r.Question(1, 0)["level"] = "region"; break;
            case "choice without options": r.Question(0, 0).Remove("options"); break;
            case "choice with one option":
                var options = r.Question(0, 0)["options"]!.AsArray();
                while (options.Count > 1)
                    options.RemoveAt(0);
                options[0]!["score"] = 1;
                break;
            case "choice with 21 options":
                var many = new JsonArray();
                for (var i = 0; i < 21; i++)
                    many.Add(new JsonObject { ["key"] = $"o{i}", ["label"] = $"Option {i}", ["score"] = i });
                r.Question(0, 0)["options"] = many;
                break;
            case "option key missing": r.Question(0, 0)["options"]![1]!.AsObject().Remove("key"); break;
            case "option label empty": r.Question(0, 0)["options"]![1]!["label"] = ""; break;
            case "option score negative": r.Question(0, 0)["options"]![1]!["score"] = -1; break;
            case "maxScore on a choice question": r.Question(0, 0)["maxScore"] = 4; break;
            case "maxScore of 0": r.Question(0, 1)["maxScore"] = 0; break;
            case "number without bands": r.Question(1, 0).Remove("bands"); break;
            case "number with options": r.Question(1, 0)["options"] = r.Question(0, 0)["options"]!.DeepClone(); break;
            case "number with no band": r.Question(1, 0)["bands"] = new JsonArray(); break;
            case "band score missing": r.Question(1, 0)["bands"]![0]!.AsObject().Remove("score"); break;
            case "choice with bands": r.Question(0, 0)["bands"] = r.Question(1, 0)["bands"]!.DeepClone(); break;
            case "text with options": r.Question(1, 1)["options"] = r.Question(0, 0)["options"]!.DeepClone(); break;
            case "text with a weight": r.Question(1, 1)["weight"] = 2; break;
            case "text that is critical": r.Question(1, 1)["critical"] = false; break;
            case "title a number": r["title"] = 5; break;
            case "section weight a string": r.Section(0)["weight"] = "3"; break;
            case "critical a string": r.Question(0, 0)["critical"] = "yes"; break;
            case "options a string": r.Question(0, 1)["options"] = "org-quotas, key-scoping"; break;
            case "band a number": r.Question(1, 0)["bands"]![1] = 5; break;
            case "reference a number": r.Question(0, 0)["references"]![0] = 10; break;
            case "description null": r["description"] = null; break;
            case "section not an object": r["sections"]![1] = "cost"; break;
            case "unknown root property": r["author"] = "me"; break;
            case "unknown section property": r.Section(1)["hidden"] = true; break;
            case "unknown option property": r.Question(0, 1)["options"]![2]!["note"] = "x"; break;
            case "unknown question property": r.Question(1, 0)["showIf"] = "price-output"; break;
            case "wrongly cased property":
                r.Question(0, 1)["Text"] = r.Question(0, 1)["text"]!.DeepClone();
                r.Question(0, 1).Remove("text");
                break;
            case "$schema a number": r["$schema"] = 1; break;
            default: throw new ArgumentException($"no variant named {name}", nameof(name));
        }

        return r;
    }

    private static void AssertSchemaAccepts(string json)
    {
        using var document = JsonDocument.Parse(json);
        var result = Schema.Value.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        Assert.True(result.IsValid, string.Join("; ", (result.Details ?? []).Where(d => d.Errors is not null)
            .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }
}
