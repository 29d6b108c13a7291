namespace VendorRisk.Domain.Costs;

/// <summary>
/// The single profile field that moves the twelve-month cost most when it changes by ±25 %
/// (clamped to the field's range), with the twelve-month cost at each end.
/// </summary>
public sealed record CostSensitivity(string Field, double BaseTwelveMonthUsd, double LowerTwelveMonthUsd, double UpperTwelveMonthUsd)
{
    public const double Change = 0.25;

    /// <summary>The fields that can move the twelve-month cost, in the order of scoring.md §8.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        ProfileFields.InputTokens, ProfileFields.OutputTokens, ProfileFields.Agentic, ProfileFields.Peak, ProfileFields.MonthlyGrowth,
        ProfileFields.CachedInputShare, ProfileFields.BatchShare, ProfileFields.ReasoningRatio,
    ];

    /// <summary>The largest absolute change of either end; ties go to the earlier field.</summary>
    public double Swing => Math.Max(Math.Abs(UpperTwelveMonthUsd - BaseTwelveMonthUsd), Math.Abs(LowerTwelveMonthUsd - BaseTwelveMonthUsd));

    /// <summary>Null when a price is unknown.</summary>
    public static CostSensitivity? Find(PriceCard card, WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(profile);
        if (CostProjection.Project(card, profile).TwelveMonthUsd is not { } baseline)
        {
            return null;
        }

        CostSensitivity? best = null;
        foreach (var field in Fields)
        {
            var value = profile.Get(field)!.Value;
            var lower = TwelveMonths(card, profile.With(field, Clamp(field, value * (1 - Change))));
            var upper = TwelveMonths(card, profile.With(field, Clamp(field, value * (1 + Change))));
            var candidate = new CostSensitivity(field, baseline, lower, upper);
            if (best is null || candidate.Swing > best.Swing)
            {
                best = candidate;
            }
        }

        return best;
    }

    private static double TwelveMonths(PriceCard card, WorkloadProfile profile) => CostProjection.Project(card, profile).TwelveMonthUsd!.Value;

    private static double Clamp(string field, double value) => field switch
    {
        ProfileFields.MonthlyGrowth or ProfileFields.CachedInputShare or ProfileFields.BatchShare => Math.Min(1, value),
        ProfileFields.ReasoningRatio => Math.Min(WorkloadProfile.MaxReasoningRatio, value),
        _ => value,
    };
}
