using System.Globalization;
using SkiaSharp;

namespace VendorRisk.Reports.Layout;

/// <summary>One bar of a <see cref="BarChart"/>.</summary>
/// <param name="Label">Category label (wraps if long).</param>
/// <param name="Value">Value on the 0–<see cref="BarChart.Maximum"/> scale; null draws no bar and "—".</param>
/// <param name="Color">Bar colour; null uses the chart's.</param>
public sealed record BarItem(string? Label, double? Value, SKColor? Color = null);

/// <summary>A labelled reference line across a chart (e.g. a rating band's lower bound).</summary>
/// <param name="Value">Position on the value scale.</param>
/// <param name="Label">Short label printed at the top of the line.</param>
/// <param name="Color">Line colour.</param>
public sealed record ChartMarker(double Value, string Label, SKColor Color);

/// <summary>A horizontal bar chart, drawn as vectors: label column, bar track, value.</summary>
/// <param name="items">The bars, top to bottom.</param>
public sealed class BarChart(IEnumerable<BarItem> items) : Element
{
    /// <summary>The bars.</summary>
    public IReadOnlyList<BarItem> Items { get; } = items.ToList();

    /// <summary>Value at the right end of the track.</summary>
    public double Maximum { get; init; } = 100;

    /// <summary>Default bar colour.</summary>
    public SKColor BarColor { get; init; } = new(0x2F, 0x5D, 0x8A);

    /// <summary>Reference lines drawn over the bars.</summary>
    public IReadOnlyList<ChartMarker> Markers { get; init; } = [];

    /// <summary>Share of the width given to labels.</summary>
    public float LabelShare { get; init; } = 0.34f;

    /// <summary>Label and value style.</summary>
    public TextStyle TextStyle { get; init; } = new(8.5f, false, new SKColor(0x33, 0x41, 0x55));

    /// <summary>Value formatter; defaults to one decimal, "—" for null.</summary>
    public Func<double?, string> Format { get; init; } = v => v is { } d ? Math.Round(d, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) : "—";

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        const float barHeight = 11, rowGap = 7, valueWidth = 34, axisHeight = 16, topPad = 12;
        var labelWidth = width * LabelShare;
        var trackWidth = width - labelWidth - valueWidth - 8;
        var labels = Items.Select(i => TextLayouter.Layout(context.Fonts, [new TextRun(i.Label, TextStyle)], labelWidth - 8)).ToList();
        var rowHeights = labels.Select(l => Math.Max(barHeight + rowGap, l.Sum(x => x.Height) + 4)).ToList();
        var height = topPad + rowHeights.Sum() + axisHeight;
        var maximum = Maximum <= 0 ? 1 : Maximum;
        var tickStyle = TextStyle with { Size = 7, Color = new SKColor(0x64, 0x74, 0x8B) };

        output.Add(new DrawingFragment(height + 8, (dc, x, y) =>
        {
            var canvas = dc.Canvas;
            var trackX = x + labelWidth;
            var plotTop = y + topPad;
            var plotBottom = plotTop + rowHeights.Sum();
            for (var t = 0; t <= 5; t++)
            {
                var gx = trackX + trackWidth * t / 5f;
                canvas.DrawLine(gx, plotTop, gx, plotBottom, dc.Stroke(new SKColor(0xE2, 0xE8, 0xF0), 0.5f));
                var tick = (maximum * t / 5).ToString("0", CultureInfo.InvariantCulture);
                dc.DrawText(tick, tickStyle, gx - 15, plotBottom + 3, 30, TextAlign.Center);
            }

            var rowY = plotTop;
            for (var i = 0; i < Items.Count; i++)
            {
                var item = Items[i];
                var textHeight = labels[i].Sum(l => l.Height);
                var ty = rowY + (rowHeights[i] - textHeight) / 2;
                foreach (var line in labels[i])
                {
                    line.Draw(dc, x, ty, labelWidth - 8, TextAlign.Right);
                    ty += line.Height;
                }

                var by = rowY + (rowHeights[i] - barHeight) / 2;
                canvas.DrawRect(SKRect.Create(trackX, by, trackWidth, barHeight), dc.Fill(new SKColor(0xF1, 0xF4, 0xF8)));
                if (item.Value is { } v && double.IsFinite(v))
                {
                    var w = (float)(Math.Clamp(v, 0, maximum) / maximum) * trackWidth;
                    canvas.DrawRect(SKRect.Create(trackX, by, w, barHeight), dc.Fill(item.Color ?? BarColor));
                }

                dc.DrawText(Format(item.Value), TextStyle.AsBold(), trackX + trackWidth + 6, by - 1, valueWidth, TextAlign.Left);
                rowY += rowHeights[i];
            }

            foreach (var marker in Markers)
            {
                var mx = trackX + (float)(Math.Clamp(marker.Value, 0, maximum) / maximum) * trackWidth;
                using var dash = SKPathEffect.CreateDash([2f, 2f], 0);
                var stroke = dc.Stroke(marker.Color, 0.8f);
                stroke.PathEffect = dash;
                canvas.DrawLine(mx, plotTop - 2, mx, plotBottom, stroke);
                stroke.PathEffect = null;
                dc.DrawText(marker.Label, tickStyle with { Color = marker.Color }, mx - 30, y, 60, TextAlign.Center);
            }
        }));
    }
}

/// <summary>One series (e.g. one vendor) of a <see cref="RadarChart"/>.</summary>
/// <param name="Name">Legend text.</param>
/// <param name="Values">One value per axis, 0–100; null is drawn at the centre.</param>
/// <param name="Color">Line colour; null picks from <see cref="RadarChart.Palette"/>.</param>
public sealed record RadarSeries(string? Name, IReadOnlyList<double?> Values, SKColor? Color = null);

/// <summary>A radar (spider) chart over up to ten series, with a legend.</summary>
/// <param name="axes">Axis labels (e.g. section titles), clockwise from the top.</param>
/// <param name="series">The series; only the first ten are drawn.</param>
public sealed class RadarChart(IEnumerable<string?> axes, IEnumerable<RadarSeries> series) : Element
{
    /// <summary>Most series the chart draws.</summary>
    public const int MaxSeries = 10;

    /// <summary>Ten distinguishable, restrained colours.</summary>
    public static IReadOnlyList<SKColor> Palette { get; } =
    [
        new(0x1F, 0x4E, 0x79), new(0xC0, 0x5A, 0x1E), new(0x2E, 0x7D, 0x4F), new(0x8E, 0x3B, 0x8F), new(0xB8, 0x92, 0x1C),
        new(0x1C, 0x8C, 0x9B), new(0xA3, 0x2D, 0x3A), new(0x5B, 0x6B, 0x7F), new(0x6A, 0x8E, 0x23), new(0x3F, 0x51, 0xB5),
    ];

    /// <summary>Axis labels.</summary>
    public IReadOnlyList<string?> Axes { get; } = axes.ToList();

    /// <summary>Series drawn (at most <see cref="MaxSeries"/>).</summary>
    public IReadOnlyList<RadarSeries> Series { get; } = series.Take(MaxSeries).ToList();

    /// <summary>Diameter of the plot in points.</summary>
    public float Size { get; init; } = 230;

    /// <summary>Value at the outer ring.</summary>
    public double Maximum { get; init; } = 100;

    /// <summary>Label style.</summary>
    public TextStyle TextStyle { get; init; } = new(7.5f, false, new SKColor(0x33, 0x41, 0x55));

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        const float labelBand = 70;
        var legendColumns = Math.Clamp((int)(width / 150), 1, Math.Max(1, Series.Count));
        var legendRows = (Series.Count + legendColumns - 1) / legendColumns;
        var plotSize = Math.Min(Size, width - 2 * labelBand);
        var r = plotSize / 2;
        var axisCount = Axes.Count;
        var maximum = Maximum <= 0 ? 1 : Maximum;

        // Axis labels wrap in a fixed band; measure them so long section titles never touch the plot or the legend.
        var labelHeights = Axes.Select(a => TextLayouter.Layout(context.Fonts, [new TextRun(a, TextStyle)], labelBand).Sum(l => l.Height)).ToList();
        float LabelTop(int axis, float labelY, float centreY) =>
            labelY < centreY - r * 0.9f ? labelY - labelHeights[axis] : labelY > centreY + r * 0.9f ? labelY : labelY - labelHeights[axis] / 2;

        SKPoint PointAt(float cx, float cy, int axis, double fraction)
        {
            var angle = -Math.PI / 2 + 2 * Math.PI * axis / Math.Max(1, axisCount);
            return new SKPoint(cx + (float)(Math.Cos(angle) * r * fraction), cy + (float)(Math.Sin(angle) * r * fraction));
        }

        // Extents of the labels relative to the plot centre.
        float above = r, below = r;
        for (var a = 0; a < axisCount; a++)
        {
            var label = PointAt(0, 0, a, 1.1);
            var top = LabelTop(a, label.Y, 0);
            above = Math.Max(above, -top);
            below = Math.Max(below, top + labelHeights[a]);
        }

        const float gap = 8;
        var legendTopOffset = above + below + 2 * gap;
        var height = legendTopOffset + legendRows * 14 + 6;

        output.Add(new DrawingFragment(height, (dc, x, y) =>
        {
            var canvas = dc.Canvas;
            var cx = x + width / 2;
            var cy = y + gap + above;
            var grid = dc.Stroke(new SKColor(0xD5, 0xDA, 0xE1), 0.5f);
            if (axisCount < 3)
            {
                dc.DrawText("A radar chart needs at least three sections.", TextStyle, x, cy, width, TextAlign.Center);
                return;
            }

            SKPoint At(int axis, double fraction) => PointAt(cx, cy, axis, fraction);

            for (var ring = 1; ring <= 5; ring++)
            {
                using var pb = new SKPathBuilder();
                for (var a = 0; a < axisCount; a++)
                {
                    var p = At(a, ring / 5.0);
                    if (a == 0) pb.MoveTo(p); else pb.LineTo(p);
                }

                pb.Close();
                using var path = pb.Detach();
                canvas.DrawPath(path, grid);
            }

            for (var a = 0; a < axisCount; a++)
            {
                var end = At(a, 1);
                canvas.DrawLine(cx, cy, end.X, end.Y, grid);
                var label = At(a, 1.1);
                var align = Math.Abs(label.X - cx) < 5 ? TextAlign.Center : label.X > cx ? TextAlign.Left : TextAlign.Right;
                var lx = align switch { TextAlign.Left => label.X, TextAlign.Right => label.X - labelBand, _ => label.X - labelBand / 2 };
                dc.DrawText(Axes[a], TextStyle, lx, LabelTop(a, label.Y, cy), labelBand, align);
            }

            for (var ring = 1; ring <= 5; ring++)
            {
                var p = At(0, ring / 5.0);
                dc.DrawText((maximum * ring / 5).ToString("0", CultureInfo.InvariantCulture), TextStyle with { Size = 6, Color = new SKColor(0x94, 0xA3, 0xB8) }, p.X + 2, p.Y - 8, 30);
            }

            for (var s = 0; s < Series.Count; s++)
            {
                var color = Series[s].Color ?? Palette[s % Palette.Count];
                using var pb = new SKPathBuilder();
                for (var a = 0; a < axisCount; a++)
                {
                    var v = a < Series[s].Values.Count ? Series[s].Values[a] : null;
                    var fraction = v is { } d && double.IsFinite(d) ? Math.Clamp(d / maximum, 0, 1) : 0;
                    var p = At(a, fraction);
                    if (a == 0) pb.MoveTo(p); else pb.LineTo(p);
                }

                pb.Close();
                using var path = pb.Detach();
                canvas.DrawPath(path, dc.Fill(color.WithAlpha(0x1C)));
                canvas.DrawPath(path, dc.Stroke(color, 1.3f));
            }

            var legendTop = y + legendTopOffset;
            const float columnWidth = 150;
            var legendLeft = x + (width - legendColumns * columnWidth) / 2;
            for (var s = 0; s < Series.Count; s++)
            {
                var color = Series[s].Color ?? Palette[s % Palette.Count];
                var lx = legendLeft + s % legendColumns * columnWidth;
                var ly = legendTop + s / legendColumns * 14;
                canvas.DrawRect(SKRect.Create(lx, ly + 3, 10, 4), dc.Fill(color));
                var line = TextLayouter.Layout(dc.Fonts, [new TextRun(Series[s].Name, TextStyle)], columnWidth - 18)[0];
                line.Draw(dc, lx + 14, ly - 1, columnWidth - 18, TextAlign.Left);
            }
        }));
    }
}

/// <summary>A band of a <see cref="RatingGauge"/>.</summary>
/// <param name="Label">Band name.</param>
/// <param name="MinScore">Lowest score in the band.</param>
/// <param name="Color">Band colour.</param>
public sealed record GaugeBand(string? Label, double MinScore, SKColor Color);

/// <summary>The score as a large figure, the rating as a coloured badge, and a 0–100 scale of the bands with a marker.</summary>
public sealed class RatingGauge : Element
{
    /// <summary>The score; null prints "—" and no marker.</summary>
    public double? Score { get; init; }

    /// <summary>Text of the score (already formatted).</summary>
    public string ScoreText { get; init; } = "—";

    /// <summary>Rating label in the badge; null or empty prints "No rating".</summary>
    public string? RatingLabel { get; init; }

    /// <summary>Badge colour.</summary>
    public SKColor RatingColor { get; init; } = new(0x64, 0x74, 0x8B);

    /// <summary>Bands shown on the scale.</summary>
    public IReadOnlyList<GaugeBand> Bands { get; init; } = [];

    internal override void Compose(LayoutContext context, float width, List<Fragment> output)
    {
        const float height = 74;
        output.Add(new DrawingFragment(height, (dc, x, y) =>
        {
            var canvas = dc.Canvas;
            var scoreStyle = new TextStyle(30, true, new SKColor(0x0F, 0x17, 0x2A), 1.1f);
            var scoreLine = TextLayouter.Layout(dc.Fonts, [new TextRun(ScoreText, scoreStyle)], 150)[0];
            scoreLine.Draw(dc, x, y, 150, TextAlign.Left);
            dc.DrawText("of 100", new TextStyle(8, false, new SKColor(0x64, 0x74, 0x8B)), x + scoreLine.Width + 4, y + 18, 60);

            var label = string.IsNullOrEmpty(RatingLabel) ? "No rating" : RatingLabel;
            var badgeStyle = new TextStyle(10, true, SKColors.White);
            var badgeLines = TextLayouter.Layout(dc.Fonts, [new TextRun(label, badgeStyle)], 140);
            var badgeWidth = Math.Min(150, badgeLines.Max(l => l.Width) + 16);
            var badgeHeight = badgeLines.Sum(l => l.Height) + 6;
            var badge = SKRect.Create(x, y + 42, badgeWidth, badgeHeight);
            canvas.DrawRoundRect(badge, 3, 3, dc.Fill(RatingColor));
            var ty = badge.Top + 3;
            foreach (var line in badgeLines)
            {
                line.Draw(dc, badge.Left, ty, badgeWidth, TextAlign.Center);
                ty += line.Height;
            }

            var scaleX = x + 175;
            var scaleWidth = width - 175;
            var scaleY = y + 30;
            var ordered = Bands.OrderBy(b => b.MinScore).ToList();
            canvas.DrawRect(SKRect.Create(scaleX, scaleY, scaleWidth, 10), dc.Fill(new SKColor(0xE2, 0xE8, 0xF0)));
            for (var i = 0; i < ordered.Count; i++)
            {
                var from = Math.Clamp(ordered[i].MinScore, 0, 100);
                var to = i + 1 < ordered.Count ? Math.Clamp(ordered[i + 1].MinScore, 0, 100) : 100;
                var left = scaleX + (float)(from / 100) * scaleWidth;
                var right = scaleX + (float)(to / 100) * scaleWidth;
                canvas.DrawRect(SKRect.Create(left, scaleY, Math.Max(0, right - left), 10), dc.Fill(ordered[i].Color.WithAlpha(0x99)));
                dc.DrawText(ordered[i].Label, new TextStyle(7, false, new SKColor(0x47, 0x55, 0x69)), left, scaleY + 13, Math.Max(20, right - left));
                dc.DrawText(from.ToString("0", CultureInfo.InvariantCulture), new TextStyle(6.5f, false, new SKColor(0x94, 0xA3, 0xB8)), left - 10, scaleY - 11, 20, TextAlign.Center);
            }

            if (Score is { } score && double.IsFinite(score))
            {
                var mx = scaleX + (float)(Math.Clamp(score, 0, 100) / 100) * scaleWidth;
                using var mb = new SKPathBuilder();
                mb.MoveTo(mx - 5, scaleY - 7);
                mb.LineTo(mx + 5, scaleY - 7);
                mb.LineTo(mx, scaleY);
                mb.Close();
                using var marker = mb.Detach();
                canvas.DrawPath(marker, dc.Fill(new SKColor(0x0F, 0x17, 0x2A)));
                canvas.DrawLine(mx, scaleY, mx, scaleY + 10, dc.Stroke(new SKColor(0x0F, 0x17, 0x2A), 1.5f));
            }
        }));
    }
}


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
        var maximum = values.Count == 0 ? 1 : NiceCeiling(values.Max());
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
            for (var t = 0; t <= 4; t++)
            {
                var gy = plotBottom - PlotHeight * t / 4f;
                canvas.DrawLine(plotLeft, gy, plotLeft + plotWidth, gy, dc.Stroke(grid, 0.5f));
                dc.DrawText(Format(maximum * t / 4), TextStyle, x, gy - 5, axisWidth - 4, TextAlign.Right);
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

    private static double NiceCeiling(double value)
    {
        if (value <= 0)
            return 1;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(value)));
        foreach (var step in new[] { 1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 })
        {
            if (step * magnitude >= value)
                return step * magnitude;
        }

        return 10 * magnitude;
    }
}
