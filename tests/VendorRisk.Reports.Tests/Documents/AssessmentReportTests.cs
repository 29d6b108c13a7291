using VendorRisk.Reports.Documents;
using VendorRisk.Reports.Models;

namespace VendorRisk.Reports.Tests.Documents;

public sealed class AssessmentReportTests
{
    private static readonly AssessmentReportModel Model = SampleModels.Assessment();
    private static readonly Lazy<List<string>> Pages = new(() => PdfText.Pages(new SkiaReportRenderer().RenderAssessment(Model)));

    [Fact]
    public void Every_question_text_and_answer_text_appears()
    {
        var all = PdfText.Squeeze(string.Concat(Pages.Value));
        var questions = Model.Sections.SelectMany(s => s.Questions).ToList();
        Assert.Equal(48, questions.Count);
        foreach (var q in questions)
        {
            Assert.Contains(PdfText.Squeeze(q.Text), all, StringComparison.Ordinal);
            if (q.AnswerText is not null)
            {
                Assert.Contains(PdfText.Squeeze(q.AnswerText), all, StringComparison.Ordinal);
            }

            if (q.NotApplicableJustification is not null)
            {
                Assert.Contains(PdfText.Squeeze(q.NotApplicableJustification), all, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void The_summary_prints_the_models_overall_score_and_rating()
    {
        var summary = Pages.Value[1];
        Assert.Contains(AssessmentReport.SummaryTitle, summary, StringComparison.Ordinal);
        Assert.Equal("63.5", ReportFormat.Score(Model.OverallScore));
        Assert.Contains("Overall score63.5", summary, StringComparison.Ordinal);
        Assert.Contains("RatingHigh", summary, StringComparison.Ordinal);
        Assert.Contains("Completeness91.7 %", summary, StringComparison.Ordinal);
        Assert.Contains("Evidence strength42.3", summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Knockouts_are_named_on_the_summary_page()
    {
        var summary = PdfText.Squeeze(Pages.Value[1]);
        Assert.Equal(2, Model.Knockouts.Count);
        foreach (var k in Model.Knockouts)
        {
            Assert.Contains(PdfText.Squeeze(k.QuestionKey + k.QuestionText), summary, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_five_weakest_questions_are_on_the_summary_page()
    {
        var summary = PdfText.Squeeze(Pages.Value[1]);
        Assert.All(Model.WeakestQuestions.Take(5), q => Assert.Contains(PdfText.Squeeze(q.QuestionText), summary, StringComparison.Ordinal));
    }

    [Fact]
    public void Page_count_is_within_expected_bounds_and_every_page_is_numbered()
    {
        var pages = Pages.Value;
        // Cover, summary, section scores, about four pages of answers, appendix (two pages).
        Assert.InRange(pages.Count, 7, 12);
        for (var i = 0; i < pages.Count; i++)
        {
            Assert.Contains($"Page {i + 1} of {pages.Count}", pages[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public void The_first_page_is_a_decision_memo_that_fits_on_one_page()
    {
        var memo = Pages.Value[0];
        var squeezed = PdfText.Squeeze(memo);
        Assert.Contains("DECISION MEMO", memo, StringComparison.Ordinal);
        Assert.Contains("Aurora Frontier Labs", memo, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("Decision asked for: may Aurora Frontier Labs be used within this scope? Approve, approve with conditions, or reject. Scope: General-purpose LLM API"), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("Recommendation: Approve with conditions"), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("High risk score 63.5 of 100"), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("2 critical controls failed"), squeezed, StringComparison.Ordinal);
        Assert.All(Model.TopRisks.Take(3), r => Assert.Contains(PdfText.Squeeze(r.Name), squeezed, StringComparison.Ordinal));
        Assert.Contains("+4.3", memo, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze(Model.ApprovalConditions!), squeezed, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("ReviewerDateDecisionSignature"), squeezed, StringComparison.Ordinal);
        Assert.Contains("Maria Keller", memo, StringComparison.Ordinal);
        Assert.Contains("Tom Okafor", memo, StringComparison.Ordinal);
        Assert.Contains("2025-06-02", memo, StringComparison.Ordinal);
        Assert.Contains(AssessmentReport.SummaryTitle, Pages.Value[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void The_memo_says_which_failed_critical_controls_cap_the_rating_and_which_have_their_risk_accepted(int acceptedCount)
    {
        var accepted = Model.Knockouts.Take(acceptedCount)
            .Select(k => new AcceptedKnockoutModel(k.QuestionKey, k.QuestionText, "Rita Reviewer", new DateOnly(2025, 12, 31), "Pilot only.")).ToList();
        var every = acceptedCount == Model.Knockouts.Count;
        var model = Model with { AcceptedKnockouts = accepted, RatingLabel = every ? Model.BandRatingLabel : Model.RatingLabel };

        var pages = PdfText.Pages(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken));
        var memo = PdfText.Squeeze(pages[0]);
        var summary = PdfText.Squeeze(pages[1]);
        Assert.Contains(PdfText.Squeeze(acceptedCount == 1 ? "the risk of 1 is accepted and does not cap the rating" : "the risks of 2 are accepted and do not cap the rating"),
            summary, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze($"{Model.Knockouts[0].QuestionText} — risk accepted by Rita Reviewer until 2025-12-31"), summary, StringComparison.Ordinal);

        // The memo still fits its page: the summary follows on the second.
        Assert.Contains(AssessmentReport.SummaryTitle, pages[1], StringComparison.Ordinal);
        if (every)
        {
            Assert.Contains(PdfText.Squeeze("2 critical controls failed with the risk accepted, not capping the rating"), memo, StringComparison.Ordinal);
            Assert.Contains(PdfText.Squeeze($"({Model.Knockouts[0].QuestionKey}), accepted by Rita Reviewer until 2025-12-31"), memo, StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(PdfText.Squeeze($"Risk accepted, not capping the rating: {Model.Knockouts[0].QuestionKey}, accepted by Rita Reviewer until 2025-12-31"), memo, StringComparison.Ordinal);
        }
        if (every)
        {
            Assert.DoesNotContain(PdfText.Squeeze("capping the rating:"), memo.Replace(PdfText.Squeeze("not capping the rating:"), "", StringComparison.Ordinal), StringComparison.Ordinal);
        }
        else
        {
            Assert.Contains(PdfText.Squeeze($"2 critical controls failed. 1 with no risk accepted, capping the rating: {Model.Knockouts[1].QuestionText} ({Model.Knockouts[1].QuestionKey})"), memo, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void An_accepted_knockout_is_labelled_as_accepted_in_the_memos_risks_and_the_question_table()
    {
        var (acceptedKnockout, cappingKnockout) = (Model.Knockouts[0], Model.Knockouts[1]);
        var model = Model with
        {
            AcceptedKnockouts = [new AcceptedKnockoutModel(acceptedKnockout.QuestionKey, acceptedKnockout.QuestionText, "Rita Reviewer", new DateOnly(2025, 12, 31), "Pilot only.")],
            TopRisks =
            [
                new RiskModel(acceptedKnockout.QuestionKey, "Accepted control", "Security", null, "Answer it", 4.0, IsKnockout: true),
                new RiskModel(cappingKnockout.QuestionKey, "Capping control", "Security", null, "Answer it", 3.0, IsKnockout: true),
            ],
        };

        var pdf = new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken);
        var pages = PdfText.Pages(pdf).Select(PdfText.Squeeze).ToList();
        var memo = pages[0];
        var questionTable = string.Concat(pages.Skip(2));

        Assert.Contains("Acceptedcontrol" + PdfText.Squeeze("KNOCKOUT · RISK ACCEPTED"), memo, StringComparison.Ordinal);
        Assert.Contains("Cappingcontrol" + "KNOCKOUT" + "Security", memo, StringComparison.Ordinal);
        // Both knockouts read "CRITICAL — KNOCKOUT"; the accepted one goes on with ", RISK ACCEPTED".
        Assert.Equal(1, Occurrences(questionTable, PdfText.Squeeze("CRITICAL — KNOCKOUT, RISK ACCEPTED")));
        Assert.Equal(2, Occurrences(questionTable, PdfText.Squeeze("CRITICAL — KNOCKOUT")));

        // The accepted label is in muted ink, the capping one in the danger red.
        var memoLetters = PdfText.Letters(pdf)[0];
        Assert.Equal(Theme.Muted, PdfText.InkOf(memoLetters, "Acceptedcontrol", "KNOCKOUT · RISK ACCEPTED"));
        Assert.Equal(Theme.Danger, PdfText.InkOf(memoLetters, "Cappingcontrol", "KNOCKOUT"));
    }

    private static int Occurrences(string text, string part)
    {
        var count = 0;
        for (var at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + part.Length, StringComparison.Ordinal))
            count++;
        return count;
    }

    [Fact]
    public void An_assessment_not_yet_reviewed_has_no_recommendation_and_an_empty_approval_block()
    {
        var draft = Model with { IsReviewed = false, Recommendation = null, Reviewer = null, ReviewedAt = null, ApprovalConditions = null, ReviewComment = null, Status = "Draft" };
        var memo = PdfText.Pages(new SkiaReportRenderer().RenderAssessment(draft, TestContext.Current.CancellationToken))[0];

        Assert.Contains(PdfText.Squeeze("Recommendation: Not yet reviewed"), PdfText.Squeeze(memo), StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze("☐ Approve ☐ With conditions ☐ Reject"), PdfText.Squeeze(memo), StringComparison.Ordinal);
        Assert.Contains(AssessmentReport.DraftMark.ToUpperInvariant(), memo, StringComparison.Ordinal);
    }

    [Fact]
    public void The_appendix_explains_the_rating_bands_used()
    {
        var appendix = string.Concat(Pages.Value.SkipWhile(p => !p.Contains("How the score is calculated", StringComparison.Ordinal)));
        Assert.All(Model.RatingBands, b => Assert.Contains(b.Label + ReportFormat.Score(b.MinScore), appendix, StringComparison.Ordinal));
        Assert.Contains("knockout", appendix, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_same_input_gives_the_same_bytes()
    {
        var renderer = new SkiaReportRenderer();
        var first = renderer.RenderAssessment(Model, TestContext.Current.CancellationToken);
        var second = renderer.RenderAssessment(Model, TestContext.Current.CancellationToken);
        Assert.Equal(first, second);
    }
}
