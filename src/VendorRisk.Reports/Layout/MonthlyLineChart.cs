namespace VendorRisk.Reports.Layout;

/// <summary>A line chart over labelled x positions (e.g. months 1–12), y from 0 to the largest value, with a legend.</summary>
/// <param name="xLabels">The x positions' labels.</param>
/// <param name="series">The lines (at most <see cref="RadarChart.MaxSeries"/>).</param>
public sealed class LineChart(IEnumerable<string> xLabels, IEnumerable<LineSeries> series) : Element
{
    /// <summary>Labels under the x axis.</summary>
    public IReadOnlyList<string> XLabels { get; } = xLabels.ToList();

    /// <summary>Lines drawn.</summary>
    public IReadOnlyList<LineSeries> Series { get; } = series.Take(RadarChart.MaxSeries).ToList();

    /// <summary>Plot height in points.</summary>
    public float PlotHeight { get; init; } = 150;

    /// <summary>Axis formatter.</summary>
    public Func<double, string> Format { get; init; } = v => v.ToString("#,0", CultureInfo.InvariantCulture);

    /// <summary>Axis and legend style.</summary>
    public TextStyle TextStyle { get; init; } = new(7.5f, false, new SKColor(0x33, 0x41, 0x55));

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        const float axisWidth = 58, xAxisHeight = 14, legendRow = 12, topPad = 6;
        var values = Series.SelectMany(s => s.Values).OfType<double>().Where(double.IsFinite).ToList();
        var (tick, ticks) = NiceScale(values.Count == 0 ? 0 : values.Max());
        var maximum = tick * ticks;
        var legendRows = (int)Math.Ceiling(Series.Count / 2.0);
        var height = topPad + PlotHeight + xAxisHeight + legendRows * legendRow + 4;
        var grid = new SKColor(0xE2, 0xE8, 0xF0);

        output.Add(new DrawingFragment(height + 6, (dc, x, y) =>
        {
            var canvas = dc.Canvas;
            var plotLeft = x + axisWidth;
            var plotWidth = width - axisWidth - 4;
            var plotTop = y + topPad;
            var plotBottom = plotTop + PlotHeight;
            for (var t = 0; t <= ticks; t++)
            {
                var gy = plotBottom - PlotHeight * t / ticks;
                canvas.DrawLine(plotLeft, gy, plotLeft + plotWidth, gy, dc.Stroke(grid, 0.5f));
                dc.DrawText(Format(tick * t), TextStyle, x, gy - 5, axisWidth - 4, TextAlign.Right);
            }

            var step = XLabels.Count > 1 ? plotWidth / (XLabels.Count - 1) : 0;
            for (var i = 0; i < XLabels.Count; i++)
                dc.DrawText(XLabels[i], TextStyle, plotLeft + step * i - 12, plotBottom + 3, 24, TextAlign.Center);

            for (var s = 0; s < Series.Count; s++)
            {
                var color = Series[s].Color ?? RadarChart.Palette[s % RadarChart.Palette.Count];
                var stroke = dc.Stroke(color, 1.4f);
                SKPoint? previous = null;
                for (var i = 0; i < Math.Min(XLabels.Count, Series[s].Values.Count); i++)
                {
                    if (Series[s].Values[i] is not { } v || !double.IsFinite(v))
                    {
                        previous = null;
                        continue;
                    }

                    var point = new SKPoint(plotLeft + step * i, plotBottom - (float)(Math.Clamp(v, 0, maximum) / maximum) * PlotHeight);
                    if (previous is { } p)
                        canvas.DrawLine(p, point, stroke);
                    canvas.DrawCircle(point, 1.8f, dc.Fill(color));
                    previous = point;
                }

                var lx = x + axisWidth + (s % 2) * (plotWidth / 2);
                var ly = plotBottom + xAxisHeight + (s / 2) * legendRow + 2;
                canvas.DrawRect(SKRect.Create(lx, ly + 3, 10, 3), dc.Fill(color));
                dc.DrawText(Series[s].Name, TextStyle, lx + 14, ly, plotWidth / 2 - 18, TextAlign.Left);
            }
        }));
    }

    /// <summary>
    /// The y axis's step and how many steps reach <paramref name="maximum"/>: the smallest step of 1, 2, 2.5 or 5 times a
    /// power of ten that reaches it in at most five, so that the labels read $10,000, $20,000, $30,000 rather than $7,500,
    /// $15,000, $22,500.
    /// </summary>
    internal static (double Tick, int Ticks) NiceScale(double maximum)
    {
        if (!(maximum > 0) || !double.IsFinite(maximum))
            return (0.25, 4);
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(maximum / 5)));
        foreach (var tick in new[] { 1, 2, 2.5, 5, 10, 20 }.Select(f => f * magnitude))
        {
            var ticks = (int)Math.Ceiling(maximum / tick - 1e-9);
            if (ticks <= 5)
                return (tick, Math.Max(1, ticks));
        }

        return (20 * magnitude, 5);
    }
}
