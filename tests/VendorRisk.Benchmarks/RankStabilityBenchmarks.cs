using BenchmarkDotNet.Attributes;
using VendorRisk.Domain.Comparison;

namespace VendorRisk.Benchmarks;

[MemoryDiagnoser]
public class RankStabilityBenchmarks
{
    private List<ComparisonInput> _vendors = null!;
    private List<string> _sectionKeys = null!;
    private double[] _multipliers = null!;
    private StabilityCandidate[] _candidates = null!;
    private readonly Dictionary<string, double> _requestedMultipliers = new() { ["section-2"] = 2.5, ["section-5"] = 0.5 };

    [GlobalSetup]
    public void Setup()
    {
        _vendors = BenchmarkData.BuildVendors();
        var comparison = ComparisonEngine.Compare(_vendors, _requestedMultipliers);
        _sectionKeys = [.. comparison.Sections.Select(s => s.Key)];
        _multipliers = [.. comparison.Sections.Select(s => s.Multiplier)];
        _candidates =
        [
            .. comparison.Ranking.Select(r => new StabilityCandidate(
                r.AssessmentId,
                r.VendorName,
                [.. _vendors[0].QuestionSet.Sections.Select(s => s.Weight)],
                [.. r.Score.Sections.Select(s => s.Score)])),
        ];
    }

    [Benchmark(Description = "Rank stability search, 10 vendors × 8 sections")]
    public RankStability RankStabilitySearch() => RankStabilityAnalyzer.Analyze(_sectionKeys, _multipliers, _candidates);

    [Benchmark(Description = "Whole comparison of 10 vendors (scores, matrix, question rows, rank stability)")]
    public ComparisonResult WholeComparison() => ComparisonEngine.Compare(_vendors, _requestedMultipliers);
}
