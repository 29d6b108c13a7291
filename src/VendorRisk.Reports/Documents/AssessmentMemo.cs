using VendorRisk.Domain.Common;

namespace VendorRisk.Reports.Documents;

/// <summary>
/// Page 1 of the assessment report: what a decision-maker reads in a minute — the decision asked for, the recommendation,
/// rating and knockouts, the top risks with what would fix them, the conditions, and a block to sign.
/// </summary>
internal static class AssessmentMemo
{
    public const string Title = "Decision memo";

    /// <summary>Risks on the memo; the executive summary lists more.</summary>
    public const int MemoRisks = 3;

    public static void Compose(ReportDocument document, AssessmentReportModel model, string vendor)
    {
        document.Add(new Paragraph("DECISION MEMO · VENDOR RISK ASSESSMENT", Theme.Kicker) { SpaceAfter = 4 });
        if (!model.IsReviewed)
        {
            document.Add(new Box(new Paragraph([
                new TextRun(AssessmentReport.UnreviewedMark(model).ToUpperInvariant() + ". ", Theme.SmallStrong with { Color = Theme.Danger }),
                new TextRun("No reviewer has decided yet: every figure below is provisional.", Theme.Small with { Color = Theme.Body }),
            ]) { SpaceAfter = 0 })
            {
                Background = Theme.DangerLight, Accent = Theme.Danger, Padding = new Thickness(10, 5, 6, 4), SpaceAfter = 6,
            });
        }

        document.Add(new Paragraph(vendor, Theme.Title) { SpaceAfter = 2 });
        var subtitle = string.Join(" · ", new[] { model.Title, $"{model.QuestionSet.Title} version {model.QuestionSet.Version}", $"report of {ReportFormat.Date(model.GeneratedAt)}" }
            .Where(p => !string.IsNullOrWhiteSpace(p)));
        document.Add(new Paragraph(subtitle, Theme.Text with { Color = Theme.Muted }) { SpaceAfter = 3 });
        document.Add(new Paragraph(Facts(model), Theme.Small) { SpaceAfter = 2 });
        document.Add(new Rule(Theme.Accent, 1.5f) { Margin = 5 });

        // The scope is the analyst's free text (often several clauses), so it follows the question rather than sitting inside
        // it; without one the question stands alone (the title is in the subtitle, and is no scope).
        var scope = model.Scope?.Trim().TrimEnd('.', ';', ',');
        var runs = new List<TextRun> { new("Decision asked for: ", Theme.Strong with { Color = Theme.Accent }) };
        if (string.IsNullOrEmpty(scope))
            runs.Add(new TextRun($"may {vendor} be used? Approve, approve with conditions, or reject.", Theme.Text));
        else
        {
            runs.Add(new TextRun($"may {vendor} be used within this scope? Approve, approve with conditions, or reject. ", Theme.Text));
            runs.Add(new TextRun("Scope: ", Theme.Strong));
            runs.Add(new TextRun(scope + (scope.EndsWith('?') || scope.EndsWith('!') ? "" : "."), Theme.Text));
        }
        document.Add(new Paragraph(runs) { SpaceAfter = 6 });

        Recommendation(document, model);
        Rating(document, model);
        Risks(document, model);
        if (!string.IsNullOrWhiteSpace(model.ApprovalConditions))
        {
            document.Add(new Box(
                new Paragraph("Conditions of approval", Theme.H3) { SpaceAfter = 2 },
                new Paragraph(model.ApprovalConditions, Theme.Text) { SpaceAfter = 0 })
            {
                Background = new SkiaSharp.SKColor(0xFF, 0xF7, 0xE6), Accent = new SkiaSharp.SKColor(0xB4, 0x6B, 0x00), Padding = new Thickness(12, 6, 8, 5),
            });
        }
        else if (!string.IsNullOrWhiteSpace(model.ReviewComment))
        {
            document.Add(new Paragraph([new TextRun("Reviewer's comment: ", Theme.Strong), new TextRun(model.ReviewComment, Theme.Text)]) { SpaceAfter = 6 });
        }

        SignatureBlock(document, model);
        document.Add(new PageBreak { OnlyOnPage = 1 });
    }

    private static string Facts(AssessmentReportModel model)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(model.Status)) parts.Add($"Status: {model.Status}");
        if (!string.IsNullOrWhiteSpace(model.Assessor)) parts.Add($"assessor {model.Assessor}");
        if (!string.IsNullOrWhiteSpace(model.Reviewer)) parts.Add($"reviewer {model.Reviewer}");
        if (model.CreatedAt is not null) parts.Add($"started {ReportFormat.Date(model.CreatedAt)}");
        if (model.SubmittedAt is not null) parts.Add($"submitted {ReportFormat.Date(model.SubmittedAt)}");
        if (model.ReviewedAt is not null) parts.Add($"reviewed {ReportFormat.Date(model.ReviewedAt)}");
        return string.Join(" · ", parts);
    }

    private static void Recommendation(ReportDocument document, AssessmentReportModel model)
    {
        var (color, light) = model.Recommendation switch
        {
            "Approve" => (new SkiaSharp.SKColor(0x1B, 0x6B, 0x3A), new SkiaSharp.SKColor(0xE8, 0xF5, 0xEC)),
            "Approve with conditions" => (new SkiaSharp.SKColor(0x8A, 0x52, 0x00), new SkiaSharp.SKColor(0xFF, 0xF7, 0xE6)),
            "Reject" => (Theme.Danger, Theme.DangerLight),
            _ => (Theme.Muted, new SkiaSharp.SKColor(0xF1, 0xF5, 0xF9)),
        };
        var headline = model.Recommendation ?? "Not yet reviewed";
        var reason = model.Recommendation is null
            ? "No recommendation until a reviewer decides. The figures below show where the assessment stands today."
            : $"Decided by {model.Reviewer ?? "the reviewer"}{(model.ReviewedAt is null ? "" : " on " + ReportFormat.Date(model.ReviewedAt))}.";
        document.Add(new Box(
            new Paragraph([new TextRun("Recommendation: ", Theme.Text with { Size = 12, Color = Theme.Body }), new TextRun(headline, Theme.Strong with { Size = 13, Color = color })]) { SpaceAfter = 2 },
            new Paragraph(reason, Theme.Small with { Color = Theme.Body }) { SpaceAfter = 0 })
        {
            Background = light, Accent = color, Padding = new Thickness(12, 7, 8, 6),
        });
    }

    private static void Rating(ReportDocument document, AssessmentReportModel model)
    {
        var rating = new List<TextRun>
        {
            new(ReportFormat.Rating(model.RatingLabel), Theme.Strong with { Color = Theme.Parse(model.RatingColorHex) }),
            new($"   score {ReportFormat.Score(model.OverallScore)} of 100 (higher is better)", Theme.Text),
        };
        if (model.Knockouts.Count > 0 && !string.IsNullOrEmpty(model.BandRatingLabel) && model.BandRatingLabel != model.RatingLabel)
        {
            rating.Add(new TextRun($"; the score alone would rate {ReportFormat.Rating(model.BandRatingLabel)}", Theme.Small));
        }

        var knockouts = model.Knockouts.Count == 0
            ? new List<TextRun> { new("None: no critical control failed.", Theme.Text) }
            : KnockoutRuns(model);
        document.Add(new KeyValueBlock { KeyWidth = 110 }
            .Add("Rating", rating)
            .Add("Knockouts", knockouts)
            .Add("Answers and evidence", [new TextRun($"{ReportFormat.Percent(model.Completeness)} of questions answered · evidence strength {ReportFormat.Score(model.EvidenceStrength)} of 100", Theme.Text)]));
    }

    /// <summary>The failed critical controls: those that cap the rating, then those whose risk a reviewer accepted (which do not).</summary>
    private static List<TextRun> KnockoutRuns(AssessmentReportModel model)
    {
        var accepted = model.AcceptedKnockouts.ToDictionary(a => a.QuestionKey, StringComparer.Ordinal);
        var capping = model.Knockouts.Where(k => !accepted.ContainsKey(k.QuestionKey)).ToList();
        var lifted = model.Knockouts.Where(k => accepted.ContainsKey(k.QuestionKey)).ToList();
        var runs = new List<TextRun>();
        if (capping.Count > 0)
        {
            // "Capping" only where the cap lowers the rating: a score whose own band is as bad gains nothing from a fix.
            var lead = model.BandRatingLabel is null ? ": "
                : model.RatingLabel != model.BandRatingLabel ? ", capping the rating: "
                : $" (the score alone rates it {model.BandRatingLabel}): ";
            // With accepted ones too, the count is of all that failed, as the summary page counts them.
            var failed = lifted.Count == 0 ? $"{Plural.Count(capping.Count, "critical control")} failed"
                : $"{Plural.Count(model.Knockouts.Count, "critical control")} failed. {capping.Count} with no risk accepted";
            runs.Add(new(failed + lead, Theme.Strong with { Color = Theme.Danger }));
            runs.Add(new(string.Join("; ", capping.Select(k => $"{k.QuestionText} ({k.QuestionKey})")), Theme.Text));
        }
        string Acceptance(KnockoutModel k) => ReportFormat.AcceptedBy(accepted[k.QuestionKey].AcceptedBy, accepted[k.QuestionKey].Until);
        if (lifted.Count > 0 && capping.Count > 0)
        {
            // The memo must stay one page: beside the capping ones, the accepted ones go by key (the summary names them in full).
            runs.Add(new(". Risk accepted, not capping the rating: ", Theme.Strong));
            runs.Add(new(string.Join("; ", lifted.Select(k => $"{k.QuestionKey}, {Acceptance(k)}")), Theme.Text));
        }
        else if (lifted.Count > 0)
        {
            runs.Add(new($"{Plural.Count(lifted.Count, "critical control")} failed with the risk accepted, not capping the rating: ", Theme.Strong));
            runs.Add(new(string.Join("; ", lifted.Select(k => $"{k.QuestionText} ({k.QuestionKey}), {Acceptance(k)}")), Theme.Text));
        }
        return runs;
    }

    private static void Risks(ReportDocument document, AssessmentReportModel model)
    {
        document.Add(new Heading("Top risks and what would fix them", Theme.H3 with { Color = Theme.Accent, Size = 11 }));
        if (model.TopRisks.Count == 0)
        {
            document.Add(new Paragraph("Every scored question earns full marks.", Theme.Text));
            return;
        }

        var table = new Table(TableColumn.Relative(3.4f), TableColumn.Relative(2.2f), TableColumn.Relative(2.6f), TableColumn.Fixed(52, TextAlign.Right))
            .WithHeader("Risk", "Answer now", "Would fix it", "Score gain");
        var accepted = model.AcceptedKnockouts.Select(a => a.QuestionKey).ToHashSet(StringComparer.Ordinal);
        foreach (var risk in model.TopRisks.Take(MemoRisks))
        {
            var name = new List<TextRun> { new(risk.Name, Theme.Cell.AsBold()) };
            if (risk.IsKnockout)
            {
                // An accepted knockout is still a knockout (scoring.md §4), but it must not read as one that caps the rating.
                name.Add(accepted.Contains(risk.QuestionKey)
                    ? new TextRun("  KNOCKOUT · RISK ACCEPTED", Theme.SmallStrong with { Color = Theme.Muted })
                    : new TextRun("  KNOCKOUT", Theme.SmallStrong with { Color = Theme.Danger }));
            }

            name.Add(new TextRun($"\n{risk.SectionTitle} · {risk.QuestionKey}", Theme.Small));
            table.AddRow(TableCell.Of(name),
                TableCell.Of(new TextRun(risk.AnswerText ?? "Unanswered", Theme.Cell with { Color = risk.AnswerText is null ? Theme.Danger : Theme.Body })),
                TableCell.Of(new TextRun(risk.Fix, Theme.Cell)),
                risk.PointsGained is { } gain ? "+" + ReportFormat.Score(gain) : ReportFormat.Missing);
        }

        document.Add(table);
    }

    private static void SignatureBlock(ReportDocument document, AssessmentReportModel model)
    {
        var reviewed = model.Recommendation is not null;
        var table = new Table(TableColumn.Relative(2.4f), TableColumn.Relative(1.4f), TableColumn.Relative(2.2f), TableColumn.Relative(2.4f))
            .WithHeader("Reviewer", "Date", "Decision", "Signature");
        table.Rows.Add(new TableRow(
            reviewed ? ReportFormat.Text(model.Reviewer) : " ",
            reviewed ? ReportFormat.Date(model.ReviewedAt) : " ",
            reviewed ? model.Recommendation! : "☐ Approve  ☐ With conditions  ☐ Reject",
            "\n\n"));
        document.Add(new KeepTogether(new Heading("Approval", Theme.H3 with { Color = Theme.Accent, Size = 11 }), table));
    }
}
