namespace VendorRisk.Reports;

/// <summary>Renders report models to PDF. The only seam the app uses, so a renderer swap touches this project alone.</summary>
public interface IReportRenderer
{
    /// <summary>Renders the scored assessment report.</summary>
    byte[] RenderAssessment(AssessmentReportModel model, CancellationToken cancellationToken = default);

    /// <summary>Renders the multi-vendor comparison report.</summary>
    byte[] RenderComparison(ComparisonReportModel model, CancellationToken cancellationToken = default);
}
