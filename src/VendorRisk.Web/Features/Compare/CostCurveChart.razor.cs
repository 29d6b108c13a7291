using System.Globalization;
using System.Text;
using VendorRisk.Domain.Costs;

namespace VendorRisk.Web.Features.Compare;

/// <summary>Monthly cost against volume (log-scale x, 0.1× to 10× the profile), one line per vendor, with the points where the cheapest vendor changes.</summary>
public partial class CostCurveChart
{
    private const double Width = 720, Height = 300, Left = 72, Right = 16, Top = 16, Bottom = 46;
    private static readonly double[] XTicks = [0.1, 0.3, 1, 3, 10];

    private double _maxUsd = 1;
    private List<double> YTicks { get; set; } = [];

    private string AriaLabel => "Monthly cost against volume. " + string.Join(" ", Curve.CheapestChanges.Select(ChangeText));

    protected override void OnParametersSet()
    {
        var max = Curve.Series.SelectMany(s => s.MonthlyUsd).Where(v => v is not null).Select(v => v!.Value).DefaultIfEmpty(1).Max();
        var step = NiceStep(Math.Max(max, 1) / 4);
        _maxUsd = Math.Ceiling(Math.Max(max, 1) / step) * step;
        YTicks = [.. Enumerable.Range(0, (int)Math.Round(_maxUsd / step) + 1).Select(i => i * step)];
    }

    private static double NiceStep(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var normalized = raw / magnitude;
        return (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10) * magnitude;
    }

    private static double X(double factor) =>
        Left + (Math.Log10(factor) - Math.Log10(CostCurve.LowestFactor)) / (Math.Log10(CostCurve.HighestFactor) - Math.Log10(CostCurve.LowestFactor)) * (Width - Left - Right);

    private double Y(double usd) => Height - Bottom - usd / _maxUsd * (Height - Top - Bottom);

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
