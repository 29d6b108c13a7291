namespace VendorRisk.Reports.Layout;

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
                dc.DrawText(from.ToString("0", CultureInfo.InvariantCulture), new TextStyle(6.5f, false, new SKColor(0x64, 0x74, 0x8B)), left - 10, scaleY - 11, 20, TextAlign.Center);
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
