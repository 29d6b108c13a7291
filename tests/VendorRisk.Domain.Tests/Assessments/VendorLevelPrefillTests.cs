using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Tests.TestSupport;
using static VendorRisk.Domain.Tests.TestSupport.QuestionSetBuilder;

namespace VendorRisk.Domain.Tests.Assessments;

public class VendorLevelPrefillTests
{
    private static readonly QuestionSetDefinition Set = new QuestionSetBuilder()
        .Section("company", 1, Choice("jurisdiction"), Choice("runway"))
        .Section("model", 1, Choice("red-teaming") with { Level = QuestionLevel.Model },
            Number("price-in", role: CostRoles.PriceInputPerMTok) with { Level = QuestionLevel.Model })
        .Build();

    [Fact]
    public void Only_vendor_level_answers_are_carried_and_model_level_questions_start_empty()
    {
        var source = Answers.Of(Answers.Choice("jurisdiction", "good"), Answers.Choice("runway", "full"),
            Answers.Choice("red-teaming", "full"), Answers.Number("price-in", 3));

        var carried = VendorLevelPrefill.Select(Set, source, Set);

        Assert.Equal(["jurisdiction", "runway"], carried.Keys.Order());
        Assert.Equal("good", carried["jurisdiction"].Choice);
    }

    [Fact]
    public void The_level_of_the_new_version_decides_and_answers_that_no_longer_fit_are_not_carried()
    {
        var newSet = new QuestionSetBuilder()
            .Section("company", 1, Choice("jurisdiction") with { Level = QuestionLevel.Model },
                Choice("runway", options: [("short", 0), ("long", 1)]))
            .Build();
        var source = Answers.Of(Answers.Choice("jurisdiction", "good"), Answers.Choice("runway", "full"));

        Assert.Empty(VendorLevelPrefill.Select(Set, source, newSet));
    }
}
