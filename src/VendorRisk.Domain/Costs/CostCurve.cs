namespace VendorRisk.Domain.Costs;

public sealed record CostCurveInput(int AssessmentId, QuestionSetDefinition QuestionSet, IReadOnlyDictionary<string, AnswerValue> Answers);

/// <param name="MonthlyUsd">Month-1 cost at each of <see cref="CostCurve.VolumeFactors"/>; null entries when the price is unknown.</param>
public sealed record CostSeries(int AssessmentId, IReadOnlyList<double?> MonthlyUsd);

/// <param name="FromAssessmentId">The cheapest below this volume; null at the lowest volume of the curve.</param>
public sealed record CheapestChange(double VolumeFactor, double InputTokensPerMonth, double OutputTokensPerMonth, int? FromAssessmentId, int ToAssessmentId);

/// <param name="VolumeFactors">Log-spaced multiples of the profile's volume, 0.1× to 10×.</param>
/// <param name="CheapestChanges">Where the cheapest vendor (of those with a known price) changes, solved exactly; the first entry is the cheapest at 0.1×.</param>
public sealed record CostCurve(IReadOnlyList<double> VolumeFactors, IReadOnlyList<CostSeries> Series, IReadOnlyList<CheapestChange> CheapestChanges)
{
    public const double LowestFactor = 0.1;
    public const double HighestFactor = 10;

    public static CostCurve Build(IReadOnlyList<CostCurveInput> inputs, WorkloadProfile profile, int points = 41)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(points, 2);

        var factors = new double[points];
        for (var i = 0; i < points; i++)
        {
            factors[i] = LowestFactor * Math.Pow(HighestFactor / LowestFactor, (double)i / (points - 1));
        }

        var pricings = inputs.Select(i => CostProjection.ReadPriceCard(i.QuestionSet, i.Answers)).ToList();
        var firstMonth = CostProjection.VolumeFactor(profile, 1);
        var series = new List<CostSeries>(inputs.Count);
        for (var v = 0; v < inputs.Count; v++)
        {
            var pricing = pricings[v];
            series.Add(new CostSeries(inputs[v].AssessmentId,
                [.. factors.Select(f => pricing.MonthCost(profile.InputTokensPerMonth * firstMonth * f, profile.OutputTokensPerMonth * firstMonth * f, profile))]));
        }

        return new CostCurve(factors, series, FindCheapestChanges(inputs, pricings, profile));
    }

    // Each cost is max(minimum, f × usage at 1×): piecewise linear in the factor f, so the cheapest
    // vendor can only change at a kink or where a minimum meets another vendor's usage line.
    private static List<CheapestChange> FindCheapestChanges(IReadOnlyList<CostCurveInput> inputs, List<PriceCard> pricings, WorkloadProfile profile)
    {
        var known = Enumerable.Range(0, inputs.Count).Where(i => pricings[i].IsPriceKnown).ToList();
        var changes = new List<CheapestChange>();
        if (known.Count == 0)
        {
            return changes;
        }

        var firstMonth = CostProjection.VolumeFactor(profile, 1);
        var slopes = known.ToDictionary(i => i, i => pricings[i].UsageCost(profile.InputTokensPerMonth * firstMonth, profile.OutputTokensPerMonth * firstMonth, profile)!.Value);
        var breakpoints = new List<double> { LowestFactor, HighestFactor };
        // Two usage lines through the origin never cross and two minimums are flat, so the only
        // candidates are where a minimum meets a usage line (its own: the kink).
        foreach (var i in known)
        {
            foreach (var j in known)
            {
                if (slopes[j] > 0)
                {
                    breakpoints.Add(pricings[i].MonthlyMinimumUsd / slopes[j]);
                }
            }
        }

        var ordered = breakpoints.Where(b => b >= LowestFactor && b <= HighestFactor).Distinct().Order().ToList();
        int? cheapest = null;
        for (var k = 0; k < ordered.Count - 1; k++)
        {
            var probe = Math.Sqrt(ordered[k] * ordered[k + 1]);
            var winner = CheapestAt(known, pricings, slopes, probe);
            if (winner != cheapest)
            {
                var at = cheapest is null ? LowestFactor : ordered[k];
                changes.Add(new CheapestChange(at, profile.InputTokensPerMonth * at, profile.OutputTokensPerMonth * at,
                    cheapest is { } from ? inputs[from].AssessmentId : null, inputs[winner].AssessmentId));
                cheapest = winner;
            }
        }

        return changes;
    }

    private static int CheapestAt(List<int> known, List<PriceCard> pricings, Dictionary<int, double> slopes, double factor)
    {
        var best = known[0];
        var bestCost = double.PositiveInfinity;
        foreach (var i in known)
        {
            var cost = Math.Max(pricings[i].MonthlyMinimumUsd, factor * slopes[i]);
            if (cost < bestCost)
            {
                (best, bestCost) = (i, cost);
            }
        }

        return best;
    }
}
