using VendorRisk.Domain.Assessments;
using VendorRisk.Domain.QuestionSets;

namespace VendorRisk.Domain.Costs;

/// <summary>Null amounts and a null risk are unknown (shown "unknown"), never 0.</summary>
public sealed record CostEstimate(double? NormalMonthUsd, double? PeakMonthUsd, double? TwelveMonthUsd, bool? ThrottlingRisk);

/// <summary>The vendor's answers to the cost-role questions. Prices null when unknown.</summary>
public sealed record VendorPricing(double? InputPerMTok, double? OutputPerMTok, double MonthlyMinimumUsd, double? RateLimitTokensPerMinute)
{
    public bool IsPriceKnown => InputPerMTok is not null && OutputPerMTok is not null;

    /// <summary>Usage cost before the monthly minimum; null when a price is unknown.</summary>
    public double? UsageCost(double inputTokens, double outputTokens) =>
        IsPriceKnown ? inputTokens / 1e6 * InputPerMTok!.Value + outputTokens / 1e6 * OutputPerMTok!.Value : null;

    public double? MonthCost(double inputTokens, double outputTokens) =>
        UsageCost(inputTokens, outputTokens) is { } usage ? Math.Max(MonthlyMinimumUsd, usage) : null;
}

/// <summary>Cost at scale, scoring.md §7.</summary>
public static class CostProjection
{
    public const double MinutesPerMonth = 43_200;

    public static CostEstimate Project(QuestionSetDefinition set, IReadOnlyDictionary<string, AnswerValue> answers, WorkloadProfile profile) =>
        Project(ReadPricing(set, answers), profile);

    public static CostEstimate Project(VendorPricing pricing, WorkloadProfile profile)
    {
        ArgumentNullException.ThrowIfNull(pricing);
        ArgumentNullException.ThrowIfNull(profile);

        var surge = profile.Peak * profile.Agentic;
        var peakInput = profile.InputTokensPerMonth * surge;
        var peakOutput = profile.OutputTokensPerMonth * surge;
        var normal = pricing.MonthCost(profile.InputTokensPerMonth, profile.OutputTokensPerMonth);
        var peak = pricing.MonthCost(peakInput, peakOutput);
        bool? throttling = pricing.RateLimitTokensPerMinute is { } limit
            ? (peakInput + peakOutput) / MinutesPerMonth > limit
            : null;
        return new CostEstimate(normal, peak, normal is { } n && peak is { } p ? 11 * n + p : null, throttling);
    }

    /// <summary>A missing, N/A or absent price is unknown; a missing minimum counts as 0.</summary>
    public static VendorPricing ReadPricing(QuestionSetDefinition set, IReadOnlyDictionary<string, AnswerValue> answers)
    {
        ArgumentNullException.ThrowIfNull(set);
        ArgumentNullException.ThrowIfNull(answers);
        double? input = null, output = null, minimum = null, rateLimit = null;
        foreach (var section in set.Sections)
        {
            foreach (var question in section.Questions)
            {
                if (question.Role is null || question.Type != QuestionType.Number)
                {
                    continue;
                }

                double? value = answers.TryGetValue(question.Key, out var answer) && !answer.NotApplicable
                    && answer.Number is { } number && double.IsFinite(number)
                    ? number
                    : null;
                switch (question.Role)
                {
                    case CostRoles.PriceInputPerMTok: input = value; break;
                    case CostRoles.PriceOutputPerMTok: output = value; break;
                    case CostRoles.MonthlyMinimumUsd: minimum = value; break;
                    case CostRoles.RateLimitTokensPerMinute: rateLimit = value; break;
                }
            }
        }

        return new VendorPricing(input, output, minimum ?? 0, rateLimit);
    }
}
