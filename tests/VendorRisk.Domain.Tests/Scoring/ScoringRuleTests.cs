using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Scoring;

public class ScoringRuleTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateOnly AsOf = new(2026, 11, 25);

    private static AssessmentScore Score(QuestionSetDefinition set, params AnswerValue[] answers) =>
        ScoringEngine.Score(set, Answers.Of(answers), AsOf);

    [Fact]
    public void Unanswered_counts_as_zero_and_stays_in_the_denominator()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Choice("q2")).Build();

        var score = Score(set, Answers.Choice("q1", "full"));

        Assert.Equal(50, score.Overall!.Value, Tolerance);
        Assert.Equal(50, score.Completeness, Tolerance);
    }

    [Fact]
    public void Not_applicable_leaves_numerator_and_denominator()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Choice("q2", allowNotApplicable: true)).Build();

        var score = Score(set, Answers.Choice("q1", "full"), Answers.NotApplicable("q2"));

        Assert.Equal(100, score.Overall!.Value, Tolerance);
        Assert.Equal(100, score.Completeness, Tolerance);
    }

    [Fact]
    public void Not_applicable_on_a_question_that_does_not_allow_it_counts_as_unanswered()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Choice("q2")).Build();

        var score = Score(set, Answers.Choice("q1", "full"), Answers.NotApplicable("q2"));

        Assert.Equal(50, score.Overall!.Value, Tolerance);
    }

    [Fact]
    public void A_section_with_no_denominator_has_no_score_and_drops_out_of_the_overall()
    {
        var set = new QuestionSetBuilder()
            .Section("all-na", 5, Choice("q1", allowNotApplicable: true), Text("notes"))
            .Section("rest", 1, Choice("q2"))
            .Build();

        var score = Score(set, Answers.NotApplicable("q1"), Answers.Choice("q2", "good"));

        Assert.Null(score.Sections[0].Score);
        Assert.Equal("—", ScoreFormat.Display(score.Sections[0].Score));
        Assert.Equal(75, score.Overall!.Value, Tolerance);
    }

    [Fact]
    public void A_weight_zero_question_never_moves_a_score()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Choice("zero", weight: 0)).Build();

        var withZeroAnswered = Score(set, Answers.Choice("q1", "good"), Answers.Choice("zero", "none"));
        var withZeroUnanswered = Score(set, Answers.Choice("q1", "good"));

        Assert.Equal(75, withZeroAnswered.Overall!.Value, Tolerance);
        Assert.Equal(75, withZeroUnanswered.Overall!.Value, Tolerance);
        Assert.Equal(0, withZeroAnswered.Questions[1].Contribution);
    }

    [Fact]
    public void A_section_of_weight_zero_questions_only_has_no_score()
    {
        var set = new QuestionSetBuilder()
            .Section("zero", 1, Choice("q1", weight: 0))
            .Section("rest", 1, Choice("q2"))
            .Build();

        var score = Score(set, Answers.Choice("q1", "full"), Answers.Choice("q2", "none"));

        Assert.Null(score.Sections[0].Score);
        Assert.Equal(0, score.Overall!.Value, Tolerance);
    }

    [Fact]
    public void A_knockout_caps_the_rating_at_the_knockout_rating()
    {
        var set = new QuestionSetBuilder()
            .Section("s", 1, Choice("q1", weight: 10), Choice("gate", weight: 0, critical: true))
            .Build();

        var score = Score(set, Answers.Choice("q1", "full"), Answers.Choice("gate", "some"));

        Assert.Equal(100, score.Overall!.Value, Tolerance);
        Assert.Equal("Low", score.BandRating);
        Assert.Equal("High", score.Rating);
        Assert.Equal(["gate"], score.Knockouts);
    }

    [Fact]
    public void A_knockout_never_improves_a_worse_band_rating()
    {
        var set = new QuestionSetBuilder()
            .Section("s", 1, Choice("q1"), Choice("gate", critical: true))
            .Build();

        var score = Score(set);

        Assert.Equal("Critical", score.BandRating);
        Assert.Equal("Critical", score.Rating);
    }

    [Fact]
    public void A_critical_answer_at_or_above_knockout_below_is_no_knockout()
    {
        var set = new QuestionSetBuilder()
            .Section("s", 1, Choice("gate", critical: true, knockoutBelow: 0.75))
            .Build();

        Assert.Empty(Score(set, Answers.Choice("gate", "good")).Knockouts);
        Assert.Equal(["gate"], Score(set, Answers.Choice("gate", "some")).Knockouts);
    }

    [Fact]
    public void A_critical_question_marked_not_applicable_is_no_knockout()
    {
        var set = new QuestionSetBuilder()
            .Section("s", 1, Choice("q1"), Choice("gate", critical: true, allowNotApplicable: true))
            .Build();

        var score = Score(set, Answers.Choice("q1", "full"), Answers.NotApplicable("gate"));

        Assert.Empty(score.Knockouts);
        Assert.Equal("Low", score.Rating);
    }

    [Fact]
    public void Without_an_overall_score_there_is_no_rating_but_knockouts_are_listed()
    {
        var set = new QuestionSetBuilder()
            .Section("s", 0, Choice("gate", critical: true))
            .Build();

        var score = Score(set);

        Assert.Null(score.Overall);
        Assert.Null(score.Rating);
        Assert.Null(score.BandRating);
        Assert.Equal(["gate"], score.Knockouts);
    }

    [Fact]
    public void Knockouts_are_listed_in_set_order()
    {
        var set = new QuestionSetBuilder()
            .Section("s1", 1, Choice("z-gate", critical: true))
            .Section("s2", 1, Choice("a-gate", critical: true))
            .Build();

        Assert.Equal(["z-gate", "a-gate"], Score(set).Knockouts);
    }

    [Fact]
    public void A_multi_answer_is_capped_at_one()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Multi("q", maxScore: 2)).Build();

        var score = Score(set, Answers.Choices("q", "a", "b", "c", "d"));

        Assert.Equal(1, score.Questions[0].P!.Value, Tolerance);
        Assert.Equal(100, score.Overall!.Value, Tolerance);
    }

    [Fact]
    public void A_multi_answer_with_nothing_chosen_is_answered_with_p_zero()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Multi("q")).Build();

        var score = Score(set, Answers.Choices("q"));

        Assert.True(score.Questions[0].Answered);
        Assert.Equal(0, score.Questions[0].P);
        Assert.Equal(100, score.Completeness);
        Assert.Equal(0, score.EvidenceStrength);
    }

    [Theory]
    [InlineData(0.5, 1.0)]
    [InlineData(1, 1.0)]
    [InlineData(1.0001, 0.75)]
    [InlineData(5, 0.75)]
    [InlineData(1_000_000, 0.0)]
    public void Number_bands_with_an_open_last_band(double value, double expectedP)
    {
        var set = new QuestionSetBuilder().Section("s", 1, Number("n", bands: [(1, 4), (5, 3), (null, 0)])).Build();

        Assert.Equal(expectedP, Score(set, Answers.Number("n", value)).Questions[0].P!.Value, Tolerance);
    }

    [Theory]
    [InlineData(10, 0.5)]
    [InlineData(99, 1.0)]
    [InlineData(100, 1.0)]
    [InlineData(100.5, 0.0)]
    public void Number_bands_without_an_open_last_band_give_zero_above_every_up_to(double value, double expectedP)
    {
        var set = new QuestionSetBuilder().Section("s", 1, Number("n", bands: [(10, 1), (100, 2)])).Build();

        var question = Score(set, Answers.Number("n", value)).Questions[0];

        Assert.True(question.Answered);
        Assert.Equal(expectedP, question.P!.Value, Tolerance);
    }

    [Fact]
    public void Evidence_older_than_365_days_is_halved()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Choice("q2")).Build();

        var score = Score(set,
            Answers.Choice("q1", "full", new Evidence("Pen test", EvidenceSource.IndependentTest, AsOf.AddDays(-366))),
            Answers.Choice("q2", "full", new Evidence("Contract", EvidenceSource.Contract, AsOf.AddDays(-365))));

        Assert.Equal((50 + 75) / 2.0, score.EvidenceStrength!.Value, Tolerance);
    }

    [Fact]
    public void Evidence_without_a_date_is_halved_as_it_cannot_be_shown_to_be_current()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1")).Build();

        var score = Score(set, Answers.Choice("q1", "full", new Evidence("Attested", EvidenceSource.VendorAttestation, null)));

        Assert.Equal(12.5, score.EvidenceStrength!.Value, Tolerance);
    }

    [Fact]
    public void Evidence_strength_is_null_without_answered_scored_questions()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1", allowNotApplicable: true), Text("t")).Build();

        var score = Score(set, Answers.NotApplicable("q1"), Answers.Text("t", "hello"));

        Assert.Null(score.EvidenceStrength);
        Assert.True(score.Questions[1].Answered);
        Assert.Null(score.Questions[1].P);
    }

    [Fact]
    public void The_rating_uses_the_unrounded_score()
    {
        // 59.96 displays as 60.0 but is below the Moderate band's 60.
        var set = new QuestionSetBuilder()
            .Section("s", 1, Number("n", bands: [(1, 5996), (null, 10000)]))
            .Build();

        var score = Score(set, Answers.Number("n", 0));

        Assert.Equal(59.96, score.Overall!.Value, Tolerance);
        Assert.Equal("60.0", ScoreFormat.Display(score.Overall));
        Assert.Equal("High", score.Rating);
    }

    [Fact]
    public void Text_questions_are_not_scored_and_not_in_completeness()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1"), Text("notes")).Build();

        var score = Score(set, Answers.Choice("q1", "full"));

        Assert.Equal(100, score.Completeness);
        Assert.Equal(1, score.Sections[0].Total);
    }

    [Fact]
    public void Section_multipliers_scale_the_effective_weight()
    {
        var set = new QuestionSetBuilder()
            .Section("a", 1, Choice("q1"))
            .Section("b", 1, Choice("q2"))
            .Build();
        var answers = Answers.Of(Answers.Choice("q1", "full"), Answers.Choice("q2", "none"));

        var score = ScoringEngine.Score(set, answers, AsOf, new Dictionary<string, double> { ["a"] = 3 });

        Assert.Equal(75, score.Overall!.Value, Tolerance);
        Assert.Equal(3, score.Sections[0].Weight);
    }

    [Fact]
    public void A_choice_key_not_in_the_question_counts_as_unanswered()
    {
        var set = new QuestionSetBuilder().Section("s", 1, Choice("q1")).Build();

        var question = Score(set, Answers.Choice("q1", "forged")).Questions[0];

        Assert.False(question.Answered);
        Assert.Null(question.P);
    }

    [Theory]
    [InlineData(59.95, "60.0")]
    [InlineData(0.05, "0.1")]
    [InlineData(54.166666, "54.2")]
    [InlineData(100, "100.0")]
    public void Display_rounds_half_away_from_zero_to_one_decimal(double value, string expected)
    {
        Assert.Equal(expected, ScoreFormat.Display(value));
    }
}
