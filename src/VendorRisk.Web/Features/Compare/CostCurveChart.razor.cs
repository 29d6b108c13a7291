using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>Monthly cost (log-scale y) against volume (log-scale x, 0.1× to 10× the profile), one line per vendor, with the points where the cheapest vendor changes.</summary>
public partial class CostCurveChart
{
    private const double Width = 720, Height = 300, Left = 72, Right = 16, Top = 16, Bottom = 46;
    private static readonly double[] XTicks = [0.1, 0.3, 1, 3, 10];

    // Both axes are logarithmic: cost grows in proportion to volume, so log–log keeps lines straight and gaps comparable.
    private double _lowUsd = 1, _highUsd = 10;
    private List<double> YTicks { get; set; } = [];

    private string AriaLabel => "Monthly cost against volume, both on log scales. " + string.Join(" ", Curve.CheapestChanges.Select(ChangeText));

    protected override void OnParametersSet()
    {
        var known = Curve.Series.SelectMany(s => s.MonthlyUsd).Where(v => v is > 0).Select(v => v!.Value).ToList();
        var min = known.DefaultIfEmpty(1).Min();
        var max = known.DefaultIfEmpty(10).Max();
        _lowUsd = Math.Pow(10, Math.Floor(Math.Log10(min)));
        _highUsd = Math.Pow(10, Math.Ceiling(Math.Log10(max)));
        if (_highUsd <= _lowUsd)
            _highUsd = _lowUsd * 10;
        var decades = (int)Math.Round(Math.Log10(_highUsd / _lowUsd));
        // 1-2-5 ticks over a few decades, powers of ten only when there are many.
        double[] steps = decades <= 3 ? [1, 2, 5] : [1];
        YTicks = [.. Enumerable.Range(0, decades + 1)
            .SelectMany(d => steps.Select(m => m * _lowUsd * Math.Pow(10, d)))
            .Where(v => v <= _highUsd * 1.0000001)];
    }

    private static double X(double factor) =>
        Left + (Math.Log10(factor) - Math.Log10(CostCurve.LowestFactor)) / (Math.Log10(CostCurve.HighestFactor) - Math.Log10(CostCurve.LowestFactor)) * (Width - Left - Right);

    /// <summary>A zero cost cannot sit on a log scale: it is drawn on the bottom edge.</summary>
    private double Y(double usd) =>
        Height - Bottom - (Math.Log10(Math.Max(usd, _lowUsd)) - Math.Log10(_lowUsd)) / (Math.Log10(_highUsd) - Math.Log10(_lowUsd)) * (Height - Top - Bottom);

    private string PathOf(CostSeries series)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < series.MonthlyUsd.Count; i++)
        {
            if (series.MonthlyUsd[i] is { } usd)
                builder.Append(F(X(Curve.VolumeFactors[i]))).Append(',').Append(F(Y(usd))).Append(' ');
        }

        return builder.ToString().TrimEnd();
    }

    private string ColorOf(int series) => Colors?.GetValueOrDefault(Curve.Series[series].AssessmentId) ?? ChartPalette.For(series);

    private string NameOf(int assessmentId) => Names.GetValueOrDefault(assessmentId, $"#{assessmentId}");

    private string ChangeText(CheapestChange change) =>
        change.FromAssessmentId is { } from
            ? $"From {Tokens(change.InputTokensPerMonth)} input tokens a month ({Times(change.VolumeFactor)} the profile), {NameOf(change.ToAssessmentId)} is cheaper than {NameOf(from)}."
            : Curve.CheapestChanges.Count == 1
                ? $"{NameOf(change.ToAssessmentId)} is the cheapest from {Times(CostCurve.LowestFactor)} to {Times(CostCurve.HighestFactor)} the profile."
                : $"{NameOf(change.ToAssessmentId)} is the cheapest at {Times(change.VolumeFactor)} the profile.";

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Times(double factor) => factor.ToString(factor < 1 ? "0.##" : "0.#", CultureInfo.InvariantCulture) + "×";

    public static string Tokens(double tokens) => tokens switch
    {
        >= 1e9 => (tokens / 1e9).ToString("0.##", CultureInfo.InvariantCulture) + "B",
        >= 1e6 => (tokens / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => (tokens / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k",
        _ => tokens.ToString("0", CultureInfo.InvariantCulture),
    };

    private static string Usd(double usd) => usd switch
    {
        >= 1e6 => "$" + (usd / 1e6).ToString("0.##", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => "$" + (usd / 1e3).ToString("0.##", CultureInfo.InvariantCulture) + "k",
        _ => "$" + usd.ToString("0.##", CultureInfo.InvariantCulture),
    };
}
