namespace VendorRisk.Reports.Documents;

/// <summary>The comparison's knockouts: the memo names a few per vendor, a table after the scores gives them all.</summary>
public static partial class ComparisonReport
{
    /// <summary>Knockouts the memo's ranking names in full per vendor; the rest go by their keys, so that page 1 holds the memo.</summary>
    public const int MemoKnockouts = 2;

    private static IEnumerable<TextRun> MoreKnockouts(ComparedVendorModel vendor)
    {
        var more = vendor.Knockouts.Skip(MemoKnockouts).ToList();
        if (more.Count == 0)
            yield break;
        var capping = more.Any(k => vendor.AcceptedOf(k.QuestionKey) is null);
        yield return new TextRun($"\n+{more.Count} more: ", capping ? Theme.Small with { Color = Theme.Danger } : Theme.Small);
        yield return new TextRun(string.Join(", ", more.Select(k => k.QuestionKey + (vendor.AcceptedOf(k.QuestionKey) is null ? "" : " (accepted)"))) +
            $" ({KnockoutsTitle.ToLowerInvariant()}, page 2 on)", Theme.Small);
    }

    /// <summary>Every vendor's knockouts with their questions, when the memo had to name some by key alone.</summary>
    public const string KnockoutsTitle = "Failed critical controls";

    private static void Knockouts(ReportDocument document, ComparisonReportModel model)
    {
        if (model.Vendors.All(v => v.Knockouts.Count <= MemoKnockouts))
            return;
        document.Add(new Heading(KnockoutsTitle, Theme.H2));
        document.Add(new Paragraph("Each vendor's critical questions below their knockout threshold. One whose risk a reviewer accepted no longer caps the rating.", Theme.Small));
        var table = new Table(TableColumn.Relative(2), TableColumn.Relative(5)).WithHeader("Vendor", "Failed critical control");
        foreach (var v in model.Vendors.Where(v => v.Knockouts.Count > 0))
        {
            table.AddRow(TableCell.Of(new TextRun(ReportFormat.Text(v.VendorName), Theme.Cell.AsBold())),
                TableCell.Of([.. KnockoutRuns(v, v.Knockouts, Theme.Cell, fullText: true)]));
        }

        document.Add(table);
    }

    /// <summary>
    /// A vendor's knockouts, one a line: the question (its short name, or its whole text where the table has the room) in
    /// <paramref name="text"/>, red while it caps the rating, then its key and, once accepted, who accepted the risk until
    /// when. The memo and the table of failed controls both use it.
    /// </summary>
    private static IEnumerable<TextRun> KnockoutRuns(ComparedVendorModel vendor, IEnumerable<KnockoutModel> knockouts, TextStyle text, bool fullText) =>
        knockouts.SelectMany((k, n) => vendor.AcceptedOf(k.QuestionKey) is { } accepted
            ? new[]
            {
                new TextRun((n == 0 ? "" : "\n") + ReportFormat.Text(fullText ? k.FullText : k.QuestionText), text),
                new TextRun($" {k.QuestionKey} (risk {ReportFormat.AcceptedBy(accepted.AcceptedBy, accepted.Until)})", Theme.Small),
            }
            : [
                new TextRun((n == 0 ? "" : "\n") + ReportFormat.Text(fullText ? k.FullText : k.QuestionText), text with { Color = Theme.Danger }),
                new TextRun(" " + k.QuestionKey, Theme.Small),
            ]);
}
