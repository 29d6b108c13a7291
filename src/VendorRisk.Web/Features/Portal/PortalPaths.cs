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

    /// <summary>
    /// A link to the element <paramref name="id"/> of the page being shown, by its path: the pages' <c>&lt;base href="/"&gt;</c>
    /// would take a bare "#id" to the app's root, where a vendor contact only meets the sign-in page.
    /// </summary>
    public static string OnThisPage(Microsoft.AspNetCore.Components.NavigationManager navigation, string id) =>
        new Uri(navigation.Uri).AbsolutePath + "#" + id;
}
