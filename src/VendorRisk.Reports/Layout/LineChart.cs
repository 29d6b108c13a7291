namespace VendorRisk.Reports.Layout;

/// <summary>One line of a <see cref="LogLineChart"/>; a null value leaves a gap (unknown, never 0).</summary>
public sealed record LineSeries(string? Name, IReadOnlyList<double?> Values, SKColor? Color = null);

/// <summary>
/// Lines over logarithmic x and y axes (both log, so equal ratios look equal both ways), with decade grid lines,
/// an optional reference line at one x, and a legend. Non-positive values are not drawn.
/// </summary>
/// <param name="xs">X values shared by every series, ascending, all &gt; 0.</param>
/// <param name="series">The lines (at most ten are drawn).</param>
public sealed class LogLineChart(IReadOnlyList<double> xs, IEnumerable<LineSeries> series) : Element
{
    /// <summary>Shared x values.</summary>
    public IReadOnlyList<double> Xs { get; } = xs;

    /// <summary>Lines drawn (at most ten).</summary>
    public IReadOnlyList<LineSeries> Series { get; } = series.Take(RadarChart.MaxSeries).ToList();

    /// <summary>Height of the plot area in points.</summary>
    public float PlotHeight { get; init; } = 170;

    /// <summary>Axis titles.</summary>
    public string? XTitle { get; init; }

    /// <inheritdoc cref="XTitle"/>
    public string? YTitle { get; init; }

    /// <summary>Tick label formats.</summary>
    public Func<double, string> XFormat { get; init; } = v => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <inheritdoc cref="XFormat"/>
    public Func<double, string> YFormat { get; init; } = v => v.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>An x to mark with a dashed line (e.g. the workload profile), and its label.</summary>
    public (double X, string Label)? Marker { get; init; }

    /// <summary>Label style.</summary>
    public TextStyle TextStyle { get; init; } = new(7.5f, false, new SKColor(0x33, 0x41, 0x55));

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        const float left = 56, right = 10, top = 8, axisBand = 30, legendRow = 14, columnWidth = 150;
        var legendColumns = Math.Clamp((int)(width / columnWidth), 1, Math.Max(1, Series.Count));
        var legendRows = (Series.Count + legendColumns - 1) / legendColumns;
        var height = top + PlotHeight + axisBand + 6 + legendRows * legendRow;
        var positive = Series.SelectMany(s => s.Values).Where(v => v is > 0 && double.IsFinite(v.Value)).Select(v => v!.Value).ToList();

        output.Add(new DrawingFragment(height, (dc, x, y) =>
        {
            var canvas = dc.Canvas;
            var plot = SKRect.Create(x + left, y + top, width - left - right, PlotHeight);
            // The context hands out one shared stroke paint: take it anew for each colour.
            SKPaint Grid() => dc.Stroke(new SKColor(0xE2, 0xE8, 0xF0), 0.5f);
            SKPaint Axis() => dc.Stroke(new SKColor(0x94, 0xA3, 0xB8), 0.7f);
            var small = TextStyle with { Size = 6.5f, Color = new SKColor(0x64, 0x74, 0x8B) };
            if (positive.Count == 0 || Xs.Count < 2)
            {
                dc.DrawText("No known values to draw.", TextStyle, plot.Left, plot.MidY - 5, plot.Width, TextAlign.Center);
                return;
            }

            double xMin = Math.Log10(Xs[0]), xMax = Math.Log10(Xs[^1]);
            double yMin = Math.Floor(Math.Log10(positive.Min())), yMax = Math.Ceiling(Math.Log10(positive.Max()));
            if (yMax <= yMin) yMax = yMin + 1;
            float Px(double v) => plot.Left + (float)((Math.Log10(v) - xMin) / (xMax - xMin)) * plot.Width;
            float Py(double v) => plot.Bottom - (float)((Math.Log10(v) - yMin) / (yMax - yMin)) * plot.Height;

            for (var decade = yMin; decade <= yMax; decade++)
            {
                var value = Math.Pow(10, decade);
                canvas.DrawLine(plot.Left, Py(value), plot.Right, Py(value), Grid());
                dc.DrawText(YFormat(value), small, x, Py(value) - 4, left - 6, TextAlign.Right);
            }

            for (var decade = Math.Ceiling(xMin); decade <= Math.Floor(xMax); decade++)
            {
                var value = Math.Pow(10, decade);
                canvas.DrawLine(Px(value), plot.Top, Px(value), plot.Bottom, Grid());
                dc.DrawText(XFormat(value), small, Px(value) - 30, plot.Bottom + 3, 60, TextAlign.Center);
            }

            canvas.DrawLine(plot.Left, plot.Bottom, plot.Right, plot.Bottom, Axis());
            canvas.DrawLine(plot.Left, plot.Top, plot.Left, plot.Bottom, Axis());
            if (Marker is { } marker && marker.X > 0)
            {
                using var dash = dc.Stroke(new SKColor(0x1F, 0x4E, 0x79), 0.8f).Clone();
                dash.PathEffect = SKPathEffect.CreateDash([3, 3], 0);
                canvas.DrawLine(Px(marker.X), plot.Top, Px(marker.X), plot.Bottom, dash);
                dc.DrawText(marker.Label, small with { Color = new SKColor(0x1F, 0x4E, 0x79) }, Px(marker.X) + 3, plot.Top, 80);
            }

            dc.DrawText(XTitle, TextStyle, plot.Left, plot.Bottom + 14, plot.Width, TextAlign.Center);
            dc.DrawText(YTitle, small, plot.Left + 4, plot.Top, plot.Width / 2);

            for (var s = 0; s < Series.Count; s++)
            {
                var color = Series[s].Color ?? RadarChart.Palette[s % RadarChart.Palette.Count];
                using var pb = new SKPathBuilder();
                var drawing = false;
                for (var i = 0; i < Xs.Count && i < Series[s].Values.Count; i++)
                {
                    if (Series[s].Values[i] is { } v && v > 0 && double.IsFinite(v))
                    {
                        var p = new SKPoint(Px(Xs[i]), Py(v));
                        if (drawing) pb.LineTo(p); else pb.MoveTo(p);
                        drawing = true;
                    }
                    else
                    {
                        drawing = false;
                    }
                }

                using var path = pb.Detach();
                canvas.DrawPath(path, dc.Stroke(color, 1.6f));
            }

            var legendTop = y + top + PlotHeight + axisBand + 6;
            for (var s = 0; s < Series.Count; s++)
            {
                var color = Series[s].Color ?? RadarChart.Palette[s % RadarChart.Palette.Count];
                var known = Series[s].Values.Any(v => v is > 0);
                var lx = x + left + s % legendColumns * columnWidth;
                var ly = legendTop + s / legendColumns * legendRow;
                canvas.DrawRect(SKRect.Create(lx, ly + 3, 10, 3), dc.Fill(known ? color : new SKColor(0xCB, 0xD5, 0xE1)));
                var line = TextLayouter.Layout(dc.Fonts, [new TextRun(Series[s].Name + (known ? "" : " (price unknown)"), TextStyle)], columnWidth - 18)[0];
                line.Draw(dc, lx + 14, ly - 1, columnWidth - 18, TextAlign.Left);
            }
        }));
    }
}
