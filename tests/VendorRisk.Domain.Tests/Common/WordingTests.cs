using VendorRisk.Domain.Common;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Domain.Tests.Common;

public sealed class WordingTests
{
    [Theory]
    [InlineData(0, "0 knockouts")]
    [InlineData(1, "1 knockout")]
    [InlineData(2, "2 knockouts")]
    [InlineData(1200, "1,200 knockouts")]
    public void Counts_are_pluralised_in_words(int count, string expected) =>
        Assert.Equal(expected, Plural.Count(count, "knockout"));

    [Fact]
    public void Irregular_words_and_verbs_take_their_given_plural()
    {
        Assert.Equal("1 knockout caps", $"{Plural.Count(1, "knockout")} {Plural.Word(1, "caps", "cap")}");
        Assert.Equal("3 knockouts cap", $"{Plural.Count(3, "knockout")} {Plural.Word(3, "caps", "cap")}");
    }

    [Fact]
    public void Refusals_read_as_sentences_without_field_ids_and_say_each_thing_once()
    {
        var ex = new ValidationFailedException(new Dictionary<string, string[]>
        {
            ["email"] = ["enter a valid email address"],
            ["password"] = ["Use at least 12 characters.", "Use at least 12 characters."],
        });

        Assert.Equal("Enter a valid email address. Use at least 12 characters.", ex.Sentences);
    }

    [Theory]
    [InlineData("Does the buyer have a workable exit plan: data export, deletion and a transition period?", "Does the buyer have a workable exit plan")]
    [InlineData("Is there a policy?", "Is there a policy")]
    [InlineData("Does the provider detect anomalous usage that indicates model extraction or abuse (high-volume systematic probing) and act on it?",
        "Does the provider detect anomalous usage that indicates model…")]
    public void A_question_is_named_by_its_first_clause_cut_at_a_word(string text, string expected)
    {
        Assert.Equal(expected, QuestionNames.Short(text));
        Assert.True(QuestionNames.Short(text).Length <= QuestionNames.MaxLength);
    }
}
