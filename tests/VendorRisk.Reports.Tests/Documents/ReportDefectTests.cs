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
    public void Undated_evidence_says_undated_not_a_row_of_dashes()
    {
        var text = AllText(new SkiaReportRenderer().RenderAssessment(WithUndatedEvidence(SampleModels.Assessment()), TestContext.Current.CancellationToken));

        Assert.Contains(PdfText.Squeeze("Vendor attestation, undated — Letter from the CISO"), PdfText.Squeeze(text), StringComparison.Ordinal);
        Assert.DoesNotContain("dated — —", text, StringComparison.Ordinal);
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
