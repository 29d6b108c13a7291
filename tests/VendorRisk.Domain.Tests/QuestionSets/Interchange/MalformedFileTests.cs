using System.Text;
using System.Text.Json.Nodes;
using VendorRisk.Domain.QuestionSets.Interchange;
using static VendorRisk.Domain.Tests.QuestionSets.Interchange.Samples;

namespace VendorRisk.Domain.Tests.QuestionSets.Interchange;

/// <summary>Files that are broken in their shape rather than in one value: each gives exactly the expected errors.</summary>
public class MalformedFileTests
{
    private static void AssertErrors(QuestionSetParseResult result, params string[] paths)
    {
        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        Assert.Equal(paths, result.Errors.Select(e => e.Path));
    }

    [Fact]
    public void The_format_doc_example_is_valid()
    {
        var result = QuestionSetFormat.Parse(FormatDocExample);

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        var definition = result.Definition!;
        Assert.Equal("frontier-ai-buyer-checklist", definition.Key);
        Assert.Equal(4, definition.AllQuestions.Count());
        Assert.Equal("High", definition.KnockoutRating);
    }

    [Fact]
    public void A_file_that_is_not_json_gives_one_error_at_the_root_with_its_position()
    {
        var result = QuestionSetFormat.Parse("title: not json");

        AssertErrors(result, "$");
        Assert.Matches(@"^the file is not valid JSON \(line 1, position \d+\): ", result.Errors[0].Message);
        Assert.Null(result.Document);
    }

    [Fact]
    public void A_truncated_file_gives_one_error_at_the_root_with_its_line()
    {
        var truncated = FormatDocExample[..(FormatDocExample.Length / 2)];
        var result = QuestionSetFormat.Parse(truncated);

        AssertErrors(result, "$");
        Assert.Matches(@"^the file is not valid JSON \(line \d+, position \d+\): ", result.Errors[0].Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("[]")]
    [InlineData("\"a question set\"")]
    [InlineData("null")]
    public void Anything_but_a_json_object_is_rejected_at_the_root(string json) =>
        AssertErrors(QuestionSetFormat.Parse(json), "$");

    [Theory]
    [InlineData("{ \"key\": \"a\" // note\n}")]
    [InlineData("{ \"key\": \"a\", }")]
    public void Comments_and_trailing_commas_are_not_json(string json) =>
        AssertErrors(QuestionSetFormat.Parse(json), "$");

    [Fact]
    public void Wrong_types_are_reported_at_each_field_without_follow_on_errors()
    {
        var root = Example();
        root["title"] = 5;
        root.Section(0)["weight"] = "3";
        root.Question(0, 0)["critical"] = "yes";
        root.Question(0, 1)["options"] = "org-quotas, key-scoping";
        root.Question(1, 0)["bands"]![1] = 5;
        root.Question(0, 0)["references"]![0] = 10;
        root["version"] = "3";

        var result = QuestionSetFormat.Parse(root.ToJsonString());

        AssertErrors(result,
            "$.title",
            "$.version",
            "$.sections[0].weight",
            "$.sections[0].questions[0].critical",
            "$.sections[0].questions[0].references[0]",
            "$.sections[0].questions[1].options",
            "$.sections[1].questions[0].bands[1]");
        Assert.Equal("title must be a string, not a number", result.Errors[0].Message);
        Assert.Equal("critical must be true or false, not a string", result.Errors[3].Message);
        Assert.Equal("each band must be an object, not a number", result.Errors[6].Message);
    }

    [Fact]
    public void Null_is_a_wrong_type_even_for_an_optional_field() =>
        AssertErrors(QuestionSetFormat.Parse(Example().Also(r => r["description"] = null).ToJsonString()), "$.description");

    [Fact]
    public void A_section_that_is_not_an_object_is_reported_once() =>
        AssertErrors(QuestionSetFormat.Parse(Example().Also(r => r["sections"]![1] = "cost").ToJsonString()), "$.sections[1]");

    [Fact]
    public void Unknown_properties_are_reported_where_they_are()
    {
        var root = Example();
        root["author"] = "me";
        root.Section(1)["hidden"] = true;
        root.Question(0, 1)["options"]![2]!["note"] = "x";
        root.Question(1, 0)["showIf"] = "price-output";

        var result = QuestionSetFormat.Parse(root.ToJsonString());

        AssertErrors(result,
            "$.author",
            "$.sections[0].questions[1].options[2].note",
            "$.sections[1].hidden",
            "$.sections[1].questions[0].showIf");
        Assert.Equal("unknown property \"author\"", result.Errors[0].Message);
    }

    [Fact]
    public void A_wrongly_cased_property_is_unknown_with_a_hint_and_the_real_one_missing()
    {
        var root = Example();
        root.Question(0, 1)["Text"] = root.Question(0, 1)["text"]!.DeepClone();
        root.Question(0, 1).Remove("text");

        var result = QuestionSetFormat.Parse(root.ToJsonString());

        AssertErrors(result, "$.sections[0].questions[1].Text", "$.sections[0].questions[1].text");
        Assert.Contains("did you mean \"text\"?", result.Errors[0].Message);
        Assert.Equal("text is required", result.Errors[1].Message);
    }

    [Fact]
    public void A_property_given_twice_is_an_error()
    {
        var json = FormatDocExample.Replace("\"title\": \"Frontier AI vendor buyer checklist\",",
            "\"title\": \"One\", \"title\": \"Two\",", StringComparison.Ordinal);

        AssertErrors(QuestionSetFormat.Parse(json), "$.title");
    }

    [Fact]
    public void Duplicate_question_keys_in_different_sections_are_reported_at_the_second()
    {
        var root = Example();
        root.Question(1, 1)["key"] = "abuse-controls";

        var result = QuestionSetFormat.Parse(root.ToJsonString());

        AssertErrors(result, "$.sections[1].questions[1].key");
        Assert.Contains("$.sections[0].questions[1]", result.Errors[0].Message);
    }

    [Fact]
    public void A_file_with_1001_questions_is_rejected()
    {
        var root = Example();
        root.Section(0)["questions"] = FormatRuleTests.TextQuestions(500, "a");
        root.Section(0)["questions"]!.AsArray().Add(FormatRuleTests.OneQuestionSection("x", "scored")["questions"]![0]!.DeepClone());
        root.Section(0)["questions"]!.AsArray().RemoveAt(0);
        root.Section(1)["questions"] = FormatRuleTests.TextQuestions(500, "b");
        root["sections"]!.AsArray().Add(FormatRuleTests.OneQuestionSection("third", "one-more"));

        var result = QuestionSetFormat.Parse(root.ToJsonString());

        AssertErrors(result, "$.sections");
        Assert.Equal("a question set can have at most 1,000 questions; this one has 1,001", result.Errors[0].Message);
    }

    [Fact]
    public void Every_error_of_a_file_is_reported_at_once()
    {
        var root = Example();
        root["format"] = "other";
        root.Question(0, 0)["options"]!.AsArray().RemoveAt(3);
        root.Question(0, 0)["options"]!.AsArray().RemoveAt(2);
        root.Question(0, 0)["options"]!.AsArray().RemoveAt(1);
        root.Question(1, 1)["weight"] = 2;

        var result = QuestionSetFormat.Parse(root.ToJsonString());

        Assert.Equal(
        [
            "$.format: format must be \"vendorrisk.question-set/1\"",
            "$.sections[0].questions[0].options: a choice question needs at least 2 options",
            "$.sections[1].questions[1].weight: a text question is unscored and cannot have a weight",
        ], result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void Errors_in_several_elements_of_one_list_are_all_reported()
    {
        var root = Example();
        root.Question(0, 0)["key"] = "Bad Key";
        root.Question(0, 1)["key"] = "Also Bad";
        root["ratingBands"]![0]!["label"] = "";
        root["ratingBands"]![1]!["label"] = "";
        root["knockoutRating"] = "Critical";

        AssertErrors(QuestionSetFormat.Parse(root.ToJsonString()),
            "$.ratingBands[0].label", "$.ratingBands[1].label",
            "$.sections[0].questions[0].key", "$.sections[0].questions[1].key");
    }

    [Fact]
    public void A_3_MiB_file_is_refused_before_it_is_parsed()
    {
        // Not JSON at all: a parse would report that instead of the size.
        var bytes = new byte[3 * 1024 * 1024];
        bytes.AsSpan().Fill((byte)'x');

        var result = QuestionSetFormat.Parse(bytes);

        AssertErrors(result, "$");
        Assert.Equal("the file is 3,145,728 bytes; the limit is 2 MiB (2,097,152 bytes) and was not read", result.Errors[0].Message);
    }

    [Fact]
    public async Task A_3_MiB_stream_is_refused_before_it_is_parsed()
    {
        var bytes = new byte[3 * 1024 * 1024];

        AssertErrors(QuestionSetFormat.Parse(new MemoryStream(bytes)), "$");
        AssertErrors(await QuestionSetFormat.ParseAsync(new NonSeekableStream(bytes), TestContext.Current.CancellationToken), "$");
        AssertErrors(QuestionSetFormat.Parse(new NonSeekableStream(bytes)), "$");
    }

    [Fact]
    public void A_valid_file_just_under_2_MiB_is_read()
    {
        var root = Example();
        root["description"] = "";
        var json = root.ToJsonString();
        var padding = QuestionSetLimitsPadding(json);
        var padded = json[..^1] + new string(' ', padding) + "}";
        Assert.Equal(2 * 1024 * 1024, Encoding.UTF8.GetByteCount(padded));

        Assert.True(QuestionSetFormat.Parse(padded).IsValid);
        Assert.False(QuestionSetFormat.Parse(padded + " ").IsValid);
    }

    [Fact]
    public async Task A_stream_with_a_byte_order_mark_is_read()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(FormatDocExample)).ToArray();

        Assert.True(QuestionSetFormat.Parse(new MemoryStream(bytes)).IsValid);
        Assert.True((await QuestionSetFormat.ParseAsync(new NonSeekableStream(bytes), TestContext.Current.CancellationToken)).IsValid);
    }

    private static int QuestionSetLimitsPadding(string json) => 2 * 1024 * 1024 - Encoding.UTF8.GetByteCount(json);

    /// <summary>Like a browser upload stream: no length to check up front.</summary>
    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Length => throw new NotSupportedException();
    }
}

internal static class JsonObjectExtensions
{
    public static JsonObject Also(this JsonObject root, Action<JsonObject> change)
    {
        change(root);
        return root;
    }
}
