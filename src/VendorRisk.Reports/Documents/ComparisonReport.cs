namespace VendorRisk.Reports.Documents;

/// <summary>Builds the multi-vendor comparison report.</summary>
public static partial class ComparisonReport
{
    /// <summary>Composes the document for <paramref name="model"/>.</summary>
    public static ReportDocument Compose(ComparisonReportModel model, FontLibrary? fonts = null)
    {
        var document = new ReportDocument(PageSettings.A4, fonts)
        {
            Info = new DocumentInfo
            {
                Title = $"Vendor comparison — {model.QuestionSetTitle}",
                Author = model.PreparedBy,
                Subject = model.QuestionSetTitle,
                Created = model.GeneratedAt,
            },
            Header = new PageDecoration { Left = "Vendor comparison · " + model.QuestionSetTitle, Right = ReportFormat.Date(model.GeneratedAt), OnFirstPage = false },
            Footer = new PageDecoration { Left = "Confidential — prepared for procurement review", Right = "Page {page} of {pages}" },
        };

        var vendors = model.Vendors;
        document.Add(new Paragraph("DECISION MEMO · VENDOR COMPARISON", Theme.Kicker) { SpaceAfter = 4 });
        document.Add(new Paragraph(model.QuestionSetTitle, Theme.Title) { SpaceAfter = 4 });
        document.Add(new Paragraph(
            $"{ComparisonMemo.WhatIsCompared(vendors)} · question set {model.QuestionSetKey} · generated {ReportFormat.Date(model.GeneratedAt)}" +
            (string.IsNullOrWhiteSpace(model.PreparedBy) ? string.Empty : $" · prepared by {model.PreparedBy}"),
            Theme.Text with { Color = Theme.Muted }) { SpaceAfter = 6 });
        document.Add(new Paragraph(model.Weighting is null
            ? "Weighting: the question set's default section weights."
            : $"Weighting: “{model.Weighting.Name}” (what-if multipliers on the section weights, listed below).", Theme.Small) { SpaceAfter = 10 });
        document.Add(new Rule(Theme.Accent, 1.5f) { Margin = 4 });

        ComparisonMemo.Recommendation(document, model);
        ComparisonMemo.WhatWouldChange(document, model);
        Ranking(document, model);
        ComparisonMemo.Warning(document, model);
        document.Add(new PageBreak());
        Matrix(document, model);
        Knockouts(document, model);
        Radar(document, model);
        Weighting(document, model);
        Costs(document, model);
        FindingsSection.AddOpenFindings(document, model);
        Differences(document, model);
        document.Add(new PageBreak());
        document.AddRange(Methodology.Appendix(model.RatingBands, null, comparison: true));
        return document;
    }

    /// <summary>The cost-against-volume chart's heading: with the costs, not on the memo, where it had room for 88 points.</summary>
    public const string VolumeChartTitle = "Monthly cost against volume";

    private static void VolumeChart(ReportDocument document, ComparisonReportModel model)
    {
        if (model.CostCurve is not { } curve || model.CostProjection is not { } projection)
        {
            return;
        }

        var series = model.Vendors.Select((v, i) => new LineSeries(ReportFormat.Text(v.VendorName), i < curve.MonthlyUsd.Count ? curve.MonthlyUsd[i] : [])).ToList();
        document.Add(new KeepTogether(
            new Heading(VolumeChartTitle, Theme.H2),
            new Paragraph($"Month 1, 0.1× to 10× the “{projection.Profile.Name}” profile; both axes logarithmic (each grid line is ten times the last).", Theme.Small) { SpaceAfter = 2 },
            new LogLineChart(curve.VolumeFactors, series)
            {
                XTitle = "Volume (× the profile, log scale)", YTitle = "USD a month (log scale)",
                XFormat = v => v.ToString(v < 1 ? "0.#" : "0", CultureInfo.InvariantCulture) + "×",
                YFormat = Usd, Marker = (1, "profile"), PlotHeight = 170,
            }));
    }

    private static string Usd(double usd) => usd switch
    {
        >= 1e6 => "$" + (usd / 1e6).ToString("0.#", CultureInfo.InvariantCulture) + "M",
        >= 1e3 => "$" + (usd / 1e3).ToString("0.#", CultureInfo.InvariantCulture) + "k",
        _ => "$" + usd.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static void Ranking(ReportDocument document, ComparisonReportModel model)
    {
        document.Add(new Heading("Ranking", Theme.H3 with { Color = Theme.Accent, Size = 11 }));
        var table = new Table(TableColumn.Fixed(16, TextAlign.Right), TableColumn.Relative(2.8f), TableColumn.Relative(1.7f), TableColumn.Fixed(40, TextAlign.Right),
                TableColumn.Fixed(58), TableColumn.Relative(3.4f), TableColumn.Fixed(48, TextAlign.Right), TableColumn.Fixed(44, TextAlign.Right))
            .WithHeader("#", "Vendor", "Status", "Overall", "Rating", "Knockouts", "Answered", "Evidence");
        for (var i = 0; i < model.Vendors.Count; i++)
        {
            var v = model.Vendors[i];
            var knockouts = v.Knockouts.Count == 0
                ? TableCell.Of(new TextRun("None", Theme.Cell with { Color = Theme.Muted }))
                : TableCell.Of([.. KnockoutRuns(v, v.Knockouts.Take(MemoKnockouts), Theme.Small, fullText: false), .. MoreKnockouts(v)]);
            table.AddRow((i + 1).ToString(CultureInfo.InvariantCulture),
                TableCell.Of(new TextRun(ReportFormat.Text(v.VendorName), Theme.Cell.AsBold()),
                    new TextRun(v.QuestionSetVersion is null ? string.Empty : "\nversion " + v.QuestionSetVersion, Theme.Small)),
                TableCell.Of(new TextRun(ReportFormat.Text(v.Status), Theme.Cell with { Color = v.IsApproved ? Theme.Body : new SkiaSharp.SKColor(0x8A, 0x52, 0x00) })),
                TableCell.Of(new TextRun(ReportFormat.Score(v.OverallScore), Theme.Cell.AsBold())),
                TableCell.Of(new TextRun(ReportFormat.Rating(v.RatingLabel), Theme.Cell.AsBold() with { Color = Theme.Parse(v.RatingColorHex) })),
                knockouts,
                ReportFormat.Percent(v.Completeness),
                ReportFormat.Score(v.EvidenceStrength));
        }

        document.Add(table);
    }

    private static void Matrix(ReportDocument document, ComparisonReportModel model)
    {
        document.Add(new Heading("Scores by section", Theme.H1));
        document.Add(new Paragraph("The best score in each row is highlighted (all of them when tied).", Theme.Small) { SpaceAfter = 6 });
        // Beyond five vendors, names no longer fit their columns: columns carry the rank and a key follows.
        var byRank = model.Vendors.Count > 5;
        var columns = new List<TableColumn> { byRank ? TableColumn.Fixed(118) : TableColumn.Relative(2.4f - model.Vendors.Count * 0.12f), TableColumn.Fixed(46, TextAlign.Right) };
        columns.AddRange(model.Vendors.Select(_ => TableColumn.Relative(1, TextAlign.Right)));
        // Vendor names head narrow columns: a smaller header face keeps them from breaking mid-word.
        var table = byRank ? new Table(columns) : new Table(columns) { Style = new TableStyle { HeaderText = new TableStyle().HeaderText with { Size = 7.5f } } };
        table.Header = new TableRow(new[] { TableCell.Of("Section"), TableCell.Of("Weight") }
            .Concat(model.Vendors.Select((v, i) => TableCell.Of(byRank ? $"#{i + 1}" : ReportFormat.Text(v.VendorName)))));
        foreach (var row in model.SectionMatrix)
        {
            var finite = row.Scores.Where(s => s is { } d && double.IsFinite(d)).Select(s => s!.Value).ToList();
            double? best = finite.Count > 0 ? finite.Max() : null;
            var cells = new List<TableCell> { row.SectionTitle, ReportFormat.Number(row.Weight) };
            for (var i = 0; i < model.Vendors.Count; i++)
            {
                var score = i < row.Scores.Count ? row.Scores[i] : null;
                var isBest = best is not null && score == best && finite.Count > 1;
                cells.Add(isBest
                    ? TableCell.Of(new TextRun(ReportFormat.Score(score), Theme.Cell.AsBold())) with { Background = Theme.Best }
                    : TableCell.Of(ReportFormat.Score(score)));
            }

            table.Rows.Add(new TableRow(cells));
        }

        var overall = new List<TableCell> { TableCell.Of(new TextRun("Overall", Theme.Cell.AsBold())), "" };
        overall.AddRange(model.Vendors.Select(v => TableCell.Of(new TextRun(ReportFormat.Score(v.OverallScore), Theme.Cell.AsBold()))));
        table.Rows.Add(new TableRow(overall) { Background = Theme.AccentLight });
        document.Add(table);
        if (byRank)
        {
            document.Add(new Paragraph(model.Vendors.SelectMany((v, i) => new[]
            {
                new TextRun((i == 0 ? string.Empty : "   ") + $"#{i + 1}", Theme.Small.AsBold()),
                new TextRun("\u00A0" + ReportFormat.Text(v.VendorName), Theme.Small),
            })) { SpaceAfter = 6 });
        }
    }

    private static void Radar(ReportDocument document, ComparisonReportModel model)
    {
        var axes = model.SectionMatrix.Select(r => (string?)r.SectionTitle).ToList();
        var series = model.Vendors.Select((v, i) => new RadarSeries(v.VendorName,
            model.SectionMatrix.Select(r => i < r.Scores.Count ? r.Scores[i] : null).ToList())).ToList();
        var elements = new List<Element> { new Heading("Profile by section", Theme.H1), new RadarChart(axes, series) };
        if (model.Vendors.Count > RadarChart.MaxSeries)
        {
            elements.Add(new Paragraph($"The chart shows the first {RadarChart.MaxSeries} vendors of the ranking.", Theme.Small));
        }

        document.Add(new KeepTogether(elements));
    }

    private static void Weighting(ReportDocument document, ComparisonReportModel model)
    {
        if (model.Weighting is not { } weighting)
        {
            return;
        }

        var table = new Table(TableColumn.Relative(4), TableColumn.Fixed(80, TextAlign.Right)).WithHeader("Section", "Multiplier");
        foreach (var m in weighting.Multipliers)
        {
            table.AddRow(m.SectionTitle, "× " + ReportFormat.Number(m.Multiplier));
        }

        document.Add(new KeepTogether(
            new Heading($"What-if weighting: {weighting.Name}", Theme.H1),
            new Paragraph("Scores and ranking in this report use the question set's section weights multiplied as follows. The question set itself is unchanged.", Theme.Text),
            table));
    }

    private static void Costs(ReportDocument document, ComparisonReportModel model)
    {
        if (model.CostProjection is not { } cost)
        {
            return;
        }

        var p = cost.Profile;
        var table = new Table(TableColumn.Relative(3), TableColumn.Relative(1.3f, TextAlign.Right), TableColumn.Relative(1.3f, TextAlign.Right),
                TableColumn.Relative(1.4f, TextAlign.Right), TableColumn.Relative(1.1f, TextAlign.Right), TableColumn.Relative(1.3f, TextAlign.Right))
            .WithHeader("Vendor", "Month 1", "Month 12 (peak)", "12 months", "Per unit", "Throttling risk");
        foreach (var row in cost.Rows)
        {
            table.AddRow(TableCell.Of(new TextRun(ReportFormat.Text(row.VendorName), Theme.Cell.AsBold())),
                ReportFormat.Usd(row.NormalMonthUsd), ReportFormat.Usd(row.PeakMonthUsd),
                TableCell.Of(new TextRun(ReportFormat.Usd(row.TwelveMonthsUsd), Theme.Cell.AsBold())),
                row.CostPerUnit ?? "—",
                row.ThrottlingRisk switch
                {
                    true => TableCell.Of(new TextRun("Yes", Theme.Cell.AsBold() with { Color = Theme.Danger })),
                    false => "No",
                    null => "unknown",
                });
        }

        var inv = CultureInfo.InvariantCulture;
        var description = p.Description ??
            $"{p.InputTokensPerMonth.ToString("#,0", inv)} input and {p.OutputTokensPerMonth.ToString("#,0", inv)} output tokens a month; " +
            $"peak × {ReportFormat.Number(p.PeakMultiplier)}, agentic × {ReportFormat.Number(p.AgenticMultiplier)}.";
        var elements = new List<Element>
        {
            new Heading("Cost at scale", Theme.H1),
            new Paragraph($"Workload “{p.Name}”: {description}", Theme.Text),
        };
        if (p.Assumes is { } assumes)
            elements.Add(new Paragraph($"The preset assumes: {assumes}", Theme.Small));
        elements.Add(new Paragraph("Amounts in US dollars, whole dollars above $100, else to the cent (a unit's cost under $1 to a hundredth of a cent); “unknown” where a price is missing, never 0. " +
            "Month 1 carries the agentic overhead; month 12 also the peak. Cost is shown beside risk and never enters the risk score.", Theme.Small) { SpaceAfter = 4 });
        elements.Add(table);
        document.Add(new KeepTogether([.. elements]));

        // Each vendor keeps the colour it has in the other charts (its place in the ranking), though the unpriced are left out.
        var charted = cost.Rows.Select((row, rank) => (row, rank)).Where(c => c.row.MonthlyUsd.Any(m => m is not null)).ToList();
        var unpriced = cost.Rows.Where(r => r.MonthlyUsd.All(m => m is null)).Select(r => ReportFormat.Text(r.VendorName)).ToList();
        if (charted.Count > 0)
        {
            List<Element> chart =
            [
                new Heading("Twelve months", Theme.H2),
                new LineChart(Enumerable.Range(1, 12).Select(m => m.ToString(inv)),
                    charted.Select(c => new LineSeries(c.row.VendorName, [.. c.row.MonthlyUsd.Select(m => m is { } v ? (double?)(double)v : null)],
                        RadarChart.Palette[c.rank % RadarChart.Palette.Count])))
                {
                    Format = v => "$" + v.ToString("#,0", inv),
                },
            ];
            if (unpriced.Count > 0)
                chart.Add(new Paragraph($"Not charted, for want of a price: {string.Join(", ", unpriced)}.", Theme.Small));
            document.Add(new KeepTogether(chart));
            var months = new Table([TableColumn.Relative(1), .. charted.Select(_ => TableColumn.Relative(2, TextAlign.Right))])
                .WithHeader(["Month", .. charted.Select(c => ReportFormat.Text(c.row.VendorName))]);
            for (var m = 0; m < 12; m++)
            {
                var month = m;
                months.AddRow([(m + 1).ToString(inv), .. charted.Select(c => (TableCell)ReportFormat.Usd(month < c.row.MonthlyUsd.Count ? c.row.MonthlyUsd[month] : null))]);
            }

            document.Add(months);
        }

        VolumeChart(document, model);
        var notes = new List<Element> { new Heading("Assumptions and sensitivity", Theme.H2) };
        foreach (var row in cost.Rows)
        {
            var lines = new List<string>();
            if (row.PeakTokensPerMinute is { } tpm)
                lines.Add($"peak {tpm} tokens a minute" + (row.Headroom is { } headroom ? $", {headroom}" : ""));
            lines.AddRange(row.Assumptions);
            if (row.Sensitivity is { } sensitivity)
                lines.Add(sensitivity.TrimEnd('.'));
            // Each part is a sentence of its own: the assumptions and the sensitivity are written as sentences.
            var sentences = lines.Select(l => l.TrimEnd('.')).Where(l => l.Length > 0).Select(l => char.ToUpperInvariant(l[0]) + l[1..] + ".");
            notes.Add(new Paragraph([new TextRun(ReportFormat.Text(row.VendorName) + ": ", Theme.Text.AsBold()),
                new TextRun(lines.Count == 0 ? "nothing assumed." : string.Join(" ", sentences), Theme.Text)]));
        }

        document.Add(new KeepTogether([.. notes]));
    }

    private static void Differences(ReportDocument document, ComparisonReportModel model)
    {
        document.Add(new PageBreak());
        document.Add(new Heading("Where the answers differ", Theme.H1));
        if (model.Differences.Count == 0)
        {
            document.Add(new Paragraph("All vendors gave the same answers to every question.", Theme.Text));
            return;
        }

        document.Add(new Paragraph("Only questions whose answers differ are listed, grouped by section. “Not in this version” marks a question the vendor's question set version does not have.", Theme.Text) { SpaceAfter = 4 });
        foreach (var section in model.Differences)
        {
            document.Add(new Heading(section.SectionTitle, Theme.H2));
            var table = new Table(TableColumn.Relative(2.3f), TableColumn.Relative(3.7f)).WithHeader("Question", "Answers");
            foreach (var q in section.Questions)
            {
                var answers = new List<TextRun>();
                for (var i = 0; i < model.Vendors.Count; i++)
                {
                    var answer = i < q.Answers.Count ? q.Answers[i] : null;
                    answers.Add(new TextRun((i == 0 ? string.Empty : "\n") + ReportFormat.Text(model.Vendors[i].VendorName) + ": ", Theme.Cell.AsBold()));
                    answers.Add(answer is null
                        ? new TextRun("Not in this version", Theme.Small)
                        : new TextRun(answer.Length == 0 ? ReportFormat.Missing : answer, Theme.Cell));
                }

                table.AddRow(TableCell.Of(new TextRun(q.QuestionText, Theme.Cell), new TextRun("\n" + q.QuestionKey, Theme.Small)), TableCell.Of(answers));
            }

            document.Add(table);
        }
    }
}
