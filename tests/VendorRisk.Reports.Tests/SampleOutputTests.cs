namespace VendorRisk.Reports.Tests;

/// <summary>Writes samples to /tmp/reports-sample for people to look at.</summary>
public sealed class SampleOutputTests
{
    [Fact]
    public void Renders_samples_to_tmp()
    {
        var directory = Path.Combine(Path.GetTempPath(), "reports-sample");
        Directory.CreateDirectory(directory);
        var renderer = new SkiaReportRenderer();
        File.WriteAllBytes(Path.Combine(directory, "assessment.pdf"), renderer.RenderAssessment(SampleModels.Assessment(), TestContext.Current.CancellationToken));
        File.WriteAllBytes(Path.Combine(directory, "comparison.pdf"), renderer.RenderComparison(SampleModels.Comparison(), TestContext.Current.CancellationToken));
        Assert.True(new FileInfo(Path.Combine(directory, "assessment.pdf")).Length > 1000);
    }
}
