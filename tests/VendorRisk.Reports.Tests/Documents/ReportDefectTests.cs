using VendorRisk.Reports.Documents;
using VendorRisk.Reports.Models;

namespace VendorRisk.Reports.Tests.Documents;

/// <summary>Glitches a reader found in printed reports.</summary>
public sealed class ReportDefectTests
{
    private static string AllText(byte[] pdf) => string.Join("\n", PdfText.Pages(pdf));

    private static AssessmentReportModel WithUndatedEvidence(AssessmentReportModel model)
    {
        var first = model.Sections[0];
        var question = first.Questions[0] with { Evidence = new EvidenceModel("Vendor attestation", null, "Letter from the CISO") };
        return model with { Sections = [first with { Questions = [question, .. first.Questions.Skip(1)] }, .. model.Sections.Skip(1)] };
    }

    [Fact]
    public void A_vendor_name_too_long_for_the_running_header_is_cut_on_one_line_with_an_ellipsis()
    {
        var name = "Northwind Cognition Holdings International " + string.Concat(Enumerable.Repeat("Frontier Research Division ", 6)) + "Europe";
        var model = SampleModels.Assessment() with { VendorName = name };

        var second = PdfText.Pages(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken))[1];
        var header = second.Split('\n').First(l => l.Contains("Vendor risk assessment", StringComparison.Ordinal));

        Assert.Contains("Vendor risk assessment · Northwind Cognition Holdings", header, StringComparison.Ordinal);
        Assert.Contains("…", header, StringComparison.Ordinal);
        Assert.DoesNotContain("Europe", second, StringComparison.Ordinal); // nor on a second line of the header
    }

    [Fact]
    public void A_memo_that_runs_over_its_page_goes_on_into_the_summary_instead_of_leaving_the_sign_off_alone_on_a_page()
    {
        var conditions = string.Join(" ", Enumerable.Range(1, 14).Select(i =>
            $"Condition {i}: the vendor confirms in writing, before go-live, that the control described in finding {i} is in place and tested."));
        var model = SampleModels.Assessment() with { ApprovalConditions = conditions };

        var pages = PdfText.Pages(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken));

        var signOff = pages.FindIndex(p => p.Contains("Signature", StringComparison.Ordinal));
        Assert.True(signOff > 0, "the memo is long enough to run over its page");
        Assert.Contains(AssessmentReport.SummaryTitle, pages[signOff], StringComparison.Ordinal);
    }

    [Fact]
    public void Undated_evidence_says_undated_not_a_row_of_dashes()
    {
        var text = AllText(new SkiaReportRenderer().RenderAssessment(WithUndatedEvidence(SampleModels.Assessment()), TestContext.Current.CancellationToken));

        Assert.Contains(PdfText.Squeeze("Vendor attestation, undated — Letter from the CISO"), PdfText.Squeeze(text), StringComparison.Ordinal);
        Assert.DoesNotContain("dated — —", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unanswered_weakest_question_says_it_is_unanswered_and_an_answered_one_does_not()
    {
        var model = SampleModels.Assessment() with
        {
            WeakestQuestions =
            [
                new WeakQuestionModel("exit-plan", "Is there a tested exit plan?", "Continuity", 0, 3, Unanswered: true),
                new WeakQuestionModel("region-gating", "Are regions gated?", "Access", 0, 2),
            ],
        };
        var summary = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken))
            .First(p => p.Contains(AssessmentReport.SummaryTitle, StringComparison.Ordinal)));

        Assert.Contains(PdfText.Squeeze("exit-plan · " + AssessmentReport.UnansweredMark), summary, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Squeeze("region-gating · " + AssessmentReport.UnansweredMark), summary, StringComparison.Ordinal);
    }

    [Fact]
    public void The_review_conditions_and_comment_are_printed_once_and_the_summary_points_to_them()
    {
        var model = SampleModels.Assessment() with { Findings = [] };
        var text = PdfText.Squeeze(AllText(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken)));

        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(PdfText.Squeeze(model.ApprovalConditions!))));
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(text, System.Text.RegularExpressions.Regex.Escape(PdfText.Squeeze(model.ReviewComment!))));
        Assert.Contains(PdfText.Squeeze("Its conditions are" + AssessmentReport.OnTheMemo), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vendor_with_many_knockouts_keeps_the_comparison_memo_on_one_page()
    {
        var model = SampleModels.Comparison();
        KnockoutModel[] six = [.. Enumerable.Range(1, 6).Select(i => new KnockoutModel($"control-{i}",
            $"Does the vendor meet the long-worded critical control number {i}, with its evidence, its scope and its exceptions?"))];
        model = model with { Vendors = [.. model.Vendors.Select((v, i) => i == model.Vendors.Count - 1 ? v with { Knockouts = six } : v)] };

        var pages = PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken));
        var first = PdfText.Squeeze(pages[0]);

        Assert.Contains(PdfText.Squeeze(six[0].QuestionText), first, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Squeeze(six[2].QuestionText), first, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("+4 more: control-3, control-4, control-5, control-6 (failed critical controls, page 2 on)"), first, StringComparison.Ordinal);
        // The ones named by key on the memo are given in full after the scores.
        var knockouts = PdfText.Squeeze(pages.First(p => p.Contains(ComparisonReport.KnockoutsTitle, StringComparison.Ordinal)));
        Assert.All(six, k => Assert.Contains(PdfText.Squeeze(k.QuestionText), knockouts, StringComparison.Ordinal));
        // The memo ends on page 1 (its warning included), and page 2 opens the scores.
        Assert.Contains(PdfText.Squeeze("Not every compared assessment is approved."), first, StringComparison.Ordinal);
        Assert.Contains("Scores by section", pages[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_knockout_reads_red_while_it_caps_the_rating_in_the_memo_and_in_full_in_the_table_of_failed_controls()
    {
        var model = SampleModels.Comparison();
        KnockoutModel[] three = [.. new[] { "Accepted", "Capping", "Third" }.Select(name => new KnockoutModel(name.ToLowerInvariant() + "-control", $"{name} control question?")
        {
            FullText = $"{name} control question? With the whole of its wording.",
        })];
        model = model with
        {
            Vendors = [.. model.Vendors.Select((v, i) => i == 0
                ? v with { Knockouts = three, AcceptedKnockouts = [new KnockoutAcceptanceNote("accepted-control", "Rita Reviewer", new DateOnly(2027, 6, 30))] }
                : v)],
        };

        var pdf = new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken);
        var pages = PdfText.Pages(pdf);
        var letters = PdfText.Letters(pdf);
        var memo = letters[0];
        var table = letters[pages.FindIndex(p => p.Contains(ComparisonReport.KnockoutsTitle, StringComparison.Ordinal))];

        Assert.Equal(Theme.Muted, PdfText.InkOf(memo, "", "Accepted control question?"));
        Assert.Equal(Theme.Danger, PdfText.InkOf(memo, "", "Capping control question?"));
        Assert.Equal(Theme.Body, PdfText.InkOf(table, "", "Accepted control question? With the whole of its wording."));
        Assert.Equal(Theme.Danger, PdfText.InkOf(table, "", "Capping control question? With the whole of its wording."));
        Assert.Equal(Theme.Danger, PdfText.InkOf(table, "", "Third control question? With the whole of its wording."));
        Assert.DoesNotContain("With the whole of its wording", pages[0], StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("accepted-control (risk accepted by Rita Reviewer"), PdfText.Squeeze(pages[0]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_comparison_whose_memo_names_every_knockout_in_full_has_no_list_of_them()
    {
        var model = SampleModels.Comparison();
        Assert.All(model.Vendors, v => Assert.True(v.Knockouts.Count <= ComparisonReport.MemoKnockouts));

        var pages = PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken));

        Assert.DoesNotContain(pages, p => p.Contains(ComparisonReport.KnockoutsTitle, StringComparison.Ordinal));
    }

    [Fact]
    public void The_cost_against_volume_chart_stands_with_the_costs_and_names_the_unpriced()
    {
        var pages = PdfText.Pages(new SkiaReportRenderer().RenderComparison(SampleModels.Comparison(), TestContext.Current.CancellationToken));

        var chartPage = pages.Single(p => p.Contains(ComparisonReport.VolumeChartTitle, StringComparison.Ordinal));
        Assert.Contains("(price unknown)", chartPage, StringComparison.Ordinal);
        Assert.True(Array.IndexOf([.. pages], chartPage) >= Array.FindIndex([.. pages], p => p.Contains("Month 12 (peak)", StringComparison.Ordinal)),
            "The chart follows the cost table.");
    }

    [Fact]
    public void Without_a_scope_no_scope_is_printed_and_the_title_is_not_passed_off_as_one()
    {
        var model = SampleModels.Assessment() with { Title = "Annual review 2026", Scope = null };
        var text = AllText(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken));

        Assert.DoesNotContain("Scope", text, StringComparison.Ordinal);
        Assert.Contains("Annual review 2026", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_of_an_assessment_not_yet_reviewed_is_marked_draft_on_every_page()
    {
        var draft = PdfText.Pages(new SkiaReportRenderer().RenderAssessment(SampleModels.Assessment() with { IsReviewed = false }, TestContext.Current.CancellationToken));
        var reviewed = PdfText.Pages(new SkiaReportRenderer().RenderAssessment(SampleModels.Assessment() with { IsReviewed = true }, TestContext.Current.CancellationToken));

        Assert.All(draft, page => Assert.Contains(AssessmentReport.DraftMark, page, StringComparison.Ordinal));
        Assert.All(reviewed, page => Assert.DoesNotContain(AssessmentReport.DraftMark, page, StringComparison.Ordinal));
    }

    [Fact]
    public void A_submitted_assessment_not_yet_reviewed_is_marked_submitted_not_draft()
    {
        var submitted = PdfText.Pages(new SkiaReportRenderer().RenderAssessment(SampleModels.Assessment() with { IsReviewed = false, Status = "Submitted" },
            TestContext.Current.CancellationToken));

        Assert.All(submitted, page => Assert.Contains(AssessmentReport.SubmittedMark, page, StringComparison.Ordinal));
        Assert.All(submitted, page => Assert.DoesNotContain("DRAFT", page, StringComparison.Ordinal));
        Assert.Contains(AssessmentReport.SubmittedMark.ToUpperInvariant(), submitted[0], StringComparison.Ordinal);
    }

    [Fact]
    public void Knockouts_of_a_score_already_in_the_capped_band_are_not_said_to_cap_it_nor_to_have_a_cap_to_lift()
    {
        var assessment = SampleModels.Assessment();
        Assert.NotEqual(assessment.RatingLabel, assessment.BandRatingLabel);
        var capped = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderAssessment(assessment, TestContext.Current.CancellationToken))[0]);
        var already = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderAssessment(
            assessment with { BandRatingLabel = assessment.RatingLabel }, TestContext.Current.CancellationToken))[0]);

        Assert.Contains(PdfText.Squeeze("failed, capping the rating:"), capped, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Squeeze("capping the rating:"), already, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze($"failed (the score alone rates it {assessment.RatingLabel}):"), already, StringComparison.Ordinal);

        var comparison = SampleModels.Comparison();
        var knockedOut = comparison.Vendors.Where(v => v.Knockouts.Count > 0).ToList();
        var critical = comparison with { Vendors = [.. comparison.Vendors.Select(v => knockedOut.Contains(v) ? v with { BandRatingLabel = v.RatingLabel } : v)] };
        var first = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderComparison(critical, TestContext.Current.CancellationToken))[0]);
        Assert.DoesNotContain(PdfText.Squeeze("would lift"), first, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Squeeze("held back by"), first, StringComparison.Ordinal);
    }

    [Fact]
    public void A_scope_of_several_clauses_follows_the_decision_question_instead_of_breaking_it()
    {
        var model = SampleModels.Assessment() with { Scope = "Annual reassessment ahead of the 2027 renewal; adds the agentic coding pilot." };
        var memo = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken))[0]);

        Assert.Contains(PdfText.Squeeze("be used within this scope? Approve, approve with conditions, or reject. Scope: Annual reassessment ahead of the 2027 renewal; adds the agentic coding pilot."),
            memo, StringComparison.Ordinal);
        Assert.DoesNotContain(PdfText.Squeeze("pilot?"), memo, StringComparison.Ordinal);
    }

    [Fact]
    public void A_vendor_without_a_price_is_named_under_the_twelve_month_chart_it_is_left_out_of()
    {
        var model = SampleModels.Comparison(4);
        var cost = model.CostProjection!;
        model = model with
        {
            CostProjection = cost with
            {
                Rows = [.. cost.Rows.Select((r, i) => i == 1 ? r : r with { MonthlyUsd = [.. Enumerable.Range(1, 12).Select(m => (decimal?)(1_000m * m + i * 500m))] })],
            },
        };
        var text = PdfText.Squeeze(AllText(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken)));

        Assert.Contains(PdfText.Squeeze($"Not charted, for want of a price: {model.Vendors[1].VendorName}."), text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_vendor_name_heading_a_narrow_column_never_breaks_inside_a_word()
    {
        var model = SampleModels.Comparison(5);
        model = model with { Vendors = [.. model.Vendors.Select((v, i) => i == 1 ? v with { VendorName = "Brackenridge Intelligence" } : v)] };
        var pages = PdfText.Letters(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken));

        var found = 0;
        foreach (var letters in pages)
        {
            for (var i = 0; i + 12 <= letters.Count; i++)
            {
                if (string.Concat(letters.Skip(i).Take(12).Select(l => l.Value)) != "Brackenridge")
                    continue;
                found++;
                var baseline = letters[i].StartBaseLine.Y;
                Assert.All(letters.Skip(i).Take(12), l => Assert.Equal(baseline, l.StartBaseLine.Y, 0.5));
            }
        }

        Assert.True(found >= 2, "The name should head the matrix and appear in the ranking.");
    }
}
