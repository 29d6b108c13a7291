namespace VendorRisk.Reports.Documents;

/// <summary>The findings parts of the reports: accepted knockout risks, conditions and open findings, open findings per vendor.</summary>
public static class FindingsSection
{
    public const string AcceptedTitle = "Accepted knockout risks";
    public const string FindingsTitle = "Conditions and open findings";
    public const string OpenFindingsTitle = "Open findings";

    public static void Add(ReportDocument document, AssessmentReportModel model)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        if (model.AcceptedKnockouts.Count > 0)
        {
            document.Add(new Heading(AcceptedTitle, Theme.H2));
            document.Add(new Paragraph("These critical controls failed; a reviewer accepted the risk until the date shown. " +
                "While every knockout is accepted the rating is the score's band; the day after an acceptance's date it caps the rating again.", Theme.Small) { KeepWithNext = true });
            var table = new Table(TableColumn.Relative(4), TableColumn.Relative(2), TableColumn.Fixed(70), TableColumn.Relative(3))
                .WithHeader("Knockout", "Accepted by", "Until", "Justification");
            foreach (var a in model.AcceptedKnockouts)
            {
                table.AddRow(TableCell.Of(new TextRun(a.QuestionText, Theme.Cell), new TextRun("  " + a.QuestionKey, Theme.Small)),
                    a.AcceptedBy, ReportFormat.Date(a.Until), a.Justification);
            }
            document.Add(table);
        }

        if (model.Findings.Count > 0)
        {
            document.Add(new Heading(FindingsTitle, Theme.H2));
            var table = new Table(TableColumn.Relative(5), TableColumn.Fixed(56), TableColumn.Fixed(66), TableColumn.Relative(2), TableColumn.Fixed(80))
                .WithHeader("Finding", "Severity", "Status", "Owner", "Due");
            foreach (var f in model.Findings)
            {
                var title = f.IsCondition
                    ? TableCell.Of(new TextRun("Condition  ", Theme.SmallStrong), new TextRun(f.Title, Theme.Cell))
                    : TableCell.Of(new TextRun(f.Title, Theme.Cell));
                var due = f.IsOverdue
                    ? TableCell.Of(new TextRun(ReportFormat.Date(f.DueDate), Theme.Cell), new TextRun(" overdue", Theme.SmallStrong with { Color = Theme.Danger }))
                    : TableCell.Of(new TextRun(ReportFormat.Date(f.DueDate), Theme.Cell));
                table.AddRow(title, f.Severity, f.Status, ReportFormat.Text(f.Owner), due);
            }
            document.Add(table);
        }
    }

    /// <summary>The comparison's table of open findings per vendor by severity; left out when no vendor has counts.</summary>
    public static void AddOpenFindings(ReportDocument document, ComparisonReportModel model)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(model);
        if (model.Vendors.All(v => v.OpenFindings is null))
            return;
        document.Add(new Heading(OpenFindingsTitle, Theme.H2));
        document.Add(new Paragraph("Findings of each compared assessment that are open or in progress, by severity.", Theme.Small) { KeepWithNext = true });
        var table = new Table(TableColumn.Relative(4), TableColumn.Fixed(50, TextAlign.Right), TableColumn.Fixed(40, TextAlign.Right),
                TableColumn.Fixed(50, TextAlign.Right), TableColumn.Fixed(40, TextAlign.Right), TableColumn.Fixed(44, TextAlign.Right), TableColumn.Fixed(54, TextAlign.Right))
            .WithHeader("Vendor", "Critical", "High", "Medium", "Low", "Total", "Overdue");
        foreach (var v in model.Vendors)
        {
            var c = v.OpenFindings ?? new OpenFindingCountsModel(0, 0, 0, 0, 0);
            table.AddRow(v.VendorName, N(c.Critical), N(c.High), N(c.Medium), N(c.Low), N(c.Total), N(c.Overdue));
        }
        document.Add(table);
    }

    private static string N(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
