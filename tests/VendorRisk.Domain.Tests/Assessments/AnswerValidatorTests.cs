using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Assessments;

public class AnswerValidatorTests
{
    private static readonly QuestionSetDefinition Set = new QuestionSetBuilder()
        .Section("s", 1,
            Choice("choice-q"),
            Choice("na-q", allowNotApplicable: true),
            Multi("multi-q"),
            Number("number-q"),
            Number("price-q", role: CostRoles.PriceInputPerMTok),
            Number("cached-q", role: CostRoles.PriceCachedInputPerMTok),
            Number("batch-q", role: CostRoles.BatchDiscountPercent),
            Number("commit-q", role: CostRoles.CommittedUseDiscountPercent),
            Number("residency-q", role: CostRoles.ResidencySurchargePercent),
            Text("text-q"))
        .Build();

    private static IDictionary<string, string[]> Errors(AnswerValue answer) =>
        AnswerValidator.Validate(Set, answer).ToDictionary();

    [Fact]
    public void Valid_answers_of_each_type_pass()
    {
        Assert.Empty(Errors(Answers.Choice("choice-q", "good")));
        Assert.Empty(Errors(Answers.Choices("multi-q", "a", "c")));
        Assert.Empty(Errors(Answers.Choices("multi-q")));
        Assert.Empty(Errors(Answers.Number("number-q", -3)));
        Assert.Empty(Errors(Answers.Number("price-q", 0)));
        Assert.Empty(Errors(Answers.Text("text-q", new string('x', AnswerLimits.TextMaxLength))));
        Assert.Empty(Errors(Answers.NotApplicable("na-q")));
        Assert.Empty(Errors(new AnswerValue { QuestionKey = "choice-q", Note = "Asked the vendor." }));
    }

    [Fact]
    public void A_question_key_not_in_the_set_is_refused()
    {
        Assert.Contains("questionKey", Errors(Answers.Choice("other-set-q", "good")).Keys);
    }

    [Fact]
    public void A_choice_key_not_in_the_question_is_refused()
    {
        Assert.Equal(["choice"], Errors(Answers.Choice("choice-q", "forged")).Keys);
    }

    [Fact]
    public void Unknown_and_repeated_keys_in_choices_are_refused()
    {
        Assert.Equal(["choices"], Errors(Answers.Choices("multi-q", "a", "forged")).Keys);
        Assert.Equal(["choices"], Errors(Answers.Choices("multi-q", "a", "a")).Keys);
    }

    [Fact]
    public void A_value_field_of_the_wrong_kind_is_refused()
    {
        Assert.Equal(["number"], Errors(new AnswerValue { QuestionKey = "choice-q", Number = 3 }).Keys);
        Assert.Equal(["choice"], Errors(new AnswerValue { QuestionKey = "multi-q", Choice = "a" }).Keys);
        Assert.Equal(["text"], Errors(new AnswerValue { QuestionKey = "number-q", Text = "3" }).Keys);
        Assert.Equal(["choices"], Errors(new AnswerValue { QuestionKey = "text-q", Choices = [] }).Keys);
    }

    [Fact]
    public void More_than_one_value_field_is_refused()
    {
        var errors = Errors(new AnswerValue { QuestionKey = "choice-q", Choice = "good", Text = "and also" });

        Assert.Equal(["text"], errors.Keys);
    }

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1.0000001e15)]
    [InlineData(-2e15)]
    public void A_number_not_finite_or_beyond_ten_to_the_fifteenth_is_refused(double number)
    {
        Assert.Equal(["number"], Errors(Answers.Number("number-q", number)).Keys);
    }

    [Fact]
    public void A_number_of_exactly_ten_to_the_fifteenth_passes()
    {
        Assert.Empty(Errors(Answers.Number("number-q", 1e15)));
    }

    [Fact]
    public void A_negative_number_on_a_cost_role_question_is_refused()
    {
        Assert.Equal(["number"], Errors(Answers.Number("price-q", -0.01)).Keys);
    }

    [Theory]
    [InlineData("cached-q")]
    [InlineData("batch-q")]
    [InlineData("commit-q")]
    [InlineData("residency-q")]
    public void A_negative_number_on_a_new_cost_role_question_is_refused(string key)
    {
        Assert.Equal(["number"], Errors(Answers.Number(key, -1)).Keys);
    }

    [Theory]
    [InlineData("batch-q")]
    [InlineData("commit-q")]
    public void A_discount_percentage_above_100_is_refused_and_100_passes(string key)
    {
        var errors = Errors(Answers.Number(key, 100.5));

        Assert.Equal(["number"], errors.Keys);
        Assert.Contains("cannot exceed 100", errors["number"][0]);
        Assert.Empty(Errors(Answers.Number(key, 100)));
        Assert.Empty(Errors(Answers.Number(key, 0)));
    }

    [Fact]
    public void A_residency_surcharge_above_100_percent_passes()
    {
        Assert.Empty(Errors(Answers.Number("residency-q", 150)));
    }

    [Fact]
    public void Not_applicable_where_not_allowed_is_refused()
    {
        Assert.Equal(["notApplicable"], Errors(Answers.NotApplicable("choice-q")).Keys);
    }

    [Fact]
    public void Not_applicable_without_justification_is_refused()
    {
        Assert.Equal(["justification"], Errors(Answers.NotApplicable("na-q", justification: " ")).Keys);
    }

    [Fact]
    public void Not_applicable_with_a_value_is_refused()
    {
        var answer = new AnswerValue { QuestionKey = "na-q", NotApplicable = true, Justification = "n/a", Choice = "good" };

        Assert.Equal(["notApplicable"], Errors(answer).Keys);
    }

    [Fact]
    public void Lengths_beyond_the_limits_are_refused()
    {
        var answer = new AnswerValue
        {
            QuestionKey = "text-q",
            Text = new string('x', AnswerLimits.TextMaxLength + 1),
            Note = new string('x', AnswerLimits.NoteMaxLength + 1),
            Justification = new string('x', AnswerLimits.JustificationMaxLength + 1),
            Evidence = new Evidence(new string('x', AnswerLimits.EvidenceDescriptionMaxLength + 1), EvidenceSource.Contract, null),
        };

        Assert.Equal(["evidence.description", "justification", "note", "text"], Errors(answer).Keys.Order());
    }
}
