namespace VendorRisk.Domain.Access;

/// <summary>
/// The four roles, each including everything the ones below it may do
/// (Admin ⊃ Reviewer ⊃ Assessor ⊃ Viewer), so a check is a comparison of ranks.
/// </summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Reviewer = "Reviewer";
    public const string Assessor = "Assessor";
    public const string Viewer = "Viewer";

    public static readonly IReadOnlyList<string> All = [Admin, Reviewer, Assessor, Viewer];

    public static int Rank(string? role) => role switch
    {
        Admin => 4,
        Reviewer => 3,
        Assessor => 2,
        Viewer => 1,
        _ => 0,
    };

    public static bool Includes(string? role, string required) => Rank(role) >= Rank(required);

    public static string? Parse(string? value) =>
        All.FirstOrDefault(r => string.Equals(r, value?.Trim(), StringComparison.OrdinalIgnoreCase));
}
