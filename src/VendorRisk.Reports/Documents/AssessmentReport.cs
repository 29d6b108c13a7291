using VendorRisk.Domain.Common;

namespace VendorRisk.Reports.Documents;

/// <summary>Builds the scored assessment report: cover, executive summary, section scores, answers, appendix.</summary>
public static class AssessmentReport
{
    /// <summary>Title of the executive summary page (page 2), which names every knockout.</summary>
    public const string SummaryTitle = "Executive summary";

    /// <summary>Printed on every page of a report whose assessment has not been reviewed.</summary>
    public const string DraftMark = "DRAFT — not reviewed";
    public const string SubmittedMark = "SUBMITTED — not reviewed";

    /// <summary>The executive summary's pointer to the memo, which prints the review's text once.</summary>
    public const string OnTheMemo = " on page 1, in the decision memo.";

    /// <summary>Beside a weakest question with no answer: its 0 is silence, not a poor answer.</summary>
    public const string UnansweredMark = "unanswered";

    /// <summary>Every page's warning until a reviewer decides; a submitted assessment is no longer a draft.</summary>
    public static string UnreviewedMark(AssessmentReportModel model) =>
        string.Equals(model.Status, "Submitted", StringComparison.OrdinalIgnoreCase) ? SubmittedMark : DraftMark;

    /// <summary>Composes the document for <paramref name="model"/>.</summary>
    public static ReportDocument Compose(AssessmentReportModel model, FontLibrary? fonts = null)
    {
        var vendor = ReportFormat.Text(model.VendorName);
        var document = new ReportDocument(PageSettings.A4, fonts)
        {
            Info = new DocumentInfo
            {
                Title = $"Vendor risk assessment — {vendor}",
                Author = model.Assessor,
                Subject = model.QuestionSet.Title,
                Created = model.GeneratedAt,
            },
            Header = new PageDecoration { Left = (model.IsReviewed ? "" : UnreviewedMark(model) + " · ") + $"Vendor risk assessment · {vendor}", Right = model.QuestionSet.Title + " v" + model.QuestionSet.Version, OnFirstPage = false },
            Footer = new PageDecoration { Left = (model.IsReviewed ? "" : UnreviewedMark(model) + " · ") + "Confidential — prepared for procurement review", Right = "Page {page} of {pages}" },
        };

        AssessmentMemo.Compose(document, model, vendor);
        Summary(document, model);
        FindingsSection.Add(document, model);
        SectionScores(document, model);
        Answers(document, model);
        document.Add(new PageBreak());
        document.AddRange(Methodology.Appendix(model.RatingBands, model.KnockoutRatingLabel, comparison: false));
        return document;
    }

    private static List<TextRun> KnockoutSummary(int knockouts, int accepted)
    {
        var runs = new List<TextRun> { new($"{Plural.Count(knockouts, "critical control")} failed", Theme.Strong with { Color = Theme.Danger }) };
        if (accepted > 0)
            runs.Add(new TextRun(accepted == 1 ? "; the risk of 1 is accepted and does not cap the rating"
                : $"; the risks of {accepted} are accepted and do not cap the rating", Theme.Text));
        return runs;
    }

    /// <summary>A knockout as the summary lists it; an accepted one says who accepted its risk and until when (scoring.md §4).</summary>
    private static IReadOnlyList<TextRun> KnockoutLine(KnockoutModel knockout, AcceptedKnockoutModel? accepted)
    {
        var runs = new List<TextRun> { new(knockout.QuestionKey + "  ", Theme.SmallStrong), new(knockout.QuestionText, Theme.Text) };
        if (accepted is not null)
            runs.Add(new TextRun($" — risk {ReportFormat.AcceptedBy(accepted.AcceptedBy, accepted.Until)}", Theme.Small));
        return runs;
    }

    private static void Summary(ReportDocument document, AssessmentReportModel model)
    {
        document.Add(new Heading(SummaryTitle, Theme.H1));
        var ratingColor = Theme.Parse(model.RatingColorHex);
        document.Add(new RatingGauge
        {
            Score = model.OverallScore,
            ScoreText = ReportFormat.Score(model.OverallScore),
            RatingLabel = model.RatingLabel is null ? null : ReportFormat.Rating(model.RatingLabel),
            RatingColor = ratingColor,
            Bands = model.RatingBands.Select(b => new GaugeBand(b.Label, b.MinScore, Theme.Parse(b.ColorHex))).ToList(),
        });
        document.Add(new Spacer(10));

        var accepted = model.AcceptedKnockouts.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        var rating = ReportFormat.Rating(model.RatingLabel);
        var ratingRuns = new List<TextRun> { new(rating, Theme.Strong with { Color = ratingColor }) };
        if (model.Knockouts.Count > 0 && !string.IsNullOrEmpty(model.BandRatingLabel) && model.BandRatingLabel != model.RatingLabel)
        {
            ratingRuns.Add(new TextRun($"  (score alone: {ReportFormat.Rating(model.BandRatingLabel)}; capped by knockouts)", Theme.Small));
        }

        document.Add(new KeyValueBlock()
            .Add("Overall score", [new TextRun(ReportFormat.Score(model.OverallScore), Theme.Strong), new TextRun(" of 100", Theme.Small)])
            .Add("Rating", ratingRuns)
            .Add("Knockouts", model.Knockouts.Count == 0
                ? [new TextRun("None", Theme.Text)]
                : KnockoutSummary(model.Knockouts.Count, accepted.Count))
            .Add("Completeness", ReportFormat.Percent(model.Completeness))
            .Add("Evidence strength", [new TextRun(ReportFormat.Score(model.EvidenceStrength), Theme.Text), new TextRun(" of 100 — how far the answers are backed by evidence", Theme.Small)]));

        if (model.Knockouts.Count > 0)
        {
            document.Add(new Box(
                new Paragraph("Knockouts — critical controls that failed", Theme.H3 with { Color = Theme.Danger }) { SpaceAfter = 3 },
                new BulletList(model.Knockouts.Select(k => KnockoutLine(k, accepted.GetValueOrDefault(k.QuestionKey))), Theme.Strong with { Color = Theme.Danger }))
            {
                Background = Theme.DangerLight, Accent = Theme.Danger, Padding = new Thickness(12, 8, 8, 6),
            });
        }

        document.Add(new Heading("Weakest questions", Theme.H2));
        var weakest = model.WeakestQuestions.Take(5).ToList();
        if (weakest.Count == 0)
        {
            document.Add(new Paragraph("No scored question is below full marks.", Theme.Text));
        }
        else
        {
            var table = new Table(TableColumn.Relative(5), TableColumn.Relative(2.2f), TableColumn.Fixed(40, TextAlign.Right), TableColumn.Fixed(46, TextAlign.Right))
                .WithHeader("Question", "Section", "p", "Weight");
            foreach (var q in weakest)
            {
                table.AddRow(TableCell.Of(new TextRun(q.QuestionText, Theme.Cell), new TextRun("  " + q.QuestionKey + (q.Unanswered ? " · " + UnansweredMark : ""), Theme.Small)),
                    q.SectionTitle, ReportFormat.Fraction(q.P), ReportFormat.Number(q.Weight));
            }

            document.Add(table);
        }

        // The memo on page 1 prints the conditions, or else the comment, in full; here the decision is named and that text
        // not repeated.
        if (model.Recommendation is not null)
        {
            var hasConditions = !string.IsNullOrWhiteSpace(model.ApprovalConditions);
            var hasComment = !string.IsNullOrWhiteSpace(model.ReviewComment);
            var decision = new List<TextRun> { new("Review decision: ", Theme.Strong), new(model.Recommendation, Theme.Text) };
            if (!string.IsNullOrWhiteSpace(model.Reviewer))
                decision.Add(new TextRun($", by {model.Reviewer}" + (model.ReviewedAt is null ? "" : " on " + ReportFormat.Date(model.ReviewedAt)), Theme.Text));
            decision.Add(new TextRun(hasConditions ? ". Its conditions are" + OnTheMemo : hasComment ? ". The reviewer's comment is" + OnTheMemo : ".", Theme.Small));
            var parts = new List<Element> { new Paragraph(decision) { SpaceAfter = hasConditions && hasComment ? 3 : 0 } };
            if (hasConditions && hasComment)
                parts.Add(new Paragraph([new TextRun("Reviewer's comment: ", Theme.Strong), new TextRun(model.ReviewComment!, Theme.Text)]) { SpaceAfter = 0 });
            document.Add(new Box(parts) { Background = Theme.AccentLight, Accent = Theme.Accent, Padding = new Thickness(12, 8, 8, 6) });
        }

        document.Add(new PageBreak());
    }

    private static void SectionScores(ReportDocument document, AssessmentReportModel model)
    {
        document.Add(new Heading("Section scores", Theme.H1));
        document.Add(new Paragraph("Each section's score is the weighted average of its questions' answer fractions, on a scale of 0 to 100. The overall score weights the sections as shown.", Theme.Text) { SpaceAfter = 8 });
        var table = new Table(TableColumn.Fixed(22), TableColumn.Relative(6), TableColumn.Fixed(56, TextAlign.Right), TableColumn.Fixed(64, TextAlign.Right), TableColumn.Fixed(56, TextAlign.Right))
            .WithHeader("#", "Section", "Weight", "Questions", "Score");
        for (var i = 0; i < model.Sections.Count; i++)
        {
            var s = model.Sections[i];
            table.AddRow((i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), s.Title, ReportFormat.Number(s.Weight),
                s.Questions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                TableCell.Of([new TextRun(ReportFormat.Score(s.Score), Theme.Cell.AsBold())]));
        }

        table.Rows.Add(new TableRow("", TableCell.Of([new TextRun("Overall", Theme.Cell.AsBold())]), "", "",
            TableCell.Of([new TextRun(ReportFormat.Score(model.OverallScore), Theme.Cell.AsBold())])) { Background = Theme.AccentLight });
        document.Add(table);

        document.Add(new KeepTogether(
            new Heading("Scores by section", Theme.H2),
            new BarChart(model.Sections.Select(s => new BarItem(s.Title, s.Score)))
            {
                BarColor = Theme.Accent,
                Markers = model.RatingBands.Where(b => b.MinScore > 0 && b.MinScore < 100)
                    .Select(b => new ChartMarker(b.MinScore, b.Label, Theme.Parse(b.ColorHex))).ToList(),
            }));
    }

    private static void Answers(ReportDocument document, AssessmentReportModel model)
    {
        document.Add(new PageBreak());
        document.Add(new Heading("Answers by section", Theme.H1));
        document.Add(new Paragraph("For each question: the answer, its answer fraction p (0–1), its weight, the assessor's note and the evidence given. Critical questions are marked; a failed critical question is a knockout.", Theme.Text) { SpaceAfter = 4 });
        var knockoutKeys = model.Knockouts.Select(k => k.QuestionKey).ToHashSet(StringComparer.Ordinal);
        var acceptedKeys = model.AcceptedKnockouts.Select(a => a.QuestionKey).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < model.Sections.Count; i++)
        {
            var section = model.Sections[i];
            document.Add(new Heading($"{i + 1}. {section.Title}", Theme.H2));
            document.Add(new Paragraph([
                new TextRun("Score ", Theme.Small), new TextRun(ReportFormat.Score(section.Score), Theme.SmallStrong),
                new TextRun("   ·   Weight ", Theme.Small), new TextRun(ReportFormat.Number(section.Weight), Theme.SmallStrong),
                new TextRun($"   ·   {section.Questions.Count} questions", Theme.Small),
            ]) { SpaceAfter = 6, KeepWithNext = true });

            var table = new Table(TableColumn.Relative(5.2f), TableColumn.Relative(3f), TableColumn.Fixed(34, TextAlign.Right), TableColumn.Fixed(46, TextAlign.Right))
                .WithHeader("Question", "Answer", "p", "Weight");
            foreach (var q in section.Questions)
            {
                table.Rows.Add(new TableRow(QuestionCell(q, knockoutKeys.Contains(q.Key), acceptedKeys.Contains(q.Key)), AnswerCell(q),
                    q.IsScored && !q.IsNotApplicable ? ReportFormat.Fraction(q.P ?? (q.AnswerText is null ? 0 : null)) : ReportFormat.Missing,
                    ReportFormat.Number(q.Weight)));
            }

            document.Add(table);
        }
    }

    /// <summary>Enough of a file's SHA-256 to match it against the file in hand (64 bits).</summary>
    public const int ShaPrefixLength = 16;

    private static TableCell QuestionCell(QuestionModel q, bool knockout, bool accepted)
    {
        var runs = new List<TextRun> { new(q.Text, Theme.Cell.AsBold()), new("\n" + q.Key, Theme.Small) };
        if (q.IsCritical)
        {
            runs.Add(!knockout ? new TextRun("  ·  critical", Theme.SmallStrong with { Color = Theme.Muted })
                : accepted ? new TextRun("  ·  CRITICAL — KNOCKOUT, RISK ACCEPTED", Theme.SmallStrong with { Color = Theme.Muted })
                : new TextRun("  ·  CRITICAL — KNOCKOUT", Theme.SmallStrong with { Color = Theme.Danger }));
        }

        if (!string.IsNullOrWhiteSpace(q.Note))
        {
            runs.Add(new TextRun("\nNote: ", Theme.SmallStrong));
            runs.Add(new TextRun(q.Note, Theme.Small with { Color = Theme.Body }));
        }

        if (q.Evidence is { } e && (e.Source is not null || e.Date is not null || !string.IsNullOrWhiteSpace(e.Description)))
        {
            runs.Add(new TextRun("\nEvidence: ", Theme.SmallStrong));
            var dated = e.Date is { } date ? $"dated {ReportFormat.Date(date)}" : "undated";
            runs.Add(new TextRun($"{(string.IsNullOrWhiteSpace(e.Source) ? "source not stated" : e.Source)}, {dated}", Theme.Small with { Color = Theme.Body }));
            if (!string.IsNullOrWhiteSpace(e.Description))
            {
                runs.Add(new TextRun(" — " + e.Description, Theme.Small));
            }
        }

        foreach (var file in q.Files)
        {
            runs.Add(new TextRun("\nFile: ", Theme.SmallStrong));
            runs.Add(new TextRun(file.Name, Theme.Small with { Color = Theme.Body }));
            runs.Add(new TextRun($", {ReportFormat.Date(file.UploadedOn)}, SHA-256 {file.Sha256[..Math.Min(ShaPrefixLength, file.Sha256.Length)]}" +
                (file.ValidUntil is { } until ? $", valid until {ReportFormat.Date(until)}" : ""), Theme.Small));
        }

        return TableCell.Of(runs);
    }

    private static TableCell AnswerCell(QuestionModel q)
    {
        if (q.IsNotApplicable)
        {
            return TableCell.Of(new TextRun("Not applicable", Theme.Cell.AsBold()),
                new TextRun("\n" + ReportFormat.Text(q.NotApplicableJustification), Theme.Small with { Color = Theme.Body }));
        }

        return q.AnswerText is null
            ? TableCell.Of(new TextRun("Unanswered", Theme.Cell with { Color = Theme.Danger }))
            : TableCell.Of(new TextRun(q.AnswerText, Theme.Cell));
    }
}
