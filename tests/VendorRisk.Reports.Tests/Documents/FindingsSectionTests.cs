using VendorRisk.Reports.Documents;
using VendorRisk.Reports.Models;

namespace VendorRisk.Reports.Tests.Documents;

public sealed class FindingsSectionTests
{
    [Fact]
    public void The_assessment_report_lists_conditions_and_open_findings_with_owners_and_due_dates_and_accepted_knockouts_with_approver_and_expiry()
    {
        var model = SampleModels.Assessment() with
        {
            Findings =
            [
                new FindingReportModel(7, "Sign the data processing addendum", "Medium", "Open", "Olivia Owner", new DateOnly(2025, 7, 31), IsCondition: true, IsOverdue: false),
                new FindingReportModel(8, "Enable prompt logging", "High", "Resolved", "Sam Second", new DateOnly(2025, 6, 1), IsCondition: true, IsOverdue: false),
                new FindingReportModel(9, "No output guard", "Critical", "In progress", "Olivia Owner", new DateOnly(2025, 6, 15), IsCondition: false, IsOverdue: true),
            ],
            AcceptedKnockouts = [new AcceptedKnockoutModel("output-guard", "Is there an output guard?", "Rita Reviewer", new DateOnly(2025, 9, 30), "Pilot on synthetic data only.")],
        };

        var text = PdfText.Squeeze(string.Concat(PdfText.Pages(new SkiaReportRenderer().RenderAssessment(model, TestContext.Current.CancellationToken))));

        foreach (var expected in new[]
        {
            FindingsSection.AcceptedTitle, "Is there an output guard?", "Rita Reviewer", "2025-09-30", "Pilot on synthetic data only.",
            FindingsSection.FindingsTitle, "Sign the data processing addendum", "Olivia Owner", "2025-07-31", "Resolved", "Sam Second",
            "No output guard", "Inprogress", "2025-06-15overdue",
        })
        {
            Assert.Contains(PdfText.Squeeze(expected), text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Without_findings_or_acceptances_the_report_has_neither_section()
    {
        var text = string.Concat(PdfText.Pages(new SkiaReportRenderer().RenderAssessment(SampleModels.Assessment(), TestContext.Current.CancellationToken)));

        Assert.DoesNotContain(FindingsSection.AcceptedTitle, text, StringComparison.Ordinal);
        Assert.DoesNotContain(FindingsSection.FindingsTitle, text, StringComparison.Ordinal);
    }

    [Fact]
    public void The_comparison_report_counts_open_findings_per_vendor_by_severity()
    {
        var sample = SampleModels.Comparison(2);
        var model = sample with
        {
            Vendors = [sample.Vendors[0] with { OpenFindings = new OpenFindingCountsModel(1, 2, 3, 4, 5) }, sample.Vendors[1] with { OpenFindings = new OpenFindingCountsModel(0, 0, 0, 0, 0) }],
        };

        var text = PdfText.Squeeze(string.Concat(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))));

        Assert.Contains(PdfText.Squeeze(FindingsSection.OpenFindingsTitle), text, StringComparison.Ordinal);
        Assert.Contains("CriticalHighMediumLowTotalOverdue", text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze(sample.Vendors[0].VendorName) + "1234105", text, StringComparison.Ordinal);
        Assert.Contains(PdfText.Squeeze(sample.Vendors[1].VendorName) + "000000", text, StringComparison.Ordinal);
    }
}
