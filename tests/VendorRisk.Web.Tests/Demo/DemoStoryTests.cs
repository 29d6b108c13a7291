using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.QuestionSets.Interchange;
using VendorRisk.Domain.Scoring;
using VendorRisk.Web.Tests.Compare;

namespace VendorRisk.Web.Tests.Demo;

/// <summary>The demo assessments, answered on the shipped checklist, tell the stories the README tells.</summary>
public sealed class DemoStoryTests
{
    private static readonly DateOnly AsOf = new(2026, 11, 25);

    private static QuestionSetDefinition Set(string key) =>
        QuestionSetFormat.Parse(File.ReadAllText(CompareTestData.SeedFile("question-sets", $"{key}.json"))).Definition!;

    private static AssessmentScore Score(string demoFile, string key = CompareTestData.FrontierKey) =>
        ScoringEngine.Score(Set(key), CompareTestData.DemoAnswers(demoFile).ToDictionary(a => a.QuestionKey), AsOf);

    [Theory]
    [InlineData("northwind-cognition-atlas-3-2026", CompareTestData.FrontierKey)]
    [InlineData("northwind-cognition-reassessment-2027", CompareTestData.FrontierKey)]
    [InlineData("quillmoor-ai-quill-2-2026", CompareTestData.FrontierKey)]
    [InlineData("lumenfall-models-lumen-large-4-2026", CompareTestData.FrontierKey)]
    [InlineData("zephyrine-intelligence-zephyr-ultra-2026", CompareTestData.FrontierKey)]
    [InlineData("brackenridge-neural-bracken-reason-pilot", CompareTestData.FrontierKey)]
    [InlineData("brackenridge-neural-quick-screen", CompareTestData.QuickScreenKey)]
    public void Every_demo_answer_is_valid_on_the_shipped_set(string demoFile, string key)
    {
        var set = Set(key);
        foreach (var answer in CompareTestData.DemoAnswers(demoFile))
        {
            var result = AnswerValidator.Validate(set, answer);
            Assert.True(result.IsValid, $"{demoFile}: {answer.QuestionKey}: {result}");
        }
    }

    [Fact]
    public void Northwind_is_the_clear_leader_with_no_knockout()
    {
        var northwind = Score("northwind-cognition-atlas-3-2026");
        string[] others = ["quillmoor-ai-quill-2-2026", "lumenfall-models-lumen-large-4-2026", "zephyrine-intelligence-zephyr-ultra-2026", "brackenridge-neural-bracken-reason-pilot"];

        Assert.Empty(northwind.Knockouts);
        Assert.Equal("Low", northwind.Rating);
        Assert.All(others, other => Assert.True(northwind.Overall > Score(other).Overall + 10, other));
    }

    [Fact]
    public void Lumenfall_is_capped_by_one_knockout_the_missing_incident_notification_clause()
    {
        var lumenfall = Score("lumenfall-models-lumen-large-4-2026");

        Assert.Equal(["security-incident-notification"], lumenfall.Knockouts);
        Assert.Equal("Moderate", lumenfall.BandRating);
        Assert.Equal("High", lumenfall.Rating);
    }

    [Fact]
    public void The_Brackenridge_pilot_has_exactly_one_knockout_a_risk_a_short_pilot_can_accept()
    {
        var pilot = Score("brackenridge-neural-bracken-reason-pilot");

        Assert.Equal(["exit-plan"], pilot.Knockouts);
    }

    [Fact]
    public void Zephyrine_fails_the_buyer_protecting_controls_and_withheld_answers_show_as_declined()
    {
        var zephyrine = Score("zephyrine-intelligence-zephyr-ultra-2026");
        var declined = CompareTestData.DemoAnswers("zephyrine-intelligence-zephyr-ultra-2026").Where(a => a.Choice == "declined").Select(a => a.QuestionKey);

        Assert.Contains("customer-data-training-use", zephyrine.Knockouts);
        Assert.Contains("buyer-eligibility", zephyrine.Knockouts);
        Assert.Contains("security-attestation", declined);
        Assert.Equal("Critical", zephyrine.Rating);
    }

    [Fact]
    public void Lumenfall_leads_Quillmoor_until_safety_posture_weighs_more_than_twice_as_much()
    {
        double Overall(string file, double safety) => ScoringEngine.Score(Set(CompareTestData.FrontierKey),
            CompareTestData.DemoAnswers(file).ToDictionary(a => a.QuestionKey), AsOf, new Dictionary<string, double> { ["safety-posture"] = safety }).Overall!.Value;

        Assert.True(Overall("lumenfall-models-lumen-large-4-2026", 1) > Overall("quillmoor-ai-quill-2-2026", 1));
        Assert.True(Overall("quillmoor-ai-quill-2-2026", 2.5) > Overall("lumenfall-models-lumen-large-4-2026", 2.5));
    }
}
