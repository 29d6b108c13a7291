using BenchmarkDotNet.Attributes;
using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.Costs;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Benchmarks;

/// <summary>scoring.md §8: what the compare page redoes when one profile field changes, for 10 vendors.</summary>
[MemoryDiagnoser]
public class CostProjectionBenchmarks
{
    private QuestionSetDefinition _set = null!;
    private List<IReadOnlyDictionary<string, AnswerValue>> _answers = null!;
    private PriceCard[] _cards = null!;
    private WorkloadProfile _profile = null!;

    [GlobalSetup]
    public void Setup()
    {
        var baseSet = BenchmarkData.BuildSet();
        var roles = CostRoles.All;
        var cost = new Section
        {
            Key = "cost-at-scale",
            Title = "Cost at scale",
            Weight = 0,
            Questions = [.. roles.Select(role => new Question { Key = role, Text = role, Type = QuestionType.Number, Weight = 0, Role = role, Bands = [new(null, 1)] })],
        };
        _set = baseSet with { Sections = [.. baseSet.Sections, cost] };
        _answers = [];
        for (var v = 0; v < BenchmarkData.VendorCount; v++)
        {
            var answers = BenchmarkData.BuildVendors()[v].Answers.ToDictionary(a => a.Key, a => a.Value);
            double[] figures = [1 + v, 4 + 2 * v, 0.1 + 0.05 * v, 50, 5 + v, 10, v % 3 == 0 ? 1_000 : 0, 200_000 + 50_000 * v];
            for (var r = 0; r < roles.Count; r++)
            {
                // Every third vendor leaves two roles unanswered, so fallbacks are exercised too.
                if (v % 3 == 1 && r is 2 or 5)
                    continue;
                answers[roles[r]] = new AnswerValue { QuestionKey = roles[r], Number = figures[r] };
            }

            _answers.Add(answers);
        }

        _cards = [.. _answers.Select(a => CostProjection.ReadPriceCard(_set, a))];
        _profile = WorkloadProfile.Presets.Single(p => p.Name == "enterprise-agentic").Profile.With(ProfileFields.Agentic, 2.5);
    }

    [Benchmark(Description = "Re-project 10 vendors for a profile change (read price cards, 12 months each)")]
    public double? ReprojectTenVendors()
    {
        double? total = 0;
        foreach (var answers in _answers)
            total += CostProjection.Project(_set, answers, _profile).TwelveMonthUsd;
        return total;
    }

    [Benchmark(Description = "Re-project 10 vendors from cached price cards")]
    public double? ReprojectTenVendorsFromCards()
    {
        double? total = 0;
        foreach (var card in _cards)
            total += CostProjection.Project(card, _profile).TwelveMonthUsd;
        return total;
    }

    [Benchmark(Description = "Sensitivity line (±25 % of each field) for 10 vendors")]
    public int SensitivityTenVendors()
    {
        var found = 0;
        foreach (var card in _cards)
            found += CostSensitivity.Find(card, _profile) is null ? 0 : 1;
        return found;
    }
}
