using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.QuestionSets;
using static VendorRisk.Domain.Tests.Comparison.ComparisonFixtures;

namespace VendorRisk.Domain.Tests.Comparison;

/// <summary>scoring.md §7 on model offerings: which comparisons of one vendor are allowed, and the tie order.</summary>
public class ModelOfferingComparisonTests
{
    private static readonly QuestionSetDefinition Set = ScoreSet(("security", "Security", 1));

    private static ComparisonInput Offering(int id, int vendorId, string vendorName, int? modelId, string? modelName, int score) =>
        Vendor(id, vendorName, Set, score) with { VendorId = vendorId, ModelId = modelId, ModelName = modelName };

    [Fact]
    public void Two_offerings_of_one_vendor_are_compared_and_labelled_vendor_dot_model()
    {
        var result = ComparisonEngine.Compare(
        [
            Offering(1, 7, "Northwind AI", 70, "Atlas Large", 80),
            Offering(2, 7, "Northwind AI", 71, "Atlas Mini", 60),
        ]);

        Assert.Equal(["Northwind AI · Atlas Large", "Northwind AI · Atlas Mini"], result.Ranking.Select(r => r.Label));
        Assert.Equal([70, 71], result.Ranking.Select(r => r.ModelId ?? 0));
    }

    [Fact]
    public void An_offering_and_the_vendor_as_a_whole_are_compared()
    {
        var result = ComparisonEngine.Compare([Offering(1, 7, "Northwind AI", null, null, 80), Offering(2, 7, "Northwind AI", 70, "Atlas", 60)]);

        Assert.Equal(["Northwind AI", "Northwind AI · Atlas"], result.Ranking.Select(r => r.Label));
    }

    [Fact]
    public void Two_assessments_of_the_same_offering_are_refused_saying_why()
    {
        var refused = Assert.Throws<ComparisonRefusedException>(() => ComparisonEngine.Compare(
            [Offering(1, 7, "Northwind AI", 70, "Atlas", 80), Offering(2, 7, "Northwind AI", 70, "Atlas", 60)]));

        Assert.Equal("ids", refused.Field);
        Assert.Contains("'Northwind AI · Atlas'", refused.Message);
        Assert.Contains("different model offerings", refused.Message);
    }

    [Fact]
    public void Two_assessments_of_one_vendor_both_without_an_offering_are_refused_saying_why()
    {
        var refused = Assert.Throws<ComparisonRefusedException>(() => ComparisonEngine.Compare(
            [Offering(1, 7, "Northwind AI", null, null, 80), Offering(2, 7, "Northwind AI", null, null, 60)]));

        Assert.Contains("without a model offering", refused.Message);
    }

    [Fact]
    public void Ties_fall_back_to_vendor_name_then_model_name_with_none_first_then_assessment_id()
    {
        var result = ComparisonEngine.Compare(
        [
            Offering(5, 8, "Zephyr", 90, "Alpha", 50),
            Offering(4, 7, "Northwind AI", 71, "Mini", 50),
            Offering(3, 7, "Northwind AI", 70, "Large", 50),
            Offering(2, 7, "Northwind AI", null, null, 50),
            Offering(1, 9, "Northwind AI", 72, "Large", 50),
        ]);

        Assert.Equal([2, 1, 3, 4, 5], result.Ranking.Select(r => r.AssessmentId));
    }

    [Fact]
    public void Rank_stability_names_the_new_leader_by_its_label()
    {
        var set = ScoreSet(("security", "Security", 1), ("cost", "Cost", 1));
        var large = Vendor(1, "Northwind AI", set, 90, 10) with { VendorId = 7, ModelId = 70, ModelName = "Atlas Large" };
        var mini = Vendor(2, "Northwind AI", set, 40, 50) with { VendorId = 7, ModelId = 71, ModelName = "Atlas Mini" };

        var result = ComparisonEngine.Compare([large, mini]);

        Assert.StartsWith("Northwind AI · Atlas Mini would rank first if", ComparisonEngine.DescribeRankStability(result));
    }
}
