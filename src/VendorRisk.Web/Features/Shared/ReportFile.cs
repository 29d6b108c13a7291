namespace VendorRisk.Web.Features.Shared;

/// <summary>A rendered report, ready to download.</summary>
public sealed record ReportFile(string FileName, byte[] Content)
{
    public const string ContentType = "application/pdf";
}
