using VendorRisk.Reports.Documents;

namespace VendorRisk.Reports;

/// <summary>Renders the reports with the SkiaSharp layout kit. Stateless and thread-safe.</summary>
/// <param name="fonts">Font library; defaults to the shared DejaVu Sans library.</param>
public sealed class SkiaReportRenderer(FontLibrary? fonts = null) : IReportRenderer
{
    /// <inheritdoc />
    public byte[] RenderAssessment(AssessmentReportModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return AssessmentReport.Compose(model, fonts).ToPdf(cancellationToken);
    }

    /// <inheritdoc />
    public byte[] RenderComparison(ComparisonReportModel model, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return ComparisonReport.Compose(model, fonts).ToPdf(cancellationToken);
    }
}
