using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>
/// The cost figures of scoring.md §8 in words, shared by the compare page and the comparison PDF so
/// that both say exactly the same thing.
/// </summary>
public static class CostWording
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Whole dollars above $100, else cents; "unknown" for null (never 0).</summary>
    public static string Money(double? usd) => usd switch
    {
        null => "unknown",
        { } v when Math.Abs(v) > 100 => "$" + v.ToString("#,##0", Inv),
        { } v => "$" + v.ToString("#,##0.00", Inv),
    };

    /// <summary>A cost per unit keeps enough digits to mean something when it is a fraction of a cent.</summary>
    public static string PerUnit(double? usd) => usd switch
    {
        null => "—",
        { } v when Math.Abs(v) >= 1 => Money(v),
        { } v when v == 0 => "$0.00",
        { } v => "$" + v.ToString("0.00##", Inv),
    };

    public static string Tokens(double tokens) => tokens switch
    {
        >= 1e12 => (tokens / 1e12).ToString("0.##", Inv) + "T",
        >= 1e9 => (tokens / 1e9).ToString("0.##", Inv) + "B",
        >= 1e6 => (tokens / 1e6).ToString("0.##", Inv) + "M",
        >= 1e3 => (tokens / 1e3).ToString("0.##", Inv) + "k",
        _ => tokens.ToString("0.##", Inv),
    };

    /// <summary>"uses 2.1× less than the limit at peak" / "exceeds the limit 1.6× at peak".</summary>
    public static string Headroom(CostEstimate estimate)
    {
        ArgumentNullException.ThrowIfNull(estimate);
        if (estimate.ThrottlingRisk is null)
            return "rate limit unknown";
        if (estimate.RateLimitHeadroom is not { } headroom)
            return "no real-time traffic at peak";
        if (estimate.ThrottlingRisk == true)
            return $"exceeds the limit {Times(1 / headroom)} at peak";
        return Math.Round(headroom, 1, MidpointRounding.AwayFromZero) <= 1
            ? "just fits under the limit at peak"
            : $"uses {Times(headroom)} less than the limit at peak";
    }

    private static string Times(double factor) => Math.Round(factor, 1, MidpointRounding.AwayFromZero).ToString("0.0", Inv) + "×";

    /// <summary>Each role of <c>assumed</c> as a sentence, in the order given.</summary>
    public static IReadOnlyList<string> Assumptions(IEnumerable<string> assumedRoles) => [.. assumedRoles.Select(Assumption)];

    public static string Assumption(string role) => role switch
    {
        CostRoles.PriceCachedInputPerMTok => "no cached-input price given: cache reads priced as ordinary input",
        CostRoles.BatchDiscountPercent => "no batch discount given: batched tokens priced at list",
        CostRoles.CommittedUseDiscountPercent => "no committed-use discount given: none applied",
        CostRoles.ResidencySurchargePercent => "no residency surcharge given: in-region processing costs nothing extra",
        CostRoles.MonthlyMinimumUsd => "no monthly minimum given: none applied",
        _ => $"no {role} given",
    };

    public static string FieldName(string field) => field switch
    {
        ProfileFields.InputTokens => "input tokens",
        ProfileFields.OutputTokens => "output tokens",
        ProfileFields.Agentic => "the agentic multiplier",
        ProfileFields.Peak => "the peak multiplier",
        ProfileFields.MonthlyGrowth => "monthly growth",
        ProfileFields.CachedInputShare => "the cached input share",
        ProfileFields.BatchShare => "the batch share",
        ProfileFields.ReasoningRatio => "the reasoning ratio",
        ProfileFields.ActiveHours => "active hours",
        ProfileFields.Units => "units of work",
        _ => field,
    };

    /// <summary>"Most sensitive to the agentic multiplier: ±25 % moves the twelve-month cost from $7,111 to $11,852."</summary>
    public static string? Sensitivity(CostSensitivity? sensitivity)
    {
        if (sensitivity is null)
            return null;
        if (sensitivity.Swing == 0)
            return "No single profile field moves the twelve-month cost by ±25 %.";
        return $"Most sensitive to {FieldName(sensitivity.Field)}: ±25 % moves the twelve-month cost from {Money(sensitivity.LowerTwelveMonthUsd)} " +
            $"to {Money(sensitivity.UpperTwelveMonthUsd)} ({Signed(sensitivity.LowerTwelveMonthUsd - sensitivity.BaseTwelveMonthUsd)} / " +
            $"{Signed(sensitivity.UpperTwelveMonthUsd - sensitivity.BaseTwelveMonthUsd)}).";
    }

    private static string Signed(double usd) => (usd < 0 ? "−" : "+") + Money(Math.Abs(usd));

    /// <summary>The whole profile in one sentence, every field named.</summary>
    public static string Profile(WorkloadProfile p)
    {
        ArgumentNullException.ThrowIfNull(p);
        var parts = new List<string>
        {
            $"{Tokens(p.InputTokensPerMonth)} input and {Tokens(p.OutputTokensPerMonth)} visible output tokens a month",
            $"agentic ×{Number(p.Agentic)} every month",
            $"peak ×{Number(p.Peak)} in month 12",
            $"growth {Percent(p.MonthlyGrowth)} a month",
            $"{Percent(p.CachedInputShare)} of input cached",
            $"{Percent(p.BatchShare)} batched",
            $"{Number(p.ReasoningRatio)} reasoning token{(p.ReasoningRatio == 1 ? "" : "s")} per output token",
            $"{Number(p.ActiveHours)} active hours a month",
            p.Residency ? "in-region processing required" : "no residency requirement",
        };
        if (p.Units is { } units)
            parts.Add($"{units.ToString("#,##0.##", Inv)} units of work a month");
        return string.Join(", ", parts) + ".";
    }

    public static string Number(double value) => value.ToString("#,##0.##", Inv);

    public static string Percent(double share) => (share * 100).ToString("0.##", Inv) + " %";
}
