using VendorRisk.Web.Features.Reports;

namespace VendorRisk.Web.Features.Shared;

/// <summary>
/// Ratings are risk levels: shown as "High risk", never a bare "High", in one colour per level everywhere
/// (chips, charts, PDF), each with at least 4.5:1 contrast against white text.
/// </summary>
public static class RiskLevels
{
    public const string NoRating = "No rating";

    /// <summary>"High" → "High risk"; a label that already speaks of risk ("Low risk") stays as it is.</summary>
    public static string Label(string? rating) =>
        rating is null ? NoRating
        : rating.Contains("risk", StringComparison.OrdinalIgnoreCase) ? rating
        : rating + " risk";

    /// <summary>The colour of a rating by its label, for lists that do not carry the question set (the usual four levels).</summary>
    public static string ColorOf(string? rating) => rating?.Trim().ToLowerInvariant().Replace(" risk", "", StringComparison.Ordinal) switch
    {
        null => RatingColors.Unrated,
        "low" or "very low" or "minimal" => RatingColors.ForRank(0, 4),
        "moderate" or "medium" => RatingColors.ForRank(1, 4),
        "high" => RatingColors.ForRank(2, 4),
        "critical" or "very high" or "severe" => RatingColors.ForRank(3, 4),
        _ => RatingColors.Unrated,
    };
}
