namespace VendorRisk.Reports.Layout;

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
                dc.DrawText((maximum * ring / 5).ToString("0", CultureInfo.InvariantCulture), TextStyle with { Size = 6, Color = new SKColor(0x64, 0x74, 0x8B) }, p.X + 2, p.Y - 8, 30);
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
