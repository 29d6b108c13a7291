using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Domain.Tests.Comparison;

public sealed class AnswerDisplayTests
{
    [Theory]
    [InlineData(4_000_000d, "tokens per minute", "4,000,000 tokens per minute")]
    [InlineData(1234.5, null, "1,234.5")]
    [InlineData(0.0000015, "USD", "0.0000015 USD")]
    [InlineData(-2500d, null, "-2,500")]
    [InlineData(0.1 + 0.2, null, "0.3")]
    public void A_number_is_shown_with_grouped_thousands_and_never_as_an_exponent(double value, string? unit, string expected)
    {
        var question = new Question { Key = "limit", Text = "Limit?", Type = QuestionType.Number, Unit = unit };

        Assert.Equal(expected, AnswerDisplay.Format(question, new AnswerValue { QuestionKey = "limit", Number = value }));
    }
}
