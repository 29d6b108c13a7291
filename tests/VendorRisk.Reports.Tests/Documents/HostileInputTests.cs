using System.Diagnostics;
using UglyToad.PdfPig;
using VendorRisk.Reports.Models;

namespace VendorRisk.Reports.Tests.Documents;

/// <summary>Limits from the issue: each renders within a bound, wraps inside the page and keeps the text.</summary>
public sealed class HostileInputTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(5);
    private const string Cjk = "北京智能科技有限公司";
    private const string Hebrew = "שלום עולם";

    private static (byte[] Pdf, TimeSpan Elapsed) Timed(Func<CancellationToken, byte[]> render)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cts.CancelAfter(Bound * 3);
        var watch = Stopwatch.StartNew();
        var pdf = render(cts.Token);
        watch.Stop();
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed}");
        return (pdf, watch.Elapsed);
    }

    private static void AssertInsidePages(byte[] pdf)
    {
        using var read = PdfDocument.Open(pdf);
        foreach (var page in read.GetPages())
        {
            Assert.All(page.Letters, l => Assert.True(l.EndBaseLine.X >= 0 && l.EndBaseLine.X <= page.Width - 49, $"page {page.Number}: '{l.Value}' at {l.EndBaseLine.X}"));
        }
    }

    [Fact]
    public void A_ten_thousand_character_note_with_a_long_word_controls_rtl_cjk_and_emoji()
    {
        var longWord = new string('Ж', 2000);
        var filler = string.Concat(Enumerable.Repeat("plain words that wrap normally ", 400));
        var note = $"{longWord} \u0001\u0007 {Hebrew} {Cjk} 👍🏽 emoji " + filler;
        note = note[..10_000];
        var model = SampleModels.Assessment();
        var section = model.Sections[0];
        var questions = section.Questions.ToList();
        questions[1] = questions[1] with { Note = note };
        model = model with { Sections = [section with { Questions = questions }, .. model.Sections.Skip(1)] };

        var (pdf, _) = Timed(ct => new SkiaReportRenderer().RenderAssessment(model, ct));

        var pages = PdfText.Pages(pdf);
        Assert.InRange(pages.Count, 8, 20);
        var all = PdfText.Squeeze(string.Concat(pages));
        Assert.Equal(2000, all.Count(c => c == 'Ж'));
        Assert.Contains(Cjk, all, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze(Hebrew), all, StringComparison.Ordinal);
        Assert.Contains("\uFFFD", all, StringComparison.Ordinal);
        AssertInsidePages(pdf);
    }

    [Fact]
    public void Urls_and_markup_in_user_text_stay_plain_text_never_links_or_fetches()
    {
        const string hostile = "See https://evil.example/track.png and file:///etc/passwd <img src=\"http://evil.example/x.png\"> <a href=\"javascript:alert(1)\">click</a>";
        var model = SampleModels.Assessment() with { VendorName = "https://evil.example/vendor", Scope = hostile };
        var section = model.Sections[0];
        var questions = section.Questions.ToList();
        questions[0] = questions[0] with { Note = hostile, AnswerText = hostile, Evidence = new EvidenceModel("Contract", new DateOnly(2026, 1, 1), hostile) };
        model = model with { Sections = [section with { Questions = questions }, .. model.Sections.Skip(1)] };

        var (pdf, _) = Timed(ct => new SkiaReportRenderer().RenderAssessment(model, ct));

        using var read = PdfDocument.Open(pdf);
        Assert.All(read.GetPages(), page => Assert.Empty(page.GetAnnotations()));
        var all = PdfText.Squeeze(string.Concat(read.GetPages().Select(p => p.Text)));
        Assert.Contains(PdfText.Squeeze(hostile), all, StringComparison.Ordinal);
        var raw = System.Text.Encoding.Latin1.GetString(pdf);
        Assert.DoesNotContain("/URI", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/Launch", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("/XObject", raw, StringComparison.Ordinal);
    }

    [Fact]
    public void A_500_question_set_renders_in_bounded_time_and_pages()
    {
        var model = SampleModels.Assessment(questionsPerSection: 50, sectionCount: 10);
        Assert.Equal(500, model.Sections.Sum(s => s.Questions.Count));

        var (pdf, _) = Timed(ct => new SkiaReportRenderer().RenderAssessment(model, ct));

        var pages = PdfText.Pages(pdf);
        Assert.InRange(pages.Count, 20, 120);
        var all = PdfText.Squeeze(string.Concat(pages));
        Assert.Contains(PdfText.Squeeze(model.Sections[9].Questions[49].Text), all, StringComparison.Ordinal);
    }

    [Fact]
    public void A_200_character_cjk_vendor_name_wraps_and_stays_extractable()
    {
        var name = string.Concat(Enumerable.Repeat(Cjk, 10)) + string.Concat(Enumerable.Repeat("Verylongvendorname", 6))[..100];
        Assert.Equal(200, name.Length);
        var model = SampleModels.Assessment(vendor: name);
        var comparison = SampleModels.Comparison(3);
        comparison = comparison with { Vendors = [comparison.Vendors[0] with { VendorName = name }, .. comparison.Vendors.Skip(1)] };

        var (assessment, _) = Timed(ct => new SkiaReportRenderer().RenderAssessment(model, ct));
        var (compared, _) = Timed(ct => new SkiaReportRenderer().RenderComparison(comparison, ct));

        Assert.Contains(PdfText.Squeeze(name), PdfText.Squeeze(PdfText.Pages(assessment)[0]), StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze(name), PdfText.Squeeze(PdfText.Pages(compared)[0]), StringComparison.Ordinal);
        AssertInsidePages(assessment);
        AssertInsidePages(compared);
    }

    [Fact]
    public void Empty_strings_and_nulls_render()
    {
        var model = new AssessmentReportModel
        {
            VendorName = string.Empty,
            QuestionSet = new QuestionSetRef(string.Empty, string.Empty, string.Empty),
            Sections =
            [
                new SectionModel(string.Empty, 0, null) { Questions = [new QuestionModel { Key = string.Empty, Text = string.Empty, AnswerText = string.Empty, Evidence = new EvidenceModel(null, null, null) }] },
                new SectionModel("No questions", 1, null),
            ],
            Knockouts = [new KnockoutModel(string.Empty, string.Empty)],
            WeakestQuestions = [new WeakQuestionModel(string.Empty, string.Empty, string.Empty, null, 0)],
            RatingColorHex = "not a colour",
            ApprovalConditions = string.Empty,
        };
        var comparison = new ComparisonReportModel
        {
            QuestionSetKey = string.Empty,
            QuestionSetTitle = string.Empty,
            Vendors = [new ComparedVendorModel { VendorName = string.Empty }],
            SectionMatrix = [new SectionMatrixRowModel(string.Empty, 1, [])],
            Differences = [new SectionDifferencesModel(string.Empty, [new QuestionDifferenceModel(string.Empty, string.Empty, [null, string.Empty])])],
            CostProjection = new CostProjectionModel(new WorkloadProfileModel(string.Empty, 0, 0, 1, 1), [new CostRowModel(string.Empty, null, null, null, null)]),
            Weighting = new WeightingModel(string.Empty, []),
        };

        var (a, _) = Timed(ct => new SkiaReportRenderer().RenderAssessment(model, ct));
        var (c, _) = Timed(ct => new SkiaReportRenderer().RenderComparison(comparison, ct));

        Assert.Contains("Page 1 of", PdfText.Pages(a)[0], StringComparison.Ordinal);
        Assert.Contains("Page 1 of", PdfText.Pages(c)[0], StringComparison.Ordinal);
    }
}
