namespace VendorRisk.Web.Features.Portal;

/// <summary>Every portal address lives under <see cref="Root"/>, the only path the portal cookie is sent to.</summary>
public static class PortalPaths
{
    public const string Root = "/portal";
    public const string Open = Root + "/open";
    public const string Questionnaire = Root + "/questionnaire";
    public const string Unavailable = Root + "/unavailable";
    public const string Expired = Root + "/expired";
    public const string Answers = Root + "/answers";
    public const string Submit = Root + "/submit";
    public const string Files = Root + "/files";
}
