using BenchmarkDotNet.Attributes;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Comparison;
using VendorRisk.Domain.QuestionSets;
using VendorRisk.Domain.Scoring;

namespace VendorRisk.Benchmarks;

[MemoryDiagnoser]
public class ScoringBenchmarks
{
    private QuestionSetDefinition _set = null!;
    private IReadOnlyDictionary<string, AnswerValue> _answers = null!;
    private List<ComparisonInput> _vendors = null!;
    private readonly Dictionary<string, double> _multipliers = new() { ["section-2"] = 2.5, ["section-5"] = 0.5 };
    private readonly AssessmentScore[] _scores = new AssessmentScore[BenchmarkData.VendorCount];

    [GlobalSetup]
    public void Setup()
    {
        _set = BenchmarkData.BuildSet();
        _answers = BenchmarkData.BuildAnswers(_set, 1);
        _vendors = BenchmarkData.BuildVendors();
        _thousand = Enumerable.Range(0, 1000).Select(seed => BenchmarkData.BuildAnswers(_set, seed)).ToArray();
    }

    private IReadOnlyDictionary<string, AnswerValue>[] _thousand = null!;

    [Benchmark(Description = "Score 1,000 assessments (64 questions each)")]
    public double ScoreOneThousandAssessments()
    {
        var total = 0.0;
        foreach (var answers in _thousand)
            total += ScoringEngine.Score(_set, answers, BenchmarkData.AsOf).Overall ?? 0;
        return total;
    }

    [Benchmark(Description = "Score one assessment (64 questions)")]
    public AssessmentScore ScoreOneAssessment() => ScoringEngine.Score(_set, _answers, BenchmarkData.AsOf);

    [Benchmark(Description = "Re-score and re-rank 10 vendors for a weight change")]
    public IReadOnlyList<RankedAssessment> RescoreTenVendorsForWeightChange()
    {
        for (var i = 0; i < _vendors.Count; i++)
        {
            _scores[i] = ScoringEngine.Score(_vendors[i].QuestionSet, _vendors[i].Answers, _vendors[i].AsOf, _multipliers);
        }

        return ComparisonEngine.Rank(_vendors, _scores);
    }
}
