namespace VendorRisk.Domain.Costs;

/// <summary>
/// The figures of scoring.md §8 for one assessment. Null amounts and a null risk are unknown
/// (shown "unknown"), never 0.
/// </summary>
/// <param name="MonthlyUsd">Months 1–12; every entry null when a price is unknown.</param>
/// <param name="PeakTokensPerMinute">Real-time tokens a minute of the peak month; known whatever the prices.</param>
/// <param name="Assumed">The price-card roles that fell back to their default, in the order of <see cref="CostRoles.All"/>.</param>
public sealed record CostEstimate(
    IReadOnlyList<double?> MonthlyUsd,
    double? NormalMonthUsd,
    double? PeakMonthUsd,
    double? TwelveMonthUsd,
    double? CostPerUnitUsd,
    double PeakTokensPerMinute,
    double? RateLimitHeadroom,
    bool? ThrottlingRisk,
    IReadOnlyList<string> Assumed);

/// <summary>
/// The price card of scoring.md §8: the answers to the cost-role questions with their fallbacks
/// resolved. Input and output prices and the rate limit stay null when unknown.
/// </summary>
public sealed record PriceCard(
    double? InputPerMTok,
    double? OutputPerMTok,
    double CachedInputPerMTok,
    double BatchDiscountPercent,
    double CommittedUseDiscountPercent,
    double ResidencySurchargePercent,
    double MonthlyMinimumUsd,
    double? RateLimitTokensPerMinute,
    IReadOnlyList<string> Assumed)
{
    public bool IsPriceKnown => InputPerMTok is not null && OutputPerMTok is not null;

    /// <summary>A card from plain figures; a null optional figure falls back as §8 says and is listed in <see cref="Assumed"/>.</summary>
    public static PriceCard From(
        double? inputPerMTok,
        double? outputPerMTok,
        double? cachedInputPerMTok = null,
        double? batchDiscountPercent = null,
        double? committedUseDiscountPercent = null,
        double? residencySurchargePercent = null,
        double? monthlyMinimumUsd = null,
        double? rateLimitTokensPerMinute = null)
    {
        var assumed = new List<string>(5);
        Assume(cachedInputPerMTok, CostRoles.PriceCachedInputPerMTok);
        Assume(batchDiscountPercent, CostRoles.BatchDiscountPercent);
        Assume(committedUseDiscountPercent, CostRoles.CommittedUseDiscountPercent);
        Assume(residencySurchargePercent, CostRoles.ResidencySurchargePercent);
        Assume(monthlyMinimumUsd, CostRoles.MonthlyMinimumUsd);
        // The cached price falls back to the input price (no cache discount); unknown with it.
        return new PriceCard(inputPerMTok, outputPerMTok, cachedInputPerMTok ?? inputPerMTok ?? 0,
            batchDiscountPercent ?? 0, committedUseDiscountPercent ?? 0, residencySurchargePercent ?? 0,
            monthlyMinimumUsd ?? 0, rateLimitTokensPerMinute, assumed);

        void Assume(double? value, string role)
        {
            if (value is null)
            {
                assumed.Add(role);
            }
        }
    }

    /// <summary>Steps 1–4 of a month's cost (before the monthly minimum); null when a price is unknown.</summary>
    public double? UsageCost(double inputTokens, double outputTokens, WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        if (!IsPriceKnown)
        {
            return null;
        }

        var c = profile.CachedInputShare;
        var list = (inputTokens * (1 - c) * InputPerMTok!.Value
            + inputTokens * c * CachedInputPerMTok
            + outputTokens * (1 + profile.ReasoningRatio) * OutputPerMTok!.Value) / 1e6;
        var afterBatch = list * (1 - profile.BatchShare * BatchDiscountPercent / 100);
        var afterCommitment = afterBatch * (1 - CommittedUseDiscountPercent / 100);
        return profile.Residency ? afterCommitment * (1 + ResidencySurchargePercent / 100) : afterCommitment;
    }

    /// <summary>Step 5: the month's bill, never below the monthly minimum; null when a price is unknown.</summary>
    public double? MonthCost(double inputTokens, double outputTokens, WorkloadProfile profile) =>
        UsageCost(inputTokens, outputTokens, profile) is { } usage ? Math.Max(MonthlyMinimumUsd, usage) : null;
}

/// <summary>Cost at scale, scoring.md §8: exact arithmetic a FinOps lead can recompute.</summary>
public static class CostProjection
{
    public const int Months = 12;

    public static CostEstimate Project(QuestionSetDefinition set, IReadOnlyDictionary<string, AnswerValue> answers, WorkloadProfile profile) =>
        Project(ReadPriceCard(set, answers), profile);

    /// <summary>Volume factor Vₘ of month m (1-based): a · (1 + g)^(m−1), times the peak in month 12.</summary>
    public static double VolumeFactor(WorkloadProfile profile, int month)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, Months);
        var factor = profile.Agentic * Math.Pow(1 + profile.MonthlyGrowth, month - 1);
        return month == Months ? factor * profile.Peak : factor;
    }

    public static CostEstimate Project(PriceCard card, WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(card);
        ArgumentNullException.ThrowIfNull(profile);

        var monthly = new double?[Months];
        double? twelve = card.IsPriceKnown ? 0 : null;
        for (var m = 1; m <= Months; m++)
        {
            var v = VolumeFactor(profile, m);
            var cost = card.MonthCost(profile.InputTokensPerMonth * v, profile.OutputTokensPerMonth * v, profile);
            monthly[m - 1] = cost;
            twelve += cost;
        }

        var peakFactor = VolumeFactor(profile, Months);
        var peakTokensPerMinute = (profile.InputTokensPerMonth * peakFactor + profile.OutputTokensPerMonth * peakFactor * (1 + profile.ReasoningRatio))
            * (1 - profile.BatchShare) / (profile.ActiveHours * 60);
        double? headroom = card.RateLimitTokensPerMinute is { } limit && peakTokensPerMinute > 0 ? limit / peakTokensPerMinute : null;
        bool? throttling = card.RateLimitTokensPerMinute is { } l ? peakTokensPerMinute > l : null;
        double? perUnit = monthly[0] is { } first && profile.Units is { } units ? first / units : null;

        return new CostEstimate(monthly, monthly[0], monthly[Months - 1], twelve, perUnit, peakTokensPerMinute, headroom, throttling, card.Assumed);
    }

    /// <summary>
    /// The price card from the answers to the set's cost-role questions. An answer that is missing,
    /// N/A, or whose question the set does not have falls back as §8 says.
    /// </summary>
    public static PriceCard ReadPriceCard(QuestionSetDefinition set, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(answers);
        var values = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var section in set.Sections)
        {
            foreach (var question in section.Questions)
            {
                if (question.Role is { } role && question.Type == QuestionType.Number
                    && answers.TryGetValue(question.Key, out var answer) && !answer.NotApplicable
                    && answer.Number is { } number && double.IsFinite(number))
                {
                    values[role] = number;
                }
            }
        }

        return PriceCard.From(
            Value(CostRoles.PriceInputPerMTok), Value(CostRoles.PriceOutputPerMTok), Value(CostRoles.PriceCachedInputPerMTok),
            Value(CostRoles.BatchDiscountPercent), Value(CostRoles.CommittedUseDiscountPercent), Value(CostRoles.ResidencySurchargePercent),
            Value(CostRoles.MonthlyMinimumUsd), Value(CostRoles.RateLimitTokensPerMinute));

        double? Value(string role) => values.TryGetValue(role, out var v) ? v : null;
    }
}
