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
