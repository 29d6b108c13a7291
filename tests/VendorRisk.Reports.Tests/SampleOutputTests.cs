namespace VendorRisk.Reports.Tests;

/// <summary>
/// Renders both sample reports, checks they stay compact (fonts are embedded as subsets), and leaves them in
/// the temp folder under <c>reports-sample</c> for people to look at (<c>pdftoppm -png</c>).
/// </summary>
public sealed class SampleOutputTests
{
    [Fact]
    public void Sample_reports_are_compact_and_left_for_review()
    {
        var directory = Path.Combine(Path.GetTempPath(), "reports-sample");
        Directory.CreateDirectory(directory);
        var renderer = new SkiaReportRenderer();
        var assessment = renderer.RenderAssessment(SampleModels.Assessment(), TestContext.Current.CancellationToken);
        var comparison = renderer.RenderComparison(SampleModels.Comparison(), TestContext.Current.CancellationToken);
        File.WriteAllBytes(Path.Combine(directory, "assessment.pdf"), assessment);
        File.WriteAllBytes(Path.Combine(directory, "comparison.pdf"), comparison);

        // Whole fonts made these about 800 KB each; subsets of two faces keep them near 40 KB.
        Assert.InRange(assessment.Length, 10_000, 150_000);
        Assert.InRange(comparison.Length, 10_000, 150_000);
    }
}
