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

    [Theory]
    [InlineData("Does the buyer have a workable exit plan: data export, deletion and a transition period?", "Does the buyer have a workable exit plan")]
    [InlineData("Is there a policy?", "Is there a policy")]
    [InlineData("Does the vendor use the buyer's prompts, outputs, files or fine-tuning data to train or improve its models?", "Does the vendor use the buyer's prompts…")]
    [InlineData("Is logging on by default; can the buyer turn it off?", "Is logging on by default…")]
    [InlineData("Does the provider detect anomalous usage that indicates model extraction or abuse (high-volume systematic probing) and act on it?",
        "Does the provider detect anomalous usage that indicates model…")]
    public void A_question_is_named_by_its_first_clause_cut_at_a_word(string text, string expected)
    {
        Assert.Equal(expected, QuestionNames.Short(text));
        Assert.True(QuestionNames.Short(text).Length <= QuestionNames.MaxLength);
    }
}
