using VendorRisk.Reports.Documents;

namespace VendorRisk.Reports.Tests.Documents;

public sealed class ComparisonReportTests
{
    [Theory]
    [InlineData(2)]
    [InlineData(5)]
    [InlineData(10)]
    public void The_ranking_lists_every_vendor_in_order(int vendorCount)
    {
        var model = SampleModels.Comparison(vendorCount);
        var pages = PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken));

        var first = pages[0];
        var last = -1;
        foreach (var vendor in model.Vendors)
        {
            var at = first.IndexOf(vendor.VendorName, StringComparison.Ordinal);
            Assert.True(at > last, $"{vendor.VendorName} missing from the ranking or out of order");
            last = at;
            Assert.Contains(ReportFormat.Score(vendor.OverallScore), first, StringComparison.Ordinal);
        }

        Assert.InRange(pages.Count, 3, 14);
    }

    [Fact]
    public void Weighting_costs_and_differences_are_printed()
    {
        var model = SampleModels.Comparison();
        var all = string.Concat(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken)));

        Assert.Contains("What-if weighting: Security first", all, StringComparison.Ordinal);
        Assert.Contains("$130,500", all, StringComparison.Ordinal);
        Assert.Contains("unknown", all, StringComparison.Ordinal);
        Assert.Contains("Where the answers differ", all, StringComparison.Ordinal);
        var squeezed = PdfText.Squeeze(all);
        Assert.All(model.Differences.SelectMany(d => d.Questions), q => Assert.Contains(PdfText.Squeeze(q.QuestionText), squeezed, StringComparison.Ordinal));
    }

    [Fact]
    public void Knockouts_are_keyed_in_the_ranking_and_each_failed_control_is_spelled_out_once()
    {
        var model = SampleModels.Comparison();
        var knockedOut = model.Vendors.Where(v => v.Knockouts.Count > 0).ToList();
        Assert.True(knockedOut.Count >= 2, "the sample needs several vendors failing the same control");
        var first = PdfText.Squeeze(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken))[0]);

        var text = PdfText.Squeeze(knockedOut[0].Knockouts[0].QuestionText);
        Assert.Contains(text, first, StringComparison.Ordinal);
        Assert.Equal(first.IndexOf(text, StringComparison.Ordinal), first.LastIndexOf(text, StringComparison.Ordinal));
        var key = knockedOut[0].Knockouts[0].QuestionKey;
        Assert.True(first.Split(key).Length - 1 >= knockedOut.Count + 1, $"{key} should appear per vendor and in the list");
    }

    [Fact]
    public void Default_weighting_is_not_named()
    {
        var model = SampleModels.Comparison() with { Weighting = null, CostProjection = null };
        var all = string.Concat(PdfText.Pages(new SkiaReportRenderer().RenderComparison(model, TestContext.Current.CancellationToken)));

        Assert.DoesNotContain("What-if weighting:", all, StringComparison.Ordinal);
        Assert.DoesNotContain("12 months", all, StringComparison.Ordinal);
        Assert.Contains("default section weights", all, StringComparison.Ordinal);
    }
}
