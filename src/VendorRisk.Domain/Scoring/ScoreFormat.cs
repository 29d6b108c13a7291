namespace VendorRisk.Domain.Scoring;

public static class ScoreFormat
{
    public const string NoScore = "—";

    /// <summary>One decimal, half away from zero, invariant culture; "—" when there is no score.</summary>
    public static string Display(double? score) =>
        score is { } value
            ? Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture)
            : NoScore;
}
