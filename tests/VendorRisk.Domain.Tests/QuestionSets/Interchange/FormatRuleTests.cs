using System.Text.Json.Nodes;
using VendorRisk.Domain.QuestionSets.Interchange;
using static VendorRisk.Domain.Tests.QuestionSets.Interchange.Samples;

namespace VendorRisk.Domain.Tests.QuestionSets.Interchange;

/// <summary>One test per rule of question-set-format.md: the doc's example, broken in one place.</summary>
public class FormatRuleTests
{
    // Layout of the example: sections[0] extraction-defenses { [0] choice, critical; [1] multi },
    // sections[1] cost-at-scale { [0] number with role; [1] text }.
    private const string Choice = "$.sections[0].questions[0]";
    private const string Multi = "$.sections[0].questions[1]";
    private const string Number = "$.sections[1].questions[0]";
    private const string Text = "$.sections[1].questions[1]";

    private static QuestionSetParseResult ParseBroken(Action<JsonObject> breakIt)
    {
        var root = Example();
        breakIt(root);
        return QuestionSetFormat.Parse(root.ToJsonString());
    }

    /// <summary>Asserts that the file is rejected and that every error is at <paramref name="path"/>.</summary>
    private static void AssertRejectedAt(string path, Action<JsonObject> breakIt, string? message = null)
    {
        var result = ParseBroken(breakIt);
        Assert.False(result.IsValid);
        Assert.Null(result.Definition);
        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Equal(path, e.Path));
        if (message is not null)
            Assert.Contains(result.Errors, e => e.Message == message);
    }

    private static QuestionSetParseResult AssertValid(Action<JsonObject> change)
    {
        var result = ParseBroken(change);
        Assert.Empty(result.Errors);
        Assert.True(result.IsValid);
        return result;
    }

    // Top level

    [Fact]
    public void Format_is_required() => AssertRejectedAt("$.format", r => r.Remove("format"), "format is required");

    [Fact]
    public void Format_must_be_exactly_version_1() => AssertRejectedAt("$.format", r => r["format"] = "vendorrisk.question-set/2");

    [Fact]
    public void Key_is_required() => AssertRejectedAt("$.key", r => r.Remove("key"), "key is required");

    [Theory]
    [InlineData("Frontier-AI")]
    [InlineData("frontier_ai")]
    [InlineData("frontier--ai")]
    [InlineData("-frontier")]
    [InlineData("frontier-")]
    [InlineData("")]
    public void Key_must_be_lowercase_kebab_case(string key) => AssertRejectedAt("$.key", r => r["key"] = key);

    [Fact]
    public void Key_may_have_at_most_64_characters()
    {
        AssertValid(r => r["key"] = Repeat('a', 64));
        AssertRejectedAt("$.key", r => r["key"] = Repeat('a', 65));
    }

    [Fact]
    public void Title_is_required() => AssertRejectedAt("$.title", r => r.Remove("title"), "title is required");

    [Fact]
    public void Title_may_not_be_empty() => AssertRejectedAt("$.title", r => r["title"] = "");

    [Fact]
    public void Title_may_have_at_most_200_characters()
    {
        AssertValid(r => r["title"] = Repeat('t', 200));
        AssertRejectedAt("$.title", r => r["title"] = Repeat('t', 201));
    }

    [Fact]
    public void Description_is_optional() => AssertValid(r => r.Remove("description"));

    [Fact]
    public void Description_may_have_at_most_4000_characters()
    {
        AssertValid(r => r["description"] = Repeat('d', 4000));
        AssertRejectedAt("$.description", r => r["description"] = Repeat('d', 4001));
    }

    [Fact]
    public void Version_is_optional_and_ignored_on_import()
    {
        AssertValid(r => r.Remove("version"));
        AssertValid(r => r["version"] = 999);
    }

    [Fact]
    public void Version_must_be_an_integer() => AssertRejectedAt("$.version", r => r["version"] = 3.5);

    [Fact]
    public void Rating_bands_are_required() => AssertRejectedAt("$.ratingBands", r => r.Remove("ratingBands"));

    [Fact]
    public void At_least_one_rating_band_is_required() => AssertRejectedAt("$.ratingBands", r => r["ratingBands"] = new JsonArray());

    [Fact]
    public void A_single_band_at_zero_is_enough()
    {
        var result = AssertValid(r =>
        {
            r["ratingBands"] = new JsonArray(new JsonObject { ["label"] = "Only", ["minScore"] = 0 });
            r.Remove("knockoutRating");
        });
        Assert.Equal("Only", result.Definition!.KnockoutRating);
    }

    [Fact]
    public void Band_label_is_required() => AssertRejectedAt("$.ratingBands[1].label", r => r["ratingBands"]![1]!.AsObject().Remove("label"));

    [Fact]
    public void Band_label_may_not_be_empty() => AssertRejectedAt("$.ratingBands[1].label", r => r["ratingBands"]![1]!["label"] = "");

    [Fact]
    public void Band_label_may_have_at_most_40_characters() =>
        AssertRejectedAt("$.ratingBands[0].label", r => r["ratingBands"]![0]!["label"] = Repeat('L', 41));

    [Fact]
    public void Band_labels_must_be_unique() =>
        AssertRejectedAt("$.ratingBands[1].label", r => r["ratingBands"]![1]!["label"] = "Low",
            "label \"Low\" is used by another rating band");

    [Fact]
    public void Band_min_score_is_required() =>
        AssertRejectedAt("$.ratingBands[1].minScore", r => r["ratingBands"]![1]!.AsObject().Remove("minScore"));

    [Theory]
    [InlineData(-1)]
    [InlineData(100.5)]
    public void Band_min_score_must_be_between_0_and_100(double minScore) =>
        AssertRejectedAt("$.ratingBands[0].minScore", r => r["ratingBands"]![0]!["minScore"] = minScore);

    [Fact]
    public void Band_min_scores_must_be_unique() =>
        AssertRejectedAt("$.ratingBands[1].minScore", r => r["ratingBands"]![1]!["minScore"] = 80);

    [Fact]
    public void Exactly_one_band_must_have_min_score_zero() =>
        AssertRejectedAt("$.ratingBands", r => r["ratingBands"]![3]!["minScore"] = 10,
            "exactly one rating band must have minScore 0");

    [Fact]
    public void Band_order_in_the_file_does_not_matter()
    {
        var result = AssertValid(r =>
        {
            var bands = r["ratingBands"]!.AsArray().Select(b => b!.DeepClone()).Reverse().ToArray();
            r["ratingBands"] = new JsonArray(bands);
        });
        Assert.Equal(["Low", "Moderate", "High", "Critical"], result.Definition!.RatingBands.Select(b => b.Label));
    }

    [Fact]
    public void Knockout_rating_must_be_a_band_label() =>
        AssertRejectedAt("$.knockoutRating", r => r["knockoutRating"] = "Severe",
            "knockoutRating must be one of the band labels: Low, Moderate, High, Critical");

    [Fact]
    public void Knockout_rating_defaults_to_the_second_worst_band()
    {
        var result = AssertValid(r =>
        {
            r.Remove("knockoutRating");
            r["ratingBands"]![0]!["minScore"] = 50; // "Low" is now the second best, not second worst
        });
        Assert.Equal("High", result.Definition!.KnockoutRating);
    }

    [Fact]
    public void Sections_are_required() => AssertRejectedAt("$.sections", r => r.Remove("sections"), "sections is required");

    [Fact]
    public void At_least_one_section_is_required() => AssertRejectedAt("$.sections", r => r["sections"] = new JsonArray());

    [Fact]
    public void At_most_50_sections_are_allowed() =>
        AssertRejectedAt("$.sections", r =>
        {
            var sections = r["sections"]!.AsArray();
            sections.Clear();
            for (var i = 0; i < 51; i++)
                sections.Add(OneQuestionSection($"s{i}", $"q{i}"));
        }, "a question set can have at most 50 sections");

    [Fact]
    public void Fifty_sections_are_allowed() =>
        AssertValid(r =>
        {
            var sections = r["sections"]!.AsArray();
            sections.Clear();
            for (var i = 0; i < 50; i++)
                sections.Add(OneQuestionSection($"s{i}", $"q{i}"));
        });

    // Sections

    [Fact]
    public void Section_key_is_required() => AssertRejectedAt("$.sections[1].key", r => r.Section(1).Remove("key"));

    [Fact]
    public void Section_key_must_be_kebab_case() => AssertRejectedAt("$.sections[1].key", r => r.Section(1)["key"] = "Cost at scale");

    [Fact]
    public void Section_key_may_have_at_most_64_characters() =>
        AssertRejectedAt("$.sections[1].key", r => r.Section(1)["key"] = Repeat('k', 65));

    [Fact]
    public void Section_keys_must_be_unique() =>
        AssertRejectedAt("$.sections[1].key", r => r.Section(1)["key"] = "extraction-defenses",
            "section key \"extraction-defenses\" is used by another section");

    [Fact]
    public void Section_title_is_required() => AssertRejectedAt("$.sections[0].title", r => r.Section(0).Remove("title"));

    [Fact]
    public void Section_title_may_have_at_most_200_characters() =>
        AssertRejectedAt("$.sections[0].title", r => r.Section(0)["title"] = Repeat('t', 201));

    [Fact]
    public void Section_description_may_have_at_most_4000_characters() =>
        AssertRejectedAt("$.sections[0].description", r => r.Section(0)["description"] = Repeat('d', 4001));

    [Theory]
    [InlineData(-0.5)]
    [InlineData(101)]
    public void Section_weight_must_be_between_0_and_100(double weight) =>
        AssertRejectedAt("$.sections[0].weight", r => r.Section(0)["weight"] = weight);

    [Fact]
    public void Section_weight_defaults_to_1()
    {
        var result = AssertValid(r => r.Section(1).Remove("weight"));
        Assert.Equal(1, result.Definition!.Sections[1].Weight);
    }

    [Fact]
    public void At_least_one_section_needs_a_weight_above_zero()
    {
        AssertValid(r => r.Section(0)["weight"] = 0);
        AssertRejectedAt("$.sections", r =>
        {
            r.Section(0)["weight"] = 0;
            r.Section(1)["weight"] = 0;
        }, "at least one section needs a weight greater than 0");
    }

    [Fact]
    public void Section_questions_are_required() => AssertRejectedAt("$.sections[0].questions", r => r.Section(0).Remove("questions"));

    [Fact]
    public void A_section_needs_at_least_one_question() =>
        AssertRejectedAt("$.sections[0].questions", r => r.Section(0)["questions"] = new JsonArray(),
            "a section needs at least 1 question");

    [Fact]
    public void A_section_may_have_at_most_500_questions()
    {
        AssertValid(r => r.Section(1)["questions"] = TextQuestions(500, "q"));
        AssertRejectedAt("$.sections[1].questions", r => r.Section(1)["questions"] = TextQuestions(501, "q"),
            "a section can have at most 500 questions");
    }

    [Fact]
    public void A_set_may_have_at_most_1000_questions()
    {
        AssertValid(r =>
        {
            r.Section(0)["questions"] = TextQuestions(499, "a");
            r.Section(0)["questions"]!.AsArray().Add(OneQuestionSection("x", "scored")["questions"]![0]!.DeepClone());
            r.Section(1)["questions"] = TextQuestions(500, "b");
        });
        AssertRejectedAt("$.sections", r =>
        {
            r.Section(0)["questions"] = TextQuestions(500, "a");
            r.Section(1)["questions"] = TextQuestions(500, "b");
            r["sections"]!.AsArray().Add(OneQuestionSection("extra", "extra-question"));
        }, "a question set can have at most 1,000 questions; this one has 1,001");
    }

    // Questions: common fields

    [Fact]
    public void Question_key_is_required() => AssertRejectedAt($"{Choice}.key", r => r.Question(0, 0).Remove("key"));

    [Fact]
    public void Question_key_must_be_kebab_case() => AssertRejectedAt($"{Choice}.key", r => r.Question(0, 0)["key"] = "usage anomaly");

    [Fact]
    public void Question_key_may_have_at_most_64_characters() =>
        AssertRejectedAt($"{Choice}.key", r => r.Question(0, 0)["key"] = Repeat('q', 65));

    [Fact]
    public void Question_keys_must_be_unique_within_a_section() =>
        AssertRejectedAt($"{Multi}.key", r => r.Question(0, 1)["key"] = "usage-anomaly-detection");

    [Fact]
    public void Question_keys_must_be_unique_across_sections() =>
        AssertRejectedAt($"{Number}.key", r => r.Question(1, 0)["key"] = "usage-anomaly-detection",
            "question key \"usage-anomaly-detection\" is already used by $.sections[0].questions[0]; question keys must be unique in the whole set");

    [Fact]
    public void Question_text_is_required() =>
        AssertRejectedAt($"{Multi}.text", r => r.Question(0, 1).Remove("text"), "text is required");

    [Fact]
    public void Question_text_may_not_be_empty() => AssertRejectedAt($"{Multi}.text", r => r.Question(0, 1)["text"] = "");

    [Fact]
    public void Question_text_may_have_at_most_2000_characters()
    {
        AssertValid(r => r.Question(0, 1)["text"] = Repeat('x', 2000));
        AssertRejectedAt($"{Multi}.text", r => r.Question(0, 1)["text"] = Repeat('x', 2001));
    }

    [Fact]
    public void Guidance_may_have_at_most_4000_characters() =>
        AssertRejectedAt($"{Choice}.guidance", r => r.Question(0, 0)["guidance"] = Repeat('g', 4001));

    [Fact]
    public void Question_type_is_required() => AssertRejectedAt($"{Choice}.type", r => r.Question(0, 0).Remove("type"));

    [Fact]
    public void Question_type_must_be_a_known_type() =>
        AssertRejectedAt($"{Choice}.type", r => r.Question(0, 0)["type"] = "yes-no",
            "type must be one of choice, multi, number, text");

    [Theory]
    [InlineData(-1)]
    [InlineData(100.01)]
    public void Question_weight_must_be_between_0_and_100(double weight) =>
        AssertRejectedAt($"{Choice}.weight", r => r.Question(0, 0)["weight"] = weight);

    [Fact]
    public void Question_defaults_are_weight_1_not_critical_and_no_not_applicable()
    {
        var result = AssertValid(r => r.Question(0, 1).Remove("weight"));
        var multi = result.Definition!.Sections[0].Questions[1];
        Assert.Equal(1, multi.Weight);
        Assert.False(multi.Critical);
        Assert.False(multi.AllowNotApplicable);
    }

    [Fact]
    public void Knockout_below_is_only_allowed_on_a_critical_question() =>
        AssertRejectedAt($"{Multi}.knockoutBelow", r => r.Question(0, 1)["knockoutBelow"] = 0.5,
            "knockoutBelow is only allowed on a critical question (critical: true)");

    [Fact]
    public void Knockout_below_is_not_allowed_when_critical_is_false() =>
        AssertRejectedAt($"{Choice}.knockoutBelow", r => r.Question(0, 0)["critical"] = false);

    [Theory]
    [InlineData(0)]
    [InlineData(-0.1)]
    [InlineData(1.01)]
    public void Knockout_below_must_be_above_0_and_at_most_1(double knockoutBelow) =>
        AssertRejectedAt($"{Choice}.knockoutBelow", r => r.Question(0, 0)["knockoutBelow"] = knockoutBelow);

    [Fact]
    public void Knockout_below_defaults_to_one_half_and_may_be_1()
    {
        Assert.Equal(1, AssertValid(r => r.Question(0, 0)["knockoutBelow"] = 1).Definition!.Sections[0].Questions[0].KnockoutBelow);
        Assert.Equal(0.5, AssertValid(r => r.Question(0, 0).Remove("knockoutBelow")).Definition!.Sections[0].Questions[0].KnockoutBelow);
    }

    [Fact]
    public void References_may_have_at_most_200_characters_each()
    {
        AssertValid(r => r.Question(0, 0)["references"]![1] = Repeat('r', 200));
        AssertRejectedAt($"{Choice}.references[1]", r => r.Question(0, 0)["references"]![1] = Repeat('r', 201));
    }

    [Fact]
    public void Role_is_only_allowed_on_a_number_question() =>
        AssertRejectedAt($"{Choice}.role", r => r.Question(0, 0)["role"] = "price-input-per-mtok",
            "role is only allowed on a number question");

    [Fact]
    public void Role_must_be_a_known_cost_role() =>
        AssertRejectedAt($"{Number}.role", r => r.Question(1, 0)["role"] = "price-per-token");

    [Fact]
    public void A_role_may_be_used_by_at_most_one_question() =>
        AssertRejectedAt("$.sections[1].questions[1].role", r =>
        {
            var copy = r.Question(1, 0).DeepClone().AsObject();
            copy["key"] = "price-input-again";
            r.Section(1)["questions"]!.AsArray().Insert(1, copy);
        }, "role \"price-input-per-mtok\" is already used by $.sections[1].questions[0]; a set can have at most one question per role");

    [Theory]
    [InlineData("price-cached-input-per-mtok")]
    [InlineData("batch-discount-percent")]
    [InlineData("committed-use-discount-percent")]
    [InlineData("residency-surcharge-percent")]
    public void The_new_cost_roles_are_accepted_on_a_number_question(string role)
    {
        var result = AssertValid(r => r.Question(1, 0)["role"] = role);

        Assert.Equal(role, result.Definition!.Sections[1].Questions[0].Role);
    }

    [Theory]
    [InlineData("vendor")]
    [InlineData("model")]
    public void Level_may_be_vendor_or_model_on_any_question_type(string level) =>
        AssertValid(r =>
        {
            r.Question(0, 0)["level"] = level;
            r.Question(0, 1)["level"] = level;
            r.Question(1, 0)["level"] = level;
            r.Question(1, 1)["level"] = level;
        });

    [Theory]
    [InlineData("Model")]
    [InlineData("offering")]
    [InlineData("")]
    public void Level_must_be_vendor_or_model(string level) =>
        AssertRejectedAt($"{Text}.level", r => r.Question(1, 1)["level"] = level, "level must be one of vendor, model");

    [Fact]
    public void Level_must_be_a_string() =>
        AssertRejectedAt($"{Number}.level", r => r.Question(1, 0)["level"] = true, "level must be a string, not a boolean");

    [Fact]
    public void Unit_is_only_allowed_on_a_number_question() =>
        AssertRejectedAt($"{Multi}.unit", r => r.Question(0, 1)["unit"] = "USD");

    [Fact]
    public void Unit_may_have_at_most_40_characters() =>
        AssertRejectedAt($"{Number}.unit", r => r.Question(1, 0)["unit"] = Repeat('u', 41));

    // choice and multi

    [Fact]
    public void A_choice_question_needs_options() =>
        AssertRejectedAt($"{Choice}.options", r => r.Question(0, 0).Remove("options"), "a choice question needs options");

    [Fact]
    public void A_choice_question_needs_at_least_2_options() =>
        AssertRejectedAt($"{Choice}.options", r => KeepOptions(r.Question(0, 0), 1),
            "a choice question needs at least 2 options");

    [Fact]
    public void A_multi_question_needs_at_least_2_options() =>
        AssertRejectedAt($"{Multi}.options", r => KeepOptions(r.Question(0, 1), 1),
            "a multi question needs at least 2 options");

    [Fact]
    public void A_choice_question_may_have_at_most_20_options()
    {
        AssertValid(r => r.Question(0, 0)["options"] = Options(20));
        AssertRejectedAt($"{Choice}.options", r => r.Question(0, 0)["options"] = Options(21),
            "a choice question can have at most 20 options");
    }

    [Fact]
    public void Option_keys_must_be_unique_within_the_question()
    {
        AssertValid(r => r.Question(0, 1)["options"]![0]!["key"] = "none"); // same key in another question is fine
        AssertRejectedAt($"{Choice}.options[2].key", r => r.Question(0, 0)["options"]![2]!["key"] = "basic");
    }

    [Fact]
    public void Option_key_must_be_kebab_case() =>
        AssertRejectedAt($"{Choice}.options[0].key", r => r.Question(0, 0)["options"]![0]!["key"] = "None");

    [Fact]
    public void Option_label_is_required() =>
        AssertRejectedAt($"{Choice}.options[0].label", r => r.Question(0, 0)["options"]![0]!.AsObject().Remove("label"));

    [Fact]
    public void Option_label_may_have_at_most_500_characters() =>
        AssertRejectedAt($"{Choice}.options[0].label", r => r.Question(0, 0)["options"]![0]!["label"] = Repeat('l', 501));

    [Fact]
    public void Option_score_is_required() =>
        AssertRejectedAt($"{Choice}.options[3].score", r => r.Question(0, 0)["options"]![3]!.AsObject().Remove("score"));

    [Fact]
    public void Option_score_may_not_be_negative() =>
        AssertRejectedAt($"{Choice}.options[0].score", r => r.Question(0, 0)["options"]![0]!["score"] = -1);

    [Fact]
    public void The_largest_option_score_must_be_above_zero() =>
        AssertRejectedAt($"{Multi}.options", r =>
        {
            foreach (var option in r.Question(0, 1)["options"]!.AsArray())
                option!["score"] = 0;
            r.Question(0, 1).Remove("maxScore");
        }, "the largest option score must be greater than 0");

    [Fact]
    public void Max_score_must_be_above_zero() =>
        AssertRejectedAt($"{Multi}.maxScore", r => r.Question(0, 1)["maxScore"] = 0);

    [Fact]
    public void Max_score_is_only_allowed_on_a_multi_question() =>
        AssertRejectedAt($"{Choice}.maxScore", r => r.Question(0, 0)["maxScore"] = 4);

    [Fact]
    public void Max_score_defaults_to_the_sum_of_option_scores()
    {
        var result = AssertValid(r => r.Question(0, 1).Remove("maxScore"));
        Assert.Equal(4, result.Definition!.Sections[0].Questions[1].MaxScore);
    }

    [Fact]
    public void A_choice_question_may_not_have_bands() =>
        AssertRejectedAt($"{Choice}.bands", r => r.Question(0, 0)["bands"] = new JsonArray(Band(null, 1)));

    // number

    [Fact]
    public void A_number_question_needs_bands() =>
        AssertRejectedAt($"{Number}.bands", r => r.Question(1, 0).Remove("bands"), "a number question needs bands");

    [Fact]
    public void A_number_question_needs_at_least_1_band() =>
        AssertRejectedAt($"{Number}.bands", r => r.Question(1, 0)["bands"] = new JsonArray());

    [Fact]
    public void A_number_question_may_have_at_most_20_bands()
    {
        AssertValid(r => r.Question(1, 0)["bands"] = Bands(20));
        AssertRejectedAt($"{Number}.bands", r => r.Question(1, 0)["bands"] = Bands(21),
            "a number question can have at most 20 bands");
    }

    [Fact]
    public void Every_band_but_the_last_needs_up_to() =>
        AssertRejectedAt($"{Number}.bands[1].upTo", r => r.Question(1, 0)["bands"]![1]!.AsObject().Remove("upTo"),
            "upTo is required on every band but the last");

    [Fact]
    public void The_last_band_may_have_up_to_or_not()
    {
        AssertValid(r => r.Question(1, 0)["bands"]![3]!["upTo"] = 100);
        var result = AssertValid(_ => { });
        Assert.Null(result.Definition!.Sections[1].Questions[0].Bands[^1].UpTo);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(4)]
    public void Up_to_must_be_strictly_ascending(double upTo) =>
        AssertRejectedAt($"{Number}.bands[2].upTo", r => r.Question(1, 0)["bands"]![2]!["upTo"] = upTo,
            "upTo must be greater than the previous band's upTo (5)");

    [Fact]
    public void Band_score_is_required() =>
        AssertRejectedAt($"{Number}.bands[0].score", r => r.Question(1, 0)["bands"]![0]!.AsObject().Remove("score"));

    [Fact]
    public void Band_score_may_not_be_negative() =>
        AssertRejectedAt($"{Number}.bands[0].score", r => r.Question(1, 0)["bands"]![0]!["score"] = -2);

    [Fact]
    public void The_largest_band_score_must_be_above_zero() =>
        AssertRejectedAt($"{Number}.bands", r => r.Question(1, 0)["bands"] = new JsonArray(Band(1, 0), Band(null, 0)),
            "the largest band score must be greater than 0");

    [Fact]
    public void A_number_question_may_not_have_options() =>
        AssertRejectedAt($"{Number}.options", r => r.Question(1, 0)["options"] = Options(2));

    // text

    [Fact]
    public void A_text_question_may_not_have_a_weight() =>
        AssertRejectedAt($"{Text}.weight", r => r.Question(1, 1)["weight"] = 1,
            "a text question is unscored and cannot have a weight");

    [Fact]
    public void A_text_question_may_not_be_critical_even_when_false() =>
        AssertRejectedAt($"{Text}.critical", r => r.Question(1, 1)["critical"] = false);

    [Fact]
    public void A_text_question_may_not_have_options() =>
        AssertRejectedAt($"{Text}.options", r => r.Question(1, 1)["options"] = Options(2),
            "a text question cannot have options");

    [Fact]
    public void A_text_question_may_not_have_bands() =>
        AssertRejectedAt($"{Text}.bands", r => r.Question(1, 1)["bands"] = new JsonArray(Band(null, 1)),
            "a text question cannot have bands");

    [Fact]
    public void A_text_question_is_unscored_with_weight_zero()
    {
        var result = AssertValid(r => r.Question(1, 1)["allowNotApplicable"] = true);
        var text = result.Definition!.Sections[1].Questions[1];
        Assert.Equal(0, text.Weight);
        Assert.False(text.IsScored);
        Assert.True(text.AllowNotApplicable);
    }

    // Fixtures

    internal static JsonObject OneQuestionSection(string key, string questionKey) => new()
    {
        ["key"] = key,
        ["title"] = key,
        ["questions"] = new JsonArray(new JsonObject
        {
            ["key"] = questionKey,
            ["text"] = "Question",
            ["type"] = "choice",
            ["options"] = Options(2),
        }),
    };

    internal static JsonArray TextQuestions(int count, string prefix) =>
        new(Enumerable.Range(0, count)
            .Select(i => (JsonNode)new JsonObject { ["key"] = $"{prefix}-{i}", ["text"] = "Notes", ["type"] = "text" })
            .ToArray());

    internal static JsonArray Options(int count) =>
        new(Enumerable.Range(0, count)
            .Select(i => (JsonNode)new JsonObject { ["key"] = $"o-{i}", ["label"] = $"Option {i}", ["score"] = i })
            .ToArray());

    private static JsonArray Bands(int count) =>
        new(Enumerable.Range(0, count).Select(i => (JsonNode)Band(i == count - 1 ? null : i, i)).ToArray());

    private static JsonObject Band(double? upTo, double score)
    {
        var band = new JsonObject();
        if (upTo is { } u)
            band["upTo"] = u;
        band["score"] = score;
        return band;
    }

    private static void KeepOptions(JsonObject question, int count)
    {
        var options = question["options"]!.AsArray();
        while (options.Count > count)
            options.RemoveAt(options.Count - 1);
        question.Remove("maxScore");
        options[0]!["score"] = 1;
    }
}
