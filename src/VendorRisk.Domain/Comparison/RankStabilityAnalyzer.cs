namespace VendorRisk.Domain.Comparison;

/// <summary>One assessment's per-section figures, indexed like the section keys given to the analyzer.</summary>
/// <param name="BaseWeights">The version's section weight; 0 where the version lacks the section.</param>
/// <param name="SectionScores">Null where the section has no score or the version lacks it.</param>
public sealed record StabilityCandidate(int AssessmentId, string VendorName, IReadOnlyList<double> BaseWeights, IReadOnlyList<double?> SectionScores, string? ModelName = null);

/// <summary>
/// Rank stability, scoring.md §7. With one section's multiplier m free, each overall score is
/// O(m) = (A + m·a) / (B + m·b), where a = w·S and b = w (both 0 when the section has no score).
/// The sign of O_j − O_L is the sign of the quadratic
/// (A_j + m·a_j)(B_L + m·b_L) − (A_L + m·a_L)(B_j + m·b_j), so its roots split [0, 5] into pieces on
/// which "j strictly leads L" does not change, and the crossovers are exact.
/// </summary>
public static class RankStabilityAnalyzer
{
    public const double MinMultiplier = 0;
    public const double MaxMultiplier = 5;
    private const double TieTolerance = 1e-9;

    public static RankStability Analyze(IReadOnlyList<string> sectionKeys, IReadOnlyList<double> multipliers, IReadOnlyList<StabilityCandidate> candidates)
    {
        ArgumentNullException.ThrowIfNull(sectionKeys);
        ArgumentNullException.ThrowIfNull(multipliers);
        ArgumentNullException.ThrowIfNull(candidates);

        var count = candidates.Count;
        if (count < 2)
        {
            return RankStability.StableRanking;
        }

        var coefficients = new Coefficients[count];
        var criticalPoints = new List<double>(8);
        var roots = new double[2];

        Fill(coefficients, candidates, multipliers, section: 0);
        var leader = TopAt(coefficients, candidates, multipliers[0]);
        if (Overall(coefficients[leader], multipliers[0]) is null)
        {
            return RankStability.StableRanking;
        }

        var bestSection = -1;
        double bestDistance = double.PositiveInfinity, bestCrossover = 0;
        var bestDirection = 0;

        for (var section = 0; section < sectionKeys.Count; section++)
        {
            Fill(coefficients, candidates, multipliers, section);
            var current = multipliers[section];
            var leaderCoefficients = coefficients[leader];

            for (var j = 0; j < count; j++)
            {
                if (j == leader)
                {
                    continue;
                }

                var challenger = coefficients[j];
                criticalPoints.Clear();
                criticalPoints.Add(MinMultiplier);
                criticalPoints.Add(MaxMultiplier);
                criticalPoints.Add(current);
                var rootCount = DifferenceRoots(challenger, leaderCoefficients, roots);
                for (var r = 0; r < rootCount; r++)
                {
                    if (roots[r] > MinMultiplier && roots[r] < MaxMultiplier)
                    {
                        criticalPoints.Add(roots[r]);
                    }
                }

                criticalPoints.Sort();

                // The ends of the range can be lone points of strict lead (an overall that only exists for m > 0).
                foreach (var end in (ReadOnlySpan<double>)[MinMultiplier, MaxMultiplier])
                {
                    if (end != current && StrictlyLeads(challenger, leaderCoefficients, end))
                    {
                        Consider(section, end, 0);
                    }
                }

                for (var k = 0; k + 1 < criticalPoints.Count; k++)
                {
                    double low = criticalPoints[k], high = criticalPoints[k + 1];
                    if (high <= low || !StrictlyLeads(challenger, leaderCoefficients, (low + high) / 2))
                    {
                        continue;
                    }

                    // The current multiplier is itself a critical point, so it is never strictly inside.
                    if (current <= low)
                    {
                        Consider(section, low, +1);
                    }
                    else
                    {
                        Consider(section, high, -1);
                    }
                }
            }
        }

        if (bestSection < 0)
        {
            return RankStability.StableRanking;
        }

        var newLeader = NewLeaderBeyond(coefficients, candidates, multipliers, bestSection, bestCrossover, bestDirection, leader, roots);
        return new RankStability(
            false,
            sectionKeys[bestSection],
            Math.Round(bestCrossover, 2, MidpointRounding.AwayFromZero),
            candidates[newLeader].AssessmentId,
            multipliers[bestSection]);

        void Consider(int section, double crossover, int direction)
        {
            var distance = Math.Abs(crossover - multipliers[section]);
            // Distances equal up to rounding noise are ties: they go to the earlier section, and within a section to the lower multiplier.
            if (distance < bestDistance - TieTolerance
                || (distance <= bestDistance + TieTolerance && section == bestSection && crossover < bestCrossover))
            {
                (bestSection, bestDistance, bestCrossover, bestDirection) = (section, distance, crossover, direction);
            }
        }
    }

    private readonly record struct Coefficients(double A, double B, double SectionNumerator, double SectionWeight);

    private static void Fill(Coefficients[] coefficients, IReadOnlyList<StabilityCandidate> candidates, IReadOnlyList<double> multipliers, int section)
    {
        for (var i = 0; i < candidates.Count; i++)
        {
            var candidate = candidates[i];
            double numerator = 0, denominator = 0, sectionNumerator = 0, sectionWeight = 0;
            for (var s = 0; s < multipliers.Count; s++)
            {
                if (candidate.SectionScores[s] is not { } score)
                {
                    continue;
                }

                var weight = candidate.BaseWeights[s];
                if (s == section)
                {
                    sectionNumerator = weight * score;
                    sectionWeight = weight;
                }
                else
                {
                    numerator += weight * multipliers[s] * score;
                    denominator += weight * multipliers[s];
                }
            }

            coefficients[i] = new Coefficients(numerator, denominator, sectionNumerator, sectionWeight);
        }
    }

    private static double? Overall(in Coefficients c, double m)
    {
        var denominator = c.B + m * c.SectionWeight;
        return denominator > 0 ? (c.A + m * c.SectionNumerator) / denominator : null;
    }

    private static bool StrictlyLeads(in Coefficients challenger, in Coefficients leader, double m)
    {
        if (Overall(challenger, m) is not { } challengerScore)
        {
            return false;
        }

        return Overall(leader, m) is not { } leaderScore || challengerScore > leaderScore;
    }

    private static int DifferenceRoots(in Coefficients j, in Coefficients l, double[] roots)
    {
        var c2 = j.SectionNumerator * l.SectionWeight - l.SectionNumerator * j.SectionWeight;
        var c1 = j.A * l.SectionWeight + j.SectionNumerator * l.B - l.A * j.SectionWeight - l.SectionNumerator * j.B;
        var c0 = j.A * l.B - l.A * j.B;
        if (c2 == 0)
        {
            if (c1 == 0)
            {
                return 0;
            }

            roots[0] = -c0 / c1;
            return 1;
        }

        var discriminant = c1 * c1 - 4 * c2 * c0;
        if (discriminant < 0)
        {
            return 0;
        }

        // The cancellation-free form of the quadratic formula.
        var q = -0.5 * (c1 + (c1 >= 0 ? 1 : -1) * Math.Sqrt(discriminant));
        roots[0] = q / c2;
        roots[1] = q != 0 ? c0 / q : roots[0];
        return 2;
    }

    private static int TopAt(Coefficients[] coefficients, IReadOnlyList<StabilityCandidate> candidates, double m)
    {
        var top = 0;
        var topScore = Overall(coefficients[0], m);
        for (var i = 1; i < coefficients.Length; i++)
        {
            var score = Overall(coefficients[i], m);
            if (RankingOrder.Compare(score, candidates[i].VendorName, candidates[i].ModelName, candidates[i].AssessmentId,
                    topScore, candidates[top].VendorName, candidates[top].ModelName, candidates[top].AssessmentId) < 0)
            {
                (top, topScore) = (i, score);
            }
        }

        return top;
    }

    // Just past the crossover, several vendors may overtake at once; the one ranked first there leads.
    private static int NewLeaderBeyond(Coefficients[] coefficients, IReadOnlyList<StabilityCandidate> candidates,
        IReadOnlyList<double> multipliers, int section, double crossover, int direction, int leader, double[] roots)
    {
        Fill(coefficients, candidates, multipliers, section);
        var probe = crossover;
        if (direction != 0)
        {
            var gap = direction > 0 ? MaxMultiplier - crossover : crossover - MinMultiplier;
            for (var i = 0; i < coefficients.Length; i++)
            {
                for (var j = 0; j < coefficients.Length; j++)
                {
                    if (i == j)
                    {
                        continue;
                    }

                    var rootCount = DifferenceRoots(coefficients[i], coefficients[j], roots);
                    for (var r = 0; r < rootCount; r++)
                    {
                        var ahead = (roots[r] - crossover) * direction;
                        if (ahead > 1e-12 && ahead < gap)
                        {
                            gap = ahead;
                        }
                    }
                }
            }

            probe = crossover + direction * Math.Min(1e-6, gap / 2);
        }

        var top = TopAt(coefficients, candidates, probe);
        if (top != leader)
        {
            return top;
        }

        // Floating-point noise at the probe: fall back to the best-placed challenger.
        var best = -1;
        for (var i = 0; i < coefficients.Length; i++)
        {
            if (i != leader && (best < 0 || RankingOrder.Compare(Overall(coefficients[i], probe), candidates[i].VendorName, candidates[i].ModelName, candidates[i].AssessmentId,
                    Overall(coefficients[best], probe), candidates[best].VendorName, candidates[best].ModelName, candidates[best].AssessmentId) < 0))
            {
                best = i;
            }
        }

        return best;
    }
}
