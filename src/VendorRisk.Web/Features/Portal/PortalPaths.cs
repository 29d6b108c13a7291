namespace VendorRisk.Web.Features.Portal;

/// <summary>Every portal address lives under <see cref="Root"/>, the only path the portal cookie is sent to.</summary>
public static class PortalPaths
{
    public const string Root = "/portal";
    public const string Open = "/portal/open";
    public const string Questionnaire = "/portal/questionnaire";
    public const string Unavailable = "/portal/unavailable";
    public const string Expired = "/portal/expired";
    public const string Answers = "/portal/answers";
    public const string Submit = "/portal/submit";
    public const string Files = "/portal/files";
}
