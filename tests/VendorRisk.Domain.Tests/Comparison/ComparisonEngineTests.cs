using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.Costs;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.Comparison.ComparisonFixtures;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Comparison;

public class ComparisonEngineTests
{
    private static readonly QuestionSetDefinition TwoSections = ScoreSet(("security", "Security", 3), ("cost", "Cost at scale", 1));

    [Fact]
    public void Mismatched_versions_are_matched_by_key_and_one_sided_questions_reported()
    {
        var version1 = new QuestionSetBuilder("checklist")
            .Section("a", 1, Choice("q1"), Choice("q2"))
            .Section("b", 1, Choice("q3"))
            .Build();
        var version2 = new QuestionSetBuilder("checklist")
            .Section("a", 2, Choice("q1"), Choice("q4"))
            .Section("b", 1, Choice("q3"))
            .Section("c", 1, Choice("q5"))
            .Build();
        var old = new ComparisonInput(1, 10, "Vendor A", version1,
            Answers.Of(Answers.Choice("q1", "full"), Answers.Choice("q2", "good"), Answers.Choice("q3", "none")), AsOf);
        var current = new ComparisonInput(2, 20, "Vendor B", version2,
            Answers.Of(Answers.Choice("q1", "full"), Answers.Choice("q3", "some"), Answers.Choice("q4", "good")), AsOf);

        var result = ComparisonEngine.Compare([old, current], new Dictionary<string, double> { ["c"] = 2 });

        Assert.Equal(["q2"], result.OnlyIn[1]);
        Assert.Equal(["q4", "q5"], result.OnlyIn[2]);
        Assert.Equal(["a", "b", "c"], result.Sections.Select(s => s.Key));
        Assert.Equal(["q1", "q2", "q3", "q4", "q5"], result.Questions.Select(q => q.QuestionKey));

        var q1 = result.Questions[0];
        Assert.False(q1.AnswersDiffer);
        Assert.Equal(["Full", "Full"], q1.Answers.Select(a => a.Display));
        var q2 = result.Questions[1];
        Assert.Equal([true, false], q2.Answers.Select(a => a.InVersion));
        Assert.False(q2.AnswersDiffer);
        Assert.True(result.Questions[2].AnswersDiffer);

        var cRow = result.SectionMatrix.Single(r => r.SectionKey == "c");
        Assert.Null(cRow.Scores[0].Score);
        Assert.Equal(0, cRow.Scores[1].Score);
        Assert.Equal(2, result.Multipliers["c"]);
        Assert.Equal(2, result.Weights["c"]);
        Assert.Equal(1, result.Weights["a"]);
    }

    [Fact]
    public void Ranking_is_overall_descending_with_ties_by_vendor_name_then_id_and_no_score_last()
    {
        var noScoreSet = new QuestionSetBuilder("compare-set").Section("security", 1, Choice("only", allowNotApplicable: true)).Build();
        var noScore = new ComparisonInput(9, 900, "Aardvark AI", noScoreSet, Answers.Of(Answers.NotApplicable("only")), AsOf);

        var result = ComparisonEngine.Compare(
        [
            noScore,
            Vendor(4, "beta labs", TwoSections, 60, 60),
            Vendor(3, "Alpha", TwoSections, 60, 60),
            Vendor(5, "Zeta", TwoSections, 90, 90),
            Vendor(2, "Beta Labs", TwoSections, 60, 60),
        ]);

        Assert.Equal([5, 3, 2, 4, 9], result.Ranking.Select(r => r.AssessmentId));
        Assert.Equal([1, 2, 3, 4, 5], result.Ranking.Select(r => r.Rank));
        Assert.Null(result.Ranking[^1].Overall);
    }

    [Fact]
    public void Multipliers_rescore_and_rerank()
    {
        var a = Vendor(1, "Vendor A", TwoSections, 80, 40);
        var b = Vendor(2, "Vendor B", TwoSections, 50, 60);

        var defaultWeights = ComparisonEngine.Compare([a, b]);
        var costHeavy = ComparisonEngine.Compare([a, b], new Dictionary<string, double> { ["security"] = 0.2, ["cost"] = 5 });

        Assert.Equal(1, defaultWeights.Ranking[0].AssessmentId);
        Assert.Equal(70, defaultWeights.Ranking[0].Overall!.Value, 1e-9);
        Assert.Equal(2, costHeavy.Ranking[0].AssessmentId);
        Assert.Equal((0.6 * 50 + 5 * 60) / 5.6, costHeavy.Ranking[0].Overall!.Value, 1e-9);
    }

    [Fact]
    public void Cost_is_projected_when_a_profile_is_given()
    {
        var set = new QuestionSetBuilder("compare-set")
            .Section("cost", 1, Number("in", role: CostRoles.PriceInputPerMTok), Number("out", role: CostRoles.PriceOutputPerMTok))
            .Build();
        var a = new ComparisonInput(1, 1, "A", set, Answers.Of(Answers.Number("in", 2), Answers.Number("out", 8)), AsOf);
        var b = new ComparisonInput(2, 2, "B", set, Answers.Of(Answers.Number("in", 2)), AsOf);

        var result = ComparisonEngine.Compare([a, b], profile: new WorkloadProfile(1e6, 1e6));

        Assert.Equal(10, result.Cost![0].Estimate.NormalMonthUsd);
        Assert.Null(result.Cost[1].Estimate.NormalMonthUsd);
        Assert.Null(ComparisonEngine.Compare([a, b]).Cost);
    }

    [Fact]
    public void Two_assessments_of_one_vendor_are_refused()
    {
        var first = Vendor(1, "Vendor A", TwoSections, 80, 40);
        var second = Vendor(2, "Vendor A", TwoSections, 80, 40) with { VendorId = first.VendorId };

        var refusal = Assert.Throws<ComparisonRefusedException>(() => ComparisonEngine.Compare([first, second]));

        Assert.Equal("ids", refusal.Field);
        Assert.Contains("Vendor A", refusal.Message);
    }

    [Fact]
    public void Different_question_set_keys_are_refused()
    {
        var other = new QuestionSetBuilder("other-set").Section("security", 1, Choice("q")).Build();

        var refusal = Assert.Throws<ComparisonRefusedException>(() => ComparisonEngine.Compare(
            [Vendor(1, "A", TwoSections, 80, 40), new ComparisonInput(2, 2, "B", other, Answers.Of(), AsOf)]));

        Assert.Contains("different question sets", refusal.Message);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(11)]
    public void Fewer_than_two_or_more_than_ten_are_refused(int count)
    {
        var inputs = Enumerable.Range(1, count).Select(i => Vendor(i, $"V{i}", TwoSections, 50, 50)).ToList();

        Assert.Equal("ids", Assert.Throws<ComparisonRefusedException>(() => ComparisonEngine.Compare(inputs)).Field);
    }

    [Theory]
    [InlineData("security", -0.1)]
    [InlineData("security", 5.01)]
    [InlineData("security", double.NaN)]
    [InlineData("unknown-section", 1)]
    public void Multipliers_out_of_range_or_for_unknown_sections_are_refused(string section, double multiplier)
    {
        var refusal = Assert.Throws<ComparisonRefusedException>(() => ComparisonEngine.Compare(
            [Vendor(1, "A", TwoSections, 80, 40), Vendor(2, "B", TwoSections, 50, 60)],
            new Dictionary<string, double> { [section] = multiplier }));

        Assert.Equal("multipliers", refusal.Field);
    }
}
