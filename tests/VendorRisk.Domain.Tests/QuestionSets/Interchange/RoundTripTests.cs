using System.Text.Json.Nodes;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using static VendorRisk.Domain.Tests.QuestionSets.Interchange.Samples;

namespace VendorRisk.Domain.Tests.QuestionSets.Interchange;

public class RoundTripTests
{
    /// <summary>A set that uses every field of the format, with non-default values where a field has a default.</summary>
    internal static QuestionSetDefinition EveryField() => new()
    {
        Key = "every-field",
        Title = "Every field – “quoted” & <escaped>?",
        Description = "Uses every field of the format.",
        RatingBands = [new("Green", 75.5), new("Amber", 30), new("Red", 0)],
        KnockoutRating = "Red",
        Sections =
        [
            new Section
            {
                Key = "scored",
                Title = "Scored",
                Description = "Section description",
                Weight = 2.5,
                Questions =
                [
                    new Question
                    {
                        Key = "choice-critical", Text = "Choice?", Guidance = "Guidance", Type = QuestionType.Choice,
                        Weight = 0.25, Critical = true, KnockoutBelow = 0.75, AllowNotApplicable = true,
                        References = ["OWASP LLM10:2025", "MITRE ATLAS AML.T0024"],
                        Options = [new("no", "No", 0), new("partly", "Partly", 1.5), new("yes", "Yes", 3)],
                    },
                    new Question
                    {
                        Key = "multi-capped", Text = "Multi?", Type = QuestionType.Multi, Weight = 0,
                        Options = [new("a", "A", 1), new("b", "B", 2)], MaxScore = 2,
                    },
                    new Question
                    {
                        Key = "number-priced", Text = "Price?", Type = QuestionType.Number, Weight = 100,
                        Critical = true, KnockoutBelow = 1,
                        Role = CostRoles.PriceOutputPerMTok, Unit = "USD per 1M tokens", Level = QuestionLevel.Model,
                        Bands = [new(-5, 0), new(0.1, 4), new(1e6, 2), new(null, 1)],
                    },
                ],
            },
            new Section
            {
                Key = "unscored",
                Title = "Unscored",
                Weight = 0,
                Questions =
                [
                    new Question
                    {
                        Key = "notes", Text = "Notes", Guidance = "Free text", Type = QuestionType.Text, Weight = 0,
                        AllowNotApplicable = true, References = ["ISO/IEC 42001"],
                    },
                ],
            },
        ],
    };

    [Fact]
    public void The_format_doc_example_survives_export_and_import()
    {
        var original = QuestionSetFormat.Parse(FormatDocExample).Definition!;

        var reimported = QuestionSetFormat.Parse(QuestionSetFormat.Export(original, 3));

        Assert.True(reimported.IsValid, string.Join("\n", reimported.Errors));
        Assert.True(original.ContentEquals(reimported.Definition));
    }

    [Fact]
    public void A_set_using_every_field_survives_export_and_import()
    {
        var original = EveryField();

        var exported = QuestionSetFormat.Export(original, 7);
        var reimported = QuestionSetFormat.Parse(exported);

        Assert.True(reimported.IsValid, string.Join("\n", reimported.Errors));
        Assert.True(QuestionSetDefinitionComparer.Instance.Equals(original, reimported.Definition));
        Assert.Equal(exported, QuestionSetFormat.Export(reimported.Definition!, 7));
    }

    [Fact]
    public void A_copy_for_editing_maps_back_to_the_same_content()
    {
        var original = EveryField();

        var copy = QuestionSetFormat.ToDefinition(QuestionSetFormat.ToDocument(original));

        Assert.True(original.ContentEquals(copy));
    }

    [Fact]
    public void Content_equality_sees_a_changed_option_score()
    {
        var original = EveryField();
        var section = original.Sections[0];
        var question = section.Questions[0] with { Options = [new("no", "No", 0), new("partly", "Partly", 2), new("yes", "Yes", 3)] };
        var changed = original with { Sections = [section with { Questions = [question, .. section.Questions.Skip(1)] }, original.Sections[1]] };

        Assert.False(original.ContentEquals(changed));
        Assert.True(original.ContentEquals(original with { Sections = [.. original.Sections] }));
    }

    [Fact]
    public void A_question_without_level_is_vendor_level_and_a_model_level_question_keeps_its_level()
    {
        var original = EveryField();

        var reimported = QuestionSetFormat.Parse(QuestionSetFormat.Export(original, 1)).Definition!;

        Assert.Equal(QuestionLevel.Vendor, reimported.FindQuestion("choice-critical")!.Level);
        Assert.Equal(QuestionLevel.Model, reimported.FindQuestion("number-priced")!.Level);
        var exported = JsonNode.Parse(QuestionSetFormat.ExportString(original, 1))!.AsObject();
        Assert.Equal("model", (string?)exported.Question(0, 2)["level"]);
        Assert.Equal("vendor", (string?)exported.Question(1, 0)["level"]);
    }

    [Fact]
    public void Content_equality_sees_a_changed_level()
    {
        var original = EveryField();
        var section = original.Sections[0];
        var question = section.Questions[0] with { Level = QuestionLevel.Model };
        var changed = original with { Sections = [section with { Questions = [question, .. section.Questions.Skip(1)] }, original.Sections[1]] };

        Assert.False(original.ContentEquals(changed));
    }

    [Fact]
    public void Export_writes_format_version_and_every_default_resolved()
    {
        var minimal = """
            {
              "format": "vendorrisk.question-set/1", "key": "minimal", "title": "Minimal",
              "ratingBands": [ { "label": "Pass", "minScore": 50 }, { "label": "Fail", "minScore": 0 }, { "label": "Top", "minScore": 90 } ],
              "sections": [ { "key": "s", "title": "S", "questions": [
                { "key": "c", "text": "C", "type": "choice", "critical": true,
                  "options": [ { "key": "n", "label": "N", "score": 0 }, { "key": "y", "label": "Y", "score": 2 } ] },
                { "key": "m", "text": "M", "type": "multi",
                  "options": [ { "key": "a", "label": "A", "score": 1 }, { "key": "b", "label": "B", "score": 2 } ] }
              ] } ]
            }
            """;
        var definition = QuestionSetFormat.Parse(minimal).Definition!;

        var exported = JsonNode.Parse(QuestionSetFormat.ExportString(definition, 4))!.AsObject();

        Assert.Equal("vendorrisk.question-set/1", (string?)exported["format"]);
        Assert.Equal(4, (int?)exported["version"]);
        Assert.Equal("Pass", (string?)exported["knockoutRating"]);
        Assert.Equal(["Top", "Pass", "Fail"], exported["ratingBands"]!.AsArray().Select(b => (string?)b!["label"]));
        Assert.Equal(1, (double?)exported.Section(0)["weight"]);
        var choice = exported.Question(0, 0);
        Assert.Equal(1, (double?)choice["weight"]);
        Assert.True((bool?)choice["critical"]);
        Assert.Equal(0.5, (double?)choice["knockoutBelow"]);
        Assert.False((bool?)choice["allowNotApplicable"]);
        Assert.Equal("vendor", (string?)choice["level"]);
        var multi = exported.Question(0, 1);
        Assert.Equal(3, (double?)multi["maxScore"]);
        Assert.False((bool?)multi["critical"]);
    }

    [Fact]
    public void Export_never_writes_a_field_the_element_may_not_have()
    {
        // In memory a definition may carry values the format forbids; export must drop them.
        var careless = EveryField() with
        {
            Sections =
            [
                new Section
                {
                    Key = "s", Title = "S",
                    Questions =
                    [
                        new Question
                        {
                            Key = "not-critical", Text = "?", Type = QuestionType.Choice, KnockoutBelow = 0.9,
                            Options = [new("a", "A", 0), new("b", "B", 1)], MaxScore = 5, Bands = [new(null, 1)],
                            Role = CostRoles.MonthlyMinimumUsd, Unit = "USD",
                        },
                        new Question
                        {
                            Key = "text", Text = "?", Type = QuestionType.Text, Weight = 3, Critical = true,
                            Options = [new("a", "A", 0)], Bands = [new(null, 1)], MaxScore = 1,
                        },
                        new Question
                        {
                            Key = "number", Text = "?", Type = QuestionType.Number,
                            Options = [new("a", "A", 0)], Bands = [new(null, 1)], MaxScore = 1,
                        },
                    ],
                },
            ],
        };

        var exported = JsonNode.Parse(QuestionSetFormat.ExportString(careless, 1))!.AsObject();

        var choice = exported.Question(0, 0);
        Assert.False(choice.ContainsKey("knockoutBelow"));
        Assert.False(choice.ContainsKey("maxScore"));
        Assert.False(choice.ContainsKey("bands"));
        Assert.False(choice.ContainsKey("role"));
        Assert.False(choice.ContainsKey("unit"));
        var text = exported.Question(0, 1);
        Assert.Equal(["key", "text", "type", "allowNotApplicable", "level"], text.Select(p => p.Key));
        var number = exported.Question(0, 2);
        Assert.False(number.ContainsKey("options"));
        Assert.False(number.ContainsKey("maxScore"));
        Assert.True(QuestionSetFormat.Parse(QuestionSetFormat.Export(careless, 1)).IsValid);
    }

    [Fact]
    public void Export_is_indented_camel_case_and_keeps_text_readable()
    {
        var json = QuestionSetFormat.ExportString(EveryField(), 1);

        Assert.Contains("\n  \"ratingBands\": [", json);
        Assert.Contains("Every field – “quoted” & <escaped>?", json);
    }
}
