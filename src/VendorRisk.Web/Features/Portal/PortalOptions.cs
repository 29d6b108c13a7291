namespace VendorRisk.Web.Features.Portal;

public sealed class PortalOptions
{
    public const string Section = "VendorRisk:Portal";

    /// <summary>Link openings a minute from one client address, right or wrong (guessing tokens is slowed to this).</summary>
    public int OpeningsPerMinute { get; set; } = 100;
    /// <summary>Portal requests a minute on one link (autosaves included).</summary>
    public int RequestsPerMinutePerLink { get; set; } = 300;
    /// <summary>Evidence files one link may send (besides the assessment's quota in bytes): a link cannot flood the file list.</summary>
    public int MaxFilesPerLink { get; set; } = 100;
    /// <summary>How long the portal cookie lasts without use.</summary>
    public int SessionMinutes { get; set; } = 60;
}
