using VendorRisk.Domain.Common;

namespace VendorRisk.Reports.Documents;

/// <summary>
/// The comparison report's first page: which vendor to choose and why, what would change the ranking,
/// a warning when unreviewed assessments are compared, and (with a workload profile) cost against volume.
/// </summary>
internal static class ComparisonMemo
{
    public const string NoRecommendation = "No vendor can be recommended yet";

    /// <summary>The best-ranked approved vendor without knockouts, else the best-ranked approved one; null when none is approved.</summary>
    public static ComparedVendorModel? Recommended(ComparisonReportModel model) =>
        model.Vendors.FirstOrDefault(v => v.IsApproved && v.Knockouts.Count == 0) ?? model.Vendors.FirstOrDefault(v => v.IsApproved);

    public static void Recommendation(ReportDocument document, ComparisonReportModel model)
    {
        var chosen = Recommended(model);
        var green = new SKColor(0x1B, 0x6B, 0x3A);
        if (chosen is null)
        {
            document.Add(new Box(
                new Paragraph([new TextRun("Recommendation: ", Theme.Text with { Size = 12, Color = Theme.Body }), new TextRun(NoRecommendation, Theme.Strong with { Size = 13, Color = Theme.Muted })]) { SpaceAfter = 2 },
                new Paragraph("None of the compared assessments has been approved by a reviewer. The ranking below shows where they stand today.", Theme.Small with { Color = Theme.Body }) { SpaceAfter = 0 })
            {
                Background = new SKColor(0xF1, 0xF5, 0xF9), Accent = Theme.Muted, Padding = new Thickness(12, 7, 8, 6),
            });
            return;
        }

        var rank = model.Vendors.ToList().IndexOf(chosen) + 1;
        var name = ReportFormat.Text(chosen.VendorName);
        var why = new List<string>
        {
            $"It ranks {Ordinal(rank)} of the {model.Vendors.Count} compared, with {ReportFormat.Score(chosen.OverallScore)} of 100 ({ReportFormat.Rating(chosen.RatingLabel)})",
            chosen.Knockouts.Count == 0 ? "fails no critical control"
                : $"but fails {Plural.Count(chosen.Knockouts.Count, "critical control")}"
                    + (chosen.IsCappedByKnockouts ? "" : $" ({Plural.Word(chosen.Knockouts.Count, "its risk", "their risks")} accepted by a reviewer)"),
            $"and its assessment is {chosen.Status?.ToLowerInvariant() ?? "approved"}.",
        };
        var text = string.Join(", ", why[..2]) + " " + why[2];
        var next = model.Vendors.Where(v => v != chosen).FirstOrDefault();
        if (next is not null && chosen.OverallScore is { } a && next.OverallScore is { } b)
        {
            // The gap between the scores as printed (93.7 and 92.1 are 1.6 apart, though unrounded they may be 1.7).
            var gap = Shown(a) - Shown(b);
            var nextName = ReportFormat.Text(next.VendorName);
            // One that ranks above the choice (a draft, a knockout) says why it is not chosen, whatever the gap printed.
            var ranksAbove = model.Vendors.ToList().IndexOf(next) < rank - 1;
            text += !ranksAbove && gap > 0 ? $" The next, {nextName}, scores {ReportFormat.Score(gap)} points less."
                : !ranksAbove ? $" The next, {nextName}, scores as much ({ReportFormat.Score(b)})."
                : gap < 0 ? $" {nextName} scores {ReportFormat.Score(-gap)} points more but {Reason(next)}."
                : $" {nextName} scores as much ({ReportFormat.Score(b)}) but {Reason(next)}.";
        }

        text += CostSentence(model, chosen, next);

        document.Add(new Box(
            new Paragraph([new TextRun("Recommendation: ", Theme.Text with { Size = 12, Color = Theme.Body }), new TextRun(name, Theme.Strong with { Size = 13, Color = green })]) { SpaceAfter = 2 },
            new Paragraph(text, Theme.Small with { Color = Theme.Body }) { SpaceAfter = 0 })
        {
            Background = new SKColor(0xE8, 0xF5, 0xEC), Accent = green, Padding = new Thickness(12, 7, 8, 6),
        });
    }

    /// <summary>
    /// With a workload profile, what the choice costs over twelve months beside the next in the ranking: the trade-off a
    /// reader decides on, which the cost table pages later would otherwise be the first to show.
    /// </summary>
    private static string CostSentence(ComparisonReportModel model, ComparedVendorModel chosen, ComparedVendorModel? next)
    {
        if (model.CostProjection is not { } cost)
            return "";
        CostRowModel? RowOf(ComparedVendorModel v) => cost.Rows.FirstOrDefault(r => r.VendorName == v.VendorName);
        static string Amount(CostRowModel? row) => row?.TwelveMonthsUsd is { } usd ? ReportFormat.Usd(usd) : "an unknown amount (a price is missing)";
        var sentence = $" On the “{cost.Profile.Name}” workload it costs {Amount(RowOf(chosen))} over twelve months";
        return next is null ? sentence + "." : sentence + $"; {ReportFormat.Text(next.VendorName)}, {Amount(RowOf(next))}.";
    }

    public static void WhatWouldChange(ReportDocument document, ComparisonReportModel model)
    {
        var parts = new List<TextRun> { new("What would change the ranking: ", Theme.Strong with { Color = Theme.Accent }) };
        parts.Add(new TextRun(string.IsNullOrWhiteSpace(model.RankStability) ? "—" : model.RankStability.TrimEnd('.') + ".", Theme.Text));
        var knockedOut = model.Vendors.Where(v => v.KnockoutsLowerRating).Select(v => ReportFormat.Text(v.VendorName)).ToList();
        if (knockedOut.Count > 0)
        {
            parts.Add(new TextRun($" Fixing the knockouts of {string.Join(", ", knockedOut)} would lift {Plural.Word(knockedOut.Count, "its", "their")} rating cap.", Theme.Text));
        }

        document.Add(new Paragraph(parts) { SpaceAfter = 6 });
    }

    public static void Warning(ReportDocument document, ComparisonReportModel model)
    {
        var pending = model.Vendors.Where(v => !v.IsApproved).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        document.Add(new Box(new Paragraph([
            new TextRun("Not every compared assessment is approved. ", Theme.SmallStrong with { Color = new SKColor(0x8A, 0x52, 0x00) }),
            new TextRun(string.Join("; ", pending.Select(v => $"{ReportFormat.Text(v.VendorName)}: {v.Status?.ToLowerInvariant() ?? "not reviewed"}")) +
                ". A draft or an assessment awaiting review may still change; a rejected one should not be chosen.", Theme.Small with { Color = Theme.Body }),
        ]) { SpaceAfter = 0 })
        {
            Background = new SKColor(0xFF, 0xF7, 0xE6), Accent = new SKColor(0xB4, 0x6B, 0x00), Padding = new Thickness(10, 5, 6, 4), SpaceAfter = 6,
        });
    }

    private static string Reason(ComparedVendorModel vendor) =>
        !vendor.IsApproved ? $"is {vendor.Status?.ToLowerInvariant() ?? "not reviewed"}, not approved"
        : vendor.KnockoutsLowerRating ? $"is held back by {Plural.Count(vendor.Knockouts.Count, "knockout")}"
        : vendor.IsCappedByKnockouts ? $"fails {Plural.Count(vendor.Knockouts.Count, "critical control")}"
        : $"fails {Plural.Count(vendor.Knockouts.Count, "critical control")} whose risk a reviewer accepted";

    /// <summary>"6 vendors", or "6 offerings from 5 vendors" when some vendor's models are compared with each other.</summary>
    public static string WhatIsCompared(IReadOnlyList<ComparedVendorModel> compared)
    {
        var vendors = compared.Select((v, i) => v.VendorId is { } id ? $"v{id}" : $"#{i}").Distinct(StringComparer.Ordinal).Count();
        return vendors == compared.Count ? Plural.Count(vendors, "vendor") : $"{Plural.Count(compared.Count, "offering")} from {Plural.Count(vendors, "vendor")}";
    }

    private static double Shown(double score) => Math.Round(score, 1, MidpointRounding.AwayFromZero);

    private static string Ordinal(int n) => n switch { 1 => "first", 2 => "second", 3 => "third", _ => n.ToString(CultureInfo.InvariantCulture) + "th" };
}
