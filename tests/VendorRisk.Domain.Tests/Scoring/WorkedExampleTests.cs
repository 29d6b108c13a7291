using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Scoring;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Scoring;

/// <summary>scoring.md §6, figure by figure.</summary>
public class WorkedExampleTests
{
    private const double Tolerance = 1e-9;
    private static readonly DateOnly AsOf = new(2026, 11, 25);

    private static AssessmentScore ScoreWorkedExample()
    {
        var set = new QuestionSetBuilder()
            .Section("a", 3,
                Choice("q1", weight: 2),
                Multi("q2", weight: 1, maxScore: 3),
                Choice("q3", weight: 1, critical: true))
            .Section("b", 1,
                Number("q4", weight: 1),
                Choice("q5", allowNotApplicable: true))
            .Build();
        var answers = Answers.Of(
            Answers.Choice("q1", "good", new Evidence("Docs page", EvidenceSource.PublicDocumentation, AsOf.AddMonths(-1))),
            Answers.Choices("q2", "a", "b"),
            Answers.Number("q4", 4),
            Answers.NotApplicable("q5"));
        return ScoringEngine.Score(set, answers, AsOf);
    }

    [Fact]
    public void Overall_score_is_59_375_rated_High()
    {
        var score = ScoreWorkedExample();

        Assert.Equal(59.375, score.Overall!.Value, Tolerance);
        Assert.Equal("59.4", ScoreFormat.Display(score.Overall));
        Assert.Equal("High", score.BandRating);
        Assert.Equal("High", score.Rating);
    }

    [Fact]
    public void Section_scores_are_54_17_and_75()
    {
        var score = ScoreWorkedExample();

        Assert.Equal(100 * (2 * 0.75 + 2.0 / 3 + 0) / 4, score.Sections[0].Score!.Value, Tolerance);
        Assert.Equal(54.166666666666664, score.Sections[0].Score!.Value, Tolerance);
        Assert.Equal("54.2", ScoreFormat.Display(score.Sections[0].Score));
        Assert.Equal(75, score.Sections[1].Score!.Value, Tolerance);
        Assert.Equal([3.0, 1.0], score.Sections.Select(s => s.Weight));
    }

    [Fact]
    public void Q3_is_the_knockout()
    {
        var score = ScoreWorkedExample();

        Assert.Equal(["q3"], score.Knockouts);
        Assert.True(score.Questions.Single(q => q.Key == "q3").Knockout);
    }

    [Fact]
    public void Completeness_is_80_and_evidence_strength_16_67()
    {
        var score = ScoreWorkedExample();

        Assert.Equal(80, score.Completeness, Tolerance);
        Assert.Equal(16.666666666666668, score.EvidenceStrength!.Value, Tolerance);
    }

    [Fact]
    public void Per_question_breakdown_traces_the_section_scores()
    {
        var score = ScoreWorkedExample();
        var byKey = score.Questions.ToDictionary(q => q.Key);

        Assert.Equal(0.75, byKey["q1"].P!.Value, Tolerance);
        Assert.Equal(2.0 / 3, byKey["q2"].P!.Value, Tolerance);
        Assert.Null(byKey["q3"].P);
        Assert.False(byKey["q3"].Answered);
        Assert.True(byKey["q5"].NotApplicable);
        Assert.Null(byKey["q5"].P);
        Assert.Equal(37.5, byKey["q1"].Contribution, Tolerance);
        foreach (var section in score.Sections)
        {
            var sum = score.Questions.Where(q => q.SectionKey == section.Key).Sum(q => q.Contribution);
            Assert.Equal(section.Score!.Value, sum, Tolerance);
        }

        Assert.Equal((2, 3), (score.Sections[0].Answered, score.Sections[0].Total));
        Assert.Equal((2, 2), (score.Sections[1].Answered, score.Sections[1].Total));
    }
}
