using VendorRisk.Domain.Comparison;
using static VendorRisk.Domain.Tests.Comparison.ComparisonFixtures;

namespace VendorRisk.Domain.Tests.Comparison;

public class RankStabilityTests
{
    private static readonly VendorRisk.Domain.QuestionSets.QuestionSetDefinition TwoSections =
        ScoreSet(("security", "Security", 1), ("cost", "Cost at scale", 1));

    [Fact]
    public void A_flip_is_found_at_the_hand_computed_multiplier()
    {
        // A = (80 m + 40) / (m + 1), B = (50 m + 60) / (m + 1) on Security: equal at m = 2/3, B leads below.
        // On Cost: (80 + 40 m) / (1 + m) = (50 + 60 m) / (1 + m) at m = 1.5, 0.5 away; Security's is nearer.
        var result = ComparisonEngine.Compare([Vendor(1, "Vendor A", TwoSections, 80, 40), Vendor(2, "Vendor B", TwoSections, 50, 60)]);

        Assert.Equal(1, result.Ranking[0].AssessmentId);
        Assert.Equal(new RankStability(false, "security", 0.67, 2, 1), result.RankStability);
        Assert.Equal("Vendor B would rank first if Security weighed 0.67× instead of 1×", ComparisonEngine.DescribeRankStability(result));
    }

    [Fact]
    public void The_crossover_is_measured_from_the_current_multipliers()
    {
        // With Security at 2 and Cost at 1: the Cost flip needs (160 + 40 m) = (100 + 60 m) → m = 3, 2 away;
        // Security must drop to 2/3, 1.33 away.
        var multipliers = new Dictionary<string, double> { ["security"] = 2 };

        var result = ComparisonEngine.Compare([Vendor(1, "Vendor A", TwoSections, 80, 40), Vendor(2, "Vendor B", TwoSections, 50, 60)], multipliers);

        Assert.Equal(new RankStability(false, "security", 0.67, 2, 2), result.RankStability);
    }

    [Fact]
    public void Cost_at_scale_flip_is_reported_in_words()
    {
        // Security matters little here (weight 0.2), so only Cost can turn the ranking:
        // A = (16 + 40 m) / (0.2 + m), B = (10 + 60 m) / (0.2 + m): equal at 6 = 20 m → m = 0.3, 0.2 away.
        // Security: (16 s + 4) = (10 s + 6) at s = 1/3, 0.67 away.
        var set = ScoreSet(("security", "Security", 0.2), ("cost", "Cost at scale", 1));
        var result = ComparisonEngine.Compare([Vendor(1, "Vendor A", set, 80, 40), Vendor(2, "Vendor B", set, 50, 60)],
            new Dictionary<string, double> { ["cost"] = 0.1 });

        Assert.Equal(new RankStability(false, "cost", 0.3, 2, 0.1), result.RankStability);
        Assert.Equal("Vendor B would rank first if Cost at scale weighed 0.3× instead of 0.1×", ComparisonEngine.DescribeRankStability(result));
    }

    [Fact]
    public void The_first_vendor_to_overtake_becomes_the_new_leader()
    {
        // Security: C overtakes A below 3/4 (40 m = 30), before B does below 2/3. Cost: C at 4/3, B at 3/2.
        // Nearest: Security at 0.75, a quarter away, with C leading.
        var result = ComparisonEngine.Compare(
        [
            Vendor(1, "Vendor A", TwoSections, 80, 40),
            Vendor(2, "Vendor B", TwoSections, 50, 60),
            Vendor(3, "Vendor C", TwoSections, 40, 70),
        ]);

        Assert.Equal(new RankStability(false, "security", 0.75, 3, 1), result.RankStability);
    }

    [Fact]
    public void The_new_leader_is_the_vendor_that_overtakes_first_on_that_section()
    {
        // Only Cost can flip (Security weighs 0): C crosses A at 4/3 before B at 3/2.
        var set = ScoreSet(("security", "Security", 0.0001), ("cost", "Cost at scale", 1));
        var result = ComparisonEngine.Compare(
        [
            Vendor(1, "Vendor A", set, 80, 40),
            Vendor(2, "Vendor B", set, 50, 60),
            Vendor(3, "Vendor C", set, 40, 70),
        ], new Dictionary<string, double> { ["cost"] = 0 });

        // At multiplier 0 only Security counts and A leads; C overtakes at the smallest m with 40 m·1 + 0.008 > 70 m + 0.004… solved exactly.
        Assert.False(result.RankStability.Stable);
        Assert.Equal("cost", result.RankStability.SectionKey);
        Assert.Equal(3, result.RankStability.NewLeaderAssessmentId);
    }

    [Fact]
    public void A_vendor_ahead_in_every_section_is_stable()
    {
        var result = ComparisonEngine.Compare([Vendor(1, "Vendor A", TwoSections, 90, 90), Vendor(2, "Vendor B", TwoSections, 50, 50)]);

        Assert.True(result.RankStability.Stable);
        Assert.Equal(RankStability.StableRanking, result.RankStability);
        Assert.StartsWith("Stable", ComparisonEngine.DescribeRankStability(result));
    }

    [Fact]
    public void A_tie_at_the_top_is_not_a_strict_lead()
    {
        // Identical vendors: A ranks first by name but B never strictly leads.
        var result = ComparisonEngine.Compare([Vendor(2, "Vendor B", TwoSections, 70, 60), Vendor(1, "Vendor A", TwoSections, 70, 60)]);

        Assert.Equal("Vendor A", result.Ranking[0].VendorName);
        Assert.True(result.RankStability.Stable);
    }

    [Fact]
    public void A_flip_beyond_five_is_out_of_range()
    {
        // Security at 5: the Cost flip needs 400 + 40 m = 250 + 50 m, m = 15, out of range.
        // Security itself: 80 s + 40 = 50 s + 50 at s = 1/3, 4.67 away but in range.
        var result = ComparisonEngine.Compare([Vendor(1, "Vendor A", TwoSections, 80, 40), Vendor(2, "Vendor B", TwoSections, 50, 50)],
            new Dictionary<string, double> { ["security"] = 5 });

        Assert.Equal(new RankStability(false, "security", 0.33, 2, 5), result.RankStability);
    }

    [Fact]
    public void The_analytic_crossover_matches_a_fine_grid_search()
    {
        var random = new Random(20261125);
        for (var trial = 0; trial < 40; trial++)
        {
            const int vendorCount = 4, sectionCount = 3;
            var keys = Enumerable.Range(0, sectionCount).Select(s => $"s{s}").ToList();
            var candidates = Enumerable.Range(0, vendorCount).Select(v => new StabilityCandidate(
                v + 1, $"V{v}",
                [.. keys.Select(_ => 0.5 + random.NextDouble() * 3)],
                [.. keys.Select(_ => (double?)(random.NextDouble() * 100))])).ToList();
            var multipliers = keys.Select(_ => 0.5 + random.NextDouble() * 2).ToList();

            var analytic = RankStabilityAnalyzer.Analyze(keys, multipliers, candidates);
            var grid = GridSearch(keys.Count, multipliers, candidates, step: 5e-4);

            Assert.Equal(grid is null, analytic.Stable);
            if (grid is { } found)
            {
                var analyticDistance = Math.Abs(analytic.Multiplier!.Value - multipliers[keys.IndexOf(analytic.SectionKey!)]);
                Assert.True(Math.Abs(analyticDistance - found.Distance) < 0.011, $"trial {trial}: analytic {analytic} vs grid {found}");
            }
        }
    }

    private static (int Section, double Multiplier, double Distance)? GridSearch(int sectionCount, List<double> multipliers, List<StabilityCandidate> candidates, double step)
    {
        double Overall(StabilityCandidate c, int section, double m)
        {
            double numerator = 0, denominator = 0;
            for (var s = 0; s < sectionCount; s++)
            {
                var weight = c.BaseWeights[s] * (s == section ? m : multipliers[s]);
                numerator += weight * c.SectionScores[s]!.Value;
                denominator += weight;
            }

            return numerator / denominator;
        }

        var leader = candidates.OrderByDescending(c => Overall(c, 0, multipliers[0])).First();
        (int, double, double)? best = null;
        for (var s = 0; s < sectionCount; s++)
        {
            for (var m = 0.0; m <= 5 + 1e-12; m += step)
            {
                var flips = candidates.Any(c => c != leader && Overall(c, s, m) > Overall(leader, s, m));
                var distance = Math.Abs(m - multipliers[s]);
                if (flips && (best is null || distance < best.Value.Item3))
                {
                    best = (s, m, distance);
                }
            }
        }

        return best;
    }
}
